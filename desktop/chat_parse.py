"""Chat paste parser for check-ins and sign-ups: turns a pasted WeChat/QQ chat into lines (pure Python).

``parse_chat(text)`` returns one :class:`PasteLine` per line of the pasted text, in order, each with a
``kind``; ``entries(lines)`` keeps the entry lines that are not repeats. Matching names to the roster
is not done here (see §3.3 of the product spec); this module only finds who posted.

Text preparation
----------------
* Lines are split like ``str.splitlines`` (``\\n``, ``\\r\\n``, ``\\r``); ``line_no`` is 1-based.
* Invisible characters (zero-width space / non-joiner, BOM, LRM/RLM, word joiner, soft hyphen) are
  dropped before parsing. The zero-width joiner and variation selectors are kept: they are part of
  emoji such as 👨‍👩‍👧 and ❤️.
* Parsing looks at a *folded* copy of each line, made character by character with NFKC, so
  full-width digits, letters and punctuation (``１２．``, ``（５）``, ``：``, ``，``) read as ASCII and every
  space (U+3000, NBSP, tab) reads as a space. ``name`` and ``remark`` are cut from the original line,
  so they stay as written; only their whitespace is collapsed to single spaces.

Modes
-----
One mode is chosen per paste; "content lines" are the non-blank, non-example lines:

a. any ``#接龙`` line: **chain** — but a 接龙 copied with the messages around it, each under a stamp with its year
   (``2026-11-18 06:30 李四`` / ``早起打卡`` … ``2026-11-18 06:31 王五`` / ``#接龙`` / ``1. 张三``), is read message by
   message: the one holding the ``#接龙`` a chain (its stamp line kind ``ignored``, reason ``chain_post``), every other
   one a **stamped log**'s message (the paste service shows each as its sender's line outside the chain);
b. a stamp line (see 2.) with a date (in digits, or 昨天/星期四 as WeChat writes a recent one), followed by a message line: **stamped log**;
c. no numbered lines, speaker lines (see 3.) are at least half of the content lines and outnumber
   the stamp lines: **colon log**;
d. at least two stamp lines, one among the first three lines (QQ's ``群名(群号)`` line and a date may stand
   above the log) and every one followed by a message line: **stamped log** (so ``张三 06:01`` / ``李四 06:03`` with nothing in between is a list with times);
e. as c. but without outnumbering the stamp lines: **colon log**;
e2. (before d.) the lines pair up as a speaker line (no 打卡) followed by a message line saying
   打卡/签到/请假/补卡/早安/checkin/✅, the speaker line no time — PC WeChat's ``张伟`` / ``打卡 5:58`` — at least twice, after at most one
   title line (``群聊的聊天记录``): **paired log** (each speaker line is the entry, the message its remark and time); a
   date/time line right under the speaker (``张伟`` / ``12-05 23:59`` / ``打卡``) is its stamp: its time and date.
   With the roster at hand (``parse_chat(text, names_someone)``, as the paste service calls it) one pair is enough
   and the messages need not say 打卡: no message line names someone of the group, a speaker line does, and at
   least half the message lines are evidently messages (打卡 words, chatter, ``[图片]``, a sentence or question, a
   link, more than 20 characters) — PC WeChat's copy of one message (``张三`` / ``早起打卡第3天``, ``张三`` / ``收到``)
   is its sender's message, while ``张三`` / ``李四`` (both on the roster) stays a list of names. Likewise one
   ``name time`` stamp over such a message (``张三 07:12`` / ``收到``) is a **stamped log** of one message;
f. otherwise: **chain** (which covers numbered chains without ``#接龙`` and plain lists of names).

1. **Chain** (接龙):
   * ``#接龙`` (with or without a title after it) is a header; when it has no title, the next
     non-blank, unnumbered line is the title and also a header. A second ``#接龙`` starts over.
   * Example lines start with ``例`` / ``示例`` / ``样例`` / ``范例`` / ``比如`` / ``e.g.`` (also after a
     number), a bracketed one (``【示例】``, ``（例）``) or ``如：`` / ``模板：`` / ``示范：`` / ``格式：`` / ``参考格式：``, and
     are kind ``example`` — the 接龙 template's sample (``例 张三 6:00``) is never a person, whoever the roster holds.
   * The chain's own count and state lines (``以上共12人``, ``（接龙人数：12）``, ``当前12人已接龙``, ``还差3人``,
     ``还剩3个名额``, ``接龙中…``) are headers above the first entry and noise after it, never a name.
   * Numbering styles: ``1. 张三``, ``1.张三``, ``2、李四``, ``3 王五``, ``3王五``, ``(4) 赵六``,
     ``（5）钱七``, ``6．孙八``, ``7) 周九``, ``【8】``, ``①``, ``1️⃣``, with ASCII or full-width digits, and
     with emoji before the number (``🌟1. 张三``), ``No.1``, ``#3``, ``4#``, ``第5位``; also Chinese numerals with 、 or a full stop (``一、张三``,
     ``十一、一一``), unless the line is a description (a colon that is not a time's, a title word: ``一、时间：周六``).
     A number followed by 年/月/日/号/点/期/天/人/个/位/次/届/周, or by a unit (公里/页/分钟/小时/遍/圈/步/斤/篇/杯),
     is not a chain number (``11月22日 早起打卡`` is a title; ``5公里`` is the rest of a line wrapped in two).
   * If the paste has numbered lines, unnumbered lines before the first entry are headers (title,
     description, time and place) and unnumbered lines after it are noise (footers, stray chat) — except
     a title-like line naming a day (``明日预告（12月5日）``, ``12月3日``), which heads the lines under it.
     A numbered line with no name (``5.``, ``6. ✅``) is noise.
   * Plain list (no numbered lines): before the first entry, a title-like line (a date, ``第N期``, or a
     first word containing 接龙/打卡/签到/报名/活动/读书会/训练营/名单/… other than a trailing
     已打卡/+1/✅) is a header, so a list that *starts* with ``张三打卡`` reads it as a title. Other
     lines are entries when their name is plausible (at most 20 characters, no 。！？!?); otherwise
     they are headers before the first entry and noise after it. A header that is a title only for a date in it
     while a name comes first (``张三 今天跑了5公里``) is offered back by ``title_like_entries``.
2. **Stamped chat log**: stamp lines ``speaker [date] time`` or ``[date] time speaker``
   (``张三 2026/11/22 06:01``, ``张三 11-22 06:01``, ``张三 06:01``, ``2026-11-22 06:01:23 张三(12345678)``,
   ``[06:01] 张三``), each followed by message line(s). The stamp line is the entry (name = the
   speaker, time = the stamp's time); the message lines, joined by a space, are its remark, and the
   message lines themselves are kind ``noise`` (they are not check-ins of their own). A line with
   only a date and/or time (``—— 2026年11月22日 ——``) is noise and ends the message. Numbered lines
   never count as stamps. A date may be WeChat's word for a recent day (``昨天 06:01``, ``星期四 06:01``), with its
   weekday (``2026年11月22日 星期日 06:01``), or in English (``Yesterday 06:01``, ``Thursday 06:01``,
   ``Nov 22, 2026 06:01``), and a time 12-hour (``下午 3:05``, ``3:05:03 PM``).
3. **Colon chat log**: speaker lines ``张三: 打卡``, ``张三：早安打卡``, ``[06:01] 张三: 打卡``,
   ``06:01 张三: 打卡``. The speaker (everything before the colon) is the name; the message is the
   remark, minus a time found in it when the line had no time stamp. ``张三:`` with an empty message
   takes the following non-speaker lines as its message (those lines are noise). Lines with no
   recognisable speaker (``王五撤回了一条消息``, ``[图片]`` after a finished message) are noise. A colon
   between two digits is a time, never a speaker colon.

Names, times and remarks
------------------------
* Chain and plain-list entries: the name is the first *token* of the line after the number, where
  tokens are split on whitespace and the separators ``- — – | , ， 、 ; ： / ~``. A hyphen between two
  Latin letters (``Jean-Luc``) does not split. Consequently ``北京-张三`` yields the name ``北京``.
* Latin names: a first token of Latin letters is joined with the following Latin words that are
  separated from it by spaces only, so ``Tom Lee``, ``3. Tom Lee 6:00`` and ``tom lee 打卡`` all give
  ``Tom Lee``/``tom lee``. Words such as ``ok``, ``done``, ``checkin``, ``day``, ``am``/``pm`` stop the join.
* A link (``https://…``, ``www.…``) is never a name: ``3. https://jingdaka.com/x/1`` names nobody (noise); after
  a name it stays in the remark.
* Remark words are never part of a name: a trailing ``打卡``/``已打卡``/``签到``/``报名``/``+1``/``✅``/
  ``第12天``/``day5`` glued to the name (``张三已打卡``) is cut off into the remark, and a first token
  that is only a remark word (``已打卡 张三``) is passed over (it stays in the remark).
* A summary's status label is never a name nor a speaker (``已打卡：张三、李四``, ``已提交 张三``, ``未提交（2）：王五``,
  ``缺卡 刘红``): it is passed over the same way, and a line whose label says *not* (未/没/还没/尚未 + 打卡/提交/接龙…,
  缺卡) is ``not_done``.
* Emoji: emoji glued to a name are part of it (WeChat nicknames contain emoji), so ``🌞小美🌸`` is the
  name ``🌞小美🌸``. Tokens made only of emoji/symbols/punctuation *before* the name are decoration and
  dropped (``🌞 小美`` gives ``小美``). Tokens after the name belong to the remark (``小美 🌸`` has the
  remark ``🌸``, ``张三 ✅`` the remark ``✅``). If a line has nothing but emoji, its first emoji-bearing
  token is the name (emoji-only nicknames exist), unless it is a remark mark such as ``✅``.
* Log speakers keep spaces (``Tom Lee: 打卡`` gives ``Tom Lee``); a QQ number ``(12345678)`` or an
  ``<email>`` after the speaker, a leading ``【群头衔】`` tag and space-separated decoration emoji
  around the speaker are dropped.
* Time: a wake time (``6点起``, ``6:10起床``) first, else the first time that is not a bedtime (``10点睡``,
  ``昨晚11点``: followed by 睡/入睡/就寝, or after 昨晚/昨天/前晚) — no time when every time is a bedtime —
  on the line (entry body or message), ``H:MM`` / ``HH:MM[:SS]`` (also with
  a full-width colon), ``6点``, ``6点30(分)``, ``6点半``, in Chinese numerals ``六点十分``/``六点半``/``六点整`` (and
  ``六点`` after 早上… or before 起 — never 快一点, 晚一点, 一点点); an optional 上午/早上/凌晨/下午/晚上 prefix
  or am/pm suffix (下午/晚上/pm add 12 hours; 中午 1–3点 is the afternoon; 夜里/深夜/半夜/午夜 6–11点 the evening and
  0–5点 the night; ``12am``, ``7 pm``). Normalised to ``HH:MM``; seconds are dropped. Midnight at the end of an evening
  — ``晚上12点``, ``半夜12:00`` — is ``24:00`` (``晚上12点半`` ``24:30``), never noon and never the midnight that
  begins the day: the check-in is posted at 00:00 of the next day (paste.posted_at); ``凌晨12点半`` and ``12:30 AM`` are
  ``00:30``, as ``0:30`` is, and so is a 12-hour phone's ``上午12:30`` (``下午12:30`` is noon). ``24:00`` and ``24点``
  as written are that same end-of-day midnight (``24:00``). A time that is no time (``25:00``, ``24:30``) is none:
  it stays in the remark, shown.
* A chain or list line's own date right before its time (``1. 张三 12-05 06:01``, as DingTalk's and Feishu's 接龙
  write when each person joined; never ``12/21``, a count) is its ``date_text``, as a chat stamp's date is.
* Remark: the rest of the entry's text after removing the number, leading decoration, the name and
  the time; whitespace is collapsed, tokens that are only separators are dropped and separators at
  either end are stripped. ``None`` when nothing is left.
* ``number``, ``time`` and ``remark`` are filled only for entries; all other kinds have every field
  except ``line_no``/``raw``/``kind`` set to ``None``.

Lines that name someone without checking in (kind ``ignored``, the reason in ``ignored``)
--------------------------------------------------------------------------------------
* ``quote``: a quoted message — WeChat copies a reply's quote as ``「张三：打卡」`` — from the line that opens
  with ``「name:`` (or ``『``) to the line that closes it, so a quoted 接龙 is all quote. PC WeChat 4.x's
  ``引用 张三 的消息 : 早起打卡第3天`` line is a quote of 张三; so is a phone's copy of a reply — the quoted message
  (``张三：…``, from the nearest ``name:`` line above) down to a divider line of spaced dashes (``- - - - - -``), the
  reply under it (not a speaker's line: then the divider only separates a chat log's messages); a reply copied alone (nothing above its quote) has no sender in the paste, so its lines are noise. The modes
  never see a quote: the replier never gets the quoted person's 打卡, nor the quoted person the reply.
* ``system``: a system notice (``撤回了一条消息``, ``加入了群聊``, ``领取了你的红包``, ``拍了拍``, ``移出了群聊`` …) in
  a chain or list, and in a chat log after a message has begun (it ends that message: a ``[图片]`` under it is no
  part of it) — right under a stamp it is that stamp's message (QQ keeps a recalled message's stamp), and the stamp
  line is ignored as ``system``; ``name`` is the person it starts with, if any.
* ``mention``: a chain or list line that starts with ``@name`` (``@张三 记得打卡``), a line of a chat log with no
  speaker that does (``@张三 打卡`` among ``李四: 打卡`` lines), and a chat message calling everyone
  (``@所有人 打卡啦``). A chat message addressed to someone about checking in (``李四: @张三 打卡``: addressed_to) stays
  the speaker's entry; the paste service asks a person about it, and the chat-history import never counts it.
* ``chatter``: in a chat log (stamped, colon or paired — never a 接龙 chain or list, where every line is someone's
  entry), a message that is only chatter: acknowledgements, thanks and reactions with nothing else —
  收到, 好的, 好, 嗯/嗯嗯, OK/ok/okay, 谢谢, 谢谢老师, 感谢, 辛苦了, 哈哈/哈哈哈, 👍, 🙏, [强],
  [抱拳], [玫瑰], +1, 1, 同意, 对, 是的, and cheers for someone else's check-in (加油, 真棒, 太厉害了, 牛, 点赞,
  优秀, 666, [加油]), alone or together, with punctuation and emoji (not a greeting — 早, 早安,
  早上好, 晚安 are an early-rising or early-to-bed camp's check-ins). **It is not a check-in**
  (a product decision): the sender replied. A message that says anything more — another word, a number, a time
  (``早 6:05``), 打卡/已完成/day N, pages, km, minutes, a ``[图片]``/``[视频]``/``[文件]`` or a link — still counts.
  The line keeps its name, time, stamp date and ``message`` (a chatter stamp still dates the log after it); the
  paste service shows it as "only a reply, not counted", and the window lets a person count it. A chat message
  that only promises a make-up for later besides chatter (``好的，明天补打卡``, ``收到 晚点补``) is ``not_done``.
* ``question``: in a chat log, a message whose every clause naming 打卡/签到 is a question (``今天打卡了吗？``,
  ``怎么打卡``, ``打卡链接在哪``): the sender asks about checking in. ``打卡，有人一起跑吗？`` is a check-in. Also a
  line of a list of names, or a list line among chat lines, that is a name and such a question (``王五 打卡了吗？``).
* ``about``: in a chat log, a message that only talks about checking in — a start later (``明天开始打卡``,
  ``明天开始早起打卡``) or the check-in as a thing (``打卡链接在群公告``, ``打卡规则``) — as the chat-history import reads it
  (talks_about_checking_in). ``打卡✅ 明天开始打卡新书`` checks in.
* ``not_done``: an entry whose own words say it is none (``没来``, ``还没打卡``, ``未打卡``, ``记得打卡``,
  ``别忘了打卡``, ``提醒…打卡``) or that is crossed out (``❌陈红``, ``陈红 ✖``); a line with 补 is a make-up
  and stays an entry.

Headings and separators
-----------------------
A line holding only a date (``—— 12月3日 ——``, ``2026-12-03``) is a separator in every mode, never a name.
Every entry and ignored line carries ``heading``: the run of header lines it comes under (a chain's
``#接龙`` line and its title) or the latest separator. The paste service dates lines by it when a paste holds
two or more days, and reads another group's name in it.

Duplicates
----------
An entry whose :func:`normalise_name` equals that of an earlier entry gets ``duplicate_of`` = the
``line_no`` of the *first* entry with that name (a third occurrence also points at the first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from desktop.numerals import cn_number

__all__ = [
    "PasteLine",
    "entries",
    "is_separator",
    "message_lines",
    "normalise_name",
    "parse_chat",
    "plain_checkin_words",
    "reading",
    "addressed_to",
    "says_not_checked_in",
    "not_done_list",
    "separator_date",
    "title_like_entries",
    "trailing_makeups",
    "unnumbered_entries",
    "without_promises",
]


@dataclass(frozen=True)
class PasteLine:
    line_no: int  # 1-based line number in the pasted text
    raw: str  # the original line
    kind: str  # "entry" | "ignored" | "header" | "example" | "blank" | "noise"
    name: str | None  # the person's name as written, cleaned (None unless kind is "entry" or "ignored")
    number: int | None  # the chain number if the line had one ("3. 王五" -> 3)
    time: str | None  # a time found on the line, normalised "HH:MM"
    remark: str | None  # the rest of the line after the name/time, stripped, None if empty
    duplicate_of: int | None  # line_no of an earlier entry with the same normalised name
    body: str | None = None  # entry text as written, after the number and without the time (the matcher's input)
    mode: str | None = None  # "chain" (接龙 or plain list) | "stamped" | "colon" (chat logs); entries only
    date_text: str | None = None  # the date of a chat log's stamp as written ("2026/11/22", "11-22"), or of a chain
    # line's own date before its time (`1. 张三 12-05 06:01`), if any
    ignored: str | None = None  # kind "ignored": why the line names someone without being their check-in
    heading: str | None = None  # the chain title or date separator the line comes under ("#接龙 12月2日打卡")
    message: str | None = None  # a chat log's entry: its message as posted, a time in it included (remark drops it)


NamesSomeone = Callable[[str], bool]  # a written name -> whether it is exactly someone of the group (the roster)

# ---------------------------------------------------------------- text preparation

_Span = tuple[int, int]  # [start, end) in a line; clean and folded text share positions

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"))
_ZERO_WIDTH_ALL = {**_INVISIBLE, ord("\u200d"): None}  # for comparison keys the joiner goes too
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


# 繁體: the traditional forms of the characters the rules read words with (補卡, 請假, 還沒打卡, 6點半, 補3號, 謝謝, 怎麼打卡,
# #接龍), read as their simplified forms — one character for one, so positions stay. Only for reading words: a name is
# cut from the line as written and matched as written (張三 is a likeness of 张三, for a person to confirm).
_TRADITIONAL_WORDS = str.maketrans(
    "師學實補請簽還沒點號週謝麼嗎們記別這個來會開時間讀書頁裡裏運動覺過後應該幫龍報單經啟給發圖頻視語檔連續轉聽說問題參與課練習營遲準備為現兩幾鐘計統結規則錄滿達標務業領訊條員體場帶媽兒釘線網鏈對讚贊厲節組隊總設評論復複級閱覽匯錢歲飯聞禮拜濕邊遠歸寫畫貼傳",
    "师学实补请签还没点号周谢么吗们记别这个来会开时间读书页里里运动觉过后应该帮龙报单经启给发图频视语档连续转听说问题参与课练习营迟准备为现两几钟计统结规则录满达标务业领讯条员体场带妈儿钉线网链对赞赞厉节组队总设评论复复级阅览汇钱岁饭闻礼拜湿边远归写画贴传",
)


def reading(text: str) -> str:
    """Text as the word rules read it: NFKC (full-width to half-width) and traditional characters of words simplified
    (補卡 → 补卡, 請假 → 请假); never a name's comparison key (see normalise_name)."""
    return unicodedata.normalize("NFKC", text).translate(_TRADITIONAL_WORDS)


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFKC", ch).translate(_TRADITIONAL_WORDS)
    return folded if len(folded) == 1 else ch


