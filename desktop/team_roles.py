"""Team mode roles (PRODUCT §3.7, issue 14): on PostgreSQL the server enforces what each role may do, so the
boundary holds for someone with `psql` too. Written up in docs/architecture.md ("Roles on the server").

`qundesk team init` (the owner, with a login that may create roles) creates three group roles for this database
— `qd_<db>_owner`, `qd_<db>_admin`, `qd_<db>_assistant` — and grants each what its role may do:

- owner: everything (and, being the login that ran team init, CREATEROLE to add operators' logins);
- admin: read and write every table except the operators' password hashes (not readable) and the audit log
  (append-only: SELECT and INSERT);
- assistant: reads everything but full phone numbers (foreign ones in audit summaries too) and password hashes; writes participation (check-ins,
  attendance, steps, contributions, violations, leave, chat counts), adds and edits members and memberships,
  appends points and audit rows (and tags, renaming and recolouring them); cannot delete members, blacklist, un-blacklist or remove anyone, change rules,
  groups, steps, settings or operators, nor write a membership's kept values (the database's triggers keep them, as
  the tables' owner), a fact of one group naming a member of another, or a fact "recorded by" someone else.

Full phone numbers: an assistant has no privilege on `public.member` or `public.audit_log` at all. Their login's
search_path starts with the schema `qd_<db>_masked`, which holds views of the same names showing phones as
138****8000 (also inside audit summaries); INSTEAD OF triggers (SECURITY DEFINER) write through them: a new
member keeps the full phone typed, an unchanged masked phone keeps the stored one, a delete or soft delete is
refused. The app itself needs no change for this: SQLAlchemy's unqualified names resolve to the views. A phone
written into a person's free text (name, nickname, a WeChat ID that is a phone, note …) is masked in the view too, and
so is a membership's (group nickname, purpose, leaving reason: the view `membership`); an assistant finds a person by
a phone they hold through `members_by_phone` (_phone_lookup).

An operator's server login is recorded in `operator.login`; the app signs in as that login and acts for that
operator (`login_operator`). Passwords are sent to the server as SCRAM-SHA-256 verifiers, never in clear text,
so they cannot end up in the server's statement log either. Role and database names are quoted with psycopg."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.errors import NotFound, PermissionDenied, SignInFailed, ValidationError
from models import Operator, WorkspaceSetting
from models.phone_lookup import members_by_phone, phones_masked  # noqa: F401  (the app's callers, team mode's)

SETTING = "team.roles"  # workspace setting: the group roles' prefix once `team init` has run
# the grants `apply_grants` gives, by version: raise it with every change of what apply_grants runs (a test of the
# team database records each version's statements, tests/desktop/test_team_grants_version.py) — a team database
# whose stored version is older gets them again the next time the tables' owner opens it (`regrant_if_stale`):
# grant fixes that came without a migration reached no existing team database
GRANTS_VERSION = 9
GRANTS_SETTING = "team.grants_version"
ROLES = ("owner", "admin", "assistant")
MASKED_TABLES = ("member", "audit_log")  # seen by an assistant through views of the same name
MANAGERS_ONLY = ("merge_undo",)  # what a merge changed, phones included: an assistant neither merges nor undoes one

# what the assistant may write (everything else it may only read, or not even that)
ASSISTANT_WRITES = (
    "checkin",
    "attendance",
    "activity",
    "contribution",
    "violation",
    "leave",
    "step_progress",
    "chat_activity",
    "chat_alias",
    "chat_import",
    "member_tag",
    "membership_role",
)
# facts of one member whose owner an assistant never changes (only a merge moves them, an owner's or admin's work):
# an UPDATE of their membership_id or group_id (psql) put a check-in, a place, a leave … on someone else
ASSISTANT_FIXED_OWNER = (
    "checkin",
    "attendance",
    "contribution",
    "violation",
    "leave",
    "step_progress",
    "chat_activity",
)
# facts with a group of their own, which is their membership's (the guard refuses an assistant's row naming another)
ASSISTANT_GROUP_FACTS = ("checkin", "contribution", "violation", "chat_activity", "points_entry")
# facts whose group is their parent's: (column, table) — an attendance's activity, a step record's step
ASSISTANT_GROUP_PARENTS = {"attendance": ("activity_id", "activity"), "step_progress": ("step_id", "entry_step")}
# a tier's history (models/tier_history.py): an assistant changes tiers (edit_members), and each change adds its row
ASSISTANT_APPEND = (
    "points_entry",
    "tag",
    "tier_history",
)  # INSERT, never DELETE (nor UPDATE, but a tag's name and colour)
# triggers refuse what an assistant may not (membership's status); a membership's closed spells
# (membership_spell) are written with it, by the same services (a member who comes back): the same grants
ASSISTANT_INSERT_UPDATE = ("membership", "membership_spell", "workspace_setting")
# whose membership (person, group) and whose spell it is an assistant never changes: only a merge (an owner's or
# admin's) moves them — `UPDATE membership SET member_id …` with psql put a person's check-ins, points, steps and
# history on someone else, or into another group
ASSISTANT_FIXED_COLUMNS = {
    "membership": ("id", "member_id", "group_id"),
    "membership_spell": ("id", "membership_id"),
    # an activity's group: `UPDATE activity SET group_id …` (psql) moved it, its places and their attendance with it,
    # into another group — its members' attendance in a group they are not in; the app never changes it
    "activity": ("id", "group_id"),
}
# kept values (models/kept.py): the database keeps them from the ledger and the facts, through functions that run as
# the tables' owner (migration 0019) — an assistant's login had UPDATE on them, and `UPDATE membership SET
# points_balance = 9999` (psql) gave a member points no ledger entry explains; a new membership's are the empty ones
# (the guard below). `streak_checked` stays writable: the check-in service sets it after a reconcile, and it says
# only that a reconcile may read less (an assistant appends ledger entries anyway)
KEPT_COLUMNS = {"membership": ("points_balance", "last_active")}
# a closed spell goes when a join date is set back to it (roster._keep_or_drop_spell: the undo of a return, a join
# date corrected in the member dialog) — the server refused an assistant's every change of a join date
ASSISTANT_DELETE = ("membership_spell",)
# an import's record (models/import_undo.py, migration 0026): an assistant's import writes it, and their undo reads it
# and marks it undone — but the old and new values of what an import changed (a phone among them) are not theirs to
# read: an assistant's undo leaves changed values for an owner or an admin, said (desktop/services/import_undo.py)
IMPORT_RECORD_HIDDEN = {"import_item": ("before", "after")}
# the workspace settings an assistant's imports write (key prefixes): a roster file's remembered column mapping
# (imports.MAPPING_SETTING_PREFIX), who exports a group's chat (chat_import.EXPORTER_SETTING), and the names a chat
# export gave the group (chat_import.GROUP_NAMES_SETTING) — without the last, the guard refused an assistant's
# every import of an export naming its group (PyWxDump's chatroom id; an export confirmed with --other-group)
ASSISTANT_SETTINGS = ("import_mapping:", "chat_exporter:", "chat_group_names:")
OPERATOR_PUBLIC_COLUMNS = ("id", "name", "role", "active", "created_at", "login")


def is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def prefix_of(session: Session) -> str | None:
    if not is_postgresql(session):
        return None
    return session.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == SETTING))


def roles_enforced(session: Session) -> bool:
    """True on a team database whose roles are set up: the server login is the operator."""
    return prefix_of(session) is not None


def group_role(prefix: str, role: str) -> str:
    return f"{prefix}_{role}"


def _ident(session: Session, name: str) -> str:
    """A quoted SQL identifier (psycopg's quoting rules)."""
    from psycopg import sql

    raw = session.connection().connection.dbapi_connection
    return sql.Identifier(name).as_string(raw)


def _literal(session: Session, value: str) -> str:
    from psycopg import sql

    raw = session.connection().connection.dbapi_connection
    return sql.Literal(value).as_string(raw)


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 secret PostgreSQL stores for a password (RFC 5802/7677): sent instead of the password,
    so the clear text never reaches the server, its logs or pg_stat_statements."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def default_login(name: str) -> str:
    """A login for an operator's name: ASCII, lower case (小助理 -> xiaozhuli, Amy Lee -> amy_lee)."""
    from pypinyin import lazy_pinyin

    words = lazy_pinyin(name)
    slug = re.sub(r"[^a-z0-9]+", "_", "".join(words).lower()).strip("_")
    slug = re.sub(r"_+", "_", slug)
    if not slug or slug[0].isdigit():
        slug = "op_" + slug
    return slug[:40]


def _check_login(login: str) -> str:
    login = (login or "").strip()
    if not re.fullmatch(r"[a-z_][a-z0-9_]{1,62}", login):
        raise ValidationError(
            "login",
            f"登录名只能用小写字母、数字和下划线, 以字母开头 (a login is lower-case letters, digits and _): {login!r}",
        )
    return login


# ---------------------------------------------------------------------------------------------------------------
# team init


def team_init(session: Session, actor) -> str:
    """Create the group roles and their grants for this database (idempotent: run again after an upgrade to
    grant the new tables), link the current login to the owner operator. Returns the prefix."""
    from desktop.services.audit import record_audit
    from desktop.services.operators import require

    if not is_postgresql(session):
        raise ValidationError("db", "team init 只用于 PostgreSQL 团队数据库 (team init is for a PostgreSQL database)")
    require(actor, "manage_operators")
    conn = session.connection()
    me = conn.execute(text("SELECT current_user")).scalar_one()
    can = conn.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar_one()
    if not can:
        raise ValidationError(
            "login",
            f"登录名 {me} 不能创建角色; 请用有 CREATEROLE 权限的登录运行 (the login {me} may not create roles: run "
            "team init with a login that has CREATEROLE, e.g. the database owner's)",
        )
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    prefix = prefix_of(session) or "qd_" + (re.sub(r"[^a-z0-9]+", "_", database.lower()).strip("_") or "db")[:40]
    for role in ROLES:
        name = group_role(prefix, role)
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {_ident(session, name)} NOLOGIN")
    apply_grants(session, prefix)
    owner_group = _ident(session, group_role(prefix, "owner"))
    conn.exec_driver_sql(f"GRANT {owner_group} TO {_ident(session, me)}")
    op = session.get(Operator, actor.id)
    assert op is not None
    if op.login is None:
        other = session.scalar(select(Operator.id).where(Operator.login == me))
        if other is not None and other != op.id:
            raise ValidationError("login", f"登录名 {me} 已属于另一位操作员 (the login {me} is another operator's)")
        op.login = me
    row = session.get(WorkspaceSetting, SETTING)
    if row is None:
        session.add(WorkspaceSetting(key=SETTING, value=prefix))
    record_audit(session, actor.id, "team.init", "operator", op.id, after={"prefix": prefix, "login": me})
    session.flush()
    return prefix


def apply_grants(session: Session, prefix: str) -> None:
    """Every grant of the three roles, from scratch (revoke, then grant): the tables of the current schema."""
    from models import Base

    conn = session.connection()
    q = lambda name: _ident(session, name)  # noqa: E731
    owner, admin, assistant = (q(group_role(prefix, r)) for r in ROLES)
    masked = q(f"{prefix}_masked")
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    tables = [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    run = conn.exec_driver_sql

    run(f"REVOKE ALL ON DATABASE {q(database)} FROM PUBLIC")
    run(f"GRANT CONNECT, TEMPORARY ON DATABASE {q(database)} TO {owner}, {admin}, {assistant}")
    run("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    run(f"GRANT USAGE ON SCHEMA public TO {owner}, {admin}, {assistant}")
    for table in tables:
        run(f"REVOKE ALL ON {q(table)} FROM {owner}, {admin}, {assistant}")
    run(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {owner}")
    run(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {owner}")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {admin}, {assistant}")

    # admin: everything but the password hashes, and the audit log is append-only
    derived = {t.name for t in Base.metadata.sorted_tables if t.info.get("derived")}  # written by triggers only
    for table in tables:
        if table in ("operator", "audit_log", "alembic_version"):
            continue
        rights = "SELECT" if table in derived else "SELECT, INSERT, UPDATE, DELETE"
        run(f"GRANT {rights} ON {q(table)} TO {admin}")
    run(f"GRANT SELECT, INSERT ON audit_log TO {admin}")
    # who a row is about, and nothing else: a merge gives the dropped person's history to the kept one (and its
    # undo gives it back) — without this an admin's merge was refused by the server
    run(f"GRANT UPDATE (entity_id) ON audit_log TO {admin}")
    run(f"GRANT SELECT ON alembic_version TO {admin}, {assistant}")
    columns = ", ".join(q(c) for c in OPERATOR_PUBLIC_COLUMNS)
    run(f"GRANT SELECT ({columns}) ON operator TO {admin}, {assistant}")

    # assistant
    columns_of = {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}
    for table in tables:
        if table in (*MASKED_TABLES, *MANAGERS_ONLY, "operator", "alembic_version"):
            continue
        if table in MASKED_GRAMS:  # through views without the digits of a name that holds a phone
            continue
        if table in MASKED_FREE_TEXT:  # its free text through the masked view only
            readable = [c for c in columns_of[table] if c not in MASKED_FREE_TEXT[table]]
            run(f"GRANT SELECT ({', '.join(q(c) for c in readable)}) ON {q(table)} TO {assistant}")
            continue
        if table in IMPORT_RECORD_HIDDEN:
            readable = [c for c in columns_of[table] if c not in IMPORT_RECORD_HIDDEN[table]]
            run(f"GRANT SELECT ({', '.join(q(c) for c in readable)}) ON {q(table)} TO {assistant}")
            continue
        run(f"GRANT SELECT ON {q(table)} TO {assistant}")
    for table in ASSISTANT_WRITES:
        if table in ASSISTANT_FIXED_OWNER:  # whose fact it is stays: no UPDATE of membership_id / group_id
            run(f"GRANT INSERT, DELETE ON {q(table)} TO {assistant}")
            free = [c for c in columns_of[table] if c not in ("id", "membership_id", "group_id")]
            run(f"GRANT UPDATE ({', '.join(q(c) for c in free)}) ON {q(table)} TO {assistant}")
        elif table in ASSISTANT_FIXED_COLUMNS:
            run(f"GRANT INSERT, DELETE ON {q(table)} TO {assistant}")
            free = [c for c in columns_of[table] if c not in ASSISTANT_FIXED_COLUMNS[table]]
            run(f"GRANT UPDATE ({', '.join(q(c) for c in free)}) ON {q(table)} TO {assistant}")
        else:
            run(f"GRANT INSERT, UPDATE, DELETE ON {q(table)} TO {assistant}")
    for table in ASSISTANT_APPEND:
        run(f"GRANT INSERT ON {q(table)} TO {assistant}")
    # a tag's name and colour (the Tags tab, taxonomy.set_tag: edit_members, an assistant's as on one laptop) — the
    # server refused it, a raw error in the window; a tag is still never deleted by an assistant
    run(f"GRANT UPDATE ({q('name')}, {q('color')}) ON tag TO {assistant}")
    for table in ASSISTANT_INSERT_UPDATE:
        fixed = ASSISTANT_FIXED_COLUMNS.get(table)
        if fixed is None:
            run(f"GRANT INSERT, UPDATE ON {q(table)} TO {assistant}")
            continue
        run(f"GRANT INSERT ON {q(table)} TO {assistant}")
        free = [c for c in columns_of[table] if c not in fixed and c not in KEPT_COLUMNS.get(table, ())]
        run(f"GRANT UPDATE ({', '.join(q(c) for c in free)}) ON {q(table)} TO {assistant}")
    for table in ASSISTANT_DELETE:
        run(f"GRANT DELETE ON {q(table)} TO {assistant}")
    # an import's record: written by their imports, marked undone by their undo (never deleted, nor rewritten)
    run(f"GRANT INSERT ON import_run, import_item TO {assistant}")
    run(f"GRANT UPDATE (undone_at, undone_by) ON import_run TO {assistant}")
    # the recompute of some memberships' kept values (models/kept.py `refresh`: a chat import's, a merge's)
    run(f"GRANT EXECUTE ON FUNCTION public.kept_refresh(integer[]) TO {owner}, {admin}, {assistant}")
    _guards(session, prefix)
    _masked_views(session, prefix)
    _phone_lookup(session, prefix)
    run(f"GRANT USAGE ON SCHEMA {masked} TO {assistant}")
    row = session.get(WorkspaceSetting, GRANTS_SETTING)
    if row is None:
        session.add(WorkspaceSetting(key=GRANTS_SETTING, value=str(GRANTS_VERSION)))
    else:
        row.value = str(GRANTS_VERSION)
    session.flush()


def regrant_if_stale(session: Session) -> bool:
    """A team database whose grants are older than this version's (GRANTS_VERSION): give them again, when the
    login is the tables' owner (the one who ran `team init` and upgrades the schema; no other login may grant).
    True when it did. Any other login opens it as it is, its refusals named (models.db.ServerRefused)."""
    prefix = prefix_of(session)
    if prefix is None:
        return False
    stored = session.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == GRANTS_SETTING))
    if stored == str(GRANTS_VERSION):
        return False
    owns = (
        session.connection()
        .execute(
            text(
                "SELECT tableowner = current_user FROM pg_tables WHERE schemaname = 'public' AND tablename = 'membership'"
            )
        )
        .scalar()
    )
    if not owns:
        return False
    apply_grants(session, prefix)
    return True


def _assistant_guard(
    session: Session, prefix: str, name: str, events: str, refused: str, message: str, table: str | None = None
) -> None:
    """A BEFORE trigger (`name`, on `table`, by default the table named so) refusing, for an assistant's login (not
    a manager's, not a superuser's), the rows for which the SQL condition `refused` holds: the services refuse the
    same; this makes the server refuse it whatever program the login uses. Whose login it is, is the trigger's WHEN:
    the owner's writes (a chat import of a year) run no function at all."""
    conn = session.connection()
    assistant = _literal(session, group_role(prefix, "assistant"))
    owner, admin = (_literal(session, group_role(prefix, r)) for r in ("owner", "admin"))
    table = table or name
    name = _ident(session, f"{prefix}_{name}_guard")
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
BEGIN
  IF ({refused}) AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'permission denied: {message}' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $fn$"""
    )
    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {_ident(session, table)}")
    conn.exec_driver_sql(
        f"CREATE TRIGGER {name} BEFORE {events} ON {_ident(session, table)} FOR EACH ROW"
        f" WHEN (pg_has_role(current_user, {assistant}, 'MEMBER') AND NOT pg_has_role(current_user, {owner}, 'MEMBER')"
        f" AND NOT pg_has_role(current_user, {admin}, 'MEMBER')) EXECUTE FUNCTION public.{name}()"
    )


def _guards(session: Session, prefix: str) -> None:
    _assistant_guard(
        session,
        prefix,
        "membership",
        "INSERT OR UPDATE OF status",
        # removing, blacklisting and lifting a blacklist (roster.require_status_change); OLD is NULL on INSERT
        "(NEW.status IN ('removed', 'blacklisted') AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status))"
        " OR (TG_OP = 'UPDATE' AND OLD.status = 'blacklisted' AND NEW.status IS DISTINCT FROM 'blacklisted')",
        "an assistant cannot remove, blacklist or un-blacklist a member",
    )
    # a new membership's kept values are the empty ones (KEPT_COLUMNS): its ledger and facts come after it
    _assistant_guard(
        session,
        prefix,
        "membership_kept",
        "INSERT",
        "NEW.points_balance IS DISTINCT FROM 0 OR NEW.last_active IS NOT NULL",
        "an assistant cannot set the points balance or last active day of a membership",
        table="membership",
    )
    # a fact names its membership and its group (or the group's activity, entry step): an assistant's login wrote a
    # check-in, a ledger entry, a share … of 张三 of one group into another's (INSERT with psql: their months, their
    # boards, their workbook named someone not in the group), moved an attendance to another group's activity or a
    # step record to another group's step (UPDATE), or reversed someone else's ledger entry on their own membership —
    # the services never write either; the grants already refused moving a fact by its membership_id / group_id
    of_membership = "(SELECT ms.group_id FROM public.membership ms WHERE ms.id = NEW.membership_id)"
    for table in ASSISTANT_GROUP_FACTS:
        refused = f"NEW.group_id IS DISTINCT FROM {of_membership}"
        if table == "points_entry":
            refused += (
                " OR (NEW.reverses_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.points_entry p"
                " WHERE p.id = NEW.reverses_id AND p.membership_id = NEW.membership_id))"
            )
        _assistant_guard(
            session, prefix, table, "INSERT", refused, "a record of one group cannot name a member of another"
        )
    for table, (column, parent) in ASSISTANT_GROUP_PARENTS.items():
        _assistant_guard(
            session,
            prefix,
            table,
            f"INSERT OR UPDATE OF {column}, membership_id",
            f"(SELECT x.group_id FROM public.{parent} x WHERE x.id = NEW.{column}) IS DISTINCT FROM {of_membership}",
            "a record of one group cannot name a member of another",
        )
    # an assistant's writes to the settings: what their imports remember only (ASSISTANT_SETTINGS)
    allowed_keys = " OR ".join(f"left(NEW.key, {len(p)}) = {_literal(session, p)}" for p in ASSISTANT_SETTINGS)
    _assistant_guard(
        session,
        prefix,
        "workspace_setting",
        "INSERT OR UPDATE",
        f"NOT ({allowed_keys})",
        "an assistant cannot change the workspace settings",
    )
    _audit_author(session, prefix)
    _fact_author(session, prefix)


# who recorded a fact, by column: an assistant's row names the assistant's operator, whatever it says (as the audit
# log's author). Not a step record's: the undo of a step's removal puts back the operator who recorded it
# (onboarding.record_step `recorded_by`, docs: "a record put back by Ctrl+Z keeps them")
FACT_AUTHOR_COLUMNS = {
    "checkin": "recorded_by",
    "contribution": "recorded_by",
    "violation": "recorded_by",
    "leave": "recorded_by",
    "attendance": "recorded_by",
    "points_entry": "operator_id",
    "chat_import": "operator_id",
    "activity": "created_by",
}


def _fact_author(session: Session, prefix: str) -> None:
    """An assistant's login wrote a check-in, a ledger entry, a leave … "recorded by" any operator (`INSERT INTO
    checkin (…, recorded_by) VALUES (…, <the owner's id>)` with psql): the paste's "already checked in by", the
    ledger's operator column and the audit read it as someone else's work. A BEFORE trigger on each table of
    FACT_AUTHOR_COLUMNS sets the column to the operator of the session's login, for assistant logins only (the
    trigger's WHEN); the app writes that operator there anyway."""
    conn = session.connection()
    assistant = _literal(session, group_role(prefix, "assistant"))
    owner, admin = (_literal(session, group_role(prefix, r)) for r in ("owner", "admin"))
    name = _ident(session, f"{prefix}_fact_author")
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE me integer;
BEGIN
  SELECT id INTO me FROM public.operator WHERE login = session_user AND active;
  IF me IS NULL THEN
    RAISE EXCEPTION 'permission denied: the login is not an operator of this workspace' USING ERRCODE = '42501';
  END IF;
  NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], me));
  RETURN NEW;
