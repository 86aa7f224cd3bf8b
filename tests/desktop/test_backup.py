"""Backups and restore (PRODUCT §4 `backup -o FILE` / `restore FILE`, issue 6 item 5): a round trip on
SQLite and PostgreSQL sources and targets keeps every row and every month's figures; a refused restore
(non-empty target, an assistant, a damaged or foreign file) writes nothing; automatic daily backups are
pruned; a backup taken while another connection writes is consistent. Nothing here mocks the database."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from desktop.demo import build_demo
from desktop.errors import PermissionDenied
from desktop.metrics import month_stats
from desktop.services.backup import (
    BackupError,
    auto_backup,
    auto_tag,
    backup_workspace,
    copy_workspace,
    list_backups,
    restore_workspace,
)
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.operators import Actor, add_operator
from desktop.settings import set_setting
from desktop.tasks import Cancelled, Progress
from desktop.workspace import actor_for, open_workspace
from models import Base, CheckIn, Group, Membership, PointsEntry, kept, search
from models.db import check_integrity, head_revision, make_engine, open_database

TODAY = date(2026, 3, 15)
MONTHS = ((2026, 2), (2026, 3))
OWNER = Actor(1, "群主", "owner")  # restore needs only the role; the target may not exist yet


def _fill(database, *, groups: int = 3, members: int = 120) -> None:
    build_demo(database.engine, groups=groups, members=members, months=2, seed=11, today=TODAY)


def _table_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in Base.metadata.sorted_tables
        }


def _snapshot(url) -> tuple[dict[str, int], dict[str, list[dict]]]:
    """Row counts of every table and the month figures of every group (by name)."""
    db = open_database(url)
    try:
        with db.session() as s:
            groups = s.execute(select(Group.id, Group.name).order_by(Group.name)).all()
            stats = {
                name: [month_stats(s, gid, y, m, today=TODAY).as_dict() for y, m in MONTHS] for gid, name in groups
            }
        return _table_counts(db.engine), stats
    finally:
        db.dispose()


def _last_audit_action(url) -> str:
    from models import AuditEntry

    db = open_database(url)
    try:
        with db.session() as s:
            return s.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1))
    finally:
        db.dispose()


def _is_sqlite_with_tables(path: Path) -> bool:
    if not path.exists():
        return False
    conn = sqlite3.connect(path)
    try:
        return bool(conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
    finally:
        conn.close()


def _table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@pytest.fixture
def new_db(request, tmp_path):
    """Factory: the URL of a new, empty database of the given kind ('sqlite' or 'postgresql')."""
    made: list[str] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            return str(tmp_path / f"db-{uuid.uuid4().hex[:8]}.sqlite")
        server = request.getfixturevalue("pg_server")
        name = f"t_{uuid.uuid4().hex}"
        made.append(name)
        return server.create_database(name)

    yield make
    if made:
        server = request.getfixturevalue("pg_server")
        for name in made:
            server.drop_database(name)


def _drift(url: str) -> list:
    """Memberships whose kept points balance or last day differ from the ledger and the facts, and search pieces
    that differ from a fresh cut of the names."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM points_entry")).scalar_one() > 100  # there is a ledger
            return kept.drift(conn) + search.drift(conn)
    finally:
        engine.dispose()


def _pg_table_count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                ).scalar_one()
            )
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def _master_backup(tmp_path_factory) -> tuple[Path, tuple]:
    folder = tmp_path_factory.mktemp("master")
    url = str(folder / "source.sqlite")
    db = open_workspace(url, backup_dir=folder / "upgrades")
    try:
        _fill(db)
        path = backup_workspace(db, folder / "demo.sqlite")
    finally:
        db.dispose()
    return path, _snapshot(url)


@pytest.fixture
def demo_backup(_master_backup, tmp_path) -> tuple[Path, tuple]:
    """A backup file of a small demo workspace (SQLite; the test's own copy) and the snapshot it was taken from."""
    master, snapshot = _master_backup
    folder = tmp_path / "backups"
    folder.mkdir()
    path = folder / "demo.sqlite"
    shutil.copyfile(master, path)
    return path, snapshot


# ---------------------------------------------------------------------------------------------- round trip


