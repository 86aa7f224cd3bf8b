"""Hand-written SQL baselines on the same tables and indexes, through the raw sqlite3 driver.

Each function computes the same figures as the app function it stands beside (month_stats, the dashboard's
heavy figures, a roster page, the monthly report's data) the way one would write them by hand: no ORM, no
composed subqueries evaluated twice, the obvious index for every filter. run.py checks that the numbers agree
with the app's before it trusts a timing."""

from __future__ import annotations

import calendar
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

MEMBER_STATUSES = ("active", "left", "removed", "blacklisted")


def connect(path: Path, *, readonly: bool = True) -> sqlite3.Connection:
    """A raw connection with the app's pragmas (WAL, synchronous=FULL, foreign keys)."""
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _day(v: date | str) -> date:
    """A day as the driver returns it: text from sqlite3, a date from psycopg."""
    return v if isinstance(v, date) else date.fromisoformat(v)


def dt(d: date) -> str:
    """Midnight of a day as the app stores datetimes."""
    return f"{d.isoformat()} 00:00:00.000000"


def settings(conn: sqlite3.Connection) -> dict[str, float]:
    from desktop.settings import SETTINGS

    stored = dict(conn.execute("SELECT key, value FROM workspace_setting").fetchall())
    return {k: s.type(json.loads(stored[k])) if k in stored else s.default for k, s in SETTINGS.items()}


# the memberships of soft-deleted people: in no figure (models/queries/participation.DELETED_MEMBERSHIPS)
_DELETED = "SELECT dm.id FROM membership dm WHERE dm.member_id IN (SELECT id FROM member WHERE deleted_at IS NOT NULL)"


def _at_end(a: str = "") -> str:
    """members_at_end: joined by the end of the day, not left yet, the person not deleted
    (models/queries/participation.py; the workspace holds no closed spells, so their branch is left out)."""
    return (
        f"{a}status IN ('active', 'left', 'removed', 'blacklisted')"
        f" AND ({a}joined_at IS NULL OR {a}joined_at < :after) AND ({a}left_at IS NULL OR {a}left_at >= :after)"
        f" AND ({a}status = 'active' OR {a}left_at IS NOT NULL) AND {a}id NOT IN ({_DELETED})"
    )


_AT_END = _at_end()
_MEMBERS = f"SELECT id FROM membership WHERE group_id = :g AND {_AT_END}"
_PARTICIPATING = (
    "SELECT membership_id FROM checkin WHERE group_id = :g AND day BETWEEN :ps AND :pe"
    " UNION SELECT membership_id FROM contribution WHERE group_id = :g AND day BETWEEN :ps AND :pe"
    " UNION SELECT a.membership_id FROM attendance a JOIN activity v ON v.id = a.activity_id"
    " WHERE a.status = 'attended' AND v.group_id = :g AND v.starts_at >= :ps_dt AND v.starts_at < :pafter"
    " UNION SELECT membership_id FROM chat_activity WHERE group_id = :g AND day BETWEEN :ps AND :pe"
)


def _params(gid: int, end: date, ps: date, pe: date) -> dict:
    return {
        "g": gid,
        "after": dt(end + timedelta(days=1)),
        "ps": ps.isoformat(),
        "pe": pe.isoformat(),
        "ps_dt": dt(ps),
        "pafter": dt(pe + timedelta(days=1)),
    }


def period(year: int, month: int, today: date) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, min(date(year, month, calendar.monthrange(year, month)[1]), today)


def _recorded(conn: sqlite3.Connection, gid: int, first: date, last: date) -> bool:
    """Something of the group dated in [first, last]: a check-in, an activity, chat messages, points (net)."""
    if last < first:
        return False
    p = {
        "g": gid,
        "a": first.isoformat(),
        "b": last.isoformat(),
        "a_dt": dt(first),
        "b_after": dt(last + timedelta(days=1)),
    }
    return bool(
        conn.execute("SELECT 1 FROM checkin WHERE group_id = :g AND day BETWEEN :a AND :b LIMIT 1", p).fetchone()
        or conn.execute(
            "SELECT 1 FROM activity WHERE group_id = :g AND starts_at >= :a_dt AND starts_at < :b_after LIMIT 1", p
        ).fetchone()
        or conn.execute(
            "SELECT 1 FROM chat_activity WHERE group_id = :g AND day BETWEEN :a AND :b LIMIT 1", p
        ).fetchone()
        or conn.execute(
            "SELECT coalesce(sum(points), 0) FROM points_entry WHERE group_id = :g AND day BETWEEN :a AND :b", p
        ).fetchone()[0]
    )


