"""The Check-ins page as an assistant drives it: quick entry by pinyin + Enter, one click on who is missing,
undo, late check-ins, leave, pasting a 接龙 chain (ambiguous, pinyin-only, unmatched and duplicate lines),
deciding, confirming in one go, pasting again, adding a new member from a paste, and the heat-map."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, place, placed, shown_checkins_page, type_text
from PySide6.QtCore import QPoint, QRect, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.i18n import compile_ts
from desktop.services.checkins import checkins_on, record_checkins, streaks, undo_checkin
from desktop.services.checkins_queries import daily_counts, not_checked_in, on_leave
from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster
from tests.fixed_day import TEST_TODAY
from ui.models.checkins_models import (
    DAY_COL_SOURCE,
    DAY_COL_TIME,
    DAY_COL_UNDO,
    NEW,
    PREVIEW_COL_STATUS,
    PREVIEW_COL_TIME,
    SKIP,
    CheckinDayModel,
    MembershipIdRole,
    PastePreviewModel,
    PeopleListModel,
    Person,
)
from ui.pages.checkins_page import CheckinsPage

# The offscreen platform cannot raise a popup window or grab the keyboard for it (the quick-entry candidate
# list is a popup); real platforms can. Ignore exactly those lines, as helpers.OFFSCREEN_QUIRKS does for its one.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)

TODAY = TEST_TODAY
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

CHAIN = f"""#接龙
早起打卡 {TODAY.month}月{TODAY.day}日
例 张三 6:00
1. 张三 5:58
2. 李四 6:03起床
3. zhaoliu
4. 钱多多
5. 李四 6:10
6. 张珊 ✅
"""


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory):
    """This area's catalogues, compiled once (English gives the plural wording, Chinese the default UI)."""
    out = tmp_path_factory.mktemp("qm")
    return {lang: compile_ts(TS_DIR / f"checkins_{lang}.ts", out / f"checkins_{lang}.qm") for lang in ("en", "zh_CN")}


def use_language(qapp, catalogues, lang: str) -> QTranslator:
    translator = QTranslator(qapp)
    assert translator.load(str(catalogues[lang]))
    qapp.installTranslator(translator)
    return translator


@pytest.fixture(autouse=True)
def english(qapp, catalogues):
    translator = use_language(qapp, catalogues, "en")
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        # a second 张三 (同名) and a 赵六 found only by pinyin in the chain
        # (members since 2024, as the seeded ones: nobody checks in before they joined)
        joined = datetime(2024, 3, 10, 4, 0)
        data = MemberInput(display_name="张三", wechat_id="zs_2", joined_at=joined)
        _, ms = add_member(s, workspace.owner, workspace.group_id, data)
        workspace.memberships["张三#2"] = ms
        _, ms = add_member(s, workspace.owner, workspace.group_id, MemberInput(display_name="赵六", joined_at=joined))
        workspace.memberships["赵六"] = ms
        s.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    return shown_checkins_page(qtbot, ws)


def day_rows(ws, day: date = TODAY):
    with ws.database.session() as s:
        return {(r.membership_id, r.source, r.late) for r in checkins_on(s, ws.group_id, day)}


def seed_run(ws, membership_id: int, days: int) -> None:
    """Check-ins on the `days` days before today, each logged on its own day (not late)."""
    with ws.database.session() as s:
        for i in range(days, 0, -1):
            d = TODAY - timedelta(days=i)
            record_checkins(s, ws.owner, ws.group_id, d, [membership_id], today=d)
        s.commit()


def click_item(qtbot, view, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def choose(page: CheckinsPage, row: int, label_start: str) -> None:
    """Pick an entry of a preview row's choice combo as a user does (the combo emits activated)."""
    combo = page.choice_combo(row)
    assert combo is not None, row
    labels = [combo.itemText(i) for i in range(combo.count())]
    i = next(i for i, t in enumerate(labels) if t.startswith(label_start))
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


# ---------------------------------------------------------------- group and date


def test_all_groups_asks_for_a_group(page):
    page.set_group(None)
    assert page.stack.currentWidget() is page.empty_label
    assert "group" in page.empty_label.text()
    assert not page.quick_edit.isEnabled()


def test_loads_lazily_and_lists_who_is_missing(qtbot, ws):
    p = CheckinsPage(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.set_group(ws.group_id)  # hidden: nothing loaded yet
    assert p.pending_names() == []
    p.show()
    assert sorted(p.pending_names()) == sorted(["张三", "张三", "张珊", "李四", "赵六"])  # not the applicant
    assert p.title_label.text().endswith("早起打卡营")


def test_no_future_dates_and_an_earlier_day_is_not_late_unless_ticked(qtbot, page, ws):
    assert page.date_edit.maximumDate() == page.date_edit.date()
    page.set_day(TODAY + timedelta(days=3))
    assert page.day() == TODAY
    assert not page.late_banner.isVisible()
    earlier = TODAY - timedelta(days=2)
    page.set_day(earlier)
    assert page.late_banner.isVisible() and page.late_badge.isVisible()
    assert "not late" in page.late_label.text()  # in English; the Chinese window says 不算补卡
    qtbot.keyClicks(page.quick_edit, "lisi")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    # the assistant's delay is not the member's: on time, and no invented time of day
    assert day_rows(ws, earlier) == {(ws.memberships["李四"], "manual", False)}
    assert "checked in for" in page.quick_status.text()
    assert page.day_model.index(0, DAY_COL_TIME).data() == "—"
    # ticking 补卡 marks what is logged next as late
    page.late_check.setChecked(True)
    assert "补卡" in page.late_label.text()
    qtbot.keyClicks(page.quick_edit, "zhaoliu")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert (ws.memberships["赵六"], "manual", True) in day_rows(ws, earlier)
    assert "late for" in page.quick_status.text()
    assert any(page.day_model.index(r, 2).data().endswith("Late") for r in range(page.day_model.rowCount()))
    page.late_check.setChecked(False)
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.day() == TODAY and not page.late_banner.isVisible()


# ---------------------------------------------------------------- quick entry


def test_quick_entry_by_pinyin_initials_logs_and_shows_the_streak(qtbot, page, ws):
    seed_run(ws, ws.memberships["李四"], 4)
    page.quick_edit.setFocus()
    qtbot.keyClicks(page.quick_edit, "ls")
    qtbot.waitUntil(lambda: page.candidates() == ["李四"])
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert day_rows(ws) == {(ws.memberships["李四"], "manual", False)}
    assert page.quick_status.text() == "李四 ✓ 5-day streak"
    assert page.quick_edit.text() == ""  # ready for the next name
    assert page.checked_in_names() == ["李四"]
    assert "李四" not in page.pending_names()
    with ws.database.session() as s:
        assert streaks(s, ws.memberships["李四"]).current == 5


def test_the_check_in_that_completes_a_week_says_what_it_earned(qtbot, qapp, catalogues, page, ws):
    """The seventh day in a row earns the streak bonus: the status line says so, with its points (the group's
    streak7 rule: 5), and no other day does."""
    seed_run(ws, ws.memberships["李四"], 6)
    seed_run(ws, ws.memberships["赵六"], 2)
    type_text(qtbot, page.quick_edit, "李四")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert page.quick_status.text() == "李四 ✓ 7-day streak  ·  streak bonus +5 points"
    type_text(qtbot, page.quick_edit, "赵六")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert page.quick_status.text() == "赵六 ✓ 3-day streak"
    translator = use_language(qapp, catalogues, "zh_CN")
    try:
        with ws.database.session() as s:
            undo_checkin(s, ws.owner, ws.memberships["李四"], TODAY)
            s.commit()
        type_text(qtbot, page.quick_edit, "李四")
        qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
        assert page.quick_status.text() == "李四 ✓ 连续 7 天  ·  连续打卡奖励 +5 分"
    finally:
        qapp.removeTranslator(translator)


def test_in_chinese_the_status_line_reads_like_the_spec(qtbot, qapp, catalogues, page, ws):
    translator = use_language(qapp, catalogues, "zh_CN")
    try:
        seed_run(ws, ws.memberships["张三"], 4)
        type_text(qtbot, page.quick_edit, "三哥")  # his nickname
        qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
        assert page.quick_status.text() == "张三 ✓ 连续 5 天"
        page.refresh_day()
        assert page.day_title.text() == "今日已打卡 1 人"
        page.set_paste_text(CHAIN)
        assert page.preview_model.index(0, PREVIEW_COL_STATUS).data() == "需选择"
        assert page.paste_summary.text() == "已匹配 2，待选择 2，未匹配 1，重复 1，其他 3 行"  # #接龙, title, 例
    finally:
        qapp.removeTranslator(translator)


def test_enter_before_the_debounce_still_finds_the_person(qtbot, page, ws):
    type_text(qtbot, page.quick_edit, "赵六")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)  # no wait: Enter searches itself
    assert day_rows(ws) == {(ws.memberships["赵六"], "manual", False)}
    assert page.quick_status.text().startswith("赵六 ✓")


def test_ambiguous_text_shows_the_candidates_and_logs_nothing(qtbot, page, ws):
    page.quick_edit.setFocus()
    qtbot.keyClicks(page.quick_edit, "zs")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert day_rows(ws) == set()
    assert sorted(page.candidates()) == sorted(["张三", "张三", "张珊"])
    assert page.quick_completer.popup().isVisible()
    assert page.quick_edit.text() == "zs"
    assert "3 people" in page.quick_status.text()
    # the message that says so is not under the list of candidates (the popup opened over it: Enter seemed to do
    # nothing at all)
    popup = page.quick_completer.popup()
    status = QRect(page.quick_status.mapToGlobal(QPoint(0, 0)), page.quick_status.size())
    assert not popup.geometry().intersects(status), (popup.geometry(), status)
    # ↓ highlights the first candidate, Enter logs exactly that one
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Down)
    first = page.quick_model.person_at(0)
    qtbot.keyClick(page.quick_completer.popup(), Qt.Key.Key_Return)
    assert day_rows(ws) == {(first.membership_id, "manual", False)}
    assert not page.quick_completer.popup().isVisible()
    assert page.quick_edit.text() == ""


def test_exact_name_wins_over_a_longer_match_and_wechat_id_works(qtbot, page, ws):
    type_text(qtbot, page.quick_edit, "张珊")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.quick_edit, "zs_2")  # WeChat ID of the second 张三
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert day_rows(ws) == {(ws.memberships["张珊"], "manual", False), (ws.memberships["张三#2"], "manual", False)}


