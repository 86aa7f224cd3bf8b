"""One laptop (SQLite): a phone written into what people type — a name (张三13812345678, 李四 138-1234-5678,
王五(微信 wx_13812345678)), a nickname, an activity's title, place or hosts, a share's title, a violation's note, an
adjustment's reason, a step's answer — was shown whole to an assistant on the Activities, Points, Onboarding and
Dashboard pages, in the member panel's timeline and entry steps, the referral tree, the step record and activity
dialogs, while on a team server their login reads all of it masked (team_roles' views) and the roster and the
Check-ins page already masked names for them. Every page and dialog now shows it them masked
(desktop.services.operators.names_shown_to); the owner sees what is stored; nothing stored changes.

The corpus is a demo workspace whose free text is then written with phones in it, as an organiser types them; every
string each page shows (labels, buttons, every table cell and tooltip) is read back."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from fixed_day import TEST_TODAY
from helpers import OFFSCREEN_QUIRKS, isolate_settings
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import select, text

from desktop.demo import build_demo
from desktop.services.operators import add_operator
from desktop.services.roster import find_duplicates, get_member_input, update_member
from desktop.workspace import actor_for, open_workspace
from models import Activity, Member, Membership, StepProgress
from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.referral_tree_dialog import ReferralTreeDialog
from ui.dialogs.step_record_dialog import StepRecordDialog
from ui.pages.activities_page import ActivitiesPage
from ui.pages.checkins_page import CheckinsPage
from ui.pages.dashboard_page import ALERT_KINDS, DashboardPage
from ui.pages.onboarding_page import OnboardingPage
from ui.pages.points_page import PointsPage
from ui.pages.roster_page import RosterPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

# the phones written into the corpus all end in 12345678, however written; what a masked text keeps of one
# (138****) or the phone column's mask (138****5678) never holds those eight digits
LEAK = re.compile(r"1\W{0,3}2\W{0,3}3\W{0,3}4\W{0,3}5\W{0,3}6\W{0,3}7\W{0,3}8")

POISON = (
    "UPDATE member SET display_name = display_name || CASE id % 3 WHEN 0 THEN '13812345678'"
    " WHEN 1 THEN ' 138-1234-5678' ELSE '(微信 wx_13812345678)' END WHERE id % 2 = 0",
    "UPDATE member SET nickname = coalesce(nickname, '昵称') || ' 13912345678' WHERE id % 5 = 0",
    "UPDATE membership SET group_nickname = '群昵称-138 1234 5678' WHERE id % 6 = 0",
    "UPDATE membership SET purpose = '想早起, 联系我 13812345678' WHERE status IN ('applicant', 'onboarding')",
    "UPDATE step_progress SET answer = '答: 手机 15912345678'",
    "UPDATE activity SET title = title || ' 报名 15812345678', place = '某地 010-12345678', hosts = '主持 15712345678'",
    "UPDATE points_entry SET reason = reason || ' 调整 15612345678' WHERE id % 50 = 0",
    "UPDATE violation SET note = '违规 15312345678'",
    "UPDATE contribution SET title = '分享 15212345678'",
    "UPDATE leave SET reason = '请假 15512345678'",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("privacy2")
    database = open_workspace(folder / "ws.sqlite", backup_dir=folder / "backups")
    build_demo(database.engine, groups=2, members=120, months=2, seed=1, today=TEST_TODAY)
    owner = actor_for(database)
    with database.session() as s:
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
    with database.engine.begin() as c:
        for statement in POISON:
            c.execute(text(statement))
    yield database, owner, assistant
    database.dispose()


@pytest.fixture(autouse=True)
def settings(tmp_path):
    isolate_settings(tmp_path)


def _model_texts(model, parent=QModelIndex(), depth=0):  # noqa: B008
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model's columnCount is not callable from Python
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and depth < 4 and model.rowCount(index):
                yield from _model_texts(model, index, depth + 1)


def shown_texts(root: QWidget) -> list[str]:
    """Every text `root` shows or holds for a tooltip: labels, buttons, fields, combo items, every view's cells."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        out.append(w.toolTip())
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out.extend(_model_texts(w.model()))
    return [t for t in out if t]


def leaks(texts) -> list[str]:
    return [t for t in texts if LEAK.search(t)]


def _pages(qtbot, database, actor):
    pages = {
        "roster": RosterPage(database, actor),
        "dashboard": DashboardPage(database, actor, runner=InlineTaskRunner(), today=TEST_TODAY),
        "onboarding": OnboardingPage(database, actor, today=TEST_TODAY),
        "activities": ActivitiesPage(database, actor),
        "points": PointsPage(database, actor),
    }
    for page in pages.values():
        qtbot.addWidget(page)
        page.resize(1280, 800)
    return pages


