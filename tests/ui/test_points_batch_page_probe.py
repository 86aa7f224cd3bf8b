"""The Points page's "Adjust several…" (probe points3) as an organiser uses it: the winners pasted as a list, a name
that fits two members or none asked before anything is written, someone not in the group shown and left out, one
transaction; the batch undone from one member's ledger for all of them, or for that member only."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.services.points import balance, recompute_preview
from desktop.services.points_queries import ledger_of
from desktop.services.roster import MemberInput, add_member
from models import kept
from tests.fixed_day import TEST_TODAY
from ui.pages.points_page import PointsPage

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        for name, wx in (("王芳", "wf_1"), ("王芳", "wf_2")):
            _mid, ms = add_member(s, workspace.owner, workspace.group_id, MemberInput(display_name=name, wechat_id=wx))
            workspace.memberships[f"{name}:{wx}"] = ms
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


def _balances(ws, *names):
    with ws.database.session() as s:
        return [balance(s, ws.memberships[n]) for n in names]


def test_winners_pasted_as_a_list_get_their_points_once_every_name_is_decided(qtbot, ws):
    page = open_page(qtbot, ws)
    assert page.batch_adjust_action.isEnabled()
    page.batch_adjust_action.trigger()  # the arrow of "Adjust points…"
    dialog = page.active_dialog
    assert dialog is not None and dialog.objectName() == "batchAdjustDialog"
    dialog.set_text("获奖名单\n张三\n李四\n王芳\n钱多多\n王小明🌟\n张三")
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names[:5] == ["张三", "李四", "王芳", "钱多多", "王小明🌟"]
    dialog.points_spin.setValue(20)
    dialog.reason_edit.setText("读书笔记评比获奖")
    # 王芳 fits two members and 钱多多 none: asked, nothing written until they are decided
    assert len(dialog.undecided_rows()) == 2
    assert not dialog.save_button.isEnabled()
    assert "2" in dialog.summary_label.text()
    dialog.save()
    assert _balances(ws, "张三", "李四") == [0, 0]
    # the applicant 王小明🌟 is no member: shown with why, left out, no choice to make
    applicant_row = names.index("王小明🌟")
    assert applicant_row not in dialog.combos
    assert dialog.table.item(applicant_row, 1).text()
    combo = dialog.combos[names.index("王芳")]
    options = [combo.itemText(i) for i in range(combo.count())]
    assert "王芳 · wf_1" in options and "王芳 · wf_2" in options  # two 王芳 told apart, not two identical lines
    dialog.choose(names.index("王芳"), ws.memberships["王芳:wf_2"])
    dialog.choose(names.index("钱多多"), skip=True)
    assert dialog.save_button.isEnabled()
    assert dialog.chosen_members() == [ws.memberships[n] for n in ("张三", "李四", "王芳:wf_2")]
    assert "+20" in dialog.summary_label.text() and "3" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _balances(ws, "张三", "李四", "王芳:wf_2", "王芳:wf_1", "张珊") == [20, 20, 20, 0, 0]
    with ws.database.session() as s:
        assert kept.drift(s.connection()) == []
        assert recompute_preview(s, ws.group_id) == []
        reasons = {e.reason for e in ledger_of(s, ws.memberships["李四"]) if e.source_kind == "manual"}
    assert reasons == {"读书笔记评比获奖"}
    assert [r.display_name for r in page.leaderboard_model.rows[:3]] == ["李四", "王芳", "张三"]


def test_a_batch_without_a_reason_is_refused_whole_and_says_so(qtbot, ws):
    page = open_page(qtbot, ws)
    dialog = page.open_batch_adjust_dialog([ws.memberships["张三"], ws.memberships["李四"]])
    assert dialog.chosen_members() == [ws.memberships["张三"], ws.memberships["李四"]]
    dialog.points_spin.setValue(-10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_text()
    assert _balances(ws, "张三", "李四") == [0, 0]


def _answer_next_box(page, text_of_button: str, seen: list[str]) -> None:
    """Click the button of the page's next question box whose text holds `text_of_button`."""

    def click() -> None:
        box = page.active_dialog
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        wanted = [b for b in box.buttons() if text_of_button in b.text()]
        (wanted[0] if wanted else box.buttons()[-1]).click()  # never left open: a wrong text fails below

    QTimer.singleShot(0, click)


