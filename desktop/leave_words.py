"""The days a 请假 message says: `请假3天`, `明后两天请假`, `12.5-12.8请假`, `出差一周，请假`.

A pasted chain's or chat's leave line is never written by itself (desktop/services/paste.py reports it; the
Check-ins page opens the leave dialog on it, the CLI names it): `leave_span` gives the days the dialog starts
from and the CLI's report names, so that the assistant confirms the member's own words instead of a one-day
leave of the chain's day — `刘洋 请假3天` recorded as one day had 刘洋 @-named in tomorrow's reminder and
breaking their streak the day after.

Read from the day the line was posted (`posted`: its stamp, else the chain's day):

- 今天 / 明天 (明日) / 后天 / 大后天 start the leave on that day; 明后两天 / 明后天 is the two days after, 今明两天 today
  and tomorrow;
- a length — N天 (日), N周 (星期, 礼拜), N个月, 半天 (one day), N in digits or 一…十, 两 — runs from that start;
- a date, or two joined by - ~ 到 至 (12.5-12.8, 12月5日到8日, 5号-8号, 12/30-1/2): those days; a day of the
  month alone (1号) is the nearest such day of the posted day's month, the one before or the one after (1号请假 posted on 30
  December is 1 January), an end without its month the first such day on or after its start (30号到2号: to 2 January);
  the year is the one that puts the day nearest the posted day, and an end before its start is in the next year
  (12.30-1.2); 元旦 is 1 January (元旦假期, 元旦三天: a holiday of several days, no days offered);
- one date and a length (12月5日请假三天): from that date, for that length (5 to 7 December);
- 到 / 至 a date after a start word (明天请假到12月8日): to that date; 到月底 (月末, 这个月底) to the month's last day,
  到下个月底 to next month's;
- a day of the week: 周五 (星期五, 礼拜五) the first on or after the posted day, 下周一 next week's, 这周三 / 本周三 this
  week's, 上周三 last week's (a leave told after it); 周三到周五 from one to the other; 下周 (这周, 上周) alone the week
  (this week from the posted day), 周末 its Saturday and Sunday (上周末 last week's);
- 本月5号, 上个月30号, 下个月1号: that month's day (month_words), never the nearest 5th, 30th or 1st;
- 明晚 / 明早 are tomorrow, 今晚 / 今早 today;
- nothing of these (请假, 今天请假, 请假一天): the posted day alone.

An English line is read alike (english_leave_words): `on leave till Wed`, `away this week`, `off next Mon`, `sick for 3
days`, `OOO until Dec 10`, `on holiday 12/12-15/12`, `back on the 10th` is not read (a return, not a last day).
Day and month in digits are read the way round that makes a day of the leave (from a week before the posted day to
MAX_DAYS after it): `until 10/12` posted on 7 December is 10 December, never 12 October of next year; when both ways
are such days (`until 11/12` posted on 1 November: 11 December or 12 November?) no days are offered.

A leave named by a lunar date or a holiday and no date (春节请假一周, 腊月初八请假: `leave_days_unsure`) is given no
days by the paste at all. A range of more than `MAX_DAYS` days, or one that cannot be a date (2月30日), is not guessed at: the posted day
alone, for the assistant to set. A 明天 of a promise (请假一天，明天补打卡) is no start either. 昨天 is no start: 昨天请假了 is said after the leave, of a day now past."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from desktop.numerals import cn_number

MAX_DAYS = 92  # about three months: a longer "leave" is a member gone, for the roster (mark left), not a leave

_NUM = r"(?:\d{1,2}|十[一二三四五六七八九]?|[一二两三四五六七八九]十?[一二三四五六七八九]?)"

_TWO_DAYS_RE = re.compile(r"明后(?:两|2)?天|今明(?:两|2)?天")
_START_RE = re.compile(r"大后天|后天|明天|明日|明晚|明早|今天|今日|今晚|今早|今晨")
_START_OFFSET = {
    "今天": 0,
    "今日": 0,
    "今晚": 0,
    "今早": 0,
    "今晨": 0,
    "明天": 1,
    "明日": 1,
    "明晚": 1,  # 明晚请假: tomorrow (it was read as the posted day)
    "明早": 1,
    "后天": 2,
    "大后天": 3,
}
_LENGTH_RE = re.compile(rf"(?<![第前上过])(?P<n>{_NUM}|半)\s*(?:个)?\s*(?P<unit>天|日(?![期子])|周|星期|礼拜|月)")
_SEP = r"\s*(?:-|~|～|—|–|－|到|至)+\s*"
_MD = r"(?:(?P<{m}>1[0-2]|0?[1-9])\s*(?:[./／]|月)\s*)?(?P<{d}>3[01]|[12]\d|0?[1-9])\s*(?:日|号)?"
_RANGE_RE = re.compile(
    r"(?<![\d:：])" + _MD.format(m="m1", d="d1") + _SEP + _MD.format(m="m2", d="d2") + r"(?![\d:：]|\s*[天点])"
)
_ONE_DATE_RE = re.compile(
    r"(?<![\d:：])(?:(?P<m1>1[0-2]|0?[1-9])\s*(?:[./／]|月)\s*(?P<d1>3[01]|[12]\d|0?[1-9])\s*(?:日|号)?"
    r"|(?P<d2>3[01]|[12]\d|0?[1-9])\s*号)(?![\d:：])"
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_RE = re.compile(r"(?P<which>上上个?|上个?|下个?|这个?|本)?\s*(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
_WEEK_RE = re.compile(
    r"(?P<which>上上个?|上个?|下个?|这个?|本)\s*(?:周|星期|礼拜)(?P<end>末)?(?![一二三四五六日天])|(?<![上下这本个])周末"
)
# words that name a day QunDesk cannot date by itself (paste.title_doubt asks about them on a chain's title, a 补卡 line
# naming one is refused): a lunar date or a holiday of the lunar calendar (腊月初八, 农历十月廿八, 正月初一, 春节, 中秋), a
# holiday of several days (国庆, 五一)
LUNAR = (
    r"农历|阴历|旧历|(?:正|腊|冬|闰)月|(?<![最当起年月])初[一二三四五六七八九十](?!学|年级|班|中|级|心|步|期|稿|次|见|恋|赛)"
    r"|[廿卅][一二三四五六七八九十]?(?=日|号|$|\s|打卡)|春节|除夕|大年(?:三十|初)|小年|元宵|端午|七夕|中秋|重阳|清明|冬至|腊八"
)
HOLIDAY = r"国庆|五一(?!班|期)|劳动节|圣诞|平安夜|情人节|妇女节|儿童节"
_UNSURE_LEAVE_RE = re.compile(f"{LUNAR}|{HOLIDAY}")


def leave_days_unsure(text: str) -> bool:
    """A 请假 line that names its days by a lunar date or a holiday and writes no date besides (腊月初八请假, 春节请假一周,
    国庆请假): which days is not known — no days are offered (the CLI printed `leave add --from <the day posted>`, the
    leave dialog started there: 春节请假一周 pasted on 7 December as 12-07…12-13). The assistant sets them."""
    return bool(_UNSURE_LEAVE_RE.search(text) or _NEW_YEAR_HOLIDAY_RE.search(text)) and not (
        _RANGE_RE.search(text) or _ONE_DATE_RE.search(text)
    )


# 元旦假期 / 元旦三天 / 元旦前后: the New Year holiday of several days, whose dates the words do not give (元旦 alone is
# 1 January: _span)
_NEW_YEAR_HOLIDAY_RE = re.compile(r"元旦(?:假|期间|小长假|前后|那几天|几天|[一二两三四五六七八九十0-9]\s*天)")


# a month named by where it is (本月5号, 上个月30号, 下个月1号): month_words writes it as that month
MONTH_WORD = r"(?:(?:本|这个?|当|上个?|上一个?|下个?|下一个?)月(?:的)?)"
_MONTH_WORD_DAY_RE = re.compile(rf"(?P<w>{MONTH_WORD})\s*(?P<d>\d{{1,2}})(?=\s*[日号])")


def month_words(text: str, today: date) -> str:
    """`text` with a day of a month named by where it is written as that month's date (of the month of `today`, the
    day the words were said): 本月5号 / 这个月5日 → 12月5日, 上个月30号 / 上月30日 → 11月30日, 下个月1号 → 1月1日. Read as
    a day of the month alone, 本月5号 on 28 December was next month's 5th (the nearest), 上个月30号 on 16 December
    this month's 30th, and 下个月1号请假 the 1st of this month, gone by."""

    def written(m: re.Match[str]) -> str:
        w = m["w"]
        shift = -1 if w.startswith("上") else 1 if w.startswith("下") else 0
        month = (today.month - 1 + shift) % 12 + 1
        return f"{month}月{int(m['d'])}"

    return _MONTH_WORD_DAY_RE.sub(written, text) if "月" in text else text


