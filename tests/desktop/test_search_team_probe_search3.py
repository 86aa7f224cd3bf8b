"""Team mode (probe search3): an assistant's login reads the audit through its masked view; a member the owner renamed
last week is found by the old name with the assistant's login too, and the assistant's sort by WeChat ID orders the
IDs the view masks (138****) by what it shows."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import (
    MemberInput,
    RosterQuery,
    add_member,
    get_member_input,
    search_roster,
    update_member,
)
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace

ASSISTANT, ASSISTANT_PW = "probe_search3_asst", "assist-pw-77"


def _url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "一期")
        _mid, ms = add_member(s, owner, g, MemberInput(display_name="陈大文", joined_at=datetime(2026, 11, 1)))
        update_member(s, owner, ms, MemberInput(**{**get_member_input(s, ms).__dict__, "display_name": "陈文"}))
        for name, wid in [("丙", "13899999999"), ("甲", "13800000000"), ("乙", "13855555555")]:
            add_member(s, owner, g, MemberInput(display_name=name, wechat_id=wid, joined_at=datetime(2026, 11, 1)))
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_an_assistants_login_finds_the_renamed_member_and_sorts_ids_as_shown(team):
    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        with database.session() as s:
            found = search_roster(s, RosterQuery(text="陈大文", phones_hidden=True))
            assert [(r.display_name, r.formerly) for r in found] == [("陈文", "陈大文")]
            q = RosterQuery(sort="wechat_id", phones_hidden=True)
            names = "".join(r.display_name for r in search_roster(s, q) if r.display_name in "甲乙丙")
            assert names == "丙甲乙"
    finally:
        database.dispose()