@dataclass(frozen=True)
class _Line:
    no: int
    raw: str
    clean: str  # raw without invisible characters
    folded: str  # clean folded character by character; same length as clean

    @classmethod
    def make(cls, no: int, raw: str) -> _Line:
        clean = raw.translate(_INVISIBLE)
        return cls(no, raw, clean, "".join(map(_fold_char, clean)))

    @property
    def is_blank(self) -> bool:
        return not self.folded.strip()


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _blank(text: str, spans: list[_Span]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# ---------------------------------------------------------------- times

_CN_HOUR = r"(?P<cnh>十[一二]?|[一二两三四五六七八九])"
_CN_MINUTE = r"(?:[一二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])"

_TIME_RE = re.compile(
    r"(?:(?P<pre>上午|早上|早晨|清晨|凌晨|中午|下午|晚上|傍晚|夜里|夜间|半夜|深夜|午夜)\s*)?"
    r"(?<![\d.])(?:(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?(?![\d:])"
    r"|(?P<h2>\d{1,2})点(?:(?P<half>半)|(?P<m2>\d{1,2})分?)?(?!\d)"
    # 六点十分, 六点半, 六点整, 早上六点, 六点起: Chinese numerals, when nothing else reads (快一点, 晚一点, 差一点)
    rf"|(?<![快慢早晚多少些有差好高低大小远近轻重一]){_CN_HOUR}点"
    rf"(?:(?P<cnhalf>半)|(?P<cnm>{_CN_MINUTE})分|(?P<cnm2>{_CN_MINUTE})(?![\u4e00-\u9fff])|(?P<whole>整|钟)"
    r"|(?=\s*(?:多|左右)?\s*(?:就|才)?\s*(?:起|醒))|(?(pre)|(?!)))"
    # 12am, 7 pm: an hour with its am/pm and nothing else
    r"|(?P<h3>\d{1,2})(?=\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))"
    # 7.05pm, 7.05 am (the British way): a dot between hour and minute only with its am/pm (7.05 alone is a number)
    r"|(?P<h4>\d{1,2})\.(?P<m4>[0-5]\d)(?=\s*[AaPp]\.?[Mm]\.?(?![A-Za-z])))"
    r"(?:\s*(?P<post>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
)
_PM_WORDS = {"下午", "晚上", "傍晚"}
_NIGHT_WORDS = {"夜里", "夜间", "半夜", "深夜", "午夜"}  # 夜里11点 is 23:00, 半夜1点 is 01:00
END_OF_DAY = "24:00"  # 晚上12点, 半夜12点, 24:00: midnight at the end of the day it is written for (24:30: 晚上12点半)


def _cn_int(text: str) -> int:
    """一 … 五十九 (and 零五) as a number (the patterns that call it match numerals only)."""
    n = cn_number(text)
    assert n is not None, text
    return n


def _clock(match: re.Match[str]) -> str | None:
    if match["cnh"]:
        hour = _cn_int(match["cnh"])
        minute = (
            30 if match["cnhalf"] else _cn_int(match["cnm"] or match["cnm2"]) if (match["cnm"] or match["cnm2"]) else 0
        )
    else:
        hour = int(match["h"] or match["h2"] or match["h3"] or match["h4"])
        minute = 30 if match["half"] else int(match["m"] or match["m2"] or match["m4"] or 0)
    if match["h3"] and match["post"] is None:
        return None
    pre, post = match["pre"], (match["post"] or "").lower()
    if hour == 12 and pre in ("晚上", *_NIGHT_WORDS) and minute < 60:  # 晚上12点, 半夜12点半: midnight, never noon
        return f"24:{minute:02d}"  # at the end of the evening it is written for (paste.posted_at: the next day)
    if hour == 12 and (pre == "凌晨" or post.startswith("a") or (pre == "上午" and match["h"])):
        hour = 0  # 凌晨12点半, 12:05 AM and a 12-hour phone's 上午12:05 (as the table import reads it): after midnight
    elif pre in _NIGHT_WORDS:
        hour += 12 if 6 <= hour < 12 else 0  # 夜里11点 is 23:00; 半夜1点 stays 01:00
    elif pre == "中午":
        hour += 12 if 1 <= hour <= 3 else 0  # 中午1点 is 13:00; 中午12点 and 中午11点半 are as written
    elif pre == "晚上" and hour < 5:
        pass  # 晚上1点 is one at night, not 13:00
    elif (pre in _PM_WORDS or post.startswith("p")) and hour < 12:
        hour += 12
    if hour == 24 and minute == 0 and not (pre or post):
        return END_OF_DAY  # 24:00, 24点: as written, the midnight that ends the day (as 晚上12点), never no time
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


# a time followed by 起/起床/醒 is when the member got up (6点起); one followed by 睡/睡觉/入睡/就寝/上床 or
# written after 昨晚/昨天/前晚 is a bedtime or a time of last night (10点睡, 昨晚11点)
_WAKE_AFTER_RE = re.compile(r"\s*(?:多|左右)?\s*(?:就|才)?\s*(?:起|醒)")
_SLEEP_AFTER_RE = re.compile(r"\s*(?:多|左右)?\s*(?:就|才)?\s*(?:睡|入睡|就寝|上床)")
_LAST_NIGHT_BEFORE_RE = re.compile(r"(?:昨晚|昨夜|昨天|昨日|前晚|前天)\s*(?:晚上|夜里|半夜)?\s*$")
# a run's length or pace, not a clock: 10公里 1:05:32, 3km 5:45配速, 配速 5:45, 用时 1:05
_DURATION_BEFORE_RE = re.compile(r"(?:配速|用时|耗时|成绩|时长|净时|PB|pb|半马|全马)\s*$")
_DISTANCE_BEFORE_RE = re.compile(r"\d\s*(?:公里|千米|km|k|K|米|m)\s*$")
# … and a pace written with its unit (`5:30km配速`, `5:30/km`, `6:10 每公里`): no clock is followed by a distance's unit
_DURATION_AFTER_RE = re.compile(r"\s*(?:配速|用时|/\s*(?:km|公里|k)|(?i:km)(?![a-z])|公里|每公里)")


def _is_duration(folded: str, match: re.Match[str]) -> bool:
    """A run's time or pace rather than when the member posted: after 配速/用时/半马, before 配速 or /km, or with
    seconds after a distance (10公里 1:05:32; 5.2公里 6:45 is when they posted)."""
    with_seconds = match["h"] is not None and match.group(0).count(":") == 2
    return bool(
        _DURATION_BEFORE_RE.search(folded, 0, match.start())
        or _DURATION_AFTER_RE.match(folded, match.end())
        or (with_seconds and _DISTANCE_BEFORE_RE.search(folded, 0, match.start()))
    )


def _find_time(folded: str, start: int = 0) -> tuple[str | None, _Span | None]:
    """The check-in time at or after ``start``, and its span: the first valid time followed by 起/起床/醒
    (``10点睡 6点起`` → 06:00), else the first valid time that is not a bedtime — a time followed by
    睡/睡觉/入睡/就寝/上床 or written after 昨晚/昨天/前晚 is not when the member posted a morning check-in
    (``昨晚11点睡`` gives no time; ``23:30睡 6:10起`` → 06:10). A time passed over stays in the text."""
    first: tuple[str, _Span] | None = None
    for match in _TIME_RE.finditer(folded, start):
        clock = _clock(match)
        if clock is None or _is_duration(folded, match):
            continue
        if _WAKE_AFTER_RE.match(folded, match.end()):
            return clock, match.span()
        if first is None and not (
            _SLEEP_AFTER_RE.match(folded, match.end()) or _LAST_NIGHT_BEFORE_RE.search(folded, 0, match.start())
        ):
            first = clock, match.span()
    if first is None:
        return None, None
    # `李四 6:03 改一下时间 6:05`, `6:03（更正：6:05）`: the member corrected the time they wrote — the corrected one is
    # theirs (06:03 was kept). Decision: the time after a word of correction stands; any other later time is passed over
    for match in _TIME_RE.finditer(folded, first[1][1]):
        clock = _clock(match)
        if (
            clock is not None
            and not _is_duration(folded, match)
            and _CORRECTION_RE.search(folded, max(first[1][1], match.start() - 8), match.start())
        ):  # the word of correction close before the time (修改作业到7:00 is no correction of 6:03)
            first = clock, match.span()
    return first


_CORRECTION_RE = re.compile(
    r"(?<![不修])改(?!天|日|变|进|善|革|造|版|作业|卷)|更正|纠正|订正|应为|应该是|写错了?|打错了?|记错了?|搞错了?"
)


# ---------------------------------------------------------------- line shapes

_CHAIN_RE = re.compile(r"^\s*#\s*接龙(?P<title>.*)$")
_EXAMPLE_RE = re.compile(
    r"\s*(?:例|示例|样例|范例|比如|e\.?g\.?(?![a-z])"
    # 【示例】张三 6:00, （例）张三, 如：张三 6:00, 模板：张三 6:00 — the 接龙 template's sample, never a person (张三 was
    # logged from a list's sample line when the roster has a 张三)
    r"|[\[【(]\s*(?:例|示例|样例|范例|例子|举例|模板|示范|格式|参考)\s*[\]】)]"
    r"|(?:如|模板|示范|举例|参考|格式|参考格式|填写格式|接龙格式)\s*[:])",
    re.IGNORECASE,
)
# a 接龙's own count or state line (`以上共12人`, `（接龙人数：12）`, `当前12人已接龙`, `还差3人`, `还剩3个名额`, `接龙中…`):
# nobody's name — under a list with no numbers each was "nobody on the roster", offered to be added as a member
_CHAIN_FOOTER_RE = re.compile(
    r"^[\s(\[【]*(?:"
    r"(?:以上|目前|当前|现在|已有|已经?|共计?|合计|总计|一共|总共|还差|还剩|剩余?|还有|还需|还缺|已?接龙|报名|参与)"
    r"\s*(?:人数)?\s*[:]?\s*(?:共|有)?\s*\d{1,4}\s*(?:人|位|个?名额|个?位置|个?空位)"
    r"|(?:已?接龙|报名|参与|打卡)?人数\s*[:]?\s*\d{1,4}\s*人?"
    r"|接龙(?:中|进行中|已?结束|已?截止|已满)"
    r")[^\n]{0,12}?[\s.。…!！)\]】~]*$"
)
# emoji and symbols before a chain number are decoration (🌟1. 张三, 🔥2、李四, 👉3) 王五)
_NUMBER_DECOR = r"(?:[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]\s*)*"
_NUMBER_RE = re.compile(
    r"^\s*" + _NUMBER_DECOR + r"(?:[(\[【]\s*(?P<a>\d{1,4})\s*[)\]】]"
    r"|(?P<b>(?:\d\ufe0f?\u20e3)+|\U0001f51f)"
    r"|(?P<c>\d{1,4})\s*[.、)\]](?!\d)"
    # No.1 张三, #3 王五, 4# 小雨, 第5位 阳光: numbering as some phones and people write it
    r"|(?:(?i:no)\.?\s*|#\s*)(?P<e>\d{1,4})(?![\d:.])|(?P<f>\d{1,4})\s*#(?!\d)|第\s*(?P<g>\d{1,4})\s*[位名]"
    r"|(?P<d>\d{1,4})(?=\s|[\u3400-\u9fff])(?![年月日号点期天人个位次届周]|公里|千米|页|分钟|小时|遍|圈|步|斤|篇|杯))\s*"
)
_CIRCLED_RE = re.compile(
    r"^\s*"
    + _NUMBER_DECOR
    + r"(?P<n>[\u2460-\u2473\u24eb-\u24f4\u24f5-\u24fe\u2776-\u2793\u3251-\u325f\u32b1-\u32bf])\s*"
)
# 一、欧阳娜娜 / 十二、Anna Li: a chain numbered in Chinese numerals (the 、 or a full stop makes it a number, so the
# name 一一 is not); a line with a colon (`一、时间：周六`) or a title's words (`二、打卡规则`) is a description
_CN_NUMBER_RE = re.compile(
    r"^\s*" + _NUMBER_DECOR + r"(?P<n>[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[、.]\s*"
)
_LABEL_COLON_RE = re.compile(r"(?<!\d):|:(?!\d)")  # a colon that is not a time's (6:30)
_SUB_NUMBER_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.\-]\s*\d{1,2}\s+(?=\S)")
# WeChat in English writes its recent days and dates so: Yesterday 23:58, Thursday 07:05, Dec 31, 2026 07:05
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_DATE = (
    r"(?i:(?<![a-z])(?:yesterday(?![a-z])|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?![a-z])"
    r"|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s\d{1,2}(?![\d:])(?:,\s?\d{4})?))"
)
_DATE = (
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}[日号]?"
    rf"|昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天]|{_EN_DATE})"
)
_DATE_RE = re.compile(_DATE)
# a 12-hour stamp ends in AM/PM: an English-locale PC's QQ export writes `2026-12-01 3:05:03 PM 张三(12345)`
_CLOCK = r"(?:(?:上午|下午|凌晨|早上|晚上|中午)\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?"
# a stamp's date may carry its weekday (`2026年12月31日 星期四 07:05`, `12-31(周四) 07:05`): the date names the day
_STAMP_DATE = rf"{_DATE}(?:\s*[(（]?\s*(?:星期|周)[一二三四五六日天]\s*[)）]?)?"
_STAMP_FIRST_RE = re.compile(rf"^\s*(?P<sp>\S.*?)\s+\[?(?P<date>{_STAMP_DATE}\s+)?(?P<clock>{_CLOCK})\]?\s*$")
_STAMP_LAST_RE = re.compile(rf"^\s*\[?(?P<date>{_STAMP_DATE}\s+)?(?P<clock>{_CLOCK})\]?\s+(?P<sp>\S.*?)\s*$")
_COLON_RE = re.compile(
    rf"^\s*(?:\[?\s*(?:(?P<date>{_STAMP_DATE})\s+)?(?P<clock>{_CLOCK})\s*\]?\s*)?"
    r"(?P<sp>[^:\[\]]*?[^:\s\[\]])\s*(?:(?<!\d):|:(?!\d))\s*(?P<msg>.*)$"
)
# a date line may carry its weekday too (`星期五 12月4日`, `12月4日 (周五)`): two date words at most
_STAMP_ONLY_RE = re.compile(rf"^[\s\-—=~*·]*\[?(?:{_DATE}[\s()]*){{0,2}}(?:{_CLOCK})?\]?[\s\-—=~*·]*$")
_SENTENCE_PUNCT = re.compile("[。！？!?]")


