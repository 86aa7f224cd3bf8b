"""Team mode: the refusal of an activity moved past a leaving (participation._refuse_places_after_leaving, third
activities probe) reads the list's people as the assistant's own login may — through the masking views — and a move
that passes nobody's leaving is made as before."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.onboarding import leave_group
from desktop.services.participation import ActivityInput, create_activity, set_attendance, update_activity
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from tests.desktop.test_team_free_text_probe import _url, own_today, team  # noqa: F401  (fixtures)


def test_an_assistant_moving_an_activity_past_a_leaving_is_refused_by_name(team):  # noqa: F811
    url, gid, ms = team
    database = open_workspace(url)
    try:
        owner = actor_for(database)
        with database.session() as s:
            _m, zhao = add_member(s, owner, gid, MemberInput(display_name="赵六", joined_at=datetime(2026, 11, 1)))
            act = create_activity(s, owner, gid, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 10, 20)))
            set_attendance(s, owner, act, zhao, "attended")
            set_attendance(s, owner, act, ms, "attended")
            leave_group(s, owner, zhao, "搬走了", when=datetime(2026, 11, 12, 10))
            s.commit()
    finally:
        database.dispose()
    database = open_workspace(_url(url))
    try:
        assistant = actor_for(database)
        with database.session() as s:
            with pytest.raises(ValidationError) as refused:
                update_activity(
                    s, assistant, act, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 14, 20))
                )
            assert "赵六" in refused.value.message and "2026-11-12" in refused.value.message
            s.rollback()
            update_activity(s, assistant, act, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 11, 20)))
            s.commit()
    finally:
        database.dispose()
