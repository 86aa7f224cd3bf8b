"""Roster operations: add, update, find duplicates, soft delete and restore members, list groups' rosters.
Each function takes a Session and plain values, returns plain data and records its operator in the audit
log; the caller commits (one user action = one transaction)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, timedelta

from sqlalchemy import Select, bindparam, delete, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError, memberships_gone
from desktop.io.fields import drop_format_chars
from desktop.phones import drop_id_numbers, mask_phone, nanp_phone
from desktop.services.audit import record_audit
from desktop.services.checkins import reconcile_streak_bonus, reconcile_streak_bonuses
from desktop.services.operators import Actor, allowed, require
from models import (
    AuditEntry,
    Group,
    Leave,
    Member,
    Membership,
    MembershipSpell,
    Tag,
    Tier,
    bulk,
    clock,
    member_tag,
    utcnow,
)
from models.base import ENDED_STATUSES, GENDERS, MEMBERSHIP_STATUSES
from models.queries.participation import as_day, first_participation
from models.queries.roster import (
    MemberRow,
    RosterMatches,
    RosterQuery,
    count_roster,
    count_roster_and_people,
    count_roster_people,
    roster_matches,
    rows_for,
    search_roster,
    with_former_names,
)
from models.search_keys import name_keys, search_columns

__all__ = [
    "GONE_STATUSES",
    "DuplicateHit",
    "MemberInput",
    "MemberRow",
    "RosterQuery",
    "add_member",
    "check_wechat_typed",
    "count_roster",
    "count_roster_and_people",
    "count_roster_people",
    "find_duplicates",
    "get_member_input",
    "identity_clashes",
    "end_leaves",
    "LeaveSpan",
    "leaves_of",
    "end_leaves_many",
    "left_fields",
    "put_back_leaves",
    "normalise_phone",
    "require_status_change",
    "restore_member",
    "search_roster",
    "RosterMatches",
    "roster_matches",
    "rows_for",
    "with_former_names",
    "soft_delete_member",
    "undo_member_edit",
    "update_member",
    "validate_edit",
]

_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
_MAINLAND_WITH_86 = re.compile(r"861[3-9]\d{9}")  # a mainland mobile written with its country code, no +
SIMILAR_NAME_SCORE = 90  # rapidfuzz ratio at which two names in one group are "very similar"
GONE_STATUSES = ENDED_STATUSES  # out of the group: left_at (and a reason) say since when, why
_MANAGER_STATUSES = ("removed", "blacklisted")  # putting someone there, or lifting a blacklist: delete_members


def require_status_change(actor: Actor, old: str | None, new: str) -> None:
    """The permission a membership status change needs beyond editing members (PRODUCT §3.7): removing
    (已移除), blacklisting and lifting a blacklist need `delete_members` (an assistant may not), like
    onboarding.leave_group(status="removed"). `old` None: a new membership. The server's guard on
    `membership` refuses the same for an assistant's login (desktop/team_roles.py)."""
    if new == old:
        return
    if new in _MANAGER_STATUSES or old == "blacklisted":
        require(actor, "delete_members")


def left_fields(
    old_status: str | None,
    new_status: str,
    *,
    left_at: datetime | None,
    left_reason: str | None,
    joined_at: datetime | None,
    now: datetime,
    when: datetime | None = None,
    reason: str | None = None,
) -> tuple[datetime | None, str | None]:
    """(left_at, left_reason) of a membership whose status goes from `old_status` (None: new) to `new_status` —
    the one rule of the member dialog (update_member, add_member), the roster import and leave_group:
    - back in (applicant, onboarding, active): neither (a former member's old leaving date would make the
      month figures count them out although they are in the group again);
    - out (left, removed, blacklisted): `when` when given, else the date it already had when it was out
      already (left -> removed keeps the day they went), else `now`; a new date is never before joined_at.
      The reason is `reason` when given, else the one it had when it was out already;
    - out before ever being in (an applicant or newcomer, 申请中/入群中, with no join date, who drops out): no
      leaving date — they were never a member, and a membership without a join date but with a leaving date is a
      member from the beginning until then (the rule for a former member imported without a join date): such a
      drop-out counted in members_total of every month before, as a leaving in its month, and, back again, kept
      that as a closed spell. An edit of such a membership does not stamp a date on it either.
    A leaving day after today is refused (ValidationError on left_at), as a join day is: such a person is 已退群 on
    the roster and in the sidebar's count, yet a member in every figure until that day (the dashboard counted them)."""
    if new_status not in GONE_STATUSES:
        return None, None
    if when is not None and when != left_at and when.date() > clock.today():  # a date kept as it is stays editable
        raise ValidationError("left_at", "退群时间不能在未来 (leaving date is in the future)")
    was_gone = old_status in GONE_STATUSES
    reason = (drop_id_numbers(reason)[0] or "").strip() or (left_reason if was_gone else None)  # never an ID number
    if joined_at is None and (
        old_status in ("applicant", "onboarding") or (was_gone and left_at is None and when is None)
    ):
        return None, reason
    if when is None and was_gone and left_at is not None:
        return left_at, reason
    at = when or now
    if joined_at is not None and at < joined_at:
        at = joined_at
    return at, reason


def end_leaves(session: Session, membership_id: int, left_at: datetime | None, operator_id: int | None = None) -> None:
    """A leave (请假) ends when the member leaves the group — the member dialog, "mark left" and a bulk move all
    end a membership through here: a leave running on past the leaving day would bridge the gap before a return and
    keep a streak going across days they were no member (a probe: check-ins 1–5, 请假 6–15, left on the 8th, back on
    the 15th gave a 12-day streak). The roster import ends many at once through end_leaves_many, the one rule."""
    end_leaves_many(session, [(membership_id, left_at)], operator_id)


@dataclass(frozen=True)
class LeaveSpan:
    """One 请假 of a membership as it stands (leaves_of): what the undo of a leaving puts back."""

    id: int
    start_day: date
    end_day: date
    reason: str | None


def leaves_of(session: Session, membership_id: int) -> list[LeaveSpan]:
    rows = session.execute(
        select(Leave.id, Leave.start_day, Leave.end_day, Leave.reason)
        .where(Leave.membership_id == membership_id)
        .order_by(Leave.start_day)
    ).all()
    return [LeaveSpan(*r) for r in rows]


