"""Chat-history import, eighth probe: notices from a WeChat or QQ set to English and their Chinese twins (PRODUCT
§3.8, docs/chat_formats.md §8, §8a). Every notice ends as the right join (with its inviter), removal or leaving —
or is ignored on purpose — and is never a message of anyone nor a join of the wrong person. Uses the roster and
helpers of test_chat_import_rules (a real SQLite workspace; the roster's 'today' pinned by its fixture)."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.io.chat_exports import SELF, SystemEvent, is_system_text, system_events
from desktop.services.chat_import import plan_chat_import
from desktop.services.groups import create_group, group_id_by_name
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import GROUP, _import, _liuhen, _membership, _plan, _qq, _write

in_china = rules.in_china


ws_roster = rules.ws


@pytest.fixture
def ws(ws_roster, monkeypatch):
    """The rules' roster, plus an English-named member and six applicants the notices name (on the roster's day)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")
    owner = actor_for(ws_roster)
    with ws_roster.session() as s:
        gid = group_id_by_name(s, GROUP)
        add_member(s, owner, gid, MemberInput(display_name="Alice Wong", nickname="Alice", status="active"))
        for name in ("Bob", "Carol", "Dave", "李四", "王五", "赵六"):
            add_member(s, owner, gid, MemberInput(display_name=name, status="applicant"))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    return ws_roster


# ---------------------------------------------------------------- the texts


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # names quoted one by one, joined by 、 和 , and: every one of them, never "王五和赵六" or none at all
        (
            '"张三"邀请"李四"、"王五"和"赵六"加入了群聊',
            [SystemEvent("join", ("李四", "王五", "赵六"), "张三", "invite")],
        ),
        (
            '"Alice" invited "Bob", "Carol" and "Dave" to the group chat',
            [SystemEvent("join", ("Bob", "Carol", "Dave"), "Alice", "invite")],
        ),
        (
            '"Alice" invited "Bob" and "Carol" to the group chat',
            [SystemEvent("join", ("Bob", "Carol"), "Alice", "invite")],
        ),
        ('你邀请"李四"、"王五"加入了群聊', [SystemEvent("join", ("李四", "王五"), SELF, "invite")]),
        # the exporting user joining is nobody's join (it was a join of a member called "You")
        ('You joined the group chat via the QR code shared by "Alice"', []),
        ("You joined the group chat", []),
        # a QR code whose sharer is not named, a bare join: joins with the referrer unknown
        ('"Bob" joined the group chat via QR code', [SystemEvent("join", ("Bob",), None, "qr")]),
        ('"Bob" joined the group chat', [SystemEvent("join", ("Bob",), None, "join")]),
        # leaving on one's own: a departure, by nobody
        ('"Bob" left the group chat', [SystemEvent("remove", ("Bob",), None, "leave")]),
        ('"李四"退出了群聊', [SystemEvent("remove", ("李四",), None, "leave")]),
        ("李四退出了本群。", [SystemEvent("remove", ("李四",), None, "leave")]),
        ("李四被管理员移出了本群。", [SystemEvent("remove", ("李四",), None, "remove")]),
        ("王五被张三移出了群聊", [SystemEvent("remove", ("王五",), "张三", "remove")]),
        ("你退出了群聊", []),
        ("You left the group chat", []),
    ],
)
def test_notice_texts(text, events):
    assert system_events(text) == events


@pytest.mark.parametrize(
    "text",
    [
        '"张三"邀请"李四"、"王五"和"赵六"加入了群聊',
        '"Alice" invited "Bob", "Carol" and "Dave" to the group chat',
        '"Alice" invited "Bob" to the group chat. Revoke',
        'You joined the group chat via the QR code shared by "Alice"',
        '"Bob" joined the group chat via QR code',
        '"Bob" left the group chat',
        '"李四"退出了群聊',
        "Alice opened your Red Packet",
        "You received Alice's Red Packet",
        "Your Red Packet has been fully claimed",
        '"Alice" is now the group owner',
    ],
)
def test_notices_told_by_their_text_alone(text):
    """WeFlow TXT has no type column: these are notices, not the exporting user's messages."""
    assert is_system_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "I patted the dog",
        "Bob left the group chat early, see you tomorrow",
        "I opened your red packet, thanks!",
        "I received your Red Packet",
    ],
)
def test_a_members_sentence_stays_a_message(text):
    assert not is_system_text(text)


# ---------------------------------------------------------------- through the import


