""" "Mark all registered as attended" with someone on the list who left before the activity (probe members9): the
service now refuses a place of a day after the person went; the button marked nobody (the refusal of one failed
all) — it marks the others and names the one not marked, with the day they went."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.onboarding import leave_group
from desktop.services.participation import set_attendance
from tests.fixed_day import TEST_TODAY
from tests.ui.test_activities_page import add_activity, open_page, status_of

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def test_mark_all_attended_marks_the_members_and_names_who_left_before(qtbot, ws):
    today = add_activity(ws, "今天的分享")
    gone_day = TEST_TODAY - timedelta(days=1)
    with ws.database.session() as s:
        set_attendance(s, ws.owner, today, ws.memberships["张三"], "registered")
        set_attendance(s, ws.owner, today, ws.memberships["李四"], "registered")
        leave_group(s, ws.owner, ws.memberships["李四"], "不来了", when=datetime.combine(gone_day, datetime.min.time()))
        s.commit()
    page = open_page(qtbot, ws)
    assert page.select_activity(today)
    assert page.mark_all_attended() == 1
    assert status_of(ws, today, "张三") == "attended"
    assert status_of(ws, today, "李四") == "registered"
    assert page.attendance_note.isVisible()
    assert "李四" in page.attendance_note.text() and gone_day.isoformat() in page.attendance_note.text()
