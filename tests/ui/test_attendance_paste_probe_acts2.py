"""Sign-up chains as people write them, pasted for an activity (AttendancePasteDialog, second activities probe):
a chain's labelled lines — `候补：张珊`, `主持：李四`, `分享嘉宾：王五` — name people. Unnumbered under a numbered chain they
were noise and missing from the preview without a word (张珊 on the waiting list, 李四 the host: nobody told), and
on their own they read as chat spoken by 「主持」, offered as a new member to add. Now each is the person after the
label: 候补 is not signed up (the organiser may sign them up anyway), 主持 / 分享嘉宾 give the place its role."""

from __future__ import annotations

from datetime import datetime

from desktop.services.activities_queries import attendance_sheet
from desktop.services.participation import ActivityInput, create_activity
from desktop.services.paste import match_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import NEW, AttendancePasteDialog

CHAIN = "#接龙\n周六分享会第4期报名\n1. 张三 +1\n2. 李四\n3. 张珊 待定\n候补：张珊\n主持：李四\n分享嘉宾：王五\n"


def _activity(ws) -> tuple[int, int]:
    with ws.database.session() as s:
        _mid, wangwu = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="王五"))
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="分享会", starts_at=datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=20)),
        )
        s.commit()
    return aid, wangwu


def _sheet(ws, aid) -> dict[int, tuple[str, str]]:
    with ws.database.session() as s:
        return {a.membership_id: (a.status, a.role) for a in attendance_sheet(s, ws.group_id, aid) if a.status}


def test_labelled_lines_of_a_chain_are_their_people_with_their_roles(qtbot, ws):
    aid, wangwu = _activity(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "分享会")
    qtbot.addWidget(dialog)
    dialog.set_text(CHAIN)
    by_line = {m.line.line_no: (m.status, m.reason, m.name) for m in dialog.matches}
    # every line naming someone is in the preview (6, 7 and 8 were missing)
    assert by_line[6] == ("ignored", "tentative", "张珊")
    assert by_line[7][0] == "duplicate" and by_line[7][2] == "李四"
    assert by_line[8] == ("matched", None, "王五")
    row7 = next(r for r, m in enumerate(dialog.matches) if m.line.line_no == 7)
    assert "Host" in dialog.table.item(row7, 2).text() or "主持" in dialog.table.item(row7, 2).text()
    dialog.apply()
    assert dialog.outcome is not None
    assert _sheet(ws, aid) == {
        ws.memberships["张三"]: ("registered", "attendee"),
        ws.memberships["李四"]: ("registered", "host"),
        wangwu: ("registered", "speaker"),
    }  # 张珊 (待定, then 候补) is not signed up


def test_labelled_lines_alone_name_the_person_not_the_label(qtbot, ws):
    aid, wangwu = _activity(ws)
    with ws.database.session() as s:
        statuses = [
            (m.status, m.name)
            for m in match_paste(s, ws.group_id, "主持：李四\n分享嘉宾：王五\n候补：张珊\n", signups=True)
        ]
    assert statuses == [("matched", "李四"), ("matched", "王五"), ("ignored", "张珊")]
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("主持：李四\n分享嘉宾：王五\n")
    for combo in dialog.combos.values():  # never "Add 主持 as a new member"
        assert all((combo.itemData(i) or ("",))[0] != NEW for i in range(combo.count()))
    dialog.apply()
    assert _sheet(ws, aid) == {ws.memberships["李四"]: ("registered", "host"), wangwu: ("registered", "speaker")}


def test_a_check_in_chain_is_not_read_as_a_sign_up_list(ws):
    """The labels are a sign-up list's: a check-in paste keeps reading as before."""
    with ws.database.session() as s:
        matches = match_paste(s, ws.group_id, "#接龙 早起打卡\n1. 张三\n2. 李四\n主持：张珊\n", TEST_TODAY)
    assert [m.name for m in matches] == ["张三", "李四"]


def _edition_four(ws, title: str = "分享会", edition: int | None = 4) -> int:
    from desktop.services.participation import ActivityInput as Input

    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            Input(
                title=title,
                series="分享会" if edition else None,
                edition=edition,
                starts_at=datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=20),
            ),
        )
        s.commit()
    return aid


