"""ui/operations.py and GroupPage over a real SQLite workspace: run_write commits and announces what changed,
a known error rolls the whole transaction back and is reported once (to on_error or a warning box), a
database held by another connection is reported as busy with nothing written, and a change made on one page
makes the other pages stale: a hidden page loads when it is shown, never while hidden."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

import models.db
import ui.messages
import ui.operations
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.checkins import CheckinEntry, record_checkins
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from models import Member, Membership
from tests.fixed_day import TEST_TODAY
from ui.main_window import MainWindow
from ui.operations import Change, DatabaseBusy, busy_message, data_events, run_committed, run_read, run_write
from ui.pages.group_page import GroupPage

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch):
    """Warning boxes the operations would show (ui.messages.show_error), recorded instead of shown."""
    shown: list[tuple[object, BaseException]] = []
    monkeypatch.setattr(ui.messages, "show_error", lambda parent, exc, title=None: shown.append((parent, exc)))
    return shown


def memberships(ws) -> int:
    with ws.database.session() as session:
        return session.scalar(select(func.count()).select_from(Membership))


def add_one(parent, ws, name: str, changes=("members",)):
    """run_write of add_member: one new person in the test group."""
    return run_write(
        parent, ws.database, add_member, ws.owner, ws.group_id, MemberInput(display_name=name), changes=changes
    )


def test_run_write_commits_and_announces_the_kinds_it_changed(qtbot, ws, parent, boxes):
    before = memberships(ws)
    with qtbot.waitSignal(data_events().data_changed) as blocker:
        done = add_one(parent, ws, "赵六")
    assert done and done.ok
    _member_id, membership_id = done.value
    assert memberships(ws) == before + 1  # committed: another session sees it
    change = blocker.args[0]
    assert isinstance(change, Change)
    assert change.database is ws.database
    assert change.kinds == frozenset({"members"})
    assert change.initiator is parent
    assert boxes == []
    assert membership_id > 0


def test_changes_may_depend_on_the_result_and_empty_announces_nothing(qtbot, ws, parent):
    with qtbot.waitSignal(data_events().data_changed) as blocker:
        run_write(
            parent,
            ws.database,
            lambda session: 3,
            changes=lambda n: ("participation", "points") if n else (),
        )
    assert blocker.args[0].kinds == frozenset({"participation", "points"})
    with qtbot.assertNotEmitted(data_events().data_changed):
        assert run_write(parent, ws.database, lambda session: 0, changes=lambda n: ("points",) if n else ())


def test_an_unknown_kind_of_change_is_a_bug(ws, parent):
    with pytest.raises(ValueError, match="unknown kinds"):
        run_write(parent, ws.database, lambda session: None, changes=("everything",))


def test_a_validation_error_rolls_the_whole_write_back_and_goes_to_on_error(qtbot, ws, parent, boxes):
    before = memberships(ws)
    errors: list[BaseException] = []

    def two_members(session):
        add_member(session, ws.owner, ws.group_id, MemberInput(display_name="钱七"))  # written, then undone
        add_member(session, ws.owner, ws.group_id, MemberInput(display_name="   "))  # a name is required

    with qtbot.assertNotEmitted(data_events().data_changed):
        done = run_write(parent, ws.database, two_members, changes=("members",), on_error=errors.append)
    assert not done
    assert isinstance(done.error, ValidationError)
    assert errors == [done.error]
    assert boxes == []  # on_error given: no box as well
    assert memberships(ws) == before  # 钱七 was rolled back with the failing second add


def test_a_refusal_without_on_error_is_shown_in_a_box(qtbot, ws, parent, boxes):
    before = memberships(ws)
    with qtbot.assertNotEmitted(data_events().data_changed):
        refused = run_write(
            parent, ws.database, soft_delete_member, ws.assistant, ws.members["李四"], changes=("members",)
        )
    assert not refused
    assert isinstance(refused.error, PermissionDenied)  # an assistant may not delete people
    assert boxes == [(parent, refused.error)]
    assert memberships(ws) == before
    with ws.database.session() as session:
        assert session.get(Member, ws.members["李四"]).deleted_at is None


def test_a_busy_database_is_reported_as_busy_and_nothing_is_written(qtbot, tmp_path, monkeypatch, parent, boxes):
    isolate_settings(tmp_path)
    monkeypatch.setattr(models.db, "SQLITE_BUSY_TIMEOUT_MS", 50)  # each attempt waits 50 ms for the lock
    monkeypatch.setattr(ui.operations, "RETRY_ATTEMPTS", 2)
    ws = make_workspace(tmp_path)
    try:
        before = memberships(ws)
        holder = sqlite3.connect(ws.path, timeout=0.05, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with qtbot.assertNotEmitted(data_events().data_changed):
                done = add_one(parent, ws, "周九")
        finally:
            holder.rollback()
            holder.close()
        assert not done
        assert isinstance(done.error, DatabaseBusy)
        assert str(done.error) == busy_message()
        assert boxes == [(parent, done.error)]
        assert memberships(ws) == before
        # the lock is gone: the same write goes through
        assert add_one(parent, ws, "周九", changes=())
        assert memberships(ws) == before + 1
    finally:
        close_workspace(ws)


def test_run_committed_reports_and_announces_like_run_write(qtbot, ws, parent, boxes):
    def commits_itself(name: str) -> int:
        with ws.database.session() as session:
            _mid, msid = add_member(session, ws.owner, ws.group_id, MemberInput(display_name=name))
            session.commit()
        return msid

    with qtbot.waitSignal(data_events().data_changed) as blocker:
        assert run_committed(parent, ws.database, commits_itself, "吴十", changes=("members",))
    assert blocker.args[0].kinds == frozenset({"members"})
    with qtbot.assertNotEmitted(data_events().data_changed):
        failed = run_committed(parent, ws.database, commits_itself, "", changes=("members",))
    assert isinstance(failed.error, ValidationError)
    assert boxes == [(parent, failed.error)]


def test_run_read_reports_a_known_error(ws, parent, boxes):
    from desktop.services.groups import group_id_by_name

    assert run_read(parent, ws.database, group_id_by_name, GROUP_NAME).value == ws.group_id
    missing = run_read(parent, ws.database, group_id_by_name, "没有这个群")
    assert not missing
    assert boxes == [(parent, missing.error)]


# ---- GroupPage ----


class CountingPage(GroupPage):
    reload_for = frozenset({"participation"})

    def __init__(self, database, actor, parent=None):
        super().__init__(database, actor, parent)
        self.loads: list[int | None] = []

    def load(self) -> None:
        self.loads.append(self.group_id)


def test_a_group_page_loads_only_while_visible(qtbot, ws):
    page = CountingPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.set_group(ws.group_id)
    assert page.loads == [] and page.stale  # hidden: nothing read yet
    page.show()
    qtbot.waitExposed(page)
    assert page.loads == [ws.group_id] and not page.stale
    page.set_group(ws.other_group_id)  # visible: at once
    assert page.loads == [ws.group_id, ws.other_group_id]
    page.hide()
    page.set_group(ws.group_id)
    page.data_changed_elsewhere(Change(ws.database, frozenset({"participation"})))
    assert page.loads == [ws.group_id, ws.other_group_id]  # still hidden: only marked
    page.show()
    assert page.loads == [ws.group_id, ws.other_group_id, ws.group_id]  # one load for both reasons
    page.show()  # shown again while fresh: nothing to do
    assert len(page.loads) == 3


def test_a_group_page_ignores_changes_it_does_not_show(qtbot, ws, tmp_path):
    page = CountingPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.show()
    assert page.loads == [None]
    page.data_changed_elsewhere(Change(ws.database, frozenset({"settings"})))  # not in reload_for
    page.data_changed_elsewhere(Change(object(), frozenset({"participation"})))  # another workspace
    assert page.loads == [None] and not page.stale
    page.data_changed_elsewhere(Change(ws.database, frozenset({"participation"})))  # visible: reloads now
    assert page.loads == [None, None]


def test_a_change_on_one_page_makes_the_hidden_pages_stale_and_they_reload_when_shown(qtbot, ws, monkeypatch):
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    window.select_group(ws.group_id)
    window.show_page("checkins")
    checkins = window.pages["checkins"]
    points = window.pages["points"]
    assert not checkins.stale and checkins.pending_model.rowCount() == 3  # 张三, 张珊, 李四 have not checked in
    window.show_page("points")
    assert not points.stale
    assert checkins.isHidden() or not checkins.isVisible()

    loads: list[str] = []
    for key in ("checkins", "points", "onboarding"):
        page = window.pages[key]
        original = page.load
        monkeypatch.setattr(page, "load", lambda original=original, key=key: (loads.append(key), original()))

    # a check-in logged from the points page (as its dialogs would): the points page updates itself
    zs = ws.memberships["张三"]
    with qtbot.waitSignal(data_events().data_changed):
        assert run_write(
            points,
            ws.database,
            record_checkins,
            ws.owner,
            ws.group_id,
            TEST_TODAY,
            [CheckinEntry(zs)],
            changes=("participation", "points"),
        )
    assert checkins.stale and window.pages["onboarding"].stale  # hidden: marked, not loaded
    assert not points.stale  # the page the change was made in is not told
    assert loads == []

    window.show_page("checkins")
    assert loads == ["checkins"]
    assert not checkins.stale
    assert checkins.pending_model.rowCount() == 2  # 张三 checked in meanwhile
    assert [r.membership_id for r in checkins.day_model.rows()] == [zs]


def test_a_members_change_refreshes_the_sidebar_counts(qtbot, ws, parent):
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    assert window.group_labels()[1] == (GROUP_NAME, "3/500")
    rows = window.roster_page.model.total
    assert add_one(parent, ws, "郑十一")
    assert window.group_labels()[1] == (GROUP_NAME, "4/500")
    assert window.roster_page.model.total == rows + 1  # the roster (visible, not where it was made) reloaded
