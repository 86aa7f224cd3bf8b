"""The 请假 messages of a chat-history import (PRODUCT §3.8, §2 Leave): `明天请假`, `12.5-12.8请假`, `请假3天`,
`取消请假` in an export were dropped without a word — the members stayed "missing" on those days, their streaks broke
and the next reminder @-named them, while the organiser believed the import had read the chat.

Every such message of the export, and every 请假 line of a 接龙 in it (`2. 王五 请假3天`: chain_leave_request), outside
the spans earlier imports read (those were reported then), is a
`LeaveRequest`, reported per member with the days it says, read from the MESSAGE's local day (`明天请假` sent at 23:50
on the 4th is the 5th; desktop/leave_words.leave_span), never from today.

Decision (a demanding organiser's): the import reports them and records none by itself — a leave is a promise about
days, and who it is for and which days are a person's to confirm, as the paste's leave lines are. With
`record_leave` (the CLI's `--record-leave`, the window's "record these leaves" box) it records the CERTAIN ones in the
import's own transaction, through checkins.record_leave (its checks, its audit entry): a message whose sender is a
known member, naming nobody else, not a question or a notice about leave, not taken back by a later message of
theirs, and not covered already by a recorded leave. One the service refuses (overlapping another leave, before they
joined, after they left) is reported with its reason and the import goes on. The rest are reported with why not:
another member named (`帮张三请个假`: 张三's, a person records it), taken back (`取消请假`), a question, the sender not
known."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.chat_parse import LEAVE_WORDS_RE
from desktop.leave_words import leave_span
from models import Leave, bulk

# 取消请假, 不请假了, 请假取消, 销假: a leave taken back
TAKEN_BACK_RE = re.compile(r"(?:取消|撤回|撤销|不用|不必|不)请(?:个)?假|请假\s*(?:取消|撤回|撤销|作废|不请了)|销假")
# a notice about leave, not someone's leave: the organiser's rules, a call to everyone
_ABOUT_RE = re.compile(
    r"@所有人|@全体|如需请假|需要请假的|要请假的|请假的(?:同学|小伙伴|朋友|人|话)|请假请|请假需|请假要|请假(?:规则|制度|流程|条)"
)
_QUESTION_RE = re.compile(r"[?？]|吗|么|是不是|能不能|可不可以|可以.{0,4}吗")
MAX_CHARS = 80  # a longer message mentioning 请假 is a notice or a story, not a request: reported as not certain


_LEAVE_HINTS = (
    "leave",
    "off",
    "sick",
    "excused",
    "away",
    "ooo",
    "out of",
    "holiday",
    "vacation",
    "travel",
    "unwell",
    "feeling",
    "weather",
)


def says_leave(text: str) -> bool:
    """Cheap first look for the import's hot loop, then the words: a 请假 (or its taking back)."""
    if "假" not in text:
        low = text.casefold()  # the English leave words (chat_parse.LEAVE_WORDS_RE): `OOO till Monday` was passed over
        if not any(word in low for word in _LEAVE_HINTS):
            return False
    return bool(LEAVE_WORDS_RE.search(text) or TAKEN_BACK_RE.search(text))


@dataclass
class LeaveRequest:
    sender: str  # as the export shows them
    membership_id: int | None  # the sender's, when they are a known member
    display_name: str | None  # of that member
    at: datetime  # when it was sent (the community's local time)
    text: str  # the message (held in memory for the report, never stored)
    first: date
    last: date
    kind: str  # leave | taken_back
    # why it is not recorded by itself: "" (certain), named, question, about, long, unknown_sender, taken_back_later,
    # recorded (a recorded leave covers it), refused (record_leave said no: `refusal`)
    not_certain: str = ""
    named: tuple[str, ...] = ()  # the other members the message names (帮张三请个假)
    refusal: str = ""
    written: bool = False  # recorded by this import

    @property
    def who(self) -> str:
        return self.display_name or self.sender


def chain_leave_request(m, day: date, at: datetime) -> LeaveRequest:
    """A 请假 line of the day's 接龙 (`3. 王五 请假3天`; paste.match_lines read it, its days from the chain's day): its
    member's when the line names one member for certain and is their own (`3. 李四 帮张三请个假` is 张三's, said by
    李四: a person confirms)."""
    cands = [c for c in m.candidates if c.membership_id is not None and c.status == "active"]
    one = cands[0] if len(cands) == 1 and len(m.candidates) == 1 else None
    first, last = m.leave_days or (day, day)
    text = m.line.raw.strip()
    req = LeaveRequest(
        m.name, one.membership_id if one else None, one.display_name if one else None, at, text, first, last, "leave"
    )
    if m.reason == "leave_named":
        req.not_certain, req.named = "named", tuple(c.display_name for c in m.candidates)
    elif one is None:
        req.not_certain = "unknown_sender"
    return req