def _number(line: _Line) -> tuple[int | None, int]:
    """The chain number of the line (or None) and where the body after it starts."""
    circled = _CIRCLED_RE.match(line.clean)
    if circled is not None:  # ④Anna·李: a circled number is a number whatever follows it
        return int(unicodedata.numeric(circled["n"])), circled.end()
    match = _NUMBER_RE.match(line.folded)
    if match is None:
        return _cn_number(line)
    digits = match["a"] or match["b"] or match["c"] or match["d"] or match["e"] or match["f"] or match["g"]
    if match["b"]:  # keycaps: 1️⃣1️⃣ is 11, 🔟 is 10
        digits = "10" if digits == "\U0001f51f" else "".join(ch for ch in digits if ch.isdigit())
    return int(digits), match.end()


def _cn_number(line: _Line) -> tuple[int | None, int]:
    """`一、张三`: a chain number in Chinese numerals, unless the line is a description (`一、时间：周六 7点`)."""
    match = _CN_NUMBER_RE.match(line.folded)
    if match is None or not line.folded[match.end() :].strip() or _LABEL_COLON_RE.search(line.folded):
        return None, 0
    body = _Line(line.no, line.raw, line.clean[match.end() :], line.folded[match.end() :])
    if _looks_like_title(body) or _SENTENCE_PUNCT.search(body.folded):
        return None, 0
    return _cn_int(match["n"]), match.end()


def _is_example(folded: str, start: int = 0) -> bool:
    return _EXAMPLE_RE.match(folded, start) is not None


def _has_name_char(text: str) -> bool:
    return any(unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "So" for ch in text)


# a status label of a summary or a 收集表 (`已打卡：张三、李四`, `未提交 王五、赵六`, `缺卡：刘红`): never a name nor a
# speaker — `未打卡 王五、赵六` read as a person called 未 with 王五 and 赵六 beside them (the window logged both), and
# `已打卡：张三、李四` as a speaker 已打卡 ("nobody on the roster"). The words stay the line's remark: 张三 and 李四 are
# the ones checked in, 王五's line says not checked in
_STATUS_LABEL = r"(?:已经?|未|没|没有|还没有?|尚未)(?:打卡|签到|提交|接龙|完成|交|报名|填写?)(?:的?(?:人|名单|成员|同学))?|缺卡|漏卡"
_STATUS_LABEL_RE = re.compile(rf"(?:{_STATUS_LABEL})\s*(?:[(（]\s*\d{{1,4}}\s*人?\s*[)）]|\d{{1,4}}\s*人)?")
# the label that says the names after it have *not* checked in (`未提交：王五、赵六`, `缺卡 刘红`)
_NOT_DONE_LABEL_RE = re.compile(r"\s*(?:未|没|没有|还没有?|尚未)(?:打卡|签到|提交|接龙|完成|交|填写?)|\s*(?:缺卡|漏卡)")


def _plausible_speaker(text: str) -> bool:
    text = _collapse(text)
    if not 0 < len(text) <= 30 or "http" in text.lower() or _STATUS_LABEL_RE.fullmatch(reading(text)):
        return False
    return _has_name_char(text) and not _SENTENCE_PUNCT.search(text)


@dataclass(frozen=True)
class _Speech:
    speaker: _Span  # span of the speaker in the line
    clock: str | None  # time from the stamp, normalised
    msg: _Span | None  # span of the message on the same line
    date_text: str | None = None  # the stamp's date as written


def _has_message(speech: _Speech) -> bool:
    return speech.msg is not None and speech.msg[0] < speech.msg[1]


# a QQ export's speaker whose nickname is a number (`2026-12-06 06:05:33 001(987654321)`): the QQ number after it
# says it is someone
_QQ_NUMBER_NICK = re.compile(r"^\s*\d{1,12}\s*\(\d{5,12}\)\s*$")


def _stamp(line: _Line) -> tuple[_Speech, bool] | None:
    """A ``speaker [date] time`` line: the speech and whether it carries a date (2026/11/22, 11-22, 昨天, 星期四).
    A separator is none: `12月6日 星期日 06:10` was read as a speaker 「12月6日」 whose message was every line under it
    (张三：打卡, 李四：打卡 — their check-ins lost to a person nobody is)."""
    if _is_separator(line.folded):
        return None
    for regex in (_STAMP_FIRST_RE, _STAMP_LAST_RE):
        match = regex.match(line.folded)
        if match and ":" not in match["sp"] and (_plausible_speaker(match["sp"]) or _QQ_NUMBER_NICK.match(match["sp"])):
            clock, _ = _find_time(match["clock"])
            # a date, in digits or as WeChat writes a recent one (昨天 07:05, 星期四 07:05): no list entry has one
            dated = bool((match["date"] or "").strip())
            return _Speech(match.span("sp"), clock, None, (match["date"] or "").strip() or None), dated
    return None


def _colon(line: _Line) -> _Speech | None:
    """A ``[time] speaker: message`` line."""
    match = _COLON_RE.match(line.folded)
    if match is None or not _plausible_speaker(match["sp"]) or match["msg"].startswith("//"):
        return None
    clock = _find_time(match["clock"])[0] if match["clock"] else None
    return _Speech(match.span("sp"), clock, match.span("msg"), match["date"])


def _stamp_line(line: _Line) -> tuple[_Speech, bool] | None:
    """Like :func:`_stamp`, but a blank or numbered line is never a stamp line."""
    if line.is_blank or _number(line)[0] is not None:
        return None
    return _stamp(line)


def _is_stamp_only(folded: str) -> bool:
    return _STAMP_ONLY_RE.match(folded) is not None


# ---------------------------------------------------------------- names and remarks

_SEP_RE = re.compile(r"\s+|[—–―|,、;:/~]+|(?<![A-Za-z])-+|-+(?![A-Za-z])")
_EDGE_SEPS = " -—–―|,，、;；:：/~～"
_MARKS = "✅✔☑✓√👍💪🙋\ufe0f"
_REMARK_WORD = rf"(?:已?打卡|已?签到|已?报名|\+\d+|[{_MARKS}]+|第\d+天|day\s*\d+)"
_REMARK_SUFFIX_RE = re.compile(rf"{_REMARK_WORD}+$", re.IGNORECASE)
_LATIN_WORD_RE = re.compile(r"^[A-Za-z][A-Za-z'.\-]*$")
_LATIN_STOP = {
    "ok", "okay", "done", "yes", "in", "checkin", "check", "checked", "here", "present",
    "day", "am", "pm", "sign", "signed", "up", "join", "joined",
    "finished", "finish", "completed", "complete", "read", "reading", "ran", "run", "running", "today",
    "morning", "chapter", "page", "pages", "km", "walked", "studied", "practiced", "practised", "did",
    # an English make-up, leave or not-done after a name (Carol make-up for Monday, Eve Park on leave till Wed,
    # Frank Wu skip, Helen Zhou OOO): the words are the line's, not the name's (never weekdays: Kate Sun, nor
    # words that are also first names: Will, May, Mark)
    "late", "makeup", "make-up", "make", "making", "catching", "catch", "catch-up", "sick", "unwell", "away",
    "ooo", "skip", "skipping", "skipped", "leave", "holiday", "vacation", "off", "not", "missed", "excused",
    "travelling", "traveling", "for", "on", "can't", "cannot", "won't", "maybe", "yesterday", "yesterday's", "tomorrow", "tonight", "till", "until",
}  # fmt: skip
_DECOR_CATEGORIES = {"So", "Sk", "Sm", "Mn", "Me", "Cf", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"}


def latin_remark_word(word: str) -> bool:
    """Whether a Latin word after a name is a remark (`Lily done`, `Tom Finished chapter 3`), never a name's."""
    return word.casefold().strip(".") in _LATIN_STOP


def _token_spans(text: str, start: int, end: int) -> list[_Span]:
    spans, pos = [], start
    for match in _SEP_RE.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = max(pos, match.end())
    if end > pos:
        spans.append((pos, end))
    return spans


def _is_decoration(token: str) -> bool:
    return all(unicodedata.category(ch) in _DECOR_CATEGORIES for ch in token)


def _name_length(token: str) -> int:
    """Length of ``token`` without a glued-on remark word (0: the token is only a remark word)."""
    match = _REMARK_SUFFIX_RE.search(token)
    return match.start() if match else len(token)


def _is_latin_name_word(token: str) -> bool:
    return _LATIN_WORD_RE.match(token) is not None and token.casefold() not in _LATIN_STOP


def _extend_latin(work: str, spans: list[_Span], index: int) -> int:
    """End of a run of space-separated Latin words starting at token ``index``."""
    end = spans[index][1]
    for start, stop in spans[index + 1 :]:
        if work[end:start].strip() or not _is_latin_name_word(work[start:stop]):
            break
        end = stop
    return end


def _emoji_name(work: str, spans: list[_Span]) -> _Span | None:
    for start, end in spans:
        token = work[start:end]
        if _name_length(token) and any(unicodedata.category(ch) == "So" for ch in token):
            return start, end
    return None


def _pick_name(work: str, spans: list[_Span]) -> tuple[list[_Span], _Span | None]:
    """Leading decoration spans (dropped) and the span of the name, if any."""
    decoration = []
    for index, (start, end) in enumerate(spans):
        token = work[start:end]
        if _is_decoration(token):
            decoration.append((start, end))
            continue
        length = _name_length(token)
        if length == 0 or _STATUS_LABEL_RE.fullmatch(token):
            continue  # a remark word (or a summary's 已提交 / 未打卡) before the name stays in the remark
        if _is_latin_name_word(token):
            return decoration, (start, _extend_latin(work, spans, index))
        return decoration, (start, start + length)
    return [], _emoji_name(work, spans)


def _tidy_remark(text: str) -> str | None:
    words = [word for word in text.split() if word.strip(_EDGE_SEPS)]
    remark = " ".join(words).strip(_EDGE_SEPS)
    return remark or None


# ---------------------------------------------------------------- building PasteLines


def _plain(line: _Line, kind: str) -> PasteLine:
    return PasteLine(line.no, line.raw, kind, None, None, None, None, None)


def _entry(
    line: _Line,
    name: str,
    number: int | None,
    time: str | None,
    remark: str | None,
    *,
    body: str | None = None,
    mode: str = "chain",
    date_text: str | None = None,
) -> PasteLine:
    return PasteLine(line.no, line.raw, "entry", name, number, time, remark, None, body, mode, date_text)


def _body_entry(line: _Line, start: int, number: int | None) -> PasteLine | None:
    """Entry from a chain/plain line whose body starts at ``start``; None when it has no name."""
    time, time_span = _find_time(line.folded, start)
    dropped = [time_span] if time_span else []
    # a link is nobody's name (`3. https://jingdaka.com/x/123` names nobody); it stays in the remark
    links = [m.span() for m in _LINK_RE.finditer(line.folded, start)]
    work = _blank(line.folded, [*dropped, *links])
    plus = _PLUS_BRACKETED_RE.match(work, start)
    if plus is not None:  # `3. +1 (Bob Smith)`: the sign-up is the bracket's person (it read `(Bob`, `+1 Smith)`)
        name = _collapse(line.clean[slice(*plus.span("name"))])
        return _entry(line, name, number, time, plus["plus"], body=_collapse(line.clean[start:]))
    decoration, name_span = _pick_name(work, _token_spans(work, start, len(work)))
    if name_span is None or not _has_name_char(work[start:]):  # `3. 5.`: a number alone is nobody's name
        return None
    name = _collapse(_blank(line.clean, dropped)[slice(*name_span)])
    rest = _blank(line.clean, [*dropped, *decoration, name_span])[start:]
    body = _collapse(_blank(line.clean, [*dropped, *links])[start:])
    # `1. 张三 12-05 06:01` (DingTalk's and Feishu's 接龙 write when each joined): a date before the time dates the
    # line as a chat stamp's does — never logged on another day; a 补卡's date is the day it makes up, not a stamp
    made_up = "补" in line.folded
    stamp = _ENTRY_STAMP_RE.search(line.folded, start, time_span[0]) if time_span and not made_up else None
    date_text = stamp["date"] if stamp is not None else None
    return _entry(line, name, number, time, _tidy_remark(rest), body=body, date_text=date_text)


_PLUS_BRACKETED_RE = re.compile(r"\s*(?P<plus>\+\s*\d{1,2})\s*[(（]\s*(?P<name>[^()（）\s][^()（）]*?)\s*[)）]\s*$")


# a written date (not 12/21, a count) right before an entry's time
_WRITTEN_DATE = r"(?<![\d/])(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}[日号]?)"
_WRITTEN_DATE_RE = re.compile(_WRITTEN_DATE + r"(?![\d:])")
_ENTRY_STAMP_RE = re.compile(_WRITTEN_DATE + r"(?:\s*[(（]?\s*(?:星期|周)[一二三四五六日天]\s*[)）]?)?\s+$")


_LINK_RE = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff0f]+", re.IGNORECASE)


_QQ_TAIL_RE = re.compile(r"\s*(?:\(\d{5,12}\)|<[^<>]*>)$")
_TITLE_TAG_RE = re.compile(r"【[^】]{1,8}】\s*(?=\S)")


def _speaker_name(line: _Line, span: _Span) -> str:
    start, end = span
    folded = line.folded[start:end]
    tail = _QQ_TAIL_RE.search(folded)
    end = start + (tail.start() if tail else len(folded))
    tag = _TITLE_TAG_RE.match(line.folded, start, end)
    start = tag.end() if tag else start
    tokens = line.clean[start:end].split()
    kept = [tok for tok in tokens if not _is_decoration(_fold_text(tok))]
    return " ".join(kept or tokens)


def _fold_text(text: str) -> str:
    return "".join(map(_fold_char, text))


def _message(clean: str, find_time: bool) -> tuple[str | None, str | None]:
    """Time and remark of a chat message."""
    if not find_time:
        return None, _tidy_remark(clean)
    time, span = _find_time(_fold_text(clean))
    return time, _tidy_remark(_blank(clean, [span]) if span else clean)


def _speech_entry(line: _Line, speech: _Speech, mode: str) -> PasteLine:
    msg = line.clean[slice(*speech.msg)] if speech.msg else ""
    # the time and words of the writer's own, not of the message they quote (`李四：「张三：6:05 补卡 昨天」 - - - 打卡`
    # took 张三's 6:05 and 补卡 昨天 for 李四's)
    time, remark = _message(own_words(msg) if msg else msg, speech.clock is None)
    name = _speaker_name(line, speech.speaker)
    entry = _entry(line, name, None, speech.clock or time, remark, body=name, mode=mode, date_text=speech.date_text)
    return replace(entry, message=_collapse(msg) or None)


# ---------------------------------------------------------------- lines that name someone without checking in
# kind "ignored", with the reason in `ignored` (the paste service shows them, with who they name, and never logs
# them): a quoted message, a system notice, an @mention, a line saying someone has not checked in or reminding them