def put_back_leaves(session: Session, actor: Actor, membership_id: int, spans: list[LeaveSpan]) -> int:
    """The undo of an edit that ended a membership: the leaves end_leaves cut or dropped get their days back, as
    `spans` (leaves_of before the edit) had them — while the membership is in the group again (an undo that leaves
    it out puts nothing back: end_leaves' rule holds). A leave recorded since over the same days wins: a span that
    would overlap another leave is not put back. Returns the leaves changed; streak bonuses follow at once, like
    record_leave's."""
    require(actor, "record_participation")
    ms = session.get(Membership, membership_id)
    if ms is None or ms.status in GONE_STATUSES or not spans:
        return 0
    now = {s.id: s for s in leaves_of(session, membership_id)}
    changed = 0
    for span in spans:
        current = now.get(span.id)
        if current is not None and current.start_day != span.start_day:
            current = None  # end_leaves only moves an end: another leave under a reused id (SQLite reuses row ids)
        if current is not None and current.end_day >= span.end_day:
            continue
        clash = select(Leave.id).where(
            Leave.membership_id == membership_id,
            Leave.start_day <= span.end_day,
            Leave.end_day >= span.start_day,
        )
        if current is not None:
            clash = clash.where(Leave.id != current.id)
        if session.scalar(clash) is not None:
            continue
        if current is not None:
            session.execute(
                update(Leave).where(Leave.id == span.id).values(start_day=span.start_day, end_day=span.end_day)
            )
        else:
            session.add(
                Leave(
                    membership_id=membership_id,
                    start_day=span.start_day,
                    end_day=span.end_day,
                    reason=span.reason,
                    recorded_by=actor.id,
                )
            )
        changed += 1
    if changed:
        session.flush()
        group = session.get(Group, ms.group_id)
        if group is not None:
            reconcile_streak_bonus(session, group, membership_id, actor.id)
        from desktop.services.participation import excuse_absences  # participation reads leave through checkins

        for span in spans:  # the days back on leave excuse their absences again, as record_leave's do
            excuse_absences(session, actor.id, membership_id, span.start_day, span.end_day)
        record_audit(
            session,
            actor.id,
            "leave.restore",
            "membership",
            membership_id,
            after={"leaves": [[s.start_day, s.end_day] for s in spans]},
        )
    return changed


def end_leaves_many(session: Session, ended: list[tuple[int, datetime | None]], operator_id: int | None = None) -> None:
    """end_leaves (the same rule) for many memberships at once, (membership id, left_at) each, in two statements —
    the roster import's bulk write ends the leaves of everyone its status column takes out of the group (已退群/
    已移除/黑名单) through here. Leave objects loaded in the session are expired.

    The streak bonuses of the memberships whose leaves were cut follow at once, like record_leave's and
    put_back_leaves': a leaving dated before check-ins already logged (the dialog's leaving date, the undo of a
    return, an import's 退群日期) takes away the leave days that bridged their run, and the bonus of a run that no
    longer reaches 7 stayed in the balance — the member gone, no later check-in ever reconciled it."""
    params = [{"b_ms": ms_id, "b_day": at.date(), "b_end": at.date() - timedelta(days=1)} for ms_id, at in ended if at]
    if not params:
        return
    session.flush()
    table = Leave.__table__
    connection = session.connection()
    cut_from = {p["b_ms"]: p["b_day"] for p in params}
    ids = sorted(cut_from)
    cut: dict[int, date] = {}  # membership → the last leave day cut (the places it excused are absent again)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for ms_id, end_day in connection.execute(
            select(table.c.membership_id, table.c.end_day).where(table.c.membership_id.in_(chunk))
        ):
            end_day = bulk.stored_day(end_day)
            if end_day >= cut_from[ms_id]:
                cut[ms_id] = max(cut.get(ms_id, end_day), end_day)
    connection.execute(
        delete(table).where(table.c.membership_id == bindparam("b_ms"), table.c.start_day >= bindparam("b_day")),
        [{"b_ms": p["b_ms"], "b_day": p["b_day"]} for p in params],
    )
    connection.execute(
        update(table)
        .where(table.c.membership_id == bindparam("b_ms"), table.c.end_day >= bindparam("b_day"))
        .values(end_day=bindparam("b_end")),
        params,
    )
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Leave):  # loaded leaves must not keep their old days
            session.expire(obj)
    if not cut:
        return
    from desktop.services.participation import unexcuse_places  # participation reads leave through checkins

    for ms_id, last in sorted(cut.items()):  # as remove_leave: the days cut excuse no place any more
        unexcuse_places(session, operator_id, ms_id, cut_from[ms_id], last)
    by_group: dict[int, list[int]] = {}
    cut_ids = sorted(cut)
    for start in range(0, len(cut_ids), 500):
        for ms_id, group_id in session.execute(
            select(Membership.id, Membership.group_id).where(Membership.id.in_(cut_ids[start : start + 500]))
        ):
            by_group.setdefault(group_id, []).append(ms_id)
    for group_id, members in sorted(by_group.items()):
        group = session.get(Group, group_id)
        if group is not None:
            reconcile_streak_bonuses(session, group, members, operator_id)


@dataclass
class MemberInput:
    """What the add/edit dialog and the importers hand to the roster service."""

    display_name: str
    nickname: str | None = None
    wechat_id: str | None = None
    qq: str | None = None
    phone: str | None = None
    gender: str | None = None
    city: str | None = None
    occupation: str | None = None
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    real_name_verified: bool = False
    verified_on: date | None = None
    seed_user: bool = False
    # membership fields
    status: str = "active"
    tier: str | None = None
    group_nickname: str | None = None
    joined_at: datetime | None = None
    referrer_id: int | None = None
    purpose: str | None = None
    # when and why the person left (status left/removed/blacklisted): None keeps what is stored, or "now"
    left_at: datetime | None = None
    left_reason: str | None = None


MEMBER_FIELDS = (
    "display_name",
    "nickname",
    "wechat_id",
    "qq",
    "phone",
    "gender",
    "city",
    "occupation",
    "note",
    "real_name_verified",
    "verified_on",
    "seed_user",
)
MEMBERSHIP_FIELDS = ("status", "group_nickname", "joined_at", "referrer_id", "purpose")
LEFT_FIELDS = ("left_at", "left_reason")  # written through left_fields(), not as they are


def normalise_phone(value: str | None) -> str | None:
    """Digits only (a leading + kept); raises ValidationError for anything that is not a phone number."""
    if value is None or not str(value).strip():
        return None
    s = unicodedata.normalize("NFKC", str(value)).strip()
    north_american = nanp_phone(s) if not s.startswith("+") else None
    if north_american is not None:  # (415) 555-2671: as an import reads it (desktop/phones.py)
        return north_american
    s = _PHONE_SEPARATORS.sub("", s)
    plus = s.startswith("+")
    digits = s[1:] if plus else s
    if not plus and digits.startswith("00") and digits.isdigit():  # 0086 138…: the international prefix is a +
        plus, digits = True, digits[2:]
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise ValidationError("phone", f"「{value}」不是有效的电话号码 (not a phone number)")
    if plus and digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    if not plus and _MAINLAND_WITH_86.fullmatch(digits):  # 8613812345678 is 13812345678, as the import reads it
        return digits[2:]
    return ("+" if plus else "") + digits


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _clean_name(value: str | None) -> str | None:
    """A name, nickname or group nickname as stored: trimmed, without invisible format characters (a zero-width
    space copied with a name from WeChat made 王\u200b芳 another person than 王芳 for the exact matches of a paste
    and the search), as the imports store them (desktop/io/fields.clean_text); emoji sequences are kept."""
    return _clean(drop_format_chars(value) if value else value)