def test_a_chain_of_another_edition_is_said_and_applied_only_once_confirmed(qtbot, ws):
    """第3期's chain pasted into 第4期 (the last one's list was still in the clipboard): its day says nothing (no day
    written), and the people were signed up for this edition without a word."""
    aid = _edition_four(ws)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙\n周六分享会第3期报名\n1. 张三\n2. 李四\n")
    assert any("edition 3" in d and "edition 4" in d for d in dialog.chain_doubts())
    assert dialog.doubt_label.isVisibleTo(dialog) and not dialog.apply_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    assert dialog.apply_button.isEnabled()
    # its own edition, in digits or Chinese, or an activity that names its edition only in its title: no doubt
    for text in ("#接龙\n分享会第4期报名\n1. 张三\n", "#接龙\n分享会第四期报名\n1. 张三\n"):
        dialog.set_text(text)
        assert dialog.chain_doubts() == [] and dialog.apply_button.isEnabled()
    titled = _edition_four(ws, "读书会 第十二期", None)
    other = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, titled, "读书会 第十二期")
    qtbot.addWidget(other)
    other.set_text("#接龙\n读书会第12期\n1. 张三\n")
    assert other.chain_doubts() == []
    other.set_text("#接龙\n读书会第11期\n1. 张三\n")
    assert len(other.chain_doubts()) == 1


def test_a_chain_beyond_the_capacity_is_said_before_apply(qtbot, ws):
    """Capacity is advisory (PRODUCT §4): a chain of 3 for 2 places is applied, but the preview says the list goes
    beyond it — before, nothing said so until the page's count turned red after the fact."""
    from desktop.services.participation import ActivityInput as Input
    from desktop.services.participation import set_attendance

    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            Input(title="线下聚会", capacity=2, starts_at=datetime.combine(TEST_TODAY, datetime.min.time())),
        )
        set_attendance(s, ws.owner, aid, ws.memberships["张三"], "registered")
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "线下聚会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 线下聚会\n1. 李四\n2. 张珊\n")
    assert "The list will have 3 places for a capacity of 2." in dialog.summary_label.text()
    assert dialog.apply_button.isEnabled()
    dialog.set_text("#接龙 线下聚会\n1. 李四\n2. 张三\n")  # 张三 is on the list already: 2 places
    assert "capacity" not in dialog.summary_label.text()
    dialog.set_text("#接龙 线下聚会\n1. 李四\n2. 张珊\n3. 张三 不去了\n")  # 张三 takes the place back: 2
    assert "capacity" not in dialog.summary_label.text()


def test_a_sign_up_on_a_leave_day_says_it_will_be_excused(qtbot, ws):
    """李四 is on leave (请假) the activity's day and signs up: the place is written as excused (set_attendance: a
    sign-up on a leave day is no no-show), but the preview said only "Matched" — the organiser expected a sign-up and
    found 请假 on the list. Now the line says so before Apply; a person who left the group is named, never listed."""
    from desktop.services.checkins import record_leave
    from desktop.services.onboarding import leave_group

    aid, _wangwu = _activity(ws)
    with ws.database.session() as s:
        record_leave(s, ws.owner, ws.memberships["李四"], TEST_TODAY, TEST_TODAY, "出差")
        leave_group(s, ws.owner, ws.memberships["张珊"], "退群", when=datetime(2026, 11, 10, 12))
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "分享会")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 分享会\n1. 张三\n2. 李四\n3. 张珊\n")
    texts = {m.line.line_no: dialog.table.item(r, 2).text() for r, m in enumerate(dialog.matches)}
    assert "on leave" not in texts[2]
    assert "on leave that day" in texts[3] and "excused" in texts[3]
    assert dialog.matches[2].status == "not_member"
    dialog.apply()
    assert _sheet(ws, aid) == {
        ws.memberships["张三"]: ("registered", "attendee"),
        ws.memberships["李四"]: ("excused", "attendee"),
    }