@pytest.mark.parametrize(
    ("source", "target"),
    [("sqlite", "sqlite"), ("sqlite", "postgresql"), ("postgresql", "sqlite"), ("postgresql", "postgresql")],
)
def test_backup_restore_round_trip_keeps_every_row_and_figure(new_db, tmp_path, source, target):
    src_url = new_db(source)
    src = open_workspace(src_url)
    try:
        _fill(src)
        owner = actor_for(src)
        backup = backup_workspace(src, tmp_path / "out" / "backup.sqlite")
    finally:
        src.dispose()
    before_counts, before_stats = _snapshot(src_url)
    assert before_counts["checkin"] > 500 and len(before_stats) == 3
    assert any(s["checkins"] for stats in before_stats.values() for s in stats)

    # a self-contained, sound SQLite file at the current schema, nothing left beside it
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in backup.parent.iterdir()) == ["backup.sqlite"]
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    finally:
        conn.close()

    dst_url = new_db(target)
    if target == "postgresql":  # a team database someone already opened: first-start defaults only
        open_workspace(dst_url).dispose()
    counts = restore_workspace(owner, backup, dst_url)
    after_counts, after_stats = _snapshot(dst_url)

    assert after_counts == {**before_counts, "audit_log": before_counts["audit_log"] + 1}  # the restore itself
    assert _last_audit_action(dst_url) == "backup.restore"
    assert after_stats == before_stats
    # the copy carries every table but the derived search pieces, which the destination's triggers wrote again
    # (after_counts above: the same number of pieces)
    derived = {"member_gram", "membership_gram", "search_gram_span"}
    assert counts == {**{k: v for k, v in before_counts.items() if k not in derived}, "alembic_version": 1}
    assert before_counts["member_gram"] > 0 and before_counts["membership_gram"] > 0
    # the kept values (models/kept.py) came over right: the copy once doubled every points balance (the
    # membership rows brought theirs, then the ledger's triggers added every entry again)
    assert _drift(f"sqlite:///{backup}") == []
    assert _drift(dst_url) == []

    # the restored workspace is usable: new rows get fresh ids (PostgreSQL sequences were reset)
    restored = open_workspace(dst_url)
    try:
        with restored.session() as s:
            gid = create_group(s, actor_for(restored), "恢复后新建的群")
            s.commit()
            assert gid == max(s.scalars(select(Group.id))) and gid > 3
        assert check_integrity(restored) is None
    finally:
        restored.dispose()


def test_restore_into_an_existing_empty_sqlite_file(demo_backup, sqlite_workspace):
    path, (before_counts, before_stats) = demo_backup
    restore_workspace(OWNER, path, sqlite_workspace.url.replace("sqlite:///", ""))
    after_counts, after_stats = _snapshot(str(sqlite_workspace.engine.url))
    assert after_counts == {**before_counts, "audit_log": before_counts["audit_log"] + 1}  # the restore is audited
    assert after_stats == before_stats
    assert _last_audit_action(str(sqlite_workspace.engine.url)) == "backup.restore"


def test_copy_workspace_refuses_different_revisions_and_reports_progress(sqlite_workspace, tmp_path):
    _fill(sqlite_workspace)
    seen: list[tuple[int, int]] = []
    target = open_database(tmp_path / "copy.sqlite")
    try:
        counts = copy_workspace(sqlite_workspace.engine, target.engine, progress=lambda d, t: seen.append((d, t)))
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == sum(
            v for k, v in counts.items() if k != "alembic_version"
        )
        with pytest.raises(BackupError, match="不是空的"):
            copy_workspace(sqlite_workspace.engine, target.engine)
    finally:
        target.dispose()
    other = open_database(tmp_path / "other.sqlite")
    try:
        with other.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'not_the_same'"))
        with pytest.raises(BackupError, match="revisions differ"):
            copy_workspace(sqlite_workspace.engine, other.engine)
    finally:
        other.dispose()


# ---------------------------------------------------------------------------------------------- refusals


def test_restore_into_a_non_empty_target_is_refused_and_writes_nothing(demo_backup, workspace, owner):
    path, _ = demo_backup
    with workspace.session() as s:
        create_group(s, owner, "已有的群")
        s.commit()
    before = _table_counts(workspace.engine)
    with pytest.raises(BackupError, match="目标数据库不是空的"):
        restore_workspace(owner, path, str(workspace.engine.url.render_as_string(hide_password=False)))
    assert _table_counts(workspace.engine) == before


