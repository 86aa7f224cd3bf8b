"""What earlier probes left about memberships, referrers, the blacklist and attendance (probe members9): a renewer
copied or moved into the next cohort paid their referrer again; each test pins its own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services.groups import create_group
from desktop.services.members import copy_to_group, undo_copy
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member
from models import Membership

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (their facts are dated October–November 2026)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _there(s, member_id, gid) -> int:
    return s.scalar(select(Membership.id).where(Membership.member_id == member_id, Membership.group_id == gid))


# ---- 1. a person referred once pays their referrer once ----------------------------------------------------------


@pytest.mark.parametrize("move", [False, True])
def test_a_renewer_copied_or_moved_into_the_next_cohort_pays_their_referrer_once(workspace, owner, move):
    """老王 brought 小李 into 一期 (+20). 小李 renews: copied (or moved) into 二期, where 老王 is too. 老王 got +20
    again in 二期 for the same person; now 二期's copy keeps 老王 as referrer and pays nothing, 一期's +20 stays, and
    recompute agrees in both cohorts."""
    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        _, li_one = add_member(
            s, owner, one, MemberInput(display_name="小李", joined_at=datetime(2026, 10, 2), referrer_id=wang)
        )
        copy_to_group(s, owner, [wang_one], two)
        s.commit()
        assert balance(s, wang_one) == 20
        done = copy_to_group(s, owner, [li_one], two, move=move)
        s.commit()
        assert done.added == 1
        li_two = s.get(Membership, done.undo.created[0])
        assert li_two.status == "active" and li_two.referrer_id == wang  # the tree keeps who brought them
        assert balance(s, wang_one) == 20
        assert balance(s, _there(s, wang, two)) == 0
        assert recompute_preview(s, one) == [] and recompute_preview(s, two) == []


def test_a_person_whose_referral_was_never_paid_pays_it_once_in_the_group_they_join(workspace, owner):
    """小李 applied to 一期 naming 老王 and never joined it (no referral earned); copied into 二期 as a member, 老王
    (a member of 二期) earns the referral there — once — and an undo of the copy takes it back."""
    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        _, li_one = add_member(s, owner, one, MemberInput(display_name="小李", status="applicant", referrer_id=wang))
        copy_to_group(s, owner, [wang_one], two)
        s.commit()
        done = copy_to_group(s, owner, [li_one], two)
        s.commit()
        wang_two = _there(s, wang, two)
        assert balance(s, wang_one) == 0 and balance(s, wang_two) == 20
        assert recompute_preview(s, two) == []
        undo_copy(s, owner, done.undo)
        s.commit()
        assert balance(s, wang_two) == 0 and recompute_preview(s, two) == []
