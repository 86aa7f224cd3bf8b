"""The roster kept by hand (the member dialog's service, roster.py): the same person typed the ways people type
them is found as a duplicate, a phone is stored the one way whatever its form, and an ID-card number typed into
any free-text field is never stored whole."""

from __future__ import annotations

import pytest

from desktop.services.groups import create_group
from desktop.services.members import identity_conflicts, merge_members
from desktop.services.roster import (
    MemberInput,
    add_member,
    find_duplicates,
    get_member_input,
    id_number_fields,
    normalise_phone,
    update_member,
)


@pytest.fixture
def group(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="ZhangSan88", phone="138 1234 5678"))
        add_member(s, owner, gid, MemberInput(display_name="Amy Chen"))
        s.commit()
    return gid


@pytest.mark.parametrize("typed", ["8613812345678", "0086 138 1234 5678", "0086-13812345678", "+86 138-1234-5678"])
def test_a_mainland_mobile_with_its_country_code_is_the_same_phone(workspace, group, typed):
    assert normalise_phone(typed) == "13812345678"
    with workspace.session() as s:
        assert [(h.display_name, h.reason) for h in find_duplicates(s, display_name="新人", phone=typed)] == [
            ("张三", "phone")
        ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+1 415 555 0100", "+14155550100"),
        ("001 415 555 0100", "+14155550100"),
        ("+852 9123 4567", "+85291234567"),
        ("(415) 555-0100", "+14155550100"),  # as an import reads it: one person, not two
        ("415-555-0100", "+14155550100"),
    ],
)
def test_a_phone_of_another_country_keeps_its_country_code(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["张 三", "张　三", " 张三 ", "張三", "张三🌸"])
def test_the_same_name_typed_another_way_is_a_possible_duplicate(workspace, group, typed):
    with workspace.session() as s:
        hits = find_duplicates(s, display_name=typed, group_id=group)
    assert [(h.display_name, h.reason) for h in hits] == [("张三", "similar_name")]


@pytest.mark.parametrize("typed", ["张珊", "李四", "Amy", "amy chen "])
def test_other_names_are_not_taken_for_zhang_san(workspace, group, typed):
    with workspace.session() as s:
        hits = find_duplicates(s, display_name=typed, group_id=group)
    assert "张三" not in [h.display_name for h in hits]


def test_an_id_number_in_a_free_text_field_keeps_only_its_last_four(workspace, owner, group):
    data = MemberInput(
        display_name="赵六",
        note="身份证号:110101199003074518，已核",
        purpose="11010119900307451x",
        tags=["110101900307451"],
        city="北京",
    )
    assert id_number_fields(data) == ["note", "purpose", "tags"]
    with workspace.session() as s:
        _mid, msid = add_member(s, owner, group, data)
        s.commit()
        stored = get_member_input(s, msid)
        assert (stored.note, stored.purpose, stored.tags, stored.city) == (
            "身份证号:****4518，已核",
            "****451x",
            ["****7451"],
            "北京",
        )
        # an edit (or the CLI, or an undo) that types one in again is cut the same way
        update_member(s, owner, msid, MemberInput(**{**stored.__dict__, "nickname": "六 110101199003074518"}))
        s.commit()
        assert get_member_input(s, msid).nickname == "六 ****4518"


def test_a_merge_keeps_the_other_records_note_nickname_and_wechat_id_in_sight(workspace, owner):
    with workspace.session() as s:
        g1, g2 = create_group(s, owner, "营A"), create_group(s, owner, "营B")
        a, ams = add_member(
            s, owner, g1, MemberInput(display_name="张三", wechat_id="zs_a", phone="13812345678", note="A的备注")
        )
        b, _ = add_member(
            s,
            owner,
            g2,
            MemberInput(display_name="张三", nickname="老三", wechat_id="zs_b", phone="13987654321", note="B的备注"),
        )
        merge_members(s, owner, a, b)
        s.commit()
        kept = get_member_input(s, ams)
        assert kept.note.splitlines() == [
            "A的备注",
            "合并前另一条记录的备注 (note of the merged record): B的备注",
            "合并前另一条记录的微信号 (WeChat ID of the merged record): zs_b",
        ]
        assert kept.nickname == "老三"  # a blank is filled, as before
        # typed again later, the merged record's WeChat ID or phone warns about the kept person
        for hits in (
            find_duplicates(s, display_name="新人", wechat_id="ZS_B"),
            find_duplicates(s, display_name="新人", phone="139 8765 4321"),
        ):
            assert [(h.member_id, h.display_name, h.deleted) for h in hits] == [(a, "张三", False)]
        # editing the kept person with it is no warning about themselves
        assert find_duplicates(s, display_name="张三", wechat_id="zs_b", exclude_member_id=a) == []