def test_copy_into_a_non_empty_target_is_refused_inside_the_transaction(demo_backup, workspace, owner, tmp_path):
    path, _ = demo_backup
    with workspace.session() as s:
        create_group(s, owner, "已有的群")
        s.commit()
    before = _table_counts(workspace.engine)
    src = make_engine(path)
    try:
        with pytest.raises(BackupError, match="目标数据库不是空的"):
            copy_workspace(src, workspace.engine)
    finally:
        src.dispose()
    assert _table_counts(workspace.engine) == before


def test_a_cancelled_copy_writes_nothing(demo_backup, workspace):
    path, _ = demo_backup
    before = _table_counts(workspace.engine)
    calls = []

    def on_progress(done: int, total: int) -> None:
        calls.append(done)
        if done > total // 2:
            progress.cancel()  # the user pressed Cancel: the next step raises Cancelled

    progress = Progress(on_progress)
    src = make_engine(path)
    try:
        with pytest.raises(Cancelled):
            copy_workspace(src, workspace.engine, progress=progress)
    finally:
        src.dispose()
    assert len(calls) > 2
    assert _table_counts(workspace.engine) == before


def test_a_database_of_another_program_is_not_a_restore_target(demo_backup, tmp_path):
    path, _ = demo_backup
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError, match="目标数据库不是空的.*invoices"):
        restore_workspace(OWNER, path, other)
    assert _is_sqlite_with_tables(other) and not _table_names(other) - {"invoices"}


def test_an_assistant_cannot_restore(demo_backup, sqlite_workspace, tmp_path):
    path, _ = demo_backup
    with sqlite_workspace.session() as s:
        assistant = add_operator(s, actor_for(sqlite_workspace), "小助理", "assistant")
        s.commit()
    target = tmp_path / "restored.sqlite"
    with pytest.raises(PermissionDenied, match="恢复备份"):
        restore_workspace(assistant, path, target)
    assert not target.exists()


def test_copying_a_workspace_to_another_database_is_the_owners_decision(sqlite_workspace, tmp_path):
    """The window's "copy to the team database" (copy_to_database): every phone number goes with it, so an
    assistant (or an admin) is refused before anything is created; the owner's copy holds the same rows."""
    from desktop.services.backup import copy_to_database

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        create_group(s, owner, "早起营")
        assistant = add_operator(s, owner, "小助理", "assistant")
        admin = add_operator(s, owner, "管理员", "admin")
        s.commit()
    target = tmp_path / "team.sqlite"
    for who in (assistant, admin):
        with pytest.raises(PermissionDenied):
            copy_to_database(who, sqlite_workspace.engine, str(target))
        assert not target.exists()
    counts = copy_to_database(owner, sqlite_workspace.engine, str(target))
    assert counts["community_group"] == 1 and counts["operator"] == 3
    copy = open_database(target)
    try:
        with copy.session() as s:
            assert s.scalar(select(func.count()).select_from(Group)) == 1
    finally:
        copy.dispose()


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database \x00\xff" * 500)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _scribbled(path: Path) -> None:  # the header survives, pages in the middle are overwritten
    data = bytearray(path.read_bytes())
    page = 4096
    for i in range(2 * page, len(data) - page, 7 * page):
        data[i + 100 : i + 1500] = b"\xa5" * 1400
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_garbage, "not a SQLite file"),
        (_truncated, "damaged"),
        (_scribbled, "damaged"),
        (_foreign, "no schema revision"),
        (_newer, "newer QunDesk"),
        (Path.unlink, "not found"),
    ],
)
def test_a_damaged_or_foreign_backup_gives_a_clear_error_and_writes_nothing(
    demo_backup, new_db, tmp_path, damage, message
):
    path, _ = demo_backup
    damage(path)
    target = tmp_path / "restored.sqlite"
    with pytest.raises(BackupError, match=message) as info:
        restore_workspace(OWNER, path, target)
    assert str(path) in str(info.value)
    assert not target.exists() and not list(tmp_path.glob(".restored*"))


