"""Paste a chat — a WeChat 接龙 chain or a run of chat lines — and log its check-ins: parse → match → decide →
commit. The one flow behind the Check-ins page, the attendance paste and `qundesk checkin --paste`
(PRODUCT §3.3, §4). No Qt here.

Every line of a paste ends in exactly one named outcome (`line_outcomes`):
  logged       every person on the line is certain and now has a check-in
  already      the person already had a check-in that day, or an earlier line of the paste named them
  ambiguous    there are candidates but it is not certain — a person chooses (headless: reported)
  unmatched    nobody on the roster fits (headless: reported; the window offers pick / add / skip); and a
               check-in mini-program's share that names nobody (`我在「鲸打卡」完成了…` pasted without its sender,
               reason "share": chat_parse._share): whose it is, a person picks
  not_member   the name certainly belongs to someone who is not an active member of this group: an
               applicant or newcomer part-way through the entry steps, a former member, or a person of
               another group only (reported with who and why — a chain pasted into the wrong group shows
               up here), or a member who joined after the day being logged (「11月20日才入群」)
  leave        the line says 请假: not a check-in — but not a name that is, as written, a member's name or
               group nickname (`王五（请假中）`, `孙七【请假】`): that member is meant (`吴九（请假）` is a leave note).
               Whose leave: the members the text names besides its writer (`李四：帮张三请个假`, `张三妈妈：张三今天
               请假`, `今天请假的有 张三 王五`: reason "leave_named", the writer said as who wrote it), the writer
               too only when they say 我 besides (`我和张三请假`); a line saying someone's leave and a check-in
               (`张三请假，李四代打卡`) gives the leave and asks about the check-in
  other_day    the line belongs to another day than the one being logged (a dated chat stamp, a 补卡 for a
               date after the chosen day): reported, never logged on the wrong day
  skipped      blank, header/title, example (例 …), footer or chat noise; and a line that names someone
               without being their check-in, shown with who and why (status "ignored"): a quoted message
               (「张三：打卡」, a quoted older chain), a system notice (撤回了一条消息, 加入了群聊), an @mention,
               a line saying the person has not checked in or reminding them (没来, 记得打卡), a line of a
               chain whose title names another group (`#接龙 B组夜跑 12月3日` pasted into another group; or its
               edition alone, `#接龙 第3期 打卡` pasted into 写作训练营第4期: RosterIndex._titled_edition); in a
               pasted chat log (not a 接龙 chain), a message that is only chatter — 收到, 好的, 谢谢老师, 哈哈,
               👍, [抱拳], +1, 1 … with nothing else — is a reply, not a check-in (reason "chatter", shown as
               「只是回复, 未记为打卡」; a sender whose only messages are chatter is not logged; the window lets a
               person count one; a sign-up paste reads `+1` as a sign-up). Anything more (早 6:05, 收到 今天读了20页,
               [图片], a link) counts. The words a reply quotes are not its writer's: `李四：「张三：打卡」 - - - 好的` and
               `李四 07:20` / `收到` / `引用 张三：打卡` (the PC's copy of a quote) are 李四's 好的/收到, chatter. A message that
               opens with `@所有人` (`@全体成员`, `@All`) is the organiser's notice to everyone — in WeChat only the owner
               and admins can send one — never their own check-in (reason "to_everyone"); so is their reminder or list
               (`【打卡提醒】…`, `今天打卡的小伙伴有：…`, reason not_done). A message's tag copied without its sender
               (`[图片]`) is noise; a check-in card or link (`[小程序] 鲸打卡`) is a share that names nobody.

A chain line that lost its number between two numbered ones (`1. 张伟` / `李华 5:52` / `3. 孙浩`) is an entry when its
name is a member's for certain (`chat_parse.unnumbered_entries`); chat between the lines (收到) stays noise. So is
the line just above a chain that starts at `2.` (its number 1 lost its number, and read as a description), a chain
line whose name is a number (`7. 001`), and a line above a plain list read as its title for a date word in it
(`张三 今天跑了5公里`): each is an entry when its name is a member's for certain.

Matching one name (certain means certain):
* Keys: the name as written (NFKC, case-folded) and its *bare* form — decorations removed: emoji, WeChat's
  bracket emoji codes (`[太阳]`), ～ ★ ✅ and the like, a bracketed or glued counter (`（第23天）`, `第5天`,
  `Day 12`, `已打卡`, `+1`) — and spaces between Chinese characters (`王 芳` is 王芳, and so is 王🌸芳 without its
  flower: the three are asked). Both are compared with every field that people are known by in the group:
  display name, nickname, group nickname (群昵称), WeChat ID.
* The people a key can mean are all memberships of the group that carry it. It is *certain* when exactly
  one active member (已入群) carries it and no applicant/newcomer (申请中/入群中 — they are in the chat too)
  does. Two actives, one member's name that is another's nickname, a nickname several people use, an
  active and a newcomer: *ambiguous*. Former members (left, removed, blacklisted) never make an active
  member's match uncertain; when only they carry it the line is *not_member*. But a line of a day before the
  active one joined, when a former member with the name was a member (a 张三 who left, a new 张三 since), is the
  former one's (RosterIndex.former_then), not "joined later".
* A plain name that equals one member's key but whose bare form is also another member's decorated
  nickname (`小美` vs `🌸小美🌸`) is ambiguous; a decorated name that exactly equals one member's decorated
  nickname is certain. Emoji alone (`🍀 6:00`, `🐱🐱 第5天`, `🍀 补昨天的`) are decoration, unless they are exactly
  one member's emoji-only nickname and nothing else on the line names anyone (`🍀 张伟` is 张伟's).
* Group nicknames like `北京-张伟-设计`, `03-李华` or `李涛@腾讯`: the whole chunk first, then each segment; certain
  when exactly one segment names one person. A name two people share is the one of them another segment names
  for certain (`张伟（大伟）`, `张伟-伟哥`, where 大伟 and 伟哥 are their nicknames: RosterIndex._told_apart). A name
  certain outside its bracket whose bracket is exactly another member's name or nickname (`钱伟（乐乐妈妈）`, 乐乐妈妈
  being 赵静) is either of them: asked (RosterIndex._bracket_names_another).
  Typed with a space (`北京 张伟`, `杭州 王芳` for `王芳-杭州`), a first word that names nobody and makes one
  member's group nickname with the next is that nickname.
* Namesakes told apart by WeChat ID: a name two members share with one's WeChat ID beside it (`王芳(wangfang_sh)`,
  `王芳-WF_bj88`, `王芳 wangfang_sh`; the ID read whole, its `_` and `-` inside it) is that member; without it, both
  are asked. A number typed apart from a name (`张三 2`) is a remark — unless, written together, it is another
  member's name (张三2, made to tell two 张三 apart): then a person chooses between them.
* A name a member carried until a rename in the roster of the last FORMER_NAME_DAYS days (audit member.update: their
  name, nickname or group nickname) is still offered for them: a chain line `孙乐` after 孙乐 was renamed 孙悦 asks,
  her first among the candidates (how "former_name"), and a name certain for one member that another carried until
  such a rename (阳光, taken by a newcomer after 周杰 dropped it) is asked, naming both. So is the name or nickname of
  a record merged into a member's (how "merged_name", for good: 小王同学 merged into 王五 offers 王五).
* Then pinyin (full pinyin or initials, which also catches traditional characters: 張偉 → 张伟) and fuzzy
  (rapidfuzz) candidates among active members — always *ambiguous*, never logged without a person choosing.
* In a pasted chat log (stamped, colon or paired — never a 接龙 chain or list, whose every line is someone's entry)
  of a group that sets check-in keywords (打卡关键词), a message that carries none of them (`早啊` in a group whose
  keyword is 早起打卡) is no check-in: shown as 不含打卡关键词「早起打卡」 (reason no_keyword; the window lets a person
  count it), never logged, never dropped — the chat-history import's rule (chat_parse.KeywordRule: ＃早起打卡 and
  `早起 打卡` carry it, 早安打卡 does not). A 补卡 or 请假 message keeps its own outcome. A group without keywords:
  every message that is not chatter counts, as before.
* A line posted for someone else (`替罗斌打卡`, `帮小王1号打卡`, `（代打卡：刘洋）`, `阳光 代一一`; `帮 张三 打卡` and
  `帮001打卡` when the name is a roster person's; `我帮张三打个卡`, `替郑十签个到`, `余丽娜（帮Ryan打）`, `余丽娜：帮刘红打`,
  `余丽娜 帮刘红也打一下`, `余丽娜 for Ryan` alike): a person decides who. One member named with who posted it for them
  (`刘红（余丽娜代）`, `刘红 by 余丽娜`, `刘红(代)`, `李芳 代打卡`) is that member's check-in. A person decides, too, for a chat
  message addressed to someone about checking in (`李四: @张三 打卡`, `@张三 @王五 打卡啦`, chat_parse.addressed_to): a
  reminder to them, or 李四 reporting for them — neither 李四's own check-in (it was logged) nor 张三's for certain;
  the writer and the people addressed are offered (reason "addressed"), nothing is logged headless. `@所有人 打卡啦`
  is a mention (skipped); a message that checks in first or says more (`打卡✅ @张三 记得打卡哦`, `打卡 @张三`,
  `@班长 今天打卡完成 跑了5公里`) is the writer's, as before; a speakerless `@张三 打卡` in a chat log is a mention.
* The one a line replies to or quotes (`李四 回复 张三：加油`, `回复@一一`, `引用 孙浩：`, `王五 「小雨：早」`) is nobody's
  second person;
  nor is a count or a measure before the name (`12/21 王五`, `5km 一一`).
* Two people on one line (`王建 李芳（夫妻一起）`, `刘洋&陈红`, `张伟、李娜`): each person is matched on its
  own; the window shows one preview row per person; headless, the line is logged only when every person
  on it is certain, and reported otherwise. A second word is taken for a person when it names a roster
  person exactly, follows a separator (& ＋ 、 / 和), the line says 夫妻/一起/全家…, or it looks like a
  Chinese full name (common surname + one or two characters) that is not a known word. A comma separates
  people only when every piece names a different member for certain (`王建，李芳`; `张伟, 今天5km` is a remark).
  A member's name that is also an everyday word or greeting (早安, 阳光: _WORD_NAMES) beside another person with no
  separator or family word (`李四 早安`, `早安 张三`) is asked, not logged; with its mark glued (`张三 早安打卡`,
  `张三 阳光☀️`) it is a remark. Alone on its line it is the member's name.

Days and times: a line's check-in belongs to the chosen day, except a 补卡 line naming its date
(`补11月18日`, `补昨天`, `补1号`, `补周二`, `2号补卡`, `补元旦`; a day the month before lacks — `补29号` on 1 March
of a 28-day February — is reported, never logged a month further back; a bare `（补）` is late on the chosen day), and a chat-log
line whose stamp carries another date (other_day). `late` (补卡)
only when the line says 补卡/补打卡/补签 (or the assistant marks it); logging an earlier day's chain is not
late. The time written on the line (or the chat stamp) is the check-in's `checked_at` — `晚上12点` (24:00,
chat_parse.END_OF_DAY) at 00:00 after the day, never noon and never the midnight before it. A stamp's written date is
the one nearest the day being logged; WeChat's words for recent days (昨天 07:12, 星期三 07:12) count back from
today, when the chat was copied. A paste whose chains or date separators name two or more days dates each line by
its own heading: the lines of another day than the chosen one are other_day.
A run of time-only chat stamps that goes past midnight (`张伟 23:58` … `刘洋 00:01`) spans two days: the later part
is the day being logged (today at the latest), the earlier part the day before; a 补卡 keeps the day it was
posted for its time (`陈红 00:05 补卡 昨天的` logged for the 3rd was posted at 00:05 on the 4th). A section headed
`明日预告` or `明天…` under today's chain is the next day's; the lines of a `补卡：` or `12月3日补卡：` section under it
are 补卡 (for that day), numbered or not (`赵六 补11月12日` under the chain's last entry: trailing_makeups).
A make-up naming several days (`补昨天和今天`, `补前天和昨天`, `补1号2号`) is one row per day, today's on time.
A time corrected on the line (`6:03 改一下时间 6:05`, `6:03（更正：6:05）`) is the later one; a name twice in one
chain with two times keeps the first entry's (the repeat is "already", its time said).
A title's bare weekday (`#接龙 周六早起`) that is the chosen day's weekday names the chosen day, however long ago.
Family beside a member and named by nobody on the roster (`余丽娜和老公`, `刘红一家三口`, `我和老公都打了`): the
member is logged and the family said (PasteMatch.family); a check-in for family (`帮我老婆李芳也打一下卡`,
`帮我家孩子打卡`) is asked — the writer and the one named offered, or the writer alone when nobody is named.
A chain whose title names a date (`11月20日 早起打卡`) tells which day it is for: `title_day` finds it; the
window asks before logging it on another day, the CLI refuses (unless --date says which day).
"""

from __future__ import annotations

import calendar
import os
import re
import threading
import unicodedata
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam, delete, func, select, union
from sqlalchemy.orm import Session

from desktop.chat_parse import (
    FORGOT_DAY_RE,
    FUTURE_MAKEUP_RE,
    LEAVE_WORDS_RE,
    KeywordRule,
    PasteLine,
    addressed_to,
    chinese_date_words,
    is_separator,
    latin_remark_word,
    message_lines,
    normalise_name,
    not_done_list,
    parse_chat,
    plain_checkin_words,
    reading,
    says_me_too,
    says_not_checked_in,
    separator_date,
    set_keywords,
    title_like_entries,
    trailing_makeups,
    unnumbered_entries,
    without_promises,
)
from desktop.leave_words import (
    EN_WEEKDAY,
    MONTH_WORD,
    en_week_word_day,
    en_weekday_no,
    leave_days_unsure,
    leave_span,
    month_words,
    week_monday,
)
from desktop.leave_words import HOLIDAY as _HOLIDAY
from desktop.leave_words import LUNAR as _LUNAR
from desktop.numerals import cn_number
from desktop.services.audit import record_audit
from desktop.services.checkins import CheckinEntry, first_joined, left_before, record_checkins_by_day, undo_checkin
from desktop.services.operators import Actor, allowed, require
from desktop.tasks import Progress
from models import AuditEntry, CheckIn, Group, Leave, Member, Membership, MembershipSpell, bulk, clock
from models.base import ENDED_STATUSES
from models.queries.roster import names_before
from models.search_keys import name_keys

FUZZY_MIN_SCORE = 75
MAX_MAKE_UP_DAYS = 62  # a 补卡 for a day longer ago than this is reported, never logged on a guessed date
FUZZY_LIMIT = 3
# a name a member was known by until a rename of the last FORMER_NAME_DAYS days (the roster's edit, audit member.update)
# is still theirs in chains: a chain copied before they changed their WeChat name, or an old 接龙 logged late
FORMER_NAME_DAYS = 30
# name_key and bare_key are pure functions of the text: a paste's roster index (9,400 people, three names each)
# computes them again only for names it has not seen in this process
KEY_CACHE_SIZE = 1 << 17

CERTAIN_HOWS = ("name", "nickname", "group_nickname", "wechat_id")
IN_THE_CHAT = ("onboarding", "applicant")  # not members yet, but in the group chat: they make a match unsure
FORMER = ENDED_STATUSES

# outcomes of a line (see the module docstring)
LOGGED, ALREADY, AMBIGUOUS, UNMATCHED, NOT_MEMBER, LEAVE, OTHER_DAY, SKIPPED = (
    "logged",
    "already",
    "ambiguous",
    "unmatched",
    "not_member",
    "leave",
    "other_day",
    "skipped",
)
OUTCOMES = (LOGGED, ALREADY, AMBIGUOUS, UNMATCHED, NOT_MEMBER, LEAVE, OTHER_DAY, SKIPPED)
REPORTED = (AMBIGUOUS, UNMATCHED, NOT_MEMBER, LEAVE, OTHER_DAY)


@dataclass(frozen=True)
class Candidate:
    membership_id: int | None  # None: a person of another group (not_member "elsewhere"), or deleted
    display_name: str
    how: str  # name | nickname | group_nickname | wechat_id | pinyin | fuzzy
    score: float = 100.0
    status: str = "active"  # the membership's status in this group, "elsewhere", "deleted" or "joined_later"
    group: str | None = None  # elsewhere: the group they are in
    joined: date | None = None  # joined_later: the day they joined (after the day being logged)
    left: date | None = None  # joined_later of one who came back: the day they had left (the day logged between)
    group_status: str | None = None  # elsewhere: their membership's status in `group` (left there: not its member)


@dataclass(frozen=True)
class PasteMatch:
    """One person of one entry line (a line naming two people gives two, `part` 0 and 1)."""

    line: PasteLine
    status: str  # matched | ambiguous | unmatched | duplicate | not_member | leave | other_day | ignored
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    part: int = 0
    parts: int = 1
    token: str | None = None  # how this person is written on the line
    day: date | None = None  # the day the check-in belongs to (None: no day given to the matcher)
    time: str | None = None  # HH:MM the member posted
    late: bool = False  # the line says 补卡
    duplicate_of: int | None = None  # line_no of an earlier line naming the same person
    reason: str | None = None  # status "ignored": why (quote, system, mention, chatter, not_done, other_group …)
    other_group: str | None = None  # reason other_group: the group the line's chain title names
    posted: date | None = None  # the day the line was posted (its stamp or heading), when not the day being logged
    keywords: str | None = None  # reason no_keyword: the group's check-in keywords the message lacks (早起打卡)
    # status leave: the first and last day the line says (请假3天, 12.5-12.8请假; desktop/leave_words.py) — what the
    # leave dialog starts from and the CLI names; nothing of it is written by the paste
    leave_days: tuple[date, date] | None = None
    leave_recorded: bool = False  # a recorded leave of theirs already covers every one of those days (preview_paste)
    # the family the line names beside the member and nobody on the roster (余丽娜和老公, 刘红一家三口, 我和老公都打了):
    # said in the outcome — the member's own check-in is logged, the family's is nobody's to log
    family: str | None = None

    @property
    def membership_id(self) -> int | None:
        return self.candidates[0].membership_id if self.status == "matched" else None

    @property
    def name(self) -> str:
        return self.token or self.line.name or ""


# ---------------------------------------------------------------- keys

# the middle dot of a name as phones type it (Anna·李, 阿依古丽・买买提, 阿依古丽.买买提): ・ ‧ ∙ ⋅, and a full stop
# next to a Chinese character (never inside a Latin nickname or WeChat ID: Dr.Wang, tom.lee)
_NAME_DOT = re.compile(
    r"[\u30fb\u2027\u2219\u22c5\u00b7\u2022]|(?<=[\u3400-\u9fff])\.(?=\S)|(?<=\S)\.(?=[\u3400-\u9fff])"
)
_WHOLE_BRACKETED = re.compile(r"[(（\[【〔]\s*(?P<inner>[^()（）\[\]【】〔〕]+?)\s*[)）\]】〕]")
_BRACKET_CODE = re.compile(r"\[[^\[\]\s]{1,8}\]")  # WeChat emoji codes: [太阳] [强] [Smile]
_DECOR_CHARS = set("～~〜★☆♡♥❤•·*＊#＃!！♪♫◆◇○●□■△▲▽▼「」『』〈〉《》\"'“”‘’_")
_COUNTER = re.compile(
    r"(?:[(（\[【]\s*[^()（）\[\]【】]*[)）\]】]"  # a bracketed remark: （第23天） (Day 5) 【打卡】
    r"|(?:坚持|连续)?(?:打卡)?第?\s*\d+\s*(?:天|日|次|/\d+)"
    r"|day\s*\d+|d\d+"
    r"|已?(?:打卡|签到|报到|完成|补卡)|\+\s*1"
    r")+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=KEY_CACHE_SIZE)
def name_key(text: str) -> str:
    return normalise_name(text)


def _is_decor_char(ch: str) -> bool:
    if ch in _DECOR_CHARS:
        return True
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cf", "Mn", "Me", "Cs", "Co") or "\ufe00" <= ch <= "\ufe0f"


_HAN_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


@lru_cache(maxsize=KEY_CACHE_SIZE)
def bare_key(text: str) -> str:
    """The name without decorations and glued counters (see the module docstring); '' when nothing is left."""
    t = unicodedata.normalize("NFKC", text)
    t = _BRACKET_CODE.sub(" ", t)
    t = _NAME_DOT.sub(" ", t)
    t = "".join(" " if _is_decor_char(ch) else ch for ch in t)
    t = " ".join(t.split())
    for _ in range(3):
        stripped = _COUNTER.sub("", t).strip(" -—–|/,，、:：.。")
        if stripped == t:
            break
        t = stripped
    # a space between two Chinese characters is no part of a name (王 芳 is 王芳), nor is the space a removed emoji
    # leaves (王🌸芳 without its flower is 王芳, not `王 芳` — which a 王芳 typing a space matched for certain)
    return _HAN_SPACE.sub("", normalise_name(t))


# ---------------------------------------------------------------- line analysis

_PERSON_SEP = re.compile(r"\s*[&＆+＋、/／]\s*|\s+和\s+|\s+")
_COMMA_RE = re.compile(r"\s*[，,]\s*")
_EXPLICIT_SEP = re.compile(r"[&＆+＋、/／]|\s和\s")
_SEGMENT_SEP = re.compile(r"\s*(?:[—–·•|｜:：_《》〈〉()（）\[\]【】，,@＠]|(?<![A-Za-z])-|-(?![A-Za-z]))+\s*")
# the same, keeping `_` and `-` between letters and digits: a WeChat ID (`wangfang_sh`, `WF-bj88`) is one segment
_ID_SEGMENT_SEP = re.compile(
    r"\s*(?:[—–·•|｜:：《》〈〉()（）\[\]【】，,@＠]|(?<![A-Za-z0-9])[-_]|[-_](?![A-Za-z0-9]))+\s*"
)
# where Han meets Latin letters inside one word: 宋璐霞Cathy is two names of one person (RosterIndex._script_halves)
_SCRIPT_SEAM = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u3400-\u9fff])")
_FAMILY_HINT = re.compile(r"夫妻|夫妇|两口子|一起|全家|一家|俩|两人|二人|母子|母女|父子|父女|姐妹|兄弟")

# 请假 said in the past on a line that checks in (昨天请假了今天来打卡) is a check-in, not leave
_CHECKS_IN_RE = re.compile(r"打卡|签到|报到|已完成")
# 补 that is part of another word never makes a line late: 弥补 候补 替补 递补 增补 填补 修补 互补 贴补 进补 滋补
_NOT_MAKEUP = r"(?<![弥候替递增填修互贴进滋])"
_WEEKDAY = r"(?:周|星期|礼拜)"  # + 一二三四五六日天
_WEEK_WORD = r"(?:上上个?|上一个?|上个?|本|这个?)"  # before _WEEKDAY: which week (上周五, 本周三, 上上周一)
# a day of the month (1号, 2日) — not 3号楼, 2号线, 7日游, 30日挑战, 3日前
_DOM_END = r"\s*[日号](?!\s*(?:楼|线|门|房|床|位|口|馆|厅|室|车|桌|场|店|群|选手|机|球|码|字|游|内|之内|以内|挑战|计划|训练|营|前|后|之前|以前|之后|以后|截止))"
# New Year's Day by name (补元旦, 元旦补卡, a chain titled 元旦打卡): 1 January — not the holiday around it (元旦假期第二天,
# 元旦小长假, 元旦前, 迎元旦), which names no one day
_NEW_YEAR = r"(?<![迎庆])元旦(?:节|当天|那天)?(?!\s*(?:假|小长假|长假|期间|前|后|以前|之前|以后|之后|三天|第|快乐))"
_NEW_YEAR_RE = re.compile(_NEW_YEAR)
# words that name a day QunDesk cannot date by itself — asked (a chain's title) or refused (a 补卡 line), never read as
# another day: a lunar date or a holiday of the lunar calendar (腊月初八, 农历十月廿八, 正月初一, 春节, 中秋), a holiday of
# several days (国庆, 五一), a weekend (周末: Saturday or Sunday?)
_WEEKEND = r"(?:上上?个?|本|这个?)?(?:周末|礼拜末|星期末)"
# a 补卡 line: 补卡/补打卡/补签/补交; 补 + the day it makes up (补11月18日, 补1号, 补 2号的卡, 补昨天, 补周二, 补元旦);
# a bare 补 in brackets (张三丰（补）) or as the line's last word (张三丰 补, 补了) — but not 补充/补习/补课/弥补
_LATE_RE = re.compile(
    r"补卡|补打卡|补签|补交"
    rf"|{_NOT_MAKEUP}补\s*(?:(?:(?:20)?\d\d\s*[-/.年]\s*)?{MONTH_WORD}?\s*\d{{1,2}}\s*[月./-]\s*\d{{1,2}}|{MONTH_WORD}?\s*\d{{1,2}}{_DOM_END}|昨天|昨日|昨晚|昨夜|大?前天|前晚|{_WEEK_WORD}?{_WEEKDAY}[一二三四五六日天]"
    rf"|{_NEW_YEAR})"
    rf"|{_NOT_MAKEUP}补\s*(?:{_LUNAR}|{_HOLIDAY}|{_WEEKEND})"  # 补周末的, 补腊月初八: a make-up of a day not dated
    r"|[(（【\[]\s*补\s*[)）】\]]"
    r"|(?:^|[\s,，、;；:：|｜~～\-—])补[了上]?[\s!！。.~～]*$"
)
_LATE_DAY_RE = re.compile(
    rf"{_NOT_MAKEUP}补\s*(?:卡|打卡|签)?\s*(?:(?P<m>\d{{1,2}})\s*[月./-]\s*(?P<d>\d{{1,2}})\s*[日号]?"
    rf"|(?P<dom>\d{{1,2}}){_DOM_END}|(?P<rel>昨天|昨日|昨晚|昨夜|大前天|前天|前晚)|(?P<wk>{_WEEK_WORD})?{_WEEKDAY}(?P<wd>[一二三四五六日天])|(?P<ny>{_NEW_YEAR}))"
    rf"|(?:(?P<m2>\d{{1,2}})\s*[月./-]\s*(?P<d2>\d{{1,2}})\s*[日号]?|(?P<dom2>\d{{1,2}}){_DOM_END}"
    rf"|(?P<wk2>{_WEEK_WORD})?{_WEEKDAY}(?P<wd2>[一二三四五六日天])|(?P<ny2>{_NEW_YEAR}))\s*(?:的)?\s*补(?:卡|打卡|签)"
)
_DATE_WORD = r"(?:\d{1,2}\s*[月./-]\s*\d{1,2}\s*[日号]?|昨天|前天|今天|周[一二三四五六日天]|星期[一二三四五六日天])"
# a chunk that is only a remark (it never names the line's person): 补卡, 打卡, 请假, a date, a counter, a mark
_REMARK_CHUNK = re.compile(
    rf"(?:已?(?:打卡|签到|报到|完成|报名)|补(?:卡|打卡|签|交)?|请假|病假|事假|休假|\+\s*\d+|[✅✔☑✓√]+"
    rf"|第?\s*\d+\s*天|day\s*\d+|d\d+|{_DATE_WORD}|[【\[(（]|[】\])）]"
    # a measure before the name (5km 一一, 30页 张三): the line's progress, never a person
    r"|\d+(?:\.\d+)?\s*(?:km|k|公里|千米|米|页|分钟|min|mins|小时|遍|圈|步|篇|章|字|个|次|组))+",
    re.IGNORECASE,
)
_REMARKISH = re.compile(
    r"\d|打卡|签到|报到|请假|补|加油|早安|晚安|午安|收到|完成|已|第|天|周[一二三四五六日天]|星期|day|ok|[✅✔☑✓√]"
    # `李四 迟到了`, `王五 晚到`: how they came (迟 is a surname: 迟到 read as a second person, offered as a new member)
    r"|迟到|晚到|早退",
    re.IGNORECASE,
)
# who a member brings along (`孙七 和老婆`, `王五&老婆`, `赵六 + 家属`): never a second person of the line — 和老婆 read
# as a full name (和 is a surname) and 老婆 after & as a short one, each offered as a new member
_GUEST_WORDS = (
    r"朋友|友人|家属|家人|孩子|小孩|娃|宝宝|老婆|老公|爱人|对象|夫人|太太|先生|媳妇|男朋友|女朋友|男友|女友|同事|同学|闺蜜"
    r"|兄弟|姐妹|父母|爸妈|儿子|女儿"
)
_GUEST_CHUNK_RE = re.compile(
    rf"^(?:和|跟|与|携|带)?\s*(?:[\d一二两三四五六七八九十]+\s*[个位名]?)?\s*(?:{_GUEST_WORDS})"
)
# common surnames (a second word that starts with one and has 2-3 characters may be a second person)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易"
    "乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬"
    "师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_NOT_NAMES = {
    "高兴", "明天", "今天", "昨天", "万岁", "全勤", "石头", "金牌", "文字", "方法", "成功", "安全", "和平",
    "江湖", "黄金", "白天", "时间", "常规", "童年", "雷雨", "夏天", "秦朝", "包子", "牛奶", "马上", "李子",
    "向上", "毛毛", "龙年", "温暖", "宁静", "舒服", "齐活", "易学", "房间", "路上", "游泳", "连续", "项目",
}  # fmt: skip


# everyday words people take as WeChat names and write in chains too (`李四 早安`, `张三 阳光明媚`): beside another
# person such a word is not certainly a second person (RosterIndex.people_on); alone on a line it is the member's name
_WORD_NAMES = {
    "阳光", "晨曦", "晨光", "早安", "晚安", "午安", "早上好", "加油", "开心", "快乐", "微笑", "晴天", "感恩", "平安",
    "健康", "幸福", "努力", "坚持", "奋斗", "美好", "自律", "简单", "随缘", "知足", "淡定", "静好", "岁月静好",
    "早起", "晨跑", "读书", "向日葵", "好运", "顺利", "满分", "元气", "元气满满", "打卡", "签到", "完成",
}  # fmt: skip


_WORD_REMARK = re.compile(r"打卡|签到|报到|早安|晚安|午安|早上好|加油|收到|完成|请假")


def _is_word_name(chunk: str) -> bool:
    """A Chinese chunk that is also an everyday word or a chain remark (早安, 阳光, 早安打卡): _WORD_NAMES or _WORD_REMARK
    (a WeChat ID or a Latin name is not: `王芳 wf_BJ88`; nor a name with a number: `张三2 李四`)."""
    bare = bare_key(chunk)
    if not any("\u3400" <= ch <= "\u9fff" for ch in bare):
        return False
    return bare in _WORD_NAMES or name_key(chunk) in _WORD_NAMES or _WORD_REMARK.search(chunk) is not None


def _han_only(text: str) -> bool:
    return bool(text) and all("\u3400" <= ch <= "\u9fff" for ch in text)


def _looks_like_full_name(token: str) -> bool:
    t = bare_key(token)
    return 2 <= len(t) <= 3 and _han_only(t) and t[0] in _SURNAMES and t not in _NOT_NAMES


def _is_remark_chunk(chunk: str) -> bool:
    folded = unicodedata.normalize("NFKC", chunk).strip()
    return not bare_key(chunk) or _REMARK_CHUNK.fullmatch(folded) is not None


def _undecorated_latin(chunk: str) -> str:
    """`✅Tom` → `Tom`: decoration glued to a Latin word is not part of it (a Chinese name keeps it: bare_key)."""
    start, end = 0, len(chunk)
    while start < end and (_is_decor_char(chunk[start]) or chunk[start] in "(（[【"):
        start += 1
    while end > start and (_is_decor_char(chunk[end - 1]) or chunk[end - 1] in ")）]】"):
        end -= 1
    stripped = chunk[start:end]
    return stripped if stripped != chunk and _is_latin_word(stripped) else chunk