def _clean_qq(value: str | None) -> str | None:
    text = _clean(unicodedata.normalize("NFKC", value) if value else None)
    if text is None:
        return None
    if not text.isdigit() or not 5 <= len(text) <= 12:
        raise ValidationError("qq", f"「{value}」不是 QQ 号 (a QQ number is 5-12 digits)")
    return text


def wechat_key(value: str | None) -> str:
    """How WeChat IDs compare (the roster import, paste and chat import match them the same way): NFKC
    (ｚｈａｎｇ＿ｓａｎ is zhang_san), case folded, without invisible format characters or spaces."""
    if not value:
        return ""
    if value.isascii() and value.isprintable():  # zhang_san88: NFKC keeps it, casefold is lower(), its only space " "
        return value.lower().replace(" ", "")
    return "".join(drop_format_chars(unicodedata.normalize("NFKC", value)).casefold().split())


def check_wechat_typed(value: str | None) -> None:
    """A phone number typed into the WeChat ID field (微信号同手机号, people say): a WeChat ID starts with a letter,
    so a mainland mobile there is a phone in the wrong field — stored as the ID it is shown unmasked wherever IDs
    are (an assistant's roster and exports) and no duplicate check compares it with phones. Raises ValidationError
    on wechat_id saying where it belongs. The member dialog checks what the user typed (a stored ID is left as it
    is, so an undo still puts it back)."""
    text = _clean_wechat(value)
    if not text or not any(ch.isdigit() for ch in text):
        return
    try:
        phone = normalise_phone(text)
    except ValidationError:
        return
    if phone and re.fullmatch(r"1[3-9]\d{9}", phone):
        raise ValidationError(
            "wechat_id",
            f"「{text}」是手机号, 请填在「手机」一栏 ({text} is a phone number: put it in the Phone field)",
        )


def _clean_wechat(value: str | None) -> str | None:
    """A WeChat ID as stored: NFKC (full-width letters typed in the dialog are the ASCII ID, as the import
    stores them), invisible format characters dropped; the case as typed."""
    if value is None:
        return None
    return _clean(drop_format_chars(unicodedata.normalize("NFKC", value)))


# the free-text fields of MemberInput that could hold an ID-card number someone typed or pasted (a note, a purpose
# answer, a name copied with it): validate() keeps only its last four characters in each, as the imports do
ID_FREE_TEXT_FIELDS = (
    "display_name",
    "nickname",
    "wechat_id",
    "city",
    "occupation",
    "note",
    "group_nickname",
    "purpose",
    "left_reason",
)


def id_number_fields(data: MemberInput) -> list[str]:
    """The fields of `data` (ID_FREE_TEXT_FIELDS, and "tags") holding an ID-card number (身份证号), which validate()
    cuts to its last four characters (desktop/phones.py drop_id_numbers): the member dialog shows the user what
    it keeps before it saves (PRODUCT §2: QunDesk never stores an ID number; the imports warn id_number_dropped)."""
    found = [f for f in ID_FREE_TEXT_FIELDS if drop_id_numbers(getattr(data, f))[1]]
    if any(drop_id_numbers(t)[1] for t in data.tags):
        found.append("tags")
    return found


def _no_id(value: str | None) -> str | None:
    return drop_id_numbers(value)[0]


def validate_edit(data: MemberInput, shown: MemberInput | None) -> MemberInput:
    """validate() for an edit of what was `shown` (get_member_input as this login reads it): a phone left as it was
    shown is kept as it is, not read again. An assistant on a team database is shown phones masked (138****8000,
    the server's view): read again, the masked phone was "not a phone number", and no member with a phone could be
    edited at all — city, tags, status; the view keeps the stored number when the masked one comes back."""
    if shown is None or data.phone is None or data.phone != shown.phone:
        return validate(data)
    return replace(validate(replace(data, phone=None)), phone=shown.phone)


def validate(data: MemberInput) -> MemberInput:
    """`data` as stored: trimmed, normalised (phone, WeChat ID, QQ) and checked (ValidationError naming the field).
    An ID-card number in any free-text field keeps only its last four characters (id_number_fields)."""
    data = replace(
        data,
        **{f: _no_id(getattr(data, f)) for f in ID_FREE_TEXT_FIELDS},
        tags=[_no_id(t) or "" for t in data.tags],
    )
    name = _clean_name(data.display_name)
    if not name:
        raise ValidationError("display_name", "姓名不能为空 (name is required)")
    if data.gender is not None and data.gender not in GENDERS:
        raise ValidationError("gender", f"未知性别 {data.gender!r} (unknown gender)")
    if data.status not in MEMBERSHIP_STATUSES:
        raise ValidationError("status", f"未知状态 {data.status!r} (unknown status)")
    if data.joined_at and data.joined_at > clock.now().replace(microsecond=0) and data.joined_at.date() > clock.today():
        raise ValidationError("joined_at", "入群时间不能在未来 (join date is in the future)")
    return MemberInput(
        **{
            **asdict(data),
            "display_name": name,
            "nickname": _clean_name(data.nickname),
            "wechat_id": _clean_wechat(data.wechat_id),
            "qq": _clean_qq(data.qq),
            "phone": normalise_phone(data.phone),
            "city": _clean(data.city),
            "occupation": _clean(data.occupation),
            "note": _clean(data.note),
            "group_nickname": _clean_name(data.group_nickname),
            "purpose": _clean(data.purpose),
            "left_reason": _clean(data.left_reason),
            "tags": [t.strip() for t in data.tags if t and t.strip()],
        }
    )


@dataclass(frozen=True)
class DuplicateHit:
    member_id: int
    display_name: str
    reason: str  # "wechat_id" | "phone" | "similar_name" | "same_name_elsewhere"
    score: float = 100.0
    blacklisted_in: tuple[str, ...] = ()  # groups where this person is blacklisted: re-adding must warn
    deleted: bool = False  # a soft-deleted person (restore them rather than add a second one)
    # what tells two people of one name apart in the warning: their WeChat ID and the last four of their phone
    wechat_id: str | None = None
    phone_tail: str | None = None
    # the groups the person is on the roster of, when not of the group the check is for (the person can be added
    # to it instead of a second person being made), and one of their memberships to add them from
    elsewhere: tuple[str, ...] = ()
    membership_id: int | None = None