def _rate_span(conn: sqlite3.Connection, gid: int, start: date, end: date) -> tuple[date, date]:
    """The days the check-in rate counts (metrics.rate_span): from the set-up day, up to the archiving day, in the
    months those fell in, unless something of the days cut off was recorded."""
    created, archived = conn.execute(
        "SELECT created_at, archived_at FROM community_group WHERE id = ?", (gid,)
    ).fetchone()
    first, last = start, end
    set_up = _day(str(created)[:10]) if created else start
    if set_up > start and not _recorded(conn, gid, start, min(set_up - timedelta(days=1), end)):
        first = min(set_up, end + timedelta(days=1))
    ended = _day(str(archived)[:10]) if archived else None
    if ended is not None and ended < end and not _recorded(conn, gid, ended + timedelta(days=1), end):
        last = max(ended, start - timedelta(days=1))
    return first, last


def month_stats(conn: sqlite3.Connection, gid: int, year: int, month: int, today: date, cfg: dict) -> dict:
    start, end = period(year, month, today)
    days = max(0, (end - start).days + 1)
    if days == 0:
        return dict.fromkeys(("members_total", "members_active", "joined", "left", "checkins"), 0)
    q = _params(gid, end, start, end)
    one = lambda sql, p=q: conn.execute(sql, p).fetchone()[0]  # noqa: E731
    members_total = one(f"SELECT count(*) FROM membership WHERE group_id = :g AND {_AT_END}")
    members_active = one(
        f"SELECT count(*) FROM membership WHERE group_id = :g AND {_AT_END} AND id IN ({_PARTICIPATING})"
    )
    # a deleted person's joining or leaving is in no figure (docs/metrics.md), as their check-ins are not
    joined = one(
        "SELECT count(*) FROM membership WHERE group_id = :g AND joined_at >= :ps_dt AND joined_at < :after"
        f" AND id NOT IN ({_DELETED})"
    )
    left = one(
        "SELECT count(*) FROM membership WHERE group_id = :g AND left_at >= :ps_dt AND left_at < :after"
        f" AND id NOT IN ({_DELETED})"
    )
    checkins = one(
        f"SELECT count(*) FROM checkin WHERE group_id = :g AND day BETWEEN :ps AND :pe AND membership_id NOT IN ({_DELETED})"
    )
    member_checkins = one(
        f"SELECT count(*) FROM checkin WHERE group_id = :g AND day BETWEEN :ps AND :pe AND membership_id IN ({_MEMBERS})"
    )
    first, last = _rate_span(conn, gid, start, end)
    days = max(0, (last - first).days + 1)
    leave = sum(
        max(0, (min(_day(e), last) - max(_day(s), first)).days + 1)
        for s, e in conn.execute(
            f"SELECT start_day, end_day FROM leave WHERE membership_id IN ({_MEMBERS})"
            " AND start_day <= :pe AND end_day >= :ps",
            q,
        )
    )
    possible = members_total * days - leave
    activities = one("SELECT count(*) FROM activity WHERE group_id = :g AND starts_at >= :ps_dt AND starts_at < :after")
    att = dict(
        conn.execute(
            "SELECT a.status, count(*) FROM attendance a JOIN activity v ON v.id = a.activity_id"
            " WHERE v.group_id = :g AND v.starts_at >= :ps_dt AND v.starts_at < :after AND a.status != 'excused'"
            " AND (a.status != 'registered' OR v.starts_at < :today_dt)"  # a sign-up counts once its day has passed
            f" AND a.membership_id NOT IN ({_DELETED}) GROUP BY a.status",
            {**q, "today_dt": dt(today)},
        ).fetchall()
    )
    expected = sum(att.values())
    points = one("SELECT coalesce(sum(points), 0) FROM points_entry WHERE group_id = :g AND day BETWEEN :ps AND :pe")
    messages = one(
        "SELECT coalesce(sum(messages), 0) FROM chat_activity WHERE group_id = :g AND day BETWEEN :ps AND :pe"
    )
    return {
        "members_total": members_total,
        "members_active": members_active,
        "joined": joined,
        "left": left,
        "checkins": checkins,
        "checkin_rate": round(min(1.0, member_checkins / possible) if possible > 0 else 0.0, 4),
        "activities": activities,
        "attendance_rate": round(att.get("attended", 0) / expected if expected else 0.0, 4),
        "points_awarded": points,
        "dormant": len(dormant(conn, gid, end, cfg, names=False)),
        "stalled_onboarding": stalled(conn, gid, end, cfg),
        "messages": messages,  # chat messages of known senders (a member who spoke is active: _PARTICIPATING)
    }