def _visit(qtbot, pages, group_id) -> dict[str, list[str]]:
    """Each page shown for the group, its texts read; the activities page for each of its activities."""
    out: dict[str, list[str]] = {}
    for key, page in pages.items():
        page.set_group(group_id)
        page.show()
        qtbot.wait(20)
        texts = shown_texts(page)
        if key == "activities":
            for row in range(page.activity_model.rowCount()):
                page.activity_table.selectRow(row)
                texts += shown_texts(page)
        if key == "points":
            for row in page.leaderboard_model.rows[:15]:
                page.show_ledger(row.membership_id)
                texts += shown_texts(page)
        if key == "dashboard":
            for kind in ALERT_KINDS:
                dialog = page.open_alert_members(kind)
                if dialog is not None:
                    texts += shown_texts(dialog)
                    dialog.close()
        out[key] = texts
        page.hide()
    return out


def test_no_page_shows_an_assistant_a_phone_the_owner_sees_them(qtbot, corpus):
    database, owner, assistant = corpus
    for group_id in (1, 2):
        seen = _visit(qtbot, _pages(qtbot, database, assistant), group_id)
        assert {key: leaks(texts)[:3] for key, texts in seen.items() if leaks(texts)} == {}
        assert all(seen.values())
        # the owner reads what is stored: the corpus reaches every page (activities, points, onboarding, dashboard)
        stored = _visit(qtbot, _pages(qtbot, database, owner), group_id)
        assert {key for key, texts in stored.items() if leaks(texts)} >= {"activities", "points", "onboarding"}


def _poisoned_membership(database) -> int:
    with database.session() as s:
        return s.scalars(
            select(Membership.id)
            .join(Member, Member.id == Membership.member_id)
            .join(StepProgress, StepProgress.membership_id == Membership.id)
            .where(Member.display_name.like("%5678%"), Membership.status.in_(("active", "onboarding")))
            .order_by(Membership.id)
        ).first()


def test_the_member_panel_timeline_and_steps_mask_answers_for_an_assistant(qtbot, corpus):
    database, owner, assistant = corpus
    msid = _poisoned_membership(database)
    for actor, leaking in ((assistant, False), (owner, True)):
        page = RosterPage(database, actor, group_id=1)
        qtbot.addWidget(page)
        page.show()
        assert page.select_membership(msid)
        page.update_panel()
        panel_texts = shown_texts(page.member_panel) + page.member_panel.timeline_texts()
        assert bool(leaks(panel_texts)) is leaking, leaks(panel_texts)[:3]
        prompt = page.member_panel.mark_left()  # "Why did 付晨伟 138****… leave?"
        assert prompt is not None and bool(leaks(shown_texts(prompt))) is leaking
        prompt.close()


def test_the_referral_tree_masks_names_for_an_assistant(qtbot, corpus):
    database, owner, assistant = corpus
    page = RosterPage(database, assistant, group_id=1)
    qtbot.addWidget(page)
    dialog = page.open_referral_tree()
    assert dialog.model.rowCount() and not leaks(shown_texts(dialog))
    dialog.close()
    whole = ReferralTreeDialog(database, 1)  # as stored (the owner's page gives no mask)
    qtbot.addWidget(whole)
    assert leaks(shown_texts(whole))


def test_a_step_record_holding_a_phone_is_masked_and_kept_for_an_assistant(qtbot, corpus):
    database, _owner, assistant = corpus
    msid = _poisoned_membership(database)
    with database.session() as s:
        record = s.scalars(select(StepProgress).where(StepProgress.membership_id == msid)).first()
        step_id, stored = record.step_id, record.answer
    dialog = StepRecordDialog(database, assistant, msid, step_id)
    qtbot.addWidget(dialog)
    assert not leaks(shown_texts(dialog))
    assert dialog.answer_edit.toPlainText() == "答: 手机 159****"
    assert dialog.answer_edit.isReadOnly()
    assert dialog.answer() == stored  # what a save would write: the stored answer, never the mask


def test_an_activity_holding_a_phone_opens_masked_and_saves_what_is_stored(qtbot, corpus):
    database, owner, assistant = corpus
    with database.session() as s:
        activity = s.scalars(select(Activity).where(Activity.group_id == 1).order_by(Activity.id)).first()
        activity_id, title, place, hosts = activity.id, activity.title, activity.place, activity.hosts
    dialog = ActivityDialog(database, assistant, 1, activity_id)
    qtbot.addWidget(dialog)
    assert not leaks(shown_texts(dialog) + [dialog.windowTitle()])
    assert dialog.title_edit.isReadOnly() and dialog.title_edit.text().endswith("报名 158****")
    # a change of the capacity saved: title, place and hosts stay as stored, not as shown
    dialog.capacity_spin.setValue(40)
    data = dialog.current_input()
    assert (data.title, data.place, data.hosts, data.capacity) == (title, place, hosts, 40)
    dialog.save()
    with database.session() as s:
        saved = s.get(Activity, activity_id)
        assert (saved.title, saved.place, saved.hosts, saved.capacity) == (title, place, hosts, 40)
    mine = ActivityDialog(database, owner, 1, activity_id)  # the owner edits what is stored
    qtbot.addWidget(mine)
    assert mine.title_edit.text() == title and not mine.title_edit.isReadOnly()


