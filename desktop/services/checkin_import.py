"""Import check-ins from a table (PRODUCT §3.6: "check-ins from … a check-in export"): the export of a check-in
mini-program or a 群接龙/腾讯文档 sheet (one row per check-in), or an organiser's own 打卡表 (one row per
person, one column per day). No Qt here; `qundesk import checkins` and the Import dialog use `run_checkin_import`.

Flow: `read_table` (desktop/io/tabular.py, with this module's own header rule) -> `plan_checkin_import`
(layout, days, people, every row's outcome) -> the writes, all in ONE transaction.

Decisions (what a user sees follows from these):
- Layout. A header with two or more cells that read as days (2026-12-01, 12/1, 12月1日, 12.1, an Excel date
  cell or its serial number 46344 — _serial_day, read when they go up —, a bare 1–31) is a 打卡表 ("matrix"); a header with a person column and a date or time column
  (打卡日期, 日期, 打卡时间, 提交时间) is an export ("long"). Anything else is refused, saying what was looked for.
- People are matched as headless `checkin --paste` matches them (paste.RosterIndex.match): only a certain
  match (exact display name, nickname, group nickname or WeChat ID of one active member of the group) is
  used. A name two members share, a pinyin or fuzzy likeness, a former member, someone of another group,
  nobody: the row is a problem naming file, row and column. A long row with several person columns (昵称
  and 微信号) is that person when every certain match agrees. A QQ号 column is matched by the member's QQ number (a QQ
  group's export; Planner.match_qq), never by the card beside it alone.
- Days. A check-in after today, or before the person joined (unless inside an earlier closed spell, as
  checkins.record_checkins_by_day decides), is a problem. A 打卡表 prepared for the whole month has empty
  future columns: those are fine; so is a 请假 in a future column (a leave announced ahead is a leave). A year
  is never guessed silently: 12/1 takes the year of the title (2026年12月打卡表), of the sheet's name (12月) or of
  --month, else the most recent such date not after today — in a 打卡表, the first day column's, and the columns
  after it are read near it (12/1 … 12/31 on the 10th is one December: its future columns are not last year's); in
  an export's date column, a date at most AHEAD_DAYS after today is the coming one (请假 1月4日 on 2 January);
  bare day numbers need the month from one of those,
  else the file is refused asking for it (code month_needed). A title month that disagrees with --month is
  refused, and so is a 打卡表 whose date headers lie more than a month from the month the title, the sheet's name
  or --month gives (last year's template, its Excel dates showing 12月1日 with the year hidden). A title or a sheet name that names another group of the workspace (读书会 12月打卡表 imported into
  晨光早起营, paste.RosterIndex.titled_group's rule) is refused unless the user says so (other_group,
  --other-group): the same people are often in both groups. 姓名 | 12月 over a row of 1 2 3 is read as that
  month's days; day numbers that go back (28 29 30 1 2 3 under one month) are refused (month_turns): which month
  each part is in is not written. Headers typed into Excel as numbers
  (12.1, which is also how 12.10 shows) are read by their neighbours (_number_days), a lone one refused. 第1天
  第2天 (days of a camp: 第一天, Day1, D1 too) are dated by the group's first day (开营日) — day N is first day + N − 1
  — and refused without one, saying where to set it (_camp_days: a date beside the count must agree, a day outside
  the camp is a column not used and a mark in it a problem; bare 1 2 3 … under no month are the camp's days only in a
  camp with its first day and length, within it). The preview lists every day read (`CheckinPlan.days`). An export's
  day column headed 第几天 (营期第几天, 打卡第几天) or 营期天数 holds the camp's days: 第3天 or a bare 3 is day 3, dated the
  same way (without a first day, or outside the camp, a problem naming the cell); a bare 天数 / 打卡天数 is a count, not a
  day (小打卡's per-member summary), never read as one.
- Names: a person row with a name two columns disagree on (姓名 one member, 微信号 or 群昵称 another or only
  others) is a problem (conflict), never the certain one taken on one column's word.
- An export's row: a 是否打卡/打卡情况 answer (or a form's question 今天打卡了吗 / 今日是否已打卡) 否/未打卡 is no check-in (named), 请假 a leave day, anything unreadable
  a problem; a content column (内容, 接龙内容, 备注) that says 请假 is no check-in, as a pasted line is (reported, no
  leave recorded); a row dated only by its 提交时间 whose content makes up an earlier day (补昨天, 补12月3日) is a 补卡
  for that day, one that says 补卡 without the day is a problem (never logged on the day it was posted); 补第2天 makes up
  the camp's day 2, dated by the group's first day (_camp_makeup: without one, a problem).
- An export's row is late (补卡) when a 补卡/是否补卡 column says so, or when its time (提交时间) is on a later
  day than its 打卡日期: the member checked in after the day was over (checkins.py's definition); a 提交时间 before
  its 打卡日期 is a problem (one of the two columns is not what it seems). 修改时间/更新时间 is never the time,
  nor 创建时间 beside a 打卡日期 (when a 飞书/腾讯文档 row was typed in: _RECORD_STARTS).
- Cells of a 打卡表: ✓ √ ✔ ☑ ✅ 1 打卡 已打卡 签到 是 完成 TRUE (a checkbox: FALSE is none) → a check-in; a time (07:12) → a check-in posted then;
  an amount (800, 800字, 30分钟, 5.2km: a writing camp's words, a reading group's minutes) → a check-in, 0字 none;
  补 补卡 → a late check-in (补卡); 请假 假 事假 病假 → leave; empty × ✗ 0 未打卡 缺卡 - – → none. Anything
  else is a problem naming the cell. A row below the header that is a header again (姓名 | 12/8 | 12/9: the next
  week's block under the first) gives the days of the rows below it; when one of its days cannot be read, those
  rows are problems. A cell merged across days (请假 over 12/2–12/4) is every day of the merge. A
  cell with a fill colour and nothing in it is a problem naming the cell (colours are not read as marks, and a
  sheet marked by colour must not read as no check-ins), unless the row's name cell or the day's header cell has
  the same colour (a banded row, a grey weekend column: the sheet's look). Merges and fills are read from .xlsx
  files up to LOOK_MAX_BYTES and LOOK_MAX_CELLS (_with_look). Columns headed 合计/总计/次数/打卡率/备注…, and rows named 合计/总计/
  人数… (in the name column or the 序号 column), are totals: listed as skipped, never days or people; a row
  of weekdays (一 二 三, 周一) under the dates is skipped as such; a column with values but no header is listed
  as not used.
- Sheets: one sheet is imported at a time (the first check-in table — the first sheet whose header row is a check-in
  table's, not a roster whose rows hold dates: QunDesk's own workbook is read from its 打卡明细, not its 成员名册 —
  or --sheet / the dialog's choice); the
  workbook's other sheets that are check-in tables too (one sheet a week) are named (CheckinPlan.other_sheets),
  never passed over unseen.
- Hidden rows (hidden by hand, or by a filter the organiser left on: 只看未打卡): the file holds them, so their
  check-ins are read like any other row's — a filter is a way of looking, not of deleting — and each such row's
  outcome says it is hidden (RowOutcome.hidden, HIDDEN_ROW), in the CLI and the window, as a roster's does.
- Writes: check-ins through checkins.record_checkins_by_day (source "import"; points, streak bonuses and the
  audit come with it; the posted time when the file has one; 补 → late). A (member, day) that already has a
  check-in is reported as already there, so importing the same file again writes nothing. 请假 cells
  become leave ranges (consecutive days joined) through checkins.record_leave; a day already inside a
  leave is reported as already recorded, so a new range never overlaps an existing one. A check-in on a
  day the same row marks as leave cannot happen (one cell, one mark); a leave day on which the same person has a
  check-in on another row of the file (张伟 and 大伟 listed twice) or in the database is a problem on the leave's
  row, and a × on a day the person has a check-in is a problem on its row (an import deletes no check-in:
  _leave_against_checkins).
- A plan with problems writes nothing, unless the user chose to leave the rows with problems out
  (`skip_problems`, as imports.run_import): then every other row is written and each row left out is
  named. A problem of the file itself (no layout, an unreadable date header, the month missing) always
  refuses it. One audit row "import.checkins" with the counts.
"""

from __future__ import annotations

import re
import time as _time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.chat_parse import FUTURE_MAKEUP_RE, LEAVE_WORDS_RE, without_promises
from desktop.errors import NotFound, ValidationError
from desktop.io.fields import (
    CellError,
    ImportProblem,
    clean_header,
    ends_its_day,
    header_field,
    night_twelve,
    parse_datetime,
    twelve_hour,
    without_zone,
    zone_moved_day,
    zone_moved_note,
    zone_offset,
)
from desktop.io.group_column import (
    GroupColumn,
    SeveralGroups,
    group_column_index,
    group_key,
    one_group,
    read_group_column,
)
from desktop.io.tabular import ProgressLike, Row, Table, other_sheets_note, read_table
from desktop.numerals import cn_number
from desktop.services.audit import record_audit
from desktop.services.checkins import EARLIEST_DAY, CheckinEntry, record_checkins_by_day, record_leave
from desktop.services.operators import Actor, require
from desktop.services.paste import (
    FORMER,
    Candidate,
    RosterIndex,
    already_by_day,
    camp_date,
    camp_day_outside,
    camp_makeup_day,
    describe_person,
    group_camp,
    made_up_day,
)
from models import Group, Leave, Member, Membership, PointsEntry, clock

__all__ = [
    "CheckinImportFailed",
    "CheckinPlan",
    "CheckinSummary",
    "RowOutcome",
    "checkin_header",
    "describe_outcome",
    "existing_group",
    "parse_month",
    "plan_checkin_import",
    "read_checkin_table",
    "run_checkin_import",
]

LONG, MATRIX = "long", "matrix"
PROGRESS_ROWS = 500  # rows planned between two progress reports
AHEAD_DAYS = 31  # an export's month/day without a year up to this many days after today is the coming one

# outcomes of a row (RowOutcome.outcome)
PLANNED, NOTHING, SKIPPED, PROBLEM = "planned", "nothing", "skipped", "problem"


