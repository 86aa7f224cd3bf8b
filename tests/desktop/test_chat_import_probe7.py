"""Chat-history import, seventh probe: what organisers export in late 2026 — nicknames that change hands, notices
only, huge exports. Uses the roster and helpers of test_chat_import_rules (a real SQLite workspace, the exports'
real layouts; facts dated in November 2026, the roster's 'today' pinned by its fixture)."""

from __future__ import annotations

from desktop.cli import main
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _plan, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


def test_a_members_old_nickname_taken_by_someone_else_is_not_theirs(ws, tmp_path):
    """王芳 posted as 小芳 in November's export (by her WeChat ID: 小芳 is remembered as hers). By December she is
    芳芳 again and another person took 小芳; a WeFlow TXT (names only, each person under one name) shows both. 小芳's
    messages and check-in were counted for 王芳. Now a sender of an ID-less export known only by a member's old
    name, while the member speaks under a name of theirs in the same export, is an unknown sender that looks like
    them — counted for nobody until the user says; alone (王芳 silent), the old name still finds her."""
    november = _liuhen(tmp_path, [("2026-11-05 09:00:00", 1, "早", "小芳", "wxid_g7h8i9")], name="nov_utf8.csv")
    _import(ws, november)
    december = _write(
        tmp_path,
        "dec.txt",
        "2026-11-20 09:05:00 '小芳'\n打卡\n\n"
        "2026-11-20 09:06:00 '小芳'\n哈哈\n\n"
        "2026-11-20 09:10:00 '芳芳'\n早上好\n\n",
    )
    plan = _plan(ws, december)
    by_name = {s.shown: s for s in plan.senders}
    assert (by_name["小芳"].status, by_name["小芳"].messages, by_name["小芳"].membership_id) == ("unknown", 2, None)
    assert [name for _m, name in by_name["小芳"].looks_like] == ["王芳 (旧昵称 old name)"]
    assert (by_name["芳芳"].status, by_name["芳芳"].display_name, by_name["芳芳"].messages) == ("known", "王芳", 1)
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(december), "--group", rules.GROUP]) == 0
    assert _messages(ws) == {("王芳", "2026-11-05"): 1, ("王芳", "2026-11-20"): 1}
    assert _checkins(ws) == set()
    # the old name alone (she is 小芳 again, nobody else in the file): still hers
    alone = _write(tmp_path, "alone.txt", "2026-11-25 07:00:00 '小芳'\n打卡\n\n")
    _import(ws, alone)
    assert _messages(ws)[("王芳", "2026-11-25")] == 1
    assert _checkins(ws) == {("王芳", "2026-11-25", "07:00")}


def _people(ws) -> dict[str, tuple[str, str | None, str | None]]:
    """name -> (status, joined day, referrer's name) of every membership of the group."""
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from models import Group, Member, Membership

    referrer = aliased(Member)
    with ws.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.status, Membership.joined_at, referrer.display_name)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .outerjoin(referrer, referrer.id == Membership.referrer_id)
            .where(Group.name == rules.GROUP)
        ).all()
    return {n: (st, j.date().isoformat() if j else None, r) for n, st, j, r in rows}