def test_logging_twice_says_already(qtbot, page, ws):
    for _ in range(2):
        qtbot.keyClicks(page.quick_edit, "lisi")
        qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert "already" in page.quick_status.text()
    assert len(day_rows(ws)) == 1


def test_unknown_text_says_so(qtbot, page, ws):
    qtbot.keyClicks(page.quick_edit, "xyz")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    assert day_rows(ws) == set()
    assert "Nobody" in page.quick_status.text()


# ---------------------------------------------------------------- not yet, undo


def test_clicking_someone_not_yet_checked_in_logs_them(qtbot, page, ws):
    row = page.pending_names().index("赵六")
    click_item(qtbot, page.pending_view, row)
    assert day_rows(ws) == {(ws.memberships["赵六"], "manual", False)}
    assert "赵六" not in page.pending_names()
    assert page.checked_in_names() == ["赵六"]
    assert page.pending_title.text().startswith("Not yet: 4")
    # Enter on the list logs the current person
    page.pending_view.setFocus()
    current = page.pending_model.person_at(page.pending_view.currentIndex().row())
    qtbot.keyClick(page.pending_view, Qt.Key.Key_Return)
    assert (current.membership_id, "manual", False) in day_rows(ws)


def test_a_selection_of_several_checkins_survives_a_refresh(qtbot, page, ws):
    """Select three of the day's check-ins (Ctrl-click), then log someone else: the list is read again, and all
    three are still selected — the refresh once selected them back one by one with selectRow(), which in this
    table clears the others each time, so Delete would then undo one of the three."""
    chosen = ["张三", "李四", "赵六"]
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships[n] for n in chosen])
        s.commit()
    page.refresh_day()
    names = page.checked_in_names()
    page.day_view.setFocus()
    for name in chosen:
        index = page.day_model.index(names.index(name), 0)
        qtbot.mouseClick(
            page.day_view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            page.day_view.visualRect(index).center(),
        )
    assert sorted(r.display_name for r in page.selected_checkins()) == sorted(chosen)
    other = next(p for p in page.pending_model.people() if p.display_name not in chosen)
    click_item(qtbot, page.pending_view, page.pending_names().index(other.display_name))  # a plain click logs
    assert other.display_name in page.checked_in_names()
    assert sorted(r.display_name for r in page.selected_checkins()) == sorted(chosen)


def test_undo_button_and_delete_key_remove_checkins(qtbot, page, ws):
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["李四"], ws.memberships["赵六"]])
        s.commit()
    page.refresh_day()
    row = page.checked_in_names().index("李四")
    click_item(qtbot, page.day_view, row, DAY_COL_UNDO)
    assert day_rows(ws) == {(ws.memberships["赵六"], "manual", False)}
    assert page.checked_in_names() == ["赵六"]
    assert "李四" in page.pending_names()
    assert "李四" in page.quick_status.text()
    page.day_view.selectRow(0)
    page.day_view.setFocus()
    qtbot.keyClick(page.day_view, Qt.Key.Key_Delete)
    assert day_rows(ws) == set()
    assert page.checked_in_names() == []


# ---------------------------------------------------------------- leave


def test_leave_dialog_records_leave_and_the_member_leaves_the_missing_list(qtbot, page, ws):
    page.pending_view.setCurrentIndex(page.pending_model.index(page.pending_names().index("赵六"), 0))
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.member_search.current().display_name == "赵六"
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(2))
    type_text(qtbot, dialog.reason_edit, "出差")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert [p.display_name for p in on_leave(s, ws.group_id, TODAY)] == ["赵六"]
        assert [p.display_name for p in on_leave(s, ws.group_id, TODAY + timedelta(days=2))] == ["赵六"]
        assert "赵六" not in [p.display_name for p in not_checked_in(s, ws.group_id, TODAY)]
    assert "赵六" not in page.pending_names()
    assert "on leave: 1" in page.pending_title.text()
    # the message names whose leave and which days (it said "Leave recorded", naming nobody)
    end = TODAY + timedelta(days=2)
    assert page.quick_status.text() == f"Leave recorded: 赵六, {TODAY:%Y-%m-%d} to {end:%Y-%m-%d}"


def test_leave_recorded_for_someone_in_other_groups_says_it_is_this_groups(qtbot, page, ws):
    """A leave is a membership's (PRODUCT §2): 赵六, in 读书会 too, went on leave here and was still expected in
    读书会 — the message said "Leave recorded: 赵六" as if it were the person's. It now says it is this group's."""
    from desktop.services.members import bulk_copy_to_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["赵六"]], ws.other_group_id)
        s.commit()
    page.pending_view.setCurrentIndex(page.pending_model.index(page.pending_names().index("赵六"), 0))
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert [p.display_name for p in on_leave(s, ws.group_id, TODAY)] == ["赵六"]
        assert on_leave(s, ws.other_group_id, TODAY) == []
    assert page.quick_status.text() == (
        f"Leave recorded: 赵六, {TODAY:%Y-%m-%d} to {TODAY:%Y-%m-%d}"
        " (this group only; also in 读书会: record it there too if it is for every group)"
    )


def test_leave_dialog_names_nobody_the_assistant_did_not_choose(qtbot, page, ws):
    """The not-yet list keeps its first name current by itself: "Leave…" opened with that person filled in,
    though nobody chose them, one Save away from leave recorded for the wrong member. Now the dialog starts
    empty unless the assistant moved to someone in the list (or selected a check-in)."""
    assert page.pending_view.currentIndex().isValid()  # the list's own current row
    dialog = page.open_leave_dialog()
    assert dialog.member_search.current() is None and dialog.member_search.search_edit.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # Save with nobody chosen records nothing
    with ws.database.session() as s:
        assert on_leave(s, ws.group_id, TODAY) == []
    dialog.reject()

    page.pending_view.setFocus()
    qtbot.waitUntil(page.pending_view.hasFocus)
    first = page.pending_view.currentIndex().row()
    qtbot.keyClick(page.pending_view, Qt.Key.Key_Right)  # the assistant moves to the next name
    chosen = page.pending_model.person_at(page.pending_view.currentIndex().row())
    assert page.pending_view.currentIndex().row() == first + 1
    dialog = page.open_leave_dialog()
    assert dialog.member_search.current().display_name == chosen.display_name
    dialog.reject()

    page.log_person(chosen)  # logged: the row now holds someone else, whom nobody chose
    assert page.pending_model.person_at(page.pending_view.currentIndex().row()).membership_id != chosen.membership_id
    dialog = page.open_leave_dialog()
    assert dialog.member_search.current() is None
    dialog.reject()


def test_leave_by_keyboard_name_enter_dates_reason_enter(qtbot, page, ws):
    """In the leave dialog Enter on the name did nothing (Tab had to walk the list): it goes on to the dates,
    and Enter in the reason records the leave."""
    dialog = page.open_leave_dialog()
    qtbot.waitExposed(dialog)
    dialog.member_search.search_edit.setFocus()
    qtbot.keyClicks(dialog.member_search.search_edit, "lisi")
    dialog.member_search.search()
    qtbot.keyClick(dialog.member_search.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.start_edit.hasFocus)
    assert dialog.isVisible()  # not recorded yet: the dates and the reason come next
    dialog.reason_edit.setFocus()
    type_text(qtbot, dialog.reason_edit, "出差")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    with ws.database.session() as s:
        assert [p.display_name for p in on_leave(s, ws.group_id, TODAY)] == ["李四"]


def test_a_member_search_with_more_matches_than_it_lists_says_so(qtbot, page, ws, monkeypatch):
    """The member pickers (leave, "someone else…") list at most SEARCH_LIMIT people; in a group of thousands,
    "张" matches hundreds, and the list said nothing of the others. Now it says to type more."""
    import ui.widgets.member_search as member_search

    monkeypatch.setattr(member_search, "SEARCH_LIMIT", 2)
    dialog = page.open_leave_dialog()
    search = dialog.member_search
    search.search_edit.setText("")
    search.search()
    assert search.model.rowCount() == 2 and search.more_label.isVisible()
    assert search.more_label.text().startswith("The first 2 shown")
    search.search_edit.setText("lisi")
    search.search()
    assert search.model.rowCount() == 1 and not search.more_label.isVisible()
    dialog.reject()


def test_leave_dialog_shows_an_overlap_error(qtbot, page, ws):
    for _attempt in range(2):
        dialog = page.open_leave_dialog()
        dialog.member_search.search_edit.setText("lisi")
        dialog.member_search.search()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "overlap" in dialog.error_label.text().lower()
    dialog.reject()


# ---------------------------------------------------------------- paste the chat


