"""Settings › Team database (against a real PostgreSQL from the `pg_url` fixture) and Settings › Backups:
test the connection, copy this workspace into an empty team database (counts verified), keep the URL without
its password, open the team database at start (ui/app.py), back up now, restore into a new file."""

from __future__ import annotations

from pathlib import Path

from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

import ui.app
from desktop.services.groups import list_groups
from desktop.workspace import open_workspace
from models import Base
from models.db import make_engine
from ui.pages.settings_page import TEAM_URL_KEY, TEAM_USE_KEY, SettingsPage

pytestmark = OFFSCREEN_QUIRKS


def make_page(qtbot, ws, actor=None) -> SettingsPage:
    page = SettingsPage(ws.database, actor or ws.owner)
    qtbot.addWidget(page)
    page.asked: list[str] = []
    page.errors: list[str] = []
    page.notes: list[str] = []
    page.questions: list[str] = []

    def ask(url: str) -> str:
        page.asked.append(url)
        return ""  # the test server trusts local connections

    def confirm(text: str) -> bool:
        page.questions.append(text)
        return True

    def choose_restore(text: str) -> str | None:
        page.questions.append(text)
        return page.restore_answer

    page.restore_answer = "new"  # Restore… on a SQLite workspace: "replace" / "new" / None (cancel)
    page.ask_password = ask
    page.confirm = confirm
    page.choose_restore = choose_restore
    page.notify = page.notes.append
    page.notify_error = page.errors.append
    page.show()
    return page


def table_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in Base.metadata.sorted_tables
        }


def test_test_connection_ok(qtbot, ws, pg_url):
    page = make_page(qtbot, ws)
    page.team_url_edit.setText(pg_url)
    with qtbot.waitSignal(page.runner.finished, timeout=30_000):
        qtbot.mouseClick(page.team_test_button, Qt.MouseButton.LeftButton)
    assert page.asked == [pg_url]  # no password in the URL: asked (and never saved)
    assert page.team_status.text() == "Connection OK."
    assert page.errors == []
    assert page.team_test_button.isEnabled()


def test_test_connection_failure_is_a_clear_message(qtbot, ws):
    page = make_page(qtbot, ws)
    page.team_url_edit.setText("postgresql+psycopg://nobody@127.0.0.1:1/qundesk")
    with qtbot.waitSignal(page.runner.finished, timeout=30_000):
        page.test_connection()
    assert len(page.errors) == 1 and page.errors[0].startswith("Cannot connect")
    assert page.team_status.text() == page.errors[0]


def test_a_password_typed_into_the_url_is_used_not_asked(qtbot, ws, pg_url):
    page = make_page(qtbot, ws)
    with_password = make_url(pg_url).set(password="any").render_as_string(hide_password=False)
    page.team_url_edit.setText(with_password)
    with qtbot.waitSignal(page.runner.finished, timeout=30_000):
        page.test_connection()
    assert page.asked == [] and page.team_status.text() == "Connection OK."


def test_cancelling_the_password_prompt_does_nothing(qtbot, ws, pg_url):
    page = make_page(qtbot, ws)
    page.ask_password = lambda url: None
    page.team_url_edit.setText(pg_url)
    assert page.test_connection() is False and page.copy_to_team() is False
    assert not page.runner.running


def test_copy_workspace_to_the_team_database_counts_equal(qtbot, ws, pg_url):
    page = make_page(qtbot, ws)
    page.team_url_edit.setText(pg_url)
    with qtbot.waitSignal(page.runner.finished, timeout=120_000):
        qtbot.mouseClick(page.team_copy_button, Qt.MouseButton.LeftButton)
    assert page.errors == []
    assert len(page.questions) == 1 and "must be empty" in page.questions[0]
    source = table_counts(ws.database.engine)
    counts = page.last_copy_counts
    derived = {t.name for t in Base.metadata.sorted_tables if t.info.get("derived")}  # cut again by the triggers
    assert derived == {"member_gram", "membership_gram", "search_gram_span"}
    assert {k: v for k, v in counts.items() if k != "alembic_version"} == {
        k: v for k, v in source.items() if k not in derived
    }
    assert source["member"] == 4 and source["membership"] == 4
    assert page.team_status.text().startswith("Copied and verified")
    assert "member 4" in page.team_status.text()
    assert page.notes and "restart" in page.notes[0]

    team = make_engine(pg_url)
    try:
        assert table_counts(team) == source
    finally:
        team.dispose()
    copy = open_workspace(pg_url)
    try:
        with copy.session() as a, ws.database.session() as b:
            assert list_groups(a) == list_groups(b)
    finally:
        copy.dispose()

    # a second copy into the now filled team database is refused and writes nothing
    page.errors.clear()
    with qtbot.waitSignal(page.runner.failed, timeout=120_000):
        page.copy_to_team()
    assert len(page.errors) == 1 and "not empty" in page.errors[0]
    team = make_engine(pg_url)
    try:
        assert table_counts(team) == source
    finally:
        team.dispose()


def test_only_the_owner_copies_the_workspace(qtbot, ws):
    page = make_page(qtbot, ws, actor=ws.assistant)
    assert not page.team_copy_button.isEnabled()
    page.team_url_edit.setText("postgresql+psycopg://x@localhost/db")
    assert page.copy_to_team() is False


