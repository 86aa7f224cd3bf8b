"""Paste-ready texts, second probe (PRODUCT §3.9): templates as organisers really edit them — a placeholder named
in Chinese ({姓名}, $姓名), in full-width braces (｛名单｝), a brace never closed ({未打卡名单), braces around a real
placeholder ({$name}) — are refused naming the token and the placeholder meant, never posted raw; braces that are
the organiser's own text ({红包}, {{打卡}}) and an English template stay. A line too long for one message is cut
between words or at least between characters as people see them, never through an emoji."""

from __future__ import annotations

import json
import re

import pytest

from desktop.errors import ValidationError
from desktop.services.texts import LIMIT, _cut, pack_names, render, validate_template

REFUSED = [
    ("welcome", "🎉 欢迎 {姓名} 加入「$group」！\n$steps", "{姓名}", "$name"),
    ("reminder", "📣 {日期} 还差 $count 人：\n$names", "{日期}", "$date"),
    ("reminder", "还差 $count 人 ｛名单｝\n$names", "｛名单｝", "$names"),
    ("welcome", "欢迎 ｛name｝\n$steps", "｛name｝", "$name"),
    ("reminder", "还差 $count 人：{未打卡名单\n$names", "{未打卡名单", "$names"),
    ("welcome", "欢迎 {name 加入\n$steps", "{name", "$name"),
    ("welcome", "欢迎 {$name} 加入\n$steps", "{$name}", "$name"),
    ("welcome", "欢迎 ｛${name}｝\n$steps", "｛${name}｝", "$name"),
    ("welcome", "欢迎 $姓名\n$steps", "$姓名", "$name"),
    ("leaderboard", "🏆 {群名} 积分榜\n$list", "{群名}", "$group"),
    # Shift+4 in a Chinese input method types ￥; full-width mode types ＄
    ("welcome", "欢迎 ￥name 加入「$group」\n$steps", "￥name", "$name"),
    ("reminder", "还差 ＄count 人\n$names", "＄count", "$count"),
    ("welcome", "欢迎 ￥{name}\n$steps", "￥{name}", "$name"),
    ("welcome", "欢迎 $Name\n$steps", "$Name", "$name"),
]


@pytest.mark.parametrize(("kind", "body", "token", "meant"), REFUSED)
def test_a_placeholder_the_organiser_wrote_another_way_is_refused_naming_what_to_write(kind, body, token, meant):
    """Each of these was saved and reached the group with the braces or the word as they stand ("欢迎 {姓名} 加入",
    "欢迎 {小雨}")."""
    with pytest.raises(ValidationError) as refused:
        validate_template(kind, body)
    message = refused.value.message
    assert token in message and f"应写作 {meant}" in message and f"write {meant}" in message


def test_a_word_of_no_placeholder_in_braces_is_named_without_a_suggestion():
    with pytest.raises(ValidationError) as refused:
        validate_template("reminder", "{今天打卡的朋友们 还差 $count 人\n$names")
    assert "“{今天打卡的朋友们”" in refused.value.message and "应写作" not in refused.value.message
    with pytest.raises(ValidationError, match="应写作 \\$names"):
        validate_template("reminder", "$名单")


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("welcome", "欢迎 $name！发个 {红包} 吧\n$steps"),  # the organiser's own words in braces
        ("reminder", "{{打卡}} $date 还差 $count 人\n$names"),
        ("reminder", "【名单】 $names"),
        ("welcome", "欢迎 ${name}加入 $group，$name 你好\n$steps"),  # a non-list placeholder twice is fine
        ("reminder", "Hi $group! $count still to check in today ($done/$total done):\n$names\nSee you tomorrow!"),
        ("reminder", "价格 $$5，还差 $count 人\n$names"),
        ("reminder", "红包 ￥5，会费 ￥ 200，还差 $count 人\n$names"),  # yuan amounts stay
    ],
)
def test_braces_meant_as_text_and_an_english_template_are_kept(kind, body):
    assert validate_template(kind, body) == body


