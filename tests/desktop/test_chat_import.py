"""Chat-history import against the corpus in tests/data/chat/ (one scenario rendered by every exporter, see
docs/chat_formats.md and the corpus's expected.json): messages per member and day, check-ins (text and 接龙),
joins with their inviter, removals, unknown and unattributable senders, overlapping exports, unrecognised
files, --dry-run, and that no message text ever reaches the database."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop.cli import main
from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, ChatAlias, ChatImport, CheckIn, EntryStep, Group, Member, Membership

CHAT = Path(__file__).resolve().parents[1] / "data" / "chat"
EXPECTED = json.loads((CHAT / "expected.json").read_text(encoding="utf-8"))
SCENARIO = json.loads((CHAT / "scenario.json").read_text(encoding="utf-8"))
GROUP = SCENARIO["group"]["name"]
FORMAT_FILES = [name for name, spec in EXPECTED["files"].items() if spec["format"] != "unknown"]
FORMAT_FILES = [n for n in FORMAT_FILES if not n.startswith("overlap_")]
# 留痕 TXT never says who exported it (its 你 in notices); the organiser says so (`--me`)
EXPORTER = {"晨跑俱乐部.txt": "周晓晨"}


@pytest.fixture(autouse=True)
def after_the_scenario(monkeypatch):
    """The scenario is November 2026: the import runs on a day after it (check-ins are never in the future)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")


@pytest.fixture(autouse=True)
def exported_in_china(monkeypatch):
    """The corpus was exported on a PC in China: epoch times (ChatLab) are shown in this machine's zone, like the
    wall-clock times of the other formats — here the corpus PC's zone, whatever the test machine's."""
    from desktop.io import chat_exports

    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The scenario's roster before the import: 'pending' people are applicants (申请中); the group's entry
    steps are optional, so a join makes them members (已入群) as the scenario's check-ins need."""
    path = tmp_path_factory.mktemp("chat") / "template.sqlite"
    with pytest.MonkeyPatch.context() as mp:  # the roster exists before the scenario's month, whatever today is
        mp.setenv("QUNDESK_TODAY", "2026-10-31")
        return _build_template(path)


def _build_template(path):
    database = open_workspace(path)
    owner = actor_for(database)
    keys: dict[int, str] = {}
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        for m in SCENARIO["roster"]:
            data = MemberInput(
                display_name=m["name"],
                nickname=m["nickname"] or None,
                group_nickname=m["group_nickname"] or None,
                wechat_id=m["wechat_id"],
                qq=m["qq"],
                status="applicant" if m["status"] == "pending" else "active",
            )
            keys[add_member(s, owner, gid, data)[0]] = m["key"]
        s.commit()
    database.dispose()
    return path, keys


@pytest.fixture
def ws(template, tmp_path):
    src, keys = template
    path = tmp_path / "ws.sqlite"
    shutil.copyfile(src, path)
    database = open_workspace(path)
    yield database, keys, path
    database.dispose()


def _facts(database, keys):
    """What the database says after an import, in the corpus's terms (member keys, ISO days)."""
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        ms_member = dict(s.execute(select(Membership.id, Membership.member_id).where(Membership.group_id == gid)).all())
        messages: dict[str, dict[str, int]] = {}
        for ms, day, n in s.execute(select(ChatActivity.membership_id, ChatActivity.day, ChatActivity.messages)):
            messages.setdefault(keys.get(ms_member[ms], f"?{ms}"), {})[day.isoformat()] = n
        checkins = {
            (keys.get(ms_member[ms]), day.isoformat(), at.strftime("%H:%M") if at else None)
            for ms, day, at, source in s.execute(
                select(CheckIn.membership_id, CheckIn.day, CheckIn.checked_at, CheckIn.source)
            )
            if source == "chat"
        }
        memberships = {
            keys.get(member): (status, joined, left, referrer)
            for member, status, joined, left, referrer in s.execute(
                select(
                    Membership.member_id,
                    Membership.status,
                    Membership.joined_at,
                    Membership.left_at,
                    Membership.referrer_id,
                ).where(Membership.group_id == gid)
            )
        }
    return messages, checkins, memberships