def test_the_saved_url_has_no_password(qtbot, ws, tmp_path):
    page = make_page(qtbot, ws)
    page.team_url_edit.setText("postgresql://qd:s3cret@db.example.com:5432/team")
    page.team_use_check.setChecked(True)
    qtbot.mouseClick(page.team_save_button, Qt.MouseButton.LeftButton)
    settings = QSettings()
    assert settings.value(TEAM_URL_KEY) == "postgresql+psycopg://qd@db.example.com:5432/team"
    assert settings.value(TEAM_USE_KEY, False, type=bool) is True
    assert page.team_url_edit.text() == "postgresql+psycopg://qd@db.example.com:5432/team"
    assert "next start" in page.team_status.text()
    settings.sync()
    files = list((tmp_path / "qsettings").rglob("*"))
    assert any(f.is_file() for f in files)
    assert not any("s3cret" in f.read_text(encoding="utf-8", errors="replace") for f in files if f.is_file())

    # a fresh page shows the saved address; clearing it forgets the team database
    again = make_page(qtbot, ws)
    assert again.team_url_edit.text() == "postgresql+psycopg://qd@db.example.com:5432/team"
    assert again.team_use_check.isChecked()
    again.team_url_edit.clear()
    again.save_team()
    assert QSettings().value(TEAM_URL_KEY) is None
    assert QSettings().value(TEAM_USE_KEY, False, type=bool) is False


def test_a_bad_address_is_refused(qtbot, ws):
    page = make_page(qtbot, ws)
    page.team_url_edit.setText("postgresql+psycopg://user@host:notaport/db")
    assert page.save_team() is False
    assert page.errors and QSettings().value(TEAM_URL_KEY) is None


def test_app_opens_the_saved_team_database_at_start(ws, monkeypatch):
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    assert ui.app.team_database_url(None) is None  # nothing saved
    settings = QSettings()
    settings.setValue(TEAM_URL_KEY, "postgresql+psycopg://qd@db.example.com/team")
    assert ui.app.team_database_url(None) is None  # saved, but "open at start" is off
    settings.setValue(TEAM_USE_KEY, True)
    asked = []
    monkeypatch.setattr(ui.app, "ask_team_password", lambda url: asked.append(url) or "pw")
    assert ui.app.team_database_url(None) == "postgresql+psycopg://qd:pw@db.example.com/team"
    assert asked == ["postgresql+psycopg://qd@db.example.com/team"]
    assert ui.app.team_database_url("/tmp/other.sqlite") is None  # --db wins
    monkeypatch.setenv("QUNDESK_DB", "/tmp/other.sqlite")
    assert ui.app.team_database_url(None) is None  # QUNDESK_DB wins
    monkeypatch.delenv("QUNDESK_DB")
    monkeypatch.setattr(ui.app, "ask_team_password", lambda url: None)
    assert ui.app.team_database_url(None) is None  # cancelled: the local workspace opens


# ---- backups ----


def test_back_up_now_and_restore_into_a_new_file(qtbot, ws, tmp_path):
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.backup_status.text() == "No backups yet.")
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        qtbot.mouseClick(page.backup_now_button, Qt.MouseButton.LeftButton)
    names = page.backup_names()
    assert len(names) == 1 and names[0].startswith("manual-") and names[0].endswith(".sqlite")
    assert page.backup_list.topLevelItem(0).text(3) == "OK"
    assert not page.restore_button.isEnabled()  # nothing selected yet
    page.select_backup(names[0])
    assert page.restore_button.isEnabled()

    target = tmp_path / "restored" / "workspace.sqlite"
    page.choose_save_path = lambda title, suggested: str(target)
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert page.errors == []
    assert page.questions and "Into a new file" in page.questions[0]
    assert page.last_restored == target and target.is_file()
    assert f'qundesk --db "{target}"' in page.backup_status.text()
    restored = open_workspace(target)
    try:
        with restored.session() as a, ws.database.session() as b:
            assert list_groups(a) == list_groups(b)
    finally:
        restored.dispose()
    assert Path(ws.path).is_file()  # the open workspace is untouched

    # a restore never replaces an existing workspace
    page.select_backup(names[0])
    assert page.restore_selected() is False
    assert page.errors and "already exists" in page.errors[0]


def test_an_assistant_can_neither_back_up_nor_restore(qtbot, ws):
    """A backup holds every phone number and the password hashes (PRODUCT §3.7): the window's "Back up now"
    goes through the same permission as the CLI (it passed no operator before, so an assistant could take one)."""
    from desktop.paths import backups_dir
    from desktop.services.backup import backup_workspace

    owners = backups_dir() / "manual-20261118-090000.sqlite"
    backup_workspace(ws.database, owners, actor=ws.owner)  # one the owner took
    page = make_page(qtbot, ws, actor=ws.assistant)
    assert not page.backup_now_button.isEnabled()
    assert page.backup_now_button.toolTip() == "Only the owner or an admin may take a backup"
    with qtbot.waitSignal(page.runner.failed, timeout=60_000) as refused:
        page.back_up_now()  # even when called anyway, the service refuses
    assert "take_backup" in refused.args[0] or "back up" in refused.args[0]
    assert page.backup_names() == [owners.name]  # nothing new was written
    page.select_backup(owners.name)
    assert not page.restore_button.isEnabled()
    assert page.restore_button.toolTip() == "Only the owner may restore a backup"
    assert page.restore_selected() is False