def same_phone(phone: str) -> Select:
    """(member id, name) of the people with this normalised phone, found through the indexed last four digits
    (`phone_tail`, kept by every writer of a phone, as the roster's phone-tail search needs): `phone` has no
    index of its own, and each duplicate check read all of member — 30–60 ms at 100,000 people."""
    return select(Member.id, Member.display_name).where(Member.phone_tail == phone[-4:], Member.phone == phone)


def same_wechat(wechat_id: str) -> Select:
    """(member id, name) of the people with this WeChat ID, compared as wechat_key() does (Zhang_San88 is
    zhang_san88, ｚｈａｎｇ＿ｓａｎ８８ too): stored IDs are NFKC (the import and the dialog store them so), and
    lower() folds their case in SQL. IDs stored before the dialog normalised them are still found as typed."""
    key = wechat_key(wechat_id)
    typed = _clean_wechat(wechat_id)
    return select(Member.id, Member.display_name).where(
        or_(func.lower(Member.wechat_id) == key, Member.wechat_id == typed)
    )


def _name_key(name: str) -> str:
    """A name as the duplicate check compares it: NFKC, case folded, without spaces (张 三, 张　三 and "张三 " are
    张三) or invisible format characters."""
    return "".join(drop_format_chars(unicodedata.normalize("NFKC", name)).casefold().split())


def _letters(key: str) -> str:
    """A name key's letters and digits only: 杨帆🌸 and 杨帆, "Amy." and amy read as one name."""
    return "".join(ch for ch in key if ch.isalnum())


def _elsewhere(rosters: list[tuple[int, int, str]], group_id: int | None) -> dict:
    """A duplicate's groups, when it is on none of `group_id`'s roster: their names and a membership to add the
    person from (find_duplicates)."""
    if group_id is None or not rosters or any(gid == group_id for _ms, gid, _g in rosters):
        return {}
    return {"elsewhere": tuple(dict.fromkeys(g for _ms, _gid, g in rosters)), "membership_id": rosters[0][0]}


def _has_cjk(name: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in name)


def _cjk_sound(name: str) -> str:
    """The full pinyin of a Chinese name (the stored Member.pinyin, models/search_keys.py), "" for a name without
    Chinese characters: two names of one group that read the same (張三 and 张三, 张三🌸 and 张三) are very similar."""
    return name_keys(name)[1] if _has_cjk(name) else ""


def _merged_into(session: Session, member_id: int) -> tuple[int, str, bool] | None:
    """(id, name, deleted) of the person a merge chain ends at (A merged into B merged into C: C)."""
    seen: set[int] = set()
    while member_id not in seen:
        seen.add(member_id)
        row = session.execute(
            select(Member.display_name, Member.deleted_at.is_not(None), Member.merged_into_id).where(
                Member.id == member_id
            )
        ).first()
        if row is None:
            return None
        if row[2] is None:
            return member_id, row[0], bool(row[1])
        member_id = row[2]
    return None


def find_duplicates(
    session: Session,
    *,
    display_name: str | None,
    wechat_id: str | None = None,
    phone: str | None = None,
    group_id: int | None = None,
    exclude_member_id: int | None = None,
) -> list[DuplicateHit]:
    """Possible duplicates: same WeChat ID or phone anywhere, or a very similar name in the same group.
    Two real people can share a name, so callers warn and offer a merge; they never merge by themselves.
    A soft-deleted person with the same WeChat ID or phone is a hit too (`deleted`): once the delete was
    undone there would be two of them, so the caller offers to restore that person instead. People merged
    into another (deleted, pointing at the one kept) are not: the kept one is found, also by the merged record's
    own WeChat ID or phone (the kept record may have another). Live hits come first."""
    hits: dict[int, DuplicateHit] = {}
    deleted: set[int] = set()
    live = Member.deleted_at.is_(None)
    if exclude_member_id is not None:
        live = live & (Member.id != exclude_member_id)

    def identity_hits(query: Select, reason: str) -> None:
        rows = session.execute(query.add_columns(Member.deleted_at.is_not(None), Member.merged_into_id)).all()
        for mid, name, gone, merged_into in rows:
            if merged_into is not None:  # the ID or phone of a record merged away is the kept person's
                kept = _merged_into(session, merged_into)
                if kept is None or kept[0] == exclude_member_id:
                    continue
                mid, name, gone = kept
            elif mid == exclude_member_id:
                continue
            hits.setdefault(mid, DuplicateHit(mid, name, reason))
            if gone:
                deleted.add(mid)

    if wechat_key(wechat_id):
        identity_hits(same_wechat(wechat_id or ""), "wechat_id")
    try:
        norm_phone = normalise_phone(phone)
    except ValidationError:
        norm_phone = None
    if norm_phone:
        from desktop.team_roles import members_by_phone, phones_masked

        if phones_masked(session):  # an assistant's login reads phones masked: the server says whose it is
            ids = members_by_phone(session, [norm_phone])[0].get(norm_phone, [])
            identity_hits(select(Member.id, Member.display_name).where(Member.id.in_(ids or [-1])), "phone")
        else:
            identity_hits(same_phone(norm_phone), "phone")
    if display_name and display_name.strip() and group_id is not None:
        from rapidfuzz import fuzz  # here: the window's start does not need it (10 ms)

        target = _name_key(display_name)
        sound = _cjk_sound(display_name)
        candidates = session.execute(
            select(Member.id, Member.display_name, Member.pinyin)
            .join(Membership, Membership.member_id == Member.id)
            .where(live, Membership.group_id == group_id)
        )
        for mid, name, pinyin in candidates:
            score = fuzz.ratio(target, _name_key(name))
            if score < SIMILAR_NAME_SCORE and sound and sound == pinyin and _has_cjk(name):
                score = SIMILAR_NAME_SCORE  # 張三 is 张三: the same name read aloud (traditional, an emoji added)
            if score >= SIMILAR_NAME_SCORE:
                hits.setdefault(mid, DuplicateHit(mid, name, "similar_name", score))
        # the same name on another group's roster (found through the indexed pinyin): adding 杨帆 by name in 跑步群
        # made a second 杨帆 without a word while the 读书群's one was a click away — a name alone is no proof, so
        # it is a warning offering that person, never a match
        letters = _letters(target) if exclude_member_id is None else ""  # an add: an edit keeps its person
        elsewhere = (
            session.execute(
                select(Member.id, Member.display_name)
                .where(live, Member.pinyin == name_keys(display_name)[1])
                .where(
                    ~select(Membership.id)
                    .where(Membership.member_id == Member.id, Membership.group_id == group_id)
                    .exists()
                )
            ).all()
            if letters
            else []
        )
        for mid, name in elsewhere:
            if _letters(_name_key(name)) == letters:
                hits.setdefault(mid, DuplicateHit(mid, name, "same_name_elsewhere"))
    if hits:
        black: dict[int, list[str]] = {}
        for mid, gname in session.execute(
            select(Membership.member_id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.member_id.in_(list(hits)), Membership.status == "blacklisted")
        ):
            black.setdefault(mid, []).append(gname)
        ids = dict(
            (mid, (wx, tail))
            for mid, wx, tail in session.execute(
                select(Member.id, Member.wechat_id, Member.phone_tail).where(Member.id.in_(list(hits)))
            )
        )
        rosters: dict[int, list[tuple[int, int, str]]] = {}  # member -> (membership, group, group name)
        for mid, msid, gid, gname in session.execute(
            select(Membership.member_id, Membership.id, Group.id, Group.name)
            .join(Group, Group.id == Membership.group_id)
            .where(Membership.member_id.in_(list(hits)))
            .order_by(Membership.id)
        ):
            rosters.setdefault(mid, []).append((msid, gid, gname))
        hits = {
            mid: replace(
                h,
                blacklisted_in=tuple(black.get(mid, ())),
                deleted=mid in deleted,
                wechat_id=ids.get(mid, (None, None))[0],
                phone_tail=ids.get(mid, (None, None))[1],
                **_elsewhere(rosters.get(mid, []), group_id),
            )
            for mid, h in hits.items()
        }
    return sorted(hits.values(), key=lambda h: h.deleted)  # stable: live people first, in the order found