def _import(database, path: Path, **kwargs):
    owner = actor_for(database)
    return run_chat_import(database, owner, path, GROUP, exporter=EXPORTER.get(path.name), **kwargs)


@pytest.mark.parametrize("name", FORMAT_FILES)
def test_every_format_gives_the_scenarios_facts(ws, name):
    database, keys, db_path = ws
    spec = EXPECTED["files"][name]
    plan, summary, created = _import(database, CHAT / name)
    assert not created and summary is not None
    assert plan.format == spec["format"]
    messages, checkins, memberships = _facts(database, keys)
    assert messages == spec["messages"]
    want = {(c["member"], c["day"], c["time"]) for c in spec["checkins"]}
    assert checkins == want, (sorted(checkins - want), sorted(want - checkins))
    for join in spec["joins"]:
        status, joined, _left, referrer = memberships[join["member"]]
        assert status == "active" and joined.date().isoformat() == join["day"], join
        assert keys.get(referrer) == join["referrer"], join
    for removal in spec["removals"]:
        status, _joined, left, _ref = memberships[removal["member"]]
        assert status == "removed" and left.date().isoformat() == removal["day"]
    if not spec["removals"]:
        assert all(m[0] != "removed" for m in memberships.values())
    unknown = {s.sender_id or s.shown: s.messages for s in plan.unknown}
    assert unknown == {u["sender"]: u["messages"] for u in spec["unknown_senders"]}
    unattributable = {
        s.shown: (s.messages, sorted(keys[m] for m in _members(database, s.candidates))) for s in plan.unattributable
    }
    assert unattributable == {u["name"]: (u["messages"], sorted(u["candidates"])) for u in spec["unattributable"]}
    # no message text anywhere in the database file
    database.dispose()
    raw = db_path.read_bytes() + (
        db_path.with_name(db_path.name + "-wal").read_bytes()
        if db_path.with_name(db_path.name + "-wal").exists()
        else b""
    )
    for sentence in EXPECTED["never_store_texts"]:
        assert sentence.encode("utf-8") not in raw, sentence


def _members(database, candidates):
    with database.session() as s:
        return [s.get(Membership, ms).member_id for ms, _name in candidates]


def test_importing_the_same_file_twice_counts_nothing_twice(ws):
    database, keys, _ = ws
    _import(database, CHAT / "晨跑俱乐部_utf8.csv")
    first = _facts(database, keys)
    plan, summary, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv")
    assert summary.messages == 0 and summary.checkins == 0
    # every row was imported before — but those of senders the first import left undecided, which it never
    # counted: they are listed (still undecided) instead, to be counted once the user decides
    uncounted = sum(s.messages for s in plan.senders if s.status != "known")
    assert uncounted and plan.covered_rows + uncounted == plan.rows
    assert _facts(database, keys) == first


def _import_span(database, name: str) -> date:
    with database.session() as s:
        return s.scalar(select(ChatImport.last_at).where(ChatImport.file_name == name)).date()


def test_two_overlapping_exports_count_each_message_once(ws):
    database, keys, _ = ws
    _import(database, CHAT / "overlap_part1_晨跑俱乐部_utf8.csv")
    plan, _summary, _ = _import(database, CHAT / "overlap_part2_晨跑俱乐部_utf8.csv")
    # the duplicates are skipped, but for those of a sender part 1 left undecided (never counted: listed again)
    first = _import_span(database, "overlap_part1_晨跑俱乐部_utf8.csv")
    uncounted = sum(n for s in plan.senders if s.status != "known" for d, n in s.by_day.items() if d <= first)
    assert plan.covered_rows + uncounted == EXPECTED["overlap_combined"]["duplicate_rows"]
    messages, _checkins, _ms = _facts(database, keys)
    assert messages == EXPECTED["overlap_combined"]["messages"]