_UNTIL_RE = re.compile(r"(?:到|至)\s*" + _MD.format(m="m1", d="d1") + r"(?![\d:：])")


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "半":
        return 1
    return cn_number(text)


def _nearest(month: int, day: int, posted: date) -> date | None:
    """month/day in the year that puts it nearest `posted` (None: no such day, 2月30日)."""
    best = None
    for year in (posted.year - 1, posted.year, posted.year + 1):
        if day > calendar.monthrange(year, month)[1]:
            continue
        d = date(year, month, day)
        if best is None or abs((d - posted).days) < abs((best - posted).days):
            best = d
    return best


def _month_day(m: str | None, d: str, month: int, posted: date, after: date | None = None) -> date | None:
    """A written date: its month `m`, else `month`; after `after` (an end): the first such day on or after it — an
    end without its month the first such day of `month` or a month after it (请假到3号 posted on 30 December is
    3 January, 30号到2号 is 30 December to 2 January: not the 3rd or the 2nd of December next year)."""
    mo, dd = (int(m) if m else month), int(d)
    if after is None and not m:
        # a day of the month alone (1号请假, 1号到3号请假): the nearest such day of this month, the one before or the
        # one after (ties: the later, a leave being told before it) — 1号请假 posted on 30 December is 1 January, never
        # the 1st of December, gone by four weeks
        found = []
        for k in (-1, 0, 1):
            year, month0 = divmod(posted.year * 12 + mo - 1 + k, 12)
            if dd <= calendar.monthrange(year, month0 + 1)[1]:
                found.append(date(year, month0 + 1, dd))
        return min(found, key=lambda x: (abs((x - posted).days), -x.toordinal()), default=None)
    if after is None:
        return _nearest(mo, dd, posted)
    if not m:
        for k in range(3):
            year, month0 = divmod(after.year * 12 + mo - 1 + k, 12)
            if dd <= calendar.monthrange(year, month0 + 1)[1] and (found := date(year, month0 + 1, dd)) >= after:
                return found
        return None
    for year in (after.year, after.year + 1):
        if dd <= calendar.monthrange(year, mo)[1] and (found := date(year, mo, dd)) >= after:
            return found
    return None