def test_the_roster_search_finds_a_wechat_id_whatever_the_case_typed(sqlite_workspace, owner):
    from sqlalchemy import select

    from desktop.services.roster import RosterQuery, search_roster
    from models import Member
    from models.queries.roster import _wechat_prefix
    from tests.sqlplan import plan

    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "营")
        add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="Zhang_San88"))
        add_member(s, owner, gid, MemberInput(display_name="王五", wechat_id="zhangxsan"))  # _ is no wildcard
        s.commit()

        def found(text):
            return [r.display_name for r in search_roster(s, RosterQuery(group_id=gid, text=text))]

        assert found("zhang_s") == ["张三"]
        assert found("ZHANG_SAN8") == ["张三"]
        assert found("Zhang_San88") == ["张三"]
        assert found("zhang_x") == []
        assert found("zhangx") == ["王五"]
        lines = plan(s.connection(), select(Member.id).where(_wechat_prefix("zhang_s")))
        assert any("ix_member_wechat_id" in line for line in lines), lines


def test_invisible_characters_copied_with_a_name_are_not_stored(workspace, owner, group):
    with workspace.session() as s:
        _mid, msid = add_member(
            s,
            owner,
            group,
            MemberInput(
                display_name="王\u200b芳\ufeff",
                nickname="\u2060芳芳👨\u200d👩\u200d👧",
                group_nickname="王芳\u200e-上海",
            ),
        )
        s.commit()
        stored = get_member_input(s, msid)
    assert (stored.display_name, stored.nickname, stored.group_nickname) == (
        "王芳",
        "芳芳👨\u200d👩\u200d👧",
        "王芳-上海",
    )


def test_the_roster_search_finds_a_chinese_name_typed_with_a_space(workspace, owner):
    """`张 三` (typed with a space, or copied so from a chat) found nobody: a Chinese name has no spaces between its
    characters. It finds 张三 (by name and by group nickname), and still not 张珊."""
    from desktop.services.roster import RosterQuery, search_roster

    with workspace.session() as s:
        gid = create_group(s, owner, "营")
        add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="zs88"))
        add_member(s, owner, gid, MemberInput(display_name="张珊"))
        add_member(s, owner, gid, MemberInput(display_name="Amy", group_nickname="北京李娜"))
        s.commit()

        def found(text):
            return sorted(r.display_name for r in search_roster(s, RosterQuery(group_id=gid, text=text)))

        assert found("张 三") == ["张三"] and found("张　三") == ["张三"]
        assert found("北京 李娜") == ["Amy"]
        assert found("张三") == ["张三"]


def test_the_roster_search_finds_a_part_of_a_wechat_id(sqlite_workspace, owner):
    """`san88` of zhang_san88 (a part of an ID remembered) found nobody: only the start of an ID was searched. A
    fragment that looks like an ID (letters with a digit, _ or -) is looked for anywhere in it, whatever its case;
    a name, its pinyin or a phone tail is searched as before."""
    from desktop.services.roster import RosterQuery, search_roster

    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "营")
        add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="Zhang_San88"))
        add_member(s, owner, gid, MemberInput(display_name="李四", wechat_id="lisi_2024"))
        add_member(s, owner, gid, MemberInput(display_name="Sandy"))
        s.commit()

        def found(text):
            return sorted(r.display_name for r in search_roster(s, RosterQuery(group_id=gid, text=text)))

        assert found("san88") == ["张三"] and found("SAN88") == ["张三"]
        assert found("_2024") == ["李四"] and found("si_20") == ["李四"]
        assert found("san") == ["Sandy"]  # a name's part: not an ID fragment (no digit or _), no ID scan


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("zhang_san88", "13800138000"), ("Zhang_San88", "13800138000"), ()),
        (("zhang_san88", None), ("zs_1990", None), ("wechat_id",)),
        ((None, "13800138000"), ("zs_1990", "13900139000"), ("phone",)),
        (("zhang_san88", "13800138000"), (None, None), ()),
    ],
)
def test_identity_conflicts_are_filled_identities_that_differ(a, b, expected):
    assert identity_conflicts(*a, *b) == expected