def _fold(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().casefold() if value is not None else ""


def _words(*words: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in words)


CHECK_MARKS = _words(
    "✓",
    "√",
    "✔",
    "☑",
    "✅",
    "✓️",
    "✔️",
    "1",
    "打卡",
    "已打卡",
    "已签到",
    "签到",
    "已签",
    "是",
    "y",
    "yes",
    "完成",
    "已完成",
    "true",  # a checkbox as a CSV writes it (Numbers, Google Sheets, Excel): what an .xlsx's TRUE cell reads as
)
# – (en dash): the monthly workbook's 打卡明细 marks a day that was not the person's so (report.MARK_AWAY)
NONE_MARKS = _words(
    "×", "✗", "✘", "❌", "x", "0", "未打卡", "未签到", "缺卡", "缺", "否", "未完成", "-", "–", "—", "－", "n", "no", "/",
    "false",
)  # fmt: skip
# a check-in mini-program's 打卡状态 for a check-in on time: a check-in (never "late" under a 是否补卡 column)
ON_TIME_MARKS = _words("正常", "正常打卡", "按时打卡", "按时", "准时", "准时打卡")
LEAVE_MARKS = _words("请假", "假", "事假", "病假", "休", "休假", "已请假")
LATE_MARKS = _words("补", "补卡", "补打卡", "已补卡", "补签", "补✓", "补√")
TOTAL_WORDS = (
    "合计",
    "总计",
    "小计",
    "累计",
    "次数",
    "打卡次数",
    "打卡天数",
    "天数",
    "打卡率",
    "完成率",
    "出勤率",
    "签到率",
    "人数",
    "打卡人数",
    "统计",
    "平均",
    "总数",
    "total",
    "sum",
    "rate",
    "count",
)
_WEEKDAY_RE = re.compile(r"^(?:周|星期|礼拜)?[一二三四五六日天]$|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$")
_WEEKDAY_PART = re.compile(r"[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?|[(（]\s*[一二三四五六日天]\s*[)）]")
# a day number over its weekday, as the monthly report's 打卡明细 heads its days (2 / 一, 2 / M: "2\n一" read as "2 一"):
# only the Sundays (1 日) were read as days, every other day of QunDesk's own matrix was "not a day: not used"
_BARE_WEEKDAY = re.compile(r"(?<=\d)\s+(?:[一二三四五六日]|[mtwfs]|mon|tue|wed|thu|fri|sat|sun)\.?$", re.IGNORECASE)
_TIME_RE = re.compile(r"^(\d{1,2})\s*[:：点时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?$")
_FULL_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_MONTH_DAY_RE = re.compile(r"^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$")
_DAY_RE = re.compile(r"^(\d{1,2})\s*[日号]?$")
_TITLE_MONTH_RE = re.compile(
    r"(?:(\d{4})\s*年\s*)?(?<!\d)(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])|(\d{4})\s*[-/.]\s*(\d{1,2})(?!\d)(?!\s*[-/.]\s*\d)"
)
# a 打卡表's column headed by a day of the camp (第1天, 第十五天, Day1, Day 1, D1, 第1天打卡), maybe with its date beside it
# (第1天 11/16, 第1天（11月16日）, Day 1\n11/16): `_camp_header`
_CAMP_HEADER_RE = re.compile(
    r"^(?:第\s*(?P<n>[0-9]{1,3}|[一二两三四五六七八九十〇零]{1,4})\s*天|(?:day|d)\s*(?P<n2>[0-9]{1,3})(?![0-9]))"
    r"\s*(?:打卡|签到|check-?in)?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# the week a camp's days are merged under (第一周 over 第1天 … 第7天, Week 2 over Day 8 … Day 14)
_CAMP_WEEK_RE = re.compile(
    r"第\s*(?P<w>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*周|week\s*(?P<w2>[0-9]{1,2})", re.IGNORECASE
)
_CAMP_REST_STRIP = " \t\n()（）[]【】|｜·,，:：-—–/"
# … and a camp tool's day of the camp the check-in is for (营期天数 第3天: a 训练营's assignment of day 3)
_DATE_HEADER_WORDS = ("打卡日期", "签到日期", "打卡日", "营期天数", "第几天", "营期日", "日期", "date", "day")
# … of which these head the camp's day numbers (第几天 | 1, 营期天数 | 3): a bare number under them is day N of the camp
_CAMP_DAY_HEADER_WORDS = ("营期天数", "第几天")
_CAMP_DAY_NUMBER = re.compile(r"[0-9]{1,3}")
_TIME_HEADER_WORDS = (
    "打卡时间",
    "签到时间",
    "提交时间",
    "填写时间",
    "提交于",
    "时间",
    "time",
    "submitted",
    # English forms: Google Forms' Timestamp, Typeform's Submit Date (UTC), Microsoft Forms' Completion time
    "timestamp",
    "submittedat",
    "submitdate",
)
_LATE_HEADER_WORDS = ("补卡", "是否补卡", "补打卡", "补签")
# what kind of check-in a row is (正常打卡 / 补卡), as check-in mini-programs head it
_TYPE_HEADER_WORDS = ("打卡类型", "打卡方式", "类型")
_TYPE_SAYS_LATE = re.compile(r"^补$|补卡|补打卡|补签")
# an export's answer to "did you check in today": only a yes is a check-in (否/未打卡 is not, 请假 is leave)
_STATUS_HEADER_WORDS = ("是否打卡", "打卡情况", "打卡状态", "完成情况", "是否完成")
# what the member wrote: read for 请假 (not a check-in) and 补昨天 (an earlier day), as a pasted line is
_CONTENT_HEADER_WORDS = ("内容", "备注", "留言", "心得", "打卡内容", "接龙内容", "content", "remark", "note")


def _letters(index: int) -> str:
    """Excel's column letters of a 0-based column index (0 -> A, 26 -> AA)."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _column(headers: list[str], index: int) -> str:
    header = headers[index] if index < len(headers) else ""
    return f"{_letters(index)} ({header})" if header else _letters(index)


def _is_total(text: str) -> bool:
    key = _fold(text).replace(" ", "")
    return bool(key) and any(key == w or (len(key) <= 8 and key.startswith(w)) or key.endswith(w) for w in TOTAL_WORDS)


# 每日合计 / Per day: the totals rows of QunDesk's own 打卡明细 (the monthly report)
_TOTAL_ROW_STARTS = ("合计", "总计", "小计", "累计", "统计", "total", "每日合计", "perday")
# an export's footer counting its rows: 共4条, 共计 12 条记录, 共 3 人
_COUNT_FOOTER_RE = re.compile(r"^共计?:?\d+(?:条|人|次|个|项)(?:记录|数据|打卡)?$")


def _is_total_row(name: str) -> bool:
    """A row named as a total (合计, 总计：, 打卡人数, Total), not a person (a person called 李天数 is a person)."""
    key = _fold(name).replace(" ", "").rstrip(":：")
    if key in {_fold(w) for w in TOTAL_WORDS} or _COUNT_FOOTER_RE.match(key):
        return True
    # 合计：, 合计(人), 总计 12 — never 统计员小王: what follows the word is no name
    return any(
        key.startswith(w) and not re.search(r"[^\W\d_]", key[len(w) :].replace("人", "")) for w in _TOTAL_ROW_STARTS
    )


def _clock_time(value: object) -> time | None:
    """A time-of-day cell (a time, a duration under a day as some readers give it, or 07:12, 下午 3:05, 7:05 PM as
    text)."""
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        seconds = int(value.total_seconds())
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    if not isinstance(value, str):
        return None
    text, half = twelve_hour(_fold(value))  # 下午 3:05, 7:05 PM: a 12-hour time as WPS, Excel and 问卷 tools write it
    m = _TIME_RE.match(text)
    if m is None or int(m[2]) >= 60 or int(m[3] or 0) >= 60:
        return None
    hour = int(m[1])
    if half is not None:
        if not (1 if half == "pm" else 0) <= hour <= 12:
            return None
        if night_twelve(_fold(value), hour):
            return None  # 晚上12:00 is midnight after the day, no time of it: the cell is a problem, never noon
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, int(m[2]), int(m[3] or 0)) if hour < 24 else None


# who checked in, as check-in tools head the column (beside the roster's 姓名/昵称/群昵称/微信号)
PERSON_HEADERS = _words(
    "打卡人",
    "提交人",
    "提交者",
    "填写人",
    "填写者",
    "接龙人",
    "用户名",
    "微信名",
    "学员",
    "打卡成员",
    "打卡用户",
    "参与者",
    "参与人",
    "用户",
    "人员",
)


def _is_person_header(text: str) -> bool:
    if not text:
        return False
    return _fold(text).replace(" ", "") in PERSON_HEADERS or header_field(text) in (
        "name",
        "nickname",
        "wechat_id",
        "qq",
    )


# when a table's row was made (飞书 多维表格 and 腾讯文档 智能表 add 创建时间 to every row): beside a 打卡日期 it is not the
# member's time — an organiser typing last week's check-ins on Sunday made every one of them a 补卡 posted on Sunday
_RECORD_STARTS = ("创建", "录入", "添加", "新建", "记录创建", "created")
_RECORD_WHY = (
    "记录的创建时间, 不是打卡时间, 未使用 (when the row was created, not when the member checked in: not used)"
)
_NOT_THE_DAY_STARTS = (
    "入群",
    "加入",
    "进群",
    "退群",
    # a person's other days in a roster or an entry sheet (QunDesk's own 入群进度: 申请日期 beside 姓名) — never the
    # day of a check-in
    "申请",
    "报名",
    "注册",
    "出生",
    "生日",
    "入会",
    "入营",
    "开营",
    "结营",
    "到期",
    "截止",
    "缴费",
    "交费",
    "付款",
    "支付",
    "下单",
    "修改",
    "更新",
    "最后",
    "最近",
    "最新",
    "上次",
    "首次",
    "第一次",
    "末次",
    "编辑",
    "导出",
    "开始",
    "结束",
)


def _kind_header(text: str, words: tuple[str, ...]) -> bool:
    """A header that is, or ends with, one of the words (提交时间, 打卡日期) — not a join date (入群时间) nor when the
    row was last edited (修改时间, 更新时间: 腾讯文档 and 金数据 add them; an edit is not a check-in), nor a per-member
    summary's first or latest check-in (小打卡's 最近打卡时间, 群打卡's 首次打卡: one day of many, not a check-in)."""
    key = _question_key(without_zone(text))  # 提交时间 (UTC), Submit Date (UTC): the zone is read from it apart
    if key.startswith(_NOT_THE_DAY_STARTS):
        return False
    return any(key == w or key.endswith(w) for w in words)


_QUESTION_NO = re.compile(r"^(?:q?\d{1,3}\s*[、.)）:：]|[(（]\d{1,3}[)）]|第\d{1,3}题[、.:：]?)\s*")
# a form's question asking whether the member checked in today (问卷星 2、今天打卡了吗？, 金数据 今日是否已打卡)
_STATUS_QUESTION_RE = re.compile(
    r"(?:是否|有没有|有无).{0,4}(?:打卡|签到|完成)|(?:打卡|签到|完成)了?(?:吗|没有?|与否)$"
)


def _question_key(text: str) -> str:
    """A header as compared with the words: folded, without a form's question number (1、 Q2. (3)) and the
    punctuation after a question (：？*), so 问卷星's 3、打卡日期： is 打卡日期."""
    key = _fold(text).replace(" ", "")
    return _QUESTION_NO.sub("", key).rstrip(":：?？*")


def _is_status_header(text: str) -> bool:
    """An export's column answering "did you check in": 是否打卡, 打卡情况 … or a form's question (今天打卡了吗)."""
    return _kind_header(text, _STATUS_HEADER_WORDS) or bool(_STATUS_QUESTION_RE.search(_question_key(text)))


def _first_column(headers: list[str], words: tuple[str, ...], taken: tuple[int | None, ...]) -> int | None:
    """The column of the first word (in the words' order: 打卡时间 before 提交时间 before a bare 时间) a header
    is or ends with."""
    for word in words:
        for i, h in enumerate(headers):
            if i not in taken and _kind_header(h, (word,)):
                return i
    return None


def _month_day(month: int, dom: int, reference: tuple[int, int] | None, today: date) -> date | None:
    """The date of month/day: in the year nearest the reference month (title or --month), else the most recent
    such date not after today."""
    try:
        if reference is not None:
            ry, rm = reference
            best = min((ry - 1, ry, ry + 1), key=lambda y: abs((y * 12 + month) - (ry * 12 + rm)))
            return date(best, month, dom)
        year = today.year
        if (month, dom) > (today.month, today.day):
            year -= 1
        return date(year, month, dom)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Day:
    """How a header reads as a day: `day` when it does; `bare` when it is a day of the month without a month."""

    day: date | None
    bare: int | None = None
    written: str = ""


def _header_day(value: object, text: str, reference: tuple[int, int] | None, today: date) -> _Day | None:
    """A header cell read as a day, or None when it is not day-like at all. `_Day(None)` is a day-like header
    that is not a real date (13/45)."""
    if isinstance(value, datetime):
        return _Day(value.date(), written=text)
    if isinstance(value, date):
        return _Day(value, written=text)
    raw = unicodedata.normalize("NFKC", text).strip()
    raw = _WEEKDAY_PART.sub("", raw).strip()
    raw = _BARE_WEEKDAY.sub("", raw)
    if "-" in raw and re.search(
        r"[^\d\s./-]", raw.rsplit("-", 1)[0]
    ):  # a two-row header combined as "上级-下级" (12月-1): the lower part
        upper, raw = (part.strip() for part in raw.rsplit("-", 1))
        if _MONTH_DAY_RE.match(upper) or _FULL_DATE_RE.match(upper):
            return None  # 12月1日-12月7日, 12月8日-14日: a week (a weekly total's column), never its last day
        month = _TITLE_MONTH_RE.search(upper)
        if month and month[2] and _DAY_RE.match(raw) and 1 <= int(month[2]) <= 12:  # 12月 over 1 2 3 …
            dom = int(_DAY_RE.match(raw)[1])  # type: ignore[index]
            if month[1]:
                try:
                    return _Day(date(int(month[1]), int(month[2]), dom), bare=dom, written=text)
                except ValueError:
                    return _Day(None, written=text)
            return _Day(_month_day(int(month[2]), dom, reference, today), bare=dom, written=text)
    raw = raw.split("\n")[0].strip()
    if isinstance(value, float) and not value.is_integer():
        # 12.1 typed into Excel is a number (and 12.10 shows as 12.1): read here as written, to find the header;
        # the plan reads number headers together, by their neighbours (_number_days)
        raw = repr(value)
    m = _FULL_DATE_RE.match(raw)
    if m:
        try:
            return _Day(date(int(m[1]), int(m[2]), int(m[3])), written=text)
        except ValueError:
            return _Day(None, written=text)
    m = _MONTH_DAY_RE.match(raw)
    if m:
        month, dom = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return _Day(None, written=text)
        return _Day(_month_day(month, dom, reference, today), written=text)
    m = _DAY_RE.match(raw)
    if m and (isinstance(value, (int, str)) or (isinstance(value, float) and value.is_integer())):
        dom = int(m[1])
        if not 1 <= dom <= 31:
            return None
        if reference is None:
            return _Day(None, bare=dom, written=text)
        try:
            return _Day(date(reference[0], reference[1], dom), bare=dom, written=text)
        except ValueError:
            return _Day(None, bare=dom, written=text)
    return None


_RANGE_SPLIT_RE = re.compile(r"\s*(?:-|~|～|—|–|至|到)\s*")


def _is_day_range(text: str) -> bool:
    """12月1日-12月7日, 12.1~12.7, 12/1至12/7, 12月8日-14日: a range of days (a week's column), not one day."""
    raw = _WEEKDAY_PART.sub("", unicodedata.normalize("NFKC", text)).strip()
    parts = [part for part in _RANGE_SPLIT_RE.split(raw) if part]
    return (
        len(parts) == 2
        and bool(_MONTH_DAY_RE.match(parts[0]) or _FULL_DATE_RE.match(parts[0]))
        and bool(_MONTH_DAY_RE.match(parts[1]) or _FULL_DATE_RE.match(parts[1]) or _DAY_RE.match(parts[1]))
    )


def _camp_header(text: str) -> tuple[int, str] | None:
    """(the camp day, the rest of the header) of a column headed by a day of the camp — 第1天, 第十五天, Day1, Day 1,
    D1, 第1天打卡, 第1天 11/16 (the rest, "11/16", read by the caller as the date beside it) — else None. A header
    that goes on with other words (第1天作业, Day 1 homework) is no camp day's column."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    m = _CAMP_HEADER_RE.match(raw)
    week: int | None = None
    if m is None and "-" in raw:  # 第一周-第1天: a week merged over its days (read_table joins the two header rows)
        upper, lower = raw.rsplit("-", 1)
        found = _CAMP_WEEK_RE.fullmatch(upper.strip())
        if found is not None:
            week_no = found["w"] or found["w2"]
            week = int(week_no) if week_no.isdigit() else cn_number(week_no.replace("两", "二"))
            m = _CAMP_HEADER_RE.match(lower.strip())
    if m is None:
        return None
    number = m["n"] or m["n2"]
    n = int(number) if number.isdigit() else cn_number(number.replace("两", "二"))
    if n is None:
        return None
    rest = m["rest"].strip(_CAMP_REST_STRIP)
    if week is not None and not 7 * (week - 1) < n <= 7 * week:
        # 第二周 over 第1天 … 第7天: days counted within the week, or a typo? Which camp day is not written: a header
        # that cannot be read (refused), never day 1 of the camp
        return n, "?"
    if rest and not re.fullmatch(
        r"[\d\s年月日号/.\-周星期礼拜一二三四五六日天()（）,，]*", _EN_WEEKDAY_RE.sub("", rest)
    ):
        return None
    return n, rest


_EN_WEEKDAY_RE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", re.IGNORECASE)
_CN_WEEKDAY_RE = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAYS_CN = "一二三四五六日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # not the locale's


def _beside(text: str, near: tuple[int, int] | None, today: date) -> tuple[date | None, int | None, bool]:
    """What a camp day header writes beside its count (第1天 11/16, 第1天（周一）, Day 1 Mon 11/16): (the date, the
    weekday — Monday 0 —, whether it could be read at all)."""
    weekday: int | None = None
    cn = _CN_WEEKDAY_RE.search(text)
    en = _EN_WEEKDAY_RE.search(text)
    if cn is not None:
        weekday = "一二三四五六日天".index(cn[1]) if cn[1] != "天" else 6
    elif en is not None:
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(en[1].lower())
    rest = _EN_WEEKDAY_RE.sub("", _CN_WEEKDAY_RE.sub("", text)).strip(_CAMP_REST_STRIP)
    if not rest:
        return None, weekday, True
    read = _header_day(rest, rest, near, today)
    if read is None or read.day is None:
        return None, weekday, False
    return read.day, weekday, True


SERIAL_FIRST, SERIAL_LAST = 36526, 73050  # Excel serial dates 2000-01-01 … 2099-12-31: a header of those is a date


def _serial_day(text: str, date1904: bool = False) -> date | None:
    """A header that is an Excel serial date written as a number (46344: a date cell whose format was lost, pasted as
    values, or a CSV of it) — the date it is, else None."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not re.fullmatch(r"\d{5}(?:\.0)?", raw) or not SERIAL_FIRST <= int(float(raw)) <= SERIAL_LAST:
        return None
    return (date(1899, 12, 30) if not date1904 else date(1904, 1, 1)) + timedelta(days=int(float(raw)))


def checkin_header(rows: list[Row]) -> int:
    """The header of a check-in table among the first rows (tabular.read_table's find_header): the first row
    with a person column and either two or more day-like cells (a 打卡表) or a date/time column (an export);
    -1 when none is (read_table then says it found no header)."""
    today = clock.today()
    person_above: int | None = None
    for index, (_row_no, values) in enumerate(rows):
        texts = [clean_header(v) for v in values]
        person = any(_is_person_header(t) for t in texts)
        days = sum(
            1
            for v, t in zip(values, texts, strict=True)
            if t
            and not _is_person_header(t)
            and (_header_day(v, t, (today.year, today.month), today) is not None or _serial_day(t) is not None)
        )
        camp = sum(1 for t in texts if _camp_header(t) is not None)  # 第1天 第2天: dated by the camp's first day
        # 12/1 | =B1+1 | =C1+1 (a template's days by formula) in a file no program calculated: a 打卡表 whose day
        # headers the plan refuses, naming them — not "no check-in file"
        formulas = sum(1 for v in values if isinstance(v, CellError) and v.kind == "formula")
        if person and (
            days >= 2
            or (days and days + formulas >= 2)
            or camp >= 2
            or any(_kind_header(t, _DATE_HEADER_WORDS + _TIME_HEADER_WORDS) for t in texts)
        ):
            return index
        if not person and person_above is not None and (days >= 2 or camp >= 2):
            # 姓名 | 12月 over a row of 1 2 3 …: the row above is the header (read_table joins the days' row to it
            # when a merge says so; else the plan reads the days' row, _days_row)
            return person_above
        person_above = index if person else None
    return -1


def read_checkin_table(path: str | Path, *, sheet: str | None = None, progress: ProgressLike | None = None) -> Table:
    """The file's table, its header found by the check-in rule (a roster's rule takes a row of ✓ for a header).
    A file with no such header (a roster chosen by mistake) is refused saying what a check-in file needs."""
    try:
        table = read_table(path, sheet=sheet, progress=progress, find_header=checkin_header)
        table = _with_look(Path(path), table)
        if len(table.sheets) > 1:
            table = _with_other_sheets(Path(path), table)
            if sheet is None and table.also_sheets and checkin_header([(table.header_row, list(table.headers))]) != 0:
                # no sheet chosen, and the first one read has no check-in header, only dated rows (QunDesk's own
                # monthly workbook: 成员名册's 入群日期 and 最近参与 before 打卡明细): the first sheet that has one is read
                first = read_table(path, sheet=table.also_sheets[0], progress=progress, find_header=checkin_header)
                table = replace(_with_look(Path(path), first), also_sheets=table.also_sheets[1:])
        return table
    except ImportProblem as exc:
        if exc.code not in ("no_header", "no_table"):
            raise
        raise ImportProblem(
            exc.file,
            None,
            None,
            "这不像打卡记录: 前几行里找不到一行同时有名字列 (姓名, 昵称, 群昵称, 微信号, 打卡人) 和日期 (打卡日期,"
            " 提交时间, 营期的第几天, 或 12/1、12月1日、1 2 3 这样的日期表头; 天数、打卡天数 是次数, 不是哪一天)"
            " (not a check-in file: no row near the top has a name column and dates — a 打卡日期, 提交时间 or 第几天"
            " column, or day columns such as 12/1; 天数 is a count, not a day)",
            "no_checkin_header",
        ) from None


LOOK_MAX_BYTES = 4 << 20  # a workbook up to this size has its merges and fills read (a 打卡表 is far smaller)
LOOK_MAX_CELLS = 200_000  # … and up to this many cells (5,000 people × 40 columns ≈ 2 s)
_WHITE = ("FFFFFFFF", "00FFFFFF")


def _fill_colour(cell: Any) -> str | None:
    fill = getattr(cell, "fill", None)
    if fill is None or fill.fill_type in (None, "none"):
        return None
    colour = fill.fgColor
    if colour is None:
        return fill.fill_type
    if colour.type == "rgb":
        key = str(colour.rgb)
        if key in _WHITE:
            return None
    elif colour.type == "theme":
        key = f"theme{colour.theme}/{colour.tint}"
    else:
        key = f"{colour.type}{colour.value}"
    return f"{fill.fill_type}:{key}"


def _with_look(path: Path, table: Table) -> Table:
    """The table with what a 打卡表 says by its look (an .xlsx read whole, up to LOOK_MAX_BYTES): merged ranges
    below the header (请假 merged across three days is three days) and filled cells (a sheet marked by colour
    alone; the plan says so rather than read a coloured cell as nothing)."""
    if table.sheet is None or path.suffix.lower() not in (".xlsx", ".xlsm") or table.streamed:
        return table
    try:
        if path.stat().st_size > LOOK_MAX_BYTES or table.row_count * max(len(table.headers), 1) > LOOK_MAX_CELLS:
            return table  # an export of thousands of rows: read whole by openpyxl it would cost seconds
        import warnings
        from dataclasses import replace

        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, data_only=True)
        try:
            ws = book[table.sheet]
            merges = tuple(
                (r.min_row, r.min_col, r.max_row, r.max_col, ws.cell(r.min_row, r.min_col).value)
                for r in ws.merged_cells.ranges
                if r.min_row > table.header_row and (r.max_col > r.min_col or r.max_row > r.min_row)
            )
            texts = tuple(
                col - 1
                for (row, col), cell in ws._cells.items()
                if row == table.header_row and isinstance(cell.value, str)
            )
            fills = []
            for (row, col), cell in sorted(ws._cells.items()):
                if row < table.header_row:
                    continue
                colour = _fill_colour(cell)
                if colour is not None:
                    fills.append((row, col - 1, colour, cell.value in (None, "") or str(cell.value).strip() == ""))
        finally:
            book.close()
    except Exception:  # the look is a help; the values were read already
        return table
    return replace(table, cell_merges=merges, cell_fills=tuple(fills), text_header_cols=tuple(sorted(texts)))


MAX_OTHER_SHEETS = 60  # sheets looked at for "also a check-in table" (a workbook of weeks, of months)


def _with_other_sheets(path: Path, table: Table) -> Table:
    """The table with the workbook's other sheets that are check-in tables too (one sheet a week, a month): only
    one sheet is imported at a time, and the plan names the others rather than pass over them unseen. A sheet is
    one when its header is a check-in table's (a person column, and day columns or a date column): the monthly
    workbook's 成员名册, 积分 and 入群进度 were named "check-in tables too — import each of them", and each refused."""
    from dataclasses import replace

    others = []
    for name in table.sheets[:MAX_OTHER_SHEETS]:
        if name == table.sheet:
            continue
        try:
            other = read_table(path, sheet=name, find_header=checkin_header)
        except Exception:  # not a check-in table (or unreadable): nothing to name
            continue
        if other.row_count > 0 and checkin_header([(other.header_row, list(other.headers))]) == 0:
            others.append(name)
    return replace(table, also_sheets=tuple(others)) if others else table


def parse_month(text: str | None) -> tuple[int, int] | None:
    """--month YYYY-MM (also 2026/12, 2026年12月) -> (year, month); None for None; ValidationError otherwise."""
    if text is None or not str(text).strip():
        return None
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*", unicodedata.normalize("NFKC", str(text)))
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValidationError("month", f"{text} 不是月份, 请写成 YYYY-MM, 如 2026-12 (not a month: write YYYY-MM)")
    return int(m[1]), int(m[2])


def _title_month(table: Table, today: date) -> tuple[tuple[int, int] | None, str | None]:
    """(year, month) a title row above the header names (12月打卡表, 2026年12月 早起打卡), else the sheet's name
    (a workbook of one sheet a month: 11月, 12月), and the text it was read from."""
    texts = [s.text for s in table.skipped if s.reason == "title" and s.text]
    if table.sheet and not texts:
        texts = [table.sheet]
    for title in texts:
        text = unicodedata.normalize("NFKC", title)
        m = _TITLE_MONTH_RE.search(text)
        if not m:
            continue
        year, month = (m[1], m[2]) if m[2] else (m[3], m[4])
        month_no = int(month)
        if not 1 <= month_no <= 12:
            continue
        if year:
            return (int(year), month_no), title
        y = today.year if month_no <= today.month else today.year - 1  # the most recent such month
        return (y, month_no), title
    return None, None


# ---------------------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedCheckin:
    membership_id: int
    day: date
    at: datetime | None
    late: bool
    row: int
    column: str | None


@dataclass(frozen=True)
class PlannedLeave:
    membership_id: int
    day: date
    row: int
    column: str | None


@dataclass(frozen=True)
class RowOutcome:
    """One row of the sheet and what becomes of it. `outcome`: planned (it has check-ins or leave to write —
    the counts say how many are new and how many already there), nothing (a person with no check-in in the
    row), skipped (a totals row, a weekday row, a blank name) or problem."""

    row: int
    name: str
    outcome: str
    member: str | None = None  # the member matched (display name)
    checkins: int = 0  # new check-ins to write
    already: int = 0  # check-ins already there (in the database or on an earlier row of the file)
    leave: int = 0  # new leave days
    leave_already: int = 0  # leave days already recorded
    late: int = 0  # of the new check-ins, 补卡
    days: tuple[date, ...] = ()  # the days of the row's check-ins (new and already)
    problems: tuple[ImportProblem, ...] = ()
    note: str = ""
    hidden: bool = False  # a row hidden or filtered out in the sheet: read like the others, and said so (HIDDEN_ROW)


# what a row the sheet hides (by hand, or by an active filter) is told: its check-ins are read like any other's
HIDDEN_ROW = (
    "这一行在表格里是隐藏的（隐藏行或筛选），也会导入；若这一行不该导入，请在文件里删除它"
    " (a hidden or filtered-out row of the sheet: it is imported too; delete it from the file if it should not be)"
)


@dataclass(frozen=True)
class CheckinPlan:
    file: str
    sheet: str | None
    group_id: int
    group: str
    layout: str  # long | matrix
    month: tuple[int, int] | None  # the month bare days and undated headers were read in
    month_from: str | None  # "title" | "--month" | None
    days: tuple[tuple[str, date], ...]  # matrix: (column, day) of every day column read; long: the days seen
    rows: tuple[RowOutcome, ...]
    file_problems: tuple[ImportProblem, ...] = ()
    skipped_columns: tuple[tuple[str, str], ...] = ()  # (column, why)
    skipped_rows: tuple[tuple[int, str, str], ...] = ()  # (row, why, text): title rows above the header, footers
    checkins: tuple[PlannedCheckin, ...] = field(default=(), repr=False)
    leaves: tuple[PlannedLeave, ...] = field(default=(), repr=False)
    other_sheets: tuple[str, ...] = ()  # the workbook's other sheets that are check-in tables too: not read
    camp_start: date | None = None  # the camp's first day, when columns headed by camp days (第1天) were dated by it
    # columns the sheet hides that are read (the past week's day columns hidden in Excel): said once, as a roster's are
    hidden_columns: tuple[str, ...] = ()

    @property
    def other_sheets_note(self) -> str:
        """What to tell the user of the sheets not read ("" when none)."""
        return other_sheets_note(self.other_sheets, self.sheet, "打卡表", "check-in tables")

    @property
    def hidden_columns_note(self) -> str:
        """What to tell the user of the columns read that the sheet hides ("" when none): they do not see them."""
        if not self.hidden_columns:
            return ""
        return (
            f"表格里隐藏的列 {'、'.join(self.hidden_columns)} 也会读取；若不该导入，请在文件里删除这些列"
            f" (hidden columns of the sheet are read too: {', '.join(self.hidden_columns)}; delete them from the file"
            " if they should not be imported)"
        )

    @property
    def problems(self) -> list[ImportProblem]:
        return [*self.file_problems, *(p for r in self.rows for p in r.problems)]

    @property
    def problem_rows(self) -> int:
        return sum(1 for r in self.rows if r.outcome == PROBLEM)

    @property
    def ok(self) -> bool:
        return not self.file_problems and not self.problem_rows

    @property
    def skippable(self) -> bool:
        """The problems are rows' only and some row has something to write (as imports.skippable)."""
        return not self.file_problems and self.problem_rows > 0 and any(r.outcome == PLANNED for r in self.rows)

    def count(self, what: str) -> int:
        return sum(getattr(r, what) for r in self.rows if r.outcome == PLANNED)


@dataclass(frozen=True)
class CheckinSummary:
    file: str
    group_id: int
    logged: int  # check-ins written now
    already: int  # check-ins that were already there
    leave_days: int  # leave days written now
    leave_already: int
    late: int  # of the logged, 补卡
    left_out: int  # rows with problems left out at the user's choice
    points: int = 0
    seconds: float = 0.0
    undo_id: int | None = None  # its record for `import_undo.undo_last_import` (None: it wrote nothing)


class CheckinImportFailed(ImportProblem):
    """The plan has problems and nothing was written: carries the plan; str() is the first problem."""

    def __init__(self, plan: CheckinPlan):
        first = plan.problems[0]
        super().__init__(first.file, first.row, first.column, first.message, first.code, first.value)
        self.plan = plan
        self.problems = plan.problems

    def __reduce__(self):
        return (ImportProblem, (self.file, self.row, self.column, self.message, self.code, self.value))


class _Mark:
    CHECK, NONE, LEAVE, LATE = "check", "none", "leave", "late"


AMOUNT_MAX = 1_000_000  # a cell's amount (800 words, 30 minutes) up to this: larger is no amount of a day's work
# an amount in a 打卡表's cell: a writing camp's word count, a reading group's pages, a running group's distance
_AMOUNT_RE = re.compile(
    r"^(\d+(?:\.\d+)?)\s*(?:字|个字|分钟|min|mins|minutes?|小时|h|hours?|页|pages?|km|公里|千米|米|m|步|steps?|篇|章|节|遍"
    r"|次|个|题|道题|单词|词|words?|课)?$"
)


def _cell_mark(value: object) -> tuple[str, time | None] | None:
    """(mark, posted time) of a 打卡表 cell, or None when it cannot be read."""
    if value is None:
        return _Mark.NONE, None
    if isinstance(value, bool):
        return (_Mark.CHECK if value else _Mark.NONE), None
    at = _clock_time(value)
    if at is not None:
        return _Mark.CHECK, at
    if isinstance(value, datetime):
        return None  # a date in a day's cell: not a mark
    if isinstance(value, (int, float)):
        if value == 0:
            return _Mark.NONE, None
        # 1, or what the member did that day: 800 (words), 30 (minutes), 5.2 (km) — a check-in; a negative is no mark
        return (_Mark.CHECK, None) if 0 < value <= AMOUNT_MAX else None
    text = _fold(value)
    if not text:
        return _Mark.NONE, None
    amount = _AMOUNT_RE.match(text)
    if amount is not None:  # 800字, 30分钟, 5km, 20页: what the member did that day (0字 is nothing done)
        return (_Mark.CHECK, None) if 0 < float(amount[1]) <= AMOUNT_MAX else (_Mark.NONE, None)
    if text in CHECK_MARKS or text in ON_TIME_MARKS:
        return _Mark.CHECK, None
    if text in NONE_MARKS:
        return _Mark.NONE, None
    if text in LEAVE_MARKS:
        return _Mark.LEAVE, None
    if text in LATE_MARKS:
        return _Mark.LATE, None
    return None


def _is_late_value(value: object) -> bool:
    text = _fold(value)
    return bool(text) and (text in CHECK_MARKS or text in LATE_MARKS or text in ("true", "补卡"))


class _Planner:
    def __init__(self, session: Session, table: Table, group_id: int, group: str, today: date):
        self.session = session
        self.table = table
        self.file = table.file
        self.group_id = group_id
        self.group = group
        self.today = today
        archived = session.scalar(select(Group.archived_at).where(Group.id == group_id))
        # the day the group was archived (结营): no check-in after it (the next cohort's, whose renewers are in both)
        self.archived_on: date | None = archived.date() if archived is not None else None
        self.index = RosterIndex(session, group_id)
        self.rows: list[RowOutcome] = []
        self.file_problems: list[ImportProblem] = []
        self.checkins: list[PlannedCheckin] = []
        self.leaves: list[PlannedLeave] = []
        self._match_cache: dict[str, tuple[str, tuple]] = {}
        self.former: dict[int, Candidate] = {}  # former members named for certain: membership -> their candidate
        self.progress: ProgressLike | None = None
        self.reference: tuple[int, int] | None = (
            None  # the month 打卡表 headers are read in (title, --month, first day)
        )
        self.more_days: list[tuple[str, date]] = []  # days of headers repeated below the first (a block a week)
        self.none_marks: list[tuple[int, date, int, str]] = []  # (membership, day, row, column) of cells saying ×
        self.count_col: int | None = None  # an export's 打卡次数 (times that day): 0 is no check-in
        # a group column (群名称, 社群) naming several groups, this one among them: the rows of others are skipped
        self.groups: GroupColumn | None = None
        self.qq_columns: set[str] = set()  # person columns holding QQ numbers (QQ号): matched by the number
        # a 打卡表's columns of camp days that are no day of the camp (第22天 of 21): column -> why; a mark is a problem
        self.outside_cols: dict[int, str] = {}
        self.camp_start: date | None = None  # the first day that dated 第1天 … columns (shown with the days read)
        self.camp: tuple[date | None, int | None] = (None, None)  # the group's first day and length (开营日, 营期天数)
        self._qq: dict[str, list[tuple[int, str, str]]] | None = None

    def table_rows(self):
        """The table's rows, reporting progress every PROGRESS_ROWS (a cancel raised there stops the plan: nothing
        is written before the plan is whole)."""
        total = max(self.table.row_count, 1)
        for done, row in enumerate(self.table.rows):
            if self.progress is not None and done % PROGRESS_ROWS == 0:
                self.progress.step(done, total)
            yield row

    def problem(self, row: int | None, column: str | None, message: str, code: str, value: object = None):
        shown = None if value is None else str(value)
        return ImportProblem(self.file, row, column, message, code, shown)

    # -- people
    def match_qq(self, number: str) -> tuple[str, tuple]:
        """A QQ group's export names people by QQ号: the one membership of this group whose member has that QQ
        number (as `import chat` matches a sender's ID), in the shape of RosterIndex.match."""
        if self._qq is None:
            self._qq = {}
            rows = self.session.execute(
                select(Member.qq, Membership.id, Member.display_name, Membership.status)
                .join(Membership, Membership.member_id == Member.id)
                .where(
                    Membership.group_id == self.group_id,
                    Member.qq.is_not(None),
                    Member.deleted_at.is_(None),
                    Member.merged_into_id.is_(None),
                )
            ).all()
            for qq, mid, name, status in rows:
                self._qq.setdefault(qq.strip(), []).append((mid, name, status))
        found = self._qq.get(number.strip(), [])
        cands = tuple(Candidate(mid, name, "qq", status=status) for mid, name, status in found)
        if len(found) == 1 and found[0][2] == "active":
            return "matched", cands
        if len(found) == 1:
            return "not_member", cands
        return ("ambiguous" if found else "unmatched"), cands

    def match(self, name: str) -> tuple[str, tuple]:
        if name not in self._match_cache:
            self._match_cache[name] = self.index.match(name)
        return self._match_cache[name]

    def who(self, row: int, cells: list[tuple[str, str]]) -> tuple[int | None, str | None, list[ImportProblem]]:
        """(membership, display name, problems) of a row from its person cells [(column, text)]."""
        certain: dict[int, str] = {}
        notes: list[ImportProblem] = []
        unsure: list[tuple[str, str, set[int | None]]] = []  # ambiguous cells: (column, text, who they may be)
        told: set[int | None] = set()  # people a not-member problem of this row already names
        for column, text in cells:
            status, cands = self.match_qq(text) if column in self.qq_columns else self.match(text)
            if status == "ambiguous":
                unsure.append((column, text, {c.membership_id for c in cands}))
            if status == "matched":
                certain.setdefault(cands[0].membership_id, cands[0].display_name)
            elif status == "not_member" and self.former_member(cands):
                # certainly one former member: their days as a member are theirs (day_problem decides each day)
                self.former[cands[0].membership_id] = cands[0]
                certain.setdefault(cands[0].membership_id, cands[0].display_name)
            elif (
                status == "ambiguous"
                and len(cands) > 1
                and len({c.display_name for c in cands}) == 1
                and all(c.how not in ("pinyin", "fuzzy") for c in cands)  # a likeness is no one's name: said below
            ):
                ids = self.index.wechat_ids([c.membership_id for c in cands if c.membership_id is not None])
                told = f" ({'、'.join(f'微信号 WeChat ID {ids[c.membership_id]}' for c in cands if c.membership_id in ids)})"
                notes.append(
                    self.problem(
                        row,
                        column,
                        f"{text}: 有 {len(cands)} 位成员都叫这个名字{told if ids else ''}, 不能确定是谁; 请在表里写微信号,"
                        f" 或在名册里区分 (如改群昵称) 后再导入"
                        f" ({len(cands)} members go by this name: not certain who this is; write the WeChat ID)",
                        "ambiguous",
                        text,
                    )
                )
            elif status == "ambiguous":
                who = ", ".join(f"{c.display_name}({_HOW.get(c.how, c.how)})" for c in cands)
                notes.append(
                    self.problem(
                        row,
                        column,
                        f"{text}: 不能确定是谁, 可能是 {who}; 请在名册里区分后再导入"
                        f" (not certain who this is: could be {who})",
                        "ambiguous",
                        text,
                    )
                )
            elif status == "not_member":
                if {c.membership_id for c in cands} <= told:
                    continue  # 群昵称 and 姓名 of the same former member: said once
                told |= {c.membership_id for c in cands}
                why = "; ".join(describe_person(c) for c in cands)
                notes.append(
                    self.problem(
                        row,
                        column,
                        f"{text}: 不是本群已入群成员 (not a member of this group): {why}",
                        "not_member",
                        text,
                    )
                )
            else:
                notes.append(
                    self.problem(row, column, f"{text}: 名册中没有这个人 (nobody on the roster)", "unmatched", text)
                )
        if len(certain) > 1:
            names = "、".join(certain.values())
            message = f"这一行的名字指向不同的人: {names} (the names on this row are different people)"
            return None, None, [self.problem(row, ", ".join(c for c, _t in cells), message, "conflict")]
        if len(certain) == 1:
            mid, shown = next(iter(certain.items()))
            against = [(column, text) for column, text, who in unsure if mid not in who]
            if against:  # 姓名 says one member, 群昵称 could only be others: the row contradicts itself
                column, text = against[0]
                message = (
                    f"{text} 不是 {shown} 的名字, 这一行的名字指向不同的人 ({text} is not a name of {shown}:"
                    " the names on this row are different people)"
                )
                return None, None, [self.problem(row, column, message, "conflict", text)]
            # a certain match: a column that finds nobody (a WeChat ID the roster lacks) does not contradict it
            return mid, shown, []
        return None, None, notes

    @staticmethod
    def former_member(cands: tuple) -> bool:
        """The name is certainly one person who was a member of this group and has left (退群 / 移出 / 拉黑)."""
        return len(cands) == 1 and cands[0].membership_id is not None and cands[0].status in FORMER

    def member_then(self, mid: int, cells: list[tuple[str, str]], day: date) -> int:
        """The membership a row's day is of: `mid`, unless that member joined after the day and a former member with
        the row's name was a member then (a 张三 who left, a new 张三 since: the paste's RosterIndex.former_then) —
        that one, as a former member whose days as a member are theirs."""
        joined = self.index.joined.get(mid)
        if joined is None or day >= joined or self.index.in_closed_spell(mid, day):
            return mid
        for _column, text in cells:
            then = self.index.former_then(text, day)
            if then is not None and then.membership_id is not None:
                self.former[then.membership_id] = then
                return then.membership_id
        return mid

    def day_problem(
        self, mid: int, shown: str, day: date, row: int, column: str | None, what: str
    ) -> ImportProblem | None:
        if day > self.today and what == "打卡":  # a leave announced ahead (请假 next week) is a real leave
            return self.problem(
                row,
                column,
                f"{day} 是将来的日期, 不能记{what} ({day} is after today: no {what_en(what)} for a future day)",
                "future_day",
                day,
            )
        if day < EARLIEST_DAY:
            return self.problem(row, column, f"{day} 日期太早 (not a real date)", "date_invalid", day)
        if self.archived_on is not None and day > self.archived_on and what == "打卡":
            return self.problem(
                row,
                column,
                f"社群「{self.group}」已于 {self.archived_on} 归档, 不能记之后 {day} 的打卡 (是新一期的打卡表吗?)"
                f" ({self.group} was archived on {self.archived_on}: no check-in for {day}, after it — the next"
                " cohort's table?)",
                "after_archived",
                day,
            )
        former = self.former.get(mid)
        if former is not None:  # a member until they left: a day of theirs as a member is theirs, no other day
            if self.index.in_closed_spell(mid, day):
                return None
            return self.problem(
                row,
                column,
                f"{shown} {day} 不是本群已入群成员, 不能记{what} ({shown} was not a member of this group on {day}:"
                f" no {what_en(what)}): {describe_person(former)}",
                "not_member",
                day,
            )
        joined = self.index.joined.get(mid)
        if joined is not None and day < joined and not self.index.in_closed_spell(mid, day):
            left = self.index.left_before(mid, day)
            if left is not None:  # away between a leaving and their return: not "才入群" as if never in
                return self.problem(
                    row,
                    column,
                    f"{shown} {left.month}月{left.day}日退群, {joined.month}月{joined.day}日才回来, 不能记 {day} 的{what}"
                    f" ({shown} left on {left} and came back on {joined}: no {what_en(what)} for {day}, a day away)",
                    "before_joined",
                    day,
                )
            joined = self.index.first_joined(mid, joined)
            return self.problem(
                row,
                column,
                f"{shown} {joined.month}月{joined.day}日才入群, 不能记 {day} 的{what}"
                f" ({shown} joined on {joined}: no {what_en(what)} for {day}, an earlier day)",
                "before_joined",
                day,
            )
        return None

    # -- outcome of one person row
    def finish_row(
        self,
        row: int,
        name: str,
        mid: int | None,
        shown: str | None,
        problems: list[ImportProblem],
        checkins: list[PlannedCheckin],
        leaves: list[PlannedLeave],
        note: str = "",
    ) -> None:
        if problems:
            self.rows.append(RowOutcome(row, name, PROBLEM, shown, problems=tuple(problems), note=note))
            return
        if not checkins and not leaves:
            self.rows.append(RowOutcome(row, name, NOTHING, shown, note=note or "没有打卡 (no check-in on this row)"))
            return
        self.rows.append(RowOutcome(row, name, PLANNED, shown, note=note))
        self.checkins += checkins
        self.leaves += leaves


_HOW = {
    "name": "姓名",
    "nickname": "昵称",
    "group_nickname": "群昵称",
    "wechat_id": "微信号",
    "pinyin": "拼音",
    "fuzzy": "相似",
    "former_name": "近期改名前的名字",
    "merged_name": "合并前另一条记录的名字",
}


def what_en(what: str) -> str:
    return {"打卡": "check-in", "请假": "leave"}.get(what, what)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


# ---------------------------------------------------------------- the matrix (打卡表)


def _unknown_cells(
    p: _Planner, row_no: int, values: list[object], headers: list[str], cols: Iterable[int | None]
) -> tuple[ImportProblem, ...]:
    """The problems of a row's cells (in `cols`) that hold no value: a formula no program calculated (a file written by
    a script or an online tool without the results) or an Excel error (#REF!). Their text is not what the sheet
    shows, so they are never read as a name (=A2 looked up on the roster, ="李"&"四" a pinyin likeness), a day or a
    mark: the roster import's problem (CellError.problem), naming the cell, and the row is not read."""
    return tuple(
        values[c].problem(p.file, row_no, _column(headers, c))
        for c in sorted({c for c in cols if c is not None})
        if c < len(values) and isinstance(values[c], CellError)
    )


def _plan_matrix(
    p: _Planner, headers: list[str], day_cols: dict[int, date], person_cols: list[int], days_row: int | None
) -> None:
    name_col = person_cols[0]
    merged_in: dict[int, dict[int, object]] = defaultdict(dict)  # row -> day column -> the merge anchor's value
    for r1, c1, r2, c2, anchor in p.table.cell_merges:
        if c1 - 1 in person_cols or c1 - 1 < min(day_cols, default=0):
            continue  # a section row merged across the table (第二组), a name merged over two rows: no day's mark
        for r in range(r1, r2 + 1):
            for c in range(c1 - 1, c2):
                if (r, c) != (r1, c1 - 1) and c not in person_cols:
                    merged_in[r][c] = anchor
    fills = {(r, c): (colour, blank) for r, c, colour, blank in p.table.cell_fills}
    header_rows = {p.table.header_row, days_row}
    headers = list(headers)
    unread_header: ImportProblem | None = None  # a repeated header above whose days could not be read
    for row_no, values in p.table_rows():
        if merged_in.get(row_no):
            values = list(values)
            for c, anchor in merged_in[row_no].items():
                if c in day_cols and c < len(values) and values[c] in (None, ""):
                    values[c] = anchor
        if row_no == days_row:
            p.rows.append(
                RowOutcome(row_no, "", SKIPPED, note="日期行, 表头的一部分 (the row of days under the header)")
            )
            continue
        name = _text(values[name_col]) if name_col < len(values) else ""
        again = _repeated_header(p, name, values, person_cols) if name else None
        if again is not None:  # the next week's block below (姓名 | 12/8 | 12/9 …): its rows are read by its days
            new_days, unreadable = again
            header_rows.add(row_no)
            for c in set(day_cols) | set(new_days) | {c for c, _t in unreadable}:
                if c < len(headers) and c < len(values) and values[c] not in (None, ""):
                    headers[c] = clean_header(values[c])
            day_cols = new_days
            if unreadable:
                c, text = unreadable[0]
                unread_header = p.problem(
                    row_no,
                    _column(headers, c),
                    f"看不懂这个日期表头: {text}, 它下面的行没有导入 (cannot read this day header: the rows below it"
                    " are not imported)",
                    "date_header",
                    text,
                )
                p.rows.append(RowOutcome(row_no, name, PROBLEM, problems=(unread_header,)))
                continue
            unread_header = None
            p.more_days += [(_column(headers, c), d) for c, d in sorted(day_cols.items())]
            p.rows.append(
                RowOutcome(
                    row_no,
                    name,
                    SKIPPED,
                    note="又一行表头: 下面的行按这一行的日期读取 (a header again: the rows below are read by its days)",
                )
            )
            continue
        if unread_header is not None and name:
            p.rows.append(
                RowOutcome(
                    row_no,
                    name,
                    PROBLEM,
                    problems=(
                        p.problem(
                            row_no,
                            unread_header.column,
                            f"上面第{unread_header.row}行的日期表头看不懂, 这一行未导入 (the day header on row"
                            f" {unread_header.row} above cannot be read: this row is not imported)",
                            "date_header",
                        ),
                    ),
                )
            )
            continue
        others = [
            (_column(headers, c), _text(values[c])) for c in person_cols[1:] if c < len(values) and _text(values[c])
        ]
        marks = {c: values[c] for c in day_cols if c < len(values) and values[c] not in (None, "")}
        if not name and not others:
            filled = [_fold(v) for v in values if v not in (None, "")]
            if filled and all(_WEEKDAY_RE.match(f) for f in filled):
                p.rows.append(RowOutcome(row_no, "", SKIPPED, note="星期行 (the row of weekdays)"))
                continue
            if not marks:
                p.rows.append(RowOutcome(row_no, "", SKIPPED, note="没有名字也没有打卡 (no name, no check-in)"))
                continue
            label = next((_text(v) for v in values if isinstance(v, str) and _is_total_row(v)), None)
            if label:  # 合计 written in the 序号 column (or merged across it): the totals row
                p.rows.append(RowOutcome(row_no, label, SKIPPED, note="合计行, 不是成员 (a totals row, not a person)"))
                continue
            column = _column(headers, name_col)
            p.rows.append(
                RowOutcome(
                    row_no,
                    "",
                    PROBLEM,
                    problems=(
                        p.problem(
                            row_no, column, "这一行有打卡但没有名字 (check-ins on a row without a name)", "no_name"
                        ),
                    ),
                )
            )
            continue
        if name and _is_total_row(name):
            p.rows.append(RowOutcome(row_no, name, SKIPPED, note="合计行, 不是成员 (a totals row, not a person)"))
            continue
        group = p.groups.other_group(values) if p.groups is not None else None
        if group is not None:  # the 打卡明细 of several groups: 王芳's row of the other group is not hers here
            p.rows.append(_other_group_row(row_no, values, person_cols, group))
            continue
        unknown = _unknown_cells(p, row_no, values, headers, (*person_cols, *day_cols))
        if unknown:  # =A2 for the name, =IF(…) for a mark: nothing in the file says what the sheet shows
            p.rows.append(RowOutcome(row_no, name, PROBLEM, problems=unknown))
            continue
        read: list[tuple[int, str, time | None]] = []
        nones: list[int] = []
        problems: list[ImportProblem] = []
        for c, value in sorted(marks.items()):
            mark = _cell_mark(value)
            if mark is None:
                problems.append(
                    p.problem(
                        row_no,
                        _column(headers, c),
                        f"看不懂这一格: {_text(value)} (可用 ✓ √ 1 打卡 / 补 / 请假 / × 0 或留空)"
                        f" (cannot read this cell: use ✓ √ 1 for a check-in, 补 for a late one, 请假 for leave, × 0 or"
                        " empty for none)",
                        "cell_unreadable",
                        _text(value),
                    )
                )
            elif mark[0] != _Mark.NONE:
                read.append((c, mark[0], mark[1]))
            else:
                nones.append(c)  # × 0 未打卡 written in the cell: a "none" the database may contradict
        for c, why in sorted(p.outside_cols.items()):  # ✓ under 第22天 of a 21-day camp: no day to log it on
            value = values[c] if c < len(values) else None
            mark = _cell_mark(value) if value not in (None, "") else None
            if value not in (None, "") and (mark is None or mark[0] != _Mark.NONE):
                problems.append(p.problem(row_no, _column(headers, c), why, "camp_outside", _text(value)))
        for c in sorted(day_cols):
            colour, blank = fills.get((row_no, c), (None, False))
            if colour is None or not blank or (c < len(values) and values[c] not in (None, "")):
                continue
            if fills.get((row_no, name_col), (None,))[0] == colour or any(
                fills.get((h, c), (None,))[0] == colour for h in header_rows
            ):
                continue  # the whole row or the whole day's column has this colour: the sheet's look, not a mark
            problems.append(
                p.problem(
                    row_no,
                    _column(headers, c),
                    "这一格只有底色, 没有内容: 颜色不能当作打卡或请假读取, 请写上 ✓ / 请假 / × 后再导入"
                    " (a coloured cell with nothing in it: colours are not read as a check-in or a leave; write ✓,"
                    " 请假 or × in it and import again)",
                    "colour_only",
                )
            )
        cells = [(_column(headers, name_col), name)] if name else []
        cells += others
        if not read and not problems:
            mid, shown, _notes = p.who(row_no, cells)
            if mid is not None:
                p.none_marks += [(mid, day_cols[c], row_no, _column(headers, c)) for c in nones]
            p.rows.append(
                RowOutcome(
                    row_no,
                    name,
                    NOTHING,
                    shown,
                    note="没有打卡, 未记录 (no check-in on this row: nothing recorded)"
                    + ("" if mid is not None else "; " + "; ".join(n.message for n in _notes)),
                )
            )
            continue
        mid, shown, who_problems = p.who(row_no, cells)
        problems = who_problems + problems
        checkins: list[PlannedCheckin] = []
        leaves: list[PlannedLeave] = []
        if mid is not None and shown is not None:
            p.none_marks += [(mid, day_cols[c], row_no, _column(headers, c)) for c in nones]
            for c, mark, at in read:
                day = day_cols[c]
                column = _column(headers, c)
                what = "请假" if mark == _Mark.LEAVE else "打卡"
                then = p.member_then(mid, cells, day)  # 张三 who left, on a day before the new 张三 joined
                bad = p.day_problem(then, shown, day, row_no, column, what)
                if bad is not None:
                    problems.append(bad)
                elif mark == _Mark.LEAVE:
                    leaves.append(PlannedLeave(then, day, row_no, column))
                else:
                    checkins.append(
                        PlannedCheckin(
                            then, day, datetime.combine(day, at) if at else None, mark == _Mark.LATE, row_no, column
                        )
                    )
        p.finish_row(row_no, name or others[0][1], mid, shown, problems, checkins, leaves)


def _repeated_header(
    p: _Planner, name: str, values: list[object], person_cols: list[int]
) -> tuple[dict[int, date], list[tuple[int, str]]] | None:
    """A row below the header that is a header again (姓名 | 12/8 | 12/9: the next week's block under the first):
    (its day columns, the day-like cells it could not read), or None when the row is no header.

    A member whose name holds a header word (姓名张, 新名字) is a person, not a header: a row with a mark in it (✓, 补,
    假, –) or whose numbers would name one day twice (1 1 1: check-ins written as 1; the monthly workbook's 打卡天数 30
    and 最长连续 30) is no header. Such a row of QunDesk's own 打卡明细 was read as one, and the rows below it by its
    numbers — 打卡天数 30 and 打卡率 100% as check-ins on the 30th and the 1st, every real day of theirs dropped."""
    if not _is_person_header(name):
        return None
    days: dict[int, date] = {}
    unreadable: list[tuple[int, str]] = []
    numbers: list[tuple[int, float]] = []
    for c, value in enumerate(values):
        if c in person_cols or value in (None, ""):
            continue
        text = clean_header(value)
        if isinstance(value, str) and not re.search(r"\d", text) and _cell_mark(value) is not None:
            return None  # ✓ 补 假 – under the days: a member's row
        counted = _camp_header(text)
        if counted is not None:  # the next week's block of a camp: 姓名 | 第8天 | 第9天 …, dated as the first block's
            day = _camp_block_day(p, *counted)
            if day is None:
                unreadable.append((c, text))
            else:
                days[c] = day
            continue
        if isinstance(value, float) and not value.is_integer():
            numbers.append((c, value))
            continue
        read = _header_day(value, text, p.reference, p.today)
        if read is None:
            continue
        if read.day is None:
            unreadable.append((c, text))
        else:
            days[c] = read.day
    if numbers:
        resolved = _number_days(numbers, p.reference, p.today)
        if resolved is None:
            unreadable += [(c, clean_header(v)) for c, v in numbers]
        else:
            days.update(resolved)
    if len(days) + len(unreadable) < 2 or len(set(days.values())) < len(days):
        return None
    return days, sorted(unreadable)


def _camp_block_day(p: _Planner, n: int, beside_text: str) -> date | None:
    """The date of a camp day heading a block below the first (姓名 | 第8天 …), by the group's first day; None when it
    cannot be dated — no first day, no day of the camp, a date beside it that is another day: the rows below are then
    problems (never read by the first block's days, which put 第5天's ✓ on day 2)."""
    start, length = p.camp
    if start is None or camp_day_outside(n, length):
        return None
    named = camp_date(start, n)
    written, weekday, readable = _beside(beside_text, (named.year, named.month), p.today)
    if (
        not readable
        or (written is not None and written != named)
        or (weekday is not None and weekday != named.weekday())
    ):
        return None
    return named


# ---------------------------------------------------------------- the export (one row per check-in)


def _camp_row_day(p: _Planner, n: int, text: str, row: int, column: str) -> date:
    """The date of an export's day cell that is a camp day (a 训练营 tool's 打卡日期 or 营期天数: 第3天, Day 3), by the
    group's first day; raises ImportProblem naming the cell without a first day or for no day of the camp."""
    start, length = p.camp
    if start is None:
        raise p.problem(
            row,
            column,
            f"{text} 是营期的第几天: 本群没有设置开营日, 不知道是哪一天; 请在 社群资料 里设置开营日, 或用命令 qundesk groups"
            f" --group {p.group} --camp-start YYYY-MM-DD, 再导入 (a day of the camp, and the group has no first day set:"
            " which date it is is not known; set the camp's first day and import again)",
            "camp_days",
            text,
        )
    if camp_day_outside(n, length):
        span = f", 营期 {length} 天" if length is not None else ""
        raise p.problem(
            row,
            column,
            f"{text} 不在营期之内 (第1天是 {start}{span}) ({text} is no day of the camp, whose day 1 is {start})",
            "camp_outside",
            text,
        )
    return camp_date(start, n)


def _long_day(
    p: _Planner,
    value: object,
    row: int,
    column: str,
    reference: tuple[int, int] | None,
    camp_numbers: bool = False,
) -> date | None:
    """The day a date cell of an export names (a full date; a month/day takes the reference's year, else the
    most recent such day not after today — or the coming one, when it is at most AHEAD_DAYS away: 请假 1月4日 in an
    export read on 2 January is a leave announced ahead, not one of a year ago, and a check-in row of that day is
    refused as a future day rather than logged a year back); raises ImportProblem naming the cell. With
    `camp_numbers` (the column is headed 第几天 or 营期天数), a bare number (3, never an Excel date's serial) is the camp's
    day 3, dated by the group's first day."""
    if isinstance(value, (datetime, date)):
        return value.date() if isinstance(value, datetime) else value
    text = unicodedata.normalize("NFKC", _text(value))
    if camp_numbers and not isinstance(value, bool) and _CAMP_DAY_NUMBER.fullmatch(text.strip()):
        return _camp_row_day(p, int(text), text.strip(), row, column)
    counted = _camp_header(text) if isinstance(value, str) else None
    if counted is not None and not counted[1]:  # 第3天, Day 3: the camp's day, dated by the group's first day
        return _camp_row_day(p, counted[0], text, row, column)
    text = _WEEKDAY_PART.sub("", text).strip()
    m = _MONTH_DAY_RE.match(text)
    if m:
        d = _month_day(int(m[1]), int(m[2]), reference, p.today) if 1 <= int(m[1]) <= 12 else None
        if d is not None and reference is None:
            coming = _month_day(int(m[1]), int(m[2]), None, p.today + timedelta(days=AHEAD_DAYS))
            d = coming if coming is not None and coming > p.today else d
        if d is None:
            raise p.problem(row, column, f"{text} 不是有效的日期 (not a real date)", "date_invalid", text)
        return d
    m = _FULL_DATE_RE.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise p.problem(row, column, f"{text} 不是有效的日期 (not a real date)", "date_invalid", text) from None
    found = parse_datetime(
        text if isinstance(value, str) else value, file=p.file, row=row, column=column, date1904=p.table.date1904
    )
    return found.date() if found is not None else None


def _plan_long(
    p: _Planner,
    headers: list[str],
    person_cols: list[int],
    date_col: int | None,
    time_col: int | None,
    late_col: int | None,
    reference: tuple[int, int] | None,
    status_col: int | None = None,
    content_cols: tuple[int, ...] = (),
    type_col: int | None = None,
) -> None:
    # 第几天 | 3 (a 训练营's export, one row per check-in): the camp's day 3, not an Excel date's serial number 3
    camp_numbers = date_col is not None and _kind_header(headers[date_col], _CAMP_DAY_HEADER_WORDS)
    for row_no, values in p.table_rows():
        group = p.groups.other_group(values) if p.groups is not None else None
        if group is not None:
            p.rows.append(_other_group_row(row_no, values, person_cols, group))
            continue
        cells = [(_column(headers, c), _text(values[c])) for c in person_cols if _text(values[c])]
        name = cells[0][1] if cells else ""
        label = next((_text(v) for v in values if isinstance(v, str) and _is_total_row(v)), None)
        if not cells and label:  # 合计 in the 序号 column, 共4条 under the content: the export's totals row
            p.rows.append(RowOutcome(row_no, label, SKIPPED, note="合计行, 不是成员 (a totals row, not a person)"))
            continue
        if not cells:
            p.rows.append(
                RowOutcome(
                    row_no,
                    "",
                    PROBLEM,
                    problems=(
                        p.problem(
                            row_no, _column(headers, person_cols[0]), "没有名字 (no name on this row)", "no_name"
                        ),
                    ),
                )
            )
            continue
        if _is_total_row(name) and len(cells) == 1:
            p.rows.append(RowOutcome(row_no, name, SKIPPED, note="合计行, 不是成员 (a totals row, not a person)"))
            continue
        used = (*person_cols, date_col, time_col, late_col, status_col, type_col, *content_cols)
        unknown = _unknown_cells(p, row_no, values, headers, used)
        if unknown:  # =A2 for the name, =DATE(…) for the day: nothing in the file says what the sheet shows
            p.rows.append(RowOutcome(row_no, name, PROBLEM, problems=unknown))
            continue
        problems: list[ImportProblem] = []
        day: date | None = None
        at: datetime | None = None
        zone_note = ""
        try:
            if date_col is not None and values[date_col] not in (None, ""):
                day = _long_day(p, values[date_col], row_no, _column(headers, date_col), reference, camp_numbers)
            if time_col is not None and values[time_col] not in (None, ""):
                value = values[time_col]
                at_time = _clock_time(value)
                short = _MONTH_DAY_TIME_RE.match(unicodedata.normalize("NFKC", _text(value)))
                if at_time is not None:
                    at = datetime.combine(day, at_time) if day is not None else None
                elif short is not None and (clock_part := _clock_time(short[2])) is not None:
                    # 打卡喵's 12-03 07:12: the day read as a 12/3 in a date column is, with the time it was posted
                    posted = _long_day(p, short[1], row_no, _column(headers, time_col), reference)
                    if posted is not None:
                        day = day or posted
                        at = datetime.combine(posted, clock_part)
                else:
                    column_zone = zone_offset(headers[time_col])  # 打卡时间 (UTC): its header's zone
                    moment = parse_datetime(
                        value,
                        file=p.file,
                        row=row_no,
                        column=_column(headers, time_col),
                        date1904=p.table.date1904,
                        zone=column_zone,
                    )
                    moved = zone_moved_day(value, moment, column_zone)
                    if moved is not None:  # 2026-12-04T07:00+08:00 is the 3rd in New York: said on the row
                        zone_note = zone_moved_note(moved, moment)
                    if moment is not None:
                        # 2026-12-03 24:00 (a 晚睡打卡's midnight): the 3rd's check-in, posted as the 3rd ended — as a
                        # pasted 晚上12点 is — never the 4th's
                        ends_day = ends_its_day(value) and moment.time() == time(0)
                        day = day or (moment.date() - timedelta(days=1) if ends_day else moment.date())
                        timed = (
                            moment.time() != time(0)
                            if isinstance(value, datetime)
                            else bool(_TIME_IN_TEXT.search(_text(value)))
                        )
                        at = moment if timed else None
        except ImportProblem as exc:
            problems.append(exc)
        if day is None and not problems:
            where = _column(headers, date_col if date_col is not None else time_col or 0)
            problems.append(p.problem(row_no, where, "没有打卡日期 (no day on this row)", "no_day"))
        late = late_col is not None and _is_late_value(values[late_col])
        # 打卡喵/群打卡's 打卡类型: 正常打卡 or 补卡 (a 打卡 there is on time, unlike under 是否补卡)
        late = late or (type_col is not None and bool(_TYPE_SAYS_LATE.search(_fold(values[type_col]))))
        # posted on a later day than the one it is for: a 补卡 by definition (checked in after the day was over)
        late = late or (
            at is not None and day is not None and at.date() > day and at != datetime.combine(day, time(0)) + _DAY
        )
        if at is not None and day is not None and at.date() < day and time_col is not None:
            column = _column(headers, time_col)
            problems.append(
                p.problem(
                    row_no,
                    column,
                    f"{at:%Y-%m-%d %H:%M} 早于打卡日期 {day}: 打卡不会在那一天之前提交, 请核对这两列"
                    f" (submitted before the day it is for, {day}: check the two columns)",
                    "posted_before_day",
                    f"{at:%Y-%m-%d %H:%M}",
                )
            )
        text = " ".join(_text(values[c]) for c in content_cols if c < len(values) and _text(values[c]))
        status = _cell_mark(values[status_col]) if status_col is not None else (_Mark.CHECK, None)
        said = unicodedata.normalize("NFKC", text)
        if status is None:
            column = _column(headers, status_col or 0)
            shown_value = _text(values[status_col or 0])
            problems.append(
                p.problem(
                    row_no, column, f"看不懂: {shown_value} (cannot read this answer)", "cell_unreadable", shown_value
                )
            )
        elif status[0] == _Mark.LATE:
            late = True
        elif text and date_col is None and at is not None and _SAYS_LATE.search(said) and not problems:
            # a 群接龙 row posted on the day it was submitted: 补昨天 / 补12月3日 is for that earlier day
            made_up = made_up_day(text, at.date())
            camp_day = camp_makeup_day(text) if made_up is None else None
            if made_up is not None:
                day, late = made_up, True
            elif camp_day is not None:  # 补第2天: the camp's day 2, dated by the group's first day
                made_up, bad = _camp_makeup(p, camp_day, text, at.date(), row_no, _column(headers, content_cols[0]))
                if bad is not None:
                    problems.append(bad)
                else:
                    day, late = made_up, True
            elif not FUTURE_MAKEUP_RE.search(said):
                column = _column(headers, content_cols[0])
                problems.append(
                    p.problem(
                        row_no,
                        column,
                        f"内容说补卡, 但没写补哪一天: {_short_text(text)} (says 补卡 without the day it makes up)",
                        "late_day_unknown",
                        text,
                    )
                )
        elif text and _SAYS_LATE.search(said) and not FUTURE_MAKEUP_RE.search(said):
            late = True
        not_checked: str | None = None
        on_leave = status is not None and status[0] == _Mark.LEAVE  # a structured answer 请假: a leave day
        count = _count_value(values[p.count_col]) if p.count_col is not None and p.count_col < len(values) else None
        if count == 0 and p.count_col is not None and (status is None or status[0] != _Mark.LEAVE):
            # a day's statistics row (每日打卡统计: every member, every day) with 打卡次数 0: no check-in that day
            column = _column(headers, p.count_col)
            not_checked = f"{column}: 0, 不是打卡, 未记录 (not a check-in: nothing recorded)"
        elif status is not None and status[0] == _Mark.NONE:
            column = _column(headers, status_col or 0)
            not_checked = f"{column}: {_text(values[status_col or 0]) or '—'}, 不是打卡, 未记录 (not a check-in: nothing recorded)"
        elif (
            text
            and LEAVE_WORDS_RE.search(said)
            and not _SAYS_CHECKED.search(LEAVE_WORDS_RE.sub("", without_promises(said)))
        ):
            not_checked = (
                f"内容说请假, 未记为打卡 (the content says 请假: not logged as a check-in): {_short_text(text)}"
            )
        mid, shown, who_problems = p.who(row_no, cells)
        problems = who_problems + problems
        if not_checked is not None and not problems:
            if mid is not None and day is not None and status is not None and status[0] == _Mark.NONE:
                p.none_marks.append((mid, day, row_no, _column(headers, status_col or 0)))
            p.rows.append(RowOutcome(row_no, name, NOTHING, shown, note=not_checked))
            continue
        checkins: list[PlannedCheckin] = []
        leaves: list[PlannedLeave] = []
        if mid is not None and shown is not None and day is not None and not problems:
            column = _column(headers, date_col if date_col is not None else time_col or 0)
            mid = p.member_then(mid, cells, day)  # 张三 who left, on a day before the new 张三 joined
            bad = p.day_problem(mid, shown, day, row_no, column, "请假" if on_leave else "打卡")
            if bad is not None:
                problems.append(bad)
            elif on_leave:
                leaves.append(PlannedLeave(mid, day, row_no, _column(headers, status_col or 0)))
            else:
                checkins.append(PlannedCheckin(mid, day, at, late, row_no, column))
        p.finish_row(row_no, name, mid, shown, problems, checkins, leaves, note=zone_note)


def _camp_makeup(
    p: _Planner, n: int, text: str, posted: date, row: int, column: str
) -> tuple[date | None, ImportProblem | None]:
    """(the day, or the problem) of an export row whose content makes up a camp day by number (补第2天, 补卡 Day 2)
    posted on `posted`: day N of the camp counted from the group's first day, as the paste and the chat import read
    it. Without a first day which date it is is not written (a problem saying where to set it, never the day it was
    posted); a day that is no day of the camp, or one still to come, is a problem naming it."""
    start, length = p.camp
    shown = _short_text(text)
    if start is None:
        return None, p.problem(
            row,
            column,
            f"内容补的是营期第{n}天: 本群没有设置开营日, 不知道是哪一天; 请在 社群资料 里设置开营日, 或用命令 qundesk groups"
            f" --group {p.group} --camp-start YYYY-MM-DD, 再导入: {shown} (makes up day {n} of the camp, and the group"
            " has no first day set: which date that is is not known; set the camp's first day and import again)",
            "late_day_unknown",
            text,
        )
    if camp_day_outside(n, length):
        span = f"营期 {length} 天, 从 {start} 开始" if length is not None else f"营期从 {start} 开始"
        return None, p.problem(
            row,
            column,
            f"内容补的是营期第{n}天, 不在营期之内 ({span}): {shown} (makes up day {n}, no day of the camp, whose day 1 is"
            f" {start})",
            "camp_outside",
            text,
        )
    made_up = camp_date(start, n)
    if made_up > posted:
        return None, p.problem(
            row,
            column,
            f"内容补的是营期第{n}天 ({made_up}), 在提交那天 {posted} 之后: 请核对 {shown} (makes up day {n}, {made_up},"
            f" after the day it was posted, {posted}: check the row)",
            "late_day_unknown",
            text,
        )
    return made_up, None


_DAY = timedelta(days=1)  # 24:00 on a day is 00:00 after it: the end of that day, not a 补卡
_MONTH_DAY_TIME_RE = re.compile(
    r"^(\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*[日号]?)\s+(\d{1,2}\s*[:：]\s*\d{1,2}(?:\s*[:：]\s*\d{1,2})?)$"
)
_TIME_IN_TEXT = re.compile(r"\d{1,2}\s*[:：点时]\s*\d{1,2}")
_SAYS_LATE = re.compile(
    # 补第2天 / 补Day2: a camp's day by number (_camp_makeup), never a check-in of the day it was posted
    r"补卡|补打卡|补签|(?<![弥候替递增填修互贴进滋])补\s*(?:\d|昨|前天|大前天|周|星期|第|day\s*\d)|[(（【\[]\s*补\s*[)）】\]]",
    re.IGNORECASE,
)
_SAYS_CHECKED = re.compile(r"打卡|签到|报到|已完成")


def _short_text(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- planning a table


def _existing_leave_days(session: Session, pairs: Iterable[tuple[int, date]]) -> set[tuple[int, date]]:
    """Which (membership, day) pairs are inside a recorded leave."""
    by_member: dict[int, list[date]] = defaultdict(list)
    for mid, day in pairs:
        by_member[mid].append(day)
    out: set[tuple[int, date]] = set()
    for mid, days in by_member.items():
        first, last = min(days), max(days)
        for start, end in session.execute(
            select(Leave.start_day, Leave.end_day).where(
                Leave.membership_id == mid, Leave.start_day <= last, Leave.end_day >= first
            )
        ):
            out |= {(mid, d) for d in days if start <= d <= end}
    return out


def plan_checkin_import(
    session: Session,
    group_id: int,
    table: Table,
    *,
    month: tuple[int, int] | None = None,
    today: date | None = None,
    progress: ProgressLike | None = None,
    other_group: bool = False,
) -> CheckinPlan:
    """Every row's outcome and the check-ins and leave days to write (nothing is written here)."""
    today = today or clock.today()
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(f"社群 {group_id} 不存在 (no such group)")
    p = _Planner(session, table, group_id, group.name, today)
    p.progress = progress
    headers = list(table.headers)
    titles = list(table.titles) if table.titles else headers
    title_month, title_text = _title_month(table, today)
    reference = month or title_month
    month_from = "--month" if month else (("sheet" if title_text == table.sheet else "title") if title_month else None)
    # a title or sheet name without a year (12月) has its year guessed: only its month can disagree with a date
    title_year = bool(title_text and re.search(r"\d{4}", unicodedata.normalize("NFKC", title_text)))
    if month and title_month and (month != title_month if title_year else month[1] != title_month[1]):
        p.file_problems.append(
            p.problem(
                None,
                None,
                f"标题「{title_text}」写的是 {title_month[0]}-{title_month[1]:02d}, 而指定的月份是 {month[0]}-{month[1]:02d}"
                f" (the title names {title_month[0]}-{title_month[1]:02d}, --month says {month[0]}-{month[1]:02d}):"
                " 请确认文件和月份 (check the file and the month)",
                "month_mismatch",
            )
        )
    if not other_group:
        for text in [*(s.text for s in table.skipped if s.reason == "title" and s.text), table.sheet]:
            named = p.index.titled_group(text) if text else None
            if named is not None:
                where = f"工作表名「{text}」" if text == table.sheet else f"标题「{text}」"
                where_en = f"the sheet's name {text!r}" if text == table.sheet else f"the title {text!r}"
                p.file_problems.append(
                    p.problem(
                        None,
                        None,
                        f"{where}写的是另一个群「{named}」, 不是「{group.name}」: 请确认文件和群"
                        f" ({where_en} names another group, {named!r}, not {group.name!r}: check the file and the"
                        " group; --other-group imports it anyway)",
                        "other_group",
                        text,
                    )
                )
                break
        # a group column (群名称, 社群) naming one group only, another group of this workspace: that group's check-ins
        # (跑步群's export imported into 读书群 logged 王芳's 跑步群 days as hers here), refused as a title naming it is
        found = one_group(headers, table.rows) if not p.file_problems else None
        if found is not None and group_key(found[1]) != group_key(group.name):
            named = next(
                (
                    n
                    for n in session.scalars(select(Group.name).where(Group.id != group.id))
                    if group_key(n) == group_key(found[1])
                ),
                None,
            )
            if named is not None:
                column = _column(headers, found[0])
                p.file_problems.append(
                    p.problem(
                        None,
                        column,
                        f"{column} 列写的是另一个群「{named}」, 不是「{group.name}」: 这是那个群的打卡, 请确认文件和群"
                        f" (the {column} column names another group, {named!r}, not {group.name!r}: these are its"
                        " check-ins; check the file and the group; --other-group imports it anyway)",
                        "other_group",
                        found[1],
                    )
                )
    header_values = _header_values(table)
    person_cols = [i for i, h in enumerate(headers) if _is_person_header(h) and not _is_total(h)]
    days_row: int | None = None
    if (
        sum(
            1
            for i, h in enumerate(headers)
            if i not in person_cols and h and _header_day(header_values[i], h, reference, today)
        )
        < 2
    ):
        found = _days_row(table, headers, header_values, person_cols, today)
        if found is not None:
            days_row, headers, header_values = found
    day_cols: dict[int, date] = {}
    skipped_columns: list[tuple[str, str]] = []
    bare_cols: list[int] = []
    bad_cols: list[int] = []
    sample = table.sample(200)
    numbers: list[tuple[int, float]] = []  # xlsx number headers (12.1): read together below, _number_days
    numbered: list[int] = []  # columns whose day is a day number under a month (title, 12月 above, --month)
    turned: list[tuple[int, int]] = []  # (left, right) where the day numbers go back
    camp_cols: dict[int, tuple[int, str]] = {}  # column -> (camp day, a date written beside it)
    serials: list[tuple[int, date]] = []  # columns headed by an Excel serial date as a number (46344)
    run_reference = reference or _run_reference(headers, header_values, person_cols, today)
    formula_cols: list[int] = []  # =B1+1 with no result in the file: which day it heads is not known
    for i, h in enumerate(headers):
        if i in person_cols:
            continue
        value = header_values[i] if i < len(header_values) else h
        if isinstance(value, CellError) and value.kind == "formula":
            formula_cols.append(i)
            continue
        counted = _camp_header(h) if h else None
        if counted is not None:  # 第1天, Day1, D1, 第3天 11-18: a day of the camp, dated by its first day below
            camp_cols[i] = counted
            continue
        serial = _serial_day(h, table.date1904) if h else None
        if serial is not None:  # 46344: an Excel date cell that lost its format (2026-11-18), read below
            serials.append((i, serial))
            continue
        read = _header_day(value, h or titles[i], reference, today) if h else None
        if read is not None and read.day is not None and reference is None and run_reference:
            # 12/1 … 12/31 without a year: the columns are one run of days, read in the year of its first (a
            # table for this month has future columns; they are not last year's days)
            read = _header_day(value, h or titles[i], run_reference, today)
        if read is None:
            if not h:
                if any(i < len(v) and v[i] not in (None, "") for _r, v in sample):
                    skipped_columns.append((_column(headers, i), "没有表头, 未使用 (no header: not used)"))
                continue
            why = (
                "合计列 (a totals column)"
                if _is_total(h)
                else "一段日期, 不是某一天, 未使用 (a range of days, not one day: not used)"
                if _is_day_range(h)
                else "不是日期列, 未使用 (not a day: not used)"
            )
            skipped_columns.append((_column(headers, i), why))
            continue
        if isinstance(value, float):
            numbers.append((i, value))
            continue
        if read.day is None and read.bare is not None and reference is None:
            bare_cols.append(i)
        elif read.day is None:
            bad_cols.append(i)
        else:
            day_cols[i] = read.day
            if read.bare is not None:
                numbered.append(i)
    # day numbers in one month that go back (28 29 30 1 2 3 under 12月): a month's turn no header says — which
    # month is each part? Refused naming the column, never read as 12/28 … 12/30
    for left, right in zip(numbered, numbered[1:], strict=False):
        if day_cols[right] < day_cols[left]:
            turned.append((left, right))
    if numbers:
        resolved = _number_days(numbers, reference, today)
        if resolved is None:
            bad_cols += [i for i, _v in numbers]
        else:
            day_cols.update(resolved)
    if serials:  # 46344 46345 …: dates when they go up column by column, else a header that cannot be read
        ascending = all(b[1] > a[1] for a, b in zip(serials, serials[1:], strict=False))
        if ascending and len(serials) >= 2:
            day_cols.update(serials)
        else:
            bad_cols += [i for i, _d in serials]
    camp = p.camp = group_camp(session, group_id)
    camp_read = _camp_days(headers, camp_cols, bare_cols, camp, reference, today, day_cols)
    p.camp_start = camp[0] if camp_read.dated else None
    if camp_read.numbered:  # 1 … 21 under no month, in a camp of 21 days with its first day: the camp's days
        bare_cols = []
        month_from = "camp"
    layout = (
        MATRIX if len(day_cols) + len(bare_cols) + len(bad_cols) + len(camp_cols) + len(formula_cols) >= 2 else LONG
    )
    if layout == MATRIX and reference is not None:
        # a date header far from the month the title, the sheet's name or --month gives: last year's template
        # (its Excel dates show 12月1日, the year hidden) under this year's title — refused, never logged in 2025
        ry, rm = reference

        def distance(d: date) -> int:
            if month or title_year:
                return abs((d.year * 12 + d.month) - (ry * 12 + rm))
            apart = abs(d.month - rm)  # 12月 (year guessed) over last December's dates: the month agrees
            return min(apart, 12 - apart)

        far = [i for i, d in sorted(day_cols.items()) if distance(d) > 1]
        if far:
            i = far[0]
            said = "--month" if month else f"「{title_text}」"
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, i),
                    f"日期表头是 {day_cols[i]}, 而{said}说的是 {ry}-{rm:02d}: 请确认表头的年月 (是不是沿用了旧表?)"
                    f" (the day header is {day_cols[i]}, but {said} says {ry}-{rm:02d}: check the headers' year and"
                    " month — a template from an earlier month?)",
                    "month_mismatch",
                    str(day_cols[i]),
                )
            )
    days_read: list[tuple[str, date]] = []
    if not person_cols:
        p.file_problems.append(
            p.problem(
                table.header_row,
                None,
                "找不到姓名列 (姓名, 昵称, 群昵称 或 微信号) (no name column: 姓名, 昵称, 群昵称 or 微信号)",
                "no_name_column",
            )
        )
    elif layout == MATRIX:
        if bare_cols:
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, bare_cols[0]),
                    "表头是日号 (1、2、3…), 不知道是哪个月: 请在标题写上月份 (如 2026年12月打卡表) 或指定月份"
                    " --month YYYY-MM" + _camp_numbers_hint(group, headers, bare_cols, camp) + " (the day columns are"
                    " bare day numbers and no month is known: give the month, --month YYYY-MM"
                    + _camp_numbers_hint(group, headers, bare_cols, camp, english=True)
                    + ")",
                    "month_needed",
                    headers[bare_cols[0]],
                )
            )
        if camp_read.unset:
            shown = "「" + "」「".join(headers[i] for i in camp_read.unset[:2]) + "」"
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, camp_read.unset[0]),
                    f"表头{shown}… 是营期的第几天, 不是日期: 本群还没有设置开营日 (营期第1天), 不知道是哪一天;"
                    f" 请先设置开营日 — 窗口里: 社群资料 → 开营日, 命令行: qundesk groups --group {group.name}"
                    " --camp-start YYYY-MM-DD — 再导入, 或把表头改成日期 (如 12/1)"
                    " (the columns are days of the camp, not dates, and the group has no first day set: set the"
                    " camp's first day, its day 1 — in the window, Group profile → Camp's first day; on the command"
                    f" line, qundesk groups --group {group.name} --camp-start YYYY-MM-DD — and import again, or head"
                    " the columns with dates such as 12/1)",
                    "camp_days",
                    headers[camp_read.unset[0]],
                )
            )
        for i, written, named in camp_read.mismatch:
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, i),
                    f"表头「{headers[i]}」写的是 {written}, 而按开营日 {camp[0]} 算, 这一天是 {named} (周{_WEEKDAYS_CN[named.weekday()]}):"
                    f" 请核对表头或开营日 (the header says {written}, but by the camp's first day, {camp[0]}, its camp day"
                    f" is {named}, a {_WEEKDAYS_EN[named.weekday()]}: check the header or the first day)",
                    "camp_day_date",
                    headers[i],
                )
            )
        for i in camp_read.unreadable:  # 第二周 over 第1天, 第1天 11/31: which day of the camp is not written
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, i),
                    f"看不懂这个营期表头: {headers[i]}, 不能确定是营期的哪一天 (第几周下面的天数要从第1天接着数, 如第二周是"
                    f" 第8天 … 第14天; 旁边的日期要是有效日期) (cannot read this camp day header: which day of the camp it is"
                    " is not written — under a week, count the days on from day 1, week 2 being days 8 … 14)",
                    "date_header",
                    headers[i],
                )
            )
        if camp_read.outside:
            start, length = camp
            span = f"{start} … {camp_date(start, length)}" if start is not None and length is not None else ""
            for i, n in sorted(camp_read.outside.items()):
                why = (
                    f"第{n}天不在营期之内 (营期 {length} 天: {span}), 未导入 (day {n} is no day of the camp, {length}"
                    f" days from {start}: not imported)"
                    if length is not None and n >= 1
                    else f"第{n}天不在营期之内 (营期从第1天 {start} 开始), 未导入 (day {n} is no day of the camp, whose"
                    f" day 1 is {start}: not imported)"
                )
                skipped_columns.append((_column(headers, i), why))
                p.outside_cols[i] = why
        for left, right in turned[:1]:
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, right),
                    f"日号从 {headers[left]} 回到 {headers[right]}: 跨月了, 但表头没写是哪个月, 不能确定每一段的月份;"
                    " 请把日期写全 (如 11/30、12/1) 后再导入 (the day numbers go back: the month turns and no header"
                    " says which month each part is in; write the dates in full, such as 11/30 and 12/1)",
                    "month_turns",
                    headers[right],
                )
            )
        for i in formula_cols:  # a day header no program calculated: refused, never its column's marks dropped
            p.file_problems.append(header_values[i].problem(p.file, table.header_row, _column(headers, i)))
        for i in sorted(set(bad_cols)):
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    _column(headers, i),
                    f"看不懂这个日期表头: {headers[i]} (cannot read this day header; 12.1 typed as a number cannot be"
                    " told from 12.10: write the dates as text or as Excel dates)",
                    "date_header",
                    headers[i],
                )
            )
        by_day: dict[date, int] = {}
        for i, d in sorted(day_cols.items()):
            if d in by_day:
                p.file_problems.append(
                    p.problem(
                        table.header_row,
                        _column(headers, i),
                        f"{d} 出现了两次: {_column(headers, by_day[d])} 和 {_column(headers, i)} (the same day twice)",
                        "date_twice",
                        headers[i],
                    )
                )
            by_day.setdefault(d, i)
            days_read.append((_column(headers, i), d))
        if not p.file_problems:
            p.reference = reference or run_reference
            p.qq_columns = {_column(headers, i) for i in person_cols if header_field(headers[i]) == "qq"}
            # the monthly report's 打卡明细 of several groups (社群 | 姓名 | 1 | 2 …): the rows of the others skipped
            found = read_group_column(
                headers, table.rows, p.group, {*person_cols, *day_cols}, p.session.scalars(select(Group.name)).all()
            )
            if isinstance(found, SeveralGroups):
                p.file_problems.append(_several_groups(p, headers, found))
            else:
                p.groups = found
        if not p.file_problems:
            _plan_matrix(p, headers, day_cols, person_cols, days_row)
            days_read += p.more_days
    else:
        # a header naming a zone (Submit Date (UTC)) heads times of that zone: a time column, never bare days
        zoned = tuple(i for i, h in enumerate(headers) if zone_offset(h) is not None)
        date_col = _first_column(headers, _DATE_HEADER_WORDS, zoned)
        time_col = _first_column(headers, _TIME_HEADER_WORDS, (date_col,))
        record_col: int | None = None  # 飞书/腾讯文档's 创建时间 beside a 打卡日期: when the row was made, not posted
        if (
            date_col is not None
            and time_col is not None
            and _question_key(headers[time_col]).startswith(_RECORD_STARTS)
        ):
            record_col, time_col = time_col, None
        late_col = next((i for i, h in enumerate(headers) if _kind_header(h, _LATE_HEADER_WORDS)), None)
        type_col = next(
            (
                i
                for i, h in enumerate(headers)
                if late_col is None
                and i not in (*person_cols, date_col, time_col)
                and _kind_header(h, _TYPE_HEADER_WORDS)
            ),
            None,
        )
        status_col = next(
            (i for i, h in enumerate(headers) if i not in (date_col, time_col, late_col) and _is_status_header(h)),
            None,
        )
        content_cols = tuple(
            i
            for i, h in enumerate(headers)
            if i not in (*person_cols, date_col, time_col, late_col, type_col, status_col)
            and _kind_header(h, _CONTENT_HEADER_WORDS)
        )
        if date_col is None and time_col is None and (totals := [h for h in headers if h and _is_total(h)]):
            # 小打卡/鲸打卡's 成员统计: one row per member with 打卡天数 and 最近打卡时间 — it has no check-ins to log
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    None,
                    f"这是每人一行的统计表 ({totals[0]}), 不是逐次的打卡记录: 没有哪一天打了卡, 不能导入;"
                    " 请导出打卡明细 (每次打卡一行) 或打卡表 (a per-member summary, with"
                    f" {totals[0]}: it does not say on which days anyone checked in; export the check-in records,"
                    " one row per check-in, or a 打卡表)",
                    "summary_table",
                )
            )
        elif date_col is None and time_col is None:
            p.file_problems.append(
                p.problem(
                    table.header_row,
                    None,
                    "既没有日期列 (打卡日期, 日期, 打卡时间, 提交时间), 也没有按日期排的列 (12/1, 12月1日 …)"
                    " (neither a date column such as 打卡日期 or 提交时间, nor day columns such as 12/1)",
                    "no_day_column",
                )
            )
        else:
            used = {*person_cols, date_col, time_col, late_col, type_col, status_col, *content_cols}
            skipped_columns = [
                (_column(headers, i), _RECORD_WHY if i == record_col else "未使用 (not used)")
                for i, h in enumerate(headers)
                if h and i not in used
            ]
            p.qq_columns = {_column(headers, i) for i in person_cols if header_field(headers[i]) == "qq"}
            p.count_col = next(
                (
                    i
                    for i, h in enumerate(headers)
                    if i not in used and h and _fold(h).replace(" ", "") in _COUNT_HEADERS
                ),
                None,
            )
            if p.count_col is not None:
                skipped_columns = [(c, why) for c, why in skipped_columns if c != _column(headers, p.count_col)]
            found = read_group_column(headers, table.rows, p.group, used, p.session.scalars(select(Group.name)).all())
            if isinstance(found, SeveralGroups):
                p.file_problems.append(_several_groups(p, headers, found))
                return _settle(p, table, layout, reference, month_from, days_read, skipped_columns)
            if found is not None:
                p.groups = found
            group_col = group_column_index(headers, used)
            if group_col is not None:  # read (the rows of this group are this group's), not "not used"
                skipped_columns = [(c, why) for c, why in skipped_columns if c != _column(headers, group_col)]
            _plan_long(
                p, headers, person_cols, date_col, time_col, late_col, reference, status_col, content_cols, type_col
            )
            days_read = sorted({(c.column or "", c.day) for c in p.checkins}, key=lambda x: x[1])
    return _settle(p, table, layout, reference, month_from, days_read, skipped_columns)


