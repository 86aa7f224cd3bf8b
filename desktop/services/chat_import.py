"""Import a group's chat-history export (PRODUCT §3.8, §4 `qundesk import chat`): who spoke on which day, the
check-ins they posted, who joined through whom and who was removed — and never a message text. No Qt here.

Flow: `plan_chat_import` streams the export once (desktop/io/chat_exports.py) and returns a `ChatPlan` (a
preview: senders known / unknown / unattributable, messages per membership and day, check-ins, joins,
removals); `apply_chat_import` writes it in the caller's transaction; `run_chat_import` does both for a file
and a group name (the CLI and the window's task).

Decisions (what users see follows from these):
- Who sent a row: its sender ID (wxid, QQ number, e-mail) remembered for this group before (chat_alias), or
  equal to the WeChat ID of a membership of the group; otherwise one of the names the export gives (group
  nickname, nickname, remark) equal to the name, nickname or group nickname of exactly one membership of the
  group — when no name is exactly anyone's, read as a paste reads it, without its decorations or as one segment
  of a group nickname (王芳🌸, 张伟（大伟）, 北京-王芳: paste.RosterIndex.carriers, one rule for both) —, or
  remembered as an alias (an old name of theirs: not when the member also speaks under a name of theirs in the
  same ID-less export — then that name is someone else's now, an unknown sender that looks like them) — unless
  the row's ID differs from the ID(s) of that kind recorded for the member (their WeChat ID / QQ number, IDs
  remembered for them): another account with their name is an unknown sender (offered as "it is <member>", never merged). Two accounts of one export under a member's name, neither ID
  recorded for them, are both such unknown senders (which one is the member cannot be told). A name two memberships carry is *unattributable*: nothing is counted. The
  ID of a sender matched by name is remembered, and so are the names seen: one identity across nickname
  changes. Anything else is an *unknown sender*, listed with its message count; nothing is counted for it
  unless `add_unknown` adds it as a member (WeChat ID = sender ID — a QQ export's number is the QQ number —, name =
  group nickname else nickname), or the
  window's decision links it to a member, adds it, or ignores it (all remembered).
- Messages: every non-system row of a known sender counts for (membership, local day) — whatever its status
  (a member who later left still spoke then). Notices (joins, removals, recalls, pats, renames) never count.
- Check-ins: a text message whose own text (a reply's, never the part it quotes; not an inline 「quote」 over a
  `- - -` line) carries one of the group's check-in keywords (default 打卡; found as written or read alike —
  ＃早起打卡, 早起 打卡, 讀書打卡 —: chat_parse.KeywordRule, the pasted chat log's rule too) — and does not say someone has
  not checked in or remind them to (还没打卡的抓紧, 记得打卡: chat_parse.says_not_checked_in), nor only talk about
  checking in (大家打卡了吗？, 明天开始打卡, 打卡链接在群公告, 帮芳芳打卡: chat_parse.talks_about_checking_in) — is a check-in of
  its sender for that day, at the message's time, not late, source 'chat'. A 接龙 (first line `#接龙` or `＃接龙`) is not a
  text check-in itself. A chain is for the day its title names (within CHAIN_TITLE_DAYS of the post), else the
  day it was posted; chains are told apart by title, and the LAST copy of each, when its title contains a
  keyword, is parsed like a paste (desktop/services/paste.py): its certain entries are check-ins for the
  chain's day, each at the time of the first copy that has its line (the copy its member posted: the last copy
  is the last signer's). One per membership and day, the earliest time winning. Only members (已入群) check in,
  and none before the day they joined; others are counted in the preview as "not members", not logged.
- Joins (`"A"邀请"B、C"加入了群聊`, QR codes, `你邀请…`, QQ `…加入本群`): B and C get joined_at that day and
  referrer A when A is known, status 入群中 or 已入群 following the group's entry steps
  (onboarding.record_join). A joiner who is not on the roster is listed (added with `add_unknown`). A notice
  naming someone who was an active member before that day changes nothing: it is listed (another person with
  that name, or a return nobody noted — the user looks).
  A join or removal naming a member by a name that another account of this export also carries (a look-alike
  copying their nickname, an account not linked to them) is listed, not applied: which one it names cannot be told.
  Removals (`你将"B"移出了群聊`, `"A"将"B"移出了群聊`) make B 已移除 that day — for an owner or admin only (an
  assistant's import lists them as not applied). A leaving (`"B"退出了群聊`, QQ `B退出了本群。`, `"B" left the group
  chat`, WhatsApp `B left`) makes B 已退群 that day (no owner needed). Nobody leaves without a notice: none is
  invented. Invitees quoted one by one (`"B"、"C"和"D"`, `"B", "C" and "D"`) are each joined; a name nobody carries
  that reads `B and C` / `B和C` stands for them when each is one member. With `add_unknown`, a stranger a join
  notice adds is the one a later removal or leaving of that name in the export names.
  你/我 in a notice is the exporting user: found in the file where it says (留痕/PyWxDump own rows, WeFlow
  notices, ChatLab), else the member remembered for this group, else `exporter_member_id` (CLI `--me`). When
  the file points at several members, nobody is guessed: 你 stays unresolved and the preview says so.
- The group: an export that names its group (QQ 消息对象, ChatLab meta.name, WeFlow 昵称) differently from the
  selected group — letters and digits compared, names and chatroom ids of exports imported into it before
  accepted; or, for an export that gives only its chatroom id (PyWxDump), another chatroom than those
  imported into the group before — sets `group_mismatch`: the window warns and asks, the CLI refuses without
  --other-group. So does an export naming no group whose senders are nearly all strangers (`mostly_strangers`:
  perhaps another group's chat, or a roster that does not know their chat names yet), and a 留痕 CSV that looks
  like the exporter's private chat (`private_with`: one other sender, every notice under a sender — _private_with).
- Overlaps: an export holds every message of its span, so rows inside the span of an earlier import of the
  group (chat_import) of a sender that import counted (their ID, or for people known by name only their name,
  is remembered as an alias; the exporter's own ID-less rows, 我, and their rows under their ID are one
  sender) — or of a member found by roster ID or name on a day that import counted their messages (another
  exporter shows them under another name: 芳芳 in 留痕, 芳芳🌸 in WeFlow) — were taken into account then and are
  skipped: re-importing a file, or importing an export that overlaps another, counts nothing twice. Rows of a
  sender it did not count (left undecided, ignored, or absent from it) are not skipped: they count once the
  sender is known. Known limit: a message of
  a counted sender that the earlier export lacked is skipped too (no per-message fingerprint is kept). Notices
  inside such a span are read again, and planned only when the record does not show them yet (_still_to_do): a
  joiner the earlier import could not add (then not on the roster, added now with --add-unknown), a removal an
  assistant could not apply, a missing referrer (你 known now) — never a removal already applied or one older
  than the member's later return.
- All-or-nothing: one transaction; `dry_run` writes nothing.
"""

from __future__ import annotations

import json
import re
import time as _time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.chat_parse import (
    KeywordRule,
    keywords_of,
    says_not_checked_in,
    talks_about_checking_in,
)
from desktop.errors import QunDeskError, ValidationError
from desktop.io.chat_exports import EPOCH_FORMATS, SELF, ChatRow, ChatSource, open_chat_export, system_events
from desktop.io.fields import ImportProblem
from desktop.services.audit import record_audit
from desktop.services.chat_leave import chain_leave_request, plan_leave_requests, record_leave_requests, says_leave
from desktop.services.checkins import closed_spell_days
from desktop.services.operators import Actor, allowed, require
from desktop.services.paste import (
    MAX_MAKE_UP_DAYS,
    camp_date,
    camp_day_outside,
    camp_makeup_day,
    made_up_day,
    makeup_days,
    makeup_of_unsure_day,
    names_no_day,
    title_camp_day,
)
from models import (
    ChatActivity,
    ChatAlias,
    ChatImport,
    CheckIn,
    Group,
    Member,
    Membership,
    WorkspaceSetting,
    bulk,
    clock,
    kept,
)
from models.base import ENDED_STATUSES
from models.phone_lookup import phones_masked

EXPORTER_SETTING = "chat_exporter:"  # + group id -> member id of the person whose exports this group gets
PROGRESS_EVERY = 5000
_SANITISE = re.compile(r'[\\/:*?"<>|\s.]')  # 留痕 writes remarks with these replaced by "_"


