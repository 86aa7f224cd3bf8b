"""The Check-ins page, probe paste11: line shapes that read wrong. `李四 ✅ 赵六请假` is 李四's check-in and 赵六's
leave (it was 赵六's leave only: 李四's row was missing, his check-in never logged). Uses the page, workspace and
language fixtures of test_checkins_page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui import test_checkins_page as base
from tests.ui.test_checkins_page import TODAY, day_rows, use_language
from ui.models.checkins_models import NEW, PICK, PREVIEW_COL_STATUS

catalogues = base.catalogues
english = base.english
ws = base.ws
page = base.page


def test_a_check_in_beside_anothers_leave_is_logged_and_the_leave_shown(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 ✅ 赵六请假\n")
    assert sorted(page.preview_statuses()) == [(2, "李四", "matched"), (2, "赵六", "leave")]
    assert page.confirm_button.text() == "Log 1 check-in"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_a_line_that_says_same_as_above_is_picked_never_added_as_new(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 打卡\n2. 同上\n")
    assert page.preview_statuses() == [(2, "李四", "matched"), (3, "", "unmatched")]
    model = page.preview_model
    values = [v for _label, v in model.options(1)]
    assert PICK in values and NEW not in values  # a member called 同上 was one click away
    tip = model.index(1, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "names nobody" in tip
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_in_chinese_the_same_as_above_row_says_so(qapp, catalogues, page):
    translator = use_language(qapp, catalogues, "zh_CN")
    try:
        page.set_paste_text("#接龙 早起打卡\n1. 李四 打卡\n2. 我也是\n")
        tip = page.preview_model.index(1, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
        assert "指的是别人的那一行" in tip
    finally:
        qapp.removeTranslator(translator)


def test_a_group_number_and_a_group_nickname_word_name_the_member(qtbot, page, ws):
    """`A12 李四` was asked ("A12: not found"); `3组 王芳` between a 3组 and a 5组 王芳 was asked: both log now."""
    from datetime import datetime

    from desktop.services.roster import MemberInput, add_member

    with ws.database.session() as s:
        fang = {
            gn: add_member(
                s,
                ws.owner,
                ws.group_id,
                MemberInput(display_name="王芳", group_nickname=gn, joined_at=datetime(2024, 1, 1)),
            )[1]
            for gn in ("3组-王芳-上海", "5组-王芳-杭州")
        }
        s.commit()
    page.set_paste_text("#接龙 早起打卡\n1. A12 李四\n2. 3组 王芳\n")
    assert [status for _n, _name, status in page.preview_statuses()] == ["matched", "matched"]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {
        (ws.memberships["李四"], "paste", False),
        (fang["3组-王芳-上海"], "paste", False),
    }


def test_initials_offer_the_member_with_that_english_name(qtbot, page, ws):
    from datetime import datetime

    from desktop.services.roster import MemberInput, add_member

    with ws.database.session() as s:
        kevin = add_member(
            s,
            ws.owner,
            ws.group_id,
            MemberInput(display_name="张凯文", nickname="Kevin", joined_at=datetime(2024, 1, 1)),
        )[1]
        s.commit()
    page.set_paste_text("#接龙 早起打卡\n1. K.Z. 6:01\n")
    assert page.preview_statuses() == [(2, "K.Z.", "ambiguous")]
    values = [v for _label, v in page.preview_model.options(0)]
    assert kevin in {v.membership_id for v in values if hasattr(v, "membership_id")}
    assert day_rows(ws, TODAY) == set()


def test_a_quote_then_a_check_in_is_the_writers_row(qtbot, page, ws):
    page.set_paste_text("「赵六：打卡」 李四：打卡\n李四 回复 赵六：加油\n")
    assert page.preview_statuses() == [(1, "李四", "matched"), (2, "李四", "ignored")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}


def test_todays_check_in_and_tomorrows_leave_are_two_rows(qtbot, page, ws):
    page.set_paste_text("#接龙 早起打卡\n1. 李四 ✅ 明天请假\n")
    assert page.preview_statuses() == [(2, "李四", "matched"), (2, "李四", "leave")]
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, TODAY) == {(ws.memberships["李四"], "paste", False)}
