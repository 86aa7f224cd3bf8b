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
