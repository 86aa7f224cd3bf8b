"""The member picker (points, leave dialogs) finds a person by either reading of their name (models/search_keys.py):
typing zxx or cxx offers 曾小贤; typing a reading nobody has offers nobody."""

from __future__ import annotations

from desktop.services.activities_queries import MemberChoice
from models.search_keys import search_columns
from ui.pickers import MemberPicker


def _choice(mid: int, name: str) -> MemberChoice:
    k = search_columns(name)
    return MemberChoice(
        mid, name, None, None, None, k["pinyin"], k["initials"], k["pinyin_alt"] or "", k["initials_alt"] or ""
    )


def test_the_picker_offers_a_person_by_either_reading(qtbot):
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.set_choices([_choice(1, "曾小贤"), _choice(2, "张三"), _choice(3, "单田芳")])
    assert [c.display_name for c in picker.suggestions("zxx")] == ["曾小贤"]
    assert [c.display_name for c in picker.suggestions("cxx")] == ["曾小贤"]
    assert [c.display_name for c in picker.suggestions("shantian")] == ["单田芳"]
    assert [c.display_name for c in picker.suggestions("dantian")] == ["单田芳"]
    assert picker.suggestions("qqq") == []


def test_two_members_who_read_alike_are_told_apart_by_their_wechat_ids(qtbot):
    """Two 张伟 with no nickname: the list showed 张伟 twice, and the violation (or points, or leave) went to
    whichever the organiser clicked, by luck. Each reads with their WeChat ID; someone alone stays as they read."""
    picker = MemberPicker()
    qtbot.addWidget(picker)
    k = search_columns("张伟")
    twins = [
        MemberChoice(mid, "张伟", None, None, wx, k["pinyin"], k["initials"]) for mid, wx in ((1, "zw_a"), (2, "zw_b"))
    ]
    picker.set_choices([*twins, _choice(3, "张三")])
    assert [picker.shown_text(c) for c in picker.suggestions("张伟")] == ["张伟 · zw_a", "张伟 · zw_b"]
    assert picker.choose(2) and picker.text() == "张伟 · zw_b" and picker.membership_id == 2
    assert picker.choose(3) and picker.text() == "张三"


def test_an_assistants_picker_finds_no_one_by_the_digits_its_list_hides(qtbot):
    """Probe search2: the picker of an assistant lists 王五 13800138002 as 王五 138****, yet typing 0013 (or the
    whole number's middle) offered him — the digits the list hides, said by the search. A text with a digit is
    matched against the names as listed; his name without digits still finds him."""
    from desktop.phones import mask_phones_in

    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.shown = mask_phones_in  # as names_shown_to(assistant) lists names
    wangwu = MemberChoice(1, "王五 13800138002", None, None, None, "wangwu13800138002", "ww13800138002")
    phone_id = MemberChoice(2, "赵六", None, None, "13700001111", "zhaoliu", "zl")
    picker.set_choices([wangwu, phone_id, _choice(3, "张三")])
    for text in ("0013", "13800138002", "0000111", "1370000111"):
        assert picker.suggestions(text) == [], text
    # the WeChat ID typed whole: the assistant holds it, and the roster search finds it (one rule, probe search3)
    assert [c.membership_id for c in picker.suggestions("13700001111")] == [2]
    assert [c.membership_id for c in picker.suggestions("王五")] == [1]
    assert [c.membership_id for c in picker.suggestions("138")] == [1]  # shown: 王五 138****
    owner = MemberPicker()
    qtbot.addWidget(owner)
    owner.set_choices([wangwu, phone_id])
    assert [c.membership_id for c in owner.suggestions("0013")] == [1]
    assert [c.membership_id for c in owner.suggestions("13700001111")] == [2]


def test_the_picker_offers_lv_typed_with_u_umlaut_or_tones(qtbot):
    """吕小白 is stored as lvxiaobai: typing lü, lu (no ü on the keyboard), lǚ or wáng fāng / wang2fang1 offered
    no one (probe search2)."""
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.set_choices([_choice(1, "吕小白"), _choice(2, "王芳"), _choice(3, "陆明")])
    for text in ("lv", "lü", "lǚ", "lu:", "lvxiaobai", "lǚ xiǎo bái", "lvx"):
        assert [c.display_name for c in picker.suggestions(text)] == ["吕小白"], text
    assert {c.display_name for c in picker.suggestions("lu")} == {"吕小白", "陆明"}
    for text in ("wáng fāng", "wang2fang1", "wang2 fang1", "WangFang"):
        assert [c.display_name for c in picker.suggestions(text)] == ["王芳"], text