def test_a_damaged_backup_does_not_touch_a_postgresql_target(demo_backup, new_db):
    path, _ = demo_backup
    _truncated(path)
    url = new_db("postgresql")
    with pytest.raises(BackupError, match="damaged"):
        restore_workspace(OWNER, path, url)
    assert _pg_table_count(url) == 0


def test_the_backup_file_itself_is_only_read(demo_backup, tmp_path):
    path, _ = demo_backup
    before = path.read_bytes()
    restore_workspace(OWNER, path, tmp_path / "restored.sqlite")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# ---------------------------------------------------------------------------------------------- automatic


def test_auto_backup_once_a_day_and_pruned_to_keep(sqlite_workspace, tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    (folder / "before-upgrade-0001_initial-20260101-090000.sqlite").write_bytes(b"kept: not automatic")
    (folder / "manual.sqlite").write_bytes(b"kept: not automatic")
    day = date(2026, 3, 1)
    (folder / "auto-20260228-another.sqlite").write_bytes(b"kept: another workspace's")  # its own to prune
    first = auto_backup(sqlite_workspace, keep=3, today=day, folder=folder)
    tag = auto_tag(sqlite_workspace, folder)  # workspace~ and its folder's mark: not the folder beside it
    assert tag.startswith("workspace~")
    assert first == folder / f"auto-20260301-{tag}.sqlite" and first.exists()
    assert auto_backup(sqlite_workspace, keep=3, today=day, folder=folder) is None
    for i in range(1, 6):
        assert auto_backup(sqlite_workspace, keep=3, today=day + timedelta(days=i), folder=folder) is not None
    autos = sorted(p.name for p in folder.glob(f"auto-*-{tag}.sqlite"))
    assert autos == [
        f"auto-20260304-{tag}.sqlite",
        f"auto-20260305-{tag}.sqlite",
        f"auto-20260306-{tag}.sqlite",
    ]
    assert (folder / "auto-20260228-another.sqlite").exists()
    assert (folder / "manual.sqlite").exists() and (
        folder / "before-upgrade-0001_initial-20260101-090000.sqlite"
    ).exists()

    infos = list_backups(folder)
    assert {b.path.name for b in infos} == {
        *autos,
        "auto-20260228-another.sqlite",
        "manual.sqlite",
        "before-upgrade-0001_initial-20260101-090000.sqlite",
    }
    by_name = {b.path.name: b for b in infos}
    assert by_name[f"auto-20260306-{tag}.sqlite"].revision == head_revision()
    assert by_name["manual.sqlite"].revision is None
    assert all(b.size > 0 for b in infos)
    assert [b.created for b in infos] == sorted((b.created for b in infos), reverse=True)


def test_auto_backup_keeps_the_setting_by_default_in_the_backups_folder(sqlite_workspace, isolated_home):
    with sqlite_workspace.session() as s:
        set_setting(s, "backups_keep", 2)
        s.commit()
    for i in range(4):
        auto_backup(sqlite_workspace, today=date(2026, 5, 1) + timedelta(days=i))
    folder = isolated_home / "backups"
    tag = auto_tag(sqlite_workspace)  # the data folder's backups: workspace~ and its folder's mark
    assert tag.startswith("workspace~")
    assert sorted(p.name for p in folder.glob("auto-*.sqlite")) == [
        f"auto-20260503-{tag}.sqlite",
        f"auto-20260504-{tag}.sqlite",
    ]
    assert [b.path.name for b in list_backups()][:2] in (
        [f"auto-20260504-{tag}.sqlite", f"auto-20260503-{tag}.sqlite"],
        [f"auto-20260503-{tag}.sqlite", f"auto-20260504-{tag}.sqlite"],  # same mtime second
    )


def test_auto_backup_of_a_postgresql_workspace(new_db, tmp_path):
    db = open_workspace(new_db("postgresql"))
    try:
        _fill(db)
        path = auto_backup(db, keep=2, today=TODAY, folder=tmp_path)
        assert path is not None and path.name == "auto-20260315.sqlite"
        assert _snapshot(path) == _snapshot(db.engine.url.render_as_string(hide_password=False))
    finally:
        db.dispose()


# ---------------------------------------------------------------------------------------------- consistency


def test_backup_while_another_connection_writes_is_consistent(workspace, owner, tmp_path):
    """A writer logs check-ins (each with its ledger entry, one transaction each) on its own connection
    while backups are taken: every backup holds whole transactions only."""
    _fill(workspace, groups=1, members=30)
    with workspace.session() as s:
        gid, mid = s.execute(
            select(Membership.group_id, Membership.id).where(Membership.status == "active").order_by(Membership.id)
        ).first()
        # the writer logs late check-ins far in the past (no collisions with the demo's); counting them for
        # streaks makes some of its transactions three rows (check-in, +1, streak bonus) instead of two
        s.execute(update(Group).where(Group.id == gid).values(late_checkins_count_for_streak=True))
        # … and a member who was in the group then (nobody checks in before they joined)
        s.execute(update(Membership).where(Membership.id == mid).values(joined_at=datetime(2014, 12, 1, 9, 0)))
        s.commit()
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []
    writer_engine = make_engine(workspace.engine.url.render_as_string(hide_password=False))

    def writer() -> None:
        from sqlalchemy.orm import Session

        day = date(2015, 1, 1)
        try:
            while not stop.is_set():
                with Session(writer_engine) as s:
                    record_checkins(s, owner, gid, day, [mid], today=TODAY)
                    s.commit()
                written.append(1)
                day += timedelta(days=1)
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            thread.join(0.01)
            assert not errors, errors
        paths = [backup_workspace(workspace, tmp_path / f"live-{i}.sqlite") for i in range(2)]
    finally:
        stop.set()
        thread.join()
        writer_engine.dispose()
    assert not errors, errors
    assert written
    for path in paths:
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            checkins = conn.execute("SELECT count(*) FROM checkin WHERE membership_id = ?", (mid,)).fetchone()[0]
            ledger = conn.execute(
                "SELECT count(*) FROM points_entry WHERE membership_id = ? AND source_kind = 'checkin'", (mid,)
            ).fetchone()[0]
        finally:
            conn.close()
        assert checkins == ledger  # each transaction is in the backup whole, or not at all
    # and the live workspace agrees with itself too
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.membership_id == mid)) == s.scalar(
            select(func.count())
            .select_from(PointsEntry)
            .where(PointsEntry.membership_id == mid, PointsEntry.source_kind == "checkin")
        )


