"""An activity moved (its date edited) after its attendance was taken, to a day after someone on its list had left
the group (third activities probe): 赵六 attended on the 10th and left on the 12th; moved to the 14th, the activity kept
赵六 attended — with the activity's points — on a day he was no longer in the group, the place set_attendance refuses
to record. Now the move is refused naming him and the day he went, in the service and under the dialog's start."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.activities_queries import get_activity
from desktop.services.onboarding import leave_group
from desktop.services.participation import (
    ActivityInput,
    attendance_of,
    create_activity,
    remove_place,
    set_attendance,
    update_activity,
)
from desktop.services.roster import MemberInput, add_member
from ui.dialogs.activity_dialog import ActivityDialog, to_qdatetime


def _gone_after(ws) -> tuple[int, int]:
    """赵六 and 新人 attended the 10 November talk; 赵六 left on the 12th."""
    with ws.database.session() as s:
        _m, zhao = add_member(
            s, ws.owner, ws.group_id, MemberInput(display_name="赵六", joined_at=datetime(2024, 1, 1))
        )
        _m, new = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="新人", joined_at=datetime(2024, 1, 2)))
        aid = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 10, 20))
        )
        set_attendance(s, ws.owner, aid, zhao, "attended")
        set_attendance(s, ws.owner, aid, new, "attended")
        leave_group(s, ws.owner, zhao, "搬走了", when=datetime(2026, 11, 12, 10))
        s.commit()
    return aid, zhao


def test_moving_past_a_leaving_is_refused_by_name(ws):
    aid, zhao = _gone_after(ws)
    with ws.database.session() as s:
        with pytest.raises(ValidationError) as refused:
            update_activity(s, ws.owner, aid, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 14, 20)))
        assert refused.value.field == "starts_at"
        assert "赵六" in refused.value.message and "2026-11-12" in refused.value.message
        s.rollback()
        assert get_activity(s, aid)[1].starts_at == datetime(2026, 11, 10, 20)  # nothing moved
        # the day he left, an earlier day, or the same day at another hour: fine
        for when in (datetime(2026, 11, 12, 20), datetime(2026, 11, 9, 19), datetime(2026, 11, 10, 21)):
            update_activity(s, ws.owner, aid, ActivityInput(title="线上分享", starts_at=when))
        # taken off the list first, the move is made
        remove_place(s, ws.owner, aid, zhao)
        update_activity(s, ws.owner, aid, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 14, 20)))
        assert [r.display_name for r in attendance_of(s, aid)] == ["新人"]


def test_the_dialog_says_it_under_the_start(qtbot, ws):
    aid, _zhao = _gone_after(ws)
    dialog = ActivityDialog(ws.database, ws.owner, ws.group_id, aid, now=datetime(2026, 11, 18, 9))
    qtbot.addWidget(dialog)
    dialog.starts_edit.setDateTime(to_qdatetime(datetime(2026, 11, 14, 20)))
    dialog.save()
    assert "赵六" in dialog.error_text("starts_at")
    with ws.database.session() as s:
        assert get_activity(s, aid)[1].starts_at == datetime(2026, 11, 10, 20)


def test_the_places_of_a_moved_activity_follow_the_leaves_of_its_new_day(qtbot, ws):
    """李四 signed up for the 21st while on leave the 20th–22nd (excused by the leave); moved to the 25th he stayed 请假
    for a day he is not on leave. 张三 marked absent on the 9th; moved to the 11th, a day of his leave, he stayed absent
    and his attendance rate paid for it. Now the places read as on their new day; one excused by hand stays."""
    from desktop.services.checkins import record_leave

    today = datetime(2026, 11, 18)
    with ws.database.session() as s:
        record_leave(
            s, ws.owner, ws.memberships["李四"], datetime(2026, 11, 20).date(), datetime(2026, 11, 22).date(), "出差"
        )
        record_leave(
            s, ws.owner, ws.memberships["张三"], datetime(2026, 11, 10).date(), datetime(2026, 11, 12).date(), "病假"
        )
        later = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="周末分享", starts_at=datetime(2026, 11, 21, 20))
        )
        assert set_attendance(s, ws.owner, later, ws.memberships["李四"], "registered") == "excused"
        set_attendance(s, ws.owner, later, ws.memberships["张珊"], "excused")  # sent word herself
        past = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="周中分享", starts_at=datetime(2026, 11, 9, 20))
        )
        set_attendance(s, ws.owner, past, ws.memberships["张三"], "absent")
        s.commit()
    assert today.date() < datetime(2026, 11, 21).date()
    dialog = ActivityDialog(ws.database, ws.owner, ws.group_id, later, now=today)
    qtbot.addWidget(dialog)
    dialog.starts_edit.setDateTime(to_qdatetime(datetime(2026, 11, 25, 20)))
    dialog.save()
    with ws.database.session() as s:
        update_activity(s, ws.owner, past, ActivityInput(title="周中分享", starts_at=datetime(2026, 11, 11, 20)))
        s.commit()
        assert {r.display_name: r.status for r in attendance_of(s, later)} == {"李四": "registered", "张珊": "excused"}
        assert {r.display_name: r.status for r in attendance_of(s, past)} == {"张三": "excused"}
        # moved off the leave again (a day that has passed): absent, as it was
        update_activity(s, ws.owner, past, ActivityInput(title="周中分享", starts_at=datetime(2026, 11, 13, 20)))
        assert {r.display_name: r.status for r in attendance_of(s, past)} == {"张三": "absent"}