END $fn$"""
    )
    for table, column in FACT_AUTHOR_COLUMNS.items():
        trigger = _ident(session, f"{prefix}_{table}_author")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON {_ident(session, table)}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE OF {_ident(session, column)} ON {_ident(session, table)}"
            f" FOR EACH ROW WHEN (pg_has_role(current_user, {assistant}, 'MEMBER')"
            f" AND NOT pg_has_role(current_user, {owner}, 'MEMBER') AND NOT pg_has_role(current_user, {admin}, 'MEMBER'))"
            f" EXECUTE FUNCTION public.{name}({_literal(session, column)})"
        )


def _audit_author(session: Session, prefix: str) -> None:
    """The audit log names the operator whose login wrote the row. An assistant's or an admin's login wrote any
    operator's id into it (`INSERT INTO audit_log (operator_id, …)` with psql, through the assistant's view too):
    a write the owner reads as someone else's. A BEFORE trigger on public.audit_log sets `operator_id` to the
    operator of the session's login (session_user: the assistant's rows arrive through the view's SECURITY DEFINER
    function, whose current_user is the owner), and refuses a login that is no operator's. The owner's logins and
    superusers are left as they write (a restore copies the rows of everyone)."""
    conn = session.connection()
    owner = _literal(session, group_role(prefix, "owner"))
    name = _ident(session, f"{prefix}_audit_author")
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $fn$
DECLARE me integer;
BEGIN
  IF pg_has_role(session_user, {owner}, 'MEMBER')
     OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
    RETURN NEW;
  END IF;
  SELECT id INTO me FROM public.operator WHERE login = session_user AND active;
  IF me IS NULL THEN
    RAISE EXCEPTION 'permission denied: the login is not an operator of this workspace' USING ERRCODE = '42501';
  END IF;
  NEW.operator_id := me;
  RETURN NEW;
END $fn$"""
    )
    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON public.audit_log")
    conn.exec_driver_sql(
        f"CREATE TRIGGER {name} BEFORE INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.{name}()"
    )


