"""The benchmarks: each function measures one operation of the issue's table (app vs raw baseline, alternating)
and returns RESULTS.md rows. `Ctx` carries the workspace, the app's Database and actor, and options."""

from __future__ import annotations

import json
import os
import pickle
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks import raw_sql
from benchmarks.generate import CACHE_DIR, Workspace, ceiling_rate
from benchmarks.harness import Measure, Row, alternate, row_from

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = CACHE_DIR / "scratch"
PROFILES = CACHE_DIR / "profiles"


@dataclass
class Ctx:
    ws: Workspace
    repeat: int
    log: Callable[[str], None] = print
    profile: bool = False
    _db: Any = None
    _actor: Any = None
    notes: dict[str, str] = field(default_factory=dict)
    pg_url: str | None = None  # --engine postgresql: the workspace loaded into the suite's server (benchmarks/pg.py)

    @property
    def engine(self) -> str:
        return "postgresql" if self.pg_url else "sqlite"

    @property
    def database(self):
        if self._db is None:
            from desktop.workspace import actor_for, open_workspace

            self._db = open_workspace(self.pg_url or self.ws.path)
            self._actor = actor_for(self._db)
        return self._db

    @property
    def actor(self):
        _ = self.database
        return self._actor

    def raw(self) -> Any:
        """The raw baseline's connection: sqlite3, or psycopg with the sqlite3 call style (benchmarks/pg.py)."""
        if self.pg_url:
            from benchmarks.pg import PgRaw

            return PgRaw(self.pg_url)
        return raw_sql.connect(self.ws.path)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def _missing(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


def not_built(key: str, operation: str, target: str, what: str) -> Row:
    return Row(key=key, operation=operation, unit="", target=target, status="not yet built", note=f"{what} not found")


def scratch_copy(ws: Workspace, name: str = "write") -> Path:
    """A private copy of the cached workspace for benchmarks that write (the cache stays clean)."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    dst = SCRATCH / f"{name}.sqlite"
    for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(ws.path, dst)
    # on disk before the timed run: a copy of 3 GB still being written back made every fsync of the run wait behind
    # it, seconds of the app's time (it commits more than the baseline) that changed with the disk, not the code
    with open(dst, "rb") as f:
        os.fsync(f.fileno())
    return dst


def drop_scratch(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


def maybe_profile(ctx: Ctx, name: str, fn: Callable[[], Any]) -> str | None:
    """With --profile: one more app run under pyinstrument, saved to benchmarks/.cache/profiles/NAME.txt."""
    if not ctx.profile:
        return None
    try:
        from pyinstrument import Profiler
    except ImportError:
        return None
    PROFILES.mkdir(parents=True, exist_ok=True)
    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        fn()
    finally:
        profiler.stop()
    out = PROFILES / f"{ctx.ws.size}-{name}.txt"
    out.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    return str(out.relative_to(ROOT))


# ------------------------------------------------------------------------------------------------ Qt


_QAPP = None


def qapp():
    global _QAPP
    if _QAPP is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from ui.app import prepare_app

        _QAPP = prepare_app("zh_CN", ["qundesk-bench"])
    return _QAPP


def _list_model(columns: int):
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class ListModel(QAbstractTableModel):
        """The leanest table model: a Python list of tuples, display role only."""

        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple] = []

        def set_rows(self, rows: list[tuple]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else columns

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                v = self.rows[index.row()][index.column() + 4]
                return "" if v is None else str(v)
            return None

    return ListModel()


def _view(model):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.setModel(model)
    view.resize(1100, 700)
    view.show()
    qapp().processEvents()
    return view


# ------------------------------------------------------------------------------------------- roster

SEARCH_TEXTS = (
    ("zs", "pinyin initials"),
    ("zhang", "full pinyin"),
    ("张", "a character of the name"),
    ("8000", "phone tail"),
    ("amy", "Latin name"),
)


def bench_search(ctx: Ctx) -> list[Row]:
    from models.queries.roster import RosterQuery, roster_matches, rows_for
    from ui.models.roster_table_model import RosterTableModel, database_source

    qapp()
    db = ctx.database
    model = RosterTableModel(database_source(db), show_phone=True)
    view = _view(model)
    model.set_query(RosterQuery())
    view.grab()
    base_model = _list_model(12)
    base_view = _view(base_model)
    conn = ctx.raw()
    out = []
    for text, label in SEARCH_TEXTS:
        prev = RosterQuery(text=text[:-1])
        query = RosterQuery(text=text)

        def app() -> None:
            model.set_query(query)  # noqa: B023
            view.grab()

        def base() -> None:
            _ids, rows = raw_sql.roster_page(conn, text)  # noqa: B023
            base_model.set_rows(rows)
            base_view.grab()

        m = alternate(app, base, repeat=ctx.repeat, setup_app=lambda: model.set_query(prev))  # noqa: B023
        # where the time goes (app parts, medians of `repeat` runs)
        parts: dict[str, list[float]] = {"matches (ids in order, count, people)": [], "page rows": [], "paint": []}
        for _ in range(ctx.repeat):
            with db.session() as s:
                t0 = time.perf_counter()
                ids = roster_matches(s, query).membership_ids[:200]
                t1 = time.perf_counter()
                rows_for(s, ids)
                t2 = time.perf_counter()
            view.grab()
            t3 = time.perf_counter()
            for k, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                parts[k].append(v)
        split = ", ".join(f"{k} {statistics.median(v) * 1000:.1f}" for k, v in parts.items())
        base_ids, _rows = raw_sql.roster_page(conn, text)
        row = row_from(
            f"search:{text}",
            f"roster search, one keystroke to a painted result: '{text}' ({label}), all groups",
            m,
            target="≤ 50 ms",
            max_app=50.0,
            note=f"{model.total:,} matches; app parts (ms): {split}. Baseline: hand-written SQL page (no count) + a "
            "QTableView over a plain list model, grabbed. The page's 150 ms typing debounce is not counted.",
        )
        if ids != base_ids:  # the same first page, or the time says nothing (a workspace without its name pieces
            # once found 4 of the 200 people '张' finds, in 4 ms)
            row.status = "**wrong result**"
            row.note = (
                f"The app's first page differs from the hand-written query's ({len(set(ids) & set(base_ids))}"
                f" of {len(base_ids)} ids in common). " + row.note
            )
        if row.passed is False:
            prof = maybe_profile(ctx, f"search-{text}", app)
            if prof:
                row.note += f" Profile: {prof}."
        out.append(row)
    conn.close()
    view.close()
    base_view.close()
    return out


def bench_pinyin(ctx: Ctx) -> list[Row]:
    from sqlalchemy import select
    from sqlalchemy.dialects import sqlite

    from models import Member
    from models.queries.roster import RosterQuery, _order, filtered
    from models.search_keys import prefix_upper_bound

    db = ctx.database
    conn = ctx.raw()
    key = "zs"
    stmt = select(Member.id).where(Member.initials >= key, Member.initials < prefix_upper_bound(key))
    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    uses_index = any("ix_member_initials" in p for p in plan)
    full = _order(filtered(RosterQuery(text=key)), RosterQuery(text=key)).limit(200)
    full_sql = str(full.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    full_plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + full_sql)]

    session = db.session()
    session.execute(select(Member.id).limit(1)).all()  # the connection is checked out: the query alone is timed

    def app() -> None:
        session.execute(stmt).all()

    def base() -> None:
        conn.execute("SELECT id FROM member WHERE initials >= ? AND initials < ?", (key, "zt")).fetchall()

    m = alternate(app, base, repeat=max(ctx.repeat, 20), warmup=3)
    session.close()
    n = len(conn.execute("SELECT id FROM member WHERE initials >= ? AND initials < ?", (key, "zt")).fetchall())
    conn.close()
    row = row_from(
        "pinyin",
        "pinyin-initials query alone ('zs'): uses the index, ≤ 1 ms",
        m,
        target="index used; ≤ 1 ms",
        max_app=1.0,
        note=f"{n} members. EXPLAIN QUERY PLAN: {'; '.join(plan)}. The whole roster search for 'zs' (page of 200) "
        f"plans as: {'; '.join(full_plan)}. App = the SQLAlchemy Core statement executed in an open Session.",
    )
    if not uses_index:
        row.status = "measured"
        row.max_app = -1.0  # fails: the index is not used
        row.note = "INDEX NOT USED. " + row.note
    return [row]


SORT_COLUMNS = (
    ("name", "COL_NAME"),
    ("group", "COL_GROUP"),
    ("status", "COL_STATUS"),
    ("tier", "COL_TIER"),
    ("joined_at", "COL_JOINED"),
    ("wechat_id", "COL_WECHAT"),
    ("city", "COL_CITY"),
    ("last_activity", "COL_LAST_ACTIVITY"),
    ("points", "COL_POINTS"),
)


def bench_sort(ctx: Ctx) -> list[Row]:
    from PySide6.QtCore import Qt

    import ui.models.roster_table_model as rtm
    from models.queries.roster import RosterQuery

    qapp()
    model = rtm.RosterTableModel(rtm.database_source(ctx.database), show_phone=True)
    view = _view(model)
    model.set_query(RosterQuery())
    view.grab()
    base_model = _list_model(12)
    base_view = _view(base_model)
    conn = ctx.raw()
    out = []
    for key, col_name in SORT_COLUMNS:
        col = getattr(rtm, col_name)

        def app() -> None:
            model.sort(col, Qt.SortOrder.DescendingOrder)  # noqa: B023
            view.grab()

        def base() -> None:
            _ids, rows = raw_sql.roster_page(conn, "", key, True)  # noqa: B023
            base_model.set_rows(rows)
            base_view.grab()

        m = alternate(app, base, repeat=ctx.repeat, setup_app=lambda: model.set_query(RosterQuery()))
        row = row_from(
            f"sort:{key}",
            f"roster sort by {key} (descending), all groups, to a painted first page",
            m,
            target="≤ 200 ms",
            max_app=200.0,
            note="App: RosterTableModel.sort (count + first page in SQL) + paint. Baseline: hand-written ORDER BY "
            "on the same indexes (aggregates as one GROUP BY) + a plain list model painted.",
        )
        if row.passed is False:
            prof = maybe_profile(ctx, f"sort-{key}", app)
            if prof:
                row.note += f" Profile: {prof}."
        out.append(row)
    conn.close()
    view.close()
    base_view.close()
    return out


# ------------------------------------------------------------------------------------------ check-ins


def bench_checkin(ctx: Ctx) -> list[Row]:
    from desktop.services.checkins import record_checkins
    from desktop.workspace import actor_for, open_workspace

    ws = ctx.ws
    if ctx.pg_url:  # the server's copy is the run's own (dropped with the server): written in place
        path, db, actor, conn = None, ctx.database, ctx.actor, ctx.raw()
    else:
        path = scratch_copy(ws, "checkin")
        db = open_workspace(path)
        actor = actor_for(db)
        conn = raw_sql.connect(path, readonly=False)
    today = ws.today
    day = today.isoformat()
    big = max(ws.meta["large_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    fresh = conn.execute(
        "SELECT id, group_id FROM membership WHERE status = 'active' AND id NOT IN"
        " (SELECT membership_id FROM checkin WHERE day = ?) ORDER BY group_id = ? DESC, id LIMIT 400",
        (day, big),
    ).fetchall()
    app_pool, base_pool = fresh[0::2], fresh[1::2]
    random.Random(1).shuffle(app_pool)
    random.Random(2).shuffle(base_pool)

    def app() -> None:
        mid, gid = app_pool.pop()
        with db.session() as s:
            r = record_checkins(s, actor, gid, today, [mid], today=today)
            s.commit()
        assert r.logged == (mid,)

    def base() -> None:
        mid, gid = base_pool.pop()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO checkin (membership_id, group_id, day, checked_at, logged_at, source, late, recorded_by)"
            " VALUES (?, ?, ?, ?, ?, 'manual', FALSE, ?)",
            (mid, gid, day, f"{day} 07:00:00.000000", f"{day} 07:00:00.000000", actor.id),
        )
        conn.execute("COMMIT")

    m = alternate(app, base, repeat=max(ctx.repeat, 15), warmup=3)
    writes = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'checkin.record' AND at >= ?", (day,))
    n_audit = writes.fetchone()[0]
    conn.close()
    if path is not None:
        db.dispose()
        drop_scratch(path)
    baseline = (
        "raw psycopg, one INSERT into checkin + COMMIT on the durable server (fsync, synchronous_commit on)"
        if ctx.pg_url
        else "raw sqlite3, WAL, synchronous=FULL, one INSERT into checkin + COMMIT, same file"
    )
    return [
        row_from(
            "checkin",
            "log one check-in (with ledger and audit rows), group of "
            f"{ws.meta['active_by_group'][str(big)]:,} active members",
            m,
            target="≤ 2.5x raw",
            max_ratio=2.5,
            note="App: record_checkins for one member + commit, in a new Session (as quick entry does), on a copy "
            f"of the workspace. Baseline: {baseline}. {n_audit} audit rows written by the app runs.",
        )
    ]


def chain_text(conn: sqlite3.Connection, gid: int, day: date, lines: int = 200, seed: int = 3) -> str:
    """A 200-line 接龙 as a WeChat group pastes it: mostly display names, some group nicknames (城市-姓名-职业),
    emoji decoration, Latin names, a few repeats and a few people the roster does not know."""
    rng = random.Random(seed)
    people = conn.execute(
        "SELECT m.display_name, ms.group_nickname, m.nickname FROM membership ms JOIN member m"
        " ON m.id = ms.member_id WHERE ms.group_id = ? AND ms.status = 'active' AND m.deleted_at IS NULL"
        " ORDER BY ms.id",  # the same chain on every engine and every load (the shuffle is seeded)
        (gid,),
    ).fetchall()
    rng.shuffle(people)
    out = [f"#接龙 {day.month}月{day.day}日 早起打卡", "例 张三 6:00", ""]
    used: list[str] = []
    for i in range(1, lines + 1):
        r = rng.random()
        if r < 0.03 and used:
            name = rng.choice(used)  # a repeat
        elif r < 0.07:
            name = rng.choice(("路人甲", "新同学", "小透明", "Momo")) + str(rng.randint(1, 99))  # unknown
        else:
            name, gnick, nick = people[i % len(people)]
            k = rng.random()
            if gnick and k < 0.5:
                name = gnick
            elif nick and k < 0.6:
                name = nick
        used.append(name)
        t = f"{rng.randint(5, 7)}:{rng.randint(0, 59):02d}"
        style = rng.random()
        if style < 0.6:
            out.append(f"{i}. {name} {t}")
        elif style < 0.8:
            out.append(f"{i}、{name} 已打卡")
        elif style < 0.9:
            out.append(f"{i} {name} ✅ 第{rng.randint(1, 300)}天")
        else:
            out.append(f"{i}. 🌞 {name}")
    return "\n".join(out)


class _IdleRunner:
    """Stands in for a page's TaskRunner so that showing a page does not start its background loads."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Signal

        class _Signals(QObject):
            progress = Signal(int, int)
            finished = Signal(object)
            failed = Signal(str)
            cancelled = Signal()

        self._signals = _Signals()
        self.progress = self._signals.progress
        self.finished = self._signals.finished
        self.failed = self._signals.failed
        self.cancelled = self._signals.cancelled
        self.running = False

    def start(self, *_a: Any, **_k: Any) -> None:
        pass

    def cancel(self) -> None:
        pass


def _checkins_page(ctx: Ctx, gid: int, day: date):
    """The Check-ins page on a group, shown offscreen (None when the page does not exist)."""
    if _missing("ui.pages.checkins_page"):
        return None
    try:
        from ui.pages.checkins_page import CheckinsPage

        qapp()
        page = CheckinsPage(ctx.database, ctx.actor, runner=_IdleRunner())
        page.resize(1200, 800)
        page.set_group(gid)
        page.set_day(day)
        page.show()
        qapp().processEvents()
        return page
    except Exception as exc:  # the page's API moved: measure the data path instead
        ctx.log(f"  Check-ins page not usable here ({exc!r}): measuring the data only")
        return None


_CHAIN_LINE = re.compile(r"^\s*\d+\s*[.、．)]?\s*(?:[^\w\s]+\s*)?(\S+)")


def bench_paste(ctx: Ctx) -> list[Row]:
    from desktop.services.paste import already_checked_in, match_paste

    ws = ctx.ws
    db = ctx.database
    conn = ctx.raw()
    wechat = max(ws.meta["wechat_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    big = max(ws.meta["large_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    out = []
    for gid in (wechat, big):
        text = chain_text(conn, gid, ws.today)
        day = ws.today
        result: dict[str, Any] = {}

        def app() -> None:
            with db.session() as s:
                matches = match_paste(s, gid, text)  # noqa: B023
                ids = [x.membership_id for x in matches if x.membership_id is not None]
                already_checked_in(s, gid, day, ids)  # noqa: B023
            result["matches"] = matches  # noqa: B023

        def base() -> None:
            names: dict[str, list[int]] = {}
            for mid, name, gnick, nick in conn.execute(
                "SELECT ms.id, m.display_name, ms.group_nickname, m.nickname FROM membership ms JOIN member m"
                " ON m.id = ms.member_id WHERE ms.group_id = ? AND ms.status = 'active' AND m.deleted_at IS NULL",
                (gid,),  # noqa: B023
            ):
                for n in (name, gnick, nick):
                    if n:
                        names.setdefault(n, []).append(mid)
            found = []
            for line in text.splitlines():  # noqa: B023
                mt = _CHAIN_LINE.match(line)
                if mt and mt.group(1) in names:
                    found.append(names[mt.group(1)][0])
            marks = ",".join("?" * len(found))
            conn.execute(
                f"SELECT membership_id FROM checkin WHERE group_id = ? AND day = ? AND membership_id IN ({marks})",
                (gid, day.isoformat(), *found),  # noqa: B023
            ).fetchall()

        data_only = alternate(app, None, repeat=ctx.repeat, warmup=1).app_median or 0.0
        page = _checkins_page(ctx, gid, day)
        if page is not None:

            def app_ui() -> None:
                page.set_paste_text(text)  # noqa: B023  (what pasting does: parse, match, preview model)
                page.grab()  # noqa: B023

            m = alternate(app_ui, base, repeat=ctx.repeat, setup_app=page.clear_paste)
            how = (
                "App: the Check-ins page (ui/pages/checkins_page.py): set_paste_text (match_paste, "
                "already_checked_in, the preview model with its choice editors) and the page painted (grab), "
                f"offscreen; the data alone (match_paste + already_checked_in) takes {data_only * 1000:.0f} ms."
            )
        else:
            m = alternate(app, base, repeat=ctx.repeat)
            how = (
                "App: match_paste (parse_chat + RosterIndex + exact/pinyin/fuzzy matching) + already_checked_in; "
                "the Check-ins page is not built yet, so no widget is painted."
            )
        matches = result["matches"]
        tally: dict[str, int] = {}
        for x in matches:
            tally[x.status] = tally.get(x.status, 0) + 1
        active = ws.meta["active_by_group"][str(gid)]
        row = row_from(
            f"paste:{'wechat' if gid == wechat else 'large'}",
            f"paste of a 200-line chain: parse + match + preview, group of {active:,} active members",
            m,
            target="≤ 300 ms",
            max_app=300.0,
            note=f"{len(matches)} entry lines: {', '.join(f'{k} {v}' for k, v in sorted(tally.items()))}. {how} "
            "Baseline: the group's names in one raw query, a regex over the lines, dict look-ups, one IN query.",
        )
        if row.passed is False:
            prof = maybe_profile(ctx, f"paste-{gid}", app)
            if prof:
                row.note += f" Profile: {prof}."
        out.append(row)
    conn.close()
    return out


# --------------------------------------------------------------------------------------- stats, dashboard


def month_stats_rows(ctx: Ctx, *, key_prefix: str = "month_stats") -> list[Row]:
    from desktop.metrics import month_stats

    ws = ctx.ws
    db = ctx.database
    conn = ctx.raw()
    cfg = raw_sql.settings(conn)
    y, mo = ws.month
    big = max(ws.meta["large_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    wechat = max(ws.meta["wechat_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    out = []
    for gid, label in ((big, "largest group"), (wechat, "WeChat group")):
        with db.session() as s:
            got = month_stats(s, gid, y, mo, today=ws.today).as_dict()
        want = raw_sql.month_stats(conn, gid, y, mo, ws.today, cfg)
        same = got == want

        def app() -> None:
            with db.session() as s:
                month_stats(s, gid, y, mo, today=ws.today)  # noqa: B023

        def base() -> None:
            raw_sql.month_stats(conn, gid, y, mo, ws.today, cfg)  # noqa: B023

        m = alternate(app, base, repeat=ctx.repeat)
        row = row_from(
            f"{key_prefix}:{'large' if gid == big else 'wechat'}",
            f"one group's month stats ({label}: {got['members_total']:,} members, {got['checkins']:,} check-ins "
            f"in {y}-{mo:02d})",
            m,
            target="≤ 1.5x raw",
            max_ratio=1.5,
            note=("figures agree with the raw SQL" if same else f"FIGURES DIFFER: app {got} raw {want}")
            + ". Baseline: the same figures as hand-written SQL through the driver (raw_sql.month_stats: sqlite3, or "
            "psycopg on PostgreSQL).",
        )
        row.size = ws.size
        if row.passed is False:
            prof = maybe_profile(ctx, f"month_stats-{gid}", app)
            if prof:
                row.note += f" Profile: {prof}."
        out.append(row)
    conn.close()
    return out


def bench_month_stats(ctx: Ctx) -> list[Row]:
    return month_stats_rows(ctx)


def bench_dashboard(ctx: Ctx) -> list[Row]:
    from desktop.health import group_health

    ws = ctx.ws
    db = ctx.database
    conn = ctx.raw()
    cfg = raw_sql.settings(conn)
    gids = [*ws.meta["wechat_groups"], *ws.meta["large_groups"]]
    per_group: dict[int, list[float]] = {g: [] for g in gids}

    def app() -> None:
        with db.session() as s:
            for g in gids:
                t = time.perf_counter()
                group_health(s, g, ws.today)
                per_group[g].append(time.perf_counter() - t)

    def base() -> None:
        for g in gids:
            raw_sql.dashboard_group(conn, g, ws.today, cfg)

    m = alternate(app, base, repeat=ctx.repeat)
    conn.close()
    slow = sorted(((statistics.median(v), g) for g, v in per_group.items()), reverse=True)[:3]
    worst = ", ".join(f"group {g} ({ws.meta['active_by_group'][str(g)]:,} active) {t * 1000:.0f} ms" for t, g in slow)
    row = row_from(
        "dashboard",
        f"all groups' dashboard: group_health for each of the {len(gids)} groups",
        m,
        target="≤ 1 s",
        max_app=1000.0,
        note=f"Slowest groups: {worst}. Data only: one group's dashboard figures (group_health, what the Dashboard "
        "page computes for the group chosen) for every group in a row — the all-groups view is the next row. Baseline: the heavy "
        "figures as raw SQL (this and last month's stats, 7/30-day active, the dormant list with names, daily "
        "check-ins) — structure, roles, funnel, referrers and the other alerts are left out of the baseline.",
    )
    if row.passed is False:
        prof = maybe_profile(ctx, "dashboard", app)
        if prof:
            row.note += f" Profile: {prof}."
    return [row]


def bench_dashboard_overview(ctx: Ctx) -> list[Row]:
    key, label, target = "dashboard_overview", "all groups' dashboard as the Dashboard page shows it", "≤ 1 s"
    if _missing("ui.pages.dashboard_page") or _missing("desktop.services.dashboard_queries"):
        return [not_built(key, label, target, "ui/pages/dashboard_page.py")]
    from queue import SimpleQueue

    from ui.pages.dashboard_page import DashboardPage, overview_task

    ws = ctx.ws
    db = ctx.database
    qapp()
    page = DashboardPage(db, ctx.actor, runner=_IdleRunner(), today=ws.today)
    page.resize(1200, 800)
    page.set_group(None)
    page.show()
    qapp().processEvents()
    conn = ctx.raw()
    cfg = raw_sql.settings(conn)
    gids = [*ws.meta["wechat_groups"], *ws.meta["large_groups"]]

    class _Progress:
        def step(self, _done: int, _total: int) -> None:
            qapp().processEvents()  # the page fills in group by group while the task runs

    def app() -> None:
        result = overview_task(_Progress(), database=db, as_of=ws.today, sink=SimpleQueue())
        page._show_overview(result)
        page.grab()

    def base() -> None:
        for g in gids:
            raw_sql.month_stats(conn, g, ws.today.year, ws.today.month, ws.today, cfg)
            raw_sql.active_count(conn, g, ws.today, 7)
            raw_sql.active_count(conn, g, ws.today, 30)

    m = alternate(app, base, repeat=ctx.repeat)
    conn.close()
    page.close()
    row = row_from(
        key,
        f"all groups' dashboard as the Dashboard page shows it (overview of the {len(gids)} groups), painted",
        m,
        target=target,
        max_app=1000.0,
        note="App: ui/pages/dashboard_page.overview_task (list_groups + desktop/services/dashboard_queries."
        "group_overview per group: this month's stats, 7/30-day active, zombie check) run in the foreground, then "
        "the page's overview table and cards filled and painted (grab). In the window the task runs off the UI "
        "thread and rows appear one by one; the figure is the time to the complete overview. Baseline: the same "
        "figures as raw SQL (month stats, 7/30-day active per group).",
    )
    if row.passed is False:
        prof = maybe_profile(ctx, "dashboard_overview", app)
        if prof:
            row.note += f" Profile: {prof}."
    return [row]


# ------------------------------------------------------------------------------------------ reports


def read_cells(path: Path) -> list[tuple[str, list[tuple]]]:
    """Every sheet's cell values of a workbook (what the raw dump writes again)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        return [(ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
    finally:
        wb.close()


def dump_cells(cells: list[tuple[str, list[tuple]]], path: str | Path) -> None:
    """The raw baseline's writing half: openpyxl write_only, the same cells, no styles."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for title, rows in cells:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    wb.save(path)


def _report_case(ctx: Ctx, key: str, gids: list[int] | None, label: str, target: str, **limits: Any) -> list[Row]:
    if _missing("desktop.services.report"):
        return [not_built(key, label, target, "desktop/services/report.py")]
    from desktop.services.report import export_monthly_report

    ws = ctx.ws
    db = ctx.database
    SCRATCH.mkdir(parents=True, exist_ok=True)
    app_out = SCRATCH / f"{key}-app.xlsx"
    base_out = SCRATCH / f"{key}-base.xlsx"
    y, mo = ws.month
    all_gids = gids or [*ws.meta["wechat_groups"], *ws.meta["large_groups"]]

    def app() -> None:
        export_monthly_report(db, ctx.actor, year=y, month=mo, group_ids=gids, path=app_out, today=ws.today)

    app()  # once, to read its cells back for the baseline
    cells = read_cells(app_out)
    n_cells = sum(len(r) for _t, rows in cells for r in rows)
    n_rows = sum(len(rows) for _t, rows in cells)
    conn = ctx.raw()
    cfg = raw_sql.settings(conn)

    def base() -> None:
        raw_sql.report_data(conn, all_gids, y, mo, ws.today, cfg)
        dump_cells(cells, base_out)

    m = alternate(app, base, repeat=ctx.repeat, warmup=0)
    t = time.perf_counter()
    raw_sql.report_data(conn, all_gids, y, mo, ws.today, cfg)
    q_time = time.perf_counter() - t
    conn.close()
    size_app = app_out.stat().st_size / 1e6
    size_base = base_out.stat().st_size / 1e6
    row = row_from(
        key,
        label,
        m,
        unit="s",
        scale=1.0,
        target=target,
        note=f"{len(cells)} sheets, {n_rows:,} rows, {n_cells:,} cells; files {size_app:.1f} MB (app) vs "
        f"{size_base:.1f} MB (raw). Baseline: raw_sql.report_data (the report's queries written out, "
        f"{q_time:.2f} s of it) + openpyxl write_only dump of the app's own cell values, no styles.",
        **limits,
    )
    row.size = ws.size
    if row.passed is False:
        prof = maybe_profile(ctx, key, app)
        if prof:
            row.note += f" Profile: {prof}."
    ctx.notes[f"{key}:cells"] = str(n_cells)
    for p in (app_out, base_out):
        p.unlink(missing_ok=True)
    if gids is None and n_cells <= 3_000_000:  # the raw dump's memory run needs the cells in a file
        pickle_path = SCRATCH / f"{key}-cells.pickle"
        with open(pickle_path, "wb") as f:
            pickle.dump(cells, f, protocol=pickle.HIGHEST_PROTOCOL)
        ctx.notes["cells_pickle"] = str(pickle_path)
    return [row]


def bench_report_group(ctx: Ctx) -> list[Row]:
    ws = ctx.ws
    gid = max(ws.meta["wechat_groups"], key=lambda g: ws.meta["active_by_group"][str(g)])
    n = ws.meta["active_by_group"][str(gid)]
    return _report_case(
        ctx,
        "report_group",
        [gid],
        f"one {n}-member group's monthly report (all sheets)",
        "≤ 1.3x raw (issue 5: < 0.5 s)",
        max_ratio=1.3,
    )


def bench_report_all(ctx: Ctx, *, memory: bool = True, key: str = "report_all") -> list[Row]:
    ws = ctx.ws
    members = ws.meta["members"]
    rows = _report_case(
        ctx,
        key,
        None,
        f"whole-community monthly report ({members:,} members, {len(ws.meta['wechat_groups']) + len(ws.meta['large_groups'])} groups)",
        "≤ 1.3x raw",
        max_ratio=1.3,
    )
    if not memory or rows[0].status != "measured":
        return rows
    rows.append(report_memory(ctx))
    return rows


def _child(args: list[str], *, timeout: float = 3600) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.child", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def report_memory(ctx: Ctx) -> Row:
    ws = ctx.ws
    y, mo = ws.month
    SCRATCH.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    gids = [*ws.meta["wechat_groups"], *ws.meta["large_groups"]]
    for mode in ("app", "base"):
        spec = {
            "mode": mode,
            "today": ws.today.isoformat(),
            "year": y,
            "month": mo,
            "group_ids": None,
            "gids": gids,
            "out": str(SCRATCH / f"mem-{mode}.xlsx"),
            "cells": ctx.notes.get("cells_pickle", ""),
        }
        spec_path = SCRATCH / f"mem-{mode}.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        if mode == "base" and not spec["cells"]:
            continue
        done = _child(["report-mem", str(ws.path), str(spec_path)])
        if done.returncode != 0:
            results[mode] = {"error": done.stderr[-2000:]}
            continue
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
        Path(spec["out"]).unlink(missing_ok=True)
    app, base = results.get("app", {}), results.get("base", {})
    row = Row(
        key="report_all:memory",
        operation="whole-community monthly report: peak memory growth",
        unit="MB",
        app=app.get("growth_mb"),
        base=base.get("growth_mb"),
        target="≤ 150 MB",
        max_app=150.0,
        note=f"VmHWM − VmRSS of a fresh process around the export (peak reset via /proc/self/clear_refs: "
        f"{app.get('peak_reset')}). App: {app}. Raw dump (cells already in memory before the reset): {base}.",
    )
    if "error" in app:
        row.status = "error"
        row.note = app["error"]
    Path(ctx.notes.get("cells_pickle", "/nonexistent")).unlink(missing_ok=True)
    return row


# ------------------------------------------------------------------------------------------- import

IMPORT_ROWS = 20_000
IMPORT_HEADERS = ("姓名", "昵称", "微信号", "手机", "性别", "城市", "职业", "标签", "备注", "入群时间")


def import_file(ctx: Ctx) -> Path:
    """A 20,000-row roster: 2,000 people already in the workspace (same WeChat ID; city may have changed) and
    18,000 new ones, every row with a WeChat ID or a phone."""
    from openpyxl import Workbook

    from benchmarks.generate import _CITIES, _FEMALE, _JOBS, _MALE, _SURNAMES

    path = CACHE_DIR / f"import-{ctx.ws.size}-{IMPORT_ROWS}.xlsx"
    if path.exists():
        return path
    rng = random.Random(5)
    conn = ctx.raw()
    existing = conn.execute(
        "SELECT display_name, nickname, wechat_id, phone, city FROM member WHERE wechat_id IS NOT NULL"
        " AND deleted_at IS NULL ORDER BY id LIMIT 2000"
    ).fetchall()
    conn.close()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("成员")
    ws.append(IMPORT_HEADERS)
    joined = ctx.ws.today - timedelta(days=3)
    for i in range(IMPORT_ROWS):
        if i % 10 == 0 and existing:
            name, nick, wx, phone, city = existing.pop()
            city = rng.choice(_CITIES) if rng.random() < 0.3 else city
        else:
            female = rng.random() < 0.58
            pool = _FEMALE if female else _MALE
            name = rng.choice(_SURNAMES) + rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.6 else "")
            nick = None
            wx = f"imp_{i:05d}_{rng.randrange(10**8):08d}" if rng.random() < 0.95 else None
            phone = f"17{rng.randrange(10**9):09d}"
            city = rng.choice(_CITIES)
        ws.append(
            (
                name,
                nick,
                wx,
                phone,
                rng.choice(("男", "女")),
                city,
                rng.choice(_JOBS),
                "读书、早起" if rng.random() < 0.2 else None,
                None,
                joined,
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def bench_import(ctx: Ctx) -> list[Row]:
    key, label, target = "import", f"import of a {IMPORT_ROWS:,}-row roster (xlsx) into a new group", "≤ 1.5x raw"
    if _missing("desktop.services.imports"):
        return [not_built(key, label, target, "desktop/services/imports.py")]
    from openpyxl import load_workbook

    from desktop.services.imports import run_import
    from desktop.workspace import actor_for, open_workspace
    from models.search_keys import name_keys

    ws = ctx.ws
    xlsx = import_file(ctx)
    state: dict[str, Any] = {}

    def setup() -> None:
        if "db" in state:
            state["db"].dispose()
        path = scratch_copy(ws, "import")
        state["path"] = path
        state["db"] = open_workspace(path)
        state["actor"] = actor_for(state["db"])

    phases: list[tuple[float, float, float]] = []  # read, plan, write seconds of each app run
    import desktop.io.tabular as tabular
    import desktop.services.imports as imports

    timing: dict[str, float] = {}

    def timed(module: Any, name: str) -> None:
        original = getattr(module, name)

        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                timing[name] = time.perf_counter() - t

        setattr(module, name, wrapper)
        state.setdefault("restore", []).append((module, name, original))

    def app() -> None:
        timing.clear()
        plan, summary, _created = run_import(state["db"], state["actor"], xlsx, "导入测试群", "roster")
        state["summary"] = summary
        if len(timing) == 3:
            phases.append((timing["read_table"], timing["plan_roster_import"], timing["apply_import"]))
        elif len(timing) == 2:  # since issue 12 run_import plans and writes in one pass, batch by batch
            phases.append((timing["read_table"], timing["plan_roster_import"], 0.0))

    def base() -> None:
        wb = load_workbook(xlsx, read_only=True, data_only=True)
        rows = list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
        wb.close()
        now = "2026-01-01 00:00:00.000000"
        conn = raw_sql.connect(state["path"], readonly=False)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO member (display_name, initials, pinyin, nickname, wechat_id, phone, phone_tail, city,"
            " occupation, real_name_verified, seed_user, points_opt_out, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)",
            [
                (r[0], *name_keys(r[0]), r[1], r[2], str(r[3]), str(r[3])[-4:], r[5], r[6], now, now)
                for r in rows
                if r[0]
            ],
        )
        conn.execute("COMMIT")
        conn.close()

    # measurement only: time the three phases run_import calls (module attributes, looked up at call time)
    timed(tabular, "read_table")
    timed(imports, "plan_roster_import")
    timed(imports, "apply_import")
    m = alternate(app, base, repeat=ctx.repeat, setup_app=setup, setup_base=setup)
    summary = state.get("summary")
    for module, name, original in state.get("restore", []):
        setattr(module, name, original)
    state["db"].dispose()
    drop_scratch(state["path"])
    split = ""
    if phases:
        med = [statistics.median(p[i] for p in phases[-ctx.repeat :]) for i in range(3)]
        if med[2]:
            split = f" App phases (medians): read {med[0]:.2f} s, plan {med[1]:.2f} s, write {med[2]:.2f} s."
        else:
            split = f" App phases (medians): read {med[0]:.2f} s, plan and write (one pass) {med[1]:.2f} s."
    row = row_from(
        key,
        label,
        m,
        unit="s",
        scale=1.0,
        target=target,
        max_ratio=1.5,
        note=f"Result: {summary}. 2,000 rows are people already in the workspace (matched by WeChat ID), "
        "18,000 are new. App: run_import (read, plan, apply in one transaction, audit rows) on a fresh copy of "
        "the workspace per run. Baseline: openpyxl read_only parse + one sqlite3 executemany of the rows into "
        "member (with name keys) + COMMIT, same kind of copy." + split,
    )
    return [row]


def bench_import_reader(ctx: Ctx) -> list[Row]:
    """The reader alone: read_table (python-calamine) against openpyxl read_only, the same 20,000-row file."""
    from openpyxl import load_workbook

    from desktop.io.tabular import read_table

    xlsx = import_file(ctx)

    def app() -> None:
        read_table(xlsx)

    def base() -> None:
        wb = load_workbook(xlsx, read_only=True, data_only=True)
        list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
        wb.close()

    m = alternate(app, base, repeat=ctx.repeat)
    return [
        row_from(
            "import_reader",
            f"reading the {IMPORT_ROWS:,}-row .xlsx: read_table (python-calamine) vs openpyxl read_only",
            m,
            unit="s",
            scale=1.0,
            target="faster than openpyxl read_only",
            max_ratio=1.0,
            note="App: desktop.io.tabular.read_table (calamine, header detection, merged fills, footer check, "
            "values as openpyxl gives them). Baseline: openpyxl load_workbook(read_only, data_only) + iter_rows.",
        )
    ]


IMPORT_MEMORY_ROWS = int(os.environ.get("QUNDESK_BENCH_IMPORT_ROWS", "1000000"))


def import_csv(rows: int) -> Path:
    """A roster CSV of `rows` new people (姓名, 微信号, 手机, 城市, 入群时间, 备注), cached. Phones start with 16,
    which the workspace generator never uses, so every row is a new person."""
    path = CACHE_DIR / f"import-{rows}.csv"
    if path.exists():
        return path
    rng = random.Random(7)
    surnames, given = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾",
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红",
    )
    cities = ("深圳", "广州", "北京", "上海", "杭州", "成都", "武汉", "东莞")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("姓名,微信号,手机,城市,入群时间,备注\n")
        for i in range(rows):
            name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if rng.random() < 0.6 else "")
            f.write(
                f"{name},wx_{i:07d}_{rng.randrange(10**6):06d},16{i:09d},{rng.choice(cities)},"
                f"2025-{rng.randrange(1, 13)}-{rng.randrange(1, 28)},\n"
            )
    tmp.replace(path)
    return path


def bench_import_memory(ctx: Ctx) -> list[Row]:
    """Peak memory growth of importing a 1,000,000-row CSV (issue 12: < 500 MB), each side in a fresh process
    on a fresh copy of the workspace: run_import against a raw streamed baseline (csv.reader + sqlite3
    executemany of member rows with their name keys in batches of 5,000, one transaction)."""
    rows = IMPORT_MEMORY_ROWS
    key, label = "import_memory", f"import of a {rows:,}-row roster (CSV) into a new group: peak memory growth"
    csv_path = import_csv(rows)
    results: dict[str, dict] = {}
    for mode in ("app", "base"):
        db = scratch_copy(ctx.ws, f"import-mem-{mode}")
        spec = CACHE_DIR / f"import-mem-{mode}.json"
        spec.write_text(json.dumps({"mode": mode, "csv": str(csv_path)}), encoding="utf-8")
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.child", "import-mem", str(db), str(spec)],
                capture_output=True,
                text=True,
                timeout=3600,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
            )
            line = (proc.stdout.strip().splitlines() or ["{}"])[-1]
            results[mode] = json.loads(line) if proc.returncode == 0 else {"error": proc.stderr[-2000:]}
        finally:
            drop_scratch(db)
            spec.unlink(missing_ok=True)
    app, base = results.get("app", {}), results.get("base", {})
    row = Row(
        key=key,
        operation=label,
        unit="MB",
        app=app.get("growth_mb"),
        base=base.get("growth_mb"),
        target="≤ 500 MB",
        max_app=500.0,
        note=f"VmHWM − VmRSS of a fresh process around the import (peak reset via /proc/self/clear_refs). "
        f"App: run_import (read, plan and write in batches of 5,000 in one transaction, audit rows): {app}. "
        f"Baseline: csv.reader streamed + sqlite3 executemany of the member rows (with name keys) in batches of "
        f"5,000, one transaction: {base}.",
    )
    if "error" in app:
        row.status = "error"
        row.note = app["error"]
    return [row]


# ------------------------------------------------------------------------------------------ cold start


def _compile_bytecode() -> None:
    """Both starts from compiled bytecode, as an installed QunDesk starts (pip and the packages of issue 13 compile
    it; a source checkout writes __pycache__ on its first start): with PYTHONDONTWRITEBYTECODE set, as on this
    machine, the app's own modules were compiled again on every start measured (120 ms of 1,044) while the
    baseline's libraries came compiled from site-packages."""
    import compileall

    for package in ("models", "desktop", "ui", "benchmarks"):
        if not compileall.compile_dir(ROOT / package, quiet=1):
            raise RuntimeError(f"cannot compile {package} to bytecode")


def bench_cold_start(ctx: Ctx) -> list[Row]:
    key, label, target = "cold_start", "cold start to a painted main window", "≤ 1.3x app-like baseline"
    if _missing("ui.main_window"):
        return [not_built(key, label, target, "ui/main_window.py")]
    inner: dict[str, list[float]] = {"app": [], "base": [], "floor": []}
    cfg_home = SCRATCH / "xdg"
    cfg_home.mkdir(parents=True, exist_ok=True)

    def spawn(which: str) -> Callable[[], float]:
        def timed(_fn: Callable[[], Any]) -> float:
            env = dict(os.environ)
            env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
            env["QT_QPA_PLATFORM"] = "offscreen"
            env["XDG_CONFIG_HOME"] = str(cfg_home)
            env["QUNDESK_HOME"] = str(SCRATCH / "home")  # the day's automatic backup goes here, not to the user's
            env.pop("QUNDESK_DB", None)
            t = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.child", f"cold-{which}", str(ctx.ws.path)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout is not None
            elapsed = None
            for line in proc.stdout:
                if line.startswith("PAINTED"):
                    elapsed = time.perf_counter() - t
                    inner[which].append(float(line.split()[1]))
                    break
            _out, err = proc.communicate(timeout=600)
            if elapsed is None:
                raise RuntimeError(f"cold-{which} did not paint: {err[-2000:]}")
            return elapsed

        return timed

    _compile_bytecode()
    m = Measure()
    app_timer, base_timer, floor_timer = spawn("app"), spawn("base"), spawn("floor")
    home = SCRATCH / "home"
    shutil.rmtree(home, ignore_errors=True)  # so the warm-up is the first start of the day (it takes the backup)
    first_start = None
    for i in range(1 + ctx.repeat):
        a = app_timer(lambda: None)
        b = base_timer(lambda: None)
        floor_timer(lambda: None)  # inside-the-process figure only (the note): not part of the ratio
        if i:
            m.app.append(a)
            m.base.append(b)
        else:
            first_start = a
    shutil.rmtree(home, ignore_errors=True)
    in_app = statistics.median(inner["app"][1:]) * 1000
    in_base = statistics.median(inner["base"][1:]) * 1000
    in_floor = statistics.median(inner["floor"][1:]) * 1000
    row = row_from(
        key,
        f"cold start to a painted MainWindow ({ctx.ws.meta['members']:,}-member workspace)",
        m,
        target=target,
        max_ratio=1.3,
        note=f"Process spawn to first paint (interpreter start included for both); inside the process "
        f"{in_app:.0f} ms (app) vs {in_base:.0f} ms (baseline); both from compiled bytecode. The first start of "
        f"the day (the warm-up run, which also takes the day's automatic backup) took {first_start:.1f} s. App: "
        "ui.app.run_app unchanged (open_workspace, workspace lock, start-up checks — on a workspace this size "
        "after the paint, on a worker —, MainWindow with the roster page; the other pages are built when first "
        "shown) until the MainWindow is shown and painted (QTimer.singleShot(0) after show() + processEvents). "
        "Baseline: PySide6.QtWidgets + SQLAlchemy imported, an engine, one 200-row roster query, a bare "
        "1280×800 QWidget shown and painted the same way. The stack's floor, measured in the same run "
        f"(benchmarks/child.py cold-floor: the baseline with the app's typed declarative models imported and the "
        f"query through an ORM Session): {in_floor:.0f} ms, {in_floor / in_base:.2f}x of the baseline before any "
        "of the window's code.",
    )
    if row.passed is False and ctx.profile:
        row.note += " Profile: python -m benchmarks.child cold-app under pyinstrument (see analysis)."
    return [row]


# --------------------------------------------------------------------------------------- insert rates


def bench_generator(ctx: Ctx) -> list[Row]:
    meta = ctx.ws.meta
    rate = meta["rows_per_second_overall"]
    ceiling = meta.get("ceiling_rows_per_second")
    row = Row(
        key="generator",
        operation=f"benchmark generator insert rate ({meta['rows']:,} rows, {meta['checkins']:,} check-ins)",
        unit="rows/s",
        app=float(rate),
        base=float(ceiling) if ceiling else None,
        target="≥ 100,000 rows/s",
        min_app=100_000.0,
        note=f"Measured when the workspace was generated ({meta.get('generated_at', '?')}, load average "
        f"{meta.get('loadavg', '?')}): planning {meta['seconds']['planning']} s, executemany "
        f"{meta['seconds']['executemany']} s ({meta.get('rows_per_second_executemany', '?'):,} rows/s), index "
        f"rebuild {meta['seconds']['index_rebuild']} s, total {meta['seconds']['total']} s. Baseline: the raw "
        "sqlite3 ceiling measured just before (one executemany of check-in-shaped rows, no secondary index).",
    )
    return [row]


def bench_demo(ctx: Ctx) -> list[Row]:
    from desktop.demo import build_demo
    from models.db import open_database

    SCRATCH.mkdir(parents=True, exist_ok=True)
    path = SCRATCH / "demo.sqlite"
    members = 2_000
    state: dict[str, Any] = {}

    def setup() -> None:
        drop_scratch(path)
        db = open_database(path)
        state["db"] = db

    def app() -> None:
        state["summary"] = build_demo(state["db"].engine, groups=20, members=members, months=12, seed=1)

    def count_rows() -> int:
        from models import Base

        # the rows the demo writes: not the search pieces its names get from the triggers (models/search.py)
        derived = {t.name for t in Base.metadata.sorted_tables if t.info.get("derived")} | {"alembic_version"}
        conn = sqlite3.connect(path)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        n = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t not in derived)
        conn.close()
        return n

    times: list[float] = []
    rows = 0
    ceilings: list[float] = []
    for i in range(1 + ctx.repeat):
        setup()
        t = time.perf_counter()
        app()
        took = time.perf_counter() - t
        state["db"].dispose()
        rows = count_rows()
        ceiling = ceiling_rate(SCRATCH / "ceiling.sqlite")
        if i:
            times.append(took)
            ceilings.append(ceiling)
    drop_scratch(path)
    rate = rows / statistics.median(times)
    return [
        Row(
            key="demo",
            operation=f"app demo generator (desktop/demo.py build_demo, 20 groups, {members:,} members, 12 months)",
            unit="rows/s",
            app=rate,
            base=statistics.median(ceilings),
            target="≥ 100,000 rows/s",
            min_app=100_000.0,
            runs_app=[round(rows / t) for t in times],
            runs_base=[round(c) for c in ceilings],
            note=f"{rows:,} rows ({state['summary']}) per run; SQLAlchemy Core executemany with indexes in place. "
            "Baseline: raw sqlite3 executemany ceiling, check-in-shaped rows, measured after each run.",
        )
    ]


def bench_growth_stats(ctx: Ctx) -> list[Row]:
    rows = month_stats_rows(ctx, key_prefix=f"growth:{ctx.ws.size}:month_stats")
    return rows


def bench_growth_report(ctx: Ctx) -> list[Row]:
    return bench_report_all(ctx, memory=False, key=f"growth:{ctx.ws.size}:report_all")


def bench_chat_import(ctx: Ctx) -> list[Row]:
    """A 1,000,000-message chat export (benchmarks/chat_bench.py; its own small workspace)."""
    from benchmarks import chat_bench

    return chat_bench.rows(ctx)


CASES: dict[str, Callable[[Ctx], list[Row]]] = {
    "cold_start": bench_cold_start,
    "search": bench_search,
    "pinyin": bench_pinyin,
    "sort": bench_sort,
    "checkin": bench_checkin,
    "paste": bench_paste,
    "month_stats": bench_month_stats,
    "dashboard": bench_dashboard,
    "dashboard_overview": bench_dashboard_overview,
    "report_group": bench_report_group,
    "report_all": bench_report_all,
    "import": bench_import,
    "import_reader": bench_import_reader,
    "import_memory": bench_import_memory,
    "chat_import": bench_chat_import,
    "generator": bench_generator,
    "demo": bench_demo,
}

PLACEHOLDER = {
    "cold_start": ("cold start to a painted main window", "≤ 1.3x app-like baseline"),
    "search": ("roster search, one keystroke to a painted result", "≤ 50 ms"),
    "pinyin": ("pinyin-initials query alone", "index used; ≤ 1 ms"),
    "sort": ("roster sort by any column", "≤ 200 ms"),
    "checkin": ("log one check-in (with ledger and audit rows)", "≤ 2.5x raw"),
    "paste": ("paste of a 200-line chain: parse + match + preview", "≤ 300 ms"),
    "month_stats": ("one group's month stats", "≤ 1.5x raw"),
    "dashboard": ("all groups' dashboard", "≤ 1 s"),
    "dashboard_overview": ("all groups' dashboard as the Dashboard page shows it", "≤ 1 s"),
    "report_group": ("one 500-member group's monthly report", "≤ 1.3x raw"),
    "report_all": ("whole-community monthly report (+ memory growth ≤ 150 MB)", "≤ 1.3x raw"),
    "import": ("import of a 20,000-row roster", "≤ 1.5x raw"),
    "import_reader": ("reading the 20,000-row .xlsx: calamine vs openpyxl", "faster than openpyxl read_only"),
    "import_memory": ("import of a 1,000,000-row CSV: peak memory growth", "≤ 500 MB"),
    "chat_import": ("chat-history import of 1,000,000 messages (+ memory growth ≤ 300 MB)", "≤ 2x raw"),
    "generator": ("benchmark generator insert rate", "≥ 100,000 rows/s"),
    "demo": ("app demo generator insert rate", "≥ 100,000 rows/s"),
}