def test_a_notice_an_earlier_import_left_undone_is_done_when_the_file_is_imported_again(ws, tmp_path, capsys):
    """The CLI said of a join notice naming people not on the roster "--add-unknown adds them"; doing so — the same
    file again with --add-unknown — found every notice "already imported": 大壮 was added without his join day's
    inviter (his first message made him a member, referrer none: no referral for 王芳) and 小杨, who joined but
    never spoke, was not added at all. An assistant's import leaves removals undone; the owner importing the
    file again removed nobody. Now a notice of a span imported before is planned again when the record does not
    show it yet; one it shows (a removal done, a join recorded) changes nothing, and a third import changes
    nothing."""
    from desktop.services.chat_import import run_chat_import
    from desktop.services.operators import add_operator
    from desktop.workspace import actor_for

    export = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"芳芳"邀请"大壮、小杨"加入了群聊', "", ""),
            ("2026-11-09 09:02:00", 1, "大家好", "大壮", "wxid_dazhuang"),
            ("2026-11-10 20:00:00", 10000, '"晨光"将"磊子"移出了群聊', "", ""),
        ],
    )
    with ws.session() as s:
        add_operator(s, actor_for(ws), "小助理", "assistant")
        s.commit()
    _plan0, summary, _ = run_chat_import(ws, actor_for(ws, "小助理"), export, rules.GROUP)
    assert (summary.joins, summary.removals, summary.removals_not_allowed) == (0, 0, 1)
    assert _people(ws)["陈磊"][0] == "active" and "大壮" not in _people(ws)
    db = str(ws.engine.url.database)
    capsys.readouterr()
    assert main(["--db", db, "import", "chat", str(export), "--group", rules.GROUP, "--add-unknown"]) == 0
    out = capsys.readouterr().out
    people = _people(ws)
    assert people["大壮"] == ("active", "2026-11-09", "王芳")
    assert people["小杨"] == ("active", "2026-11-09", "王芳")
    assert people["陈磊"][0] == "removed"
    assert out.split("移出 removals")[1].split()[0] == "1" and out.split("入群 joins")[1].split()[0] == "2"
    assert _messages(ws) == {("大壮", "2026-11-09"): 1}
    # once more: the record shows every notice — nothing changes, nothing is counted twice
    _plan2, again, _ = run_chat_import(ws, actor_for(ws), export, rules.GROUP, add_unknown=True)
    assert (again.joins, again.removals, again.messages, again.added_members) == (0, 0, 0, 0)
    assert _people(ws) == people and _messages(ws) == {("大壮", "2026-11-09"): 1}


def test_a_removal_imported_before_does_not_remove_a_member_who_came_back(ws, tmp_path):
    """A removal of an earlier import's span is not applied again to someone who has since rejoined (a later
    join day), nor is an old join notice: re-importing November's export leaves the returned member in."""
    export = _liuhen(
        tmp_path,
        [
            ("2026-11-03 09:00:00", 10000, '"晨光"邀请"小敏"加入了群聊', "", ""),
            ("2026-11-10 20:00:00", 10000, '"晨光"将"小敏"移出了群聊', "", ""),
        ],
    )
    _import(ws, export)
    assert _people(ws)["张敏"][:2] == ("removed", "2026-11-03")
    back = _liuhen(tmp_path, [("2026-11-20 08:00:00", 10000, '"晨光"邀请"小敏"加入了群聊', "", "")], name="b_utf8.csv")
    _import(ws, back)
    assert _people(ws)["张敏"] == ("active", "2026-11-20", "周晓晨")
    _import(ws, export)
    assert _people(ws)["张敏"] == ("active", "2026-11-20", "周晓晨")


def test_a_folder_given_for_the_export_names_the_files_in_it(ws, tmp_path, capsys):
    """留痕 writes one folder per chat (data/聊天记录/<remark>/…); given that folder, the import said "找不到文件 (no
    such file)" of a folder that is plainly there. It says it is a folder and names the exports in it; exit 1,
    nothing written."""
    folder = tmp_path / "聊天记录" / rules.GROUP
    folder.mkdir(parents=True)
    _liuhen(folder, [("2026-11-09 09:02:00", 1, "打卡", "芳芳", "wxid_g7h8i9")], name=f"{rules.GROUP}_utf8.csv")
    (folder / f"{rules.GROUP}.html").write_text("<html></html>", encoding="utf-8")
    db = str(ws.engine.url.database)
    capsys.readouterr()
    assert main(["--db", db, "import", "chat", str(folder), "--group", rules.GROUP]) == 1
    err = capsys.readouterr().err
    assert "文件夹" in err and "a folder" in err and f"{rules.GROUP}_utf8.csv" in err and ".html" not in err
    assert "no such file" not in err
    assert _messages(ws) == {} and _checkins(ws) == set()