def _is_latin_word(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z'.]*", token))


@dataclass(frozen=True)
class _Found:
    kind: str  # certain | ambiguous | not_member | none
    people: tuple[Candidate, ...] = ()
    token: str = ""


_NONE = _Found("none")


# ---------------------------------------------------------------- the roster index


@dataclass(frozen=True, eq=False)  # one object per membership in an index: identity is the membership (fast hash)
class _Person:
    membership_id: int
    display_name: str
    status: str


@dataclass(eq=False)
class _Built:
    """The part of a RosterIndex made from the group's roster rows alone (the keys people are known by)."""

    raw: dict[str, dict[_Person, str]]
    bare: dict[str, dict[_Person, str]]
    by_pinyin: dict[str, list[_Person]]
    active: list[_Person]
    fuzzy_keys: list[str]
    fuzzy_people: list[_Person]
    joined: dict[int, date]  # membership -> the day they joined (nobody checks in before it)
    by_char: dict[str, list[int]] | None = None  # fuzzy key characters -> key indexes (built on first use)
    latin: list[tuple[tuple[str, ...], dict[_Person, str]]] | None = None  # Latin names of several words (first use)
    # membership -> the words of its group nickname besides the name (3组-王芳-上海: 3组, 上海), as name keys
    nick_words: dict[int, frozenset[str]] = field(default_factory=dict)


_BUILT_CACHE: OrderedDict[tuple, _Built] = OrderedDict()  # the last few rosters indexed
_BUILT_CACHE_SIZE = 3  # a 9,400-member group's index is ≈15 MB; organisers paste into one or two groups a day
_BUILT_LOCK = threading.Lock()  # pastes are matched off the UI thread


def _built(rows: tuple[tuple, ...], treat_active: frozenset[int]) -> _Built:
    """The index of these roster rows. A pure function of its arguments, remembered for the last few rosters:
    the next paste into a group re-reads the roster (one query) and reuses the index when nothing in those
    rows changed — any change to a name, nickname, status or join day is a different key, so an edit of the
    roster can never be matched against an old index. Building it is most of a paste at 9,400 members."""
    key = (rows, treat_active)
    with _BUILT_LOCK:
        hit = _BUILT_CACHE.get(key)
        if hit is not None:
            _BUILT_CACHE.move_to_end(key)
            return hit
    raw: dict[str, dict[_Person, str]] = defaultdict(dict)
    bare_keys: dict[str, dict[_Person, str]] = defaultdict(dict)
    by_pinyin: dict[str, list[_Person]] = defaultdict(list)
    active: list[_Person] = []
    fuzzy_keys: list[str] = []
    fuzzy_people: list[_Person] = []
    joined_on: dict[int, date] = {}
    nick_words: dict[int, frozenset[str]] = {}
    for mid, status, name, nick, gnick, wx, py, ini, joined, py_alt, ini_alt in rows:
        if gnick:
            words = {name_key(w) for w in _SEGMENT_SEP.split(gnick.strip()) for w in w.split()} - {"", name_key(name)}
            if words:
                nick_words[mid] = frozenset(words)
        person = _Person(mid, name, "active" if mid in treat_active else status)
        if joined is not None and mid not in treat_active:  # a chat import's joiner counts from the notice
            joined_on[mid] = joined.date()
        for how, value in (("name", name), ("nickname", nick), ("group_nickname", gnick)):
            if not value:
                continue
            raw[name_key(value)].setdefault(person, how)
            bare = bare_key(value)
            if bare:
                bare_keys[bare].setdefault(person, how)
                if person.status == "active":
                    fuzzy_keys.append(bare)
                    fuzzy_people.append(person)
        if wx:
            raw[wx.strip().casefold()].setdefault(person, "wechat_id")
        if person.status == "active":
            active.append(person)
            keys = {py, ini, py_alt, ini_alt}
            # `KZ` / `K.Z.` for 张凯文 nicknamed Kevin: the English name's initial and the surname's, as people sign
            # (Kevin Zhang) — offered like any pinyin likeness, never certain
            first = (nick or "").strip().split()
            if ini and len(first) == 1 and first[0].isascii() and first[0][:1].isalpha() and _han_only(name):
                keys.add(first[0][0].lower() + ini[0])
            for k in keys:
                if k:
                    by_pinyin[k].append(person)
    built = _Built(dict(raw), dict(bare_keys), dict(by_pinyin), active, fuzzy_keys, fuzzy_people, joined_on)
    built.nick_words = nick_words
    with _BUILT_LOCK:
        _BUILT_CACHE[key] = built
        while len(_BUILT_CACHE) > _BUILT_CACHE_SIZE:
            _BUILT_CACHE.popitem(last=False)
    return built


_ROSTER_ROWS = (
    select(
        Membership.id,
        Membership.status,
        Member.display_name,
        Member.nickname,
        Membership.group_nickname,
        Member.wechat_id,
        Member.pinyin,
        Member.initials,
        Membership.joined_at,
        Member.pinyin_alt,  # the name as people read it, where that differs (曾小贤: zengxiaoxian)
        Member.initials_alt,
    )
    .join(Member, Member.id == Membership.member_id)
    .where(Membership.group_id == bindparam("gid"), Member.deleted_at.is_(None))
)


# a member's number written before the name: A12, No.12, NO 12, 12号, #12 (not 12号楼: a whole chunk only)
_NUMBER_TAG_RE = re.compile(r"[A-Za-z]{1,2}\d{1,4}|(?i:no)\.?\s*\d{1,4}|\d{1,4}号|[#＃]\d{1,4}")


class RosterIndex:
    """Every membership of the group with the keys people are known by: read at every paste, indexed once
    for as long as those rows stay the same (_built)."""

    def __init__(self, session: Session, group_id: int, *, treat_active: frozenset[int] = frozenset()):
        """`treat_active`: memberships to match as members (已入群) whatever their stored status — a chat
        import's joiners on the day of a chain they signed."""
        session.flush()  # read on the connection (Core rows: a third of the ORM's cost at 9,400 members)
        rows = tuple(map(tuple, session.connection().execute(_ROSTER_ROWS, {"gid": group_id})))
        self._session = session
        self._group_id = group_id
        built = _built(rows, treat_active)
        self._built = built
        self.raw, self.bare, self.by_pinyin = built.raw, built.bare, built.by_pinyin
        self.active, self.joined = built.active, built.joined
        self._fuzzy_keys, self._fuzzy_people = built.fuzzy_keys, built.fuzzy_people
        self._elsewhere_cache: dict[str, _Found] = {}  # other groups' people: read again at every paste
        self._group_names: dict[int, str] | None = None
        self._group_all: dict[int, str] | None = None  # every group's name (titled_edition's siblings)
        self._group_parts: dict[str, int] | None = None  # the parts of group names one group's alone (_titled_part)
        self._deleted: dict[str, str] | None = None  # name keys of people deleted from the group's roster (lookalikes)
        self._spells: dict[int, list[tuple[date, date]]] | None = None  # read when a day before a join is named
        self._former: dict[str, dict[_Person, str]] | None = None  # recent former names (former_names), read once

    def in_closed_spell(self, membership_id: int, day: date) -> bool:
        """The day is inside one of the membership's closed spells (checkins.closed_spell_days): an earlier one of a
        member who left and came back, so a check-in before their latest join is theirs, or the last one of a member
        who has left since, so yesterday's chain pasted after they left still logs them. The group's spells are read
        on the first question (a day before someone's join date, a former member named: rare), then kept."""
        if self._spells is None:
            from desktop.services.checkins import closed_spell_days

            mids = self._session.scalars(
                select(MembershipSpell.membership_id)
                .join(Membership, Membership.id == MembershipSpell.membership_id)
                .where(Membership.group_id == self._group_id)
                .union(
                    select(Membership.id).where(
                        Membership.group_id == self._group_id,
                        Membership.status.in_(FORMER),
                        Membership.left_at.is_not(None),
                    )
                )
            ).all()
            self._spells = closed_spell_days(self._session, sorted(set(mids))) if mids else {}
        return any(first <= day <= last for first, last in self._spells.get(membership_id, ()))

    def left_before(self, membership_id: int, day: date) -> date | None:
        """The day a member who came back had left, when `day` (before their latest join, outside their spells) is
        one they were away (checkins.left_before); None: before they ever joined."""
        if self._spells is None:
            self.in_closed_spell(membership_id, day)  # reads the group's spells
        return left_before((self._spells or {}).get(membership_id, ()), day)

    def first_joined(self, membership_id: int, joined: date) -> date:
        """The day they first joined (checkins.first_joined), `joined` for one who never left."""
        if self._spells is None:
            self.in_closed_spell(membership_id, joined)  # reads the group's spells
        return first_joined((self._spells or {}).get(membership_id, ()), joined)

    def member_then(self, found: _Found, day: date | None) -> bool:
        """The name is certainly one former member of this group (退群 / 移出 since), and `day` is a day of theirs as a
        member (in_closed_spell): their check-in of that day is logged as anyone's. Another reading of the name, or
        a day after they left, stays not_member."""
        if found.kind != "not_member" or day is None or len(found.people) != 1:
            return False
        c = found.people[0]
        return c.membership_id is not None and c.status in FORMER and self.in_closed_spell(c.membership_id, day)

    def wechat_ids(self, membership_ids: list[int]) -> dict[int, str]:
        """The WeChat IDs of these memberships' people (those that have one): what tells two 张伟 apart in a message."""
        if not membership_ids:
            return {}
        rows = self._session.execute(
            select(Membership.id, Member.wechat_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(membership_ids), Member.wechat_id.is_not(None))
        ).all()
        return {mid: wx for mid, wx in rows if wx}

    def former_then(self, token: str, day: date) -> Candidate | None:
        """The one former member of the group (退群 / 移出 since) who carries the written name and was a member on
        `day` (in_closed_spell): when the active member the name is certain for joined after that day — a 张三 who
        left and a new 张三 who joined since —, the line of that day is the former one's, not "joined later"."""
        then = [
            (p, how)
            for p, how in self._hits(token).items()
            if p.status in FORMER and self.in_closed_spell(p.membership_id, day)
        ]
        if len(then) != 1:
            return None
        p, how = then[0]
        return Candidate(p.membership_id, p.display_name, how, 100.0, p.status)

    def titled_group(self, heading: str | None) -> str | None:
        """The other group a chain's title names (`#接龙 B组夜跑 12月3日打卡` pasted into 晨光早起营), or None.
        Only the title line counts (a description may mention another group), not what it says in brackets
        (`晨读打卡（跑步前读20分钟）`) unless the bracket holds a group's name alone (`【读书群】12月3日打卡`), and only when it does not name this group too (`跑步读书会 联合打卡` pasted
        into 跑步 is theirs as well); a Latin name is a whole word of three letters or more (a group called Go is
        not in `Good morning` or `Let's go`); the longest name written wins (读书会二期, not 读书会). A guess: the
        window lets the user say the lines are this group's after all (preview_paste's accept_groups)."""
        if not heading or is_separator(heading):
            return None
        if self._group_names is None:
            rows = self._session.execute(select(Group.id, Group.name)).all()
            self._group_names = {
                gid: name for gid, name in rows if len(name_key(name)) >= (3 if name_key(name).isascii() else 2)
            }
        lines = [line for line in heading.splitlines() if line.strip()]
        first = _CHAIN_TAG_RE.sub("", lines[0]).strip() if lines else ""
        keys = {name_key(n) for n in self._group_names.values()} | set(self._parts())
        # a bracket holding a group's name (or a part of it that is that group's alone) and nothing else is the
        # title naming its group (`【读书群】12月3日打卡`, the usual way to write it); any other bracket is a
        # description (`晨读打卡（跑步前读20分钟）`)
        title = _BRACKETED_RE.sub(
            lambda m: f" {m[0][1:-1].strip()} " if m[0][1:-1].strip() in keys else " ",
            name_key(first or (lines[1] if len(lines) > 1 else "")),
        )
        spans = {gid: _spans_of(name_key(n), title) for gid, n in self._group_names.items()}
        spans = {gid: found for gid, found in spans.items() if found}
        # a name written only inside a longer one is not written (读书会 inside 读书会二期)
        named = {
            gid: max(e - s for s, e in found)
            for gid, found in spans.items()
            if any(
                not any(
                    o != gid and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for o, f in spans.items() for s2, e2 in f
                )
                for s, e in found
            )
        }
        if self._group_id in named:
            return None
        if not named:
            return self._titled_edition(name_key(first or (lines[1] if len(lines) > 1 else ""))) or self._titled_part(
                title
            )
        longest = max(named.values())
        return self._group_names[min(gid for gid, n in named.items() if n == longest)]

    def _parts(self) -> dict[str, int]:
        """Every run of three Chinese characters or more of a group's name that no other group's name holds — the
        words a chain's title shortens the name to (读书会 for 每月一本书读书会, 夜跑团 for 城市夜跑团) — with its group.
        Not across a chain's everyday word (早起打卡营 has none: 早起打卡 is what a morning chain of any group says, and
        打卡营 is 打卡 with a character more), nor with a digit (`21天` of 21天写作训练营 is in `第21天打卡`)."""
        if self._group_parts is None:
            if self._group_all is None:
                self._group_all = dict(self._session.execute(select(Group.id, Group.name)).all())
            # every Chinese run of three or more of every name, with the groups whose names hold it (one pass: a
            # workspace of 500 cohorts is 500 names, not 500 × 500 comparisons)
            holders: dict[str, set[int]] = defaultdict(set)
            runs = {gid: _HAN_RUN_RE.findall(name_key(name)) for gid, name in self._group_all.items()}
            for gid, found in runs.items():
                for run in found:
                    for i in range(len(run)):
                        for j in range(i + 3, len(run) + 1):
                            holders[run[i:j]].add(gid)
            self._group_parts = {
                piece[i:j]: gid
                for gid, found in runs.items()
                for run in found
                for piece in _TITLE_WORDS_RE.split(run)
                for i in range(len(piece))
                for j in range(i + 3, len(piece) + 1)
                if len(holders[piece[i:j]]) == 1
            }
        return self._group_parts

    def _titled_part(self, title: str) -> str | None:
        """The other group a title names by a part of its name that is that group's alone (`#接龙 读书会 12月7日`
        pasted into 早起打卡营 while 每月一本书读书会 exists): the people of a chain are often in both groups, and then
        only its title tells whose chain it is — they were logged here without a word. As for a whole name
        (_spans_of), not straight after another Chinese character (`线下读书会报名` is an offline reading session).
        None when the title also holds a part of this group's name (two Chinese characters or more, not an everyday
        chain word, not in the other's name: `读书会 早起打卡` is a joint chain), or when two groups' parts are
        written as long as each other."""
        parts = self._parts()
        found: dict[int, int] = {}
        for i in range(len(title)):
            if not _is_han(title[i]) or (
                i > 0 and _is_han(title[i - 1]) and not _TITLE_DAY_END_RE.search(title[max(0, i - 3) : i])
            ):
                continue
            j = i
            while j < len(title) and _is_han(title[j]):
                j += 1
            for end in range(j, i + 2, -1):
                gid = parts.get(title[i:end])
                if gid is not None and gid != self._group_id:
                    found[gid] = max(found.get(gid, 0), end - i)
                    break
        if not found:
            return None
        longest = max(found.values())
        best = [gid for gid, n in found.items() if n == longest]
        if len(best) != 1:
            return None
        theirs = name_key(self._group_all.get(best[0], ""))
        for run in _HAN_RUN_RE.findall(name_key(self._group_all.get(self._group_id, ""))):
            for i in range(len(run)):
                for j in range(i + 2, len(run) + 1):
                    piece = run[i:j]
                    if piece in title and piece not in theirs and not _TITLE_WORDS_RE.fullmatch(piece):
                        return None
        return self._group_all[best[0]]

    def _titled_edition(self, title: str) -> str | None:
        """The sibling group a title names by its edition alone: `#接龙 第3期 12月3日打卡` pasted into 写作训练营第4期,
        `【一群】打卡` into 读书会二群 — the cohorts of a paid camp (第3期 / 第4期) share half their people, and a group
        split at 500 (一群 / 二群) keeps its chain's title, so the title's edition is all that tells the chain apart
        (its people, all in both groups, matched here and were logged without a word). A sibling is a group whose
        name is this group's with another edition (写作训练营第3期 for 写作训练营第4期 or for 写作训练营: the unnamed first
        cohort); the title's edition must be of the same kind (期 / 群 / 班 / 届 / 季) and not this group's own (a title
        naming both, 第3期第4期联合打卡, is this group's too). None when no sibling has that edition."""
        if self._group_all is None:
            self._group_all = dict(self._session.execute(select(Group.id, Group.name)).all())
        mine = _edition(self._group_all.get(self._group_id, ""))
        if mine is None:
            return None
        base, unit, number = mine
        written = {(u, n) for u, n in _editions_in(title)}
        if not written or (unit is not None and (unit, number) in written):
            return None
        siblings = {}
        for gid, name in self._group_all.items():
            theirs = _edition(name)
            if gid == self._group_id or theirs is None or theirs[0] != base or theirs[1] is None:
                continue
            if unit is not None and theirs[1] != unit:
                continue
            if (theirs[1], theirs[2]) in written:
                siblings[gid] = name
        if len(siblings) != 1:  # none, or two groups that read alike (写作营第3期, 写作营3期): nothing certain to say
            return None
        return next(iter(siblings.values()))

    # -- exact keys
    @staticmethod
    def _cands(hits: dict[_Person, str]) -> tuple[Candidate, ...]:
        order = {"active": 0, "onboarding": 1, "applicant": 2}
        people = sorted(hits.items(), key=lambda kv: (order.get(kv[0].status, 3), kv[0].membership_id))
        return tuple(Candidate(p.membership_id, p.display_name, how, 100.0, p.status) for p, how in people)

    def _classify(self, hits: dict[_Person, str], token: str) -> _Found:
        if not hits:
            return _NONE
        active = [p for p in hits if p.status == "active"]
        reachable = [p for p in hits if p.status in IN_THE_CHAT]
        cands = self._cands(hits)
        if len(active) == 1 and not reachable:
            return _Found("certain", tuple(c for c in cands if c.status == "active"), token)
        if active:
            return _Found("ambiguous", tuple(c for c in cands if c.status not in FORMER), token)
        return _Found("not_member", cands, token)

    def known_as_written(self, token: str | None) -> bool:
        """Whether the written name, as written (brackets and words in it included, full- or half-width alike),
        is a name, nickname, group nickname or WeChat ID of someone of the group: `王五（请假中）` for the member whose
        group nickname it is."""
        return bool(token) and bool(self.raw.get(name_key(token or "")))

    def exact(self, token: str) -> _Found:
        """Certain / ambiguous / not_member / none for one written name, by exact keys only."""
        return self._classify(self._hits(token), token)

    def carriers(self, token: str) -> tuple[int, ...]:
        """Every membership of the group, whatever its status, that the written name is exactly a key of — as
        written, without its decorations (`王芳🌸`, `小美（请假）`), or one segment of a group nickname
        (`北京-张伟-设计`; several segments naming people: all of them) — the people `resolve` decides among. For
        an entry point that counts people of every status (a chat export's senders: a member who left since
        still spoke then)."""
        hits = self._hits(token)
        if not hits:
            for part in (p for p in _SEGMENT_SEP.split(token) if p and p != token):
                hits.update(self._hits(part))
        elif len(hits) > 1:  # 张伟（大伟）: the 张伟 the bracket names (resolve's rule)
            one = self._told_apart(token, {p.membership_id for p in hits})
            if one is not None:
                return (one,)
        return tuple(sorted(p.membership_id for p in hits))

    def _hits(self, token: str) -> dict[_Person, str]:
        """The memberships carrying the written name as one of their keys, and how (exact's rule)."""
        raw = name_key(token)
        bare = bare_key(token)
        raw_hits = dict(self.raw.get(raw, {}))
        wx = self.raw.get(token.strip().casefold(), {})
        for p, how in wx.items():
            raw_hits.setdefault(p, how)
        bare_hits = self.bare.get(bare, {}) if bare else {}
        decorated = bare != raw
        if raw_hits and (decorated or set(bare_hits) <= set(raw_hits)):
            return raw_hits
        return {**bare_hits, **raw_hits}

    def elsewhere(self, token: str) -> _Found:
        """A person of another group (not of this one) who is known exactly by this name."""
        key = bare_key(token) or name_key(token)
        if key in self._elsewhere_cache:
            return self._elsewhere_cache[key]
        forms = list(dict.fromkeys(f for f in (token.strip(), key) if f))
        # each name column looked up in its own index, united (one OR across the joined tables scanned every
        # membership of the workspace: 85 ms a name at 100,000 members)
        people = union(
            select(Member.id).where(Member.display_name.in_(forms)),
            select(Member.id).where(Member.nickname.in_(forms)),
            select(Member.id).where(Member.wechat_id.in_(forms)),
        )
        named = union(
            select(Membership.id).where(Membership.member_id.in_(people)),
            select(Membership.id).where(Membership.group_nickname.in_(forms)),
        )
        # and a person deleted from this group's roster (soft delete, not a merge): named as deleted, never
        # "nobody on the roster" — the window's "add as new member" would make a second one of them
        rows = self._session.execute(
            select(Member.display_name, Group.name, Member.deleted_at.is_not(None), Membership.status)
            .join(Membership, Membership.member_id == Member.id)
            .join(Group, Group.id == Membership.group_id)
            .where(
                Membership.id.in_(named),
                (Member.deleted_at.is_(None) & (Membership.group_id != self._group_id))
                | (
                    Member.deleted_at.is_not(None)
                    & Member.merged_into_id.is_(None)
                    # or blacklisted in any group and deleted since: a deletion lifts no blacklist ("曾被拉黑")
                    & ((Membership.group_id == self._group_id) | (Membership.status == "blacklisted"))
                ),
            )
            .limit(5)
        ).all()
        found = (
            _Found(
                "not_member",
                tuple(
                    Candidate(None, n, "name", 100.0, "deleted" if deleted else "elsewhere", g, group_status=st)
                    for n, g, deleted, st in rows
                ),
                token,
            )
            if rows
            else _NONE
        )
        self._elsewhere_cache[key] = found
        return found

    def segments(self, chunk: str) -> _Found:
        """`北京-张伟-设计`: the segment that names exactly one person (none when several segments do)."""
        split = [*_SEGMENT_SEP.split(chunk), *_ID_SEGMENT_SEP.split(chunk)]  # 王芳-WF_bj88: the ID is one segment
        parts = list(dict.fromkeys(p for p in split if p and p != chunk))
        if not parts:
            return self._script_halves(chunk)
        found = [f for f in (self.exact(p) for p in parts) if f.kind != "none"]
        if len(found) == 1:
            return found[0]
        same = {tuple(c.membership_id for c in f.people) for f in found}
        if len(same) == 1 and all(f.kind == "certain" for f in found):  # 乐乐妈妈（赵静）…: two ways, one person
            return found[0]
        certain = [f for f in found if f.kind == "certain"]
        ones = {f.people[0].membership_id for f in certain}
        if len(ones) == 1 and all(ones <= {c.membership_id for c in f.people} for f in found):
            return certain[0]  # 张伟-伟哥: the one of the two 张伟 that 伟哥 names (_told_apart)
        if len(found) > 1:
            people = tuple(dict.fromkeys(c for f in found for c in f.people))
            return _Found("ambiguous", people, chunk)
        return _NONE

    def _script_halves(self, chunk: str) -> _Found:
        """`宋璐霞Cathy`, `Amy王芳`: a name glued to the same person's name in the other script (真名+英文名, as
        chains are often signed) — that person, when each piece is exactly one of their names and nobody else
        carries every piece; otherwise none (two people's names glued together are for a person to decide)."""
        pieces = [p for p in _SCRIPT_SEAM.split(chunk) if p.strip()]
        if len(pieces) < 2:
            return _NONE
        common: set[int] | None = None
        for piece in pieces:
            ids = {p.membership_id for p in self._hits(piece)}
            common = ids if common is None else common & ids
            if not common:
                return _NONE
        assert common is not None
        if len(common) != 1:
            return _NONE
        (one,) = common
        return self._classify({p: how for p, how in self._hits(pieces[0]).items() if p.membership_id == one}, chunk)

    def resolve(self, chunk: str) -> _Found:
        found = self.exact(chunk)
        if found.kind == "none":
            found = self.segments(chunk)
        elif found.kind == "ambiguous":
            one = self._told_apart(chunk, {c.membership_id for c in found.people})
            if one is not None:
                found = _Found("certain", tuple(c for c in found.people if c.membership_id == one), chunk)
        elif found.kind == "certain" and bare_key(chunk) != name_key(chunk) and not self.raw.get(name_key(chunk)):
            found = self._bracket_names_another(chunk, found)
        return found

    def _bracket_names_another(self, chunk: str, found: _Found) -> _Found:
        """`钱伟（乐乐妈妈）`, `Tony（张三）`, `张三（张三2）`: certain by the name outside the bracket (the bracket read as a
        remark), while the bracket — or another segment — is exactly another member's name or nickname: either of
        them wrote it (乐乐妈妈 is 赵静, not 钱伟) — asked, naming both. A segment naming the same person
        (`赵静（乐乐妈妈）`), nobody (`王五（请假中）`) or a greeting (`李四（早安）`) leaves the match as it is."""
        mine = {c.membership_id for c in found.people}
        others: dict[int | None, Candidate] = {}
        for part in dict.fromkeys(p for p in _SEGMENT_SEP.split(chunk) if p and p != chunk):
            if _is_remark_chunk(part) or _is_word_name(part):  # 李四（早安）: a greeting, whoever is called 早安
                continue
            for c in self.exact(part).people:
                if c.membership_id not in mine and c.status not in FORMER:
                    others.setdefault(c.membership_id, c)
        if not others:
            return found
        return _Found("ambiguous", (*found.people, *others.values()), chunk)

    def latin_extensions(self, words: Sequence[str]) -> tuple[Candidate, ...]:
        """The group's people (members and those joining) one of whose Latin names of several words begins with
        `words`, the last cut short: `Tony H` / `Tony Hu.` for Tony Huang. A chain's `Tony H` resolves to the
        member named Tony when there is one (the rest a remark), but a person reads Tony Huang there."""
        wanted = [bare_key(w).rstrip(".") for w in words]
        if len(wanted) < 2 or not all(wanted):
            return ()
        latin = self._built.latin
        if latin is None:
            latin = [(tuple(key.split()), hits) for key, hits in self.raw.items() if " " in key and key.isascii()]
            self._built.latin = latin
        head, last = tuple(wanted[:-1]), wanted[-1]
        n = len(head)
        found: dict[_Person, str] = {}
        for key_words, hits in latin:
            if len(key_words) > n and key_words[:n] == head and key_words[n].startswith(last):
                for person in hits:
                    if person.status == "active" or person.status in IN_THE_CHAT:
                        found.setdefault(person, "fuzzy")
        return tuple(replace(c, score=90.0) for c in self._cands(found))

    def _longer_latin(self, found: _Found, words: Sequence[str], rest: Sequence[str]) -> _Found:
        """`found`, named by the Latin `words` that the line's next Latin words `rest` follow, unless those go on
        the name: `Tony H` where the group has Tony and Tony Huang is either (asked, naming both); `Tony Huang` or
        `Tony Smith` where it has only Tony is someone else's full name (a person of another group, or a
        newcomer) — asked, never Tony for certain. A remark word (`Lily done`, `Lily Finished chapter 3`), a bare
        initial nobody else's name goes on with (`Amy W` for the group's one Amy) and the person's own name in
        pinyin (`Kevin Zhang` for 张凯文, nicknamed Kevin) leave `found` as it is."""
        extra: list[str] = []
        for word in rest:
            if latin_remark_word(word):
                break
            extra.append(word)
        if not extra:
            return found
        written = " ".join([*words, *extra])
        named = {c.membership_id for c in found.people}
        longer = [c for c in self.latin_extensions([*words, extra[0]]) if c.membership_id not in named]
        if longer:  # Tony H: Tony, or Tony Huang
            return _Found("ambiguous", (*found.people, *longer), written)
        if all(len(w.strip(".")) == 1 for w in extra):  # Amy W: the group's one Amy, her surname's initial
            return found
        if found.kind == "certain" and all(
            w.strip(".").casefold() in name_keys(found.people[0].display_name)[1] for w in extra
        ):  # Kevin Zhang for 张凯文, nicknamed Kevin: his own surname in pinyin
            return found
        # Tony Huang: not Tony for certain — a person decides (the name is like Tony's, as 张三丰 is like 张三)
        return _Found("ambiguous", tuple(replace(c, how="fuzzy", score=90.0) for c in found.people), written)

    def names_someone(self, written: str) -> bool:
        """Whether a written name is exactly someone of the group, whatever their status (resolve's keys, no
        pinyin or fuzzy likeness): the parser's way to tell `张三` / `李四` (a list) from `张三` / `早起打卡` (a
        message under its sender's name)."""
        return self.resolve(written).kind != "none"

    def _told_apart(self, chunk: str, among: set[int | None]) -> int | None:
        """The one of `among` (the people a name may be) that another segment of the chunk names for certain:
        `张伟（大伟）` or `张伟-大伟` is the 张伟 nicknamed 大伟 — as a person who reads it knows; None when no
        segment, or segments naming different people of them, tell."""
        told = set()
        parts = [*_SEGMENT_SEP.split(chunk), *_ID_SEGMENT_SEP.split(chunk)]  # 王芳（wangfang_sh）: her WeChat ID
        for part in dict.fromkeys(p for p in parts if p and p != chunk):
            f = self.exact(part)
            if f.kind == "certain" and f.people[0].membership_id in among:
                told.add(f.people[0].membership_id)
        return told.pop() if len(told) == 1 else None

    # -- pinyin and fuzzy (never certain)
    def lookalikes(self, token: str) -> tuple[Candidate, ...]:
        """Who a name that is new to the roster looks like, for a warning: the people `resolve` reads it as (王芳🌸,
        北京-王芳: any status), else the active members with the same full reading (汪芳 for 王芳, 張偉 for 张伟 —
        not initials, not a likeness by spelling: too loose to warn about), and anyone deleted from the group's
        roster by that name (status "deleted")."""
        if not (self.raw or self.bare or self.by_pinyin) and not self._deleted_names():
            return ()  # a group with nobody in it yet (a new group's first roster: 18,000 names read for nothing)
        found = self.resolve(token)
        if found.kind != "none":
            return found.people
        key = bare_key(token) or name_key(token)
        _initials, full = name_keys(key)
        cjk = any("\u3400" <= ch <= "\u9fff" for ch in key)
        cands = (
            [Candidate(p.membership_id, p.display_name, "pinyin", 90.0) for p in self.by_pinyin.get(full, [])]
            if cjk and full
            else []
        )
        deleted = self._deleted_names()
        gone = deleted.get(name_key(token)) or deleted.get(key)
        if gone is not None:
            cands.append(Candidate(None, gone, "name", 100.0, "deleted"))
        return tuple(cands)

    def _deleted_names(self) -> dict[str, str]:
        """Name keys of the people deleted from the group's roster -> their names (read once)."""
        if self._deleted is None:
            rows = self._session.execute(
                select(Member.display_name, Member.nickname, Membership.group_nickname)
                .join(Membership, Membership.member_id == Member.id)
                .where(
                    Membership.group_id == self._group_id,
                    Member.deleted_at.is_not(None),
                    Member.merged_into_id.is_(None),
                )
            ).all()
            self._deleted = {}
            for name, *others in rows:
                for value in (name, *others):
                    if value:
                        self._deleted.setdefault(name_key(value), name)
                        self._deleted.setdefault(bare_key(value) or name_key(value), name)
        return self._deleted

    def former_names(self) -> dict[str, dict[_Person, str]]:
        """Name keys (as written and bare) a member of the group carried until a rename in the last FORMER_NAME_DAYS
        days — their name, nickname or group nickname as the roster's edit recorded it (audit `member.update`) —
        and who, when they carry it no more. Read once per index: one indexed query over the recent audit."""
        if self._former is None:
            since = datetime.combine(clock.today() - timedelta(days=FORMER_NAME_DAYS), time())
            rows = self._session.execute(
                select(AuditEntry.entity_id, AuditEntry.summary).where(
                    AuditEntry.at >= since,
                    AuditEntry.action == "member.update",
                    AuditEntry.entity == "member",
                    AuditEntry.entity_id.in_(select(Membership.member_id).where(Membership.group_id == self._group_id)),
                )
            ).all()
            # the records merged into another (members.merge_members keeps the dropped record, its name and nickname,
            # pointing at the kept one): a chain still written by the old record's name (小王同学, merged into 王五)
            # was "nobody on the roster" the day after the merge, and the next step made the duplicate again
            merged = self._session.execute(
                select(Member.id, Member.merged_into_id, Member.display_name, Member.nickname).where(
                    Member.merged_into_id.is_not(None)
                )
            ).all()
            by_member: dict[int, _Person] = {}
            if rows or merged:
                mids = {mid: member for mid, member in self._session.execute(
                    select(Membership.id, Membership.member_id).where(Membership.group_id == self._group_id)
                ).all()}  # fmt: skip
                by_member = {mids[p.membership_id]: p for p in self.active if p.membership_id in mids}
            former: dict[str, dict[_Person, str]] = defaultdict(dict)

            def offer(person: _Person, old: str, how: str) -> None:
                for key in {name_key(old), bare_key(old)} - {""}:
                    if person not in self.raw.get(key, {}) and person not in self.bare.get(key, {}):
                        former[key].setdefault(person, how)

            for member_id, summary in rows:
                person = by_member.get(member_id or 0)
                if person is None:
                    continue
                for old in names_before(summary):  # a rename in the member dialog or by a roster import
                    offer(person, old, "former_name")
            into = {mid: target for mid, target, _name, _nick in merged}
            for mid, _target, *names in merged:
                end, seen = mid, set()
                while end in into and end not in seen:  # A merged into B merged into C: C
                    seen.add(end)
                    end = into[end]
                person = by_member.get(end)
                for old in names if person is not None else ():
                    if old and old.strip():
                        offer(person, old.strip(), "merged_name")
            self._former = dict(former)
        return self._former

    def formerly(self, token: str, besides: Iterable[int | None] = ()) -> tuple[Candidate, ...]:
        """The active members who were called `token` until a recent rename (former_names), but those in `besides`."""
        former = self.former_names()
        if not former or not token:
            return ()
        hits: dict[_Person, str] = {}
        for key in (name_key(token), bare_key(token)):
            hits.update(former.get(key, {}))
        skip = set(besides)
        return tuple(replace(c, score=95.0) for c in self._cands(hits) if c.membership_id not in skip)

    def similar(self, token: str) -> tuple[Candidate, ...]:
        renamed = self.formerly(token)  # 孙乐 for the member renamed 孙悦 last week: them first, not 孙丽 by initials
        key = bare_key(token) or name_key(token)
        initials, full = name_keys(key)
        hits: list[_Person] = []
        for k in dict.fromkeys(x for x in (full, initials, key.replace(" ", "")) if x and x.isascii()):
            hits += [p for p in self.by_pinyin.get(k, []) if p not in hits]
        cands = [Candidate(p.membership_id, p.display_name, "pinyin", 90.0) for p in hits]
        seen = {c.membership_id for c in cands}
        if key and self._fuzzy_keys:
            for idx, score in self._fuzzy(key):
                p = self._fuzzy_people[idx]
                if p.membership_id not in seen and len(seen) < len(hits) + FUZZY_LIMIT:
                    cands.append(Candidate(p.membership_id, p.display_name, "fuzzy", round(float(score), 1)))
                    seen.add(p.membership_id)
        ids = {c.membership_id for c in renamed}
        return (*renamed, *(c for c in cands if c.membership_id not in ids))

    def _fuzzy(self, key: str) -> list[tuple[int, float]]:
        """(index into the fuzzy keys, score) of the keys most like `key`, best first — what
        `process.extract(key, keys, scorer=WRatio, score_cutoff=…)` gives, scoring only the keys that share a
        character with `key` (a key sharing none scores 0 under every ratio WRatio takes, so none is lost):
        a few hundred keys instead of the group's 28,000 names at 9,400 members."""
        by_char = self._built.by_char
        if by_char is None:
            by_char = defaultdict(list)
            for i, k in enumerate(self._fuzzy_keys):
                for ch in set(k):
                    by_char[ch].append(i)
            self._built.by_char = by_char
        idxs = sorted({i for ch in set(key) for i in by_char.get(ch, ())})
        if not idxs:
            return []
        found = process.extract(
            key,
            [self._fuzzy_keys[i] for i in idxs],
            scorer=fuzz.WRatio,
            limit=FUZZY_LIMIT * 3,
            score_cutoff=FUZZY_MIN_SCORE,
        )  # ties stay in key order: idxs is ascending
        return [(idxs[j], score) for _choice, score, j in found]

    def match(self, name: str) -> tuple[str, tuple[Candidate, ...]]:
        """One typed name (quick entry, `qundesk checkin NAME`): matched / ambiguous / not_member /
        unmatched and the candidates."""
        found = self.resolve(name)
        if found.kind == "none":
            found = self.elsewhere(name)
        if found.kind == "certain":
            return "matched", found.people
        if found.kind in ("ambiguous", "not_member"):
            return found.kind, found.people
        cands = self.similar(name)
        return ("ambiguous" if cands else "unmatched"), cands

    @staticmethod
    def _second_person(chunk: str, i: int, explicit_after: set[int], family: bool, after_person: bool) -> bool:
        """Whether an unknown word after the line's first person is another person (reported, never
        dropped) rather than a remark: it follows a separator (& 、 + / 和) right after a person, the line says
        夫妻/一起/全家… and it is a short Chinese name, or it looks like a full Chinese name."""
        if _REMARKISH.search(chunk) or _FAMILY_HINT.search(chunk) or not bare_key(chunk):
            return False
        if _GUEST_CHUNK_RE.match(unicodedata.normalize("NFKC", chunk).strip()):
            return False
        short_han = _han_only(bare_key(chunk)) and 2 <= len(bare_key(chunk)) <= 3
        # `张三、欧阳娜娜` / `李四、陌生人甲`: after 、 & + / 和 a four-character name (复姓, a nickname) is a person too — it
        # was dropped as a remark without a word, the line's outcome naming 张三 alone
        listed_han = short_han or (
            _han_only(bare_key(chunk)) and len(bare_key(chunk)) == 4 and not _is_word_name(chunk)  # 早上好呀
        )
        if i in explicit_after and after_person and (listed_han or _is_latin_word(chunk)):
            return True
        return (family and short_han) or _looks_like_full_name(chunk)

    def _emoji_nickname(self, chunk: str) -> _Found | None:
        """A chunk of emoji only (`🍀`, `🐱🐱`, `🍀补卡` with its remark cut) that is exactly someone's nickname as
        written (exact: 🐱 is not 🐱🐱), else None. Emoji with no name are decoration for everyone else."""
        folded = unicodedata.normalize("NFKC", chunk).strip()
        for form in dict.fromkeys((folded, _COUNTER.sub("", folded).strip())):
            if form and not bare_key(form):
                found = self._classify(dict(self.raw.get(name_key(form), {})), form)
                if found.kind != "none":
                    return found
        return None

    # -- a whole line
    def _spaced_name(self, chunks: list[str]) -> _Found | None:
        """A name typed with a space in it (`张三 丰`, `李 娜娜`): when the first two chunks written together name
        someone, that person — and when the first chunk alone names someone else too (张三 and 张三丰 both on
        the roster), a choice between them, never the shorter name logged. A number typed apart from the name
        (`张三 2` where 张三 and 张三2 are both members — WeChat names that tell namesakes apart) is the same: 2 may be
        a count or the end of 张三2's name, so a person chooses; with no 张三2 on the roster it stays a remark."""
        if len(chunks) < 2 or not _han_only(chunks[0]):
            return None
        numbered = re.fullmatch(r"\d{1,3}", unicodedata.normalize("NFKC", chunks[1])) is not None
        if not numbered and (not _han_only(chunks[1]) or len(chunks[0] + chunks[1]) > 4):
            return None
        if _is_remark_chunk(chunks[1]) or bare_key(chunks[0] + chunks[1]) == bare_key(chunks[0]):
            return None  # 李娜 补卡: a remark, not the rest of a name
        together = self.resolve(chunks[0] + chunks[1])
        if together.kind == "none":
            return None
        alone = self.resolve(chunks[0])
        if alone.kind == "none":
            return together
        people = tuple({c.membership_id: c for c in (*together.people, *alone.people)}.values())
        return _Found("ambiguous", people, f"{chunks[0]} {chunks[1]}")

    def _spaced_key(self, chunks: list[str], body: str) -> list[str]:
        """`Amy 王` (a group nickname with a space in it) is that one member — not `Amy`, another member's nickname,
        with a remark 王: the first chunks, as written with spaces between them, when together they are exactly one
        member's name, nickname or group nickname (the longest such run), as a chat log's speaker is read whole."""
        if len(chunks) < 2 or _is_remark_chunk(chunks[1]):
            return chunks
        spaced = " ".join(body.split())
        alone = {c.membership_id for c in self.exact(chunks[0]).people}
        for n in range(min(len(chunks), 4), 1, -1):
            joined = " ".join(chunks[:n])
            if any(_is_remark_chunk(c) for c in chunks[1:n]) or not spaced.startswith(joined):
                continue
            if all(_han_only(c) for c in chunks[:n]) and name_key(joined) not in self.raw:
                continue  # 张三 丰: a Chinese name typed apart is _spaced_name's (张三 or 张三丰), unless written so
            found = self.exact(joined)
            if found.kind == "certain" and {c.membership_id for c in found.people} != alone:
                return [joined, *chunks[n:]]
        return chunks

    def _spaced_group_nickname(self, chunks: list[str]) -> list[str]:
        """`北京 张伟` for the group nickname `北京-张伟` (`成都 李娜` for `李娜-成都`): a first chunk that names nobody
        and, written together with the next one, is exactly one member's group nickname — that one chunk, not a
        second person called 北京 (which made the line a choice and logged nobody)."""
        if len(chunks) < 2 or self.exact(chunks[0]).kind != "none":
            return chunks
        for first, second in ((chunks[0], chunks[1]), (chunks[1], chunks[0])):
            for joiner in ("-", "·", "_", ""):
                found = self.exact(f"{first}{joiner}{second}")
                if found.kind == "certain":
                    return [f"{first}{joiner}{second}", *chunks[2:]]
        return chunks

    def _comma_people(self, chunks: list[str]) -> list[str]:
        """`王建，李芳`: a chunk whose comma-separated pieces each name a different member for certain is that many
        people (a comma is otherwise a remark's: `张伟, 今天5km`, or a group nickname's: `北京，张伟`)."""
        out: list[str] = []
        for chunk in chunks:
            pieces = [p for p in _COMMA_RE.split(chunk) if p]
            if len(pieces) >= 2:
                found = [self.resolve(p) for p in pieces]
                ids = {f.people[0].membership_id for f in found if f.kind == "certain" and len(f.people) == 1}
                if len(ids) == len(pieces):
                    out.extend(pieces)
                    continue
            out.append(chunk)
        return out

    def _renamed_from(self, found: _Found) -> _Found:
        """A name certain for one member that another member carried until a recent rename (`阳光`, 周杰's nickname
        until last week, now 陈晨's too) is either of them — the chain may be one copied before the rename: asked,
        naming both. A name nobody carries now offers the renamed member first (similar)."""
        if found.kind != "certain" or not found.token:
            return found
        also = self.formerly(found.token, besides=(c.membership_id for c in found.people))
        if not also:
            return found
        return _Found("ambiguous", (*found.people, *also), found.token)

    @staticmethod
    def _told_apart_by_id(out: list[_Found]) -> list[_Found]:
        """`王芳 wangfang_sh`: a name two people share, followed on the line by the WeChat ID of one of them, is that one
        — the ID says which 王芳 wrote, it is not a second person (the line was a choice between the two 王芳 and a
        second row for the same 王芳, and was not logged)."""
        merged: list[_Found] = []
        for f in out:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.kind == "ambiguous"
                and f.kind == "certain"
                and len(f.people) == 1
                and f.people[0].how == "wechat_id"
                and f.people[0].membership_id in {c.membership_id for c in prev.people}
            ):
                one = f.people[0].membership_id
                merged[-1] = _Found("certain", tuple(c for c in prev.people if c.membership_id == one), prev.token)
                continue
            merged.append(f)
        return merged

    def _told_apart_by_nickname(self, found: _Found, body: str) -> _Found:
        """`3组 王芳`, `【3组】王芳`, `王芳-3组`, `王芳（上海）` when two 王芳 are `3组-王芳-上海` and `5组-王芳-杭州`: the words
        written beside the name that are words of the group nicknames (组, city) name the one whose group nickname has
        them all — the organiser's own convention, written by the member. Words of both, or of neither one alone
        (`3组 王芳 杭州`), tell nobody: asked as before; so when one of them has no group nickname (she may be of 3组
        too). Only namesakes (same name, nickname or group nickname); a
        pinyin or fuzzy likeness stays a guess."""
        if found.kind != "ambiguous" or any(c.how not in ("name", "nickname", "group_nickname") for c in found.people):
            return found
        words_of = {
            c.membership_id: self._built.nick_words.get(c.membership_id or 0, frozenset()) for c in found.people
        }
        if not all(words_of.values()):  # a 王芳 without a group nickname may be of 3组 or 上海 too: nobody is told
            return found
        known = frozenset().union(*words_of.values())
        own = name_key(found.token or "")
        written = {name_key(w) for w in _SEGMENT_SEP.split(body) for w in w.split()} - {"", own}
        said = written & known
        if not said:
            return found
        told = [c for c in found.people if said <= words_of[c.membership_id]]
        if len(told) != 1:
            return found
        return _Found("certain", (told[0],), found.token)

    def people_on(self, line: PasteLine) -> list[_Found]:
        """Each person an entry line names, in order (one _Found each; kind "none" for an unknown person)."""
        if line.mode in ("stamped", "colon"):
            speaker = line.name or ""
            found = self.resolve(speaker)
            return [found if found.kind != "none" else _Found("none", (), speaker)]
        # `刘洋 5:50 @孙浩 快来`: a mention after the name names someone the writer calls, never a second person; nor
        # does a reply (`李四 回复 张三：加油`) name the one it answers
        body = _REPLY_AFTER_RE.sub(" ", _INLINE_QUOTE_RE.sub(" ", (line.body or line.name or "").strip()))
        body = _MENTION_AFTER_RE.sub(" ", body)
        body = _COUNT_RE.sub(" ", body).strip() or (line.name or "")  # 12/21 王五: a count, split at its / otherwise
        name = line.name or ""
        chunks = [_undecorated_latin(c) for c in _PERSON_SEP.split(body) if c]
        # 【张伟】 first on the line (or as the name read from it): a name in brackets, not a bracketed remark
        whole = _WHOLE_BRACKETED.fullmatch(chunks[0]) if chunks else None
        if whole is not None:
            chunks[0] = whole["inner"]
        whole = _WHOLE_BRACKETED.fullmatch(name)
        if whole is not None:
            name = whole["inner"]
        chunks = self._spaced_group_nickname(self._comma_people(self._spaced_key(chunks, body)))
        if len(chunks) > 1 and _NUMBER_TAG_RE.fullmatch(chunks[0]) and self.resolve(chunks[0]).kind == "none":
            # `A12 王芳`, `No.12 王芳`, `12号 王芳`, `#12 王芳`: the member's number in the group, written first — not a
            # second person nobody carries (the line was asked: "A12: not found"); a member called A12 is still them
            chunks = chunks[1:]
        spaced = self._spaced_name(chunks)
        if spaced is not None:
            return [spaced]
        explicit_after = set()
        pos = 0
        for i, chunk in enumerate(chunks):  # which chunks follow an explicit separator (& 、 + / 和)
            at = body.find(chunk, pos)
            if i and _EXPLICIT_SEP.search(body[pos:at]):
                explicit_after.add(i)
            pos = at + len(chunk)
        family = bool(_FAMILY_HINT.search(body))
        out: list[_Found] = []
        emoji: list[_Found] = []  # emoji-only chunks that are exactly one member's emoji-only nickname each
        i = 0
        primary_done = False
        person_at = -2  # index of the last chunk that named a person
        worded: list[_Found] = []  # people named by an everyday word (早安, 阳光) with no separator beside it
        while i < len(chunks):
            chunk = chunks[i]
            # Latin names span words: the longest run of Latin words that names someone
            if _is_latin_word(chunk):
                j = i + 1
                while j < len(chunks) and _is_latin_word(chunks[j]) and j not in explicit_after:
                    j += 1
                for end in range(j, i, -1):
                    found = self.resolve(" ".join(chunks[i:end]))
                    if found.kind != "none":
                        if end < j and found.kind != "not_member":
                            found = self._longer_latin(found, chunks[i:end], chunks[end:j])
                        out.append(found)
                        person_at = end - 1
                        i = end
                        primary_done = True
                        break
                else:
                    if not primary_done:
                        out.append(_Found("none", (), name if name and _is_latin_word(name.split()[0]) else chunk))
                        primary_done = True
                        i = j if name and " " in name else i + 1
                        person_at = i - 1
                    elif i in explicit_after and person_at == i - 1:
                        out.append(_Found("none", (), chunk))
                        person_at = i
                        i += 1
                    else:
                        i += 1
                continue
            if _is_remark_chunk(chunk):  # 补卡 / 打卡 / a date before or between the names
                if not bare_key(chunk):  # 🍀 is decoration, or a member's emoji-only nickname
                    found = self._emoji_nickname(chunk)
                    if found is not None:
                        emoji.append(found)
                i += 1
                continue
            found = self.resolve(chunk)
            if found.kind == "none" and "和" in chunk.strip("和"):  # 汪芳和王方: two people when both are known
                halves = [self.resolve(h) for h in chunk.split("和", 1)]
                if all(h.kind != "none" for h in halves):
                    out.extend(halves)
                    primary_done = True
                    person_at = i
                    i += 1
                    continue
            if found.kind == "none" and not primary_done and name and name != chunk and not _is_remark_chunk(name):
                found = self.resolve(name)
            if found.kind != "none" and primary_done and _is_word_name(chunk) and not ({i, i + 1} & explicit_after):
                if bare_key(chunk) != name_key(chunk):  # `张三 早安打卡`, `张三 阳光☀️`: a greeting with its mark
                    i += 1
                    continue
                worded.append(found)
            elif found.kind != "none" and _is_word_name(chunk) and not ({i, i + 1} & explicit_after):
                worded.append(found)
            if found.kind != "none":
                out.append(found)
                primary_done = True
                person_at = i
            elif not primary_done:
                out.append(_Found("none", (), chunk if _is_remark_chunk(name or "") else (name or chunk)))
                primary_done = True
                person_at = i
            elif self._second_person(chunk, i, explicit_after, family, person_at == i - 1):
                out.append(_Found("none", (), chunk))
                person_at = i
            i += 1
        if len(out) > 1 and not family:
            # `李四 早安`, `张三 早安打卡`, `早安 张三`: 早安 is a member's name, and a greeting — beside another person it
            # is not certainly a second one (it was logged for the member called 早安): asked, the other one as before
            out = [
                _Found("ambiguous", f.people, f.token) if f.kind == "certain" and any(f is w for w in worded) else f
                for f in out
            ]
        if emoji and all(f.kind == "none" and _REMARKISH.search(f.token or "") for f in out):
            out = emoji  # `🍀 补昨天的`, `🐱🐱 6:01`, `🐱🐱 🍀`: the emoji are the names when nothing else is one
        if not out:  # every chunk read as a remark (【王建】打卡第3天): the name the parser read
            found = self.resolve(name) if name else _NONE
            out.append(found if found.kind != "none" else _Found("none", (), name))
        out = [self._told_apart_by_nickname(f, body) for f in out]
        out = [self._renamed_from(f) for f in self._told_apart_by_id(out)]
        # the same person named twice on one line (北京-张伟 … 张伟) counts once
        seen: set[tuple[int | None, ...]] = set()
        unique = []
        for f in out:
            key = tuple(c.membership_id for c in f.people) or (id(f),)
            if key not in seen:
                seen.add(key)
                unique.append(f)
        return unique