def test_an_english_template_renders_without_a_placeholder_left():
    body = "Hi $group! $count still to check in ($done/$total done):\n$names\nSee you tomorrow!"
    parts = render(
        "reminder",
        validate_template("reminder", body),
        {"group": "Morning Club", "count": "2", "done": "3", "total": "5"},
        pack_names(["@Amy Chen", "@Bob"]),
    )
    assert parts == ("Hi Morning Club! 2 still to check in (3/5 done):\n@Amy Chen @Bob\nSee you tomorrow!",)


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "🇨🇳", "👍🏻", "1\ufe0f\u20e3", "e\u0301"])
def test_a_line_longer_than_a_message_is_never_cut_through_an_emoji(emoji):
    """A template line of one long paragraph (no space) with an emoji of several code points where the message
    ends: the cut fell inside it, and the group got "👨\u200d" at the end of one message and "👩\u200d👧" at the
    start of the next."""
    room = LIMIT - 10
    line = "字" * (room - 1) + emoji + "字" * 30
    pieces = _cut(line, room)
    assert "".join(pieces) == line and all(len(p) <= room for p in pieces)
    assert any(p.endswith(emoji) or p.startswith(emoji) for p in pieces)


def test_a_long_line_is_cut_between_words_where_it_can_be():
    room = LIMIT - 10
    words = [f"word{i:03d}" for i in range(120)]
    pieces = _cut(" ".join(words), room)
    assert len(pieces) > 1 and " ".join(pieces).split() == words  # no word cut in two


def test_five_hundred_names_are_split_into_messages_at_list_lines_with_every_name_whole():
    names = [f"@成员{i:03d}🌸" for i in range(500)]
    parts = render(
        "reminder",
        "📣 $date 还差 $count 人：\n$names\n记得接龙～",
        {"date": "11月20日", "count": "500"},
        pack_names(names),
    )
    assert len(parts) > 1 and all(len(p) <= LIMIT for p in parts)
    assert parts[0].startswith("📣 11月20日 还差 500 人：\n@成员000🌸") and parts[-1].endswith(
        f"记得接龙～\n（{len(parts)}/{len(parts)}）"
    )
    assert [n for p in parts for n in re.findall(r"@成员\d{3}🌸", p)] == names
    for i, p in enumerate(parts, start=1):
        assert p.endswith(f"\n（{i}/{len(parts)}）")


# ---------------------------------------------------------------------------------------------------------------
# Names several people in the group go by


@pytest.fixture
def namesakes(tmp_path, monkeypatch):
    """测试群 on 2026-11-20: 乙 and 丙 both go by 小雨 (丙 checked in), 丁 by 小雨 too but left, 戊 on leave, 己 alone."""
    from datetime import date, datetime

    from desktop.services.checkins import record_checkins, record_leave
    from desktop.services.groups import create_group
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    ids: dict[str, int] = {}
    with database.session() as s:
        gid = create_group(s, owner, "测试群")

        def add(name, **kw):
            kw.setdefault("joined_at", datetime(2026, 11, 1, 9, 0))
            ids[name] = add_member(s, owner, gid, MemberInput(display_name=name, **kw))[1]

        add("乙", group_nickname="小雨")
        add("丙", group_nickname="小雨")
        add("丁", group_nickname="小雨", phone="13800138000")
        add("戊", group_nickname="阿戊")
        add("己", nickname="小己 13912345678")
        s.commit()
        leave_group(s, owner, ids["丁"], "退群", status="left", when=datetime(2026, 11, 19, 12, 0))
        record_checkins(s, owner, gid, date(2026, 11, 20), [ids["丙"]])
        record_leave(s, owner, ids["戊"], date(2026, 11, 20), date(2026, 11, 21), "出差")
        s.commit()
    yield database, owner, gid, ids
    database.dispose()


