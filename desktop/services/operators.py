"""Operators (who uses the app) and what each role may do. Permissions are enforced here, in the
services, not only by greyed-out buttons.

How to add a permission: add it to PERMISSIONS with the roles that have it, call `require(actor, name)`
at the top of the service function, and grey out the matching UI action with `allowed(actor, name)`."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, PasswordMissing, PermissionDenied, SignInFailed, ValidationError
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
    "take_backup": MANAGERS,  # a backup holds every phone number and the password hashes
    "restore_backup": frozenset({"owner"}),
    "manage_operators": frozenset({"owner"}),
}

_PERMISSION_LABELS = {
    "delete_members": "删除、移除或拉黑成员 (delete, remove or blacklist members)",
    "merge_members": "合并成员 (merge members)",
    "edit_groups": "修改社群 (edit groups)",
    "edit_point_rules": "修改积分规则 (change point rules)",
    "edit_entry_steps": "修改入群流程 (change entry steps)",
    "export_unmasked": "导出完整手机号 (export unmasked phone numbers)",
    "take_backup": "备份工作区 (back up the workspace)",
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


def names_shown_to(actor: Actor) -> Callable[[str | None], str | None]:
    """How the lists show `actor` a person's free text (name, nickname, group nickname, city): for an operator who
    may not see full phone numbers (an assistant: no `export_unmasked`) a phone written into it masked
    (desktop.phones.mask_phones_in: 王五 13800138002 as 王五 138****), as their phone column, their exports and, on a
    team server, their login's views show it; for an owner or admin the text as stored. On one laptop the roster
    showed an assistant 138****8002 in the phone column and 王五 13800138002 in the name column beside it. Stored and
    searched values are not changed: a search for 王五 finds them as before."""
    if allowed(actor, "export_unmasked"):
        return lambda text: text
    from desktop.phones import mask_phones_in

    return mask_phones_in


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


def sign_in_required(session: Session) -> bool:
    """Once any active operator has a password, nobody works without signing in (PRODUCT §3.7). While none
    has (one person on their own laptop), everything runs as the owner, or as the operator named."""
    from desktop.team_roles import roles_enforced

    if roles_enforced(session):
        return True
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Operator)
            .where(Operator.active.is_(True), Operator.password_hash.is_not(None))
        )
    )


def sign_in(session: Session, name: str | None = None, password: str | None = None) -> Actor:
    """Who the app acts for. On a team database whose roles are set up (`qundesk team init`), the server login
    is the operator: `name`, when given, must be that operator. Elsewhere, once sign-in is required, the
    operator `name` with their own password (an operator without a password cannot sign in until the owner
    gives them one); before that, `name` or the owner. Raises SignInFailed (exit 4)."""
    from desktop.team_roles import login_operator, roles_enforced

    if roles_enforced(session):
        op = login_operator(session)
        if name is not None and name != op.name:
            raise SignInFailed(
                f"登录名对应的操作员是「{op.name}」, 不是「{name}」 (this database login is operator {op.name!r}, not {name!r})"
            )
        return _actor(op)
    required = sign_in_required(session)
    if name is None:
        if required:
            raise SignInFailed(
                "需要登录: 用 --operator 名字 (或 QUNDESK_OPERATOR) 和密码 (QUNDESK_PASSWORD 或提示输入) "
                "(sign-in required: --operator NAME or QUNDESK_OPERATOR, and the password)"
            )
        return ensure_owner(session)
    op = session.scalars(select(Operator).where(Operator.name == name, Operator.active.is_(True))).first()
    if op is None:
        raise SignInFailed(f"没有名为「{name}」的操作员 (no operator named {name!r})")
    if required:
        if not op.password_hash and op.role == "owner" and not _owner_signs_in(session):
            # a workspace where others got passwords before any owner had one (older versions allowed it): its
            # owner signs in without one, so that they can set theirs — else nobody could manage it again
            return _actor(op)
        if not op.password_hash:
            raise SignInFailed(
                f"操作员「{name}」还没有密码, 请群主先设置 (operator {name!r} has no password yet: the owner sets one "
                "with `qundesk operator passwd`)"
            )
        if not password:  # none given is not a wrong one
            raise PasswordMissing(f"操作员「{name}」需要密码, 但没有给出 (no password given for {name!r})")
        if not check_password(op.password_hash, password):
            raise SignInFailed(f"操作员「{name}」的密码不正确 (wrong password for {name!r})")
    return _actor(op)


def get_actor(session: Session, name: str | None = None, password: str | None = None) -> Actor:
    """The operator called `name` (the owner when None), signed in (see sign_in). Raises SignInFailed."""
    return sign_in(session, name, password)


def _owner_signs_in(session: Session, *, without: int | None = None) -> bool:
    """Whether an active owner (other than `without`) has a password: the one who can still sign in and manage
    operators once passwords are in use."""
    query = (
        select(func.count())
        .select_from(Operator)
        .where(Operator.active.is_(True), Operator.role == "owner", Operator.password_hash.is_not(None))
    )
    if without is not None:
        query = query.where(Operator.id != without)
    return bool(session.scalar(query))


_OWNER_FIRST = (
    "请先给群主设置密码: 有人有密码后, 没有密码的群主就无法登录 (give an owner a password first: once anyone has "
    "a password, an owner without one can no longer sign in or manage operators)"
)


def add_operator(
    session: Session, actor: Actor, name: str, role: str, password: str | None = None, *, login: str | None = None
) -> Actor:
    """A new operator (owner only). On a team database with roles they also get their own server login in
    their role's group (a password is then required). A removed operator's name comes back as that operator."""
    from desktop.team_roles import create_login, roles_enforced

    require(actor, "manage_operators")
    name = name.strip()
    if not name:
        raise ValidationError("name", "操作员名称不能为空 (name is required)")
    if role not in OPERATOR_ROLES:
        raise ValidationError("role", f"未知角色 {role!r} (unknown role)")
    _check_new_password(password)
    team = roles_enforced(session)
    if team and not password:
        raise ValidationError(
            "password", "团队数据库的操作员需要密码 (an operator of a team database needs a password)"
        )
    if password and not team and role != "owner" and not _owner_signs_in(session):
        raise ValidationError("password", _OWNER_FIRST)
    op = session.scalars(select(Operator).where(Operator.name == name)).first()
    if op is not None and op.active:
        raise ValidationError("name", f"操作员「{name}」已存在 (already exists)")
    if op is None:
        op = Operator(name=name, role=role)
        session.add(op)
    else:  # a removed operator back
        op.active, op.role = True, role
    op.password_hash = _hash_password(password) if password and not team else None
    session.flush()
    if team:
        create_login(session, op, password or "", login)
    record_audit(
        session, actor.id, "operator.create", "operator", op.id, after={"name": name, "role": role, "login": op.login}
    )
    return _actor(op)


def operator_login(session: Session, operator_id: int) -> str | None:
    return session.scalar(select(Operator.login).where(Operator.id == operator_id))


MIN_PASSWORD = 6


def _check_new_password(password: str | None) -> None:
    if password is not None and len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password", f"密码至少 {MIN_PASSWORD} 位 (a password needs at least {MIN_PASSWORD} characters)"
        )


def _operator(session: Session, name: str) -> Operator:
    op = session.scalars(select(Operator).where(Operator.name == name, Operator.active.is_(True))).first()
    if op is None:
        raise NotFound(f"没有名为「{name}」的操作员 (no operator named {name!r})")
    return op


def set_password(session: Session, actor: Actor, name: str, password: str | None) -> None:
    """Give the operator a password (None removes it). The owner may set anyone's; an operator their own.
    On a team database the server login's password changes too (desktop/team_roles.py)."""
    from desktop.team_roles import roles_enforced, set_login_password

    op = _operator(session, name)
    if op.id != actor.id:
        require(actor, "manage_operators")
    _check_new_password(password)
    if roles_enforced(session):
        if password is None:
            raise ValidationError("password", "团队数据库的登录必须有密码 (a team database login needs a password)")
        set_login_password(session, op, password)
    else:
        if password and op.role != "owner" and not _owner_signs_in(session):
            raise ValidationError("password", _OWNER_FIRST)
        if password is None and op.role == "owner" and not _owner_signs_in(session, without=op.id):
            others = session.scalar(
                select(func.count())
                .select_from(Operator)
                .where(Operator.active.is_(True), Operator.password_hash.is_not(None), Operator.id != op.id)
            )
            if others:
                raise ValidationError(
                    "password",
                    "其他操作员有密码时, 群主不能去掉自己的密码 (the owner keeps a password while others have one)",
                )
        op.password_hash = _hash_password(password) if password else None
    record_audit(
        session,
        actor.id,
        "operator.password",
        "operator",
        op.id,
        after={"name": op.name, "password": password is not None},
    )