_COUNT_HEADERS = _words("打卡次数", "次数", "当日打卡次数", "今日打卡次数", "签到次数")


def _count_value(value: object) -> int | None:
    """A count cell (0, 2, "0次"), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else None
    m = re.fullmatch(r"(\d{1,4})\s*次?", unicodedata.normalize("NFKC", str(value)).strip())
    return int(m[1]) if m else None


def _other_group_row(row_no: int, values: list[object], person_cols: list[int], group: str) -> RowOutcome:
    """A row of another group in a file of several: skipped, named with its group."""
    note = f"另一个群「{group}」的打卡, 未导入 (a check-in of another group in the file, {group}: not imported)"
    shown = next((_text(values[c]) for c in person_cols if c < len(values) and _text(values[c])), "")
    return RowOutcome(row_no, shown, SKIPPED, note=note)


def _several_groups(p: _Planner, headers: list[str], found: SeveralGroups) -> ImportProblem:
    """An export of several groups' check-ins none of whose groups is the group imported into: refused."""
    shown = found.shown
    return p.problem(
        None,
        _column(headers, found.index),
        f"文件里是几个群的打卡 ({shown}), 没有一个叫「{p.group}」: 请只留下这个群的行 (the file holds the check-ins of"
        f" several groups, {shown}, and none is called {p.group!r}: keep only this group's rows)",
        "several_groups",
        shown,
    )