def _add_months(start: date, n: int) -> date:
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def leave_span(text: str, posted: date) -> tuple[date, date]:
    """(first, last) day of the leave `text` says, posted on `posted` (see the module's rules)."""
    span = _span(text, posted)
    if span is None or span[1] < span[0] or (span[1] - span[0]).days >= MAX_DAYS:
        return posted, posted
    return span


# 请假一天，明天补打卡: the 明天 is the promised make-up's, not the leave's
_PROMISE_RE = re.compile(r"(?:明天|明日|后天)\s*(?:再|会|一定|记得)?\s*(?:补|打卡|签到|来|继续)")


# 元旦 (New Year's Day) is 1 January: 元旦请假 posted on 30 December is that day (it was the day posted); 元旦假期 / 元旦
# 三天 / 元旦前后 is a holiday of several days whose dates the words do not give (leave_days_unsure)
_NEW_YEAR_RE = re.compile(r"元旦(?!假|期间|小长假|前后|那几天|几天|[一二两三四五六七八九十0-9])")
# 请假至明年1月3日 / 到下个月5号: the year or month word between 到 and its date (明年 is read from the date itself)
_UNTIL_YEAR_RE = re.compile(r"(?<=[到至])\s*(?:明年|今年|来年|下一?年)\s*(?=\d)")


