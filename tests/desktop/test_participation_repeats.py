"""The same contribution or violation recorded twice — two assistants on a shared database, or the form sent again
— was written twice: the share paid +5 twice, the violation took −10 twice and counted twice towards the repeat
flag (3 within 90 days: "consider a removal"). Found by the activities probe. The repeat is refused, naming who
recorded the first; another share or another ad of the same day is recorded with its own title or note."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.participation import add_contribution, add_violation, remove_violation
from desktop.services.points import balance
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Contribution, Violation

TODAY = date(2026, 11, 20)
DAY = date(2026, 11, 12)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (their facts are dated November 2026)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def two(sqlite_workspace):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "徒步群")
        zs = add_member(s, owner, gid, MemberInput(display_name="张三"))[1]
        add_operator(s, owner, "小美", "assistant")
        add_operator(s, owner, "小林", "assistant")
        s.commit()
    return sqlite_workspace, gid, zs, actor_for(sqlite_workspace, "小美"), actor_for(sqlite_workspace, "小林")


def test_the_same_share_logged_by_two_assistants_pays_once(two):
    db, _gid, zs, mei, lin = two
    with db.session() as s:
        add_contribution(s, mei, zs, "share", DAY, "徒步路线攻略")
        s.commit()
    with db.session() as s:
        with pytest.raises(ValidationError, match="小美") as refused:
            add_contribution(s, lin, zs, "share", DAY, " 徒步路线攻略 ")
        assert refused.value.field == "title"
        s.rollback()
        # another share the same day, with its own title, and the same title on another day, are their own
        add_contribution(s, lin, zs, "share", DAY, "装备清单")
        add_contribution(s, lin, zs, "share", date(2026, 11, 13), "徒步路线攻略")
        s.commit()
        assert s.scalar(select(func.count()).select_from(Contribution)) == 3
        assert balance(s, zs) == 15


def test_an_untitled_contribution_twice_is_one(two):
    db, _gid, zs, mei, lin = two
    with db.session() as s:
        add_contribution(s, mei, zs, "answer", DAY)
        with pytest.raises(ValidationError):
            add_contribution(s, lin, zs, "answer", DAY, "  ")
        s.rollback()


def test_the_same_violation_recorded_by_two_assistants_counts_once(two):
    db, _gid, zs, mei, lin = two
    with db.session() as s:
        add_violation(s, mei, zs, "ad", DAY, "warning")
        s.commit()
    with db.session() as s:
        with pytest.raises(ValidationError, match="小美") as refused:
            add_violation(s, lin, zs, "ad", DAY, "warning")
        assert refused.value.field == "note"
        s.rollback()
        assert balance(s, zs) == -10
        # a second ad the same day, said in the note, is a second violation; so is the removal that followed
        _vid, flagged = add_violation(s, lin, zs, "ad", DAY, "warning", "下午又发了一次")
        assert not flagged
        add_violation(s, lin, zs, "ad", DAY, "removal")
        s.commit()
        assert s.scalar(select(func.count()).select_from(Violation)) == 3
        assert balance(s, zs) == -30


def test_a_violation_undone_can_be_recorded_again(two):
    """On the wrong person, then undone: the right record is not refused as a repeat of the removed one."""
    db, _gid, zs, mei, lin = two
    with db.session() as s:
        vid, _ = add_violation(s, mei, zs, "flood", DAY, "warning")
        remove_violation(s, mei, vid)
        add_violation(s, lin, zs, "flood", DAY, "warning")
        s.commit()
        assert s.scalar(select(func.count()).select_from(Violation)) == 1
        assert balance(s, zs) == -10
