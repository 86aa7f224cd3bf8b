"""The audit log: every write records who did what to which entity, with a before/after summary."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models import AuditEntry, utcnow


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
