"""PointsPage as an owner and an assistant use it: the leaderboard equals the service for a month and for
all time, a rule change previews its re-pricing (computed on the worker thread) and applying it leaves
nothing to change, manual adjustments need a reason, levels can be renamed, an assistant cannot edit rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from desktop.errors import PermissionDenied
from desktop.services.checkins import record_checkins
from desktop.services.participation import add_contribution, add_violation
from desktop.services.points import (
    adjust_points,
    balance,
    group_levels,
    leaderboard,
    list_rules,
    recompute_preview,
    set_rule,
)
from desktop.services.points_queries import ledger_of
from models import Member
from tests.fixed_day import TEST_TODAY
from ui.models.points_models import (
    LB_LEVEL,
    LB_NAME,
    LB_POINTS,
    LB_RANK,
    RULE_ACTIVE,
    RULE_POINTS,
    LeaderboardModel,
    LedgerModel,
    LevelsModel,
    RecomputeModel,
    RulesModel,
)
from ui.pages.points_page import PointsPage
from ui.task_runner import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)

TODAY = TEST_TODAY


@pytest.fixture
def ws(tmp_path):
    """The helpers' workspace with a few weeks of facts: check-ins (a 7-day streak for 张三), a share, a
    violation and a manual adjustment, some last month and some this month."""
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    zs, shan, ls = (workspace.memberships[n] for n in ("张三", "张珊", "李四"))
    with workspace.database.session() as s:
        for back in range(40, -1, -1):
            day = TODAY - timedelta(days=back)
            ids = [zs] + ([shan] if back % 2 == 0 else []) + ([ls] if back % 5 == 0 else [])
            record_checkins(s, workspace.owner, workspace.group_id, day, ids, today=day)  # on time: streaks count
        add_contribution(s, workspace.owner, shan, "share", TODAY, "早起十法")
        add_violation(s, workspace.owner, ls, "ad", TODAY - timedelta(days=35), "warning")
        adjust_points(s, workspace.owner, ls, 7, "帮忙整理群公告", TODAY)
        s.commit()
    yield workspace
    close_workspace(workspace)


def open_page(qtbot, ws, actor=None) -> PointsPage:
    page = PointsPage(ws.database, actor or ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(ws.group_id)
    return page


def shown_leaderboard(page) -> list[tuple[str, str, str, str]]:
    m = page.leaderboard_model
    return [tuple(m.index(r, c).data() for c in (LB_RANK, LB_NAME, LB_POINTS, LB_LEVEL)) for r in range(m.rowCount())]


def expected_rows(rows) -> list[tuple[str, str, str, str]]:
    return [(str(r.rank), r.display_name, str(r.points), r.level or "—") for r in rows]


def month_bounds(d: date) -> tuple[date, date]:
    first = d.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt - timedelta(days=1)


def test_a_board_cut_at_its_limit_says_it_shows_the_top(qtbot, ws, monkeypatch):
    """Issue 13: the board shows at most LEADERBOARD_LIMIT rows and said "200 members with points" for a group where
    9,219 have points. Cut at its limit it says how many it shows of how many; otherwise how many there are."""
    import ui.pages.points_page as points_page

    with ws.database.session() as s:
        everyone = len(leaderboard(s, ws.group_id, limit=None))
    assert everyone >= 3
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.all_time_button, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == f"{everyone} member(s) with points"  # no catalogue loaded: the source text
    monkeypatch.setattr(points_page, "LEADERBOARD_LIMIT", 2)
    page.reload_leaderboard()
    assert page.leaderboard_model.rowCount() == 2
    assert page.count_label.text() == f"Top 2 of {everyone} member(s) with points"


def test_leaderboard_rows_equal_the_service(qtbot, ws):
    page = open_page(qtbot, ws)
    start, end = month_bounds(TODAY)
    with ws.database.session() as s:
        month = leaderboard(s, ws.group_id, start=start, end=end, limit=200)
        all_time = leaderboard(s, ws.group_id, limit=200)
    assert month and all_time
    assert shown_leaderboard(page) == expected_rows(month)

    qtbot.mouseClick(page.all_time_button, Qt.MouseButton.LeftButton)
    assert not page.month_picker.isEnabled()
    assert shown_leaderboard(page) == expected_rows(all_time)
    assert page.leaderboard_model.index(0, LB_NAME).data() == "张三"  # every day and a streak bonus

    qtbot.mouseClick(page.month_button, Qt.MouseButton.LeftButton)
    page.month_picker.step(-1)
    start, end = month_bounds(start - timedelta(days=1))
    with ws.database.session() as s:
        last_month = leaderboard(s, ws.group_id, start=start, end=end, limit=200)
    assert shown_leaderboard(page) == expected_rows(last_month)


def test_opted_out_members_are_hidden(qtbot, ws):
    with ws.database.session() as s:  # no service sets the flag yet: write the column it reads
        s.get(Member, ws.members["张三"]).points_opt_out = True
        s.commit()
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.all_time_button, Qt.MouseButton.LeftButton)
    assert "张三" not in [row[1] for row in shown_leaderboard(page)]


def test_a_ledger_longer_than_the_list_says_it_shows_the_latest(qtbot, ws, monkeypatch):
    """A member of two years has more ledger entries than the list holds (LEDGER_LIMIT, newest first): the header
    says which it shows, and the balance is still the whole ledger's."""
    import ui.pages.points_page as points_page

    ls = ws.memberships["李四"]
    with ws.database.session() as s:
        entries, total = len(ledger_of(s, ls, None)), balance(s, ls)
    assert entries >= 3
    monkeypatch.setattr(points_page, "LEDGER_LIMIT", 2)
    page = open_page(qtbot, ws)
    page.show_ledger(ls)
    assert page.ledger_model.rowCount() == 2
    text = page.balance_label.text()
    assert text.startswith(f"{total} point") and text.endswith("the latest 2 entries")


