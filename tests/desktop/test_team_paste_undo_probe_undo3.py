"""Team mode (probe undo3): an assistant on their own PostgreSQL login pastes a chain into the wrong group, adding a
newcomer there, and undoes it (paste.undo_paste through the server's grants): the check-ins go, the newcomer stays
(an assistant may not delete members: said), and the group's boards, read on that login, list nobody for the undone
check-ins."""

from __future__ import annotations

from datetime import date, datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.services.checkins import checkins_on, record_checkins
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.paste import UNDONE, PlannedCheckin, certain_plan, commit_paste, preview_paste, undo_paste
from desktop.services.points import leaderboard, recompute_preview
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Progress
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import kept

ASSISTANT, ASSISTANT_PW = "probe_undo3_asst", "assist-pw-83"
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        early = create_group(s, owner, "早起营")
        books = create_group(s, owner, "读书会")
        add_member(s, owner, early, MemberInput(display_name="王芳", joined_at=datetime(2026, 10, 1)))
        _, reader = add_member(s, owner, books, MemberInput(display_name="王芳", joined_at=datetime(2026, 10, 1)))
        _, other = add_member(s, owner, books, MemberInput(display_name="赵磊", joined_at=datetime(2026, 10, 1)))
        record_checkins(s, owner, books, date(2026, 11, 19), [other])  # 赵磊 +1: on the boards before and after
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url, books, reader
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_an_assistant_undoes_a_paste_into_the_wrong_group_on_their_login(team):
    url, books, reader = team
    login = make_url(url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)
    database = open_workspace(login)
    try:
        assistant = actor_for(database)
        with database.session() as s:
            plan = certain_plan(preview_paste(s, books, TODAY, "#接龙 早起打卡\n1. 王芳 6:01\n").matches)
        plan.append(PlannedCheckin(None, TODAY, None, False, "新人小周"))
        outcome = commit_paste(Progress(), database=database, actor=assistant, group_id=books, day=TODAY, planned=plan)
        assert len(outcome.logged) == 2 and outcome.logged_at is not None
        with database.session() as s:
            result = undo_paste(
                s, assistant, books, outcome.logged, logged_at=outcome.logged_at, added=outcome.new_membership_ids
            )
            s.commit()
            assert [x.kind for x in result.lines] == [UNDONE, UNDONE]
            assert result.removed == () and result.stayed == (("新人小周", "not_allowed"),)
            assert [r.display_name for r in checkins_on(s, books, TODAY)] == []
            month = leaderboard(s, books, start=date(2026, 11, 1), end=date(2026, 11, 30))
            assert [(r.display_name, r.points) for r in month] == [("赵磊", 1)]
            assert [(r.display_name, r.points) for r in leaderboard(s, books)] == [("赵磊", 1)]
            assert recompute_preview(s, books) == []
    finally:
        database.dispose()
    owner_db = open_workspace(url)
    try:
        with owner_db.session() as s:
            assert kept.drift(s.connection()) == []
    finally:
        owner_db.dispose()
