"""Workspace settings kept in the database (facts of the workspace, shared by a team). Window geometry
and other UI state live in QSettings instead (ui/).

How to add a setting: add a `Setting(...)` to SETTINGS with key, type, default and a label (the label is
translated where it is shown), read it with `get_setting(session, key)`, and show it on the Settings page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.services.audit import record_audit
from models import WorkspaceSetting, bulk, clock


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("stalled_days", int, 7, "入群流程停滞天数 (days before onboarding counts as stalled)", 1, 365),
        Setting("dormant_days", int, 30, "沉默天数 (days without participation before a member is dormant)", 7, 365),
        Setting(
            "newcomer_days", int, 7, "新人观察天数 (days after joining before a silent newcomer is flagged)", 1, 90
        ),
        Setting(
            "zombie_active_share", float, 0.10, "僵尸群阈值: 7天活跃占比低于 (zombie: 7-day active share below)", 0, 1
        ),
        Setting("zombie_idle_days", int, 14, "僵尸群阈值: 无任何参与天数 (zombie: days with no participation)", 1, 365),
        Setting("capacity_warn_share", float, 0.90, "容量预警比例 (warn when a group is this full)", 0.1, 1),
        Setting(
            "violations_flag_count", int, 3, "违规标记次数 (violations within the window that flag a member)", 1, 20
        ),
        Setting("violations_window_days", int, 90, "违规统计窗口天数 (violation window, days)", 1, 365),
        Setting("backups_keep", int, 14, "保留自动备份份数 (automatic backups to keep)", 1, 365),
        # the community's zone (models.clock): the day of every fact an import converts from a zone (chat epoch
        # stamps, 2026-12-03T23:30+08:00, a GMT+8 column) and of "today"; a new workspace takes this computer's
        # zone (open_workspace); "" is this computer's zone, whatever it is at the time
        Setting("time_zone", str, "", "社群时区 (the community's time zone)"),
    )
}


_SETTINGS_SQL = "SELECT key, value FROM workspace_setting WHERE key IN {keys}"


def get_setting(session: Session, key: str) -> Any:
    return get_settings(session, key)[0]


def get_settings(session: Session, *keys: str) -> tuple[Any, ...]:
    """The values of `keys`, in their order, read in one statement (each read is a round trip to a team server;
    the dashboard reads a handful per group)."""
    specs = [SETTINGS[key] for key in keys]
    wanted = sorted(set(keys))
    session.flush()  # a setting just changed in this session first (as autoflush would)
    # on the driver (models/bulk.py): month stats read two settings per group and month, and SQLAlchemy's building
    # and running of the IN select cost more than the statement (0.7 ms of a WeChat group's 8 ms month, cold)
    stored = dict(bulk.fetch(session.connection(), _SETTINGS_SQL.format(keys=bulk.in_list(len(wanted))), wanted))
    return tuple(
        spec.default if stored.get(spec.key) is None else spec.type(json.loads(stored[spec.key])) for spec in specs
    )


def set_setting(session: Session, key: str, value: Any) -> None:
    spec = SETTINGS[key]
    try:
        value = spec.type(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(key, f"需要 {spec.type.__name__} (expected {spec.type.__name__})") from exc
    if key == "time_zone":
        value = value.strip()
        try:
            clock.parse_zone(value)
        except clock.ZoneError:
            raise ValidationError(
                key,
                f"不认识的时区「{value}」, 请写 Asia/Shanghai 或 UTC+8"
                f" (not a time zone QunDesk knows: {value!r}; write Asia/Shanghai or UTC+8)",
            ) from None
    if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
        raise ValidationError(key, f"应在 {spec.minimum} 到 {spec.maximum} 之间 (out of range)")
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


def update_settings(session: Session, actor: Any, values: dict[str, Any]) -> None:
    """The workspace rules from the Settings page: an owner's or an admin's (`edit_groups`). The values that
    changed are recorded in the audit log, old → new ("settings.update"); an unknown key is a KeyError, as
    set_setting's."""
    from desktop.services.operators import require

    require(actor, "edit_groups")
    keys = [key for key in values if key in SETTINGS]
    before = dict(zip(keys, get_settings(session, *keys), strict=True)) if keys else {}
    for key, value in values.items():
        set_setting(session, key, value)
    # the rules every figure is counted by (dormant after 30 days or 14): a change of them was in no audit row —
    # the dashboard's dormant count halved overnight with nothing saying who changed what, or when
    after = dict(zip(keys, get_settings(session, *keys), strict=True)) if keys else {}
    changed = [key for key in keys if before[key] != after[key]]
    if "time_zone" in changed:  # today, now and every import of this process follow the community's new zone
        clock.set_zone(after["time_zone"])
    if changed:
        record_audit(
            session,
            getattr(actor, "id", None),
            "settings.update",
            "workspace",
            None,
            before={key: before[key] for key in changed},
            after={key: after[key] for key in changed},
        )
