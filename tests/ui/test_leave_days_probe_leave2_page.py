"""Leave, second probe (6 December), on the Check-ins page: `2. 赵六 请假3天` in today's chain opened the leave dialog
on today alone — one Enter recorded one day, and 赵六 was @-named as missing tomorrow and their streak broke the day
after. `3. 李四 明后两天请假` did worse: a leave of today, a day she was not on leave, and none of the two she asked
for. The preview now says the days the line says, and the dialog starts on them (nothing is written until the
assistant confirms it)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, shown_checkins_page
from PySide6.QtCore import Qt

from desktop.services.checkins_queries import not_checked_in, on_leave
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.models.checkins_models import PREVIEW_COL_CHOICE

TODAY = TEST_TODAY


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        _, ms = add_member(
            s, workspace.owner, workspace.group_id, MemberInput(display_name="赵六", joined_at=datetime(2024, 3, 10, 4))
        )
        workspace.memberships["赵六"] = ms
        s.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    return shown_checkins_page(qtbot, ws)


def _leave_rows(page) -> dict[str, int]:
    model = page.preview_model
    return {
        model.leave_candidate(r).display_name: r
        for r in range(model.rowCount())
        if model.status(r) == "leave" and model.leave_candidate(r) is not None
    }


def test_a_leave_line_opens_the_dialog_on_the_days_it_says_and_records_them(qtbot, page, ws):
    page.set_day(TODAY)
    page.set_paste_text(
        f"#接龙 早起打卡 {TODAY.month}月{TODAY.day}日\n1. 张三 6:02\n2. 赵六 请假3天\n3. 李四 明后两天请假\n"
    )
    rows = _leave_rows(page)
    assert set(rows) == {"赵六", "李四"}
    last = TODAY + timedelta(days=2)
    shown = page.preview_model.index(rows["赵六"], PREVIEW_COL_CHOICE).data()
    assert TODAY.isoformat() in shown and last.isoformat() in shown
    page.preview_view.setFocus()
    page.preview_view.setCurrentIndex(page.preview_model.index(rows["赵六"], 0))
    qtbot.keyClick(page.preview_view, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert dialog is not None and dialog.member_search.current().membership_id == ws.memberships["赵六"]
    assert (dialog.start_edit.date().toPython(), dialog.end_edit.date().toPython()) == (TODAY, last)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        for n in range(3):
            assert [p.display_name for p in on_leave(s, ws.group_id, TODAY + timedelta(days=n))] == ["赵六"]
        assert "赵六" not in [p.display_name for p in not_checked_in(s, ws.group_id, TODAY + timedelta(days=1))]
        assert on_leave(s, ws.group_id, TODAY + timedelta(days=3)) == []

    dialog = page.open_leave_for_line(rows["李四"])
    assert dialog is not None
    days = (dialog.start_edit.date().toPython(), dialog.end_edit.date().toPython())
    assert days == (TODAY + timedelta(days=1), TODAY + timedelta(days=2))
    dialog.reject()


def test_a_leave_line_whose_leave_is_recorded_says_so_in_the_preview(qtbot, page, ws):
    from desktop.services.checkins import record_leave

    with ws.database.session() as s:
        record_leave(s, ws.owner, ws.memberships["赵六"], TODAY, TODAY + timedelta(days=2))
        s.commit()
    page.set_day(TODAY)
    page.set_paste_text(
        f"#接龙 早起打卡 {TODAY.month}月{TODAY.day}日\n1. 张三 6:02\n2. 赵六 请假3天\n3. 李四 明后两天请假\n"
    )
    rows = _leave_rows(page)
    assert "recorded" in page.preview_model.index(rows["赵六"], PREVIEW_COL_CHOICE).data()
    assert "recorded" not in page.preview_model.index(rows["李四"], PREVIEW_COL_CHOICE).data()