def test_selecting_a_leader_shows_their_ledger_newest_first(qtbot, ws, monkeypatch):
    import ui.pages.points_page as points_page

    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.all_time_button, Qt.MouseButton.LeftButton)
    ls = ws.memberships["李四"]
    row = page.leaderboard_model.row_of(ls)
    page.leaderboard_table.selectRow(row)
    with ws.database.session() as s:
        expected = ledger_of(s, ls, 500)
        total = balance(s, ls)
    assert page.ledger_model.rows == expected
    assert page.ledger_model.index(0, 2).data() == "帮忙整理群公告"  # the adjustment was written last
    assert page.ledger_model.index(0, 1).data() == "+7"
    assert page.ledger_model.index(0, 3).data() == "Manual"
    # the app's own reasons in the window's language (stored in Chinese); the typed one above stays as typed
    reasons = {page.ledger_model.index(i, 2).data() for i in range(page.ledger_model.rowCount())}
    assert {"Check-in", "Violation"} <= reasons and not {"打卡", "违规"} & reasons
    assert page.balance_label.text().startswith(f"{total} point")  # "1 point": test_translations
    assert "the latest" not in page.balance_label.text()  # the whole ledger is listed
    assert page.ledger_picker.membership_id == ls

    # any member can be looked up, not only those on the board
    page.ledger_picker.clear()
    page.ledger_picker.setFocus()
    type_text(qtbot, page.ledger_picker, "shanshan88")
    qtbot.keyClick(page.ledger_picker, Qt.Key.Key_Return)
    assert page.ledger_model.rows and all(r.reason for r in page.ledger_model.rows)
    with ws.database.session() as s:
        assert page.ledger_model.rows == ledger_of(s, ws.memberships["张珊"], 500)

    monkeypatch.setattr(points_page, "LEDGER_LIMIT", len(expected))  # exactly as many as the list holds: all shown
    page.show_ledger(ls)
    assert page.ledger_model.rowCount() == len(expected) and "the latest" not in page.balance_label.text()


def edit_rule_points(qtbot, page, code: str, points: int) -> None:
    """Double-click the rule's points, type the new value, Enter — as the user does."""
    row = page.rules_model.row_of(code)
    index = page.rules_model.index(row, RULE_POINTS)
    page.side_tabs.setCurrentIndex(1)
    page.rules_table.setCurrentIndex(index)
    page.rules_table.edit(index)
    spin = page.rules_table.findChild(QSpinBox)
    assert spin is not None and spin.isVisible()
    spin.selectAll()
    qtbot.keyClicks(spin, str(points))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: page.rules_model.rows[row].points == points)


