"""Name search by pieces (models/search.py, issue 13): the roster's "part of a name" finds exactly the people whose
name, nickname or group nickname contains the text — checked against a brute-force substring test over a corpus
of the names people really have (Chinese, Latin in mixed case, emoji, full-width letters, spaces, punctuation,
LIKE's own wildcards) — and the pieces stay true after every kind of write, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from sqlalchemy import String, delete, select, update

from desktop.services.groups import create_group
from desktop.services.members import merge_members
from desktop.services.roster import MemberInput, add_member, update_member
from models import Member, Membership, search
from models.queries.roster import RosterQuery, roster_matches

JOINED = datetime(2026, 10, 1, 9, 0)

NAMES = [
    ("张三", None, "早起-张三"),
    ("张三丰", "太极", None),
    ("李小龙", "Bruce Lee", "截拳道🥋"),
    ("Amy Wang", "amy", "AMY@北京"),
    ("王_5%", "百分之百", "王\\5"),
    ("🌟小星星", "Star⭐", None),
    ("ＡＢＣ全角", None, "全角ＡＢＣ"),
    ("欧阳娜娜", "NaNa", "娜娜 2班"),
    ("O'Brien", "obrien", None),
    ("Élodie", "élodie", "ÉLODIE"),
    ("Zhang San", "zs", "张 三"),
    ("陈一二三四五六七八九十", "长长的昵称一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十"),
]
TERMS = [
    "张",
    "张三",
    "三丰",
    "amy",
    "AMY",
    "Amy W",
    "my wa",
    "_",
    "%",
    "\\",
    "王_5",
    "🌟",
    "星星",
    "⭐",
    "ＡＢＣ",
    "abc",
    "娜娜 2",
    "o'b",
    "élodie",
    "ÉLODIE",
    "É",
    "一二三四五六七八九十一",
    "四五六七八九十",
    "九十一二",
    "不存在的人",
    "Lee",
    "拳道🥋",
]


def _fold(s: str | None) -> str:
    return search.fold(s or "")


def _expected_people(names: dict[int, tuple[str, str | None]], term: str) -> set[int]:
    t = _fold(term)
    return {mid for mid, (dn, nn) in names.items() if t in _fold(dn) or t in _fold(nn)}


def _expected_memberships(nicks: dict[int, str | None], term: str) -> set[int]:
    t = _fold(term)
    return {ms for ms, gn in nicks.items() if gn and t in _fold(gn)}


def _names(s) -> tuple[dict[int, tuple[str, str | None]], dict[int, str | None]]:
    people = {r[0]: (r[1], r[2]) for r in s.execute(select(Member.id, Member.display_name, Member.nickname))}
    nicks = {r[0]: r[1] for r in s.execute(select(Membership.id, Membership.group_nickname))}
    return people, nicks


def _check_every_term(s, terms) -> None:
    people, nicks = _names(s)
    for term in terms:
        got = set(s.scalars(search.people_named(term)))
        assert got == _expected_people(people, term), term
        got_ms = set(s.scalars(search.memberships_nicknamed(term)))
        assert got_ms == _expected_memberships(nicks, term), term


def _no_drift(s) -> None:
    assert search.drift(s.connection()) == []


@pytest.fixture
def named(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "早起营")
        g2 = create_group(s, owner, "读书会")
        ids = {}
        for i, (dn, nn, gn) in enumerate(NAMES):
            ids[dn] = add_member(
                s,
                owner,
                g if i % 2 else g2,
                MemberInput(display_name=dn, nickname=nn, group_nickname=gn, joined_at=JOINED),
            )
        s.commit()
    return g, g2, ids


def test_each_search_finds_exactly_the_names_that_contain_it(workspace, named):
    with workspace.session() as s:
        _no_drift(s)
        _check_every_term(s, TERMS)
        # in the roster: the people by name and the rows by group nickname, whatever the case of ASCII letters
        found = roster_matches(s, RosterQuery(text="AMY")).membership_ids
        assert found == [named[2]["Amy Wang"][1]]
        assert roster_matches(s, RosterQuery(text="amy")).membership_ids == found
        # LIKE's wildcards are plain characters: '%' finds the one name with a percent sign, not everybody
        assert roster_matches(s, RosterQuery(text="%")).membership_ids == [named[2]["王_5%"][1]]
        assert roster_matches(s, RosterQuery(text="_")).membership_ids == [named[2]["王_5%"][1]]
        # a group nickname finds that membership, not the person's other rows
        assert roster_matches(s, RosterQuery(text="截拳道")).membership_ids == [named[2]["李小龙"][1]]


def test_the_pieces_follow_every_write(workspace, owner, named):
    g, g2, ids = named
    zs_member, zs_ms = ids["张三"]
    with workspace.session() as s:
        update_member(s, owner, zs_ms, MemberInput(display_name="张叁", nickname="Sam", group_nickname=None))
        s.commit()
    with workspace.session() as s:
        _no_drift(s)
        assert zs_member not in set(s.scalars(search.people_named("张三")))
        assert zs_member in set(s.scalars(search.people_named("张叁")))
        assert zs_member in set(s.scalars(search.people_named("SAM")))
        assert zs_ms not in set(s.scalars(search.memberships_nicknamed("早起")))
        # a nickname shared by display name and nickname: one piece each, removing one keeps the other
        s.execute(update(Member).where(Member.id == zs_member).values(nickname="张叁"))
        s.execute(update(Member).where(Member.id == zs_member).values(nickname=None))
        _no_drift(s)
        assert zs_member in set(s.scalars(search.people_named("张叁")))
        # merged: the person kept still has their names; a hard delete takes the pieces away
        keep, drop = ids["张三丰"][0], ids["李小龙"][0]
        merge_members(s, owner, keep, drop)
        _no_drift(s)
        s.execute(delete(Membership).where(Membership.id == ids["Amy Wang"][1]))
        _no_drift(s)
        s.execute(delete(Membership).where(Membership.member_id == ids["Élodie"][0]))
        s.execute(delete(Member).where(Member.id == ids["Élodie"][0]))
        _no_drift(s)
        assert set(s.scalars(search.people_named("lodie"))) == set()
        _check_every_term(s, TERMS)
        s.commit()


def test_a_random_corpus_of_names_and_searches(workspace, owner):
    """500 people with names drawn from real shapes; every search is a random piece of some name, or a piece
    with its ASCII letters in another case: what the pieces find equals the brute-force substring test."""
    rng = random.Random(13)
    surnames = "张王李赵刘陈杨黄周吴欧阳司马"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英小龙星"
    latin = ["Amy", "Tom", "Lily", "JACK", "mary", "Chen Wei", "O'Neil", "Zoë", "ＤＡＶＥ", "李Lee"]
    extra = ["🌟", "🔥", "·", "_", "%", " ", "-", "2班", "（助教）", "\\"]

    def name() -> str:
        kind = rng.random()
        if kind < 0.6:
            s = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2)))
        elif kind < 0.85:
            s = rng.choice(latin)
        else:
            s = rng.choice(latin) + rng.choice(surnames) + rng.choice(given)
        if rng.random() < 0.3:
            s = rng.choice(extra) + s if rng.random() < 0.5 else s + rng.choice(extra)
        return s

    with workspace.session() as s:
        g = create_group(s, owner, "大群")
        for _ in range(500):
            add_member(
                s,
                owner,
                g,
                MemberInput(
                    display_name=name(),
                    nickname=name() if rng.random() < 0.4 else None,
                    group_nickname=name() + name() if rng.random() < 0.3 else None,
                    joined_at=JOINED,
                ),
            )
        s.commit()
    with workspace.session() as s:
        _no_drift(s)
        people, nicks = _names(s)
        pool = [v for pair in people.values() for v in pair if v] + [v for v in nicks.values() if v]
        terms = []
        for _ in range(300):
            v = rng.choice(pool)
            a = rng.randrange(len(v))
            piece = v[a : a + rng.randint(1, 6)]
            terms.append(piece.swapcase() if rng.random() < 0.3 else piece)
        _check_every_term(s, terms)


def test_the_span_covers_every_searched_column():
    """The triggers cut names with search_gram_span: it must reach the longest name a column can hold."""
    for column in (Member.display_name, Member.nickname, Membership.group_nickname):
        assert isinstance(column.type, String) and column.type.length <= search.SPAN
    assert len(search.span_rows()) == search.SPAN * search.GRAM


def test_a_name_of_the_longest_length_is_found_by_its_end(workspace, owner):
    long_name = "长" * 97 + "尾巴名"  # 100 characters: the last piece starts at position 98
    with workspace.session() as s:
        g = create_group(s, owner, "长名群")
        mid, _ms = add_member(s, owner, g, MemberInput(display_name=long_name, joined_at=JOINED))
        s.commit()
    with workspace.session() as s:
        assert set(s.scalars(search.people_named("尾巴名"))) == {mid}
        assert set(s.scalars(search.people_named("长尾巴名"))) == {mid}
        _no_drift(s)


def test_the_migration_cuts_the_names_of_an_existing_workspace(any_db_url):
    """A workspace at the revision before the pieces (0008), with people, groups and group nicknames written by
    another program: upgraded, every name is cut and found — on both engines."""
    from sqlalchemy import insert

    from models import Group
    from models.db import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(any_db_url)
    try:
        upgrade(engine, "0008_roster_sort_indexes")
        with engine.begin() as conn:  # the tables of 0008 are those of the models but the pieces: Core inserts
            conn.execute(insert(Group.__table__), {"id": 1, "name": "早起营"})
            for i, (dn, nn, gn) in enumerate(NAMES, start=1):
                conn.execute(insert(Member.__table__), {"id": i, "display_name": dn, "nickname": nn})
                conn.execute(
                    insert(Membership.__table__), {"id": i, "member_id": i, "group_id": 1, "group_nickname": gn}
                )
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert search.drift(conn) == []
            assert conn.execute(select(search.MemberGram.gram).limit(1)).first() is not None
            people = {i: (dn, nn) for i, (dn, nn, _gn) in enumerate(NAMES, start=1)}
            nicks = {i: gn for i, (_dn, _nn, gn) in enumerate(NAMES, start=1)}
            for term in TERMS:
                assert set(conn.execute(search.people_named(term)).scalars()) == _expected_people(people, term), term
                assert set(conn.execute(search.memberships_nicknamed(term)).scalars()) == _expected_memberships(
                    nicks, term
                ), term
    finally:
        engine.dispose()


@pytest.mark.parametrize("term", ["张", "zhang", "amy", "8000", "早起-张"])
def test_a_search_reads_indexes_only(sqlite_path, term):
    """Every branch of a roster search is an index look-up: no scan of member or membership (a scan is 7–9 ms a
    keystroke at 100,000 members, and a boolean rendered as `… IN (…) = 1` once turned the whole search into
    a walk of every member: 350 ms)."""
    from models.db import open_database
    from models.queries.roster import _order, filtered
    from tests.sqlplan import plan as plan_of

    db = open_database(sqlite_path)
    try:
        with db.engine.connect() as conn:
            q = RosterQuery(text=term)
            plan = plan_of(conn, _order(filtered(q), q))
        assert any("MULTI-INDEX OR" in p for p in plan), plan
        assert not [p for p in plan if p.startswith("SCAN")], plan
    finally:
        db.dispose()


def test_on_postgresql_a_search_probes_the_indexes_with_the_ids_found():
    """On PostgreSQL `IN (SELECT …)` inside the OR made the planner scan every membership (55–75 ms a keystroke at
    100,000 members): the ids are collected first, `= ANY(ARRAY(SELECT …))`, and the indexes probed with them."""
    from sqlalchemy.dialects import postgresql

    from models.queries.roster import filtered

    sql = str(filtered(RosterQuery(text="张")).compile(dialect=postgresql.dialect()))
    assert sql.count("= ANY(ARRAY(SELECT") == 2 and " IN (SELECT" not in sql.split("= ANY(ARRAY(SELECT")[0]
