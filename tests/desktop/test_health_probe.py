"""Health probe: the dashboard's figures beyond the headline ones — referral trees, the zombie-group alert,
repeat violators — on small workspaces built through the services, every figure known by hand, read back from
desktop.health (which the Dashboard page, `stats` and the workbook's 预警 sheet all read)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop import health
from desktop.services.groups import create_group
from desktop.services.members import referral_tree
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member
from desktop.workspace import actor_for

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in October and November
    2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _tree(roots) -> list[tuple]:
    def shape(node):
        return (node.display_name, node.total, [shape(c) for c in node.children])

    return [shape(r) for r in roots]


def test_a_deleted_referrer_is_in_no_referral_tree(sqlite_workspace):
    """阿叉 brought 阿叶, who brought 阿丁; then 阿叉 was deleted (删除, restorable). The tree still showed 阿叉 at the
    top with two brought in — a deleted person is in no figure (the dashboard's top referrers left them out).
    Now 阿叶 heads the tree; restored, 阿叉 is back above them."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "推荐群")

        def add(name, referrer=None):
            member_id, _ms = add_member(
                s, owner, gid, MemberInput(display_name=name, referrer_id=referrer, joined_at=datetime(2026, 10, 1))
            )
            return member_id

        x = add("阿叉")
        y = add("阿叶", x)
        add("阿丁", y)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叉", 2, [("阿叶", 1, [("阿丁", 0, [])])])]
        soft_delete_member(s, owner, x)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叶", 1, [("阿丁", 0, [])])]
        assert health.top_referrers(s, gid) == [("阿叶", 1)]
        restore_member(s, owner, x)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叉", 2, [("阿叶", 1, [("阿丁", 0, [])])])]