_QUOTE_PAIRS = {"「": "」", "『": "』"}
_QUOTE_SPEAKER_RE = re.compile(r"^\s*(?P<open>[「『])\s*(?P<sp>[^:」』]{1,30}?)\s*:")
_QUOTE_MAX_LINES = 40
# PC WeChat 4.x copies a reply's quote as `引用 张三 的消息 : 早起打卡第3天` under the reply: the quoted person's words;
# other copies write it `引用 张三：早起打卡第3天` or `[引用] 张三：…` on a line of its own — alike, a quote
_PC_QUOTE_RE = re.compile(r"^\s*[\[【]?引用[\]】]?\s*(?P<sp>[^:\s\[\]【】][^:]{0,29}?)\s*(?:的消息)?\s*:")
# the phone copies a reply as the quote (`张三：早起打卡第3天`, or 「…」), this divider, then the reply
_QUOTE_DIVIDER_RE = re.compile(r"^\s*-(?:\s+-){5,}\s*$")  # `- - - - - - - - - - - - - - -`, spaced as WeChat writes it
_QUOTE_LEAD_RE = re.compile(r"^\s*[「『]?\s*(?P<sp>[^:「」『』\s][^:「」『』]{0,29}?)\s*:")
# a notice is the whole line in WeChat's or QQ's wording: the phrase ends it (拍了拍 ends with whom; 修改群名为
# with the name) — `张三丰 刚加入群聊的新人 打卡` is his check-in, not a notice
_SYSTEM_RE = re.compile(
    r"(?:撤回了?一条消息|(?:加入了?|移出了?|退出了?)群聊|领取了.{0,12}红包|红包已被领完|加入本群|退出本群"
    r"|开启了朋友验证.*|都不是朋友关系.*|成为新群主)\s*[。.!！]?\s*$"
    r"|拍了拍\s*\S{1,20}(?:\s*的\s*\S{1,12})?\s*$|修改群名为|^\s*(?:以上是打招呼的内容|以下为新消息)"
)
_NAME_QUOTES = "\"'“”‘’「」『』"
_MENTION_RE = re.compile(r"\s*@\s*(?P<name>[^\s@]{1,20})")
# words saying someone has not checked in, or reminding them to; not 没来得及 / 没忘打卡 / 未缺卡
_NOT_DONE_RE = re.compile(
    r"没来(?!得)|(?:还)?没(?:有)?(?:打卡|签到)|(?<!未)未(?:打卡|签到)|(?<![未没不])缺卡|漏打卡|(?<![没不])忘(?:了|记)?打卡"
    r"|记得(?:要)?(?:打卡|签到)|别忘(?:了|记)?(?:打卡|签到)|不要忘(?:了|记)?(?:打卡|签到)"
    r"|提醒(?:一下)?(?:大家|各位|同学们?|朋友们?|小伙伴们?|宝子们?|姐妹们?|你|您|@).{0,6}(?:打卡|签到)"
    r"|快(?:来|去)?(?:打卡|签到)|请(?:尽快|及时)?(?:打卡|签到)|催.{0,4}(?:打卡|签到)"
    r"|(?:今天|今日)?(?:不|不能|没法|无法)(?:打卡|签到)|打不了卡|打卡\s*[❌❎✖✗✘×]?\s*不了|不(?:跑|练|读|学|写)了"
    # the organiser's announcements: 打卡统计截止到7点, 今日打卡已结束, 已统计：…, 打卡群规：…
    r"|(?:打卡)?(?:统计)?(?:已)?(?:截止|结束)(?:了)?|已统计.*|(?:打卡)?群规.*"
    # 今日打卡统计：已打卡3人 / 打卡统计 / 统计：…: the organiser's count, not the writer's check-in
    r"|(?:今日|今天|昨日|昨天|本周)?打卡(?:情况)?统计.*|^\s*统计\s*[:：].*"
    # 【打卡提醒】还有10分钟截止 / 今天打卡的小伙伴有：张三、李四: the organiser's reminder and list, no check-in of theirs
    r"|[【\[]?\s*打卡提醒\s*[】\]]?"
    r"|(?:今日|今天|昨日|昨天)?(?:已)?打卡的(?:小伙伴|同学|朋友|宝子|姐妹|成员|人)们?(?:有|是|如下)\s*[:：]?.*"
    # the same in English: not done, haven't checked in, can't make it today, will do it later, skipping today
    r"|(?i:(?<![a-z'])(?:not\s+(?:done|yet|checked[\s-]*in|finished)|(?:have|has|did)\s*n'?o?t\s+"
    r"(?:done|do|checked|check|finished|finish|made|make)(?:\s+(?:it|in))?|can'?t\s+make\s+it|cannot\s+make\s+it"
    r"|won'?t\s+make\s+it|(?:will|gonna|going\s+to)\s+(?:do|check\s+in|finish)\s+(?:it\s+)?(?:later|tonight|tomorrow)"
    r"|later\s+today|missed|skipping|skip(?:ped)?|not\s+today|rest\s+day|no\s+(?:run|check[\s-]?in|reading)\s+today)"
    r"(?![a-z']))"
)
# a make-up promised for later (明天补打卡, 回头补上) says nothing about today (the paste reads it too)
FUTURE_MAKEUP_RE = re.compile(
    r"(?:明天|明日|回头|之后|以后|晚点|晚些|稍后|待会|下次|周末)\s*再?\s*补(?:打卡|卡|签到|上)?"
)
# a leave said and taken back in one breath is none: 不请假了, 取消请假, 撤回请假, 不用请假, 请假取消 (but 不得不请假 is)
_LEAVE_TAKEN_BACK = r"(?<!(?<!得)不)(?<!不用)(?<!不必)(?<!不需要)(?<!没)(?<!没有)(?<!取消)(?<!撤回)(?<!撤销)"
LEAVE_WORDS_RE = re.compile(
    _LEAVE_TAKEN_BACK + r"(?:请假|请个假|病假|事假|休假)(?!\s*(?:取消|撤回|撤销|作废|不请了))"
    # in English, each at a word's start (looked for there only: the regex is searched on every chat message)
    r"|(?i:(?<![a-z])(?:on\s+leave|sick\s+(?:day|leave|today)|day\s+off|excused|taking\s+(?:a|the)\s+day\s+off"
    # and as English-speaking members say it: away this week, OOO, out of office, on holiday till Fri, sick, unwell,
    # leave till Wed, off tomorrow — not right away / give away, a sick pace, leave for work
    r"|away(?<!right\saway)(?<!far\saway)(?<!straight\saway)(?<!give\saway)(?<!gave\saway)(?<!ran\saway)"
    r"(?<!run\saway)(?<!put\saway)(?=\s+(?:this|next|today|tonight|tomorrow|till|until|til|for|from|on|all|over"
    r"|the\s+weekend)(?![a-z])|\s*[,.;!)]|\s*$)"
    r"|out\s+of\s+(?:the\s+)?(?:office|town|country)|on\s+(?:a\s+)?(?:holiday|vacation|trip|break|annual\s+leave)"
    r"|(?:holiday|vacation|travell?ing)(?=\s+(?:till|until|til|this|next|today|tomorrow|from)(?![a-z]))"
    # sick: said of oneself (I'm sick, feeling sick, off sick), with its days (sick today, sick till Wed) or as the
    # line's last word (Dan Lee sick, sick, skipping) — not a sick run, that's sick!
    r"|(?:i'?m|i\s+am|am|feeling|felt|got|getting|off|out|home|still|been|is|was)\s+sick"
    r"|sick(?=\s+(?:today|tonight|tomorrow|this|till|until|til|for|since|at\s+home)(?![a-z]))"
    r"|sick(?<!that's\ssick)(?<!thats\ssick)(?<!that\ssick)(?<!so\ssick)(?<!a\ssick)(?=\s*(?:$|[,.;!)]))"
    r"|unwell|not\s+feeling\s+well|under\s+the\s+weather"
    r"|leave(?=\s+(?:till|until|til|today|tomorrow|this|next|from)(?![a-z]))"
    r"|off(?=\s+(?:today|tomorrow|this\s+week|next\s+week|till|until|til)(?![a-z]))"
    r"|(?-i:OOO))(?![a-z]))"
)
# a check-in said in so many words: what is left of a text after the not-done phrases are taken out
_CHECKED_IN_RE = re.compile(r"打卡|签到|已完成|[✅✔☑]")


def _ignored(line: _Line, reason: str, name: str | None) -> PasteLine:
    return replace(_plain(line, "ignored"), name=name or None, ignored=reason)


def _quotes(lines: list[_Line]) -> dict[int, PasteLine]:
    """The lines of quoted messages, by line number: a line opening with 「name: (WeChat's copy of a reply's
    quote) up to the line that closes it (a quoted 接龙 spans lines). The opening line names the quoted
    speaker; a numbered line inside names its entry; the rest is noise."""
    out: dict[int, PasteLine] = {}
    for line in lines:
        pc = _PC_QUOTE_RE.match(line.folded)
        if pc is not None:
            out[line.no] = _ignored(line, "quote", _collapse(line.clean[slice(*pc.span("sp"))]).strip(_NAME_QUOTES))
    _divided_quotes(lines, out)
    i = 0
    while i < len(lines):
        if lines[i].no in out:
            i += 1
            continue
        opening = _QUOTE_SPEAKER_RE.match(lines[i].folded)
        if opening is None:
            i += 1
            continue
        close = _QUOTE_PAIRS[opening["open"]]
        end = i  # the line that closes the quote (no closing within _QUOTE_MAX_LINES: the opening line alone)
        if close not in lines[i].folded[opening.end() :]:
            for j in range(i + 1, min(len(lines), i + _QUOTE_MAX_LINES)):
                if _opens_something(lines[j], opening["open"]):
                    break  # a new message (张三: …) or quote before any close: the quote was the opening line
                if close in lines[j].folded:
                    end = j
                    break
        speaker = _collapse(lines[i].clean[slice(*opening.span("sp"))]).strip(_NAME_QUOTES)
        out[lines[i].no] = _ignored(lines[i], "quote", speaker)
        for line in lines[i + 1 : end + 1]:
            number, start = _number(line)
            entry = _body_entry(line, start, number) if number is not None else None
            out[line.no] = (
                _ignored(line, "quote", entry.name.strip(_NAME_QUOTES + "」』"))
                if entry
                else _plain(line, "blank" if line.is_blank else "noise")
            )
        i = end + 1
    return out


def _divided_quotes(lines: list[_Line], out: dict[int, PasteLine]) -> None:
    """A phone's copy of a reply: the quoted message (`张三：早起打卡第3天`, first line `name:`), a divider line of
    dashes, then the reply. The quote runs from the nearest `name:` line above the divider (no blank or stamp line
    between) down to the divider; it names the quoted person, never the replier. When nothing stands above the quote
    (one reply copied alone) the reply's sender is not in the paste: its lines, up to a blank line, are noise."""
    for d, divider in enumerate(lines):
        if _QUOTE_DIVIDER_RE.match(divider.folded) is None or divider.no in out:
            continue
        after = next((line for line in lines[d + 1 :] if not line.is_blank), None)
        if after is not None and (_stamp_line(after) is not None or (_colon(after) and _number(after)[0] is None)):
            continue  # `张三：打卡` / `- - - -` / `李四：打卡`: a chat log with a separator line, no reply under a quote
        top = None
        for j in range(d - 1, max(-1, d - 1 - _QUOTE_MAX_LINES), -1):
            line = lines[j]
            if line.is_blank or line.no in out or _stamp_line(line) is not None:
                break
            if _QUOTE_LEAD_RE.match(line.folded) is not None:
                top = j
                break
        if top is None:
            continue
        lead = _QUOTE_LEAD_RE.match(lines[top].folded)
        speaker = _collapse(lines[top].clean[slice(*lead.span("sp"))]).strip(_NAME_QUOTES)
        out[lines[top].no] = _ignored(lines[top], "quote", speaker)
        for line in lines[top + 1 : d + 1]:
            number, start = _number(line)
            entry = _body_entry(line, start, number) if number is not None else None
            out[line.no] = _ignored(line, "quote", entry.name) if entry else _plain(line, "noise")
        if all(line.is_blank for line in lines[:top]):
            for line in lines[d + 1 :]:
                if line.is_blank or _stamp_line(line) is not None:
                    break
                out[line.no] = _plain(line, "noise")


def _opens_something(line: _Line, bracket: str) -> bool:
    """A line that cannot be inside a quote: another opening bracket, or a speaker's message (`李四: 打卡`)."""
    folded = line.folded
    return bracket in folded or (_colon(line) is not None and _number(line)[0] is None)


def _system_line(line: _Line) -> PasteLine | None:
    """A system notice (撤回了一条消息, 加入了群聊, 领取了红包, 拍了拍 …), naming the person it starts with."""
    found = _SYSTEM_RE.search(line.folded)
    if found is None:
        return None
    start = _number(line)[1]
    before = _collapse(line.clean[start : found.start()]).strip(_NAME_QUOTES + " ")
    name = before if 0 < len(before) <= 20 and not re.search(r"邀请|\s", before) else None
    return _ignored(line, "system", name)


def _mention(line: _Line, start: int) -> PasteLine | None:
    """`@张三 记得打卡`: a mention of someone, not their check-in."""
    found = _MENTION_RE.match(line.folded, start)
    if found is None:
        return None
    name = line.clean[slice(*found.span("name"))].strip(_NAME_QUOTES)
    return _ignored(line, "mention", name if _has_name_char(name) else None)


# ---------------------------------------------------------------- check-in mini-programs' share texts
# A member shares their check-in from a mini-program (鲸打卡, 小打卡, 打卡喵) into the chat; copied, the share reads
# `我在「鲸打卡」完成了《21天早起》第12次打卡`, `张三 在小打卡完成了第3天打卡 https://…`, `【小打卡】李四 已完成今日打卡`,
# `王五在「打卡喵」坚持打卡第7天，快来一起吧！` or `赵六完成了第5次打卡 via 鲸打卡` (reconstructed from these apps' share
# formats). Under a chat log's speaker it is the speaker's message (a check-in, as any message saying 打卡). On a line
# of its own: the name the share names is the person (its text before 在/完成/坚持); a share naming nobody (我在…,
# `小打卡｜21天早起计划 第3天`) is an entry with no name (`share`), shown for a person to say whose — never a title, a
# name or noise dropped without a word.
_SHARE_APP = r"鲸打卡|小打卡|打卡喵"
_SHARE_APP_RE = re.compile(_SHARE_APP)
_SHARE_DONE_RE = re.compile(r"完成|坚持|已打卡|打卡成功")  # a card title (`小打卡 | 早起21天 第3天`) alone is a title
_SHARE_OWN_RE = re.compile(r"我(?:在|于|正在|已经?|今天|今日)")  # 我在「…」完成了: the sharer, not a name
_SHARE_TAG_RE = re.compile(rf"^\s*(?:\[(?:链接|小程序|分享)\]\s*)*(?:[【\[「『]\s*(?:{_SHARE_APP})\s*[】\]」』]\s*)?")
_SHARE_SPLIT_RE = re.compile(
    rf"\s*(?:我|本人)?(?:在|于|通过|用)\s*[「『【\[“\"#《]?\s*(?:{_SHARE_APP}|[^」』】\]”\"#》\s]{{1,20}}[」』】\]”\"#》])"
    r"|\s*(?:已经?|今天|今日)?\s*(?:完成|坚持|正在参加)"
    rf"|\s*[|｜:：]?\s*(?:{_SHARE_APP})"
)


def _share(line: _Line, start: int, number: int | None) -> PasteLine | None:
    """A check-in mini-program's share text on a line of its own (see above): an entry of the person it names, or
    one with no name (`name` None, `ignored` "share") when it names nobody; None when the line is no share."""
    text = line.clean[start:]
    folded = line.folded[start:]
    if not _SHARE_DONE_RE.search(folded) or not (_SHARE_APP_RE.search(folded) or _SHARE_OWN_RE.match(folded.lstrip())):
        return None
    tag = _SHARE_TAG_RE.match(text)
    body = text[tag.end() if tag else 0 :]
    cut = _SHARE_SPLIT_RE.search(body)
    pre = _collapse(body[: cut.start()] if cut else "").strip(_EDGE_SEPS + _NAME_QUOTES + "【】[]")
    time, _span = _find_time(folded)
    remark = _tidy_remark(body[cut.start() :] if cut else body)
    if pre and pre not in ("我", "本人") and len(pre) <= 20 and _has_name_char(pre) and not _SHARE_APP_RE.search(pre):
        return _entry(line, pre, number, time, remark, body=pre)
    return PasteLine(line.no, line.raw, "ignored", None, number, time, remark, None, ignored="share")


def without_promises(text: str) -> str:
    """The text without make-ups promised for later (明天补打卡, 回头补上): they say nothing about today."""
    return FUTURE_MAKEUP_RE.sub(" ", text)


# ---------------------------------------------------------------- a group's check-in keywords

DEFAULT_KEYWORDS = ("打卡",)


def keywords_of(text: str | None) -> tuple[str, ...]:
    """A group's check-in keywords from its setting (words separated by spaces, commas, 、 or lines); the default
    (打卡) when none is set."""
    return set_keywords(text) or DEFAULT_KEYWORDS


def set_keywords(text: str | None) -> tuple[str, ...]:
    """The keywords a group's setting names, none when it names none (no default)."""
    words = [w for w in re.split(r"[\s,，、;；]+", text or "") if w]
    return tuple(dict.fromkeys(words))


def _keyword_key(text: str) -> str:
    """A keyword or a message as the keyword rule compares them: read alike (full-width ＃ and letters, 繁體 讀書打卡),
    case aside, without spaces (`早起 打卡` carries 早起打卡)."""
    return "".join(reading(text).casefold().split())