def test_the_batch_is_undone_for_all_or_for_one_member_from_a_ledger(qtbot, ws):
    page = open_page(qtbot, ws)
    dialog = page.open_batch_adjust_dialog([ws.memberships[n] for n in ("张三", "李四", "张珊")])
    dialog.points_spin.setValue(5)
    dialog.reason_edit.setText("线下聚会到场")
    dialog.save()
    assert _balances(ws, "张三", "李四", "张珊") == [5, 5, 5]

    # 张珊 did not come: taken back for her only
    page.show_ledger(ws.memberships["张珊"])
    page.ledger_table.selectRow(0)
    seen: list[str] = []
    _answer_next_box(page, "member only", seen)
    assert page.undo_selected_adjustment()
    assert "3" in seen[0] and "张三" in seen[0] and "线下聚会到场" in seen[0]
    assert _balances(ws, "张三", "李四", "张珊") == [5, 5, 0]

    # the rest, all at once, from 张三's ledger
    page.show_ledger(ws.memberships["张三"])
    page.ledger_table.selectRow(0)
    _answer_next_box(page, "all 2", seen)
    assert page.undo_selected_adjustment()
    assert "张珊" not in seen[1]
    assert _balances(ws, "张三", "李四", "张珊") == [0, 0, 0]
    with ws.database.session() as s:
        assert kept.drift(s.connection()) == []
    page.ledger_table.selectRow(1)
    assert not page.undo_adjustment_button.isEnabled()


def test_an_assistant_may_adjust_several_but_not_undo_the_owners_batch(qtbot, ws):
    page = open_page(qtbot, ws)
    dialog = page.open_batch_adjust_dialog([ws.memberships["张三"], ws.memberships["李四"]])
    dialog.points_spin.setValue(5)
    dialog.reason_edit.setText("月度之星")
    dialog.save()
    page = open_page(qtbot, ws, ws.assistant)
    assert page.batch_adjust_action.isEnabled()
    page.show_ledger(ws.memberships["张三"])
    page.ledger_table.selectRow(0)
    assert not page.undo_adjustment_button.isEnabled()
    assert TEST_TODAY >= date(2026, 1, 1)


def open_roster(qtbot, ws, group_id):
    from ui.pages.roster_page import RosterPage

    page = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_group(group_id)
    return page


def test_the_rosters_selection_gets_its_points_and_a_selected_applicant_is_shown_left_out(qtbot, ws):
    roster = open_roster(qtbot, ws, ws.group_id)
    ids = [ws.memberships[n] for n in ("张三", "李四", "王小明🌟")]
    assert roster.select_memberships(ids) == 3
    assert roster.bulk_points_action.isEnabled()
    dialog = roster.bulk_adjust_points()
    assert dialog is not None
    assert sorted(dialog.chosen_members()) == sorted(ids[:2])
    applicant = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("王小明🌟")
    assert applicant not in dialog.combos and dialog.table.item(applicant, 2).text()
    dialog.points_spin.setValue(5)
    dialog.reason_edit.setText("线下聚会到场")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _balances(ws, "张三", "李四", "王小明🌟") == [5, 5, 0]
    assert "2" in roster.undo_label.text()


def test_a_selection_of_two_groups_rows_is_not_adjusted_and_says_why(qtbot, ws):
    from desktop.services.members import bulk_copy_to_group

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        s.commit()
    roster = open_roster(qtbot, ws, None)
    rows = [r for r in roster.model.loaded_rows() if r.display_name == "张三"]
    assert len(rows) == 2
    assert roster.select_memberships([r.membership_id for r in rows]) == 2
    assert roster.bulk_adjust_points() is None
    assert "one group" in roster.undo_label.text()
    assert _balances(ws, "张三") == [0]


def test_a_pasted_line_read_as_no_name_is_said_in_the_dialog(qtbot, ws):
    page = open_page(qtbot, ws)
    dialog = page.open_batch_adjust_dialog()
    dialog.set_text("张三：我来了\n李四")
    assert dialog.chosen_members() == [ws.memberships["张三"]]
    assert "李四" in dialog.summary_label.text()
    dialog.set_text("赵六 10:32\n恭喜@张三\u2005@李四\u2005")
    assert dialog.chosen_members() == [ws.memberships["张三"], ws.memberships["李四"]]
