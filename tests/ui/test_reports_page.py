"""ReportsPage: pick groups, month, language and phone masking, export the monthly workbook and the roster
off the UI thread, cancel without leaving a file, open the result, and show clear errors."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS, isolate_settings
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl

from desktop.demo import build_demo
from desktop.services.operators import add_operator
from desktop.services.report import SHEETS
from desktop.workspace import actor_for, open_workspace
from tests.fixed_day import TEST_TODAY
from ui.pages.reports_page import (
    ReportsPage,
    last_complete_month,
    recent_exports,
    report_file_name,
    safe_file_part,
)
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

FULL_PHONE = re.compile(r"^1\d{10}$")
MASKED_PHONE = re.compile(r"^1\d{2}\*{4}\d{4}$")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A home folder of the test's own (QStandardPaths reads $HOME): Documents is there, the real one is not
    looked at."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return folder


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def make_page(qtbot, ws, actor=None, **kwargs) -> ReportsPage:
    page = ReportsPage(ws.database, actor or ws.owner, **kwargs)
    qtbot.addWidget(page)
    page.opened: list[QUrl] = []
    page.errors: list[str] = []
    page.open_url = page.opened.append
    page.notify_error = page.errors.append
    page.replace_asked: list = []
    page.confirm_replace = lambda path, _changed: page.replace_asked.append(path.name) or True
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.group_list.count() == 3)
    return page


def phones_in(path, sheet="成员名册") -> list[str]:
    wb = load_workbook(path, read_only=True)
    try:
        return [
            v
            for row in wb[sheet].iter_rows(values_only=True)
            for v in row
            if isinstance(v, str) and (FULL_PHONE.match(v) or MASKED_PHONE.match(v))
        ]
    finally:
        wb.close()


def test_export_a_demo_workspace_report_with_the_real_task_runner(qtbot, tmp_path, out):
    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "demo.sqlite", backup_dir=tmp_path / "backups")
    try:
        build_demo(database.engine, groups=2, members=40, months=2, seed=5)
        owner = actor_for(database)
        page = ReportsPage(database, owner)
        qtbot.addWidget(page)
        opened: list[QUrl] = []
        page.open_url = opened.append
        page.notify_error = pytest.fail
        page.show()
        qtbot.waitUntil(lambda: page.group_list.count() == 3)
        last = TEST_TODAY.replace(day=1) - timedelta(days=1)
        assert page.selected_month() == (last.year, last.month)  # the last complete month by default
        assert page.selected_group_ids() is None  # all groups
        assert page.output_path().name == f"全部社群-{last:%Y-%m}-月报.xlsx"

        target = out / page.output_path().name
        page.set_output_path(target)
        with qtbot.waitSignal(page.runner.finished, timeout=60_000):
            qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
            assert page.running and page.cancel_button.isVisible()
            assert not page.export_button.isEnabled()

        assert not page.running and page.export_button.isEnabled()
        wb = load_workbook(target)
        assert wb.sheetnames == list(SHEETS)
        assert len(wb.sheetnames) == 7
        assert wb.properties.creator == owner.name
        assert wb["成员名册"].freeze_panes
        wb.close()
        assert page.done_bar.isVisible() and page.done_label.text() == target.name
        assert page.done_label.toolTip() == str(target) and str(out) in page.done_folder.text()

        qtbot.mouseClick(page.open_file_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
        assert [u.toLocalFile() for u in opened] == [str(target), str(out)]
        assert recent_exports() == [str(target)]
        assert page.recent_list.item(0).text().startswith(target.name)
    finally:
        database.dispose()


def test_groups_follow_the_sidebar_and_name_the_file(qtbot, ws, out):
    page = make_page(qtbot, ws)
    page.set_group(ws.group_id)
    assert page.selected_group_ids() == [ws.group_id]
    assert page.group_list.item(0).checkState() == Qt.CheckState.PartiallyChecked
    page.set_month(2026, 3)
    assert page.output_path().name == f"{GROUP_NAME}-2026-03-月报.xlsx"

    page.group_list.item(0).setCheckState(Qt.CheckState.Checked)  # "All groups" ticks every group
    assert page.selected_group_ids() is None
    assert page.output_path().name == "全部社群-2026-03-月报.xlsx"

    page.group_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert page.selected_group_ids() == []
    assert not page.export_button.isEnabled()
    assert page.export_report() is False and page.errors == ["Tick at least one group."]

    page.check_groups([ws.group_id, ws.other_group_id])
    assert page.selected_group_ids() is None  # both groups of the workspace = all

    # a name the user chose is kept when the choice changes
    page.set_output_path(out / "我的报表.xlsx")
    page.set_group(ws.group_id)
    assert page.output_path() == out / "我的报表.xlsx"


def test_report_in_english_masks_phones_by_default(qtbot, ws, out):
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    page.set_group(ws.group_id)
    page.lang_combo.setCurrentIndex(page.lang_combo.findData("en"))
    target = out / "en.xlsx"
    page.set_output_path(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.errors == []
    wb = load_workbook(target, read_only=True)
    texts = {v for row in wb["概览"].iter_rows(values_only=True) for v in row if isinstance(v, str)}
    wb.close()
    assert {"Active members", "Check-in rate"} <= texts and "打卡率" not in texts
    phones = phones_in(target)
    assert phones and all(MASKED_PHONE.match(p) for p in phones)


def test_owner_may_export_full_phone_numbers(qtbot, ws, out):
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    page.set_group(ws.group_id)
    assert page.unmasked_check.isEnabled()
    qtbot.mouseClick(page.unmasked_check, Qt.MouseButton.LeftButton)
    assert page.unmasked_check.isChecked()
    target = out / "full.xlsx"
    page.set_output_path(target)
    assert page.export_report()
    assert "13800138000" in phones_in(target)


def test_an_assistant_cannot_tick_unmasked_phones(qtbot, ws, out):
    page = make_page(qtbot, ws, actor=ws.assistant, runner=InlineTaskRunner())
    assert not page.unmasked_check.isEnabled()
    assert "owner or an admin" in page.unmasked_check.toolTip()
    qtbot.mouseClick(page.unmasked_check, Qt.MouseButton.LeftButton)
    assert not page.unmasked_check.isChecked()
    page.set_group(ws.group_id)
    target = out / "assistant.xlsx"
    page.set_output_path(target)
    assert page.export_report()
    assert page.errors == []
    phones = phones_in(target)
    assert phones and not any(FULL_PHONE.match(p) for p in phones)

    # switching operator on the page follows the new role
    page.set_actor(ws.owner)
    assert page.unmasked_check.isEnabled()
    page.set_actor(ws.assistant)
    assert not page.unmasked_check.isEnabled() and not page.unmasked_check.isChecked()


@pytest.mark.parametrize("existing", [False, True])
def test_cancel_leaves_no_file_and_an_existing_target_untouched(qtbot, ws, out, existing):
    runner = InlineTaskRunner()
    page = make_page(qtbot, ws, runner=runner)
    target = out / "report.xlsx"
    if existing:
        target.write_bytes(b"last month's file")
    page.set_output_path(target)
    steps: list[tuple[int, int]] = []

    def cancel_after_first_step(done: int, total: int) -> None:
        steps.append((done, total))
        if len(steps) == 2:  # the user clicks Cancel while the groups are being read
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    runner.progress.connect(cancel_after_first_step)
    with qtbot.waitSignal(runner.cancelled):
        page.export_report()
    assert len(steps) == 2
    assert page.errors == []
    assert page.status_label.text() == "Cancelled. Nothing was written."
    assert not page.done_bar.isVisible() and not page.running
    assert sorted(p.name for p in out.iterdir()) == (["report.xlsx"] if existing else [])
    if existing:
        assert target.read_bytes() == b"last month's file"
    assert recent_exports() == []


def test_an_existing_workbook_is_replaced_only_when_the_user_agrees(qtbot, ws, out):
    """The export button wrote over an existing file without a word (last month's workbook with the owner's notes
    added in Excel). It asks now; a file the page itself wrote and nobody changed since is written again freely."""
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    target = out / "report.xlsx"
    target.write_bytes(b"the owner's notes")
    page.set_output_path(target)
    page.confirm_replace = lambda path, _changed: page.replace_asked.append(path.name) or False
    assert not page.export_report()
    assert page.replace_asked == ["report.xlsx"] and target.read_bytes() == b"the owner's notes"
    assert not page.running and page.errors == []

    page.confirm_replace = lambda path, _changed: page.replace_asked.append(path.name) or True
    assert page.export_report()
    assert page.replace_asked == ["report.xlsx", "report.xlsx"]
    assert load_workbook(target, read_only=True).sheetnames[0] == SHEETS[0]
    # the page's own file, unchanged since: exported again (data corrected) without a question
    assert page.export_report()
    assert page.replace_asked == ["report.xlsx", "report.xlsx"] and page.errors == []
    # … until somebody changes it
    with open(target, "ab") as f:
        f.write(b" ")
    page.confirm_replace = lambda path, _changed: page.replace_asked.append(path.name) or False
    assert not page.export_report()
    assert len(page.replace_asked) == 3


def test_browse_onto_an_existing_file_is_not_asked_twice(qtbot, ws, out):
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    target = out / "chosen.xlsx"
    target.write_bytes(b"old")
    page.choose_save_path = lambda title, suggested: str(target)  # the file dialog asked about replacing it
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert page.export_report()
    assert page.replace_asked == [] and target.read_bytes() != b"old"


def test_a_missing_folder_is_a_clear_error(qtbot, ws, tmp_path):
    page = make_page(qtbot, ws)
    page.set_output_path(tmp_path / "no-such-folder" / "r.xlsx")
    with qtbot.waitSignal(page.runner.failed, timeout=30_000):
        page.export_report()
    assert len(page.errors) == 1
    assert "Folder does not exist" in page.errors[0] and "no-such-folder" in page.errors[0]
    assert page.error_label.isVisible() and page.error_label.text() == page.errors[0]
    assert page.export_button.isEnabled() and not page.running


def test_a_target_that_is_a_folder_is_a_clear_error(qtbot, ws, out):
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    (out / "busy.xlsx").mkdir()
    page.set_output_path(out / "busy.xlsx")
    page.export_report()
    assert page.errors and "folder" in page.errors[0]


def test_export_roster_asks_where_and_writes_an_importable_file(qtbot, ws, out):
    page = make_page(qtbot, ws, runner=InlineTaskRunner())
    page.set_group(ws.group_id)
    asked: list[str] = []

    def choose(title: str, suggested: str) -> str:
        asked.append(suggested)
        return str(out / "名册")  # no extension typed: .xlsx is added

    page.choose_save_path = choose
    qtbot.mouseClick(page.roster_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(f"{GROUP_NAME}-成员名册-{TEST_TODAY:%Y-%m-%d}.xlsx")
    target = out / "名册.xlsx"
    wb = load_workbook(target, read_only=True)
    rows = list(wb["成员名册"].iter_rows(values_only=True))
    wb.close()
    assert rows[0][:2] == ("社群", "姓名")
    assert {r[1] for r in rows[1:]} == {"张三", "张珊", "李四", "王小明🌟"}
    assert "13800138000" in phones_in(target)  # the owner's roster keeps full phones (importable again)
    assert page.done_title.text() == "✓ Roster written: 4 row(s)."

    page.choose_save_path = lambda title, suggested: None  # the user closes the file dialog
    assert page.export_roster() is False


def test_browse_uses_the_chosen_file(qtbot, ws, out):
    page = make_page(qtbot, ws)
    page.choose_save_path = lambda title, suggested: str(out / "chosen.xlsx")
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert page.output_path() == out / "chosen.xlsx"


def test_page_is_cheap_to_construct_and_loads_when_shown(qtbot, ws):
    page = ReportsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.set_group(ws.group_id)
    assert page.group_list.count() == 0  # nothing read before the page is shown
    page.show()
    qtbot.waitUntil(lambda: page.group_list.count() == 3)
    assert page.selected_group_ids() == [ws.group_id]


def test_file_names_are_safe():
    assert safe_file_part('a/b:c*?"<>|d') == "a_b_c______d"
    assert report_file_name(["读书会🌟", "早起"], 2026, 5) == "读书会🌟等2个社群-2026-05-月报.xlsx"
    assert report_file_name(None, 2026, 12) == "全部社群-2026-12-月报.xlsx"


def test_reports_page_is_in_the_main_window(qtbot, ws):
    from ui.main_window import MainWindow

    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    assert isinstance(w.pages["reports"], ReportsPage)
    with ws.database.session() as s:
        admin = add_operator(s, ws.owner, "管理员小李", "admin")
        s.commit()
    w.set_actor(admin)
    assert w.pages["reports"].unmasked_check.isEnabled()


def test_ticks_survive_leaving_the_page_and_new_groups_appear(qtbot, ws):
    from desktop.services.groups import create_group

    page = make_page(qtbot, ws)
    page.check_groups([ws.other_group_id])
    page.hide()
    with ws.database.session() as s:
        new_id = create_group(s, ws.owner, "新社群")
        s.commit()
    page.show()
    assert page.group_list.count() == 4
    assert page.selected_group_ids() == [ws.other_group_id]
    page.set_group(new_id)
    assert page.selected_group_ids() == [new_id]


def test_the_page_starts_at_the_last_complete_month_in_documents(qtbot, ws, home, monkeypatch):
    """Not the month still running, and not the hidden data folder: the user's Documents folder."""
    page = make_page(qtbot, ws)
    last = TEST_TODAY.replace(day=1) - timedelta(days=1)
    assert page.selected_month() == (last.year, last.month)
    assert page.month_combo.itemData(0) == f"{TEST_TODAY:%Y-%m}"  # this month is still offered, first
    assert page.output_path() == home / "Documents" / f"全部社群-{last:%Y-%m}-月报.xlsx"
    page.set_group(ws.group_id)
    assert page.output_path() == home / "Documents" / f"{GROUP_NAME}-{last:%Y-%m}-月报.xlsx"