def test_the_leave_dialog_lists_masked_names_and_finds_the_member_chosen(qtbot, corpus):
    """On the Check-ins page an assistant chose 丁健浩 138-1234-5678 (listed to them as 丁健浩 138****) and opened the
    leave dialog: it searched for the masked name, found nobody and came up with no one chosen — and its list, typed
    into, showed every name whole. It now lists them masked and finds the member chosen by what is stored."""
    database, _owner, assistant = corpus
    page = CheckinsPage(database, assistant)
    qtbot.addWidget(page)
    page.set_group(1)
    page.refresh_day()
    people = page.pending_model.people()
    row, person = next((i, p) for i, p in enumerate(people) if p.display_name.endswith("138****"))
    page.pending_view.setCurrentIndex(page.pending_model.index(row, 0))
    dialog = page.open_leave_dialog()
    assert dialog is not None
    chosen = dialog.member_search.current()
    assert chosen is not None and chosen.membership_id == person.membership_id
    assert dialog.member_search.search_edit.text() == person.display_name
    dialog.member_search.search_edit.setText("")
    dialog.member_search.search()  # everyone, as the list shows them
    assert dialog.member_search.model.rowCount() > 20
    assert not leaks(shown_texts(dialog))
    dialog.close()


def test_the_undo_of_an_assistants_edit_names_the_member_masked(qtbot, corpus):
    """An assistant changed the city of 丁健浩 138-1234-5678: the message bar and the Edit menu's Undo read "Edited
    丁健浩 138-1234-5678." — now the name as they see it."""
    database, _owner, assistant = corpus
    msid = _poisoned_membership(database)
    page = RosterPage(database, assistant, group_id=1)
    qtbot.addWidget(page)
    with database.session() as s:
        before = get_member_input(s, msid)
        update_member(s, assistant, msid, replace(before, city="杭州"), loaded=before)
        s.commit()
    page._on_member_saved(msid, before)
    texts = [page.undo_label.text(), page.undo_stack.undoText()]
    assert all(t.endswith("138****.") for t in texts), texts
    assert not leaks(texts)


def test_the_duplicate_warning_names_the_other_person_masked_for_an_assistant(qtbot, corpus):
    """Adding a member whose name is very like one on the roster: the warning named 付晨伟 138-1234-5678 whole to
    an assistant (and a WeChat ID that is a phone)."""
    database, owner, assistant = corpus
    with database.session() as s:
        name = s.scalar(select(Member.display_name).where(Member.display_name.like("%138-1234-5678")))
        hits = find_duplicates(s, display_name=name.split(" ")[0], wechat_id="13712345678", group_id=1)
    assert hits
    for actor, leaking in ((assistant, False), (owner, True)):
        dialog = MemberDialog(database, actor, group_id=1)
        qtbot.addWidget(dialog)
        text = dialog.describe_duplicates(hits)
        assert bool(leaks([text])) is leaking, text


def test_the_batch_points_dialog_masks_names_for_an_assistant(qtbot, corpus):
    """The points dialog for several members (probe points3, merged beside this probe) listed the chosen members,
    the pasted names' matches and their choice lists with phones whole to an assistant."""
    from ui.dialogs.points_dialogs import BatchAdjustDialog

    database, owner, assistant = corpus
    with database.session() as s:
        rows = s.execute(
            select(Membership.id, Member.display_name)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == 1, Membership.status == "active")
        ).all()
    ids = [mid for mid, _name in rows]
    pasted = "\n".join(name for _mid, name in rows[:20])  # as written, phones and all: the user's own text
    texts = {}
    for who, actor in (("assistant", assistant), ("owner", owner)):
        dialog = BatchAdjustDialog(database, actor, 1, ids)
        qtbot.addWidget(dialog)
        dialog.set_text(pasted)
        dialog.update_preview()
        # the pasted text is the user's own (in its box, and quoted where a line names nobody): only what the dialog
        # shows of the roster counts
        quoted = dialog.summary_label.text() if hasattr(dialog, "summary_label") else ""
        texts[who] = [t for t in shown_texts(dialog) if t not in pasted.splitlines() and t not in (pasted, quoted)]
    assert leaks(texts["owner"])  # the corpus holds phones the owner sees
    assert leaks(texts["assistant"]) == []