# 请假到月底 / 到这个月底 / 请假至月末 / 到下个月底: to the last day of this month (of the next with 下)
_MONTH_END_RE = re.compile(r"(?:到|至)\s*(?P<next>下个?)?(?:这个?|本)?\s*月(?:底|末)")


def _span(text: str, posted: date) -> tuple[date, date] | None:
    if re.search(r"[A-Za-z]{2}", text):
        english = english_leave_words(text, posted)
        if english is None:
            return None
        text = english
    text = _UNTIL_YEAR_RE.sub("", _NEW_YEAR_RE.sub("1月1日", text))
    text = month_words(_PROMISE_RE.sub(" ", text.replace("：", ":")), posted)
    if (r := _RANGE_RE.search(text)) is not None and (r["m1"] or r["m2"] or "号" in r[0] or "日" in r[0]):
        start = _month_day(r["m1"], r["d1"], posted.month, posted)
        if start is None:
            return None
        end = _month_day(r["m2"], r["d2"], start.month, posted, after=start)
        return (start, end) if end is not None else None
    weekdays = list(_WEEKDAY_RE.finditer(text))
    if weekdays:  # 下周一请假, 周五请假, 周三到周五请假: the day of the week (next week's with 下)
        if re.search(r"(?:到|至)\s*$", text[: weekdays[0].start()]):  # 请假到周三, on leave till Wed: to that day
            word = _START_RE.search(text[: weekdays[0].start()])
            begin = posted + timedelta(days=_START_OFFSET[word[0]]) if word else posted
            return begin, _weekday(weekdays[0], posted, begin)
        start = _weekday(weekdays[0], posted, posted)
        if len(weekdays) > 1 and re.search(_SEP, text[weekdays[0].end() : weekdays[1].start()]):
            return start, _weekday(weekdays[1], posted, start)
        return _lasting(text, start)
    if (week := _WEEK_RE.search(text)) is not None:  # 下周请假: Monday to Sunday; 这周 from today; 周末 Sat–Sun
        monday = week_monday(posted, week["which"])
        if week["which"] and week["which"].startswith("上"):  # 上周末请假了: last week's (it was next week's)
            return (monday + timedelta(days=5) if week["end"] else monday), monday + timedelta(days=6)
        sunday = monday + timedelta(days=6)
        if week["end"] or week[0] == "周末":
            return max(posted, monday + timedelta(days=5)), sunday
        return max(posted, monday), sunday
    two = _TWO_DAYS_RE.search(text)
    if two is not None:
        first = 1 if two[0].startswith("明") else 0
        return posted + timedelta(days=first), posted + timedelta(days=first + 1)
    word = _START_RE.search(text)
    start = posted + timedelta(days=_START_OFFSET[word[0]]) if word else None
    if (u := _UNTIL_RE.search(text)) is not None:
        begin = start or posted
        end = _month_day(u["m1"], u["d1"], begin.month, posted, after=begin)
        return (begin, end) if end is not None else None
    if (end_word := _MONTH_END_RE.search(text)) is not None:  # 请假到月底: to the month's last day (it was today)
        begin = start or posted
        last = _add_months(date(begin.year, begin.month, 1), 2 if end_word["next"] else 1) - timedelta(days=1)
        return begin, last
    if start is None and (one := _ONE_DATE_RE.search(text)) is not None:
        day = _month_day(one["m1"], one["d1"] or one["d2"], posted.month, posted)
        # 12月5日请假三天: from that day, for the length said (it was 5 December alone); the date's 日 is no length
        return _lasting(_ONE_DATE_RE.sub(" ", text), day) if day is not None else None
    return _lasting(text, start or posted)


def _weekday(m: re.Match, posted: date, on_or_after: date) -> date:
    """The day a 周X names: of next week with 下, of this week with 这/本, else the first such day on or after
    `on_or_after` (周五请假 said on a Wednesday: this Friday; said on a Saturday: the next one)."""
    wd = _WEEKDAYS[m["wd"]]
    if m["which"]:  # 下周三, 这周三, 上周三请假了 (last week's Wednesday: it was the coming one)
        return week_monday(posted, m["which"]) + timedelta(days=wd)
    return on_or_after + timedelta(days=(wd - on_or_after.weekday()) % 7)


