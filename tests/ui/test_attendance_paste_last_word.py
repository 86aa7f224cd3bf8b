"""The sign-up chain pasted for an activity (AttendancePasteDialog), as the activities probe pasted it.

A chain grows down: `1. 张三` then `3. 张三 取消` is a sign-up taken back — 张三 was registered all the same (the
withdrawal line said "took the sign-up back" and Apply wrote the sign-up above it); `张三 不去了` then `张三 又能去了`
is a sign-up again — with 张三 already registered, Apply removed his place; `1. 李四` then `3. 李四 请假` is 请假 —
李四 stayed registered (the first line of a person won). Now the last line that decides about a person stands.

A chain whose title names another day (`#接龙 周六徒步 12月20日`) pasted into an activity of another day, or two
activities' chains pasted together, were registered without a word: the dialog now says so and writes only once the
organiser confirms it is this activity's sign-up."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.services.activities_queries import attendance_sheet
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import AttendancePasteDialog


def _activity(ws, day=TEST_TODAY, days: int = 1) -> int:
    start = datetime.combine(day, datetime.min.time()).replace(hour=8)
    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="周六徒步", starts_at=start, ends_at=start + timedelta(days=days - 1, hours=10)),
        )
        s.commit()
    return aid


def _sheet(ws, aid) -> dict[int, str]:
    with ws.database.session() as s:
        return {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid) if a.status}


def _dialog(qtbot, ws, aid, text) -> AttendancePasteDialog:
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(text)
    return dialog


def test_a_sign_up_taken_back_further_down_the_chain_is_no_sign_up(qtbot, ws):
    aid = _activity(ws)
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 张三\n2. 李四\n3. 张三 取消\n")
    rows = {m.line.line_no: r for r, m in enumerate(dialog.matches)}
    assert dialog.decision(rows[5]) == ("withdraw", ws.memberships["张三"])  # the default: the place goes
    assert "line 5" in dialog.table.item(rows[3], 2).text()  # 张三's sign-up says a later line changes it
    assert "Apply marks 1 member(s)." in dialog.summary_label.text()
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships["李四"]: "registered"}


def test_keeping_the_sign_up_is_a_choice(qtbot, ws):
    aid = _activity(ws)
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 张三\n2. 李四\n3. 张三 取消\n")
    rows = {m.line.line_no: r for r, m in enumerate(dialog.matches)}
    dialog.choose(rows[5], skip=True)
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships["张三"]: "registered", ws.memberships["李四"]: "registered"}


def test_signed_up_again_after_a_withdrawal_keeps_the_place(qtbot, ws):
    aid = _activity(ws)
    zs = ws.memberships["张三"]
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, zs, "registered")  # yesterday's paste
        s.commit()
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 张三\n2. 李四\n3. 张三 不去了\n4. 张三 又能去了\n")
    rows = {m.line.line_no: r for r, m in enumerate(dialog.matches)}
    assert "line 6" in dialog.table.item(rows[5], 3).text()  # the withdrawal: signed up again below
    dialog.apply()
    assert _sheet(ws, aid) == {zs: "registered", ws.memberships["李四"]: "registered"}


def test_leave_further_down_the_chain_makes_the_place_excused(qtbot, ws):
    aid = _activity(ws)
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 李四\n2. 张珊\n3. 李四 请假\n")
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships["李四"]: "excused", ws.memberships["张珊"]: "registered"}


def test_a_chain_titled_for_another_day_is_written_only_once_confirmed(qtbot, ws):
    aid = _activity(ws)
    other = TEST_TODAY + timedelta(days=24)
    dialog = _dialog(qtbot, ws, aid, f"#接龙 周六徒步 {other.month}月{other.day}日 8:00 集合\n\n1. 张三\n2. 李四\n")
    assert [other.isoformat() in d and TEST_TODAY.isoformat() in d for d in dialog.chain_doubts()] == [True]
    assert not dialog.doubt_label.isHidden() and not dialog.confirm_box.isHidden()
    assert not dialog.apply_button.isEnabled()
    dialog.apply()  # refused: nothing is written
    assert _sheet(ws, aid) == {}
    dialog.confirm_box.setChecked(True)
    assert dialog.apply_button.isEnabled()
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships["张三"]: "registered", ws.memberships["李四"]: "registered"}


def test_a_chain_titled_for_a_day_of_the_activity_needs_no_confirmation(qtbot, ws):
    camp = _activity(ws, TEST_TODAY - timedelta(days=2), days=4)  # a camp over four days
    day = TEST_TODAY + timedelta(days=1)
    dialog = _dialog(qtbot, ws, camp, f"#接龙 训练营 {day.month}月{day.day}日\n1. 张三\n2. 李四\n")
    assert dialog.chain_doubts() == [] and dialog.confirm_box.isHidden()
    assert dialog.apply_button.isEnabled()
    # the same chain posted twice (re-pasted, or the later copy of it) is one chain
    dialog.set_text(
        f"#接龙 训练营 {day.month}月{day.day}日\n1. 张三\n\n#接龙 训练营 {day.month}月{day.day}日\n1. 张三\n2. 李四\n"
    )
    assert dialog.chain_doubts() == []


def test_two_activities_chains_pasted_together_are_said(qtbot, ws):
    aid = _activity(ws)
    dialog = _dialog(qtbot, ws, aid, "#接龙 上午徒步\n1. 张三\n2. 李四\n\n#接龙 晚上聚餐\n1. 张珊\n")
    assert dialog.chain_doubts() == ["The paste holds 2 chains with different titles; an activity has one."]
    assert not dialog.apply_button.isEnabled()


def test_the_chain_pasted_again_keeps_the_absent_and_the_excused(qtbot, ws):
    """The organiser marked the list after the activity (李四 absent, 张珊 excused); the chain is pasted again for a
    late sign-up: the marks stay (they went back to registered, and 张珊's 请假 counted against the rate again)."""
    aid = _activity(ws, TEST_TODAY - timedelta(days=1))
    ls, shan, zs = ws.memberships["李四"], ws.memberships["张珊"], ws.memberships["张三"]
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, ls, "absent")
        set_attendance(s, ws.owner, aid, shan, "excused")
        s.commit()
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 李四\n2. 张珊\n3. 张三\n")
    dialog.apply()
    assert dialog.outcome is not None and (dialog.outcome.written, dialog.outcome.unchanged) == (1, 2)
    assert _sheet(ws, aid) == {ls: "absent", shan: "excused", zs: "registered"}
    # pasted as the list of who came, the chain says 李四 came after all
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步签到\n1. 李四\n")
    dialog.attended_radio.setChecked(True)
    dialog.apply()
    assert _sheet(ws, aid) == {ls: "attended", shan: "excused", zs: "registered"}