def test_a_name_several_members_go_by_is_kept_with_a_note_naming_them_for_the_organiser(namesakes, capsys):
    """ "@小雨" in the reminder over two 小雨s, one of whom had checked in: both read themselves as behind, and
    nothing told the organiser. The text keeps the name the group sees; a note names them by their roster names
    (never the text: a roster name the group never saw), on stderr and in --json."""
    from datetime import date

    from desktop.cli import main
    from desktop.services.texts import reminder_text, welcome_text

    database, owner, gid, ids = namesakes
    with database.session() as s:
        text = reminder_text(s, gid, date(2026, 11, 20))
        assert text.parts == (
            "📣 11月20日 周五 测试群 还差 2 人打卡（已打卡 1/3）：\n@小己 139**** @小雨\n还没打卡的伙伴记得来接龙哦～",
        )
        assert len(text.notes) == 1 and "2 位成员都叫“小雨”（丙、乙）" in text.notes[0]  # 丁 left: not counted
        assert "乙" not in text.text and "丙" not in text.text
        assert not welcome_text(s, ids["戊"]).notes
        assert welcome_text(s, ids["乙"]).notes
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "reminder", "--group", "测试群", "--date", "2026-11-20"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("📣 11月20日") and "都叫“小雨”" not in out.out and "都叫“小雨”" in out.err
    assert main(["--db", path, "text", "reminder", "--group", "测试群", "--date", "2026-11-20", "--json"]) == 0
    assert "都叫“小雨”" in json.loads(capsys.readouterr().out)["notes"][0]


def test_the_window_shows_the_note_before_the_text_is_copied(namesakes, qtbot):
    from desktop.services.texts import reminder_text
    from ui.dialogs.text_preview_dialog import TextPreviewDialog
    from ui.messages import localise_message

    database, owner, gid, ids = namesakes
    with database.session() as s:
        text = reminder_text(s, gid)
    assert localise_message(text.notes[0], "en") == (
        "An @ cannot tell them apart: 2 members go by 小雨 in the group; check before posting"
    )
    dialog = TextPreviewDialog(text, "打卡提醒")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notes_label.isVisible() and "小雨" in dialog.notes_label.text()
    assert "核对" not in dialog.part_text(0)


def test_the_copy_button_opens_the_preview_when_there_is_a_note(namesakes, qtbot):
    """One message with a note was put on the clipboard at once: the organiser never saw the note."""
    from PySide6.QtGui import QGuiApplication

    from desktop.services.texts import reminder_text
    from ui.widgets.paste_text_button import PasteTextButton

    database, owner, gid, ids = namesakes
    with database.session() as s:
        text = reminder_text(s, gid)
    QGuiApplication.clipboard().setText("before")
    button = PasteTextButton("提醒", "打卡提醒")
    qtbot.addWidget(button)
    button.provider = lambda: text
    button.copy_text()
    assert button.last_dialog is not None and button.last_dialog.notes_label.isVisible()
    assert QGuiApplication.clipboard().text() == "before"  # copied from the preview, once the note is read
    button.last_dialog.close()


# ---------------------------------------------------------------------------------------------------------------
# An English group's own template


def test_an_english_template_gets_english_dates_and_words_around_the_names(namesakes):
    """An English group's reminder read "📣 Fri 11月20日 周五: 2 still to check in" and its split messages ended
    "（1/3）": QunDesk's own words in an English template are English; the names stay as the group sees them."""
    from datetime import date

    from desktop.services.texts import is_english, preview_text, reminder_text, set_template, welcome_text

    database, owner, gid, ids = namesakes
    with database.session() as s:
        set_template(
            s, owner, gid, "reminder", "📣 $weekday $date: $count of $total still to check in:\n$names\nSee you!"
        )
        set_template(s, owner, gid, "welcome", "Welcome @$name to $group!\nTo do:\n$steps\nAsk $operators")
        s.commit()
        assert reminder_text(s, gid, date(2026, 11, 20)).parts == (
            "📣 Fri Nov 20: 2 of 3 still to check in:\n@小己 139**** @小雨\nSee you!",
        )
        welcome = welcome_text(s, ids["己"]).parts[0]
        assert "Ask the group admins" in welcome and "群主" not in welcome and "（" not in welcome
        chinese = preview_text(s, gid, "reminder", "$date $weekday\n$names", today=date(2026, 11, 20)).parts[0]
        assert chinese.startswith("11月20日 周五\n")  # placeholders and emoji only: the default language
    assert is_english("Hi $group\n$names") and not is_english("$date\n$names") and not is_english("Hi 大家 $names")
    parts = render(
        "reminder", "Still to check in:\n$names\nThanks!", {}, pack_names([f"@member{i:03d}" for i in range(300)])
    )
    assert len(parts) > 1 and parts[0].endswith(f"\n(1/{len(parts)})") and "（" not in "".join(parts)