def _status(ws, name: str) -> str:
    return _membership(ws, name).status


def test_an_english_weflow_txt_export(ws, tmp_path):
    """An owner's WeChat set to English, exported by WeFlow TXT: the notices under the owner's name are no
    messages of theirs; the three invitees join with the owner as referrer; Dave leaves on his own."""
    path = _write(
        tmp_path,
        "weflow_en.txt",
        "2026-11-06 06:10:00 '芳芳'\n打卡 5km\n\n"
        '2026-11-06 10:00:00 \'晨光\'\nYou invited "Bob", "Carol" and "Dave" to the group chat\n\n'
        "2026-11-06 10:05:00 '晨光'\nAlice opened your Red Packet\n\n"
        "2026-11-06 10:06:00 '晨光'\nYou joined the group chat via the QR code shared by \"Alice\"\n\n"
        "2026-11-07 09:00:00 '晨光'\n\"Dave\" left the group chat\n\n"
        "2026-11-07 09:30:00 '晨光'\nmorning all\n\n",
    )
    plan = _plan(ws, path)
    assert plan.system_rows == 4 and plan.messages_known == 2
    assert sorted((j.display_name, j.referrer_name, j.how) for j in plan.joins) == [
        ("Bob", "周晓晨", "invite"),
        ("Carol", "周晓晨", "invite"),
        ("Dave", "周晓晨", "invite"),
    ]
    assert [(r.display_name, r.how, r.by_name) for r in plan.removals] == [("Dave", "leave", None)]
    _, summary, _ = _import(ws, path)
    assert summary.joins == 3 and summary.removals == 1 and summary.leavings == 1
    assert (_status(ws, "Bob"), _status(ws, "Carol"), _status(ws, "Dave")) == ("active", "active", "left")
    assert rules._messages(ws) == {("王芳", "2026-11-06"): 1, ("周晓晨", "2026-11-07"): 1}


def test_chinese_notices_with_names_quoted_one_by_one_and_a_leaving(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"跃跃"邀请"李四"、"王五"和"赵六"加入了群聊', "", ""),
            ("2026-11-10 20:00:00", 10000, '"王五"退出了群聊', "", ""),
        ],
    )
    plan = _plan(ws, path)
    assert sorted((j.display_name, j.referrer_name) for j in plan.joins) == [
        ("李四", "李跃"),
        ("王五", "李跃"),
        ("赵六", "李跃"),
    ]
    _import(ws, path)
    assert (_status(ws, "李四"), _status(ws, "王五"), _status(ws, "赵六")) == ("active", "left", "active")
    assert _membership(ws, "李四").referrer_id is not None


def test_a_qq_leaving_is_not_a_removal(ws, tmp_path):
    path = _qq(
        tmp_path,
        GROUP,
        "2026-11-03 9:00:00 系统消息(1000000)\n李跃-5公里邀请李四加入了本群。\n\n"
        "2026-11-05 21:00:00 系统消息(1000000)\n李四退出了本群。\n\n",
    )
    plan = _plan(ws, path)
    assert [(r.display_name, r.how) for r in plan.removals] == [("李四", "leave")]
    _import(ws, path)
    ms = _membership(ws, "李四")
    assert ms.status == "left" and ms.left_at is not None


@pytest.mark.parametrize(
    "notice",
    ["Alice invited Bob and Carol to the group chat", '"跃跃"邀请"李四、王五和赵六"加入了群聊'],
)
def test_two_names_joined_by_and_are_each_when_each_is_a_member(ws, tmp_path, notice):
    """WeChat joins invitees with 、 (Chinese) and ", " (English); a list ending "B and C" / "王五和赵六" inside one
    name is split only when each part is one member — never a join of someone called "Bob and Carol"."""
    path = _liuhen(tmp_path, [("2026-11-09 09:00:00", 10000, notice, "", "")])
    joined = sorted(j.display_name for j in _plan(ws, path).joins)
    assert joined in (["Bob", "Carol"], ["李四", "王五", "赵六"])


def test_a_name_holding_and_stays_whole_when_its_parts_are_not_members(ws, tmp_path):
    path = _liuhen(tmp_path, [("2026-11-09 09:00:00", 10000, "Alice invited Tom and Jerry to the group chat", "", "")])
    plan = _plan(ws, path)
    assert [(j.name, j.membership_id) for j in plan.joins] == [("Tom and Jerry", None)]
    assert any("Tom and Jerry" in t and "not on the roster" in t for t in plan.unresolved_events)


