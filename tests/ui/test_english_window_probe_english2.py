"""The English window of an English-speaking community (probe-english2): with the English translation loaded, what
the Check-ins page, its leave dialog and the points paste show for an English chain is English — a Chinese word in
code, shown to an English user, is a bug."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace, shown_checkins_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from test_english_probe import compiled, english  # noqa: F401  (fixtures)

from desktop.services.activities_queries import attendance_sheet
from desktop.services.participation import ActivityInput, create_activity
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import AttendancePasteDialog
from ui.dialogs.points_dialogs import BatchAdjustDialog
from ui.pages.checkins_page import CheckinsPage

pytestmark = OFFSCREEN_QUIRKS

PEOPLE = ["Amy Wang", "Tony Huang", "Bob Smith", "Carol Jones", "Eve Park", "Frank Wu", "Grace Li", "Kate Sun"]
HAN = re.compile(r"[\u3400-\u9fff]")
# the Chinese term in brackets after its English (`late (补卡)`, `a chain (接龙)`) is a hint for those who meet it in
# Chinese chats, and #接龙 is the tag a pasted chain starts with: the rest must be English
GLOSS = re.compile(r"\([^()]*[\u3400-\u9fff][^()]*\)|#接龙")


def chinese(texts: list[str]) -> list[str]:
    return [t for t in texts if HAN.search(GLOSS.sub("", t))]


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        for name in PEOPLE:
            _, ms = add_member(
                s,
                workspace.owner,
                workspace.group_id,
                MemberInput(display_name=name, joined_at=datetime(2026, 1, 5, 9)),
            )
            workspace.memberships[name] = ms
        s.commit()
    yield workspace
    close_workspace(workspace)


def shown_texts(widget: QWidget, data: set[str]) -> list[str]:
    """Every text the user reads in `widget` — visible labels and buttons, and the preview's cells and tooltips —
    with the workspace's own data (a Chinese group name) taken out."""
    out = []
    for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if w.isVisibleTo(widget) and w.text():
            out.append(w.text())
        if w.isVisibleTo(widget) and w.toolTip():
            out.append(w.toolTip())
    model = getattr(widget, "preview_model", None)
    if model is not None:
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    v = model.index(r, c).data(role)
                    if isinstance(v, str) and v:
                        out.append(v)
    cleaned = []
    for t in out:
        for d in data:
            t = t.replace(d, "")
        cleaned.append(t)
    return cleaned


DATA = {"早起打卡营", "读书会", "小助理"}  # the workspace's own names (helpers.make_workspace)
CHAIN = """#Check-in Morning run
1. Amy Wang ✅
2. Tony Huang - done 5km
3. Bob Smith (late for Fri)
4. Carol Jones make-up for Monday
5. Eve Park on leave till Fri
6. Frank Wu skip
7. Grace Li away this week
8. Kate Sun catching up Saturday
9. Nobody Here done
"""


def test_the_checkins_page_reads_an_english_chain_in_english(qtbot, english, ws):  # noqa: F811
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.set_group(ws.group_id)
    page.set_day(TEST_TODAY)
    page.set_paste_text(CHAIN)
    assert chinese(shown_texts(page, DATA)) == []


@pytest.fixture
def page(qtbot, ws):
    p = shown_checkins_page(qtbot, ws, (1280, 800))
    p.set_day(TEST_TODAY)
    return p


def test_the_late_and_leave_cells_read_in_english(qtbot, english, page):  # noqa: F811
    """`3. Bob Smith (late for Fri)` showed `补卡 11-13` in the English window, `Eve Park on leave till Fri` `Not logged
    (请假 2026-11-18 – 2026-11-20)` — and before probe-english2 the first was no make-up at all."""
    page.set_paste_text(CHAIN)
    cells = shown_texts(page, DATA)
    friday = TEST_TODAY - timedelta(days=(TEST_TODAY.weekday() - 4) % 7 or 7)
    assert f"late {friday:%m-%d}" in cells
    friday_on = TEST_TODAY + timedelta(days=(4 - TEST_TODAY.weekday()) % 7)
    assert f"Not logged (on leave {TEST_TODAY.isoformat()} – {friday_on.isoformat()})" in cells
    assert chinese(cells) == []