def _run_reference(
    headers: list[str], header_values: list[object], person_cols: list[int], today: date
) -> tuple[int, int] | None:
    """The (year, month) of a 打卡表's first day column read without a reference (the most recent such day not after
    today): month/day headers after it are read near it, so 12/1 … 12/31 is one December, 12/29 … 1/2 one turn
    of the year."""
    for i, h in enumerate(headers):
        value = header_values[i] if i < len(header_values) else h
        if i in person_cols or not h or isinstance(value, float):
            continue
        read = _header_day(value, h, None, today)
        if read is not None and read.day is not None:
            return read.day.year, read.day.month
    return None


@dataclass
class _CampRead:
    """How a 打卡表's camp-day columns were dated (`_camp_days`)."""

    numbered: list[int] = field(default_factory=list)  # bare 1 2 3 … read as days of the camp
    unset: list[int] = field(default_factory=list)  # 第1天 … in a group without its first day: not dated
    outside: dict[int, int] = field(default_factory=dict)  # column -> a camp day that is no day of the camp
    mismatch: list[tuple[int, str, date]] = field(default_factory=list)  # column, what is beside, date of the camp day
    unreadable: list[int] = field(default_factory=list)  # 第1天 with something beside it that is no date
    dated: bool = False  # some column was dated by the camp's first day


