"""Leave, third probe, on the Check-ins page: `2. 李四 帮张三请个假` in today's chain was a 请假 row of 李四's, and
double-click (or Enter) opened the leave dialog on 李四 — one Enter from a leave recorded for the wrong person. The row
is 张三's now, says who wrote it, and the dialog opens on 张三."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, shown_checkins_page

from tests.fixed_day import TEST_TODAY
from ui.models.checkins_models import PREVIEW_COL_CHOICE

TODAY = TEST_TODAY


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    return shown_checkins_page(qtbot, ws)


def test_a_leave_someone_else_wrote_is_the_named_members_row_and_dialog(qtbot, page, ws):
    page.set_day(TODAY)
    page.set_paste_text(f"#接龙 早起打卡 {TODAY.month}月{TODAY.day}日\n1. 张珊 6:02\n2. 李四 帮张三请个假\n")
    model = page.preview_model
    rows = [r for r in range(model.rowCount()) if model.status(r) == "leave"]
    assert len(rows) == 1
    assert model.leave_candidate(rows[0]).display_name == "张三"
    shown = model.index(rows[0], PREVIEW_COL_CHOICE).data()
    assert "李四" in shown  # 李四 代为告知: who wrote it, not whose leave
    dialog = page.open_leave_for_line(rows[0])
    assert dialog is not None and dialog.member_search.current().membership_id == ws.memberships["张三"]
    assert "李四" in dialog.reason_edit.text()
    dialog.reject()
