"""Kept values (issue 13): per membership the points balance and the last day of participation, read on every
roster page, leaderboard and dashboard, kept by the database itself in the same transaction as each fact.

Triggers (SQLite and PostgreSQL, created by migration 0007 with `install(connection)`):
- `points_entry` insert / delete / update → `membership.points_balance` += / −= the points;
- `checkin`, `contribution`, `attendance` (attended, by the activity's start date) insert → `last_active` moves
  forward; a delete or update of those rows, and a change of an activity's start, recompute it for the
  memberships concerned (undo, merge, a status change).
Chat messages are the exception: a chat import writes hundreds of thousands of day rows, and a row trigger
would double its cost, so the writers of `chat_activity` (the chat import, a merge, the demo) call
`refresh(session, ids)` once for the memberships they touched — the same statement recompute uses.

The ledger and the fact tables stay the source of truth: `refresh` recomputes both values from them (all
memberships or some), and `drift` lists memberships whose kept values differ from a fresh computation (the
tests check it after every kind of write; Settings › recompute repairs with refresh)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, text

# the last day of participation of membership `ms` (an SQL expression over the fact tables)
_LAST_ACTIVE = {
    "sqlite": """(SELECT max(d) FROM (
        SELECT max(day) AS d FROM checkin WHERE membership_id = {ms}
        UNION ALL SELECT max(day) FROM contribution WHERE membership_id = {ms}
        UNION ALL SELECT max(day) FROM chat_activity WHERE membership_id = {ms}
        UNION ALL SELECT max(date(a.starts_at)) FROM attendance t JOIN activity a ON a.id = t.activity_id
                  WHERE t.membership_id = {ms} AND t.status = 'attended'))""",
    "postgresql": """(SELECT max(d) FROM (
        SELECT max(day) AS d FROM checkin WHERE membership_id = {ms}
        UNION ALL SELECT max(day) FROM contribution WHERE membership_id = {ms}
        UNION ALL SELECT max(day) FROM chat_activity WHERE membership_id = {ms}
        UNION ALL SELECT max(a.starts_at::date) FROM attendance t JOIN activity a ON a.id = t.activity_id
                  WHERE t.membership_id = {ms} AND t.status = 'attended') AS facts)""",
}
_POINTS = "(SELECT coalesce(sum(points), 0) FROM points_entry WHERE membership_id = {ms})"

FACT_TABLES = ("checkin", "contribution")  # rows with (membership_id, day): last_active moves forward on insert


def last_active_sql(dialect: str, ms: str) -> str:
    return _LAST_ACTIVE[dialect].format(ms=ms)


def refresh_sql(dialect: str) -> str:
    """The UPDATE that recomputes every membership's kept values (add a WHERE for some)."""
    return (
        f"UPDATE membership SET points_balance = {_POINTS.format(ms='membership.id')}, "
        f"last_active = {last_active_sql(dialect, 'membership.id')}"
    )


def refresh(connection: Connection, membership_ids: Iterable[int] | None = None) -> None:
    """Recompute the kept values from the ledger and the fact tables: every membership (None), or these."""
    sql = refresh_sql(connection.dialect.name)
    if membership_ids is None:
        connection.execute(text(sql))
        return
    ids = sorted({int(i) for i in membership_ids})
    if connection.dialect.name == "postgresql":
        # through the function that runs as the tables' owner (migration 0019): an assistant's login, whose chat
        # import refreshes its members, may not write the kept columns themselves
        if ids:
            connection.execute(text("SELECT kept_refresh(CAST(:ids AS integer[]))"), {"ids": ids})
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        connection.execute(text(sql + f" WHERE id IN ({', '.join(str(i) for i in chunk)})"))


def drift(connection: Connection) -> list[tuple[int, int, int, object, object]]:
    """(membership, kept points, actual points, kept last day, actual last day) where they differ."""
    dialect = connection.dialect.name
    rows = connection.execute(
        text(
            f"SELECT id, points_balance, {_POINTS.format(ms='membership.id')}, last_active, "
            f"{last_active_sql(dialect, 'membership.id')} FROM membership"
        )
    ).all()
    out = []
    for ms, kept_points, points, kept_day, day in rows:
        day = None if day is None else str(day)[:10]
        kept = None if kept_day is None else str(kept_day)[:10]
        if int(kept_points or 0) != int(points or 0) or kept != day:
            out.append((ms, kept_points, points, kept_day, day))
    return out