def _camp_days(
    headers: list[str],
    camp_cols: dict[int, tuple[int, str]],
    bare_cols: list[int],
    camp: tuple[date | None, int | None],
    reference: tuple[int, int] | None,
    today: date,
    day_cols: dict[int, date],
) -> _CampRead:
    """Date a 打卡表's columns headed by days of the camp (第1天 … 第21天, Day1, D1) by the group's first day (开营日,
    `community_group.camp_start_day`): day N is first day + N − 1, as a chain titled 第N天 (paste.camp_date). The
    dated columns go into `day_cols`.

    - Without a first day they are not dated: the plan refuses the file saying how to set it (code camp_days).
    - A date written beside the count (第1天 11/16) is checked against it: two different days are refused, never
      one of them taken.
    - A day that is no day of the camp (第0天, 第22天 of a 21-day camp) is no date: the column is listed as not
      used, and a mark in it is a problem naming the cell (`_Planner.outside_cols`).
    - Bare numbers 1 2 3 … under no month (no title month, sheet name or --month) are the camp's days when the
      group has its first day and its length and they run up within it (1 … 21 in a camp of 21 days): a month's
      days need a month, which nothing gave. Otherwise they stay bare days and the month is asked for."""
    start, length = camp
    out = _CampRead()
    for i, (n, beside_text) in sorted(camp_cols.items()):
        named = camp_date(start, n) if start is not None else None
        near = (named.year, named.month) if named is not None else reference
        written, weekday, readable = _beside(beside_text, near, today)
        if not readable:
            out.unreadable.append(i)
        elif named is None:
            if written is not None:
                day_cols[i] = written  # 第1天 11/16 in a group without its first day: the date written
            else:
                out.unset.append(i)
        elif camp_day_outside(n, length):
            out.outside[i] = n
        elif (written is not None and written != named) or (weekday is not None and named.weekday() != weekday):
            out.mismatch.append((i, beside_text, named))  # 第2天 11/18, 第2天（周三）: which is the typo, a person says
        else:
            day_cols[i] = named
            out.dated = True
    if bare_cols and reference is None and start is not None and length is not None:
        texts = [unicodedata.normalize("NFKC", headers[i]).strip() for i in bare_cols]
        numbers = [int(t) for t in texts if t.isdigit()]
        if (
            len(numbers) == len(bare_cols)
            and numbers == sorted(set(numbers))
            and 1 <= numbers[0]
            and numbers[-1] <= length
        ):
            for i, n in zip(bare_cols, numbers, strict=True):
                day_cols[i] = camp_date(start, n)
            out.numbered = list(bare_cols)
            out.dated = True
    return out


