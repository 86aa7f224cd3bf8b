"""Translations: the .ts files are complete and current, compile, and switch the window between Simplified
Chinese and English; bilingual service messages show the matching half."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS, OTHER_GROUP_NAME, isolate_settings
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from sqlalchemy import text

import desktop.i18n as i18n
import ui.app
from desktop.phrases import DEFAULT_NAMES_EN, PHRASES
from desktop.services.members import bulk_copy_to_group
from desktop.services.participation import add_violation
from desktop.workspace import actor_for, open_workspace
from models import Group
from tests.fixed_day import TEST_TODAY
from ui.dialogs.first_run_dialog import DEMO_MEMBERS, FirstRunDialog
from ui.main_window import MainWindow
from ui.messages import LANGUAGE_PROPERTY, current_language, localise_message, operator_text
from ui.models.roster_table_model import status_label
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner
from ui.widgets.member_panel import MemberPanel

pytestmark = OFFSCREEN_QUIRKS

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name"), msg.findtext("source"), msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_ts_files_are_complete(lang):
    found = []
    for ts in i18n.catalogs(lang):
        assert ET.parse(ts).getroot().get("language") in (lang, {"en": "en_US"}.get(lang)), ts
        found += messages(ts)
    assert len(found) > 100
    for context, source, msg in found:
        tr = msg.find("translation")
        assert tr.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        texts = [f.text for f in tr.findall("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
        assert texts and all(t and t.strip() for t in texts), (context, source)


def test_chinese_translations_are_chinese():
    for context, source, msg in [m for ts in i18n.catalogs("zh_CN") for m in messages(ts)]:
        tr = msg.find("translation")
        text = "".join(tr.itertext())
        words = re.sub(r"\{[^}]*\}", "", source)  # a Phrase template's {placeholders} are names, not words
        if any(c.isalpha() for c in words) and source not in ("QunDesk",):
            assert any("\u4e00" <= c <= "\u9fff" for c in text), (context, source, text)
        shown = text.replace("%Ln", "%n")  # %Ln: the same count, with the language's digit grouping
        for placeholder in ("%1", "%2", "%3", "%n"):
            assert (placeholder in source) == (placeholder in shown), (context, source, text)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_counts_are_shown_with_digit_grouping(lang):
    """At 100,000 members the counts are long: every count (a numerus form) is written %Ln, so "129605 条成员资格"
    reads "129,605 条成员资格"."""
    forms = [
        (context, source, f.text)
        for ts in i18n.catalogs(lang)
        for context, source, msg in messages(ts)
        if msg.get("numerus") == "yes"
        for f in msg.find("translation").findall("numerusform")
    ]
    assert len(forms) > 50 and sum("%Ln" in form for _c, _s, form in forms) > 50
    for context, source, form in forms:  # a form may leave the number out ("Showing the newest entry")
        assert "%n" not in form.replace("%Ln", ""), (context, source, form)


def test_ts_files_hold_every_string_in_the_code(tmp_path):
    """lupdate over ui/ finds nothing the committed .ts files lack (run `make lupdate` and translate)."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    exe = Path(i18n.lrelease_executable() or "").with_name("pyside6-lupdate")
    if not exe.exists():
        pytest.skip("pyside6-lupdate not installed")
    subprocess.run([str(exe), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _ in messages(fresh)}
    have = {(c, s) for ts in i18n.catalogs("zh_CN") for c, s, _ in messages(ts)}
    assert wanted - have == set()


def test_english_counts_have_plural_forms_not_parentheses():
    """The English import dialog said "1 row(s) with warnings" and "3 problem(s)": a count in an English text is a
    numerus message with its singular and plural forms ("1 row", "3 rows"), or a label ("Check-ins to log: 3"),
    never "(s)"."""
    found = [
        (context, source, text)
        for ts in i18n.catalogs("en")
        for context, source, msg in messages(ts)
        for text in (
            [f.text for f in msg.find("translation").findall("numerusform")]
            if msg.get("numerus") == "yes"
            else [msg.findtext("translation")]
        )
        if text and "(s)" in text
    ]
    assert found == []


def test_import_problems_have_an_english_half():
    """Every problem the importers write (desktop/io, imports, check-in and chat imports) holds an English gloss
    in brackets, which the English window shows (ui/messages.py localise_message): "2026-13-40 不是有效的日期"
    was shown in Chinese in the English import preview."""
    import ast

    cjk = re.compile(r"[\u3400-\u9fff]")
    gloss = re.compile(r"[(（]\s*[A-Za-z0-9{]")
    desktop = ROOT / "desktop"
    files = [*(desktop / "io").rglob("*.py")]
    files += [desktop / "services" / f for f in ("imports.py", "checkin_import.py", "chat_import.py")]
    missing = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if not any(word in name.lower() for word in ("problem", "warning", "error")):
                continue
            for arg in node.args:
                if isinstance(arg, (ast.JoinedStr, ast.Constant)):
                    text = ast.get_source_segment(source, arg) or ""
                    if cjk.search(text) and not gloss.search(text):
                        missing.append(f"{path.name}:{node.lineno} {text[:60]}")
    assert missing == []


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    """Compile the .ts files into tmp and make the app load those (independent of `make translations`)."""
    out = tmp_path / "qm"
    built = i18n.build(TS_DIR, out)
    assert {p.name for p in built} == {ts.with_suffix(".qm").name for ts in TS_DIR.glob("*.ts")}
    assert {"qundesk_zh_CN.qm", "qundesk_en.qm"} <= {p.name for p in built}
    monkeypatch.setattr(ui.app, "qm_paths", lambda lang: sorted(out.glob(f"*_{lang}.qm")))
    app = QCoreApplication.instance()
    yield out
    for t in ui.app._translators:
        app.removeTranslator(t)
    ui.app._translators.clear()
    app.setProperty(LANGUAGE_PROPERTY, None)
    QLocale.setDefault(QLocale.c())


def test_main_window_in_chinese(qtbot, compiled, ws):
    ui.app.install_translators(QCoreApplication.instance(), "zh_CN")
    assert current_language() == "zh_CN"
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    assert [b.text() for b in w.nav_buttons.values()] == [
        "概览",
        "成员名册",
        "入群流程",
        "打卡",
        "活动",
        "积分",
        "报表",
        "设置",
    ]
    assert w.windowTitle() == "社群助手"
    assert w.group_labels()[0][0] == "全部社群"
    assert w.roster_page.count_label.text() == "共 4 人"
    assert w.roster_page.search_edit.placeholderText().startswith("搜索")
    assert w.operator_label.text() == "操作员：群主"  # the owner's default name already says the role
    assert operator_text("小助理", "assistant") == "小助理（助理）"
    header = [w.roster_page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert header == ["姓名", "昵称", "社群"]
    assert [status_label(s) for s in ("applicant", "onboarding", "active", "left", "removed", "blacklisted")] == [
        "申请中",
        "入群中",
        "已入群",
        "已退群",
        "已移除",
        "黑名单",
    ]
    # Qt's own strings come from qtbase_zh_CN
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_main_window_in_english(qtbot, compiled, ws):
    ui.app.install_translators(QCoreApplication.instance(), "en")
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    assert [b.text() for b in w.nav_buttons.values()][:3] == ["Dashboard", "Roster", "Onboarding"]
    assert w.roster_page.count_label.text() == "4 people"
    w.roster_page.set_search_text("lisi")
    assert w.roster_page.count_label.text() == "1 person"
    assert status_label("active") == "Member"


COUNT_WORDING = {
    "en": {
        "all": "4 members in all groups: 3 people (someone in two groups is a member of both)",
        "group": "Members: 1 of 200 places, 0% used",
        "roster_all": "5 memberships · 4 people",
        "roster_group": "1 person",
        "demo": "600 people, all made up",
        "demo_roster": "{rows} memberships · 600 people",
    },
    "zh_CN": {
        "all": "全部社群共 4 名群成员，共 3 人（同在两个群的人是两个群的群成员）",
        "group": "群成员 1 人，容量 200：已用 0%",
        "roster_all": "5 条成员资格 · 4 人",
        "roster_group": "共 1 人",
        "demo": "600 人，全是虚构的",
        "demo_roster": "{rows} 条成员资格 · 600 人",
    },
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_all_groups_counts_people_and_each_group_its_members(qtbot, compiled, ws, lang):
    """Someone in two groups is a member of each and one person (the tooltip of "All groups"); the roster
    across groups counts its rows as memberships and says how many people they are (ui/messages.py)."""
    ui.app.install_translators(QCoreApplication.instance(), lang)
    words = COUNT_WORDING[lang]
    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [ws.memberships["张三"]], ws.other_group_id)
        s.commit()
    w = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(w)
    assert w.group_labels()[0][1] == "4"  # 4 members, 3 people: 张三 is in both groups
    assert w.group_labels()[1:] == [(GROUP_NAME, "3/500"), (OTHER_GROUP_NAME, "1/200")]
    assert w.group_model.item(0, 1).toolTip() == words["all"]
    assert w.group_model.item(2, 1).toolTip() == words["group"]
    w.select_group(None)
    assert w.roster_page.count_label.text() == words["roster_all"]  # 张三 twice, the applicant once
    w.select_group(ws.other_group_id)
    assert w.roster_page.count_label.text() == words["roster_group"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_demo_offer_and_the_window_count_people_the_same_way(qtbot, compiled, tmp_path, lang):
    """The first-run dialog offers 600 made-up people; after the demo the roster of all groups shows those
    600 people (in more memberships), and "All groups" the groups' members with the people in its tooltip."""
    ui.app.install_translators(QCoreApplication.instance(), lang)
    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "demo.sqlite", backup_dir=tmp_path / "backups")
    try:
        dialog = FirstRunDialog(database, runner=InlineTaskRunner())
        qtbot.addWidget(dialog)
        assert DEMO_MEMBERS == 600 and COUNT_WORDING[lang]["demo"] in dialog.demo_hint.text()
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        assert dialog.choice == "demo"
        with database.engine.connect() as c:
            people = c.scalar(text("SELECT count(DISTINCT member_id) FROM membership"))
            rows = c.scalar(text("SELECT count(*) FROM membership"))
            in_a_group = c.scalar(text("SELECT count(DISTINCT member_id) FROM membership WHERE status = 'active'"))
            members = c.scalar(text("SELECT count(*) FROM membership WHERE status = 'active'"))
        assert people == DEMO_MEMBERS and rows > people and members > in_a_group
        w = MainWindow(database, actor_for(database))
        qtbot.addWidget(w)
        assert w.group_labels()[0][1] == str(members)  # the column counts members, as the dashboard does
        assert sum(int(count.split("/")[0]) for _, count in w.group_labels()[1:]) == members
        assert str(in_a_group) in w.group_model.item(0, 1).toolTip()  # … and says how many people they are
        w.select_group(None)
        assert w.roster_page.count_label.text() == COUNT_WORDING[lang]["demo_roster"].format(rows=rows)
    finally:
        database.dispose()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_catalogues_hold_every_phrase_desktop_builds(lang):
    """desktop/phrases.py PHRASES and context "Phrase" of the catalogues say the same (the window translates the
    English template; the CLI and the workbook use the code's)."""
    have = {
        source: msg.findtext("translation")
        for ts in i18n.catalogs(lang)
        for context, source, msg in messages(ts)
        if context == "Phrase"
    }
    for key, (zh, en) in PHRASES.items():
        assert have.get(en) == (zh if lang == "zh_CN" else en), key
    assert set(have) == {en for _zh, en in PHRASES.values()}  # nothing left over from an older wording


DESKTOP_TEXTS = {
    "en": {
        "joined": "Joined the group",
        "violation": "Violation: advertising → warning: 发了广告链接",
        "dormant": "No check-in, activity attended, contribution or chat message for 30 days",
    },
    "zh_CN": {
        "joined": "加入社群",
        "violation": "违规 发广告 → 警告: 发了广告链接",
        "dormant": "已 30 天没有打卡、参加活动、贡献或发言",
    },
}


def _kept_since_the_members_came(ws) -> None:
    """The seeded group kept here since its members joined (March 2024): their silence is observed, so they are
    dormant (metrics.observed_from) — set up on the suite's day, nobody could be dormant yet."""
    with ws.database.session() as s:
        s.get(Group, ws.group_id).created_at = datetime(2024, 3, 1, 4, 0)
        s.commit()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_texts_built_in_desktop_show_in_the_window_language(qtbot, compiled, ws, lang):
    """Timeline entries and alert reasons come from desktop/ in Chinese; the window shows them in its language."""
    ui.app.install_translators(QCoreApplication.instance(), lang)
    words = DESKTOP_TEXTS[lang]
    with ws.database.session() as s:
        add_violation(s, ws.owner, ws.memberships["张三"], "ad", TEST_TODAY, "warning", "发了广告链接")
        s.commit()
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_membership(ws.memberships["张三"])
    texts = panel.timeline_texts()
    assert words["joined"] in texts and words["violation"] in texts
    shown = panel.timeline_model.index(texts.index(words["joined"]), 0).data()
    assert shown.endswith("   " + words["joined"])

    _kept_since_the_members_came(ws)
    page = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    row = page.alert_kinds_listed().index("dormant")  # the seeded members never took part
    assert page.alert_table.item(row, 1).text().endswith("\n" + words["dormant"])


def test_language_choice_order(tmp_path):
    isolate_settings(tmp_path)
    assert ui.app.choose_language(None) == "zh_CN"
    from PySide6.QtCore import QSettings

    QSettings().setValue("ui/language", "en")
    assert ui.app.choose_language(None) == "en"
    assert ui.app.choose_language("zh_CN") == "zh_CN"
    assert ui.app.choose_language("xx") == "en"


@pytest.mark.parametrize(
    ("message", "zh", "en"),
    [
        ("姓名不能为空 (name is required)", "姓名不能为空", "Name is required"),
        ("「12ab」不是有效的电话号码 (not a phone number)", "「12ab」不是有效的电话号码", "Not a phone number"),
        (
            "数据库被另一个程序锁定 (database is locked): /tmp/x.sqlite",
            "数据库被另一个程序锁定: /tmp/x.sqlite",
            "Database is locked: /tmp/x.sqlite",
        ),
        ("plain English", "plain English", "plain English"),
        ("只有中文", "只有中文", "只有中文"),
    ],
)
def test_localise_message(message, zh, en):
    assert localise_message(message, "zh_CN") == zh
    assert localise_message(message, "en") == en


def test_qm_path_compiles_into_the_data_folder_when_no_qm_exists(tmp_path, monkeypatch):
    source = tmp_path / "src"
    source.mkdir()
    (source / "qundesk_zh_CN.ts").write_bytes((TS_DIR / "qundesk_zh_CN.ts").read_bytes())
    monkeypatch.setattr(i18n, "translations_dir", lambda: source)
    monkeypatch.setenv("QUNDESK_HOME", str(tmp_path / "home"))
    path = i18n.qm_path("zh_CN")
    assert path == tmp_path / "home" / "translations" / "qundesk_zh_CN.qm"
    assert path.stat().st_size > 1000
    assert i18n.qm_path("zh_CN") == path  # up to date: not compiled again
    assert i18n.qm_path("fr") is None


def test_i18n_build_command(tmp_path, monkeypatch):
    source = tmp_path / "src"
    source.mkdir()
    (source / "qundesk_en.ts").write_bytes((TS_DIR / "qundesk_en.ts").read_bytes())
    monkeypatch.setattr(i18n, "translations_dir", lambda: source)
    assert i18n.main(["build"]) == 0
    assert (source / "qundesk_en.qm").is_file()
    assert i18n.main([]) == 2


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_large_counts_are_grouped(compiled, lang):
    """Counts at 100,000 members read with digit grouping, in a count's own wording (%Ln) and in a sentence's
    %1 (number_text): 「129,605 条成员资格 · 99,705 人」."""
    from ui.messages import memberships_text, number_text, people_text

    ui.app.install_translators(QCoreApplication.instance(), lang)
    assert number_text(129605) == "129,605" and number_text(-1234) == "-1,234" and number_text(7) == "7"
    assert "129,605" in memberships_text(129605) and "99,705" in people_text(99705)
    assert memberships_text(129605) == {"en": "129,605 memberships", "zh_CN": "129,605 条成员资格"}[lang]


@pytest.mark.parametrize(
    ("message", "zh"),
    [
        # the 打卡记录 import's problems, as the Chinese window showed them (the English halves left in)
        (
            "2026-12-05 是将来的日期, 不能记打卡 (2026-12-05 is after today: no check-in for a future day)",
            "2026-12-05 是将来的日期, 不能记打卡",
        ),
        (
            "张三: 不是本群已入群成员 (not a member of this group): 张三: 不在本群, 是「每月一本书读书会」的成员 "
            "(not in this group; a member of 每月一本书读书会); 张三: 不在本群, 是「城市夜跑团」的成员 "
            "(not in this group; a member of 城市夜跑团)",
            "张三: 不是本群已入群成员: 张三: 不在本群, 是「每月一本书读书会」的成员; 张三: 不在本群, 是「城市夜跑团」的成员",
        ),
        # brackets that are part of the Chinese sentence stay
        ("读到的列: F (12/5)", "读到的列: F (12/5)"),
        ("共 3 人 (3)", "共 3 人 (3)"),
        ("Tony (Tony 推荐) 入群", "Tony (Tony 推荐) 入群"),
        ("2026-12-01 … 2026-12-04 (2026-12-01 … 2026-12-04)", "2026-12-01 … 2026-12-04 (2026-12-01 … 2026-12-04)"),
    ],
)
def test_localise_message_drops_english_halves_that_hold_a_date_or_a_group_name(message, zh):
    assert localise_message(message, "zh_CN") == zh


def test_localise_message_english_of_a_dated_message():
    message = "2026-12-05 是将来的日期, 不能记打卡 (2026-12-05 is after today: no check-in for a future day)"
    assert localise_message(message, "en") == "2026-12-05 is after today: no check-in for a future day"


@pytest.mark.parametrize(("lang", "joined"), [("en", "张三, 张珊, 李四"), ("zh_CN", "张三、张珊、李四")])
def test_lists_of_names_are_joined_as_the_window_language_writes_them(qtbot, compiled, ws, lang, joined):
    """The English dashboard listed alert members as "吴萍、付晨伟、吴娜 and 2 more": the Chinese list comma
    in an English sentence. Names are joined with the language's list separator."""
    from ui.messages import list_text

    ui.app.install_translators(QCoreApplication.instance(), lang)
    assert list_text(["张三", "张珊", "李四"]) == joined
    _kept_since_the_members_came(ws)
    page = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    row = page.alert_kinds_listed().index("dormant")  # the seeded members never took part
    who = page.alert_table.item(row, 1).text().split("\n")[0]
    separator = ", " if lang == "en" else "、"
    assert separator in who and ("、" not in who if lang == "en" else ", " not in who), who


def test_the_entry_steps_table_counts_people_as_the_roster_does(qtbot, compiled, ws):
    """The English Onboarding page said "134 members" for its rows of every status while the sidebar said the group
    has 115 members: its rows are people (applicants, newcomers, members, former members), as the roster counts."""
    from ui.pages.onboarding_page import OnboardingPage

    ui.app.install_translators(QCoreApplication.instance(), "en")
    page = OnboardingPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    n = page.model.rowCount()
    assert n > 1
    assert page.count_label.text() == f"{n} people"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_catalogues_hold_every_default_name(lang):
    """The app's own default names (entry steps, tiers, roles, levels) have an entry in context "DefaultName":
    their English in wording_en.ts, themselves in wording_zh_CN.ts."""
    from ui.messages import DEFAULT_NAMES

    have = {
        source: msg.findtext("translation")
        for ts in i18n.catalogs(lang)
        for context, source, msg in messages(ts)
        if context == "DefaultName"
    }
    assert set(have) == set(DEFAULT_NAMES)
    for source, shown in have.items():
        if lang == "zh_CN":
            assert shown == source
        else:
            assert shown and not any("\u3400" <= c <= "\u9fff" for c in shown), (source, shown)
    if lang == "en":  # the English workbook (desktop/phrases.py) says what the English window says
        assert have == DEFAULT_NAMES_EN


def test_the_english_window_shows_the_default_steps_and_tiers_in_english(qtbot, compiled, ws):
    """In the English window the Onboarding table's columns, its funnel and step list, the roster's Tier column
    and filter, and the member panel showed the app's own Chinese defaults (进群目的问答, 普通 …). Now they are
    in English; a step the organiser renamed keeps the name they typed, and what is stored does not change."""
    from desktop.services.members import bulk_set_tier
    from desktop.services.onboarding import edit_step, record_step
    from ui.models.progress_matrix_model import FIRST_STEP_COL
    from ui.models.roster_table_model import COL_TIER
    from ui.pages.onboarding_page import OnboardingPage
    from ui.pages.roster_page import RosterPage

    zhang = ws.memberships["张三"]
    with ws.database.session() as s:
        bulk_set_tier(s, ws.owner, [zhang], "普通")
        steps = s.execute(
            text("SELECT id, name FROM entry_step WHERE group_id = :g ORDER BY position"), {"g": ws.group_id}
        ).all()
        renamed = next(sid for sid, name in steps if name == "自我介绍")
        edit_step(s, ws.owner, renamed, name="破冰自我介绍")
        s.commit()
    ui.app.install_translators(QCoreApplication.instance(), "en")

    page = OnboardingPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(FIRST_STEP_COL, page.model.columnCount())
    ]
    assert headers[:2] == ["Purpose of joining", "Read the rules"]
    assert "破冰自我介绍" in headers  # the organiser's own name, as typed
    assert not any("\u4e00" <= c <= "\u9fff" for h in headers if h != "破冰自我介绍" for c in h)
    combo = [page.bulk_step_combo.itemText(i) for i in range(page.bulk_step_combo.count())]
    assert combo[0] == "Purpose of joining"
    assert page.bulk_step_combo.itemData(0) == steps[0][0]  # the step's id: what is recorded is unchanged
    fm = page.fontMetrics()  # shown whole: the step list and the columns (each column is at most 150 wide)
    assert page.bulk_step_combo.width() > fm.horizontalAdvance("Purpose of joining") + 20
    header = page.table.horizontalHeader()
    for col, name in zip(range(FIRST_STEP_COL, page.model.columnCount()), headers, strict=True):
        assert header.sectionSize(col) >= fm.horizontalAdvance(name) + 12, name

    with ws.database.session() as s:
        record_step(s, ws.owner, zhang, steps[0][0])
        s.commit()
    panel = MemberPanel(ws.database, ws.owner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_membership(zhang)
    assert "Done: “Purpose of joining”" in panel.timeline_texts()
    assert "Regular" in panel.chips_label.text()

    roster = RosterPage(ws.database, ws.owner)
    qtbot.addWidget(roster)
    roster.show()
    roster.set_group(ws.group_id)
    row = roster.model.row_of(zhang)
    assert roster.model.index(row, COL_TIER).data() == "Regular"
    tiers = {roster.tier_combo.itemText(i): roster.tier_combo.itemData(i) for i in range(roster.tier_combo.count())}
    assert {"Core", "Key voice", "Mid voice", "Regular"} <= set(tiers)
    with ws.database.session() as s:
        stored = s.execute(text("SELECT name FROM tier WHERE id = :i"), {"i": tiers["Regular"]}).scalar_one()
        assert stored == "普通"


def test_a_balance_of_one_point_reads_one_point_and_the_level_in_english(qtbot, compiled, ws):
    """The ledger's header read "1 points · 新人" in the English window: one point is singular, and the
    default level is in English."""
    from desktop.services.points import adjust_points, balance
    from ui.pages.points_page import PointsPage

    zhang = ws.memberships["张三"]
    with ws.database.session() as s:
        adjust_points(s, ws.owner, zhang, 1 - balance(s, zhang), "对齐", TEST_TODAY)
        s.commit()
        assert balance(s, zhang) == 1
    ui.app.install_translators(QCoreApplication.instance(), "en")
    page = PointsPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(ws.group_id)
    page.show_ledger(zhang)
    assert page.balance_label.text() == "1 point · Newcomer"
    with ws.database.session() as s:
        adjust_points(s, ws.owner, zhang, 1233, "对齐", TEST_TODAY)
        s.commit()
    page.show_ledger(zhang)
    assert page.balance_label.text() == "1,234 points · Veteran"


def test_the_lists_of_roles_and_tags_count_one_in_the_singular(qtbot, compiled, ws):
    """Tools → Tiers, roles and tags listed "日常运营 (1 memberships)" and "早鸟 (1 people)" in English: the
    counts have plural forms now, and the default roles are in English."""
    from desktop.services.members import bulk_add_role, bulk_tag
    from ui.dialogs.taxonomy_dialog import TaxonomyDialog

    zhang = ws.memberships["张三"]
    with ws.database.session() as s:
        bulk_add_role(s, ws.owner, [zhang], "日常运营")
        bulk_tag(s, ws.owner, [zhang], "早鸟")
        bulk_tag(s, ws.owner, [zhang, ws.memberships["李四"]], "夜猫子")
        s.commit()
    ui.app.install_translators(QCoreApplication.instance(), "en")
    dialog = TaxonomyDialog(ws.database, ws.owner)
    qtbot.addWidget(dialog)
    roles = [dialog.role_list.item(i).text() for i in range(dialog.role_list.count())]
    tags = [dialog.tag_list.item(i).text() for i in range(dialog.tag_list.count())]
    assert "Daily operator (1 membership)" in roles and "Planner (0 memberships)" in roles
    assert "早鸟 (1 person)" in tags and "夜猫子 (2 people)" in tags
    from ui.dialogs.group_profile_dialog import GroupProfileDialog

    with ws.database.session() as s:
        bulk_copy_to_group(s, ws.owner, [zhang], ws.other_group_id)  # a group of one member
        s.commit()
    profile = GroupProfileDialog(ws.database, ws.owner, ws.other_group_id)
    qtbot.addWidget(profile)
    assert profile.capacity_note.text().endswith("never refuses anyone; 1 member now.")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_message_holds_one_source_and_one_translation(lang):
    """A merge of two branches' .ts files once left two <source>s in one <message> (the first message's end and the
    second's start lost): the file still parsed, lrelease kept one of them, and the other string was shown
    untranslated."""
    bad = [
        (ts.name, [s.text for s in msg.findall("source")])
        for ts in i18n.catalogs(lang)
        for msg in ET.parse(ts).getroot().iter("message")
        if len(msg.findall("source")) != 1 or len(msg.findall("translation")) != 1
    ]
    assert bad == []
