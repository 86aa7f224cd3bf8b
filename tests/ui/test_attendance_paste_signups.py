"""The sign-up chain pasted for an activity (AttendancePasteDialog): a line taking the place back
(`1. 张三 不去了`, `李四 取消`) is no sign-up, and `李四 请假` is the member's 请假 — excused, not a blank.
Found by the sixth paste probe: both were registered as sign-ups, and 请假 was "not counted"."""

from __future__ import annotations

from datetime import datetime

from desktop.services.activities_queries import attendance_sheet
from desktop.services.participation import ActivityInput, create_activity
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import AttendancePasteDialog


def _activity(ws) -> int:
    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(
                title="读书分享会", starts_at=datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=20)
            ),
        )
        s.commit()
    return aid


def test_withdrawn_lines_are_not_sign_ups_and_leave_is_excused(qtbot, ws):
    aid = _activity(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "读书分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六读书分享会报名\n1. 张三 不去了\n2. 李四 请假\n3. 张珊\n4. 张三 取消\n")
    by_line = {m.line.line_no: (m.status, m.reason) for m in dialog.matches}
    assert by_line[2] == ("ignored", "withdrawn") and by_line[5] == ("ignored", "withdrawn")
    assert by_line[3][0] == "leave"
    dialog.apply()
    assert dialog.outcome is not None and dialog.outcome.written == 2
    with ws.database.session() as s:
        sheet = {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid) if a.status}
    assert sheet == {ws.memberships["李四"]: "excused", ws.memberships["张珊"]: "registered"}


def test_a_sign_up_that_cancels_something_else_is_still_a_sign_up(qtbot, ws):
    aid = _activity(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "读书分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六读书分享会报名\n1. 张三 取消了出差 可以来\n2. 李四\n")
    assert [m.status for m in dialog.matches] == ["matched", "matched"]


def test_a_withdrawal_after_an_earlier_sign_up_takes_the_place_back(qtbot, ws):
    """张三 signed up in yesterday's chain and writes 不去了 today: the line offers to remove the sign-up (the
    default), Apply removes it; a place already marked attended is never taken back by a chain; keeping it is a
    choice."""
    from desktop.services.participation import set_attendance, withdraw_sign_up

    aid = _activity(ws)
    zs, ls = ws.memberships["张三"], ws.memberships["李四"]
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, zs, "registered")
        set_attendance(s, ws.owner, aid, ls, "registered")
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "读书分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六读书分享会报名\n1. 张三 不去了\n2. 李四 取消\n")
    assert dialog.apply_button.isEnabled()  # withdrawals alone are something to apply
    assert [dialog.decision(r)[0] for r in sorted(dialog.combos)] == ["withdraw", "withdraw"]  # the default
    assert "Apply takes back 2 sign-up(s)." in dialog.summary_label.text()
    row_ls = next(r for r, m in enumerate(dialog.matches) if m.line.line_no == 3)
    dialog.choose(row_ls, skip=True)  # keep 李四's place
    dialog.apply()
    assert dialog.outcome is not None and dialog.outcome.written == 1
    with ws.database.session() as s:
        sheet = {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid) if a.status}
        assert sheet == {ls: "registered"}
        # an attended place is never taken back by a withdrawal
        set_attendance(s, ws.owner, aid, ls, "attended")
        assert withdraw_sign_up(s, ws.owner, aid, ls) is False
        s.commit()
        sheet = {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid) if a.status}
    assert sheet == {ls: "attended"}


def test_a_tentative_or_waiting_list_line_is_no_sign_up_unless_chosen(qtbot, ws):
    """`2. 李四 待定` and `3. 张珊 候补` take no place: each line says so (not sure yet, or on the waiting list) and
    its choice defaults to not signing up; choosing 'sign up anyway' for 张珊 registers her. 可能晚到 is a sign-up
    with a remark."""
    aid = _activity(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "读书分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六读书分享会报名\n1. 张三 可能晚到\n2. 李四 待定\n3. 张珊 候补\n")
    by_line = {m.line.line_no: (m.status, m.reason) for m in dialog.matches}
    assert by_line == {2: ("matched", None), 3: ("ignored", "tentative"), 4: ("ignored", "tentative")}
    rows = {m.line.line_no: r for r, m in enumerate(dialog.matches)}
    assert dialog.decision(rows[3]) == ("skip", None) and dialog.decision(rows[4]) == ("skip", None)
    assert "waiting list" in dialog.table.item(rows[3], 2).text()
    dialog.choose(rows[4], ws.memberships["张珊"])
    dialog.apply()
    with ws.database.session() as s:
        sheet = {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid) if a.status}
    assert sheet == {ws.memberships["张三"]: "registered", ws.memberships["张珊"]: "registered"}


def test_two_members_of_one_name_are_told_apart_in_the_choice_list(qtbot, ws):
    """`3. 王芳` where the group has two 王芳: the choice list read "王芳 · same name" twice (probe points3 found the
    same in the points dialog) — whichever was picked was signed up. Their WeChat IDs tell them apart."""
    from desktop.services.roster import MemberInput, add_member

    with ws.database.session() as s:
        bj = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="王芳", wechat_id="wangfang_bj"))[1]
        sh = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="王芳", wechat_id="wangfang_sh"))[1]
        s.commit()
    aid = _activity(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "读书分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六读书分享会报名\n1. 李四\n2. 王芳\n")
    row = next(r for r, m in enumerate(dialog.matches) if m.line.line_no == 3)
    assert dialog.matches[row].status == "ambiguous"
    combo = dialog.combos[row]
    texts = {combo.itemData(i)[1]: combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)[0] == "member"}
    assert texts[bj].startswith("王芳 · wangfang_bj") and texts[sh].startswith("王芳 · wangfang_sh")