def _camp_numbers_hint(
    group: Group, headers: list[str], bare_cols: list[int], camp: tuple[date | None, int | None], english: bool = False
) -> str:
    """What to add to "give the month" when bare day numbers (1 2 3 …) in a camp could be its days: how to set the
    first day and the length that date them. "" in a group that is no camp (a hobby group's 1 … 31 are a month's)."""
    start, length = camp
    if group.kind != "camp" and start is None and length is None:
        return ""
    texts = [unicodedata.normalize("NFKC", headers[i]).strip() for i in bare_cols]
    if not all(t.isdigit() for t in texts) or int(texts[0]) != 1:
        return ""
    command = f"qundesk groups --group {group.name} --camp-start YYYY-MM-DD --camp-days N"
    if english:
        return (
            f"; if they are days of the camp, set its first day and its length — Group profile, or {command} —"
            " or head them 第1天 第2天 …"
        )
    return f"; 如果是营期的第几天, 请在 社群资料 里设置开营日和营期天数, 或用命令 {command}, 或把表头写成 第1天 第2天 …"


def _days_row(
    table: Table, headers: list[str], values_above: list[object], person_cols: list[int], today: date
) -> tuple[int, list[str], list[object]] | None:
    """姓名 | 12月 over a row of 1 2 3 … that read_table kept as a data row (a CSV, or no merge saying so): (its row
    number, the headers with its days, joined to the month above as 12月-1, and their values)."""
    first = table.sample(1)
    if not first or not person_cols:
        return None
    row_no, values = first[0]
    if any(_text(values[c]) for c in person_cols if c < len(values)):
        return None
    days = sum(
        1
        for i, v in enumerate(values)
        if i not in person_cols
        and v not in (None, "")
        and (
            _header_day(v, clean_header(v), (today.year, today.month), today) is not None
            or _camp_header(clean_header(v)) is not None  # 第一周 over 第1天 第2天 …
        )
    )
    if days < 2:
        return None
    new_headers, new_values = list(headers), list(values_above)
    carried = ""
    for i in range(len(headers)):
        if i in person_cols:
            continue
        if headers[i]:
            carried = headers[i]
        value = values[i] if i < len(values) else None
        lower = clean_header(value)
        if not lower:
            continue
        if carried and carried != lower and _DAY_RE.match(lower):
            new_headers[i] = new_values[i] = f"{carried}-{lower}"
        else:
            new_headers[i], new_values[i] = lower, value
    return row_no, new_headers, new_values