@pytest.mark.parametrize(
    ("today", "expected"),
    [("2027-01-05", (2026, 12)), ("2026-03-01", (2026, 2)), ("2026-12-31", (2026, 11))],
)
def test_the_default_month_on_other_days(qtbot, ws, monkeypatch, today, expected):
    monkeypatch.setenv("QUNDESK_TODAY", today)  # the application's clock (models.clock)
    assert last_complete_month(date.fromisoformat(today)) == expected
    page = make_page(qtbot, ws)
    assert page.selected_month() == expected
    assert page.month_combo.currentIndex() == 1


def test_without_a_documents_folder_the_home_folder(qtbot, ws, home):
    (home / "Documents").rmdir()
    page = make_page(qtbot, ws)
    assert page.output_path().parent == home
    assert not (home / "Documents").exists()  # nothing created behind the user's back


def test_the_folder_and_header_language_chosen_are_remembered(qtbot, ws, home, out):
    page = make_page(qtbot, ws)
    page.choose_save_path = lambda title, suggested: str(out / "十月.xlsx")
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert page.output_path() == out / "十月.xlsx"
    page.lang_combo.setCurrentIndex(page.lang_combo.findData("en"))

    again = make_page(qtbot, ws)  # the next time the page opens
    last = TEST_TODAY.replace(day=1) - timedelta(days=1)
    assert again.output_path() == out / f"全部社群-{last:%Y-%m}-月报.xlsx"
    assert again.header_language() == "en"

    (out / "十月.xlsx").unlink(missing_ok=True)
    out.rmdir()  # the remembered folder is gone: back to Documents
    third = make_page(qtbot, ws)
    assert third.output_path().parent == home / "Documents"
