"""Read-only look-ups for the Onboarding page: who is stalled for more than N days (the metrics definition,
with N chosen on the page), what a recorded step holds (for tooltips, undo and the step's record dialog) and
the group's fee."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.metrics import stalled_query
from desktop.services.onboarding import StepDetail, step_details_select
from models import EntryStep, Group, Member, Membership, StepProgress, bulk


def stalled_since(
    session: Session,
    group_id: int,
    as_of: date,
    days: int | None = None,
    membership_ids: Collection[int] | None = None,
) -> dict[int, date]:
    """membership id -> the day its entry process last moved, for applicants and newcomers stalled for more
    than `days` days (default: the `stalled_days` setting). Same definition as metrics.stalled_query: the
    query's cut-off is `as_of - days`.
    `membership_ids`: of these memberships only."""
    stalled = stalled_query(session, group_id, as_of, days=days).subquery()
    query = select(stalled.c.id, stalled.c.since)
    if membership_ids is not None:
        query = query.where(stalled.c.id.in_(list(membership_ids)))
    rows = session.execute(query).all()
    return {mid: bulk.stored_day(since) for mid, since in rows}


def step_details(session: Session, membership_ids: Iterable[int]) -> dict[tuple[int, int], StepDetail]:
    """(membership id, step id) -> what was recorded, for the given memberships."""
    ids = list(membership_ids)
    out: dict[tuple[int, int], StepDetail] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = session.execute(step_details_select().where(StepProgress.membership_id.in_(chunk))).all()
        for mid, sid, done_at, operator, answer, amount, version, operator_id in rows:
            out[(mid, sid)] = StepDetail(done_at, operator, answer, amount, version, operator_id)
    return out


@dataclass(frozen=True)
class StepRecord:
    """One recorded step of one membership, as the step's record dialog shows it."""

    membership_id: int
    step_id: int
    display_name: str
    member_status: str
    step_name: str
    step_kind: str
    step_retired: bool
    detail: StepDetail | None  # None: the step is not recorded (any more)


def step_record(session: Session, membership_id: int, step_id: int) -> StepRecord:
    row = session.execute(
        select(Member.display_name, Membership.status)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.id == membership_id)
    ).one_or_none()
    step = session.get(EntryStep, step_id)
    if row is None or step is None:
        raise NotFound(f"membership {membership_id} / step {step_id}")
    detail = step_details(session, [membership_id]).get((membership_id, step_id))
    return StepRecord(membership_id, step_id, row[0], row[1], step.name, step.kind, step.retired_at is not None, detail)


def group_fee_cents(session: Session, group_id: int) -> int:
    """The group's threshold fee (门槛费) in cents; 0 when it has none."""
    return int(session.scalar(select(Group.fee_cents).where(Group.id == group_id)) or 0)


def group_name(session: Session, group_id: int) -> str:
    return session.scalar(select(Group.name).where(Group.id == group_id)) or ""
