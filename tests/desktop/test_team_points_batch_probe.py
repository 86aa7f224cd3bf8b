"""Team mode: an assistant on their own PostgreSQL login gives several members one adjustment (the batch's first
entry read back through the masked view) and undoes it in one step; the owner's batch is not theirs to undo."""

from __future__ import annotations

from datetime import date, datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.errors import PermissionDenied
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.points import adjust_points_batch, balance, undo_adjustment_batch
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import kept

ASSISTANT, ASSISTANT_PW = "probe_batch_asst", "assist-pw-78"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 11, 1)))[1]
            for n in ("张三", "李四", "王五")
        ]
        owners = adjust_points_batch(s, owner, gid, ids, 10, "群主奖励", date(2026, 11, 10))
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url, gid, ids, owners.head_id
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_an_assistant_gives_and_undoes_a_batch_on_their_login(team):
    url, gid, ids, owners_batch = team
    login = make_url(url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)
    database = open_workspace(login)
    try:
        assistant = actor_for(database)
        with database.session() as s:
            mine = adjust_points_batch(s, assistant, gid, ids[:2], 5, "线下聚会到场", date(2026, 11, 16))
            s.commit()
            assert [balance(s, m) for m in ids] == [15, 15, 10]
            with pytest.raises(PermissionDenied):
                undo_adjustment_batch(s, assistant, owners_batch)
            s.rollback()
            assert undo_adjustment_batch(s, assistant, mine.head_id) == 2
            s.commit()
            assert [balance(s, m) for m in ids] == [10, 10, 10]
    finally:
        database.dispose()
    database = open_workspace(url)
    try:
        with database.session() as s:
            assert kept.drift(s.connection()) == []
    finally:
        database.dispose()
