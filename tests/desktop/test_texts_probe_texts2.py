"""Paste-ready texts, second probe (PRODUCT §3.9): templates as organisers really edit them — a placeholder named
in Chinese ({姓名}, $姓名), in full-width braces (｛名单｝), a brace never closed ({未打卡名单), braces around a real
placeholder ({$name}) — are refused naming the token and the placeholder meant, never posted raw; braces that are
the organiser's own text ({红包}, {{打卡}}) and an English template stay. A line too long for one message is cut
between words or at least between characters as people see them, never through an emoji."""

from __future__ import annotations

import re

import pytest

from desktop.errors import ValidationError
from desktop.services.texts import LIMIT, _cut, pack_names, render, validate_template

REFUSED = [
    ("welcome", "🎉 欢迎 {姓名} 加入「$group」！\n$steps", "{姓名}", "$name"),
    ("reminder", "📣 {日期} 还差 $count 人：\n$names", "{日期}", "$date"),
    ("reminder", "还差 $count 人 ｛名单｝\n$names", "｛名单｝", "$names"),
    ("welcome", "欢迎 ｛name｝\n$steps", "｛name｝", "$name"),
    ("reminder", "还差 $count 人：{未打卡名单\n$names", "{未打卡名单", "$names"),
    ("welcome", "欢迎 {name 加入\n$steps", "{name", "$name"),
    ("welcome", "欢迎 {$name} 加入\n$steps", "{$name}", "$name"),
    ("welcome", "欢迎 ｛${name}｝\n$steps", "｛${name}｝", "$name"),
    ("welcome", "欢迎 $姓名\n$steps", "$姓名", "$name"),
    ("leaderboard", "🏆 {群名} 积分榜\n$list", "{群名}", "$group"),
]


@pytest.mark.parametrize(("kind", "body", "token", "meant"), REFUSED)
def test_a_placeholder_the_organiser_wrote_another_way_is_refused_naming_what_to_write(kind, body, token, meant):
    """Each of these was saved and reached the group with the braces or the word as they stand ("欢迎 {姓名} 加入",
    "欢迎 {小雨}")."""
    with pytest.raises(ValidationError) as refused:
        validate_template(kind, body)
    message = refused.value.message
    assert f"“{token}" in message and f"应写作 {meant}" in message and f"write {meant}" in message


def test_a_word_of_no_placeholder_in_braces_is_named_without_a_suggestion():
    with pytest.raises(ValidationError) as refused:
        validate_template("reminder", "{今天打卡的朋友们 还差 $count 人\n$names")
    assert "“{今天打卡的朋友们”" in refused.value.message and "应写作" not in refused.value.message
    with pytest.raises(ValidationError, match="应写作 \\$names"):
        validate_template("reminder", "$名单")


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("welcome", "欢迎 $name！发个 {红包} 吧\n$steps"),  # the organiser's own words in braces
        ("reminder", "{{打卡}} $date 还差 $count 人\n$names"),
        ("reminder", "【名单】 $names"),
        ("welcome", "欢迎 ${name}加入 $group，$name 你好\n$steps"),  # a non-list placeholder twice is fine
        ("reminder", "Hi $group! $count still to check in today ($done/$total done):\n$names\nSee you tomorrow!"),
        ("reminder", "价格 $$5，还差 $count 人\n$names"),
    ],
)
def test_braces_meant_as_text_and_an_english_template_are_kept(kind, body):
    assert validate_template(kind, body) == body


def test_an_english_template_renders_without_a_placeholder_left():
    body = "Hi $group! $count still to check in ($done/$total done):\n$names\nSee you tomorrow!"
    parts = render(
        "reminder",
        validate_template("reminder", body),
        {"group": "Morning Club", "count": "2", "done": "3", "total": "5"},
        pack_names(["@Amy Chen", "@Bob"]),
    )
    assert parts == ("Hi Morning Club! 2 still to check in (3/5 done):\n@Amy Chen @Bob\nSee you tomorrow!",)


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "🇨🇳", "👍🏻", "1\ufe0f\u20e3", "e\u0301"])
def test_a_line_longer_than_a_message_is_never_cut_through_an_emoji(emoji):
    """A template line of one long paragraph (no space) with an emoji of several code points where the message
    ends: the cut fell inside it, and the group got "👨\u200d" at the end of one message and "👩\u200d👧" at the
    start of the next."""
    room = LIMIT - 10
    line = "字" * (room - 1) + emoji + "字" * 30
    pieces = _cut(line, room)
    assert "".join(pieces) == line and all(len(p) <= room for p in pieces)
    assert any(p.endswith(emoji) or p.startswith(emoji) for p in pieces)


def test_a_long_line_is_cut_between_words_where_it_can_be():
    room = LIMIT - 10
    words = [f"word{i:03d}" for i in range(120)]
    pieces = _cut(" ".join(words), room)
    assert len(pieces) > 1 and " ".join(pieces).split() == words  # no word cut in two


def test_five_hundred_names_are_split_into_messages_at_list_lines_with_every_name_whole():
    names = [f"@成员{i:03d}🌸" for i in range(500)]
    parts = render(
        "reminder",
        "📣 $date 还差 $count 人：\n$names\n记得接龙～",
        {"date": "11月20日", "count": "500"},
        pack_names(names),
    )
    assert len(parts) > 1 and all(len(p) <= LIMIT for p in parts)
    assert parts[0].startswith("📣 11月20日 还差 500 人：\n@成员000🌸") and parts[-1].endswith(
        f"记得接龙～\n（{len(parts)}/{len(parts)}）"
    )
    assert [n for p in parts for n in re.findall(r"@成员\d{3}🌸", p)] == names
    for i, p in enumerate(parts, start=1):
        assert p.endswith(f"\n（{i}/{len(parts)}）")
