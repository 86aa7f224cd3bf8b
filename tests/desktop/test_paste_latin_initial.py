"""A Latin name cut short in a chain — `Tony H`, `Ryan C.` — where the group has both Tony and Tony Huang: the
longest run of Latin words naming someone was `Tony`, so Tony was logged for Tony Huang's line without a word. It
is asked now, naming both. So is a full name that goes on past a member's (`Tony Huang` of another group, `Tony
Smith`, where the group has only Tony); a remark word (`Lily done`) or a bare initial (`Amy W`) leaves the match."""

from __future__ import annotations

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import match_paste
from desktop.services.roster import MemberInput, add_member

PASTE = """#接龙 早起打卡
1. Tony H
2. Tony Hu.
3. Tony
4. Ryan C 6:01
5. Lily Finished chapter 3
6. Amy W
"""


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = {
            key: add_member(s, owner, gid, MemberInput(display_name=name))[1]
            for key, name in {
                "tony": "Tony",
                "tonyh": "Tony Huang",
                "ryan": "Ryan",
                "ryanc": "Ryan Chen",
                "lily": "Lily",
                "amy": "Amy",
            }.items()
        }
        s.commit()
    return gid, ids


def test_a_latin_name_cut_short_is_asked_not_given_to_the_shorter_name(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        got = {
            m.line.line_no: (m.status, [c.membership_id for c in m.candidates])
            for m in match_paste(s, gid, PASTE)
            if m.line.kind == "entry"
        }
    assert got[2] == ("ambiguous", [ids["tony"], ids["tonyh"]])  # Tony H
    assert got[3] == ("ambiguous", [ids["tony"], ids["tonyh"]])  # Tony Hu.
    assert got[4] == ("matched", [ids["tony"]])  # Tony as written: Tony
    assert got[5] == ("ambiguous", [ids["ryan"], ids["ryanc"]])  # Ryan C 6:01
    assert got[6] == ("matched", [ids["lily"]])  # nobody's name goes on with "Finished": Lily, her remark
    assert got[7] == ("matched", [ids["amy"]])  # Amy W: no Amy W… in the group, Amy


def test_a_full_name_going_on_past_a_members_is_asked(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "夜跑团")
        tony = add_member(s, owner, gid, MemberInput(display_name="Tony"))[1]
        amy = add_member(s, owner, gid, MemberInput(display_name="Amy"))[1]
        kevin = add_member(s, owner, gid, MemberInput(display_name="张凯文", nickname="Kevin"))[1]
        other = create_group(s, owner, "读书会")
        add_member(s, owner, other, MemberInput(display_name="Tony Huang"))
        s.commit()
    paste = (
        "#接龙 夜跑\n1. Tony Huang 6:01\n2. Tony Smith 打卡\n3. Amy done\n4. Tony Finished 5km\n5. Kevin Zhang 6:04\n"
    )
    with workspace.session() as s:
        got = {
            m.line.line_no: (m.status, [(c.membership_id, c.how) for c in m.candidates])
            for m in match_paste(s, gid, paste)
            if m.line.kind == "entry"
        }
    assert got[2] == ("ambiguous", [(tony, "fuzzy")])  # the reading group's Tony Huang: not Tony for certain
    assert got[3] == ("ambiguous", [(tony, "fuzzy")])  # Tony Smith: like Tony, for a person to decide
    assert got[4] == ("matched", [(amy, "name")])  # Amy done: a remark
    assert got[5] == ("matched", [(tony, "name")])  # Tony Finished 5km: Tony, a remark
    assert got[6] == ("matched", [(kevin, "nickname")])  # Kevin Zhang: 张凯文's nickname and his surname
