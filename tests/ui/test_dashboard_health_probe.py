"""Health probe on the Dashboard page: a group on a break (everyone on leave) is no zombie group — no banner,
no red 7-day card, not counted among the overview's zombie groups."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, make_workspace

from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in October and November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def test_a_group_on_a_break_shows_no_zombie_banner_and_no_red_card(qtbot, tmp_path):
    """读书会's 4 members checked in on 5 November and are all on leave from the 6th to the 25th: on the 20th the
    7-day card (0 of 4) was red under the zombie threshold while the banner beside it said nothing — or both
    called a group on its winter break dead."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "寒假读书会")
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 10, 1)))[1]
            for i in range(4)
        ]
        record_checkins(s, ws.owner, gid, date(2026, 11, 5), ids, today=TODAY)
        for ms in ids:
            record_leave(s, ws.owner, ms, date(2026, 11, 6), date(2026, 11, 25), "寒假")
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert p.zombie_banner.isHidden()
    card = p.cards["active_7"]
    assert card.value_label.text() == "0"
    assert card.value_label.property("tone") == ""
    assert "zombie_group" not in p.alert_kinds_listed()
    ws.database.dispose()


def test_the_capacity_card_reads_no_more_than_is_used(qtbot, tmp_path):
    """60 members of 67 places is 89.6%: the card read "90% used" with no warning colour, the warning being at
    90% (capacity_warn_share) — an organiser saw 90% and no warning. It reads 89% now; 61 of 67 (91%) warns."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "快满的群", capacity=67)
        for i in range(60):
            add_member(s, ws.owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 10, 1)))
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    card = p.cards["capacity"]
    assert (card.value_label.text(), card.sub_label.text()) == ("60/67", "89% used")
    assert card.value_label.property("tone") == ""
    assert "capacity" not in p.alert_kinds_listed()
    with ws.database.session() as s:
        add_member(s, ws.owner, gid, MemberInput(display_name="成员60", joined_at=datetime(2026, 10, 1)))
        s.commit()
    p.set_group(ws.other_group_id)
    p.set_group(gid)
    assert (card.value_label.text(), card.sub_label.text()) == ("61/67", "91% used")
    assert card.value_label.property("tone") == "warn"
    assert "capacity" in p.alert_kinds_listed()
    ws.database.dispose()


def test_two_referrers_of_one_name_are_told_apart_in_the_referral_tree(qtbot, tmp_path):
    """Two people called 张三 brought people into 早起营: one of its members (WeChat zs1) brought 2, one who is only in
    another group (zs2) brought 3. The tree showed two roots both reading "张三" — which one brought whom? Each
    reads with their WeChat ID, and the one outside the group says so; a name of its own is shown as it is."""
    from ui.dialogs.referral_tree_dialog import ReferralTreeDialog

    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "早起营")
        other = create_group(s, ws.owner, "别的群")
        joined = datetime(2026, 10, 1)
        z1, _ = add_member(s, ws.owner, gid, MemberInput(display_name="张三", wechat_id="zs1", joined_at=joined))
        z2, _ = add_member(s, ws.owner, other, MemberInput(display_name="张三", wechat_id="zs2", joined_at=joined))
        for i, ref in enumerate([z1, z1, z2, z2, z2]):
            add_member(s, ws.owner, gid, MemberInput(display_name=f"新人{i}", referrer_id=ref, joined_at=joined))
        s.commit()
    dialog = ReferralTreeDialog(ws.database, gid, "早起营")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.top_rows() == [("张三 · zs2 (not in this group)", 3, 3), ("张三 · zs1", 2, 2)]
    assert dialog.children_of("张三 · zs1") == ["新人0", "新人1"]
    ws.database.dispose()
