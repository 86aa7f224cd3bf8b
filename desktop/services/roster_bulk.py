"""The inverses of the bulk actions in desktop.services.members, for the Roster page's undo: take a tag off
the selected people, take a role off the selected memberships. Same shape as the bulk_* services (one
call = one transaction, permission checked, one audit row)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.errors import ValidationError, memberships_gone
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.roster import _may_delete_tags
from models import Membership, Role, Tag, Tier, member_tag, membership_role
from models.tier_history import note_tier_writes


def _member_ids(session: Session, membership_ids: list[int]) -> list[int]:
    wanted = set(membership_ids)
    rows = dict(session.execute(select(Membership.id, Membership.member_id).where(Membership.id.in_(wanted))).all())
    if len(rows) != len(wanted):
        raise memberships_gone(len(wanted) - len(rows))
    return list(dict.fromkeys(rows.values()))


def _deleted_since(kind_zh: str, kind_en: str, name: str) -> ValidationError:
    return ValidationError(
        kind_en,
        f"{kind_zh}「{name}」已在设置中删除，无法撤销 (the {kind_en} {name} was deleted in Settings since; nothing "
        "was changed)",
    )


def tag_name_now(session: Session, tag_id: int | None) -> str | None:
    """The tag's name now (an undo record holds its id: a tag renamed since is the same tag); None when gone."""
    return session.scalar(select(Tag.name).where(Tag.id == tag_id)) if tag_id is not None else None


def role_name_now(session: Session, role_id: int | None) -> str | None:
    """The role's name now (as tag_name_now)."""
    return session.scalar(select(Role.name).where(Role.id == role_id)) if role_id is not None else None


def bulk_remove_tag(
    session: Session,
    actor: Actor,
    membership_ids: list[int],
    tag: str,
    *,
    created: bool = False,
    tag_id: int | None = None,
) -> int:
    """Take `tag` off the people of these memberships (tags belong to the person). Returns how many had it.
    `created`: the undo of the bulk tag that created the tag — it goes from the tag list too when nobody carries
    it now and its colour is still the default (as the undo of a member edit drops a tag the edit typed:
    roster._drop_tags_the_last_edit_added); otherwise a tag taken off its last carrier stays (its id, its colour).
    `tag_id` (the undo record's): the tag by id — renamed in the settings since (早起 → 早起党), the undo looked
    the old name up, found nothing and took nothing off, without a word; deleted since, it refuses naming `tag`."""
    require(actor, "edit_members")
    name = (tag or "").strip()
    if not name:
        raise ValidationError("tag", "标签不能为空 (tag is required)")
    if tag_id is not None:
        now = tag_name_now(session, tag_id)
        if now is None:
            raise _deleted_since("标签", "tag", name)
        name = now
    tag_id = session.scalar(select(Tag.id).where(Tag.name == name))
    member_ids = _member_ids(session, membership_ids)
    if tag_id is None or not member_ids:
        return 0
    n = session.execute(
        delete(member_tag).where(member_tag.c.tag_id == tag_id, member_tag.c.member_id.in_(member_ids))
    ).rowcount
    if created and _may_delete_tags(session):
        session.execute(
            delete(Tag).where(
                Tag.id == tag_id,
                Tag.color == Tag.__table__.c.color.default.arg,
                ~select(member_tag.c.tag_id).where(member_tag.c.tag_id == Tag.id).exists(),
            )
        )
    session.expire_all()  # loaded Member.tags collections must not put the rows back
    record_audit(
        session, actor.id, "bulk.untag", "membership", None, after={"memberships": membership_ids, "tag": name}
    )
    return int(n or 0)


def bulk_remove_role(
    session: Session, actor: Actor, membership_ids: list[int], role: str, *, role_id: int | None = None
) -> int:
    """Take `role` off these memberships. Returns how many had it. `role_id` (the undo record's): the role by id —
    renamed since, the undo refused with 未知角色; deleted since, it refuses naming `role`."""
    require(actor, "edit_members")
    if role_id is not None:
        now = role_name_now(session, role_id)
        if now is None:
            raise _deleted_since("角色", "role", role)
        role = now
    role_id = session.scalar(select(Role.id).where(Role.name == role))
    if role_id is None:
        raise ValidationError("role", f"未知角色「{role}」(unknown role)")
    _member_ids(session, membership_ids)  # every membership must exist
    n = session.execute(
        delete(membership_role).where(
            membership_role.c.role_id == role_id, membership_role.c.membership_id.in_(list(set(membership_ids)))
        )
    ).rowcount
    session.expire_all()
    record_audit(
        session, actor.id, "bulk.unrole", "membership", None, after={"memberships": membership_ids, "role": role}
    )
    return int(n or 0)


