"""Upgrade safety (issue 6 item 7): tests/data/workspace_v1.sqlite was written by the first release's schema
(see tests/data/make_workspace_v1.py). A copy is opened the way the app opens a workspace — upgraded to
head — and every row of every table must still be there with the same values.

While the schema is still at the first revision the upgrade is a no-op (migrated_from is None and no
backup is taken); as soon as a second migration exists the same test checks the timestamped backup taken
before the upgrade, without any change here."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.metrics import month_stats
from desktop.workspace import open_workspace
from models import Base, search
from models.db import NewerSchemaError, head_revision, known_revisions, open_database

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE = DATA / "workspace_v1.sqlite"
FIXTURE_REVISION = "0001_initial"
TODAY = date(2026, 11, 20)  # the fixture's "today"

# what the first release wrote (read from the fixture when it was made; must never change)
EXPECTED_COUNTS = {
    "community_group": 2,
    "member": 60,
    "checkin": 333,
}
EXPECTED_GROUPS = [(1, "早起打卡营"), (2, "每月一本书读书会")]
EXPECTED_FIRST_MEMBERS = [
    (1, "谢玲", "xieling", "wxid_1f8b23jv7n2p0u", "13449059218"),
    (2, "徐凯睿", "xukairui", "xukairui5348", "18976766581"),
    (3, "李玲娜", "lilingna", "wxid_zl59s9lcvbhovf", None),
]
EXPECTED_POINTS_TOTAL = 888


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table's columns and rows (ordered by rowid; a table without one by its key), read with plain sqlite3."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ]
        out = {}
        for t in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            without_rowid = conn.execute("SELECT wr FROM pragma_table_list WHERE name = ?", (t,)).fetchone()[0]
            order = "version_num" if t == "alembic_version" else "1, 2" if without_rowid else "rowid"
            out[t] = (cols, conn.execute(f'SELECT * FROM "{t}" ORDER BY {order}').fetchall())
        return out
    finally:
        conn.close()


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "workspace.sqlite"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_the_first_release(v1_copy):
    rows = _rows(v1_copy)
    assert rows["alembic_version"][1] == [(FIXTURE_REVISION,)]
    tables = {t for t in rows if t != "alembic_version"}
    # the first release's tables are all still in the schema; later revisions only added tables
    assert tables <= {t.name for t in Base.metadata.sorted_tables}
    added = {"chat_activity", "chat_alias", "chat_import", "text_template"}  # 0004 chat history, 0005 texts
    added |= {"member_gram", "membership_gram", "search_gram_span"}  # 0009 the name pieces of search
    added |= {"membership_spell"}  # 0014 the closed spells of a member who came back
    added |= {"merge_undo"}  # 0016 what a merge changed, so it can be undone
    added |= {"setting_history"}  # 0021 the rules' history (a past month read by the rules of its day)
    added |= {"tier_history"}  # 0023 the tiers' history (a past day's structure read by the tiers of its day)
    added |= {"import_run", "import_item"}  # 0026 what an import added and changed, so that it can be undone
    assert {t.name for t in Base.metadata.sorted_tables} - tables == added
    for table, n in EXPECTED_COUNTS.items():
        assert len(rows[table][1]) == n


def test_upgrading_a_first_release_workspace_keeps_every_row(v1_copy, tmp_path):
    before = _rows(v1_copy)
    backups = tmp_path / "backups"
    database = open_workspace(v1_copy, backup_dir=backups)  # as the app opens it: upgrade, then defaults
    try:
        with database.session() as s:
            stats = [month_stats(s, gid, 2026, 11, today=TODAY).as_dict() for gid, _ in EXPECTED_GROUPS]
    finally:
        database.dispose()

    if head_revision() == FIXTURE_REVISION:
        # one revision so far: nothing to migrate, so no backup either (checked again once there are two)
        assert database.migrated_from is None and database.backup_path is None
        assert not backups.exists() or not any(backups.iterdir())
    else:
        assert database.migrated_from == FIXTURE_REVISION
        assert database.backup_path is not None and database.backup_path.parent == backups
        assert database.backup_path.name.startswith(f"before-upgrade-{FIXTURE_REVISION}-")
        assert _rows(database.backup_path) == before  # the backup is the workspace as it was

    after = _rows(v1_copy)
    assert after["alembic_version"][1] == [(head_revision(),)]
    _check_checkin_times(before["checkin"], after["checkin"])
    for table, (cols, rows) in before.items():
        if table in ("alembic_version", "checkin"):
            continue
        new_cols, new_rows = after[table]
        assert set(cols) <= set(new_cols), f"{table}: a column was dropped"
        keep = [new_cols.index(c) for c in cols]
        if table == "audit_log":  # the upgrade itself is audited (issue 14): one row more, at the end
            added = new_rows[len(rows) :]
            assert [r[new_cols.index("action")] for r in added] == ["db.upgrade"]
            assert FIXTURE_REVISION in added[0][new_cols.index("summary")]
            new_rows = new_rows[: len(rows)]
        if table == "workspace_setting":  # opened, a workspace from before the zone setting takes this computer's
            key = new_cols.index("key")
            stamped = [r for r in new_rows if r[key] == "time_zone"]
            assert len(stamped) == 1 and all(r[key] != "time_zone" for r in rows)
            new_rows = [r for r in new_rows if r[key] != "time_zone"]
        assert len(new_rows) == len(rows), f"{table}: {len(rows)} rows before, {len(new_rows)} after"
        if table == "tier":  # 0018: the untouched default tiers' target shares become 5/20/75, nothing else
            share = cols.index("target_share")
            assert [r[share] for r in rows] == [0.02, 0.05, 0.20, 0.73]
            rows = [(*r[:share], new, *r[share + 1 :]) for r, new in zip(rows, (0.01, 0.04, 0.20, 0.75), strict=True)]
        assert [tuple(r[i] for i in keep) for r in new_rows] == rows, f"{table}: values changed"

    conn = sqlite3.connect(v1_copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT id, name FROM community_group ORDER BY id").fetchall() == EXPECTED_GROUPS
        assert (
            conn.execute("SELECT id, display_name, pinyin, wechat_id, phone FROM member ORDER BY id LIMIT 3").fetchall()
            == EXPECTED_FIRST_MEMBERS
        )
        assert conn.execute("SELECT sum(points) FROM points_entry").fetchone()[0] == EXPECTED_POINTS_TOTAL
        assert (
            conn.execute("SELECT logged_at FROM checkin ORDER BY id LIMIT 1").fetchone()[0]
            == "2026-11-02 06:30:03.000000"
        )
        # migration 0011: the enumeration CHECKs are OR chains, and they still refuse what they refused
        checks = " ".join(r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'"))
        assert "IN ('" not in checks and "CHECK (source = 'manual' OR source = 'paste' OR" in checks
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            conn.execute("UPDATE membership SET status = 'vip' WHERE id = 1")
    finally:
        conn.close()
    assert sum(s["checkins"] for s in stats) == EXPECTED_COUNTS["checkin"]  # all in November 2026
    # migration 0009 cut the first release's names into search pieces: a part of a name finds its person
    database = open_database(v1_copy)
    try:
        with database.engine.connect() as conn:
            assert search.drift(conn) == []
            assert conn.execute(search.people_named("玲")).scalars().all()
            assert 1 in conn.execute(search.people_named("谢玲")).scalars().all()
    finally:
        database.dispose()


def _check_checkin_times(before, after) -> None:
    """Migration 0003: the old checked_at (the logging time) is now logged_at; checked_at (the posted time)
    keeps it only where it falls on the check-in's own day or the row is a kept 补卡; pasted rows lose
    `late` (the old paste flow marked a whole earlier-day chain late). Everything else is unchanged."""
    cols, rows = before
    new_cols, new_rows = after
    assert len(new_rows) == len(rows)
    assert "logged_at" in new_cols and "checked_at" in new_cols
    kept_nulls = 0
    for old, new in zip(rows, new_rows, strict=True):
        o, n = dict(zip(cols, old, strict=True)), dict(zip(new_cols, new, strict=True))
        assert n["logged_at"] == o["checked_at"]
        assert n["late"] == (0 if o["source"] == "paste" else o["late"])
        same_day = o["checked_at"][:10] == o["day"]
        assert n["checked_at"] == (o["checked_at"] if same_day or n["late"] else None)
        kept_nulls += n["checked_at"] is None
        for c in cols:
            if c not in ("checked_at", "late"):
                assert n[c] == o[c], c
    assert any(o[cols.index("late")] for o in rows), "the fixture has 补卡 rows"


def test_a_workspace_from_a_newer_qundesk_is_refused(v1_copy):
    conn = sqlite3.connect(v1_copy)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    conn.commit()
    conn.close()
    before = _rows(v1_copy)
    assert "ffff_newer" not in known_revisions()
    with pytest.raises(NewerSchemaError, match="newer QunDesk"):
        open_database(v1_copy)
    assert _rows(v1_copy) == before  # not migrated, nothing written


def test_the_head_read_from_the_files_is_alembics_and_a_current_workspace_opens_without_alembic(tmp_path):
    """Every start compares the workspace's revision with the head: read from the migration files, alembic
    (0.2 s to import) is loaded only when there is something to upgrade."""
    import subprocess
    import sys

    from alembic.script import ScriptDirectory

    from models.db import _head_from_files, alembic_config, open_database

    assert _head_from_files() == ScriptDirectory.from_config(alembic_config(None)).get_current_head()
    path = tmp_path / "ws.sqlite"
    open_database(path).dispose()  # created and migrated (alembic runs here)
    probe = (
        "import sys; from models.db import open_database; db = open_database(sys.argv[1]); db.dispose(); "
        "print('alembic' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_0018_moves_only_an_untouched_default_tier_list(tmp_path):
    """The default tiers' shares become 1/4/20/75 (5/20/75) on upgrade; a list an organiser changed is kept as it
    is; the downgrade puts the old defaults back."""
    from alembic import command

    from models.db import alembic_config

    def shares(path) -> list[tuple[str, float]]:
        con = sqlite3.connect(path)
        try:
            return con.execute("SELECT name, target_share FROM tier ORDER BY rank").fetchall()
        finally:
            con.close()

    new = [("核心", 0.01), ("大咖", 0.04), ("中咖", 0.2), ("普通", 0.75)]
    old = [("核心", 0.02), ("大咖", 0.05), ("中咖", 0.2), ("普通", 0.73)]
    path = tmp_path / "ws.sqlite"
    open_workspace(path, backup_dir=tmp_path / "backups").dispose()  # the defaults written at first open
    assert shares(path) == new
    db = open_database(path)
    try:
        cfg = alembic_config(db.engine)
        command.downgrade(cfg, "0017_gram_trigger_when")
        assert shares(path) == old
        command.upgrade(cfg, "head")
        assert shares(path) == new
        command.downgrade(cfg, "0017_gram_trigger_when")
        con = sqlite3.connect(path)
        con.execute("UPDATE tier SET target_share = 0.06 WHERE name = '大咖'")
        con.commit()
        con.close()
        command.upgrade(cfg, "head")
    finally:
        db.dispose()
    assert shares(path) == [("核心", 0.02), ("大咖", 0.06), ("中咖", 0.2), ("普通", 0.73)]
