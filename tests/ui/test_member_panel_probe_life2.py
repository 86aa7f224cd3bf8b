"""The member panel's entry steps of a member let in without them (probe life2): 张三, added by hand, is 已入群 with
every step unticked — the list read as a newcomer who had not finished. The panel now says they are a member
already, let in without these steps recorded; a newcomer on the way in is told nothing of the kind."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace

from desktop.services.onboarding import list_steps, record_step
from models import Membership
from ui.widgets.member_panel import MemberPanel


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    yield workspace
    close_workspace(workspace)


def test_a_member_added_directly_reads_as_a_member_on_the_steps_tab(qtbot, ws):
    with ws.database.session() as s:
        assert s.get(Membership, ws.memberships["张三"]).status == "active"
        step = list_steps(s, ws.group_id)[0]
        newcomer = ws.memberships["王小明🌟"]
        assert s.get(Membership, newcomer).status in ("applicant", "onboarding")
        record_step(s, ws.owner, newcomer, step.id, answer="想早起")
        s.commit()
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.set_membership(ws.memberships["张三"])
    assert panel.steps_label.text().startswith("Already a member: let in without these steps recorded.")
    panel.set_membership(newcomer)
    assert "Already a member" not in panel.steps_label.text()
