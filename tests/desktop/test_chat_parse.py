"""Tests for desktop.chat_parse: the corpus of real-looking pastes in tests/data/pastes plus edge cases."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.chat_parse import PasteLine, entries, normalise_name, parse_chat
from desktop.services.paste import IGNORED_REASONS

PASTES = Path(__file__).resolve().parents[1] / "data" / "pastes"
CORPUS = sorted(PASTES.glob("*.txt"))
FIELDS = ("line_no", "name", "number", "time", "remark", "duplicate_of")
KINDS = {"entry", "header", "example", "blank", "noise", "ignored"}


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # keeps \r\n and a BOM: the parser must cope


def _expected(path: Path) -> list[dict]:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


def _entry_dicts(lines: list[PasteLine]) -> list[dict]:
    return [{field: getattr(line, field) for field in FIELDS} for line in lines if line.kind == "entry"]


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 35
    for path in CORPUS:
        assert path.with_name(path.stem + ".expected.json").exists(), path.name


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_corpus(path: Path):
    assert _entry_dicts(parse_chat(_read(path))) == _expected(path)


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_corpus_line_endings_do_not_matter(path: Path):
    text = _read(path).replace("\r\n", "\n")
    expected = _entry_dicts(parse_chat(text))
    assert _entry_dicts(parse_chat(text.replace("\n", "\r\n"))) == expected
    assert _entry_dicts(parse_chat(text.replace("\n", "\r"))) == expected


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_corpus_one_line_per_pasted_line(path: Path):
    text = _read(path)
    lines = parse_chat(text)
    assert [line.raw for line in lines] == text.splitlines()
    assert [line.line_no for line in lines] == list(range(1, len(lines) + 1))
    assert {line.kind for line in lines} <= KINDS


def test_crlf_file_really_has_crlf():
    assert b"\r\n" in (PASTES / "19_windows_crlf.txt").read_bytes()


def test_long_chain_has_200_entries():
    lines = parse_chat(_read(PASTES / "21_long_chain_200.txt"))
    assert len([line for line in lines if line.kind == "entry"]) == 200
    assert len(entries(lines)) == 190


def test_kinds_of_a_wechat_chain():
    text = "#接龙\n早起打卡 11月22日\n例 张三 6:00\n\n1. 李四 5:58\n2.\n加油！\n"
    kinds = [line.kind for line in parse_chat(text)]
    assert kinds == ["header", "header", "example", "blank", "entry", "noise", "noise"]


def test_chat_log_message_lines_are_noise_and_fold_into_the_remark():
    lines = parse_chat("张三 2026/11/22 06:01\n打卡 第5天\n")
    assert [line.kind for line in lines] == ["entry", "noise"]
    assert lines[0].remark == "打卡 第5天"


def test_non_entries_carry_no_fields():
    for line in parse_chat("#接龙\n早起打卡\n例 张三 6:00\n\n1. 李四 6:00\n5.\n"):
        if line.kind != "entry":
            assert (line.name, line.number, line.time, line.remark, line.duplicate_of) == (None,) * 5


@pytest.mark.parametrize("text", ["", "\n", "   ", " \n\u3000\n\t\r\n", "\u200b", "\ufeff\n"])
def test_empty_and_whitespace_only(text: str):
    lines = parse_chat(text)
    assert len(lines) == len(text.splitlines())
    assert all(line.kind == "blank" for line in lines)
    assert entries(lines) == []


def test_single_name():
    (line,) = parse_chat("张三")
    assert (line.kind, line.name, line.number, line.time, line.remark) == ("entry", "张三", None, None, None)


def test_entries_drops_duplicates_and_non_entries():
    lines = parse_chat("#接龙\n打卡\n1. 张三\n2. 李四\n3. 张三 6:00\n4. 王五\n")
    assert [line.name for line in entries(lines)] == ["张三", "李四", "王五"]
    assert lines[4].duplicate_of == 3


def test_third_occurrence_points_at_the_first():
    lines = parse_chat("1. Amy\n2. AMY\n3. amy\n")
    assert [line.duplicate_of for line in lines] == [None, 1, 1]


def test_paste_line_is_frozen():
    (line,) = parse_chat("张三")
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.name = "李四"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("张三", "张三"),
        ("  张\u3000三  ", "张 三"),
        ("Tom   Lee", "tom lee"),
        ("ＡＭＹ", "amy"),
        ("Ｔｏｍ　Ｌｅｅ", "tom lee"),
        ("张\u200b三\ufeff", "张三"),
        ("❤️心心", "❤心心"),
        ("👨\u200d👩\u200d👧王妈妈", "👨👩👧王妈妈"),
        ("🌞小美🌸", "🌞小美🌸"),
        ("小明１２", "小明12"),
        ("", ""),
    ],
)
def test_normalise_name(name: str, key: str):
    assert normalise_name(name) == key


def test_normalise_name_is_idempotent():
    for name in ["ＡＭＹ", "  Tom\u3000Lee ", "❤️心心", "小美🌸"]:
        assert normalise_name(normalise_name(name)) == normalise_name(name)


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("张三 5:58", "05:58"),
        ("张三 05:58", "05:58"),
        ("张三 ６：０５", "06:05"),
        ("张三 6点", "06:00"),
        ("张三 6点半", "06:30"),
        ("张三 6点5分", "06:05"),
        ("张三 下午3:15", "15:15"),
        ("张三 3:15pm", "15:15"),
        ("张三 12:00 am", "00:00"),  # midnight, as the table reader (fields.twelve_hour) reads it
        ("张三 6:00:59", "06:00"),
        ("张三 24:00", "24:00"),  # midnight at the end of the day, as 晚上12点 (chat_parse.END_OF_DAY)
        ("张三 24:30", None),
        ("张三 6:75", None),
    ],
)
def test_times(line: str, time: str | None):
    assert parse_chat("1. " + line)[0].time == time


@given(st.text(max_size=300))
@example("A:1")  # a chat message that is only chatter: 'chatter', a reason the paste page names (a clean-clone run)
@example("张三：好的\n李四：今天打卡了吗？\n王五：明天开始打卡\n赵六：@所有人 请大家打卡\n@张三 记得打卡")
@settings(max_examples=300, deadline=None)
def test_any_text_parses(text: str):
    lines = parse_chat(text)
    assert len(lines) == len(text.splitlines())
    for line in lines:
        assert line.kind in KINDS
        if line.kind == "entry":
            assert line.name is not None
        elif line.kind == "ignored":  # a line naming someone without checking in: why, and maybe who
            # every reason is one the paste page names to the user ('share' is shown as a check-in to pick for)
            assert line.ignored in IGNORED_REASONS or line.ignored == "share"
            assert line.name is None or (line.name == line.name.strip() and line.name)
        else:
            assert line.name is None
        if line.kind == "entry":
            assert line.name == line.name.strip() and line.name
            assert line.remark is None or line.remark == line.remark.strip()


def test_sub_numbers_keycaps_english_remarks_and_run_times():
    """Third probe: 2.1 / 2-1 sub-entries of a chain under way, 1️⃣1️⃣ and 🔟 keycaps, an English remark after a
    Latin name, and a run's time or pace that is not when the member posted."""
    lines = parse_chat("#接龙 打卡\n1. 张三\n2.1 张三丰\n2-1 何静\n🔟 王五\n1️⃣1️⃣ 马丁\n")
    assert [(x.name, x.number) for x in lines if x.kind == "entry"] == [
        ("张三", 1),
        ("张三丰", 2),
        ("何静", 2),
        ("王五", 10),
        ("马丁", 11),
    ]
    assert parse_chat("11.22 早起打卡\n1. 张三\n")[0].kind == "header"  # before any entry: a date, not a sub-number
    assert parse_chat("英语打卡\nLily Finished chapter 3 ✅\n")[1].name == "Lily"
    times = [
        parse_chat("1. " + text)[0].time
        for text in ("李四 10公里 1:05:32", "王五 3km 5:45配速", "刘洋 21.1km 半马 2:01:33", "孙浩 跑步5.2公里 6:45")
    ]
    assert times == [None, None, None, "06:45"]


def test_a_list_line_among_chat_lines_is_an_entry():
    """`张三 打卡` pasted among `李四: 打卡` lines was chat noise (skipped): it is a list line that checks in."""
    lines = parse_chat("张三 打卡\n何静 打卡 ✅\n李四: 打卡\n王五：打卡\n")
    assert [(x.kind, x.name) for x in lines] == [
        ("entry", "张三"),
        ("entry", "何静"),
        ("entry", "李四"),
        ("entry", "王五"),
    ]
    assert parse_chat("李四: 打卡\n王五: 打卡\n今天大家都打卡了吗\n")[2].kind == "noise"  # no name before the words
