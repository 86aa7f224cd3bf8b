"""Grant fixes reach existing team databases: `apply_grants` records the version of the grants it gave
(team_roles.GRANTS_VERSION), and the tables' owner opening a database with older grants gives them again. Before,
grants were given again only after a schema migration, so a grants-only fix (an assistant's tag rename, a chat
import that names its group, a join-date correction — each refused by the server) reached no existing team
database until someone thought of running `team init` again."""

from __future__ import annotations

import hashlib
import re

import psycopg
import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.team_roles import GRANTS_SETTING, GRANTS_VERSION, apply_grants, group_role, team_init
from desktop.workspace import actor_for, open_workspace
from models import WorkspaceSetting

ASSISTANT_PW = "assist-pw-1"

# the statements apply_grants runs, by GRANTS_VERSION (the prefix and database name taken out): a change of the
# grants without a new version would reach no existing team database — raise GRANTS_VERSION and record it here
RECORDED = {
    2: "ae58a71b46060923c35e02e6bc63816b5f125d35215d600cdec84027f10b2513",
    # 3: no UPDATE of membership's kept values for an assistant, a new membership's refused unless empty, and
    # EXECUTE of kept_refresh (migration 0019); a fact naming a member of another group refused; the guards run
    # for assistant logins only (their WHEN); an assistant's facts name the assistant as their recorder; an
    # activity's group fixed; attendance.leave_excused (migration 0020) in an assistant's column grants
    3: "99ec0571661c14381483cd27328bd49d276ee628c540670ad854cc14a1d15f76",
    # 4: the rules' history (setting_history, migration 0021): the admin's writes, the assistant's reads
    4: "3c97cf3a0fc4008ea862a7024591f35ec2539e942bf6f10747e96b2c155b6d1f",
    # 5: the assistant's lookup of members by the phones they hold (members_by_phone, its registrations; migration
    # 0022_teamimp); a phone in a name, nickname, WeChat ID or note masked in the member view, unchanged if shown masked
    5: "7d918664973f61cad640664a36989195f129c9a38b495ebba4cc2b122fe38761",
    # 6: the tiers' history (tier_history, migration 0023): the admin's writes, the assistant's reads and inserts
    # (an assistant changes tiers: edit_members)
    6: "f3610c5fef93b01e005db9cc045f6b965f181567289a2dd29bfb6c41d25d2d5b",
    # 7: the free text an assistant read whole (a leave's reason, a violation's note, an activity's title, place and
    # hosts, a share's title, a ledger entry's reason, a chat export's file name, the nicknames chat exports showed)
    # through masking views, the chat aliases' insert-or-update through the view's trigger; the phone lookup's limit
    # per login and day (phone_lookup.day, its key (login, day, digest))
    7: "16ae2f0572e0e77b0a0258f466a8b53c3dfb3b32787407d0ce42d5d69ff5671f",
    # 8: the phone lookup deletes registrations older than PHONE_LOOKUP_KEEP_DAYS (a week), of every login, skipping
    # rows another transaction holds; an index on their day
    8: "e515ca152b8cb52ef0402028b00a86f35b1021be56616d4ee81c68f1263a65a1",
    # 9: an import's record (import_run, import_item; migration 0026): an assistant's imports write it, their undo
    # reads it and marks it undone, never the old and new values of what an import changed (a phone among them)
    9: "32daf6be0c2ffaa608508d66a6ddc857fce9287bbd3dc5085b3361acc088eca4",
}


def _dsn(url: str, login: str, password: str) -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


@pytest.fixture
def team(pg_url, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        create_group(s, owner, "早起打卡营")
        prefix = team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW)
        s.commit()
    database.dispose()
    yield pg_url, prefix
    with psycopg.connect(_dsn(pg_url, "postgres", ""), autocommit=True) as conn:
        conn.execute('DROP ROLE IF EXISTS "xiaozhuli"')


def test_the_grants_of_this_version_are_the_recorded_ones(team):
    url, prefix = team
    database = open_workspace(url)
    seen: list[str] = []
    with database.session() as s:
        conn = s.connection()
        name = conn.exec_driver_sql("SELECT current_database()").scalar_one()

        def record(_conn, _cursor, statement, _params, _context, _many):
            seen.append(re.sub(r"\s+", " ", statement.replace(prefix, "PREFIX").replace(name, "DB")).strip())

        event.listen(conn, "before_cursor_execute", record)
        apply_grants(s, prefix)
        event.remove(conn, "before_cursor_execute", record)
        s.rollback()
    database.dispose()
    digest = hashlib.sha256("\n".join(seen).encode()).hexdigest()
    assert digest == RECORDED[GRANTS_VERSION], (
        f"apply_grants runs other statements than version {GRANTS_VERSION} did: raise team_roles.GRANTS_VERSION "
        f"and record {digest} for it here"
    )


def test_the_tables_owner_opening_a_database_with_older_grants_gives_them_again(team):
    url, prefix = team
    assistant = group_role(prefix, "assistant")
    with psycopg.connect(_dsn(url, "postgres", ""), autocommit=True) as conn:
        # a database granted by an older version: no UPDATE of a tag for an assistant, and its version stored
        conn.execute(f'REVOKE UPDATE (name, color) ON tag FROM "{assistant}"')
        conn.execute("UPDATE workspace_setting SET value = '1' WHERE key = %s", (GRANTS_SETTING,))
        conn.execute("INSERT INTO tag (name, color) VALUES ('老会员', '#5B8FF9')")
    open_workspace(url).dispose()  # the owner (the suite's login, who created the tables) opens it

    def rename(login: str, password: str) -> None:
        with psycopg.connect(_dsn(url, login, password), autocommit=True) as conn:
            conn.execute("UPDATE tag SET name = '老朋友' WHERE name = '老会员'")

    # the owner's open above gave the grants again: the assistant renames the tag
    rename("xiaozhuli", ASSISTANT_PW)
    database = open_workspace(url)
    with database.session() as s:
        stored = s.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == GRANTS_SETTING))
    database.dispose()
    assert stored == str(GRANTS_VERSION)


def test_another_login_opens_a_database_with_older_grants_as_it_is(team):
    """Only the tables' owner may grant: an assistant's open leaves the grants and the stored version alone."""
    url, _prefix = team
    with psycopg.connect(_dsn(url, "postgres", ""), autocommit=True) as conn:
        conn.execute("UPDATE workspace_setting SET value = '1' WHERE key = %s", (GRANTS_SETTING,))
    u = make_url(url).set(username="xiaozhuli", password=ASSISTANT_PW).render_as_string(hide_password=False)
    database = open_workspace(u)
    database.dispose()
    with psycopg.connect(_dsn(url, "postgres", ""), autocommit=True) as conn:
        stored = conn.execute("SELECT value FROM workspace_setting WHERE key = %s", (GRANTS_SETTING,)).fetchone()[0]
    assert stored == "1"