def plan_leave_requests(
    session: Session, group_id: int | None, messages, resolve, chain_lines: Sequence[LeaveRequest] = ()
) -> list[LeaveRequest]:
    """`messages`: (sender info, sent at, text) of the export's leave messages; `resolve(info)` -> (membership id
    or None, display name or None) as the import finally knows the sender. `chain_lines`: the 请假 lines of its
    接龙 (chain_leave_request), listed with them (copies: a re-plan starts from them as they were)."""
    from desktop.services.paste import Candidate, RosterIndex, _Found, _leave_named

    index = RosterIndex(session, group_id) if group_id is not None and messages else None
    out: list[LeaveRequest] = []
    for info, at, text in messages:
        membership_id, name = resolve(info)
        day = at.date()
        kind = "taken_back" if TAKEN_BACK_RE.search(text) and not LEAVE_WORDS_RE.search(text) else "leave"
        first, last = leave_span(text, day)
        req = LeaveRequest(info.shown, membership_id, name, at, text, first, last, kind)
        if kind == "leave":
            own = [_Found("certain", (Candidate(membership_id, name or "", "name"),))] if membership_id else []
            named = _leave_named(text, index, own) if index is not None else []
            if _ABOUT_RE.search(text):
                req.not_certain = "about"
            elif _QUESTION_RE.search(text):  # @张三 你明天请假吗？ asks; it records nobody's leave
                req.not_certain = "question"
            elif named:
                req.named = tuple(dict.fromkeys(c.display_name for f in named for c in f.people))
                req.not_certain = "named"
            elif len(text) > MAX_CHARS:
                req.not_certain = "long"
            elif membership_id is None:
                req.not_certain = "unknown_sender"
        out.append(req)
    out += [replace(r) for r in chain_lines]
    out.sort(key=lambda r: r.at)
    # taken back by a later message of theirs (请假 on the 3rd, 取消请假 on the 4th): none of it is recorded
    for req in out:
        if req.kind == "leave" and not req.not_certain:
            if any(
                o.kind == "taken_back"
                and o.membership_id == req.membership_id
                and o.at > req.at
                and o.at.date() <= req.last
                for o in out
            ):
                req.not_certain = "taken_back_later"
    wanted = {r.membership_id for r in out if r.kind == "leave" and not r.not_certain}
    if wanted:
        spans: dict[int, list[tuple[date, date]]] = {}
        for mid, a, b in session.execute(
            select(Leave.membership_id, Leave.start_day, Leave.end_day).where(Leave.membership_id.in_(sorted(wanted)))
        ):
            spans.setdefault(mid, []).append((bulk.stored_day(a), bulk.stored_day(b)))
        for req in out:
            if req.kind == "leave" and not req.not_certain:
                if any(a <= req.first and req.last <= b for a, b in spans.get(req.membership_id or 0, ())):
                    req.not_certain = "recorded"
    return out


def record_leave_requests(session: Session, actor, requests: list[LeaveRequest]) -> int:
    """Record the certain requests (see the module), each in a savepoint of the import's transaction: one the service
    refuses is said (`refusal`) and leaves nothing behind. Two certain requests of one member whose days overlap
    (请假3天, then 明天请假 again): the first is recorded, the second refused naming it."""
    from desktop.errors import PermissionDenied, QunDeskError
    from desktop.services.checkins import record_leave

    written = 0
    done: dict[int, list[tuple[date, date]]] = {}
    for req in sorted(requests, key=lambda r: r.at):
        if req.kind != "leave" or req.not_certain or req.membership_id is None:
            continue
        if any(a <= req.first and req.last <= b for a, b in done.get(req.membership_id, ())):
            req.not_certain = "recorded"  # 明天请假, then 王五 请假 in the next morning's chain: one leave
            continue
        try:
            with session.begin_nested():
                # the message's day and time, not its words: a chat import stores no message text (PRODUCT §3.8)
                reason = f"群聊请假 chat {req.at:%Y-%m-%d %H:%M}"
                record_leave(session, actor, req.membership_id, req.first, req.last, reason)
        except PermissionDenied:
            raise
        except QunDeskError as exc:
            req.not_certain = "refused"
            req.refusal = getattr(exc, "message", None) or str(exc)
            continue
        req.written = True
        done.setdefault(req.membership_id, []).append((req.first, req.last))
        written += 1
    return written


REASONS = {
    "named": ("说的是别人的请假, 请确认后记录", "names someone else: whose leave, a person confirms"),
    "question": ("是问句, 未记录", "a question: not recorded"),
    "about": ("是关于请假的通知, 不是请假", "a notice about leave, not a leave"),
    "long": ("消息较长, 请确认后记录", "a long message: a person confirms"),
    "unknown_sender": ("发言人不在名册, 未记录", "the sender is not on the roster: not recorded"),
    "taken_back_later": ("之后又取消了请假, 未记录", "taken back by a later message: not recorded"),
    "recorded": ("这次请假已记录", "that leave is recorded"),
    "refused": ("未记录", "not recorded"),
}