_MASK_SQL = (
    "CASE WHEN {c} IS NULL OR {c} = '' THEN {c} WHEN length({c}) >= 8 THEN left({c}, 3) || '****' || right({c}, 4) "
    "ELSE '****' || right({c}, 2) END"
)  # the same form as desktop.phones.mask_phone


def _masked_summary_sql(column: str) -> str:
    """An audit summary as an assistant's view shows it: a mainland mobile anywhere in it as 138****8000, and the
    value of a "phone" (or "mobile") key whatever its form as desktop.phones.mask_phone writes it — +85291234567 as
    +85****4567, a short number as ****67. The mainland pattern alone left every other number whole: a member's
    Hong Kong or Taiwan phone (+852…, +886…) was read in full from the audit log by an assistant's login (psql)."""
    mainland = f"regexp_replace({column}, '(1[3-9][0-9])[0-9]{{4}}([0-9]{{4}})', '\\1****\\2', 'g')"
    long_value = (
        f"""regexp_replace({mainland}, '("(phone|mobile)": ")([^"*]{{3}})[^"*]+([^"*]{{4}})"', '\\1\\3****\\4"', 'g')"""
    )
    return f"""regexp_replace({long_value}, '("(phone|mobile)": ")[^"*]*([^"*]{{2}})"', '\\1****\\3"', 'g')"""