class KeywordRule:
    """Whether a message carries one of a group's check-in keywords — the one rule of the chat-history import
    (desktop/services/chat_import.py) and of a pasted chat log (desktop/services/paste.py). A keyword is found
    as written, or read alike: full-width (＃早起打卡), traditional characters (讀書打卡), Latin case (Checkin), spaces
    inside it (早起 打卡); a keyword set with a leading # (#早起打卡) is found without it too. Nothing else: 早安打卡
    does not carry 早起打卡 (the group sets both when both are check-ins)."""

    def __init__(self, keywords: tuple[str, ...]) -> None:
        self.keywords = keywords
        self._folded = tuple(k for k in dict.fromkeys(_keyword_key(k).lstrip("#") for k in keywords) if k)

    def __call__(self, message: str | None) -> bool:
        if not message:
            return False
        if any(k in message for k in self.keywords):  # the hot path of a year's chat: found as written
            return True
        folded = _keyword_key(message)
        return any(k in folded for k in self._folded)

    def shown(self) -> str:
        """The keywords as the preview names them (早起打卡、早安打卡)."""
        return "、".join(self.keywords)


def says_not_checked_in(text: str, *, leave: bool = False) -> bool:
    """Whether a text says someone has not checked in, or reminds them to (没来, 还没打卡, 未签到, 今天不打卡,
    记得打卡, 别忘了打卡, 提醒大家打卡 …), or is the organiser's announcement (打卡统计截止, 今日打卡已结束, 已统计,
    群规), and says no check-in besides: `打卡✅ 还没打卡的朋友加油` and `打卡 大家快来打卡` are the writer's
    check-ins, `今天还没打卡的同学抓紧` is not. A make-up (补) is a check-in, unless only promised for later
    (明天补打卡). With `leave`, 请假 says it too (a chat message; a paste line on leave is the paste's 请假)."""
    folded = without_promises(reading(text))
    if "补" in folded:
        return False
    said = [_NOT_DONE_RE, *((LEAVE_WORDS_RE,) if leave else ())]
    if not any(r.search(folded) for r in said):
        return False
    for r in said:
        folded = r.sub(" ", folded)
    return _CHECKED_IN_RE.search(folded) is None and _EN_CHECKIN_RE.search(folded) is None


# a cross on a chain line (❌陈红, 陈红 ✖): marked as not done, by the member or the organiser
_CROSS_RE = re.compile(r"[❌❎✖✗✘]|(?:^|\s)×(?:\s|$)")  # × alone, not 3×5km


def _crossed(line: PasteLine) -> bool:
    folded = reading(line.raw)
    return _CROSS_RE.search(folded) is not None and not _CHECKED_IN_RE.search(folded) and "补" not in folded


# `昨天忘了打卡`, `昨天的忘记打卡了`: forgot to post a past day's check-in — posted now, after that day: a make-up of it
# (the paste reads it as 补昨天). `忘了打卡` with no past day stays a line saying not checked in. The chat-history
# import keeps reading it as not checked in (says_not_checked_in): a message of the day names no make-up there
FORGOT_DAY_RE = re.compile(
    r"(?P<rel>大前天|前天|昨天|昨日|昨晚|前晚)\s*(?:的卡?)?\s*(?:忘了|忘记了?|忘)\s*(?:打卡|打|签到|签|接龙|发)了?"
)


def _not_done(line: PasteLine) -> PasteLine:
    """An entry whose own words say it is no check-in (says_not_checked_in), or that is crossed out (❌陈红);
    a 补 line is a make-up, and so is a past day's check-in forgotten (FORGOT_DAY_RE)."""
    if line.kind == "entry" and line.mode == "chain" and _NOT_DONE_LABEL_RE.match(reading(line.body or "")):
        # `未提交：王五、赵六` (a summary's list of who has not): 王五 and 赵六 were logged as checked in
        return replace(line, kind="ignored", ignored="not_done")
    if line.kind != "entry" or not (_crossed(line) or (line.remark and says_not_checked_in(line.remark))):
        return line
    if not _crossed(line) and FORGOT_DAY_RE.search(reading(line.remark or "")):
        return line
    if LEAVE_WORDS_RE.search(line.remark or ""):  # 今天打卡不了，请假: the paste reads it as the member's 请假
        return line
    return replace(line, kind="ignored", ignored="not_done")  # the entry's fields kept: a sign-up list reads it


# a chat message that is only a red packet or a transfer ([红包]恭喜发财, [转账]), or a reply that opens with @someone
# and says no 打卡: the sender spoke, but posted no check-in (a chain's @line is a mention already)
_PACKET_RE = re.compile(r"^\s*\[(?:红包|转账|微信红包|QQ红包)\]")


# a chat message that is only chatter — an acknowledgement, thanks, a greeting or a reaction with nothing else
# (收到, 好的, 谢谢老师, 哈哈哈, 👍, [抱拳], +1, 1 …, alone or several, with punctuation and emoji around them):
# the sender replied, but posted no check-in. Anything more (a word, a number, 打卡, day N, a time, [图片], a link)
# and the message counts as before.
_CHATTER_WORDS = (
    # not the greetings (早, 早安, 早上好, 晚安): in an early-rising or early-to-bed camp the greeting posted at 05:30
    # or 22:30 is the check-in itself, and a day of them each needing a person's choice would be worse than one
    # greeting too many logged
    "(?:谢谢老师|谢谢|感谢|辛苦了|辛苦|收到|好的|好|嗯+|okay|ok|哈{2,}|同意|是的|对的|对"
    # a cheer for someone else's check-in (加油, 真棒, 太厉害了, 牛, 点赞, 666): in a check-in group the commonest
    # reply of all, and the one who cheers has not checked in by it
    "|加油|(?:真|好|很|太)?棒(?:了|棒)?|(?:好|太|真)?厉害(?:了)?|(?:真|太)?牛(?:了|啊)?|点?赞(?:赞)?|优秀|6{3,})"
    # a particle after one adds nothing (收到啦, 好哒, 好嘞, 嗯呢)
    "[啊呀哦噢啦呢哒嘛喔嘞滴]*"
    r"|\[(?:强|抱拳|玫瑰|OK|ok|胜利|握手|合十|鼓掌|微笑|愉快|呲牙|耶|赞|加油)\]|\+1|1"
    # the same in English (an English-speaking group's Thanks!, good job everyone, well done all, lol): whole words only
    r"|(?<![a-z'])(?:thanks?|thank\s*(?:you|u)|thx|tks|ty|tysm|cheers|noted|got\s*it|sure|cool|nice(?:\s*one)?"
    r"|great(?:\s*(?:job|work))?|good\s*(?:job|work)|well\s*done|awesome|amazing|bravo|congrats|congratulations"
    r"|keep\s*(?:it\s*)?up|lol|lmao|ha(?:ha)+h?|he(?:he)+|yay|wow|yes|yep|yeah|okie|okey|kk"
    r"|so\s*much|a\s*lot|everyone|everybody|all|guys|team|y'?all)(?![a-z'])"
)
_CHATTER_RE = re.compile(rf"(?:\s*(?:{_CHATTER_WORDS})\s*)+", re.IGNORECASE)
_CHATTER_MENTION_RE = re.compile(r"@[^\s@]{1,20}")
_REACTIONS = set("👍🙏👌👏🤝🌹💐")  # a reaction on its own, like [强] [抱拳] [玫瑰]


def _only_chatter(message: str) -> bool:
    """Whether a chat message is only chatter (see _CHATTER_WORDS): its words are all chatter once punctuation,
    spaces and emoji (not WeChat's [图片]-style codes, which are kept) are set aside."""
    text = _VARIATION_SELECTORS.sub("", reading(message).translate(_ZERO_WIDTH_ALL))
    text = _CHATTER_MENTION_RE.sub(" ", text)  # 收到@李华: an acknowledgement addressed to someone
    text = "".join(
        " ok " if ch in _REACTIONS else " " if unicodedata.category(ch) in _DECOR_CATEGORIES and ch not in "[]+" else ch
        for ch in text
    )
    return bool(text.strip()) and _CHATTER_RE.fullmatch(text) is not None


_CLAUSE_SPLIT_RE = re.compile(r"[，,。；;！!\s]+")
# also a question without its mark, as people type one: 打卡了没, 今天打卡没有, 打卡了么/嘛, 打卡不 (at the clause's end)
_QUESTION_RE = re.compile(
    r"[?？]|吗|怎么|怎样|如何|在哪|哪里|哪儿|什么时候|几点|是不是|能不能|可以.{0,4}吗"
    r"|(?:打卡|签到)了?\s*(?:没有?|么|嘛|不)\s*$"
)


# English check-in words (an English-speaking group's `Day 5 done`, `checked in ✅`), read in whole sentences: a question
# about them (`did everyone check in?`, `anyone done yet`) or a reminder (`don't forget to check in`, `please check in
# by 10pm`, `time to check in!`) is no check-in of the writer's
_EN_CHECKIN_RE = re.compile(
    r"(?<![a-z])(?:check(?:ed|ing)?[\s-]*in|sign(?:ed|ing)?[\s-]*in|clock(?:ed|ing)?[\s-]*in|done|finished|completed)"
    r"(?![a-z])",
    re.IGNORECASE,
)
_EN_SENTENCE_SPLIT_RE = re.compile(r"(?<=[?？])|[.。!！;；,，\n]+")
_EN_QUESTION_RE = re.compile(
    r"[?？]|^\W*(?:did|do|does|has|have|had|is|are|was|were|will|would|can|could|should|shall|anyone|anybody|any\s*one"
    r"|who|who'?s|whom|how|when|where|what|why|which|everyone|everybody)(?![a-z'])|(?<![a-z])yet\W*$",
    re.IGNORECASE,
)
_EN_REMINDER_RE = re.compile(
    r"(?<![a-z'])(?:don'?t\s*forget|do\s*not\s*forget|forgot\s*to|remember|reminder|remind|please|pls|plz|time\s*to"
    r"|need\s*to|needs\s*to|have\s*to|has\s*to|must|should|how\s*to|let'?s|tomorrow|tmr|later|will|gonna"
    r"|going\s*to|not\s*yet|haven'?t|hasn'?t|didn'?t|not)(?![a-z'])",
    re.IGNORECASE,
)


def _english_said(message: str) -> list[str]:
    """The sentences of a message that hold an English check-in word (done, checked in, check-in …)."""
    return [c for c in _EN_SENTENCE_SPLIT_RE.split(message) if c and _EN_CHECKIN_RE.search(c)]


def _english_asks(message: str) -> bool:
    """A message whose every sentence with an English check-in word asks about it (and carries no ✅): `did everyone
    check in?`, `anyone done yet`, `who hasn't checked in?`; `Day 5 done, anyone up for a run tomorrow?` checks in
    (its done is no question)."""
    said = _english_said(message)
    return bool(said) and all(_EN_QUESTION_RE.search(c.strip()) and not re.search("[✅✔☑]", c) for c in said)


def _english_about(message: str) -> bool:
    """A message whose every sentence with an English check-in word asks about it or reminds of it, or says it is
    not done (`don't forget to check in!`, `please check in by 10pm`, `haven't checked in yet`), none with a ✅."""
    said = _english_said(message)
    return bool(said) and all(
        (_EN_QUESTION_RE.search(c.strip()) or _EN_REMINDER_RE.search(c)) and not re.search("[✅✔☑]", c) for c in said
    )


def _asks_about_checking_in(message: str) -> bool:
    """A chat message whose every clause naming 打卡/签到 is a question (`今天打卡了吗？`, `怎么打卡`, `打卡链接在哪`):
    the sender asks, and checks in nowhere; `打卡，今天有人一起跑吗？` checks in (its 打卡 is no question). In English
    the same (`did everyone check in?`, `anyone done yet`: _english_asks)."""
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(message) if c]
    said = [c for c in clauses if _CHECKED_IN_RE.search(c) or re.search("补卡|补打卡|补签", c)]
    if not said:
        return _english_asks(message)
    return all(_QUESTION_RE.search(c) and not re.search("[✅✔☑]|已打卡|已完成", c) for c in said)


# 打卡 said of later (明天开始打卡, 下周再打卡), of the check-in itself as a thing (打卡链接在群公告, 打卡规则), or done for
# someone else (帮芳芳打卡, 替小王签到): no check-in of the writer's — unless their message checks in besides
# (明天开始早起打卡: a group's keyword — 早起打卡, 读书打卡 — may stand for the 打卡)
_LATER_RE = re.compile(
    r"(?:明天|明日|后天|下周|下星期|下个?月|过几天|改天|以后)(?:开始|起|再|继续|一起)?(?:(?!补)[\u4e00-\u9fff]){0,2}?(?:打卡|签到)"
)
_ABOUT_RE = re.compile(r"(?:打卡|签到)(?:链接|规则|小程序|入口|二维码|地址|方式|格式|模板|要求|说明|群|表|统计)")
_FOR_SOMEONE_RE = re.compile(
    r"(?:帮|替|代)(?!表|理|替|购|课|言|驾|码|班|写|办|跑)\s*[^\s，,。!！?？]{1,8}?(?:打卡|签到)"
)


# 打个卡, 打一下卡, 签个到: 打卡 and 签到 as people say them (帮张三打个卡 checks in for 张三 as 帮张三打卡 does)
_SPLIT_CHECKIN_RE = re.compile(r"打(?:个|一个|一下|下)卡|签(?:个|一下|下)到")


def plain_checkin_words(text: str) -> str:
    """The text with 打个卡 / 打一下卡 / 签个到 written as 打卡 / 签到 (the words the rules look for)."""
    return _SPLIT_CHECKIN_RE.sub(lambda m: "打卡" if m[0][0] == "打" else "签到", text)


def talks_about_checking_in(message: str) -> bool:
    """A chat message that names 打卡/签到 without being the writer's check-in: a question about it (`大家打卡了吗？`,
    `@芳芳 你今天打卡了吗`), a start later (`明天开始打卡`), the check-in as a thing (`打卡链接在群公告`) or a
    check-in for someone else (`帮芳芳打卡`: never the writer's, and never 芳芳's on a guess). A message that also
    checks in (`打卡✅ 明天开始打卡新书`, `打卡，今天有人一起跑吗？`) is a check-in. The chat import reads every keyword
    message through it (desktop/services/chat_import.py)."""
    folded = reading(message)
    if _asks_about_checking_in(folded) or addressed_to(folded) or _english_about(folded):
        return True
    folded = plain_checkin_words(folded)
    rest = _FOR_SOMEONE_RE.sub(" ", _ABOUT_RE.sub(" ", _LATER_RE.sub(" ", folded)))
    return rest != folded and not (_CHECKED_IN_RE.search(rest) or "补" in rest)


# `@张三 打卡`, `@张三 @王五 快打卡`, `打卡 @张三`: a message addressed to someone about checking in. In a check-in group
# it is a reminder to them (or the writer reporting for them) — never the writer's own check-in, and never theirs on a
# guess: the paste asks a person (paste.match_lines), the chat-history import counts it as the sender speaking only.
# Addressed: it opens with the @mention(s) and holds nothing but them and check-in words (打卡, 打卡啦, 快打卡, 该打卡了 …);
# one that says more (`@班长 今天打卡完成 跑了5公里`) or checks in first (`打卡✅ @罗斌 记得打卡哦`, `打卡了 @班长`) is
# the writer's own, as before.
_ADDRESS_RE = re.compile(
    r"@\s*(?P<name>[^\s@，,。:：!！?？]{1,20}?)(?=$|[\s@，,。:：!！?？]|(?:快|来|去|要|该|请|记得)*(?:打卡|签到))"
)
_ALL_MENTIONS = frozenset({"所有人", "全体成员", "全体", "all", "everyone", "大家"})
_BARE_CHECKIN_RE = re.compile(r"(?:快|来|去|要|该|请|记得)*(?:打卡|签到)(?:了|啦|哦|喔|呀|吧|咯|哈)*")


def addressed_to(message: str | None) -> tuple[str, ...]:
    """The people a chat message addresses about checking in (`@张三 打卡` → 张三; `@所有人 打卡啦` → 所有人), or ()
    when it is no such message: it opens with @mentions and is nothing but them and check-in words (decoration and
    emoji aside). `@班长 打卡第3天 跑了5公里` is the writer's report to someone, `打卡 @张三` the writer's check-in: ()."""
    if not message:
        return ()
    folded = reading(message).translate(
        dict.fromkeys(_ZERO_WIDTH_ALL, " ")
    )  # `@张三\u200b打卡`: the mention ends there
    if _CHECKED_IN_RE.search(folded) is None or "@" not in folded:
        return ()
    found = list(_ADDRESS_RE.finditer(folded))
    if not found:
        return ()
    rest = _ADDRESS_RE.sub(" ", folded)
    rest = "".join(" " if unicodedata.category(ch) in _DECOR_CATEGORIES else ch for ch in rest)
    opens = (
        "".join(ch for ch in folded if ch == "@" or unicodedata.category(ch) not in _DECOR_CATEGORIES).lstrip()[:1]
        == "@"
    )
    if not opens or _BARE_CHECKIN_RE.sub(" ", rest).strip():
        return ()
    return tuple(dict.fromkeys(m["name"].strip(_NAME_QUOTES) for m in found if _has_name_char(m["name"])))


# a message that opens by calling the whole group (WeChat's and 企业微信's @所有人, QQ's @全体成员, English WeChat's @All)
_TO_EVERYONE_RE = re.compile(r"^\s*[@＠]\s*(?:所有人|全体成员|(?i:all|everyone))(?![^\s，,。:：!！~～])")


