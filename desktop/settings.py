"""Workspace settings kept in the database (facts of the workspace, shared by a team). Window geometry
and other UI state live in QSettings instead (ui/).

The rules among them (`Setting.rule`: the thresholds every figure is counted by) have a history
(models.SettingHistory): a change is in force from the day it is made, and a past day's figures read the rules as
they stood that day — `rules_at(session, day, *keys)`, one statement per call (docs/metrics.md "Thresholds").

How to add a setting: add a `Setting(...)` to SETTINGS with key, type, default and a label (the label is
translated where it is shown), read it with `get_setting(session, key)`, and show it on the Settings page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.services.audit import record_audit
from models import Group, SettingHistory, WorkspaceSetting, bulk, clock


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None
    rule: bool = True  # a threshold figures are counted by: its changes are kept (SettingHistory); not a preference


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
        Setting("backups_keep", int, 14, "保留自动备份份数 (automatic backups to keep)", 1, 365, rule=False),
        # the community's zone (models.clock): the day of every fact an import converts from a zone (chat epoch
        # stamps, 2026-12-03T23:30+08:00, a GMT+8 column) and of "today"; a new workspace takes this computer's
        # zone (open_workspace); "" is this computer's zone, whatever it is at the time. Not a rule with a history:
        # it says which day a fact is on when it is recorded, and the facts keep their days
        Setting("time_zone", str, "", "社群时区 (the community's time zone)", rule=False),
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


# the day "from the beginning": the value a rule had before its first recorded change (record_rule)
RULES_BEGINNING = date(1900, 1, 1)
STRUCTURE_TARGETS_RULE = "structure_targets"  # the tiers' targets by bucket (health.structure_targets), a rule too

_RULES_AT_SQL = (
    "SELECT key, value, NULL FROM workspace_setting WHERE key IN {keys}"
    " UNION ALL SELECT key, value, effective_from FROM setting_history WHERE key IN {keys} AND effective_from <= ?"
)
_HISTORY_AT_SQL = "SELECT key, value, effective_from FROM setting_history WHERE key IN {keys} AND effective_from <= ?"


def rules_at(session: Session, day: date | None, *keys: str) -> tuple[Any, ...]:
    """The values of the rules `keys` as they stood on `day` (its end): each the value of its last change made on
    or before that day (SettingHistory), the current value for a rule never changed since — so a past month's
    figures, read at its last day, are those it had when it was reported, whatever was changed since (dormant
    after 30 days made 14 in December: October's workbook exported again still counts 30). Today or later (None
    too): the current values (get_settings). One statement, whatever the keys: read once per group and call."""
    if day is None or day >= clock.today():
        return get_settings(session, *keys)
    specs = [SETTINGS[key] for key in keys]
    wanted = sorted(set(keys))
    session.flush()
    conn = session.connection()
    marks = bulk.in_list(len(wanted))
    rows = bulk.fetch(conn, _RULES_AT_SQL.format(keys=marks), [*wanted, *wanted, bulk.Values(conn).date(day)])
    return tuple(
        spec.type(json.loads(v)) if v is not None else spec.default
        for spec, v in zip(specs, _latest(rows, keys), strict=True)
    )


def history_at(session: Session | Connection, day: date, key: str) -> Any | None:
    """The value (JSON-decoded) of the rule `key` on `day` from its history alone, or None when it has none then
    (never changed: its current value stands) — for a rule kept outside the settings (the tiers' targets, a group's
    rules: group_rule_at). A session or its connection (the workbook reads on its connection)."""
    if isinstance(session, Session):
        session.flush()
        conn = session.connection()
    else:
        conn = session
    rows = bulk.fetch(conn, _HISTORY_AT_SQL.format(keys=bulk.in_list(1)), [key, bulk.Values(conn).date(day)])
    value = _latest(rows, (key,))[0]
    return None if value is None else json.loads(value)


# a group's own rules with a history (the group's row holds the current value; levels: points.set_levels)
GROUP_RULES = ("capacity", "late_checkins_count_for_streak", "levels")


def group_rule_key(group_id: int, name: str) -> str:
    """The history key of a group's rule `name` (GROUP_RULES)."""
    return f"group.{group_id}.{name}"


def group_rule_at(session: Session | Connection, group_id: int, day: date, name: str, current: Any) -> Any:
    """A group's rule as it stood on `day`: `current` (the value now) for today or later, or when it was never
    changed since; else the value of its last change on or before that day (rules_at's rule, for a group)."""
    if day >= clock.today():
        return current
    kept = history_at(session, day, group_rule_key(group_id, name))
    return current if kept is None else kept


def _latest(rows: list[tuple], keys: tuple[str, ...]) -> list[str | None]:
    """Per key, the stored value of its latest row (a dated history row over the current value, whose day is None)."""
    best: dict[str, tuple[date, str]] = {}
    for key, value, since in rows:
        day = date.min if since is None else bulk.stored_day(since)
        if key not in best or day >= best[key][0]:
            best[key] = (day, value)
    return [best[key][1] if key in best else None for key in keys]


def record_rule(session: Session, key: str, before: Any, after: Any, *, group_id: int | None = None) -> None:
    """Keep a rule's change in its history: `after` is in force from today. The first change of a rule records
    `before` too, as in force from the beginning (RULES_BEGINNING); a second change on one day replaces the first.

    A change on the day the workspace was set up (no group set up before today) — or, for a group's rule
    (`group_id`), on the day the group was — is its set-up, not a change: in force from the beginning. An organiser
    who sets up QunDesk this morning, imports the months before and sets "dormant after 14 days" means those months
    too; nothing of them was counted under another rule."""
    if before == after:
        return
    session.flush()
    today = clock.today()
    if _set_up_today(session, today, group_id):
        session.execute(delete(SettingHistory).where(SettingHistory.key == key))
        session.add(SettingHistory(key=key, effective_from=RULES_BEGINNING, value=json.dumps(after)))
        return
    if not session.scalar(select(func.count()).select_from(SettingHistory).where(SettingHistory.key == key)):
        session.add(SettingHistory(key=key, effective_from=RULES_BEGINNING, value=json.dumps(before)))
    row = session.get(SettingHistory, (key, today))
    if row is None:
        session.add(SettingHistory(key=key, effective_from=today, value=json.dumps(after)))
    else:
        row.value = json.dumps(after)


def _set_up_today(session: Session, today: date, group_id: int | None) -> bool:
    """The group (`group_id`), or the workspace (None: no group of it set up before today), was set up today."""
    since = datetime.combine(today, time.min)
    if group_id is not None:
        return bool(session.scalar(select(Group.id).where(Group.id == group_id, Group.created_at >= since)))
    return session.scalar(select(Group.id).where(Group.created_at < since).limit(1)) is None


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
    if spec.rule:  # in force from today; the days before keep the value they had (rules_at)
        record_rule(session, key, get_setting(session, key), value)
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
