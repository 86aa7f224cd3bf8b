"""Chat-history import, probe chat9: the formats users actually open (docs/chat_formats.md §2a, §12, §13). 留痕's
HTML export is read (its messages are a JavaScript array with epoch times and is_send); its Word export, a WhatsApp
zip and any other web page are refused naming what they are; WhatsApp on the iPhone (`[05/12/2026, 06:01:33] Name:
text`, U+200E marks, notices under the group's name) is read like Android's, in English and in Chinese (上午/下午,
year first). Through the real import path (plan, import, per-member counts read back from a real SQLite workspace);
uses the roster and helpers of test_chat_import_rules and test_chat_import_probe8."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from desktop.errors import ValidationError
from desktop.io import chat_exports
from desktop.io.chat_exports import ImportProblem, open_chat_export
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Group
from tests.desktop import test_chat_import_probe8 as probe8
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import GROUP, _checkins, _import, _membership, _messages, _plan, _write

CHAT = Path(__file__).resolve().parents[1] / "data" / "chat"
IOS = CHAT / "whatsapp_ios_Morning Runners.txt"
IOS_ZH = CHAT / "whatsapp_ios_zh_晨跑俱乐部.txt"
HTML = CHAT / "晨跑俱乐部.html"
L = "\u200e"

in_china = rules.in_china
ws_roster = rules.ws
ws8 = probe8.ws


@pytest.fixture
def ws(ws8, monkeypatch):
    """probe8's roster (the rules' plus Alice Wong and the applicants Bob, Carol, Dave …), a member whose name holds
    an emoji and spaces, an applicant likewise; English and Chinese check-in words; the import runs in January 2027
    (the corpus crosses the year)."""
    database = ws8
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")
    owner = actor_for(database)
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        add_member(s, owner, gid, MemberInput(display_name="Tom Lee 🏃", status="active"))
        add_member(s, owner, gid, MemberInput(display_name="Mia 🌸 Chen", status="applicant"))
        s.execute(update(Group).where(Group.id == gid).values(checkin_keywords="打卡 checked"))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-05")
    return database


# ---------------------------------------------------------------- WhatsApp on the iPhone


def test_an_iphone_export_is_read_through_the_import(ws):
    source = open_chat_export(IOS)
    assert (source.format, source.group_name) == ("whatsapp_ios_txt", "Morning Runners")
    plan = _plan(ws, IOS)
    assert plan.group_mismatch  # "Morning Runners" is not 晨跑俱乐部: asked once (the wrong-group question)
    with pytest.raises(ValidationError, match="Morning Runners"):
        _import(ws, IOS, exporter="周晓晨")
    _import(ws, IOS, exporter="周晓晨", other_group=True)
    assert _messages(ws) == {
        ("Alice Wong", "2026-12-31"): 2,  # a text and a poll (the iPhone's own text: a message, never typed)
        ("Alice Wong", "2027-01-01"): 1,  # a sticker
        ("Tom Lee 🏃", "2026-12-31"): 2,  # a four-line message and a photo
        ("王芳", "2026-12-31"): 1,  # an attachment line (U+200E before the bracket)
        ("王芳", "2027-01-01"): 1,
        ("Carol", "2026-12-31"): 1,
        ("周晓晨", "2026-12-31"): 1,  # an edited message
        ("Mia 🌸 Chen", "2026-12-31"): 1,  # 23:59:59: the old year
        ("Bob", "2027-01-01"): 1,
    }  # 钱坤's deleted message is no one's; the group's notices are no one's message
    assert _checkins(ws) == {
        ("Alice Wong", "2026-12-31", "06:02"),
        ("Tom Lee 🏃", "2026-12-31", "06:05"),
        ("周晓晨", "2026-12-31", "07:16"),  # "checked in ‎<This message was edited>"
        ("Bob", "2027-01-01", "06:30"),
        ("王芳", "2027-01-01", "06:35"),
    }  # never the poll's "OPTION: checked in", nor a photo
    mia, carol, bob = (_membership(ws, n) for n in ("Mia 🌸 Chen", "Carol", "Bob"))
    exporter = _membership(ws, "周晓晨")
    assert (mia.status, mia.joined_at.date().isoformat(), mia.referrer_id) == ("active", "2026-12-30", exporter.id)
    assert carol.referrer_id == exporter.id
    assert bob.joined_at.date().isoformat() == "2027-01-01" and bob.referrer_id is None
    assert _membership(ws, "陈磊").status == "left"
    assert _membership(ws, "刘洋").status == "removed"
    assert not _plan(ws, IOS).group_mismatch  # remembered: this group is "Morning Runners" too


def test_a_chinese_iphone_export_reads_shang_wu_and_xia_wu(ws):
    """`[2026/12/31 上午12:05:00]` is five past midnight, 下午12:30 half past noon, 下午11:58 two minutes to midnight."""
    source = open_chat_export(IOS_ZH)
    assert (source.format, source.group_name) == ("whatsapp_ios_txt", "晨跑俱乐部")
    rows = list(source.rows())
    assert [r.at for r in rows] == [
        datetime(2026, 12, 30, 21, 0, 5),
        datetime(2026, 12, 31, 0, 5),
        datetime(2026, 12, 31, 6, 5),
        datetime(2026, 12, 31, 12, 30),
        datetime(2026, 12, 31, 23, 58, 40),
        datetime(2027, 1, 1, 6, 1, 33),
    ]
    assert rows[0].system  # the group's own line (its name is the group's): no one's message
    assert not rows[4].is_text  # ‎图片已忽略: a photo
    _import(ws, IOS_ZH)
    assert _checkins(ws) == {
        ("王芳", "2026-12-31", "00:05"),
        ("李跃", "2026-12-31", "06:05"),
        ("钱坤", "2026-12-31", "12:30"),  # 钱坤 🏃: a decorated name, read as the paste reads it (chat_import.py)
        ("王芳", "2027-01-01", "06:01"),
    }
    assert _messages(ws)[("周晓晨", "2026-12-31")] == 1


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("[2026/12/31 上午12:05:00]", datetime(2026, 12, 31, 0, 5)),
        ("[2026/12/31 下午12:05:00]", datetime(2026, 12, 31, 12, 5)),
        ("[2026/12/31 上午11:05:00]", datetime(2026, 12, 31, 11, 5)),
        ("[2026/12/31 下午1:05:00]", datetime(2026, 12, 31, 13, 5)),
        ("2026/12/31 下午1:05 -", datetime(2026, 12, 31, 13, 5)),  # Android in Chinese (unverified)
        ("[31/12/2026, 1:05:00 PM]", datetime(2026, 12, 31, 13, 5)),
        ("[12/31/26, 12:05:00\u202fAM]", datetime(2026, 12, 31, 0, 5)),
        ("[31.12.26, 13:05:00]", datetime(2026, 12, 31, 13, 5)),
    ],
)
def test_iphone_and_chinese_stamps(ws, tmp_path, stamp, expected):
    path = _write(tmp_path, "chat.txt", f"{stamp} 王芳: hi\n")
    assert [r.at for r in open_chat_export(path).rows()] == [expected]


def test_an_iphone_date_that_reads_both_ways_is_refused_naming_it(ws, tmp_path):
    path = _write(
        tmp_path,
        "_chat.txt",
        f"[01/02/2026, 06:10:00] Morning Runners: {L}Messages and calls are end-to-end encrypted.\n"
        "[01/02/2026, 06:11:00] Alice: checked in\n[01/03/2026, 06:10:00] Alice: checked in\n",
    )
    with pytest.raises(ImportProblem, match="1/2/2026") as caught:
        list(open_chat_export(path).rows())
    assert caught.value.file == "_chat.txt"
    with pytest.raises((ImportProblem, ValidationError)):
        _import(ws, path, other_group=True)
    assert _messages(ws) == {}


def test_an_iphone_export_of_another_group_is_asked_about(ws, tmp_path):
    text = IOS.read_text(encoding="utf-8").replace("Morning Runners:", "Evening Walkers:")
    path = _write(tmp_path, "_chat.txt", text)
    plan = _plan(ws, path)
    assert plan.group_mismatch and plan.export_group == "Evening Walkers"
    with pytest.raises(ValidationError, match="Evening Walkers"):
        _import(ws, path, exporter="周晓晨")
    assert _messages(ws) == {}


def test_a_notice_under_the_groups_name_is_never_a_member_called_like_the_group(ws, tmp_path):
    """An iPhone notice WhatsApp words in a way QunDesk does not know (`‎Alice pinned a message`) stands under the
    group's name behind U+200E: a notice, not a message of a sender called "Morning Runners"."""
    path = _write(
        tmp_path,
        "_chat.txt",
        f"[05/12/2026, 06:00:00] Morning Runners: {L}Messages and calls are end-to-end encrypted.\n"
        f"[05/12/2026, 06:01:00] Morning Runners: {L}Alice pinned a message\n"
        "[13/12/2026, 06:02:00] Alice: checked in\n",
    )
    plan = _plan(ws, path)
    assert not plan.unknown
    assert plan.system_rows == 2