def _tier_id(session: Session, tier: str | None) -> int | None:
    if not tier:
        return None
    tid = session.scalar(select(Tier.id).where(Tier.name == tier))
    if tid is None:
        raise ValidationError("tier", f"未知层级「{tier}」(unknown tier)")
    return tid


def _tags(session: Session, names: list[str]) -> list[Tag]:
    """The tags of these names, a new one created (its insert ignored when the name is there: another assistant
    typing the same new tag at the same moment made it — both INSERTs were a unique violation for the second, a
    traceback, the edit lost). PostgreSQL waits for the other transaction, then finds its tag."""
    out = []
    for name in dict.fromkeys(drop_id_numbers(n)[0] or "" for n in names):  # a tag never holds an ID number
        tag = session.scalar(select(Tag).where(Tag.name == name))
        if tag is None:
            dialect = session.get_bind().dialect.name
            insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Tag.__table__)
            session.execute(insert.values(name=name).on_conflict_do_nothing(index_elements=["name"]))
            tag = session.scalar(select(Tag).where(Tag.name == name))
            assert tag is not None
        out.append(tag)
    return out


def _drop_tags_the_last_edit_added(session: Session, member_id: int, taken_off: set[int]) -> None:
    """The undo of an edit that typed a new tag: the edit created the tag (_tags), the undo takes it off again,
    and the tag must not stay behind in the tag list with nobody carrying it. Of the tags this edit takes off
    the person (`taken_off`), drop those that the person's previous edit added (its audit row's tags, after
    minus before), that nobody carries now and that still have the default colour (a colour set in the tags
    settings is kept). A tag a plain edit takes off the last person carrying it stays (it keeps its id and
    colour, as bulk_remove_tag leaves it). A login that may not delete tags (an assistant's on a team
    database, which only adds them) leaves them."""
    if not taken_off:
        return
    session.flush()
    unused = set(
        session.scalars(
            select(Tag.id).where(
                Tag.id.in_(taken_off),
                Tag.color == Tag.__table__.c.color.default.arg,
                ~select(member_tag.c.tag_id).where(member_tag.c.tag_id == Tag.id).exists(),
            )
        )
    )
    if not unused or not _may_delete_tags(session):
        return
    summary = session.scalar(
        select(AuditEntry.summary)
        .where(AuditEntry.entity == "member", AuditEntry.entity_id == member_id, AuditEntry.action == "member.update")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    try:
        last = json.loads(summary or "{}")
        added = set(last.get("after", {}).get("tags") or ()) - set(last.get("before", {}).get("tags") or ())
    except (ValueError, AttributeError, TypeError):
        return
    drop = [tid for tid, name in session.execute(select(Tag.id, Tag.name).where(Tag.id.in_(unused))) if name in added]
    if drop:
        session.execute(delete(Tag).where(Tag.id.in_(drop)).execution_options(synchronize_session=False))


def _may_delete_tags(session: Session) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.scalar(text("SELECT has_table_privilege('tag', 'DELETE')")))


def _apply_member(member: Member, data: MemberInput) -> None:
    for f in MEMBER_FIELDS:
        setattr(member, f, getattr(data, f))
    for column, value in search_columns(data.display_name).items():
        setattr(member, column, value)
    member.phone_tail = data.phone[-4:] if data.phone else None


def add_member(session: Session, actor: Actor, group_id: int, data: MemberInput) -> tuple[int, int]:
    """Create a person and their membership in group_id. Returns (member_id, membership_id).
    Adding someone as removed or blacklisted needs `delete_members` (require_status_change)."""
    require(actor, "edit_members")
    data = validate(data)
    require_status_change(actor, None, data.status)
    member = Member(display_name=data.display_name)
    _apply_member(member, data)
    member.tags = _tags(session, data.tags)
    session.add(member)
    session.flush()
    now = utcnow()
    joined_at = data.joined_at or (now if data.status == "active" else None)
    left_at, left_reason = left_fields(
        None,
        data.status,
        left_at=None,
        left_reason=None,
        joined_at=joined_at,
        now=now,
        when=data.left_at,
        reason=data.left_reason,
    )
    ms = Membership(
        member_id=member.id,
        group_id=group_id,
        status=data.status,
        tier_id=_tier_id(session, data.tier),
        group_nickname=data.group_nickname,
        joined_at=joined_at,
        applied_at=now if data.status in ("applicant", "onboarding") else None,
        left_at=left_at,
        left_reason=left_reason,
        referrer_id=data.referrer_id,
        purpose=data.purpose,
    )
    session.add(ms)
    session.flush()
    earn_referral(session, ms, actor)
    record_audit(session, actor.id, "member.add", "member", member.id, after={**asdict(data), "group_id": group_id})
    return member.id, ms.id