def test_an_emptied_template_is_refused_saying_how_to_go_back_to_the_default(namesakes, qtbot):
    """The organiser emptied the reminder's editor and saved: "模板不能为空" alone left them guessing how to get
    the default back; the window says it in the UI language, the dialog stays open and nothing is saved."""
    from desktop.services.texts import DEFAULTS, template_for
    from ui.dialogs.group_profile_dialog import TAB_TEXTS, GroupProfileDialog
    from ui.messages import localise_message

    with pytest.raises(ValidationError) as refused:
        validate_template("reminder", " \n\n ")
    assert "恢复默认" in refused.value.message
    assert (
        localise_message(refused.value.message, "en")
        == "The template is empty; “Back to the default” restores the default"
    )
    database, owner, gid, ids = namesakes
    dialog = GroupProfileDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(TAB_TEXTS)
    dialog.texts_editor.select_kind("reminder")
    dialog.texts_editor.edit.setPlainText("")
    dialog.save()
    shown = dialog.error_label.text()
    assert dialog.isVisible() and ("恢复默认" in shown or "Back to the default" in shown)
    with database.session() as s:
        assert template_for(s, gid, "reminder") == DEFAULTS["reminder"]


def test_a_500_member_reminder_names_each_one_once_whole_and_nobody_who_left_today_or_is_on_leave(
    tmp_path, monkeypatch
):
    from datetime import date, datetime

    from desktop.services.checkins import record_checkins, record_leave
    from desktop.services.groups import create_group
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.services.texts import reminder_text
    from desktop.workspace import actor_for, open_workspace

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    day = date(2026, 11, 20)
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    emoji = ["🌸", "👨\u200d👩\u200d👧", "🇨🇳", "👍🏻", ""]
    with database.session() as s:
        gid = create_group(s, owner, "五百人群")
        ids = [
            add_member(
                s,
                owner,
                gid,
                MemberInput(
                    display_name=f"成员{i:03d}",
                    group_nickname=f"城市-成员{i:03d}{emoji[i % 5]}",
                    joined_at=datetime(2026, 11, 1, 9, 0),
                ),
            )[1]
            for i in range(500)
        ]
        s.commit()
        record_checkins(s, owner, gid, day, ids[:100])
        for mid in ids[100:110]:
            record_leave(s, owner, mid, day, day, "出差")
        for mid in ids[110:115]:
            leave_group(s, owner, mid, "退群", status="left", when=datetime(2026, 11, 20, 8, 0))
        s.commit()
        text = reminder_text(s, gid, day)
    database.dispose()
    expected = [f"@城市-成员{i:03d}{emoji[i % 5]}" for i in range(115, 500)]
    assert text.people == 385 and len(text.parts) > 1 and all(len(p) <= LIMIT for p in text.parts)
    assert text.parts[0].startswith("📣 11月20日 周五 五百人群 还差 385 人打卡（已打卡 100/485）：")
    named = [n for p in text.parts for n in re.findall(r"@城市-成员\d{3}\S*", p)]
    assert sorted(named) == sorted(expected)  # each once, whole, with its emoji


def test_a_welcome_without_the_name_gives_no_note_about_it(namesakes):
    """A welcome template without $name ("欢迎新朋友加入 $group") names nobody: no note about two 小雨s."""
    from desktop.services.texts import set_template, welcome_text

    database, owner, gid, ids = namesakes
    with database.session() as s:
        assert welcome_text(s, ids["乙"]).notes  # the default names 小雨
        set_template(s, owner, gid, "welcome", "欢迎新朋友加入 $group！\n$steps")
        text = welcome_text(s, ids["乙"])
    assert text.parts[0].startswith("欢迎新朋友加入 测试群！") and "小雨" not in text.text and text.notes == ()