# desktop.phones.mask_phones_in in SQL (tests/desktop/test_phones_in_text.py keeps the two alike): a run of 7+ digits,
# each separated from the next by at most 3 characters that are neither letters nor digits, masked to its first three
# digits and ****; a date at the start of a run (2026-11-18 10:00) stays, the rest of the run masked on its own.
# Digits: ASCII and full-width. Separators: what is neither an ASCII letter or digit nor a letter of another script
# (spaces, punctuation: ASCII, Latin-1, general punctuation, CJK and full-width punctuation).
_SQL_DIGIT = "[0-9\\uFF10-\\uFF19]"
_SQL_SEPARATOR = "[^0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u1FFF\\u2070-\\u2FFF\\u3040-\\uFEFF\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFFF]"
# free text of a person an assistant reads through the masked view, a phone in it masked (PRODUCT §3.7): a WeChat ID
# that is the phone number, a phone written into a name, a nickname or a note — and the name's readings (pinyin,
# initials), which keep its digits. A WeChat ID is masked only when it is a phone (no letter in it): an ID proper
# starts with a letter, and is how an assistant's import, paste and duplicate check find the person (wxid_1234567890ab
# masked to wxid_123****ab matched no one: a second person)
MEMBER_FREE_TEXT = ("display_name", "nickname", "wechat_id", "note", "city", "occupation")
# a membership's free text: read by an assistant through the masked view `membership` (a phone in a group nickname,
# a purpose answer or a leaving reason masked); its other columns they read on the table too (the guards do)
MEMBERSHIP_FREE_TEXT = ("group_nickname", "purpose", "left_reason")
# the tables an assistant reads through a masked view of the same name, written through it (_masked_writable): their
# free text columns — a membership's, and the copies of them: a step's answer (the purpose answer is recorded on the
# purpose step too), a closed spell's leaving reason
MASKED_FREE_TEXT = {
    "membership": MEMBERSHIP_FREE_TEXT,
    "step_progress": ("answer",),
    "membership_spell": ("left_reason",),
    # what an organiser or assistant types about a person or an event (PRODUCT §3.7: "请假：出差，有事打13800138000"),
    # read whole with the assistant's login (psql) until GRANTS_VERSION 7: a leave's reason, a violation's note, an
    # activity's title, place and hosts, a share's title, a ledger entry's reason, a chat export's file name, and the
    # nicknames a chat export showed (chat_alias: its `shown` and its comparison key `value`, of names only —
    # CHAT_ALIAS_NAMES_ONLY). Left whole, by decision (docs/architecture.md): a share's link (its digits are the
    # link: a masked one opens nothing), a sender ID (a QQ number is an account, as member.qq), and the organiser's
    # texts written to be posted to the group (the group's description, rules, entry steps, point rules, text
    # templates: a phone there is one the organiser publishes)
    "leave": ("reason",),
    "violation": ("note",),
    "activity": ("title", "place", "hosts"),
    "contribution": ("title",),
    "points_entry": ("reason",),
    "chat_import": ("file_name",),
    "chat_alias": ("value", "shown"),
}
# a table whose free text is masked in its rows of one kind only: a chat alias of a name (a sender ID stays whole — it
# is how the assistant's next import knows the sender)
CHAT_ALIAS_NAMES_ONLY = "kind = 'name'"
MASKED_ONLY_WHERE = {"chat_alias": CHAT_ALIAS_NAMES_ONLY}
# the name search's pieces (models/search.py): every 1-3 character piece of a name, nickname and group nickname —
# "138", "380", "800" … of 王五 13800138002 put its phone together again (psql). An assistant reads them through views
# that leave out the pieces with a digit of a person (membership) whose name holds a phone: table -> (key, source,
# the source's columns the pieces are cut from)
MASKED_GRAMS = {
    "member_gram": ("member_id", "member", ("display_name", "nickname")),
    "membership_gram": ("membership_id", "membership", ("group_nickname",)),
}
MEMBER_READINGS = ("initials", "pinyin", "initials_alt", "pinyin_alt")  # written from display_name