@pytest.mark.parametrize("name", ["unrecognised.csv", "unrecognised.txt"])
def test_an_unrecognised_file_is_refused_and_nothing_written(tmp_path, name, capsys):
    db = tmp_path / "w.sqlite"
    code = main(["--db", str(db), "import", "chat", str(CHAT / name), "--group", "新群"])
    out, err = capsys.readouterr()
    assert code == 1 and name in err and "WeChatMsg" in err and "QQ" in err
    database = open_workspace(db)
    try:
        with database.session() as s:
            assert s.scalar(select(Group.id).where(Group.name == "新群")) is None
    finally:
        database.dispose()


def test_dry_run_writes_nothing(ws):
    database, keys, _ = ws
    before = _facts(database, keys)
    plan, dry, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv", dry_run=True)
    assert plan.messages_known == 107 and len(plan.checkins) > 0
    assert _facts(database, keys) == before
    _plan, real, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv")
    # the dry run's figures are the import's, to the unit
    assert (dry.messages, dry.checkins, dry.joins, dry.removals) == (
        real.messages,
        real.checkins,
        real.joins,
        real.removals,
    )
    assert real.checkins == len(_facts(database, keys)[1])


def test_add_unknown_into_a_new_group_builds_the_roster_from_the_chat(tmp_path):
    """No roster at all: every sender and every joiner is added; the joiners come in on their join day with
    their inviter (李跃 and 陈磊 added from their own messages, 你 = the exporter, whose messages carry their
    wxid) and follow the entry steps; the speakers' check-ins count; the removed member is removed."""
    database = open_workspace(tmp_path / "empty.sqlite")
    try:
        owner = actor_for(database)
        file = CHAT / "晨跑俱乐部_utf8.csv"
        _p, dry, _ = run_chat_import(database, owner, file, GROUP, add_unknown=True, dry_run=True)
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == 0
            assert s.scalar(select(Group.id).where(Group.name == GROUP)) is None
        plan, summary, created = run_chat_import(database, owner, file, GROUP, add_unknown=True)
        assert created and summary.added_members == dry.added_members == 13
        assert (summary.checkins, summary.joins, summary.removals) == (dry.checkins, dry.joins, dry.removals)
        assert summary.joins == 4 and summary.removals == 1 and summary.messages == 111
        with database.session() as s:
            gid = s.scalar(select(Group.id).where(Group.name == GROUP))
            from desktop.services.chat_queries import list_members, listing_json

            rows = {r["wechat_id"]: r for r in map(listing_json, list_members(s, gid, date(2026, 12, 1)))}
            checkins = s.scalar(select(func.count()).select_from(CheckIn))
            # the four joiners have done no entry step since they joined in early November: stalled by the 30th
            from desktop.metrics import month_stats

            assert month_stats(s, gid, 2026, 11, today=date(2026, 12, 1)).stalled_onboarding == 4
        assert (rows["wxid_v4w5x6"]["joined_at"], rows["wxid_v4w5x6"]["referrer"]) == ("2026-11-03", "李跃")
        assert (rows["wxid_b1c2d3"]["joined_at"], rows["wxid_b1c2d3"]["referrer"]) == ("2026-11-12", "陈磊")
        assert rows["wxid_m4n5o6"]["referrer"] == "晨光"  # 你邀请"小敏": the exporter, added from their messages
        assert rows["wxid_v4w5x6"]["status"] == "onboarding"  # the new group's required entry steps are ahead
        assert rows["wxid_e4f5g6"]["status"] == "removed" and rows["wxid_e4f5g6"]["left_at"] == "2026-11-18"
        assert checkins == summary.checkins > 0
    finally:
        database.dispose()