def test_enter_on_a_preview_row_to_decide_opens_its_choice(qtbot, page, ws):
    """From the keyboard a line waiting for a decision took four Tabs through its cells to reach the choice;
    Enter and Space on the row did nothing. Now they open the row's list; a matched row has none to open."""
    page.set_paste_text("#接龙\n1. 张 6:01\n2. 李四 6:10")
    assert [s for *_, s in page.preview_statuses()] == ["ambiguous", "matched"]
    view = page.preview_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(page.preview_model.index(1, 0))  # the matched line: Enter leaves it be
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.hasFocus()
    view.setCurrentIndex(page.preview_model.index(0, 0))
    combo = page.choice_combo(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    combo.hidePopup()
    qtbot.waitUntil(combo.hasFocus)  # Up/Down and Enter now choose in the list
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    combo.hidePopup()


def test_paste_preview_choose_confirm_and_paste_again(qtbot, page, ws):
    with ws.database.session() as s:  # 张珊 checked in already this morning
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["张珊"]])
        s.commit()
    page.refresh_day()
    page.set_paste_text(CHAIN)
    assert page.preview_statuses() == [
        (4, "张三", "ambiguous"),  # 同名: two members called 张三
        (5, "李四", "matched"),
        (6, "zhaoliu", "ambiguous"),  # pinyin only: always a choice
        (7, "钱多多", "unmatched"),
        (8, "李四", "duplicate"),
        (9, "张珊", "already"),
    ]
    assert page.paste_summary.text() == "1 matched, 2 to choose, 1 unmatched, 1 already in, 1 duplicate, 3 other lines"
    # the lines without a row are accounted for too: the summary's tooltip says what each one is
    assert page.paste_summary.toolTip().splitlines() == [
        "Line 1: #接龙 — title",
        f"Line 2: 早起打卡 {TODAY.month}月{TODAY.day}日 — title",
        "Line 3: 例 张三 6:00 — example",
    ]
    assert page.confirm_button.text() == "Log 1 check-in"
    combo = page.choice_combo(0)
    labels = [combo.itemText(i) for i in range(combo.count())]
    # the two 张三 told apart by their WeChat IDs (the list read "张三  (same name)" twice: a guess between them)
    assert labels == [
        "Choose…",
        "张三 · zhangsan_wx  (same name)",
        "张三 · zs_2  (same name)",
        "Someone else…",
        "Skip",
    ]
    assert page.choice_combo(2).itemText(1) == "赵六  (pinyin)"
    assert page.choice_combo(3).itemText(2) == "Add as new member"
    assert page.choice_combo(1) is None  # matched lines need no decision

    # the first 张三 is the one in the chat; 赵六 is zhaoliu; 钱多多 stays undecided
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert page.preview_model.choice(0).membership_id == ws.memberships["张三"]
    assert page.preview_model.index(0, PREVIEW_COL_STATUS).data() == "Chosen"  # the status cell shows the decision
    choose(page, 2, "赵六")
    assert page.paste_summary.text().startswith("3 matched, 1 unmatched")
    assert page.confirm_button.text() == "Log 3 check-ins"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)

    expected = {
        (ws.memberships["张三"], "paste", False),
        (ws.memberships["李四"], "paste", False),
        (ws.memberships["赵六"], "paste", False),
        (ws.memberships["张珊"], "manual", False),
    }
    assert day_rows(ws) == expected
    assert "Logged 3 check-ins" in page.quick_status.text()
    # 钱多多 was left undecided: the emptied box must not look as if the whole chain was logged
    assert "not logged: 1 unmatched (Ctrl+Z in the paste box" in page.quick_status.text()
    # a logged chain is done: the box is emptied and the preview gone (Ctrl+Z in the box brings the text back)
    assert page.paste_edit.toPlainText() == "" and page.preview_statuses() == []
    assert not page.confirm_button.isEnabled()
    page.paste_edit.undo()
    assert page.paste_edit.toPlainText() == CHAIN

    # the same chat pasted again (fresh preview, no decisions): nothing new to log
    page.clear_paste()
    page.set_paste_text(CHAIN)
    assert [s for *_, s in page.preview_statuses()] == [
        "ambiguous",
        "already",
        "ambiguous",
        "unmatched",
        "duplicate",
        "already",
    ]
    choose(page, 0, "张三")
    assert page.preview_statuses()[0][2] == "already"
    assert page.confirm_button.text() == "Log 0 check-ins" and not page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == expected


def test_logging_a_paste_names_the_lines_it_left_out(qtbot, page, ws):
    """Seen on the 100,000-member workspace: a chain of 22 lines, 13 matched, 8 names shared by several members
    and 1 stranger; "Log 13 check-ins", and the box emptied with "Logged 13 check-ins" — the other nine lines
    gone as if logged. The message names what was left out; a chain with nothing left out says only what was
    logged."""
    page.set_paste_text(CHAIN)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    text = page.quick_status.text()
    assert text.startswith("Logged 2 check-ins") and "not logged: 2 to choose, 1 unmatched" in text  # 李四, 张珊
    assert page.paste_edit.toPlainText() == ""
    page.undo([ws.memberships["李四"], ws.memberships["张珊"]])
    page.set_paste_text(f"#接龙\n早起打卡 {TODAY.month}月{TODAY.day}日\n1. 张珊 5:58\n2. 李四 ✅\n")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert page.quick_status.text() == "Logged 2 check-ins"


def test_add_as_new_member_from_the_paste(qtbot, page, ws):
    changed = []
    page.data_changed.connect(lambda: changed.append(True))
    page.set_paste_text("#接龙 早起\n1. 钱多多 6:01\n2. 李四")
    assert [s for *_, s in page.preview_statuses()] == ["unmatched", "matched"]
    choose(page, 0, "Add as new member")
    assert page.preview_model.choice(0) == NEW
    assert page.confirm_button.text() == "Log 2 check-ins"
    page.paste_edit.setFocus()
    qtbot.keyClick(page.paste_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    with ws.database.session() as s:
        rows = search_roster(s, RosterQuery(group_id=ws.group_id, text="钱多多"))
        assert [(r.display_name, r.status) for r in rows] == [("钱多多", "active")]
        new_id = rows[0].membership_id
    assert day_rows(ws) == {(new_id, "paste", False), (ws.memberships["李四"], "paste", False)}
    assert changed == [True]
    assert "1 new member added" in page.quick_status.text()
    assert page.preview_statuses() == []  # logged and emptied


def test_pick_a_member_for_an_unmatched_line(qtbot, page, ws):
    asked = []

    def pick(name):
        asked.append(name)
        return Person(ws.memberships["赵六"], "赵六")

    page.pick_member_hook = pick
    page.set_paste_text("1. 小赵\n2. 老周")
    choose(page, 0, "Pick a member")
    qtbot.waitUntil(lambda: page.preview_model.choice(0) is not None)
    assert asked == ["小赵"]
    assert page.choice_combo(0).currentText() == "赵六"
    choose(page, 1, "Skip")
    assert page.preview_model.choice(1) == SKIP
    assert page.paste_summary.text() == "1 matched, 1 skipped"
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["赵六"], "paste", False)}


def test_a_cancelled_pick_leaves_the_line_undecided(qtbot, page, ws):
    page.pick_member_hook = lambda name: None
    page.set_paste_text("1. 小赵")
    choose(page, 0, "Pick a member")
    qtbot.waitUntil(lambda: page.choice_combo(0).currentIndex() == 0)
    assert page.preview_model.choice(0) is None
    assert not page.confirm_button.isEnabled()


def test_decisions_survive_editing_the_text_and_the_date_updates_already(qtbot, page, ws):
    page.set_paste_text(CHAIN)
    choose(page, 0, "张三")
    page.paste_edit.appendPlainText("7. 王小明")
    page.run_match()
    assert page.preview_model.choice(0) is not None
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY - timedelta(days=1), [ws.memberships["李四"]])
        s.commit()
    page.set_day(TODAY - timedelta(days=1))
    assert page.preview_statuses()[1][2] == "already"
    page.set_day(TODAY)
    assert page.preview_statuses()[1][2] == "matched"


def test_ctrl_v_on_the_page_pastes_into_the_paste_box(qtbot, page, ws):
    QGuiApplication.clipboard().setText("1. 李四\n2. 张珊")
    page.day_view.setFocus()
    qtbot.keyClick(page.day_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 李四\n2. 张珊"
    assert page.paste_edit.hasFocus() or QApplication.focusWidget() is None
    assert [s for *_, s in page.preview_statuses()] == ["matched", "matched"]
    qtbot.keyClick(page.paste_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(day_rows(ws)) == 2


def test_ctrl_v_right_after_picking_the_day_pastes_the_chain(qtbot, page, ws):
    """Pick the day in the date box, then Ctrl+V the chain: the focus was still in the date box, which took the
    paste, found no date in it and dropped it — nothing happened, nothing said. A chain of lines goes to the
    paste box from there too."""
    yesterday = TODAY - timedelta(days=1)
    page.set_day(yesterday)
    QGuiApplication.clipboard().setText("1. 李四\n2. 张珊")
    page.date_edit.setFocus()
    qtbot.keyClick(page.date_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 李四\n2. 张珊"
    assert page.day() == yesterday
    assert [s for *_, s in page.preview_statuses()] == ["matched", "matched"]


def test_ctrl_f_focuses_quick_entry(qtbot, page):
    page.activateWindow()
    page.pending_view.setFocus()
    qtbot.keyClick(page.pending_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.quick_edit.hasFocus())


def test_confirm_runs_in_one_transaction(qtbot, page, ws, monkeypatch):
    import desktop.services.paste as service
    import ui.pages.checkins_page as module
    from desktop.errors import ValidationError

    page.set_paste_text("1. 钱多多\n2. 李四")
    choose(page, 0, "Add as new member")

    def refuse(*args, **kwargs):
        raise ValidationError("date", "no (refused)")

    monkeypatch.setattr(service, "record_checkins_by_day", refuse)
    monkeypatch.setattr(module, "show_error", lambda parent, exc: None)
    page.confirm_paste()
    with ws.database.session() as s:  # the new member was rolled back with the check-ins
        assert search_roster(s, RosterQuery(group_id=ws.group_id, text="钱多多")) == []
    assert day_rows(ws) == set()


# ---------------------------------------------------------------- heat-map


def test_a_click_recounts_only_its_day_on_the_heat_map(qtbot, page, ws, monkeypatch):
    """Issue 13: each check-in clicked re-counted six months of the group for the heat map (60 of 180 ms a click in
    a 9,400-member group). A click and an undo re-count their own day; the map shows the same counts as a full
    read; a change of group reads it all again."""
    import ui.pages.checkins_page as checkins_page

    seed_run(ws, ws.memberships["李四"], 3)
    page.set_group(ws.group_id)
    ranges: list[tuple[date, date]] = []
    counting = checkins_page.daily_counts

    def counted(session, group_id, start, end):
        ranges.append((start, end))
        return counting(session, group_id, start, end)

    monkeypatch.setattr(checkins_page, "daily_counts", counted)
    click_item(qtbot, page.pending_view, page.pending_names().index("赵六"))
    assert ranges == [(TODAY, TODAY)]
    hm = page.heatmap
    with ws.database.session() as s:
        truth = daily_counts(s, ws.group_id, hm.start, hm.end)
    assert truth[TODAY] == 1 and all(hm.value(d) == n for d, n in truth.items())
    assert "Average over the last 30 days: 0.1 a day" in page.heatmap_stats.text()  # 4 check-ins / 30 days
    page.undo([ws.memberships["赵六"]])
    assert ranges[-1] == (TODAY, TODAY) and hm.value(TODAY) == 0
    ranges.clear()
    page.set_group(ws.other_group_id)
    page.set_group(ws.group_id)
    assert (TODAY, TODAY) not in ranges and ranges[-1] == (hm.start, hm.end)


def test_group_heatmap_and_member_heatmap(qtbot, page, ws):
    seed_run(ws, ws.memberships["李四"], 3)
    seed_run(ws, ws.memberships["赵六"], 1)
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["李四"]])
        s.commit()
    page.refresh_day()
    page.refresh_heatmap()
    hm = page.heatmap
    assert hm.end == TODAY and (hm.end - hm.start).days == 26 * 7 - 1
    assert hm.value(TODAY - timedelta(days=1)) == 2
    assert hm.tooltip_text(TODAY - timedelta(days=1)).endswith("2 check-ins")
    assert "早起打卡营" in page.heatmap_title.text()
    with ws.database.session() as s:
        assert daily_counts(s, ws.group_id, hm.start, hm.end) == {
            TODAY - timedelta(days=3): 1,
            TODAY - timedelta(days=2): 1,
            TODAY - timedelta(days=1): 2,
            TODAY: 1,
        }
    page.day_view.selectRow(0)
    assert page.heatmap_member.display_name == "李四"
    assert hm.tooltip_text(TODAY).endswith("Checked in")
    assert hm.tooltip_text(TODAY - timedelta(days=10)).endswith("No check-in")
    assert "Current streak: 4 days" in page.heatmap_stats.text()
    assert page.group_heatmap_button.isVisible()
    qtbot.mouseClick(page.group_heatmap_button, Qt.MouseButton.LeftButton)
    assert page.heatmap_member is None and not page.group_heatmap_button.isVisible()
    assert not hm.grab().isNull()
    # clicking a day on the calendar moves the page to that day
    rect = hm.cell_rect(TODAY - timedelta(days=2))
    qtbot.mouseClick(hm, Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.day() == TODAY - timedelta(days=2)


def test_member_heatmap_marks_leave_days(qtbot, page, ws):
    from desktop.services.checkins import record_leave

    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["赵六"]])
        record_leave(s, ws.owner, ws.memberships["赵六"], TODAY - timedelta(days=5), TODAY - timedelta(days=3))
        s.commit()
    page.refresh_day()
    page.day_view.selectRow(0)
    hm = page.heatmap
    assert hm.tooltip_text(TODAY - timedelta(days=4)).endswith("On leave")
    assert "On leave: 3 days" in page.heatmap_stats.text()