def test_check_integrity_is_none_when_sound(workspace):
    assert check_integrity(workspace) is None


def test_check_integrity_reports_a_damaged_sqlite_file(sqlite_workspace):
    _fill(sqlite_workspace, groups=1, members=60)
    assert check_integrity(sqlite_workspace) is None
    path = Path(sqlite_workspace.engine.url.database)
    sqlite_workspace.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _scribbled(path)
    broken = make_engine(path)
    try:
        problem = check_integrity(broken)
    finally:
        broken.dispose()
    assert problem is not None and problem != "ok"


def test_backup_refuses_to_overwrite_the_workspace_itself(sqlite_workspace):
    with pytest.raises(BackupError, match="workspace itself"):
        backup_workspace(sqlite_workspace, sqlite_workspace.engine.url.database)


def test_startup_maintenance_backs_up_once_a_day(sqlite_workspace, isolated_home):
    from desktop.paths import backups_dir
    from desktop.workspace import startup_maintenance
    from models import db as models_db

    assert models_db.in_wal_mode(sqlite_workspace.engine)
    said: list[bool] = []  # `checked` comes once the file is sound, before the backup exists
    problem, first = startup_maintenance(sqlite_workspace, checked=lambda: said.append(any(backups_dir().iterdir())))
    assert problem is None and first is not None and first.exists() and said == [False]
    assert startup_maintenance(sqlite_workspace) == (None, None)


def test_in_a_rollback_journal_file_writes_wait_for_the_backup(sqlite_workspace, isolated_home, monkeypatch):
    """Without the write-ahead log the backup's read lock would make every write wait (and fail after the busy
    timeout): there the window is not told to let writes go before the backup ends."""
    from desktop.workspace import startup_maintenance
    from models import db as models_db

    monkeypatch.setattr(models_db, "in_wal_mode", lambda engine: False)
    said: list[int] = []
    problem, first = startup_maintenance(sqlite_workspace, checked=lambda: said.append(1))
    assert problem is None and first is not None and first.exists() and said == []


