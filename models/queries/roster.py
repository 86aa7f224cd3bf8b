"""The roster query: one row per membership, filtered and sorted in SQL, paged, returned as frozen rows.

Text search matches display name, nickname or group nickname (substring, by the name pieces of
models/search.py; ASCII letters in any case), WeChat ID (prefix), phone tail
(digits), and pinyin initials or full pinyin (indexed prefix ranges: `zs` finds 张三). Extras shown per row
(last activity, points) are fetched for the page only, so a keystroke never touches 100k ledgers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import product

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, and_, any_, bindparam, case, func, or_, select, union
from sqlalchemy.orm import Session

from models import (
    AuditEntry,
    ChatActivity,
    Group,
    Member,
    Membership,
    Role,
    Tag,
    Tier,
    clock,
    member_tag,
    membership_role,
)
from models.search import fold, in_ids, memberships_nicknamed, people_named
from models.search_keys import alt_name_keys, name_keys, prefix_upper_bound, typed_readings

SORT_COLUMNS = (
    "name",
    "group",
    "status",
    "tier",
    "joined_at",
    "wechat_id",
    "city",
    "last_activity",
    "points",
    "last_message",
    "messages_30d",
)


@dataclass(frozen=True)
class RosterQuery:
    group_id: int | None = None
    text: str = ""
    status: str | None = None
    tier_id: int | None = None
    tag_id: int | None = None
    role_id: int | None = None
    joined_month: tuple[int, int] | None = None
    include_deleted: bool = False
    only_deleted: bool = False
    never_spoke: bool = False  # in the chat (已入群/入群中 unless `status`) with no message in any imported history
    sort: str = "name"
    descending: bool = False
    # the operator reads phones masked (an assistant: no export_unmasked): the search finds no one by a digit those
    # masks hide (see _text_condition)
    phones_hidden: bool = False


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    member_id: int
    group_id: int
    group_name: str
    display_name: str
    nickname: str | None
    group_nickname: str | None
    wechat_id: str | None
    phone: str | None
    city: str | None
    status: str
    tier: str | None
    joined_at: datetime | None
    deleted: bool
    tags: tuple[str, ...] = field(default_factory=tuple)
    roles: tuple[str, ...] = field(default_factory=tuple)
    last_activity: date | None = None  # last participation of any kind (the kept Membership.last_active)
    points: int = 0
    last_message: date | None = None  # from chat-history imports
    messages_30d: int = 0  # messages in the 30 days up to today
    # the name a text search found this row by, which the person no longer carries (a rename of the last
    # FORMER_NAME_DAYS days): lists say "formerly 陈大文" beside 陈文 (found_by_former_name)
    formerly: str | None = None


def _wechat_prefix(t: str) -> ColumnElement[bool]:
    """People whose WeChat ID starts with `t`, whatever the case of its letters: an ID is stored with the case it
    was typed or imported with (Zhang_San88), and people type it in lower case (zhang_s). Answered by the WeChat ID
    index: one prefix range for each way of writing the first three characters (at most 8), then the whole prefix
    compared in lower case."""
    exact = and_(Member.wechat_id >= t, Member.wechat_id < prefix_upper_bound(t))
    if not t.isascii() or t.lower() == t.upper():
        return exact  # no ASCII letter: one way of writing it
    heads = {"".join(p) for p in product(*({ch.lower(), ch.upper()} for ch in t[:3]))}
    ranges = [and_(Member.wechat_id >= h, Member.wechat_id < prefix_upper_bound(h)) for h in sorted(heads)]
    return and_(or_(*ranges), func.lower(Member.wechat_id).startswith(t.lower(), autoescape=True))


_MOBILE_TYPED = re.compile(r"1[3-9]\d{9}")


def _phone_people(session: Session | None, text: str) -> list[int]:
    """A whole mainland mobile typed (138 0013 8000), for a login that reads phones masked (an assistant's on a team
    database): its members, as the server says (models.phone_lookup) — the masked phone column matched no typed
    number of five digits or more, and the assistant found nobody by a number a member had sent them, where the owner
    found them. Only a whole number is asked (not each keystroke's part of one)."""
    digits = re.sub(r"[\s\-]", "", text)
    if session is None or not _MOBILE_TYPED.fullmatch(digits):
        return []
    from models.phone_lookup import members_by_phone, phones_masked

    if not phones_masked(session):
        return []
    cache = session.info.setdefault("qd_phone_search", {})
    if digits not in cache:
        cache[digits] = members_by_phone(session, [digits])[0].get(digits, [])
    return cache[digits]


# what desktop.phones.mask_phones_in masks in a name, a nickname, a group nickname or a WeChat ID without letters:
# 7+ digits, each at most 3 non-letters from the next (models/ does not import desktop/; tests keep the two alike)
PHONE_IN_TEXT = re.compile(r"\d(?:[\W_]{0,3}\d){6,}")

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _shown_whole(session: Session | None, ids: Select, columns) -> list[int]:
    """The ids of `ids` (a select of ids, then `columns` of the same table) whose texts hold no phone: the others
    are shown to an operator who reads phones masked as 王五 138****, and a digit typed must not find them by the
    digits hidden there."""
    if session is None:
        return []
    rows = session.execute(select(*columns).where(columns[0].in_(ids))).all()
    return [r[0] for r in rows if not any(v and PHONE_IN_TEXT.search(v) for v in r[1:])]


def _ids_shown_or_typed_whole(session: Session | None, ids: Select, typed: str) -> list[int]:
    """The people of `ids` whose WeChat ID holds no phone (shown whole) or is `typed` whole, in any case of its
    letters (one rule with the member picker, ui/pickers.py `typed_whole`)."""
    if session is None:
        return []
    rows = session.execute(select(Member.id, Member.wechat_id).where(Member.id.in_(ids))).all()
    return [i for i, w in rows if w and (not PHONE_IN_TEXT.search(w) or w.lower() == typed.lower())]


def _text_condition(text: str, session: Session | None = None, phones_hidden: bool = False):
    """Memberships whose person or group nickname matches `text`, as `member_id IN (people) OR id IN (nicknames)`.

    Each branch is answered by an index: a part of a name or nickname by the name pieces (models/search.py), the
    WeChat ID prefix, pinyin initials and full pinyin by ranges on their columns, the phone tail by its column, a
    part of a group nickname by its pieces. The two sides of the OR are two index look-ups on `membership`
    (by member, by id). A substring of a name used to scan each name column's whole index (three scans, 20 ms a
    keystroke at 100,000 members), and one OR across the joined tables walked every membership.

    `phones_hidden` (an operator who reads phones masked, 138****8000, on one laptop as on a team server): decided
    with probe search2 — what the masks show may be searched, a digit they hide may not. A phone is found by its
    last four digits or fewer (shown) or by the whole mobile typed (the assistant holds it: a member sent it to them);
    5 to 10 digits find no one by phone (38000 of 13800138000 said its hidden fifth-last digit, and ten searches a
    digit rebuilt the number). A text with a digit finds no one by a name, nickname or group nickname holding a phone
    (王五 13800138002, shown 王五 138****: 0013 found him), nor by a WeChat ID without letters (a phone, shown
    masked) unless typed whole, nor by pinyin (it keeps the name's digits)."""
    t = text.strip()
    if not t:
        return None
    digit = any(ch.isdigit() for ch in t)
    hide = phones_hidden and digit
    ids = [_wechat_prefix(t)]
    low = t.lower()
    if _ID_FRAGMENT_RE.fullmatch(low):  # san88 of zhang_san88: a part of an ID remembered (a scan of the ID index)
        ids.append(func.lower(Member.wechat_id).contains(low, autoescape=True))
    if hide:
        # an ID is searched by a digit as the masks show it: whole when it holds no phone (Wang_Fang88), else
        # (13800138000 shown 138****, wx13800138000 shown wx138****) only when typed whole — wx1380013 found the
        # ID the list shows wx138****, one digit a keystroke (probe search3; search2 hid only IDs without a letter)
        lettered = func.lower(Member.wechat_id) != func.upper(Member.wechat_id)  # without a letter: a phone
        found = union(*(select(Member.id).where(c, lettered) for c in ids))
        person = [Member.id.in_(_ids_shown_or_typed_whole(session, found, t)), Member.wechat_id == t]
    else:
        person = list(ids)
    # full-width digits (１３８ from a phone's keyboard or a copied note) are a phone's digits
    typed = t.translate(_FULL_WIDTH_DIGITS)
    low = typed.lower()
    key = low.replace(" ", "")
    if key.isascii() and key.isdigit():
        found = _phone_people(session, typed)
        if found:
            person.append(Member.id.in_(found))
        if len(key) <= 4:
            person.append(Member.phone_tail == key.zfill(4) if len(key) == 4 else Member.phone_tail.like(f"%{key}"))
        elif not phones_hidden:
            person.append(Member.phone.like(f"%{key}"))
        elif _MOBILE_TYPED.fullmatch(key):
            person.append(Member.phone == key)  # the whole number: the stored one (phone masked on a server)
    # pinyin as typed, ü and tones as people type them (lü, lu, wáng fāng, wang2fang1: models/search_keys.py)
    for reading in typed_readings(t):
        if hide and any(ch.isdigit() for ch in reading):
            continue  # pinyin keeps a name's digits (wangwu13800138002): no reading with a digit is searched
        bound = prefix_upper_bound(reading)
        person.append(and_(Member.initials >= reading, Member.initials < bound))
        person.append(and_(Member.pinyin >= reading, Member.pinyin < bound))
        # the name as people read it, where that differs (曾小贤: zxx as well as cxx; models/search_keys.py)
        person.append(and_(Member.initials_alt >= reading, Member.initials_alt < bound))
        person.append(and_(Member.pinyin_alt >= reading, Member.pinyin_alt < bound))
    # 张 三 typed with a space (or copied so from a chat) is 张三: a Chinese name has no spaces between its characters
    joined = _CJK_GAP_RE.sub("", t)
    if _HAN_NAME_RE.fullmatch(joined):
        # a name in characters finds the names that read the same (張偉: 张伟, as a paste offers it), by their pinyin
        # columns' index: the same full reading, not a prefix of one (王芳 finds 汪芳, never 王芳芳)
        _initials, full = name_keys(joined)
        if full:
            person += [Member.pinyin == full, Member.pinyin_alt == full]
    renamed = formerly_named(session, t, hide)  # 陈大文 for the member renamed 陈文 last week (recent_former_names)
    if renamed:
        person.append(Member.id.in_(sorted(renamed)))
    named = [people_named(t)] + ([people_named(joined)] if joined != t else [])
    nicknames = [memberships_nicknamed(t)] + ([memberships_nicknamed(joined)] if joined != t else [])
    if hide:  # the few names with the digit typed, less those holding a phone (shown masked)
        named = [
            select(Member.id).where(
                Member.id.in_(_shown_whole(session, union(*named), (Member.id, Member.display_name, Member.nickname)))
            )
        ]
        nicknames = [
            select(Membership.id).where(
                Membership.id.in_(_shown_whole(session, union(*nicknames), (Membership.id, Membership.group_nickname)))
            )
        ]
    # one SELECT per condition: each reads one narrow index instead of every whole row of the table
    people = union(*named, *(select(Member.id).where(c) for c in person))
    nicknamed = or_(*(in_ids(Membership.id, n) for n in nicknames))
    return or_(in_ids(Membership.member_id, people), nicknamed)


# A name a member carried until a rename of the last FORMER_NAME_DAYS days still finds them: the roster search, the
# member lists and the paste (desktop/services/paste.py former_names) read the same source, the roster edit's audit
# (`member.update`, its "before"), so no column or migration keeps old names. Decided with probe search3.
FORMER_NAME_DAYS = 30
# the fields of a "before" that are names: the roster's edit writes display_name, a roster import `name`
_FORMER_FIELDS = ("display_name", "name", "nickname", "group_nickname")
_FORMER_CACHE: dict[tuple, dict[int, tuple[str, ...]]] = {}


def names_before(summary: str | None) -> list[str]:
    """The names a `member.update` audit entry says the member carried before it: their name (`display_name`, or
    `name` as a roster import records it), nickname and group nickname — the roster search's and the paste's
    former names read alike (the paste read `display_name` only, and missed a rename by an import)."""
    try:
        before = json.loads(summary or "").get("before") or {}
    except (ValueError, AttributeError):
        return []
    if not isinstance(before, dict):
        return []
    return [old.strip() for field in _FORMER_FIELDS if isinstance(old := before.get(field), str) and old.strip()]


def recent_former_names(session: Session) -> dict[int, tuple[str, ...]]:
    """member id -> the names (name, nickname, group nickname) they carried until a rename of the last
    FORMER_NAME_DAYS days, oldest first (then the names of records merged into theirs), as the audit of the roster's edits recorded them (through an assistant's
    audit view on a team server: phones in them masked). One range of the audit's `at` index, read again only when
    the audit has grown (its newest id) or the day changed: a keystroke costs a look-up of the newest id."""
    since = datetime.combine(clock.today() - timedelta(days=FORMER_NAME_DAYS), datetime.min.time())
    bind = session.get_bind()
    newest = session.execute(select(func.max(AuditEntry.id))).scalar()
    key = (id(bind), str(bind.url), since, newest)
    if key in _FORMER_CACHE:
        return _FORMER_CACHE[key]
    rows = session.execute(
        select(AuditEntry.entity_id, AuditEntry.summary)
        .where(AuditEntry.at >= since, AuditEntry.action == "member.update", AuditEntry.entity == "member")
        .order_by(AuditEntry.id)
    ).all()
    out: dict[int, list[str]] = {}
    for member_id, summary in rows:
        if member_id is None or not summary:
            continue
        for old in names_before(summary):
            if old not in out.get(member_id, []):
                out.setdefault(member_id, []).append(old)
    # and, for good, the name and nickname of a record merged into theirs (members.merge_members keeps the dropped
    # record pointing at the kept one; its undo clears that, and adds an audit row, so this is read again): 小王同学,
    # merged into 王五, found nobody the day after — the organiser who knew the old name could not find the person
    merged = session.execute(
        select(Member.id, Member.merged_into_id, Member.display_name, Member.nickname).where(
            Member.merged_into_id.is_not(None)
        )
    ).all()
    into = {mid: target for mid, target, _name, _nick in merged}
    for mid, _target, *names in merged:
        end, seen = mid, set()
        while end in into and end not in seen:  # A merged into B merged into C: C
            seen.add(end)
            end = into[end]
        for old in (n.strip() for n in names if n and n.strip()):
            if old not in out.get(end, []):
                out.setdefault(end, []).append(old)
    if len(_FORMER_CACHE) > 16:
        _FORMER_CACHE.clear()
    _FORMER_CACHE[key] = found = {m: tuple(names) for m, names in out.items()}
    return found


def name_matches(text: str, name: str | None, hide: bool = False) -> bool:
    """Whether a search `text` finds a `name` as the roster search does for a name: a part of it (ASCII letters in
    any case, 张 三 as 张三), or its pinyin initials or full pinyin (as typed: lü, wáng fāng). `hide` (an operator
    who reads phones masked typed a digit): a name holding a phone is not found (its digits are shown masked)."""
    return _TypedName(text).finds(name, hide)


class _TypedName:
    """A search text read once (its folded forms and pinyin readings), matched against many names."""

    def __init__(self, text: str) -> None:
        t = text.strip()
        self.parts = {fold(t), fold(_CJK_GAP_RE.sub("", t))} - {""}
        self.readings = [r for r in typed_readings(t) if r]

    def finds(self, name: str | None, hide: bool = False) -> bool:
        if not name or not self.parts:
            return False
        folded, keys, phone = _name_forms(name)
        if hide and phone:
            return False
        return any(p in folded for p in self.parts) or any(k.startswith(r) for r in self.readings for k in keys)


@lru_cache(maxsize=1 << 15)
def _name_forms(name: str) -> tuple[str, tuple[str, ...], bool]:
    """(folded name, its pinyin keys, whether it holds a phone) — computed once per name (former names are matched
    at every keystroke)."""
    keys = {*name_keys(name), *(alt_name_keys(name) or ())} - {""}
    return fold(name), tuple(keys), PHONE_IN_TEXT.search(name) is not None


def formerly_named(session: Session | None, text: str, hide: bool = False) -> dict[int, str]:
    """member id -> the former name (recent_former_names) `text` finds them by, newest rename first."""
    if session is None or not text.strip():
        return {}
    out: dict[int, str] = {}
    typed = _TypedName(text)
    for member_id, names in recent_former_names(session).items():
        hit = next((n for n in reversed(names) if typed.finds(n, hide)), None)
        if hit is not None:
            out[member_id] = hit
    return out


# a fragment of a WeChat ID, not a name or a phone: 4+ ASCII characters, letters with digits, or with _ or - (san88,
# _2024, wx-li): only such a text pays for the scan of every ID (a name, pinyin or phone tail never does)
_ID_FRAGMENT_RE = re.compile(r"(?!\d+$)(?=.*(?:[a-z].*\d|\d.*[a-z]|[_-]))[a-z0-9_.-]{4,}")

_HAN_NAME_RE = re.compile(r"[\u3400-\u9fff]{2,4}")

_CJK_GAP_RE = re.compile(r"(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])")


def _last_message_expr():
    return (
        select(func.max(ChatActivity.day))
        .where(ChatActivity.membership_id == Membership.id)
        .correlate(Membership)
        .scalar_subquery()
    )


def _messages_30d_expr():
    today = clock.today()
    return (
        select(func.coalesce(func.sum(ChatActivity.messages), 0))
        .where(
            ChatActivity.membership_id == Membership.id,
            ChatActivity.day > today - timedelta(days=30),
            ChatActivity.day <= today,
        )
        .correlate(Membership)
        .scalar_subquery()
    )


def _membership_conditions(q: RosterQuery) -> list[ColumnElement[bool]]:
    """The conditions of `q` on the membership alone (every filter but the text and the deleted people)."""
    conds: list[ColumnElement[bool]] = []
    if q.group_id is not None:
        conds.append(Membership.group_id == q.group_id)
    if q.status:
        conds.append(Membership.status == q.status)
    if q.tier_id is not None:
        conds.append(Membership.tier_id == q.tier_id)
    if q.tag_id is not None:
        conds.append(Membership.member_id.in_(select(member_tag.c.member_id).where(member_tag.c.tag_id == q.tag_id)))
    if q.role_id is not None:
        conds.append(
            Membership.id.in_(select(membership_role.c.membership_id).where(membership_role.c.role_id == q.role_id))
        )
    if q.joined_month:
        y, m = q.joined_month
        start = datetime(y, m, 1)
        end = datetime(y + (m == 12), m % 12 + 1, 1)
        conds += [Membership.joined_at >= start, Membership.joined_at < end]
    if q.never_spoke:
        conds.append(~select(ChatActivity.id).where(ChatActivity.membership_id == Membership.id).exists())
        if not q.status:  # the lurkers are in the chat now: members and newcomers, unless a status is chosen
            conds.append(Membership.status.in_(("active", "onboarding")))
    return conds


def filtered(q: RosterQuery, session: Session | None = None) -> Select:
    stmt = select(Membership.id).join(Member, Member.id == Membership.member_id)
    if q.only_deleted:
        stmt = stmt.where(Member.deleted_at.is_not(None))
    elif not q.include_deleted:
        stmt = stmt.where(Member.deleted_at.is_(None))
    stmt = stmt.where(*_membership_conditions(q))
    cond = _text_condition(q.text, session, q.phones_hidden)
    if cond is not None:
        stmt = stmt.where(cond)
    return stmt


# Sort keys that are never NULL: no NULLS LAST, so an index on the key can give the order (and LIMIT stop early).
_NOT_NULL_KEYS = frozenset({"name", "group", "status", "points", "messages_30d"})


def _shown_wechat_id():
    """The WeChat ID as an operator who reads phones masked sees it, for the sort: one without a letter that may
    hold a phone (7+ characters) by its first three characters, as its mask shows them (13800138000 as 138****;
    the assistant's view on a team server shows the same) — sorted by the whole ID, 138**** rows stood in the order
    of their hidden digits (probe search3). Ties by membership id, as every sort. An ID with a letter sorts whole
    (the PostgreSQL view shows it whole; see the report of probe search3 for wx13800138000)."""
    w = Member.wechat_id
    return case((and_(func.lower(w) == func.upper(w), func.length(w) >= 7), func.substr(w, 1, 3)), else_=w)


def _order(stmt: Select, q: RosterQuery) -> Select:
    """ORDER BY the chosen key, ties by membership id in the same direction (so one index walked forwards or
    backwards gives the whole order and the first page stops after 200 rows); empty values last."""
    if q.sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {q.sort!r}")
    key = {
        "name": Member.pinyin,
        "group": Membership.group_id,
        "status": Membership.status,
        "tier": Membership.tier_id,
        "joined_at": Membership.joined_at,
        "wechat_id": _shown_wechat_id() if q.phones_hidden else Member.wechat_id,
        "city": Member.city,
        "last_activity": Membership.last_active,  # kept values (models/kept.py): indexed, no aggregate per sort
        "points": Membership.points_balance,
        "last_message": _last_message_expr(),
        "messages_30d": _messages_30d_expr(),
    }[q.sort]
    if q.descending:
        key, tie = key.desc(), Membership.id.desc()
    else:
        key, tie = key.asc(), Membership.id.asc()
    if q.sort not in _NOT_NULL_KEYS:
        key = key.nulls_last()
    return stmt.order_by(key, tie)


def count_roster(session: Session, q: RosterQuery) -> int:
    """Rows of the roster: memberships (a person in two groups is two rows)."""
    return _counts(session, q, people=False)[0]


def count_roster_and_people(session: Session, q: RosterQuery) -> tuple[int, int]:
    """count_roster and count_roster_people in one statement."""
    return _counts(session, q, people=True)


def count_roster_people(session: Session, q: RosterQuery) -> int:
    """The distinct people among the rows of `q` (within one group, one row is one person)."""
    return _counts(session, q, people=True)[1]


_DELETED_PEOPLE = select(Member.id).where(Member.deleted_at.is_not(None))  # through ix_member_deleted


def _counts(session: Session, q: RosterQuery, *, people: bool) -> tuple[int, int]:
    """(rows, people) of `q` (people 0 unless asked for). Without text, the rows of living people are counted as
    every row the membership's own conditions select less the rows of deleted people: the first reads no person
    (an index of membership alone), the second only the few deleted people, through their partial index
    (ix_member_deleted), and their memberships by the (member, group) index. Joining every row to its person to
    ask whether they were deleted took 38 ms for the roster of every group at 100,000 members (at every start
    and refresh), 31 ms for the largest group; this takes 11 and 1 ms (PostgreSQL: 65 → 30, 31 → 9 ms)."""
    if q.text.strip():
        return _few_counts(session, filtered(q, session), people)
    own = _membership_conditions(q)
    deleted = select(Membership.id).where(Membership.member_id.in_(_DELETED_PEOPLE), *own)
    if q.only_deleted:
        return _few_counts(session, deleted, people)
    rows, persons = _many_counts(session, select(Membership.id).where(*own), people)
    if q.include_deleted:
        return rows, persons
    gone_rows, gone_persons = _few_counts(session, deleted, people)
    return rows - gone_rows, persons - gone_persons


def _few_counts(session: Session, rows: Select, people: bool) -> tuple[int, int]:
    """(rows, people) of a select of membership ids, its people counted with count(DISTINCT …) — a temporary
    b-tree of their ids, which costs nothing for a few rows and keeps the plan `rows` has alone."""
    found = rows.add_columns(Membership.member_id).subquery()
    counted = [func.count()] + ([func.count(func.distinct(found.c.member_id))] if people else [])
    values = session.execute(select(*counted).select_from(found)).one()
    return int(values[0] or 0), int(values[1] or 0) if people else 0


def _many_counts(session: Session, rows: Select, people: bool) -> tuple[int, int]:
    """(rows, people) of a select of membership ids from membership alone. The rows are counted from the ids
    alone (a covering index of the filter); the people as a DISTINCT subquery of the member ids, which reads them
    in the order of the (member, group) index where count(DISTINCT …) sorted 130,000 of them in a temporary
    b-tree (19 → 7 ms)."""
    counted = [select(func.count()).select_from(rows.subquery()).scalar_subquery()]
    if people:
        persons = rows.with_only_columns(Membership.member_id).distinct().subquery()
        counted.append(select(func.count()).select_from(persons).scalar_subquery())
    values = session.execute(select(*counted)).one()
    return int(values[0] or 0), int(values[1] or 0) if people else 0


@dataclass(frozen=True)
class RosterMatches:
    """Every row of a query, in order, from one query: what a search keystroke needs (the count, the people
    among the rows and each page) without running the search again for each of them."""

    membership_ids: list[int]
    people: int
    formerly: dict[int, str] = field(default_factory=dict)  # membership id -> the former name it was found by

    @property
    def total(self) -> int:
        return len(self.membership_ids)


def roster_matches(session: Session, q: RosterQuery) -> RosterMatches:
    """All matching memberships of `q` in its order (ids only; `rows_for` fetches a page). Meant for a text
    search, whose matches are few next to the roster; an unfiltered roster pages with `roster_ids` instead."""
    # through the Core connection: the ORM's row loading took a third of the time for 5,000 matches
    rows = session.connection().execute(_order(filtered(q, session).add_columns(Membership.member_id), q)).all()
    return RosterMatches([r[0] for r in rows], len({r[1] for r in rows}), found_by_former_name(session, q, rows))


def found_by_former_name(session: Session, q: RosterQuery, rows) -> dict[int, str]:
    """membership id -> the former name `q`'s text found the row by, for the rows (membership id, member id) its
    text finds by a name the person carried until a recent rename and by none they carry now (陈大文 typed, 陈文
    listed "formerly 陈大文"). A row the text finds by a name of now says nothing more."""
    hide = q.phones_hidden and any(ch.isdigit() for ch in q.text)
    renamed = formerly_named(session, q.text, hide)
    ids = [ms for ms, member in rows if member in renamed]
    if not ids:
        return {}
    names = session.execute(
        select(Membership.id, Member.id, Member.display_name, Member.nickname, Membership.group_nickname)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.id.in_(ids))
    ).all()
    return {
        ms: renamed[member]
        for ms, member, *now in names
        if not any(name_matches(q.text, n, hide) for n in now) and not _found_otherwise(session, q, ms)
    }