# ---------------------------------------------------------------------------------------------------------------
# triggers


def _sqlite_triggers() -> list[str]:
    recompute = "UPDATE membership SET last_active = {expr} WHERE id = {ms};"
    la = lambda ms: recompute.format(expr=last_active_sql("sqlite", ms), ms=ms)  # noqa: E731
    out = [
        "CREATE TRIGGER kept_points_ai AFTER INSERT ON points_entry BEGIN "
        "UPDATE membership SET points_balance = points_balance + NEW.points WHERE id = NEW.membership_id; END",
        "CREATE TRIGGER kept_points_ad AFTER DELETE ON points_entry BEGIN "
        "UPDATE membership SET points_balance = points_balance - OLD.points WHERE id = OLD.membership_id; END",
        "CREATE TRIGGER kept_points_au AFTER UPDATE OF points, membership_id ON points_entry BEGIN "
        "UPDATE membership SET points_balance = points_balance - OLD.points WHERE id = OLD.membership_id; "
        "UPDATE membership SET points_balance = points_balance + NEW.points WHERE id = NEW.membership_id; END",
    ]
    for table in FACT_TABLES:
        out += [
            f"CREATE TRIGGER kept_{table}_ai AFTER INSERT ON {table} BEGIN "
            "UPDATE membership SET last_active = NEW.day WHERE id = NEW.membership_id "
            "AND (last_active IS NULL OR last_active < NEW.day); END",
            f"CREATE TRIGGER kept_{table}_ad AFTER DELETE ON {table} BEGIN {la('OLD.membership_id')} END",
            f"CREATE TRIGGER kept_{table}_au AFTER UPDATE OF day, membership_id ON {table} BEGIN "
            f"{la('OLD.membership_id')} {la('NEW.membership_id')} END",
        ]
    out += [
        f"CREATE TRIGGER kept_attendance_ai AFTER INSERT ON attendance WHEN NEW.status = 'attended' BEGIN "
        f"{la('NEW.membership_id')} END",
        f"CREATE TRIGGER kept_attendance_ad AFTER DELETE ON attendance WHEN OLD.status = 'attended' BEGIN "
        f"{la('OLD.membership_id')} END",
        f"CREATE TRIGGER kept_attendance_au AFTER UPDATE OF status, membership_id, activity_id ON attendance BEGIN "
        f"{la('OLD.membership_id')} {la('NEW.membership_id')} END",
        "CREATE TRIGGER kept_activity_au AFTER UPDATE OF starts_at ON activity BEGIN "
        f"UPDATE membership SET last_active = {last_active_sql('sqlite', 'membership.id')} "
        "WHERE id IN (SELECT membership_id FROM attendance WHERE activity_id = NEW.id); END",
    ]
    return out


# The PostgreSQL functions that keep the values run as their owner, the tables' owner (SECURITY DEFINER, with a fixed
# search_path: the standard hardening of such functions), not as the login whose write fired them: an assistant's
# login has no UPDATE of the kept columns (team_roles.KEPT_COLUMNS) — with it, `UPDATE membership SET
# points_balance = 9999` from psql gave anyone points the ledger never had. Migration 0019 (`harden`) made the
# functions of existing databases so.
DEFINER = "SECURITY DEFINER SET search_path = public, pg_temp"