def _key(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").casefold().split())


# What WeChat and QQ show for an account they cannot name (deactivated, or a profile never loaded) and QQ's anonymous
# posters (chat_exports.ANONYMOUS): several people may write under it in one export — never a member's name to match,
# nor one member to add
_PLACEHOLDER_NAMES = frozenset(
    {"微信用户", "未知用户", "未知", "wechatuser", "unknownuser", "unknown", "匿名", "匿名用户"}
)


def placeholder_name(name: str | None) -> bool:
    """`微信用户`, `未知用户`: the client's word for an account it cannot name, nobody's name."""
    return _key(name) in _PLACEHOLDER_NAMES


def _sanitised_key(text: str | None) -> str:
    return _key(_SANITISE.sub("_", text or ""))


SELF_ALIAS = "(self)"  # the alias an exporting user's own rows without an ID (PyWxDump's 我) are remembered by


def _alias_key(sender_id: str) -> str:
    """How a sender ID is remembered as an alias (the exporter's own ID-less rows under SELF_ALIAS)."""
    return SELF_ALIAS if sender_id == SELF else _key(sender_id)


_QQ_UID_RE = re.compile(r"^u_[a-z0-9_-]{22}$")  # a QQ NT account's uid (QCE exports give it where the number is hidden)


def _id_kind(key: str) -> str:
    """'qq' for a QQ number or a QQ e-mail account, 'qq_uid' for a QQ NT uid (another identifier of a QQ account:
    never compared with a number), else 'wechat' (a WeChat ID starts with a letter)."""
    if key.isdigit() or ("@" in key and not key.endswith("@chatroom")):
        return "qq"
    return "qq_uid" if _QQ_UID_RE.match(key) else "wechat"


# ---------------------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------------------


@dataclass
class SenderInfo:
    """One sender of the export as the preview lists it."""

    key: str  # "id:<sender id>" or "name:<name>" — what a decision refers to
    sender_id: str | None
    names: tuple[str, ...]
    messages: int = 0
    first_day: date | None = None
    last_day: date | None = None
    status: str = "unknown"  # known | unknown | unattributable | ignored
    membership_id: int | None = None
    member_id: int | None = None
    display_name: str | None = None  # of the member, when known
    how: str | None = None  # id | alias | name | decision
    candidates: tuple[tuple[int, str], ...] = ()  # (membership id, name) for unattributable names
    # an unknown (or added) sender whose name looks like people of the group — 張偉 for 张伟, 汪芳 for 王芳 — or like
    # someone deleted from its roster, as the roster import warns (paste.RosterIndex.lookalikes): their names, said
    looks_like: tuple[tuple[int | None, str], ...] = ()  # (membership id — None: deleted —, name)
    by_day: dict[date, int] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        return self.names[0] if self.names else (self.shown_id or "?")

    @property
    def shown_id(self) -> str | None:
        """The sender ID as users see it (None for the exporting user's own ID-less rows, 我)."""
        return None if self.sender_id == SELF else self.sender_id

    @property
    def is_exporter(self) -> bool:
        """The exporting user's own rows that carry no ID (PyWxDump's 我): --me says who they are."""
        return self.sender_id == SELF


@dataclass(frozen=True)
class PlannedCheckin:
    membership_id: int
    display_name: str
    day: date
    at: datetime
    source: str  # "chat" (a text message) | "chain" (an entry of the day's last 接龙)

    @property
    def late(self) -> bool:
        """A make-up (补卡): posted after the day it is for (补打卡昨天的)."""
        return self.at.date() > self.day


@dataclass(frozen=True)
class PlannedJoin:
    name: str  # as the notice wrote it
    day: date
    at: datetime
    membership_id: int | None  # None: not on the roster
    display_name: str | None
    referrer_member_id: int | None
    referrer_name: str | None
    how: str  # invite | qr | join
    by_exporter: bool = False  # 你邀请… : the exporting user invited them
    already_since: date | None = None  # an active member since this earlier day: their record is left as it is


@dataclass(frozen=True)
class PlannedRemoval:
    name: str
    day: date
    at: datetime
    membership_id: int | None
    display_name: str | None
    by_name: str | None
    how: str = "remove"  # remove | leave: they left on their own ("李四"退出了群聊, "Bob" left the group chat)


@dataclass
class ChatPlan:
    file: str
    format: str
    format_label: str
    group_id: int | None
    first_at: datetime | None = None
    last_at: datetime | None = None
    rows: int = 0
    system_rows: int = 0
    covered_rows: int = 0  # inside the span of an earlier import: skipped
    covered_notices: int = 0  # of those, notices (counted in system_rows too)
    messages_known: int = 0
    senders: list[SenderInfo] = field(default_factory=list)
    checkins: list[PlannedCheckin] = field(default_factory=list)
    checkins_not_members: list[PlannedCheckin] = field(default_factory=list)
    chain_unmatched: list[tuple[date, str]] = field(default_factory=list)  # chain entries naming nobody certain
    # a message or chain title naming a camp day (第12天打卡) whose date, counted from the group's first day (开营日),
    # is not the day of its stamp: (stamp's day, sender or chain title, words as written, the date the count names).
    # The stamp's day wins — the message was posted then — and the disagreement is reported, never silently dropped
    camp_day_disagrees: list[tuple[date, str, str, date]] = field(default_factory=list)
    joins: list[PlannedJoin] = field(default_factory=list)
    removals: list[PlannedRemoval] = field(default_factory=list)
    unresolved_events: list[str] = field(default_factory=list)
    exporter_member_id: int | None = None
    exporter_name: str | None = None
    add_unknown: bool = False
    exporter_needed: bool = False  # notices say 你 and nobody knows who exported the chat
    checkins_of_new: int = 0  # text check-ins of senders the import will add (--add-unknown / "add")
    export_group: str | None = None  # the group the export names (QQ 消息对象, ChatLab meta.name, WeFlow 昵称)
    export_group_id: str | None = None  # the chatroom / QQ group id the export gives
    group_mismatch: bool = False  # the export names another group than the selected one: applied only if confirmed
    other_group_ok: bool = False  # the user confirmed importing it into the selected group anyway
    # an export that names no group whose senders are nearly all not on the roster: (senders on it, senders not) —
    # perhaps another group's chat; a group_mismatch too (applied only if confirmed)
    mostly_strangers: tuple[int, int] | None = None
    # a 留痕 CSV that looks like the exporter's private chat with one person (their name): a group_mismatch too
    private_with: str | None = None
    # an export without IDs or notices in which only two people speak, neither known as its exporter: both names
    private_pair: tuple[str, str] | None = None
    zone: str | None = None  # the zone its epoch stamps were read in (Asia/Shanghai); None: times as written
    # times as written (text formats) while this computer's zone is not the community's: (this computer's, community's)
    zone_differs: tuple[str, str] | None = None
    # the export's 请假 messages, per member with the days they say (desktop/services/chat_leave.py); `record_leave`:
    # the certain ones are recorded by the import (the CLI's --record-leave, the window's box)
    leave_requests: list[Any] = field(default_factory=list)
    record_leave: bool = False
    # transient, never stored: what check-ins are planned from, re-planned once unknown people are added
    _texts: dict[Any, Any] = field(default_factory=dict, repr=False)
    _chains: dict[Any, Any] = field(default_factory=dict, repr=False)
    _resolver: Any = field(default=None, repr=False)
    _self_ids: set[str] = field(default_factory=set, repr=False)
    _self_names: set[str] = field(default_factory=set, repr=False)  # the exporter's own rows' names (no IDs: 留痕 HTML)
    _self_covered: dict[date, int] = field(default_factory=dict, repr=False)  # 我's rows in earlier spans, per day
    _leave_msgs: list[Any] = field(default_factory=list, repr=False)  # (sender, sent at, text) of the 请假 messages
    _chain_leaves: list[Any] = field(default_factory=list, repr=False)  # the 请假 lines of the day's chains

    @property
    def joins_of_strangers(self) -> list[PlannedJoin]:
        """Join notices naming nobody on the roster: people added (as joined that day) with --add-unknown."""
        return [j for j in self.joins if j.membership_id is None]

    @property
    def joins_to_apply(self) -> list[PlannedJoin]:
        """Joins that change a record: of people on the roster who were not active members before the notice."""
        return [j for j in self.joins if j.membership_id is not None and j.already_since is None]

    @property
    def members_to_add(self) -> int:
        """People the import adds: senders to add, and with --add-unknown the strangers of join notices that
        are not one of those senders."""
        new = [s for s in self.senders if s.status == "new"]
        count = len(new)
        if self.add_unknown:
            names = {_key(n) for s in new for n in s.names}
            count += len({_key(j.name) for j in self.joins_of_strangers} - names)
        return count

    @property
    def unknown(self) -> list[SenderInfo]:
        return [s for s in self.senders if s.status == "unknown"]

    @property
    def unattributable(self) -> list[SenderInfo]:
        return [s for s in self.senders if s.status == "unattributable"]

    @property
    def known(self) -> list[SenderInfo]:
        return [s for s in self.senders if s.status == "known"]

    def activity(self) -> Iterator[tuple[int, date, int]]:
        """(membership, day, messages) of every known sender: what the import adds to chat_activity, day by
        day, members in order within a day (measured on a year of 2,000 members: the cheapest order to insert
        with both of its indexes, 1.48 s against 1.70 s member by member and 1.78 s in the file's order)."""
        known = sorted(
            (s for s in self.senders if s.status == "known" and s.membership_id is not None),
            key=lambda s: s.membership_id or 0,
        )
        rows = [(info.membership_id, day, n) for info in known for day, n in info.by_day.items()]
        rows.sort(key=lambda r: r[1])  # stable: members stay in order within a day
        yield from rows

    @property
    def speakers(self) -> int:
        """Memberships with at least one message in this export."""
        return len({s.membership_id for s in self.senders if s.status == "known" and s.membership_id and s.by_day})


@dataclass
class _Person:
    membership_id: int
    member_id: int
    display_name: str
    status: str
    joined: date | None = None  # the day the membership joined (no check-in is logged before it)


class _Roster:
    """The group's memberships by the keys a chat export can name them with, and the remembered aliases."""

    def __init__(self, session: Session, group_id: int | None):
        self.by_membership: dict[int, _Person] = {}
        self.by_member: dict[int, _Person] = {}
        self.by_wechat: dict[str, _Person] = {}
        self.by_name: dict[str, set[int]] = defaultdict(set)  # key -> membership ids
        self.alias_ids: dict[str, int | None] = {}  # sender id key -> member id (None: ignored)
        self.alias_names: dict[str, int | None] = {}
        self.ids_of: dict[int, set[str]] = defaultdict(set)  # member id -> sender id keys recorded for them
        self.id_aliased: set[int] = set()  # members an earlier import counted by a sender ID
        self._session, self._group_id, self._roster_index = session, group_id, None
        if group_id is None:
            return
        rows = session.execute(
            select(
                Membership.id,
                Member.id,
                Member.display_name,
                Member.nickname,
                Membership.group_nickname,
                Member.wechat_id,
                Member.qq,
                Membership.status,
                Membership.joined_at,
            )
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == group_id, Member.deleted_at.is_(None), Member.merged_into_id.is_(None))
        ).all()
        for ms_id, member_id, name, nick, gnick, wechat, qq, status, joined in rows:
            person = _Person(ms_id, member_id, name, status, joined.date() if joined else None)
            self.by_membership[ms_id] = person
            self.by_member[member_id] = person
            for ident in (wechat, qq):  # a sender ID is a wxid / custom WeChat ID, or a QQ number
                if ident:
                    self.by_wechat[_key(ident)] = person
                    self.ids_of[member_id].add(_key(ident))
            for value in (name, nick, gnick):
                if value:
                    self.by_name[_key(value)].add(ms_id)
                    self.by_name[_sanitised_key(value)].add(ms_id)
        for kind, value, member_id, ignored in session.execute(
            select(ChatAlias.kind, ChatAlias.value, ChatAlias.member_id, ChatAlias.ignored).where(
                ChatAlias.group_id == group_id
            )
        ):
            target = None if ignored else member_id
            (self.alias_ids if kind == "id" else self.alias_names)[value] = target
            if kind == "id" and target is not None:
                self.ids_of[target].add(value)
                self.id_aliased.add(target)

    def other_id(self, person: _Person, sender_id: str) -> bool:
        """The sender ID is not one recorded for the person, who has IDs of that kind recorded (a QQ number is
        not compared with a WeChat ID): another account with the same name."""
        skey = _key(sender_id)
        recorded = {i for i in self.ids_of.get(person.member_id, ()) if _id_kind(i) == _id_kind(skey)}
        return bool(recorded) and skey not in recorded

    def counted_before(self, sender_id: str | None, names: tuple[str, ...]) -> bool:
        """An earlier import counted this sender's messages: their ID is remembered for a member — or, for a
        member earlier imports knew by name only (a TXT export), a name of theirs. A sender left undecided, or
        ignored, was counted by none."""
        if sender_id:
            skey = _alias_key(sender_id)
            if skey in self.alias_ids:
                return self.alias_ids[skey] is not None
            if sender_id == SELF:
                return False
            person = self.by_wechat.get(skey)
            if person is not None and self.alias_ids.get(SELF_ALIAS) == person.member_id:
                return True  # the exporter, whose own ID-less rows (PyWxDump's 我) an earlier import counted
        for n in names:
            member = self.alias_names.get(_key(n)) if n else None
            if member is not None and not (sender_id and member in self.id_aliased):
                return True
        return False

    def counted_member(self, member_id: int) -> bool:
        """An earlier import counted this member under some ID or name of theirs (chat_alias)."""
        return member_id in self.alias_ids.values() or member_id in self.alias_names.values()

    def by_names(self, names: tuple[str, ...]) -> tuple[str, list[int]]:
        """("one", [ms]) / ("several", [ms…]) / ("none", []) for the names a row gives."""
        several: list[int] = []
        for name in names:
            found: set[int] = set()
            for key in {_key(name), _sanitised_key(name)}:
                found |= self.by_name.get(key, set())
            if len(found) == 1:
                return "one", list(found)
            if len(found) > 1 and not several:
                several = sorted(found)
        for name in names:  # an old nickname remembered from an earlier export
            member = self.alias_names.get(_key(name))
            if member is not None and member in self.by_member:
                return "one", [self.by_member[member].membership_id]
        if several:
            return "several", several
        for name in names:  # the paste's rule for a decorated name (王芳🌸, 张伟（大伟）, 北京-王芳): one matcher
            found = [m for m in self._index().carriers(name) if m in self.by_membership] if name else []
            if len(found) == 1:
                return "one", found
            if len(found) > 1 and not several:
                several = found
        return ("several", several) if several else ("none", [])

    def by_old_name_only(self, names: tuple[str, ...]) -> bool:
        """No name the row gives is anyone's on the roster: it was matched as a name an earlier export showed
        for a member (alias_names) — a name they may since have dropped, and someone else taken."""
        if any(self.by_name.get(k) for n in names if n for k in (_key(n), _sanitised_key(n))):
            return False
        return any(self.alias_names.get(_key(n)) is not None for n in names if n)

    def looks_like(self, name: str) -> tuple[tuple[int | None, str], ...]:
        """Whom a sender no name of theirs names looks like (RosterIndex.lookalikes): (membership, name) of each,
        (None, name) for someone deleted from the roster; else, the people of other groups called exactly so
        (RosterIndex.elsewhere: 李娜 of 一期 speaking in 二期's chat), (None, name and group) — `--add-unknown`
        made a second 李娜 without a word."""
        index = self._index()
        found = index.lookalikes(name) or index.elsewhere(name).people
        return tuple(
            dict.fromkeys(
                (None, f"{c.display_name} (已删除 deleted)")
                if c.status == "deleted"
                else (None, f"{c.display_name} ({_in_group(c.group, c.group_status)})")
                if c.status == "elsewhere"
                else (c.membership_id, c.display_name)
                for c in found
            )
        )

    def _index(self):
        """The group's RosterIndex (desktop/services/paste.py), made on the first name no exact key finds."""
        if self._roster_index is None:
            from desktop.services.paste import RosterIndex

            self._roster_index = RosterIndex(self._session, self._group_id)
        return self._roster_index