def week_monday(near: date, which: str | None) -> date:
    """The Monday of the week a word names, counted from `near`'s week (weeks run Monday to Sunday, as Chinese
    calendars print them): 下(个) next week, 上(个/一个) last week, 上上 the week before, 本 / 这(个) / none this week.
    The leave words and the paste's titles and 补卡 lines (paste._in_week) read weeks alike."""
    monday = near - timedelta(days=near.weekday())
    which = which or ""
    if which.startswith("下"):
        return monday + timedelta(days=7)
    if which.startswith("上"):
        return monday - timedelta(days=14 if which.startswith("上上") else 7)
    return monday


def _lasting(text: str, begin: date) -> tuple[date, date] | None:
    """From `begin`, for the length the text says (N天, N周, N个月), else that day alone."""
    length = _LENGTH_RE.search(_WEEKDAY_RE.sub(" ", text))
    if length is None:
        return begin, begin
    n = _number(length["n"])
    if n is None or n < 1:
        return None
    unit = length["unit"]
    if unit == "月":
        return begin, _add_months(begin, n) - timedelta(days=1)
    days = n * 7 if unit in ("周", "星期", "礼拜") else n
    return begin, begin + timedelta(days=days - 1)


# ---------------------------------------------------------------- English week words
# An English-speaking group names days as `Friday`, `Fri`, `last Friday`, `this Wed`. Shared by the leave words below,
# the paste's chain titles and its make-up lines (desktop/services/paste.py).

# a weekday's name, whole or short (Mon, Tue, Tues, Wed, Weds, Thu, Thur, Thurs, Fri, Sat, Sun), 's after it allowed
EN_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)\.?(?:'s)?(?![a-z])"
)
_EN_WEEKDAY_NO = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def en_weekday_no(word: str) -> int:
    """0 (Monday) … 6 (Sunday) of an English weekday's name, whole or short."""
    return _EN_WEEKDAY_NO[word[:3].casefold()]


def en_week_word_day(which: str, weekday: int, today: date) -> date | None:
    """The day `last Friday` / `this Friday` names, said on `today`; None when English leaves it open.

    `last Friday` is the latest Friday before today — when that Friday is in last week (Monday to Sunday) too, both
    readings English has (the Friday just gone, the Friday of last week) are one day. Said later in the week than the
    Friday of this week (on Saturday: yesterday, or eight days ago?), they are two days: None, and the paste asks.
    `this Friday` is this week's Friday when it is today or still to come; once it has gone by (`this Friday` said on
    Sunday: the one gone, or the coming one?) None."""
    monday = today - timedelta(days=today.weekday())
    if which.casefold() == "this":
        day = monday + timedelta(days=weekday)
        return day if day >= today else None
    back = (today.weekday() - weekday) % 7 or 7
    day = today - timedelta(days=back)
    return day if day < monday else None


