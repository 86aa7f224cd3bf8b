"""Finding the right person, part two (probe search3): a member renamed last week is found by the old name and the
list says so ("formerly 陈大文"); a rename older than FORMER_NAME_DAYS is not; an assistant's search of a former
name holding a phone says no hidden digit; sorting by WeChat ID orders what an assistant sees, not hidden digits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from desktop.services.groups import create_group
from desktop.services.roster import (
    MemberInput,
    RosterQuery,
    add_member,
    get_member_input,
    roster_matches,
    search_roster,
    update_member,
)
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry
from tests.fixed_day import TEST_TODAY

JOINED = datetime(2025, 3, 1, 9, 0)


@pytest.fixture()
def ws(tmp_path):
    database = open_workspace(tmp_path / "w.sqlite", backup_dir=tmp_path / "b")
    owner = actor_for(database)
    ids: dict[str, int] = {}
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")

        def add(label: str, **kw) -> int:
            kw.setdefault("joined_at", JOINED)
            ids[label], ms = add_member(s, owner, g, MemberInput(**kw))
            return ms

        def rename(ms: int, **changes) -> None:
            update_member(s, owner, ms, MemberInput(**{**get_member_input(s, ms).__dict__, **changes}))

        rename(add("chen", display_name="陈大文", wechat_id="cdw88"), display_name="陈文")
        rename(add("li", display_name="李小龙", nickname="小龙"), nickname="龙哥")
        rename(add("wang", display_name="王五 13800138002"), display_name="王五")
        old = add("zhou", display_name="周星星")
        rename(old, display_name="周星驰")
        add("other", display_name="陈小文")
        s.commit()
        # 周星星 became 周星驰 40 days ago: no longer a name of theirs
        s.execute(
            update(AuditEntry)
            .where(AuditEntry.entity_id == ids["zhou"], AuditEntry.action == "member.update")
            .values(at=datetime.combine(TEST_TODAY - timedelta(days=40), datetime.min.time()))
        )
        s.commit()
    yield database, ids, g
    database.dispose()


def rows(database, text: str, **kw):
    with database.session() as s:
        return search_roster(s, RosterQuery(text=text, **kw))


@pytest.mark.parametrize("text", ["陈大文", "大文", "chendawen", "cdw", "陈 大 文"])
def test_a_member_renamed_last_week_is_found_by_the_old_name_and_the_row_says_so(ws, text):
    database, ids, _g = ws
    found = rows(database, text)
    assert [r.member_id for r in found] == [ids["chen"]]
    assert found[0].display_name == "陈文"
    # cdw is a prefix of their WeChat ID cdw88 as well: found by what they carry now, nothing more said
    assert found[0].formerly == (None if text == "cdw" else "陈大文")


def test_the_matches_of_a_keystroke_carry_the_former_name_too(ws):
    database, ids, _g = ws
    with database.session() as s:
        found = roster_matches(s, RosterQuery(text="大文"))
    assert found.total == 1 and list(found.formerly.values()) == ["陈大文"]


def test_a_row_found_by_a_name_of_now_says_nothing_more(ws):
    database, ids, _g = ws
    found = {r.member_id: r.formerly for r in rows(database, "陈")}
    assert found == {ids["chen"]: None, ids["other"]: None}  # 陈文 is found by 陈 now


def test_a_former_nickname_finds_them(ws):
    database, ids, _g = ws
    found = rows(database, "小龙")
    assert [(r.member_id, r.formerly) for r in found] == [(ids["li"], None)]  # 李小龙: the name of now
    found = rows(
        database, "xiaolong"
    )  # the nickname 小龙 is no more; 李小龙's pinyin lixiaolong has no prefix xiaolong
    assert [(r.member_id, r.formerly) for r in found] == [(ids["li"], "小龙")]


def test_a_rename_older_than_thirty_days_finds_no_one(ws):
    database, ids, _g = ws
    assert rows(database, "周星星") == []
    assert [r.member_id for r in rows(database, "周星驰")] == [ids["zhou"]]


def test_an_assistant_finds_no_one_by_the_hidden_digits_of_a_former_name(ws):
    database, ids, _g = ws
    assert rows(database, "0013", phones_hidden=True) == []
    assert [r.member_id for r in rows(database, "0013")] == [ids["wang"]]  # the owner reads it whole
    # the name part of it is shown: found
    assert ids["wang"] in [r.member_id for r in rows(database, "王五", phones_hidden=True)]


@pytest.fixture()
def ids_ws(tmp_path):
    database = open_workspace(tmp_path / "w.sqlite", backup_dir=tmp_path / "b")
    owner = actor_for(database)
    ids: dict[str, int] = {}
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")
        for label, wid in [("wx", "wx13800138000"), ("plain", "13900139000"), ("fang", "Wang_Fang88"), ("a", "abc")]:
            ids[label], _ = add_member(s, owner, g, MemberInput(display_name=label, wechat_id=wid, joined_at=JOINED))
        s.commit()
    yield database, ids
    database.dispose()


@pytest.mark.parametrize("text", ["wx1380013", "wx13800", "x1380013800", "WX138001"])
def test_an_id_with_letters_and_a_phone_is_not_found_by_its_hidden_digits(ids_ws, text):
    """wx13800138000 is listed wx138**** to an assistant: a part of it with a digit the mask hides finds no one."""
    database, ids = ids_ws
    assert [r.member_id for r in rows(database, text)] == [ids["wx"]]  # the owner
    assert rows(database, text, phones_hidden=True) == []


def test_an_id_with_a_phone_is_found_typed_whole_and_an_id_without_one_by_any_part(ids_ws):
    database, ids = ids_ws
    assert [r.member_id for r in rows(database, "wx13800138000", phones_hidden=True)] == [ids["wx"]]
    assert [r.member_id for r in rows(database, "13900139000", phones_hidden=True)] == [ids["plain"]]
    assert [r.member_id for r in rows(database, "wang_fang8", phones_hidden=True)] == [ids["fang"]]
    assert [r.member_id for r in rows(database, "fang88", phones_hidden=True)] == [ids["fang"]]
    assert [r.member_id for r in rows(database, "wx", phones_hidden=True)] == [ids["wx"]]  # no digit typed


def test_an_id_with_a_phone_typed_whole_in_another_case_is_found(ids_ws):
    database, ids = ids_ws
    assert [r.member_id for r in rows(database, "WX13800138000", phones_hidden=True)] == [ids["wx"]]


def test_an_assistants_sort_by_wechat_id_follows_what_the_masks_show(tmp_path):
    """Three IDs shown 138**** to an assistant, added in the order c, a, b (their hidden digits sort a, b, c): the
    owner's sort by WeChat ID orders them by the digits; the assistant's by what is shown (equal), then as added —
    sorted by the whole ID the assistant read the order of the digits the list hides."""
    database = open_workspace(tmp_path / "w.sqlite", backup_dir=tmp_path / "b")
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")
        for name, wid in [("c", "13899999999"), ("a", "13800000000"), ("b", "13855555555"), ("z", "abc")]:
            add_member(s, owner, g, MemberInput(display_name=name, wechat_id=wid, joined_at=JOINED))
        s.commit()
        # descending, ties by membership id descending too (as every sort): the assistant's three read b, a, c
        for hidden, descending, expected in [
            (False, False, "abcz"),
            (False, True, "zcba"),
            (True, False, "cabz"),
            (True, True, "zbac"),
        ]:
            q = RosterQuery(group_id=g, sort="wechat_id", phones_hidden=hidden, descending=descending)
            got = "".join(r.display_name for r in search_roster(s, q))
            assert got == expected, (hidden, descending)
            assert "".join(r.display_name for r in rows_of_matches(s, q)) == got
    database.dispose()


def rows_of_matches(s, q):
    from desktop.services.roster import rows_for

    return rows_for(s, roster_matches(s, q).membership_ids)


def test_a_rename_by_a_roster_import_is_a_former_name_too(tmp_path):
    """A roster import that renames 陈大文 (matched by WeChat ID) to 陈文 audits the change as `name`, not
    `display_name`: the old name found no one after an import's rename, as it does after the roster's edit."""
    from desktop.services.imports import run_import

    database = open_workspace(tmp_path / "w.sqlite", backup_dir=tmp_path / "b")
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")
        member, _ = add_member(s, owner, g, MemberInput(display_name="陈大文", wechat_id="cdw88", joined_at=JOINED))
        s.commit()
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号\n陈文,cdw88\n", encoding="utf-8")
    run_import(database, owner, path, "早起营", "roster")
    with database.session() as s:
        found = search_roster(s, RosterQuery(text="陈大文"))
        assert [(r.member_id, r.display_name, r.formerly) for r in found] == [(member, "陈文", "陈大文")]
    database.dispose()


def test_the_paste_reads_a_rename_by_a_roster_import_as_the_search_does(tmp_path):
    """The paste's recent former names read `display_name` only: after a roster import renamed 陈大文 to 陈文, a chain's
    `陈大文` named nobody, while the roster search found him. Both read the audit's names alike (names_before)."""
    from desktop.services.imports import run_import
    from desktop.services.paste import preview_paste

    database = open_workspace(tmp_path / "w.sqlite", backup_dir=tmp_path / "b")
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "早起营", kind="camp")
        add_member(s, owner, g, MemberInput(display_name="陈大文", wechat_id="cdw88", joined_at=JOINED))
        s.commit()
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号\n陈文,cdw88\n", encoding="utf-8")
    run_import(database, owner, path, "早起营", "roster")
    with database.session() as s:
        (m,) = preview_paste(s, g, TEST_TODAY, "#接龙 打卡\n1. 陈大文\n").matches
        # offered as the name he had until the rename (近期改名前的名字), not as a mere likeness (fuzzy)
        assert [(c.display_name, c.how) for c in m.candidates] == [("陈文", "former_name")]
    database.dispose()