def _found_otherwise(session: Session, q: RosterQuery, membership_id: int) -> bool:
    """Whether `q`'s text finds the row by its WeChat ID or phone (a text of letters and digits may be both)."""
    t = q.text.strip()
    if not any(ch.isdigit() for ch in t) and not _ID_FRAGMENT_RE.fullmatch(t.lower()):
        wechat = session.execute(
            select(Member.wechat_id)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.id == membership_id)
        ).scalar()
        return bool(wechat) and wechat.lower().startswith(t.lower())
    return True  # a digit or an ID fragment: the row may be found by its phone or ID; no "formerly" guessed


def with_former_names(rows: list[MemberRow], formerly: dict[int, str]) -> list[MemberRow]:
    """The rows, those found by a former name (found_by_former_name) saying which."""
    if not formerly:
        return rows
    return [replace(r, formerly=formerly[r.membership_id]) if r.membership_id in formerly else r for r in rows]


def roster_ids(session: Session, q: RosterQuery, offset: int = 0, limit: int | None = 200) -> list[int]:
    stmt = _order(filtered(q, session), q).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def _among(dialect: str, column, ids) -> ColumnElement[bool]:
    """`column` is one of `ids` (a page: up to a few hundred). On PostgreSQL one array parameter: a list of 200
    parameters was rendered, cast and parsed again by the driver on every page (a third of a page's time)."""
    if dialect == "postgresql":
        return column == any_(bindparam("page_ids", list(ids), type_=ARRAY(Integer)))
    return column.in_(list(ids))