def test_restore_latest_backup_into_a_new_file(sqlite_workspace, isolated_home):
    from desktop.workspace import restore_latest_backup, startup_maintenance

    assert restore_latest_backup() is None
    startup_maintenance(sqlite_workspace)
    restored = restore_latest_backup()
    assert restored is not None and restored.exists() and restored != sqlite_workspace.engine.url.database


def test_the_cli_restore_into_a_new_file_signs_the_operator_in_on_the_backup(sqlite_workspace, tmp_path, monkeypatch):
    """`restore` into a new file with an operator named (--operator or QUNDESK_OPERATOR) signed them in on that new
    file: --operator created the target (an empty workspace left behind by a refusal, exit 4), and
    QUNDESK_OPERATOR was ignored — an assistant restored, audited as the owner. Now the operator is the backup's,
    with their password; a refusal creates nothing."""
    from desktop.cli import main

    monkeypatch.delenv("QUNDESK_OPERATOR", raising=False)
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        from desktop.services.operators import set_password

        set_password(s, owner, owner.name, "owner-secret-1")
        add_operator(s, owner, "小助理", "assistant", "assist-secret-2")
        s.commit()
    backup = backup_workspace(sqlite_workspace, tmp_path / "b.sqlite", actor=owner)

    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")
    monkeypatch.setenv("QUNDESK_PASSWORD", "assist-secret-2")
    assert main(["--db", str(tmp_path / "t1.sqlite"), "restore", str(backup)]) == 4
    monkeypatch.delenv("QUNDESK_OPERATOR")
    assert main(["--db", str(tmp_path / "t2.sqlite"), "--operator", "小助理", "restore", str(backup)]) == 4
    monkeypatch.setenv("QUNDESK_PASSWORD", "wrong-guess-9")
    assert main(["--db", str(tmp_path / "t3.sqlite"), "--operator", "群主", "restore", str(backup)]) == 4
    assert not any((tmp_path / f"t{i}.sqlite").exists() for i in (1, 2, 3))

    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", "owner-secret-1")
    target = tmp_path / "t4.sqlite"
    assert main(["--db", str(target), "restore", str(backup)]) == 0
    conn = sqlite3.connect(target)
    try:
        who = conn.execute(
            "SELECT o.name FROM audit_log a JOIN operator o ON o.id = a.operator_id WHERE a.action = 'backup.restore'"
        ).fetchall()
    finally:
        conn.close()
    assert who == [("群主",)]


def test_the_cli_restore_into_a_protected_empty_workspace_needs_its_owner(demo_backup, tmp_path, monkeypatch, capsys):
    """A workspace with no data yet whose owner has a password: `restore` without signing in replaced it (its
    operators and their passwords too), as if nobody needed to sign in. Now it signs in on that workspace like any
    command; an assistant of it may not restore either."""
    from desktop.cli import main
    from desktop.services.operators import set_password

    monkeypatch.delenv("QUNDESK_OPERATOR", raising=False)
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    path, _ = demo_backup
    target = tmp_path / "protected.sqlite"
    database = open_workspace(target)
    owner = actor_for(database)
    with database.session() as s:
        set_password(s, owner, owner.name, "owner-secret-1")
        add_operator(s, owner, "小助理", "assistant", "assist-secret-2")
        s.commit()
    database.dispose()
    before = _table_counts(make_engine(target))

    assert main(["--db", str(target), "restore", str(path)]) == 4
    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")
    monkeypatch.setenv("QUNDESK_PASSWORD", "assist-secret-2")
    assert main(["--db", str(target), "restore", str(path)]) == 4
    assert "恢复备份" in capsys.readouterr().err
    assert _table_counts(make_engine(target)) == before  # untouched

    monkeypatch.setenv("QUNDESK_OPERATOR", owner.name)
    monkeypatch.setenv("QUNDESK_PASSWORD", "owner-secret-1")
    assert main(["--db", str(target), "restore", str(path)]) == 0
    assert _table_counts(make_engine(target))["member"] > 0
