"""The inverses of the bulk actions in desktop.services.members, for the Roster page's undo: take a tag off
the selected people, take a role off the selected memberships. Same shape as the bulk_* services (one
call = one transaction, permission checked, one audit row)."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.roster import _may_delete_tags
from models import Membership, Role, Tag, Tier, member_tag, membership_role
from models.tier_history import note_tier_writes


def _member_ids(session: Session, membership_ids: list[int]) -> list[int]:
    wanted = set(membership_ids)
    rows = dict(session.execute(select(Membership.id, Membership.member_id).where(Membership.id.in_(wanted))).all())
    if len(rows) != len(wanted):
        raise NotFound("membership")
    return list(dict.fromkeys(rows.values()))


def bulk_remove_tag(
    session: Session, actor: Actor, membership_ids: list[int], tag: str, *, created: bool = False
) -> int:
    """Take `tag` off the people of these memberships (tags belong to the person). Returns how many had it.
    `created`: the undo of the bulk tag that created the tag — it goes from the tag list too when nobody carries
    it now and its colour is still the default (as the undo of a member edit drops a tag the edit typed:
    roster._drop_tags_the_last_edit_added); otherwise a tag taken off its last carrier stays (its id, its colour)."""
    require(actor, "edit_members")
    name = (tag or "").strip()
    if not name:
        raise ValidationError("tag", "标签不能为空 (tag is required)")
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


def bulk_remove_role(session: Session, actor: Actor, membership_ids: list[int], role: str) -> int:
    """Take `role` off these memberships. Returns how many had it."""
    require(actor, "edit_members")
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


def bulk_swap_tier(session: Session, actor: Actor, changes: dict[int, tuple[str | None, str | None]]) -> int:
    """The undo (and redo) of a bulk tier: each membership `(expected, new)` goes to `new` only while its tier is
    still `expected` — what the action left. A tier someone else set since (another assistant, the member dialog)
    stays, as the undo of a member edit keeps what others changed since (roster.undo_member_edit). Returns how
    many changed."""
    require(actor, "edit_members")
    names = {n for pair in changes.values() for n in pair if n}
    ids = dict(session.execute(select(Tier.name, Tier.id).where(Tier.name.in_(sorted(names)))).all())
    missing = sorted(names - ids.keys())
    if missing:  # deleted in the tiers settings since the action
        raise ValidationError("tier", f"未知层级「{missing[0]}」(unknown tier)")
    now = dict(session.execute(select(Membership.id, Membership.tier_id).where(Membership.id.in_(list(changes)))).all())
    if len(now) != len(changes):
        raise NotFound("membership")
    writes = {
        msid: ids[new] if new else None
        for msid, (expected, new) in changes.items()
        if now[msid] == (ids[expected] if expected else None) and expected != new
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
        after={"memberships": list(changes), "tiers": {str(k): v[1] for k, v in changes.items()}},
    )
    return n
