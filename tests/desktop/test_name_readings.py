"""A name is found by what people type (models/search_keys.py): a surname read as a surname (曾小贤 is Zeng
Xiaoxian: zxx, zengxiaoxian), a word read in context (重庆 chongqing) — and still by each character's common reading
(cxx), which also sorts. The roster search, the activity pickers and an upgraded workspace (migration 0015), on
both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from desktop.services.activities_queries import member_choices
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.roster import MemberInput, RosterQuery, add_member, get_member_input, search_roster, update_member
from models import Group, Member, Membership
from models.search_keys import alt_name_keys, name_keys

NAMES = ("曾小贤", "单田芳", "解晓东", "翟天临", "重庆小妹", "张三", "长孙无忌", "Amy 曾")


@pytest.mark.parametrize(
    ("name", "common", "read"),
    [
        ("曾小贤", ("cxx", "cengxiaoxian"), ("zxx", "zengxiaoxian")),
        ("单田芳", ("dtf", "dantianfang"), ("stf", "shantianfang")),
        ("解晓东", ("jxd", "jiexiaodong"), ("xxd", "xiexiaodong")),
        ("仇英", ("cy", "chouying"), ("qy", "qiuying")),
        ("朴树", ("ps", "pushu"), ("ps", "piaoshu")),
        ("重庆小妹", ("zqxm", "zhongqingxiaomei"), ("cqxm", "chongqingxiaomei")),
        ("银行家", ("yxj", "yinxingjia"), ("yhj", "yinhangjia")),
        ("张三", ("zs", "zhangsan"), None),
        ("长孙无忌", ("zswj", "zhangsunwuji"), None),
        ("Amy 曾", ("ac", "amyceng"), None),  # a Latin first name: no surname reading
        ("", ("", ""), None),
    ],
)
def test_the_keys_of_a_name(name, common, read):
    assert name_keys(name) == common
    assert alt_name_keys(name) == read


def _search(s, gid, text):
    return sorted(r.display_name for r in search_roster(s, RosterQuery(group_id=gid, text=text)))


def test_the_roster_finds_a_person_by_either_reading(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n))[1] for n in NAMES}
        s.commit()
        assert _search(s, gid, "zxx") == ["曾小贤"]
        assert _search(s, gid, "cxx") == ["曾小贤"]  # the character's own reading still finds her
        assert _search(s, gid, "zengxiao") == ["曾小贤"]
        assert _search(s, gid, "shantian") == ["单田芳"]
        assert _search(s, gid, "xxd") == ["解晓东"]
        assert _search(s, gid, "zhai") == ["翟天临"]
        assert _search(s, gid, "chongqing") == ["重庆小妹"]
        assert _search(s, gid, "zs") == ["张三", "长孙无忌"]  # zs: 张三 and 长孙 (zhangsun) alike
        # a rename writes the new name's readings and drops the old ones
        data = get_member_input(s, ids["曾小贤"])
        update_member(s, owner, ids["曾小贤"], data.__class__(**{**data.__dict__, "display_name": "王小贤"}))
        s.commit()
        # the old readings still find her for 30 days, as a name carried until a recent rename, and say so (probe
        # search3: 陈大文 typed found no one a week after the rename); the stored readings are the new name's (below)
        found = search_roster(s, RosterQuery(group_id=gid, text="zxx"))
        assert [(r.display_name, r.formerly) for r in found] == [("王小贤", "曾小贤")]
        assert _search(s, gid, "wxx") == ["王小贤"]
        assert [r.formerly for r in search_roster(s, RosterQuery(group_id=gid, text="wxx"))] == [None]
        row = s.scalars(select(Member).where(Member.display_name == "王小贤")).one()
        assert (row.initials_alt, row.pinyin_alt) == (None, None)
        # the activity pickers read both readings too
        choice = next(c for c in member_choices(s, gid) if c.display_name == "单田芳")
        assert (choice.initials, choice.initials_alt) == ("dtf", "stf")


def test_a_roster_import_writes_both_readings(workspace, owner, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号\n曾小贤,zxx_wx\n翟天临,ztl_wx\n", encoding="utf-8")
    run_import(workspace, owner, path, "早起营", "roster")
    with workspace.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == "早起营"))
        assert _search(s, gid, "zengxiaoxian") == ["曾小贤"]
        assert _search(s, gid, "ztl") == ["翟天临"]


def test_the_upgrade_writes_the_readings_of_existing_people(any_db_url):
    """A workspace at 0014 with people written by another program: after the upgrade they are found by either
    reading — on both engines."""
    from models.db import current_revision, head_revision, make_engine, upgrade

    engine = make_engine(any_db_url)
    try:
        upgrade(engine, "0014_membership_spells")
        with engine.begin() as conn:
            conn.execute(insert(Group.__table__), {"id": 1, "name": "早起营"})
            for i, name in enumerate(NAMES, start=1):
                initials, full = name_keys(name)
                conn.execute(insert(Member.__table__).values(id=i, display_name=name, initials=initials, pinyin=full))
                conn.execute(insert(Membership.__table__), {"id": i, "member_id": i, "group_id": 1})
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            rows = dict(conn.execute(select(Member.display_name, Member.initials_alt)).all())
        assert rows["曾小贤"] == "zxx" and rows["重庆小妹"] == "cqxm" and rows["张三"] is None
    finally:
        engine.dispose()


def test_a_pasted_name_in_pinyin_offers_the_person_by_either_reading(workspace, owner):
    """A chain line typed in pinyin (`zengxiaoxian`, `Zeng Xiaoxian`) offers 曾小贤 as a pinyin candidate — a choice,
    never logged by itself — as `cengxiaoxian` does."""
    from datetime import date

    from desktop.services.paste import preview_paste

    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        ms = add_member(s, owner, gid, MemberInput(display_name="曾小贤"))[1]
        s.commit()
        preview = preview_paste(s, gid, date(2026, 12, 3), "#接龙 打卡\n1. zengxiaoxian\n2. Zeng Xiaoxian\n")
        offered = [(m.status, [(c.membership_id, c.how) for c in m.candidates]) for m in preview.matches]
    assert offered == [("ambiguous", [(ms, "pinyin")])] * 2