def test_add_unknown_adds_the_stranger_and_remembers_ids(ws):
    database, keys, _ = ws
    plan, summary, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv", add_unknown=True)
    assert summary.added_members == 1
    with database.session() as s:
        member = s.scalar(select(Member).where(Member.wechat_id == "wxid_k1l2m3"))
        assert member is not None and member.display_name == "跑步的老刘"
        aliases = {(a.kind, a.shown) for a in s.scalars(select(ChatAlias))}
    assert ("id", "wxid_k1l2m3") in aliases and ("id", "wxid_g7h8i9") in aliases


def test_qq_ids_learned_by_name_follow_a_nickname_change(ws):
    """m03 is 王芳 before 11-14 and 王芳-半马备赛 after, with one QQ number: one person, every message counted."""
    database, keys, _ = ws
    _import(database, CHAT / "qq_晨跑俱乐部.txt")
    messages, _c, _m = _facts(database, keys)
    assert sum(messages["m03"].values()) == EXPECTED["files"]["qq_晨跑俱乐部.txt"]["message_totals"]["m03"]


def test_an_assistant_imports_messages_but_not_removals(ws):
    database, keys, _ = ws
    from desktop.services.operators import add_operator

    with database.session() as s:
        add_operator(s, actor_for(database), "小助理", "assistant")
        s.commit()
    assistant = actor_for(database, "小助理")
    _plan, summary, _ = run_chat_import(database, assistant, CHAT / "晨跑俱乐部_utf8.csv", GROUP)
    assert summary.removals == 0 and summary.removals_not_allowed == 1 and summary.messages == 107
    _msgs, _checkins, memberships = _facts(database, keys)
    assert memberships["m11"][0] == "active"


def test_the_group_check_in_keywords_are_a_setting(ws):
    database, keys, _ = ws
    with database.session() as s:
        s.execute(update(Group).values(checkin_keywords="签到, 晨跑"))
        s.commit()
    plan, _s, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv", dry_run=True)
    assert not any(c.source == "chat" for c in plan.checkins)  # no message says 签到 or 晨跑…
    assert any(c.source == "chain" for c in plan.checkins)  # …but the chains' titles say 晨跑打卡