def _number_days(
    numbers: list[tuple[int, float]], reference: tuple[int, int] | None, today: date
) -> dict[int, date] | None:
    """The days of headers typed into Excel as numbers: 12.1 is December 1st — or the 10th, typed 12.10 and shown
    12.1 (as 12.2 may be the 20th and 12.3 the 30th). A reading that is the day after its left neighbour's or the
    day before its right neighbour's is taken; then the days must go up column by column. None: they cannot be
    told (a lone 12.1, 12.1 after 12.9): the caller refuses those headers rather than guess."""
    options: list[list[date]] = []
    for _i, value in numbers:
        month_text, _dot, day_text = repr(value).partition(".")
        month = int(month_text) if month_text.isdigit() else 0
        doms = {int(day_text)} if day_text.isdigit() else set()
        if len(day_text) == 1 and day_text in "123":
            doms.add(int(day_text) * 10)
        found = [_month_day(month, dom, reference, today) for dom in sorted(doms)] if 1 <= month <= 12 else []
        options.append([d for d in found if d is not None])
    chosen: list[date | None] = [o[0] if len(o) == 1 else None for o in options]
    one = timedelta(days=1)
    changed = True
    while changed:
        changed = False
        for k, opts in enumerate(options):
            if chosen[k] is not None:
                continue
            left = chosen[k - 1] if k > 0 else None
            right = chosen[k + 1] if k + 1 < len(chosen) else None
            fits = [
                d for d in opts if (left is not None and d == left + one) or (right is not None and d == right - one)
            ]
            if len(fits) == 1:
                chosen[k], changed = fits[0], True
    if any(d is None for d in chosen):
        return None
    days = [d for d in chosen if d is not None]
    if any(b <= a for a, b in zip(days, days[1:], strict=False)):
        return None
    return {i: d for (i, _v), d in zip(numbers, days, strict=True)}


