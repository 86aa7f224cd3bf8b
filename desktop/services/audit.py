"""The audit log: every write records who did what to which entity, with a before/after summary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models import AuditEntry, bulk, utcnow


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def record_audit(
    session: Session,
    operator_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
) -> None:
    """Add one audit row in the caller's transaction (so the write and its audit commit together)."""
    payload: dict[str, Any] = {}
    if before is not None:
        payload["before"] = _jsonable(before)
    if after is not None:
        payload["after"] = _jsonable(after)
    if note:
        payload["note"] = note
    session.execute(
        insert(AuditEntry).values(
            at=utcnow(),
            operator_id=operator_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=json.dumps(payload, ensure_ascii=False) if payload else None,
        )
    )


def audit_export(database: Any, actor: Any, action: str, path: Any, **details: Any) -> None:
    """An export holding full phone numbers (an unmasked roster or report, the audit log itself) is audited:
    who wrote which file, in its own small transaction after the file is written."""
    with database.session() as session:
        record_audit(session, actor.id, action, "export", None, after={"file": str(path), **details})
        session.commit()


def record_audits(session: Session, operator_id: int | None, rows: list[tuple[str, str, int | None, dict]]) -> None:
    """Several audit rows (action, entity, entity id, {"before"/"after"/"note": …}) in one statement."""
    if not rows:
        return
    connection = session.connection()
    now = bulk.Values(connection).datetime(utcnow())
    # on the driver (models/bulk.py): one check-in writes one audit row, and SQLAlchemy's execution of it cost
    # three times the statement; the values are the driver's already (the generic conversion, made for big
    # batches, cost more than the row)
    bulk.execute_many(
        connection,
        "INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                now,
                operator_id,
                action,
                entity,
                entity_id,
                json.dumps(_jsonable(payload), ensure_ascii=False) if payload else None,
            )
            for action, entity, entity_id, payload in rows
        ],
        adapted=True,
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    operator: str | None
    action: str
    entity: str
    entity_id: int | None
    summary: str | None


def list_audit(
    session: Session,
    *,
    operator_id: int | None = None,
    member_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    action_prefix: str | None = None,
    offset: int = 0,
    limit: int | None = 500,
) -> list[AuditRow]:
    """Audit entries, newest first, filtered by operator, member (entries about the member or one of its
    memberships), date range (inclusive) and action prefix ("member.", "checkin." …)."""
    from sqlalchemy import or_, select

    from models import Membership, Operator

    q = select(AuditEntry, Operator.name).outerjoin(Operator, Operator.id == AuditEntry.operator_id)
    if operator_id is not None:
        q = q.where(AuditEntry.operator_id == operator_id)
    if member_id is not None:
        q = q.where(
            or_(
                (AuditEntry.entity == "member") & (AuditEntry.entity_id == member_id),
                (AuditEntry.entity == "membership")
                & AuditEntry.entity_id.in_(select(Membership.id).where(Membership.member_id == member_id)),
            )
        )
    if start is not None:
        q = q.where(AuditEntry.at >= datetime.combine(start, time.min))
    if end is not None:
        q = q.where(AuditEntry.at < datetime.combine(end + timedelta(days=1), time.min))
    if action_prefix:
        q = q.where(AuditEntry.action.startswith(action_prefix))
    q = q.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [
        AuditRow(e.id, e.at, name, e.action, e.entity, e.entity_id, e.summary) for e, name in session.execute(q).all()
    ]