def _postgresql_functions() -> list[str]:
    la = last_active_sql("postgresql", "m")
    return [
        f"""CREATE OR REPLACE FUNCTION kept_last_active(m integer) RETURNS void LANGUAGE sql {DEFINER} AS $fn$
           UPDATE membership SET last_active = {la} WHERE id = m $fn$""",
        f"""CREATE OR REPLACE FUNCTION kept_points() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $fn$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE membership SET points_balance = points_balance - OLD.points WHERE id = OLD.membership_id;
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            UPDATE membership SET points_balance = points_balance + NEW.points WHERE id = NEW.membership_id;
          END IF;
          RETURN NULL;
        END $fn$""",
        f"""CREATE OR REPLACE FUNCTION kept_fact() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $fn$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            UPDATE membership SET last_active = NEW.day
             WHERE id = NEW.membership_id AND (last_active IS NULL OR last_active < NEW.day);
          ELSE
            PERFORM kept_last_active(OLD.membership_id);
            IF TG_OP = 'UPDATE' AND NEW.membership_id <> OLD.membership_id THEN
              PERFORM kept_last_active(NEW.membership_id);
            END IF;
          END IF;
          RETURN NULL;
        END $fn$""",
        f"""CREATE OR REPLACE FUNCTION kept_attendance() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $fn$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM kept_last_active(OLD.membership_id); END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM kept_last_active(NEW.membership_id); END IF;
          RETURN NULL;
        END $fn$""",
        f"""CREATE OR REPLACE FUNCTION kept_activity() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $fn$
        BEGIN
          PERFORM kept_last_active(t.membership_id) FROM attendance t WHERE t.activity_id = NEW.id;
          RETURN NULL;
        END $fn$""",
        # the recompute of some memberships (`refresh` with ids: a chat import's, a merge's), for any login that
        # writes their facts: it sets the kept values to what the ledger and the facts say, nothing else
        f"""CREATE OR REPLACE FUNCTION kept_refresh(ids integer[]) RETURNS void LANGUAGE sql {DEFINER} AS $fn$
           {refresh_sql("postgresql")} WHERE id = ANY(ids) $fn$""",
    ]


def _postgresql_triggers() -> list[str]:
    return [
        *_postgresql_functions(),
        "CREATE TRIGGER kept_points AFTER INSERT OR DELETE OR UPDATE OF points, membership_id ON points_entry "
        "FOR EACH ROW EXECUTE FUNCTION kept_points()",
        *(
            f"CREATE TRIGGER kept_{t} AFTER INSERT OR DELETE OR UPDATE OF day, membership_id ON {t} "
            "FOR EACH ROW EXECUTE FUNCTION kept_fact()"
            for t in FACT_TABLES
        ),
        "CREATE TRIGGER kept_attendance AFTER INSERT OR DELETE OR UPDATE OF status, membership_id, activity_id "
        "ON attendance FOR EACH ROW EXECUTE FUNCTION kept_attendance()",
        "CREATE TRIGGER kept_activity AFTER UPDATE OF starts_at ON activity FOR EACH ROW "
        "EXECUTE FUNCTION kept_activity()",
    ]


_TRIGGER_FUNCTIONS = ("kept_points()", "kept_fact()", "kept_attendance()", "kept_activity()")
_STREAK_FUNCTIONS = ("streak_unchecked()", "streak_unchecked_group()")


def install(connection: Connection) -> None:
    """Create the triggers (migration 0007)."""
    statements = _postgresql_triggers() if connection.dialect.name == "postgresql" else _sqlite_triggers()
    for sql in statements:
        connection.exec_driver_sql(sql)