def rows_for(session: Session, membership_ids: list[int]) -> list[MemberRow]:
    """Full rows for the given memberships, in the given order."""
    if not membership_ids:
        return []
    conn = session.connection()  # Core rows: no ORM row loading for plain columns
    dialect = conn.dialect.name
    base = conn.execute(
        select(
            Membership.id,
            Member.id,
            Group.id,
            Group.name,
            Member.display_name,
            Member.nickname,
            Membership.group_nickname,
            Member.wechat_id,
            Member.phone,
            Member.city,
            Membership.status,
            Tier.name,
            Membership.joined_at,
            Member.deleted_at,
            Membership.last_active,
            Membership.points_balance,
            _last_message_expr(),
            _messages_30d_expr(),
        )
        .join(Member, Member.id == Membership.member_id)
        .join(Group, Group.id == Membership.group_id)
        .outerjoin(Tier, Tier.id == Membership.tier_id)
        .where(_among(dialect, Membership.id, membership_ids))
    ).all()
    member_ids = {r[1] for r in base}
    tags: dict[int, list[str]] = {}
    for mid, name in conn.execute(
        select(member_tag.c.member_id, Tag.name)
        .join(Tag, Tag.id == member_tag.c.tag_id)
        .where(_among(dialect, member_tag.c.member_id, member_ids))
        .order_by(Tag.name)
    ):
        tags.setdefault(mid, []).append(name)
    roles: dict[int, list[str]] = {}
    for msid, name in conn.execute(
        select(membership_role.c.membership_id, Role.name)
        .join(Role, Role.id == membership_role.c.role_id)
        .where(_among(dialect, membership_role.c.membership_id, membership_ids))
        .order_by(Role.id)
    ):
        roles.setdefault(msid, []).append(name)
    by_id = {
        r[0]: MemberRow(
            membership_id=r[0],
            member_id=r[1],
            group_id=r[2],
            group_name=r[3],
            display_name=r[4],
            nickname=r[5],
            group_nickname=r[6],
            wechat_id=r[7],
            phone=r[8],
            city=r[9],
            status=r[10],
            tier=r[11],
            joined_at=r[12],
            deleted=r[13] is not None,
            tags=tuple(tags.get(r[1], ())),
            roles=tuple(roles.get(r[0], ())),
            last_activity=r[14],
            points=int(r[15] or 0),
            last_message=r[16],
            messages_30d=int(r[17] or 0),
        )
        for r in base
    }
    return [by_id[i] for i in membership_ids if i in by_id]


def search_roster(session: Session, q: RosterQuery, offset: int = 0, limit: int | None = 200) -> list[MemberRow]:
    rows = rows_for(session, roster_ids(session, q, offset, limit))
    if not q.text.strip():
        return rows
    return with_former_names(rows, found_by_former_name(session, q, [(r.membership_id, r.member_id) for r in rows]))