def dormant(conn: sqlite3.Connection, gid: int, as_of: date, cfg: dict, *, names: bool) -> list:
    since = as_of - timedelta(days=int(cfg["dormant_days"]) - 1)
    q = _params(gid, as_of, since, as_of)
    q["since_dt"] = dt(since)
    q["asof"] = as_of.isoformat()
    q["since_day"] = since.isoformat()
    cols = "ms.id, m.display_name" if names else "ms.id"
    join = " JOIN member m ON m.id = ms.member_id" if names else ""
    order = " ORDER BY m.pinyin" if names else ""
    sql = (
        f"SELECT {cols} FROM membership ms{join} WHERE ms.group_id = :g AND {_at_end('ms.')}"
        " AND (ms.joined_at IS NULL OR ms.joined_at < :since_dt)"
        f" AND ms.id NOT IN ({_PARTICIPATING})"
        # no leave day in the window (metrics.on_leave_in)
        " AND ms.id NOT IN (SELECT membership_id FROM leave WHERE start_day <= :asof AND end_day >= :since_day)" + order
    )
    return conn.execute(sql, q).fetchall()


def stalled(conn: sqlite3.Connection, gid: int, as_of: date, cfg: dict) -> int:
    """Applicants and newcomers part-way through at the end of `as_of` (then, not now: a newcomer let in since was
    still waiting), whose last step by then (else their application) is more than stalled_days before it, and who
    had not entered the group chat since (metrics.stalled_query). The workspace holds no closed spells."""
    q = {
        "g": gid,
        "cutoff": dt(as_of - timedelta(days=int(cfg["stalled_days"]))),
        "after": dt(as_of + timedelta(days=1)),
        "asof": as_of.isoformat(),
    }
    last = "(SELECT max(done_at) FROM step_progress WHERE membership_id = ms.id AND done_at < :after)"
    common = (
        f" AND ms.id NOT IN ({_DELETED}) AND coalesce({last}, ms.applied_at, ms.created_at) < :cutoff"
        " AND (ms.joined_at IS NULL OR ms.joined_at >= :after OR ms.joined_at < :cutoff)"
        # not on leave that day (metrics.stalled_query: a newcomer on leave is not stalled)
        " AND NOT EXISTS (SELECT 1 FROM leave l WHERE l.membership_id = ms.id AND l.start_day <= :asof"
        " AND l.end_day >= :asof)"
    )
    # the two kinds each by the (group, status) index, as one would write them
    waiting = "SELECT count(*) FROM membership ms WHERE ms.group_id = :g AND ms.status IN ('applicant', 'onboarding')"
    let_in = (
        "SELECT count(*) FROM membership ms WHERE ms.group_id = :g AND ms.status = 'active' AND ms.joined_at >= :after"
        f" AND (ms.applied_at IS NOT NULL OR {last} IS NOT NULL)"
    )
    return conn.execute(f"SELECT ({waiting}{common}) + ({let_in}{common})", q).fetchone()[0]


def active_count(conn: sqlite3.Connection, gid: int, as_of: date, days: int) -> int:
    q = _params(gid, as_of, as_of - timedelta(days=days - 1), as_of)
    return conn.execute(
        f"SELECT count(*) FROM membership WHERE group_id = :g AND {_AT_END} AND id IN ({_PARTICIPATING})", q
    ).fetchone()[0]


def dashboard_group(conn: sqlite3.Connection, gid: int, as_of: date, cfg: dict) -> dict:
    """The dashboard's heavy figures for one group: this and last month's stats, 7/30-day active members,
    the dormant list with names and the daily check-ins of the month."""
    py, pm = (as_of.year - 1, 12) if as_of.month == 1 else (as_of.year, as_of.month - 1)
    first = date(as_of.year, as_of.month, 1)
    return {
        "month": month_stats(conn, gid, as_of.year, as_of.month, as_of, cfg),
        "last_month": month_stats(conn, gid, py, pm, as_of, cfg),
        "active_7": active_count(conn, gid, as_of, 7),
        "active_30": active_count(conn, gid, as_of, 30),
        "dormant": dormant(conn, gid, as_of, cfg, names=True),
        "daily": conn.execute(
            "SELECT day, count(*) FROM checkin WHERE group_id = ? AND day BETWEEN ? AND ? GROUP BY day",
            (gid, first.isoformat(), as_of.isoformat()),
        ).fetchall(),
    }