def test_edit_a_rule_then_recompute_preview_and_apply(qtbot, ws):
    page = open_page(qtbot, ws)
    assert isinstance(page.runner_factory(page), TaskRunner)  # the real worker thread
    edit_rule_points(qtbot, page, "checkin", 2)
    with ws.database.session() as s:
        rules = {r.code: r for r in list_rules(s, ws.group_id)}
        assert rules["checkin"].points == 2
        expected = recompute_preview(s, ws.group_id)
    assert page.rules_model.index(page.rules_model.row_of("checkin"), RULE_POINTS).data() == "+2"
    assert "Rule saved" in page.rules_hint.text()
    assert expected  # every check-in is now worth one more point

    qtbot.mouseClick(page.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recompute_dialog is not None and page.recompute_dialog.isVisible(), timeout=10_000)
    dialog = page.recompute_dialog
    assert dialog.model.rows == expected
    zs_row = next(r for r in dialog.model.rows if r.display_name == "张三")
    assert zs_row.delta == 41  # 41 check-ins, one more point each
    assert dialog.apply_button.isEnabled()
    shown = {dialog.model.index(i, 0).data(): dialog.model.index(i, 3).data() for i in range(dialog.model.rowCount())}
    assert shown["张三"] == "+41"

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recompute_dialog is None or not page.recompute_dialog.isVisible(), timeout=10_000)
    with ws.database.session() as s:
        assert recompute_preview(s, ws.group_id) == []
        assert [e.source_kind for e in ledger_of(s, ws.memberships["张三"], 1)] == ["recompute"]

    # a second preview has nothing to change
    qtbot.mouseClick(page.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recompute_dialog is not None and page.recompute_dialog.isVisible(), timeout=10_000)
    dialog = page.recompute_dialog
    assert dialog.model.rowCount() == 0
    assert not dialog.apply_button.isEnabled()
    assert dialog.summary_label.text() == "Nothing to change: the ledger agrees with the rules."
    dialog.reject()