# ---------------------------------------------------------------- days


def _where_it_would_be(year: int, month: int, dom: int) -> tuple[date, bool]:
    """`year-month-dom` and whether it is a day of the calendar; one that is not (2月29日 of 2027, 2月30日, 4月31日)
    is placed where counting on from the month's last day puts it (2027-02-29 as 1 March), for the nearness below."""
    last = calendar.monthrange(year, month)[1]
    if dom <= last:
        return date(year, month, dom), True
    return date(year, month, last) + timedelta(days=dom - last), False


def _infer_year(month: int, day_of_month: int, near: date) -> date | None:
    """A month/day without a year: the date nearest to `near` (12月31日 seen on 1 January is last year). When the
    year nearest `near` lacks the day (2月29日 seen on 1 March 2027), None: no day — never the one of the leap year
    after, a year away (2028-02-29 was the chain's day, a 补2月29日 a make-up of a day still to come)."""
    best = None
    for year in (near.year - 1, near.year, near.year + 1):
        d, real = _where_it_would_be(year, month, day_of_month)
        if best is None or abs((d - near).days) < abs((best[0] - near).days):
            best = (d, real)
    return best[0] if best is not None and best[1] else None


def _day_of_month(dom: int, near: date, *, on_or_before: bool) -> date | None:
    """A day of the month without its month (2日, 1号): the nearest such date to `near` (ties: the earlier) — None
    when the nearest month lacks it (29号 on 1 March 2027) — or with `on_or_before` the latest one not after `near`
    (a 补1号 makes up a day that has been)."""
    found = []
    would_be = []  # every month's, a day it lacks placed where it would be (_where_it_would_be)
    for k in (-2, -1, 0, 1):
        year, month0 = divmod(near.year * 12 + near.month - 1 + k, 12)
        d, real = _where_it_would_be(year, month0 + 1, dom)
        would_be.append((d, real))
        if real:
            found.append(d)
    if on_or_before:
        # this month's or the month before's: 补31号 on 1 May names no day (April has 30), never 31 March
        month_before = date(near.year - (near.month == 1), (near.month - 2) % 12 + 1, 1)
        return max((d for d in found if month_before <= d <= near), default=None)
    # the nearest month's, and none when the nearest month lacks it: 29号打卡 pasted on 1 March 2027 is February's
    # 29th, which is no day — never 29 March, four weeks ahead
    d, real = min(would_be, key=lambda dr: (abs((dr[0] - near).days), dr[0]))
    return d if real else None


_WEEKDAY_NO = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _weekday_back(near: date, weekday: str, *, today_counts: bool) -> date:
    """周X/星期X: the latest such weekday on or before `near` (within the last 7 days); without
    `today_counts`, strictly before it (1–7 days back)."""
    back = (near.weekday() - _WEEKDAY_NO[weekday]) % 7
    if back == 0 and not today_counts:
        back = 7
    return near - timedelta(days=back)


_TITLE_DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
    # a year of two digits (26.12.7, 26/12/07, 26年12月7日): this century's — never skipped as no date
    r"|(?<![\dA-Za-z:.\-/])(?P<yy>[2-9]\d)(?:(?P<ys>[./\-])(?P<ym>\d{1,2})(?P=ys)(?P<yd>\d{1,2})(?![\d:.\-/])"
    r"|\s*年\s*(?P<ym2>\d{1,2})\s*月\s*(?P<yd2>\d{1,2})\s*[日号]?)"
    r"|(?<!\d)(?P<y8>20\d\d)(?P<m8>[01]\d)(?P<d8>[0-3]\d)(?!\d)"
    r"|(?<!\d)(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?"
    r"|(?<![农阴]历)(?<![〇零一二三四五六七八九十])(?:(?P<cy>[〇零一二三四五六七八九]{4})\s*年\s*)?"
    r"(?P<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*[日号]"
    r"|(?<![\dA-Za-z:.\-/])(?P<m3>\d{1,2})\s*[/.\-]\s*(?P<d3>\d{1,2})(?![\d:.\-/])"
    rf"|(?<![\d第续持共满近前后每余约])(?P<d4>\d{{1,2}}){_DOM_END}"
    r"|(?<![\dA-Za-z:.\-/第续持共满近前后每余约])(?P<m5>0[1-9]|1[0-2])(?P<d5>0[1-9]|[12]\d|3[01])(?![\d:.\-/])"
    rf"|(?P<ny>{_NEW_YEAR})"
)
# after a title's 1201 (four digits, month and day) that is not a day: a count (1201字, 1230人), a room (1201会议室)
# or a clock (0630起, 0830开始)
_NOT_MMDD_AFTER_RE = re.compile(
    r"\s*(?:字|人|位|名|个|号|分|点|步|起|醒|睡|元(?!旦)|届|期|班|组|群|次|天|年|室|房|楼|栋|层|座|会议|教室|开始|集合|出发|结束)"
)
# 6.30 / 5.2 that is not a date: a quantity (followed by a unit, or after 跑量/体重/共…) or a time (followed by
# 前/后/截止/点/左右, or after 早上/晚上/截止…). A unit that starts a word is not one (11.22 本周, 11.24分享会).
_QUANTITY_AFTER_RE = re.compile(
    r"\s*(?:公里|千米|公斤|小时|分钟|大卡|千卡|kcal|cal(?![a-z])|km(?![a-z])|kg(?![a-z])|ml(?![a-z])|cm(?![a-z])"
    r"|mm(?![a-z])|min(?![a-z])|hr?(?![a-z])|k(?![a-z])|m(?![a-z])|g(?![a-z])|l(?![a-z])|s(?![a-z])"
    r"|米(?!粒|饭)|斤|克(?!服)|秒(?!杀)|页|章(?!节)|节(?!日|目|课)|篇|本(?![周月期次人日])|集(?!合|体)|课(?![程堂前后])"
    r"|题(?!目)|个(?!人)|次(?!日)|遍|元(?!旦)|块|万(?!圣)|千|步(?!行)|杯(?!赛)|升(?!旗)|岁|倍|折|度(?!假)|[%％‰°])",
    re.IGNORECASE,
)
_TIME_AFTER_RE = re.compile(
    r"\s*(?:之前|以前|之后|以后|前|后|截止|截至|为止|止|点(?![名评赞亮击])|分(?![享组队])|左右)"
)
_NOT_DATE_BEFORE_RE = re.compile(
    r"(?:早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|凌晨|今早|今晚|明早|明晚|每天|每晚|每早|截止|截至"
    r"|跑量|跑了|跑步|走了|骑行|骑了|游了|体重|读了|看了|配速|用时|时长|耗时|共|约|累计|合计|总计|花了|[¥￥$+×])"
    r"\s*[:：]?\s*$",
    re.IGNORECASE,
)


def _plain_date(folded: str, m: re.Match[str]) -> bool:
    """Whether a bare m.d / m/d / m-d reads as a date: nothing around it says it is a quantity or a time."""
    after = folded[m.end() :]
    return not (
        _QUANTITY_AFTER_RE.match(after)
        or _TIME_AFTER_RE.match(after)
        or _NOT_DATE_BEFORE_RE.search(folded[: m.start()])
    )


# An English-speaking group's titles write the day in words (`Reading check-in Thursday, 3 December`, `3rd Dec`,
# `Dec 3`, `December 3rd, 2026`, `3/12/2026`, `yesterday's check-in`): english_day_words writes them the way the Chinese
# reader below reads them (3 December → 12月3日, Thursday → 星期四), so every rule of it (a range, a deadline, the
# year nearest the day) holds for them too. A title that did not read its English date was logged on the day chosen.
_EN_MONTH_WORD = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_EN_ORD = r"(?:st|nd|rd|th)?"
_EN_DAY_RANGE_RE = re.compile(  # 1-7 Dec, 1st to 7th December: both ends in that month
    rf"(?<![\w/.:-])(?P<d1>\d{{1,2}}){_EN_ORD}\s*(?:-|–|—|~|to|until|till|through|thru)\s*(?P<d2>\d{{1,2}}){_EN_ORD}"
    rf"\s*(?:of\s+)?{_EN_MONTH_WORD}",
    re.IGNORECASE,
)
_EN_DAY_MONTH_RE = re.compile(  # 3 Dec, 3rd December 2026, 3rd of Dec, 3-Dec-2026
    rf"(?<![\w/.:-])(?P<d>\d{{1,2}}){_EN_ORD}(?:\s+of\s+|-|\s*){_EN_MONTH_WORD}(?:[\s,-]+(?P<y>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_EN_MONTH_DAY_RE = re.compile(  # Dec 3, December 3rd, 2026, Dec. 3
    rf"(?<![a-z]){_EN_MONTH_WORD}\s*(?P<d>\d{{1,2}}){_EN_ORD}(?![\d:.a-z])(?:,?\s*(?P<y>\d{{4}})(?!\d))?",
    re.IGNORECASE,
)
_EN_RANGE_WORD_RE = re.compile(r"(?<=日)\s*(?:to|until|till|through|thru)\s*(?=\d)", re.IGNORECASE)
_EN_TITLE_WEEKDAY_RE = re.compile(
    r"(?<![a-z])(?<!every\s)(?<!each\s)(?<!last\s)(?<!next\s)(?<!this\s)"
    r"(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day(?![a-z])",
    re.IGNORECASE,
)
_EN_WEEKDAY_SPAN_RE = re.compile(  # Monday to Friday, Mon-Fri: a span of days names none of them
    r"(?<![a-z])[a-z]{3,6}day\s*(?:-|–|—|~|to|through|thru|and|&)\s*[a-z]{3,6}day(?![a-z])", re.IGNORECASE
)
_EN_YESTERDAY_RE = re.compile(r"(?<![a-z])(?:(?P<before>(?:the\s+)?day\s+before\s+)?yesterday)(?![a-z])", re.IGNORECASE)
# day and month in digits before the year (3/12/2026): a title is posted near its day
_EN_DIGITS_YEAR_RE = re.compile(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")
_EN_WEEKDAY_CN = {"mon": "一", "tues": "二", "wednes": "三", "thurs": "四", "fri": "五", "satur": "六", "sun": "日"}
RECENT_TITLE_DAYS = 62  # a chain's title names a day at most this long before the day it is logged for (or the next)


def _month_no(word: str) -> int:
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(
        word[:3].casefold()
    ) + 1


def _recent(day: date | None, near: date) -> bool:
    return day is not None and near - timedelta(days=RECENT_TITLE_DAYS) <= day <= near + timedelta(days=1)


def _either_order(a: int, b: int, year: int | None, near: date) -> tuple[int, int]:
    """(month, day) of a date written a/b without its month named: the one reading when only one makes a date
    (13/12: 13 December), else month first — a Chinese title's 12/3 — unless only day first names a day near `near`
    (03/12 pasted on 5 December: 3 December, not next March)."""
    if a > 12 >= b:
        return b, a
    if b > 12 or a == b:
        return a, b
    if not _recent(_digits_day(a, b, year, near), near) and _recent(_digits_day(b, a, year, near), near):
        return b, a
    return a, b


def _digits_day(month: int, dom: int, year: int | None, near: date) -> date | None:
    """The day a month and day written in digits name: in `year`, else in the year that puts it nearest `near`."""
    if year is None:
        return _infer_year(month, dom, near)
    try:
        return date(year, month, dom)
    except ValueError:
        return None


def english_day_words(text: str, near: date, today: date | None = None) -> str:
    """`text` with its English dates and day words written as the Chinese ones the title reader reads: 3 Dec, 3rd
    December 2026, Dec 3, December 3rd, 2026 → (2026年)12月3日; 1-7 Dec → 12月1日-12月7日; Thursday, Thu, Fri's →
    星期四, 星期五 (not every / next Thursday, Monday to Friday; a short name only as written Fri or FRI, and not the
    Sun of a sun salutation); yesterday, last night, 1 day ago → 昨天, the day before yesterday, two days ago → 前天,
    3 days ago → 大前天; the 5th, 7th (a day of the month alone: 5日, not the 5th day / week / round / check-in of
    something); 3/12/2026 → the reading of its day and month that names a day near `near` (_either_order).

    With `today` (the day the words are read on: a title's), `last Friday` → 上周五 and `this Friday` → 本周五 when
    English names one day by them (en_week_word_day); when it does not (`last Friday` said on a Saturday) they are
    left as written: no day, and title_doubt asks."""
    if not any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in text) and not _EN_DIGITS_YEAR_RE.search(text):
        return text

    def cn(month: int, dom: str, year: str | None = None) -> str:
        return f"{year + '年' if year else ''}{month}月{int(dom)}日"

    for (
        rx,
        words,
    ) in _EN_HOLIDAYS:  # Christmas Eve → 12月24日; Christmas → 圣诞 (two days: asked); Lunar New Year → 春节
        text = rx.sub(words, text)

    text = _EN_DAY_RANGE_RE.sub(
        lambda m: f"{cn(_month_no(m['mon']), m['d1'])}-{cn(_month_no(m['mon']), m['d2'])}", text
    )
    text = _EN_DAY_MONTH_RE.sub(lambda m: cn(_month_no(m["mon"]), m["d"], m["y"]), text)
    text = _EN_MONTH_DAY_RE.sub(lambda m: cn(_month_no(m["mon"]), m["d"], m["y"]), text)
    text = _EN_ORDINAL_RE.sub(lambda m: f"{int(m['d'])}日", text)
    text = _EN_RANGE_WORD_RE.sub("-", text)

    def digits(m: re.Match[str]) -> str:
        month, dom = _either_order(int(m["a"]), int(m["b"]), int(m["y"]), near)
        return cn(month, str(dom), m["y"])

    text = _EN_DIGITS_YEAR_RE.sub(digits, text)
    text = _EN_YESTERDAY_RE.sub(lambda m: "前天" if m["before"] else "昨天", text)
    text = _EN_DAYS_AGO_RE.sub(lambda m: ("", "昨天", "前天", "大前天")[_EN_SMALL_NUMBER[m["n"].casefold()]], text)
    text = _EN_TODAY_PART_RE.sub(
        lambda m: "昨晚" if m[0][0] in "lL" else "今早" if "morning" in m[0].casefold() else "今晚", text
    )
    text = _EN_WEEKDAY_SPAN_RE.sub(" ", text)
    if today is not None:

        def week_word(m: re.Match[str]) -> str:
            found = en_week_word_day(m["which"], en_weekday_no(m["wd"]), today)
            if found is None:
                return m[0]
            week = "上周" if m["which"].casefold() == "last" else "本周"
            return week + "一二三四五六日"[found.weekday()]

        text = _EN_WHICH_WEEKDAY_RE.sub(week_word, text)
    text = _EN_TITLE_WEEKDAY_RE.sub(lambda m: "星期" + _EN_WEEKDAY_CN[m["wd"].casefold()], text)
    # a short weekday beside a date (Tue 7 Dec, 7 Dec (Tue)): the weekday title_doubt compares with the date
    text = _EN_SHORT_BEFORE_RE.sub(lambda m: "星期" + _EN_SHORT_CN[m["wd"][:3].casefold()] + " ", text)
    text = _EN_SHORT_AFTER_RE.sub(
        lambda m: m["gap"] + m["o"] + "星期" + _EN_SHORT_CN[m["wd"][:3].casefold()] + m["c"], text
    )
    return _EN_SHORT_ALONE_RE.sub(lambda m: "星期" + _EN_SHORT_CN[m["wd"][:3].casefold()], text)


# holidays by their English names: a day (Christmas Eve, New Year's Day) is that date; Christmas is 圣诞 (24 or 25
# December?), the Chinese festivals their Chinese names (lunar days: asked, as 春节 is); Thanksgiving and Easter, whose
# dates move (and differ between countries), title_doubt asks about
_EN_HOLIDAYS = [
    (re.compile(rf"(?<![a-z]){pattern}(?![a-z])", re.IGNORECASE), words)
    for pattern, words in (
        (r"christmas\s+eve|xmas\s+eve", "12月24日"),
        (r"christmas\s+day|xmas\s+day", "12月25日"),
        (r"boxing\s+day", "12月26日"),
        (r"new\s+year'?s\s+eve", "12月31日"),
        (r"new\s+year'?s\s+day", "1月1日"),
        (r"valentine'?s(?:\s+day)?", "2月14日"),
        (r"halloween", "10月31日"),
        (r"(?:chinese|lunar)\s+new\s+year(?:'s)?(?:\s+eve)?|spring\s+festival", "春节"),
        (r"mid[\s-]?autumn(?:\s+festival)?|moon\s+festival", "中秋"),
        (r"dragon\s+boat(?:\s+festival)?", "端午"),
        (r"christmas|xmas", "圣诞"),
    )
]
_EN_MOVING_HOLIDAY_RE = re.compile(r"(?<![a-z])(?:thanksgiving|easter)(?![a-z])", re.IGNORECASE)
_EN_SHORT_WD = r"(?P<wd>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
_EN_SHORT_BEFORE_RE = re.compile(rf"(?<![a-z]){_EN_SHORT_WD},?\s*(?=\d{{1,2}}[月日]|\d{{4}}年)", re.IGNORECASE)
# a short weekday alone (Fri check-in, FRI reading, Thurs): written as a name is, Fri or FRI — `sat down`, `wed`,
# a `Sun salutation`, the `SAT` exam (`SAT vocab check-in`) and the `SUN` are no days
_EN_SHORT_ALONE_RE = re.compile(
    r"(?<![A-Za-z'])(?<!every )(?<!each )(?<!next )(?<!last )(?<!this )(?i:(?<!every )(?<!each )(?<!next )(?<!last )(?<!this ))"
    r"(?P<wd>Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WEDS?|THU(?:RS?)?|FRI)\.?(?:'s)?(?![A-Za-z])"
    r"(?!\s*(?:salutations?|rise|set|shine|light|glasses|screen|bath|valley)(?![a-z]))",
)
# last Friday, this Fri: which Friday, en_week_word_day says
_EN_WHICH_WEEKDAY_RE = re.compile(rf"(?<![a-z])(?P<which>last|this)\s+{EN_WEEKDAY}", re.IGNORECASE)
_EN_SMALL_NUMBER = {"1": 1, "one": 1, "a": 1, "2": 2, "two": 2, "3": 3, "three": 3}
_EN_DAYS_AGO_RE = re.compile(r"(?<![a-z\d])(?P<n>[123]|one|two|three|a)\s+days?\s+ago(?![a-z])", re.IGNORECASE)
# last night (a night owls' chain: yesterday's), tonight and this morning (today's, as 今晚 / 今早)
_EN_TODAY_PART_RE = re.compile(r"(?<![a-z])(?:last\s+night|tonight|this\s+morning)(?![a-z])", re.IGNORECASE)
# a day of the month alone (the 5th, 7th): not a count of something (the 5th day, 3rd week, 2nd round, 7th check-in)
# nor a numbered something's (Day 5th, Week 2nd, No. 3rd)
_EN_ORDINAL_RE = re.compile(
    r"(?<![\w/.:#-])(?<!day )(?<!week )(?<!no\. )(?<!round )(?:the\s+)?(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![a-z\d])"
    r"(?!\s*(?:day|week|month|year|time|session|lesson|class|chapter|edition|cohort|round|place|anniversary"
    r"|birthday|attempt|try|km|mile|run|member|person|people|one|check|challenge|camp|floor|grade|century)s?(?![a-z]))",
    re.IGNORECASE,
)
_EN_SHORT_AFTER_RE = re.compile(
    rf"(?<=日)(?P<gap>,?\s*)(?P<o>[(（]?){_EN_SHORT_WD}(?P<c>[)）]?)(?![a-z])", re.IGNORECASE
)
_EN_SHORT_CN = {"mon": "一", "tue": "二", "wed": "三", "thu": "四", "fri": "五", "sat": "六", "sun": "日"}


def _written_day(folded: str, near: date, *, dom_alone: bool = True) -> date | None:
    """The first date written out in NFKC-folded text (see `parse_day`); no relative words, and no day of
    the month alone (2日) unless `dom_alone`."""
    found = _written_match(folded, near, dom_alone=dom_alone)
    return found[0] if found is not None else None


def _written_match(folded: str, near: date, *, dom_alone: bool = True) -> tuple[date, re.Match[str]] | None:
    """`_written_day` with the match of the words that wrote it (a weekday beside them is read: _weekday_beside)."""
    for m in _TITLE_DATE_RE.finditer(folded):
        if not _names_the_day(folded, m):
            continue
        try:
            if m["y"]:
                return date(int(m["y"]), int(m["m"]), int(m["d"])), m
            if m["yy"]:
                return date(2000 + int(m["yy"]), int(m["ym"] or m["ym2"]), int(m["yd"] or m["yd2"])), m
            if m["y8"]:
                return date(int(m["y8"]), int(m["m8"]), int(m["d8"])), m
            if m["cm"]:
                month, dom = cn_number(m["cm"]), cn_number(m["cd"])
                if month is None or dom is None:
                    continue
                if m["cy"]:
                    return date(cn_number(m["cy"]) or 0, month, dom), m
            elif m["ny"]:  # 元旦打卡: 1 January (on a title: a description's 元旦休息 names no chain's day)
                if not dom_alone:
                    continue
                month, dom = 1, 1
            elif m["d4"]:
                if not dom_alone:
                    continue
                found = _day_of_month(int(m["d4"]), near, on_or_before=False)
                if found is not None:
                    return found, m
                continue
            elif m["m5"]:
                if not dom_alone or not _plain_date(folded, m) or _NOT_MMDD_AFTER_RE.match(folded, m.end()):
                    continue
                month, dom = int(m["m5"]), int(m["d5"])
            elif m["m2"]:
                month, dom = int(m["m2"]), int(m["d2"])
            else:
                if not _plain_date(folded, m):
                    continue
                month, dom = _either_order(int(m["m3"]), int(m["d3"]), None, near)
        except ValueError:
            continue
        if 1 <= month <= 12 and 1 <= dom <= 31:
            found = _infer_year(month, dom, near)
            if found is not None:
                return found, m
    return None


# a weekday written right beside a date: after it (12月7日（周一）, 12.7周一, 12/07(一), 2026-12-06 星期日) or before it
# (周一 12月7日, 星期一，12.7); a bare 一…日 only in brackets
_WEEKDAY_AFTER_RE = re.compile(
    r"\s*(?:[(（\[【]\s*(?:周|星期|礼拜)?(?P<a>[一二三四五六日天])\s*[)）\]】]|[,，、]?\s*(?:周|星期|礼拜)(?P<b>[一二三四五六日天]))"
)
_WEEKDAY_BEFORE_RE = re.compile(r"(?<![上下本这个每])(?:周|星期|礼拜)(?P<c>[一二三四五六日天])\s*[,，、:：]?\s*$")


def _weekday_beside(folded: str, m: re.Match[str]) -> str | None:
    """The weekday written beside a date (its 一…日), or None."""
    after = _WEEKDAY_AFTER_RE.match(folded, m.end())
    if after is not None:
        return after["a"] or after["b"]
    before = _WEEKDAY_BEFORE_RE.search(folded[: m.start()])
    return before["c"] if before is not None else None


_DEADLINE_BEFORE_RE = re.compile(
    r"(?:截止|截至|deadline|ddl|(?<![a-z])(?:due|by|until|till|before))[^\d\n]{0,6}$", re.IGNORECASE
)
_RANGE_AFTER_RE = re.compile(r"^\s*[日号]?\s*[-~～至到—–]\s*[\d〇一二三四五六七八九十]")
_RANGE_BEFORE_RE = re.compile(r"[\d日号]\s*[-~～至到—–]\s*$")
_PROGRAM_AFTER_RE = re.compile(r"^\s*(?:早起)?(?:挑战|.{0,2}营|计划|训练|一读|课程|周期|阶段|行动|共读|陪跑)")


_COUNT_BEFORE_RE = re.compile(r"(?:第|(?<![a-z])(?:day|d))\s*$", re.IGNORECASE)


def _names_the_day(folded: str, m: re.Match[str]) -> bool:
    """Whether a date written in a title is the chain's day: not a deadline (截止12月10日, 截止时间：12月5日), not
    either end of a range (12月1日-12月7日 第一周), not a camp's day count out of its length (第5/21天, Day 5/21), and
    a day of the month alone not a programme's length (7日早起挑战, 21日打卡营, 3日一读)."""
    before, after = folded[: m.start()], folded[m.end() :]
    if _DEADLINE_BEFORE_RE.search(before) or _RANGE_AFTER_RE.match(after) or _RANGE_BEFORE_RE.search(before):
        return False
    if _COUNT_BEFORE_RE.search(before):
        return False  # 第5/21天, Day 5/21: a camp's day count out of its length, not 21 May
    return not (m["d4"] and _PROGRAM_AFTER_RE.match(after))


_RELATIVE_DAY_RE = re.compile(
    r"(?P<rel>大前天|前天|昨天|昨日|今天|今日|(?:昨晚|昨夜|(?<![睡提之以饭午])前晚(?![安饭餐]))"
    # not a bedtime asked for (格式：姓名 昨晚几点睡 今早几点起): a morning chain's, not the night's chain
    r"(?!\s*(?:几点|\d|[一二两三四五六七八九十]+点|睡|入睡|就寝|作息|上床|的?睡眠)))"
    r"|(?P<today>今早|今晨|今晚|今夜)"
    rf"|(?<![每上下本这个一二两三几隔到至~\-—、和与及或]){_WEEKDAY}(?P<wd>[一二三四五六日天])(?![次个年月到至~\-—、和与及或])"
)
# 昨晚 / 昨夜 (a night owls' chain, pasted after midnight) is yesterday's, 前晚 the day before's; 今早 / 今晨 / 今晚 are
# today, as 今天 (a title's names no day: it is the day the chain was posted)
_RELATIVE_BACK = {
    "大前天": 3,
    "前天": 2,
    "前晚": 2,
    "昨天": 1,
    "昨日": 1,
    "昨晚": 1,
    "昨夜": 1,
    "今天": 0,
    "今日": 0,
    "今早": 0,
    "今晨": 0,
    "今晚": 0,
    "今夜": 0,
}


def _relative_day(folded: str, near: date, *, today: bool = True) -> date | None:
    """The first relative day word in NFKC-folded text, counted from `near` (see `parse_day`); 今天/今日 are
    passed over when not `today`."""
    for m in _RELATIVE_DAY_RE.finditer(folded):
        if m["wd"]:
            return _weekday_back(near, m["wd"], today_counts=True)
        if m["today"]:
            if today:
                return near
            continue
        if today or _RELATIVE_BACK[m["rel"]]:
            return near - timedelta(days=_RELATIVE_BACK[m["rel"]])
    return None


_WEEK_DAY_RE = re.compile(
    rf"(?<![到至~\-—、和与及或])(?P<week>{_WEEK_WORD}){_WEEKDAY}(?P<wd>[一二三四五六日天])(?![次个年月到至~\-—、和与及或])"
)


def _in_week(near: date, week: str, weekday: str) -> date:
    """The weekday of the week a word names, counted from `near`'s week (weeks run Monday to Sunday, as Chinese
    calendars print them): 上周五 / 上个礼拜五 last week's Friday, 上上周五 the week before's, 本周五 / 这周五 this week's."""
    return week_monday(near, week) + timedelta(days=_WEEKDAY_NO[weekday])


def _week_day(folded: str, today: date) -> date | None:
    """A title's weekday of a named week (weeks run Monday to Sunday, as Chinese calendars print them): 上周五 /
    上星期五 / 上个礼拜五 is last week's Friday (on Monday 12-07: Friday 12-04; on Saturday 12-12 too), 本周三 / 这周三
    this week's Wednesday (after today: a day still to come, which the paste says). None when it names none."""
    m = _WEEK_DAY_RE.search(folded)
    return _in_week(today, m["week"], m["wd"]) if m is not None else None


