"""Read-only queries for the Points page: one member's ledger, newest first. Plain frozen dataclasses out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.phrases import ledger_reason
from models import Operator, PointsEntry


@dataclass(frozen=True)
class LedgerRow:
    id: int
    day: date
    points: int
    reason: str
    source_kind: str
    operator: str | None
    created_at: datetime
    reverses_id: int | None
    undone: bool = False  # a later entry reverses this one
    operator_id: int | None = None

    @property
    def undoable(self) -> bool:
        """A manual adjustment that stands: the Points page offers to undo it (points.undo_adjustment)."""
        return self.source_kind == "manual" and self.reverses_id is None and not self.undone


def ledger_of(session: Session, membership_id: int, limit: int | None = 200) -> list[LedgerRow]:
    """The membership's ledger entries, newest first: by the day they count for, then by when they were
    written (a late check-in sits at its own day; a reversal sits beside the entry it takes back)."""
    reversal = aliased(PointsEntry)
    q = (
        select(
            PointsEntry.id,
            PointsEntry.day,
            PointsEntry.points,
            PointsEntry.reason,
            PointsEntry.source_kind,
            Operator.name,
            PointsEntry.created_at,
            PointsEntry.reverses_id,
            select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
            PointsEntry.operator_id,
        )
        .outerjoin(Operator, Operator.id == PointsEntry.operator_id)
        .where(PointsEntry.membership_id == membership_id)
        .order_by(PointsEntry.day.desc(), PointsEntry.created_at.desc(), PointsEntry.id.desc())
    )
    if limit is not None:
        q = q.limit(limit)
    # the app's own reasons as phrases (the English window shows them in English); a typed reason stays as typed
    return [LedgerRow(i, d, pts, ledger_reason(reason), *rest) for i, d, pts, reason, *rest in session.execute(q).all()]


def match_adjustment_names(session: Session, group_id: int, text: str) -> list:
    """The people of a pasted list of names for one adjustment (`张三 李四 王五`, one a line, a 接龙 copied from the
    group, `恭喜 @张三 @李四`), matched to the group's members as a sign-up chain is (paste.match_paste): each
    person's PasteMatch — matched, ambiguous, unmatched, not_member, duplicate or ignored with why. The dialog gives
    the certain ones, asks the ambiguous and unknown ones, never guesses and never adds a member."""
    from desktop.services.paste import match_paste

    # an @ before a name is how a congratulation names people (`恭喜 @张三 @李四`): the name, not a mention to skip
    return match_paste(session, group_id, text.replace("@", " ").replace("＠", " "), signups=True)
