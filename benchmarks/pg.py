"""The PostgreSQL engine of the benchmark suite (`python -m benchmarks.run --engine postgresql`).

The suite starts its own server, as the tests do (tests/pgserver.py), but durable — fsync, synchronous commit
and full-page writes on, as a team server runs —, in benchmarks/.cache/pg, and loads the cached SQLite
workspace of the chosen size into it with the app's own copy (desktop.services.backup.copy_workspace: COPY per
table in one transaction, the kept values recomputed at the end). Triggers are off during the load
(session_replication_role = replica: the copy brings every row as it is), so the search pieces the copy does
not carry are cut after it (models/search.py `refresh`), then VACUUM (ANALYZE), as autovacuum
would leave the tables (index-only scans need the visibility map), and a CHECKPOINT, so that the cases run on a
settled server as a team's runs, not under the load's write-back. The server and its
data are removed when the run ends.

The raw baselines are the same hand-written SQL as on SQLite (benchmarks/raw_sql.py), run through psycopg by
`PgRaw`, which takes the sqlite3 call style (`?` and `:name` parameters) the baselines are written in."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parent.parent
PG_DIR = ROOT / "benchmarks" / ".cache" / "pg"
# what a team server runs with (the test suite's server turns these off for speed)
DURABLE = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on", "shared_buffers": "512MB"}
CASES = ("month_stats", "dashboard", "dashboard_overview", "search", "sort", "checkin", "paste")

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def _pg_sql(sql: str) -> str:
    """sqlite3 parameter style (`?`, `:name`) to psycopg's (`%s`, `%(name)s`)."""
    sql = sql.replace("%", "%%")
    sql = _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")


class PgRaw:
    """A psycopg connection with the call style of sqlite3 (autocommit: BEGIN/COMMIT are written out, as the
    SQLite baselines do)."""

    def __init__(self, url: str) -> None:
        import psycopg

        conninfo = url.replace("postgresql+psycopg://", "postgresql://")
        self.conn = psycopg.connect(conninfo, autocommit=True)

    def execute(self, sql: str, params: Any = ()):
        return self.conn.execute(_pg_sql(sql), params or None)

    def executemany(self, sql: str, rows) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_pg_sql(sql), rows)

    def close(self) -> None:
        self.conn.close()


class PgWorkspace:
    """A running server holding one benchmark workspace."""

    def __init__(self, server: Any, url: str, seconds: float) -> None:
        self.server, self.url, self.load_seconds = server, url, seconds

    def stop(self) -> None:
        self.server.stop()


def load(sqlite_path: Path, log: Callable[[str], None] = print) -> PgWorkspace:
    from desktop.services.backup import copy_workspace
    from desktop.workspace import open_workspace
    from models import search
    from models.db import make_engine
    from tests.pgserver import PgServer

    PG_DIR.mkdir(parents=True, exist_ok=True)
    server = PgServer(PG_DIR, settings=DURABLE).start()
    try:
        url = server.create_database("qundesk_bench")
        open_workspace(url).dispose()  # the schema, at the head revision, as the app creates it
        t0 = time.perf_counter()
        target = make_engine(url)

        @event.listens_for(target, "connect")
        def _no_triggers(dbapi_conn, _record) -> None:  # the copy brings the kept values: no trigger needed
            with dbapi_conn.cursor() as cur:
                cur.execute("SET session_replication_role = replica")

        source = make_engine(f"sqlite:///{sqlite_path}")
        try:
            log(f"loading {sqlite_path.name} into PostgreSQL {server.version} …")
            counts = copy_workspace(source, target)
        finally:
            source.dispose()
            target.dispose()
        engine = make_engine(url)
        try:
            with engine.begin() as conn:  # the search pieces: derived data the copy does not carry, and the
                search.refresh(conn)  # triggers that would have cut them were off (models/search.py)
            with engine.connect() as conn:
                # as autovacuum leaves a table (visibility map set: index-only scans), and statistics
                auto = conn.execution_options(isolation_level="AUTOCOMMIT")
                auto.execute(text("VACUUM (ANALYZE)"))
                # the load's gigabytes of dirty pages written out now, not by the checkpointer while the cases are
                # timed (a run straight after the load measured everything, baselines too, 20-40% slower)
                auto.execute(text("CHECKPOINT"))
        finally:
            engine.dispose()
        seconds = time.perf_counter() - t0
        log(f"loaded {sum(counts.values()):,} rows in {seconds:.0f} s (copy, kept values, VACUUM ANALYZE)")
        return PgWorkspace(server, url, seconds)
    except BaseException:
        server.stop()
        raise