def parse_day(text: str, near: date, *, relative: bool = True, today: bool = True) -> date | None:
    """The day `text` names, `near` being the day being logged.

    Written dates first, the first one in the text (English ones written as these first: english_day_words):
    2026-11-20, 2026年11月20日, 20261120, 11月20日, 十一月二十日
    (二〇二六年十一月二十日; never 农历…), 11/20, 11-20, 11.20, and a day of the month alone (20日, 20号: the
    nearest such date to `near`; not 3号楼, 2号线, 7日游, 30日挑战, 第3日, 3日前), and four digits of month and day
    (1201早起打卡, 接龙 titles' usual way; with the day of the month alone, on a title only: not 1203字, 0630起床,
    1130前, 2026, 1200人), and 元旦 (1 January; on a title only: not 元旦假期第二天, 元旦前, 迎元旦, 元旦快乐). A year left out
    is the year
    that puts the date nearest to `near`. The bare m.d form is taken only when nothing says it is something
    else: not a quantity (5.2公里, 3.5 km, 1.5小时, 12.5%, 跑量 5.2) and not a time (6.30前完成, 早上6.30,
    截止 6.30, 6.30左右); a date followed by 前/后/截止 is a deadline, not the day itself.

    Then, with `relative` and when no date is written, relative words counted from `near`: 今天/今日 (`near`),
    昨天/昨日 (the day before), 前天 (two days before), 大前天 (three); 周X/星期X/礼拜X (周日 = 周天 = Sunday)
    is the latest such weekday on or before `near` — a 周三 seen on Thursday 12-03 is Wednesday 12-02, one seen
    on a Wednesday is that day. Not 每周三, 上周三 or 本周三 (a title reads those: _week_day), 下周三, 一周三次, 周一到周五, 周三、周五. 明天 is not
    counted: a chain for tomorrow is posted the evening before and pasted on its day. Without `today`,
    今天/今日 are passed over (a title's 今天 names no day: see `title_day`)."""
    folded = month_words(english_day_words(reading(text), near), near)
    found = _written_day(folded, near)
    if found is None and relative:
        found = _relative_day(folded, near, today=today)
    return found


def _plain_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE_CHARS).split())


_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
_CHAIN_TAG_RE = re.compile(r"^[\s\ufeff\u200b-\u200f\u2060]*[#＃]\s*接[龙龍]")


def _is_message(line: PasteLine) -> bool:
    """An entry, or a chat log's message that is not a check-in (chatter, a red packet, an @reply, 还没打卡): its
    stamp dates the log as much as a check-in's does (`王磊 2026/12/4 06:50` / `收到` dates the lines after it)."""
    return line.kind == "entry" or (line.kind == "ignored" and line.mode in ("stamped", "colon"))


def title_day(lines: list[PasteLine], near: date) -> date | None:
    """The date the paste names: a chain's header (`#接龙 11月20日早起打卡`, a title line), else the date of
    the first dated stamp of a chat log (`2026-11-20 06:01:23 张三(12345)`); None when it names none.

    A written date counts on any header line before the first entry (see `parse_day`). A day of the month
    alone (`2日早起打卡`) and a relative word count on the title only — the text after `#接龙`, or the first
    header line with text when `#接龙` has none (`#接龙 周三早起打卡`, `#接龙\\n昨日打卡`) — since description
    lines (规则：周日休息, 1号到7号为第一周) do not date the chain. A relative word is counted back from today, the
    day of the paste — not from the day chosen, so choosing the day a title names never moves it. 今天/今日 in a title says nothing about which day it is (it is the day the chain was
    posted, which is the day chosen), so it gives no title day, but a weekday next to it does (`今天周三`
    logged on a Thursday names Wednesday); so does a week's weekday (`上周五打卡` on a Monday names last Friday,
    `本周三` this week's Wednesday: _week_day). A heading made of those header lines is not read again below."""
    title_seen = False
    for line in lines:
        if line.kind == "entry":
            break
        if line.kind == "header":
            folded = month_words(english_day_words(reading(line.raw), near, clock.today()), clock.today())
            words = _CHAIN_TAG_RE.sub("", folded)
            is_title = not title_seen and bool(words.strip())
            title_seen = title_seen or is_title
            if is_title and order_doubt(line.raw, near) is not None:
                return None  # Check-in 11/12 on 13 December: 11 December or 12 November? — asked (title_doubt)
            written = _written_match(folded, near, dom_alone=is_title)
            found = written[0] if written is not None else None
            wd = _weekday_beside(folded, written[1]) if written is not None else None
            if found is not None and wd is not None and _WEEKDAY_NO[wd] != found.weekday():
                return None  # 12月7日（周二） when 12-07 is a Monday: one of the two is a typo — asked (title_doubt)
            if found is None and is_title:  # 昨日早起打卡: yesterday from today, the day it is pasted — not from
                # the day chosen (choosing the day it names must not move it: 12月3日, then 12月2日 …)
                found = _relative_day(words, clock.today(), today=False)
                said = next((m for m in _RELATIVE_DAY_RE.finditer(words) if not m["today"]), None)
                if said is not None and said["wd"] and _WEEKDAY_NO[said["wd"]] == near.weekday():
                    # `#接龙 周六早起` logged for a Saturday weeks back: that Saturday, the day chosen — counted from
                    # today it was "dated" the latest Saturday, and the window offered to log it there, a wrong day
                    found = near if near <= clock.today() else found
            if found is None and is_title:  # 上周五打卡, pasted on Monday: last week's Friday, not today
                found = _week_day(words, clock.today())
            if found is not None:
                return found
    for line in lines:
        if _is_message(line) and line.date_text:
            if _weekday_disagrees(line.date_text, near):
                return None  # `张三 12月6日 星期一 07:05` (12-06 is a Sunday): asked (title_doubt)
            found = _stamp_day(line.date_text, near)
            if found is None and impossible_stamp_date(line.date_text, near) is not None:
                return None  # `张三 2/30 07:58`: a day that does not exist — asked (title_doubt), never the day logged
            if found is not None:
                # a log copied across midnight (`李四 12/6 23:58` … `张三 00:03`, pasted on the 7th) names each
                # message's day itself: one that holds the day being logged logs that day's, the evening before's
                # other_day — not "the chain is dated the 6th" for the morning's check-ins
                return near if near in _stamp_days(lines, near).values() else found
    for line in lines:  # a chat log under a separator (—— 12月3日 ——, 昨天 06:10, a bare 06:05 for today)
        if _is_message(line) and line.heading and is_separator(line.heading):
            if _weekday_disagrees(separator_date(line.heading), near):
                return None  # —— 12月6日 星期一 ——: asked (title_doubt)
            return _heading_day(line.heading, near)
    return None


# day and month in digits, either way round (11/12, 11.12, 11-12-2026): which is the day, an English title does not say
_EN_EITHER_ORDER_RE = re.compile(
    r"(?<![\d/.\-:])(?P<a>0?[1-9]|1[0-2])(?P<sep>[/.\-])(?P<b>0?[1-9]|1[0-2])(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\d/.\-:])"
)
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")


def order_doubt(title: str, near: date) -> str | None:
    """Day and month in digits on an English title that read as two days near `near`, as written; else None.

    A Chinese title writes the month first (12/3 is 12月3日); an English-speaking group may write either: 11/12 is 11
    December in London and Singapore, 12 November in New York, and members of one group come from both. Neither the
    language of the window nor of the title says which. When only one reading is a day near the one logged (7/12
    pasted on 7 December: not 12 July) it is that one (_either_order); when both are (11/12 pasted on 13 December:
    11 December or 12 November), the paste asks (title_doubt `order`) — never a guess. A title is English when it has
    English words and no Chinese besides the #接龙 tag; a title of digits alone is read month first, as before."""
    words = _CHAIN_TAG_RE.sub("", reading(title))
    if not _LATIN_WORD_RE.search(words) or any(_is_han(ch) for ch in words):
        return None
    for m in _EN_EITHER_ORDER_RE.finditer(words):
        a, b = int(m["a"]), int(m["b"])
        if a == b or not _plain_date(words, m):
            continue
        year = (int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)) if m["y"] else None
        if _recent(_digits_day(a, b, year, near), near) and _recent(_digits_day(b, a, year, near), near):
            return m[0]
    return None


def _weekday_disagrees(text: str, near: date) -> bool:
    """A stamp's or separator's written date and the weekday beside it are different days (12月6日 星期一 when 12-06
    is a Sunday) — WeChat never writes that; someone typed it, and which of the two is right is not known."""
    folded = english_day_words(reading(chinese_date_words(text)), near)
    written = _written_match(folded, near)
    wd = _weekday_beside(folded, written[1]) if written is not None else None
    return written is not None and wd is not None and _WEEKDAY_NO[wd] != written[0].weekday()


def impossible_title_date(lines: list[PasteLine], near: date) -> str | None:
    """A date written on a chain's header lines (before the first entry) that is no day of the calendar — `#接龙
    11月31日早起打卡`, `2026-02-29`, `2月30日` — as written; None when there is none. title_day passes over such a date
    (it names no day), and the chain was logged for the day chosen without a word: it is a typo for a day the paste
    cannot know, so the window and the CLI ask which day it is."""
    title_seen = False
    for line in lines:
        if line.kind == "entry":
            break
        if line.kind != "header":
            continue
        folded = english_day_words(reading(line.raw), near)
        is_title = not title_seen and bool(_CHAIN_TAG_RE.sub("", folded).strip())
        title_seen = title_seen or is_title
        for m in _TITLE_DATE_RE.finditer(folded):
            if not _names_the_day(folded, m):
                continue
            if m["y"]:
                year, month, dom = int(m["y"]), int(m["m"]), int(m["d"])
            elif m["yy"]:
                year, month, dom = 2000 + int(m["yy"]), int(m["ym"] or m["ym2"]), int(m["yd"] or m["yd2"])
            elif m["m2"]:
                year, month, dom = None, int(m["m2"]), int(m["d2"])
            elif m["cm"] and not m["cy"]:
                month, dom, year = cn_number(m["cm"]) or 0, cn_number(m["cd"]) or 0, None
            elif m["d4"] and is_title and 1 <= int(m["d4"]) <= 31:
                # the title's day of the month alone, of the nearest month, which lacks it (29号打卡 on 1 March 2027)
                if _day_of_month(int(m["d4"]), near, on_or_before=False) is None:
                    return m.group(0).strip()
                continue
            else:
                continue
            if not (1 <= month <= 12 and 1 <= dom <= 31):
                continue  # 13月5日, 12月45日: no date at all, not a day that does not exist
            if year is not None:
                try:
                    date(year, month, dom)
                except ValueError:
                    return m.group(0).strip()
            elif _infer_year(month, dom, near) is None:
                return m.group(0).strip()
    for line in lines:  # a typed chat log's stamp (`张三 2/30 07:58`, `张三 2/29 23:58` in 2027): no day either
        if _is_message(line) and line.date_text and (bad := impossible_stamp_date(line.date_text, near)) is not None:
            return bad
    return None


def impossible_stamp_date(text: str, near: date) -> str | None:
    """The date a chat stamp writes when it is no day of the calendar (2/30, 2027-02-29, 2月29日 read in 2027), as
    written; None when its first date is a day, or it writes none. Before, such a stamp dated nothing and its message
    was logged on the day being logged — `张三 2/29 23:58` pasted on 1 March 2027 a check-in of 1 March at 23:58."""
    folded = english_day_words(reading(chinese_date_words(text)), near)
    for m in _TITLE_DATE_RE.finditer(folded):
        if m["y"]:
            year, month, dom = int(m["y"]), int(m["m"]), int(m["d"])
        elif m["m2"]:
            year, month, dom = None, int(m["m2"]), int(m["d2"])
        elif m["m3"]:
            year = None
            month, dom = _either_order(int(m["m3"]), int(m["d3"]), None, near)
        else:
            continue
        if not (1 <= month <= 12 and 1 <= dom <= 31):
            return None
        if year is not None:
            try:
                date(year, month, dom)
            except ValueError:
                return m.group(0).strip()
            return None
        return m.group(0).strip() if _infer_year(month, dom, near) is None else None
    return None


_UNSURE_DAY_RE = re.compile(rf"(?P<lunar>{_LUNAR})|(?P<holiday>{_HOLIDAY})|(?P<weekend>(?<![每下]){_WEEKEND})")
_UNSURE_MAKEUP_RE = re.compile(
    rf"{_NOT_MAKEUP}补\s*(?:卡|打卡|签|交)?\s*(?:一下)?\s*(?P<w>(?:{_LUNAR}|{_HOLIDAY}|{_WEEKEND})\S*)"
    rf"|(?P<w2>(?:{_LUNAR}|{_HOLIDAY}|{_WEEKEND}))\S{{0,3}}?\s*补(?:卡|打卡|签)"
)
_YEAR_DATE_RE = re.compile(
    r"(?<![\d.:/\-])(?P<y>20\d\d|[2-9]\d)\s*(?P<s>[-/.年])\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?![\d.:/\-])"
)


def _weekend_days(word: str, today: date) -> tuple[date, date]:
    """The Saturday and Sunday a 周末 word names, counted from `today`'s week (Monday to Sunday): 周末 / 本周末 this
    week's, 上周末 last week's, 上上周末 the week before's."""
    saturday = _in_week(today, word, "六")
    return saturday, saturday + timedelta(days=1)


def title_doubt(lines: list[PasteLine], day: date) -> tuple[str, str] | None:
    """Words of a chain's title that name its day in a way QunDesk cannot settle, as (kind, words as written); None when
    there are none. `day` is the day being logged. The paste asks which day (the window's banner, the CLI's --date),
    never logging the chain on a day it guessed:

    * ``no_such_day`` — a date that is no day of the calendar (11月31日, 2月30日; impossible_title_date);
    * ``weekday`` — a date and the weekday beside it that are different days (12月7日（周二） when 12-07 is a Monday,
      12/07(二), Tue 7 Dec): which one is the typo is not known;
    * ``lunar`` — a lunar date or a holiday of the lunar calendar (腊月初八, 农历十月廿八, 正月初一, 春节, 中秋): QunDesk
      keeps no lunar calendar, so it never turns one into a solar day;
    * ``holiday`` — a holiday of several days (国庆, 五一, 圣诞), unless the day being logged is in it (10-01…10-07,
      05-01…05-05, 12-24…12-25);
    * ``weekend`` — 周末 / 上周末 (Saturday or Sunday?), unless the day being logged is one of those two days;
    * ``order`` — an English title's day and month in digits that read as two days near the one logged (11/12:
      11 December or 12 November? order_doubt);
    * ``moving_holiday`` — Thanksgiving, Easter: a holiday whose date moves from year to year (and Thanksgiving's
      between countries); Christmas is ``holiday`` (圣诞), Lunar New Year ``lunar`` (春节), Christmas Eve its date;
    * ``which_week`` — `last Friday` / `this Friday` when English names two days by it (said on a Saturday: yesterday,
      or the Friday of last week? leave_words.en_week_word_day).

    A written date that is a day of the calendar and agrees with its weekday settles the title: the words beside it are
    a theme (`12月24日 平安夜打卡`). Read on the title line (a description line's 周末休息 says nothing)."""
    for line in lines:
        if line.kind == "entry":
            break
        if line.kind != "header":
            continue
        folded = month_words(english_day_words(reading(line.raw), day, clock.today()), clock.today())
        if _CHAIN_TAG_RE.sub("", folded).strip():
            either = order_doubt(line.raw, day)
            if either is not None:
                return "order", either
        written = _written_match(folded, day)
        if written is not None:
            wd = _weekday_beside(folded, written[1])
            if wd is not None and _WEEKDAY_NO[wd] != written[0].weekday():
                end = _WEEKDAY_AFTER_RE.match(folded, written[1].end())
                start = written[1].start()
                if end is None:
                    before = _WEEKDAY_BEFORE_RE.search(folded[:start])
                    start = before.start() if before is not None else start
                words = folded[start : end.end() if end is not None else written[1].end()]
                return "weekday", words.strip()
            return None
        impossible = impossible_title_date([line], day)
        if impossible is not None:
            return "no_such_day", impossible
        words = _CHAIN_TAG_RE.sub("", folded)
        if not words.strip():
            continue
        which = _EN_WHICH_WEEKDAY_RE.search(words)
        if which is not None:  # last Friday said on a Saturday: english_day_words left it, as it names no one day
            return "which_week", which[0]
        moving = _EN_MOVING_HOLIDAY_RE.search(words)
        if moving is not None:  # Thanksgiving check-in: which Thursday (the US's or Canada's?), Easter's date moves
            return "moving_holiday", moving[0]
        for m in _UNSURE_DAY_RE.finditer(words):
            if m["lunar"]:
                return "lunar", _as_written(line.raw, m.group(0))
            if m["holiday"]:
                spans = {
                    "国": ((10, 1), (10, 7)),
                    "五": ((5, 1), (5, 5)),
                    "劳": ((5, 1), (5, 5)),
                    "圣": ((12, 24), (12, 25)),
                }
                first, last = spans.get(m.group(0)[0], ((0, 0), (0, 0)))
                if not first <= (day.month, day.day) <= last:
                    return "holiday", _as_written(line.raw, m.group(0))
            if m["weekend"] and day not in _weekend_days(m["weekend"], clock.today()):
                return "weekend", m.group(0)
        return None  # the title line said what it says: header lines below it are descriptions
    for line in lines:  # a chat log's first dated stamp or separator
        if _is_message(line) and line.date_text:
            return ("weekday", line.date_text) if _weekday_disagrees(line.date_text, day) else None
    for line in lines:
        if _is_message(line) and line.heading and is_separator(line.heading):
            written = separator_date(line.heading)
            return ("weekday", written) if written and _weekday_disagrees(written, day) else None
    return None


def _as_written(raw: str, words: str) -> str:
    """The English holiday a title wrote (Christmas, Lunar New Year) for the Chinese words english_day_words read it
    as (圣诞, 春节): the window and the CLI name the words as the member wrote them."""
    for rx, cn in _EN_HOLIDAYS:
        found = rx.search(reading(raw)) if cn == words else None
        if found is not None:
            return found[0]
    return words


def unsure_makeup_words(text: str) -> str | None:
    """The words of a 补卡 line that name the day it makes up in a way QunDesk cannot date (补周末的: Saturday or
    Sunday?, 补上周末, 补腊月初八, 补春节, 国庆补卡), as written; None when there are none. Such a line is reported
    (reason day_unknown), never logged as a make-up of the day being logged or of a day guessed."""
    m = _UNSURE_MAKEUP_RE.search(reading(text))
    return (m["w"] or m["w2"]).strip() if m is not None else None


def makeup_day_unsure(text: str, posted: date) -> bool:
    """Whether a 补卡 line names the day it makes up in words QunDesk cannot date (unsure_makeup_words: 补周末的,
    补腊月初八, 国庆补卡) — unless it also writes a date it can (补国庆 10月3日) — or with a date and a weekday that are
    different days (补12月7日（周二） when 12-07 is a Monday), or in English words that name two days (make-up for
    last Friday said on a Saturday, make-up for 11/12 on 13 December: english_makeup). Reported (day_unknown), never
    logged."""
    english, unsure = english_makeup(reading(text), posted)
    if unsure is not None:
        return True
    text = english
    folded = month_words(reading(text), posted)
    written = _written_match(folded, posted, dom_alone=True)
    if written is not None:
        wd = _weekday_beside(folded, written[1])
        return wd is not None and _WEEKDAY_NO[wd] != written[0].weekday()
    return unsure_makeup_words(text) is not None and _late_day(text, posted) is None


_LOOSE_RELATIVE_RE = re.compile(r"(?P<rel>大前天|前天|昨天|昨日|昨晚|昨夜|(?<![睡提之以饭午])前晚(?![安饭餐]))")
_LOOSE_DATE_RE = re.compile(r"(?<![\d:])(?P<m>\d{1,2})\s*(?:月|-|/)\s*(?P<d>\d{1,2})(?:\s*[日号])?(?![\d:])")


# An English make-up (`Amy (late for Fri)`, `make-up for Monday`, `late check-in for the 5th`, `catching up Saturday`,
# `Friday's make-up`, `Amy (late)`): english_makeup writes it as the 补 line the rules below read. `late` alone is no
# make-up (`done late`, `late night run`: the day's own check-in), only with the day it makes up or in brackets.
_EN_MAKEUP_WORD = (
    r"(?:make[\s-]?ups?|makeups?|making\s+up(?:\s+for)?|made\s+up(?:\s+for)?|catch(?:ing)?[\s-]?up(?:\s+(?:on|for))?"
    r"|catch-?ups?|back[\s-]?fill(?:ed|ing)?)"
)
_EN_MAKEUP_FILLER = r"(?:\s*(?:check[\s-]?ins?|checkins?|entry|post|run|reading|for|from|on|of|:|-|–))*\s*"
_EN_MONTH = _EN_MONTH_WORD.replace("?P<mon>", "?:")
_EN_MAKEUP_DAY = (
    rf"(?P<day>(?:the\s+)?day\s+before\s+yesterday|yesterday(?:'s)?|last\s+night|(?:last|this)\s+{EN_WEEKDAY}"
    rf"|{EN_WEEKDAY.replace('?P<wd>', '?P<wd2>')}"
    rf"|(?:the\s+)?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?:\s+(?:of\s+)?{_EN_MONTH})?"
    rf"|{_EN_MONTH}\s*(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    rf"|(?:[1-9]|[12]\d|3[01])\s+{_EN_MONTH}"
    r"|\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?(?![\d:])|day\s*\d{1,3}(?!\d))"
)
_EN_MAKEUP_RE = re.compile(
    rf"(?<![a-z])(?:{_EN_MAKEUP_WORD}|late(?=\s*(?:check[\s-]?in\s*)?(?:for|from|on)\b))(?![a-z])"
    rf"(?:{_EN_MAKEUP_FILLER}{_EN_MAKEUP_DAY}(?![a-z]))?"
    rf"|(?<![a-z])(?P<before>(?:the\s+)?day\s+before\s+yesterday|yesterday|{EN_WEEKDAY.replace('?P<wd>', '?P<wd3>')})"
    rf"(?:'s)?\s+(?:late\s+)?(?:{_EN_MAKEUP_WORD})(?![a-z])"
    r"|[(（\[]\s*late\s*[)）\]]",
    re.IGNORECASE,
)


def english_makeup(text: str, posted: date) -> tuple[str, str | None]:
    """(`text` with an English make-up written as the 补 line the Chinese rules read, the English words naming the day
    it makes up when English leaves that open — else None). `posted` is the day the line was posted.

    late for Fri / make-up for Friday / Friday's make-up → 补 that weekday (the latest before `posted`, as 补周五); make-up
    for yesterday → 补昨天; late check-in for the 5th → 补5号; make-up Dec 5 / 5 Dec → 补12月5日; make-up Day 2 → 补第2天
    (the camp's day); make-up for 5/12 → the reading of day and month that is a day before `posted` within
    MAX_MAKE_UP_DAYS — when both are (11/12 on 13 December), the words are returned: the day is not known; make-up for
    last Friday → that day when English names one by it (leave_words.en_week_word_day), else the words; (late),
    make-up alone → 补 (a make-up of the chain's day)."""
    text = cn_makeup_dates(text)  # 补十二月三十一日: the day in digits, as every reader below takes it
    if not _EN_MAKEUP_RE.search(text):
        return text, None
    unsure: list[str] = []

    def written(m: re.Match[str]) -> str:
        phrase = m["day"] or m["before"]
        if phrase is None:
            return " 补 "
        low = phrase.casefold()
        wd = m["wd"] or m["wd2"] or m["wd3"]
        if "before" in low:
            return " 补前天 "
        if low.startswith("yesterday") or low == "last night":
            return " 补昨天 "
        if low.startswith(("last", "this")) and wd:
            found = en_week_word_day(low.split()[0], en_weekday_no(wd), posted)
            if found is None or found >= posted:
                unsure.append(phrase)
                return " 补 "
            return f" 补{found.month}月{found.day}日 "
        if wd:
            return f" 补周{'一二三四五六日'[en_weekday_no(wd)]} "
        if low.startswith("day"):
            return " 补第" + str(int(re.sub(r"\D", "", low))) + "天 "
        digits = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?", low)
        if digits is not None:
            a, b = int(digits[1]), int(digits[2])
            found = set()
            for month, dom in ((a, b), (b, a)):
                if 1 <= month <= 12:
                    d = _infer_year(month, dom, posted) if dom <= 31 else None
                    if d is not None and 0 < (posted - d).days <= MAX_MAKE_UP_DAYS:
                        found.add(d)
            if len(found) != 1:
                unsure.append(phrase)
                return " 补 "
            d = found.pop()
            return f" 补{d.month}月{d.day}日 "
        cn = english_day_words(phrase, posted)
        alone = re.fullmatch(r"\s*(\d{1,2})日\s*", cn)
        if alone is not None:
            return f" 补{int(alone[1])}号 "
        if re.search(r"\d月\d{1,2}日", cn):
            return f" 补{cn.strip()} "
        return " 补 " + phrase + " "

    rewritten = _EN_MAKEUP_RE.sub(written, text)
    return rewritten, (unsure[0] if unsure else None)


# a chain line's own words saying it is yesterday's (`李四 昨天的`, `李四 前天打卡`): nothing else on the line
_ENTRY_RELATIVE_RE = re.compile(r"^\s*(?P<rel>昨天|昨日|前天)\s*(?:的)?\s*(?:卡|打卡|签到)?\s*[。.!！~～]*\s*$")


_BESIDES_RE = re.compile(r"顺便|顺带|同时|另外|也|还|[+＋&]|(?i:(?<![a-z])(?:too|also|and|plus|as\s+well)(?![a-z]))")
_OWN_CHECKIN_RE = re.compile(r"打卡|签到|[✅✔☑]|(?i:(?<![a-z])(?:done|checked\s+in|check-?in)(?![a-z]))")


def _checks_in_besides_makeup(text: str) -> bool:
    """Whether a 补 line checks in for its own day besides (`打卡，顺便补昨天的`, `done, 补昨天 too` as english_makeup
    writes `done, making up yesterday too`): a clause of its own with 打卡/✅/done and no 补, and a word saying
    "besides" (顺便, 也, 还, +, too, also, and). `打卡 补卡` / `补打卡` alone is a make-up only."""
    # `打卡+补昨天`: the + splits as a comma does (the 打卡 was read inside the 补 clause: the day's check-in lost)
    clauses = [c for c in re.split(r"[，,。；;！!？?\s+＋&]+|(?<![A-Za-z])-+", plain_checkin_words(text)) if c]
    own = [c for c in clauses if _OWN_CHECKIN_RE.search(c) and not _LATE_RE.search(c)]
    # `今天打卡，昨天忘了打`: a clause that checks in *today* says its own day as plainly as 顺便 does
    return bool(own) and (_BESIDES_RE.search(text) is not None or any(_TODAY_WORD_RE.search(c) for c in own))


def _own_clause_beside_makeup(text: str) -> bool:
    """Whether a 补 line has a clause of its own with 打卡/✅/done and no 补 (`✅ 补签昨天`), with no word saying
    "besides" (that is _checks_in_besides_makeup): the mark may be the day's check-in or the make-up's own."""
    clauses = [c for c in re.split(r"[，,。；;！!？?\s+＋&]+|(?<![A-Za-z])-+", plain_checkin_words(text)) if c]
    return any(_OWN_CHECKIN_RE.search(c) and not _LATE_RE.search(c) for c in clauses)


_TODAY_WORD_RE = re.compile(r"今天|今日|(?i:(?<![a-z])today(?![a-z]))")

# A make-up in the words members use besides 补卡: 补个卡 / 补一下卡 (as 打个卡 is 打卡), 补一下昨天的 (补昨天的), and
# 昨天忘了打 / 昨天的忘记打卡了 (forgot to post yesterday's: it is posted now, a make-up of yesterday). They were read as
# the day's own check-in — 王五 补个卡 not late, 刘红 昨天忘了打 logged today, 李四 ✅ 也补一下昨天的 losing the make-up.
_MAKEUP_SPLIT_RE = re.compile(
    r"补\s*(?:个|一个|一下|下)\s*(?=卡|打卡|签)|补\s*(?:一下|下)\s*(?=大?前天|昨|前晚|上?周|星期|\d|[一二三四五六七八九十]{1,3}\s*[月号])"
)


# the day a make-up names in Chinese numerals (补十二月三十一日, 补三十一号, 十二月三十一日补卡): written in digits for the
# rules below — before, 补十二月三十一日 pasted on 1 January was no 补卡 at all, an on-time check-in of 1 January
_CN = "[一二三四五六七八九十]"
_CN_MAKEUP_DATE_RE = re.compile(
    rf"(?P<pre>{_NOT_MAKEUP}补\s*(?:卡|打卡|签|一下|下)?\s*)(?:(?P<m>{_CN}{{1,2}})\s*月\s*(?P<d>{_CN}{{1,3}})\s*(?P<e>[日号])"
    rf"|(?P<dom>{_CN}{{1,3}})\s*(?P<e2>号))"
    rf"|(?P<m3>{_CN}{{1,2}})\s*月\s*(?P<d3>{_CN}{{1,3}})\s*(?P<e3>[日号])(?=\s*(?:的)?\s*补(?:卡|打卡|签))"
    rf"|(?<!{_CN})(?P<dom3>{_CN}{{1,3}})\s*号(?=\s*(?:的)?\s*补(?:卡|打卡|签))"
)


def cn_makeup_dates(text: str) -> str:
    """`text` with a make-up's day in Chinese numerals written in digits (补十二月三十一日 → 补12月31日, 三十一号补卡 →
    31号补卡); numerals that are no month or day are left as written."""

    def digits(m: re.Match[str]) -> str:
        month, dom = m["m"] or m["m3"], m["d"] or m["dom"] or m["d3"] or m["dom3"]
        day_no = cn_number(dom)
        month_no = cn_number(month) if month else None
        if day_no is None or (month is not None and month_no is None):
            return m[0]
        end = m["e"] or m["e2"] or m["e3"] or "号"
        return f"{m['pre'] or ''}{f'{month_no}月' if month_no else ''}{day_no}{end}"

    return _CN_MAKEUP_DATE_RE.sub(digits, text) if "补" in text else text


# 补打昨天的卡 (补 + 打 + the day), 昨天的也补上 / 昨天的卡补上 (the day, then 补上): a make-up of that day. The first was
# no make-up at all (`李四 6:02 打卡 补打昨天的卡` logged today only), the second today's check-in (`王五 ✅ 昨天的也补上`)
_MAKEUP_DAY_FIRST_RE = re.compile(
    r"(?P<rel>大前天|前天|昨天|昨日|昨晚|前晚)\s*(?:的卡?)?\s*(?P<also>也|都|一起|一并)?\s*补(?:上|一下|下|了)(?!\s*[卡签打])"
)
_MAKEUP_DO_RE = re.compile(r"补\s*打\s*(?=大?前天|昨|前晚|上?周|星期|\d)")


_TODAY_FIRST_MAKEUP_RE = re.compile(
    r"补\s*(?P<today>今天|今日)\s*(?:的)?(?P<sep>\s*(?:和|与|跟|及|还有|、|,|，|\+|＋|&|/)?\s*)"
    r"(?P<other>昨天|昨日|大前天|前天|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*号)"
)


def makeup_words(text: str) -> str:
    """`text` with a make-up written as the rules read one (see _MAKEUP_SPLIT_RE): 补个卡 → 补卡, 补一下昨天的 →
    补昨天的, 昨天忘了打 → 补昨天, 补打昨天的卡 → 补昨天的卡, 昨天的也补上 → 补昨天, 补十二月三十一日 → 补12月31日. Only
    for reading words, after `reading`."""
    text = _MAKEUP_DO_RE.sub("补", _MAKEUP_SPLIT_RE.sub("补", text))
    text = _MAKEUP_DAY_FIRST_RE.sub(lambda m: f"{m['also'] or ''} 补{m['rel']}", text)  # 也 still says "besides"
    text = cn_makeup_dates(text)
    # 补今天和昨天的卡: today first, the make-up after it (read as today's check-in only: the make-up lost) → 补昨天和今天
    text = _TODAY_FIRST_MAKEUP_RE.sub(lambda m: f"补{m['other']}{m['sep']}{m['today']}", text)
    return FORGOT_DAY_RE.sub(lambda m: f"补{m['rel']}", text)


# a date written as one on a chain line: 2026-11-17, 11月17日, 11-17 (never 2/3 or 5.2, counts and distances)
_ENTRY_DATE_RE = re.compile(
    r"(?<![\d/.:\-])(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}[日号]?|\d{1,2}-\d{1,2})(?![\d/.:\-])"
)


def _entry_day(text: str, day: date) -> date | None:
    """The day a chain entry's own words name without 补 (`11-17 打卡`, `11月17日`, `2026-11-17`, `昨天的`), or None —
    a day of the month alone (17号) or a date inside other words read as a day only where `_written_day` reads one."""
    rel = _ENTRY_RELATIVE_RE.match(text)
    if rel is not None:
        return day - timedelta(days=_RELATIVE_BACK[rel["rel"]])
    m = None if _LATE_RE.search(text) else _ENTRY_DATE_RE.search(text)
    said = _written_day(m[0], day, dom_alone=False) if m is not None else None
    # a date far from the chain's is no day of this line's (a count, a page range): read as before
    return said if said is not None and abs((said - day).days) <= MAX_MAKE_UP_DAYS else None


# One make-up naming several days (补昨天和今天, 补前天和昨天, 补1号2号, 补周一、周二): _late_day reads the first — the
# others were lost without a word (`王五 补昨天和今天` logged yesterday only). Each day word after the 补, joined by 和 /
# 、 / , / 跟 / + or nothing, is a day of its own; 今天 is the day's own check-in (on time).
_MAKEUP_DAY_WORD = rf"(?:(?:今天|今日)(?!\s*(?:才|再|来)?\s*补)|昨天|昨日|大前天|前天|\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]?|\d{{1,2}}\s*[号日]|{_WEEKDAY}[一二三四五六日天])"
_MAKEUP_DAYS_RE = re.compile(
    rf"{_NOT_MAKEUP}补\s*(?:卡|打卡|签)?\s*(?:的)?\s*(?P<days>{_MAKEUP_DAY_WORD}"
    rf"(?:\s*(?:的)?\s*(?:和|与|跟|及|以及|还有|、|,|，|\+|＋|&|/)?\s*{_MAKEUP_DAY_WORD})+)"
)
_ONE_MAKEUP_DAY_RE = re.compile(_MAKEUP_DAY_WORD)


def makeup_days(text: str, posted: date) -> list[date]:
    """Every day a make-up naming several (补昨天和今天, 补1号2号) names, in the order written — `posted` itself for 今天;
    [] when it names one day or none (that is _late_day's)."""
    m = _MAKEUP_DAYS_RE.search(makeup_words(reading(text)))
    if m is None:
        return []
    out: list[date] = []
    for word in _ONE_MAKEUP_DAY_RE.findall(m["days"]):
        said = posted if word in ("今天", "今日") else _late_day(f"补{word}", posted)
        if said is None:
            return []  # a day that is none (补30号31号 in February): as one make-up, as before
        if said not in out:
            out.append(said)
    return out if len(out) > 1 else []


def _late_day(text: str, day: date) -> date | None:
    """The day a 补卡 line makes up, when it names one, `day` being the day being logged: 补11月18日, 11-18补卡
    (the year nearest `day`); 补1号, 补 2号的卡, 2号补卡 (the latest such day of the month on or before `day`, this
    month's or the month before's — one that month lacks, 补29号 on 1 March, names none: `names_no_day`);
    补昨天/补昨日, 补前天, 补大前天; 补周二, 周二补卡 (the latest Tuesday *before* `day`, 1–7 days back: 补周四
    on a Thursday is last week's); else a date anywhere on the line (【补卡】白雪 11-19), else 昨天/前天 anywhere on it
    (补打卡（昨天）, 前天的补卡, 昨天忘了 补); 补上个月30号 / 补本月5号 that month's day (month_words); 补昨晚 / 补前晚
    as 补昨天 / 补前天; an English make-up as english_makeup writes it. None when it names none (张三丰（补）, 补卡): the
    line makes up `day`."""
    folded = month_words(english_makeup(reading(text), day)[0], day)
    full = _YEAR_DATE_RE.search(folded)
    if full is not None:  # 补2026.12.6, 补26.12.6, 补2025年12月6日: the day written, of the year written
        year = int(full["y"]) + (2000 if len(full["y"]) == 2 else 0)
        try:
            return date(year, int(full["m"]), int(full["d"]))
        except ValueError:
            return None
    m = _LATE_DAY_RE.search(folded)
    if m is None:  # 【补卡】白雪 11-19: a date anywhere on the line (never 5.2, which is 5.2 km as often as May 2)
        loose = _LOOSE_DATE_RE.search(folded)
        if loose is None and _NEW_YEAR_RE.search(folded):  # 补卡（元旦）, 元旦那天的卡补一下
            return _new_years_day(day)
        if loose is None:  # 补打卡（昨天）, 前天的补卡, 昨天忘了 补: the day before anywhere on a 补卡 line
            rel = _LOOSE_RELATIVE_RE.search(folded)
            return day - timedelta(days=_RELATIVE_BACK[rel["rel"]]) if rel else None
        return _infer_year(int(loose["m"]), int(loose["d"]), day) if 1 <= int(loose["m"]) <= 12 else None
    if m["rel"]:
        return day - timedelta(days=_RELATIVE_BACK[m["rel"]])
    if m["ny"] or m["ny2"]:
        return _new_years_day(day)
    if m["wk"] or m["wk2"]:  # 补上周五: last week's Friday, whichever day of this week it is logged on
        return _in_week(day, m["wk"] or m["wk2"], m["wd"] or m["wd2"])
    if m["wd"] or m["wd2"]:
        return _weekday_back(day, m["wd"] or m["wd2"], today_counts=False)
    if m["dom"] or m["dom2"]:
        dom = int(m["dom"] or m["dom2"])
        return _day_of_month(dom, day, on_or_before=True) if 1 <= dom <= 31 else None
    month, dom = (int(m["m"]), int(m["d"])) if m["m"] else (int(m["m2"]), int(m["d2"]))
    return _infer_year(month, dom, day) if 1 <= month <= 12 and 1 <= dom <= 31 else None


