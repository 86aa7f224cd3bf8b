"""The smaller screens: first-run dialog (demo or empty), exception dialog, settings page, the excepthook and
run_app's start-up (in a child process, so its QApplication set-up does not leak into other tests)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, run_python_child
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

import ui.app
from desktop.errors import ValidationError
from desktop.settings import get_setting
from desktop.workspace import actor_for, is_empty, open_workspace
from models.db import DatabaseLockedError
from ui.dialogs.exception_dialog import ExceptionDialog
from ui.dialogs.first_run_dialog import FirstRunDialog
from ui.pages.settings_page import LANGUAGE_KEY, SettingsPage
from ui.task_runner import InlineTaskRunner, TaskRunner

pytestmark = OFFSCREEN_QUIRKS
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_db(tmp_path, monkeypatch):
    isolate_settings(tmp_path)
    monkeypatch.setenv("QUNDESK_HOME", str(tmp_path / "home"))
    database = open_workspace(tmp_path / "empty.sqlite", backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


# ---- first run ----
def test_first_run_builds_the_demo_with_progress(qtbot, empty_db):
    calls = []

    def fake_builder(engine, *, groups, members, months, progress, cancelled):
        calls.append((groups, members, months))
        progress(1, 2)
        assert cancelled() is False
        progress(2, 2)
        return "summary"

    dialog = FirstRunDialog(empty_db, runner=InlineTaskRunner(), builder=fake_builder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert calls == [(5, 600, 3)]
    assert dialog.choice == "demo" and dialog.summary == "summary"
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.progress_bar.value() == 2


def test_first_run_with_the_real_demo_on_a_worker_thread(qtbot, empty_db):
    dialog = FirstRunDialog(empty_db)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.runner, TaskRunner)
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "demo"
    assert not is_empty(empty_db)
    assert dialog.summary.groups == 5


def test_first_run_start_empty(qtbot, empty_db):
    dialog = FirstRunDialog(empty_db, runner=InlineTaskRunner())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "empty"
    assert is_empty(empty_db)


def test_first_run_failure_and_cancel_keep_the_dialog_open(qtbot, empty_db):
    def failing(engine, **kwargs):
        raise ValueError("演示数据只能写入新的或空的工作区 (The demo needs a new or empty workspace)")

    dialog = FirstRunDialog(empty_db, runner=InlineTaskRunner(), builder=failing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.status_label.text() == "The demo could not be created: The demo needs a new or empty workspace"
    assert dialog.demo_button.isEnabled()

    class DemoCancelled(Exception):
        pass

    def cancelled(engine, **kwargs):
        raise DemoCancelled()

    dialog._builder = cancelled
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Cancelled")
    assert dialog.choice is None and dialog.empty_button.isEnabled()


# ---- exception dialog and excepthook ----
def test_exception_dialog_copies_the_traceback(qtbot):
    dialog = ExceptionDialog("Traceback (most recent call last):\nZeroDivisionError: boom")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().endswith("ZeroDivisionError: boom")
    assert dialog.copy_button.text() == "Copied"
    assert "ZeroDivisionError" in dialog.details_edit.toPlainText()


def test_excepthook_known_errors_get_a_message_and_bugs_the_dialog(qtbot, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(ui.app.QMessageBox, "warning", lambda parent, title, text: shown.append(("box", text)))
    monkeypatch.setattr(ExceptionDialog, "exec", lambda self: shown.append(("dialog", self.details)))
    for exc in (ValidationError("phone", "不是有效的电话号码 (not a phone number)"), DatabaseLockedError("locked")):
        ui.app.handle_exception(type(exc), exc, None)
    try:
        1 / 0  # noqa: B018 - a real traceback
    except ZeroDivisionError as exc:
        ui.app.handle_exception(type(exc), exc, exc.__traceback__)
    assert shown[0] == ("box", "Not a phone number")
    assert shown[1] == ("box", "locked")
    assert shown[2][0] == "dialog" and "ZeroDivisionError" in shown[2][1] and "test_dialogs.py" in shown[2][1]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_install_excepthook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    ui.app.install_excepthook()
    assert sys.excepthook is ui.app.handle_exception


# ---- settings page ----
def test_settings_page_saves_workspace_rules(qtbot, ws):
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    assert page.spins["capacity_warn_share"].value() == 90
    assert page.spins["dormant_days"].suffix() == " days"
    page.spins["dormant_days"].setValue(45)
    page.spins["capacity_warn_share"].setValue(80)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "Saved."
    with ws.database.session() as s:
        assert get_setting(s, "dormant_days") == 45
        assert get_setting(s, "capacity_warn_share") == pytest.approx(0.8)
    assert page.database_edit.text() == str(ws.path)


def test_settings_page_says_a_rule_change_leaves_earlier_months_as_they_were(qtbot, ws):
    """Saving "dormant after 14 days" said only "Saved." — nothing told the owner whether October's workbook would
    change. The rules have a history (settings.rules_at): the page says a change applies from today and earlier
    months keep their rules, and the history holds the change from today."""
    from datetime import date, timedelta

    from desktop.settings import rules_at
    from models import Group, clock

    with ws.database.session() as s:  # a workspace in use before today (a change on its first day is its set-up)
        for g in s.query(Group):
            g.created_at = g.created_at - timedelta(days=60)
        s.commit()
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    assert page.rules_history_note.isVisible()
    assert "Earlier months keep the rules they had" in page.rules_history_note.text()
    page.spins["dormant_days"].setValue(14)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    today = clock.today()
    with ws.database.session() as s:
        assert rules_at(s, today - timedelta(days=1), "dormant_days") == (30,)
        assert rules_at(s, today, "dormant_days") == (14,)
        assert rules_at(s, date(today.year - 1, 1, 31), "dormant_days") == (30,)


def test_settings_page_says_an_edit_is_not_saved_and_asks_when_left(qtbot, ws):
    """An edited rule looked saved: the dashboard still counted 30 dormant days while 45 stood in the box, and
    "Saved." stayed beside it after the next edit. The page says the edit is not saved, and leaving the page asks:
    saved, or the saved rules put back — never left standing as if they applied."""
    from PySide6.QtWidgets import QLabel, QStackedWidget

    window = QStackedWidget()  # the main window's pages: another tab hides this one
    qtbot.addWidget(window)
    page = SettingsPage(ws.database, ws.owner)
    window.addWidget(page)
    window.addWidget(QLabel("dashboard"))
    asked: list[bool] = []
    answers = [False, True, True]
    page.ask_save_rules = lambda: asked.append(True) or answers.pop(0)
    window.show()
    page.spins["dormant_days"].setValue(45)
    assert page.saved_label.text() == "Not saved yet: the rules apply once saved."
    page.spins["dormant_days"].setValue(30)  # back as saved: nothing to say
    assert page.saved_label.text() == ""
    window.setCurrentIndex(1)
    qtbot.wait(20)
    assert asked == []

    window.setCurrentIndex(0)
    page.spins["dormant_days"].setValue(45)
    window.setCurrentIndex(1)  # another tab: asked once it has painted — "discard"
    assert asked == []
    qtbot.waitUntil(lambda: asked == [True])
    assert page.spins["dormant_days"].value() == 30
    with ws.database.session() as s:
        assert get_setting(s, "dormant_days") == 30

    window.setCurrentIndex(0)
    page.spins["dormant_days"].setValue(60)
    window.setCurrentIndex(1)  # "save"
    qtbot.waitUntil(lambda: asked == [True, True])
    assert page.spins["dormant_days"].value() == 60
    with ws.database.session() as s:
        assert get_setting(s, "dormant_days") == 60

    window.setCurrentIndex(0)
    page.spins["capacity_warn_share"].setValue(80)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.saved_label.text() == "Saved."
    page.spins["capacity_warn_share"].setValue(85)
    assert page.saved_label.text() == "Not saved yet: the rules apply once saved."  # "Saved." no longer stands
    window.close()  # the window closing: asked at once, before it is gone — "save"
    assert asked == [True, True, True]
    with ws.database.session() as s:
        assert get_setting(s, "capacity_warn_share") == pytest.approx(0.85)


def test_settings_page_language_is_stored_for_the_next_start(qtbot, ws):
    page = SettingsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    assert page.language_combo.currentData() == "en"  # tests run untranslated
    assert not page.language_note.isVisible()
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh_CN"))
    assert QSettings().value(LANGUAGE_KEY) == "zh_CN"
    assert page.language_note.isVisible()
    assert "next time" in page.language_note.text()


def test_settings_page_is_read_only_for_an_assistant(qtbot, ws):
    page = SettingsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    assert not page.save_button.isEnabled()
    assert not any(spin.isEnabled() for spin in page.spins.values())


def test_the_assistants_read_only_note_is_shown_whole(qtbot, ws):
    """The note beside the disabled Save button read "Only the owner or an admin may chang" in the English
    window (cut at the content's width): it has a row of its own across the box now, and wraps if it must."""
    page = SettingsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1240, 760)
    page.show()
    qtbot.waitExposed(page)
    label = page.read_only_note
    assert label.isVisible() and label.text() == "Only the owner or an admin may change these."
    fits_on_one_line = label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    wraps_into_its_height = label.wordWrap() and label.height() >= label.heightForWidth(label.width())
    assert fits_on_one_line or wraps_into_its_height
    assert label.geometry().right() <= label.parentWidget().width()


