"""Rules changed mid-month (PRODUCT §2, §3; docs/metrics.md): the workspace thresholds, tiers and roles changed by
an owner while people hold them. Every change is in the audit log — who, when, old → new — and a tier or role taken
off the list names the memberships that lost it, so nothing is lost without a trace."""

from __future__ import annotations

import json

import pytest

from desktop.services.audit import list_audit
from desktop.services.audit_export import summary_text
from desktop.services.operators import add_operator
from desktop.settings import get_setting, update_settings
from desktop.workspace import actor_for
from tests.fixed_day import TEST_TODAY


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The suite's day, pinned for the app as well (these tests date nothing but the audit rows' own clock)."""
    monkeypatch.setenv("QUNDESK_TODAY", TEST_TODAY.isoformat())


def _summary(row) -> dict:
    return json.loads(row.summary)


def test_a_change_of_the_workspace_rules_is_in_the_audit_log_old_to_new(sqlite_workspace):
    """沉默天数 30 → 14 on the Settings page: the dashboard's dormant count changed overnight, and the audit log had
    no row of it — not who changed it, nor when, nor from what. Now one row per save that changed something, with
    the old and new value of each rule changed (and none when the save changed nothing)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        admin = add_operator(s, owner, "小王", "admin")
        s.commit()
        update_settings(s, admin, {"dormant_days": 14, "stalled_days": 7, "zombie_active_share": 0.05})
        s.commit()
        update_settings(s, admin, {"dormant_days": 14, "stalled_days": 7})  # saved again, nothing changed
        s.commit()
        assert get_setting(s, "dormant_days") == 14
        rows = list_audit(s, action_prefix="settings.")
        assert len(rows) == 1
        row = rows[0]
        assert (row.operator, row.action, row.entity) == ("小王", "settings.update", "workspace")
        assert _summary(row) == {
            "before": {"dormant_days": 30, "zombie_active_share": 0.1},
            "after": {"dormant_days": 14, "zombie_active_share": 0.05},
        }
        text = summary_text(row.summary)
        assert "沉默天数: 30 → 14" in text
        assert "stalled" not in text and "停滞" not in text