# ---------------------------------------------------------------------------------------------------------------
# The month summary's figures are everyone else's


@pytest.mark.parametrize("month", ["2026-10", "2026-11"])  # a past month and the current one (to 11-18)
def test_the_summary_says_the_figures_of_stats_json_the_dashboard_and_the_workbook(
    tmp_path, monkeypatch, capsys, month
):
    from datetime import date

    from openpyxl import load_workbook

    from desktop.cli import main
    from desktop.services.dashboard_queries import group_overview

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo", "--groups", "1", "--members", "40", "--months", "3", "--seed", "7"]) == 0
    capsys.readouterr()
    group = json.loads((main(["--db", db, "groups", "--json"]), capsys.readouterr().out)[1])[0]["name"]
    assert main(["--db", db, "stats", "--group", group, "--month", month, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "text", "summary", "--group", group, "--month", month]) == 0
    text = capsys.readouterr().out
    xlsx = tmp_path / "r.xlsx"
    assert main(["--db", db, "export", "report", "--month", month, "--group", group, "-o", str(xlsx)]) == 0
    kpi = {r[5]: r[2] for r in load_workbook(xlsx)["概览"].iter_rows(min_row=4, values_only=True) if r[5]}
    said = re.search(
        r"成员 (\d+) 人.*\n.*活跃 (\d+) 人.*\n.*打卡 (\d+) 次，打卡率 ([\d.]+)%.*\n.*新入群 (\d+) 人，离开 (\d+) 人"
        r"(?:.*\n.*群聊发言 (\d+) 条)?",
        text,
    )
    assert said is not None, text
    figures = ("members_total", "members_active", "checkins", None, "joined", "left", "messages")
    for key, value in zip(figures, said.groups(), strict=True):
        if key is not None and value is not None:
            assert int(value) == stats[key] == kpi[key], key
    assert float(said.group(4)) == round(stats["checkin_rate"] * 100, 1) == round(kpi["checkin_rate"] * 100, 1)
    assert f"本月共发出积分 {stats['points_awarded']}" in text and kpi["points_awarded"] == stats["points_awarded"]
    if month == "2026-11":  # the dashboard shows the current month
        from desktop.workspace import open_workspace

        database = open_workspace(db)
        with database.session() as s:
            dash = group_overview(s, 1, date(2026, 11, 18))
        database.dispose()
        assert dash.members == int(said.group(1)) and round(dash.checkin_rate * 100, 1) == float(said.group(4))


def test_an_english_leaderboard_and_summary_say_pts_and_the_month_in_english(namesakes):
    from datetime import date

    from desktop.services.points import adjust_points
    from desktop.services.texts import leaderboard_text, set_template, summary_text

    database, owner, gid, ids = namesakes
    with database.session() as s:
        adjust_points(s, owner, ids["戊"], 40, "sharing", day=date(2026, 11, 5))
        adjust_points(s, owner, ids["己"], 25, "sharing", day=date(2026, 11, 6))
        set_template(s, owner, gid, "leaderboard", "🏆 $group $month leaderboard\n$list\n$promoted\nThanks all!")
        set_template(s, owner, gid, "summary", "$group $month: $members members, top: $top")
        s.commit()
        board = leaderboard_text(s, gid, 2026, 11, today=date(2026, 11, 20)).parts[0]
        summary = summary_text(s, gid, 2026, 11, today=date(2026, 11, 20)).parts[0]
        chinese = leaderboard_text(s, gid, 2026, 11, today=date(2026, 11, 20), template="$list").parts[0]
    assert board.startswith("🏆 测试群 Nov leaderboard\n🥇 阿戊 40 pts") and "\n🥈 小己 139**** 25 pts" in board
    assert "分" not in board and "本月" not in board
    assert summary == "测试群 Nov: 4 members, top: 阿戊"
    assert chinese.startswith("🥇 阿戊 40分")