def earn_referral(session: Session, ms: Membership, actor: Actor, *, was: str | None = None) -> None:
    """A member (已入群) with a referrer pays the referral once (onboarding._award_referral: a member added as
    已入群, or made one or given a referrer in the member dialog, earns it as a join does; docs/metrics.md). A
    referral paid to someone the membership no longer names (the referrer corrected, or the undo of the edit that
    set one) goes to the one it names, or back when it names none. A membership set back to 申请中 / 入群中 that
    was never a member before (the undo of the edit that admitted a newcomer: `was`, the status before the edit, a
    member's) takes it back, as undoing the step that admitted them does: it was never earned
    (points.referral_earned)."""
    from desktop.services.onboarding import (  # onboarding imports this module
        NOT_JOINED,
        _award_referral,
        _take_back_this_spells_referral,
    )

    if ms.status == "active" and ms.referrer_id:
        session.flush()
        _award_referral(session, ms, ms.joined_at or utcnow(), actor)
        return
    if ms.status in ("applicant", "onboarding") and was not in (None, "applicant", "onboarding"):
        # what this spell's joining paid goes; a member in an earlier spell (left, came back, joining again) earned
        # theirs then, and it stays (onboarding._take_back_this_spells_referral, as undoing the admitting step)
        _take_back_this_spells_referral(session, ms, actor, NOT_JOINED)
    _award_referral(session, ms, ms.joined_at or utcnow(), actor, earned=False)


def get_member_input(session: Session, membership_id: int) -> MemberInput:
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise memberships_gone()
    m = ms.member
    tier = session.get(Tier, ms.tier_id).name if ms.tier_id else None
    return MemberInput(
        **{f: getattr(m, f) for f in MEMBER_FIELDS},
        tags=[t.name for t in m.tags],
        tier=tier,
        **{f: getattr(ms, f) for f in MEMBERSHIP_FIELDS},
        **{f: getattr(ms, f) for f in LEFT_FIELDS},
    )


def member_input_shown(session: Session, actor: Actor, membership_id: int) -> MemberInput:
    """get_member_input as `actor` may see it: the phone masked (138****8000) for an operator who may not see full
    numbers (`export_unmasked`), as the roster, the exports and a team server's view show it to them. On one laptop
    the member dialog showed an assistant every member's whole number, one click from the masked roster. Saved
    back unchanged, a masked phone keeps the stored number (validate_edit, update_member's edits_only). A phone
    written into a name, nickname, group nickname, WeChat ID (one that is a phone), city, occupation, purpose or
    note is masked too (mask_phones_in, as the CLI's listings and an assistant's exports show it; a team server's
    view masks the person's fields itself): see hidden_fields."""
    return member_input_hidden(session, actor, membership_id)[0]


# free text of the member dialog a phone may be written into: shown masked to an operator who may not see full phones
HIDDEN_TEXT_FIELDS = (
    "display_name",
    "nickname",
    "group_nickname",
    "wechat_id",
    "city",
    "occupation",
    "purpose",
    "note",
)
_SHOWN_MASKED = re.compile(r"\d{3}\*{4}|\*{4}\d{2}")  # what mask_phones_in / a team server's view leave of a phone


def _shown_text(name: str, value: str | None) -> str | None:
    from desktop.phones import mask_phones_in

    if name == "wechat_id" and value and re.search(r"[A-Za-z]", value):
        return value  # a WeChat ID proper stays whole (how people are found by it); one that is a phone is masked
    return mask_phones_in(value)


def holds_hidden_phone(name: str, value: str | None) -> bool:
    """True when the field `name` holding `value` shows an assistant a phone masked: one written in it (王五
    13800138002), or one a team server's masked view already masked (王五 138****)."""
    return bool(value) and (_shown_text(name, value) != value or _SHOWN_MASKED.search(value or "") is not None)


def member_input_hidden(session: Session, actor: Actor, membership_id: int) -> tuple[MemberInput, frozenset[str]]:
    """(member_input_shown, the fields of it shown with a phone masked in them) for `actor`. An operator who may not
    see full phones cannot change those fields (update_member refuses; the dialog shows them read-only): what they
    would save is what they saw, and the phone — "王五 13800138002" saved as "王五 138****" — would be lost."""
    data = get_member_input(session, membership_id)
    if allowed(actor, "export_unmasked"):
        return data, frozenset()
    hidden = frozenset(n for n in HIDDEN_TEXT_FIELDS if holds_hidden_phone(n, getattr(data, n)))
    shown = {n: _shown_text(n, getattr(data, n)) for n in hidden}
    if data.phone:
        shown["phone"] = mask_phone(data.phone)
    return replace(data, **shown), hidden


def require_hidden_unchanged(actor: Actor, loaded: MemberInput, data: MemberInput, current: MemberInput) -> None:
    """An operator who may not see full phones changed a field that holds one (hidden_fields): refused, naming the
    field — on one laptop the masked value was written over the stored one, the phone lost."""
    if allowed(actor, "export_unmasked"):
        return
    for name in HIDDEN_TEXT_FIELDS:
        if getattr(data, name) != getattr(loaded, name) and holds_hidden_phone(name, getattr(current, name)):
            raise ValidationError(
                name,
                "这一项里有你看不到的完整手机号, 只有群主或管理员能修改 (this field holds a phone number you cannot"
                " see in full: only the owner or an admin may change it)",
            )