# ---- run_app, in a child process ----
RUN_APP = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    import ui.dialogs.first_run_dialog as frd

    QMessageBox.critical = staticmethod(lambda parent, title, text: print("CRITICAL", text))
    ANSWER = QMessageBox.StandardButton.No if "QUNDESK_TEST_SAY_NO" in __import__("os").environ else (
        QMessageBox.StandardButton.Yes
    )
    QMessageBox.question = staticmethod(lambda parent, title, text, *a: print("ASK", text.replace(chr(10), " ")) or ANSWER)
    frd.FirstRunDialog.exec = lambda self: print("FIRST_RUN", self.windowTitle()) or 0

    app = QApplication(sys.argv[:1])

    def report():
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.objectName() == "mainWindow":
                print("WINDOW", w.windowTitle(), w.nav_buttons["roster"].text())
        app.quit()

    QTimer.singleShot(300, report)
    from ui.app import run_app
    sys.exit(run_app(sys.argv[1], None if sys.argv[2] == "-" else sys.argv[2]))
    """
)


def run_app_child(tmp_path: Path, db: Path, lang: str, *, say_no: bool = False) -> subprocess.CompletedProcess:
    return run_python_child(
        tmp_path,
        RUN_APP,
        db,
        lang,
        env={"QUNDESK_TEST_SAY_NO": "1"} if say_no else None,
        unset=("QUNDESK_TEST_SAY_NO",),
    )


def test_run_app_opens_the_window_after_the_first_run_dialog(tmp_path):
    result = run_app_child(tmp_path, tmp_path / "ws.sqlite", "-")
    assert result.returncode == 0, result.stderr
    assert f"ASK 没有工作区：{tmp_path / 'ws.sqlite'}" in result.stdout  # a --db file that is not there: asked
    assert "FIRST_RUN 欢迎使用社群助手" in result.stdout  # Chinese by default
    assert "WINDOW 社群助手 成员名册" in result.stdout
    english = run_app_child(tmp_path, tmp_path / "ws.sqlite", "en")
    assert english.returncode == 0, english.stderr
    assert "WINDOW QunDesk Roster" in english.stdout


def test_run_app_creates_no_workspace_the_user_did_not_want(tmp_path):
    """A mistyped --db: the window asks, and "No" ends with exit 3 and no file (PRODUCT §4)."""
    typo = tmp_path / "wrokspace.sqlite"
    result = run_app_child(tmp_path, typo, "en", say_no=True)
    assert result.returncode == 3, result.stderr
    assert f"ASK There is no workspace at {typo}." in result.stdout
    assert "FIRST_RUN" not in result.stdout and "WINDOW" not in result.stdout
    assert not typo.exists() and list(tmp_path.glob("wrokspace*")) == []


def test_run_app_exits_3_on_a_database_problem(tmp_path):
    bad = tmp_path / "not-a-database.sqlite"
    bad.write_bytes(b"this is not SQLite" * 100)
    result = run_app_child(tmp_path, bad, "en")
    assert result.returncode == 3, result.stderr
    assert "CRITICAL" in result.stdout


def test_actor_for_is_the_owner(empty_db):
    assert actor_for(empty_db).role == "owner"


def test_a_second_window_on_the_same_workspace_is_told_who_has_it(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(ui.app.QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    db = str(tmp_path / "locked.sqlite")
    first = ui.app._lock_workspace(db)
    assert first not in (None, False)
    try:
        assert ui.app._lock_workspace(db) is False
        assert "already open" in shown[0] and "pid" in shown[0]
    finally:
        first.unlock()
        ui.app._locks.remove(first)
    assert ui.app._lock_workspace("postgresql+psycopg://u@h/db") is None