# ---- roster


def _bound(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


_ASCII_UPPER, _ASCII_LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"


def roster_where(text: str, *, sqlite: bool = True) -> tuple[str, list]:
    """The roster's text filter, written out (same columns and indexes as models.queries.roster). A name matches
    with its ASCII letters in either case, as the app's search (models/search.py folds them): SQLite's LIKE does
    that itself; PostgreSQL's LIKE is case-sensitive, so the names are folded there (without it the baseline missed
    「Allen Zhang」 for 'zhang' — the search row's check of the first page found it)."""
    t = text.strip()
    if not t:
        return "m.deleted_at IS NULL", []
    t_like = t if sqlite else t.translate(str.maketrans(_ASCII_UPPER, _ASCII_LOWER))
    like = "%" + t_like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fold = (lambda c: c) if sqlite else (lambda c: f"translate({c}, '{_ASCII_UPPER}', '{_ASCII_LOWER}')")
    conds = [
        f"{fold('m.display_name')} LIKE ? ESCAPE '\\'",
        f"{fold('m.nickname')} LIKE ? ESCAPE '\\'",
        f"{fold('ms.group_nickname')} LIKE ? ESCAPE '\\'",
        "(m.wechat_id >= ? AND m.wechat_id < ?)",
    ]
    args: list = [like, like, like, t, _bound(t)]
    key = t.lower().replace(" ", "")
    if key.isascii() and key.isalnum():
        if key.isdigit():
            if len(key) == 4:
                conds.append("m.phone_tail = ?")
                args.append(key)
            elif len(key) < 4:
                conds.append("m.phone_tail LIKE ?")
                args.append("%" + key)
            else:
                conds.append("m.phone LIKE ?")
                args.append("%" + key)
        else:
            conds += [f"(m.{c} >= ? AND m.{c} < ?)" for c in ("initials", "pinyin", "initials_alt", "pinyin_alt")]
            args += [key, _bound(key)] * 4
    return f"m.deleted_at IS NULL AND ({' OR '.join(conds)})", args


SORT_SQL = {
    "name": "m.pinyin",
    "group": "ms.group_id",
    "status": "ms.status",
    "tier": "ms.tier_id",
    "joined_at": "ms.joined_at",
    "wechat_id": "m.wechat_id",
    "city": "m.city",
    "last_activity": "la.last",
    "points": "coalesce(pt.pts, 0)",
}


def roster_page(conn: sqlite3.Connection, text: str = "", sort: str = "name", desc: bool = False, limit: int = 200):
    """The first page of the roster (ids in order, then the page's rows), no count."""
    where, args = roster_where(text, sqlite=isinstance(conn, sqlite3.Connection))
    joins = ""
    if sort == "last_activity":
        joins = " LEFT JOIN (SELECT membership_id, max(day) AS last FROM checkin GROUP BY membership_id) la"
        joins += " ON la.membership_id = ms.id"
    elif sort == "points":
        joins = " LEFT JOIN (SELECT membership_id, sum(points) AS pts FROM points_entry GROUP BY membership_id) pt"
        joins += " ON pt.membership_id = ms.id"
    order = f"{SORT_SQL[sort]} {'DESC' if desc else 'ASC'} NULLS LAST, ms.id"
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT ms.id FROM membership ms JOIN member m ON m.id = ms.member_id{joins} WHERE {where}"
            f" ORDER BY {order} LIMIT {int(limit)}",
            args,
        )
    ]
    return ids, rows_for(conn, ids)