def update_member(
    session: Session, actor: Actor, membership_id: int, data: MemberInput, *, loaded: MemberInput | None = None
) -> None:
    """Save the member dialog: the person's fields, tags and this membership. A status change is a leaving or a
    coming back, with its dates (left_fields): moving to left/removed/blacklisted sets left_at (data.left_at,
    or now) and the reason given; moving back in clears both. Removing, blacklisting and lifting a blacklist
    need `delete_members` (require_status_change). `data` as get_member_input returned it puts back exactly
    what was there (the undo of an edit).

    `loaded`: what the dialog was opened with (get_member_input then). Only what the user changed from it is
    written (`edits_only`): the dialog held every field as it was when it opened, so saving a new city put back
    what another assistant (or an import) had changed meanwhile — a member they marked 已退群 was a member again,
    a corrected phone the old one, a tag added gone — each shown in the audit as this user's change."""
    require(actor, "edit_members")
    # one writer of a member at a time (the dialog's save, a mark-left, a step): what is read is what is written over
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")
    before = get_member_input(session, membership_id)
    if loaded is not None:
        require_hidden_unchanged(actor, loaded, data, before)
    if loaded is not None and data.phone and data.phone == loaded.phone:
        data = replace(data, phone=before.phone)  # left as shown (masked to an assistant: member_input_shown)
    data = validate_edit(data, before)
    if loaded is not None:
        data = edits_only(loaded, data, before)
    ms = session.get(Membership, membership_id)
    assert ms is not None
    require_status_change(actor, ms.status, data.status)
    data = _joined_before_left(ms, data)
    _keep_or_drop_spell(session, ms, data)
    joined_not_after_participation(session, ms.id, ms.joined_at, data.joined_at)
    _apply_member(ms.member, data)
    old_tags = {t.id for t in ms.member.tags}
    ms.member.tags = _tags(session, data.tags)
    left_at, left_reason = left_fields(
        ms.status,
        data.status,
        left_at=ms.left_at,
        left_reason=ms.left_reason,
        joined_at=data.joined_at,
        now=utcnow(),
        when=data.left_at,
        reason=data.left_reason,
    )
    old_joined = ms.joined_at
    for f in MEMBERSHIP_FIELDS:  # the join date before the leaving one: the pair is checked at each flush
        setattr(ms, f, getattr(data, f))
    ms.left_at, ms.left_reason = left_at, left_reason
    end_leaves(session, membership_id, ms.left_at, actor.id)
    ms.tier_id = _tier_id(session, data.tier)
    earn_referral(session, ms, actor, was=before.status)
    if ms.status not in ("applicant", "onboarding"):  # the join date put right: its referral goes with it
        from desktop.services.onboarding import follow_join_date  # onboarding imports this module

        follow_join_date(session, ms, old_joined, actor)
    _drop_tags_the_last_edit_added(session, ms.member_id, old_tags - {t.id for t in ms.member.tags})
    after = get_member_input(session, membership_id)
    changed_before = {
        f.name: getattr(before, f.name) for f in fields(before) if getattr(before, f.name) != getattr(after, f.name)
    }
    changed_after = {k: getattr(after, k) for k in changed_before}
    record_audit(session, actor.id, "member.update", "member", ms.member_id, before=changed_before, after=changed_after)


_LEFT_UNIT = ("status", "left_at", "left_reason")  # changed together: a leaving, its day and its reason


def edits_only(loaded: MemberInput, data: MemberInput, current: MemberInput) -> MemberInput:
    """`data` with every field the user left as it was `loaded` taken from `current` (what is stored now): the
    user's edits, on top of what others changed since. The status, leaving day and reason go as one; tags as the
    user's additions and removals applied to the current tags."""
    try:
        loaded = validate(loaded)
    except ValidationError:  # compared as stored
        pass
    kept: dict = {}
    for f in fields(MemberInput):
        if f.name in _LEFT_UNIT or f.name == "tags":
            continue
        if getattr(data, f.name) == getattr(loaded, f.name):
            kept[f.name] = getattr(current, f.name)
    if all(getattr(data, n) == getattr(loaded, n) for n in _LEFT_UNIT):
        kept.update({n: getattr(current, n) for n in _LEFT_UNIT})
    removed = set(loaded.tags) - set(data.tags)
    added = [t for t in data.tags if t not in loaded.tags]
    kept["tags"] = [t for t in current.tags if t not in removed] + [t for t in added if t not in current.tags]
    return replace(data, **kept)


def _joined_before_left(ms: Membership, data: MemberInput) -> MemberInput:
    """A former member (已退群/已移出/黑名单) given a join date after the day they left: refused on the join date,
    naming that day — it was an IntegrityError (the membership's left_after_joined check) out of the dialog, or,
    with the leaving date passed in, a leaving day moved to the new join date without a word. The day they left
    itself is a join that day (the dialog's noon, "no time given", becomes the leaving time)."""
    if data.status not in GONE_STATUSES or data.joined_at is None:
        return data
    left_at = data.left_at or (ms.left_at if ms.status in GONE_STATUSES else None)
    if left_at is None or data.joined_at <= left_at:
        return data
    if data.joined_at.date() == left_at.date():
        return replace(data, joined_at=left_at)
    day = left_at.date().isoformat()
    raise ValidationError(
        "joined_at",
        f"入群日期不能晚于退群日期 {day} (the join date cannot be after the day they left, {day})",
    )


def joined_not_after_participation(
    session: Session, membership_id: int, old: datetime | date | None, new: datetime | date | None
) -> None:
    """A join date moved later than the member's first recorded participation in this spell (a check-in, an
    attended activity, a contribution, a chat message) is refused, naming that day: the member's own facts
    would stand before they joined — counted in a month they were not a member of yet. Moving it earlier, or
    within the same day, is always fine. The member dialog and the roster import share this rule."""

    if new is None or (old is not None and as_day(new) <= as_day(old)):
        return
    first = first_participation(session, membership_id)
    if first is not None and first < as_day(new):
        raise ValidationError(
            "joined_at",
            f"入群日期不能晚于 {first}：这天已有该成员的打卡或参与记录"
            f" (the join date cannot be after {first}, the member's first recorded participation)",
        )


def undo_member_edit(
    session: Session,
    actor: Actor,
    membership_id: int,
    before: MemberInput,
    leaves: list[LeaveSpan],
    *,
    edited: MemberInput | None = None,
    tier_ids: dict[str, int] | None = None,
) -> tuple[str, ...]:
    """The undo of a member-dialog edit: `before` saved back (update_member) and, when the edit had ended the
    membership, the leave days it cut put back (`leaves`: leaves_of before the edit; put_back_leaves).
    `edited`: what the edit left (get_member_input after it): only the fields it changed are put back — what
    another assistant changed since stays (the undo of a new city had set back their 已退群 too), also a field this
    edit changed and someone changed again since (上海 → 北京 here, 北京 → 广州 by the other: the undo put 上海 back
    over their 广州), as the undo of a bulk tier leaves a tier set since (roster_bulk.bulk_swap_tier).
    Returns the fields this edit changed that were left so (changed again since by someone else, an import): the
    Roster page says how many — the undo of 北京 → 成都 after an import wrote 深圳 left 深圳 without a word.
    `tier_ids`: the tiers' ids when the edit was made (tier name then -> id): a tier renamed in the settings since
    is the same tier (_tiers_as_named_now), where the undo refused with 未知层级「普通」."""
    kept: tuple[str, ...] = ()
    if edited is not None and edited.tier != before.tier:
        _refuse_a_deleted_tier(session, (before.tier, edited.tier), tier_ids)
    before = _tiers_as_named_now(session, before, tier_ids)
    edited = _tiers_as_named_now(session, edited, tier_ids) if edited is not None else None
    if edited is not None:
        kept = _kept_since(session, membership_id, before, edited)
        before = _unless_changed_since(session, membership_id, before, edited)
    update_member(session, actor, membership_id, before, loaded=edited)
    put_back_leaves(session, actor, membership_id, leaves)
    return kept