# ---------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester, page, ws):
    page.set_paste_text(CHAIN)
    qtmodeltester.check(page.preview_model)
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["李四"]])
        s.commit()
    page.refresh_day()
    qtmodeltester.check(page.day_model)
    qtmodeltester.check(page.pending_model)
    fresh = [PastePreviewModel(), CheckinDayModel(), PeopleListModel(show_detail=True)]
    for model in fresh:
        qtmodeltester.check(model)


def test_a_big_paste_is_logged_off_the_ui_thread(qtbot, page, ws, monkeypatch):
    import ui.pages.checkins_page as module

    monkeypatch.setattr(module, "INLINE_COMMIT_MAX", 1)
    page.set_paste_text("1. 李四\n2. 张珊\n3. 赵六")
    steps = []
    page.runner.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(page.runner.finished, timeout=10_000):
        page.confirm_paste()
        assert not page.confirm_button.isEnabled()  # no second click while it runs
    assert day_rows(ws) == {(ws.memberships[n], "paste", False) for n in ("李四", "张珊", "赵六")}
    assert steps[-1] == (1, 1)
    assert "Logged 3 check-ins" in page.quick_status.text()
    assert page.preview_statuses() == [] and page.paste_edit.toPlainText() == ""


def test_a_cancelled_commit_writes_nothing(ws):
    from desktop.services.paste import PlannedCheckin, commit_paste
    from desktop.tasks import Cancelled, Progress

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        commit_paste(
            progress,
            database=ws.database,
            actor=ws.assistant,
            group_id=ws.group_id,
            day=TODAY,
            planned=[PlannedCheckin(ws.memberships["李四"], TODAY), PlannedCheckin(None, TODAY, new_name="钱多多")],
        )
    assert day_rows(ws) == set()
    with ws.database.session() as s:
        assert search_roster(s, RosterQuery(group_id=ws.group_id, text="钱多多")) == []


# ---------------------------------------------------------------- a preview belongs to its group, day and text


@pytest.fixture
def second_group(ws):
    from desktop.services.groups import create_group

    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "夜跑团")
        ids = {n: add_member(s, ws.owner, gid, MemberInput(display_name=n))[1] for n in ("周一鸣", "吴敏")}
        s.commit()
    return gid, ids


def test_a_chain_whose_names_fit_another_group_better_is_warned_of(qtbot, page, ws, second_group):
    """早起打卡营's chain pasted while 夜跑团 is shown, three of its five people in both groups: they matched here and
    nothing was said (two lines of five said "a member of 早起打卡营": not most). Every name is 早起打卡营's."""
    from desktop.services.members import bulk_copy_to_group

    gid, _ids = second_group
    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="林一", joined_at=datetime(2024, 3, 10, 4, 0)))
        bulk_copy_to_group(s, ws.owner, [ws.memberships[n] for n in ("李四", "张珊", "赵六")], gid)
        s.commit()
    page.set_group(gid)
    page.set_paste_text("#接龙\n打卡\n\n1. 李四\n2. 张珊\n3. 赵六\n4. 张三\n5. 林一\n")
    page.run_match()
    # asked in the banner above the preview, once (the summary said it too)
    assert "members of “早起打卡营”" in page.group_banner_label.text() and page.group_banner.isVisibleTo(page)
    assert "right group" not in page.paste_summary.text()
    page.set_paste_text("#接龙\n打卡\n\n1. 李四\n2. 张珊\n3. 周一鸣\n")
    page.run_match()
    assert "right group" not in page.paste_summary.text() and not page.group_banner.isVisibleTo(page)


def test_a_chain_that_fits_another_group_is_logged_only_once_the_user_says(qtbot, page, ws, second_group):
    """The three people in both groups were one click from being logged into 夜跑团 from 早起打卡营's chain: the
    button was enabled, and only a note in the summary said so. Now a banner asks and nothing is logged until the
    user answers: "They are this group's" logs them here."""
    from desktop.services.members import bulk_copy_to_group

    gid, _ids = second_group
    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="林一", joined_at=datetime(2024, 3, 10, 4, 0)))
        bulk_copy_to_group(s, ws.owner, [ws.memberships[n] for n in ("李四", "张珊", "赵六")], gid)
        s.commit()
    page.set_group(gid)
    page.show()
    page.set_paste_text("#接龙\n打卡\n\n1. 李四\n2. 张珊\n3. 赵六\n4. 张三\n5. 林一\n")
    page.run_match()
    assert page.group_banner.isVisibleTo(page) and "早起打卡营" in page.group_banner_label.text()
    assert not page.confirm_button.isEnabled() and "早起打卡营" in page.confirm_button.toolTip()
    page.confirm_paste()
    with ws.database.session() as s:
        assert checkins_on(s, gid, TODAY) == []
    qtbot.mouseClick(page.accept_group_button, Qt.MouseButton.LeftButton)
    assert not page.group_banner.isVisibleTo(page) and page.confirm_button.isEnabled()
    page.confirm_paste()
    with ws.database.session() as s:
        assert len(checkins_on(s, gid, TODAY)) == 3


def test_go_to_the_group_the_chain_fits_takes_the_paste_along(qtbot, ws, second_group):
    """In the window, "Go to 早起打卡营 with this paste" selects that group and the chain stays in the box, matched
    there: logged in 早起打卡营 (张三, who has a namesake there, is asked), none in 夜跑团."""
    from desktop.services.members import bulk_copy_to_group

    gid, _ids = second_group
    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="林一", joined_at=datetime(2024, 3, 10, 4, 0)))
        bulk_copy_to_group(s, ws.owner, [ws.memberships[n] for n in ("李四", "张珊", "赵六")], gid)
        s.commit()
    window, page = _window_with_page(qtbot, ws, 1366, 900)
    window.select_group(gid)
    chain = "#接龙\n打卡\n\n1. 李四\n2. 张珊\n3. 赵六\n4. 张三\n5. 林一\n"
    page.set_paste_text(chain)
    page.run_match()
    assert page.switch_group_button.isVisibleTo(page) and "早起打卡营" in page.switch_group_button.text()
    qtbot.mouseClick(page.switch_group_button, Qt.MouseButton.LeftButton)
    assert window.current_group_id() == ws.group_id and page.group_id == ws.group_id
    assert page.paste_edit.toPlainText() == chain
    page.run_match()
    assert not page.group_banner.isVisibleTo(page) and page.confirm_button.isEnabled()
    page.confirm_paste()
    with ws.database.session() as s:
        assert sorted(r.display_name for r in checkins_on(s, ws.group_id, TODAY)) == ["张珊", "李四", "林一", "赵六"]
        assert checkins_on(s, gid, TODAY) == []


def test_switching_group_empties_the_box_and_never_logs_the_old_chain_there(qtbot, page, ws, second_group):
    gid, ids = second_group
    page.set_paste_text("1. 李四\n2. 张珊")
    assert page.confirm_button.isEnabled()
    page.set_group(gid)
    assert page.paste_edit.toPlainText() == "" and page.preview_statuses() == []
    # the hint under the emptied box invites a paste: it said "No names found in the text" (seen in the window)
    assert page.paste_summary.text() == "Paste, then check the preview"
    assert not page.confirm_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.confirm_paste()
    with ws.database.session() as s:
        assert checkins_on(s, gid, TODAY) == []
    assert "switched group" in page.quick_status.text()
    # brought back on purpose with Ctrl+Z, it is matched for the group now shown: not members here
    page.paste_edit.undo()
    page.run_match()
    assert [s for *_, s in page.preview_statuses()] == ["not_member", "not_member"]
    assert not page.confirm_button.isEnabled()
    assert "members of “早起打卡营”" in page.group_banner_label.text()


def test_a_new_paste_replaces_the_old_text_and_ctrl_z_brings_it_back(qtbot, page, ws):
    page.set_paste_text("1. 李四")
    QGuiApplication.clipboard().setText("1. 张珊")
    page.paste_edit.setFocus()
    qtbot.keyClick(page.paste_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 张珊"
    assert [n for _l, n, _s in page.preview_statuses()] == ["张珊"]
    qtbot.keyClick(page.paste_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 李四"


def test_confirm_refuses_a_preview_that_no_longer_fits(qtbot, page, ws):
    page.set_paste_text("1. 李四")
    # the text changed behind the preview (no re-match yet): confirm matches again instead of logging
    page.paste_edit.blockSignals(True)
    page.paste_edit.setPlainText("1. 张珊")
    page.paste_edit.blockSignals(False)
    assert not page.preview.fits(ws.group_id, page.day(), page.paste_edit.toPlainText())
    page.confirm_paste()
    assert day_rows(ws) == set()
    assert "out of date" in page.quick_status.text()
    assert [n for _l, n, _s in page.preview_statuses()] == ["张珊"]
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["张珊"], "paste", False)}