def test_sign_ups_in_the_chat_under_date_separators_need_no_confirmation(qtbot, ws):
    """`张三：+1` under WeChat's separators: the separators date the messages (posted days before the activity), not
    the activity — no doubt is raised about them."""
    aid = _activity(ws)
    before, after = TEST_TODAY - timedelta(days=3), TEST_TODAY - timedelta(days=2)
    dialog = _dialog(
        qtbot,
        ws,
        aid,
        f"—— {before.month}月{before.day}日 晚上20:15 ——\n张三：+1\n李四：+1\n{after.month}月{after.day}日 08:00\n张珊：+1\n",
    )
    assert dialog.chain_doubts() == [] and dialog.apply_button.isEnabled()
    dialog.apply()
    assert set(_sheet(ws, aid)) == {ws.memberships[n] for n in ("张三", "李四", "张珊")}


def test_a_sign_up_bringing_guests_says_they_are_on_no_list(qtbot, ws):
    """`张三+1（带朋友）` and `李四 2人` sign up 张三 and 李四 and nobody else (a friend is no member): the lines and the
    summary say so — the friends were dropped without a word, and the head count read off the list was short."""
    aid = _activity(ws)
    dialog = _dialog(qtbot, ws, aid, "#接龙\n周六徒步报名\n1. 张三+1（带朋友）\n2. 李四 2人\n3. 张珊 +1\n")
    rows = {m.line.line_no: r for r, m in enumerate(dialog.matches)}
    assert "guests" in dialog.table.item(rows[3], 2).text() and "guests" in dialog.table.item(rows[4], 2).text()
    assert "guests" not in dialog.table.item(rows[5], 2).text()  # +1 alone: count me in
    assert "2 line(s) bring guests" in dialog.summary_label.text()
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships[n]: "registered" for n in ("张三", "李四", "张珊")}


def test_sign_ups_whose_names_fit_another_group_better_are_written_only_once_confirmed(qtbot, ws):
    """早起打卡营's sign-up chain pasted into 读书会's activity, two of its four people in both groups: those two were
    registered without a word (multigroup probe). The dialog says which group the names fit and asks first."""
    from desktop.services.members import bulk_copy_to_group
    from desktop.services.roster import MemberInput, add_member

    joined = datetime(2024, 3, 10, 4, 0)
    with ws.database.session() as s:
        for n in ("林一", "林二"):
            add_member(s, ws.owner, ws.group_id, MemberInput(display_name=n, joined_at=joined))
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张珊"], ws.memberships["李四"]], ws.other_group_id)
        start = datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=8)
        aid = create_activity(s, ws.owner, ws.other_group_id, ActivityInput(title="读书分享", starts_at=start))
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.other_group_id, aid, "读书分享")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 报名\n\n1. 张珊\n2. 李四\n3. 林一\n4. 林二\n")
    assert any("早起打卡营" in d for d in dialog.chain_doubts())
    assert not dialog.confirm_box.isHidden() and not dialog.apply_button.isEnabled()
    dialog.set_text("#接龙 报名\n\n1. 张珊\n2. 李四\n")  # people of both groups only: nothing tells, nothing said
    assert dialog.chain_doubts() == []
