"""A chain signed with a person's two names glued together (真名+英文名: `宋璐霞Cathy`, `Cathy宋璐霞`): seen in the
window on a writing camp's chain, where the line waited for a choice ("模糊 90") though both pieces name one member."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, preview_paste
from desktop.services.roster import MemberInput, add_member

DAY = date(2026, 12, 4)  # these tests' own day, whatever day the suite runs on
JOINED = datetime(2026, 3, 10, 9, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())


@pytest.fixture
def grp(workspace, owner):
    people = {
        "宋璐霞": "Cathy",  # the member who signs 宋璐霞Cathy
        "Cathy🌈": None,  # another Cathy, who left the group
        "张艳": None,
        "Amy": "王芳",  # Amy is 王芳's English name
        "何哲": None,
        "Allen": None,
    }
    with workspace.session() as s:
        gid = create_group(s, owner, "21天写作训练营")
        left = {"Cathy🌈": {"status": "left", "left_at": datetime(2026, 10, 1, 20, 0)}}
        ids = {
            n: add_member(
                s, owner, gid, MemberInput(display_name=n, nickname=nick, joined_at=JOINED, **left.get(n, {}))
            )[1]
            for n, nick in people.items()
        }
        s.commit()
    return gid, ids


def statuses(workspace, gid, text):
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, text)
    by_line = {m.line.line_no: (m.status, m.membership_id) for m in preview.matches}
    return by_line, {p.membership_id for p in certain_plan(preview.matches)}


def test_a_name_glued_to_the_same_persons_other_name_is_that_person(workspace, grp):
    gid, ids = grp
    text = "#接龙 12月4日\n1. 宋璐霞Cathy 1500\n2. 王芳Amy 800字\n3. Amy王芳\n"
    by_line, plan = statuses(workspace, gid, text)
    assert by_line[2] == ("matched", ids["宋璐霞"])  # though another Cathy (who left) carries one piece
    assert by_line[3] == ("matched", ids["Amy"]) and by_line[4] == ("duplicate", None)  # Amy again, the other way
    assert plan == {ids["宋璐霞"], ids["Amy"]}


def test_two_peoples_names_glued_together_are_never_one_of_them(workspace, grp):
    """`张艳Amy`, `何哲Allen`: two members' names — nobody is logged without a person deciding; `Cathy张艳`, one piece
    the name of someone who left, is not 张艳 for certain either."""
    gid, ids = grp
    text = "#接龙 12月4日\n1. 张艳Amy\n2. 何哲Allen 2000字\n3. Cathy张艳\n"
    by_line, plan = statuses(workspace, gid, text)
    assert plan == set()
    assert all(status != "matched" for status, _m in by_line.values())