class _Resolver:
    """Sender of each row -> SenderInfo, with what this export teaches (an ID seen with a matched name)."""

    def __init__(self, roster: _Roster):
        self.roster = roster
        self.senders: dict[str, SenderInfo] = {}
        self.learned_ids: dict[str, str] = {}  # sender id key -> sender key it resolved to
        self._fast: dict[str | tuple[str, ...], SenderInfo] = {}
        self.by_member: dict[int, SenderInfo] = {}

    def sender(self, row: ChatRow) -> SenderInfo:
        """The row's sender; rows with the same sender ID (or, without one, the same names) share one."""
        key = row.sender_id or row.names
        fast = self._fast.get(key)
        if fast is not None:
            return fast
        info = self._sender(row)
        self._fast[key] = info
        return info

    def _sender(self, row: ChatRow) -> SenderInfo:
        sid = row.sender_id
        skey = _key(sid) if sid else None
        if skey is not None and skey in self.learned_ids:
            info = self.senders[self.learned_ids[skey]]
            self._merge_names(info, row.names)
            return info
        key = f"id:{sid}" if sid else f"name:{row.names[0] if row.names else '?'}"
        info = self.senders.get(key)
        if info is not None:
            return info
        info = SenderInfo(key, sid, tuple(row.names))
        self._resolve(info)
        if info.status == "known" and info.member_id is not None:
            # the same person under another key (a name before, an ID now): one sender
            member = info.member_id
            other = self.by_member.get(member)
            person = self.roster.by_member[member]
            if other is not None and other.status != "known":  # accounts found to share the member's name
                if info.how == "name":
                    self._another_account(info, person)
                else:  # the member's own ID: theirs
                    self.by_member[member] = info
            elif other is not None and self._two_accounts(other, info):
                # two accounts of this file under one member's name, neither ID recorded for them: which one is
                # the member cannot be told — both are "same name as <member>, another ID" for the user to link
                for account in (other, info):
                    self._another_account(account, person)
            elif other is not None and self._old_name_taken(other, info, person):
                if other.how == "old_name":  # the earlier sender was the stranger: this one is the member
                    self.by_member[member] = info
            elif other is not None:
                self._merge_names(other, row.names)
                if skey is not None:
                    self.learned_ids[skey] = other.key
                return other
            else:
                self.by_member[member] = info
        self.senders[key] = info
        if skey is not None:
            self.learned_ids[skey] = key
        return info

    def resolve_late(self) -> None:
        """A sender ID that wrote under several names, the first of them nobody's on the roster: resolved by all of
        them. A member renamed in the middle of the export (赵敏 → 赵一敏, the roster holding the new name) was an
        unknown sender 赵敏 — the first row's name decided, the later rows were never read for a name — and all
        their messages, those under 赵一敏 too, went uncounted. Matched as a first row's names are (_resolve); a
        member another sender of this export is already known as stays with that one (this one is another
        account, said as such)."""
        for info in list(self.senders.values()):
            if info.status != "unknown" or info.how is not None or not info.sender_id or len(info.names) < 2:
                continue
            self._resolve(info)
            if info.status != "known" or info.member_id is None:
                continue
            other = self.by_member.get(info.member_id)
            if other is not None and other is not info:
                self._another_account(info, self.roster.by_member[info.member_id])
            else:
                self.by_member[info.member_id] = info

    @staticmethod
    def _two_accounts(a: SenderInfo, b: SenderInfo) -> bool:
        """Two senders of one member are two accounts: both have IDs of one kind, different, and one of them was
        matched by name only (or already found to be another account)."""
        if not (a.sender_id and b.sender_id) or _key(a.sender_id) == _key(b.sender_id):
            return False
        if _id_kind(_key(a.sender_id)) != _id_kind(_key(b.sender_id)):
            return False
        return "name" in (a.how, b.how)

    @staticmethod
    def _old_name_taken(a: SenderInfo, b: SenderInfo, person: _Person) -> bool:
        """Two ID-less senders of one export (a TXT export writes each person under one name) both found to be
        the member, one only by a name an earlier export showed for them: that name is someone else's now (芳芳
        dropped 小芳, and another member took it). That sender is unknown — it looks like the member, the user
        decides — never counted for them."""
        if a.sender_id or b.sender_id or "old_name" not in (a.how, b.how) or a.how == b.how:
            return False
        stranger = a if a.how == "old_name" else b
        stranger.status = "unknown"
        stranger.looks_like = ((person.membership_id, f"{person.display_name} (旧昵称 old name)"),)
        stranger.membership_id = stranger.member_id = stranger.display_name = None
        return True

    @staticmethod
    def _another_account(info: SenderInfo, person: _Person) -> None:
        info.status, info.how = "unknown", "other_id"
        info.candidates = ((person.membership_id, person.display_name),)
        info.membership_id = info.member_id = info.display_name = None

    @staticmethod
    def _merge_names(info: SenderInfo, names: tuple[str, ...]) -> None:
        if any(n not in info.names for n in names):
            info.names = tuple(dict.fromkeys((*info.names, *names)))

    def _resolve(self, info: SenderInfo) -> None:
        roster = self.roster
        if info.sender_id == SELF:
            # the exporting user's own rows with no ID (PyWxDump's 我): the exporter's once the plan knows who
            # exported this file (_plan_self_rows); never matched by the name 我, never added as a member
            if SELF_ALIAS in roster.alias_ids and roster.alias_ids[SELF_ALIAS] is None:
                info.status = "ignored"
            info.how = "self"
            return
        if info.sender_id:
            skey = _key(info.sender_id)
            if skey in roster.alias_ids:
                member = roster.alias_ids[skey]
                if member is None:
                    info.status = "ignored"
                    return
                person = roster.by_member.get(member)
                if person is not None:
                    self._known(info, person, "alias")
                    return
            person = roster.by_wechat.get(skey)
            if person is not None:
                self._known(info, person, "id")
                return
        found, ids = roster.by_names(tuple(n for n in info.names if not placeholder_name(n)))
        if found == "one":
            person = roster.by_membership[ids[0]]
            if info.sender_id and roster.other_id(person, info.sender_id):
                # the member's name, but not an ID of theirs: another account — the user decides, never merged
                info.status, info.how = "unknown", "other_id"
                info.candidates = ((person.membership_id, person.display_name),)
                return
            # a sender with no ID known only by an old name of the member's: marked, in case the member shows up
            # under a name of theirs in this export too (_old_name_taken)
            how = "old_name" if not info.sender_id and roster.by_old_name_only(info.names) else "name"
            self._known(info, person, how)
        elif found == "several":
            info.status = "unattributable"
            info.candidates = tuple((i, roster.by_membership[i].display_name) for i in ids)

    @staticmethod
    def _known(info: SenderInfo, person: _Person, how: str) -> None:
        info.status, info.how = "known", how
        info.membership_id, info.member_id, info.display_name = (
            person.membership_id,
            person.member_id,
            person.display_name,
        )


# ---------------------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------------------


