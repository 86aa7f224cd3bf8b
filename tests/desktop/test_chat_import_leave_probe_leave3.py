"""Chat-history import, leave third probe: the export's 请假 messages (`明天请假`, `12.5-12.8请假`, `请假3天`, `取消请假`)
were dropped without a word — nobody on leave, the members @-named as missing on those days and their streaks
broken, while the organiser believed the import had read the chat. Now each is reported per member with the days it
says, dated from the MESSAGE's local day (`明天请假` sent at 23:50 on the 4th is the 5th), and `--record-leave` records
the certain ones in the import's transaction (desktop/services/chat_leave.py says which, and why the others not)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.cli import main
from desktop.io import chat_exports
from desktop.services.chat_import import plan_chat_import, run_chat_import
from desktop.services.checkins import record_leave
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry, Group, Leave, Member, Membership

GROUP = "晨读群"
ROWS = [
    ("2026-12-04 23:50:00", "明天请假", "张三", "wx_zs"),
    ("2026-12-04 08:00:00", "12.5-12.8请假", "李四", "wx_ls"),
    ("2026-12-04 09:00:00", "请假3天", "王五", "wx_ww"),
    ("2026-12-05 09:00:00", "取消请假", "王五", "wx_ww"),
    ("2026-12-04 10:00:00", "帮张三请个假", "赵六", "wx_zl"),
    ("2026-12-04 10:05:00", "@张三 你明天请假吗？", "赵六", "wx_zl"),
    ("2026-12-04 10:06:00", "如需请假请提前在群里说", "赵六", "wx_zl"),
    ("2026-12-04 10:07:00", "早上好", "张三", "wx_zs"),
]


@pytest.fixture(autouse=True)
def in_china(monkeypatch):
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-10")


@pytest.fixture
def ws(tmp_path):
    path = tmp_path / "w.sqlite"
    db = open_workspace(path)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, GROUP)
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        for name, wx in (("张三", "wx_zs"), ("李四", "wx_ls"), ("王五", "wx_ww"), ("赵六", "wx_zl")):
            add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=datetime(2026, 10, 1, 9)))
        s.commit()
    db.dispose()
    return path


def _liuhen(tmp_path, rows):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, content, nick, sender) in enumerate(rows):
        stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp())
        writer.writerow([5000 + i, 27, 1, 0, 0, stamp, 3, content, at, nick, nick, sender])
    path = tmp_path / "chat_utf8.csv"
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def _leaves(path):
    db = open_workspace(path)
    try:
        with db.session() as s:
            rows = s.query(Leave, Member.display_name).join(Membership, Membership.id == Leave.membership_id)
            rows = rows.join(Member, Member.id == Membership.member_id)
            return sorted((name, lv.start_day, lv.end_day, lv.reason) for lv, name in rows)
    finally:
        db.dispose()


def test_the_plan_reports_each_leave_message_per_member_with_its_days(ws, tmp_path):
    export = _liuhen(tmp_path, ROWS)
    db = open_workspace(ws)
    try:
        with db.session() as s:
            plan = plan_chat_import(s, s.query(Group.id).scalar(), export)
    finally:
        db.dispose()
    got = {(r.who, r.text): (r.kind, r.first, r.last, r.not_certain, r.named) for r in plan.leave_requests}
    d = date
    assert got == {
        ("张三", "明天请假"): ("leave", d(2026, 12, 5), d(2026, 12, 5), "", ()),  # 23:50 on the 4th: the 5th
        ("李四", "12.5-12.8请假"): ("leave", d(2026, 12, 5), d(2026, 12, 8), "", ()),
        ("王五", "请假3天"): ("leave", d(2026, 12, 4), d(2026, 12, 6), "taken_back_later", ()),
        ("王五", "取消请假"): ("taken_back", d(2026, 12, 5), d(2026, 12, 5), "", ()),
        ("赵六", "帮张三请个假"): ("leave", d(2026, 12, 4), d(2026, 12, 4), "named", ("张三",)),
        ("赵六", "@张三 你明天请假吗？"): ("leave", d(2026, 12, 5), d(2026, 12, 5), "question", ()),
        ("赵六", "如需请假请提前在群里说"): ("leave", d(2026, 12, 4), d(2026, 12, 4), "about", ()),
    }


def test_the_cli_reports_them_and_records_none_without_record_leave(ws, tmp_path, capsys):
    export = _liuhen(tmp_path, ROWS)
    assert main(["--db", str(ws), "import", "chat", str(export), "--group", GROUP]) == 0
    out, err = capsys.readouterr()
    assert "张三「明天请假」: 请假 2026-12-05, 未记录; 加 --record-leave 记录" in err
    assert "→ qundesk leave add --group 晨读群 --member 李四 --from 2026-12-05 --to 2026-12-08" in err
    assert "赵六「帮张三请个假」: 请假 2026-12-04, 说的是 张三 的请假" in err
    assert "是问句" in err and "是关于请假的通知" in err
    assert "请假消息 leave messages" in out
    assert _leaves(ws) == []


def test_record_leave_records_the_certain_ones_once(ws, tmp_path, capsys):
    export = _liuhen(tmp_path, ROWS)
    assert main(["--db", str(ws), "import", "chat", str(export), "--group", GROUP, "--record-leave"]) == 0
    err = capsys.readouterr().err
    assert "张三「明天请假」: 已记为请假 2026-12-05" in err
    want = [
        ("张三", date(2026, 12, 5), date(2026, 12, 5), "群聊请假 chat 2026-12-04 23:50"),
        ("李四", date(2026, 12, 5), date(2026, 12, 8), "群聊请假 chat 2026-12-04 08:00"),
    ]
    assert _leaves(ws) == want  # no message text stored: the reason is the message's day and time
    # the same export again: its messages were read, nothing new
    assert main(["--db", str(ws), "import", "chat", str(export), "--group", GROUP, "--record-leave"]) == 0
    assert _leaves(ws) == want
    db = open_workspace(ws)
    try:
        with db.session() as s:
            assert s.query(AuditEntry).filter(AuditEntry.action == "leave.record").count() == 2
    finally:
        db.dispose()


def test_a_leave_the_service_refuses_is_said_and_the_import_goes_on(ws, tmp_path, capsys):
    db = open_workspace(ws)
    try:
        with db.session() as s:
            li = (
                s.query(Membership.id)
                .join(Member, Member.id == Membership.member_id)
                .filter(Member.display_name == "李四")
                .scalar()
            )
            record_leave(s, actor_for(db), li, date(2026, 12, 7), date(2026, 12, 9))
            s.commit()
        plan, summary, _ = run_chat_import(db, actor_for(db), _liuhen(tmp_path, ROWS), GROUP, record_leave=True)
    finally:
        db.dispose()
    refused = next(r for r in plan.leave_requests if r.who == "李四")
    assert refused.not_certain == "refused" and "2026-12-07 至 2026-12-09" in refused.refusal
    assert summary.leaves_recorded == 1 and summary.messages == 8
    assert [x[:3] for x in _leaves(ws)] == [
        ("张三", date(2026, 12, 5), date(2026, 12, 5)),
        ("李四", date(2026, 12, 7), date(2026, 12, 9)),
    ]


def test_a_dry_run_with_record_leave_writes_nothing(ws, tmp_path, capsys):
    export = _liuhen(tmp_path, ROWS)
    assert main(["--db", str(ws), "import", "chat", str(export), "--group", GROUP, "--record-leave", "--dry-run"]) == 0
    assert _leaves(ws) == []


CHAIN = "#接龙\n12月4日 早起打卡\n1. 张三 6:01\n2. 王五 请假3天\n3. 李四 帮赵六请个假"


def test_the_leave_lines_of_a_chain_in_the_export_are_reported_too(ws, tmp_path, capsys):
    """A 接龙 in the export (`2. 王五 请假3天`) gave 张三's check-in and dropped 王五's leave: its 请假 lines are listed
    with the messages' — 王五's own line is certain, 李四's line for 赵六 is 赵六's, for a person to confirm — and a
    message saying the same leave again is one leave, not a second refused as overlapping."""
    rows = [
        ("2026-12-04 07:00:00", CHAIN, "张三", "wx_zs"),
        ("2026-12-04 07:30:00", "今天起请假3天", "王五", "wx_ww"),
    ]
    export = _liuhen(tmp_path, rows)
    assert main(["--db", str(ws), "import", "chat", str(export), "--group", GROUP, "--record-leave"]) == 0
    err = capsys.readouterr().err
    assert "王五「2. 王五 请假3天」: 已记为请假 2026-12-04 至 2026-12-06" in err
    assert "「3. 李四 帮赵六请个假」: 请假 2026-12-04, 说的是 赵六 的请假" in err
    assert "王五「今天起请假3天」: 请假 2026-12-04 至 2026-12-06, 这次请假已记录" in err
    assert [x[:3] for x in _leaves(ws)] == [("王五", date(2026, 12, 4), date(2026, 12, 6))]