def rows_for(conn: sqlite3.Connection, ids: list[int]) -> list[tuple]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT ms.id, m.id, g.id, g.name, m.display_name, m.nickname, ms.group_nickname, m.wechat_id, m.phone,"
        " m.city, ms.status, t.name, ms.joined_at, m.deleted_at,"
        " (SELECT max(day) FROM checkin WHERE membership_id = ms.id),"
        " (SELECT coalesce(sum(points), 0) FROM points_entry WHERE membership_id = ms.id)"
        " FROM membership ms JOIN member m ON m.id = ms.member_id JOIN community_group g ON g.id = ms.group_id"
        f" LEFT JOIN tier t ON t.id = ms.tier_id WHERE ms.id IN ({marks})",
        ids,
    ).fetchall()
    member_ids = list({r[1] for r in rows})
    tags: dict[int, list[str]] = {}
    if member_ids:
        for mid, name in conn.execute(
            "SELECT mt.member_id, t.name FROM member_tag mt JOIN tag t ON t.id = mt.tag_id"
            f" WHERE mt.member_id IN ({','.join('?' * len(member_ids))})",
            member_ids,
        ):
            tags.setdefault(mid, []).append(name)
    by_id = {r[0]: (*r, tuple(tags.get(r[1], ()))) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


# ---- monthly report data (the queries of desktop/services/report.py's _load_group, written out)


def report_data(conn: sqlite3.Connection, gids: list[int], year: int, month: int, today: date, cfg: dict) -> int:
    """Fetch every row the monthly report of these groups reads; returns the number of rows fetched."""
    start, end = period(year, month, today)
    py, pm = (year - 1, 12) if month == 1 else (year, month - 1)
    s, e, s_dt, after = start.isoformat(), end.isoformat(), dt(start), dt(end + timedelta(days=1))
    n = 0
    for g in gids:
        month_stats(conn, g, year, month, today, cfg)
        month_stats(conn, g, py, pm, today, cfg)
        for sql, args in (
            (
                "SELECT ms.id, ms.status, m.display_name, m.nickname, ms.group_nickname, m.wechat_id, m.phone,"
                " m.pinyin, t.name, ms.joined_at, ms.left_at, ms.applied_at, ms.created_at, r.display_name,"
                " ms.purpose, m.points_opt_out FROM membership ms JOIN member m ON m.id = ms.member_id"
                " LEFT JOIN tier t ON t.id = ms.tier_id LEFT JOIN member r ON r.id = ms.referrer_id"
                " WHERE ms.group_id = ? AND m.deleted_at IS NULL ORDER BY m.pinyin, ms.id",
                (g,),
            ),
            (
                "SELECT mr.membership_id, r.name FROM membership_role mr JOIN role r ON r.id = mr.role_id"
                " JOIN membership ms ON ms.id = mr.membership_id WHERE ms.group_id = ?",
                (g,),
            ),
            (
                "SELECT ms.id, t.name FROM membership ms JOIN member_tag mt ON mt.member_id = ms.member_id"
                " JOIN tag t ON t.id = mt.tag_id WHERE ms.group_id = ?",
                (g,),
            ),
            ("SELECT name, min_points FROM level WHERE group_id = ? ORDER BY min_points", (g,)),
            (
                "SELECT membership_id, sum(points) FROM points_entry WHERE group_id = ? AND day <= ?"
                " GROUP BY membership_id",
                (g, e),
            ),
            (
                "SELECT membership_id, max(day) FROM checkin WHERE group_id = ? AND day <= ? GROUP BY membership_id",
                (g, e),
            ),
            (
                "SELECT membership_id, max(day) FROM contribution WHERE group_id = ? AND day <= ?"
                " GROUP BY membership_id",
                (g, e),
            ),
            (
                "SELECT a.membership_id, max(v.starts_at) FROM attendance a JOIN activity v ON v.id = a.activity_id"
                " WHERE v.group_id = ? AND a.status = 'attended' AND v.starts_at < ? GROUP BY a.membership_id",
                (g, after),
            ),
            ("SELECT membership_id, day, late FROM checkin WHERE group_id = ? AND day BETWEEN ? AND ?", (g, s, e)),
            (
                "SELECT l.membership_id, l.start_day, l.end_day FROM leave l JOIN membership ms"
                " ON ms.id = l.membership_id WHERE ms.group_id = ? AND l.start_day <= ? AND l.end_day >= ?",
                (g, e, s),
            ),
            (
                "SELECT id, title, kind, series, edition, starts_at, online, place, capacity FROM activity"
                " WHERE group_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                (g, s_dt, after),
            ),
            (
                "SELECT a.activity_id, a.membership_id, a.status FROM attendance a JOIN activity v"
                " ON v.id = a.activity_id WHERE v.group_id = ? AND v.starts_at >= ? AND v.starts_at < ?",
                (g, s_dt, after),
            ),
            (
                "SELECT day, membership_id, points, reason, source_kind FROM points_entry"
                " WHERE group_id = ? AND day BETWEEN ? AND ? ORDER BY day, id",
                (g, s, e),
            ),
            (
                "SELECT id, name, retired_at, required FROM entry_step WHERE group_id = ? ORDER BY position, id",
                (g,),
            ),
            (
                "SELECT sp.membership_id, sp.step_id, sp.done_at FROM step_progress sp JOIN entry_step es"
                " ON es.id = sp.step_id WHERE es.group_id = ?",
                (g,),
            ),
        ):
            n += len(conn.execute(sql, args).fetchall())
        n += len(dormant(conn, g, end, cfg, names=True))
    return n
