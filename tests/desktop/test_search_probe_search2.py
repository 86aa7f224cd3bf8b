"""Finding the right person (probe search2): a roster of about 500 with the names real communities have — three 王芳
told apart by WeChat ID, group nickname and group, 劉紅 and 刘红, 吕 typed lv/lü/lu, tones typed, polyphonic surnames,
initials, English names, emoji, a full-width phone, a WeChat ID typed in another case, a member renamed last week, a
member who left and one deleted — searched through the roster query as the Roster page, the leave dialog and the
quick entry run it. And as an assistant, who reads phones masked (138****8000): no digit the masks hide finds anyone
(decided in models/queries/roster.py `_text_condition`)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.phones import _PHONE_IN_TEXT
from desktop.services.groups import create_group
from desktop.services.roster import (
    MemberInput,
    RosterQuery,
    add_member,
    count_roster,
    get_member_input,
    roster_matches,
    search_roster,
    soft_delete_member,
    update_member,
)
from desktop.workspace import actor_for, open_workspace
from models.queries.roster import PHONE_IN_TEXT

JOINED = datetime(2025, 3, 1, 9, 0)
SURNAMES = "李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭"
GIVEN = "伟静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search2")
    database = open_workspace(tmp / "w.sqlite", backup_dir=tmp / "b")
    owner = actor_for(database)
    ids: dict[str, int] = {}  # label -> member id
    with database.session() as s:
        a = create_group(s, owner, "早起营", kind="camp")
        b = create_group(s, owner, "读书会", kind="learning")

        def add(label: str, group: int, **kw) -> None:
            kw.setdefault("joined_at", JOINED)
            ids[label], _ = add_member(s, owner, group, MemberInput(**kw))

        add("wf1", a, display_name="王芳", wechat_id="wf_1990", phone="13800138000", nickname="芳芳")
        add("wf2", a, display_name="王芳", wechat_id="Wang_Fang88", phone="13912345678", group_nickname="王芳-二班")
        add("wf3", b, display_name="王芳", wechat_id="fangw")
        add("liu", a, display_name="劉紅", wechat_id="liuhong")
        add("lv", a, display_name="吕小白")
        add("zeng", a, display_name="曾小贤")
        add("shan", a, display_name="单田芳")
        add("xie", a, display_name="解晓东")
        add("qiu", a, display_name="仇大海")
        add("amy", a, display_name="Amy Chen", wechat_id="AmyC")
        add("mei", a, display_name="小美🌸")
        add("wangwu", a, display_name="王五 13800138002")
        add("zhao", a, display_name="赵六", wechat_id="13700001111")
        add("sun", a, display_name="孙七", phone="１３６００１３６０００")
        add("renamed", a, display_name="陈大文", wechat_id="cdw")
        add("left", a, display_name="钱八", status="left")
        add("gone", a, display_name="冯九", phone="13500135000")
        n = 0
        for sur in SURNAMES:  # 30 × 16 = 480 ordinary people, two groups
            for given in GIVEN[:16]:
                n += 1
                add_member(
                    s,
                    owner,
                    a if n % 2 else b,
                    MemberInput(display_name=sur + given, phone=f"1370000{n:04d}", joined_at=JOINED),
                )
        # renamed last week: 陈大文 is 陈文 now
        msid = next(r.membership_id for r in search_roster(s, RosterQuery(text="cdw")))
        update_member(s, owner, msid, MemberInput(**{**get_member_input(s, msid).__dict__, "display_name": "陈文"}))
        soft_delete_member(s, owner, ids["gone"])
        s.commit()
    yield database, ids
    database.dispose()


def found(database, text: str, **kw) -> list[int]:
    with database.session() as s:
        return [r.member_id for r in search_roster(s, RosterQuery(text=text, **kw))]


def test_the_pattern_the_search_hides_is_the_one_the_masks_use():
    assert PHONE_IN_TEXT.pattern == _PHONE_IN_TEXT.pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("38000", {"wf1"}),  # an owner sees whole phones: any tail
        ("0013", {"wangwu"}),
        ("1380013", {"wangwu"}),
        ("137000", {"zhao"}),  # by the WeChat ID
        ("8000", {"wf1"}),
        ("13800138000", {"wf1"}),
        ("８０００", {"wf1"}),  # full-width digits typed (a phone's keyboard, a copied note) found no one
        ("６０００", {"sun"}),
    ],
)
def test_an_owner_finds_by_any_digits(corpus, text, expected):
    database, ids = corpus
    assert {ids[k] for k in expected} <= set(found(database, text))


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("38000", "wf1"),  # the fifth-last digit of 13800138000 is masked (138****8000)
        ("138000", "wf1"),
        ("0138000", "wf1"),
        ("0013", "wangwu"),  # 王五 13800138002 is shown 王五 138****
        ("1380013", "wangwu"),
        ("王五 1380", "wangwu"),
        ("wangwu138", "wangwu"),  # his pinyin keeps the digits
        ("1370", "zhao"),  # a WeChat ID that is a phone is shown masked (137****)
        ("137000011", "zhao"),
        ("３８０００", "wf1"),
    ],
)
def test_an_assistant_finds_no_one_by_a_digit_the_masks_hide(corpus, text, hidden):
    database, ids = corpus
    assert ids[hidden] not in found(database, text, phones_hidden=True)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("8000", "wf1"),  # the last four digits are shown (138****8000)
        ("000", "wf1"),
        ("13800138000", "wf1"),  # the whole number, which a member sent the assistant
        ("138 0013 8000", "wf1"),
        ("王五", "wangwu"),  # by the name's letters, not its digits
        ("wangwu", "wangwu"),
        ("13700001111", "zhao"),  # a WeChat ID typed whole
        ("Wang_Fang88", "wf2"),  # IDs with letters are shown whole, digits and all
        ("fang88", "wf2"),
        ("６０００", "sun"),  # full-width digits typed
    ],
)
def test_an_assistant_finds_what_the_masks_show(corpus, text, who):
    database, ids = corpus
    assert ids[who] in found(database, text, phones_hidden=True)


def test_an_assistants_counts_and_matches_agree_with_the_rows(corpus):
    database, ids = corpus
    with database.session() as s:
        for text in ("38000", "0013", "8000", "王芳"):
            q = RosterQuery(text=text, phones_hidden=True)
            rows = search_roster(s, q)
            assert count_roster(s, q) == len(rows) == roster_matches(s, q).total, text


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("王芳", {"wf1", "wf2", "wf3"}),  # every 王芳, in both groups
        ("wf", {"wf1", "wf2", "wf3"}),
        ("wangfang", {"wf1", "wf2", "wf3"}),
        ("wáng fāng", {"wf1", "wf2", "wf3"}),  # tones typed
        ("wang2fang1", {"wf1", "wf2", "wf3"}),
        ("WANG_FANG", {"wf2"}),  # a WeChat ID typed in another case
        ("王芳-二班", {"wf2"}),
        ("刘红", {"liu"}),  # simplified finds traditional
        ("劉紅", {"liu"}),
        ("lv", {"lv"}),
        ("lü", {"lv"}),  # ü typed
        ("lǚ", {"lv"}),
        ("lu", {"lv"}),  # no ü on the keyboard
        ("lvxiaobai", {"lv"}),
        ("zeng", {"zeng"}),
        ("ceng", {"zeng"}),
        ("dan", {"shan"}),
        ("shan", {"shan"}),
        ("xie", {"xie"}),
        ("jie", {"xie"}),
        ("qiu", {"qiu"}),
        ("amy", {"amy"}),
        ("AMY CHEN", {"amy"}),
        ("小美", {"mei"}),
        ("陈文", {"renamed"}),
        ("cdw", {"renamed"}),  # the old name's initials are gone; its WeChat ID stays
    ],
)
def test_the_right_person_is_found(corpus, text, who):
    database, ids = corpus
    got = set(found(database, text))
    assert {ids[k] for k in who} <= got, text


def test_namesakes_are_rows_told_apart_and_the_count_is_honest(corpus):
    database, ids = corpus
    with database.session() as s:
        q = RosterQuery(text="王芳")
        rows = search_roster(s, q)
        wf = [r for r in rows if r.display_name == "王芳"]
        assert len(wf) == 3 == count_roster(s, q) - (len(rows) - 3)
        assert len({(r.group_name, r.wechat_id, r.group_nickname) for r in wf}) == 3  # never two identical rows
        assert roster_matches(s, q).total == len(rows)


def test_a_left_member_is_found_and_marked_and_a_deleted_one_only_when_asked(corpus):
    database, ids = corpus
    with database.session() as s:
        (left,) = search_roster(s, RosterQuery(text="钱八"))
        assert left.status == "left"
        assert search_roster(s, RosterQuery(text="冯九")) == []
        (gone,) = search_roster(s, RosterQuery(text="冯九", include_deleted=True))
        assert gone.deleted