def to_everyone(names: tuple[str, ...]) -> bool:
    """An @mention of the whole group (@所有人, @全体成员): a reminder to everyone, nobody's check-in."""
    return any(n.casefold() in _ALL_MENTIONS for n in names)


def _only_about_checking_in(folded: str) -> bool:
    """talks_about_checking_in without its "for someone else" part (a paste asks a person who checked in,
    paste._proxied): 明天开始打卡, 打卡链接在群公告 — and nothing that checks in besides."""
    if LEAVE_WORDS_RE.search(folded):  # 请假，明天开始打卡: on leave, the paste's own outcome
        return False
    rest = _ABOUT_RE.sub(" ", _LATER_RE.sub(" ", folded))
    return rest != folded and not (_CHECKED_IN_RE.search(rest) or "补" in rest)


# a quote inside a reply as the phone copies it on one line: `李四：「张三：打卡」 - - - 好的` — 张三's words, not 李四's
_INLINE_QUOTE_RE = re.compile(r"[「『][^「」『』:：]{1,30}[:：][^「」『』]*[」』]")
_INLINE_DIVIDER_RE = re.compile(r"(?<!\S)-(?:\s+-){2,}(?!\S)")
# `李四：回复 张三：加油`: whom the reply is to, before the writer's words
_REPLY_TO_RE = re.compile(r"^\s*(?:回复|答复)\s*[@＠]?\s*[^\s:：@＠]{1,20}\s*[:：]")


def own_words(message: str) -> str:
    """A chat message without the message it quotes (`「张三：打卡」 - - - 好的` → `好的`) or whom it replies to
    (`回复 张三：加油` → `加油`): what the writer said. A message that is nothing but a quote is returned as it is."""
    own = _INLINE_DIVIDER_RE.sub(" ", _INLINE_QUOTE_RE.sub(" ", message))
    own = _collapse(_REPLY_TO_RE.sub(" ", own, count=1))
    return own or message


def only_a_quote(message: str) -> bool:
    """Whether a chat message is a quoted message and nothing of the writer's (`「张三：打卡」`, `「张三：打卡」 - - -`)."""
    if _INLINE_QUOTE_RE.search(message) is None:
        return False
    return not _INLINE_DIVIDER_RE.sub(" ", _INLINE_QUOTE_RE.sub(" ", message)).strip(" -")


def _chatter(line: PasteLine) -> PasteLine:
    if line.kind != "entry" or line.mode not in ("stamped", "colon") or not line.remark:
        return line
    # 李四：「张三：打卡」 - - - 好的: the 打卡 is 张三's, quoted; 李四 said 好的 — a reply, not 李四's check-in
    folded = reading(own_words(line.message or line.remark))
    if only_a_quote(line.message or line.remark):  # 李四：「张三：打卡」, the reply's own words lost: 张三's 打卡
        return replace(line, kind="ignored", ignored="quote")
    if FUTURE_MAKEUP_RE.search(folded):  # 好的，明天补打卡 / 收到 晚点补: a make-up promised for later, nothing done
        rest = without_promises(folded)
        if not (_CHECKED_IN_RE.search(rest) or "补" in rest) and (_only_chatter(rest) or not _has_name_char(rest)):
            return replace(line, kind="ignored", ignored="not_done")
    if _asks_about_checking_in(folded):
        return replace(line, kind="ignored", ignored="question")
    if _only_about_checking_in(folded):  # 明天开始打卡, 打卡链接在群公告: what the chat-history import never counts
        return replace(line, kind="ignored", ignored="about")
    if to_everyone(addressed_to(line.message or line.remark)):  # @所有人 打卡啦: a call to everyone, nobody's check-in
        return replace(line, kind="ignored", ignored="to_everyone")
    if _TO_EVERYONE_RE.match(folded):
        # `王五：@所有人 请大家打卡`, `@所有人 早上好，开始打卡啦`: only the owner or an admin can @所有人 in WeChat — the
        # organiser's notice to the group (it says 打卡 because it asks for them), never the writer's own check-in
        return replace(line, kind="ignored", ignored="to_everyone")
    if _CHECKED_IN_RE.search(folded) or "补" in folded:
        return line
    if _PACKET_RE.match(folded) or _SYSTEM_RE.search(folded):
        return replace(line, kind="ignored", ignored="system")  # a red packet; the message recalled (撤回了一条消息)
    if folded.lstrip().startswith("@"):
        return replace(line, kind="ignored", ignored="mention")
    if _english_about(folded):  # don't forget to check in!, please check in by 10pm: about it, no check-in
        return replace(line, kind="ignored", ignored="about")
    if _only_chatter(own_words(line.message or line.remark)):
        return replace(line, kind="ignored", ignored="chatter")
    return line


def _is_separator(folded: str) -> bool:
    """A line holding only a date and/or a time between dashes: `—— 12月3日 ——`, `2026-12-03`, WeChat's
    `昨天 06:10` and, for today's messages, a bare `06:05`."""
    return bool(folded.strip()) and _is_stamp_only(folded) and any(ch.isdigit() or ch in "天周期" for ch in folded)


_CLOCK_RE = re.compile(_CLOCK)


def separator_date(text: str) -> str:
    """The date a separator heading writes, without its time and dashes ('' for a bare time: today)."""
    return _CLOCK_RE.sub(" ", _fold_text(text)).strip(" -—=~*·[]\n")


_EN_DATE_RE = re.compile(_EN_DATE)
_EN_MONTH_DAY_RE = re.compile(r"(?i)(?P<mon>[a-z]{3})[a-z]*\.?\s(?P<d>\d{1,2})(?:,\s?(?P<y>\d{4}))?")


def _chinese_date(match: re.Match[str]) -> str:
    word = match.group(0).casefold()
    if word == "yesterday":
        return "昨天"
    if word in _EN_WEEKDAYS:
        return "星期" + "一二三四五六日"[_EN_WEEKDAYS.index(word)]
    parts = _EN_MONTH_DAY_RE.fullmatch(match.group(0))
    if parts is None or parts["mon"].casefold() not in _EN_MONTHS:
        return match.group(0)
    month_day = f"{_EN_MONTHS.index(parts['mon'].casefold()) + 1}月{int(parts['d'])}日"
    return f"{parts['y']}年{month_day}" if parts["y"] else month_day


def chinese_date_words(text: str) -> str:
    """A stamp's or separator's date with WeChat's English words written as its Chinese ones (Yesterday → 昨天,
    Thursday → 星期四, Dec 31, 2026 → 2026年12月31日), for the one date reader (paste.parse_day)."""
    return _EN_DATE_RE.sub(_chinese_date, text)


def is_separator(text: str) -> bool:
    """Whether `text` (a heading) is a date/time separator rather than a chain's title."""
    return all(_is_separator(_fold_text(part)) for part in text.splitlines() if part.strip())


def _with_headings(results: list[PasteLine], lines: list[_Line]) -> list[PasteLine]:
    """Each entry and ignored line with the heading it comes under: the latest run of header lines (a chain's
    #接龙 line and its title) or date separator."""
    out: list[PasteLine] = []
    heading: list[str] = []
    last_header = False
    for result, line in zip(results, lines, strict=True):
        if _is_separator(line.folded):
            heading, last_header = [line.clean.strip()], False
        elif result.kind == "header":
            heading = [*heading, line.clean.strip()] if last_header else [line.clean.strip()]
            last_header = True
        elif result.kind != "blank":
            last_header = False
        if result.kind in ("entry", "ignored") and heading:
            result = replace(result, heading="\n".join(_collapse(h) for h in heading))
        out.append(result)
    return out


# ---------------------------------------------------------------- modes

_TITLE_WORDS = re.compile(
    "接龙|打卡|签到|报名|活动|读书会|训练营|分享会|直播|聚会|名单|统计|通知|截止|格式|规则|要求|说明|聊天记录"
)
_EDITION_RE = re.compile(r"第\s*\d+\s*期")
_DONE_SUFFIX_RE = re.compile(rf"(?:已(?:打卡|签到|报名)|\+\d+|[{_MARKS}]+)+$")


def _looks_like_title(line: _Line) -> bool:
    folded = line.folded
    if _DATE_RE.search(folded) or _EDITION_RE.search(folded):
        return True
    spans = _token_spans(folded, 0, len(folded))
    if not spans:
        return False
    first = _DONE_SUFFIX_RE.sub("", folded[slice(*spans[0])])
    return _TITLE_WORDS.search(first) is not None


_NEXT_DAY_RE = re.compile("明日|明天|预告|补卡|补打卡|补签")
_MAKEUP_HEADING_RE = re.compile(r"^[\s【\[(]*(?:补卡|补打卡|补签)(?:名单|人员|区)?[】\])]*\s*:?\s*$")


def _starts_section(line: _Line) -> bool:
    """An unnumbered title line after a chain's entries that names a day or make-ups (`明日预告（12月5日）`, `补卡：`): the
    numbered lines under it are another section with its own heading, not more of the chain above."""
    if _MAKEUP_HEADING_RE.match(line.folded):
        return True
    return _looks_like_title(line) and (_DATE_RE.search(line.folded) or _NEXT_DAY_RE.search(line.folded)) is not None


def _plausible_entry(entry: PasteLine | None) -> bool:
    name = entry.name if entry is not None else None
    return name is not None and len(name) <= 20 and not _SENTENCE_PUNCT.search(name)


class _ChainParser:
    """Chain (接龙) and plain-list mode; see the module docstring."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.numbered = any(_number(line)[0] is not None for line in lines)
        self.seen_entry = False
        self.title_pending = False

    def parse(self) -> list[PasteLine]:
        return [self.one(line) for line in self.lines]

    def one(self, line: _Line) -> PasteLine:
        if line.is_blank:
            return _plain(line, "blank")
        if _is_separator(line.folded):  # —— 12月3日 ——: dates the lines under it (`heading`), never a name
            return _plain(line, "header")
        system = _system_line(line)
        if system is not None:
            return system
        chain = _CHAIN_RE.match(line.folded)
        if chain:
            self.title_pending = not chain["title"].strip()
            self.seen_entry = False
            return _plain(line, "header")
        number, start = _number(line)
        if _is_example(line.folded, start):
            return _plain(line, "example")
        if number is None and _CHAIN_FOOTER_RE.match(line.folded):
            return _plain(line, "noise" if self.seen_entry else "header")
        if number is not None and number >= 1000 and self.title_pending:
            # #接龙 / 1231 早起打卡: the chain's title (its day, 12-31), not its entry number 1231
            self.title_pending = False
            return _plain(line, "header")
        if number is not None:
            self.title_pending = False
            mention = _mention(line, start)
            if mention is not None:
                return mention
            share = _share(line, start, number)
            if share is not None:
                return self.mark(share, line)
            return self.mark(_body_entry(line, start, number), line)
        if self.title_pending:
            self.title_pending = False
            return _plain(line, "header")
        sub = _SUB_NUMBER_RE.match(line.folded) if self.seen_entry else None
        if sub is not None:  # 2.1 张三丰, 2-1 何静: a sub-entry of a chain already under way
            return self.mark(_body_entry(line, sub.end(), int(sub["n"])), line)
        if self.numbered:
            if self.seen_entry and _starts_section(line):  # 明日预告（12月5日） under today's chain: a new heading
                self.seen_entry = False
                return _plain(line, "header")
            return _plain(line, "noise" if self.seen_entry else "header")
        return self.plain_line(line)

    def plain_line(self, line: _Line) -> PasteLine:
        mention = _mention(line, 0)
        if mention is not None:
            return mention
        media = _media_line(line)
        if media is not None:
            return self.mark(media, line) if media.kind == "ignored" else media
        share = _share(line, 0, None)
        if share is not None:  # 我在「鲸打卡」完成了… first: a share, not the list's title
            return self.mark(share, line)
        if not self.seen_entry and _looks_like_title(line):
            return _plain(line, "header")
        entry = _body_entry(line, 0, None)
        if _plausible_entry(entry):
            if entry is not None and entry.remark and _asks_about_checking_in(reading(entry.remark)):
                # `王五 打卡了吗？` in a list of names (not a numbered 接龙, whose every line is an entry): it asks
                return replace(entry, kind="ignored", ignored="question")
            return self.mark(entry, line)
        return _plain(line, "noise" if self.seen_entry else "header")

    def mark(self, entry: PasteLine | None, line: _Line) -> PasteLine:
        if entry is None:
            return _plain(line, "noise")
        self.seen_entry = True
        return entry


def _attach_message(results: list[PasteLine], owner: int, line: _Line) -> None:
    """Append a message line to the remark of the entry at ``owner`` (and take its time if it has none)."""
    entry = results[owner]
    time, text = _message(line.clean, entry.time is None)
    said = _collapse(line.clean)
    message = (f"{entry.message} {said}" if entry.message else said) or None
    if text is None:
        results[owner] = replace(entry, time=entry.time or time, message=message)
        return
    remark = f"{entry.remark} {text}" if entry.remark else text
    results[owner] = replace(entry, time=entry.time or time, remark=remark, message=message)


def _member_speech(line: _Line, names_someone: NamesSomeone | None, find: Callable[[_Line], object]) -> _Speech | None:
    """The other layout's speech on a line of a chat log (`李四: 打卡` among stamped messages, `王五 07:05` among
    `name: message` lines) when its speaker is someone of the group: the assistant pasted two copies together (a
    phone's and PC WeChat's). Without the roster at hand, none."""
    if names_someone is None:
        return None
    found = find(line)
    speech = found[0] if isinstance(found, tuple) else found
    if not isinstance(speech, _Speech) or not names_someone(_speaker_name(line, speech.speaker)):
        return None
    return speech


def _parse_stamped(lines: list[_Line], names_someone: NamesSomeone | None = None) -> list[PasteLine]:
    results: list[PasteLine] = []
    owner = None
    for line in lines:
        stamp = _stamp_line(line)
        if (
            stamp
            and not stamp[1]
            and owner is not None
            and owner == len(results) - 1
            and results[owner].message is None
        ):
            if _YEAR_DATE_RE.search(results[owner].date_text or ""):
                stamp = None  # `2026-11-18 06:30 李四` / `张三 6:01`: 李四's message, not 张三's stamp (_year_stamped)
        # after a blank line, or before any stamp: `李四: 打卡` of a member is 李四's, not the message above it
        fresh = owner is None or (results and results[-1].kind == "blank")
        if line.is_blank:
            results.append(_plain(line, "blank"))
        elif stamp:
            owner = len(results)
            results.append(_speech_entry(line, stamp[0], "stamped"))
        elif fresh and (speech := _member_speech(line, names_someone, _colon)) is not None:
            owner = None if _has_message(speech) else len(results)
            results.append(_speech_entry(line, speech, "colon"))
        elif (system := _notice_after_message(results, owner, line)) is not None:
            results.append(system)
            owner = None
        else:
            results.append(_plain(line, "example" if _is_example(line.folded) else "noise"))
            owner = _follow(results, owner, line)
    return results


def _notice_after_message(results: list[PasteLine], owner: int | None, line: _Line) -> PasteLine | None:
    """A system notice (`李四 拍了拍 张三`, `小王撤回了一条消息`) that is no speaker's message: the message above it has
    begun (or there is none) — the notice ends it and is shown as a notice, so a `[图片]` under it is never added
    to that message. Right under a stamp it is the stamp's own message (QQ keeps the stamp of a recalled one)."""
    if owner is not None and results[owner].message is None:
        return None
    return _system_line(line)


def _follow(results: list[PasteLine], owner: int | None, line: _Line) -> int | None:
    """Attach a message line to its speaker; a date/time separator line ends the message."""
    if owner is None or results[-1].kind == "example" or _is_stamp_only(line.folded):
        return None
    _attach_message(results, owner, line)
    return owner


def _parse_colon(lines: list[_Line], names_someone: NamesSomeone | None = None) -> list[PasteLine]:
    results: list[PasteLine] = []
    owner = None
    for line in lines:
        speech = None if line.is_blank else _colon(line)
        if line.is_blank:
            results.append(_plain(line, "blank"))
        elif _is_example(line.folded):
            results.append(_plain(line, "example"))
        elif speech:
            owner = None if _has_message(speech) else len(results)
            results.append(_speech_entry(line, speech, "colon"))
        elif owner is None and (stamp := _member_speech(line, names_someone, _stamp_line)) is not None:
            owner = len(results)  # `王五 07:05` / `打卡` among `李四: 打卡` lines: 王五's message under their stamp
            results.append(_speech_entry(line, stamp, "stamped"))
        elif (system := _notice_after_message(results, owner, line)) is not None:
            results.append(system)
            owner = None
        elif owner is None and (media := _media_line(line)) is not None:
            results.append(media)  # `[小程序] 鲸打卡` with no speaker: nobody's name
        elif owner is None and (share := _share(line, 0, None)) is not None:
            results.append(share)  # a mini-program's share pasted on its own among chat lines
        elif owner is None and (mention := _mention(line, 0)) is not None:
            results.append(mention)  # `@张三 打卡` among `李四: 打卡` lines: someone calls 张三, not 张三's check-in
        elif owner is None and (entry := _list_entry(line)) is not None:
            results.append(entry)  # `张三 打卡` among `李四: 打卡` lines: a list line, not chat noise
        else:
            results.append(_plain(line, "noise"))
            owner = _follow(results, owner, line)
    return results


