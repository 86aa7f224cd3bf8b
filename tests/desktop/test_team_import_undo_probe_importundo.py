"""Team mode (probe importundo): an import's undo through the PostgreSQL server's grants. An assistant on their own
login imports a roster and a check-in sheet into the wrong group and undoes each: the check-ins, step records and
tag links go, the memberships stay (an assistant may not delete members: said), the values it changed stay (their
old values — a phone among them — are not the assistant's to read: said), and their login cannot read those values
with psql either; the owner's login then undoes the rest. An assistant may not undo the owner's import."""

from __future__ import annotations

from datetime import date, datetime

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.errors import PermissionDenied
from desktop.services.checkin_import import run_checkin_import
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.import_undo import undo_last_import
from desktop.services.imports import run_import
from desktop.services.operators import add_operator
from desktop.services.points import recompute_preview
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Membership, kept
from tests.desktop.test_import_undo_probe_importundo import checkin_xlsx, roster_xlsx

ASSISTANT, ASSISTANT_PW = "probe_importundo_asst", "assist-pw-96"
TODAY = date(2026, 12, 10)
JOINED = datetime(2026, 11, 1, 12, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        create_group(s, owner, "早起营")
        books = create_group(s, owner, "读书会")
        _, wang = add_member(
            s, owner, books, MemberInput("王芳", nickname="芳芳", wechat_id="wangfang88", joined_at=JOINED)
        )
        _, zhao = add_member(s, owner, books, MemberInput("赵磊", wechat_id="zhaolei", joined_at=JOINED))
        record_checkins(s, owner, books, date(2026, 12, 1), [wang, zhao])
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url, books
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def _login(url: str) -> str:
    return make_url(url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)


def test_an_assistant_undoes_their_imports_on_their_login_and_the_owner_the_rest(team, tmp_path):
    url, books = team
    database = open_workspace(_login(url))
    try:
        assistant = actor_for(database)
        with database.session() as s:
            before_ms = s.scalar(select(Membership.id).order_by(Membership.id.desc()).limit(1))
            before_checkins = len(s.scalars(select(CheckIn.id)).all())
        # a check-in sheet into the wrong group, undone by the assistant: the check-ins and the leave go
        _plan, summary = run_checkin_import(database, assistant, checkin_xlsx(tmp_path / "打卡.xlsx"), "读书会")
        assert summary is not None and summary.logged > 0
        with database.session() as s:
            result = undo_last_import(s, assistant, books)
            s.commit()
            assert (result.checkins, result.leaves, result.kept) == (summary.logged, 1, [])
            assert len(s.scalars(select(CheckIn.id)).all()) == before_checkins
            assert recompute_preview(s, books) == []
        # a roster into the wrong group: the assistant's undo leaves the members and the changed values, said
        _plan, rsummary, _created = run_import(
            database, assistant, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster"
        )
        assert rsummary is not None and rsummary.added == 3
        with database.session() as s:
            result = undo_last_import(s, assistant, books)
            s.commit()
            said = {k.who: str(k) for k in result.kept}
            assert all("assistant may not delete members" in said[n] for n in ("新人乙", "新人甲", "李雷"))
            assert "assistant may not restore them" in said["王芳"]
    finally:
        database.dispose()
    # their login cannot read what an import changed (the old phone) with psql either
    u = make_url(url)
    dsn = f"host={u.host} port={u.port} dbname={u.database} user={ASSISTANT} password={ASSISTANT_PW}"
    with psycopg.connect(dsn) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT before FROM import_item").fetchall()
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM import_run").fetchall()
    # the owner's own import into the wrong group: the assistant is refused, the owner takes it back
    owner_db = open_workspace(url)
    try:
        owner = actor_for(owner_db)
        run_import(owner_db, owner, roster_xlsx(tmp_path / "名册2.xlsx"), "早起营", "roster")
    finally:
        owner_db.dispose()
    database = open_workspace(_login(url))
    try:
        with database.session() as s:
            gid = s.scalar(select(Membership.group_id).where(Membership.group_id != books).limit(1))
            with pytest.raises(PermissionDenied):
                undo_last_import(s, actor_for(database), gid)
    finally:
        database.dispose()
    owner_db = open_workspace(url)
    try:
        owner = actor_for(owner_db)
        with owner_db.session() as s:
            result = undo_last_import(s, owner, gid)
            s.commit()
            assert result.kept == [] and len(result.removed_memberships) == 4
            assert s.scalar(select(Membership.id).where(Membership.group_id == gid).limit(1)) is None
            assert recompute_preview(s, gid) == [] and recompute_preview(s, books) == []
            assert kept.drift(s.connection()) == []
            assert before_ms is not None
    finally:
        owner_db.dispose()
