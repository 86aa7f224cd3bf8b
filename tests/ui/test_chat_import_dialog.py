"""The chat-history import dialog as an organiser drives it: pick an export, read the preview (format, span,
messages, check-ins, joins, the senders not on the roster), decide about a sender, import; then the roster's
"never spoke" filter and its 最近发言 / 近30天发言 columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, ChatAlias, EntryStep, Member
from ui.dialogs.chat_import_dialog import ChatImportDialog

pytestmark = OFFSCREEN_QUIRKS

CHAT = Path(__file__).resolve().parents[1] / "data" / "chat"
SCENARIO = json.loads((CHAT / "scenario.json").read_text(encoding="utf-8"))


@pytest.fixture
def ws(tmp_path, monkeypatch):
    isolate_settings(tmp_path)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")  # the roster exists before the scenario
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, SCENARIO["group"]["name"])
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        for m in SCENARIO["roster"]:
            add_member(
                s,
                owner,
                gid,
                MemberInput(
                    display_name=m["name"],
                    nickname=m["nickname"] or None,
                    group_nickname=m["group_nickname"] or None,
                    wechat_id=m["wechat_id"],
                    status="applicant" if m["status"] == "pending" else "active",
                ),
            )
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    yield database, owner, gid
    database.dispose()


def _open(qtbot, ws, name: str) -> ChatImportDialog:
    database, owner, gid = ws
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(CHAT / name))
    return dialog


def test_the_preview_shows_what_the_export_holds(qtbot, ws):
    dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
    text = dialog.summary_label.text()
    # the catalogue's plural forms: test_the_english_summary_counts_in_the_singular_and_plural
    assert "107 message(s) from 12 member(s)" in text and "47 check-in(s)" in text and "1 sender(s) to decide" in text
    table = dialog.senders_table
    assert table.item(0, 0).text() == "跑步的老刘" and table.item(0, 2).text() == "4"  # the unknown sender first
    assert table.cellWidget(0, 4) is not None  # a decision to take
    assert dialog.events_table.rowCount() == 5  # four joins, one removal
    assert dialog.import_button.isEnabled()


def test_deciding_about_a_sender_and_importing(qtbot, ws):
    database, _owner, _gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
    combo = dialog.senders_table.cellWidget(0, 4)
    index = next(i for i in range(combo.count()) if combo.itemData(i)[0] == "add")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert "1" in dialog.import_button.text()
    imported = []
    dialog.imported.connect(imported.append)
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    summary = imported[0]
    assert summary.messages == 111 and summary.added_members == 1 and summary.joins == 4
    assert "111 message(s)" in dialog.summary_label.text()
    with database.session() as s:
        assert s.scalar(select(Member.display_name).where(Member.wechat_id == "wxid_k1l2m3")) == "跑步的老刘"
        assert s.scalar(select(ChatAlias.id).where(ChatAlias.value == "wxid_k1l2m3")) is not None


def test_an_unrecognised_file_says_so_and_imports_nothing(qtbot, ws):
    database, _owner, _gid = ws
    dialog = ChatImportDialog(*ws[:2], ws[2])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.runner.failed, timeout=20_000):
        dialog.set_file(str(CHAT / "unrecognised.csv"))
    assert "WeChatMsg" in dialog.summary_label.text() and not dialog.import_button.isEnabled()
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None


def test_the_roster_finds_who_never_spoke(qtbot, ws):
    from ui.models.roster_table_model import COL_LAST_MESSAGE, COL_MESSAGES_30D
    from ui.pages.roster_page import RosterPage

    database, owner, gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    with database.session() as s:  # someone who is in the group but never says a word
        add_member(s, owner, gid, MemberInput(display_name="潜水员", wechat_id="wxid_lurker"))
        # not in the chat: an applicant and a former member are no lurkers (unless that status is chosen)
        add_member(s, owner, gid, MemberInput(display_name="还在申请", status="applicant"))
        add_member(s, owner, gid, MemberInput(display_name="早退了", status="left"))
        s.commit()
    page = RosterPage(database, owner)
    qtbot.addWidget(page)
    page.set_group(gid)
    page.show()
    page.never_spoke_check.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    names = {page.model.row_at(r).display_name for r in range(page.model.rowCount())}
    assert names == {"潜水员"}
    page.status_combo.setCurrentIndex(page.status_combo.findData("left"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).display_name == "早退了")
    page.status_combo.setCurrentIndex(0)
    page.never_spoke_check.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1)
    rows = {page.model.row_at(r).display_name: r for r in range(page.model.rowCount())}
    r = rows["王芳"]
    assert page.model.index(r, COL_LAST_MESSAGE).data() == "2026-11-30"
    assert int(page.model.index(r, COL_MESSAGES_30D).data()) > 0


def test_the_dashboard_shows_who_speaks(qtbot, ws):
    from datetime import date

    from ui.pages.dashboard_page import DashboardPage
    from ui.task_runner import InlineTaskRunner

    database, owner, gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    page = DashboardPage(database, owner, runner=InlineTaskRunner(), today=date(2026, 11, 30))
    qtbot.addWidget(page)
    page.set_group(gid)
    page.show()
    qtbot.waitUntil(lambda: "1. " in page.speakers_label.text())
    first = page.speakers_label.text().splitlines()[0]
    assert first.startswith("1. 王芳") and "19" in first  # m03 王芳 spoke most


def test_who_exported_the_chat_is_asked_when_notices_say_you(qtbot, ws):
    """留痕's TXT carries no IDs: 你邀请"小敏" names nobody until the organiser says who exported the chat."""
    from ui.models.checkins_models import Person

    database, _owner, gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部.txt")
    assert "你" in dialog.exporter_label.text() and dialog.plan.exporter_needed
    with database.session() as s:
        from models import Membership

        zhou = s.scalar(
            select(Membership.id)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == "周晓晨", Membership.group_id == gid)
        )
    dialog.pick_member_hook = lambda _name: Person(zhou, "周晓晨")
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.exporter_button, Qt.MouseButton.LeftButton)
    assert dialog.exporter_label.text() == "Exported by 周晓晨" and not dialog.plan.exporter_needed
    join = next(j for j in dialog.plan.joins if j.name == "小敏")
    assert join.referrer_name == "周晓晨"
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    with database.session() as s:
        from models import Membership

        referrer = s.scalar(
            select(Membership.referrer_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == "张敏", Membership.group_id == gid)
        )
        zhou_member = s.scalar(select(Member.id).where(Member.display_name == "周晓晨"))
    assert referrer == zhou_member