def test_turning_a_rule_off_with_its_check_box(qtbot, ws):
    page = open_page(qtbot, ws)
    row = page.rules_model.row_of("violation")
    assert page.rules_model.setData(
        page.rules_model.index(row, RULE_ACTIVE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    with ws.database.session() as s:
        assert {r.code: r.active for r in list_rules(s, ws.group_id)}["violation"] is False
        preview = {r.display_name: r.delta for r in recompute_preview(s, ws.group_id)}
    assert preview["李四"] == 10  # the violation no longer costs points


def test_manual_adjustment_needs_a_reason(qtbot, ws):
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.adjust_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no member yet
    assert dialog.error_text("membership")

    dialog.member_picker.setFocus()
    type_text(qtbot, dialog.member_picker, "张珊")
    qtbot.keyClick(dialog.member_picker, Qt.Key.Key_Return)
    shan = ws.memberships["张珊"]
    assert dialog.member_picker.membership_id == shan
    dialog.points_spin.setValue(-3)
    with ws.database.session() as s:
        before = balance(s, shan)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "reason" in dialog.error_text("reason").lower()
    with ws.database.session() as s:
        assert balance(s, shan) == before  # nothing written

    type_text(qtbot, dialog.reason_edit, "迟到扣分")
    with qtbot.waitSignal(dialog.adjusted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert balance(s, shan) == before - 3
        newest = ledger_of(s, shan, 1)[0]
    assert (newest.points, newest.reason, newest.source_kind, newest.operator) == (-3, "迟到扣分", "manual", "群主")
    assert page.ledger_picker.membership_id == shan
    assert page.ledger_model.index(0, 2).data() == "迟到扣分"


def test_levels_can_be_renamed_and_saved(qtbot, ws):
    page = open_page(qtbot, ws)
    page.side_tabs.setCurrentIndex(2)
    assert page.levels_model.levels() == [("新人", 0), ("活跃", 30), ("骨干", 100), ("元老", 300)]
    assert not page.save_levels_button.isEnabled()
    page.levels_model.setData(page.levels_model.index(1, 0), "小有名气")
    qtbot.mouseClick(page.add_level_button, Qt.MouseButton.LeftButton)
    page.levels_table.closePersistentEditor(page.levels_table.currentIndex())
    assert page.levels_model.levels()[-1] == ("New level", 400)
    assert page.save_levels_button.isEnabled()
    qtbot.mouseClick(page.save_levels_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert group_levels(s, ws.group_id) == [
            ("新人", 0),
            ("小有名气", 30),
            ("骨干", 100),
            ("元老", 300),
            ("New level", 400),
        ]
    assert not page.save_levels_button.isEnabled()

    # two levels at the same threshold: the message is shown, nothing saved
    page.levels_model.setData(page.levels_model.index(4, 1), 300)
    qtbot.mouseClick(page.save_levels_button, Qt.MouseButton.LeftButton)
    assert page.levels_error.isVisible()
    with ws.database.session() as s:
        assert len(group_levels(s, ws.group_id)) == 5
        assert group_levels(s, ws.group_id)[-1] == ("New level", 400)


def test_an_assistant_cannot_edit_rules(qtbot, ws):
    page = open_page(qtbot, ws, ws.assistant)
    assert not page.can_edit_rules
    row = page.rules_model.row_of("checkin")
    points_index = page.rules_model.index(row, RULE_POINTS)
    active_index = page.rules_model.index(row, RULE_ACTIVE)
    assert not page.rules_model.flags(points_index) & Qt.ItemFlag.ItemIsEditable
    assert not page.rules_model.flags(active_index) & Qt.ItemFlag.ItemIsEnabled
    assert not page.edit_rule("checkin", points=5)
    assert not page.edit_rule("checkin", active=False)
    assert "Only the owner or an admin" in page.rules_hint.text()
    page.side_tabs.setCurrentIndex(1)
    page.rules_table.setCurrentIndex(points_index)
    qtbot.keyClick(page.rules_table, Qt.Key.Key_F2)
    assert page.rules_table.findChild(QSpinBox) is None  # no editor opens
    with ws.database.session() as s:
        assert {r.code: (r.points, r.active) for r in list_rules(s, ws.group_id)}["checkin"] == (1, True)
        with pytest.raises(PermissionDenied):  # and the service refuses too
            set_rule(s, ws.assistant, ws.group_id, "checkin", points=5)
    assert not page.add_level_button.isEnabled() and not page.save_levels_button.isEnabled()
    assert not page.levels_model.flags(page.levels_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable

    # the preview is there to look at, applying it is not
    with ws.database.session() as s:
        set_rule(s, ws.owner, ws.group_id, "share", points=8)
        s.commit()
    qtbot.mouseClick(page.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.recompute_dialog is not None and page.recompute_dialog.isVisible(), timeout=10_000)
    assert page.recompute_dialog.model.rowCount() == 1
    assert not page.recompute_dialog.apply_button.isEnabled()
    page.recompute_dialog.reject()

    # an assistant may still adjust points by hand, with a reason
    assert page.adjust_button.isEnabled()


def test_page_without_a_group(qtbot, ws):
    page = PointsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    page.set_group(None)
    assert page.stack.currentIndex() == 0
    assert page.leaderboard_model.rowCount() == 0


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ws):
    page = open_page(qtbot, ws)
    qtbot.mouseClick(page.all_time_button, Qt.MouseButton.LeftButton)
    for model in (page.leaderboard_model, page.ledger_model, page.rules_model, page.levels_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    with ws.database.session() as s:
        set_rule(s, ws.owner, ws.group_id, "checkin", points=3)
        s.commit()
        rows = recompute_preview(s, ws.group_id)
    preview = RecomputeModel()
    preview.set_rows(rows)
    qtmodeltester.check(preview)
    for cls in (LeaderboardModel, LedgerModel, LevelsModel, RulesModel, RecomputeModel):
        qtmodeltester.check(cls())


def test_a_violation_typed_as_a_positive_number_is_refused_and_the_table_keeps_the_rule(qtbot, ws, monkeypatch):
    """ "扣 10 分" typed as 10 into the violation row: the write is refused with a message saying to type -10, the
    table shows −10 still, and a violation recorded after costs 10 points (it paid +10 before)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    page = open_page(qtbot, ws)
    row = page.rules_model.row_of("violation")
    assert not page.edit_rule("violation", points=10)
    assert shown and "-10" in shown[0]
    assert page.rules_model.index(row, RULE_POINTS).data() == "-10"
    with ws.database.session() as s:
        assert {r.code: r.points for r in list_rules(s, ws.group_id)}["violation"] == -10
        zs = ws.memberships["张三"]
        before = balance(s, zs)
        add_violation(s, ws.owner, zs, "flood", TODAY)
        s.commit()
        assert balance(s, zs) == before - 10


def test_the_recompute_preview_says_the_correction_is_dated_today_and_counts_in_this_month(qtbot):
    """Check-in 1 → 2 on the 6th, then "Recompute from rules…": each member's history re-priced in one entry
    dated today — this month's points and leaderboard took every past month's difference (+300 "this month" for a
    member of a year), and the preview said only "one correcting entry per member". It says so now."""
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.points_dialogs import RecomputeDialog

    dialog = RecomputeDialog([], can_apply=True)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "dated today" in texts and "this month's points and leaderboard include the correction" in texts


def test_the_streak_rule_saved_says_past_runs_are_settled_at_the_next_check_in(qtbot, ws):
    """The 7-day bonus switched on (or re-priced) in December: each member's November runs were paid at their next
    check-in, dated in November — November's points changed days later — while the hint said new entries use the
    rule and past ones wait for a recompute. The streak rule's hint says what happens; other rules keep theirs."""
    page = open_page(qtbot, ws)
    edit_rule_points(qtbot, page, "streak7", 9)
    assert "settled to this rule at their next check-in" in page.rules_hint.text()
    assert "past months' points change" in page.rules_hint.text()
    assert page.edit_rule("share", points=4)
    assert page.rules_hint.text().startswith("Rule saved. New entries use it now")


def test_a_manual_adjustment_is_undone_from_the_ledger_and_stays_in_it(qtbot, ws, monkeypatch):
    """+7 given to 李四 by mistake: the only way back was a −7 typed by hand with a reason, and recompute could not
    tell it from a real penalty. The ledger's "Undo adjustment" (after a yes) adds the entry undoing it beside the
    adjustment — both stay, the balance is back — and offers nothing for a check-in, the undo itself or an
    adjustment already undone; an assistant may not undo the owner's."""
    from PySide6.QtWidgets import QMessageBox

    ls = ws.memberships["李四"]
    with ws.database.session() as s:
        before = balance(s, ls)
    page = open_page(qtbot, ws, ws.assistant)
    page.show_ledger(ls)
    page.ledger_table.selectRow(0)
    assert page.ledger_model.row_at(0).source_kind == "manual"
    assert not page.undo_adjustment_button.isEnabled()  # the owner's adjustment: not the assistant's to undo
    page = open_page(qtbot, ws)
    page.show_ledger(ls)
    page.ledger_table.selectRow(1)
    assert page.ledger_model.row_at(1).source_kind != "manual" and not page.undo_adjustment_button.isEnabled()
    page.ledger_table.selectRow(0)
    assert page.undo_adjustment_button.isEnabled()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(page.undo_adjustment_button, Qt.MouseButton.LeftButton)
    assert "+7" in asked[0] and "帮忙整理群公告" in asked[0]
    with ws.database.session() as s:
        assert balance(s, ls) == before - 7
        entries = ledger_of(s, ls, 2)
        assert recompute_preview(s, ws.group_id) == []  # the undo is no rule-based point for recompute to pay back
    assert [(e.points, e.source_kind, e.reverses_id is not None, e.undone) for e in entries] == [
        (-7, "manual", True, False),
        (7, "manual", False, True),
    ]
    assert page.ledger_model.rowCount() >= 2 and page.ledger_model.index(0, 2).data().startswith("Adjustment undone")
    for row in (0, 1):  # the undo and the adjustment undone: nothing more to undo
        page.ledger_table.selectRow(row)
        assert not page.undo_adjustment_button.isEnabled()
    assert not page.undo_selected_adjustment()
    with ws.database.session() as s:
        assert balance(s, ls) == before - 7