# A camp's make-up named by the camp's day (补第2天, 补卡 Day 2, 第2天的补卡): which date that is, only the chain's own
# camp day says (a title 第3天打卡 / Day3: 第2天 is the day before the chain's). The member's own counter in brackets
# (补卡（第23天）) is no such day.
_CAMP_N = r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})"
_CAMP_MAKEUP_RE = re.compile(
    rf"{_NOT_MAKEUP}补\s*(?:卡|打卡|签)?\s*(?:第\s*(?P<n>{_CAMP_N})\s*天|(?<![a-z])day\s*(?P<n2>[0-9]{{1,3}})(?![0-9]))"
    rf"|(?:第\s*(?P<n3>{_CAMP_N})\s*天|(?<![a-z])day\s*(?P<n4>[0-9]{{1,3}})(?![0-9]))\s*(?:的)?\s*补(?:卡|打卡|签)",
    re.IGNORECASE,
)
_CAMP_TITLE_DAY_RE = re.compile(
    rf"第\s*(?P<n>{_CAMP_N})\s*(?:[/／]\s*[0-9]{{1,3}}\s*)?天"
    # Day 3, D3 — not D1班, D3组: a class's or a team's name, no day of the camp
    r"|(?<![a-z])(?:day\s*|d)(?P<n2>[0-9]{1,3})(?![0-9])(?!\s*[班组队区栋楼层座排号])",
    re.IGNORECASE,
)
# 第3周第5天 / Week 3 Day 5: a day of the week, not of the camp; 开营倒计时第3天 / 开营前第2天 / 预热第1天: days before it
_CAMP_WEEK_BEFORE_RE = re.compile(
    r"(?:(?:周|星期|礼拜|week\s*[0-9]{1,2})\s*[,，、-]?|倒计时|开营前|营前|预热|热身)\s*$", re.IGNORECASE
)


def _camp_counts(text: str) -> list[tuple[int, re.Match[str]]]:
    """The camp day counts a text writes (第15天, 第5/21天, Day 15, D15, 第十五天), not a day of a week (第3周第5天) nor
    of the count-down before the camp (开营倒计时第3天, 开营前第2天, 预热第1天)."""
    out = []
    for m in _CAMP_TITLE_DAY_RE.finditer(text):
        if _CAMP_WEEK_BEFORE_RE.search(text[: m.start()]):
            continue
        n = _camp_number(m["n"] or m["n2"] or "")
        if n is not None:
            out.append((n, m))
    return out


def _camp_number(text: str) -> int | None:
    return int(text) if text.isdigit() else cn_number(text.replace("两", "二"))


def camp_makeup_day(text: str) -> int | None:
    """The camp day a 补卡 line makes up when it names one by number (补第2天, 补卡Day2, 第二天的补卡), else None."""
    m = _CAMP_MAKEUP_RE.search(reading(text))
    if m is None:
        return None
    return _camp_number(next(g for g in (m["n"], m["n2"], m["n3"], m["n4"]) if g))


def title_camp_day(heading: str | None) -> int | None:
    """The camp day a chain's title names (21天写作营 第3天打卡, Day 3), when it names exactly one; else None."""
    found = {n for n, _m in _camp_counts(reading(heading or ""))}
    return found.pop() if len(found) == 1 else None


# a header line that states a rule about days (第二天补卡无效, 第3天前交作业) rather than naming the chain's day
_CAMP_RULE_LINE_RE = re.compile(r"补|规则|须知|说明")
_CAMP_RULE_AFTER_RE = re.compile(r"\s*(?:[之以]?[前后]|内|起|开始|到|至|[-~～—])")
CAMP_TITLE_LINE_MAX = 40  # characters: a longer header line is a description, not the chain's title


def title_camp_number(lines: Sequence[PasteLine]) -> tuple[int, str] | None:
    """The camp day a paste's chain names on its header lines before the first entry (`#接龙 第15天打卡`, `Day 15
    check-in`, `D15`, `第十五天`), with its words as written; None when they name none, or more than one.

    Only short header lines count, not one about make-ups or rules (`第二天补卡无效`), and not a day count that
    starts a span or a deadline on its line (`第3天前交作业`, `第1天到第7天`): a camp's description names days that are not the
    chain's."""
    found: dict[int, str] = {}
    for line in lines:
        if line.kind == "entry":
            break
        if line.kind != "header":
            continue
        words = _CHAIN_TAG_RE.sub("", reading(line.raw)).strip()
        if not words or len(words) > CAMP_TITLE_LINE_MAX or _CAMP_RULE_LINE_RE.search(words):
            continue
        counts = _camp_counts(words)
        if any(_CAMP_RULE_AFTER_RE.match(words, m.end()) for _n, m in counts):
            continue  # 第1天到第7天为基础周, 第3天前交作业: a span or a deadline of the camp's, the line is no title
        for n, m in counts:
            found.setdefault(n, m.group(0).strip())
    return next(iter(found.items())) if len(found) == 1 else None


def group_camp(session: Session, group_id: int | None) -> tuple[date | None, int | None]:
    """The group's camp first day (开营日) and length in days, each None when not set."""
    if group_id is None:
        return None, None
    row = session.execute(select(Group.camp_start_day, Group.camp_days).where(Group.id == group_id)).first()
    return (row[0], row[1]) if row is not None else (None, None)


# a group's name that says it is a camp or a challenge of days (21天写作营, 百日挑战, Writing Camp, 30-day challenge) — not
# 运营 / 经营 / 营销 (a 社群运营交流群 is no camp)
_CAMP_NAME_RE = re.compile(
    r"(?<![运经阵国民])营(?![业销养收])|挑战|camp|challenge|[0-9一二三四五六七八九十百]+\s*天|百日|\d+\s*-?\s*days?",
    re.IGNORECASE,
)


def looks_like_camp(session: Session, group_id: int | None, title: str = "") -> bool:
    """Whether the group is a camp whose first day could date a title's 第N天: its kind is camp, its length is set,
    or its name — or the chain's title beside the count — says so (21天写作营, 百日挑战, Writing Camp, #接龙 21天早起挑战
    第3天). An early-rising group's 早起打卡 第45天 counts its own days: telling its organiser to set "the camp's first
    day" helps nobody."""
    if _CAMP_NAME_RE.search(unicodedata.normalize("NFKC", title)):
        return True
    if group_id is None:
        return False
    row = session.execute(select(Group.kind, Group.camp_days, Group.name).where(Group.id == group_id)).first()
    if row is None:
        return False
    kind, length, name = row
    return kind == "camp" or length is not None or bool(_CAMP_NAME_RE.search(unicodedata.normalize("NFKC", name)))


def camp_date(start: date, n: int) -> date:
    """The date of a camp's day `n`: day 1 is its first day (开营日)."""
    return start + timedelta(days=n - 1)


def camp_heading_day(heading: str | None, camp: tuple[date | None, int | None]) -> date | None:
    """The date a chain heading's camp day names (`#接龙 第13天打卡` with the first day set), None without a first day
    or a camp day: two days' chains pasted together (第12天, then 第13天) are each their own day's, as two dated ones."""
    start, length = camp
    n = title_camp_day(heading) if start is not None and heading else None
    if n is None or camp_day_outside(n, length) or _CAMP_RULE_LINE_RE.search(heading or ""):
        return None
    return camp_date(start, n)


def camp_day_outside(n: int, length: int | None) -> bool:
    """A day count that is no day of the camp: 第0天, or beyond its recorded length (第99天 of a 21-day camp)."""
    return n < 1 or (length is not None and n > length)


def names_no_day(text: str, day: date) -> bool:
    """A 补卡 line that writes a day which does not exist where it points (补29号 on 1 March 2027: February has
    28 days; 补31号 on 1 May; 补2月30日): reported, never logged on another day or on the day being logged."""
    folded = month_words(english_makeup(reading(text), day)[0], day)
    if _YEAR_DATE_RE.search(folded):  # 补2026.2.30: a date with its year that is no day
        return _late_day(text, day) is None
    m = _LATE_DAY_RE.search(folded)
    if m is None:
        return False
    dom, month = m["dom"] or m["dom2"] or m["d"] or m["d2"], m["m"] or m["m2"]
    # a day and month that could be a date (not 补卡 13.5公里: a distance, a 补卡 of the day being logged)
    plausible = dom is not None and 1 <= int(dom) <= 31 and (month is None or 1 <= int(month) <= 12)
    return plausible and _late_day(text, day) is None


def _new_years_day(day: date) -> date:
    """The 1 January a 补元旦 posted on `day` makes up: this year's (on New Year's Day itself, that day)."""
    return date(day.year, 1, 1)


def makeup_of_unsure_day(text: str, posted: date) -> bool:
    """A 补卡 message (not a promise) whose day QunDesk cannot date (makeup_day_unsure: 补周末的, 补腊月初八): the chat
    import counts it as no check-in at all — before, 补周末的 posted on Monday was Monday's check-in."""
    folded = english_makeup(reading(text), posted)[0]
    return bool(_LATE_RE.search(folded)) and not FUTURE_MAKEUP_RE.search(folded) and makeup_day_unsure(text, posted)


def made_up_day(text: str, posted: date) -> date | None:
    """The earlier day a make-up (补卡) posted on `posted` is for, when the text names it (补打卡昨天的, 补11月1日,
    补周二): the chat import's reading of a message. None for any other text, a promise (明天补), or a day not
    before `posted` or more than MAX_MAKE_UP_DAYS back."""
    folded = english_makeup(reading(text), posted)[0]
    if not _LATE_RE.search(folded) or FUTURE_MAKEUP_RE.search(folded) or makeup_day_unsure(text, posted):
        return None
    day = _late_day(text, posted)
    return day if day is not None and 0 < (posted - day).days <= MAX_MAKE_UP_DAYS else None


# ---------------------------------------------------------------- matching a paste


def match_paste(
    session: Session, group_id: int, text: str, day: date | None = None, *, signups: bool = False
) -> list[PasteMatch]:
    """Every person of every entry line with its match (header, example, blank and noise lines are left
    out; `line_outcomes` accounts for them). `day` is the day being logged: it dates 补卡 and chat-stamp lines.
    `signups`: an activity's sign-up list, where words like 上次没来 are a remark, not "has not checked in"."""
    keywords = () if signups else group_keywords(session, group_id)
    index = RosterIndex(session, group_id)
    matches = match_lines(index, parse_chat(text, index.names_someone), day, signups=signups, keywords=keywords)
    return beyond_chain_limit(matches) if signups else matches


# the number of places a sign-up chain's title gives (`周六徒步 限20人`, `名额15人`, `限额 8 位`)
_CHAIN_LIMIT_RE = re.compile(
    r"(?:限(?:额|报)?|最多|上限)\s*(\d{1,3})\s*[人位名个]|名额\s*[:：]?\s*(\d{1,3})\s*[人位名个]?(?!\d)"
    # Saturday hike (max 12), limit 12, 12 spots / places
    r"|(?i:(?<![a-z])(?:max(?:imum)?|limit(?:ed)?(?:\s+to)?)\s*[:：]?\s*(\d{1,3})(?!\d)|(?<![\d.])(\d{1,3})\s+(?:spots|places|seats)(?![a-z]))"
)


def chain_limit(heading: str | None) -> int | None:
    """限20人 in a chain's title: its number of places (None: no number said)."""
    found = _CHAIN_LIMIT_RE.search(unicodedata.normalize("NFKC", heading or ""))
    number = int(next(g for g in found.groups() if g)) if found else 0
    return number or None


def beyond_chain_limit(matches: list[PasteMatch]) -> list[PasteMatch]:
    """A chain titled 限20人 is full at its 20th sign-up: the 21st and after wait (候补) — they were signed up like the
    first twenty. Places are taken in the chain's order, each person once (a repeat takes none), and a sign-up taken
    back further down (`3. 张三 取消`, 请假, 没来) frees its place for the first who waits, as the chain's own rule
    does; a line still to decide (two members of the name, nobody on the roster) takes a place too, being someone's
    sign-up. The sign-ups beyond are tentative with reason over_limit: not signed up, 'sign up anyway' offered."""
    limits = {m.line.heading: chain_limit(m.line.heading) for m in matches if m.line.heading}
    if not any(limits.values()):
        return matches
    order: dict[tuple[str | None, object], int] = {}  # (heading, person) -> index of their sign-up in matches
    for i, m in enumerate(matches):
        heading = m.line.heading
        if not limits.get(heading):
            continue
        certain = m.candidates[0].membership_id if len(m.candidates) == 1 else None
        key = (heading, certain if certain is not None else ("line", m.line.line_no, m.part))
        if m.status in ("matched", "ambiguous", "unmatched"):
            order.setdefault(key, i)
        elif certain is not None and (
            m.status == "leave" or (m.status == "ignored" and m.reason in ("withdrawn", "no_show"))
        ):
            order.pop(key, None)
    over: set[int] = set()
    for heading, limit in limits.items():
        if not limit:
            continue
        taken = sorted(i for (h, _who), i in order.items() if h == heading)
        over.update(i for i in taken[limit:] if matches[i].status == "matched")
    return [replace(m, status="ignored", reason="over_limit") if i in over else m for i, m in enumerate(matches)]


def group_keywords(session: Session, group_id: int | None) -> tuple[str, ...]:
    """The check-in keywords the group sets (打卡关键词), none when it sets none: a pasted chat log's message is a
    check-in only when it carries one (chat_parse.KeywordRule, the chat-history import's rule)."""
    if group_id is None:
        return ()
    return set_keywords(session.scalar(select(Group.checkin_keywords).where(Group.id == group_id)))


_TOMORROW_RE = re.compile(r"明天|明日")
_CROSS_MARK_RE = re.compile(r"[❌❎✖✗✘]")  # a sign-up crossed out (韩梅 ❌): taken back
# 王五 「小雨：早」: a message quoted on the line (a name, a colon, what they said), never the line's person
_INLINE_QUOTE_RE = re.compile(r"[「『][^「」『』:：]{1,30}[:：][^「」『』]*[」』]")
_COUNT_RE = re.compile(r"(?<![^\s(（【\[])\d{1,4}\s*/\s*\d{1,4}(?![^\s)）】\]])")  # 12/21, (3/30): day 12 of 21
_MENTION_AFTER_RE = re.compile(r"(?<=\s)[@＠]\s?\S+")
# `李四 回复 张三：加油`, `阳光 回复@一一: 早`, `刘洋 引用 孙浩：打卡`, `Amy reply to Tom: 👍`: the person after 回复/引用 is
# the one replied to or quoted — never a second person of the line; the rest of the line is the remark
_REPLY_AFTER_RE = re.compile(r"(?<=\s)(?:回复|答复|引用|(?i:reply(?:ing)?(?:\s+to)?|quote))\s*[@＠]?\s*\S.*$")
# a 明日预告 section (the next day's sign-ups, under today's chain): never a check-in, on whatever day it is logged
_PREVIEW_RE = re.compile(r"预告")

# a sign-up taken back (3. 张三 不去了, 李四 取消, 王五 临时有事来不了): not a sign-up; not 取消了出差 可以来
_WITHDRAWN_RE = re.compile(
    r"(?<!可能)(?<!如果)(?<!要是)(?:不去了|去不了|来不了|不来了|参加不了|不参加了?|撤回报名|退出报名|鸽了|撤了"
    # 周八 下次吧, 赵六 临时有事 (ending the line: 临时有事 晚点到 is a sign-up with a remark)
    r"|下次(?:吧|再(?:去|来|参加))|临时有事[了。.!！~～\s]*$"
    r"|取消(?!了?(?:出差|加班|会议|行程|航班)))"
    # in English: can't make it, won't be coming, I'm out, count me out, drop me, cancel(led) — not `if I can't make
    # it` (a maybe) nor `out of town till Fri` (a note)
    r"|(?i:(?<![a-z'])(?<!if\s)(?<!if\si\s)(?:can'?t|cannot|can\s+not|won'?t|will\s+not)\s+(?:make\s+it|come|attend|join|go)"
    r"|not\s+(?:coming|going|attending|joining)|(?:i'?m|i\s+am)\s+out(?!\s+of)|count\s+me\s+out|drop\s+me"
    r"|(?<![a-z])cancel(?:led|ed|ling)?(?![a-z])|withdraw(?:n|ing)?(?![a-z]))"
    # `6. 张三 -1`: a chain's minus one is the writer taking themselves off (it read as 张三 signing up twice); not
    # 小王-1 (a name) nor -10 / -1.5 / -1天
    r"|(?<!\S)[-－−]\s*1(?![\d.:/天日号月])"
)

# a place the list says was not taken (`王五 没来`, `赵六 缺席`, `周八（未到）`): pasted as attendance, the line was a match and
# its person was marked attended. The word ends the line (上次没来 这次来 is a sign-up with a remark)
_NO_SHOW_RE = re.compile(
    r"(?:没来|没到|未到|缺席|缺勤|未出席|没出席|未参加|没参加|没去|放鸽子|爽约|旷课|(?i:no[\s-]?show|absent))了?"
    r"[\s)）\]】。.!！~～]*$"
)

# a waiting-list section of a sign-up chain (`候补：`, `-----候补-----`, `【候补名单】`, `替补:`, `以下为候补`): the entries under
# it wait for a place — they were signed up like those above. A section header of the list proper (正式名单) ends it
_WAITLIST_HEAD_RE = re.compile(
    r"^(?:以下(?:为|是)?)?(?:候补|替补|排队|等位)(?:名单|区|人员|报名|的)?$|^(?i:wait(?:ing)?[\s-]?list(?:ed)?|reserves?)$"
)
_LIST_HEAD_RE = re.compile(r"^(?:正式|报名|已报名|确定|参加)(?:名单|人员|报名)?$|^(?i:confirmed|attending|going)$")
_SECTION_DECOR = re.compile(r"[\s\-—–=~～*＊#＃【】\[\]()（）<>《》:：|｜_.。·•]+")


def waitlist_lines(lines: Sequence[PasteLine]) -> tuple[set[int], set[int]]:
    """The line numbers of a sign-up paste that stand in a waiting-list (候补) section — from a line that is only such a
    section's name (decorated or not) to a line naming the list proper (正式名单), a new chain (#接龙) or the end — and
    those of the section names themselves (a plain list reads `以下为候补` as a person's line: it names nobody)."""
    waiting, out, heads = False, set(), set()
    for line in lines:
        if line.kind in ("noise", "header", "entry"):
            bare = _SECTION_DECOR.sub("", unicodedata.normalize("NFKC", line.raw))
            if _WAITLIST_HEAD_RE.match(bare):
                waiting = True
                heads.add(line.line_no)
                continue
            if _LIST_HEAD_RE.match(bare) or _CHAIN_TAG_LINE_RE.match(line.raw):
                waiting = False
                heads.add(line.line_no)
                continue
        if waiting:
            out.add(line.line_no)
    return out, heads


# a sign-up that brings people who are no members (张三+1（带朋友）, 李四 2人, 王五 +2, 共3人): the member is signed up,
# the others are on no list — said, so that the head count is not read off the list alone. `+1` alone is "count me in"
_GUESTS_RE = re.compile(
    # 携家属 / 携夫人 / 和老婆一起 / 跟孩子: the same as 带 (they were signed up alone, unsaid)
    rf"(?:带|携|含|(?<=\s)(?:和|跟|与|加)|[&+]\s*)\s*(?:[\d一二两三四五六七八九十]+\s*[个位名]?)?\s*(?:{_GUEST_WORDS})"
    r"|(?<![\d.:])(?:[2-9]|1\d)\s*(?:人|位|个人|大\d*小)|[+]\s*(?:[2-9]|1\d)(?!\d)|共\s*\d+\s*[人位]"
)


def brings_guests(raw: str) -> bool:
    """Whether a sign-up line says it brings people along (see _GUESTS_RE): the Activities page's paste says so
    of the line, the head count being more than the list."""
    return bool(_GUESTS_RE.search(unicodedata.normalize("NFKC", raw)))


# a sign-up not made yet (3. 王五 待定, 赵六（不一定能到）, 刘洋 候补): not a place — shown, and the person who reads the
# list decides (the sign-up dialog offers to sign them up anyway); 可能晚到 and 尽量早到 are sign-ups with a remark
_TENTATIVE_RE = re.compile(
    r"待定|未定|不一定|不确定|看情况|看时间|待确认|候补|替补|排队|等位|\bmaybe\b|\btbd\b|\btbc\b|\bnot\s+sure\b"
    r"|\bunsure\b|\bpossibly\b|\bif\s+i\s+can\b|\bwait(?:ing)?[\s-]?list(?:ed)?\b|(?<!晚)(?<!早)尽量(?!早|准时)",
    re.IGNORECASE,
)


# 替罗斌打卡, 帮李芳签到, （代骆霞）: a line posted for someone else
_PROXY_WORD = r"(?:替|帮|代)(?!表|理|替|购|课|言|驾|码|班|写|办|跑)"  # 代表全组, 代理, 代替…: words, not "for"
_EMOJI_NAME = r"[\u2600-\u27bf\U0001f000-\U0001faff][\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]{0,7}"
_PROXY_RE = re.compile(
    # (帮刘红也打一下, 帮刘红打一下, `余丽娜：帮刘红打`: a check-in for 刘红 — it was dropped unsaid, the writer logged)
    rf"{_PROXY_WORD}\s*(?P<a>[\u3400-\u9fff][\u3400-\u9fff0-9]{{1,4}}?|[A-Za-z][A-Za-z.]{{1,20}}|{_EMOJI_NAME})"
    r"(?P<also>也|再|顺便|一起)?代?(?:打卡|签到|接龙|报名|请假|打一下|签一下|[打签](?=\s*[。.!！~～]*\s*$))"
    # （代骆霞）, （帮Ryan打）, （替刘红签）: the bracket says who the entry is for (打/签 alone end it, as 打卡 does);
    # （代打卡） names nobody (it was a person called 打卡, "not found")
    rf"|[(（【\[]\s*{_PROXY_WORD}\s*(?P<b>(?!打卡|签到|打一|打个)[\u3400-\u9fff]{{2,4}}?|[A-Za-z][A-Za-z. ]{{1,20}}?|{_EMOJI_NAME})"
    r"\s*(?:打卡|签到|接龙|打个?卡?|签)?\s*[)）】\]]"
    rf"|代(?:打卡|签到)\s*[:：]\s*(?P<c>[\u3400-\u9fff][\u3400-\u9fff0-9]{{1,4}}|[A-Za-z][A-Za-z.]{{1,20}}|{_EMOJI_NAME})"
    # 张伟 代 小王1号: the proxy word alone, then the name that ends the line; 阳光 代一一, 林峰 替马丽: 代/替 glued to it
    # (李芳 代打卡 is 李芳's own)
    rf"|(?<=\s)(?:{_PROXY_WORD}\s+|(?=[代替]){_PROXY_WORD}(?![打签接报请]))"
    rf"(?P<d>[\u3400-\u9fff][\u3400-\u9fff0-9]{{1,4}}|[A-Za-z][A-Za-z. ]{{1,20}}|{_EMOJI_NAME})\s*$"
    # 帮 张三 打卡, 帮王五 打卡, 替 Amy 打卡, 帮001打卡: spaced, or a number — taken only when it names someone on the
    # roster (帮妈妈做饭 打卡 names nobody)
    rf"|{_PROXY_WORD}\s*(?P<e>[\u3400-\u9fff][\u3400-\u9fff0-9]{{1,4}}|[A-Za-z][A-Za-z.]{{1,20}}|\d{{2,12}})"
    r"\s*代?(?:打卡|签到|接龙|报名|请假)"
    # 余丽娜 for Ryan: the entry is for Ryan (and 余丽娜's own too?) — taken only when it names someone on the roster
    # (刘红 for fun is 刘红's)
    r"|(?<=\s)[Ff]or\s+(?P<g>[\u3400-\u9fff]{2,4}|[A-Za-z][A-Za-z.]{1,20}(?: [A-Za-z][A-Za-z.]{1,20})?)\s*$"
)

# 刘红 by 余丽娜, Ryan (by 余丽娜) (as 刘红（余丽娜代）): 余丽娜 posted 刘红's check-in — 刘红's, as the bracket is (probe paste12); both were
# logged, 余丽娜 read as a second person on the line
_POSTED_BY_RE = re.compile(
    r"(?:(?<=\s)|[(（]\s*)[Bb]y\s+(?P<who>[\u3400-\u9fff]{2,4}|[A-Za-z][A-Za-z.]{1,20}(?: [A-Za-z][A-Za-z.]{1,20})?)"
    r"\s*[)）]?\s*$"
)


def _without_name(text: str, name: str | None) -> str:
    """The line's text without the poster's name, so a number in a name (小王2号 补签) is never read as the day a
    make-up is for. A "name" holding 补 is the make-up itself, read as the name for want of one (🍀 补昨天的)."""
    if not name or "补" in name:
        return text
    return text.replace(name, " ", 1)


def _leave_text(text: str, name: str | None) -> str:
    """The words a leave line's days are read from (leave_span): the line without the poster's name — but a
    bracket of the name that holds a leave is the line's message, kept: `周敏（请假明天）` is on leave tomorrow (read
    without it, today). A bracket of anything else goes with the name (`小美（12号）请假` is on leave today). Only
    for a line already found to be a leave: a group nickname that holds 请假 (`王五（请假中）`) is the member."""
    if not name or "补" in name:
        return text
    said = " ".join(b[0][1:-1] for b in _BRACKETED_RE.finditer(name) if "假" in b[0])
    return text.replace(name, f" {said} ", 1)


# Family words (老婆, 老公, 孩子, 一家三口…): a member's family, named by no one on the roster. `余丽娜和老公`,
# `刘红一家三口` were asked ("余丽娜和老公 → 余丽娜(fuzzy)"), `张三 我和老公都打了` logged 张三 and said nothing of the
# husband, `帮我老婆李芳也打一下卡` logged the writer and dropped 李芳 unsaid, `张三 帮我家孩子打卡` offered to add a
# member called 我家孩子.
_FAMILY_WORD = (
    r"(?:老婆|老公|媳妇儿?|爱人|先生|太太|夫人|对象|孩子们?|小孩|儿子|女儿|闺女|宝宝|宝贝|娃娃?|儿女|妈妈|老妈|妈|爸爸|老爸|爸"
    r"|父母|爸妈|婆婆|公公|岳母|丈母娘|家人|家属|全家人?|一家人|一家[二两三四五六七八九]口|家里人)"
)
_FAMILY_OWNER = r"(?:我们?|俺)?\s*(?:家的?|的)?\s*"
# the family after the member's name (余丽娜和老公, 刘红一家三口, 张三+老婆, 李四带娃)
_WITH_FAMILY_RE = re.compile(
    rf"^(?P<name>.+?)\s*(?:和|与|跟|带着?|及|[+＋&、,，]|(?=一家|全家))\s*{_FAMILY_OWNER}(?P<fam>{_FAMILY_WORD})"
    r"\s*(?:都|也|一起)?\s*(?:打了?卡?|签到了?|已?打卡|[✅✔☑]|\+\d)?\s*[。.!！~～]*\s*$"
)
# the family beside the writer in the line's words (我和老公都打了, 老婆也打了, 全家都打卡了)
_FAMILY_BESIDE_RE = re.compile(
    rf"(?:(?:我|俺)\s*(?:和|与|跟|带着?|\+)\s*{_FAMILY_OWNER}(?P<a>{_FAMILY_WORD})"
    rf"|{_FAMILY_OWNER}(?P<b>{_FAMILY_WORD})\s*(?:也|都|一起)\s*(?:打|签|接龙|✅))"
)
# a check-in for one's family (帮我老婆李芳也打一下卡, 帮我家孩子打卡, 替我妈签到): for the person named after the family
# word when the roster knows them, else for the family, named by no one
_FAMILY_PROXY_RE = re.compile(
    rf"{_PROXY_WORD}\s*{_FAMILY_OWNER}(?P<fam>{_FAMILY_WORD})\s*(?P<who>[\u3400-\u9fff]{{2,4}}?|[A-Za-z][A-Za-z.]{{1,20}})?"
    r"\s*(?:也|再|顺便|一起)?\s*代?(?:打|签|接龙|报名)"
)
_FAMILY_ONLY_RE = re.compile(rf"{_FAMILY_OWNER}{_FAMILY_WORD}")


def family_proxy(text: str, names_someone: Callable[[str], bool]) -> tuple[str, str | None] | None:
    """(the family word, the member named after it) of a check-in for one's family (`帮我老婆李芳也打一下卡` →
    ("老婆", "李芳") when the roster knows 李芳; `帮我家孩子打卡` → ("孩子", None)), or None."""
    found = _FAMILY_PROXY_RE.search(plain_checkin_words(unicodedata.normalize("NFKC", text)))
    if found is None:
        return None
    who = found["who"]
    if who and not names_someone(who):
        if _looks_like_full_name(who):
            # 帮我老婆李芳也打一下卡 with no 李芳 on the roster: family named by no one, as 帮我家孩子打卡 — the writer's
            # was logged and 李芳 not said at all; the name is kept in the family said ("老婆 李芳")
            return f"{found['fam']} {who}", None
        return None  # 帮我妈妈做饭 打卡: helping at home, then the writer's own check-in
    return found["fam"], who


def family_beside(text: str) -> str | None:
    """The family word of `我和老公都打了` / `老婆也打了` (the writer's check-in, and their family's besides), or None."""
    found = _FAMILY_BESIDE_RE.search(unicodedata.normalize("NFKC", text))
    return (found["a"] or found["b"]) if found else None


def _proxied(text: str, name: str, names_someone: Callable[[str], bool] = lambda _who: False) -> str | None:
    """The person a line checks in for someone else names (高峰 替罗斌打卡 → 罗斌), or None. Never the poster's own
    name read from the inside: 代丽丽打卡, 【组长】代丽丽打卡 and 🌞代丽丽打卡 are 代丽丽's (代 is her surname). A name
    written apart from the 打卡 after it (帮 张三 打卡), or a number (帮001打卡), only when `names_someone` says so."""
    folded = plain_checkin_words(unicodedata.normalize("NFKC", text).strip())  # 我帮张三打个卡: for 张三
    own = name_key(name)
    # 帮 @刘红 打卡: the @ names a person (whoever the roster says) — the line is for 刘红. It was read as a person
    # called 帮 ("nobody on the roster"), or as the writer's own check-in (余丽娜 帮 @刘红 打卡 logged 余丽娜)
    for found in _PROXY_AT_RE.finditer(folded):
        who = found["who"].strip()
        if who and bare_key(who) != bare_key(name):
            return who
    folded = _PROXY_AT_MARK_RE.sub(lambda m: m[1], folded)  # 帮@刘红打卡: as 帮刘红打卡
    family = family_proxy(folded, names_someone)
    if family is not None and family[1] is not None and bare_key(family[1]) != bare_key(name):
        return family[1]  # 帮我老婆李芳也打一下卡: for 李芳 (and the writer's own besides? a person decides)
    if family is not None and family[1] is None:
        return None  # 帮我儿子周杰打卡, 周杰 on no roster: for family named by no one (the caller's family_proxy)
    for found in _PROXY_RE.finditer(folded):
        who = (found["a"] or found["b"] or found["c"] or found["d"] or found["e"] or found["g"]).strip()
        if (found["e"] or found["g"]) and not names_someone(who):
            continue
        if _FAMILY_ONLY_RE.fullmatch(who):
            continue  # 帮我家孩子打卡: for family named by no one (family_proxy), never a person called 我家孩子
        if found["also"] and who.startswith("我"):
            continue  # 帮我也打一下: the writer's own (帮我老婆李芳也打一下卡: family_proxy, above)
        if not who or bare_key(who) == bare_key(name):
            continue
        # 代丽丽打卡 is 代丽丽's own (代 is a surname); 帮刘红打卡 and 替刘红签到 are for 刘红, unless the roster knows
        # the whole name as written (a nickname 帮帮主)
        inside = name_key(folded[found.start()] + who) in own
        if found["g"] or not inside or (folded[found.start()] in "帮替" and not names_someone(name)):
            return who
    return None


# a line's "name" that is only the 帮 of `帮 @刘红 打卡` (or starts `帮刘红打卡`): no writer is written
_PROXY_ONLY_RE = re.compile(r"(?:我|请|麻烦)?(?:帮|替|代)(?:忙|我)?")
# 帮 @刘红 打卡, 替@Amy 签到: a check-in for the one @mentioned (the name runs to the space WeChat puts after it)
# (`帮@刘红、@王五 打卡`: the first one; 帮 @刘红 补卡, 帮 @刘红 也打一下 too)
_PROXY_AT_RE = re.compile(
    rf"{_PROXY_WORD}\s*[@＠]\s*(?P<who>[^\s@＠,，、。:：!！?？]{{1,20}}?)(?:\s*[、,，和跟]\s*[@＠]\s*[^\s@＠,，、]{{1,20}})*"
    r"\s*(?:也|再|顺便|一起)?\s*代?(?:打|签|接龙|报名|请假|补)"
)
_PROXY_AT_MARK_RE = re.compile(rf"({_PROXY_WORD}\s*)[@＠]\s*")


# a check-in asked for or done for "her"/"him" (帮她打一下, 替他签到, 给她打个卡): for someone the line does not name
_PRONOUN_PROXY_RE = re.compile(r"(?:替|帮|代|给)\s*(?:她|他|ta|TA|它)\s*(?:打|签|接龙|报名)")
_AT_NAME_RE = re.compile(r"@\s*(?P<name>[^\s@]{1,20})")


# a member named as the one who checked in (赵六已打卡, 郑十刚打卡, 郑十让我帮他打卡): the name right before the 打卡 or
# its 已/刚/让我帮他 — Han characters, or a Latin word. Not 也 (`张三也打卡了`: "too" — the
# writer's own check-in, and someone's besides, as the corpus reads it) nor 我和刘洋都打卡了 (the writer's too)
_REPORTED_RE = re.compile(
    r"(?P<who>[\u3400-\u9fff]{2,4}?|[A-Za-z][A-Za-z.]{1,20})\s*"
    r"(?:已经?|刚刚?|今天|今日|早就|让我帮(?:他|她|ta|TA)?|叫我帮(?:他|她)?)\s*(?:打了?卡|签到|打过卡)"
)


def _reported(message: str, index: RosterIndex, people: Sequence[_Found]) -> tuple[str, ...]:
    """The members a chat message says checked in who are not its writer (see _REPORTED_RE): names a member of the
    group carries for certain, exactly as written; none when the message checks in for the writer besides
    (`打卡✅ 赵六已打卡`: the writer's, as before)."""
    # an @mention addresses someone (addressed_to's business), it does not say they checked in: `@郑十 今天打卡完成`
    folded = re.sub(r"@\s*[^\s@]{1,20}", " ", plain_checkin_words(reading(message)))
    own = {c.membership_id for f in people for c in f.people}
    out: list[str] = []
    for m in _REPORTED_RE.finditer(folded):
        who = m["who"]
        for start in range(len(who) - 1):  # 今天张三也打卡了: the name is the end of the run of characters
            part = who[start:]
            found = index.exact(part)
            if found.kind == "certain" and not {c.membership_id for c in found.people} <= own:
                out.append(part)
                break
    if not out:
        return ()
    rest = _REPORTED_RE.sub(" ", folded)
    if _CHECKS_IN_RE.search(rest):  # 打卡✅ 张三也打卡了: the writer checked in, and says so of 张三 too
        return ()
    return tuple(dict.fromkeys(out))


# `李四：张三 6:01`, `李四：张三 打卡`: a message that is another member's chain entry (their name, then only a time or
# 打卡) — copied from 张三's line, or 李四 saying 张三 checked in
_COPIED_ENTRY_RE = re.compile(
    r"^\s*(?P<who>[\u3400-\u9fff]{2,4}|[A-Za-z][A-Za-z.]{1,20})\s*"
    r"(?:\d{1,2}\s*[:：]\s*\d{2}|打卡|签到|[✅✔☑]|\s)*\s*$"
)


def _copied_entry(message: str, index: RosterIndex, people: Sequence[_Found]) -> tuple[str, ...]:
    """The member whose chain entry a chat message is, when it is not the writer's (`李四：张三 6:01`): 李四 was logged
    at 张三's 06:01. Whose check-in it is, a person decides (both are offered); `李四：李四 6:01` is the writer's."""
    m = _COPIED_ENTRY_RE.match(reading(message))
    if m is None:
        return ()
    found = index.exact(m["who"])
    own = {c.membership_id for f in people for c in f.people}
    if found.kind != "certain" or {c.membership_id for c in found.people} <= own:
        return ()
    return (m["who"],)