@dataclass(frozen=True)
class TierRef:
    """A tier as the undo record of a bulk tier holds it: its id (what the undo matches — a tier renamed in the
    tiers settings since, 大咖 → 嘉宾, is still the same tier) and its name when the action ran (what a refusal
    names when the tier was taken off the list since)."""

    id: int
    name: str


def tier_refs(session: Session, names: list[str | None]) -> dict[str, TierRef]:
    """The tiers of these names now, for an undo record (unknown names and None are left out)."""
    wanted = sorted({n for n in names if n})
    return {n: TierRef(i, n) for n, i in session.execute(select(Tier.name, Tier.id).where(Tier.name.in_(wanted)))}


def bulk_swap_tier(
    session: Session, actor: Actor, changes: dict[int, tuple[TierRef | str | None, TierRef | str | None]]
) -> int:
    """The undo (and redo) of a bulk tier: each membership `(expected, new)` goes to `new` only while its tier is
    still `expected` — what the action left. A tier someone else set since (another assistant, the member dialog)
    stays, as the undo of a member edit keeps what others changed since (roster.undo_member_edit). Returns how
    many changed.
    Tiers are matched by id (TierRef): a tier renamed in the settings since the action is the same tier, and the
    undo goes through (it refused with 未知层级「大咖」 once 大咖 was renamed 嘉宾). A tier taken off the list since
    refuses the whole step, naming it as the action knew it: who held it then holds no tier now, and what the undo
    would put back is gone. A plain name (str) is looked up as it is named now."""
    require(actor, "edit_members")
    named = {v for pair in changes.values() for v in pair if isinstance(v, str) and v}
    by_name = {n: r.id for n, r in tier_refs(session, sorted(named)).items()}
    unknown = sorted(named - by_name.keys())
    if unknown:
        raise ValidationError("tier", f"未知层级「{unknown[0]}」(unknown tier)")
    refs = {v.id: v.name for pair in changes.values() for v in pair if isinstance(v, TierRef)}
    present = dict(session.execute(select(Tier.id, Tier.name).where(Tier.id.in_(sorted(refs)))).all())
    gone = [refs[i] for i in sorted(refs) if i not in present]
    if gone:  # deleted in the tiers settings since the action
        raise ValidationError(
            "tier",
            f"层级「{gone[0]}」已在设置中删除，无法撤销 (the tier {gone[0]} was deleted in Settings since; "
            "nothing was changed)",
        )

    def tier_id(v: TierRef | str | None) -> int | None:
        if v is None or v == "":
            return None
        return v.id if isinstance(v, TierRef) else by_name[v]

    def name(v: TierRef | str | None) -> str | None:  # as it is named now, for the audit row
        return present[v.id] if isinstance(v, TierRef) else (v or None)

    now = dict(session.execute(select(Membership.id, Membership.tier_id).where(Membership.id.in_(list(changes)))).all())
    if len(now) != len(changes):
        raise memberships_gone(len(changes) - len(now))
    writes = {
        msid: tier_id(new)
        for msid, (expected, new) in changes.items()
        if now[msid] == tier_id(expected) and tier_id(expected) != tier_id(new)
    }
    note_tier_writes(session, writes)  # each change kept with its day (a past day's structure reads the old tier)
    for msid, tid in writes.items():
        session.execute(update(Membership).where(Membership.id == msid).values(tier_id=tid))
    n = len(writes)
    session.expire_all()
    record_audit(
        session,
        actor.id,
        "bulk.tier",
        "membership",
        None,
        after={"memberships": list(changes), "tiers": {str(k): name(v[1]) for k, v in changes.items()}},
    )
    return n