def redo_member_edit(
    session: Session,
    actor: Actor,
    membership_id: int,
    after: MemberInput,
    before: MemberInput,
    *,
    tier_ids: dict[str, int] | None = None,
) -> tuple[str, ...]:
    """The redo of a member-dialog edit after its undo: `after` written again where the fields are still as the
    undo left them (`before`); what someone changed since stays, as undo_member_edit keeps it (and returns)."""
    if after.tier != before.tier:
        _refuse_a_deleted_tier(session, (before.tier, after.tier), tier_ids)
    after = _tiers_as_named_now(session, after, tier_ids)
    before = _tiers_as_named_now(session, before, tier_ids)
    kept = _kept_since(session, membership_id, after, before)
    update_member(
        session, actor, membership_id, _unless_changed_since(session, membership_id, after, before), loaded=before
    )
    return kept


def _tiers_as_named_now(session: Session, data: MemberInput, tier_ids: dict[str, int] | None) -> MemberInput:
    """`data` (an undo record's fields) with its tier named as that tier is named now: the record holds the name of
    then, and 普通 renamed 成员 since is still the tier it means (a tier deleted since: as it was)."""
    if not tier_ids or not data.tier or data.tier not in tier_ids:
        return data
    name = session.scalar(select(Tier.name).where(Tier.id == tier_ids[data.tier]))
    return data if name is None else replace(data, tier=name)


def _refuse_a_deleted_tier(session: Session, names: tuple[str | None, ...], tier_ids: dict[str, int] | None) -> None:
    """An edit that changed the tier cannot be undone (redone) once one of its two tiers was taken off the list in
    the settings: refused, naming it as the record does; nothing is changed."""
    for name in names:
        if name and tier_ids and name in tier_ids:
            if session.scalar(select(Tier.id).where(Tier.id == tier_ids[name])) is None:
                raise ValidationError(
                    "tier",
                    f"层级「{name}」已在设置中删除，无法撤销 (the tier {name} was deleted in Settings since; "
                    "nothing was changed)",
                )


def _kept_since(session: Session, membership_id: int, target: MemberInput, left: MemberInput) -> tuple[str, ...]:
    """The fields an undo (redo) leaves as they are now, where it would have written `target`: someone changed
    them since (_unless_changed_since, the leaving — status, day, reason — as one); tags are applied as edits, never
    kept whole."""
    current = get_member_input(session, membership_id)
    since = {
        f.name for f in fields(MemberInput) if f.name != "tags" and getattr(current, f.name) != getattr(left, f.name)
    }
    if since & set(_LEFT_UNIT):
        since |= set(_LEFT_UNIT)
    return tuple(
        f.name for f in fields(MemberInput) if f.name in since and getattr(current, f.name) != getattr(target, f.name)
    )


def _unless_changed_since(session: Session, membership_id: int, target: MemberInput, left: MemberInput) -> MemberInput:
    """`target` with every field that is no longer as `left` (someone changed it since) taken as it is now — the
    leaving (status, day, reason) as one; tags are left to edits_only (this edit's additions and removals applied
    to the current ones)."""
    current = get_member_input(session, membership_id)
    since = {
        f.name for f in fields(MemberInput) if f.name != "tags" and getattr(current, f.name) != getattr(left, f.name)
    }
    if since & set(_LEFT_UNIT):
        since |= set(_LEFT_UNIT)
    return replace(target, **{name: getattr(current, name) for name in since})


def _keep_or_drop_spell(session: Session, ms: Membership, data: MemberInput) -> None:
    """The member dialog and spells (docs/architecture.md "Membership spells"). A former member set back in with
    a join date on or after the day they left came back: the spell that ended is kept (keep_closed_spell, as a
    join notice or a bulk move keeps it), so the months they were in keep their figures. Set back in with the
    join date they had, it is a correction (marked left by mistake): no spell. And a membership given back the
    dates of one of its closed spells (the undo of that return) makes that spell current again: the closed copy
    goes, or its months would count twice."""
    from desktop.services.onboarding import keep_closed_spell  # onboarding imports this module

    back = ms.status in GONE_STATUSES and data.status not in GONE_STATUSES
    if back and data.joined_at is not None and ms.left_at is not None and data.joined_at >= ms.left_at:
        keep_closed_spell(session, ms, data.joined_at)
    elif data.joined_at is not None and data.joined_at != ms.joined_at:
        session.execute(
            delete(MembershipSpell).where(
                MembershipSpell.membership_id == ms.id, MembershipSpell.joined_at == data.joined_at
            )
        )


def soft_delete_member(session: Session, actor: Actor, member_id: int) -> bool:
    """Soft delete a person (in every group). False, and nothing written, when they are deleted already — by
    someone else since the roster was read: the caller's undo must not bring back a deletion that was not its own
    (the Roster page's Undo restored a person another admin had deleted in between)."""
    require(actor, "delete_members")
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"member {member_id}")
    if m.deleted_at is not None:
        return False
    m.deleted_at = utcnow()
    record_audit(session, actor.id, "member.delete", "member", member_id, before={"display_name": m.display_name})
    return True


def identity_clashes(session: Session, member_ids: list[int]) -> list[tuple[str, DuplicateHit]]:
    """(name, the other person) for each of `member_ids` whose WeChat ID or phone another live person has: a
    restore (or the undo of a delete) brings back someone who was meanwhile added again, and the roster would
    hold two records of one person without a word — the caller says so and points at Merge."""
    ids = set(member_ids)
    out: list[tuple[str, DuplicateHit]] = []
    for mid, name, wechat, phone in session.execute(
        select(Member.id, Member.display_name, Member.wechat_id, Member.phone).where(Member.id.in_(sorted(ids)))
    ):
        hits = find_duplicates(session, display_name=None, wechat_id=wechat, phone=phone, exclude_member_id=mid)
        out += [(name, h) for h in hits if not h.deleted and h.member_id not in ids]
    return out


def restore_member(session: Session, actor: Actor, member_id: int) -> bool:
    """Bring a deleted person back. False, and nothing written, when they are not deleted (restored since)."""
    require(actor, "delete_members")
    m = session.get(Member, member_id)
    if m is None:
        raise NotFound(f"member {member_id}")
    if m.deleted_at is None:
        return False
    m.deleted_at = None
    record_audit(session, actor.id, "member.restore", "member", member_id)
    # a step list relaxed while they were deleted admitted everyone else who had done every required step (a
    # deleted person is in no figure): they come back 入群中 with nothing left to do — a member now, as the others
    from desktop.services.onboarding import admit_completed  # onboarding imports this module

    for ms_id, group_id in session.execute(
        select(Membership.id, Membership.group_id).where(
            Membership.member_id == member_id, Membership.status == "onboarding"
        )
    ).all():
        admit_completed(session, actor, group_id, [ms_id])
    return True