def _header_values(table: Table) -> list[object]:
    """The header cells as the sheet holds them, read back from the headers' text (the Table keeps text): an
    ISO date is an Excel date cell (or a date written in full); in a workbook, 12.1 is a number — unless the sheet
    says the cell is text (Table.text_header_cols: 12.1 typed as text is December 1st, 12.10 stays 12.10). A header
    that is a formula (=B1+1: the sheet holds no result of it, or a CSV left it for Excel to calculate) is a
    CellError: which day it heads is not in the file."""
    out: list[object] = []
    texts = set(table.text_header_cols)
    for i, h in enumerate(table.headers):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?", h or "")
        if h and h.startswith("=") and len(h) > 1:
            out.append(CellError(h, "formula"))
        elif m:
            out.append(datetime(int(m[1]), int(m[2]), int(m[3])))
        elif table.sheet is not None and h and re.fullmatch(r"\d{1,2}\.\d+", h) and i not in texts:
            out.append(float(h))
        else:
            out.append(h)
    return out


def _leave_against_checkins(p: _Planner) -> None:
    """A leave day on which the same person has a check-in — on another row of the file (张伟 ✓ on 12/1, 大伟 请假 on
    12/1) or in the database — is a problem on the leave's row, naming the cell: both were written before. So is
    a cell saying × (0, 未打卡) on a day the person has a check-in: an import deletes none, and the cell's outcome
    "no check-in" would be untrue (a ✓ corrected to × and imported again was passed over)."""
    if not p.leaves and not p.none_marks:
        return
    in_file: dict[tuple[int, date], PlannedCheckin] = {}
    for c in p.checkins:
        in_file.setdefault((c.membership_id, c.day), c)
    in_db = already_by_day(
        p.session,
        p.group_id,
        {(lv.membership_id, lv.day) for lv in p.leaves} | {(mid, day) for mid, day, _r, _c in p.none_marks},
    )
    bad: dict[int, list[ImportProblem]] = defaultdict(list)
    for mid, day, row, column in p.none_marks:
        # × on a day the person has a check-in: the import never deletes one, so the cell's "none" would be untrue
        if (mid, day) in in_db:
            where, where_en = "已经记了打卡 (导入不会删除打卡)", "already has a check-in (an import deletes none)"
        elif (mid, day) in in_file and in_file[(mid, day)].row != row:
            other = in_file[(mid, day)]
            where = f"第{other.row}行 {other.column} 却记了打卡"
            where_en = f"row {other.row}, {other.column}, has a check-in for it"
        else:
            continue
        bad[row].append(
            p.problem(
                row,
                column,
                f"{day} 这里写的是没打卡, 但同一个人这一天{where}: 请核对 (no check-in here, but the same person"
                f" {where_en}: check which is right)",
                "none_but_checked_in",
                str(day),
            )
        )
    for lv in p.leaves:
        key = (lv.membership_id, lv.day)
        if key in in_db:
            where, where_en = "已经记了打卡", "already has a check-in"
        elif key in in_file:
            other = in_file[key]
            where = f"第{other.row}行 {other.column} 却记了打卡"
            where_en = f"row {other.row}, {other.column}, has a check-in for it"
        else:
            continue
        bad[lv.row].append(
            p.problem(
                lv.row,
                lv.column,
                f"{lv.day} 这里是请假, 但同一个人这一天{where}: 请核对 (leave here, but the same person {where_en}:"
                " check which is right)",
                "leave_and_checkin",
                str(lv.day),
            )
        )
    if not bad:
        return
    p.rows = [
        RowOutcome(r.row, r.name, PROBLEM, r.member, problems=tuple(bad[r.row]), note=r.note) if r.row in bad else r
        for r in p.rows
    ]
    p.checkins = [c for c in p.checkins if c.row not in bad]
    p.leaves = [lv for lv in p.leaves if lv.row not in bad]


def _settle(
    p: _Planner,
    table: Table,
    layout: str,
    reference: tuple[int, int] | None,
    month_from: str | None,
    days_read: list[tuple[str, date]],
    skipped_columns: list[tuple[str, str]],
) -> CheckinPlan:
    """Split each row's check-ins into new and already there (the database, an earlier row of the file), and
    its leave days into new and already recorded; the counts per row."""
    _leave_against_checkins(p)
    there = already_by_day(p.session, p.group_id, {(c.membership_id, c.day) for c in p.checkins})
    leave_there = _existing_leave_days(p.session, {(lv.membership_id, lv.day) for lv in p.leaves})
    new_checkins: list[PlannedCheckin] = []
    new_leaves: list[PlannedLeave] = []
    seen: dict[tuple[int, date], int] = {}
    leave_seen: set[tuple[int, date]] = set()
    per_row: dict[int, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    for c in p.checkins:
        key = (c.membership_id, c.day)
        stats = per_row[c.row]
        stats["days"] = (*stats.get("days", ()), c.day)
        if key in there or key in seen:
            stats["already"] += 1
            continue
        seen[key] = c.row
        new_checkins.append(c)
        stats["checkins"] += 1
        stats["late"] += int(c.late)
    for lv in p.leaves:
        key = (lv.membership_id, lv.day)
        if key in leave_there or key in leave_seen:
            per_row[lv.row]["leave_already"] += 1
            continue
        leave_seen.add(key)
        new_leaves.append(lv)
        per_row[lv.row]["leave"] += 1
    rows = []
    hidden = table.hidden_rows
    for r in p.rows:
        if r.row in hidden and r.outcome != SKIPPED:  # a row filtered out of sight: never read without a word
            r = replace(r, hidden=True)
        stats = per_row.get(r.row)
        if r.outcome == PLANNED and stats:
            r = RowOutcome(
                r.row,
                r.name,
                r.outcome,
                r.member,
                stats["checkins"],
                stats["already"],
                stats["leave"],
                stats["leave_already"],
                stats["late"],
                tuple(sorted(stats.get("days", ()))),
                note=r.note,
                hidden=r.hidden,
            )
        rows.append(r)
    skipped_rows = tuple((s.row, s.reason, s.text or "") for s in table.skipped)
    not_used = {column for column, _why in skipped_columns}
    hidden_columns = tuple(label for c in table.hidden_columns if (label := _column(table.headers, c)) not in not_used)
    return CheckinPlan(
        file=table.file,
        sheet=table.sheet,
        group_id=p.group_id,
        group=p.group,
        layout=layout,
        month=reference,
        month_from=month_from,
        days=tuple(days_read),
        rows=tuple(rows),
        file_problems=tuple(p.file_problems),
        skipped_columns=tuple(skipped_columns),
        skipped_rows=skipped_rows,
        checkins=tuple(new_checkins),
        leaves=tuple(new_leaves),
        other_sheets=tuple(table.also_sheets),
        camp_start=p.camp_start,
        hidden_columns=hidden_columns,
    )


# ---------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------


def _ranges(days: list[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for d in sorted(set(days)):
        if out and d == out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def _write(
    session: Session, actor: Actor, plan: CheckinPlan, today: date, undo: list | None = None
) -> tuple[int, int, int, int, int]:
    """(logged, already, leave days, late, points) — the plan's writes, in the caller's transaction. `undo` gets what
    was written, for the import's undo record: ("checkin", (membership, day)) and ("leave", (leave id, membership))."""
    keep_rows = {r.row for r in plan.rows if r.outcome == PLANNED}
    ledger_before = _group_points(session, plan.group_id)
    by_day: dict[date, list[CheckinEntry]] = defaultdict(list)
    late = 0
    for c in plan.checkins:
        if c.row in keep_rows:
            by_day[c.day].append(CheckinEntry(c.membership_id, c.at, c.late))
    logged = already = points = 0
    if by_day:
        results = record_checkins_by_day(session, actor, plan.group_id, by_day, source="import", today=today)
        late_keys = {(c.membership_id, c.day) for c in plan.checkins if c.late}
        for d, result in results.items():
            logged += len(result.logged)
            already += len(result.already)
            points += result.points
            late += sum(1 for m in result.logged if (m, d) in late_keys)
            if undo is not None:
                undo += [("checkin", (m, d)) for m in result.logged]
    leave_days = 0
    by_member: dict[int, list[date]] = defaultdict(list)
    for lv in plan.leaves:
        if lv.row in keep_rows:
            by_member[lv.membership_id].append(lv.day)
    for mid, days in sorted(by_member.items()):
        for start, end in _ranges(days):
            leave_id = record_leave(session, actor, mid, start, end, "导入 (import)")
            if undo is not None:
                undo.append(("leave", (leave_id, mid)))
            leave_days += (end - start).days + 1
    # the ledger's change: a leave that joins two runs earns a streak bonus the check-ins' results do not count
    points = _group_points(session, plan.group_id) - ledger_before
    return logged, already, leave_days, late, points


def _group_points(session: Session, group_id: int) -> int:
    session.flush()
    return int(
        session.scalar(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(PointsEntry.group_id == group_id))
    )


def existing_group(session: Session, name: str) -> int:
    """The id of the group called `name`; NotFound saying why it must exist (check-ins belong to its members)."""
    from desktop.services.groups import find_group_id

    group_id = find_group_id(session, name)
    if group_id is None:
        raise NotFound(
            f"没有名为「{name.strip()}」的社群: 打卡要记在已有成员身上, 请先建群并导入名册"
            f" (no group named {name.strip()!r}: check-ins need the group's members; import its roster first)"
        )
    return group_id


def run_checkin_import(
    database: Any,
    actor: Actor,
    path: str | Path,
    group_name: str,
    *,
    month: str | tuple[int, int] | None = None,
    dry_run: bool = False,
    skip_problems: bool = False,
    sheet: str | None = None,
    table: Table | None = None,
    today: date | None = None,
    progress: ProgressLike | None = None,
    other_group: bool = False,
) -> tuple[CheckinPlan, CheckinSummary | None]:
    """Read `path`, plan it against the existing group `group_name` and, unless `dry_run`, write it in one
    transaction. A plan with problems raises CheckinImportFailed (nothing written) unless `skip_problems` and
    only rows have problems: then those rows are left out and named in the plan. A missing group is refused
    (check-ins need members): NotFound."""
    started = _time.perf_counter()
    name = (group_name or "").strip()
    if not name:
        raise ValidationError("group", "社群名称不能为空 (group name is required)")
    wanted = parse_month(month) if isinstance(month, str) or month is None else month
    today = today or clock.today()
    if table is None:
        table = read_checkin_table(path, sheet=sheet, progress=progress)
    with database.session() as session:
        group_id = existing_group(session, name)
        if not dry_run:
            require(actor, "record_participation")
        plan = plan_checkin_import(
            session, group_id, table, month=wanted, today=today, progress=progress, other_group=other_group
        )
        if not plan.ok and not (skip_problems and plan.skippable):
            session.rollback()
            raise CheckinImportFailed(plan)
        if dry_run:
            session.rollback()
            return plan, None
        written: list = []
        run_id = None
        logged, already, leave_days, late, points = _write(session, actor, plan, today, written)
        if written:  # what it logged, kept so that it can be undone (`qundesk import undo`, import_undo)
            from desktop.services import import_undo

            run_id = import_undo.start_run(session, actor, group_id, "checkins", plan.file)
            import_undo.record_checkins(session, run_id, group_id, [x for k, x in written if k == "checkin"])
            import_undo.record_added(session, run_id, "leave", [x for k, x in written if k == "leave"])
        left_out = plan.problem_rows if skip_problems else 0
        already_total = plan.count("already") + already
        if logged or leave_days:
            record_audit(
                session,
                actor.id,
                "import.checkins",
                "group",
                group_id,
                after={
                    "file": plan.file,
                    "layout": plan.layout,
                    "logged": logged,
                    "already": already_total,
                    "leave_days": leave_days,
                    **({"skipped": left_out} if left_out else {}),
                },
            )
        session.commit()
    summary = CheckinSummary(
        plan.file,
        group_id,
        logged,
        already_total,
        leave_days,
        plan.count("leave_already"),
        late,
        left_out,
        points,
        _time.perf_counter() - started,
        run_id,
    )
    return plan, summary


def describe_outcome(r: RowOutcome) -> str:
    """One line for a row (CLI --dry-run and the list of rows left out)."""
    label = {PLANNED: "打卡 check-ins", NOTHING: "无打卡 none", SKIPPED: "跳过 skipped", PROBLEM: "问题 problem"}[
        r.outcome
    ]
    who = r.name + (f" = {r.member}" if r.member and r.member != r.name else "")
    text = f"第{r.row}行  {label}  {who}".rstrip()
    if r.outcome == PLANNED:
        bits = []
        if r.checkins:
            bits.append(f"新 {r.checkins} new" + (f" (补卡 {r.late} late)" if r.late else ""))
        if r.already:
            bits.append(f"已有 {r.already} already there")
        if r.leave:
            bits.append(f"请假 {r.leave} leave day(s)")
        if r.leave_already:
            bits.append(f"请假已有 {r.leave_already} leave already recorded")
        if r.days:
            first, last = r.days[0], r.days[-1]
            bits.append(str(first) if first == last else f"{first} … {last}")
        text += "  " + ", ".join(bits)
    if r.problems:
        text += "  " + "; ".join(f"{p.column} 列: {p.message}" if p.column else p.message for p in r.problems)
    if r.note and r.outcome != PLANNED:
        text += f"  {r.note}"
    if r.hidden:
        text += f"  ⚠ {HIDDEN_ROW}"
    return text