# the writer speaking of themselves besides (我和张三请假, 我们俩请假): not 我帮 / 我替 / 帮我 (for someone else)
_FIRST_PERSON_RE = re.compile(r"(?<![帮替给代让叫])(?:我|本人)(?![帮替给代])")
_LEAVE_NOT_NAMES = frozenset(
    "今天 明天 后天 今日 明日 昨天 周末 下周 这周 本周 请假 病假 事假 休假 打卡 签到 大家 老师 班长 群主 我们 他们".split()
)
_CLAUSE_RE = re.compile(r"[，,。；;！!？?\s]+")
_OWN_MARK_RE = re.compile(r"打卡|签到|[✅✔☑]|补卡|补签")


def leave_clauses(text: str, index: RosterIndex) -> tuple[list[str], list[str]]:
    """The clauses of a line that say 请假 and the rest. Clauses part at punctuation and spaces; a leave clause takes
    the bare names written just before it (`✅ 张三 王五请假`: 张三 and 王五 are on leave, not 张三 checking in) — a
    clause that is exactly a member's name, nothing else."""
    clauses = [c for c in _CLAUSE_RE.split(text) if c]
    said: list[str] = []
    rest: list[str] = []
    for clause in clauses:
        if LEAVE_WORDS_RE.search(clause):
            names: list[str] = []
            while rest and index.exact(rest[-1]).kind in ("certain", "ambiguous"):
                names.insert(0, rest.pop())
            said.append(" ".join([*names, clause]))
        else:
            rest.append(clause)
    return said, rest


def checks_in_beside_leave(text: str, index: RosterIndex, writer: Sequence[_Found], timed: bool) -> bool:
    """`李四 ✅ 张三请假`, `李四 6:01 张三请假`, `李四✅ 张三 王五请假`: the writer's own check-in (a mark, 打卡, or the
    time a chain line writes for them) in a clause of its own, beside a clause that says someone else's leave — not
    the writer's leave. Never when the writer says 我 (我和张三请假: theirs too, for a person to confirm)."""
    if _FIRST_PERSON_RE.search(text):
        return False
    said, _rest = leave_clauses(text, index)
    # the mark before the leave, right after the writer's name (`李四 张三请假 ✅`: a ✅ after the leave may be the
    # leave's own "done" — read as before, a leave)
    clauses = [c for c in _CLAUSE_RE.split(text) if c]
    first_leave = next((i for i, c in enumerate(clauses) if LEAVE_WORDS_RE.search(c)), len(clauses))
    before = clauses[:first_leave]
    if not said or not (timed or any(_OWN_MARK_RE.search(plain_checkin_words(c)) for c in before)):
        return False
    return bool(_leave_named(" ".join(said), index, writer))


def _checks_in_after_own_leave(text: str, index: RosterIndex, writer: Sequence[_Found]) -> list[_Found]:
    """The members a line names after the writer's own leave with a check-in of their own (`李四 请假 张三 ✅`, `李四
    请假，张三打卡`): the leave is the writer's (it comes first, naming nobody before it); nobody when it names someone
    before the leave (`帮张三请假 ✅`) or the writer says 我 (我和张三请假)."""
    if _FIRST_PERSON_RE.search(text):
        return []
    clauses = [c for c in _CLAUSE_RE.split(text) if c]
    first_leave = next((i for i, c in enumerate(clauses) if LEAVE_WORDS_RE.search(c)), None)
    if first_leave is None or first_leave > 0 or _leave_named(clauses[0], index, writer):
        return []
    after = clauses[1:]
    if any(LEAVE_WORDS_RE.search(c) for c in after) or not any(
        _OWN_MARK_RE.search(plain_checkin_words(c)) for c in after
    ):
        return []
    named = _leave_named(" ".join(after), index, writer)
    # shown by the name as written (张三, not the run 「张三打卡」 it was found in)
    return [
        replace(f, token=next((c.display_name for c in f.people if c.display_name in text), f.token)) for f in named
    ]


_NAME_RUN_RE = re.compile(r"[\u3400-\u9fff]{2,}|[A-Za-z][A-Za-z.]{1,20}")


def _leave_named(text: str, index: RosterIndex, people: Sequence[_Found]) -> list[_Found]:
    """The members a 请假 text names who are not its writer (`李四：帮张三请个假`, `张三妈妈：张三今天请假`, `班长：今天
    请假的有 张三 王五`): the leave is theirs, not the writer's — it was reported as the writer's own leave, and the
    leave dialog opened on the writer, one Enter from a leave of the wrong person. A name is a run of characters that
    is exactly a roster key (a member's name, nickname or group nickname; two who share it: both, for a person to
    choose), the longest at each place; an @mention names its person too (`@张三 明天请假`); a question about a leave
    (`@张三 你明天请假吗？`) is the parser's mention, never here."""
    own = {c.membership_id for f in people for c in f.people}
    out: list[_Found] = []
    seen: set[int | None] = set()
    for run in _NAME_RUN_RE.finditer(text):
        s = run[0]
        if s.isascii():
            f = index.exact(s)
            parts = [(f, len(s))] if f.kind in ("certain", "ambiguous") else []
            i = len(s)
        else:
            parts, i = [], 0
        while i < len(s) - 1:
            for n in (4, 3, 2):
                part = s[i : i + n]
                # a nickname that is a word of the message (明天, 周末, 请假…) is no one named
                f = index.exact(part) if i + n <= len(s) and part not in _LEAVE_NOT_NAMES else _NONE
                if f.kind in ("certain", "ambiguous"):
                    parts.append((f, n))
                    i += n
                    break
            else:
                i += 1
        for f, _n in parts:
            ids = {c.membership_id for c in f.people}
            if ids <= own or ids <= seen:
                continue
            seen |= ids
            out.append(f)
    return out


# a line that says "the same as the line above" and names nobody (同上, 楼上+1, 我也是, 我也打卡了, ditto, me too)
_REFERS_RE = re.compile(
    r"^\s*(?:(?:同上|同楼上|楼上|我也(?:是|一样|打了?卡了?|签到了?|完成了?)|(?i:ditto|same(?:\s+here)?|me\s+too))"
    r"(?:\s*\+\s*1)?|\+\s*1)\s*[。.!！~～]*\s*$"
)
_NUMBERED_PLUS_ONE_RE = re.compile(r"^\s*\d{1,4}\s*[.、．)）]\s*\+\s*1\s*$")  # `2. +1`: a numbered entry saying +1


def _late_people(text: str, people: Sequence[_Found]) -> dict[int, bool]:
    """Which people of a line with 补 make up (id of each _Found → late): the clauses are read in order, each the
    writer's (the first person) until one names another person of the line; a clause saying 补卡 / 补昨天 makes its
    person's check-in late (`打卡 张三请假 王五补卡`: 王五's, not the writer's)."""
    owner = people[0]
    owned: dict[int, list[str]] = {id(f): [] for f in people}
    order = [id(people[0])]
    for clause in (c for c in _CLAUSE_RE.split(text) if c):
        for f in people[1:]:
            if f.token and (f.token in clause or bool(bare_key(f.token)) and bare_key(f.token) in bare_key(clause)):
                owner = f
                order.append(id(f))
                break
        owned[id(owner)].append(clause)
    out = {key: any(_LATE_RE.search(c) for c in clauses) for key, clauses in owned.items()}
    # people written side by side (`李四 王五 补卡`): one with no words of their own shares the next one's
    for i in range(len(order) - 2, -1, -1):
        if not [c for c in owned[order[i]] if not any(f.token == c for f in people)]:
            out[order[i]] = out[order[i + 1]]
    return out


def _stamp_day(text: str, day: date) -> date | None:
    """The date of a chat stamp: a written date (11-22, 2026/11/22) is the one nearest the day being logged;
    WeChat's words for recent days (昨天 07:12, 星期三 07:12) count back from today, when the chat was copied."""
    text = chinese_date_words(text)  # WeChat in English: Yesterday 07:12, Thursday 07:12, Dec 31, 2026 07:12
    return parse_day(text, day if any(ch.isdigit() for ch in text) else clock.today())


_HAN_RUN_RE = re.compile(r"[\u3400-\u9fff]+")
# a chain title's everyday words: no part of a group's name that is one of them (with a character more) names it
_TITLE_WORDS_RE = re.compile(r"打卡|接龙|签到|每日|每天|今日|今天|日常|活动|交流|社群|群聊")
_BRACKETED_RE = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")


# what may come right before a group's name in a title that names the chain's group: a date or a day
# (12月3日读书会打卡, 周三读书会, 今日读书会) — after any other Chinese character the name is part of a phrase
# (线下读书会报名: an offline reading session, not the group called 读书会)
_TITLE_DAY_END_RE = re.compile(r"(?:\d[日号月期]|[今明昨每][日天]|本周|周[一二三四五六日天]|星期[一二三四五六日天])$")


# an edition in a group's name or a chain's title: 第3期, 3期, 三期, 一群, 2群, 第二班, 2024届 (full-width digits are
# folded by name_key). Not after a digit or a Chinese numeral (十三期 is 13, read whole), nor a word that goes on
# (一群人, 一期一会, 期待)
_EDITION_RE = re.compile(
    r"(?<![0-9一二三四五六七八九十两〇零])第?\s*([0-9]{1,4}|[一二三四五六七八九十两〇零]{1,3})\s*"
    r"(期(?!待|间|望|盼|限|货|一会)|群(?!人|友|众|体|伙|聊|里|内|主|发)|班(?!人|倒)|届|季)"
)


def _edition_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "十" not in text and len(text) > 1:  # 十, 十三, 二十, 二十三 or one numeral: 一二 is no edition
        return None
    return cn_number(text)


# an English community's: Cohort 3, Batch #2, Season 4, Wave 1 (name_key has case-folded it)
_LATIN_EDITION_RE = re.compile(r"(?<![a-z0-9])(cohort|batch|season|wave)\s*#?\s*([0-9]{1,4})(?![a-z0-9])")


def _edition_spans(text: str) -> list[tuple[int, int, str, int]]:
    """The editions written in a (name_key'd) text, in order, as (start, end, unit, number)."""
    out = []
    for m in _EDITION_RE.finditer(text):
        n = _edition_number(m[1])
        if n is not None:
            out.append((m.start(), m.end(), m[2], n))
    out += [(m.start(), m.end(), m[1], int(m[2])) for m in _LATIN_EDITION_RE.finditer(text)]
    return sorted(out)


def _editions_in(text: str) -> list[tuple[str, int]]:
    """The editions written in a (name_key'd) text, as (unit, number): `第3期 一群` → [("期", 3), ("群", 1)]."""
    return [(unit, n) for _s, _e, unit, n in _edition_spans(text)]


def _edition(name: str) -> tuple[str, str | None, int | None] | None:
    """A group's name as (base, unit, number) — 写作训练营第3期 → (写作训练营, 期, 3), 读书会一群 → (读书会, 群, 1),
    Writing Camp Cohort 4 → (writing camp, cohort, 4); a name without an edition is its own base (写作训练营 →
    (写作训练营, None, None)). The last edition in the name is its edition. None for a name that is only an edition
    (二群: no base to be anyone's sibling)."""
    key = name_key(name)
    found = _edition_spans(key)
    if not found:
        return (key, None, None) if key else None
    start, end, unit, number = found[-1]
    base = (key[:start] + key[end:]).strip(" -_·.")
    if not base:
        return None
    return base, unit, number