def test_adding_everyone_not_on_the_roster(qtbot, ws):
    database, _owner, _gid = ws
    dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
    assert "new member" not in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.add_unknown_box.click()
    assert "1 new member(s)" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    assert dialog.summary.added_members == 1 and dialog.summary.messages == 111
    with database.session() as s:
        assert s.scalar(select(Member.display_name).where(Member.wechat_id == "wxid_k1l2m3")) == "跑步的老刘"


def _open_path(qtbot, ws, path: Path) -> ChatImportDialog:
    database, owner, gid = ws
    dialog = ChatImportDialog(database, owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(path))
    return dialog


def test_an_export_of_another_group_is_imported_only_when_confirmed(qtbot, ws, tmp_path):
    """The export says 消息对象:夜跑群: a warning over the preview, and Import asks first."""
    database, _owner, _gid = ws
    rule = "=" * 64
    path = tmp_path / "night.txt"
    path.write_text(
        f"\ufeff消息记录（此消息记录为文本格式，不支持重新导入）\n\n{rule}\n消息分组:我的群聊\n{rule}\n消息对象:夜跑群\n{rule}\n\n"
        "2026-11-05 21:10:00 芳芳(283746503)\n夜跑打卡 5公里\n\n",
        encoding="utf-8",
    )
    dialog = _open_path(qtbot, ws, path)
    assert dialog.group_warning.isVisibleTo(dialog) and "夜跑群" in dialog.group_warning.text()
    asked = []
    dialog.confirm_other_group = lambda export, group: asked.append((export, group)) or False
    dialog.start_import()
    assert asked == [("夜跑群", SCENARIO["group"]["name"])] and not dialog.runner.running
    with database.session() as s:
        assert s.scalar(select(ChatActivity.id)) is None
    dialog.confirm_other_group = lambda export, group: True
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.start_import()
    assert dialog.summary is not None and dialog.summary.messages == 1


def test_the_english_summary_counts_in_the_singular_and_plural(qtbot, ws, tmp_path, monkeypatch):
    """The English preview said "1 senders to decide" (and would say "1 check-ins", "1 joins"): every count in
    the summary has its plural form now, digits grouped."""
    from PySide6.QtCore import QCoreApplication, QLocale

    import desktop.i18n as i18n
    import ui.app
    from ui.messages import LANGUAGE_PROPERTY

    out = tmp_path / "qm"
    i18n.build(i18n.translations_dir(), out)
    monkeypatch.setattr(ui.app, "qm_paths", lambda lang: sorted(out.glob(f"*_{lang}.qm")))
    app = QCoreApplication.instance()
    ui.app.install_translators(app, "en")
    try:
        dialog = _open(qtbot, ws, "晨跑俱乐部_utf8.csv")
        text = dialog.summary_label.text()
        assert "107 messages from 12 members" in text and "47 check-ins" in text
        assert "1 sender to decide" in text and "senders" not in text
        assert dialog.tr("%n join(s)", "", 1) == "1 join" and dialog.tr("%n removal(s)", "", 2) == "2 removals"
    finally:
        for t in ui.app._translators:
            app.removeTranslator(t)
        ui.app._translators.clear()
        app.setProperty(LANGUAGE_PROPERTY, None)
        QLocale.setDefault(QLocale.c())
