"""How tests/data/workspace_v1.sqlite was made: a small workspace of the FIRST release's schema
(revision 0001_initial) and data, kept so that tests/models/test_upgrade.py can check that every later
migration keeps every row.

Run from the repository root:  .venv/bin/python tests/data/make_workspace_v1.py [OUT]

Do NOT regenerate the committed file: the point of the fixture is that it was written by the old schema
and the old code, and tests/models/test_upgrade.py pins some of its exact values. The script refuses to run
once a second migration exists (it would write the new schema); the demo generator also changes over time,
so re-running it now gives other people and check-ins than the committed file holds.

Contents: the demo workspace with 2 groups, 60 people and 1 month of history (seed 3, today 2026-11-20),
written by the same code paths as the app (open_workspace + build_demo). The few timestamps that record
the real time of writing (owner created, audit rows) are set to a fixed moment, so that the same code gives
the same bytes; the file is vacuumed and left with a rollback journal (one self-contained file)."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.demo import build_demo
from desktop.workspace import open_workspace
from models.db import head_revision

REVISION = "0001_initial"
OUT = Path(__file__).resolve().parent / "workspace_v1.sqlite"
TODAY = date(2026, 11, 20)
FIXED = datetime(2026, 11, 20, 8, 0, 0).strftime("%Y-%m-%d %H:%M:%S.%f")


def make(out: Path) -> Path:
    if head_revision() != REVISION:
        raise SystemExit(
            f"the schema is now at {head_revision()}, not {REVISION}: workspace_v1.sqlite must stay as the first"
            " release wrote it (check out that release to regenerate it)"
        )
    for p in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        p.unlink(missing_ok=True)
    database = open_workspace(out, backup_dir=out.parent / "unused-backups")
    try:
        build_demo(database.engine, groups=2, members=60, months=1, seed=3, today=TODAY)
    finally:
        database.dispose()
    conn = sqlite3.connect(out)
    try:
        conn.execute("UPDATE operator SET created_at = ?", (FIXED,))
        conn.execute("UPDATE audit_log SET at = ?", (FIXED,))
        conn.commit()
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return out


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