# ---------------------------------------------------------------- an export of the wrong group


def _night_run_chat(tmp_path):
    """Another group's WeFlow TXT (which names no group): seven strangers, and one 芳芳 — a common nickname."""
    blocks = [f"2026-11-05 21:0{i}:00 '夜跑{i}号'\n夜跑打卡 5公里\n\n" for i in range(7)]
    blocks.append("2026-11-05 21:09:00 '芳芳'\n夜跑打卡 3公里\n\n")
    return _write(tmp_path, "night.txt", "".join(blocks))


def test_an_export_naming_no_group_whose_senders_are_strangers_is_asked_about(ws, tmp_path, capsys):
    path = _night_run_chat(tmp_path)
    plan = _plan(ws, path)
    assert plan.mostly_strangers == (1, 7) and plan.group_mismatch
    with pytest.raises(ValidationError, match="7 of its 8 senders"):
        _import(ws, path)
    assert rules._messages(ws) == {} and rules._checkins(ws) == set()  # 王芳 was not checked in by another 芳芳
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP, "--dry-run"]) == 0
    assert "7 of its 8 senders are not on the roster" in capsys.readouterr().err
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP]) == 1
    assert "--other-group" in capsys.readouterr().err and rules._messages(ws) == {}
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP, "--other-group"]) == 0
    assert rules._messages(ws) == {("王芳", "2026-11-05"): 1}


def test_the_groups_own_chat_and_a_group_being_set_up_are_not_asked_about(ws, tmp_path):
    own = _write(
        tmp_path,
        "own.txt",
        "".join(f"2026-11-05 06:0{i}:00 '{n}'\n打卡\n\n" for i, n in enumerate(["芳芳", "跃跃", "磊子", "晨光"]))
        + "".join(f"2026-11-05 07:0{i}:00 '新人{i}'\n大家好\n\n" for i in range(6)),
    )
    assert _plan(ws, own).mostly_strangers is None  # four members speak: an incomplete roster, not another group
    with ws.session() as s:  # a group with two members (being set up): its first export is all strangers
        gid = create_group(s, actor_for(ws), "新群")
        add_member(s, actor_for(ws), gid, MemberInput(display_name="群主", status="active"))
        s.commit()
        plan = plan_chat_import(s, gid, _night_run_chat(tmp_path))
    assert plan.mostly_strangers is None and not plan.group_mismatch


def test_the_same_english_export_twice_changes_nothing_more(ws, tmp_path):
    """Overlapping exports: the second import of the notices joins, removes and counts nothing again."""
    text = (
        "2026-11-06 23:59:50 '芳芳'\n打卡\n\n"
        "2026-11-07 00:00:05 '芳芳'\n打卡\n\n"
        '2026-11-07 10:00:00 \'晨光\'\nYou invited "Bob" and "Carol" to the group chat\n\n'
        "2026-11-08 09:00:00 '晨光'\n\"Carol\" left the group chat\n\n"
    )
    path = _write(tmp_path, "en.txt", text)
    _, first, _ = _import(ws, path)
    assert (first.joins, first.removals, first.leavings, first.checkins) == (2, 1, 1, 2)
    assert rules._messages(ws) == {("王芳", "2026-11-06"): 1, ("王芳", "2026-11-07"): 1}  # either side of midnight
    _, again, _ = _import(ws, _write(tmp_path, "en_again.txt", text))
    assert (again.messages, again.joins, again.removals, again.checkins) == (0, 0, 0, 0)
    assert (_status(ws, "Bob"), _status(ws, "Carol")) == ("active", "left")


@pytest.mark.parametrize(("gone", "status"), [('你将"新人甲"移出了群聊', "removed"), ('"新人甲"退出了群聊', "left")])
def test_someone_a_join_notice_adds_then_removed_or_leaving_is_so(ws, tmp_path, gone, status):
    """--add-unknown adds the stranger a join notice names; their removal or leaving later in the export was
    listed as "not on the roster" (twice) and never applied: they stayed in."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 08:00:00", 1, "早", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-09 09:00:00", 10000, '"跃跃"邀请"新人甲"加入了群聊', "", ""),
            ("2026-11-12 21:00:00", 10000, gone, "", ""),
        ],
    )
    plan, summary, _ = _import(ws, path, add_unknown=True)
    assert (summary.joins, summary.removals) == (1, 1)
    assert _status(ws, "新人甲") == status
    assert not any("新人甲" in t for t in plan.unresolved_events)
