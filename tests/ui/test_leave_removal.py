"""A leave (请假) recorded by mistake — on the wrong member, or for days the member did not take — could not be taken
back anywhere: its days kept bridging the member's streak (and paying its 7-day bonus), kept coming out of their
check-in rate, and kept them off the not-yet list. Found by the activities probe. The leave dialog lists the chosen
member's leaves and removes one; the streak bonus follows at once, and the window says which places at activities
of those days the leave had excused are absent again (those the organiser marked excused stay)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.services.activities_queries import attendance_sheet
from desktop.services.checkins import record_checkins, record_leave, streaks
from desktop.services.checkins_queries import on_leave
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.points import balance
from desktop.services.roster import leaves_of
from tests.fixed_day import TEST_TODAY
from ui.dialogs.leave_dialog import LeaveDialog
from ui.models.checkins_models import Person

GAP = TEST_TODAY - timedelta(days=3)


def _set_up(ws) -> tuple[int, int]:
    zs = ws.memberships["张三"]
    with ws.database.session() as s:
        for back in (7, 6, 5, 4, 2, 1, 0):  # the 3rd day back has no check-in
            record_checkins(s, ws.owner, ws.group_id, TEST_TODAY - timedelta(days=back), [zs])
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="周六徒步", starts_at=datetime.combine(GAP, datetime.min.time())),
        )
        set_attendance(s, ws.owner, aid, zs, "absent")
        record_leave(s, ws.owner, zs, GAP, GAP, "记错人了")  # meant for 张珊
        s.commit()
        assert streaks(s, zs, TEST_TODAY).current == 7 and balance(s, zs) == 7 + 5  # the leave bridged the gap
    return zs, aid


def test_a_leave_recorded_by_mistake_is_removed_and_the_streak_bonus_follows(qtbot, ws):
    zs, aid = _set_up(ws)
    dialog = LeaveDialog(ws.database, ws.owner, ws.group_id, day=TEST_TODAY, person=Person(zs, "张三"))
    qtbot.addWidget(dialog)
    assert dialog.leave_list.count() == 1 and GAP.isoformat() in dialog.leave_list.item(0).text()
    assert not dialog.remove_button.isEnabled()  # nothing chosen yet
    dialog.leave_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.leave_removed):
        assert dialog.remove_selected()
    with ws.database.session() as s:
        assert leaves_of(s, zs) == [] and on_leave(s, ws.group_id, GAP) == []
        assert streaks(s, zs, TEST_TODAY).current == 3
        assert balance(s, zs) == 7  # the bonus the leave gave is reversed
    text = dialog.removed_label.text()
    assert "张三" in text and GAP.isoformat() in text
    # the absence the leave excused reads as it would without the leave: absent again, and the window says so
    assert "1 place(s) at activities of those days that the leave excused are absent again" in text
    assert "stay excused" not in text
    with ws.database.session() as s:
        assert {a.membership_id: a.status for a in attendance_sheet(s, ws.group_id, aid)}[zs] == "absent"
    assert dialog.leave_list.count() == 0 and dialog.leave_list.isHidden()


def test_the_member_without_leave_shows_no_list(qtbot, ws):
    dialog = LeaveDialog(
        ws.database, ws.owner, ws.group_id, day=TEST_TODAY, person=Person(ws.memberships["李四"], "李四")
    )
    qtbot.addWidget(dialog)
    assert dialog.leave_list.count() == 0 and dialog.remove_button.isHidden()
    assert dialog.remove_selected() is False
