"""Team mode: an assistant on their own PostgreSQL login undoes their own points adjustment through the service (the
reversing entry passes the server's guards) and is refused another operator's; the reason written stays masked to
them."""

from __future__ import annotations

from datetime import date, datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.errors import PermissionDenied
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.points import adjust_points, balance, recompute_preview, undo_adjustment
from desktop.services.points_queries import ledger_of
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace

ASSISTANT, ASSISTANT_PW = "probe_undo_asst", "assist-pw-77"
PHONE = "13800138000"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        _mid, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 11, 1)))
        adjust_points(s, owner, ms, 30, "群主奖励", date(2026, 11, 10))
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url, gid, ms
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_an_assistant_undoes_their_own_adjustment_on_their_login_and_not_the_owners(team):
    url, gid, ms = team
    login = make_url(url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)
    database = open_workspace(login)
    try:
        assistant = actor_for(database)
        with database.session() as s:
            adjust_points(s, assistant, ms, 5, f"帮忙拉群，联系{PHONE}", date(2026, 11, 16))
            s.commit()
            owners, own = (
                next(e for e in ledger_of(s, ms) if e.points == pts and e.source_kind == "manual") for pts in (30, 5)
            )
            with pytest.raises(PermissionDenied):
                undo_adjustment(s, assistant, owners.id)
            s.rollback()
            assert undo_adjustment(s, assistant, own.id) == 5
            s.commit()
            undo = ledger_of(s, ms)[0]
            assert (undo.points, undo.reverses_id, undo.day) == (-5, own.id, date(2026, 11, 16))
            assert PHONE not in undo.reason
            assert balance(s, ms) == 30
            assert recompute_preview(s, gid) == []
    finally:
        database.dispose()