def _masked_text(mask_text: str, column: str) -> str:
    """`column` as the masked views show it: mask_phones_in called only for a text that has 7 digits with at most 3
    other characters between each (what it could change; a superset): the rest — most names and answers — is
    shown without a call per row."""
    d = _SQL_DIGIT
    return (
        f"CASE WHEN {column} ~ '({d}[^0-9\\uFF10-\\uFF19]{{0,3}}){{6}}{d}' THEN {mask_text}({column}) ELSE {column} END"
    )


def _mask_phones_in_sql(session: Session, prefix: str) -> str:
    """`<prefix>_masked.mask_phones_in(text)`: desktop.phones.mask_phones_in on the server. Returns its name."""
    fn = f"{_ident(session, prefix + '_masked')}.mask_phones_in"
    d, sep = _SQL_DIGIT, _SQL_SEPARATOR
    run_re = f"{d}(?:{sep}{{0,3}}{d}){{6,}}"
    date_re = f"^((?:19|20){d}{d}([-/.]){d}{{1,2}}\\2{d}{{1,2}}(?:[ T]+{d}{{1,2}}[:：]{d}{d}(?:[:：]{d}{d})?)?)(?!{d})"
    session.connection().exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION {fn}(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  out text := '';
  rest text := t;
  run text;
  day text;
  at integer;
BEGIN
  LOOP
    run := substring(rest from '{run_re}');
    EXIT WHEN run IS NULL;
    at := strpos(rest, run);
    out := out || left(rest, at - 1);
    day := substring(run from '{date_re}');
    IF day IS NOT NULL THEN
      out := out || day || coalesce({fn}(substr(run, length(day) + 1)), '');
    ELSE
      out := out || left(regexp_replace(run, '[^0-9\\uFF10-\\uFF19]', '', 'g'), 3) || '****';
    END IF;
    rest := substr(rest, at + length(run));
  END LOOP;
  RETURN out || rest;
END $fn$"""
    )
    return fn


def _masked_writable(session: Session, prefix: str, mask_text: str, table: str) -> None:
    """The assistant's `table` (MASKED_FREE_TEXT): the table with a phone in its free text masked — a group nickname
    张三-13812345678, a purpose answer with a phone, was read whole with the assistant's login. Written through an
    INSTEAD OF trigger that runs as the assistant's login (SECURITY INVOKER): the grants and guards of the table hold
    as before (the guards see the assistant's login); an update writes only the columns that changed, so a field left
    as the view showed it keeps the stored one, and the columns an assistant may not write stay refused; a delete
    deletes what their grants let them."""
    from models import Base

    free_text = MASKED_FREE_TEXT[table]
    conn = session.connection()
    q = lambda name: _ident(session, name)  # noqa: E731
    schema = q(f"{prefix}_masked")
    assistant = q(group_role(prefix, "assistant"))
    cols = [c.name for c in Base.metadata.tables[table].columns]
    only = MASKED_ONLY_WHERE.get(table)

    def shown_column(c: str) -> str:
        if c not in free_text:
            return q(c)
        if only:
            return f"CASE WHEN {only} THEN {_masked_text(mask_text, q(c))} ELSE {q(c)} END AS {q(c)}"
        return f"{_masked_text(mask_text, q(c))} AS {q(c)}"

    shown = ", ".join(shown_column(c) for c in cols)
    view, base = f"{schema}.{q(table)}", f"public.{q(table)}"
    conn.exec_driver_sql(f"DROP VIEW IF EXISTS {view}")
    conn.exec_driver_sql(f"CREATE VIEW {view} AS SELECT {shown} FROM {base}")
    defaults = conn.execute(
        text(
            "SELECT column_name, column_default FROM information_schema.columns WHERE table_schema = 'public'"
            " AND table_name = :t AND column_default IS NOT NULL"
        ),
        {"t": table},
    ).all()
    for column, default in defaults:
        conn.exec_driver_sql(f"ALTER VIEW {view} ALTER COLUMN {q(column)} SET DEFAULT {default}")
    for c in ("created_at", "updated_at", "done_at"):
        if c in cols and c not in dict(defaults):
            conn.exec_driver_sql(f"ALTER VIEW {view} ALTER COLUMN {q(c)} SET DEFAULT now()")
    names = ", ".join(q(c) for c in cols)
    values = ", ".join(f"NEW.{q(c)}" for c in cols)
    fn = f"{schema}.{q(table + '_write')}"
    insert = f"INSERT INTO {base} ({names}) VALUES ({values})"
    definer = ""
    if table == "chat_alias":
        # the chat import's insert-or-update (chat_import._remember_aliases: ON CONFLICT, which a view cannot take):
        # an insert through the view updates the alias the group has under that kind and value. It runs as the
        # tables' owner (SECURITY DEFINER): the conflict's key is `value`, which the assistant may not read — and
        # writes nothing the assistant's grants on chat_alias (INSERT, UPDATE, DELETE of every column) would not
        insert += (
            " ON CONFLICT (group_id, kind, value) DO UPDATE SET member_id = EXCLUDED.member_id, shown = EXCLUDED.shown,"
            f" ignored = EXCLUDED.ignored, last_seen = coalesce(EXCLUDED.last_seen, {base}.last_seen)"
        )
        definer = "SECURITY DEFINER "
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql {definer}SET search_path = public, pg_temp AS $fn$
DECLARE sets text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM {base} WHERE id = OLD.id;
    RETURN OLD;
  ELSIF TG_OP = 'INSERT' THEN
    {insert};
    RETURN NEW;
  END IF;
  SELECT string_agg(format('%%I = ($1).%%I', n.key, n.key), ', ') INTO sets
  FROM jsonb_each(to_jsonb(NEW)) AS n WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);
  IF sets IS NOT NULL THEN
    EXECUTE format('UPDATE {base} SET %%s WHERE id = ($2).id', sets) USING NEW, OLD;
  END IF;
  RETURN NEW;
END $fn$"""
    )
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {fn}() TO {assistant}")
    conn.exec_driver_sql(
        f"CREATE TRIGGER {q(table + '_write')} INSTEAD OF INSERT OR UPDATE OR DELETE ON {view}"
        f" FOR EACH ROW EXECUTE FUNCTION {fn}()"
    )
    # the view's grants are the table's: what the assistant may not write on the table (a membership's person or
    # group, a spell's membership) is refused on the view as it was on the table, even with the value it has
    role = group_role(prefix, "assistant")
    rights = ["SELECT"]
    for right in ("INSERT", "DELETE"):
        if conn.execute(
            text("SELECT has_table_privilege(:r, :t, :p)"), {"r": role, "t": f"public.{table}", "p": right}
        ).scalar():
            rights.append(right)
    updatable = [
        c
        for c in cols
        if conn.execute(
            text("SELECT has_column_privilege(:r, :t, :c, 'UPDATE')"), {"r": role, "t": f"public.{table}", "c": c}
        ).scalar()
    ]
    if updatable:
        rights.append(f"UPDATE ({', '.join(q(c) for c in updatable)})")
    conn.exec_driver_sql(f"GRANT {', '.join(rights)} ON {view} TO {assistant}")


def _mask_json_strings_sql(session: Session, prefix: str, mask_text: str) -> str:
    """`<prefix>_masked.mask_json_strings(text)`: an audit summary (JSON, or a sentence) with mask_phones_in applied
    to the value of each free-text key (desktop/services/audit_export.py FREE_TEXT_KEYS, as the Audit dialog masks
    them) — a phone written any way into a note, a name, a group nickname (138-0013-8002) was in the assistant's
    audit view whole: its mask knew only a mainland mobile's eleven digits in a row. Other values (a QQ number, ids,
    amounts) are left: the JSON stays JSON. A sentence is masked as a whole. Returns the name."""
    from desktop.services.audit_export import FREE_TEXT_KEYS

    fn = f"{_ident(session, prefix + '_masked')}.mask_json_strings"
    keys = ", ".join(_literal(session, k) for k in sorted(FREE_TEXT_KEYS))
    string = '"(?:[^"\\\\]|\\\\.)*"'
    session.connection().exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION {fn}(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  out text := '';
  rest text := t;
  piece text;
  key text;
  value text;
  at integer;
  taken integer;
BEGIN
  IF left(ltrim(t), 1) NOT IN ('{{', '[') THEN
    RETURN {mask_text}(t);
  END IF;
  LOOP
    piece := substring(rest from '"[A-Za-z_]+": {string}');
    EXIT WHEN piece IS NULL;
    at := strpos(rest, piece);
    taken := length(piece);
    key := substring(piece from '^"([A-Za-z_]+)"');
    value := substring(piece from '^"[A-Za-z_]+": ({string})$');
    IF key = ANY (ARRAY[{keys}]) THEN
      piece := '"' || key || '": ' || {_masked_text(mask_text, "value")};
    END IF;
    out := out || left(rest, at - 1) || piece;
    rest := substr(rest, at + taken);
  END LOOP;
  RETURN out || rest;
END $fn$"""
    )
    return fn


def _masked_views(session: Session, prefix: str) -> None:
    """The assistant's `member` and `audit_log`: phones masked, writes through INSTEAD OF triggers."""
    from models import AuditEntry, Member

    conn = session.connection()
    q = lambda name: _ident(session, name)  # noqa: E731
    schema = q(f"{prefix}_masked")
    assistant = q(group_role(prefix, "assistant"))
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")

    mask_text = _mask_phones_in_sql(session, prefix)
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {mask_text}(text) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {mask_text}(text) TO {assistant}")
    cols = [c.name for c in Member.__table__.columns]
    hidden = (*MEMBER_FREE_TEXT, *MEMBER_READINGS)

    def shown_column(c: str) -> str:
        if c == "phone":
            return _MASK_SQL.format(c="phone") + " AS phone"
        if c == "wechat_id":  # a WeChat ID that is a phone (no letter in it): an ID proper stays whole, as it matches
            return f"CASE WHEN {q(c)} ~ '[A-Za-z]' THEN {q(c)} ELSE {_masked_text(mask_text, q(c))} END AS {q(c)}"
        if c in hidden:
            return f"{_masked_text(mask_text, q(c))} AS {q(c)}"
        return q(c)

    shown = ", ".join(shown_column(c) for c in cols)
    conn.exec_driver_sql(f"DROP VIEW IF EXISTS {schema}.member")
    conn.exec_driver_sql(f"CREATE VIEW {schema}.member AS SELECT {shown} FROM public.member")
    seq = conn.execute(text("SELECT pg_get_serial_sequence('public.member', 'id')")).scalar()
    if seq:
        conn.exec_driver_sql(
            f"ALTER VIEW {schema}.member ALTER COLUMN id SET DEFAULT nextval({_literal(session, seq)}::regclass)"
        )
    for c in ("created_at", "updated_at"):
        conn.exec_driver_sql(f"ALTER VIEW {schema}.member ALTER COLUMN {q(c)} SET DEFAULT now()")
    names = ", ".join(q(c) for c in cols)
    values = ", ".join(f"NEW.{q(c)}" for c in cols)

    def set_column(c: str) -> str:
        # a value left as the view showed it keeps the stored one (a masked phone, a name with its phone masked)
        if c == "phone" or c in MEMBER_FREE_TEXT:
            return f"{q(c)} = CASE WHEN NEW.{q(c)} IS DISTINCT FROM OLD.{q(c)} THEN NEW.{q(c)} ELSE m.{q(c)} END"
        if c in MEMBER_READINGS:  # written with a new name (the app's); else the stored ones — not the readings of
            # the name as shown, which the app writes when it saves a member whose name it reads masked
            return (
                f"{q(c)} = CASE WHEN NEW.display_name IS DISTINCT FROM OLD.display_name"
                f" AND NEW.{q(c)} IS DISTINCT FROM OLD.{q(c)} THEN NEW.{q(c)} ELSE m.{q(c)} END"
            )
        return f"{q(c)} = NEW.{q(c)}"

    sets = ", ".join(set_column(c) for c in cols if c != "id")
    # a field the assistant sees masked (its stored value holds a phone) is not theirs to change: what they would
    # save is what they saw, the phone lost ("王五 138****" written over "王五 13800138002")
    changed_hidden = " OR ".join(
        f"(NEW.{q(c)} IS DISTINCT FROM OLD.{q(c)} AND OLD.{q(c)} IS DISTINCT FROM s.{q(c)}"
        f" AND NEW.{q(c)} IS DISTINCT FROM s.{q(c)})"  # the stored value itself (an import's file holds it): no change
        for c in MEMBER_FREE_TEXT
    )
    fn = f"{schema}.member_write"
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'permission denied: an assistant cannot delete members' USING ERRCODE = '42501';
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO public.member AS m ({names}) VALUES ({values});
    RETURN NEW;
  END IF;
  IF NEW.deleted_at IS DISTINCT FROM OLD.deleted_at OR NEW.merged_into_id IS DISTINCT FROM OLD.merged_into_id THEN
    RAISE EXCEPTION 'permission denied: an assistant cannot delete or merge members' USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM public.member s WHERE s.id = OLD.id AND ({changed_hidden})) THEN
    RAISE EXCEPTION 'permission denied: an assistant cannot change a field holding a phone number they cannot see'
      USING ERRCODE = '42501';
  END IF;
  UPDATE public.member AS m SET {sets} WHERE m.id = OLD.id;
  RETURN NEW;
END $fn$"""
    )
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC")
    conn.exec_driver_sql(
        f"CREATE TRIGGER member_write INSTEAD OF INSERT OR UPDATE OR DELETE ON {schema}.member FOR EACH ROW EXECUTE FUNCTION {fn}()"
    )
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON {schema}.member TO {assistant}")

    for table in MASKED_FREE_TEXT:
        _masked_writable(session, prefix, mask_text, table)
    for table, (key, source, columns) in MASKED_GRAMS.items():
        holds = " OR ".join(f"{_masked_text(mask_text, 's.' + q(c))} IS DISTINCT FROM s.{q(c)}" for c in columns)
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {schema}.{q(table)}")
        conn.exec_driver_sql(
            f"CREATE VIEW {schema}.{q(table)} WITH (security_barrier) AS SELECT g.* FROM public.{q(table)} g WHERE g.gram !~ '[0-9０-９]'"
            f" OR NOT EXISTS (SELECT 1 FROM public.{q(source)} s WHERE s.id = g.{q(key)} AND ({holds}))"
        )
        conn.exec_driver_sql(f"GRANT SELECT ON {schema}.{q(table)} TO {assistant}")

    acols = [c.name for c in AuditEntry.__table__.columns]
    json_text = _mask_json_strings_sql(session, prefix, mask_text)
    summary = f"{json_text}({_masked_summary_sql('summary')}) AS summary"
    shown = ", ".join(summary if c == "summary" else q(c) for c in acols)
    conn.exec_driver_sql(f"DROP VIEW IF EXISTS {schema}.audit_log")
    conn.exec_driver_sql(f"CREATE VIEW {schema}.audit_log AS SELECT {shown} FROM public.audit_log")
    seq = conn.execute(text("SELECT pg_get_serial_sequence('public.audit_log', 'id')")).scalar()
    if seq:
        conn.exec_driver_sql(
            f"ALTER VIEW {schema}.audit_log ALTER COLUMN id SET DEFAULT nextval({_literal(session, seq)}::regclass)"
        )
    anames = ", ".join(q(c) for c in acols if c != "id")
    avalues = ", ".join(f"NEW.{q(c)}" for c in acols if c != "id")
    afn = f"{schema}.audit_append"
    conn.exec_driver_sql(
        f"""
CREATE OR REPLACE FUNCTION {afn}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $fn$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'permission denied: the audit log is append-only' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.audit_log ({anames}) VALUES ({avalues});
  RETURN NEW;
END $fn$"""
    )
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {afn}() FROM PUBLIC")
    conn.exec_driver_sql(
        f"CREATE TRIGGER audit_append INSTEAD OF INSERT OR UPDATE OR DELETE ON {schema}.audit_log FOR EACH ROW EXECUTE FUNCTION {afn}()"
    )
    conn.exec_driver_sql(f"GRANT SELECT, INSERT ON {schema}.audit_log TO {assistant}")


# numbers looked up that show as a member's masked phone (138****8000) but are other numbers (they differ only in
# the hidden digits) are guesses at that member's phone: once more than this many numbers of one masked form were
# looked up by one login on one day (UTC's; the member's own number besides), the lookup answers that login nothing
# for that masked form until the next day. Until GRANTS_VERSION 7 the count was of every number ever looked up, by
# every login together, and nothing reset it: a member whose masked form five numbers of real files had shared (typos
# in the hidden digits, an old number) was never found by phone again by any assistant — each later import of them a
# problem row, or a second person. A day's limit keeps a guesser to three a day at one phone (10,000 middles). A real file's numbers almost never look like a member's without being it (a typo in the hidden
# digits, two members whose phones mask alike); finding a phone by trying its 10,000 hidden middles is stopped after
# three — also when the assistant first adds members with the guessed numbers (a number of a member counts too)
PHONE_GUESSES = 3
# how long a lookup's registration is kept (days before today, UTC's): the limit reads today's only; a week lets the
# owner see with psql which login tried which masked forms lately (no assistant reads them). Older ones went on
# growing with every import, forever — and a registration is the number in all but name (its masked form leaves
# 10,000 middles, its SHA-256 tells which one). Each lookup deletes those older than this (GRANTS_VERSION 8), of
# every login, skipping rows another transaction holds (a long import's lookup blocks no other assistant's)
PHONE_LOOKUP_KEEP_DAYS = 7


def _phone_lookup(session: Session, prefix: str) -> None:
    """`<prefix>_masked.members_by_phone(phones)`: the ids of the members whose stored phone is one of `phones`
    (numbers the assistant holds in full: the file they import, the phone typed in the member dialog), for an
    assistant's login, which reads phones masked. Without it an assistant's import planned a row matched only by
    its phone as a new person (a duplicate, whose later check-ins split between two records), and the member dialog
    warned of no duplicate phone.

    The limits (docs/architecture.md, "Roles on the server"): it returns ids, never a phone the caller did not give;
    a number is answered only once this login's lookup of it today was registered in an earlier, committed
    transaction (the function registers every number it is asked; the app calls it twice, `members_by_phone`), and a
    number whose masked form is a member's is answered only while this login looked up at most PHONE_GUESSES + 1
    numbers of that masked form today (UTC's day) — so a login cannot find a member's phone by trying the 10,000
    middles of 138****8000 (three wrong ones a day), not by rolling its guesses back, nor by adding members with the
    guessed numbers first; and a form refused today is answered again tomorrow. Until then a pending or refused
    number returns (phone, NULL) whether it matches or not. The same number asked again the same day is not counted
    again: a `--dry-run` import's lookups count as the import's (its preview matches rows by phone as the import will;
    a lookup that answered without counting would be a guesser's free oracle, as the server cannot tell a dry run
    from any other), and the import that follows costs nothing more. The registrations (`phone_lookup`: a row per
    login, day and number) hold a SHA-256 of each number, its masked form, the login, when and the registering
    transaction (one visible with another transaction's id was committed): no assistant reads them; they are kept
    PHONE_LOOKUP_KEEP_DAYS days, each lookup deleting older ones."""
    conn = session.connection()
    q = lambda name: _ident(session, name)  # noqa: E731
    schema = q(f"{prefix}_masked")
    assistant = q(group_role(prefix, "assistant"))
    run = conn.exec_driver_sql
    table = f"{schema}.phone_lookup"
    run(
        f"CREATE TABLE IF NOT EXISTS {table} (digest text NOT NULL, mask text NOT NULL,"
        " login name NOT NULL, at timestamptz NOT NULL, tx bigint NOT NULL, day date NOT NULL)"
    )
    # a table of GRANTS_VERSION 5-6 (one registration per number, ever): a registration per login and day now, its
    # old rows kept with the day they were made
    run(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS day date")
    run(f"UPDATE {table} SET day = (at AT TIME ZONE 'UTC')::date WHERE day IS NULL")
    run(f"ALTER TABLE {table} ALTER COLUMN day SET NOT NULL")
    run(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS phone_lookup_pkey")
    run(f"DROP INDEX IF EXISTS {schema}.phone_lookup_mask")
    run(f"CREATE UNIQUE INDEX IF NOT EXISTS phone_lookup_once ON {table} (login, day, digest)")
    run(f"CREATE INDEX IF NOT EXISTS phone_lookup_tried ON {table} (login, day, mask)")
    run(f"CREATE INDEX IF NOT EXISTS phone_lookup_day ON {table} (day)")  # the pruning's (PHONE_LOOKUP_KEEP_DAYS)
    run(f"REVOKE ALL ON {table} FROM PUBLIC, {assistant}")
    digest = "encode(sha256(convert_to({c}, 'UTF8')), 'hex')"
    # the day of the limit: UTC's, whatever time zone the caller's session sets (SET TIME ZONE moved current_date
    # back or forward: two or three "days" at once)
    today = "(now() AT TIME ZONE 'UTC')::date"
    fn = f"{schema}.members_by_phone"
    run(
        f"""
CREATE OR REPLACE FUNCTION {fn}(phones text[]) RETURNS TABLE(phone text, member_id integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  DELETE FROM {schema}.phone_lookup WHERE ctid = ANY(ARRAY(
    SELECT o.ctid FROM {schema}.phone_lookup o WHERE o.day < {today} - {PHONE_LOOKUP_KEEP_DAYS}
    FOR UPDATE SKIP LOCKED));
  INSERT INTO {schema}.phone_lookup AS l (digest, mask, login, at, tx, day)
    SELECT DISTINCT {digest.format(c="p")}, {_MASK_SQL.format(c="p")}, session_user, now(), txid_current(), {today}
    FROM unnest(phones) AS p WHERE p IS NOT NULL AND p <> ''
  ON CONFLICT (login, day, digest) DO NOTHING;
  RETURN QUERY
  WITH asked AS (
    SELECT DISTINCT p AS phone, {digest.format(c="p")} AS digest, {_MASK_SQL.format(c="p")} AS mask
    FROM unnest(phones) AS p WHERE p IS NOT NULL AND p <> ''
  ), holders AS (
    SELECT m.id, {digest.format(c="m.phone")} AS digest, {_MASK_SQL.format(c="m.phone")} AS mask
    FROM public.member m
    WHERE m.phone IS NOT NULL AND {_MASK_SQL.format(c="m.phone")} IN (SELECT a.mask FROM asked a)
  ), tried AS (
    SELECT l.mask, count(*) AS n FROM {schema}.phone_lookup l
    WHERE l.login = session_user AND l.day = {today} AND l.mask IN (SELECT h.mask FROM holders h) GROUP BY l.mask
  ), answered AS (
    SELECT a.* FROM asked a
    JOIN {schema}.phone_lookup l ON l.digest = a.digest AND l.login = session_user AND l.day = {today}
    LEFT JOIN tried t ON t.mask = a.mask
    WHERE l.tx <> txid_current() AND coalesce(t.n, 0) <= {PHONE_GUESSES + 1}
  )
  SELECT a.phone, h.id FROM answered a JOIN holders h ON h.digest = a.digest
  UNION ALL
  SELECT a.phone, NULL::integer FROM asked a WHERE a.digest NOT IN (SELECT x.digest FROM answered x);
END $fn$"""
    )
    run(f"REVOKE ALL ON FUNCTION {fn}(text[]) FROM PUBLIC")
    run(f"GRANT EXECUTE ON FUNCTION {fn}(text[]) TO {assistant}")


# ---------------------------------------------------------------------------------------------------------------
# logins


def login_operator(session: Session) -> Operator:
    """The operator whose login this connection uses (team mode). Raises SignInFailed."""
    me = session.connection().execute(text("SELECT current_user")).scalar_one()
    op = session.scalars(select(Operator).where(Operator.login == me, Operator.active.is_(True))).first()
    if op is None:
        raise SignInFailed(
            f"登录名 {me} 不是这个工作区的操作员 (the database login {me!r} is not an operator of this workspace; the "
            "owner adds it with `qundesk operator add`)"
        )
    return op


def _may_manage_logins(session: Session) -> None:
    """Creating, dropping or setting the password of another's server login needs a login that may create roles
    (CREATEROLE: the one that ran team init, or a superuser). An owner added later by `operator add` is in the owner
    group, whose rights on the tables are everything, but role attributes are not inherited: their `operator add`,
    `passwd` of someone else and `remove` were refused by the server as a raw error (in the window a bug report
    showing the statement, a password's SCRAM verifier in it). Now refused by name, before anything is written."""
    conn = session.connection()
    me = conn.execute(text("SELECT current_user")).scalar_one()
    can = conn.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    if not can:
        raise PermissionDenied(
            f"登录名 {me} 不能在服务器上创建、删除或修改别人的登录; 请用运行 team init 的登录 (数据库所有者) 管理操作员 "
            f"(the database login {me} may not create, drop or change other logins on the server: manage operators "
            "with the login that ran `qundesk team init`, the database owner's)"
        )


def create_login(session: Session, op: Operator, password: str, login: str | None = None) -> str:
    """Create the operator's server login in their role's group (and, for an assistant, the search path that
    shows them the masked views). Returns the login."""
    prefix = prefix_of(session)
    if prefix is None:
        raise ValidationError("team", "团队角色还没有设置: 先运行 qundesk team init (run `qundesk team init` first)")
    login = _check_login(login or default_login(op.name))
    _may_manage_logins(session)
    conn = session.connection()
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
        raise ValidationError(
            "login",
            f"服务器上已有登录名 {login}, 请用 --login 换一个 (the server already has a login {login}: choose another with --login)",
        )
    group = _ident(session, group_role(prefix, op.role))
    conn.exec_driver_sql(
        f"CREATE ROLE {_ident(session, login)} LOGIN PASSWORD {_literal(session, scram_verifier(password))} IN ROLE {group}"
    )
    _set_search_path(session, prefix, op.role, login)
    op.login = login
    return login


def _set_search_path(session: Session, prefix: str, role: str, login: str) -> None:
    conn = session.connection()
    if role == "assistant":
        path = f"{_ident(session, prefix + '_masked')}, public"
        conn.exec_driver_sql(f"ALTER ROLE {_ident(session, login)} SET search_path = {path}")
    else:
        conn.exec_driver_sql(f"ALTER ROLE {_ident(session, login)} RESET search_path")


def set_login_password(session: Session, op: Operator, password: str) -> None:
    if op.login is None:
        raise NotFound(f"操作员「{op.name}」没有服务器登录名 (operator {op.name!r} has no server login)")
    if op.login != session.connection().execute(text("SELECT current_user")).scalar_one():  # one's own: anyone may
        _may_manage_logins(session)
    session.connection().exec_driver_sql(
        f"ALTER ROLE {_ident(session, op.login)} PASSWORD {_literal(session, scram_verifier(password))}"
    )


def drop_login(session: Session, op: Operator) -> None:
    if op.login is None:
        return
    _may_manage_logins(session)
    conn = session.connection()
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": op.login}).scalar():
        conn.exec_driver_sql(f"DROP ROLE {_ident(session, op.login)}")
    op.login = None