def uninstall(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        for table, name in (
            ("points_entry", "kept_points"),
            *((t, f"kept_{t}") for t in FACT_TABLES),
            ("attendance", "kept_attendance"),
            ("activity", "kept_activity"),
        ):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for fn in (*_TRIGGER_FUNCTIONS, "kept_last_active(integer)", "kept_refresh(integer[])"):
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")
        return
    rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kept_%'")
    for (name,) in rows.fetchall():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


# ---------------------------------------------------------------------------------------------------------------
# streak marks (migration 0013)
#
# `membership.streak_checked`: true when the membership's open streak bonuses were made to match the streak rule over
# its whole history (desktop/services/checkins.py `_reconcile` sets it). While it holds, a check-in that becomes the
# member's latest day need only read the weeks of its run (streaks.appended_run). Every write that can change which
# days are bonus days without that reconcile clears it, here, for any writer: a leave recorded, changed or removed
# (record_leave then reconciles at once; other writers do not), a check-in removed or moved (undo, a merge), a streak
# entry removed or moved, the group's streak7 rule changed (switched on, its bonuses missing for the days it was off)
# and the group's 补卡 rule changed (late_checkins_count_for_streak). The next check-in of a cleared membership reads
# the whole history and reconciles it, as every check-in did before.

# table: (the update that clears, a condition on the row, whether an insert clears). A new check-in does not: its
# writer reconciles (record_checkins_by_day, the only writer of check-ins but the demo and the benchmark generator,
# which write the bonuses of the rule themselves), nor does a new streak entry (the reconcile's own write).
_STREAK_MEMBER_TABLES = {
    "leave": ("UPDATE OF start_day, end_day, membership_id", "", True),
    "checkin": ("UPDATE OF day, late, membership_id", "", False),
    "points_entry": ("UPDATE OF membership_id, day, points, reverses_id", "source_kind = 'streak'", False),
}


def _sqlite_streak_marks() -> list[str]:
    clear = "UPDATE membership SET streak_checked = 0 WHERE id = {ms} AND streak_checked = 1;"
    out = []
    for table, (update_of, when, on_insert) in _STREAK_MEMBER_TABLES.items():
        old_when = f" WHEN OLD.{when}" if when else ""
        new_when = f" WHEN OLD.{when} OR NEW.{when}" if when else ""
        if on_insert:
            out.append(
                f"CREATE TRIGGER streak_{table}_ai AFTER INSERT ON {table} BEGIN "
                f"{clear.format(ms='NEW.membership_id')} END"
            )
        out += [
            f"CREATE TRIGGER streak_{table}_ad AFTER DELETE ON {table}{old_when} BEGIN "
            f"{clear.format(ms='OLD.membership_id')} END",
            f"CREATE TRIGGER streak_{table}_au AFTER {update_of} ON {table}{new_when} BEGIN "
            f"{clear.format(ms='OLD.membership_id')} {clear.format(ms='NEW.membership_id')} END",
        ]
    group = "UPDATE membership SET streak_checked = 0 WHERE group_id = {g} AND streak_checked = 1;"
    out += [
        "CREATE TRIGGER streak_rule_ai AFTER INSERT ON point_rule WHEN NEW.code = 'streak7' BEGIN "
        f"{group.format(g='NEW.group_id')} END",
        "CREATE TRIGGER streak_rule_ad AFTER DELETE ON point_rule WHEN OLD.code = 'streak7' BEGIN "
        f"{group.format(g='OLD.group_id')} END",
        "CREATE TRIGGER streak_rule_au AFTER UPDATE OF points, active, code, group_id ON point_rule "
        "WHEN OLD.code = 'streak7' OR NEW.code = 'streak7' BEGIN "
        f"{group.format(g='OLD.group_id')} {group.format(g='NEW.group_id')} END",
        "CREATE TRIGGER streak_group_au AFTER UPDATE OF late_checkins_count_for_streak ON community_group "
        "WHEN OLD.late_checkins_count_for_streak IS NOT NEW.late_checkins_count_for_streak BEGIN "
        f"{group.format(g='NEW.id')} END",
    ]
    return out


def _pg_clearing(name: str, column: str, key: str, first: str = "") -> str:
    """A trigger function clearing the marks of the memberships whose `column` is the row's `key`, before and after."""
    clear = "UPDATE membership SET streak_checked = false WHERE {column} = {row}.{key} AND streak_checked;"
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $fn$
        BEGIN
          {first}
          IF TG_OP IN ('DELETE', 'UPDATE') THEN {clear.format(column=column, row="OLD", key=key)} END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN {clear.format(column=column, row="NEW", key=key)} END IF;
          RETURN NULL;
        END $fn$"""


def _postgresql_streak_functions() -> list[str]:
    group_row = (  # the group's own row: its id
        "IF TG_TABLE_NAME = 'community_group' THEN "
        "UPDATE membership SET streak_checked = false WHERE group_id = NEW.id AND streak_checked; RETURN NULL; END IF;"
    )
    return [
        _pg_clearing("streak_unchecked", "id", "membership_id"),
        _pg_clearing("streak_unchecked_group", "group_id", "group_id", first=group_row),
    ]


def _postgresql_streak_marks() -> list[str]:
    out = _postgresql_streak_functions()
    for table, (update_of, when, on_insert) in _STREAK_MEMBER_TABLES.items():
        events = ("INSERT OR " if on_insert else "") + f"DELETE OR {update_of}"
        if when:  # WHEN cannot name OLD on an INSERT nor NEW on a DELETE: one trigger each
            out += [
                f"CREATE TRIGGER streak_{table}_d AFTER DELETE ON {table} FOR EACH ROW WHEN (OLD.{when}) "
                "EXECUTE FUNCTION streak_unchecked()",
                f"CREATE TRIGGER streak_{table}_u AFTER {update_of} ON {table} FOR EACH ROW "
                f"WHEN (OLD.{when} OR NEW.{when}) EXECUTE FUNCTION streak_unchecked()",
            ]
        else:
            out.append(
                f"CREATE TRIGGER streak_{table} AFTER {events} ON {table} FOR EACH ROW "
                "EXECUTE FUNCTION streak_unchecked()"
            )
    out += [
        "CREATE TRIGGER streak_rule_i AFTER INSERT ON point_rule FOR EACH ROW WHEN (NEW.code = 'streak7') "
        "EXECUTE FUNCTION streak_unchecked_group()",
        "CREATE TRIGGER streak_rule_d AFTER DELETE ON point_rule FOR EACH ROW WHEN (OLD.code = 'streak7') "
        "EXECUTE FUNCTION streak_unchecked_group()",
        "CREATE TRIGGER streak_rule_u AFTER UPDATE OF points, active, code, group_id ON point_rule FOR EACH ROW "
        "WHEN (OLD.code = 'streak7' OR NEW.code = 'streak7') EXECUTE FUNCTION streak_unchecked_group()",
        "CREATE TRIGGER streak_group AFTER UPDATE OF late_checkins_count_for_streak ON community_group FOR EACH ROW "
        "WHEN (OLD.late_checkins_count_for_streak IS DISTINCT FROM NEW.late_checkins_count_for_streak) "
        "EXECUTE FUNCTION streak_unchecked_group()",
    ]
    return out


def install_streak_marks(connection: Connection) -> None:
    """Create the triggers that clear `membership.streak_checked` (migration 0013)."""
    pg = connection.dialect.name == "postgresql"
    for sql in _postgresql_streak_marks() if pg else _sqlite_streak_marks():
        connection.exec_driver_sql(sql)


def uninstall_streak_marks(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(
            "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE 'streak\\_%' AND NOT tgisinternal"
        )
        for name, table in rows.fetchall():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for fn in _STREAK_FUNCTIONS:
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")
        return
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'streak\\_%' ESCAPE '\\'"
    )
    for (name,) in rows.fetchall():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


# ---------------------------------------------------------------------------------------------------------------
# hardening (migration 0019)


def harden(connection: Connection) -> None:
    """PostgreSQL: the functions that keep the values (and the streak marks) made again as SECURITY DEFINER with a
    fixed search_path, `kept_refresh` added, all of them — and the name pieces' (models/search.py) — owned by the
    tables' owner (a superuser who upgrades leaves them the owner's, not its own) and executable by nobody but through their triggers — `kept_refresh`
    only by whom the grants give it (team_roles.apply_grants). Nothing on SQLite."""
    if connection.dialect.name != "postgresql":
        return
    for sql in (*_postgresql_functions(), *_postgresql_streak_functions()):
        connection.exec_driver_sql(sql)
    from models.search import _SOURCES as gram_sources

    functions = (*_TRIGGER_FUNCTIONS, "kept_last_active(integer)", "kept_refresh(integer[])", *_STREAK_FUNCTIONS)
    # the name pieces' functions (migration 0009) are SECURITY DEFINER already: their owner too
    functions += tuple(f"gram_{table}()" for table in gram_sources)
    owner = connection.exec_driver_sql(
        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'membership'"
    ).scalar_one()
    me = connection.exec_driver_sql("SELECT current_user").scalar_one()
    raw = connection.connection.dbapi_connection
    from psycopg import sql as pgsql

    for fn in functions:
        if owner != me:
            who = pgsql.Identifier(owner).as_string(raw)
            connection.exec_driver_sql(f"ALTER FUNCTION public.{fn} OWNER TO {who}")
        connection.exec_driver_sql(f"REVOKE ALL ON FUNCTION public.{fn} FROM PUBLIC")
