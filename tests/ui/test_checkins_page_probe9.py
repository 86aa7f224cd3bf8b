"""The Check-ins page, ninth probe: a check-in mini-program's share pasted on its own (我在「鲸打卡」完成了…) names
nobody — it has a row that asks whose it is, and no "Add as new member" (there is no name to add); a message
addressed to someone about checking in (`李四: @张三 打卡`) is a row to choose, never logged as the writer's. Uses the
page, workspace and language fixtures of test_checkins_page."""

from __future__ import annotations

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, day_rows
from ui.models.checkins_models import NEW, PICK

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page


def test_a_share_that_names_nobody_is_a_row_to_pick_whose(page, ws):
    page.set_paste_text("1. 李四\n2. 我在「鲸打卡」完成了《21天早起》第12次打卡")
    assert [(n, s) for n, _name, s in page.preview_statuses()] == [(1, "matched"), (2, "unmatched")]
    values = [v for _label, v in page.preview_model.options(1)]
    assert PICK in values and NEW not in values
    page.confirm_paste()
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_a_message_addressed_to_someone_is_a_row_to_choose(page, ws):
    page.set_paste_text("李四: @赵六 打卡\n赵六: 打卡")
    statuses = [(n, s) for n, _name, s in page.preview_statuses()]
    assert statuses == [(1, "ambiguous"), (1, "ambiguous"), (2, "matched")]
    page.confirm_paste()
    assert day_rows(ws, TODAY) == {(ws.memberships["赵六"], "paste", False)}


def test_a_row_asked_of_a_person_says_why_in_its_tooltip(page, ws):
    """The writer and the person addressed are offered with how each matched ("李四 (same name)"): alone that read as
    two namesakes. The status tooltip says first why the line is asked — a message to someone, one for someone else."""
    from PySide6.QtCore import Qt

    from ui.models.checkins_models import PREVIEW_COL_STATUS

    page.set_paste_text("李四: @赵六 打卡\n张三: 我帮赵六打个卡")
    model = page.preview_model
    tips = [model.data(model.index(r, PREVIEW_COL_STATUS), Qt.ItemDataRole.ToolTipRole) for r in range(4)]
    assert all(t.startswith("A message addressed to someone (@…)") for t in tips[:2]), tips
    assert all(t.startswith("Posted for someone else.") for t in tips[2:]), tips
    assert "李四" in tips[0] and "赵六" in tips[1]


def test_numbering_that_starts_again_is_said_under_the_preview(page, ws):
    page.set_paste_text("1. 张三\n2. 李四\n1. 赵六\n")
    assert "starts again at 1 on line 3" in page.paste_summary.text()
    page.set_paste_text("1. 李四\n2. 赵六\n")
    assert "starts again" not in page.paste_summary.text()
