"""Small read-only lookups the window needs for filters and forms: tiers, tags, a membership's person and
group. Plain tuples out; no writes here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from models import Group, Membership, Tag, Tier


def list_tiers(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every tier, highest (核心) first."""
    return [(tid, name) for tid, name in session.execute(select(Tier.id, Tier.name).order_by(Tier.rank, Tier.id))]


def list_tags(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every tag, by name."""
    return [(tid, name) for tid, name in session.execute(select(Tag.id, Tag.name).order_by(Tag.name))]


def membership_owner(session: Session, membership_id: int) -> tuple[int, int, str]:
    """(member id, group id, group name) of a membership."""
    row = session.execute(
        select(Membership.member_id, Membership.group_id, Group.name)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.id == membership_id)
    ).first()
    if row is None:
        raise NotFound(f"membership {membership_id}")
    return int(row[0]), int(row[1]), str(row[2])


def other_groups_of(session: Session, member_ids: list[int], shown: list[int]) -> list[str]:
    """Names of the groups where these people are (members, or still joining) through a membership other than the
    `shown` ones — what deleting them (a person's deletion, in every group) also takes off rosters the user is not
    looking at. By group name."""
    if not member_ids:
        return []
    rows = session.scalars(
        select(Group.name)
        .join(Membership, Membership.group_id == Group.id)
        .where(
            Membership.member_id.in_(sorted(set(member_ids))),
            Membership.id.not_in(sorted(set(shown)) or [0]),
            Membership.status.in_(("applicant", "onboarding", "active")),
        )
        .distinct()
        .order_by(Group.name)
    )
    return list(rows)


def other_groups_of_membership(session: Session, membership_id: int) -> list[str]:
    """Names of the other groups the membership's person is in (a member, or still joining) — what a leave
    recorded in one group is not recorded in (a leave is a membership's: PRODUCT §2)."""
    owner = select(Membership.member_id).where(Membership.id == membership_id).scalar_subquery()
    return list(
        session.scalars(
            select(Group.name)
            .join(Membership, Membership.group_id == Group.id)
            .where(
                Membership.member_id == owner,
                Membership.id != membership_id,
                Membership.status.in_(("applicant", "onboarding", "active")),
                Group.archived_at.is_(None),
            )
            .order_by(Group.id)
        )
    )