def test_the_cli_contract(ws, capsys):
    database, keys, path = ws
    database.dispose()
    code = main(["--db", str(path), "import", "chat", str(CHAT / "晨跑俱乐部_utf8.csv"), "--group", GROUP])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "wxid_k1l2m3" in err and "4" in err  # the unknown sender and its message count
    code = main(["--db", str(path), "members", "--group", GROUP, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = {r["name"]: r for r in json.loads(out)}
    assert set(rows["王芳"]) >= {
        "name",
        "wechat_id",
        "status",
        "joined_at",
        "left_at",
        "referrer",
        "last_active",
        "messages_30d",
    }
    assert rows["赵婷"]["status"] == "active" and rows["赵婷"]["referrer"] == "李跃"
    assert rows["赵婷"]["joined_at"] == "2026-11-03"
    assert rows["郑凯"]["status"] == "removed" and rows["郑凯"]["left_at"] == "2026-11-18"
    assert rows["王芳"]["last_active"] == "2026-11-30"
    code = main(["--db", str(path), "stats", "--group", GROUP, "--month", "2026-11", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["messages"] == 107


def test_a_member_who_only_speaks_is_active_not_dormant(ws):
    """A message is participation (docs/metrics.md): 凯凯 (m11) never checks in, but speaks."""
    from desktop.metrics import dormant_query, month_stats
    from desktop.settings import set_setting

    database, keys, _ = ws
    _import(database, CHAT / "晨跑俱乐部_utf8.csv")
    with database.session() as s:
        set_setting(s, "dormant_days", 30)
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        m11 = next(ms for ms, m in s.execute(select(Membership.id, Membership.member_id)).all() if keys[m] == "m11")
        assert s.scalar(select(ChatActivity.messages).where(ChatActivity.membership_id == m11)) is not None
        dormant = {row[0] for row in s.execute(dormant_query(s, gid, date(2026, 11, 17)))}
        assert m11 not in dormant
        stats = month_stats(s, gid, 2026, 11, today=date(2026, 12, 2))
        assert stats.messages == 107 and stats.members_active >= 10


def test_timeline_shows_messages_and_a_merge_keeps_them(ws):
    """The member timeline lists messages per day; merging a duplicate person adds up their messages."""
    from desktop.services.members import member_timeline, merge_members

    database, keys, _ = ws
    owner = actor_for(database)
    _import(database, CHAT / "晨跑俱乐部_utf8.csv", add_unknown=True)
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        by_key = {keys.get(m): (ms, m) for ms, m in s.execute(select(Membership.id, Membership.member_id))}
        wangfang_ms, wangfang = by_key["m03"]
        events = [e for e in member_timeline(s, wangfang_ms) if e.kind == "messages"]
        assert sum(int(e.text.split()[1]) for e in events) == 19
        stranger = s.scalar(select(Member.id).where(Member.wechat_id == "wxid_k1l2m3"))
        merge_members(s, owner, wangfang, stranger)  # pretend the stranger was 王芳's second account
        s.commit()
        total = s.scalar(select(func.sum(ChatActivity.messages)).where(ChatActivity.membership_id == wangfang_ms))
        assert total == 19 + 4
        assert s.scalar(select(ChatAlias.member_id).where(ChatAlias.value == "wxid_k1l2m3")) == wangfang
        assert s.scalar(select(func.count()).select_from(ChatActivity).where(ChatActivity.group_id == gid)) > 0


def test_the_monthly_workbook_lists_messages_per_member(ws, tmp_path):
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report

    database, keys, _ = ws
    _import(database, CHAT / "晨跑俱乐部_utf8.csv")
    out = tmp_path / "report.xlsx"
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
    export_monthly_report(
        database, actor_for(database), year=2026, month=11, group_ids=[gid], path=out, today=date(2026, 12, 2)
    )
    sheet = load_workbook(out)["成员名册"]
    rows = list(sheet.iter_rows(values_only=True))
    header_index = next(i for i, r in enumerate(rows) if r and "本月发言" in r)
    col = rows[header_index].index("本月发言")
    name_col = rows[header_index].index("姓名")
    by_name = {r[name_col]: r[col] for r in rows[header_index + 1 :] if r and r[name_col]}
    assert by_name["王芳"] == 19 and by_name["周晓晨"] == 17
    kpis = [r for r in load_workbook(out)["概览"].iter_rows(values_only=True) if r and "群聊发言" in r]
    assert kpis and 107 in kpis[0]


def test_on_postgresql_an_export_and_two_overlapping_ones_give_the_same_facts(pg_url, monkeypatch):
    """Team mode: the driver-level bulk writes, the upsert of overlapping days and the check-ins on a real
    PostgreSQL server give exactly the facts they give on SQLite."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")
    _url, keys = _build_template(pg_url)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    database = open_workspace(pg_url)
    try:
        spec = EXPECTED["files"]["晨跑俱乐部_utf8.csv"]
        _import(database, CHAT / "晨跑俱乐部_utf8.csv")
        messages, checkins, memberships = _facts(database, keys)
        assert messages == spec["messages"]
        assert checkins == {(c["member"], c["day"], c["time"]) for c in spec["checkins"]}
        assert memberships["m11"][0] == "removed"
        _plan, again, _ = _import(database, CHAT / "晨跑俱乐部_utf8.csv")
        assert again.messages == 0 and again.checkins == 0
        assert _facts(database, keys)[0] == spec["messages"]
    finally:
        database.dispose()
    # a fresh group for the two overlapping halves: days both cover are added up (ON CONFLICT … DO UPDATE)
    database = open_workspace(pg_url)
    try:
        with database.session() as s:
            s.execute(ChatActivity.__table__.delete())
            s.execute(ChatImport.__table__.delete())
            s.commit()
        for name in EXPECTED["overlap_combined"]["files"]:
            _import(database, CHAT / name)
        assert _facts(database, keys)[0] == EXPECTED["overlap_combined"]["messages"]
    finally:
        database.dispose()