def remove_operator(session: Session, actor: Actor, name: str) -> None:
    """The operator can no longer sign in (kept, inactive, so history still names them); on a team database
    their server login is dropped. Not yourself, not the last owner."""
    from desktop.team_roles import drop_login, roles_enforced

    require(actor, "manage_operators")
    op = _operator(session, name)
    if op.id == actor.id:
        raise ValidationError("name", "不能移除自己 (you cannot remove yourself)")
    if op.role == "owner":
        owners = session.scalar(
            select(func.count()).select_from(Operator).where(Operator.active.is_(True), Operator.role == "owner")
        )
        if owners <= 1:
            raise ValidationError("name", "不能移除唯一的群主 (the last owner stays)")
    if roles_enforced(session):
        drop_login(session, op)
    op.active = False
    op.password_hash = None
    record_audit(session, actor.id, "operator.remove", "operator", op.id, before={"name": op.name, "role": op.role})


@dataclass(frozen=True)
class OperatorRow:
    name: str
    role: str
    has_password: bool
    login: str | None


def operator_rows(session: Session) -> list[OperatorRow]:
    """The active operators for `operator list` (never a password or its hash)."""
    from desktop.team_roles import roles_enforced

    team = roles_enforced(session)
    rows = session.execute(
        select(
            Operator.name,
            Operator.role,
            Operator.password_hash.is_not(None) if not team else Operator.id,
            Operator.login,
        )
        .where(Operator.active.is_(True))
        .order_by(Operator.id)
    ).all()
    return [
        OperatorRow(name, role, bool(flag) if not team else login is not None, login)
        for name, role, flag, login in rows
    ]


def list_operators(session: Session) -> list[Actor]:
    return [
        Actor(i, n, r)
        for i, n, r in session.execute(
            select(Operator.id, Operator.name, Operator.role).where(Operator.active.is_(True)).order_by(Operator.id)
        )
    ]
