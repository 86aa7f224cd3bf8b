"""Tests for desktop/io/fields.py: header synonyms and the cell normalisers."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.io.fields import (
    FIELDS,
    ImportProblem,
    clean_header,
    clean_text,
    header_field,
    map_headers,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_gender,
    parse_phone,
)

WHERE = {"file": "roster.xlsx", "row": 7, "column": "手机"}

# ---------------------------------------------------------------- FIELDS and map_headers


def test_fields_hold_the_agreed_synonyms():
    required = {
        "name": ["姓名", "名字", "真实姓名", "name", "成员"],
        "nickname": ["昵称", "群昵称", "微信昵称", "nickname"],
        "wechat_id": ["微信号", "微信", "wxid", "wechat", "wechat id"],
        "phone": ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile", "tel"],
        "joined_at": ["入群时间", "加入时间", "入群日期", "join date", "joined"],
        "gender": ["性别", "gender"],
        "city": ["城市", "地区", "所在城市", "city"],
        "occupation": ["职业", "occupation"],
        "tags": ["标签", "tags"],
        "note": ["备注", "note", "remark"],
        "referrer": ["邀请人", "推荐人", "介绍人", "referrer"],
        "status": ["状态", "status"],
        "tier": ["层级", "等级", "tier"],
        "purpose": ["进群目的", "入群目的", "purpose"],
        "real_name_verified": ["实名认证", "verified"],
    }
    for field, synonyms in required.items():
        assert set(synonyms) <= set(FIELDS[field]), field
        for synonym in synonyms:
            assert map_headers([synonym]) == {0: field}, synonym


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("WeChat ID", "wechat_id"),
        ("WECHAT", "wechat_id"),
        ("Phone", "phone"),
        ("Join Date", "joined_at"),
        ("join_date", "joined_at"),
        ("手机号码（必填）", "phone"),
        ("手机号码(选填)", "phone"),
        ("您的手机", "phone"),
        ("联系微信", "wechat_id"),
        ("微信昵称", "nickname"),
        ("QQ昵称", "nickname"),
        ("邀请人姓名", "referrer"),
        ("实名认证状态", "real_name_verified"),
        ("会员等级", "tier"),
        ("所在地区", "city"),
        ("Mobile Number", "phone"),
        ("Full Name", "name"),
        ("  姓 名 ", "name"),
        ("*姓名：", "name"),
        ("成员", "name"),
        ("成员类型", None),  # 成员 only matches exactly
        ("所在微信群", None),  # a WeChat group is not a WeChat ID
        ("订单状态", "order_status"),  # a shop's or a sign-up's state, not the membership status
        ("Attendee Status", "order_status"),
        ("签到状态", None),
        ("成员状态（报名后改为已入群）", "status"),  # a word in a remark does not veto the membership status
        ("收货人/提货人", "name"),
        ("收货人手机号/提货人手机号", "phone"),
        ("客户名称", "nickname"),
        ("微信支付单号", None),  # a payment's number, never the WeChat ID
        ("微信OpenID", None),
        ("班主任微信", None),  # the organiser's side, never the member's
        ("分销员手机号", None),
        ("微信号（助教拉群用）", "wechat_id"),
        ("Hotel", None),  # English synonyms match whole words only
        ("Ethnicity", None),
        ("5/1", None),
        ("", None),
    ],
)
def test_header_field(header, field):
    assert header_field(header) == field
    assert map_headers([header]) == ({0: field} if field else {})


def test_map_headers_uses_each_field_once_and_prefers_exact_matches():
    headers = ["联系人手机", "序号", "姓名", "手机", "联系电话", "微信号码", "微信号", "备注", ""]
    # 手机 (exact) beats the earlier 联系人手机 (substring); 联系电话 finds phone taken; 微信号 (exact)
    # beats 微信号码; columns that name nothing are left out
    assert map_headers(headers) == {2: "name", 3: "phone", 6: "wechat_id", 7: "note"}


def test_map_headers_leftmost_wins_among_equals():
    assert map_headers(["电话", "手机"]) == {0: "phone"}
    assert map_headers(["您的电话", "联系手机"]) == {0: "phone"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("　姓名：", "姓名"),
        ("ＷｅＣｈａｔ　ＩＤ", "WeChat ID"),
        ("手机号码＊", "手机号码"),
        ("*性别", "性别"),
        ("\ufeff姓名", "姓名"),
        ("入群\n时间 ", "入群 时间"),
        ("备注 : *", "备注"),
        (None, ""),
        (2026, "2026"),
        (5.0, "5"),
        (datetime(2026, 5, 1), "2026-05-01"),
    ],
)
def test_clean_header(raw, clean):
    assert clean_header(raw) == clean


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 5, 6, 10, 30), date(2026, 5, 6)),
        (date(2026, 5, 6), date(2026, 5, 6)),
        (46148, date(2026, 5, 6)),
        (46148.75, date(2026, 5, 6)),
        (25569, date(1970, 1, 1)),
        ("46148", date(2026, 5, 6)),
        ("2026/5/6", date(2026, 5, 6)),
        ("2026-05-07", date(2026, 5, 7)),
        ("2026年5月8日", date(2026, 5, 8)),
        ("2026/05/09 10:30", date(2026, 5, 9)),
        ("2026.5.6", date(2026, 5, 6)),
        ("2026/09/03 12:00:00", date(2026, 9, 3)),
        ("2026-05-07T10:30:00", date(2026, 5, 7)),
        ("２０２６／５／６", date(2026, 5, 6)),
        (" 2026 年 5 月 8 日 ", date(2026, 5, 8)),
        ("2026年5月8日 10:30", date(2026, 5, 8)),
        ("20260506", date(2026, 5, 6)),
        (20260506, date(2026, 5, 6)),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value, **WHERE) == expected


@pytest.mark.parametrize(
    "value",
    [
        "下周一",
        "2026/2/30",
        "5/6/2026",
        "2026/13/1",
        "2026年5月",
        "2026-05-07 25:00",
        "-",
        13800138000,
        5,
        float("nan"),
        True,
        time(10, 30),
        "1.38E+10",
        "0506",
    ],
)
def test_parse_date_problems_name_row_and_column(value):
    with pytest.raises(ImportProblem) as info:
        parse_date(value, file="roster.xlsx", row=7, column="入群时间")
    problem = info.value
    assert (problem.file, problem.row, problem.column) == ("roster.xlsx", 7, "入群时间")
    assert str(problem).startswith("roster.xlsx 第7行 入群时间 列: ")
    assert str(problem).endswith("(row 7, column 入群时间)")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026/05/09 10:30", datetime(2026, 5, 9, 10, 30)),
        ("2026/09/03 12:00:00", datetime(2026, 9, 3, 12, 0, 0)),
        ("2026/5/7 8:01:02", datetime(2026, 5, 7, 8, 1, 2)),
        ("2026-05-07T10:30:00.250", datetime(2026, 5, 7, 10, 30, 0, 250000)),
        ("2026年5月8日 10时30分15秒", datetime(2026, 5, 8, 10, 30, 15)),
        ("2026年5月8日", datetime(2026, 5, 8)),
        (46148.5, datetime(2026, 5, 6, 12, 0)),
        (46148.4375, datetime(2026, 5, 6, 10, 30)),
        (date(2026, 5, 6), datetime(2026, 5, 6)),
        (datetime(2026, 5, 6, 7, 8, 9), datetime(2026, 5, 6, 7, 8, 9)),
        (None, None),
    ],
)
def test_parse_datetime_keeps_the_time(value, expected):
    assert parse_datetime(value, **WHERE) == expected


@given(st.text(max_size=30))
def test_parse_date_never_fails_with_anything_but_import_problem(text):
    try:
        result = parse_date(text, **WHERE)
    except ImportProblem:
        return
    assert result is None or 1900 <= result.year <= 2100


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        ("13800138000", "13800138000"),
        ("13800138000.0", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("+86 13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("0086 138 0013 8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        (" 13800138000\t", "13800138000"),
        ("'13800138000", "13800138000"),
        ('="13800138000"', "13800138000"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010) 1234 5678", "010-12345678"),
        ("0755-1234567", "0755-1234567"),
        ("0755 12345678", "0755-12345678"),
        ("+86 10 12345678", "010-12345678"),
        (1012345678, "010-12345678"),  # a landline typed into a number cell loses its 0
        (75512345678.0, "0755-12345678"),
        ("400-123-4567", "400-123-4567"),
        ("4001234567", "400-123-4567"),
        ("+852 9123 4567", "+85291234567"),
        # a North American number as North Americans write it (an Eventbrite or Meetup export): +1
        ("(415) 555-2671", "+14155552671"),
        ("(415)555-2671", "+14155552671"),
        ("415-555-2671", "+14155552671"),
        ("415.555.2671", "+14155552671"),
        ("415 555 2671", "+14155552671"),
        ("1 (415) 555-2671", "+14155552671"),
        ("1-415-555-2671", "+14155552671"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("800-123-4567", "800-123-4567"),  # 400-/800- stay China's service numbers
        ("62345678", "62345678"),  # a local landline without its area code, kept as written
        (None, None),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_phone(value, expected):
    assert parse_phone(value, **WHERE) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("1.38E+10", "无法还原为手机号"),
        ("1.3800138E+10", "无法还原为手机号"),
        ("1.38e10", "无法还原为手机号"),
        ("13800138000a", "文字"),
        ("微信同号", "文字"),
        ("abc", "文字"),
        ("138001380", "不是有效"),
        ("1380013", "少写了数字"),  # no local number starts with 1: a mobile with digits missing
        ("12345678", "少写了数字"),
        ("12345678901", "不是有效"),
        ("13800138000/13900139000", "不是有效"),
        (13800138000.5, "不是有效"),
        (-13800138000, "不是有效"),
        (True, "不是电话号码"),
        (datetime(2026, 5, 6), "不是电话号码"),
        ("+86 123", "不是有效"),
        ("4155552671", "不是有效"),  # ten bare digits: neither China's nor written as North America's
        ("(415) 055-2671", "不是有效"),  # no exchange starts 0
    ],
)
def test_parse_phone_problems(value, fragment):
    with pytest.raises(ImportProblem) as info:
        parse_phone(value, **WHERE)
    problem = info.value
    assert (problem.file, problem.row, problem.column) == ("roster.xlsx", 7, "手机")
    assert fragment in problem.message


def test_scientific_notation_message_reads_well():
    with pytest.raises(ImportProblem) as info:
        parse_phone("1.38E+10", **WHERE)
    assert str(info.value).startswith("roster.xlsx 第7行 手机 列: 1.38E+10 无法还原为手机号")
    assert str(info.value).endswith("(row 7, column 手机)")


_CANONICAL = re.compile(r"1[3-9]\d{9}|0\d{2,3}-[1-9]\d{6,7}|[48]00-\d{3}-\d{4}|\+\d{7,15}|[1-9]\d{6,7}", re.ASCII)


@given(st.one_of(st.text(alphabet="0123456789 +-().eE.a转", max_size=20), st.integers(), st.floats()))
def test_parse_phone_is_canonical_or_a_problem(value):
    try:
        result = parse_phone(value, **WHERE)
    except ImportProblem:
        return
    assert result is None or _CANONICAL.fullmatch(result), result
    if result is not None:  # canonical forms are fixed points
        assert parse_phone(result, **WHERE) == result


# ---------------------------------------------------------------- text, gender, tags, booleans


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  张三 ", "张三"),
        ("小明🌟", "小明🌟"),
        ("Ａｌｉｃｅ　王", "Ａｌｉｃｅ\u3000王"),  # full-width kept (NFC, not NFKC)
        ("👩\u200d💻李四", "👩\u200d💻李四"),  # zero-width joiner inside an emoji kept
        ("\ufeff张三\u200b", "张三"),
        ("e\u0301", "é"),  # NFC composes
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("", None),
        ("   ", None),
        (None, None),
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        (3.5, "3.5"),
        (True, "TRUE"),
        (date(2026, 5, 6), "2026-05-06"),
        (datetime(2026, 5, 6), "2026-05-06"),
        (datetime(2026, 5, 6, 10, 30), "2026-05-06 10:30"),
        (time(8, 5, 9), "08:05:09"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


@given(st.text())
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert once is None or clean_text(once) == once


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("男", "male"),
        ("女", "female"),
        ("M", "male"),
        ("f", "female"),
        ("Male", "male"),
        ("FEMALE", "female"),
        (" 男性 ", "male"),
        ("女士", "female"),
        ("Ｍ", "male"),
        ("未知", None),
        ("", None),
        (None, None),
        (1, None),
    ],
)
def test_parse_gender(value, expected):
    assert parse_gender(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("是", True),
        ("否", False),
        ("已认证", True),
        ("未认证", False),
        ("Yes", True),
        ("no", False),
        ("√", True),
        ("×", False),
        (True, True),
        (0, False),
        (1, True),
        ("也许", None),
        (None, None),
    ],
)
def test_parse_bool(value, expected):
    assert parse_bool(value) == expected


def test_twelve_hour_and_zoned_times_fifth_probe():
    """WPS/Excel 12-hour times (2026/11/10 下午 9:00, 9:00 PM, 12:00:00 AM) and ISO times with an offset were refused
    (a survey's submission time a problem); they are read now, an offset as this machine's local time — 下午 15:00
    or a bare 下午 stays a problem."""
    from datetime import UTC, timedelta, timezone

    from desktop.io.fields import ImportProblem, parse_datetime

    def read(text):
        return parse_datetime(text, file="f", row=2, column="c")

    def local(moment):
        return moment.astimezone().replace(tzinfo=None)

    assert read("2026/11/10 下午 9:00") == datetime(2026, 11, 10, 21, 0)
    assert read("2026/11/10 上午 12:30:00") == datetime(2026, 11, 10, 0, 30)
    assert read("2026/11/10 11:59:59 PM") == datetime(2026, 11, 10, 23, 59, 59)
    assert read("2026/11/10 12:00:00 AM") == datetime(2026, 11, 10, 0, 0)
    assert read("1-Nov-26 8:30 PM") == datetime(2026, 11, 1, 20, 30)
    assert read("2026-11-10T01:00:05Z") == local(datetime(2026, 11, 10, 1, 0, 5, tzinfo=UTC))
    assert read("2026-11-10 09:00:05 +0800") == local(
        datetime(2026, 11, 10, 9, 0, 5, tzinfo=timezone(timedelta(hours=8)))
    )
    for bad in ("2026/11/10 下午 15:00", "2026/11/10 下午", "11/01/2026"):
        with pytest.raises(ImportProblem):
            read(bad)