def test_changing_the_date_makes_a_new_preview_for_that_day(qtbot, page, ws):
    page.set_paste_text("1. 李四")
    yesterday = TODAY - timedelta(days=1)
    page.set_day(yesterday)
    assert page.preview.day == yesterday
    page.confirm_paste()
    assert day_rows(ws, yesterday) == {(ws.memberships["李四"], "paste", False)}
    assert day_rows(ws) == set()


def test_ctrl_v_pastes_even_when_the_focus_is_outside_the_page(qtbot, ws):
    """After Ctrl+4 the focus stays in the main window's group list: Ctrl+V must still paste."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    group_list = QListWidget()
    group_list.addItem("早起打卡营")
    page = CheckinsPage(ws.database, ws.assistant)
    layout = QHBoxLayout(window)
    layout.addWidget(group_list)
    layout.addWidget(page)
    window.resize(1300, 720)
    window.show()
    page.set_group(ws.group_id)
    window.activateWindow()
    group_list.setFocus()
    qtbot.waitUntil(group_list.hasFocus)
    QGuiApplication.clipboard().setText("1. 李四\n2. 张珊")
    qtbot.keyClick(group_list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 李四\n2. 张珊"
    assert [s for *_, s in page.preview_statuses()] == ["matched", "matched"]


def test_ctrl_f_reaches_quick_entry_from_the_group_list(qtbot, ws):
    """A click on a group leaves the focus in the group list: Ctrl+F must still go to quick entry, so the
    assistant types the first name without the mouse (it did nothing: the shortcut was the page's only)."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    group_list = QListWidget()
    group_list.addItem("早起打卡营")
    page = CheckinsPage(ws.database, ws.assistant)
    layout = QHBoxLayout(window)
    layout.addWidget(group_list)
    layout.addWidget(page)
    window.resize(1300, 720)
    window.show()
    page.set_group(ws.group_id)
    window.activateWindow()
    group_list.setFocus()
    qtbot.waitUntil(group_list.hasFocus)
    qtbot.keyClick(group_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.quick_edit.hasFocus)
    qtbot.keyClicks(page.quick_edit, "ls")
    assert page.quick_edit.text() == "ls"


def test_the_chain_date_banner_writes_dates_as_english_does(qtbot, page):
    """In the English window the banner read "This chain is dated 12月5日, but you are logging 12月6日" and its
    buttons "Log it for 12月5日" / "Keep 12月6日": a Chinese date format in English."""
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 5:48")
    assert page.title_banner.isVisible()
    month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    title, chosen = f"{month[yesterday.month - 1]} {yesterday.day}", f"{month[TODAY.month - 1]} {TODAY.day}"
    assert page.title_date_label.text() == (
        f"This chain is dated {title}, but you are logging {chosen}. Which day is it for?"
    )
    assert page.use_title_day_button.text() == f"Log it for {title}"
    assert page.keep_day_button.text() == f"Keep {chosen}"


def test_a_chain_dated_another_day_asks_which_day(qtbot, page, ws):
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 5:48\n2. 张珊")
    assert page.title_banner.isVisible()
    assert not page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == set() and day_rows(ws, yesterday) == set()
    qtbot.mouseClick(page.use_title_day_button, Qt.MouseButton.LeftButton)
    assert page.day() == yesterday and not page.title_banner.isVisible()
    assert page.confirm_button.isEnabled()
    page.confirm_paste()
    # yesterday's chain logged this morning: on time, with the time the member wrote
    assert day_rows(ws, yesterday) == {
        (ws.memberships["李四"], "paste", False),
        (ws.memberships["张珊"], "paste", False),
    }
    with ws.database.session() as s:
        times = {r.display_name: r.checked_at for r in checkins_on(s, ws.group_id, yesterday)}
    assert times["李四"] is not None and (times["李四"].date(), times["李四"].strftime("%H:%M")) == (yesterday, "05:48")
    assert times["张珊"] is None


def test_a_day_taken_from_a_chain_title_goes_back_when_the_group_changes(qtbot, page, ws):
    """Evening: yesterday's chain of one group logged with "Log it for 12月5日", then the next group's chain —
    titled with no day, as most are — pasted: it went to yesterday too, under the banner nobody reads twice.
    The title's day belongs to that chain; a day picked in the date box stays across groups."""
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 5:48")
    qtbot.mouseClick(page.use_title_day_button, Qt.MouseButton.LeftButton)
    page.confirm_paste()
    assert page.day() == yesterday
    page.set_group(ws.other_group_id)
    assert page.day() == TODAY
    assert "was the day of the last group's chain" in page.quick_status.text()
    assert not page.late_banner.isVisible()
    page.set_group(ws.group_id)
    page.set_day(yesterday)  # picked by hand: the assistant is catching up on yesterday, group after group
    page.set_group(ws.other_group_id)
    assert page.day() == yesterday


def test_the_questions_of_a_chain_do_not_move_the_paste_controls(qtbot, page, ws):
    """Pasted by hand, a dated chain is matched as it lands (the debounce), and its question banner appeared above
    the page: the paste box and 识别 moved down, and the click meant for 识别 landed on "Keep 12月4日" — yesterday's
    chain logged on today, by a click nobody meant. The banners sit above the confirm button they hold back."""

    qtbot.waitExposed(page)
    before = placed(page, (page.match_button, page.paste_edit, page.quick_edit, page.clear_paste_button))
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 5:48")
    qtbot.waitUntil(lambda: page.title_banner.isVisible())
    assert placed(page, before) == before
    # the question sits between the preview and the confirm button it holds back
    banner = place(page, page.title_banner).y()
    assert place(page, page.preview_view).y() < banner < place(page, page.confirm_button).y()
    assert not page.confirm_button.isEnabled()
    # the same for a chain titled with another group's name
    page.set_paste_text(f"#接龙 读书会 {TODAY.month}月{TODAY.day}日\n1. 李四\n")
    assert page.group_banner.isVisible() and not page.title_banner.isVisible()
    assert placed(page, before) == before
    assert (
        place(page, page.preview_view).y() < place(page, page.group_banner).y() < place(page, page.confirm_button).y()
    )


def test_keeping_the_chosen_day_logs_there(qtbot, page, ws):
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四")
    assert page.title_banner.isVisible()
    qtbot.mouseClick(page.keep_day_button, Qt.MouseButton.LeftButton)
    assert not page.title_banner.isVisible() and page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False)}


def test_preview_shows_posted_times_leave_and_late_lines(qtbot, page, ws):
    page.set_paste_text("1. 李四 5:48\n2. 张珊 补卡\n3. 赵六 请假")
    statuses = [s for *_, s in page.preview_statuses()]
    assert statuses == ["matched", "matched", "leave"]
    assert page.preview_model.index(0, PREVIEW_COL_TIME).data() == "05:48"
    assert page.preview_model.index(1, PREVIEW_COL_TIME).data().startswith("late")  # 补卡, in English
    assert "1 on leave" in page.paste_summary.text()
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["张珊"], "paste", True)}


def _full_preview_rows(page: CheckinsPage) -> int:
    view = page.preview_view
    return view.viewport().height() // view.verticalHeader().defaultSectionSize()


def _window_with_page(qtbot, ws, width: int, height: int):
    from ui.main_window import MainWindow

    window = MainWindow(ws.database, ws.assistant)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.select_group(ws.group_id)
    window.show_page("checkins")
    page = window.pages["checkins"]
    qtbot.waitUntil(lambda: page.vsplitter.height() > 0 and page.preview_view.isVisible())
    return window, page


def test_a_laptop_screen_shows_a_usable_paste_preview(qtbot, ws):
    """At 1366x720 the heat-map folds away and the preview shows at least eight rows of a pasted chain (it
    showed three); on a tall screen the heat-map is there."""
    _window, page = _window_with_page(qtbot, ws, 1366, 720)
    page.set_paste_text(CHAIN)
    qtbot.waitUntil(lambda: page.preview_model.rowCount() > 0)
    qtbot.waitUntil(lambda: not page.heatmap_shown())
    assert _full_preview_rows(page) >= 8
    assert page.paste_edit.height() >= 2 * page.fontMetrics().lineSpacing()  # the text stays readable too

    _tall, tall_page = _window_with_page(qtbot, ws, 1366, 1000)
    qtbot.waitUntil(tall_page.heatmap_shown)
    assert tall_page.heatmap_panel.height() >= tall_page.heatmap.sizeHint().height()


def test_splitter_sizes_the_user_chose_are_kept(qtbot, ws):
    _window, page = _window_with_page(qtbot, ws, 1366, 720)
    qtbot.waitUntil(lambda: not page.heatmap_shown())
    # drag the heat-map out from under the lists, and make the paste box taller
    page.vsplitter.moveSplitter(page.vsplitter.height() - 200, 1)
    page.paste_splitter.moveSplitter(150, 1)
    assert page.heatmap_shown()
    box = page.paste_edit.height()

    _again, second = _window_with_page(qtbot, ws, 1366, 720)  # the next time the page opens
    qtbot.wait(50)
    assert second.heatmap_shown() and abs(second.heatmap_panel.height() - page.heatmap_panel.height()) <= 8
    assert abs(second.paste_edit.height() - box) <= 8


def test_a_large_group_s_day_loads_without_measuring_every_row(qtbot, ws):
    """Issue 13: at every load of a large group's day the window measured every row — the names of those not yet
    checked in (they differ in width: 0.35 s for 9,400 names) and a thousand rows per column of the day's
    check-ins (ResizeToContents: 0.5 s for 5,000). The missing names are laid out in batches (a first batch at
    load, every name in the end); the check-ins' columns are measured once per kind of cell, and still fit the
    widest cell of each column."""
    from desktop.services.checkins import CheckinEntry

    with ws.database.session() as s:
        ids = [
            add_member(
                s, ws.owner, ws.other_group_id, MemberInput(display_name=f"成员{i:04d}", joined_at=datetime(2024, 1, 1))
            )[1]
            for i in range(2000)
        ]
        at = datetime.combine(TODAY, datetime.min.time()).replace(hour=6)
        record_checkins(s, ws.owner, ws.other_group_id, TODAY, ids[:500], today=TODAY)
        entries = [CheckinEntry(m, at + timedelta(minutes=i % 600)) for i, m in enumerate(ids[500:800])]
        record_checkins(s, ws.owner, ws.other_group_id, TODAY, entries, source="paste", today=TODAY)
        s.commit()
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    asked: dict[str, list[int]] = {"pending": [], "day": []}
    for key, model in (("pending", page.pending_model), ("day", page.day_model)):

        def counted(index, role=Qt.ItemDataRole.DisplayRole, _data=model.data, _rows=asked[key]):
            if role == Qt.ItemDataRole.DisplayRole:
                _rows.append(index.row())
            return _data(index, role)

        model.data = counted
    page.set_group(ws.other_group_id)
    assert (page.day_model.rowCount(), page.pending_model.rowCount()) == (800, 1200)
    assert len(set(asked["pending"])) < 600  # a first batch, not every name
    last = page.pending_model.index(1199, 0)
    qtbot.waitUntil(lambda: len(set(asked["pending"])) == 1200 and page.pending_view.rectForIndex(last).isValid())
    assert len(asked["day"]) < 800  # what is painted, and a row of each kind — not every row of every column
    header = page.day_view.horizontalHeader()
    header.setResizeContentsPrecision(-1)  # Qt's measure of every row, to compare with
    for col in (DAY_COL_TIME, DAY_COL_SOURCE, DAY_COL_UNDO):
        widest = max(page.day_view.sizeHintForColumn(col), header.sectionSizeHint(col))
        assert header.sectionSize(col) >= widest, col