def _pywxdump_own(tmp_path, rows, name: str) -> object:
    """A PyWxDump CSV: (time, is the exporter's own row (talker 我), talker wxid, text)."""
    from desktop.io import chat_exports

    lines = [",".join(chat_exports._PYWXDUMP_HEADER)]
    for i, (at, own, talker, text) in enumerate(rows, start=1):
        lines.append(f"{i},{100 + i},文本,{1 if own else 0},{'我' if own else talker},{rules.CHATROOM},{text},,{at}")
    return _write(tmp_path, name, "\r\n".join(lines) + "\r\n")


def test_the_exporters_own_rows_are_counted_once_across_formats(ws, tmp_path):
    """The organiser exports November with 留痕 (their own rows under their wxid), then a PyWxDump export overlapping
    it (their own rows under 我, no ID): 周晓晨's messages of the overlap were counted again (2 became 4), since
    "我" was no sender the earlier import had counted. And the other way round (PyWxDump first, then 留痕). Now the
    exporter's rows inside an earlier import's span are skipped when that import counted the exporter."""
    liuhen = _liuhen(
        tmp_path,
        [
            ("2026-11-06 07:00:00", 1, "今天打卡 10公里", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-06 07:01:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
            ("2026-11-06 21:00:00", 1, "晚安", "晨光", "wxid_a1b2c3", 1),
        ],
    )
    _import(ws, liuhen)
    assert _messages(ws) == {("周晓晨", "2026-11-06"): 2, ("王芳", "2026-11-06"): 1}
    pywxdump = _pywxdump_own(
        tmp_path,
        [
            ("2026-11-06 07:00:00", True, "", "今天打卡 10公里"),
            ("2026-11-06 07:01:00", False, "wxid_g7h8i9", "打卡"),
            ("2026-11-06 21:00:00", True, "", "晚安"),
            ("2026-11-07 06:00:00", True, "", "早"),
        ],
        f"{rules.CHATROOM}_0_3.csv",
    )
    plan = _plan(ws, pywxdump)
    assert plan.covered_rows == 3 and plan.messages_known == 1
    _import(ws, pywxdump)
    _import(ws, pywxdump)  # and once more: nothing twice
    assert _messages(ws) == {("周晓晨", "2026-11-06"): 2, ("王芳", "2026-11-06"): 1, ("周晓晨", "2026-11-07"): 1}
    assert _checkins(ws) == {("周晓晨", "2026-11-06", "07:00"), ("王芳", "2026-11-06", "07:01")}


def test_the_exporters_rows_under_their_id_after_a_pywxdump_import_are_counted_once(ws, tmp_path):
    """The other way round: PyWxDump first (the exporter's rows under 我, --me 周晓晨), then a 留痕 CSV of the same
    span with their rows under their wxid — counted again before; now skipped, and what is new counts."""
    pywxdump = _pywxdump_own(
        tmp_path,
        [("2026-11-08 07:00:00", True, "", "打卡"), ("2026-11-08 07:05:00", False, "wxid_g7h8i9", "早")],
        f"{rules.CHATROOM}_0_1.csv",
    )
    _import(ws, pywxdump, exporter="周晓晨")
    assert _messages(ws) == {("周晓晨", "2026-11-08"): 1, ("王芳", "2026-11-08"): 1}
    liuhen = _liuhen(
        tmp_path,
        [
            ("2026-11-08 07:00:00", 1, "打卡", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-08 07:05:00", 1, "早", "芳芳", "wxid_g7h8i9"),
            ("2026-11-09 07:00:00", 1, "打卡", "晨光", "wxid_a1b2c3", 1),
        ],
    )
    _import(ws, liuhen)
    assert _messages(ws) == {("周晓晨", "2026-11-08"): 1, ("王芳", "2026-11-08"): 1, ("周晓晨", "2026-11-09"): 1}


def test_a_member_shown_under_another_name_by_another_exporter_is_counted_once(ws, tmp_path):
    """留痕 writes a sender's contact names (芳芳), WeFlow their group nickname (芳芳🌸). A WeFlow TXT overlapping a 留痕
    import found 王芳 by the decorated name, which no earlier import had remembered: her messages of the overlap
    were added again (2 became 4). Now a member found by their roster ID or a name of theirs, inside an earlier
    import's span, on a day it counted their messages, is skipped; their new days count. The other way round
    too: a TXT first, then a CSV whose names differ."""
    liuhen = _liuhen(
        tmp_path,
        [
            ("2026-11-06 07:01:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
            ("2026-11-06 08:01:00", 1, "哈哈", "芳芳", "wxid_g7h8i9"),
        ],
    )
    _import(ws, liuhen)
    weflow = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 07:01:00 '芳芳🌸'\n打卡\n\n2026-11-06 08:01:00 '芳芳🌸'\n哈哈\n\n"
        "2026-11-07 09:10:00 '芳芳🌸'\n早上好\n\n",
    )
    plan = _plan(ws, weflow)
    assert (plan.covered_rows, plan.messages_known) == (2, 1)
    _import(ws, weflow)
    assert _messages(ws) == {("王芳", "2026-11-06"): 2, ("王芳", "2026-11-07"): 1}
    # a TXT first (陈磊 as 磊子🏃), then a 留痕 CSV of the same day under his remark 磊哥 and his WeChat ID
    txt = _write(tmp_path, "first.txt", "2026-11-10 07:00:00 '磊子🏃'\n打卡\n\n2026-11-10 07:30:00 '磊子🏃'\n早\n\n")
    _import(ws, txt)
    csv_after = _liuhen(
        tmp_path,
        [
            ("2026-11-10 07:00:00", 1, "打卡", "磊哥", "chenlei_run88"),
            ("2026-11-10 07:30:00", 1, "早", "磊哥", "chenlei_run88"),
            ("2026-11-11 07:00:00", 1, "打卡", "磊哥", "chenlei_run88"),
        ],
        name="b_utf8.csv",
    )
    _import(ws, csv_after)
    assert _messages(ws)[("陈磊", "2026-11-10")] == 2 and _messages(ws)[("陈磊", "2026-11-11")] == 1
    assert {c for c in _checkins(ws) if c[0] == "陈磊"} == {
        ("陈磊", "2026-11-10", "07:00"),
        ("陈磊", "2026-11-11", "07:00"),
    }


def test_a_removal_of_a_look_alike_never_removes_the_member_whose_name_it_copied(ws, tmp_path):
    """A spammer copies 王芳's nickname 芳芳 (another WeChat ID: listed "same name as 王芳, another ID"); the owner
    removes them — `你将"芳芳"移出了群聊`. The import removed 王芳, and then dropped her check-ins after that day
    ("removed earlier in the export"). A notice naming a name that another account of this export carries is
    now listed as not applied; the member stays, her check-in counts."""
    export = _liuhen(
        tmp_path,
        [
            ("2026-11-12 09:00:00", 1, "低价代购 加我", "芳芳", "wxid_spam01"),
            ("2026-11-12 09:01:00", 10000, '你将"芳芳"移出了群聊', "", ""),
            ("2026-11-12 09:02:00", 1, "群主辛苦", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-13 07:00:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
        ],
    )
    plan = _plan(ws, export)
    assert [r.display_name for r in plan.removals] == []
    assert any("芳芳" in t and "wxid_spam01" in t and "not applied" in t for t in plan.unresolved_events)
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(export), "--group", rules.GROUP]) == 0
    assert _people(ws)["王芳"][0] == "active"
    assert _checkins(ws) == {("王芳", "2026-11-13", "07:00")}
    assert _messages(ws) == {("周晓晨", "2026-11-12"): 1, ("王芳", "2026-11-13"): 1}