def _list_entry(line: _Line) -> PasteLine | None:
    """A plain-list line inside a chat log: a short name then words that check in (`张三 打卡`, `何静 打卡 ✅`)."""
    if _system_line(line) is not None or _CHECKED_IN_RE.search(line.folded) is None:
        return None
    entry = _body_entry(line, 0, None)
    if not _plausible_entry(entry) or entry is None or not entry.remark or len(entry.name or "") > 12:
        return None
    if _asks_about_checking_in(reading(entry.remark)):  # `王五 打卡了没` among chat lines: asks, nobody checked in
        return replace(entry, kind="ignored", ignored="question")
    return entry


_YEAR_DATE_RE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")


def _year_stamped(stamp: tuple[_Speech, bool] | None) -> bool:
    """Whether a stamp line's date carries its year (`2026-11-18 06:30 李四`, `李四 2026/11/18 06:30:12`): what PC/Mac
    WeChat, 企业微信, QQ and the export tools write over a message — no member writes that as their chain entry."""
    return stamp is not None and _YEAR_DATE_RE.search(stamp[0].date_text or "") is not None


def _stamp_evidence(content: list[_Line]) -> tuple[int, int, int]:
    """Numbers of stamp lines, of dated ones, and of ones followed by a message line."""
    found = [_stamp_line(line) for line in content]
    # a line that only looks like a stamp under a year-stamped one is that stamp's message, not a stamp
    for i in range(1, len(found)):
        if found[i] and _year_stamped(found[i - 1]) and not found[i][1]:
            found[i] = None
    stamps = [stamp for stamp in found if stamp]
    paired = sum(1 for stamp, following in pairwise(found) if stamp and following is None)
    return len(stamps), sum(dated for _, dated in stamps), paired


def _colon_speeches(content: list[_Line]) -> int:
    if any(_number(line)[0] is not None for line in content):
        return 0
    return sum(_colon(line) is not None for line in content)


# what a chat message line says when the speaker is on the line above (PC WeChat's `张伟` / `打卡 5:58`)
_MESSAGE_WORDS_RE = re.compile(r"打卡|签到|请假|补卡|早安|check[\s-]?in|[✅✔☑]", re.IGNORECASE)


# a line opening with WeChat's tag of what a message holds (`[图片]`, `[小程序] 鲸打卡`, `[链接] 早起打卡第3天`; the
# English client's [Photo], [Link] …): a message's body, never a person's name
_MEDIA_TAG_RE = re.compile(
    r"^\s*\[(?:图片|视频|语音|文件|动画表情|表情|小程序|链接|位置|名片|聊天记录|音乐|视频号|语音通话|视频通话"
    r"|(?i:photo|image|video|voice|file|sticker|link|mini\s?program|location|chat\s?history))\]"
)


def _media_line(line: _Line) -> PasteLine | None:
    """A line opening with a message's tag (`[图片]`, `[小程序] 鲸打卡`, `[链接] 今日打卡`) copied without its sender's
    line: a message, never a name — they were 图片/小程序 "nobody on the roster", and `[小程序]小打卡` offered 小雨 by
    fuzzy. A check-in card or link is someone's check-in whose the text does not say: a person picks (as a share that
    names nobody); anything else (a picture, the organiser's 打卡统计 link) is noise. None: no such line."""
    folded = line.folded
    if _MEDIA_TAG_RE.match(folded) is None:
        return None
    if (_CHECKED_IN_RE.search(folded) or _SHARE_APP_RE.search(folded)) and not says_not_checked_in(folded):
        time, _span = _find_time(folded)
        return PasteLine(
            line.no, line.raw, "ignored", None, None, time, _tidy_remark(line.clean), None, ignored="share"
        )
    return _plain(line, "noise")


# a line that is no one's name: WeChat's placeholder for a picture, sticker or voice message (`[图片]`, `[动画表情]`,
# `[语音]`), a sentence or a question, a link, a long text
_PLACEHOLDER_RE = re.compile(r"^\s*\[[^\[\]\d]{1,6}\]\s*$")
_MESSAGE_PUNCT_RE = re.compile(r"[,。!?;~…]")


def _evidently_message(line: _Line) -> bool:
    """Whether a line reads as a chat message and never as a name: it says 打卡/签到/…, is only chatter, is a
    placeholder such as `[图片]`, a sentence or question, a link, or longer than any name."""
    folded = line.folded
    return bool(
        folded.lstrip().startswith("@")  # `@张三 打卡`: someone addressed, never a name of the list
        or _MESSAGE_WORDS_RE.search(folded)
        or _PLACEHOLDER_RE.match(folded)
        or _MESSAGE_PUNCT_RE.search(folded)
        or _QUESTION_RE.search(folded)
        or "http" in folded.lower()
        or len(_collapse(folded)) > 20
        or (_CHATTER_HAN.issuperset(ch for ch in folded if _is_han_char(ch)) and _only_chatter(line.clean))
    )


# every Han character chatter is written with (_CHATTER_WORDS): a line with another is no chatter, cheaply told
_CHATTER_HAN = frozenset(ch for ch in _CHATTER_WORDS if "\u3400" <= ch <= "\u9fff")