_EN_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_EN_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight)"
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_EN_ORD = r"(?:st|nd|rd|th)?"
_EN_LEAVE_WORDS = [
    (re.compile(r"(?<![a-z])(?:the\s+)?day\s+after\s+tomorrow(?![a-z])", re.I), "后天"),
    (re.compile(r"(?<![a-z])(?:tomorrow|tmrw?|tmw)(?![a-z])", re.I), "明天"),
    (re.compile(r"(?<![a-z])(?:today|tonight)(?![a-z])", re.I), "今天"),
    (re.compile(r"(?<![a-z])this\s+weekend(?![a-z])", re.I), "这周末"),
    (re.compile(r"(?<![a-z])next\s+weekend(?![a-z])", re.I), "下周末"),
    (re.compile(r"(?<![a-z])last\s+weekend(?![a-z])", re.I), "上周末"),
    (re.compile(r"(?<![a-z])(?:the\s+)?weekend(?![a-z])", re.I), "周末"),
    (re.compile(r"(?<![a-z])this\s+week(?![a-z])", re.I), "这周"),
    (re.compile(r"(?<![a-z])next\s+week(?![a-z])", re.I), "下周"),
    (re.compile(r"(?<![a-z])last\s+week(?![a-z])", re.I), "上周"),
]
_EN_LEAVE_WEEKDAY_RE = re.compile(rf"(?<![a-z])(?:(?P<which>next|this|last)\s+)?{EN_WEEKDAY}", re.I)
_EN_LEAVE_LENGTH_RE = re.compile(rf"(?<![a-z\d])(?P<n>{_EN_NUM})\s*(?P<unit>days?|weeks?|months?)(?![a-z])", re.I)
_EN_LEAVE_DAY_MONTH_RE = re.compile(rf"(?<![\w/.])(?P<d>\d{{1,2}}){_EN_ORD}(?:\s+of)?\s*{_EN_MONTH}", re.I)
_EN_LEAVE_MONTH_DAY_RE = re.compile(rf"(?<![a-z]){_EN_MONTH}\s*(?P<d>\d{{1,2}}){_EN_ORD}(?![\d:a-z])", re.I)
_EN_LEAVE_ORDINAL_RE = re.compile(r"(?<![\w/.])(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)(?![a-z\d])", re.I)
_EN_LEAVE_DIGITS_RE = re.compile(r"(?<![\d/.:])(?P<a>\d{1,2})\s*[/.]\s*(?P<b>\d{1,2})(?![\d/.:]|\s*(?:km|k|mi|h|kg)\b)")
_EN_UNTIL_RE = re.compile(r"(?<![a-z])(?:till|until|til|through|thru|to)(?![a-z])", re.I)


def english_leave_words(text: str, posted: date) -> str | None:
    """An English leave line written with the Chinese words `_span` reads (tomorrow → 明天, next Mon → 下周一, till → 到,
    3 days → 3天, Dec 10 / 10th → 12月10日 / 10号, 10/12 → the way round that makes a day of the leave); None when its
    day and month in digits read both ways round as days of a leave (the days are not known)."""
    for rx, cn in _EN_LEAVE_WORDS:
        text = rx.sub(cn, text)

    def weekday(m: re.Match[str]) -> str:
        which = {"next": "下", "this": "这", "last": "上"}.get((m["which"] or "").casefold(), "")
        return f"{which}周{'一二三四五六日'[en_weekday_no(m['wd'])]}"

    text = _EN_LEAVE_WEEKDAY_RE.sub(weekday, text)

    def length(m: re.Match[str]) -> str:
        n = m["n"].casefold()
        number = int(n) if n.isdigit() else _EN_NUMBER[n]
        unit = m["unit"].casefold()
        return f"{number}{'天' if unit.startswith('day') else '周' if unit.startswith('week') else '个月'}"

    text = _EN_LEAVE_LENGTH_RE.sub(length, text)

    def month_day(m: re.Match[str]) -> str:
        return f"{_EN_MONTHS.index(m['mon'][:3].casefold()) + 1}月{int(m['d'])}日"

    text = _EN_LEAVE_DAY_MONTH_RE.sub(month_day, text)
    text = _EN_LEAVE_MONTH_DAY_RE.sub(month_day, text)
    text = _EN_LEAVE_ORDINAL_RE.sub(lambda m: f"{int(m['d'])}号", text)
    unsure = False

    def digits(m: re.Match[str]) -> str:
        nonlocal unsure
        a, b = int(m["a"]), int(m["b"])
        found = set()
        for month, dom in ((a, b), (b, a)):
            if 1 <= month <= 12 and 1 <= dom <= 31:
                d = _nearest(month, dom, posted)
                if d is not None and -7 <= (d - posted).days <= MAX_DAYS:
                    found.add(d)
        if len(found) != 1:
            unsure = unsure or len(found) > 1
            return m[0]
        d = found.pop()
        return f"{d.month}月{d.day}日"

    text = _EN_LEAVE_DIGITS_RE.sub(digits, text)
    if unsure:
        return None
    return _EN_UNTIL_RE.sub("到", text)
