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
