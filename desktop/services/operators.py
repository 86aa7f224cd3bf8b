"""Operators (who uses the app) and what each role may do. Permissions are enforced here, in the
services, not only by greyed-out buttons.

How to add a permission: add it to PERMISSIONS with the roles that have it, call `require(actor, name)`
at the top of the service function, and grey out the matching UI action with `allowed(actor, name)`."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.audit import record_audit
from models import Operator
from models.base import OPERATOR_ROLES

OWNER_DEFAULT_NAME = "群主"

ALL_ROLES = frozenset(OPERATOR_ROLES)
MANAGERS = frozenset({"owner", "admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "record_participation": ALL_ROLES,  # check-ins, attendance, steps, contributions, violations
    "edit_members": ALL_ROLES,
    "delete_members": MANAGERS,
    "merge_members": MANAGERS,
    "edit_groups": MANAGERS,
    "edit_point_rules": MANAGERS,
    "edit_entry_steps": MANAGERS,
    "export_unmasked": MANAGERS,
    "restore_backup": frozenset({"owner"}),
    "manage_operators": frozenset({"owner"}),
}

_PERMISSION_LABELS = {
    "delete_members": "删除成员 (delete members)",
    "merge_members": "合并成员 (merge members)",
    "edit_groups": "修改社群 (edit groups)",
    "edit_point_rules": "修改积分规则 (change point rules)",
    "edit_entry_steps": "修改入群流程 (change entry steps)",
    "export_unmasked": "导出完整手机号 (export unmasked phone numbers)",
    "restore_backup": "恢复备份 (restore a backup)",
    "manage_operators": "管理操作员 (manage operators)",
}


@dataclass(frozen=True)
class Actor:
    """The operator a service acts for (plain data; safe to pass across threads)."""

    id: int
    name: str
    role: str


def allowed(actor: Actor, permission: str) -> bool:
    return actor.role in PERMISSIONS[permission]


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        label = _PERMISSION_LABELS.get(permission, permission)
        raise PermissionDenied(f"操作员「{actor.name}」({actor.role}) 无权{label}")


def _hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(stored: str | None, password: str | None) -> bool:
    if stored is None:
        return True
    _, salt_hex, _ = stored.split("$")
    return hmac.compare_digest(stored, _hash_password(password or "", bytes.fromhex(salt_hex)))


def _actor(op: Operator) -> Actor:
    return Actor(op.id, op.name, op.role)


def ensure_owner(session: Session) -> Actor:
    """The workspace owner, created on first use."""
    op = session.scalars(select(Operator).where(Operator.role == "owner").order_by(Operator.id)).first()
    if op is None:
        op = Operator(name=OWNER_DEFAULT_NAME, role="owner")
        session.add(op)
        session.flush()
        record_audit(session, op.id, "operator.create", "operator", op.id, after={"name": op.name, "role": "owner"})
    return _actor(op)


def get_actor(session: Session, name: str | None = None, password: str | None = None) -> Actor:
    """The operator called `name` (the owner when None). Raises NotFound / PermissionDenied."""
    if name is None:
        return ensure_owner(session)
    op = session.scalars(select(Operator).where(Operator.name == name, Operator.active.is_(True))).first()
    if op is None:
        raise NotFound(f"没有名为「{name}」的操作员 (no operator named {name!r})")
    if op.password_hash and not check_password(op.password_hash, password):
        raise PermissionDenied(f"操作员「{name}」的密码不正确 (wrong password)")
    return _actor(op)


def add_operator(session: Session, actor: Actor, name: str, role: str, password: str | None = None) -> Actor:
    require(actor, "manage_operators")
    name = name.strip()
    if not name:
        raise ValidationError("name", "操作员名称不能为空 (name is required)")
    if role not in OPERATOR_ROLES:
        raise ValidationError("role", f"未知角色 {role!r} (unknown role)")
    if session.scalar(select(func.count()).select_from(Operator).where(Operator.name == name)):
        raise ValidationError("name", f"操作员「{name}」已存在 (already exists)")
    op = Operator(name=name, role=role, password_hash=_hash_password(password) if password else None)
    session.add(op)
    session.flush()
    record_audit(session, actor.id, "operator.create", "operator", op.id, after={"name": name, "role": role})
    return _actor(op)


def list_operators(session: Session) -> list[Actor]:
    return [
        _actor(op) for op in session.scalars(select(Operator).where(Operator.active.is_(True)).order_by(Operator.id))
    ]