def test_a_typed_line_starting_with_a_bracketed_stamp_inside_a_message_is_part_of_it(ws, tmp_path):
    """The Android stamp inside an iPhone file (a member pasting an Android line) is not a new message."""
    path = _write(
        tmp_path,
        "_chat.txt",
        "[13/12/2026, 06:02:00] Alice: look what I found:\n12/5/26, 6:10 AM - Bob: checked in\n",
    )
    rows = list(open_chat_export(path).rows())
    assert len(rows) == 1 and rows[0].names == ("Alice",)


def test_a_file_cut_inside_its_last_character_is_refused(ws, tmp_path):
    data = IOS.read_bytes() + "[01/01/2027, 08:00:00] 王芳: 打".encode()[:-1]
    path = _write(tmp_path, "_chat.txt", data)
    with pytest.raises(ImportProblem, match="cut off") as caught:
        list(open_chat_export(path).rows())
    assert caught.value.file == "_chat.txt"


def test_the_iphones_zip_is_refused_naming_the_file_inside(ws, tmp_path):
    path = tmp_path / "WhatsApp Chat - Morning Runners.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(IOS, "_chat.txt")
        archive.writestr("00000012-PHOTO-2026-12-31-06-07-30.jpg", b"\xff\xd8")
    with pytest.raises(ImportProblem, match="_chat.txt") as caught:
        open_chat_export(path)
    assert caught.value.file == path.name