def _spans_of(name: str, title: str) -> list[tuple[int, int]]:
    """Where a group's name is written in a title: as a word when it is Latin (Go is not in Good); when Chinese,
    not straight after another Chinese character unless that ends a date or a day (_TITLE_DAY_END_RE)."""
    if not name:
        return []
    if name.isascii():
        return [m.span() for m in re.finditer(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", title)]
    return [
        m.span()
        for m in re.finditer(re.escape(name), title)
        if m.start() == 0
        or not _is_han(title[m.start() - 1])
        or _TITLE_DAY_END_RE.search(title[max(0, m.start() - 3) : m.start()])
    ]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _stamp_days(lines: list[PasteLine], day: date) -> dict[int, date]:
    """The day each stamped line of a chat log was posted: its stamp's date, else — after a dated stamp — that
    date carried on, a day later once the clock goes back past midnight (`王五 12月4日 23:50`, `何静 00:20` is the
    5th). Past midnight means back by half a day or more: `06:03` then `06:01` is the log copied twice. Lines
    before any dated stamp have none (the day being logged) — unless the clock goes back past midnight among
    them (`张伟 23:58`, `刘洋 00:01`): a log of time-only stamps that runs past midnight spans two days, the later
    part the day being logged (today at the latest: WeChat stamps today's messages with a time alone) and the
    earlier part the day before it; so do the clocks of a `[23:58] 张伟: 打卡` log. A dated line of a `speaker:
    message` log: its date."""
    out: dict[int, date] = {}
    current: date | None = None
    last_time = ""
    undated: list[tuple[int, int]] = []  # (line, how many midnights before it) of stamped lines before any date
    for line in lines:
        if not _is_message(line):
            continue
        if line.mode != "stamped":  # a chat line of another kind (`[12-02 07:14] 张三: 打卡`): its own date only
            if line.date_text and (written := _stamp_day(line.date_text, day)) is not None:
                out[line.line_no] = written
                continue
            if not (line.time and _CLOCK_FIRST_RE.match(reading(line.raw))):
                continue
            # `[23:58] 张伟: 打卡`: its clock is a stamp, and a run of them can go past midnight too
        # midnight: the clock goes back by half a day or more (06:03 then 06:01 is the log copied twice)
        midnight = bool(line.time and last_time and _minutes(last_time) - _minutes(line.time) >= 12 * 60)
        if line.date_text:
            current = _stamp_day(line.date_text, day)
        elif current is not None and midnight:
            current += timedelta(days=1)
        elif current is None:
            undated.append((line.line_no, (undated[-1][1] if undated else 0) + midnight))
        if line.time:
            last_time = line.time
        if current is not None:
            out[line.line_no] = current
    midnights = undated[-1][1] if undated else 0
    if midnights:
        last = min(day + timedelta(days=midnights), max(clock.today(), day))
        for line_no, seen in undated:
            out[line_no] = last - timedelta(days=midnights - seen)
    return out


def _minutes(hhmm: str) -> int:
    hour, _, minute = hhmm.partition(":")
    return int(hour) * 60 + int(minute or 0)


_CLOCK_FIRST_RE = re.compile(r"^\s*\[?\s*(?:上午|下午|凌晨|早上|晚上|中午)?\s*\d{1,2}:\d{2}")


def _heading_day(heading: str, day: date) -> date | None:
    """The day a heading names. A separator is WeChat's: `12月3日 06:10`, `昨天 06:10`, `星期三 06:10` (counted
    back from today, like a stamp) and a bare `06:05` for today's messages. A chain's title or description names
    a written date only (规则：周日休息 dates nothing) — `title_day` reads the title line's relative words."""
    if is_separator(heading):
        written = separator_date(heading)
        return _stamp_day(written, day) if written else clock.today()
    found = parse_day(heading, day, relative=False)
    if found is None and _TOMORROW_RE.search(heading):  # 明日预告 under 今日打卡: the next day's section
        return day + timedelta(days=1)
    if found is None and _TODAY_RE.search(heading):
        return day
    return found


_TOMORROW_RE = re.compile("明日|明天")
_TODAY_RE = re.compile("今日|今天")


def _ignored(
    line: PasteLine,
    index: RosterIndex,
    day: date | None,
    reason: str,
    group: str | None = None,
    posted: date | None = None,
) -> PasteMatch:
    """The PasteMatch of a line that names someone without being their check-in (shown, never logged headless;
    the window lets a person count a chatter line of the day being logged)."""
    found = index.resolve(line.name or "") if line.name else _NONE
    people = found.people if found.kind == "certain" else ()
    token = line.name
    if reason == "not_done" and line.mode not in ("stamped", "colon") and line.body:
        # `未打卡：王五、赵六` (an organiser's summary): each person it names is said — the outcome named only 王五
        named = {c.membership_id: c for f in index.people_on(line) if f.kind == "certain" for c in f.people}
        if len(named) > 1:
            people = tuple(named.values())
            token = "、".join(c.display_name for c in people)
    return PasteMatch(
        line,
        "ignored",
        people,
        token=token,
        day=day,
        time=line.time,
        reason=reason,
        other_group=group,
        posted=posted,
    )


# a line under a chain's last entry, between its entries, or (a speaker and words: `李四: 早上好`) above its #接龙,
# that is a name alone, a name and a time, or a name and a colon (钱磊 / 孙浩 07:05 / 王五：打卡第3天): someone writing
# in the chat around the chain, not an entry of it
# (a forwarded record's stamp under the chain carries its date: `王五 11-17 07:15`)
_OUTSIDE_RE = re.compile(
    r"^\s*(?P<name>[^\s:：\d][^\s:：]{0,15})\s*"
    r"(?P<date>(?:\d{4}\s*[-/年.]\s*)?\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s*)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:[:：].*)?$"
)


_CHAIN_TAG_LINE_RE = re.compile(r"^\s*[#＃]\s*接龙")
_SAID_RE = re.compile(r"^\s*[^\s:：\d][^\s:：]{0,15}\s*[:：]\s*\S")  # `李四: 早上好`, a speaker and what they said


def _outside_dated(line: PasteLine) -> bool:
    """A header line that is a name and a dated stamp (`王五 11-17 07:15`): a chat record's speaker, not a title."""
    m = _OUTSIDE_RE.match(reading(line.raw))
    return m is not None and bool(m.group("date"))


def _outside_chain(line: PasteLine, index: RosterIndex) -> PasteLine | None:
    """A noise line after a chain's last entry that starts with the name of one member for certain (exact keys: a
    name, nickname, group nickname or WeChat ID): it was silently noise — 孙浩 07:05 / 打卡 under the chain was
    dropped without a word. It is now a line of that member's, not logged, that a person may count."""
    m = _OUTSIDE_RE.match(reading(line.raw))
    if m is None:
        return None
    name = m.group("name")
    if index.exact(name).kind != "certain":
        return None
    return replace(line, name=name, date_text=(m.group("date") or "").strip() or line.date_text)


_SAYS_RE = re.compile(r"^\s*(?P<name>[^\s:：\d，,][^\s:：，,]{0,15}?)\s*(?:[:：]\s*|\s+)(?P<said>\S.*)$")
_HAN_LEAD_RE = re.compile(r"^\s*(?P<han>[\u3400-\u9fff]{2,4})")


def _minus_one(line: PasteLine, index: RosterIndex) -> bool:
    """`3.王五-1`: the minus one glued to a member's name (one for certain) takes their sign-up back, as `王五 -1` does;
    not when the whole `小王-1` is somebody's name."""
    body = unicodedata.normalize("NFKC", line.body or "").strip()
    name = line.name or ""
    return bool(
        name
        and re.fullmatch(rf"{re.escape(name)}\s*[-−]\s*1", body)
        and index.exact(name).kind == "certain"
        and index.exact(body).kind == "none"
    )


def _names_another(text: str, name: str, index: RosterIndex) -> bool:
    """Whether `text` holds the name of a member (one for certain) other than `name`."""
    for run in _HAN_RUN_RE.findall(text):
        for start in range(len(run) - 1):
            for size in (4, 3, 2):
                part = run[start : start + size]
                if len(part) == size and part != name and index.exact(part).kind == "certain":
                    return True
    return any(
        word != name and index.exact(word).kind == "certain"
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_.-]{1,20}", text)
    )


def signup_outside(line: PasteLine, index: RosterIndex) -> tuple[PasteLine, bool] | None:
    """A member's own line under or among a sign-up chain (`李四：不好意思去不了了`, `王五撤了`, `孙七 请假`, `周八 下次吧`): the
    chain's parser reads it as noise, and the sign-up paste dropped it without a word — 李四 stayed signed up. It is
    the entry of the member whose name (one for certain) starts it, the rest its remark; with whether the rest says
    anything a sign-up list acts on (taken back, did not come, 请假, 待定) — a plain remark is no sign-up by itself."""
    if line.kind != "noise":
        return None
    text = unicodedata.normalize("NFKC", line.raw)
    m = _SAYS_RE.match(text)
    name, said = (m.group("name"), m.group("said")) if m else (None, None)
    if name is None or index.exact(name).kind != "certain":
        name = said = None
        han = _HAN_LEAD_RE.match(text)  # 王五撤了: the name glued to what they said
        for size in range(len(han.group("han")) if han else 0, 1, -1):
            if index.exact(han.group("han")[:size]).kind == "certain":
                name, said = han.group("han")[:size], text[han.start("han") + size :].strip()
                break
    if not name or not said:
        return None
    # `张三：李四说他去不了了`: what 张三 wrote is about 李四 — neither is taken back unasked (shown as 张三's line)
    acts = not _names_another(said, name, index) and bool(
        _WITHDRAWN_RE.search(said)
        or _NO_SHOW_RE.search(said)
        or _TENTATIVE_RE.search(said)
        or LEAVE_WORDS_RE.search(reading(said))
    )
    entry = replace(line, kind="entry", name=name, body=f"{name} {said}", remark=said, ignored=None, mode="chain")
    return entry, acts


def editions_in(text: str | None) -> set[int]:
    """The editions (期) a text names (`读书会第4期`, `第十二期分享`): a chain titled 第3期 pasted into 第4期 is another
    one's. Read as a group's editions are (`_edition_spans`)."""
    return {n for unit, n in _editions_in(name_key(text or "")) if unit == "期" and n}


# a sign-up list's labelled line (候补：张珊, 主持：李四, 分享嘉宾：王五, 替补: 刘洋): the label says what the person is, the
# name follows the colon. Unnumbered under a numbered chain it was noise and left out of the preview without a word
# (张珊 on the waiting list, 李四 the host: nobody was told), and alone it read as chat spoken by 「主持」, offered as a
# new member to add. Only in a sign-up paste: a check-in chain has no hosts
_SIGNUP_LABEL_RE = re.compile(
    r"^\s*(?:\d{1,3}\s*[.、)）]\s*)?[【\[]?(?P<label>候补|替补|排队|主持人?|主讲人?|分享嘉宾|分享人|嘉宾|讲师|领读人?"
    r"|组织者|组织人|发起人|召集人|领队|负责人)"
    r"[】\]]?\s*[:：]\s*(?P<rest>\S.*)$"
)
# the organiser's own line (组织者：张三, 领队：李四) names them the activity's host: it was dropped from the preview unsaid
_HOST_LABELS = ("主持", "主持人", "领读", "领读人", "组织者", "组织人", "发起人", "召集人", "领队", "负责人")
_SPEAKER_LABELS = ("主讲", "主讲人", "分享嘉宾", "分享人", "嘉宾", "讲师")


def signup_role(raw: str) -> str | None:
    """The role a sign-up line gives its person (`主持：李四` → host, `分享嘉宾：王五` → speaker), None for a plain one."""
    found = _SIGNUP_LABEL_RE.match(unicodedata.normalize("NFKC", raw))
    if found is None:
        return None
    label = found["label"]
    return "host" if label in _HOST_LABELS else "speaker" if label in _SPEAKER_LABELS else None


def labelled_signup(line: PasteLine) -> PasteLine | None:
    """A labelled line of a sign-up list (`候补：张珊`, `主持：李四`) as the entry of the person after the label, the
    label its remark (候补 makes it tentative, 主持 gives the host role: signup_role); None for any other line."""
    if line.kind not in ("noise", "header", "entry", "ignored"):
        return None
    found = _SIGNUP_LABEL_RE.match(unicodedata.normalize("NFKC", line.raw))
    if found is None:
        return None
    entry = next((p for p in parse_chat(found["rest"]) if p.kind == "entry" and p.name), None)
    if entry is None:
        return None
    remark = " ".join(x for x in (found["label"], entry.remark) if x)
    return replace(
        line,
        kind="entry",
        name=entry.name,
        time=entry.time,
        remark=remark,
        body=entry.body,
        mode="chain",
        ignored=None,
        duplicate_of=None,
    )


def match_lines(
    index: RosterIndex,
    lines: list[PasteLine],
    day: date | None,
    *,
    signups: bool = False,
    accept_groups: frozenset[str] = frozenset(),
    keywords: tuple[str, ...] = (),
    camp: tuple[date | None, int | None] = (None, None),
) -> list[PasteMatch]:
    """Every person of every entry line with its match (see match_paste). `accept_groups`: group names the user
    said are no other group's here (a chain titled with one is matched as this group's). `keywords`: the group's
    check-in keywords (group_keywords): a chat log's message without one is no check-in (reason no_keyword).
    `camp`: the group's camp first day and length (group_camp): a make-up of a camp day by number (补第12天) is
    that day's date."""
    camp_start, camp_length = camp
    carries_keyword = KeywordRule(keywords) if keywords and not signups else None
    if signups:
        lines = [labelled_signup(line) or line for line in lines]
    # a chain's line that lost its number (`1. 张伟` / `李华 5:52` / `3. 孙浩`) was noise, 李华 dropped without a
    # word: it is an entry when its name is a member's for certain (chat between the lines, 收到, names nobody)
    # and so is a line above a plain list that read as its title for a date in it (`张三 今天跑了5公里`)
    recovered = {
        no: entry
        for no, entry in (
            (trailing_makeups(lines) if not signups else {}) | unnumbered_entries(lines) | title_like_entries(lines)
        ).items()
        if entry.name and index.resolve(entry.name).kind == "certain"
    }
    if recovered:
        lines = [recovered.get(line.line_no, line) for line in lines]
    waiting, section_heads = waitlist_lines(lines) if signups else (set(), set())
    first_entry = next((line.line_no for line in lines if line.kind == "entry"), None)
    out: list[PasteMatch] = []
    seen: dict[tuple[int, date | None], int] = {}  # (membership, day) -> the line that logs them
    # chains or date separators naming two or more days: each line belongs to its own heading's day
    heading_days = {
        line.heading: _heading_day(line.heading, day) or camp_heading_day(line.heading, camp)
        for line in lines
        if _is_message(line) and line.heading and day
    }
    several_days = len({d for d in heading_days.values() if d is not None}) >= 2
    stamp_days = _stamp_days(lines, day) if day is not None else {}
    first_heading = next((line.heading for line in lines if line.kind == "entry"), None)
    chain_end = max((line.line_no for line in lines if line.kind == "entry" and line.number is not None), default=None)
    chain_tags = [line.line_no for line in lines if line.kind == "header" and _CHAIN_TAG_LINE_RE.match(line.raw)]
    posters = {n - 1 for n in chain_tags}  # `赵六 07:08` / `#接龙 …`: the one who posted the chain under it
    for line in lines:
        # a member's own line among the chain's (`赵六: 我也打卡` between entries 2 and 3), under it (孙浩 07:05) or
        # above its #接龙 (`李四: 早上好`): shown as theirs, not logged — it was chat noise or a title, unnamed
        outside = (
            not signups
            and chain_end is not None
            and (line.line_no not in posters or bool(_SAID_RE.match(line.raw)))
            and (
                line.kind == "noise"
                or (
                    line.kind == "header"
                    and bool(chain_tags)
                    and line.line_no < chain_tags[0]
                    and _SAID_RE.match(line.raw)
                )
                # `群聊的聊天记录` / `王五 11-17 07:15` / `打卡` pasted under the chain: the stamp read as a new title
                or (line.kind == "header" and line.line_no > chain_end and _outside_dated(line))
            )
        )
        if outside:
            outside = _outside_chain(line, index)
            if outside is not None:  # 孙浩 07:05 under the chain: a member wrote outside it — shown, not dropped
                # posted on another day (its stamp's date): said so, and never counted on this one
                posted = _stamp_day(outside.date_text, day) if outside.date_text and day is not None else None
                out.append(_ignored(outside, index, day, "outside_chain", posted=posted if posted != day else None))
                continue
        if (
            not signups
            and chain_tags
            and line.kind == "entry"
            and line.mode in ("stamped", "colon")
            and line.name
            and not LEAVE_WORDS_RE.search(reading(line.message or ""))  # `刘红` / `明天请假`: a leave, said as one
        ):
            # `2026-11-18 06:35 赵六` / `打卡` copied with the chain it follows (chat_parse._chain_among_messages): a
            # message in the chat around the chain, as `孙浩 07:05` / `打卡` under it is — shown as 赵六's, with the day
            # it was posted, not logged headless (a person may count it). It was the chain's title or a stray line
            posted = _stamp_day(line.date_text, day) if line.date_text and day is not None else None
            out.append(_ignored(line, index, day, "outside_chain", posted=posted if posted != day else None))
            continue
        if line.line_no in section_heads and not _CHAIN_TAG_LINE_RE.match(line.raw):
            continue  # `候补：` / `正式名单`: a section's name, nobody's line
        own = (
            signup_outside(line, index) if signups and first_entry is not None and line.line_no > first_entry else None
        )
        if own is not None:
            line = own[0]
            if not own[1]:  # `周八 下次吧` / `赵六 收到`: theirs, shown; not a sign-up unless the organiser says so
                out.append(_ignored(line, index, day, "outside_list"))
                continue
        crossed = signups and line.kind == "ignored" and line.ignored == "not_done" and _CROSS_MARK_RE.search(line.raw)
        if signups and line.kind == "ignored" and line.ignored == "not_done" and not not_done_list(line.raw):
            # 明明 没来过想试试: a sign-up with a remark (never `未接龙：王五、赵六`, the list of those who did not)
            line = replace(line, kind="entry", ignored=None)
        if signups and line.kind == "ignored" and line.ignored == "chatter":
            line = replace(line, kind="entry", ignored=None)  # 张三：+1 in a sign-up chat: count me in
        said = " ".join(x for x in (line.body, line.remark) if x)
        if (
            signups
            and line.kind == "entry"
            and line.name
            and (crossed or _WITHDRAWN_RE.search(said) or _minus_one(line, index))
        ):
            out.append(_ignored(line, index, day, "withdrawn"))  # 2. 李四 取消: they took their place back
            continue
        if signups and line.kind == "entry" and line.name and _NO_SHOW_RE.search(said):
            out.append(_ignored(line, index, day, "no_show"))  # 3. 王五 没来: not there (absent, if they signed up)
            continue
        if signups and line.kind == "entry" and line.name and (line.line_no in waiting or _TENTATIVE_RE.search(said)):
            out.append(
                _ignored(line, index, day, "tentative")
            )  # 3. 王五 待定 / 候补 / under 候补：: no place taken yet
            continue
        if line.kind == "ignored" and line.ignored == "share" and not signups:
            # 我在「鲸打卡」完成了… pasted on its own: a check-in whose, the text does not say — a person picks who
            own = stamp_days.get(line.line_no) or (heading_days.get(line.heading) if several_days else None)
            status = "other_day" if own is not None and own != day else "unmatched"
            out.append(PasteMatch(line, status, (), day=own or day, time=line.time, reason="share"))
            continue
        if line.kind == "ignored" and line.name:
            # a chat message posted on another day (its stamp or separator) says so: never counted on this day
            own = stamp_days.get(line.line_no) or (heading_days.get(line.heading) if several_days else None)
            posted = own if own is not None and own != day else None
            out.append(_ignored(line, index, day, line.ignored or "ignored", posted=posted))
            continue
        if not signups and line.kind == "noise" and chain_end is not None and _NUMBERED_PLUS_ONE_RE.match(line.raw):
            line = replace(line, kind="entry", name="+1", body="+1")  # `2. +1` in the chain: whose, a person picks
        if line.kind != "entry" or not line.name:
            continue
        if (
            not signups
            and line.mode not in ("stamped", "colon")
            and _REFERS_RE.match(reading(line.body or line.name))
            and index.resolve(line.name).kind == "none"
        ):
            # `2. 同上`, `我也是`, `ditto` under 张三's line: a check-in (most likely) that names nobody — it was "同上:
            # nobody on the roster", and the window offered to add a member called 同上. Whose it is, a person picks
            own = stamp_days.get(line.line_no) or (heading_days.get(line.heading) if several_days else None)
            status = "other_day" if own is not None and own != day else "unmatched"
            shown = replace(line, name=None)
            out.append(PasteMatch(shown, status, (), day=own or day, time=line.time, reason="refers"))
            continue
        other_group = index.titled_group(line.heading)
        if other_group is not None and other_group not in accept_groups:  # another group's chain, pasted here
            out.append(_ignored(line, index, day, "other_group", other_group))
            continue
        # the words as the rules read them (補卡, 請假 in 繁體 too); the name in them read alike, to be told apart
        text = makeup_words(reading(" ".join(x for x in (line.body, line.remark) if x)))
        written = reading(line.name or "")
        # the line's own words once, without the name (a chain line's body holds its remark: `text` has it twice)
        own_once = _without_name(
            makeup_words(reading(line.body)) if line.body and line.remark and line.remark in line.body else text,
            written,
        )
        folded = english_makeup(text, day or clock.today())[0]  # Amy (late for Fri): a make-up, as 补周五 is
        late = bool(_LATE_RE.search(folded)) and not FUTURE_MAKEUP_RE.search(folded)
        camp_day = camp_makeup_day(folded) if not FUTURE_MAKEUP_RE.search(folded) else None
        late = late or camp_day is not None  # 补第2天: a make-up, whether or not it says 卡
        # a section headed `12月3日补卡：` or `补卡：` under today's chain: its lines are make-ups (of that earlier day)
        section = heading_days.get(line.heading) if several_days and day is not None else None
        section_late = (
            day is not None
            and line.heading is not None
            and line.heading != first_heading
            and not is_separator(line.heading)
            and (section is None or section < day)
            and bool(_LATE_RE.search(reading(line.heading)))
        )
        late = late or section_late
        # `王五（请假中）` when that is exactly a member's group nickname or name: the member is meant — the 请假 is part
        # of how the roster knows them, not a word of the line (`赵六（请假）`, nobody's name, stays a leave note)
        said_leave = LEAVE_WORDS_RE.search(_without_name(text, written) if index.known_as_written(line.name) else text)
        # 请假一天，明天补打卡: on leave (the 打卡 is promised for tomorrow)
        on_leave = (
            bool(said_leave)
            and not late
            and (
                not _CHECKS_IN_RE.search(LEAVE_WORDS_RE.sub("", without_promises(text)))
                or says_not_checked_in(text, leave=True)  # 今天打卡❌不了，请假: the 打卡 is denied
            )
        )
        line_day = day
        other = False
        posted: date | None = None
        if day is not None:
            if late:  # 补昨天 counts back from the day the line was posted (its stamp or separator), after midnight too
                posted = stamp_days.get(line.line_no) or day
                if line.line_no not in stamp_days and line.heading and is_separator(line.heading):
                    posted = heading_days.get(line.heading) or day
                own = _without_name(text, written)
                if names_no_day(own, posted):
                    out.append(_ignored(line, index, day, "no_such_day"))
                    continue
                if makeup_day_unsure(own, posted):  # 补周末的, 补腊月初八, 补12月7日（周二）: which day, a person says
                    out.append(_ignored(line, index, day, "day_unknown"))
                    continue
                line_day = _late_day(own, posted) or (section if section_late else None) or day
                if camp_day is not None and _late_day(own, posted) is None:
                    # 补第2天 in the chain of 第3天: the day before the chain's. Without the chain's own camp day (a
                    # title 第3天 / Day3) which date camp day 2 is is not written: a person decides — it was logged
                    # as a check-in of the chain's day, taking the place of the member's own line of that day. With
                    # the group's first day (开营日) camp day 2 is a date of its own, title or none; a day count
                    # that is no day of the camp (补第0天, 补第30天 of a 21-day camp) is left for a person
                    chain_n = title_camp_day(line.heading)
                    if camp_start is not None and camp_day_outside(camp_day, camp_length):
                        out.append(_ignored(line, index, day, "camp_day_outside"))
                        continue
                    if camp_start is not None:
                        line_day = camp_date(camp_start, camp_day)
                    elif chain_n is None:
                        out.append(_ignored(line, index, day, "camp_day_unknown"))
                        continue
                    else:
                        line_day = day - timedelta(days=chain_n - camp_day)
                other = line_day > day or (day - line_day).days > MAX_MAKE_UP_DAYS
            elif line.line_no in stamp_days:
                stamped = stamp_days[line.line_no]
                if on_leave and _TOMORROW_RE.search(text) and stamped + timedelta(days=1) == day:
                    pass  # 明天请假 posted the evening before: leave on this day, not a line of the day before
                elif stamped != day:
                    line_day, other = stamped, True
            elif several_days and heading_days.get(line.heading) not in (None, day):
                line_day, other = heading_days[line.heading], True
            elif (
                line.mode == "chain"
                and not on_leave
                and (said := _entry_day(own_once, day)) is not None
                and said != day
            ):
                # `李四 11-17 打卡`, `李四 11月17日`, `李四 昨天的` in the chain of the 18th, no 补: the line says its own
                # day — it was logged on the 18th. Not the chain's day: shown as that day's, not logged (a make-up says
                # 补; whether this one is, the organiser decides — pasting it with --date that day logs it there)
                line_day, other = said, True
        if (
            carries_keyword is not None
            and line.mode in ("stamped", "colon")
            and not (late or on_leave)  # 补卡 昨天的, 今天请假: their own outcome, whatever words they use
            # the message's own words: 「小雨：早起打卡」 quoted in a reply is 小雨's keyword, not the replier's
            and not carries_keyword(_INLINE_QUOTE_RE.sub(" ", line.message or line.remark or ""))
        ):
            # 李娜 06:03 / 早啊 in a group whose check-ins say 早起打卡: a message, not a check-in — shown, never dropped
            own = stamp_days.get(line.line_no) or (heading_days.get(line.heading) if several_days else None)
            m = _ignored(line, index, day, "no_keyword", posted=own if own is not None and own != day else None)
            out.append(replace(m, keywords=carries_keyword.shown()))
            continue
        if not other and not signups and line.heading and _PREVIEW_RE.search(line.heading):
            out.append(_ignored(line, index, day, "preview"))  # 明日预告 logged on its own day: sign-ups, not check-ins
            continue
        parts: list[PasteMatch] = []
        # `余丽娜和老公`, `刘红一家三口`: the member, and family named by no one on the roster — the member's check-in
        # (it was asked, "余丽娜和老公 → 余丽娜(fuzzy)"); the family is said in the outcome
        family: str | None = None
        with_family = (
            _WITH_FAMILY_RE.match(reading(line.name))
            if line.mode == "chain" and not signups and line.name and not index.known_as_written(line.name)
            else None
        )
        if (
            with_family is not None
            and index.resolve(with_family["name"]).kind == "certain"
            and index.exact(with_family["fam"]).kind == "none"  # 张三、宝贝 with a member called 宝贝: two people
        ):
            family = with_family["fam"]
            line = replace(line, name=with_family["name"], body=with_family["name"])
            text = _without_name(text, written)
            written = reading(line.name)
        people = index.people_on(line)
        by = _POSTED_BY_RE.search(line.body or "") if line.mode not in ("stamped", "colon") else None
        if by is not None and by.start() and index.names_someone(by["who"]):
            # 刘红 by 余丽娜: 刘红's, posted by 余丽娜 — the people are read from the line without it
            people = index.people_on(replace(line, body=line.body[: by.start()].rstrip())) or people
        proxy = _proxied(text, written, lambda who: index.resolve(who).kind != "none")
        # `余丽娜 @刘红 帮她打一下`: a check-in asked for "her" — whose, the line does not say (余丽娜's, or someone's
        # 余丽娜 speaks of; 刘红 asked to do it): the people it names, the line's and the ones @mentioned, are offered
        # and a person decides. 余丽娜 was logged as her own check-in
        for_pronoun = proxy is None and _PRONOUN_PROXY_RE.search(text) is not None
        # `张三 帮我家孩子打卡`: for family named by no one — whose check-in (张三's account may be the child's), a
        # person decides; never a member called 我家孩子 (the window offered to add one)
        for_family = family_proxy(text, lambda who: index.resolve(who).kind != "none") if proxy is None else None
        if for_family is not None:
            for_pronoun = True
            family = for_family[0]
            people = [f for f in people if f.kind != "none" or not _FAMILY_ONLY_RE.search(f.token)]
        elif family is None and not signups:
            family = family_beside(_without_name(text, written))  # 张三 我和老公都打了: 张三's, and the husband's
        # `李四: @张三 打卡`: a reminder to 张三, or 李四 reporting for 张三 — neither 李四's own check-in nor 张三's for
        # certain: each person it names (the writer, the ones addressed) is offered, a person decides
        addressed = addressed_to(line.message or line.remark) if line.mode in ("stamped", "colon") else ()
        if for_pronoun and not addressed:
            addressed = tuple(dict.fromkeys(m["name"] for m in _AT_NAME_RE.finditer(text)))
        reported: tuple[str, ...] = ()
        if proxy is None and not addressed and line.mode in ("stamped", "colon") and not on_leave and not late:
            # `王五: 赵六已打卡`, `吴九: 郑十让我帮他打卡`: the writer says another member checked in (or asks for it)
            reported = _reported(line.message or line.remark or "", index, people) or _copied_entry(
                line.message or "", index, people
            )
            addressed = reported
        if proxy is None and addressed:
            known = {c.membership_id for f in people for c in f.people}
            for who in addressed:
                found = index.resolve(who)
                if found.kind == "none" or not {c.membership_id for c in found.people} <= known:
                    people = [*people, found if found.kind != "none" else _Found("none", (), who)]
                    known |= {c.membership_id for c in found.people}
        for_others: list[_Found] = []
        mixed = False  # a line that says someone else's leave and a check-in besides
        own_checkin = False  # … and the check-in is the writer's own, for certain
        writer = [f for f in people[:1] if f.kind == "certain"]
        if (
            on_leave
            and not addressed
            and writer
            and checks_in_beside_leave(
                _without_name(text, written), index, writer, line.mode == "chain" and line.time is not None
            )
        ):
            # 李四 ✅ 张三请假: 张三's leave, and 李四's check-in (read below, as with 打卡，); `李四 ✅ 帮张三请假` too — the
            # 帮 is the leave's (asked for 张三), the ✅ the writer's own: it was dropped, the line read as 张三's leave only
            on_leave = False
            proxy = None
        future_leave: tuple[date, date] | None = None
        if said_leave and not late and proxy is None and not addressed and writer and line_day is not None:
            # `李四 ✅ 明天请假`, `李四 打卡 明天请假`: today's check-in, and the writer's leave of days to come — the ✅
            # was dropped (read as a leave), or the leave went unsaid (read as a check-in): both, now
            own_text = _without_name(text, written)
            clauses = [c for c in _CLAUSE_RE.split(own_text) if c]
            first_leave = next((i for i, c in enumerate(clauses) if LEAVE_WORDS_RE.search(c)), len(clauses))
            leave_text = " ".join(clauses[first_leave:])
            if (
                any(_OWN_MARK_RE.search(plain_checkin_words(c)) for c in clauses[:first_leave])
                and not leave_days_unsure(leave_text)
                and not _leave_named(leave_text, index, writer)
            ):
                span = leave_span(leave_text, stamp_days.get(line.line_no) or line_day)
                if span[0] > line_day:
                    on_leave = False
                    future_leave = span
        checking = (
            _checks_in_after_own_leave(own_once, index, writer)
            if said_leave and not late and proxy is None and not addressed and writer and future_leave is None
            else []
        )
        if checking:
            on_leave = True  # `李四 请假，张三打卡`: the 打卡 is 张三's — 李四 was logged as checked in
            # `李四 请假 张三 ✅`: 李四's own leave, then 张三 with a check mark — both were read as on leave (and `李四
            # 请假，张三打卡` logged 李四's check-in). 李四's leave is said; whose the ✅ is (张三's check-in, written on
            # 李四's line) a person confirms
            people = [*writer, *checking]
        elif on_leave and proxy is None:
            # 李四：帮张三请个假 / 张三妈妈：张三今天请假 / 班长：今天请假的有 张三 王五: the people named are on leave, not
            # the writer — unless the writer says 我 besides (我和张三请假): then the writer too, for a person to confirm
            for_others = _leave_named(_without_name(text, written), index, people)
            if for_others:
                # the writer too when they say 我 besides, or when the others are named only by a nickname or group
                # nickname (阳光, 大伟): a word of the message may be one — a person confirms whose leave it is
                unsure = _FIRST_PERSON_RE.search(text) or any(
                    c.how not in ("name", "wechat_id") for f in for_others for c in f.people
                )
                writer = [f for f in people if f.kind != "none"] if unsure else []
                people = [*for_others, *writer]
        elif said_leave and proxy is None and not addressed:
            # 张三请假，李四代打卡 / 李四：张三请假，我代打卡: 张三 is on leave (the clause that says 请假 names them) and
            # whose check-in the rest is, a person decides — it was logged as the writer's, 张三's leave unsaid
            timed = line.mode == "chain" and line.time is not None  # 李四 6:01 张三请假: 6:01 is 李四's check-in
            said, clauses = leave_clauses(text, index)
            # the people the leave clauses name: on leave — read apart from the people the line's name part found
            # (`李四✅ 张三 王五请假` found 李四 and 张三 there: 张三 is on leave, not checking in beside 李四)
            for_others = _leave_named(" ".join(said), index, writer or people) if clauses or timed else []
            if for_others:
                rest = " ".join(clauses)
                on_leave_ids = {c.membership_id for f in for_others for c in f.people}
                kept = [
                    f for f in people if f.kind != "none" and not {c.membership_id for c in f.people} <= on_leave_ids
                ]
                besides = _leave_named(rest, index, [*kept, *for_others])
                people = [*for_others, *kept, *besides]
                mixed = True
                # 李四 打卡，张三今天请假: the writer's own clause checks in, for nobody else (no 代/帮/替, no other
                # name) — 李四's check-in is certain, as on a line of their own; 我代打卡 stays for a person to decide
                own_checkin = (
                    not besides
                    and len(kept) <= 1
                    and (_OWN_MARK_RE.search(plain_checkin_words(rest)) is not None or timed)
                    and re.search(_PROXY_WORD, rest) is None
                )
        # `张三：打卡` / `王五：+1` (or 同上, 我也是): "me too" under a check-in — most likely 王五's own, but +1 agrees with
        # anything: whether 王五 checked in, a person confirms (chat_parse._me_too; with no check-in above it is chatter;
        # under a sign-up list a +1 is a sign-up, as before)
        me_too = not signups and line.mode in ("stamped", "colon") and says_me_too(line.message)
        asked = proxy is not None or bool(addressed) or mixed or for_pronoun or bool(checking) or me_too
        # `李四 打卡 王五补卡`: whose line is the make-up — only the person of the clause that says 补. A line of people
        # some of whom make up and some not is asked (which day is whose: a person decides), each with their own 补卡
        own_late: dict[int, bool] = {}
        # the line's words once (a chain line's body holds its remark): the order of its clauses says whose they are
        once = makeup_words(reading(line.body)) if line.body and line.remark and line.remark in line.body else text
        if late and not section_late and proxy is None and not addressed:
            # `李四 打卡 王五补昨天的`: the 补 is 王五's — a name in the clause that says it, besides the line's people
            makeup = " ".join(c for c in _CLAUSE_RE.split(_without_name(once, written)) if _LATE_RE.search(c))
            people = [*people, *_leave_named(makeup, index, people)]
        if late and not section_late and len(people) > 1:
            first = [f for f in people if any(f is w for w in writer)]  # the writer's clauses come first
            own_late = _late_people(_without_name(once, written), [*first, *(f for f in people if f not in first)])
            if not all(own_late.values()):
                asked = True
        if proxy is not None:  # 高峰 替罗斌打卡: who checked in? a person decides, nothing is logged on a guess
            found = index.resolve(proxy)
            if _PROXY_ONLY_RE.fullmatch(written) or (_PROXY_ONLY_RE.match(written) and proxy in written):
                # `1. 帮 @刘红 打卡`, `1. 帮刘红打卡`: the "name" is the 帮 phrase — no writer is written (it was "帮:
                # nobody on the roster", or 刘红 offered as a look-alike of a person called 帮刘红): only 刘红 is offered
                people = [f for f in people if f.kind == "certain" and f.token != written]
            named = {c.membership_id for f in people for c in f.people}
            if on_leave:  # 张伟 替李纳请假: 李纳 is on leave, not the one who wrote it
                people = [found if found.kind != "none" else _Found("none", (), proxy)]
            elif found.kind == "none" or not {c.membership_id for c in found.people} <= named:  # once (张伟 代 小王1号)
                people = [*people, found if found.kind != "none" else _Found("none", (), proxy)]
        for part, found in enumerate(people):
            token = found.token or line.name
            part_late = own_late.get(id(found), late)
            part_day = line_day if part_late or not late else day
            part_time = line.time
            if part and line.mode == "chain" and found.token:
                # `李四 6:05 张三 6:01`: 张三's time is the one written beside 张三 — it was 李四's 06:05 for both
                beside = re.search(re.escape(found.token) + r"\s*(\d{1,2})\s*[:：]\s*(\d{2})(?!\d)", once)
                if beside and int(beside[1]) < 24 and int(beside[2]) < 60:
                    part_time = f"{int(beside[1]):02d}:{beside[2]}"
            if found.kind == "none":
                found = index.elsewhere(token)
                if found.kind == "not_member":
                    # a name only people of other groups (or deleted ones) carry can still be a member's of this
                    # group written short (`Iris` for Iris Yang, while 城市夜跑团's 何丹娜 is nicknamed Iris): this
                    # group's look-alikes come after them, for a person to choose — never logged on their own
                    found = replace(found, people=found.people + index.similar(token))
            if found.kind == "certain" or index.member_then(found, part_day):
                status, cands = "matched", found.people
            elif found.kind in ("ambiguous", "not_member"):
                status, cands = found.kind, found.people
            else:
                cands = index.similar(token)
                status = "ambiguous" if cands else "unmatched"
            if asked and status == "matched" and not (mixed and (own_checkin or any(found is f for f in for_others))):
                status = "ambiguous"
            joined = index.joined.get(cands[0].membership_id or 0) if status == "matched" else None
            if status == "matched" and other:
                status = "other_day"
            elif (
                joined is not None
                and part_day is not None
                and part_day < joined
                and not index.in_closed_spell(cands[0].membership_id or 0, part_day)
            ):  # 「11月20日才入群」 (a day of an earlier spell of a member who came back is theirs)
                then = index.former_then(token or "", part_day)
                if then is not None:  # the 张三 who left since was the 张三 of that day, not the new one
                    cands = (then,)
                else:
                    left = index.left_before(cands[0].membership_id or 0, part_day)
                    first = joined if left is not None else index.first_joined(cands[0].membership_id or 0, joined)
                    cands = (replace(cands[0], status="joined_later", joined=first, left=left),)
                    status = "not_member"
            elif (
                on_leave and not mixed and not any(found is f for f in checking) or any(found is f for f in for_others)
            ) and status in (
                "matched",
                "ambiguous",
                "unmatched",
            ):
                status = "leave"
            parts.append(
                PasteMatch(
                    line,
                    status,
                    cands,
                    part,
                    len(people),
                    token,
                    part_day,
                    part_time,
                    part_late,
                    posted=posted,
                    family=family,
                    leave_days=leave_span(_leave_text(text, written), stamp_days.get(line.line_no) or part_day)
                    if status == "leave" and part_day is not None and not leave_days_unsure(_leave_text(text, written))
                    else None,
                    reason="leave_named"
                    if for_others and status == "leave"
                    else "on_behalf"
                    if proxy is not None or for_pronoun
                    else "reported"
                    if reported
                    else "addressed"
                    if addressed
                    else "me_too"
                    if me_too
                    else None,
                )
            )
        one_makeup = (
            late
            and not section_late
            and proxy is None
            and not addressed
            and len(parts) == 1
            and parts[0].status == "matched"
            and parts[0].late
        )
        makeup_of_another_day = one_makeup and parts[0].day != day
        said_makeup = english_makeup(own_once, day or clock.today())[0] if one_makeup else ""
        # `李四 6:02 顺便补昨天`: a chain entry's time is its own check-in as 打卡 is, and 顺便 says the make-up is besides
        timed_besides = line.mode == "chain" and line.time is not None and _BESIDES_RE.search(said_makeup) is not None
        several = [
            d
            for d in (makeup_days(said_makeup, posted) if one_makeup and posted is not None and day is not None else [])
            if d <= day and (day - d).days <= MAX_MAKE_UP_DAYS
        ]
        if len(several) > 1 and parts[0].day in several:
            # `王五 补昨天和今天`, `补前天和昨天`, `补1号2号`: a make-up of each day named (today's, on time) — only the
            # first was logged, the others lost without a word
            parts[:] = [
                replace(parts[0], part=i, parts=len(several), day=d, late=d != posted) for i, d in enumerate(several)
            ]
        elif (
            one_makeup
            and not makeup_of_another_day
            and (timed_besides or _checks_in_besides_makeup(said_makeup))
            and _late_day(said_makeup, day or clock.today()) is None
        ):
            # `张三 6:01 顺便补打卡`: the day's check-in (6:01, not late), and a make-up "besides" of a day the line does
            # not say — it was logged as the day's own check-in, late. The day's check-in is asked with the make-up
            # said (never logged on a guess of its day)
            parts[0] = replace(parts[0], status="ambiguous", late=False, reason="makeup_day_unsaid")
        elif makeup_of_another_day and (timed_besides or _checks_in_besides_makeup(said_makeup)):
            # `李四 打卡，顺便补昨天的`, `Ivan Ma - done, making up yesterday too`: today's check-in and yesterday's
            # make-up — only the make-up was logged, today's check-in lost. Both, each on its own day
            parts.append(replace(parts[0], part=1, parts=2, day=day, late=False))
            parts[0] = replace(parts[0], parts=2)
        elif makeup_of_another_day and _own_clause_beside_makeup(said_makeup):
            # `李四 ✅ 补签昨天`, `✅ 昨天忘了打，补上`: the ✅ (or 打卡) may be today's own check-in, or the make-up's own
            # mark — the line does not say (no 顺便/也/今天). Only the make-up was logged and today's check-in lost
            # unsaid; logging both could log a day nobody checked in. Both days are asked, each its own row: a person
            # ticks the make-up, today's check-in, or both
            asked_days = [
                replace(parts[0], status="ambiguous", parts=2, reason="makeup_or_today"),
                replace(parts[0], status="ambiguous", part=1, parts=2, day=day, late=False, reason="makeup_or_today"),
            ]
            parts[:] = asked_days
        if future_leave is not None and parts and parts[0].status == "matched":
            parts.append(
                PasteMatch(
                    line,
                    "leave",
                    parts[0].candidates,
                    len(parts),
                    len(parts) + 1,
                    parts[0].token,
                    line_day,
                    leave_days=future_leave,
                )
            )
        # the same person again (a repeat, a re-posted chain) is "already": only once a line logs them
        whole = all(m.status in ("matched", "leave") for m in parts)  # 李四 打卡，张三请假: 李四 is logged here
        for i, m in enumerate(parts):
            if m.status != "matched":
                continue
            key = (m.candidates[0].membership_id or 0, m.day)
            if key in seen:
                parts[i] = replace(m, status="duplicate", duplicate_of=seen[key])
            elif whole:
                seen[key] = line.line_no
        out += parts
    return out


def quick_entry_pick(session: Session, group_id: int, text: str, candidates: list[int]) -> Candidate | None:
    """Who quick entry checks in when Enter is pressed without a highlighted candidate (None: the assistant
    picks from the list). A name as written is the paste's rule (RosterIndex): the one active member who carries
    it as a name, nickname, group nickname or WeChat ID, decorated or not — never when a second member or a
    newcomer carries it too (小美 and 🌸小美🌸; two people nicknamed 小雨, wherever the search cut its list). A
    text that is nobody's key: the one candidate the roster search found (a few letters, pinyin initials), unless
    the text names someone else in the group (a newcomer 张三, not the active 张三丰) or looks like a full Chinese
    name of its own (李娜 is not 李娜娜), or is a name in characters the candidate was found by its reading only
    (張偉 for 张伟: a likeness, picked from the list). A text saying 请假 or not checked in (张三丰（请假）) checks
    nobody in."""
    if LEAVE_WORDS_RE.search(text) or says_not_checked_in(text):  # 张伟（请假） pasted in: no check-in to log
        return None
    found = RosterIndex(session, group_id).resolve(text)
    if found.kind == "certain":
        return found.people[0]
    if found.kind != "none" or len(candidates) != 1 or _looks_like_full_name(text):
        return None
    name, nick, gnick = session.execute(
        select(Member.display_name, Member.nickname, Membership.group_nickname)
        .join(Membership, Membership.member_id == Member.id)
        .where(Membership.id == candidates[0])
    ).one()
    key = bare_key(text) or name_key(text)
    if _han_only(key) and not any(key in name_key(n) for n in (name, nick, gnick) if n):
        return None  # 張偉 found 张伟 by its reading: a likeness the assistant picks, as a paste asks about it
    return Candidate(candidates[0], name or "", "search")


def not_member_reasons(session: Session, group_id: int, text: str) -> tuple[str, ...]:
    """Why a name typed into quick entry that finds no member of the group names someone after all — a former
    member, an applicant or newcomer, someone deleted from the roster, a person of another group (describe_person
    each) —, empty when it names nobody: the paste's reading of the name (RosterIndex.match), so that quick entry
    says what a paste line with the name says, not "nobody"."""
    status, cands = RosterIndex(session, group_id).match(text)
    return tuple(dict.fromkeys(describe_person(c) for c in cands)) if status == "not_member" else ()


def already_checked_in(session: Session, group_id: int, day: date, membership_ids: list[int]) -> set[int]:
    if not membership_ids:
        return set()
    return set(
        session.scalars(
            select(CheckIn.membership_id).where(
                CheckIn.group_id == group_id, CheckIn.day == day, CheckIn.membership_id.in_(membership_ids)
            )
        )
    )


def already_by_day(session: Session, group_id: int, pairs: Iterable[tuple[int, date]]) -> set[tuple[int, date]]:
    """Which (membership, day) pairs already have a check-in."""
    return set(already_details(session, group_id, pairs))


@dataclass(frozen=True)
class AlreadyIn:
    """A check-in a paste line finds already there: who logged it, when, and how (the window says so — "already
    checked in" alone left a second assistant wondering whether their colleague, a chat import or a mistake did)."""

    by: str | None  # the operator who logged it (None: nobody recorded)
    logged_at: datetime | None
    checked_at: datetime | None
    source: str


def already_details(
    session: Session, group_id: int, pairs: Iterable[tuple[int, date]]
) -> dict[tuple[int, date], AlreadyIn]:
    """`already_by_day` with who logged each check-in, when and how (its keys are the pairs already in)."""
    from models import Operator

    by_day: dict[date, set[int]] = defaultdict(set)
    for mid, d in pairs:
        by_day[d].add(mid)
    out: dict[tuple[int, date], AlreadyIn] = {}
    for d, mids in by_day.items():
        rows = session.execute(
            select(CheckIn.membership_id, Operator.name, CheckIn.logged_at, CheckIn.checked_at, CheckIn.source)
            .outerjoin(Operator, Operator.id == CheckIn.recorded_by)
            .where(CheckIn.group_id == group_id, CheckIn.day == d, CheckIn.membership_id.in_(sorted(mids)))
        ).all()
        for mid, by, logged, checked, source in rows:
            out[(mid, d)] = AlreadyIn(by, logged, checked, source)
    return out


# ---------------------------------------------------------------- a preview and its plan


def namesake_wechat_ids(session: Session, *lines: Iterable[Candidate]) -> dict[int, str]:
    """The WeChat IDs of the candidates who share their name with another person among their line's candidates
    (王芳 and 王芳): what tells them apart where a person picks one — the paste page's choice list read "王芳 (same
    name)" twice. One list of candidates per line; one query for them all."""
    ids: set[int] = set()
    for candidates in lines:
        people: dict[str, set[int]] = defaultdict(set)
        for c in candidates:
            if c.membership_id is not None:
                people[c.display_name].add(c.membership_id)
        ids.update(mid for mids in people.values() if len(mids) > 1 for mid in mids)
    if not ids:
        return {}
    rows = session.execute(
        select(Membership.id, Member.wechat_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.id.in_(ids), Member.wechat_id.is_not(None))
    ).all()
    return {mid: wx for mid, wx in rows if wx}


@dataclass(frozen=True)
class PastePreview:
    """What a paste was matched against. A preview belongs to the group, day and text it was made from:
    the window discards it when any of them changes and refuses to confirm one that no longer fits."""

    group_id: int
    day: date
    text: str
    lines: tuple[PasteLine, ...]
    matches: tuple[PasteMatch, ...]
    title_day: date | None
    # a chain without a date whose times are mostly still to come today (pasted after midnight): the day before
    later_than_now_day: date | None = None
    # another group whose members more of the named lines are than this group's (fits_better_group): the chain of
    # 读书群 pasted while 跑步群 was selected — the people in both groups matched here, the others did not
    better_group: str | None = None
    # the title names another day (title_day: the first chain's), but a later chain of the paste is titled with the
    # day being logged: `#接龙 12月5日` then `#接龙 12月6日` logged for the 6th — each line is its own chain's day
    holds_day_chain: bool = False
    # the line where the numbering starts again at 1 with no title between (numbering_restarts): a second chain
    # whose day the paste does not say, logged on the day chosen — said, so the assistant can check it
    restarted_at: int | None = None
    # the title's words as written when they name a day the paste cannot settle (title_doubt: 11月31日, a date and a
    # weekday that disagree, 腊月初八, 周末 …): which day the chain is for, a person says — asked as a title naming
    # another day is; `title_doubt` says why (no_such_day, weekday, lunar, holiday, weekend)
    doubtful_title: str | None = None
    title_doubt: str | None = None
    # the title's camp day count as written (第15天, Day 15) when the group's first day (开营日) made it name the
    # chain's day (title_day is then that date), or the date it contradicts (title_doubt camp_day)
    camp_title: str | None = None
    # the title's camp day count as written when the group has no first day set: the chain is logged for the day
    # chosen, and the window and the CLI say that the count could name its date
    camp_hint: str | None = None

    def fits(self, group_id: int | None, day: date, text: str) -> bool:
        return group_id == self.group_id and day == self.day and text == self.text

    @property
    def day_mismatch(self) -> bool:
        """The chain's title names another day than the one being logged — or, with no date in it, its times are
        still to come today (later_than_now_day): the window asks which day, the CLI refuses without --date."""
        if self.doubtful_title is not None and self.title_day is None:
            return True  # 11月31日, 12月7日（周二）, 腊月初八: no day to log — whichever day is being logged, a person says
        named = self.title_day if self.title_day is not None else self.later_than_now_day
        return named is not None and named != self.day and not self.holds_day_chain

    @property
    def chain_day(self) -> date | None:
        """The day the chain says it is for: its title's date, else the day its times point to."""
        return self.title_day if self.title_day is not None else self.later_than_now_day


PASTE_TIME_ENV = "QUNDESK_PASTE_TIME"  # HH:MM: the time of day pastes are read at (the test suite pins it)


def paste_now() -> datetime:
    """The moment a paste is read: clock.now(), or today at QUNDESK_PASTE_TIME (tests/conftest.py pins 23:59, so
    no test depends on the real time of day; a test of the after-midnight rule sets its own)."""
    pinned = os.environ.get(PASTE_TIME_ENV)
    if pinned:
        hour, _, minute = pinned.strip().partition(":")
        return datetime.combine(clock.today(), datetime.min.time()).replace(hour=int(hour), minute=int(minute or 0))
    return clock.now()


LATER_THAN_NOW_SLACK = 30  # minutes: a time this much after now is still to come (a phone's clock, a typo)
SMALL_HOURS_END = 6 * 60  # minutes: a paste before 06:00 …
EVENING_START = 18 * 60  # … naming an evening time still to come is last night's chain
AFTER_MIDNIGHT_END = (
    3 * 60
)  # minutes: a time before 03:00 beside an evening one still to come: the chain crossed midnight


def later_than_now_day(
    lines: Sequence[PasteLine], matches: Sequence[PasteMatch], day: date, now: datetime
) -> date | None:
    """Yesterday, when a chain without a date is logged for today and most of its times (at least two) are still to
    come: `#接龙 早起打卡` / `1. 张伟 5:40` pasted at 00:30 is the chain of the day that just ended — logged for today
    it named the wrong day, at a time that had not come. So is one pasted in the small hours (before 06:00) with any
    evening time (18:00 or later) still to come: a 晚睡打卡 chain of 23:50 … 00:20 pasted at 00:30. A stamped chat
    log (its own dates) and 补卡 lines are left to their own days."""
    if day != now.date():  # (the caller asks only of a chain without a date in its title)
        return None
    if any(line.date_text for line in lines):
        return None
    minutes_now = now.hour * 60 + now.minute
    times = [
        _minutes(m.time)
        for m in matches
        if m.time and not m.late and m.day == day and m.status in ("matched", "ambiguous", "unmatched", "duplicate")
    ]
    later = [t for t in times if t > minutes_now + LATER_THAN_NOW_SLACK]
    if len(times) >= 2 and len(later) * 2 > len(times):
        return day - timedelta(days=1)
    # an evening chain finished after midnight (晚睡打卡 23:50, 23:55, 00:10, 00:20 pasted at 00:30): its evening
    # times cannot be today's yet — logged for today, half of it named the wrong day, at a time that had not come
    if minutes_now < SMALL_HOURS_END and any(t >= EVENING_START for t in later):
        return day - timedelta(days=1)
    # a chain that crossed midnight, pasted the morning after (跨年打卡 23:58, 00:02 pasted at 09:00 on 1 January): an
    # evening time still to come beside one just after midnight — the evening before's chain; logged for today, 23:58
    # was a check-in of a time that had not come, on the wrong day
    if any(t >= EVENING_START for t in later) and any(t < AFTER_MIDNIGHT_END for t in times if t <= minutes_now):
        return day - timedelta(days=1)
    return None


def preview_paste(
    session: Session, group_id: int, day: date, text: str, *, accept_groups: frozenset[str] = frozenset()
) -> PastePreview:
    """The paste matched for the group and day. `accept_groups`: another group's names the user said the chains
    titled with them, or a paste whose people fit them better (`better_group`), are this group's after all (the
    window's "they are this group's", the CLI's `--other-group`)."""
    index = RosterIndex(session, group_id)
    lines = parse_chat(text, index.names_someone)
    keywords = group_keywords(session, group_id)
    camp = group_camp(session, group_id)
    matches = _with_leave_recorded(
        session, match_lines(index, lines, day, accept_groups=accept_groups, keywords=keywords, camp=camp)
    )
    titled = title_day(lines, day)
    impossible = impossible_title_date(lines, day) if titled is None else None
    doubt = (
        ("no_such_day", impossible) if impossible is not None else title_doubt(lines, day) if titled is None else None
    )
    # a title naming another group (`#接龙 21天写作训练营 Day 12` pasted into 早起打卡营, its lines not logged here):
    # its camp day is that group's — no date of this group's camp, nor a hint to set this group's first day by it
    if not any(m.reason == "other_group" for m in matches):
        titled, doubt, camp_title, camp_hint = _camp_title(lines, titled, doubt, camp)
    else:
        camp_title = camp_hint = None
    title = " ".join(line.raw for line in lines if line.kind == "header").replace(camp_hint or "", " ")
    if camp_hint is not None and (titled is not None or not looks_like_camp(session, group_id, title)):
        # 第3天 beside the title's own date (12月3日 第3天): the date names the day, a first day would add nothing; and
        # in a group that is no camp (早起打卡 第45天), "set the camp's first day" is no help
        camp_hint = None
    # a title's impossible or doubtful day (11月31日, 12月7日（周二）) is asked about as such: no day is offered for it,
    # from its times either
    later = None if titled is not None or doubt else later_than_now_day(lines, matches, day, paste_now())
    better = fits_better_group(session, group_id, matches)
    if better in accept_groups:  # the user said these lines are this group's all the same
        better = None
    # yesterday's chain, then today's: today's is here — the other's lines are each another day's, nothing to ask
    holds = titled is not None and titled != day and _holds_chain_of(matches, day, camp)
    restart = numbering_restarts(lines)
    return PastePreview(
        group_id,
        day,
        text,
        tuple(lines),
        tuple(matches),
        titled,
        later,
        better,
        holds,
        restart,
        doubt[1] if doubt is not None else None,
        doubt[0] if doubt is not None else None,
        camp_title,
        camp_hint,
    )


def _camp_title(
    lines: Sequence[PasteLine],
    titled: date | None,
    doubt: tuple[str, str] | None,
    camp: tuple[date | None, int | None],
) -> tuple[date | None, tuple[str, str] | None, str | None, str | None]:
    """(title day, title doubt, camp words that name or contradict it, camp words of a hint) for a chain titled with
    its camp day (第15天打卡, Day 15, D15, 第十五天).

    With the group's first day (开营日) day N is start + N − 1, and the title names that date as a written date
    does: the window offers to log it for that day, the CLI refuses without --date when it is not the day chosen.
    A title whose written date (or 昨日, 周三) and camp day are different days is asked (`camp_day`: which one is
    the typo is not known — never guessed); so is a day count that is no day of the camp (`camp_outside`: 第0天,
    第99天 of a 21-day camp when its length is recorded). Without a first day nothing changes — the chain is
    logged for the day chosen — but the count is handed back as a hint: set the camp's first day and it names the
    date."""
    found = title_camp_number(lines)
    if found is None or doubt is not None:
        return titled, doubt, None, None
    n, words = found
    start, length = camp
    if start is None:
        return titled, doubt, None, words
    if camp_day_outside(n, length):
        return None, ("camp_outside", words), words, None
    named = camp_date(start, n)
    if titled is not None and titled != named:
        return None, ("camp_day", f"{titled.isoformat()} / {words} = {named.isoformat()}"), words, None
    return named, None, words, None


def _with_leave_recorded(session: Session, matches: list[PasteMatch]) -> list[PasteMatch]:
    """The leave lines whose days a recorded leave of the member already covers, marked (`leave_recorded`): the same
    chain pasted again after the leave was recorded said "record it" again, and the assistant tried to record it
    twice."""
    wanted = {
        m.candidates[0].membership_id: m.leave_days
        for m in matches
        if m.status == "leave" and m.leave_days is not None and len(m.candidates) == 1 and m.candidates[0].membership_id
    }
    if not wanted:
        return matches
    covered: dict[int, set[date]] = defaultdict(set)
    rows = session.execute(
        select(Leave.membership_id, Leave.start_day, Leave.end_day).where(Leave.membership_id.in_(wanted))
    )
    for mid, start, end in rows:
        covered[mid].update(start + timedelta(days=i) for i in range((end - start).days + 1))

    def recorded(m: PasteMatch) -> bool:
        if m.status != "leave" or m.leave_days is None or len(m.candidates) != 1:
            return False
        first, last = m.leave_days
        days = {first + timedelta(days=i) for i in range((last - first).days + 1)}
        return days <= covered.get(m.candidates[0].membership_id or 0, set())

    return [replace(m, leave_recorded=True) if recorded(m) else m for m in matches]


def numbering_restarts(lines: Sequence[PasteLine]) -> int | None:
    """The line where a chain's numbering starts again at 1 under the same heading (no #接龙 or title between), when
    that run is not the same chain copied again (its first entry is another person than the first run's): two
    chains pasted together without the second one's title — 1..12 then 1..9 — whose day the paste does not say.
    Its lines are logged on the day chosen all the same; the preview and the CLI say where it starts, so the
    assistant can tell another day's chain from today's. None when the numbering never starts again."""
    first: PasteLine | None = None
    previous: PasteLine | None = None
    for line in lines:
        if line.kind not in ("entry", "ignored") or line.number is None:
            continue
        if previous is None or line.heading != previous.heading:
            first = line
        elif line.number == 1 and (previous.number or 0) >= 2:
            same = first is not None and first.name and line.name and name_key(first.name) == name_key(line.name)
            if not same:
                return line.line_no
            first = line
        previous = line
    return None


def _holds_chain_of(
    matches: Sequence[PasteMatch], day: date, camp: tuple[date | None, int | None] = (None, None)
) -> bool:
    """Whether the paste holds a chain (or a chat log section) of its own heading dated `day` whose lines are that
    day's: `#接龙 12月5日 …` then `#接龙 12月6日 …` logged for the 6th names the 6th too — it was refused (CLI) or
    asked about (the window) as "dated 12月5日", while the same two chains pasted the other way round were not."""
    return any(
        m.day == day
        and not m.late
        and m.status not in ("other_day", "ignored")
        and m.line.heading is not None
        and not is_separator(m.line.heading)
        and (parse_day(m.line.heading, day, relative=False) or camp_heading_day(m.line.heading, camp)) == day
        for m in matches
    )


def fits_better_group(session: Session, group_id: int, matches: Sequence[PasteMatch]) -> str | None:
    """The other group the paste's people fit better, or None: a group of which more of the lines name a member
    than of this one, two of them at least naming people of that group only. Someone in both groups counts for
    both — so a 读书群 chain of ten names pasted into 跑步群, where eight of them are in both groups, fits 读书群
    (ten lines) better than 跑步群 (eight): a warning, as nothing tells such a chain apart otherwise (the eight
    were logged in 跑步群 without a word: only "most names are of another group" was warned of, and two of ten is
    not most). A chain whose people are all in both groups fits both: no warning (nothing can tell) — unless its
    lines are written as that group's group nicknames (群昵称): `3期-王芳-北京` is 王芳's in 写作训练营第3期 and she is
    `4期-王芳-北京` (or nobody in particular) in 第4期 — the segment 王芳 matched her here, and a 第3期 chain of such
    lines was logged into 第4期 without a word. Such a line is the other group's, not this one's."""
    here: dict[int, set[int]] = {}  # line: this group's active memberships it names
    elsewhere: dict[int, set[str]] = {}  # line: the other groups of the people it names who are not in this one
    for m in matches:
        if m.status in ("ignored", "unmatched"):
            continue
        no = m.line.line_no
        for c in m.candidates:
            if c.status == "active" and c.membership_id is not None and c.how not in ("pinyin", "fuzzy"):
                here.setdefault(no, set()).add(c.membership_id)
            elif c.status == "elsewhere" and c.group and c.group_status in (None, "active"):
                elsewhere.setdefault(no, set()).add(c.group)
    _nicknamed_elsewhere(session, group_id, matches, here, elsewhere)
    only = defaultdict(int)
    for groups in elsewhere.values():
        for g in groups:
            only[g] += 1
    candidates = [g for g, n in only.items() if n >= 2]
    if not candidates:
        return None
    mids = sorted({mid for ids in here.values() for mid in ids})
    also: dict[int, set[str]] = defaultdict(set)  # this group's membership: the other groups its person is a member of
    for chunk in range(0, len(mids), 500):
        ours = Membership.__table__.alias("ours")
        rows = session.execute(
            select(ours.c.id, Group.name)
            .join(Membership, Membership.member_id == ours.c.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(
                ours.c.id.in_(mids[chunk : chunk + 500]),
                Membership.group_id != group_id,
                Membership.status == "active",
                Group.archived_at.is_(None),
            )
        ).all()
        for mid, name in rows:
            also[mid].add(name)
    lines_here = len(here)
    best, best_n = None, lines_here
    for g in sorted(candidates):
        shared = sum(1 for no, ids in here.items() if g not in elsewhere.get(no, ()) and any(g in also[m] for m in ids))
        n = only[g] + shared
        if n > best_n:
            best, best_n = g, n
    return best


def _nicknamed_elsewhere(
    session: Session,
    group_id: int,
    matches: Sequence[PasteMatch],
    here: dict[int, set[int]],
    elsewhere: dict[int, set[str]],
) -> None:
    """The lines of `here` written as the group nickname (群昵称) of a member of another live group — one that is
    none of that person's own names (display name, nickname, WeChat ID) — and not as the group nickname here of the
    person they matched (`1. 3期-王芳-北京` matched to 王芳 here by its segment): moved from `here` to `elsewhere`
    under that group (fits_better_group's counts). The same human may be one person record in both groups or two."""
    written = {
        m.line.line_no: (m.line.body or "").strip()
        for m in matches
        if m.line.line_no in here and (m.line.body or "").strip()
    }
    if not written:
        return
    forms = sorted({f for body in written.values() for f in (body, name_key(body))})
    nicknamed: dict[str, set[str]] = defaultdict(set)  # a group nickname's key: the other groups it is one in
    for chunk in range(0, len(forms), 500):
        rows = session.execute(
            select(Membership.group_nickname, Group.name, Member.display_name, Member.nickname, Member.wechat_id)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(
                Membership.group_nickname.in_(forms[chunk : chunk + 500]),
                Membership.group_id != group_id,
                Membership.status == "active",
                Member.deleted_at.is_(None),
                Group.archived_at.is_(None),
            )
        ).all()
        for nick, name, *own in rows:
            key = name_key(nick)
            if key not in {name_key(n) for n in own if n}:
                nicknamed[key].add(name)
    if not nicknamed:
        return
    mine = dict(
        session.execute(
            select(Membership.id, Membership.group_nickname).where(
                Membership.id.in_(sorted({mid for no in written for mid in here[no]}))
            )
        ).all()
    )
    for no, body in written.items():
        key = name_key(body)
        if key in nicknamed and not any(mine.get(mid) and name_key(mine[mid]) == key for mid in here[no]):
            del here[no]
            elsewhere.setdefault(no, set()).update(nicknamed[key])


@dataclass(frozen=True)
class PlannedCheckin:
    """One check-in to log: a member (or a new member named `new_name`), its day, posted time, 补卡."""

    membership_id: int | None
    day: date
    time: str | None = None
    late: bool = False
    new_name: str | None = None
    line_no: int = 0
    posted: date | None = None  # the day the member posted it, when not the day being logged (a 补卡 after midnight)


def certain_plan(matches: Iterable[PasteMatch]) -> list[PlannedCheckin]:
    """What the headless flow logs: the certain people of lines whose every person is certain."""
    by_line: dict[int, list[PasteMatch]] = defaultdict(list)
    for m in matches:
        by_line[m.line.line_no].append(m)
    plan: list[PlannedCheckin] = []
    for parts in by_line.values():
        # a leave beside a certain check-in (李四 打卡，张三今天请假): the leave is no check-in, the check-in is logged
        if any(m.status not in ("matched", "duplicate", "leave") for m in parts):
            continue
        for m in parts:
            if m.status == "matched" and m.day is not None:
                plan.append(PlannedCheckin(m.membership_id, m.day, m.time, m.late, None, m.line.line_no, m.posted))
    return plan


def posted_at(day: date, hhmm: str | None, late: bool, chain_day: date) -> datetime | None:
    """The datetime a member posted a line: its written time on the chain's day (a 补卡 for an earlier day
    was posted on the chain's day, after the day it makes up). 24:00 (晚上12点, chat_parse.END_OF_DAY) is midnight at
    the end of that day: 00:00 of the next, never the midnight that begins it."""
    if not hhmm:
        return None
    hour, minute = (int(x) for x in hhmm.split(":"))
    if hour == 24:
        return datetime.combine((chain_day if late else day) + timedelta(days=1), time(0, minute))
    return datetime.combine(chain_day if late else day, time(hour, minute))


def past_midnight(planned: Sequence[PlannedCheckin]) -> set[int]:
    """The planned check-ins (their id()) of an evening chain posted after midnight: a time before 03:00 on a line
    below one of the same day at 18:00 or later (晚睡打卡 23:50 … 00:10; 跨年打卡 23:58, 00:02 logged for 31 December).
    Their check-in is the chain's day's, posted the morning after — before, 李四's 00:02 was stored as 00:02 of
    31 December, before 张三's 23:58."""
    out: set[int] = set()
    evening: set[date] = set()
    for p in sorted(planned, key=lambda p: p.line_no):
        if p.late or not p.time or not p.line_no:
            continue
        minutes = _minutes(p.time)
        if minutes >= EVENING_START:
            evening.add(p.day)
        elif minutes < AFTER_MIDNIGHT_END and p.day in evening:
            out.add(id(p))
    return out


@dataclass(frozen=True)
class PasteOutcome:
    logged: tuple[tuple[int, date], ...]  # (membership, day) logged now
    already: tuple[tuple[int, date], ...]  # (membership, day) that already had a check-in
    new_membership_ids: tuple[int, ...]
    points: int = 0
    logged_at: datetime | None = None  # the stamp its check-ins carry (`undo_paste`'s anchor); None: none logged

    @property
    def logged_ids(self) -> tuple[int, ...]:
        return tuple(m for m, _d in self.logged)


def commit_paste(
    progress: Progress,
    *,
    database,
    actor: Actor,
    group_id: int,
    day: date,
    planned: list[PlannedCheckin],
    source: str = "paste",
    today: date | None = None,
    retry: Callable | None = None,
) -> PasteOutcome:
    """The paste's decisions in ONE transaction, retried while the database is busy: add the new members,
    then log the check-ins of every day with record_checkins_by_day (one audit row per day). A cancel before the
    commit rolls everything back."""
    from desktop.services.roster import MemberInput, add_member
    from models.db import with_retry

    new_names = list(dict.fromkeys(p.new_name for p in planned if p.membership_id is None and p.new_name))
    total = len(new_names) + 1
    # a newcomer added from an earlier day's chain was in the group that day: they join at its start (added as
    # joining now, their check-in of the day before was refused — the whole paste with it)
    first_day = {
        name: min(p.day for p in planned if p.membership_id is None and p.new_name == name) for name in new_names
    }
    now = clock.now()

    def write() -> PasteOutcome:
        with database.session() as session:
            new_ids: dict[str, int] = {}
            added: dict[str, int] = {}  # added by another assistant since the preview: theirs, not added twice
            if new_names:
                bulk.lock_key(session.connection(), bulk.LOCK_NEW_MEMBERS, group_id)
                added = added_meanwhile(session, group_id, new_names)
            for i, name in enumerate(new_names):
                progress.step(i, total)
                if name in added:
                    continue
                joined = datetime.combine(first_day[name], time(0, 0)) if first_day[name] < now.date() else None
                new_ids[name] = add_member(session, actor, group_id, MemberInput(display_name=name, joined_at=joined))[
                    1
                ]
            new_members = tuple(new_ids.values())
            new_ids.update(added)
            progress.step(len(new_names), total)
            by_day: dict[date, list[CheckinEntry]] = defaultdict(list)
            after_midnight = past_midnight(planned)
            for p in planned:
                mid = p.membership_id if p.membership_id is not None else new_ids[p.new_name or ""]
                on = p.day + timedelta(days=1) if id(p) in after_midnight else p.day
                by_day[p.day].append(CheckinEntry(mid, posted_at(on, p.time, p.late, p.posted or day), p.late))
            logged: list[tuple[int, date]] = []
            already: list[tuple[int, date]] = []
            points = 0
            results = record_checkins_by_day(session, actor, group_id, by_day, source=source, today=today)
            for d, result in sorted(results.items()):
                logged += [(m, d) for m in result.logged]
                already += [(m, d) for m in result.already]
                points += result.points
            stamp = None
            if logged:  # the stamp of this paste's check-ins, as written: what its undo takes back (`undo_paste`)
                mid, d = logged[0]
                stamp = session.scalar(select(CheckIn.logged_at).where(CheckIn.membership_id == mid, CheckIn.day == d))
            progress.step(total, total)
            session.commit()
        return PasteOutcome(tuple(logged), tuple(already), new_members, points, stamp)

    return (retry or with_retry)(write)


# The check-ins one paste logged carry `logged_at` stamps this close to one another (one statement a day, one commit):
# "the last paste" of some people is their check-ins from a paste stamped within this of the latest.
PASTE_BATCH_SECONDS = 10

# why `undo_paste` left a (membership, day) as it was
UNDONE, NOT_PASTED, EARLIER_PASTE, LATER_PASTE, NO_CHECKIN, GONE = (
    "undone",
    "not_pasted",
    "earlier_paste",
    "later_paste",
    "no_checkin",
    "gone",
)


@dataclass(frozen=True)
class PasteUndoLine:
    """What `undo_paste` did with one (membership, day): `kind` one of UNDONE, NOT_PASTED (logged by hand, an import or
    a chat export: `source`), EARLIER_PASTE / LATER_PASTE (another paste's, stamped `logged_at`), NO_CHECKIN (none that
    day: never logged, or undone since), GONE (the membership is no longer the group's: merged into another record of
    the person since — its check-ins are that record's now, taken back there by name or in the day's list)."""

    membership_id: int
    day: date
    kind: str
    source: str | None = None
    logged_at: datetime | None = None


@dataclass(frozen=True)
class PasteUndo:
    lines: tuple[PasteUndoLine, ...]  # one per (membership, day) asked, in their order
    removed: tuple[str, ...] = ()  # the people the paste added, taken off the roster with it (their names)
    # the people it added who stay, each with why: "recorded" (something of theirs since), "not_allowed" (only an
    # owner or an admin deletes members)
    stayed: tuple[tuple[str, str], ...] = ()

    @property
    def undone(self) -> tuple[tuple[int, date], ...]:
        return tuple((x.membership_id, x.day) for x in self.lines if x.kind == UNDONE)

    def of_kind(self, *kinds: str) -> tuple[PasteUndoLine, ...]:
        return tuple(x for x in self.lines if x.kind in kinds)


def undo_paste(
    session: Session,
    actor: Actor,
    group_id: int,
    pairs: Iterable[tuple[int, date]],
    *,
    logged_at: datetime | None = None,
    added: Iterable[int] = (),
) -> PasteUndo:
    """Take back what the last paste of these (membership, day) logged — the window's "Undo this paste" (its pairs and
    the paste's stamp, `logged_at`) and `qundesk checkin --paste FILE --undo` (the chain matched again; no stamp: the
    latest of theirs) — and nothing else, each check-in through `undo_checkin` (points and streak bonus reversed,
    audited). The last paste is the check-ins from a paste stamped within PASTE_BATCH_SECONDS of its stamp. Left as
    they are, each with why: a check-in logged by hand, an import or a chat export (the paste found it "already"); one
    of an earlier paste (run the undo again for that one) or of a later one (logged again since); a day without a
    check-in any more; a membership merged into another record since. Whatever day it is now: the pairs name their
    days (an undo after midnight takes back yesterday's paste). `added`: the memberships the paste made ("Add as new
    member" — often in the wrong group): once their check-ins are taken back, each is taken off the roster with its
    person, as if never added (`_take_back_added`). In the caller's transaction."""
    pairs = list(dict.fromkeys(pairs))
    require(actor, "record_participation")
    # the memberships first, in one order (as record_checkins): a check-in another assistant logs or undoes meanwhile
    # is written before the stamps are read, or waits for this undo
    bulk.lock_rows(session.connection(), "membership", {m for m, _d in pairs}, mode="write")
    live = set(
        session.scalars(
            select(Membership.id).where(
                Membership.id.in_(sorted({m for m, _d in pairs})), Membership.group_id == group_id
            )
        )
    )
    found = already_details(session, group_id, [(m, d) for m, d in pairs if m in live])
    if logged_at is None:
        pasted = [a.logged_at for a in found.values() if a.source == "paste" and a.logged_at is not None]
        logged_at = max(pasted) if pasted else None
    window = timedelta(seconds=PASTE_BATCH_SECONDS)
    lines: list[PasteUndoLine] = []
    for m, d in pairs:
        a = found.get((m, d))
        if m not in live:
            kind, source, at = GONE, None, None
        elif a is None:
            kind, source, at = NO_CHECKIN, None, None
        elif a.source != "paste":
            kind, source, at = NOT_PASTED, a.source, a.logged_at
        elif logged_at is not None and a.logged_at is not None and a.logged_at < logged_at - window:
            kind, source, at = EARLIER_PASTE, a.source, a.logged_at
        elif logged_at is not None and a.logged_at is not None and a.logged_at > logged_at + window:
            kind, source, at = LATER_PASTE, a.source, a.logged_at
        else:
            # undone by another assistant between the read and the lock: none any more
            kind = UNDONE if undo_checkin(session, actor, m, d) else NO_CHECKIN
            source, at = a.source, a.logged_at
        lines.append(PasteUndoLine(m, d, kind, source, at))
    removed, stayed = _take_back_added(session, actor, group_id, added)
    return PasteUndo(tuple(lines), removed, stayed)


def last_paste_days(session: Session, group_id: int, membership_ids: Iterable[int]) -> list[date]:
    """The days the latest paste of these memberships logged (its check-ins stamped within PASTE_BATCH_SECONDS of the
    latest stamp among theirs), earliest first; [] when none of them has a check-in from a paste. What `checkin
    --paste FILE --undo` names when it found nothing to undo on the day it read the chain for (run the next morning,
    the chain without a date is read for the new day)."""
    ids = sorted(set(membership_ids))
    if not ids:
        return []
    mine = (CheckIn.group_id == group_id, CheckIn.membership_id.in_(ids), CheckIn.source == "paste")
    latest = session.scalar(select(func.max(CheckIn.logged_at)).where(*mine))
    if latest is None:
        return []
    since = latest - timedelta(seconds=PASTE_BATCH_SECONDS)
    days = session.scalars(select(CheckIn.day).where(*mine, CheckIn.logged_at >= since).distinct()).all()
    return sorted(bulk.stored_day(d) for d in days)


def _take_back_added(
    session: Session, actor: Actor, group_id: int, added: Iterable[int]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The people a paste added to the group (a new record each), taken off with the paste's undo: the membership and
    the person deleted — a newcomer added from a chain pasted into the wrong group stayed a member there, a joiner of
    the month in its figures and workbook, after the check-ins went. As a copy's undo (members.undo_copy): only an
    owner or an admin, who may delete members (an assistant's undo leaves them, said); and one with anything recorded
    since — a check-in, a place, a step, points that stand, another group, a referral, a tag, a role, a tier, an edit —
    stays, said: the record is someone's now. Returns (names removed, (name, why) of those staying)."""
    from desktop.services.members import _FACTS
    from desktop.services.points import standing_entry
    from models import ChatAlias, PointsEntry, TierChange, member_tag, membership_role

    rows = session.execute(
        select(Membership.id, Membership.member_id, Member.display_name)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.id.in_(sorted(set(added))), Membership.group_id == group_id)
        .order_by(Membership.id)
    ).all()
    if not rows:
        return (), ()
    if not allowed(actor, "delete_members"):
        return (), tuple((name, "not_allowed") for _ms, _m, name in rows)
    removed: list[str] = []
    stayed: list[tuple[str, str]] = []
    for ms, member_id, name in rows:
        busy = (
            any(
                session.scalar(select(t.id).where(t.membership_id == ms).limit(1)) is not None
                for t in _FACTS
                if t is not PointsEntry
            )
            or session.scalar(select(standing_entry(ms))) is True
            or session.scalar(
                select(Membership.id).where(Membership.member_id == member_id, Membership.id != ms).limit(1)
            )
            is not None
            or session.scalar(select(Membership.id).where(Membership.referrer_id == member_id).limit(1)) is not None
            or session.scalar(select(member_tag.c.member_id).where(member_tag.c.member_id == member_id).limit(1))
            is not None
            or session.scalar(select(ChatAlias.id).where(ChatAlias.member_id == member_id).limit(1)) is not None
            or session.scalar(
                select(membership_role.c.membership_id).where(membership_role.c.membership_id == ms).limit(1)
            )
            is not None
            or session.scalar(select(TierChange.membership_id).where(TierChange.membership_id == ms).limit(1))
            is not None
            # edited since it was added (a WeChat ID, a phone, a note typed in the member dialog): someone's record now
            or session.scalar(
                select(AuditEntry.id)
                .where(
                    AuditEntry.entity == "member", AuditEntry.entity_id == member_id, AuditEntry.action != "member.add"
                )
                .limit(1)
            )
            is not None
        )
        if busy:
            stayed.append((name, "recorded"))
            continue
        # the membership's own ledger rows (its check-in's entry and reversal) go with it (ON DELETE CASCADE)
        session.execute(delete(Membership).where(Membership.id == ms))
        session.execute(delete(Member).where(Member.id == member_id))
        record_audit(
            session,
            actor.id,
            "member.paste_undone",
            "member",
            member_id,
            before={"display_name": name, "group_id": group_id, "membership_id": ms},
        )
        removed.append(name)
    return tuple(removed), tuple(stayed)


def added_meanwhile(session: Session, group_id: int, names: Sequence[str]) -> dict[str, int]:
    """name -> membership of the one member (已入群) of the group called exactly that: a name the preview found
    nobody for ("add as new member") that has somebody now was added since — by another assistant pasting the same
    chain at the same moment (two 新人小王 were made, each checked in: one person counted twice). The caller holds
    the group's lock for new members (bulk.lock_key), so the one that comes second sees the first's."""
    from desktop.services.roster import MemberInput, validate

    stored = {validate(MemberInput(display_name=n)).display_name: n for n in names}
    rows = session.execute(
        select(Member.display_name, Membership.id)
        .join(Membership, Membership.member_id == Member.id)
        .where(
            Membership.group_id == group_id,
            Membership.status == "active",
            Member.deleted_at.is_(None),
            Member.display_name.in_(list(stored)),
        )
    ).all()
    found: dict[str, list[int]] = defaultdict(list)
    for name, mid in rows:
        found[stored[name]].append(mid)
    return {name: ids[0] for name, ids in found.items() if len(ids) == 1}


# ---------------------------------------------------------------- every line's outcome


@dataclass(frozen=True)
class LineOutcome:
    line_no: int
    raw: str
    outcome: str  # one of OUTCOMES
    who: tuple[Candidate, ...] = ()  # the people logged / already in / not members / on leave
    candidates: tuple[Candidate, ...] = ()  # ambiguous: the choices
    day: date | None = None
    late: bool = False
    time: str | None = None
    detail: str = ""
    message_of: int | None = None  # a chat message's line under its sender's (line number of the sender's line)


_STATUS_WORDS = {
    "applicant": "申请中 (applicant, not a member yet)",
    "onboarding": "入群中 (part-way through the entry steps, not a member yet)",
    "left": "已退群 (left the group)",
    "removed": "已移除 (removed from the group)",
    "blacklisted": "黑名单 (blacklisted)",
}


def describe_person(c: Candidate) -> str:
    if c.status == "joined_later" and c.joined is not None and c.left is not None:
        left, back = c.left, c.joined
        return (
            f"{c.display_name}: {left.month}月{left.day}日退群, {back.month}月{back.day}日才回来"
            f" (left on {left}, back on {back}: not a member on this day)"
        )
    if c.status == "joined_later" and c.joined is not None:
        return f"{c.display_name}: {c.joined.month}月{c.joined.day}日才入群 (joined on {c.joined}, after this day)"
    if c.status == "elsewhere" and c.group_status == "blacklisted":  # not a mere leaver: the spammer of that group
        return f"{c.display_name}: 不在本群, 在「{c.group}」的黑名单中 (not in this group; blacklisted in {c.group})"
    if c.status == "elsewhere" and c.group_status in FORMER:  # left that group too: not "a member of" it
        return f"{c.display_name}: 不在本群, 已退出「{c.group}」 (not in this group; left {c.group})"
    if c.status == "elsewhere" and c.group_status in ("applicant", "onboarding"):
        return f"{c.display_name}: 不在本群, 在「{c.group}」还没入群 (not in this group; not yet a member of {c.group})"
    if c.status == "elsewhere":
        return f"{c.display_name}: 不在本群, 是「{c.group}」的成员 (not in this group; a member of {c.group})"
    if c.status == "deleted" and c.group_status == "blacklisted":  # the spammer's record deleted: still out
        return (
            f"曾被拉黑: {c.display_name} (已删除) 在「{c.group}」的黑名单中, 未记录 "
            f"(blacklisted in {c.group} and deleted since: not logged; a deletion lifts no blacklist)"
        )
    if c.status == "deleted":
        return f"{c.display_name}: 已从名册删除, 需先在名册中恢复 (deleted from the roster: restore them first)"
    if c.status == "active" and c.how == "former_name":
        return f"{c.display_name}: 本群成员, 近期改名前叫这个名字 (a member of this group known by this name until a recent rename)"
    if c.status == "active" and c.how == "merged_name":
        return (
            f"{c.display_name}: 本群成员, 合并前另一条记录的名字 (a member of this group: the name of a record merged"
            " into theirs)"
        )
    if c.status == "active" and c.how in ("pinyin", "fuzzy"):
        return f"{c.display_name}: 本群成员, 名字相似 (a member of this group with a similar name)"
    return f"{c.display_name}: {_STATUS_WORDS.get(c.status, c.status)}"


def line_outcomes(
    lines: Iterable[PasteLine],
    matches: Iterable[PasteMatch],
    logged: set[tuple[int, date]],
    already: set[tuple[int, date]],
    namesakes: dict[int, str] | None = None,
) -> list[LineOutcome]:
    """Exactly one outcome per line of the paste, after a headless commit (`logged` / `already` are the
    (membership, day) pairs the commit reported). `namesakes` (namesake_wechat_ids): the WeChat ID said beside each
    candidate who shares their name with another — `王芳 → 王芳(name), 王芳(name)` told nobody which to pick."""
    by_line: dict[int, list[PasteMatch]] = defaultdict(list)
    for m in matches:
        by_line[m.line.line_no].append(m)
    out: list[LineOutcome] = []
    lines = list(lines)
    messages = message_lines(lines)
    times = {n: ps[0].time for n, ps in by_line.items() if ps[0].status == "matched"}  # a repeat's first time
    for line in lines:
        parts = by_line.get(line.line_no)
        if not parts:
            detail = IGNORED_REASONS.get(line.ignored or "", line.kind)
            n = messages.get(line.line_no)
            if n is not None:  # 张三 / 早起打卡第3天: whose message it is, not "noise"
                detail = f"第{n}行的消息 (the message of line {n})"
            out.append(LineOutcome(line.line_no, line.raw, SKIPPED, detail=detail, message_of=n))
            continue
        if parts[0].status == "ignored":
            m = parts[0]
            detail = f"{m.name}: {ignored_reason(m)}"
            out.append(LineOutcome(line.line_no, line.raw, SKIPPED, m.candidates, detail=detail, day=m.day))
            continue
        statuses = {m.status for m in parts}
        first = parts[0]
        common = {"day": first.day, "late": first.late, "time": first.time}
        certain = [m for m in parts if m.status in ("matched", "duplicate")]
        if len(certain) == len(parts):
            done = [m for m in parts if m.status == "matched" and (m.membership_id, m.day) in logged]
            who = tuple(dict.fromkeys(m.candidates[0] for m in parts if m.candidates))
            if done and len({m.day for m in parts if m.status == "matched"}) > 1:
                # 李四 打卡，顺便补昨天的: the day's check-in and a make-up, each said with its day — the one already in
                # too (`王五 补昨天和今天` with yesterday's logged before said only "logged", and nothing of which day)
                detail = "; ".join(
                    (
                        f"{m.day} 补卡已记录 (make-up of {m.day} logged)"
                        if m.late
                        else f"{m.day} 打卡已记录 ({m.day} logged)"
                    )
                    if m in done
                    else f"{m.day} 已打卡 ({m.day}: already checked in)"
                    for m in sorted((m for m in parts if m.status == "matched"), key=lambda m: m.day or date.min)
                )
                out.append(LineOutcome(line.line_no, line.raw, LOGGED, who, detail=detail, **common))
            elif done:
                detail = _family_said(parts)
                out.append(LineOutcome(line.line_no, line.raw, LOGGED, who, detail=detail, **common))
            else:
                how = "已打卡 (already checked in)" if statuses == {"matched"} else f"同第{first.duplicate_of}行"
                kept = times.get(first.duplicate_of or 0)
                if statuses != {"matched"} and first.time and kept and first.time != kept:
                    # 李四 6:03 … 李四 6:05 in one chain: the first entry is the check-in, a repeat makes it no later
                    how += (
                        f"; 时间 {first.time} 与第{first.duplicate_of}行的 {kept} 不同, 按第一次的 {kept} 记"
                        f" (time {first.time} differs from line {first.duplicate_of}'s {kept}: the first is kept)"
                    )
                out.append(LineOutcome(line.line_no, line.raw, ALREADY, who, detail=how, **common))
            continue
        done = [m for m in parts if m.status == "matched" and (m.membership_id, m.day) in logged]
        if done and statuses <= {"matched", "duplicate", "leave"}:
            # 李四 打卡，张三今天请假: 李四's check-in is logged, and 张三's leave is said beside it (to record)
            who = tuple(m.candidates[0] for m in parts if m.status != "leave" and m.candidates)
            on_leave = [m for m in parts if m.status == "leave"]
            said = _leave_detail("、".join(m.name for m in on_leave), on_leave)
            names = "、".join(m.candidates[0].display_name for m in done)
            detail = f"{names} 打卡已记录 ({names}: checked in, logged); {said}"
            out.append(LineOutcome(line.line_no, line.raw, LOGGED, who, detail=detail, **common))
            continue
        # the most telling reason first: a line of another day or on leave is that, whoever it names
        outcome = next(s for s in (OTHER_DAY, LEAVE, AMBIGUOUS, UNMATCHED, NOT_MEMBER) if s in statuses)
        if outcome in (UNMATCHED, NOT_MEMBER) and len(parts) > 1 and len(statuses) > 1:
            outcome = AMBIGUOUS  # two people, one certain and one not: a person decides, nothing is dropped
        who = tuple(c for m in parts if m.status in ("matched", "not_member", "leave") for c in m.candidates[:1])
        if outcome == NOT_MEMBER:
            who = tuple(c for m in parts if m.status == "not_member" for c in m.candidates)
        cands = tuple(c for m in parts if m.status in ("ambiguous", "leave", "matched") for c in m.candidates)
        detail = _detail(outcome, parts, namesakes or {})
        out.append(LineOutcome(line.line_no, line.raw, outcome, who, cands, detail=detail, **common))
    return out


IGNORED_REASONS = {
    "quote": "引用的消息, 不是打卡 (a quoted message, not a check-in)",
    "system": "系统消息 (a system notice)",
    "mention": "@提到某人, 不是打卡 (a mention, not a check-in)",
    "to_everyone": "@所有人 的群通知, 不是打卡 (a notice to everyone, not a check-in)",
    "chatter": "只是回复(收到/好的/谢谢…), 未记为打卡 (only a reply, not counted as a check-in)",
    "question": "问的是打卡, 不是打卡 (a question about checking in, not a check-in)",
    "about": "说的是打卡这件事(明天开始打卡, 打卡链接…), 不是打卡 (talks about checking in: not a check-in)",
    "not_done": "说没打卡或提醒打卡, 不是打卡 (says not checked in, or a reminder)",
    "withdrawn": "取消报名 (took the sign-up back: not signed up)",
    "tentative": "待定或候补, 未报名 (not sure yet, or on the waiting list: not signed up)",
    "no_show": "名单上写着没来, 未记为出席 (the list says they did not come: not marked attended)",
    "outside_list": "写在接龙外面, 不算报名 (written outside the chain: not a sign-up by itself)",
    "over_limit": "超出接龙的限额, 算候补, 未报名 (beyond the places the chain gives: waiting, not signed up)",
    "outside_chain": "写在接龙外面, 未记为打卡 (written outside the chain: not counted as a check-in)",
    "chain_post": "发出这条接龙的消息, 本身不算打卡, 接龙里的名字才算 (sent this chain message: not a check-in by itself, the chain's lines are)",
    "preview": "明日预告里的报名, 不是打卡 (a sign-up in a 明日预告 section, not a check-in)",
    "no_such_day": "补卡的日期不存在 (如 2月没有29号), 未记录 (the day it makes up does not exist: not logged)",
    "day_unknown": "补卡写的日子不能确定是哪一天 (如 补周末、补腊月初八、日期和星期对不上), 未记录; 请用 --date 指定那一天再记"
    " (the day it makes up is written in words that name no one solar day — a weekend, a lunar date, a date and a"
    " weekday that disagree: not logged; log it with --date that day)",
    "camp_day_unknown": "补的是营期第几天, 但接龙标题没写今天是第几天, 不知道是哪一天, 未记录; 请用 --date 指定那一天再记"
    " (makes up a camp day by number, and the chain's title names no camp day: which date is not known — not logged;"
    " log it with --date that day)",
    "camp_day_outside": "补的营期天数不在营期之内 (开营日之前或营期结束之后), 未记录; 请用 --date 指定那一天再记"
    " (makes up a camp day that is no day of the camp — before its first day or after its last: not logged; log it"
    " with --date that day)",
}


def ignored_reason(m: PasteMatch) -> str:
    """Why an ignored line is not logged (Chinese, English in brackets; the window shows its own wording)."""
    if m.reason == "no_keyword":
        k = m.keywords or ""
        return f"不含打卡关键词「{k}」, 未记为打卡 (no check-in keyword, {k}: not counted as a check-in)"
    if m.reason == "other_group":
        g = m.other_group
        return f"接龙标题是另一个群「{g}」, 未记到本群 (the chain's title names another group, {g}: not logged here)"
    return IGNORED_REASONS.get(m.reason or "", m.reason or "")


def _detail(outcome: str, parts: list[PasteMatch], namesakes: dict[int, str]) -> str:
    names = "、".join(m.name for m in parts)
    if outcome == NOT_MEMBER:
        return "; ".join(describe_person(c) for m in parts if m.status == "not_member" for c in m.candidates)
    if outcome == LEAVE:
        on_leave = [m for m in parts if m.status == "leave"]
        said = _leave_detail("、".join(m.name for m in on_leave), on_leave)
        if any(m.reason == "leave_named" for m in on_leave) and parts[0].line.name:
            # 李四：帮张三请个假: whose leave the line says, and who wrote it — never the writer's own leave
            writer = parts[0].line.name
            if writer in [m.name for m in on_leave]:  # 我和张三请假, 阳光请假 (a nickname): a person confirms whose
                said += (
                    f"; {writer} 写的, 请确认请假的是谁: {writer} 本人、提到的人, 还是都是"
                    f" (written by {writer}: confirm whose leave it is — theirs, the one named, or both)"
                )
            else:
                said += f"; {writer} 写的, 不是 {writer} 本人的请假 (written by {writer}: not {writer}'s own leave)"
        others = [m for m in parts if m.status != "leave"]
        if others:  # 张三请假，李四代打卡: the check-in besides is asked, never logged on a guess
            who = "、".join(m.name for m in others)
            said += f"; {who} 是否打卡, 需要人来确认 (whether {who} checked in: a person confirms)"
        return said
    if outcome == OTHER_DAY:
        d = parts[0].day
        return f"{names}: 属于 {d} 这一天, 未记录 (belongs to {d}: not logged on this day)"
    if outcome == UNMATCHED and all(m.reason == "refers" for m in parts):
        return (
            "同上/我也是: 指的是别人的那一行, 没写是谁, 请选择是谁的打卡"
            " (refers to another line and names nobody: choose whose check-in it is)"
        )
    if outcome == UNMATCHED and all(m.reason == "share" for m in parts):
        return "打卡小程序的分享, 没写是谁, 请选择是谁的打卡 (a check-in app's share that names nobody: choose whose it is)"
    if outcome == UNMATCHED:
        return f"{names}: 名册中没有 (nobody on the roster)"
    bits = []
    if any(m.reason == "addressed" for m in parts):
        bits.append(
            "@提到了人: 是提醒还是替人打卡, 需要人来确认 (addressed to someone: a reminder, or checking in for them)"
        )
    elif any(m.reason == "reported" for m in parts):
        bits.append("说的是别人打卡: 是谁打的卡, 需要人来确认 (says someone else checked in: a person confirms who)")
    elif any(m.reason == "on_behalf" for m in parts) and any(m.family for m in parts) and len(parts) == 1:
        fam = parts[0].family
        bits.append(
            f"替家人 ({fam}) 打卡, 名册中没有: 是否记在 {parts[0].name} 名下, 需要人来确认"
            f" (posted for family ({fam}) named by no one on the roster: whether it is {parts[0].name}'s, a person"
            " confirms)"
        )
    elif any(m.reason == "on_behalf" for m in parts):
        bits.append("替别人打卡: 是谁打的卡, 需要人来确认 (posted for someone else: a person confirms who checked in)")
    elif any(m.reason == "makeup_or_today" for m in parts):
        made_up = min(m.day for m in parts if m.day is not None)
        bits.append(
            f"补 {made_up} 的卡, 旁边的 ✅/打卡 是今天的打卡还是补卡本身, 需要人来确认"
            f" (a make-up of {made_up}, and a check mark beside it: today's check-in too, or the make-up's own — a"
            " person confirms)"
        )
    elif any(m.reason == "makeup_day_unsaid" for m in parts):
        bits.append(
            "顺便补的卡没写是哪一天, 未记录 (请用 --date 指定那一天再记); 当天的打卡需要人来确认"
            " (a make-up besides, of a day not said: not logged — log it with --date that day; this day's check-in: a"
            " person confirms)"
        )
    elif any(m.reason == "me_too" for m in parts):
        bits.append(
            "在别人的打卡下只说了 +1/同上: 是否也打了卡, 需要人来确认"
            " (only said +1 / 同上 under a check-in: whether they checked in too, a person confirms)"
        )
    for m in parts:
        if m.status == "matched":
            bits.append(f"{m.name} = {m.candidates[0].display_name}")
        elif m.status == "ambiguous":
            cands = ", ".join(
                f"{c.display_name}({c.how}, 微信号 WeChat ID {namesakes[c.membership_id]})"
                if c.membership_id in namesakes
                else f"{c.display_name}({c.how})"
                for c in m.candidates
            )
            if m.reason == "makeup_or_today":  # the same person on two rows: which day each is
                cands += f" {m.day} 补卡 (make-up)" if m.late else f" {m.day} 打卡 (check-in)"
            bits.append(f"{m.name} → {cands}")
        elif m.status == "unmatched":
            bits.append(f"{m.name}: 没有找到 (not found)")
        elif m.status == "not_member":
            bits.append("; ".join(describe_person(c) for c in m.candidates))
    return "; ".join(bits)


def _family_said(parts: list[PasteMatch]) -> str:
    """What a logged line says of the family it names beside the member (余丽娜和老公): nobody on the roster, not
    logged — or "" when it names none."""
    fam = next((m.family for m in parts if m.family), None)
    if fam is None:
        return ""
    names = "、".join(dict.fromkeys(m.candidates[0].display_name for m in parts if m.candidates))
    return (
        f"{names} 打卡已记录; 同行的家人 ({fam}) 没写名字, 名册中找不到, 未记录"
        f" ({names}: checked in, logged; the family beside them ({fam}) is not named on the roster: not logged)"
    )


def _leave_detail(names: str, parts: list[PasteMatch]) -> str:
    """The people a leave line names, the days it says, and whether that leave is recorded."""
    spans = {m.leave_days for m in parts if m.leave_days is not None}
    if len(spans) == 1 and all(m.leave_recorded for m in parts):  # recorded already: nothing more to do
        first, last = next(iter(spans))
        zh = f"{first}" if first == last else f"{first} 至 {last}"
        en = f"{first}" if first == last else f"{first} to {last}"
        return f"{names}: 请假 {zh}, 未记为打卡; 这次请假已记录 (on leave {en}: not a check-in; that leave is recorded)"
    if len(spans) == 1:  # the days the line says, and that the paste records no leave
        first, last = next(iter(spans))
        zh = f"{first}" if first == last else f"{first} 至 {last}"
        en = f"{first}" if first == last else f"{first} to {last}"
        return (
            f"{names}: 请假 {zh}, 未记为打卡; 粘贴不记录请假, 请在打卡页点「请假…」或用 qundesk leave add 记录 "
            f"(on leave {en}: not a check-in; a paste records no leave: record it with Leave… on the "
            "Check-ins page, or qundesk leave add)"
        )
    return f"{names}: 请假, 未记为打卡 (on leave: not a check-in)"
