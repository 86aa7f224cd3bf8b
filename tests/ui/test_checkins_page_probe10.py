"""The Check-ins page, tenth probe: what phones and PCs really copy. The organiser's @所有人 notice, a reply that quotes
a check-in and only says 好的, and a check-in card copied without its sender each have a row that says why — none is
logged as the writer's (they were: the organiser and the replier were logged, the card read as a person called 小程序).
Uses the page, workspace and language fixtures of test_checkins_page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, day_rows, use_language
from ui.models.checkins_models import NEW, PICK, PREVIEW_COL_STATUS

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page

TEXT = "李四：@所有人 请大家打卡\n张珊：「李四：打卡」 - - - 好的\n[小程序] 鲸打卡\n李四：打卡\n"


def test_a_notice_a_quoting_reply_and_a_card_are_rows_that_say_why(qtbot, page, ws):
    page.set_paste_text(TEXT)
    assert page.preview_statuses() == [
        (1, "李四", "ignored"),
        (2, "张珊", "ignored"),
        (3, "", "unmatched"),
        (4, "李四", "matched"),
    ]
    model = page.preview_model
    assert model.index(0, PREVIEW_COL_STATUS).data() == "Not a check-in"
    assert model._choice_text(0) == "A notice to everyone (@所有人): not a check-in"
    assert page.choice_combo(0) is None  # nothing to decide: never logged
    assert model._choice_text(1) == "Only a reply (got it, thanks, 收到, 好的…): not counted as a check-in"
    values = [v for _label, v in model.options(2)]
    assert PICK in values and NEW not in values  # whose card it is, a person picks; no name to add
    assert page.confirm_button.text() == "Log 1 check-in"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_in_chinese_the_notice_row_says_so(qapp, catalogues, page):
    translator = use_language(qapp, catalogues, "zh_CN")
    try:
        page.set_paste_text(TEXT)
        assert page.preview_model._choice_text(0) == "@所有人 的群通知, 不是打卡"
    finally:
        qapp.removeTranslator(translator)