# ---------------------------------------------------------------- 留痕 HTML


def _html(tmp_path: Path, entries: str, title: str = GROUP, end: str = "\n];\n\n</script>\n</body>\n</html>\n") -> Path:
    head = (
        HTML.read_text(encoding="utf-8")
        .split("const chatMessages = [\n")[0]
        .replace(f"<title>{GROUP}", f"<title>{title}")
    )
    return _write(tmp_path, f"{title}.html", head + "const chatMessages = [\n" + entries + end)


def _entry(at: str, text: str, name: str, *, type_: int = 1, is_send: int = 0, extra: str = "") -> str:
    stamp = int(datetime.fromisoformat(at).replace(tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
    return (
        f"{{ type:{type_}, text: '{text}',is_send:{is_send},{extra}avatar_path:'https://wx.qlogo.cn/x/132',"
        f"timestamp:{stamp},is_chatroom:1,displayname:'{name}'}},"
    )


def test_the_html_export_is_read_with_its_group_name_and_epoch_times(ws):
    source = open_chat_export(HTML)
    assert (source.format, source.group_name) == ("liuhen_html", GROUP)
    plan = _plan(ws, HTML)
    assert plan.zone == "Asia/Shanghai" or "Shanghai" in (plan.zone or "")  # the preview says which zone's days


def test_an_html_export_whose_link_card_breaks_the_page_is_refused_naming_the_message(ws, tmp_path):
    """share_card() writes a link's title unescaped: a `'` in it ends the string early and the page shows 出错了 in
    a browser. Nothing after it can be placed: refused, naming the message — never counted past it."""
    entries = (
        _entry("2026-11-05 06:10:00", "打卡 5公里", "芳芳")
        + "{ type:49,sub_type:5, text:'',is_send:0,avatar_path:'',url:'https://x',timestamp:1793485300,"
        "is_chatroom:1,displayname:'李跃',title:'Runner's World',description:'',thumbnail:'',app_logo:'',"
        "app_name:''},\n" + _entry("2026-11-05 06:20:00", "打卡", "李跃")
    )
    path = _html(tmp_path, entries)
    with pytest.raises(ImportProblem, match="message 2") as caught:
        list(open_chat_export(path).rows())
    assert caught.value.file == path.name and "CSV" in str(caught.value)
    with pytest.raises(ImportProblem):
        _import(ws, path)
    assert _messages(ws) == {}


def test_an_html_export_cut_off_is_refused(ws, tmp_path):
    whole = HTML.read_text(encoding="utf-8")
    thirtieth = [i for i in range(len(whole)) if whole.startswith("{ type:", i)][29]
    path = _write(tmp_path, "晨跑俱乐部.html", whole[: thirtieth + 25])  # inside message 30
    with pytest.raises(ImportProblem, match="cut off inside message 30"):
        list(open_chat_export(path).rows())
    with pytest.raises(ImportProblem, match="cut off"):
        _import(ws, path)
    assert _messages(ws) == {}


def test_an_html_export_of_a_private_chat_is_refused(ws, tmp_path):
    entries = _entry("2026-11-05 06:10:00", "在吗", "芳芳").replace("is_chatroom:1", "is_chatroom:0")
    path = _html(tmp_path, entries, title="芳芳")
    with pytest.raises(ImportProblem, match="芳芳"):
        list(open_chat_export(path).rows())


def test_an_html_export_of_another_group_is_asked_about(ws, tmp_path):
    path = _html(tmp_path, _entry("2026-11-05 06:10:00", "打卡", "芳芳"), title="夜跑群")
    plan = _plan(ws, path)
    assert plan.group_mismatch and plan.export_group == "夜跑群"


def test_html_times_are_shown_in_the_communitys_zone(ws, tmp_path, monkeypatch):
    """Epoch seconds: 2026-11-05 23:30 in Shanghai is 15:30 in London — the day is the community's."""
    path = _html(tmp_path, _entry("2026-11-05 23:30:00", "打卡", "芳芳") + _entry("2026-11-06 00:30:00", "hi", "芳芳"))
    assert [r.at for r in open_chat_export(path).rows()] == [
        datetime(2026, 11, 5, 23, 30),
        datetime(2026, 11, 6, 0, 30),
    ]
    london = [r.at for r in open_chat_export(path, zone=ZoneInfo("Europe/London")).rows()]
    assert london == [datetime(2026, 11, 5, 15, 30), datetime(2026, 11, 5, 16, 30)]


def test_html_escapes_are_undone(ws, tmp_path):
    """escape_js_and_html: & < > as entities, then \\ ' " and line breaks escaped — the text and name read back whole."""
    text = "打卡 &lt;5公里&gt; \\'冲\\' \\n第二行 \\\\ &amp;"
    path = _html(tmp_path, _entry("2026-11-05 06:10:00", text, "Snow\\'s_Run"))
    [row] = open_chat_export(path).rows()
    assert row.text == "打卡 <5公里> '冲' \n第二行 \\ &"
    assert row.names == ("Snow's_Run",)


def test_a_reply_checks_in_by_its_own_words_only(ws, tmp_path):
    entries = _entry(
        "2026-11-05 06:30:00", "加油", "跃跃", type_=49, extra="sub_type:57,refer_text: '芳芳：打卡 5公里',"
    ) + _entry("2026-11-05 06:31:00", "打卡", "芳芳", type_=49, extra="sub_type:57,refer_text: '跃跃：加油',")
    path = _html(tmp_path, entries)
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:31")}
    assert _messages(ws)[("李跃", "2026-11-05")] == 1


# ---------------------------------------------------------------- what is refused


def test_the_word_export_is_refused_saying_why(ws, tmp_path):
    path = tmp_path / "晨跑俱乐部_0.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportProblem, match="Word") as caught:
        open_chat_export(path)
    assert caught.value.file == path.name and "CSV" in str(caught.value)


def test_another_web_page_is_refused_as_a_web_page(ws, tmp_path):
    path = _write(
        tmp_path, "聊天记录.html", "<!DOCTYPE html>\n<html><head><title>微信</title></head><body>hi</body></html>"
    )
    with pytest.raises(ImportProblem, match="web page"):
        open_chat_export(path)


def test_the_corpus_files_read_whole(ws):
    """Every row of the corpus's new files ends in a named outcome: a message of a name, or a notice."""
    for path in (IOS, IOS_ZH, HTML):
        rows = list(open_chat_export(path).rows())
        assert rows and all(r.system or r.names for r in rows), path.name
    assert chat_exports.FORMATS["liuhen_html"] and chat_exports.FORMATS["whatsapp_ios_txt"]


def test_a_link_title_that_reads_as_a_second_sender_is_refused(ws, tmp_path):
    """A title written unescaped that holds `',displayname:'芳芳` parses, but names the sender twice (the browser
    would show the title's name): refused as written broken, never credited to 芳芳."""
    entries = _entry("2026-11-05 06:10:00", "早", "跃跃") + (
        "{ type:49,sub_type:5, text:'',is_send:0,avatar_path:'',url:'https://x',timestamp:1793485300,"
        "is_chatroom:1,displayname:'跃跃',title:'x',displayname:'芳芳',description:'',thumbnail:'',app_logo:'',"
        "app_name:''},\n"
    )
    path = _html(tmp_path, entries)
    with pytest.raises(ImportProblem, match="message 2 is written broken"):
        list(open_chat_export(path).rows())


def test_a_members_message_that_mentions_changing_the_group_is_theirs(ws, tmp_path):
    """`Alice: checked in! Sam changed the group run to 6am` was read as a notice (the subject-change pattern matched
    across the sender's name), losing Alice's message and check-in; a notice quoting ": " keeps its ": " inside its
    quotes."""
    path = _write(
        tmp_path,
        "chat.txt",
        "11/13/26, 8:06 AM - Alice: checked in! Sam changed the group run to 6am tomorrow\n"
        "11/14/26, 8:06 AM - Alice: I created group chats for each pace: 5k and 10k\n"
        '11/15/26, 8:06 AM - 周晓晨 changed the subject from "Runners: old" to "Morning Runners"\n'
        '11/15/26, 8:07 AM - Alice created group "Runners: 2027"\n',
    )
    rows = list(open_chat_export(path).rows())
    assert [(r.names, r.system) for r in rows] == [(("Alice",), False), (("Alice",), False), ((), True), ((), True)]
    _import(ws, path)
    assert _checkins(ws) == {("Alice Wong", "2026-11-13", "08:06")}


def test_an_html_export_into_a_new_group_knows_its_exporter_by_is_send(tmp_path, monkeypatch):
    """Building a roster from 留痕's HTML (--add-unknown, no roster yet): its is_send rows name the exporter (晨光), so
    `你邀请"…"` joins have them as referrer — as the CSV's own rows' wxid does — not "who exported it? pass --me"."""
    from desktop.services.chat_import import run_chat_import
    from desktop.workspace import open_workspace

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    database = open_workspace(tmp_path / "w.sqlite")
    try:
        plan, summary, created = run_chat_import(database, actor_for(database), HTML, GROUP, add_unknown=True)
        assert created and summary.added_members == 12
        assert not [t for t in plan.unresolved_events if "exporting user" in t]
        assert plan.exporter_name == "晨光"
        by_exporter = [j for j in plan.joins if j.by_exporter]
        assert by_exporter and all(j.referrer_name == "晨光" for j in by_exporter)
        with database.session() as s:
            from models import Member, Membership

            exporter = s.scalar(select(Member.id).where(Member.display_name == "晨光"))
            referred = s.scalars(select(Membership.referrer_id).where(Membership.referrer_id.is_not(None))).all()
            assert referred and exporter in {
                s.scalar(select(Membership.member_id).where(Membership.id == r)) for r in referred
            }
    finally:
        database.dispose()


def _new_group_import(tmp_path, text: str):
    from desktop.services.chat_import import run_chat_import
    from desktop.workspace import open_workspace

    path = _write(tmp_path, "_chat.txt", text)
    database = open_workspace(tmp_path / "new.sqlite")
    plan, _summary, _created = run_chat_import(
        database, actor_for(database), path, "新群", add_unknown=True, other_group=True
    )
    with database.session() as s:
        from models import Member, Membership

        rows = s.execute(
            select(Member.display_name, Membership.status, Membership.referrer_id).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
    database.dispose()
    return plan, {name: (status, referrer is not None) for name, status, referrer in rows}


def test_adding_the_people_a_notice_names_never_makes_one_of_two(tmp_path, monkeypatch):
    """--add-unknown into a new group: `‎周晓晨 added Mia 🌸 Chen and Carol` made a member called "Mia 🌸 Chen and
    Carol" (besides Mia and Carol, added as speakers without their join). Both speak in the export: two joins, each
    with the inviter. `Alice added Tom and Jerry`, where neither speaks: one person or two cannot be told — nobody
    is added, and the import says so; `王和平` (no English "and") is one person as before."""
    monkeypatch.setenv("QUNDESK_TODAY", "2027-01-05")
    (tmp_path / "a").mkdir()
    _plan_a, members = _new_group_import(tmp_path / "a", IOS.read_text(encoding="utf-8"))
    assert "Mia 🌸 Chen and Carol" not in members
    assert members["Mia 🌸 Chen"] == ("onboarding", True) and members["Carol"] == ("onboarding", True)
    (tmp_path / "b").mkdir()
    plan, members = _new_group_import(
        tmp_path / "b",
        f"[05/12/2026, 06:00:00] Morning Runners: {L}Messages and calls are end-to-end encrypted.\n"
        f"[05/12/2026, 06:01:00] Morning Runners: {L}Alice added Tom and Jerry\n"
        f"[05/12/2026, 06:02:00] Morning Runners: {L}Alice added 王和平\n"
        "[13/12/2026, 06:02:00] Alice: hi\n",
    )
    assert "Tom and Jerry" not in members and "Tom" not in members and "Jerry" not in members
    assert "王和平" in members
    assert any("Tom and Jerry" in t and "several people" in t for t in plan.unresolved_events)


def test_a_group_whose_name_holds_a_colon_and_a_renamed_group(ws, tmp_path):
    """`Runners: 2027: ‎Messages and calls…` is the group's line (its name holds ": "), not a message of "Runners";
    after `‎Alice changed the group name to "Dawn Runners"` the notices standing under the new name are notices too."""
    path = _write(
        tmp_path,
        "_chat.txt",
        f"[05/12/2026, 06:00:00] Runners: 2027: {L}Messages and calls are end-to-end encrypted.\n"
        f"[05/12/2026, 06:01:00] Runners: 2027: {L}Alice pinned a message\n"
        f'[05/12/2026, 06:02:00] Runners: 2027: {L}Alice changed the group name to "Dawn Runners"\n'
        f"[05/12/2026, 06:03:00] Dawn Runners: {L}Alice pinned a message\n"
        "[13/12/2026, 06:04:00] Alice: checked in\n",
    )
    source = open_chat_export(path)
    assert source.group_name == "Runners: 2027"
    rows = list(source.rows())
    assert [r.system for r in rows] == [True, True, True, True, False]
    assert not _plan(ws, path).unknown


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "_chat.txt",
            "[2026/12/31 下午11:58:40] 周晓晨: 明天见\n[2026/12/31 晚上11:59:10] 王芳: 打卡\n",
            2,
        ),  # a time word QunDesk does not read
        ("_chat.txt", "[28/02/2026, 06:00:00] Alice: hi\n[31/02/2026, 06:01:00] 王芳: 打卡\n", 2),  # no such day
        ("android.txt", "28/02/2026, 06:00 - Alice: hi\n31/02/2026, 06:01 - 王芳: 打卡\n", 2),
    ],
)
def test_a_message_start_whose_time_cannot_be_read_is_refused_naming_the_line(ws, tmp_path, name, text, line):
    """It was read as the line above's text — 王芳's 打卡 became the previous sender's check-in. Now refused, naming
    the line: never a check-in credited to the wrong person."""
    path = _write(tmp_path, name, text)
    with pytest.raises(ImportProblem, match=f"line {line} starts like a message") as caught:
        list(open_chat_export(path).rows())
    assert caught.value.file == name
    with pytest.raises(ImportProblem):
        _import(ws, path, other_group=True)
    assert _checkins(ws) == set()


def test_an_html_export_across_the_new_year(ws, tmp_path):
    """Epoch times on both sides of midnight on New Year's Eve land on 2026-12-31 and 2027-01-01 (Shanghai)."""
    entries = (
        _entry("2026-12-31 23:59:59", "打卡 跨年跑", "芳芳")
        + _entry("2027-01-01 00:00:01", "打卡 新年第一跑", "跃跃")
        + _entry("2027-01-01 00:00:02", "新年快乐", "芳芳")
    )
    path = _html(tmp_path, entries)
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-12-31", "23:59"), ("李跃", "2027-01-01", "00:00")}
    assert _messages(ws) == {("王芳", "2026-12-31"): 1, ("王芳", "2027-01-01"): 1, ("李跃", "2027-01-01"): 1}
