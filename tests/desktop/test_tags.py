"""The one tag-splitting rule (desktop/tags.py), used by the member dialog and the roster imports."""

from __future__ import annotations

import pytest

from desktop.tags import split_tags


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # separators
        ("早起、读书", ["早起", "读书"]),
        ("早起,读书，写作;跑步；冥想/英语", ["早起", "读书", "写作", "跑步", "冥想", "英语"]),
        ("a|b｜c／d", ["a", "b", "c", "d"]),
        ("早起\n读书\r\n写作\t跑步", ["早起", "读书", "写作", "跑步"]),
        ("早起, 读书", ["早起", "读书"]),
        ("a，b、c;d", ["a", "b", "c", "d"]),
        # a space next to a wide character separates
        ("早起 读书", ["早起", "读书"]),
        ("早起 读书\t写作", ["早起", "读书", "写作"]),
        ("早起　读书", ["早起", "读书"]),  # ideographic space
        ("VIP 早起", ["VIP", "早起"]),
        ("Python 入门", ["Python", "入门"]),
        ("早起 🌟核心", ["早起", "🌟核心"]),
        ("🌟 核心", ["🌟", "核心"]),
        ("ＶＩＰ 会员", ["ＶＩＰ", "会员"]),
        # a space between narrow characters is part of the tag
        ("early riser, reading", ["early riser", "reading"]),
        ("early   riser", ["early riser"]),
        ("C++ basics", ["C++ basics"]),
        ("Python 3", ["Python 3"]),
        ("早起 early riser 读书", ["早起", "early riser", "读书"]),
        # trimming, repeats, nothing
        (" 早起 , , 早起 ", ["早起"]),
        ("🌟核心", ["🌟核心"]),
        (" , ", []),
        ("", []),
        ("   ", []),
        (None, []),
        (2026, ["2026"]),
        (["a,b", "c"], ["a", "b", "c"]),
        (("早起 读书", "读书"), ["早起", "读书"]),
    ],
)
def test_split_tags(value, expected):
    assert split_tags(value) == expected


def test_dialog_and_import_agree():
    """The member dialog and the roster import call the same function (they once disagreed on 早起 读书)."""
    import desktop.services.imports as imports
    import ui.dialogs.member_dialog as member_dialog

    assert member_dialog.split_tags is split_tags
    assert imports.split_tags is split_tags
