"""Read-only figures for the Dashboard's "all groups" overview: one light row per group built from the same
metric functions as `qundesk stats` and desktop.health (no definition of its own), plus the risk order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop.health import active_count, zombie_reason
from desktop.metrics import MonthStats, combined_checkin_rate, month_stats
from desktop.phrases import Phrase
from models import Group


@dataclass(frozen=True)
class GroupOverview:
    group_id: int
    name: str
    as_of: date
    members: int
    capacity: int
    active_7: int
    active_30: int
    checkin_rate: float  # this month, as month_stats defines it
    dormant: int
    stalled: int
    zombie_reason: Phrase | None
    month: MonthStats | None = None  # this month's figures (the totals row combines their check-in rates)

    @property
    def zombie(self) -> bool:
        return self.zombie_reason is not None

    @property
    def active_7_share(self) -> float:
        return self.active_7 / self.members if self.members else 0.0

    @property
    def active_30_share(self) -> float:
        return self.active_30 / self.members if self.members else 0.0

    @property
    def dormant_share(self) -> float:
        return self.dormant / self.members if self.members else 0.0

    @property
    def capacity_used(self) -> float:
        return self.members / self.capacity if self.capacity else 0.0


def group_overview(session: Session, group_id: int, as_of: date) -> GroupOverview:
    """The overview row of one group at `as_of` (the figures equal group_health's for the same day)."""
    group = session.get(Group, group_id)
    assert group is not None
    stats = month_stats(session, group_id, as_of.year, as_of.month, today=as_of)
    active_7 = active_count(session, group_id, as_of, 7)  # counted once: the zombie check reads it too
    return GroupOverview(
        group_id=group_id,
        name=group.name,
        as_of=as_of,
        members=stats.members_total,
        capacity=group.capacity,
        active_7=active_7,
        active_30=active_count(session, group_id, as_of, 30),
        checkin_rate=stats.checkin_rate,
        dormant=stats.dormant,
        stalled=stats.stalled_onboarding,
        zombie_reason=zombie_reason(session, group_id, as_of, stats.members_total, active_7=active_7),
        month=stats,
    )


def risk_key(row: GroupOverview) -> tuple:
    """Riskiest first: zombie groups, then the lowest 7-day active share, the most dormant, the most stalled.
    Groups without members go last (nothing to judge)."""
    return (row.members == 0, not row.zombie, row.active_7_share, -row.dormant_share, -row.stalled, row.name)


@dataclass(frozen=True)
class OverviewTotals:
    groups: int
    members: int
    capacity: int
    active_7: int
    active_30: int
    checkin_rate: float  # all the groups' members together (metrics.combined_checkin_rate)
    dormant: int
    stalled: int
    zombies: int


def overview_totals(rows: list[GroupOverview]) -> OverviewTotals:
    members = sum(r.members for r in rows)
    return OverviewTotals(
        groups=len(rows),
        members=members,
        capacity=sum(r.capacity for r in rows),
        active_7=sum(r.active_7 for r in rows),
        active_30=sum(r.active_30 for r in rows),
        checkin_rate=combined_checkin_rate(r.month for r in rows if r.month is not None),
        dormant=sum(r.dormant for r in rows),
        stalled=sum(r.stalled for r in rows),
        zombies=sum(1 for r in rows if r.zombie),
    )