# ---------------------------------------------------------------- the wheel scrolls, it does not choose


def wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of `widget` (negative: down), as the platform delivers it."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_over_the_preview_scrolls_and_chooses_nobody(qtbot, page, ws):
    """Scrolling the preview with the pointer over an undecided line's combo turned it to the first candidate
    (and a confirm logged that person); over the day it moved the day. The wheel only scrolls now; a field the
    user clicked into still steps with it."""
    page.set_paste_text(CHAIN + "".join(f"{i}. 不认识的人{i}\n" for i in range(7, 40)))  # a list that scrolls
    bar = page.preview_view.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    combo = page.choice_combo(0)  # 张三, two of that name: undecided
    assert combo is not None and combo.currentIndex() == 0
    page.window().activateWindow()
    page.quick_edit.setFocus()
    assert not combo.hasFocus()
    before, confirm = bar.value(), page.confirm_button.text()
    wheel(combo)
    wheel(combo)
    assert combo.currentIndex() == 0
    assert page.preview_model.choice(0) is None or page.preview_model.choice(0).membership_id is None
    assert page.preview_statuses()[0] == (4, "张三", "ambiguous")
    assert bar.value() > before  # the list scrolled instead
    assert page.confirm_button.text() == confirm == "Log 2 check-ins"  # 李四 and 张珊

    day = page.day()
    wheel(page.date_edit, 1)
    assert page.day() == day

    combo.setFocus()  # clicked into: the wheel steps the field as before
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1


def test_one_line_of_a_kind_is_counted_in_the_singular(qtbot, page, ws):
    """The English summary said `1 not check-ins` and `1 other lines` (and `1 not members`): a count of one reads
    in the singular, two in the plural."""
    page.set_paste_text("#接龙\n李四 6:03\n「张珊：打卡」\n")
    summary = page.paste_summary.text()
    assert "1 not a check-in" in summary and "1 other line" in summary
    assert "check-ins" not in summary and "lines" not in summary
    page.set_paste_text("#接龙\n早起打卡\n李四 6:03\n「张珊：打卡」\n赵六 撤回了一条消息\n")
    summary = page.paste_summary.text()
    assert "2 not check-ins" in summary and "2 other lines" in summary


def test_a_quote_a_notice_and_a_mention_show_why_they_are_not_check_ins(qtbot, page, ws):
    page.set_paste_text("李四 6:03\n「张珊：打卡」\n赵六 撤回了一条消息\n@张珊 记得打卡\n")
    assert page.preview_statuses() == [
        (1, "李四", "matched"),
        (2, "张珊", "ignored"),
        (3, "赵六", "ignored"),
        (4, "张珊", "ignored"),
    ]
    model = page.preview_model
    assert [model.index(r, PREVIEW_COL_STATUS).data() for r in range(1, 4)] == ["Not a check-in"] * 3
    assert [model._choice_text(r) for r in range(1, 4)] == ["A quoted message", "A system notice", "An @mention"]
    assert page.choice_combo(1) is None  # nothing to decide: never logged
    assert page.confirm_button.text() == "Log 1 check-in"
    assert "3 not check-ins" in page.paste_summary.text()
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False)}


def test_a_chain_titled_with_another_group_asks_and_can_be_logged_here(qtbot, page, ws):
    """`#接龙 读书会 …` pasted into 早起打卡营: its lines are not check-ins here and a banner says why; the user
    may say they are this group's after all, and then they are logged."""
    page.set_paste_text(f"#接龙 读书会 {TODAY.month}月{TODAY.day}日\n1. 李四\n2. 赵六\n")
    assert [s for _n, _name, s in page.preview_statuses()] == ["ignored", "ignored"]
    assert page.group_banner.isVisibleTo(page) and "「读书会」" in page.group_banner_label.text()
    assert page.confirm_button.text() == "Log 0 check-ins"
    qtbot.mouseClick(page.accept_group_button, Qt.MouseButton.LeftButton)
    assert [s for _n, _name, s in page.preview_statuses()] == ["matched", "matched"]
    assert not page.group_banner.isVisibleTo(page)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["赵六"], "paste", False)}
    page.set_paste_text(f"#接龙 读书会 {TODAY.month}月{TODAY.day}日\n1. 张珊\n")  # new text: asked again
    assert page.group_banner.isVisibleTo(page)


def test_a_logged_chain_brought_back_with_ctrl_z_shows_whom_it_logged(qtbot, page, ws):
    """A chain with an ambiguous 张三 is logged after choosing the second 张三; Ctrl+Z in the emptied box brings
    the chain back: the line shows the 张三 it was logged for, already checked in — not "choose" between the two
    again, where the other 张三 was one click away from a check-in for someone who never wrote the line."""
    page.set_paste_text("1. 张三\n2. 李四")
    assert [s for *_, s in page.preview_statuses()] == ["ambiguous", "matched"]
    # the second 张三, picked in the line's combo as a user does (by its WeChat ID: "张三 · zs_2  (same name)")
    combo = page.choice_combo(0)
    values = [v for _label, v in page.preview_model.options(0)]
    i = next(i for i, v in enumerate(values) if getattr(v, "membership_id", None) == ws.memberships["张三#2"])
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    assert page.preview_model.resolved(0) == ws.memberships["张三#2"]
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["张三#2"], "paste", False), (ws.memberships["李四"], "paste", False)}
    assert page.paste_edit.toPlainText() == ""
    page.paste_edit.setFocus()
    qtbot.keyClick(page.paste_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.paste_edit.toPlainText() == "1. 张三\n2. 李四"
    page.run_match()
    assert [s for *_, s in page.preview_statuses()] == ["already", "already"]
    assert page.preview_model.resolved(0) == ws.memberships["张三#2"]
    assert not page.confirm_button.isEnabled()


def test_a_chat_message_that_is_only_a_reply_is_not_counted_unless_chosen(qtbot, qapp, catalogues, page, ws):
    """收到 / 好的👍 in a pasted chat log: a row that says it is only a reply, not logged; 李四's 收到 and then his
    打卡 logs him once; a person may still count a reply as the sender's check-in."""
    page.set_paste_text("张珊：收到\n李四：好的👍\n李四：打卡 第3天\n赵六：谢谢老师🙏\n")
    assert page.preview_statuses() == [
        (1, "张珊", "ignored"),
        (2, "李四", "ignored"),
        (3, "李四", "matched"),
        (4, "赵六", "ignored"),
    ]
    model = page.preview_model
    reply = "Only a reply (got it, thanks, 收到, 好的…): not counted as a check-in"
    assert [model._choice_text(r) for r in (0, 1, 3)] == [reply] * 3
    assert [model.index(r, PREVIEW_COL_STATUS).data() for r in (0, 1, 3)] == ["Not a check-in"] * 3
    assert "3 not check-ins" in page.paste_summary.text()
    assert page.confirm_button.text() == "Log 1 check-in"
    combo = page.choice_combo(3)
    assert [combo.itemText(i) for i in range(combo.count())] == [reply, "Count it: 赵六", "Someone else…"]
    choose(page, 3, "Count it")  # 赵六's thanks was, in this group, his check-in
    assert model.index(3, PREVIEW_COL_STATUS).data() == "Chosen"
    assert page.paste_summary.text().startswith("2 matched")
    assert page.confirm_button.text() == "Log 2 check-ins"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["赵六"], "paste", False)}

    translator = use_language(qapp, catalogues, "zh_CN")
    try:
        page.set_paste_text("张珊：收到\n")
        assert page.preview_model._choice_text(0) == "只是回复（收到、好的、谢谢…），未记为打卡"
        assert page.choice_combo(0).itemText(1) == "算作打卡：张珊"
    finally:
        qapp.removeTranslator(translator)


def test_a_chain_without_a_date_pasted_after_midnight_asks_for_yesterday(qtbot, page, ws, monkeypatch):
    """At 00:30 an assistant pastes last night's untitled chain: its times are still to come today, so the page asks
    which day it is for (confirm waits) and 'Log it for' yesterday logs it there, with the times the members wrote."""
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "00:30")
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text("#接龙 早起打卡\n1. 李四 5:48\n2. 张珊 6:02\n")
    assert page.title_banner.isVisible() and not page.confirm_button.isEnabled()
    assert page.title_date_label.text().startswith("Most times in this chain are still to come today")
    qtbot.mouseClick(page.use_title_day_button, Qt.MouseButton.LeftButton)
    assert page.day() == yesterday and not page.title_banner.isVisible()
    page.confirm_paste()
    assert day_rows(ws, yesterday) == {
        (ws.memberships["李四"], "paste", False),
        (ws.memberships["张珊"], "paste", False),
    }
    assert day_rows(ws) == set()


def test_a_member_writing_under_the_chain_is_shown_and_may_be_counted(qtbot, page, ws):
    """`张珊 07:05` / `打卡` under the chain's last entry was dropped as noise without a word: the row now names 张珊
    and says the line is outside the chain (not logged), and a person may count it."""
    page.set_paste_text("#接龙 早起打卡\n1. 李四 5:40\n张珊 07:05\n打卡\n")
    statuses = page.preview_statuses()
    assert (3, "张珊", "ignored") in statuses and (2, "李四", "matched") in statuses
    row = next(i for i, (line_no, _n, _s) in enumerate(statuses) if line_no == 3)
    assert page.preview_model._choice_text(row) == "Written outside the chain: not counted as a check-in"
    assert page.confirm_button.text() == "Log 1 check-in"
    choose(page, row, "Count it")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["张珊"], "paste", False)}