def _is_han_char(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _names_nobody(line: _Line, names_someone: NamesSomeone) -> bool:
    """Whether a line names no one of the group: neither the whole line nor its first name (`李四 打卡`). A line that
    opens with an @mention (`@张三 打卡`) names the one it addresses, not itself: a message, naming no one."""
    if line.folded.lstrip().startswith("@"):
        return True
    entry = _body_entry(line, 0, None)
    return not names_someone(_collapse(line.clean)) and not (entry and entry.name and names_someone(entry.name))


def _speaker_pairs(content: list[_Line], names_someone: NamesSomeone | None = None) -> int | None:
    """Where the speaker/message pairs of a `name line, message line` copy start (0, or 1 after a title line), or
    None when the paste is not one: no speaker line saying 打卡 or holding a time (a list of names, or of `张三 打卡`
    lines, is no such copy), and either at least two pairs whose every message line says 打卡/签到/请假/… or is
    chatter — or, when the roster is at hand (`names_someone`), any number of pairs where no message line names
    someone of the group, at least one speaker line does, and at least half the message lines are evidently
    messages (_evidently_message): PC WeChat's copy of one message (`张三` / `早起打卡第3天`), or of several with
    pictures and replies among them (`王五` / `[图片]`, `小王` / `收到`). A list of names (`张三` / `李四`) names
    someone on every line, or has no message line at all."""
    # a system notice between the messages (`李四 拍了拍 张三`, `以下为新消息`) is no speaker and no message
    lines = [line for line in content if not _is_separator(line.folded) and _system_line(line) is None]
    start = len(lines) % 2
    if start and not _looks_like_title(lines[0]):
        return None
    pairs = list(zip(lines[start::2], lines[start + 1 :: 2], strict=False))
    if not pairs or any(_number(line)[0] is not None for line in lines):
        return None
    strict = len(pairs) >= 2
    saying = 0  # message lines that say 打卡/签到/…; the others may only be chatter (`李华` / `收到`)
    for speaker, message in pairs:
        said = _MESSAGE_WORDS_RE.search(message.folded) is not None
        saying += said
        if not (said or _only_chatter(message.clean)):
            if names_someone is None:
                return None
            strict = False
        if _only_chatter(speaker.clean):
            return None
        if _MESSAGE_WORDS_RE.search(speaker.folded) or _find_time(speaker.folded)[0] is not None:
            return None
        # `张三 昨天 07:05` / `打卡` is a stamp (its 昨天 the message's day; _find_time passes over a time after 昨天
        # as last night's): a stamped log, never a speaker named `张三 昨天 07:05`
        if _stamp_line(speaker) is not None:
            return None
        if not _plausible_speaker(speaker.folded) or len(_collapse(speaker.folded)) > 20 or _colon(speaker):
            return None
    if strict and saying >= 2:
        return start
    if names_someone is None or any(_evidently_message(speaker) for speaker, _message in pairs):
        return None
    evident = sum(_evidently_message(message) for _speaker, message in pairs)
    if evident == 0 or 2 * evident < len(pairs):
        return None
    if not all(_names_nobody(message, names_someone) for _speaker, message in pairs):
        return None
    speakers = (_speech_entry(speaker, _Speech((0, len(speaker.folded)), None, None), "colon") for speaker, _ in pairs)
    return start if any(entry.name and names_someone(entry.name) for entry in speakers) else None


def _paired_speakers(content: list[_Line], names_someone: NamesSomeone | None) -> set[int] | None:
    """The speaker lines (by line number) of a `name line, message line(s)` copy, or None when the paste is not one:
    the pairs of _speaker_pairs, or — with the roster at hand — blocks where a message runs over several lines
    (PC WeChat copies a message as written: `张三` / `今天早起打卡` / `跑了5公里` / `李四` / `打卡`): every speaker line
    is wholly someone of the group's name, every other line names nobody of it, the first line (after a title) is
    a speaker's, and at least half the blocks hold an evidently message line."""
    if not any(_evidently_message(line) for line in content):
        return None  # a list of names: no line reads as a message (and no roster look-up is made)
    lines = [line for line in content if not _is_separator(line.folded) and _system_line(line) is None]
    start = _speaker_pairs(content, names_someone)
    if start is not None:
        return {line.no for line in lines[start::2]}
    if names_someone is None or len(lines) < 3 or any(_number(line)[0] is not None for line in lines):
        return None
    start = 1 if _looks_like_title(lines[0]) else 0
    speakers: list[int] = []
    blocks: list[list[_Line]] = []
    for i, line in enumerate(lines[start:], start):
        folded = _collapse(line.folded)
        speaker = (
            not (blocks and not blocks[-1])  # a speaker's line right under another's is the message (a list)
            and len(folded) <= 20
            and _plausible_speaker(line.folded)
            and _MESSAGE_WORDS_RE.search(line.folded) is None
            and _find_time(line.folded)[0] is None
            and not _colon(line)
            and not _evidently_message(line)
            and names_someone(_collapse(line.clean))
        )
        if speaker:
            speakers.append(i)
            blocks.append([])
        elif not blocks or not _names_nobody(line, names_someone):
            return None  # a first line that is nobody's name, or a name under a message: no such copy
        else:
            blocks[-1].append(line)
    if len(blocks) < 2 or any(not block for block in blocks):
        return None
    evident = sum(any(_evidently_message(line) for line in block) for block in blocks)
    return {lines[i].no for i in speakers} if 2 * evident >= len(blocks) else None


def _log_mode(content: list[_Line], names_someone: NamesSomeone | None = None) -> str | None:
    """The log mode, "stamped", "colon" or "paired", or None for a chain or plain list (see the module docstring)."""
    stamps, dated, paired = _stamp_evidence(content)
    speeches = _colon_speeches(content)
    colon = speeches > 0 and 2 * speeches >= len(content)
    if paired and dated:
        return "stamped"
    if colon and speeches > stamps:
        return "colon"
    # the log starts with a stamp, or with a line or two above its first one (QQ's `晨光早起营(123456789)`, a title)
    lead = [line for line in content if not _is_separator(line.folded)][:3]
    first = next((i for i, line in enumerate(lead) if _stamp_line(line) is not None), None)
    if _paired_speakers(content, names_someone) is not None:  # `张伟` / `打卡 5:58`: a message, not a stamp line
        return "paired"
    if stamps >= 2 and paired == stamps and first is not None:
        return "stamped"
    if stamps == 1 and paired == 1 and first is not None and _one_stamped_message(content, names_someone):
        return "stamped"
    return "colon" if colon else None


def _one_stamped_message(content: list[_Line], names_someone: NamesSomeone | None) -> bool:
    """PC WeChat's copy of one message with its `name time` line (`张三 07:12` / `早起打卡第3天`): the lines under the
    stamp are evidently a message (_evidently_message) and name no one of the group — `张三 06:01` / `李四` is a
    list with a time. Only with the roster at hand."""
    if names_someone is None:
        return False
    lines = [line for line in content if not _is_separator(line.folded)]
    at = next(i for i, line in enumerate(lines) if _stamp_line(line) is not None)
    under = lines[at + 1 :]
    speaker = _stamp_line(lines[at])
    if not under or speaker is None or not any(_evidently_message(line) for line in under):
        return False
    name = _speech_entry(lines[at], speaker[0], "stamped").name
    return bool(name and names_someone(name)) and all(_names_nobody(line, names_someone) for line in under)


def _parse_paired(lines: list[_Line], names_someone: NamesSomeone | None = None) -> list[PasteLine]:
    """A `name line, message line` copy: each speaker line is the entry, its message line is its remark (and
    time), like a stamped log without stamps."""
    content = [line for line in lines if not line.is_blank and not _is_example(line.folded)]
    speakers = _paired_speakers(content, names_someone) or set()
    results: list[PasteLine] = []
    owner = None
    for line in lines:
        if line.is_blank:
            results.append(_plain(line, "blank"))
        elif (system := _system_line(line)) is not None:
            results.append(system)  # 李四 拍了拍 张三: a notice, shown as one; the message above has ended
            owner = None
        elif line.no in speakers:
            owner = len(results)
            results.append(_speech_entry(line, _Speech((0, len(line.folded)), None, None), "colon"))
        elif owner is not None and owner == len(results) - 1 and _is_stamp_only(line.folded):
            # `张三` / `12-05 23:59` / `打卡` (a copy that puts the time under the name): the speaker's stamp
            date_found = _DATE_RE.search(line.folded)
            entry = results[owner]
            time = _find_time(line.folded)[0]
            date_text = date_found.group(0) if date_found else None
            results[owner] = replace(entry, time=time or entry.time, date_text=date_text or entry.date_text)
            results.append(_plain(line, "noise"))
        else:
            kind = "header" if owner is None and not _is_example(line.folded) else "noise"
            results.append(_plain(line, "example" if _is_example(line.folded) else kind))
            owner = _follow(results, owner, line) if kind == "noise" else None
    return results


def _parse_lines(lines: list[_Line], names_someone: NamesSomeone | None = None) -> list[PasteLine]:
    quotes = _quotes(lines)
    # a quoted message is not part of the chat it is pasted with: the modes never see it (a blank in its place)
    seen = [_Line.make(line.no, "") if line.no in quotes else line for line in lines]
    content = [line for line in seen if not line.is_blank and not _is_example(line.folded)]
    if not content or any(_CHAIN_RE.match(line.folded) for line in seen):
        results = _chain_among_messages(seen, names_someone) or _ChainParser(seen).parse()
    else:
        mode = _log_mode(content, names_someone)
        if mode == "stamped":
            results = _parse_stamped(seen, names_someone)
        elif mode == "colon":
            results = _parse_colon(seen, names_someone)
        elif mode == "paired":
            results = _parse_paired(seen, names_someone)
        else:
            results = _ChainParser(seen).parse()
    results = _me_too([quotes.get(line.line_no) or _chatter(_not_done(line)) for line in results])
    return _with_headings(results, lines)


def _chain_among_messages(lines: list[_Line], names_someone: NamesSomeone | None) -> list[PasteLine] | None:
    """A 接龙 copied with the messages around it, each under a stamp with its year (`2026-11-18 06:30 李四` /
    `早起打卡`, …, `2026-11-18 06:31 王五` / `#接龙` / `1. 张三 6:01`, as PC WeChat, 企业微信 and QQ copy a multi-select):
    the whole paste was read as the chain — the stamps and messages above it its title (李四 named nowhere), the ones
    under it stray lines. Each year stamp with a message line right under it starts a message (a stamp with its year
    is never a chain entry): the message holding the `#接龙` is the chain (its stamp line is its poster's, kind
    ``ignored``, reason ``chain_post``), every other one a stamped log's message, its sender's entry (the paste
    service shows it as a line outside the chain). None when the paste has no such stamp (one chain, read as
    before: `张三 2026-11-18 06:01` / `李四 2026-11-18 06:02` under `#接龙`, nothing between the stamps, is a list)."""
    starts = [
        i
        for i, (line, under) in enumerate(pairwise(lines))
        if _year_stamped(_stamp_line(line)) and not under.is_blank and _stamp_line(under) is None
    ]
    if not starts:
        return None
    results: list[PasteLine] = []
    for a, b in pairwise(sorted({0, *starts, len(lines)})):
        part = lines[a:b]
        if not any(_CHAIN_RE.match(line.folded) for line in part):
            results.extend(_parse_stamped(part, names_someone))
            continue
        if (
            a in starts
        ):  # `2026-11-18 06:31 王五` / `#接龙`: 王五 sent the chain (posted or joined it): no check-in by itself
            stamp = _stamp_line(part[0])
            assert stamp is not None
            poster = _speech_entry(part[0], stamp[0], "stamped")
            results.append(replace(poster, kind="ignored", ignored="chain_post"))
            part = part[1:]
        results.extend(_ChainParser(part).parse())
    return results


# a chat message that only says "the same as the message above" (同上, +1, 楼上+1, 我也是, me too, ditto)
_ME_TOO_RE = re.compile(
    r"^\s*(?:(?:同上|同楼上|楼上|我也(?:是|一样)|(?i:ditto|same(?:\s+here)?|me\s+too))(?:\s*\+\s*1)?|\+\s*1)"
    r"\s*[。.!！~～]*\s*$"
)


def says_me_too(message: str | None) -> bool:
    """Whether a chat message only says "me too" (+1, 同上, 楼上+1, 我也是, me too, ditto): see _me_too."""
    return bool(message) and _ME_TOO_RE.match(reading(message)) is not None


def _me_too(results: list[PasteLine]) -> list[PasteLine]:
    """`李四：同上` and `王五：+1` read alike (同上 was logged, +1 skipped as chatter): a "me too" is the writer's
    check-in when the message it answers — the chat message just above — says one (打卡, 签到, ✅: `张三：打卡` / `李四：+1`
    / `王五：同上`, all three), and a reply like 收到 when it does not (`张三：明天几点？` / `李四：+1`: agreeing; nothing
    above: a reply to nobody knows what)."""
    out: list[PasteLine] = []
    above: PasteLine | None = None
    for line in results:
        speech = line.kind in ("entry", "ignored") and line.mode in ("stamped", "colon")
        if (
            speech
            and line.ignored in (None, "chatter")
            and _ME_TOO_RE.match(reading(line.message or line.remark or ""))
        ):
            if (
                above is not None
                and above.kind == "entry"
                and _CHECKED_IN_RE.search(reading(f"{above.raw} {above.message or ''}"))
            ):
                line = replace(line, kind="entry", ignored=None)
            else:
                line = replace(line, kind="ignored", ignored="chatter")
        if speech:
            # a "me too" that counts passes the check-in above it on (`张三：打卡` / `李四：+1` / `王五：同上`)
            above = (
                above if line.kind == "entry" and _ME_TOO_RE.match(reading(line.message or line.remark or "")) else line
            )
        out.append(line)
    return out


def trailing_makeups(lines: list[PasteLine]) -> dict[int, PasteLine]:
    """The lines under a numbered chain's last entry that read as a member's make-up without a number (`补卡：` /
    `赵六 补11月12日`, `王五 补昨天`): a short name first and 补 — as entries, by line number, under the heading of
    the `补卡：` line above them when there is one. They were read as a new title (the date in them) or noise, the
    make-up dropped with only "header" said. The paste service takes one only when its name is a member's for
    certain."""
    numbered = [i for i, r in enumerate(lines) if r.kind in ("entry", "ignored") and r.number is not None]
    out: dict[int, PasteLine] = {}
    if not numbered or any(r.mode in ("stamped", "colon") for r in lines if r.kind == "entry"):
        return out
    heading = lines[numbered[-1]].heading
    for result in lines[numbered[-1] + 1 :]:
        line = _Line.make(result.line_no, result.raw)
        if result.kind not in ("header", "noise") or _CHAIN_RE.match(line.folded):
            continue
        if "补" not in line.folded or _colon(line) is not None or _SENTENCE_PUNCT.search(line.folded):
            if result.kind == "header" and "补" in line.folded:
                heading = result.raw.strip()  # `补卡：` / `【补卡】`: the section the lines under it belong to
            continue
        entry = _body_entry(line, 0, None)
        if entry is not None and entry.name and _plausible_entry(entry) and "补" not in entry.name:
            out[result.line_no] = replace(entry, heading=heading)
    return out


def unnumbered_entries(lines: list[PasteLine]) -> dict[int, PasteLine]:
    """The noise lines of a chain that lie between its numbered entries and read as an entry that lost its number
    (`1. 张伟` / `李华 5:52` / `3. 孙浩`): a short name first, no sentence, no `speaker:` chat, no title — as entries,
    by line number. Chat between a chain's lines reads like that too (`收到`, `好的，注意休息`): the paste service
    takes one only when its name is a member's for certain. So is a numbered line whose name is a number
    (`7. 001`, `8. 9527 6:02`), which names nobody unless a member is called so."""
    numbered = [i for i, r in enumerate(lines) if r.kind in ("entry", "ignored") and r.number is not None]
    out: dict[int, PasteLine] = {}
    if not numbered or any(r.mode in ("stamped", "colon") for r in lines if r.kind == "entry"):
        return out
    candidates = [i for i in range(numbered[0] + 1, numbered[-1]) if lines[i].kind == "noise"]
    if lines[numbered[0]].number == 2:  # the chain starts at 2: the line just above, if a header, was number 1
        above = next((i for i in range(numbered[0] - 1, -1, -1) if lines[i].kind != "blank"), None)
        if above is not None and lines[above].kind == "header" and not _CHAIN_RE.match(lines[above].raw):
            if above > 0 and not _is_separator(_fold_text(lines[above].raw)):
                candidates.insert(0, above)
    heading = lines[numbered[0]].heading  # a line above the first entry comes under that entry's heading
    for i in candidates:
        result = lines[i]
        line = _Line.make(result.line_no, result.raw)
        if _colon(line) is not None or _looks_like_title(line):
            continue
        if _SENTENCE_PUNCT.search(line.folded) or _system_line(line) is not None or _mention(line, 0) is not None:
            continue
        if _stamp_line(line) is not None and _speaker_header(lines, i):
            continue  # `小王 07:20` / `@小王子 快来接龙`: who posted the chat line under it, not a check-in
        entry = _body_entry(line, 0, None)
        if entry is not None and _plausible_entry(entry):
            previous = next((r for r in reversed(lines[:i]) if r.kind in ("entry", "ignored")), None)
            out[result.line_no] = replace(_not_done(entry), heading=previous.heading if previous else heading)
    for i, result in enumerate(lines):  # `7. 001`: a number alone names nobody — unless it is a member's name
        if result.kind == "noise" and result.line_no not in out:
            line = _Line.make(result.line_no, result.raw)
            number, start = _number(line)
            name = _NUMBER_NAME_RE.match(line.folded, start) if number is not None else None
            if name is not None:
                time, _span = _find_time(line.folded, name.end())
                rest = _tidy_remark(_blank(line.clean, [_span] if _span else [])[name.end() :])
                entry = _entry(line, line.clean[slice(*name.span("n"))], number, time, rest, body=name["n"])
                previous = next((r for r in reversed(lines[:i]) if r.kind in ("entry", "ignored")), None)
                out[result.line_no] = replace(_not_done(entry), heading=previous.heading if previous else heading)
    return out


def _speaker_header(lines: list[PasteLine], i: int) -> bool:
    """Whether the stamp line at `i` (`小王 07:20`, between a chain's entries) heads a chat message — the next line is
    a message (a mention, a sentence, 打卡 words, `[图片]` — not chatter), a system notice or a copy of the chain
    (`#接龙`) — rather than being an entry that lost its number (`李华 5:52` followed by `3. 孙浩`)."""
    after = next((r for r in lines[i + 1 :] if r.kind != "blank"), None)
    if after is None or after.number is not None or after.kind == "entry":
        return False
    line = _Line.make(after.line_no, after.raw)
    if _CHAIN_RE.match(line.folded) or after.kind == "ignored" or _mention(line, 0) is not None:
        return True
    # chatter is no evidence: `李华 5:52` / `收到` / `3. 孙浩` is 李华's entry that lost its number, someone's 收到 after it
    return _system_line(line) is not None or (_evidently_message(line) and not _only_chatter(line.clean))


def title_like_entries(lines: list[PasteLine]) -> dict[int, PasteLine]:
    """The header lines above a plain list (no chain numbers, no chat log) that read as a title only for a date in
    them, while their first word is a name (`张三 今天跑了5公里`, `李四 12月6日`): as entries, by line number. A title
    reads like that too (`晨光早起营 12月6日`): the paste service takes one only when its name is a member's for
    certain. A first word that is a title's (`张三打卡`, `早起打卡 12月6日`) keeps the line a title — unless the paste
    holds no entry at all: `张三打卡` / `李四打卡` / `王五打卡` is a list of people who checked in (every line was read
    as a title and nobody logged), so a line whose first word is a name glued to 打卡/签到 is offered too (the
    service takes it when the name is a member's for certain; `早起打卡` names nobody and stays the title)."""
    out: dict[int, PasteLine] = {}
    if any(r.number is not None or r.mode in ("stamped", "colon") for r in lines if r.kind in ("entry", "ignored")):
        return out
    no_entry = not any(r.kind in ("entry", "ignored") for r in lines)
    for result in lines:
        if result.kind in ("entry", "ignored", "noise"):
            break  # the list is under way: a line below its first entry is no header
        if result.kind != "header":
            continue
        line = _Line.make(result.line_no, result.raw)
        if _CHAIN_RE.match(line.folded) or _is_separator(line.folded) or _number(line)[0] is not None:
            continue
        entry = _body_entry(line, 0, None)
        if entry is None or not _plausible_entry(entry) or entry.name is None:
            continue
        spans = _token_spans(line.folded, 0, len(line.folded))
        first = _DONE_SUFFIX_RE.sub("", line.folded[slice(*spans[0])]) if spans else ""
        name = _fold_text(entry.name)
        glued = no_entry and _TITLE_WORDS.search(name) is None and _CHECKED_IN_RE.match(_fold_text(entry.remark or ""))
        if (_TITLE_WORDS.search(first) and not glued) or _DATE_RE.search(name) or any(ch.isdigit() for ch in name):
            continue  # 张三打卡 first: the list's title (see the module docstring)
        written = entry.date_text or next((m["date"] for m in _WRITTEN_DATE_RE.finditer(line.folded)), None)
        written = None if "补" in line.folded else written
        out[result.line_no] = replace(_not_done(entry), heading=None, date_text=written)  # 李四 12月5日: that day's
    return out


_NUMBER_NAME_RE = re.compile(r"\s*(?P<n>\d{2,12})(?=\s|$)")  # 001, 9527: a nickname made of digits


def _mark_duplicates(results: list[PasteLine]) -> list[PasteLine]:
    first: dict[str, int] = {}
    marked = []
    for line in results:
        if line.kind == "entry":
            key = normalise_name(line.name)
            if key in first:
                line = replace(line, duplicate_of=first[key])
            else:
                first[key] = line.line_no
        marked.append(line)
    return marked


# ---------------------------------------------------------------- public API


def parse_chat(text: str, names_someone: NamesSomeone | None = None) -> list[PasteLine]:
    """Classify every line of a pasted chat; see the module docstring for the rules. `names_someone` (a written
    name -> whether it is exactly someone of the group) lets a `name line, message line` copy be told from a list
    of names (_speaker_pairs); it is asked only of pastes of that shape."""
    lines = [_Line.make(no, raw) for no, raw in enumerate(text.splitlines(), start=1)]
    lines = [_reply_first(_mark_apart(line)) for line in lines]
    return _mark_duplicates([_not_done_list(r) for r in _parse_lines(lines, names_someone)])


# `今日未打卡：王五、赵六` under a numbered chain (the organiser's tally below it): the people it names said not to have
# checked in — it was "noise", a line that named nobody (nothing wrong logged, but nothing said either)
_NOT_DONE_TALLY_RE = re.compile(
    r"^\s*[【\[(（]?\s*(?:今日|今天|本日|当日|今)?\s*(?:还?没有?|未)(?:打卡|签到|接龙|完成|交作业)\s*"
    r"(?:的|人员|名单|成员|同学|小伙伴|的人|的小伙伴|的同学)*\s*(?:有)?\s*[】\])）]?\s*"
    r"(?:[(（]\s*\d+\s*人?\s*[)）])?\s*[:：]\s*(?P<names>[^\s:：].*?)\s*$"
)
_NOT_DONE_SEP_RE = re.compile(r"[、,，;；/\s]+")


def not_done_list(raw: str) -> bool:
    """Whether a line lists the people not checked in (`今日未打卡：王五、赵六`, `未接龙：王五`): never a sign-up."""
    return _NOT_DONE_TALLY_RE.match(_fold_text(raw)) is not None


def _not_done_list(line: PasteLine) -> PasteLine:
    """A noise line that lists the people not checked in (_NOT_DONE_TALLY_RE): ignored as not_done, its names the
    body (each said in the outcome); any other line as it is."""
    if line.kind != "noise":
        return line
    found = _NOT_DONE_TALLY_RE.match(_fold_text(line.raw))
    names = [n for n in _NOT_DONE_SEP_RE.split(found["names"]) if n] if found else []
    if not names:
        return line
    return replace(line, kind="ignored", ignored="not_done", name=names[0], body="、".join(names), mode="chain")


# `「张三：打卡」 李四：收到`: a quote with the reply after it (copied that way round); `李四 回复 张三：打卡`: a reply
# with the writer first and no colon after the writer
_QUOTE_THEN_REPLY_RE = re.compile(
    r"^\s*(?P<q>[「『][^「」『』:：]{1,30}[:：][^「」『』]*[」』])[\s\-－—]*"
    r"(?P<w>[^\s:：「」『』\-－—][^:：「」『』]{0,19}?)\s*[:：]\s*(?P<m>\S.*)$"
)
_WRITER_REPLIES_RE = re.compile(
    r"^\s*(?P<w>[^\s:：@＠「」『』\d][^\s:：@＠「」『』]{0,19})\s+(?P<r>(?:回复|答复)\s*[@＠]?\s*[^\s:：@＠]{1,20})\s*[:：]\s*"
    r"(?P<m>\S.*)$"
)


# `李四✅张三请假`: a check mark glued between a name and another's leave — the name's mark, the leave after it
_GLUED_MARK_LEAVE_RE = re.compile(
    r"(?<=[\u3400-\u9fff])(?P<m>[✅✔☑]\ufe0f?)(?=[\u3400-\u9fff][^✅✔☑]*?(?:请假|请个假|病假|事假))"
)


def _mark_apart(line: _Line) -> _Line:
    """`李四✅张三请假` read as `李四✅ 张三请假`: the whole line was one name 「李四✅张三请假」 — the leave was 张三's and
    李四's check-in was lost (with a space it is logged beside 张三's leave)."""
    if _GLUED_MARK_LEAVE_RE.search(line.clean) is None:
        return line
    return _rewritten(line, _GLUED_MARK_LEAVE_RE.sub(lambda m: m["m"] + " ", line.clean))


def _reply_first(line: _Line) -> _Line:
    """A reply written in another order, read as the phone writes it: `「张三：打卡」 李四：打卡` as `李四：「张三：打卡」
    - - - 打卡` (李四's 打卡, after quoting 张三's — the whole line was a quote of 张三, 李四's check-in lost) and
    `李四 回复 张三：打卡` as `李四：回复 张三：打卡` (李四's; it was read as a person called 李四 回复 张三). The line's
    raw text is kept as pasted."""
    m = _QUOTE_THEN_REPLY_RE.match(line.clean)
    if m is not None:
        return _rewritten(line, f"{m['w']}：{m['q']} - - - {m['m']}")
    m = _WRITER_REPLIES_RE.match(line.clean)
    if m is not None:
        return _rewritten(line, f"{m['w']}：{m['r']}：{m['m']}")
    return line


def _rewritten(line: _Line, clean: str) -> _Line:
    return _Line(line.no, line.raw, clean, "".join(map(_fold_char, clean)))


def normalise_name(name: str) -> str:
    """Comparison key for a name: NFKC (full-width to half-width), no zero-width characters or
    variation selectors, whitespace collapsed and stripped, case-folded. CJK and emoji stay."""
    text = unicodedata.normalize("NFKC", name).translate(_ZERO_WIDTH_ALL)
    text = _VARIATION_SELECTORS.sub("", text)
    return _collapse(text).casefold()


def message_lines(lines: list[PasteLine]) -> dict[int, int]:
    """The lines that are a chat log's message under its speaker's line (PC WeChat's `张三` / `早起打卡第3天`, a stamp
    `张三 07:12` over it): line number -> the speaker's line number, so a preview can say whose message a line is
    (`第1行的消息`) instead of "chat, no name"."""
    out: dict[int, int] = {}
    owner: PasteLine | None = None
    for line in lines:
        if line.kind in ("entry", "ignored") and line.mode in ("stamped", "colon"):
            owner = line
        elif line.kind == "noise" and owner is not None and owner.message:
            said = _collapse(line.raw.translate(_INVISIBLE))
            if said and said in owner.message:
                out[line.line_no] = owner.line_no
        elif line.kind not in ("blank", "noise") and line.ignored != "quote":  # a quote sits inside a message
            owner = None
    return out


def entries(lines: list[PasteLine]) -> list[PasteLine]:
    """The entry lines that are not duplicates, in order."""
    return [line for line in lines if line.kind == "entry" and line.duplicate_of is None]