def test_a_title_naming_two_days_is_asked_in_english(qtbot, english, page):  # noqa: F811
    """`#Check-in last Monday` pasted on a Wednesday: this Monday or the one before? The banner asks, in English, and
    offers no day; `#Check-in last Friday` is dated that Friday."""
    assert TEST_TODAY.weekday() == 2  # a Wednesday: `last Monday` is two days ago, or nine
    page.set_paste_text("#Check-in last Monday\n1. Amy Wang ✅\n2. Tony Huang done\n")
    assert page.title_banner.isVisibleTo(page)
    text = page.title_date_label.text()
    assert "last Monday" in text and "the one just gone, or the one of last week" in text
    assert not page.use_title_day_button.isVisibleTo(page)
    assert chinese(shown_texts(page, DATA)) == []
    page.set_paste_text("#Check-in last Friday\n1. Amy Wang ✅\n2. Tony Huang done\n")
    assert page.title_banner.isVisibleTo(page)
    friday = TEST_TODAY - timedelta(days=5)
    button = page.use_title_day_button
    assert button.isVisibleTo(page) and button.text().startswith("Log it for") and str(friday.day) in button.text()
    page.set_paste_text("#Thanksgiving check-in\n1. Amy Wang ✅\n")  # the US's Thursday or Canada's Monday?
    text = page.title_date_label.text()
    assert "Thanksgiving" in text and "moves from year to year" in text and not button.isVisibleTo(page)


def test_the_leave_dialog_opens_on_the_english_lines_days_in_english(qtbot, english, page):  # noqa: F811
    page.set_paste_text(CHAIN)
    model = page.preview_model
    row = next(r for r in range(model.rowCount()) if model.status(r) == "leave")
    dialog = page.open_leave_for_line(row)
    assert dialog is not None
    friday = TEST_TODAY + timedelta(days=(4 - TEST_TODAY.weekday()) % 7)
    assert (dialog.start_edit.date().toPython(), dialog.end_edit.date().toPython()) == (TEST_TODAY, friday)
    assert chinese(shown_texts(dialog, DATA)) == []
    dialog.reject()


def test_a_points_list_pasted_in_english_reads_in_english(qtbot, english, ws):  # noqa: F811
    """`Star of the month: Amy Wang, Tony Huang` in the batch points dialog: both matched, the title line no name."""
    dialog = BatchAdjustDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Amy Tony Carol" in dialog.paste_edit.placeholderText()
    dialog.set_text("Star of the month: Amy Wang, Tony Huang\nBob Smith\n")
    assert sorted(dialog.chosen_members()) == sorted(ws.memberships[n] for n in ("Amy Wang", "Tony Huang", "Bob Smith"))
    texts = [dialog.table.item(r, c).text() for r in range(dialog.table.rowCount()) for c in range(2)]
    assert chinese(texts + shown_texts(dialog, DATA)) == []


def test_an_english_sign_up_chain_reads_in_english(qtbot, english, ws):  # noqa: F811
    """The sign-up paste of an activity: `Bob Smith can't make it, sorry` and `Eve Park - not sure yet` took places;
    `+1 (Carol Jones)` was read as `(Bob`-like half names. Now only those coming are marked, and every row says why in
    English."""
    start = datetime.combine(TEST_TODAY, datetime.min.time()).replace(hour=10)
    with ws.database.session() as s:
        aid = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="Saturday picnic", starts_at=start, ends_at=start)
        )
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "Saturday picnic")
    qtbot.addWidget(dialog)
    dialog.set_text(
        "#Sign-up Saturday picnic\n1. Amy Wang +2 kids\n2. Tony Huang - count me in\n3. +1 (Carol Jones)\n"
        "4. Bob Smith can't make it, sorry\n5. Eve Park - not sure yet\n"
    )
    dialog.apply()
    with ws.database.session() as s:
        marked = {a.membership_id for a in attendance_sheet(s, ws.group_id, aid) if a.status == "registered"}
    assert marked == {ws.memberships[n] for n in ("Amy Wang", "Tony Huang", "Carol Jones")}
    cells = [
        dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
        if dialog.table.item(r, c) is not None
    ]
    assert chinese(cells + shown_texts(dialog, DATA)) == []
