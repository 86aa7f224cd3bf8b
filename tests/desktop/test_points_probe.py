"""Points probe: balances, ranks and levels computed by hand for small groups built through the services, read
back from the services, the leaderboard text and the monthly workbook (openpyxl)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.groups import create_group
from desktop.services.participation import add_violation
from desktop.services.points import balance, list_rules, set_rule
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for

TODAY = date(2026, 11, 20)


def _rule(s, gid, code):
    return next(r for r in list_rules(s, gid) if r.code == code)


def test_a_violation_rule_typed_as_a_positive_number_is_refused(sqlite_workspace):
    """ "扣 10 分" typed as 10 into the violation rule: every violation then paid the violator +10 (a violator
    above the members who kept the rules, nothing on screen saying so). A penalty is 0 or less, a reward 0 or
    more; what is refused is left as it was, and 0 or the right sign is taken."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        with pytest.raises(ValidationError) as err:
            set_rule(s, owner, gid, "violation", points=10)
        assert "-10" in str(err.value)
        with pytest.raises(ValidationError):
            set_rule(s, owner, gid, "checkin", points=-1)
        assert (_rule(s, gid, "violation").points, _rule(s, gid, "checkin").points) == (-10, 1)
        set_rule(s, owner, gid, "violation", points=-20)
        set_rule(s, owner, gid, "share", points=0)
        add_violation(s, owner, ms, "flood", date(2026, 11, 7))
        s.commit()
        assert balance(s, ms) == -20
        assert (_rule(s, gid, "violation").points, _rule(s, gid, "share").points) == (-20, 0)
