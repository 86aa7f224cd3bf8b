"""The workspace's editable lists: tiers (核心/大咖/中咖/普通: names, order, target share), operating roles
(日常运营, 策划 …) and tags with colours. Renaming keeps every membership's tier, role and tag."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.health import structure_targets
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.settings import STRUCTURE_TARGETS_RULE, record_rule
from models import Membership, Role, Tag, Tier, member_tag, membership_role
from models.tier_history import note_tier_writes

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class TierRow:
    id: int | None  # None for a new tier
    name: str
    target_share: float


def list_tier_rows(session: Session) -> list[TierRow]:
    return [TierRow(t.id, t.name, t.target_share) for t in session.scalars(select(Tier).order_by(Tier.rank))]


def tier_holders(session: Session) -> dict[int, int]:
    """Memberships holding each tier (tier id -> count; a tier nobody holds is not in it): what taking a tier off
    the list takes from people — the tiers dialog asks before it does."""
    return {
        int(tid): int(n)
        for tid, n in session.execute(
            select(Membership.tier_id, func.count()).where(Membership.tier_id.is_not(None)).group_by(Membership.tier_id)
        )
    }


def save_tiers(session: Session, actor: Actor, tiers: list[TierRow]) -> None:
    """Replace the tier list in this order (rank 0 = highest). Existing ids keep their memberships; a tier
    left out loses it (those memberships get no tier) — callers confirm that with the user first (tier_holders).
    The audit row holds the list before and after (a rename reads 大咖 → 嘉宾), each tier taken off and the
    memberships that held it: before, it held the new names and the ids of tiers no longer there — who was 大咖
    was gone without a trace."""
    require(actor, "edit_groups")
    names = [t.name.strip() for t in tiers]
    if not tiers or any(not n for n in names):
        raise ValidationError("tiers", "层级名称不能为空 (tier names are required)")
    if len(set(names)) != len(names):
        raise ValidationError("tiers", "层级名称不能重复 (tier names must differ)")
    if any(not 0 <= t.target_share <= 1 for t in tiers):
        raise ValidationError("tiers", "目标占比应在 0 到 1 之间 (target share must be 0..1)")
    total = sum(t.target_share for t in tiers)
    if total > 1 + 1e-9:
        # the shares are the structure's targets (health.structure_targets): more than the whole group cannot be
        raise ValidationError(
            "tiers",
            f"目标占比合计 {total * 100:g}%，超过 100% (the target shares add up to {total * 100:g}%, more than 100%)",
        )
    targets_before = structure_targets(session)  # the targets are a rule: kept from today (settings.record_rule)
    old = session.execute(select(Tier.id, Tier.name).order_by(Tier.rank)).all()
    old_names: dict[int, str] = dict(old)  # type: ignore[arg-type]
    keep = {t.id for t in tiers if t.id is not None}
    gone = [tid for tid, _name in old if tid not in keep]
    cleared: dict[str, list[int]] = {}
    if gone:
        for mid, tid in session.execute(
            select(Membership.id, Membership.tier_id).where(Membership.tier_id.in_(gone)).order_by(Membership.id)
        ):
            cleared.setdefault(old_names[tid], []).append(mid)
        # its holders lose it today: their past days keep it (models/tier_history.py keeps its name and rank)
        note_tier_writes(session, {mid: None for mids in cleared.values() for mid in mids})
        session.execute(update(Membership).where(Membership.tier_id.in_(gone)).values(tier_id=None))
        session.execute(delete(Tier).where(Tier.id.in_(gone)))
    # two passes so renames that swap names never collide with the UNIQUE(name) constraint
    for rank, t in enumerate(tiers):
        if t.id is not None:
            session.execute(update(Tier).where(Tier.id == t.id).values(name=f"~renaming~{rank}~{t.id}", rank=rank))
    for rank, (t, name) in enumerate(zip(tiers, names, strict=True)):
        if t.id is None:
            session.execute(insert(Tier).values(name=name, rank=rank, target_share=t.target_share))
        else:
            session.execute(update(Tier).where(Tier.id == t.id).values(name=name, target_share=t.target_share))
    session.flush()
    record_rule(session, STRUCTURE_TARGETS_RULE, targets_before, structure_targets(session))
    renamed = {
        old_names[t.id]: name
        for t, name in zip(tiers, names, strict=True)
        if t.id in old_names and old_names[t.id] != name
    }
    after: dict = {"tiers": names}
    if renamed:
        after["renamed"] = renamed
    if gone:
        after["removed"] = [old_names[tid] for tid in gone]
        after["memberships"] = cleared  # tier name -> the memberships it was taken from
    record_audit(session, actor.id, "tiers.save", "tier", None, before={"tiers": [n for _tid, n in old]}, after=after)


def list_roles(session: Session) -> list[tuple[int, str, int]]:
    """(id, name, memberships holding it)."""
    counts = dict(
        session.execute(select(membership_role.c.role_id, func.count()).group_by(membership_role.c.role_id)).all()
    )
    return [(r.id, r.name, int(counts.get(r.id, 0))) for r in session.scalars(select(Role).order_by(Role.id))]


def add_role(session: Session, actor: Actor, name: str) -> int:
    require(actor, "edit_groups")
    name = (name or "").strip()
    if not name:
        raise ValidationError("role", "角色名称不能为空 (role name is required)")
    if session.scalar(select(Role.id).where(Role.name == name)) is not None:
        raise ValidationError("role", f"角色「{name}」已存在 (already exists)")
    rid = session.execute(insert(Role).values(name=name).returning(Role.id)).scalar_one()
    record_audit(session, actor.id, "role.add", "role", rid, after={"name": name})
    return rid


def rename_role(session: Session, actor: Actor, role_id: int, name: str) -> None:
    require(actor, "edit_groups")
    name = (name or "").strip()
    if not name:
        raise ValidationError("role", "角色名称不能为空 (role name is required)")
    if session.scalar(select(Role.id).where(Role.name == name, Role.id != role_id)) is not None:
        raise ValidationError("role", f"角色「{name}」已存在 (already exists)")
    before = session.scalar(select(Role.name).where(Role.id == role_id))
    session.execute(update(Role).where(Role.id == role_id).values(name=name))
    record_audit(session, actor.id, "role.rename", "role", role_id, before={"name": before}, after={"name": name})


def remove_role(session: Session, actor: Actor, role_id: int) -> None:
    """Take a role off the list, and from every membership holding it (the roles dialog asks first, naming how
    many). The audit row names the role and the memberships that held it: it held only the role's id, of a row no
    longer there — which role it was and who had it, gone without a trace."""
    require(actor, "edit_groups")
    name = session.scalar(select(Role.name).where(Role.id == role_id))
    holders = list(
        session.scalars(
            select(membership_role.c.membership_id)
            .where(membership_role.c.role_id == role_id)
            .order_by(membership_role.c.membership_id)
        )
    )
    session.execute(delete(membership_role).where(membership_role.c.role_id == role_id))
    session.execute(delete(Role).where(Role.id == role_id))
    record_audit(session, actor.id, "role.remove", "role", role_id, before={"name": name, "memberships": holders})


def list_tag_rows(session: Session) -> list[tuple[int, str, str, int]]:
    """(id, name, colour, members carrying it)."""
    counts = dict(session.execute(select(member_tag.c.tag_id, func.count()).group_by(member_tag.c.tag_id)).all())
    return [(t.id, t.name, t.color, int(counts.get(t.id, 0))) for t in session.scalars(select(Tag).order_by(Tag.name))]


def set_tag(session: Session, actor: Actor, tag_id: int, *, name: str | None = None, color: str | None = None) -> None:
    require(actor, "edit_members")
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise ValidationError("tag", f"tag {tag_id} not found")
    if color is not None:
        if not _COLOR.match(color):
            raise ValidationError("color", f"颜色应为 #RRGGBB (colour must be #RRGGBB): {color}")
        tag.color = color.upper()
    if name is not None:
        name = name.strip()
        if not name:
            raise ValidationError("tag", "标签名称不能为空 (tag name is required)")
        if session.scalar(select(Tag.id).where(Tag.name == name, Tag.id != tag_id)) is not None:
            raise ValidationError("tag", f"标签「{name}」已存在 (already exists)")
        tag.name = name
    record_audit(session, actor.id, "tag.edit", "tag", tag_id, after={"name": tag.name, "color": tag.color})
