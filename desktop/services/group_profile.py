"""A group's profile (PRODUCT §2 "seven essentials", kind, capacity, joining notice, streak setting): read it,
list its rules versions, and update it (for the group profile dialog; rules text itself goes through
desktop.services.onboarding.update_rules, which keeps every version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.groups import refuse_taken_name
from desktop.services.operators import Actor, require
from desktop.settings import GROUP_RULES, group_rule_key, record_rule
from models import Group, Membership, Operator, RulesVersion
from models.base import GROUP_KINDS
from models.queries.participation import of_live_person

# Free-text fields of the profile: (column, longest text accepted).
TEXT_FIELDS: dict[str, int] = {
    "goal": 4000,  # 有目标: goal and positioning
    "threshold_text": 4000,  # 有门槛
    "value_text": 4000,  # 有价值
    "rituals_text": 4000,  # 有仪式
    "sharing_text": 4000,  # 有分享
    "operators_text": 4000,  # 有运营
    "joining_notice": 8000,  # 入会须知
}
MAX_CAPACITY = 100_000
MAX_FEE_CENTS = 100_000_000  # ¥1,000,000
MAX_CAMP_DAYS = 366  # a camp's length: a day count beyond a year is a typo
PROFILE_FIELDS = (
    "name",
    "kind",
    "capacity",
    "fee_cents",
    "late_checkins_count_for_streak",
    "checkin_keywords",
    "camp_start_day",
    "camp_days",
    *TEXT_FIELDS,
)


@dataclass(frozen=True)
class GroupProfile:
    id: int
    name: str
    kind: str
    goal: str | None
    threshold_text: str | None
    fee_cents: int
    value_text: str | None
    rituals_text: str | None
    sharing_text: str | None
    operators_text: str | None
    joining_notice: str | None
    capacity: int
    late_checkins_count_for_streak: bool
    archived: bool
    members_total: int
    rules_version: int | None
    rules_text: str | None
    checkin_keywords: str | None = None  # words that make a chat message a check-in (None: 打卡)
    camp_start_day: date | None = None  # 开营日, the camp's day 1: a title's 第15天 names a date (paste.camp_title)
    camp_days: int | None = None  # the camp's length in days, when recorded


@dataclass(frozen=True)
class RulesVersionRow:
    version: int
    text: str
    created_at: datetime
    created_by: str | None  # operator name


def _group(session: Session, group_id: int) -> Group:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(f"group {group_id}")
    return group


def get_group_profile(session: Session, group_id: int) -> GroupProfile:
    g = _group(session, group_id)
    # the members now, as the sidebar and the dashboard count them: a deleted person is none
    members = session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.group_id == group_id, Membership.status == "active", of_live_person())
    )
    current = session.execute(
        select(RulesVersion.version, RulesVersion.text)
        .where(RulesVersion.group_id == group_id)
        .order_by(RulesVersion.version.desc())
        .limit(1)
    ).first()
    return GroupProfile(
        id=g.id,
        name=g.name,
        kind=g.kind,
        goal=g.goal,
        threshold_text=g.threshold_text,
        fee_cents=g.fee_cents or 0,
        value_text=g.value_text,
        rituals_text=g.rituals_text,
        sharing_text=g.sharing_text,
        operators_text=g.operators_text,
        joining_notice=g.joining_notice,
        capacity=g.capacity,
        late_checkins_count_for_streak=bool(g.late_checkins_count_for_streak),
        archived=g.archived_at is not None,
        members_total=int(members or 0),
        rules_version=current[0] if current else None,
        rules_text=current[1] if current else None,
        checkin_keywords=g.checkin_keywords,
        camp_start_day=g.camp_start_day,
        camp_days=g.camp_days,
    )


def list_rules_versions(session: Session, group_id: int) -> list[RulesVersionRow]:
    """Every rules version of the group, newest first, with its date and who wrote it."""
    rows = session.execute(
        select(RulesVersion.version, RulesVersion.text, RulesVersion.created_at, Operator.name)
        .outerjoin(Operator, Operator.id == RulesVersion.created_by)
        .where(RulesVersion.group_id == group_id)
        .order_by(RulesVersion.version.desc())
    ).all()
    return [RulesVersionRow(v, t, at, who) for v, t, at, who in rows]


def _clean_text(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"应为文字 (expected text): {value!r}")
    text = value.strip()
    if len(text) > TEXT_FIELDS[field]:
        raise ValidationError(field, f"内容过长，最多 {TEXT_FIELDS[field]} 字 (text is too long)")
    return text or None


def _clean_int(field: str, value: Any, low: int, high: int, message: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(field, f"应为整数 (expected a whole number): {value!r}") from None
    if not low <= value <= high:
        raise ValidationError(field, message)
    return value


def _clean_day(field: str, value: Any) -> date | None:
    """A day: a date, an ISO text (2026-12-01), or None / empty text for none."""
    if value is None or isinstance(value, datetime):
        return value.date() if isinstance(value, datetime) else None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"应为日期 YYYY-MM-DD (expected a date YYYY-MM-DD): {value!r}") from None


def _validate(session: Session, group: Group, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(PROFILE_FIELDS))
    if unknown:
        raise ValidationError(unknown[0], f"未知的社群资料字段 {unknown[0]!r} (unknown profile field)")
    out: dict[str, Any] = {}
    for field, value in fields.items():
        if field == "name":
            name = (value or "").strip() if isinstance(value, str) else ""
            if not name:
                raise ValidationError("name", "社群名称不能为空 (group name is required)")
            if len(name) > 100:
                raise ValidationError("name", "社群名称最多 100 字 (group name is too long)")
            refuse_taken_name(session, name, exclude=group.id)
            out[field] = name
        elif field == "kind":
            if value not in GROUP_KINDS:
                raise ValidationError("kind", f"未知社群类型 {value!r} (unknown kind)")
            out[field] = value
        elif field == "capacity":
            out[field] = _clean_int(
                field, value, 1, MAX_CAPACITY, f"容量应在 1 到 {MAX_CAPACITY} 之间 (capacity must be positive)"
            )
        elif field == "fee_cents":
            out[field] = _clean_int(field, value, 0, MAX_FEE_CENTS, "门槛费不能为负或过大 (fee out of range)")
        elif field == "checkin_keywords":
            from desktop.chat_parse import keywords_of

            text = (value or "").strip() if isinstance(value, str) else ""
            if len(text) > 200:
                raise ValidationError(field, "打卡关键词最多 200 字 (check-in keywords: at most 200 characters)")
            words = keywords_of(text) if text else ()
            out[field] = "、".join(words) if words else None
        elif field == "camp_start_day":
            out[field] = _clean_day(field, value)
        elif field == "camp_days":
            empty = value is None or (isinstance(value, str) and not value.strip())
            out[field] = (
                None
                if empty
                else _clean_int(
                    field,
                    value,
                    1,
                    MAX_CAMP_DAYS,
                    f"营期天数应在 1 到 {MAX_CAMP_DAYS} 之间 (camp length: 1 to {MAX_CAMP_DAYS} days)",
                )
            )
        elif field == "late_checkins_count_for_streak":
            if not isinstance(value, bool):
                raise ValidationError(field, f"应为是或否 (expected yes or no): {value!r}")
            out[field] = value
        else:
            out[field] = _clean_text(field, value)
    return out


def update_group_profile(session: Session, actor: Actor, group_id: int, **fields: Any) -> dict[str, Any]:
    """Change any of PROFILE_FIELDS of a group (owner/admin only). Values are validated first, so a bad one
    writes nothing; text is trimmed and an empty text clears the field. Returns the fields that changed
    (new values) and records them in the audit log with their old values."""
    require(actor, "edit_groups")
    group = _group(session, group_id)
    clean = _validate(session, group, fields)
    before = {k: getattr(group, k) for k, val in clean.items() if getattr(group, k) != val}
    after = {k: clean[k] for k in before}
    if not after:
        return {}
    for k, val in after.items():
        if k in GROUP_RULES:  # a rule of the group's figures: kept from today, a past month keeps its own
            record_rule(session, group_rule_key(group_id, k), before[k], val, group_id=group_id)
        setattr(group, k, val)
    session.flush()
    record_audit(session, actor.id, "group.update", "group", group_id, before=before, after=after)
    return after
