"""A member's life in the group as the owner reads it (probe life2): leaving and coming back, steps never recorded,
the dormant reason, a 补卡 for a day they were away. Every day here is fixed (tests/fixed_day.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.health import stalled_alerts
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models.people import Membership

TODAY = date(2026, 11, 18)


@pytest.fixture
def owner(sqlite_workspace):
    return actor_for(sqlite_workspace)


def test_a_returner_whose_steps_were_never_recorded_comes_back_a_member_not_a_stalled_newcomer(sqlite_workspace, owner):
    """老会员 was added by hand a year ago (no entry step recorded), left on 20 October and came back on the 25th (a
    join notice). They were 入群中 again, and 预警 said "入群流程停滞 24 天" of someone in the group for a year. Now
    they come back 已入群. One with a step record whose process gained a step since goes on with it (入群中)."""
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, old = add_member(s, owner, gid, MemberInput(display_name="老会员", joined_at=datetime(2025, 11, 1, 9)))
        _, halfway = add_member(s, owner, gid, MemberInput(display_name="半程", joined_at=datetime(2025, 11, 1, 9)))
        purpose = next(st.id for st in list_steps(s, gid) if st.code == "purpose")
        record_step(s, owner, halfway, purpose, answer="读书", when=datetime(2025, 11, 1, 9))
        for ms in (old, halfway):
            leave_group(s, owner, ms, "出差", when=datetime(2026, 10, 20, 20))
        assert record_join(s, owner, old, datetime(2026, 10, 25, 9)) == "active"
        assert record_join(s, owner, halfway, datetime(2026, 10, 25, 9)) == "onboarding"
        s.commit()
        assert s.get(Membership, old).joined_at == datetime(2026, 10, 25, 9)
        named = {a.display_name for a in stalled_alerts(s, gid, TODAY)}
        assert "老会员" not in named
        assert "半程" in named  # their own process, since the return


def test_the_dormant_and_silent_reasons_name_every_kind_of_participation_speaking_too(sqlite_workspace, owner):
    """Participation is a check-in, an attended activity, a contribution or a chat message (docs/metrics.md): one who
    spoke is never dormant. The reason said "已 30 天没有任何打卡、活动或分享" — no word of speaking, and
    "活动" not "attended" — and the silent newcomer's "仍未参与任何活动" read as "attended no activity". Both now
    name the four facts, in both languages."""
    from desktop.phrases import Phrase

    dormant = Phrase("alert.dormant", days=30)
    assert dormant.render("zh_CN") == "已 30 天没有打卡、参加活动、贡献或发言"
    assert dormant.render("en") == "No check-in, activity attended, contribution or chat message for 30 days"
    silent = Phrase("alert.silent_newcomer", days=7)
    assert silent.render("zh_CN") == "入群超过 7 天仍没有打卡、参加活动、贡献或发言"
    assert silent.render("en") == "Joined over 7 days ago: no check-in, activity attended, contribution or chat message"