def _coverage(session: Session, group_id: int | None, zone: Any = None) -> list[tuple[datetime, datetime]]:
    """The spans earlier imports covered, as wall-clock times of `zone` (the zone this import reads its times in):
    a span read from epoch stamps in another zone (the setting changed since) is moved into it, so the same file
    read again falls inside its own span instead of being counted twice. A span starts at the whole minute: the same
    CSV opened and saved again in Excel writes its times to the minute (06:15:33 becomes 6:15), and its first message
    fell before the span and was counted again (an export starts at a day's midnight: a message of the span's first
    minute that the earlier export does not hold was not sent then). Its end stays: times cut to the minute only
    move back, and an export made within a minute of its last message may miss the next one."""
    if group_id is None:
        return []
    spans = sorted(
        (start.replace(second=0, microsecond=0), end)
        for start, end in (
            _in_zone(start, end, stored, zone)
            for start, end, stored in session.execute(
                select(ChatImport.first_at, ChatImport.last_at, ChatImport.time_zone).where(
                    ChatImport.group_id == group_id
                )
            ).all()
        )
    )
    merged: list[tuple[datetime, datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_zone(start: datetime, end: datetime, stored: str | None, zone: Any) -> tuple[datetime, datetime]:
    """A span of wall-clock times of the zone `stored` names, as wall-clock times of `zone` (None: this computer's);
    a span without a zone (a text export's, or a zone this computer cannot read) stays as it is."""
    if not stored or stored == clock.describe(zone):
        return start, end
    try:
        then = clock.parse_zone(stored)
    except clock.ZoneError:
        return start, end
    if then is None:
        return start, end

    def move(at: datetime) -> datetime:
        return at.replace(tzinfo=then).astimezone(zone).replace(tzinfo=None)

    return move(start), move(end)


class _CountedDays:
    """(membership, day) pairs earlier imports counted messages for, on the days of their spans: read once, when
    first asked (only an export overlapping an earlier one asks)."""

    def __init__(self, session: Session, group_id: int | None):
        self._session, self._group_id, self._pairs = session, group_id, None

    def __call__(self, spans: list[tuple[datetime, datetime]]) -> set[tuple[int | None, date]]:
        if self._pairs is None:
            self._pairs = set()
            for start, end in spans:
                self._pairs.update(
                    (ms, day)
                    for ms, day in self._session.execute(
                        select(ChatActivity.membership_id, ChatActivity.day).where(
                            ChatActivity.group_id == self._group_id,
                            ChatActivity.day >= start.date(),
                            ChatActivity.day <= end.date(),
                            ChatActivity.messages > 0,
                        )
                    ).all()
                )
        return self._pairs


def _covered(at: datetime, spans: list[tuple[datetime, datetime]]) -> bool:
    return any(start <= at <= end for start, end in spans)


_CHAIN_RE = re.compile(r"^[#＃]\s*接龙")  # WeChat's 接龙 writes "#"; a phone's Chinese keyboard gives "＃"
_FULLWIDTH_HASH_RE = re.compile(r"^(\s*)＃", re.MULTILINE)
CHAIN_TITLE_DAYS = 3  # a chain's title date counts when it is at most this many days from the post
# WeChat's copy of a reply: 「name：quoted text」, a line of "- - -", then the reply — the quote is nobody's
_INLINE_QUOTE_RE = re.compile(r"「[^」]*」[ \t]*\r?\n[ \t]*(?:[-－—][ \t]*){3,}(?:\r?\n|$)")
# the same quote copied without the divider, or with 『』 — `「跃跃：打卡」好的`, `好的\n「跃跃：打卡」`: corner brackets
# opening on a name and a colon hold someone's quoted words wherever they stand (`今天的「打卡」` names no one: kept)
_NAMED_QUOTE_RE = re.compile(
    r"「[^」「\n:：]{1,30}[:：][^」]*」(?:[ \t]*\r?\n[ \t]*(?:[-－—][ \t]*){3,}(?=\r?\n|$))?"
    r"|『[^』『\n:：]{1,30}[:：][^』]*』(?:[ \t]*\r?\n[ \t]*(?:[-－—][ \t]*){3,}(?=\r?\n|$))?"
)


def _chain_title(text: str) -> str | None:
    """The title of a 接龙 message (the rest of its `#接龙` line, else the next non-empty line), None if the
    message is not a chain."""
    if not text.lstrip().startswith(("#", "＃")):
        return None
    lines = [line.strip() for line in text.splitlines()]
    if not lines or not _CHAIN_RE.match(lines[0]):
        return None
    rest = _CHAIN_RE.sub("", lines[0]).strip()
    if rest:
        return rest
    return next((line for line in lines[1:] if line), "")


def _chain_day(title: str, posted: date) -> date:
    """The day a chain is for: the date its title names, when that is within CHAIN_TITLE_DAYS of the post (a
    chain reposted after midnight is still the day before's), else the day it was posted."""
    from desktop.services.paste import parse_day

    named = parse_day(title, posted)
    if named is not None and abs((named - posted).days) <= CHAIN_TITLE_DAYS:
        return named
    return posted


def _continues_yesterdays(chains: dict, title_key: str, day: date, text: str) -> bool:
    """A copy of a chain whose title names no day (早起打卡), posted on `day` before any chain of that title was
    started on it, that reposts the day before's chain of the title with more lines: the day before's chain,
    signed after midnight — not a new chain of `day` (read as one, everyone on the day before's chain was
    checked in on `day` too). A new day's chain starts again from its first entry, which never holds all of the
    day before's lines and more."""
    if (day, title_key) in chains:
        return False
    before = chains.get((day - timedelta(days=1), title_key))
    if before is None:
        return False

    def lines(copy: str) -> set[str]:
        return {_chain_line_key(x) for x in _FULLWIDTH_HASH_RE.sub(r"\1#", copy).splitlines()} - {""}

    return lines(before[1]) < lines(text)


def _chain_line_key(line: str) -> str:
    return " ".join(line.split())


def _first_seen(seen: dict[str, datetime], text: str, at: datetime) -> None:
    """Each line of a chain's copy posted at `at`, with the time of the earliest copy that has it: a chain is
    reposted whole with one line more each time, so an entry's first copy is the one its member posted (the last
    copy, read for the entries, is the last signer's)."""
    for line in text.splitlines():
        key = _chain_line_key(line)
        if key and (key not in seen or at < seen[key]):
            seen[key] = at


# A phone's copy of a reply sent as a message: the quoted message's first line `name：text` (the name naming no
# check-in itself: `今日打卡：5公里` over a divider is the member's own report), maybe more quoted lines, then WeChat's
# spaced divider `- - - - - -` — everything down to the divider is the quote
_DIVIDED_QUOTE_RE = re.compile(
    r"\A[ \t]*(?!(?:[^\n:：]*?)(?:打卡|签到))[^\s:：「」『』][^\n:：「」『』]{0,29}[:：][^\n]*\r?\n"
    r"(?:[^\n]*\r?\n){0,39}?[ \t]*-(?:[ \t]+-){5,}[ \t]*(?:\r?\n|\Z)"
)
# A quoted line, e-mail style: `> 打卡`, `> 上官静红: 打卡`, `＞芳芳：打卡` (never `>_<` nor `>5km`)
_QUOTED_LINE_RE = re.compile(r"^[ \t]*[>＞](?:[ \t]|[^\s:：]{1,30}[:：]|$)[^\n]*(?:\r?\n|\Z)", re.MULTILINE)


# A forwarded chat record written out as text: its title (群聊的聊天记录, 芳芳和跃跃的聊天记录, [聊天记录], WeFlow's
# [转发的聊天记录]…) then the forwarded lines `name: text` — other people's words, of other days
_FORWARDED_RE = re.compile(
    r"\A\s*(?:\[(?:转发的)?聊天记录\][^\n]*|[^\n:：]{0,40}的聊天记录)[ \t]*\r?\n"
    r"(?:[ \t]*\r?\n)*[ \t]*[^\s:：][^\n:：]{0,29}[:：]"
)


def _own_text(text: str) -> str:
    """A message's own words, the quoted message it carries cut out: 「…」 over a `- - -` line (WeChat's copy of a
    reply), a phone's copy (`name：text` over the spaced divider) and `> ` quoted lines. A quote is the quoted
    person's words, never the check-in (or leave, or reminder) of the one who quotes it. A forwarded chat record
    (its title, then `name: text` lines) holds no words of the forwarder's at all."""
    if "聊天记录" in text and _FORWARDED_RE.match(text):
        return ""
    if "「" in text:
        text = _INLINE_QUOTE_RE.sub("", text)
    if "「" in text or "『" in text:
        text = _NAMED_QUOTE_RE.sub("", text)
    if "- -" in text:
        text = _DIVIDED_QUOTE_RE.sub("", text)
    if ">" in text or "＞" in text:
        text = _QUOTED_LINE_RE.sub("", text)
    return text


# A line `name：text` (or `name: text`) opening a message: a phone's reply quoting without WeChat's divider (跃跃：打卡
# on the first line, the reply under it), or someone reporting another's 打卡 — when `name` is another person's
_NAMED_LINE_RE = re.compile(
    r"\A[ \t]*(?P<name>[^\s:：@＠「」『』>＞][^\n:：「」『』]{0,29}?)[ \t]*[:：][^\n]*(?:\r?\n|\Z)"
)


def _cut_named_quote(text: str, info: SenderInfo, roster: _Roster) -> str:
    """The message without a first line `跃跃：打卡` that names another person of the group (not the sender: 钱坤's
    `钱坤：打卡` is his own, as is one of 阳光's `阳光：打卡`) — the quoted person's words, or a report of theirs:
    never the sender's check-in (or leave). A line whose "name" is no one's (`今日打卡：5公里`, `晨跑：打卡`) stays
    the sender's own. A member whose nickname is a plain word (晨跑) quoted so loses nothing of their own: the
    cut line is only ever another's."""
    match = _NAMED_LINE_RE.match(text)
    if match is None:
        return text
    kind, ids = roster.by_names((match["name"].strip(),))
    if kind == "none" or (info.membership_id is not None and info.membership_id in ids):
        return text
    return text[match.end() :]


SHIFT_SAMPLE = 2000  # keyword messages compared with earlier imports' check-ins (the first ones of the export)
SHIFT_AT_LEAST = 2  # check-ins an export's clock must be off by the same hours to say so


def _shifted_clock(session: Session, source: ChatSource, rows: list[tuple[int, datetime, str, int]]) -> None:
    """Refuse an export whose times are whole hours off the community's: the check-ins an earlier import logged
    from the days both exports hold are found here SHIFT_AT_LEAST times or more at the same offset — 王芳's 06:10:05
    of the 11th at 22:10:05 of the 10th, 8 hours early, to the second (or the minute: a file saved again by Excel)
    — and none at its own time. A text export carries the exporting computer's time (留痕 TXT on a PC set to UTC):
    read as written, every check-in before 08:00 lands on the day before, and the rows inside the earlier import's
    span are skipped as counted. Nothing tells which zone a text export was written in but such an overlap; with
    it, the import is refused naming one check-in, never written a day off."""
    members = {ms for ms, *_ in rows}
    start = min(at for _ms, at, *_ in rows) - timedelta(hours=15)
    end = max(at for _ms, at, *_ in rows) + timedelta(hours=15)
    stored: dict[int, list[datetime]] = defaultdict(list)
    for ms_id, at in session.execute(
        select(CheckIn.membership_id, CheckIn.checked_at).where(
            CheckIn.membership_id.in_(members), CheckIn.checked_at.is_not(None), CheckIn.checked_at.between(start, end)
        )
    ):
        stored[ms_id].append(at)
    if not stored:
        return
    offsets: dict[int, list[tuple[datetime, datetime, str, int]]] = defaultdict(list)
    for ms_id, at, shown, line in rows:
        for then in stored.get(ms_id, ()):
            seconds = (then - at).total_seconds()
            hours = round(seconds / 3600)
            if abs(hours) <= 14 and abs(seconds - hours * 3600) < 60:
                if hours == 0:  # a check-in found at its own time: the clocks agree
                    return
                offsets[hours].append((at, then, shown, line))
    if not offsets:
        return
    hours, found = max(offsets.items(), key=lambda kv: len({(t, n) for _a, t, n, _l in kv[1]}))
    if len({(then, shown) for _at, then, shown, _line in found}) < SHIFT_AT_LEAST:
        return
    at, then, shown, line = found[0]
    early = "早" if hours > 0 else "晚"
    english = "behind" if hours > 0 else "ahead of"
    # the English half names no one (a gloss holding Chinese is not shown as the English message): row and times
    raise ImportProblem(
        source.path.name,
        line,
        None,
        f"这份导出的时间比社群时区{early} {abs(hours)} 小时: 「{shown}」的打卡在这里是 {at:%Y-%m-%d %H:%M:%S},"
        f" 之前导入的是 {then:%Y-%m-%d %H:%M:%S}, 共 {len(found)} 次打卡都差 {abs(hours)} 小时 — 导出它的电脑设在别的"
        f"时区, 按原样导入会记错日期; 请在设为社群时区的电脑上重新导出 (row {line}: this export's times are"
        f" {abs(hours)} hours {english} the community's — a check-in that reads {at:%Y-%m-%d %H:%M:%S} here was"
        f" imported before as {then:%Y-%m-%d %H:%M:%S}, {len(found)} check-ins {abs(hours)} hours apart. The computer"
        " that exported it was set to another zone: read as written, its check-ins would land on the wrong days."
        " Export it again on a computer set to the community's zone)",
        code="chat_clock_shifted",
    )


_NAME_EDGE = " \t\r\n,，、:：;；!！~～"


def _names_another(text: str, keywords: tuple[str, ...], info: SenderInfo, roster: _Roster) -> bool:
    """The message opens on another person's name right before the check-in keyword — 钱坤's `跃跃打卡了`,
    `跃跃 打卡`, `跃跃，打卡啦`: 跃跃's check-in reported, or a reminder to 跃跃, never 钱坤's own. The words before the
    keyword must be exactly a name of someone of the group who is not the sender (`今天打卡`, `晨跑打卡`, `阳光打卡` by
    one of the two called 阳光, `钱坤打卡` by 钱坤 stay the sender's)."""
    found = [i for i in (text.find(k) for k in keywords) if i > 0]
    if not found:
        return False
    before = text[: min(found)].strip(_NAME_EDGE)
    if not before or len(before) > 30 or "\n" in before:
        return False
    kind, ids = roster.by_names((before,))
    return kind != "none" and not (info.membership_id is not None and info.membership_id in ids)


# No group chat an export holds was written before this: a time before it is a lost one (a ChatLab or QCE
# `timestamp` of 0 reads as 1 January 1970), never a day to count a message on. Imported, it would also stretch the
# import's span back to 1970 — and a later export of any earlier day of the group would be skipped as counted
EARLIEST_MESSAGE = datetime(2000, 1, 1)


def _before_any_chat(source: ChatSource, row: ChatRow) -> ImportProblem:
    """The export gives a message a time before any group chat (epoch 0): refused, naming the row."""
    return ImportProblem(
        source.path.name,
        row.line,
        None,
        f"第{row.line}条消息的时间是 {row.at:%Y-%m-%d %H:%M}, 早于任何群聊 — 导出丢了它的时间, 请重新导出 (message"
        f" {row.line} is dated {row.at:%Y-%m-%d %H:%M}, before any group chat: the export lost its time — export it"
        " again)",
        code="chat_time_lost",
    )


def plan_chat_import(
    session: Session,
    group_id: int | None,
    path: str | Path,
    *,
    add_unknown: bool = False,
    exporter_member_id: int | None = None,
    exporter_membership_id: int | None = None,
    decisions: dict[str, Any] | None = None,
    progress=None,
    source: ChatSource | None = None,
) -> ChatPlan:
    """Read the export and plan what importing it into the group would do; writes nothing.

    `decisions` (the window's): sender key -> ("link", membership id) | ("add", None) | ("ignore", None).
    `exporter_member_id` (or their membership): who exported the chat (你 in notices) when the file does not
    say."""
    if exporter_member_id is None and exporter_membership_id is not None:
        exporter_member_id = session.scalar(select(Membership.member_id).where(Membership.id == exporter_membership_id))
    source = source or open_chat_export(path)
    group = session.get(Group, group_id) if group_id is not None else None
    keywords = keywords_of(group.checkin_keywords if group is not None else None)
    camp_start = group.camp_start_day if group is not None else None
    camp_length = group.camp_days if group is not None else None
    roster = _Roster(session, group_id)
    resolver = _Resolver(roster)
    spans = _coverage(session, group_id, source.zone if source.format in EPOCH_FORMATS else clock.zone())
    plan = ChatPlan(source.path.name, source.format, source.label, group_id, add_unknown=add_unknown)
    if source.format in EPOCH_FORMATS:  # said beside the span: which zone's days the messages were put on
        plan.zone = clock.describe(source.zone)
    else:  # wall-clock times of the exporting computer: if that was this one, in another zone than the community's
        plan.zone_differs = clock.machine_differs()
    texts: dict[tuple[str, date], datetime] = {}  # (sender key, day) -> earliest keyword message
    # (chain day, title key) -> (time, text) of its last copy: each chain of a day, once, however often reposted;
    # and each line's first copy (the time its entry was signed: _first_seen)
    chains: dict[tuple[date, str], tuple[datetime, str, dict[str, datetime]]] = {}
    events: list[tuple[datetime, Any]] = []
    self_ids: set[str] = set()
    self_names: set[str] = set()
    first, last = datetime.max, datetime.min
    carries_keyword = KeywordRule(keywords)  # the paste's rule too (chat_parse.KeywordRule)
    fast_get = resolver._fast.get  # the hot loop: a million rows for a year of a big group
    counted: dict[str, bool] = {}  # sender key -> an earlier import counted them (their rows in its span are skipped)
    counted_days = _CountedDays(session, group_id)
    leave_msgs: list[tuple[SenderInfo, datetime, str]] = []
    group_notices = 0  # notices under no sender: a group's (留痕 CSV: a private chat's carry the friend's wxid)
    # keyword messages of known members (membership, time, name, row): matched against the check-ins earlier imports
    # logged, to tell an export whose clock is off the community's (_shifted_clock)
    keyword_rows: list[tuple[int, datetime, str, int]] = []
    n = 0
    for row in source.rows():
        n += 1
        if not n % PROGRESS_EVERY and progress is not None:
            share = source.share_read()  # rows in all, estimated from the share of the file read: a bar that moves
            progress.step(n, max(n, round(n / share)) if share else 0)
        at = row.at
        if at < first:
            if at < EARLIEST_MESSAGE:
                raise _before_any_chat(source, row)
            first = at
        if at > last:
            last = at
        if row.is_self:
            if row.sender_id:
                self_ids.add(_key(row.sender_id))
            self_names.update(_key(n) for n in row.names)
        if row.system:
            plan.system_rows += 1
            if not row.sender_id:
                group_notices += 1
            covered = bool(spans) and _covered(at, spans)
            if covered:
                plan.covered_rows += 1
                plan.covered_notices += 1
            for event in system_events(row.text):
                events.append((at, event, covered))
            continue
        info = fast_get(row.sender_id or row.names) or resolver.sender(row)
        if info.status == "unknown" and row.sender_id and row.names and row.names[0] not in info.names:
            # one ID under another name (赵敏 renamed 赵一敏 mid-month): every name it wrote under, for _resolve_late
            resolver._merge_names(info, row.names)
        if (
            spans
            and len(keyword_rows) < SHIFT_SAMPLE
            and info.status == "known"
            and info.membership_id is not None
            and row.is_text
            and row.text
            and carries_keyword(row.text)
        ):
            keyword_rows.append((info.membership_id, at, info.shown, row.line))
        if (
            spans
            and _covered(at, spans)
            and (
                (
                    counted[info.key]
                    if info.key in counted
                    else counted.setdefault(info.key, roster.counted_before(row.sender_id, row.names))
                )
                # a member found here by their roster ID or a name of theirs that earlier exports showed under
                # another name (留痕's remark, WeFlow's 芳芳🌸): their messages of that day were counted then
                or (info.status == "known" and (info.membership_id, at.date()) in counted_days(spans))
            )
        ):
            # inside an earlier import's span, of a sender it counted: counted then. A sender it left undecided
            # (or ignored) was counted by none: their rows count now, once they are known
            plan.covered_rows += 1
            continue
        day = at.date()
        if row.sender_id == SELF and spans and _covered(at, spans):
            # the exporter's ID-less rows (我) in an earlier import's span: whether it counted them is known once
            # the plan knows who the exporter is (_plan_self_rows)
            plan._self_covered[day] = plan._self_covered.get(day, 0) + 1
        by_day = info.by_day
        by_day[day] = by_day.get(day, 0) + 1
        text = row.text
        if text and row.is_text:
            title = _chain_title(text) if text[:1] in "#＃ \n\t" else None
            if title is not None:
                if carries_keyword(title):
                    chain = (_chain_day(title, day), _key(title))
                    said = _camp_disagrees(title, chain[0], camp_start, camp_length)
                    if said is not None and (chain[0], title.strip()[:40], *said) not in plan.camp_day_disagrees:
                        plan.camp_day_disagrees.append((chain[0], title.strip()[:40], *said))
                    if chain[0] == day and _continues_yesterdays(chains, chain[1], day, text):
                        chain = (day - timedelta(days=1), chain[1])  # 早起打卡 of the 31st, reposted at 00:10
                    previous = chains.get(chain)
                    seen = previous[2] if previous is not None else {}
                    _first_seen(seen, text, at)
                    if previous is None or at >= previous[0]:
                        chains[chain] = (at, _FULLWIDTH_HASH_RE.sub(r"\1#", text), seen)
                    else:
                        chains[chain] = (*previous[:2], seen)
            elif (
                carries_keyword(text)
                # a quote (「芳芳：打卡」 over `- - -`, `> 打卡`) is the quoted person's words: only the own ones count
                and carries_keyword(own := _own_text(text))
                # 钱坤's `跃跃：打卡` (a phone's quote with no divider, or a report of 跃跃's): 跃跃's words, not his
                and carries_keyword(own := _cut_named_quote(own, info, roster) if ("：" in own or ":" in own) else own)
                # 钱坤's `跃跃打卡了` / `跃跃，打卡啦`: 跃跃's check-in reported, or a reminder — not his
                and not _names_another(own, keywords, info, roster)
                # 还没打卡的抓紧, 记得打卡, 今天不打卡了, 请假一天明天补打卡, 今日打卡已结束: no check-in
                and not says_not_checked_in(own, leave=True)
                # 大家打卡了吗？, 明天开始打卡, 打卡链接在群公告, 帮芳芳打卡: 打卡 named, nobody's check-in
                and not talks_about_checking_in(own)
                # 补打卡29号 posted on 1 March of a 28-day February: a make-up of no day, never a check-in of the 1st
                and not names_no_day(own, day)
                # 补周末的 / 补腊月初八 posted on Monday: a make-up of a day the words do not date, never Monday's
                and not makeup_of_unsure_day(own, day)
                # 补打卡 第2天 posted on the 19th: a make-up of the camp's day 2, which date a chat does not say (the
                # paste places it from its chain's title) — never a check-in of the 19th
                and (
                    camp_makeup_day(own) is None
                    or made_up_day(own, day) is not None
                    or _camp_makeup_date(own, day, camp_start, camp_length) is not None
                )
            ):
                # 补打卡昨天的 posted on the 2nd: a make-up (补卡) for the 1st, never a check-in of the 2nd; 补第2天
                # with the group's first day set: camp day 2's date
                key = (
                    info.key,
                    made_up_day(own, day) or _camp_makeup_date(own, day, camp_start, camp_length) or day,
                )
                said = None if key[1] != day else _camp_disagrees(own, day, camp_start, camp_length)
                if said is not None:  # 第12天打卡 posted on day 13: logged for its stamp's day, and said
                    plan.camp_day_disagrees.append((day, info.shown, *said))
                # 补昨天和今天 / 补1号2号: a make-up of each day it names (today's the day's own) — the first only was
                # logged, the others lost without a word
                several = [d for d in makeup_days(own, day) if 0 <= (day - d).days <= MAX_MAKE_UP_DAYS]
                for each in [(info.key, d) for d in several] or [key]:
                    current = texts.get(each)
                    if current is None or at < current:
                        texts[each] = at
            if (
                title is None
                and says_leave(own := _own_text(text))
                and says_leave(own := _cut_named_quote(own, info, roster))
            ):
                leave_msgs.append((info, at, own))  # 明天请假, 12.5-12.8请假, 取消请假: reported, never dropped
    plan.rows = n
    if keyword_rows and source.format not in EPOCH_FORMATS:
        _shifted_clock(session, source, keyword_rows)
    plan.first_at, plan.last_at = (first, last) if n else (None, None)
    plan.export_group, plan.export_group_id = source.group_name, source.group_id
    plan.group_mismatch = _other_group(session, group, source.group_name, source.group_id)
    if plan.group_mismatch and not plan.export_group:
        plan.export_group = source.group_id  # the chatroom id is all the export says of its group
    resolver.resolve_late()
    plan.senders = sorted(resolver.senders.values(), key=lambda s: (s.status != "known", s.shown))
    _apply_decisions(session, plan, roster, decisions or {}, add_unknown)
    for info in plan.senders:
        if (
            info.status in ("unknown", "new")
            and info.how not in ("other_id", "old_name")
            and info.names
            and group_id is not None
        ):
            info.looks_like = roster.looks_like(info.names[0])
    for info in plan.senders:
        if not info.by_day:
            continue
        info.messages = sum(info.by_day.values())
        info.first_day, info.last_day = min(info.by_day), max(info.by_day)
        if info.status == "known" and info.membership_id is not None:
            plan.messages_known += info.messages
    plan._self_ids, plan._self_names = self_ids, self_names
    _plan_exporter(session, plan, roster, self_ids, self_names, exporter_member_id)
    _plan_self_rows(plan, roster, resolver, texts)
    _plan_events(plan, roster, resolver, events)
    _plan_blacklisted(session, plan, roster)
    if not source.group_name:
        plan.mostly_strangers = _mostly_strangers(plan, roster)
        plan.group_mismatch = plan.group_mismatch or plan.mostly_strangers is not None
    if source.format == "liuhen_csv" and not group_notices:
        plan.private_with = _private_with(plan, roster, self_ids)
        plan.group_mismatch = plan.group_mismatch or plan.private_with is not None
    elif source.format in NAMES_ONLY_FORMATS and not source.group_name and not plan.system_rows:
        _private_by_names(plan, roster)
        plan.group_mismatch = plan.group_mismatch or plan.private_with is not None or plan.private_pair is not None
    plan._texts, plan._chains, plan._resolver = texts, chains, resolver
    _plan_checkins(session, plan, roster, resolver, texts, chains)
    plan._leave_msgs = leave_msgs
    plan.leave_requests = plan_leave_requests(session, group_id, leave_msgs, _member_of, plan._chain_leaves)
    return plan


# a member's own running count (坚持打卡第7天, 连续第3天, 累计第20天): no day of the camp
_OWN_COUNT_RE = re.compile(r"(?:坚持|连续|累计|已经|已)\s*(?:打卡)?\s*第")


def _camp_makeup_date(text: str, day: date, start: date | None, length: int | None) -> date | None:
    """The date a chat message's make-up of a camp day by number (补第2天) is, when the group's first day is set and
    that day is a day of the camp on or before the message's own day; else None (a chat does not say which date
    camp day 2 is without the first day: never a check-in of the day it was posted)."""
    n = camp_makeup_day(text) if start is not None else None
    if n is None or camp_day_outside(n, length):
        return None
    made_up = camp_date(start, n)
    return made_up if made_up <= day else None


def _camp_disagrees(text: str, day: date, start: date | None, length: int | None) -> tuple[str, date] | None:
    """(words, date they name) when a message or chain title naming a camp day (第12天打卡, Day 12) names, counted
    from the group's first day, another date than `day` (its stamp's); None when it agrees, names none, or the
    group has no first day. A member's own count (坚持打卡第7天) is no camp day."""
    if start is None or _OWN_COUNT_RE.search(text) or camp_makeup_day(text) is not None:
        return None
    n = title_camp_day(text)
    if n is None or camp_day_outside(n, length):
        return None
    named = camp_date(start, n)
    return None if named == day else (f"第{n}天", named)


def _member_of(info: SenderInfo) -> tuple[int | None, str | None]:
    """The membership and name of a sender the import knows (a leave message's writer), else (None, None)."""
    if info.status == "known" and info.membership_id is not None:
        return info.membership_id, info.display_name
    return None, None


STRANGERS_AT_LEAST = 5  # senders not on the roster before an export naming no group may be another group's
KNOWN_AT_MOST = 2  # … while at most this many of its senders are on the roster (coincidences: 阳光, the exporter)
ROSTER_AT_LEAST = 3  # a group with fewer members in it is being set up: its first export is all strangers
PRIVATE_DAYS_AT_LEAST = 2  # a 留痕 CSV of the exporter and one other speaker on this many days: a private chat?


def _mostly_strangers(plan: ChatPlan, roster: _Roster) -> tuple[int, int] | None:
    """(on the roster, not) when an export that names no group (留痕, WeFlow TXT) looks like another group's chat:
    at least STRANGERS_AT_LEAST senders not on the roster, at most KNOWN_AT_MOST on it (a common nickname, the
    exporting organiser who is in both groups), and at least three times as many strangers — in a group with
    ROSTER_AT_LEAST members or more. A group's own chat shows its members speaking; a roster being built (a few
    organisers) is not flagged. The user confirms once (--other-group, the window asks) — never written on a guess."""
    in_group = sum(1 for p in roster.by_membership.values() if p.status in ("active", "onboarding"))
    if in_group < ROSTER_AT_LEAST:
        return None
    senders = [s for s in plan.senders if not s.is_exporter and s.status != "ignored"]
    strangers = sum(1 for s in senders if s.status in ("unknown", "new") or s.how == "decision")
    known = len(senders) - strangers
    if strangers >= STRANGERS_AT_LEAST and known <= KNOWN_AT_MOST and strangers >= 3 * known:
        return known, strangers
    return None


def _private_with(plan: ChatPlan, roster: _Roster, self_ids: set[str]) -> str | None:
    """The one person a 留痕 CSV with no group notice looks like a private chat with: the exporter (IsSender=1 rows)
    and exactly one other sender ID, speaking on PRIVATE_DAYS_AT_LEAST days or more, in a group of ROSTER_AT_LEAST
    members or more. 留痕's CSV names no chat, and for a private chat writes the friend's wxid on every row the
    exporter did not send (exporter_csv.py), so only its shape tells: one member's private 打卡 would be their
    check-ins in the group. A group's export of a quiet day (two people talking) is not asked about; days of a group
    in which nobody else says a word are. Asked, never refused."""
    if not self_ids or len(plan.senders) != 2:
        return None
    others = [s for s in plan.senders if s.sender_id and not s.is_exporter and _key(s.sender_id) not in self_ids]
    if len(others) != 1 or len(others[0].by_day) < PRIVATE_DAYS_AT_LEAST:
        return None
    in_group = sum(1 for p in roster.by_membership.values() if p.status in ("active", "onboarding"))
    return others[0].shown if in_group >= ROSTER_AT_LEAST else None


# exports that carry no sender IDs and name no chat (a WhatsApp iPhone file may name its group in a notice)
NAMES_ONLY_FORMATS = frozenset({"liuhen_txt", "weflow_txt", "whatsapp_txt", "whatsapp_ios_txt"})


def _private_by_names(plan: ChatPlan, roster: _Roster) -> None:
    """A TXT export (留痕, WeFlow, WhatsApp: names only, no chat named) that looks like a private chat: no notice at
    all, exactly two people speaking, in a group of ROSTER_AT_LEAST members or more — the exporter (known: the one
    the group's exports come from, or --me) and one other speaking on PRIVATE_DAYS_AT_LEAST days or more
    (`private_with`), or, the exporter not known, both speaking on that many days (`private_pair`). 留痕 and WeFlow
    name a private chat's file after the friend and write the same blocks as a group's: one member's private 打卡
    would be their check-ins in the group. Asked, never refused (the window asks; CLI --other-group). Two people
    neither of whom is the known exporter are the group's quiet days, not asked about."""
    in_group = sum(1 for p in roster.by_membership.values() if p.status in ("active", "onboarding"))
    speakers = [s for s in plan.senders if s.status != "ignored" and s.by_day]
    if in_group < ROSTER_AT_LEAST or len(speakers) != 2:
        return
    exporter = plan.exporter_member_id
    others = [s for s in speakers if exporter is None or s.member_id != exporter]
    if exporter is not None and len(others) == 2:  # the exporter says nothing in it: not their private chat
        return
    if len(others) == 1:
        if len(others[0].by_day) >= PRIVATE_DAYS_AT_LEAST:
            plan.private_with = others[0].shown
    elif all(len(s.by_day) >= PRIVATE_DAYS_AT_LEAST for s in speakers):
        plan.private_pair = (speakers[0].shown, speakers[1].shown)


def _plan_blacklisted(session: Session, plan: ChatPlan, roster: _Roster) -> None:
    """A blacklisted person in the export is listed, with since when and why, as every way back in says it:
    - a sender of the group's roster blacklisted there who still speaks after the day (back in the chat: nobody was
      told — their messages are counted as history, their check-ins are not logged);
    - a sender not on the group's roster whose ID is someone's blacklisted in another group (added with
      --add-unknown, they became a member here without a word);
    - a sender not on the roster whose ID is someone's blacklisted and deleted since ("曾被拉黑 …": a deletion lifts
      no blacklist, onboarding.deleted_blacklistings)."""
    from desktop.services.onboarding import blacklistings, deleted_blacklisted_as, deleted_blacklistings

    gone_black = deleted_blacklistings(session)
    if gone_black:
        for info in plan.senders:
            if info.status in ("unknown", "new") and info.sender_id and info.sender_id != SELF:
                gone = deleted_blacklisted_as(gone_black, wechat=info.sender_id, qq=info.sender_id)
                if gone:
                    shown = info.shown_id or info.shown
                    added = " — 将加为本群成员 (will be added here)" if info.status == "new" else ""
                    plan.unresolved_events.append(
                        f"{info.first_day or ''} {shown}: "
                        + "；".join(d.said for d in gone[:3])
                        + f"{added} (this account is a blacklisted person's, deleted since)"
                    )
    found = blacklistings(session)  # the workspace's (they are few): one query, not one per sender
    if not found:
        return
    black_ids = {
        wechat.casefold(): mid
        for mid, wechat in session.execute(
            select(Member.id, Member.wechat_id).where(
                Member.id.in_(list(found)), Member.wechat_id.is_not(None), Member.deleted_at.is_(None)
            )
        )
    }
    here: dict[int, SenderInfo] = {}
    elsewhere: dict[int, SenderInfo] = {}
    for info in plan.senders:
        if info.status == "known" and info.membership_id is not None:
            person = roster.by_membership.get(info.membership_id)
            if person is not None and person.status == "blacklisted" and info.by_day:
                here[person.member_id] = info
        elif info.status in ("unknown", "new") and info.sender_id and info.sender_id != SELF:
            mid = black_ids.get(_key(info.sender_id).casefold())
            if mid is not None:
                elsewhere[mid] = info
    for mid, info in here.items():
        said = next((b for b in found.get(mid, []) if b.group_id == roster._group_id), None)
        after = sorted(d for d in info.by_day if said is None or said.since is None or d > said.since)
        if not after:
            continue
        n = sum(info.by_day[d] for d in after)
        who = roster.by_member[mid].display_name
        plan.unresolved_events.append(
            f"{after[0]:%Y-%m-%d} {info.shown}: 已拉黑: {who} {said.said if said else '黑名单 (blacklisted)'}, "
            f"之后仍在群里发言 {n} 条 (still speaking in the chat after: {n} message(s)); 打卡不记, 仍是黑名单 "
            "(no check-in logged, still blacklisted)"
        )
    for mid, info in elsewhere.items():
        entries = [b for b in found.get(mid, []) if b.group_id != roster._group_id]
        if not entries:
            continue
        shown = info.shown_id or info.shown
        added = " — 将加为本群成员 (will be added here)" if info.status == "new" else ""
        plan.unresolved_events.append(
            f"{info.first_day or ''} {shown}: 已拉黑: 这个账号是其他社群黑名单中的人 "
            + "；".join(b.said for b in entries[:3])
            + f"{added} (this account is someone blacklisted in another group)"
        )


GROUP_NAMES_SETTING = "chat_group_names:"  # + group id -> JSON list of export group names / ids imported into it


def _in_group(group: str | None, status: str | None) -> str:
    """How a person of another group stands there, for a sender that looks like them."""
    if status == "blacklisted":  # not a mere leaver: the look-alike may be the spammer back under a new account
        return f"在「{group}」的黑名单中 blacklisted in {group}"
    if status in ENDED_STATUSES:
        return f"已退出「{group}」 left {group}"
    if status in ("applicant", "onboarding"):
        return f"「{group}」的申请人 applying to {group}"
    return f"「{group}」的成员 a member of {group}"


def _group_key(name: str | None) -> str:
    """A group name compared loosely: letters and digits only (emoji, spaces, punctuation and case aside)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name or "").casefold() if ch.isalnum())


def _known_group_names(session: Session, group_id: int) -> set[str]:
    raw = session.scalar(
        select(WorkspaceSetting.value).where(WorkspaceSetting.key == f"{GROUP_NAMES_SETTING}{group_id}")
    )
    try:
        values = json.loads(raw) if raw else []
    except ValueError:
        values = []
    return {str(v) for v in values} if isinstance(values, list) else set()


def _other_group(session: Session, group: Group | None, name: str | None, chatroom: str | None) -> bool:
    """The export names a group (and it is not the selected one's name, nor a name or chatroom id of an export
    imported into it before): it may be another group's chat. An export that gives its chatroom id only
    (PyWxDump's room_name) is another group's when exports imported into this group had other chatroom ids."""
    if group is None:
        return False
    if not name or not _group_key(name):
        if not chatroom:
            return False
        ids = {k for k in _known_group_names(session, group.id) if k.startswith("id:")}
        return bool(ids) and f"id:{_key(chatroom)}" not in ids
    if _group_key(name) == _group_key(group.name):
        return False
    known = _known_group_names(session, group.id)
    return _group_key(name) not in known and not (chatroom and f"id:{_key(chatroom)}" in known)


def _remember_group_names(session: Session, group_id: int, plan: ChatPlan) -> None:
    """The group an imported export names is this group (a rename, another spelling): not asked again."""
    new = set()
    if plan.export_group and _group_key(plan.export_group):
        new.add(_group_key(plan.export_group))
    if plan.export_group_id:
        new.add(f"id:{_key(plan.export_group_id)}")
    known = _known_group_names(session, group_id)
    if not new or new <= known:
        return
    key = f"{GROUP_NAMES_SETTING}{group_id}"
    value = json.dumps(sorted(known | new), ensure_ascii=False)
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value


def _apply_decisions(
    session: Session, plan: ChatPlan, roster: _Roster, decisions: dict[str, Any], add_unknown: bool
) -> None:
    """The window's decisions (and --add-unknown) on unknown and unattributable senders."""
    for info in plan.senders:
        decision = decisions.get(info.key)
        if decision is None and add_unknown and info.status == "unknown":
            decision = ("add", None)
        if decision is None:
            continue
        action, target = decision
        if action == "ignore":
            info.status, info.how = "ignored", "decision"
        elif action == "link" and target is not None:
            person = roster.by_membership.get(int(target))
            if person is not None:
                _Resolver._known(info, person, "decision")
        elif action == "add" and info.sender_id != SELF:  # 我 is the exporting user, never a new member
            if not info.sender_id and info.names and all(placeholder_name(n) for n in info.names):
                # 微信用户 with no ID: everyone WeChat could not name writes under it — never one member to add
                plan.unresolved_events.append(
                    f"{info.shown}: 微信/QQ 无法显示名字的账号 (已注销等), 可能是几个人, 未添加 "
                    f"({info.shown}: what WeChat or QQ shows for an account it cannot name — may be several people:"
                    " not added)"
                )
                continue
            info.status, info.how = "new", "decision"  # a member added when the plan is applied


def _plan_exporter(
    session: Session,
    plan: ChatPlan,
    roster: _Roster,
    self_ids: set[str],
    self_names: set[str],
    given: int | None,
) -> None:
    remembered = None
    if plan.group_id is not None:
        raw = session.scalar(
            select(WorkspaceSetting.value).where(WorkspaceSetting.key == f"{EXPORTER_SETTING}{plan.group_id}")
        )
        if raw and raw.strip().isdigit():
            remembered = int(raw)
    member = given
    if member is None:
        # everyone the file shows as its exporting user: by ID first, else by name — one person, or nobody
        found: set[int] = set()
        for skey in sorted(self_ids):
            person = roster.by_wechat.get(skey)
            candidate = person.member_id if person else roster.alias_ids.get(skey)
            if candidate is not None:
                found.add(candidate)
        if not found:
            for name in sorted(self_names):
                kind, ids = roster.by_names((name,))
                if kind == "one":
                    found.add(roster.by_membership[ids[0]].member_id)
        if len(found) == 1:
            member = next(iter(found))
        elif len(found) > 1:
            if remembered in found:
                member = remembered
            else:  # the file points at several people: nobody is guessed (你 in notices stays unresolved)
                names = "、".join(sorted(roster.by_member[m].display_name for m in found if m in roster.by_member))
                plan.unresolved_events.append(
                    f"导出者不确定: {names} (the file points at several people as its exporter: say who)"
                )
                plan.exporter_member_id = plan.exporter_name = None
                return
    if member is None:
        member = remembered
    person = roster.by_member.get(member) if member is not None else None
    plan.exporter_member_id = person.member_id if person else None
    plan.exporter_name = person.display_name if person else None


def _plan_self_rows(
    plan: ChatPlan, roster: _Roster, resolver: _Resolver, texts: dict[tuple[str, date], datetime]
) -> None:
    """The exporting user's own rows that carry no ID (PyWxDump's 我) are the exporter's, once the file, --me or
    the group's remembered exporter says who that is; else they stay an unknown sender shown as 我."""
    info = resolver.senders.get(f"id:{SELF}")
    if info is None or info.status != "unknown":
        return
    person = roster.by_member.get(plan.exporter_member_id) if plan.exporter_member_id is not None else None
    if person is None:
        plan.exporter_needed = True  # the window asks who exported the chat (the CLI: --me)
        return
    if plan._self_covered and roster.counted_member(person.member_id):
        # an earlier import counted the exporter (by their ID, in another format): their rows in its span then
        for day, n in plan._self_covered.items():
            left = info.by_day.get(day, 0) - n
            if left > 0:
                info.by_day[day] = left
            else:
                info.by_day.pop(day, None)
        skipped = sum(plan._self_covered.values())
        plan.covered_rows += skipped
        info.messages = sum(info.by_day.values())
        info.first_day, info.last_day = (min(info.by_day), max(info.by_day)) if info.by_day else (None, None)
    other = resolver.by_member.get(person.member_id)
    if other is None or other is info or other.status != "known":
        _Resolver._known(info, person, "self")
        resolver.by_member[person.member_id] = info
        plan.messages_known += info.messages
        return
    # the exporter also speaks under their own ID in this file: one sender
    for day, n in info.by_day.items():
        other.by_day[day] = other.by_day.get(day, 0) + n
    other.messages += info.messages
    other.first_day, other.last_day = min(other.by_day), max(other.by_day)
    plan.messages_known += info.messages
    for skey, day in [k for k in texts if k[0] == info.key]:
        at = texts.pop((skey, day))
        if (other.key, day) not in texts or at < texts[(other.key, day)]:
            texts[(other.key, day)] = at
    info.by_day, info.messages = {}, 0
    plan.senders = [s for s in plan.senders if s is not info]


def _plan_checkins(
    session: Session,
    plan: ChatPlan,
    roster: _Roster,
    resolver: _Resolver,
    texts: dict[tuple[str, date], datetime],
    chains: dict[tuple[date, str], tuple[datetime, str, dict[str, datetime]]],
) -> None:
    from desktop.services.paste import RosterIndex, match_lines, parse_chat

    plan.checkins, plan.checkins_not_members, plan.chain_unmatched = [], [], []
    plan.checkins_of_new = 0
    chain_leaves: list[Any] = []
    best: dict[tuple[int, date], tuple[datetime, str]] = {}
    for (skey, day), at in texts.items():
        info = resolver.senders[skey]
        if info.status == "new":
            plan.checkins_of_new += 1
        elif info.status == "known" and info.membership_id is not None:
            key = (info.membership_id, day)
            if key not in best or at < best[key][0]:
                best[key] = (at, "chat")
    joined_by: dict[int, date] = {}  # joiners of this export count as members from their join day
    for join in plan.joins_to_apply:
        joined_by[join.membership_id] = min(join.day, joined_by.get(join.membership_id, join.day))
    if chains and plan.group_id is not None:
        indexes: dict[date, Any] = {}
        for (day, _title), (last_at, text, seen) in sorted(chains.items()):
            index = indexes.get(day)
            if index is None:
                index = indexes[day] = RosterIndex(
                    session, plan.group_id, treat_active=frozenset(m for m, d in joined_by.items() if d <= day)
                )
            # the parser keeps the title (on the #接龙 line, or the next line) out of the entries
            for m in match_lines(index, parse_chat(text), day):
                if m.status == "matched" and m.membership_id is not None:
                    key = (m.membership_id, day)
                    # signed when their line first appeared, not when the last copy was reposted (a chain of the
                    # 31st reposted at 00:20 made everyone on it a 补卡 of New Year's Day)
                    at = seen.get(_chain_line_key(m.line.raw), last_at)
                    if key not in best or at < best[key][0]:
                        best[key] = (at, "chain")
                elif m.status in ("ambiguous", "unmatched", "not_member"):
                    plan.chain_unmatched.append((day, m.name))
                elif m.status == "leave":  # 3. 王五 请假3天 in the day's chain: reported with the messages' leaves
                    chain_leaves.append(chain_leave_request(m, day, seen.get(_chain_line_key(m.line.raw), last_at)))
    plan._chain_leaves = chain_leaves
    removed_on = _removed_on(plan)  # removals of this export: no member after that day
    spells = closed_spell_days(session, sorted({ms_id for ms_id, _day in best}))  # a member before, who came back
    for (ms_id, day), (at, how) in sorted(best.items(), key=lambda kv: (kv[0][1], kv[1][0])):
        person = roster.by_membership[ms_id]
        planned = PlannedCheckin(ms_id, person.display_name, day, at, how)
        if ms_id in removed_on and removed_on[ms_id] < day:  # removed earlier in this export: not a member then
            member = False
        elif ms_id in joined_by and joined_by[ms_id] <= day:  # joined through a notice of this export
            member = True
        else:  # a member, and one already then (nobody checks in before they joined), or in an earlier spell
            member = (person.status == "active" and (person.joined is None or person.joined <= day)) or _in_spell(
                spells, ms_id, day
            )
        (plan.checkins if member else plan.checkins_not_members).append(planned)


def _in_spell(spells: dict[int, list[tuple[date, date]]], membership_id: int, day: date) -> bool:
    """The day is inside one of the membership's earlier, closed spells (checkins.closed_spell_days)."""
    return any(first <= day <= last for first, last in spells.get(membership_id, ()))


def _removed_on(plan: ChatPlan) -> dict[int, date]:
    """The day each membership this export removes is removed (the earliest notice)."""
    out: dict[int, date] = {}
    for r in plan.removals:
        if r.membership_id is not None:
            out[r.membership_id] = min(r.day, out.get(r.membership_id, r.day))
    return out


def _resolve_name(roster: _Roster, resolver: _Resolver, name: str) -> _Person | None:
    found, ids = roster.by_names((name,))
    if found == "one":
        return roster.by_membership[ids[0]]
    # a name this export showed for a sender it knows (e.g. a remark): the same person
    key = _key(name)
    for info in resolver.senders.values():
        if info.status == "known" and info.membership_id is not None and key in {_key(n) for n in info.names}:
            return roster.by_membership[info.membership_id]
    return None


_AND_RE = re.compile(r"\s+and\s+|和")
_AND_ENGLISH_RE = re.compile(r"\s+and\s+")


def _split_joined_names(roster: _Roster, resolver: _Resolver, names: tuple[str, ...]) -> tuple[str, ...]:
    """A notice's name nobody carries that is two names joined by "and"/和 (`Alice invited Bob and Carol to the group
    chat`, `"李四、王五和赵六"`) stands for them when each part is one member; otherwise it stays whole (a name may
    hold 和 or "and": 和平, Tom and Jerry) and is listed as not on the roster."""
    out: list[str] = []
    for name in names:
        parts = [p.strip() for p in _AND_RE.split(name)]
        if (
            len(parts) > 1
            and all(parts)
            and _resolve_name(roster, resolver, name) is None
            and roster.by_names((name,))[0] == "none"
            and all(_resolve_name(roster, resolver, p) is not None for p in parts)
        ):
            out.extend(parts)
        else:
            out.append(name)
    return tuple(out)


def _still_to_do(kind: str, person: _Person | None, day: date) -> bool:
    """A notice inside the span of an earlier import that its import may have left undone — a joiner not on the
    roster then (added now with --add-unknown), a name nobody could tell apart, a removal an assistant could not
    apply, an inviter or 你 unknown then — and that the record does not already show: it is planned again (a
    join is idempotent for a member who joined that day: it only fills a missing referrer). One the record shows
    — a removal applied, a join of someone in since before, or a notice older than a later join (they came
    back) — is skipped, as before."""
    if person is None:
        return True  # still nobody on the roster (or several): listed again, or added with --add-unknown
    if kind == "join":
        return (
            person.joined is None
            and person.status in ("applicant", "left")
            or (person.joined == day and person.status in ("active", "onboarding"))
        )
    return person.status in ("active", "onboarding") and person.joined is not None and person.joined <= day


def _namesake(resolver: _Resolver, person: _Person, name: str) -> SenderInfo | None:
    """A sender of this export that carries the name but is not counted as the person (another account with their
    name, or one of two accounts under it): the notice may name either."""
    key = _key(name)
    for info in resolver.senders.values():
        if info.status == "known" and info.membership_id == person.membership_id:
            continue
        if info.sender_id == SELF or info.status == "unattributable":
            continue
        if any(_key(n) == key for n in info.names):
            return info
    return None


def _plan_events(
    plan: ChatPlan, roster: _Roster, resolver: _Resolver, events: list[tuple[datetime, Any, bool]]
) -> None:
    exporter = roster.by_member.get(plan.exporter_member_id) if plan.exporter_member_id else None
    for at, event, covered in sorted(events, key=lambda e: e[0]):
        if covered:
            # an earlier import read this notice: only what it left undone is planned again (the user followed
            # its advice — --add-unknown, --me — or an owner imports what an assistant could not apply)
            who = [n for n in event.who if _still_to_do(event.kind, _resolve_name(roster, resolver, n), at.date())]
            if not who:
                continue
            event = replace(event, who=tuple(who))
        if event.by == SELF:
            by = exporter
            by_name = exporter.display_name if exporter else None
            if exporter is None:
                plan.exporter_needed = True
                plan.unresolved_events.append(
                    f"{at:%Y-%m-%d} 你 (the exporting user) — 不知道是谁导出的 (unknown: pass --me NAME)"
                )
        elif event.by:
            by = _resolve_name(roster, resolver, event.by)
            by_name = by.display_name if by else event.by
        else:
            by, by_name = None, None
        for name in _split_joined_names(roster, resolver, event.who):
            person = _resolve_name(roster, resolver, name)
            if (
                event.kind == "join"
                and person is not None
                and person.status == "active"
                and person.joined is not None
                and person.joined < at.date()
            ):
                # a member well before the notice: another person with that name, or a return nobody noted —
                # their record is not changed; the preview lists it
                plan.joins.append(
                    PlannedJoin(
                        name,
                        at.date(),
                        at,
                        person.membership_id,
                        person.display_name,
                        by.member_id if by else None,
                        by_name,
                        event.how,
                        event.by == SELF,
                        already_since=person.joined,
                    )
                )
                plan.unresolved_events.append(
                    f"{at:%Y-%m-%d} {name}: {person.display_name} {person.joined:%Y-%m-%d} 起已是成员, 记录不变 "
                    f"(already a member since {person.joined:%Y-%m-%d}: record unchanged)"
                )
                continue
            if event.kind == "join" and person is not None and person.status == "blacklisted":
                # a blacklisted person back in the chat (someone invited them, or they scanned a code): never let
                # in by a notice (onboarding.record_join refuses) — and said, since when and why, as every way back
                # in says it; the organiser removes them again or lifts the blacklist in their details
                from desktop.services.onboarding import blacklistings

                here = blacklistings(roster._session, [person.member_id]).get(person.member_id, [])
                said = next((b.said for b in here if b.group_id == roster._group_id), "黑名单 (blacklisted)")
                via = f" ({by_name} 邀请 invited by {by_name})" if by_name and event.how == "invite" else ""
                plan.unresolved_events.append(
                    f"{at:%Y-%m-%d} {name}: 已拉黑: {person.display_name} {said}, 又进了群聊{via}; 未让其入群, 仍是黑名单 "
                    f"(a blacklisted person joined the chat again: not let in, still blacklisted)"
                )
                continue
            if event.kind == "join" and person is not None and person.status in ("left", "removed"):
                gone = roster._session.scalar(select(Membership.left_at).where(Membership.id == person.membership_id))
                since = f" {gone:%Y-%m-%d}" if gone else ""
                if gone is not None and at < gone:
                    # the join of the spell that ended (an export older than the leaving): never a return — it let
                    # 李四, removed on 5 October, back in from September's notice, and his removal was gone
                    word = "已移除" if person.status == "removed" else "已退群"
                    plan.unresolved_events.append(
                        f"{at:%Y-%m-%d} {name}: {person.display_name}{since} {word}, 这条入群通知在那之前, 记录不变 "
                        f"(a join before they went out on{since}: record unchanged)"
                    )
                    continue
                if person.status == "removed":
                    # removed by an admin, back through a join notice: let in (a removal is no blacklist), and said
                    # by name as a copy into the group says it (members.CopyOutcome.readmitted)
                    plan.unresolved_events.append(
                        f"{at:%Y-%m-%d} {name}: 重新入群: {person.display_name}{since} 曾被移出, 按入群通知重新入群 "
                        f"(removed{since}: back in the group by this notice)"
                    )
            if (
                event.kind == "remove"
                and person is not None
                and person.joined is not None
                and at.date() < person.joined
                and person.status in ("active", "onboarding")
            ):
                # a removal before the membership's join day: of an earlier spell (or of another person with the
                # name) — it removed 李四, in since 1 October, over September's notice, dated on his join day
                plan.unresolved_events.append(
                    f"{at:%Y-%m-%d} {name}: {person.display_name} {person.joined:%Y-%m-%d} 才入群, 这条移出通知在那之前, "
                    f"记录不变 (joined on {person.joined:%Y-%m-%d}, after this removal: record unchanged)"
                )
                continue
            other = _namesake(resolver, person, name) if person is not None else None
            if other is not None:
                # another account of this export goes by that name (a look-alike of the member, or one the user
                # has not linked): which of the two the notice names cannot be told — never the member on a guess
                shown = other.shown_id or other.shown
                plan.unresolved_events.append(
                    f"{at:%Y-%m-%d} {name}: 本次导出里 {person.display_name} 和另一个账号 {shown} 都用这个名字, 未处理 "
                    f"(both {person.display_name} and another account, {shown}, go by this name: not applied)"
                )
                continue
            if event.kind == "join":
                plan.joins.append(
                    PlannedJoin(
                        name,
                        at.date(),
                        at,
                        person.membership_id if person else None,
                        person.display_name if person else None,
                        by.member_id if by else None,
                        by_name,
                        event.how,
                        event.by == SELF,
                    )
                )
            else:
                plan.removals.append(
                    PlannedRemoval(
                        name,
                        at.date(),
                        at,
                        person.membership_id if person else None,
                        person.display_name if person else None,
                        by_name,
                        event.how if event.how == "leave" else "remove",
                    )
                )
            if person is None:
                kind, ids = roster.by_names((name,))
                if kind == "several":  # never "not on the roster": several members carry the name
                    who = "、".join(roster.by_membership[i].display_name for i in ids)
                    plan.unresolved_events.append(
                        f"{at:%Y-%m-%d} {name}: 有几位成员叫这个名字 {who}, 未处理 (ambiguous: {who}; not applied)"
                    )
                elif not (event.kind == "join" and plan.add_unknown):
                    hint = " — --add-unknown 加为成员 (adds them)" if event.kind == "join" else ""
                    plan.unresolved_events.append(f"{at:%Y-%m-%d} {name}: 名册中没有 (not on the roster){hint}")


# ---------------------------------------------------------------------------------------------------
# Applying
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChatImportSummary:
    file: str
    format: str
    group_id: int
    messages: int
    memberships_with_messages: int
    checkins: int
    joins: int
    removals: int  # memberships ended by a notice: removed, or left on their own (leavings)
    removals_not_allowed: int
    added_members: int
    seconds: float = 0.0
    leavings: int = 0
    leave_requests: int = 0  # 请假 messages found (chat_leave.LeaveRequest)
    leaves_recorded: int = 0  # of those, recorded as leave by this import (record_leave)


def _upsert(session: Session):
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _remember_aliases(session: Session, group_id: int, plan: ChatPlan) -> None:
    insert = _upsert(session)
    rows = []
    for info in plan.senders:
        if info.status not in ("known", "ignored") or (info.status == "known" and info.member_id is None):
            continue
        member = info.member_id if info.status == "known" else None
        entries = []
        if info.sender_id == SELF:  # the exporter's own ID-less rows: remembered by SELF_ALIAS, not by "我"
            entries.append(("id", SELF_ALIAS, "我"))
        else:
            if info.sender_id:
                entries.append(("id", _key(info.sender_id), info.sender_id))
            entries += [("name", _key(n), n) for n in info.names if n]
        for kind, value, shown in entries:
            if not value:
                continue
            rows.append(
                {
                    "group_id": group_id,
                    "member_id": member,
                    "kind": kind,
                    "value": value[:200],
                    "shown": shown[:200],
                    "first_seen": info.first_day,
                    "last_seen": info.last_day,
                    "ignored": info.status == "ignored",
                    "created_at": clock.now(),
                }
            )
    unique = list({(r["kind"], r["value"]): r for r in rows}.values())
    if not unique:
        return
    table = ChatAlias.__table__
    stmt = insert(table)
    if phones_masked(session):
        # an assistant's login on a team database writes through the masked view `chat_alias`
        # (team_roles.MASKED_FREE_TEXT), which takes no ON CONFLICT: its INSERT trigger is this insert-or-update
        for start in range(0, len(unique), 5000):
            session.connection().execute(stmt, unique[start : start + 5000])
        return
    stmt = stmt.on_conflict_do_update(
        index_elements=["group_id", "kind", "value"],
        set_={
            "member_id": stmt.excluded.member_id,
            "shown": stmt.excluded.shown,
            "ignored": stmt.excluded.ignored,
            "last_seen": func.coalesce(stmt.excluded.last_seen, table.c.last_seen),
        },
    )
    for start in range(0, len(unique), 5000):
        session.connection().execute(stmt, unique[start : start + 5000])


def _add_joined_strangers(session: Session, actor: Actor, group_id: int, plan: ChatPlan) -> int:
    """--add-unknown: a join notice naming nobody on the roster adds that person (named as the notice wrote
    them) as an applicant; the join itself then moves them in following the group's entry steps, on that
    day, with the inviter as referrer. A sender to add with the same name is the same person (their ID kept)."""
    new_by_name = {_key(n): info for info in plan.senders if info.status == "new" for n in info.names if n}
    made: dict[str, tuple[int, int, str]] = {}  # name key -> (member, membership, name)
    joins: list[PlannedJoin] = []
    added = 0
    for whole in plan.joins:
        if whole.membership_id is not None:
            joins.append(whole)
            continue
        parts = [p.strip() for p in _AND_RE.split(whole.name)] if _key(whole.name) not in new_by_name else []
        if len(parts) > 1 and all(parts) and all(_key(p) in new_by_name for p in parts):
            # `Alice added Mia 🌸 Chen and Carol`, both speaking in this export: two people, never one called so
            split = [replace(whole, name=p) for p in parts]
        elif len(parts) > 1 and all(parts) and _AND_ENGLISH_RE.search(whole.name):
            # nobody is called so, and the parts are not this export's speakers: one person "X and Y", or two?
            plan.unresolved_events.append(
                f"{whole.day:%Y-%m-%d} {whole.name}: 可能是几个人, 未添加, 请在名册里手动添加 "
                f"(may be several people: not added — add them on the roster by hand)"
            )
            joins.append(whole)
            continue
        else:
            split = [whole]
        for join in split:
            key = _key(join.name)
            if key not in made:
                sender = new_by_name.get(key)
                name = join.name.strip()[:100] or "?"
                member_id, ms_id = _person_for(
                    session, actor, group_id, name, sender.sender_id if sender else None, None
                )
                membership = session.get(Membership, ms_id)
                if membership is not None and membership.status == "applicant":
                    membership.applied_at = join.at  # known since the notice, not since today (stalled counts from it)
                made[key] = (member_id, ms_id, name)
                added += 1
                if sender is not None:
                    sender.status, sender.member_id, sender.membership_id = "known", member_id, ms_id
                    sender.display_name, sender.how = name, "decision"
                    plan.messages_known += sum(sender.by_day.values())
            member_id, ms_id, name = made[key]
            joins.append(replace(join, membership_id=ms_id, display_name=name))
    plan.joins = joins
    # a removal or leaving of someone a join notice just added ("Carol" joined on the 6th, left on the 13th): theirs
    first_join = {}
    for join in joins:
        first_join.setdefault(_key(join.name), join.at)
    removals = []
    for r in plan.removals:
        key = _key(r.name)
        if r.membership_id is None and key in made and first_join.get(key, r.at) <= r.at:
            _member_id, ms_id, name = made[key]
            r = replace(r, membership_id=ms_id, display_name=name)
            gone = f"{r.day:%Y-%m-%d} {r.name}: "
            plan.unresolved_events = [t for t in plan.unresolved_events if not t.startswith(gone)]
        removals.append(r)
    plan.removals = removals
    return added


def _events_among_added(plan: ChatPlan) -> None:
    """Notices naming someone this import has just added: a join's inviter, a removed person."""
    by_name: dict[str, SenderInfo] = {}
    for info in plan.senders:
        if info.status == "known" and info.member_id is not None and info.how == "decision":
            for n in info.names:
                by_name.setdefault(_key(n), info)
    if plan.exporter_member_id is None:
        # the exporting user was a stranger too (their own messages carry their ID — or, in a format without IDs
        # that marks the exporter's own rows (留痕 HTML's is_send), their name, when it is one added sender's)
        added = [info for info in plan.senders if info.how == "decision"]
        by_id = [i for i in added if i.sender_id and _key(i.sender_id) in plan._self_ids]
        named = [
            i
            for i in added
            if not plan._self_ids and not i.sender_id and any(_key(n) in plan._self_names for n in i.names)
        ]
        for info in by_id[:1] or (named if len(named) == 1 else ()):
            plan.exporter_member_id, plan.exporter_name = info.member_id, info.display_name
            plan.exporter_needed = False
            plan.unresolved_events = [t for t in plan.unresolved_events if " 你 (the exporting user)" not in t]
            plan.joins = [
                replace(j, referrer_member_id=info.member_id, referrer_name=info.display_name) if j.by_exporter else j
                for j in plan.joins
            ]
            break
    removals = []
    for r in plan.removals:
        info = by_name.get(_key(r.name)) if r.membership_id is None else None
        if info is not None:
            r = replace(r, membership_id=info.membership_id, display_name=info.display_name)
            gone = f"{r.day:%Y-%m-%d} {r.name}: "
            plan.unresolved_events = [t for t in plan.unresolved_events if not t.startswith(gone)]
        removals.append(r)
    plan.removals = removals
    plan.joins = [
        replace(j, referrer_member_id=by_name[_key(j.referrer_name)].member_id)
        if j.referrer_member_id is None and j.referrer_name and _key(j.referrer_name) in by_name
        else j
        for j in plan.joins
    ]


WECHAT_ID_MAX = 100  # Member.wechat_id's length


def _person_for(
    session: Session, actor: Actor, group_id: int, name: str, sender_id: str | None, joined: datetime | None
) -> tuple[int, int]:
    """(member, membership) of someone the import adds: the person with that WeChat ID when one exists
    (given a membership of the group if they have none), else a new person. `joined` None: an applicant
    whom a join notice moves in; else an active member since then."""
    from desktop.services.roster import MemberInput, add_member

    if sender_id and len(sender_id) > WECHAT_ID_MAX:  # not a WeChat ID (they are short): the alias keeps it
        sender_id = None
    qq = None
    if sender_id and _id_kind(_key(sender_id)) != "wechat":
        # a QQ export's sender: a QQ number is the person's QQ number, never a WeChat ID; a QQ e-mail account is
        # neither, nor a QQ NT uid (the alias keeps them)
        qq = sender_id if sender_id.isdigit() and 5 <= len(sender_id) <= 12 else None
        sender_id = None
    existing = None
    if sender_id:
        existing = session.scalar(
            select(Member.id).where(func.lower(Member.wechat_id) == sender_id.lower(), Member.deleted_at.is_(None))
        )
    elif qq:
        existing = session.scalar(select(Member.id).where(Member.qq == qq, Member.deleted_at.is_(None)))
    if existing is None:
        status = "active" if joined is not None else "applicant"
        data = MemberInput(display_name=name, wechat_id=sender_id or None, qq=qq, joined_at=joined, status=status)
        return add_member(session, actor, group_id, data)
    ms = session.scalar(select(Membership.id).where(Membership.member_id == existing, Membership.group_id == group_id))
    if ms is None:
        status = "active" if joined is not None else "applicant"
        membership = Membership(member_id=existing, group_id=group_id, status=status, joined_at=joined)
        session.add(membership)
        session.flush()
        ms = membership.id
    return existing, ms


def _add_unknown_members(session: Session, actor: Actor, group_id: int, plan: ChatPlan) -> int:
    added = 0
    for info in plan.senders:
        if info.status != "new":
            continue
        name = (info.names[0] if info.names else info.sender_id or "").strip()[:100] or "?"
        joined = datetime.combine(info.first_day, time(12, 0)) if info.first_day else None
        member_id, ms_id = _person_for(session, actor, group_id, name, info.sender_id, joined)
        info.status, info.member_id, info.membership_id, info.display_name = "known", member_id, ms_id, name
        plan.messages_known += sum(info.by_day.values())
        added += 1
    return added


def apply_chat_import(session: Session, actor: Actor, plan: ChatPlan, *, progress=None) -> ChatImportSummary:
    """Write the plan in the caller's transaction (the caller commits). Raises for a plan without a group."""
    from desktop.services.checkins import CheckinEntry, record_checkins_by_day
    from desktop.services.onboarding import leave_group, record_join

    started = _time.perf_counter()
    require(actor, "record_participation")
    if plan.group_id is None:
        raise QunDeskError("导入计划没有目标社群 (the plan has no group)")
    if plan.group_mismatch and not plan.other_group_ok:
        raise ValidationError("group", other_group_message(plan))
    group_id = plan.group_id
    added = _add_joined_strangers(session, actor, group_id, plan) if plan.add_unknown else 0
    added += _add_unknown_members(session, actor, group_id, plan)
    if added:
        _events_among_added(plan)
    if added and plan._resolver is not None:
        # the people just added are on the roster now: their keyword messages and chain entries count
        _plan_checkins(session, plan, _Roster(session, group_id), plan._resolver, plan._texts, plan._chains)
    # joins first (who is a member on the day they check in), then check-ins, then removals
    joined = 0
    for join in plan.joins_to_apply:
        before = session.get(Membership, join.membership_id)
        was = before.status if before else None
        status = record_join(session, actor, join.membership_id, join.at, join.referrer_member_id)
        joined += status != was
    # check-ins: the plan's list, re-checked against the statuses and join days after the joins
    statuses: dict[int, tuple[str, date | None]] = {
        ms_id: (status, joined_at.date() if joined_at else None)
        for ms_id, status, joined_at in session.execute(
            select(Membership.id, Membership.status, Membership.joined_at).where(Membership.group_id == group_id)
        ).all()
    }
    removed_on = _removed_on(plan)  # removed by this export (written below): no check-in after that day
    planned = [*plan.checkins, *plan.checkins_not_members]
    spells = closed_spell_days(session, sorted({c.membership_id for c in planned}))
    by_day: dict[date, list[CheckinEntry]] = defaultdict(list)
    for c in planned:
        status, joined_on = statuses.get(c.membership_id, (None, None))
        if c.membership_id in removed_on and removed_on[c.membership_id] < c.day:
            continue
        if (status == "active" and (joined_on is None or joined_on <= c.day)) or _in_spell(
            spells, c.membership_id, c.day
        ):
            by_day[c.day].append(CheckinEntry(c.membership_id, c.at, c.late))
    today = clock.today()
    days = {day: entries for day, entries in by_day.items() if day <= today}
    results = record_checkins_by_day(session, actor, group_id, days, source="chat", today=today) if days else {}
    checkins = sum(len(r.logged) for r in results.values())
    # messages per membership and day (added to what earlier imports counted)
    if plan.messages_known and plan.first_at is not None and plan.last_at is not None:
        connection = session.connection()
        values = bulk.Values(connection)
        overlap = session.scalar(
            select(ChatActivity.id)
            .where(
                ChatActivity.group_id == group_id,
                ChatActivity.day >= plan.first_at.date(),
                ChatActivity.day <= plan.last_at.date(),
            )
            .limit(1)
        )
        # days an earlier export covered in part get their messages added; otherwise a plain insert (cheaper)
        upsert = " ON CONFLICT (membership_id, day) DO UPDATE SET messages = chat_activity.messages + excluded.messages"
        rows = [(ms, group_id, values.date(day), n) for ms, day, n in plan.activity()]
        bulk.execute_many(
            connection,
            "INSERT INTO chat_activity (membership_id, group_id, day, messages) VALUES (?, ?, ?, ?)"
            + (upsert if overlap is not None else ""),
            rows,
            adapted=True,
        )
        kept.refresh(connection, {r[0] for r in rows})  # chat days have no trigger: one statement (models/kept.py)
    if added and (plan._leave_msgs or plan._chain_leaves):  # the people just added: their leave messages are theirs
        plan.leave_requests = plan_leave_requests(session, group_id, plan._leave_msgs, _member_of, plan._chain_leaves)
    # leave before removals: a leave running past a leaving day this export records is cut by it (roster.end_leaves)
    leaves_recorded = record_leave_requests(session, actor, plan.leave_requests) if plan.record_leave else 0
    removed = not_allowed = leavings = 0
    for removal in plan.removals:
        if removal.membership_id is None:
            continue
        current = session.get(Membership, removal.membership_id)
        if current is None or current.status in ("left", "removed", "blacklisted"):
            continue
        if removal.how == "leave":  # left on their own: marked left as the member list's "left" does, no removal
            leave_group(session, actor, removal.membership_id, "退群 (chat export)", when=removal.at)
            removed += 1
            leavings += 1
            continue
        if not allowed(actor, "delete_members"):
            not_allowed += 1
            continue
        reason = "移出群聊 (chat export)" + (f": {removal.by_name}" if removal.by_name else "")
        leave_group(session, actor, removal.membership_id, reason, status="removed", when=removal.at)
        removed += 1
    _remember_aliases(session, group_id, plan)
    _remember_group_names(session, group_id, plan)
    if plan.exporter_member_id is not None:
        key = f"{EXPORTER_SETTING}{group_id}"
        row = session.get(WorkspaceSetting, key)
        if row is None:
            session.add(WorkspaceSetting(key=key, value=str(plan.exporter_member_id)))
        else:
            row.value = str(plan.exporter_member_id)
    if plan.first_at is not None and plan.last_at is not None:
        session.add(
            ChatImport(
                group_id=group_id,
                format=plan.format,
                file_name=plan.file[:255],
                first_at=plan.first_at,
                last_at=plan.last_at,
                time_zone=plan.zone or None,
                messages=plan.messages_known,
                checkins=checkins,
                joins=joined,
                removals=removed,
                operator_id=actor.id,
            )
        )
    record_audit(
        session,
        actor.id,
        "import.chat",
        "group",
        group_id,
        after={
            "file": plan.file,
            "format": plan.format,
            "messages": plan.messages_known,
            "checkins": checkins,
            "joins": joined,
            "removals": removed,
            "added": added,
        },
    )
    session.flush()
    return ChatImportSummary(
        plan.file,
        plan.format,
        group_id,
        plan.messages_known,
        plan.speakers,
        checkins,
        joined,
        removed,
        not_allowed,
        added,
        _time.perf_counter() - started,
        leavings,
        len(plan.leave_requests),
        leaves_recorded,
    )


def other_group_message(plan: ChatPlan) -> str:
    if plan.private_pair is not None and not plan.export_group:
        first, second = plan.private_pair
        return (
            f"这份聊天记录只有「{first}」和「{second}」两人发言, 没有一条群通知, 像是私聊记录, 不是群聊 — 确认是本群的才导入"
            f" (only {first} and {second} speak in it, with no group notice: it looks like a private chat, not the"
            " group's — import it only if it is this group's chat — CLI: --other-group)"
        )
    if plan.private_with is not None and not plan.export_group:
        return (
            f"这份聊天记录只有导出者和「{plan.private_with}」两人, 像是与其的私聊记录, 不是群聊 — 确认是本群的才导入"
            f" (only the exporter and {plan.private_with} speak in it: it looks like a private chat with"
            f" {plan.private_with}, not the group's — import it only if it is this group's chat — CLI: --other-group)"
        )
    if plan.mostly_strangers is not None and not plan.export_group:
        known, strangers = plan.mostly_strangers
        return (
            f"这份聊天记录的 {known + strangers} 位发言人中 {strangers} 位不在所选社群的名册里, 可能是别的群的聊天记录"
            f" (或名册还不认识他们在群里的名字) — 确认无误才导入 ({strangers} of its {known + strangers} senders are not"
            " on the selected group's roster: it may be another group's chat, or the roster does not know their chat"
            " names yet; import it only if it is this group's — CLI: --other-group)"
        )
    return (
        f"这份聊天记录是「{plan.export_group}」的, 不是所选的社群 — 确认无误才导入 "
        f"(the export is of the group {plan.export_group!r}, not the one selected: import it only if that is right"
        " — CLI: --other-group)"
    )


def run_chat_import(
    database: Any,
    actor: Actor,
    path: str | Path,
    group_name: str,
    *,
    dry_run: bool = False,
    add_unknown: bool = False,
    other_group: bool = False,
    record_leave: bool = False,
    exporter: str | None = None,
    exporter_membership_id: int | None = None,
    decisions: dict[str, Any] | None = None,
    progress=None,
) -> tuple[ChatPlan, ChatImportSummary, bool]:
    """Read, plan and (unless `dry_run`) apply an export into the group called `group_name`, created when it
    does not exist yet; one transaction. `exporter` names the member who exported the chat (你 in notices).
    A dry run applies the plan too — so its figures are exactly what an import would do (people added by
    --add-unknown, their check-ins, the statuses joins lead to) — and then rolls everything back.
    An export naming another group (`plan.group_mismatch`) is refused unless `other_group` (the user confirmed);
    a dry run shows it.
    Returns (plan, summary, group created)."""
    from desktop.services.groups import find_group_id, get_or_create_group

    name = (group_name or "").strip()
    if not name:
        raise ValidationError("group", "社群名称不能为空 (group name is required)")
    source = open_chat_export(path)  # an unrecognised file is refused before anything is opened for writing
    require(actor, "record_participation")
    with database.session() as session:
        group_id = find_group_id(session, name)
        created = group_id is None
        if created:
            group_id, created = get_or_create_group(session, actor, name)
        exporter_id = _exporter_id(session, group_id, exporter) if exporter else None
        plan = plan_chat_import(
            session,
            group_id,
            path,
            add_unknown=add_unknown,
            exporter_member_id=exporter_id,
            exporter_membership_id=exporter_membership_id,
            decisions=decisions,
            progress=progress,
            source=source,
        )
        plan.other_group_ok = other_group or dry_run
        plan.record_leave = record_leave  # the certain 请假 messages recorded too (chat_leave.py)
        with bulk.big_write_cache(session.connection()):
            summary = apply_chat_import(session, actor, plan, progress=progress)
            if progress is not None:  # a cancel asked for while the plan was written: roll it all back
                progress.step(1, 1)
            if dry_run:
                session.rollback()
            else:
                session.commit()
        return plan, summary, created


def _exporter_id(session: Session, group_id: int | None, name: str) -> int:
    if group_id is None:
        raise ValidationError("me", f"--me {name}: 社群还没有成员 (the group has no members yet)")
    roster = _Roster(session, group_id)
    found, ids = roster.by_names((name,))
    if found == "several":  # who they are, and what tells them apart: --me takes a WeChat ID too
        id_of = {p.membership_id: k for k, p in roster.by_wechat.items() if not k.isdigit()}  # not a QQ number
        who = "、".join(
            roster.by_membership[i].display_name + (f" (微信号 WeChat ID {id_of[i]})" if i in id_of else "")
            for i in ids
        )
        raise ValidationError(
            "me", f"--me {name}: 社群里有几个人叫这个名字: {who} (several members go by that name: give a WeChat ID)"
        )
    if found != "one":
        raise ValidationError("me", f"--me {name}: 社群里没有叫这个名字的成员 (no member with that name)")
    return roster.by_membership[ids[0]].member_id
