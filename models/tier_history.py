"""A membership's tier (层级) has a history: each change is kept with its day, so a past day's structure (the
dashboard's 成员结构 of a past day, a past month's workbook) reads the tiers as they stood then, not today's.

One mechanism for every write of `membership.tier_id`:
- ORM writes (`ms.tier_id = …` and a flush: the member dialog, copy/move and their undo, the bulk tier) are seen
  by a `before_flush` listener on every Session;
- Core writes (`update(Membership)…values(tier_id=…)`, a roster import's bulk update, a tier taken off the list)
  call `note_tier_writes(session, {membership_id: new_tier_id})` before they write.
A merge filling the kept record's blank tier moves the other record's history with it (members._merge_membership:
the person's tier and its past, not a change of today); merge_undo's snapshot puts it back.

Both end in `record_tier_changes`: a row per membership whose tier changes, dated the community's day
(`clock.today()`, never the database's clock), holding the tier it had BEFORE that day's first change — its id, and
its name and rank as they stood (a tier renamed since is read by its id, one taken off the list by the name and
rank kept here; `health.structure_bucket` works from name and rank). More changes on one day keep the first row
(the tier at the end of the day before is what a past day reads). Not a change: a tier set on the day the
membership was recorded (a roster imported this morning and its tiers filled in after it, a member added with the
wrong tier and corrected) — its set-up, as a rule set on the day the workspace was set up is (desktop/settings.py).

The read (`tier_at_end_columns`): the tier a membership had at the end of day D is the old tier of its first change
after D, else its current tier. Workspaces from before migration 0023 have no history: their past reads today's
tiers, as before (docs/metrics.md, "Structure")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Integer, String, and_, case, event, func, inspect, select
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from models import clock
from models.base import Base
from models.people import Membership, Tier

_CHUNK = 500


class TierChange(Base):
    """One day's change of a membership's tier: the tier it had before (`old_*`; all None: it had none). Written by
    `record_tier_changes` only (models/tier_history.py, migration 0023)."""

    __tablename__ = "tier_history"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True)
    changed_on: Mapped[date] = mapped_column(Date, primary_key=True)
    # the tier before the change; SET NULL when the tier is taken off the list (its id may be given to a new one)
    old_tier_id: Mapped[int | None] = mapped_column(ForeignKey("tier.id", ondelete="SET NULL"))
    old_tier_name: Mapped[str | None] = mapped_column(String(30))
    old_tier_rank: Mapped[int | None] = mapped_column(Integer)


def record_tier_changes(session: Session, old_by_membership: Mapping[int, int | None]) -> int:
    """Record that each membership's tier changes today from `old_by_membership[id]` (the caller writes the new
    one). Skipped: a membership that already changed today (the first row keeps the day-before tier) and one
    recorded today (its set-up). Returns the rows written."""
    if not old_by_membership:
        return 0
    day = clock.today()
    start = datetime.combine(day, time.min)
    conn = session.connection()
    ids = sorted(old_by_membership)
    skip: set[int] = set()
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        skip.update(
            conn.scalars(
                select(TierChange.membership_id).where(
                    TierChange.membership_id.in_(chunk), TierChange.changed_on == day
                )
            )
        )
        skip.update(conn.scalars(select(Membership.id).where(Membership.id.in_(chunk), Membership.created_at >= start)))
    rows = [msid for msid in ids if msid not in skip]
    if not rows:
        return 0
    tiers = {tid: (name, rank) for tid, name, rank in conn.execute(select(Tier.id, Tier.name, Tier.rank))}
    values = []
    for msid in rows:
        old = old_by_membership[msid]
        name, rank = tiers.get(old, (None, None)) if old is not None else (None, None)
        values.append(
            {
                "membership_id": msid,
                "changed_on": day,
                "old_tier_id": old if name is not None else None,
                "old_tier_name": name,
                "old_tier_rank": rank,
            }
        )
    conn.execute(TierChange.__table__.insert(), values)
    return len(values)


def note_tier_writes(session: Session, new_by_membership: Mapping[int, int | None]) -> int:
    """Before a Core write of `membership.tier_id` (`{membership_id: new tier id}`): record the memberships whose
    tier it changes (their tier now read from the database). Returns the rows written."""
    if not new_by_membership:
        return 0
    conn = session.connection()
    ids = sorted(new_by_membership)
    old: dict[int, int | None] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        for msid, tid in conn.execute(select(Membership.id, Membership.tier_id).where(Membership.id.in_(chunk))):
            if tid != new_by_membership[msid]:
                old[msid] = tid
    return record_tier_changes(session, old)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    changed: dict[int, int | None] = {}
    for obj in session.dirty:
        if isinstance(obj, Membership) and obj.id is not None:
            if inspect(obj).attrs.tier_id.history.has_changes():
                changed[obj.id] = obj.tier_id
    if changed:
        note_tier_writes(session, changed)  # the database holds the tier before this flush


event.listen(Session, "before_flush", _before_flush)


def tier_at_end_columns(as_of: date):
    """(name, rank, joins) for a select from Membership: the tier each membership had at the end of `as_of` — the
    old tier of its first change after the day, else its current tier. `joins(stmt)` adds the outer joins to a
    statement selecting from Membership (one statement: the first change is looked up per membership through the
    history's primary key). A tier still on the list reads by its current name and rank (a rename is no change of
    anyone's tier); one taken off it by the name and rank kept with the change."""
    later = aliased(TierChange, name="tier_later")
    change = aliased(TierChange, name="tier_then")
    held = aliased(Tier, name="tier_held")
    first_day = (
        select(func.min(later.changed_on))
        .where(later.membership_id == Membership.id, later.changed_on > as_of)
        .correlate(Membership)
        .scalar_subquery()
    )
    effective = case((change.membership_id.is_(None), Membership.tier_id), else_=change.old_tier_id)

    def joins(stmt):
        return stmt.outerjoin(
            change, and_(change.membership_id == Membership.id, change.changed_on == first_day)
        ).outerjoin(held, held.id == effective)

    name = func.coalesce(held.name, change.old_tier_name)
    rank = func.coalesce(held.rank, change.old_tier_rank)
    return name, rank, joins