def test_an_earlier_day_or_late_tick_does_not_move_the_day_controls_or_the_lists(qtbot, page, ws):
    """The header's 往日 badge and 今天 button appeared right of the date box and pushed it left: a second click on
    the date box's arrow landed on 今天 and took the day back to today, where the next quick entry went. And the
    page-wide 'logging for an earlier day / 补卡' banner appeared above the lists and moved them down a row and a
    half: tick 补卡, click the name of the member missing and the chip above, someone else, got the late check-in."""

    qtbot.waitExposed(page)
    watched = (
        page.date_edit,
        page.late_check,
        page.leave_button,
        page.quick_edit,
        page.day_view,
        page.pending_view,
        page.paste_edit,
        page.match_button,
    )
    before = placed(page, watched)
    arrow = place(page, page.date_edit) + QPoint(page.date_edit.width() - 6, page.date_edit.height() // 2)
    page.set_day(TODAY - timedelta(days=1))
    assert page.late_banner.isVisible() and page.today_button.isVisible()
    assert placed(page, watched) == before
    # the spot of the date box's arrow is still the date box, not 今天
    hit = page.childAt(arrow)
    assert hit is page.date_edit or page.date_edit.isAncestorOf(hit)
    page.set_day(TODAY)
    page.late_check.setChecked(True)  # 补卡 on today: the banner says so, and nothing moves
    assert page.late_banner.isVisible()
    assert placed(page, watched) == before
    # in a narrow window too: the banner's text does not wrap onto a second line that moves the lists
    page.late_check.setChecked(False)
    page.resize(760, 600)
    qtbot.wait(20)
    narrow = placed(page, watched)
    page.set_day(TODAY - timedelta(days=1))
    qtbot.wait(20)
    assert page.late_banner.isVisible()
    assert placed(page, watched) == narrow
    assert page.late_label.toolTip() == page.late_label.text()


def test_the_message_of_a_confirmed_paste_does_not_move_the_lists(qtbot, page, ws):
    """After 确认打卡 the status under the quick entry said what was logged and what was left out, on two lines: the
    day's list and the names of who is missing moved down half a row, under the pointer about to click one."""

    qtbot.waitExposed(page)
    watched = (page.quick_edit, page.day_title, page.day_view, page.pending_view)
    before = placed(page, watched)

    def unmoved() -> bool:  # a pixel of rounding as the two lists share their column's height is not a move
        return all(abs(place(page, w).y() - p.y()) <= 1 and place(page, w).x() == p.x() for w, p in before.items())

    page.set_paste_text("1. 李四 5:48\n2. 王小明不在名册 6:01\n3. 另一个陌生人 6:02\n4. 赵六 请假")
    page.confirm_paste()
    assert (ws.memberships["李四"], "paste", False) in day_rows(ws)
    qtbot.wait(20)
    assert page.quick_status.text().strip()
    assert unmoved(), {w.objectName(): (before[w], place(page, w)) for w in watched}
    # a quick entry's one-line message keeps them where they are too
    qtbot.keyClicks(page.quick_edit, "zhaoliu")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert unmoved(), {w.objectName(): (before[w], place(page, w)) for w in watched}


def double_click(widget, pos) -> None:
    """What the window system sends for a double-click: press, release, double-click, release."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    local = QPointF(pos)
    glob = QPointF(widget.mapToGlobal(pos))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        QApplication.sendEvent(widget, QMouseEvent(kind, local, glob, Qt.MouseButton.LeftButton, buttons, mods))


def test_a_double_click_on_a_name_or_an_undo_acts_on_that_row_only(qtbot, page, ws):
    """A double-click on a missing member's name checked in two people: the name left the list at the first click
    and the next one slid under the pointer for the second. The same on 撤销: two check-ins undone."""
    qtbot.waitExposed(page)
    names = page.pending_names()
    first = page.pending_model.person_at(0)
    index = page.pending_model.index(0, 0)
    double_click(page.pending_view.viewport(), page.pending_view.visualRect(index).center())
    qtbot.wait(20)
    assert day_rows(ws) == {(first.membership_id, "manual", False)}
    assert len(page.pending_names()) == len(names) - 1
    # three checked in, and a double-click on the first one's 撤销 undoes that one
    for _ in range(2):
        click_item(qtbot, page.pending_view, 0)
    assert len(day_rows(ws)) == 3
    target = page.day_model.row_at(0)
    undo = page.day_model.index(0, DAY_COL_UNDO)
    double_click(page.day_view.viewport(), page.day_view.visualRect(undo).center())
    qtbot.wait(20)
    left = {mid for mid, *_ in day_rows(ws)}
    assert len(left) == 2 and target.membership_id not in left


def test_a_name_of_another_group_offers_this_groups_look_alike_to_choose(qtbot, page, ws, second_group):
    """`Iris` pasted for Iris Yang of this group, while a person of another group is nicknamed Iris: the line was
    "not a member" with nothing to choose but "someone else…" (seen in the window on the demo workspace). This
    group's look-alike is offered now, never logged on its own; the other group's person is still named."""
    gid, _ids = second_group
    with ws.database.session() as s:
        add_member(s, ws.owner, gid, MemberInput(display_name="何丹娜", nickname="Iris"))
        _, iris = add_member(
            s, ws.owner, ws.group_id, MemberInput(display_name="Iris Yang", joined_at=datetime(2024, 3, 10, 4, 0))
        )
        s.commit()
    page.set_paste_text("#接龙 早起打卡\n1. 李四 6:01\n2. Iris 6:45")
    statuses = [s for *_, s in page.preview_statuses()]
    assert statuses == ["matched", "not_member"]
    combo = page.choice_combo(1)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert any(t.startswith("Iris Yang") for t in labels), labels
    tip = page.preview_model.data(page.preview_model.index(1, 3), Qt.ItemDataRole.ToolTipRole)
    assert "何丹娜" in tip and "夜跑团" in tip and "Iris Yang" in tip
    page.confirm_paste()
    assert (iris, "paste", False) not in day_rows(ws)  # not logged until someone chooses
    page.set_paste_text("#接龙 早起打卡\n1. 李四 6:01\n2. Iris 6:45")
    choose(page, 1, "Iris Yang")
    page.confirm_paste()
    assert (iris, "paste", False) in day_rows(ws)


def test_a_line_already_in_says_who_logged_it_and_when(qtbot, page, ws):
    """The second assistant's paste showed 张珊 "Already checked in" and nothing more: by a colleague, a chat import,
    or a mistake of their own? The status says who logged it, when and how."""
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["张珊"]], source="manual")
        s.commit()
    page.set_paste_text("#接龙 早起打卡\n1. 张珊 6:05\n2. 李四 6:10")
    assert [s for *_, s in page.preview_statuses()] == ["already", "matched"]
    tip = page.preview_model.data(page.preview_model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Already checked in: logged by {ws.owner.name} at ")
    assert tip.endswith("(Typed)"), tip
    assert "Already checked in" not in (
        page.preview_model.data(page.preview_model.index(1, 3), Qt.ItemDataRole.ToolTipRole) or ""
    )


_MON = ("", *"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())  # English month names, whatever the locale


def test_the_logged_message_names_each_day_a_late_line_went_to(qtbot, page, ws):
    """A chain for yesterday with `补前天` on one line: the late check-in goes to the day before, and the message
    said "Logged 2 check-ins · for <yesterday>" — naming a day one of them was not logged on."""
    yesterday, before = TODAY - timedelta(days=1), TODAY - timedelta(days=3)  # 前天 of the chain's day
    page.set_day(yesterday)
    page.set_paste_text(f"#接龙 早起打卡 {yesterday.month}月{yesterday.day}日\n1. 张珊 6:01\n2. 李四 补前天\n")
    assert page.confirm_button.text() == "Log 2 check-ins"
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws, yesterday) == {(ws.memberships["张珊"], "paste", False)}
    assert day_rows(ws, before) == {(ws.memberships["李四"], "paste", True)}
    said = page.quick_status.text()
    assert said.startswith("Logged 2 check-ins  ·  ")
    assert (
        f"1 for {_MON[yesterday.month]} {yesterday.day}, 1 for {_MON[before.month]} {before.day}" in said
    )  # Dec 3: never 12/3
    # a chain all of one earlier day still says that day once
    page.set_paste_text(f"#接龙 早起打卡 {yesterday.month}月{yesterday.day}日\n1. 赵六 6:20\n")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert page.quick_status.text() == f"Logged 1 check-in  ·  for {_MON[yesterday.month]} {yesterday.day}"


def test_choosing_someone_another_line_checks_in_says_so(qtbot, page, ws):
    """Seen in the window: `Jessica 600` to choose between Jessica and 孔馨欣 (nicknamed Jessica), 孔馨欣 matched two
    lines above. Choosing 孔馨欣 showed "Chosen" and counted the line as matched, while nothing more was logged for
    it (each person once) and the real Jessica was left out without a word. The option now names the line that
    has the person already, and a choice that repeats a line is shown as a duplicate of it."""
    page.set_paste_text("#接龙 早起打卡\n1. 张三 5:58\n2. zs_2 6:01\n")
    model = page.preview_model
    combo = page.choice_combo(0)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == [
        "Choose…",
        "张三 · zhangsan_wx  (same name)",
        "张三 · zs_2  (same name)  ·  on line 3",
        "Someone else…",
        "Skip",
    ]
    assert page.confirm_button.text() == "Log 1 check-in"
    # the 张三 of line 3 (zs_2) chosen for line 2 as well: line 3 repeats it, and only one check-in is logged
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert model.choice(0).membership_id == ws.memberships["张三#2"]
    assert model.status(1) == "duplicate"
    assert model.index(1, PREVIEW_COL_STATUS).data() == "Duplicate"
    assert model.index(1, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole) == "Same as line 2"
    assert page.paste_summary.text().startswith("1 matched, 1 duplicate")
    assert page.confirm_button.text() == "Log 1 check-in"
    # the other 张三 chosen: two people, two check-ins
    combo = page.choice_combo(0)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert model.status(1) == "matched" and page.paste_summary.text().startswith("2 matched")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == {(ws.memberships["张三"], "paste", False), (ws.memberships["张三#2"], "paste", False)}


def test_quick_entry_says_who_of_the_candidates_is_checked_in_already(qtbot, page, ws):
    """Two 张三 for `张三`: the list did not say that one of them had checked in at 6:01, so the assistant logging
    the second message guessed — and the guess logged nothing ("had already checked in") or the wrong one."""
    from desktop.services.checkins import CheckinEntry

    with ws.database.session() as s:
        at = datetime.combine(TODAY, datetime.min.time()).replace(hour=6, minute=1)
        record_checkins(s, ws.owner, ws.group_id, TODAY, [CheckinEntry(ws.memberships["张三#2"], at=at)])
        s.commit()
    page.refresh_day()
    page.quick_edit.setText("张三")
    page.update_candidates(show_popup=False)
    shown = {
        page.quick_model.index(r, 0).data(MembershipIdRole): page.quick_model.index(r, 0).data()
        for r in range(page.quick_model.rowCount())
    }
    assert shown[ws.memberships["张三#2"]] == "张三  (zs_2)  —  checked in 06:01"
    assert "checked in" not in shown[ws.memberships["张三"]]


def test_a_leave_line_of_a_chain_opens_the_leave_dialog_for_its_member_and_day(qtbot, page, ws):
    """`赵六 今天请假` in yesterday's chain: not logged, and recording the leave it says meant the 请假… button, finding
    赵六 again and setting yesterday by hand. Enter (or a double-click) on the line opens the dialog with them."""
    yesterday = TODAY - timedelta(days=1)
    page.set_day(yesterday)
    page.set_paste_text(f"#接龙 早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 6:02\n2. 赵六 今天请假\n")
    model = page.preview_model
    row = next(r for r in range(model.rowCount()) if model.status(r) == "leave")
    assert "Double-click or Enter records the leave" in model.index(row, PREVIEW_COL_STATUS).data(
        Qt.ItemDataRole.ToolTipRole
    )
    page.preview_view.setFocus()
    page.preview_view.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(page.preview_view, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.member_search.current().membership_id == ws.memberships["赵六"]
    assert dialog.start_edit.date().toPython() == yesterday == dialog.end_edit.date().toPython()
    assert dialog.reason_edit.text() == "2. 赵六 今天请假"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert [p.display_name for p in on_leave(s, ws.group_id, yesterday)] == ["赵六"]
        assert on_leave(s, ws.group_id, TODAY) == []
    # a leave line naming nobody for certain (张三 twice) opens the dialog asking which one, nobody chosen (probe
    # search2: it opened nothing, and the assistant had to find the leave button and the right 张三 by hand)
    page.set_paste_text(f"#接龙 早起打卡 {yesterday.month}月{yesterday.day}日\n1. 张三 请假\n")
    row = next(r for r in range(model.rowCount()) if model.status(r) == "leave")
    assert "2 members may be meant" in model.index(row, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    dialog = page.open_leave_for_line(row)
    assert dialog is not None and dialog.member_search.current() is None and not dialog.save_button.isEnabled()
    listed = {
        dialog.member_search.model.person_at(i).membership_id for i in range(dialog.member_search.model.rowCount())
    }
    assert listed == {ws.memberships["张三"], ws.memberships["张三#2"]}
    dialog.reject()


def test_a_pasted_pc_wechat_message_says_whose_message_its_line_is(qtbot, page, ws):
    """PC WeChat's copy of one message (`李四` / `早起打卡第3天`) is 李四's message, not two names: the preview has one
    row, 李四's, and the summary's tooltip says line 2 is the message of line 1 (it said "chat or footer, no name",
    and before that the message was a second name nobody had)."""
    page.set_paste_text("李四\n早起打卡第3天\n")
    assert page.preview_statuses() == [(1, "李四", "matched")]
    assert page.paste_summary.toolTip().splitlines() == ["Line 2: 早起打卡第3天 — message of line 1"]


def test_a_chain_titled_with_a_day_that_does_not_exist_asks_which_day(qtbot, page, ws):
    """`早起打卡 11月31日`: title_day passed over a date that is no day, and the chain was logged for the day chosen
    without a word. The banner says so (there is no day to offer) and the paste waits for the user."""
    page.set_paste_text("#接龙\n早起打卡 11月31日\n1. 李四 5:48\n2. 张珊")
    assert page.title_banner.isVisible()
    chosen = f"{'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()[TODAY.month - 1]} {TODAY.day}"
    assert page.title_date_label.text() == (
        f"This chain's title names 11月31日, a day that does not exist. Pick its day above, or keep {chosen}."
    )
    assert not page.use_title_day_button.isVisible()
    assert not page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == set()
    qtbot.mouseClick(page.keep_day_button, Qt.MouseButton.LeftButton)
    assert not page.title_banner.isVisible() and page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["张珊"], "paste", False)}
    # a chain dated another day after it shows its own button again
    yesterday = TODAY - timedelta(days=1)
    page.set_paste_text(f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 李四 5:48")
    assert page.title_banner.isVisible() and page.use_title_day_button.isVisible()


@pytest.mark.parametrize(
    ("title", "says"),
    [
        ("weekday", "the date and the weekday beside it are different days"),
        ("腊月初八 早起打卡", "a lunar calendar day, which QunDesk does not turn into a date"),
        ("上周末打卡", "a weekend is a Saturday and a Sunday"),
    ],
)
def test_a_chain_titled_with_words_that_name_no_one_day_asks_which_day(qtbot, page, ws, title, says):
    """`12月7日（周二）` where the date is another weekday, 腊月初八, 上周末: the chain was logged for the day chosen
    without a word. The banner names the words and why no day is offered, and the paste waits (paste.title_doubt)."""
    if title == "weekday":  # the day being logged, with the weekday after it (a typo of one of the two)
        wrong = "一二三四五六日"[(TODAY.weekday() + 1) % 7]
        title = f"{TODAY.month}月{TODAY.day}日（周{wrong}）打卡"
        words = f"{TODAY.month}月{TODAY.day}日(周{wrong})"
    else:
        words = title.split()[0].removesuffix("打卡")[:2] if "腊月" in title else "上周末"
    page.set_paste_text(f"#接龙 {title}\n1. 李四 5:48\n2. 张珊")
    assert page.title_banner.isVisible() and not page.use_title_day_button.isVisible()
    chosen = f"{'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()[TODAY.month - 1]} {TODAY.day}"
    assert page.title_date_label.text() == (
        f"This chain's title says {words}, which is not one day QunDesk can tell ({says}). Pick its day above, or"
        f" keep {chosen}."
    )
    assert not page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == set()
    qtbot.mouseClick(page.keep_day_button, Qt.MouseButton.LeftButton)
    assert page.confirm_button.isEnabled()
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["李四"], "paste", False), (ws.memberships["张珊"], "paste", False)}


def test_a_make_up_of_a_day_the_words_do_not_date_is_shown_not_logged(qtbot, page, ws):
    """`李四 补周末的` (Saturday or Sunday?) was logged as today's check-in; the preview now shows it as not a check-in,
    saying why, and Confirm logs the other line only."""
    from ui.models.checkins_models import ignored_reason_text

    page.set_paste_text("#接龙\n1. 李四 补周末的\n2. 张珊")
    (m,) = [m for m in page.preview_model.matches() if m.line.name == "李四"]
    assert m.status == "ignored" and ignored_reason_text(m) == (
        "Makes up a day written in words that name no one day (a weekend, a lunar date): not logged"
    )
    page.confirm_paste()
    assert day_rows(ws) == {(ws.memberships["张珊"], "paste", False)}


def test_the_last_paste_is_undone_in_one_click(qtbot, page, ws):
    """A chain logged into the wrong group or day was taken back one 撤销 per line. "Undo this paste" takes back
    exactly what the paste logged: 李四's check-in logged by hand before the paste stays."""
    qtbot.keyClicks(page.quick_edit, "lisi")
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    before = day_rows(ws)
    assert {mid for mid, *_ in before} == {ws.memberships["李四"]}
    assert not page.undo_paste_button.isVisibleTo(page)
    page.set_paste_text("#接龙\n打卡\n\n1. 李四\n2. 张珊\n3. 赵六\n")
    page.run_match()
    page.confirm_paste()
    assert {mid for mid, *_ in day_rows(ws)} == {ws.memberships[n] for n in ("李四", "张珊", "赵六")}
    assert page.undo_paste_button.isVisibleTo(page) and "2" in page.undo_paste_button.text()
    qtbot.mouseClick(page.undo_paste_button, Qt.MouseButton.LeftButton)
    assert day_rows(ws) == before
    assert not page.undo_paste_button.isVisibleTo(page) and "2" in page.quick_status.text()


def test_undo_this_paste_goes_when_something_else_happens(qtbot, page, ws):
    page.set_paste_text("#接龙\n打卡\n\n1. 张珊\n")
    page.run_match()
    page.confirm_paste()
    assert page.undo_paste_button.isVisibleTo(page)
    qtbot.keyClicks(page.quick_edit, "lisi")
    qtbot.keyClick(
        page.quick_edit, Qt.Key.Key_Return
    )  # another action: the button would undo what the status no longer says
    assert not page.undo_paste_button.isVisibleTo(page)
    assert {mid for mid, *_ in day_rows(ws)} == {ws.memberships["张珊"], ws.memberships["李四"]}


def test_a_page_left_open_overnight_logs_the_mornings_chain_for_the_new_day(qtbot, page, ws, monkeypatch):
    """The window stayed open on the Check-ins page past midnight (a laptop's lid closed, opened next morning): the
    date box still showed yesterday, with no banner, and the morning's chain was logged for yesterday. Now the page
    follows the calendar: before logging it moves the date on, says so, and matches again for the new day."""
    tomorrow = TODAY + timedelta(days=1)
    page.set_paste_text("#接龙\n早起打卡\n\n1. 张珊\n2. 李四\n")
    page.run_match()
    monkeypatch.setenv("QUNDESK_TODAY", tomorrow.isoformat())  # the night passes, the page on screen
    page.confirm_paste()  # the click meant for the old preview: nothing logged, the day moved on
    assert page.day() == tomorrow and "new day" in page.quick_status.text()
    assert day_rows(ws, TODAY) == set() and day_rows(ws, tomorrow) == set()
    page.confirm_paste()
    assert {mid for mid, *_ in day_rows(ws, tomorrow)} == {ws.memberships["张珊"], ws.memberships["李四"]}
    assert day_rows(ws, TODAY) == set()


def test_a_day_picked_on_purpose_stays_when_the_calendar_moves_on(qtbot, page, ws, monkeypatch):
    yesterday = TODAY - timedelta(days=1)
    page.set_day(yesterday)
    monkeypatch.setenv("QUNDESK_TODAY", (TODAY + timedelta(days=1)).isoformat())
    assert page.follow_today() is False
    assert page.day() == yesterday and page.late_banner.isVisibleTo(page)
