"""MemberDialog as a user fills it in: saving writes through the services, bad values are shown next to
their field while the dialog stays open, and duplicates (same WeChat ID / phone) ask before saving."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import OFFSCREEN_QUIRKS, type_text
from PySide6.QtCore import QDate, QPoint, Qt

from desktop.services.members import bulk_tag
from desktop.services.roster import RosterQuery, get_member_input, search_roster
from tests.fixed_day import TEST_TODAY
from ui.dialogs.member_dialog import MemberDialog
from ui.models.roster_table_model import local_date

pytestmark = OFFSCREEN_QUIRKS


def open_dialog(qtbot, ws, membership_id=None, actor=None) -> MemberDialog:
    dialog = MemberDialog(ws.database, actor or ws.owner, ws.group_id, membership_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def roster_names(ws) -> list[str]:
    with ws.database.session() as s:
        return [r.display_name for r in search_roster(s, RosterQuery(group_id=ws.group_id), 0, None)]


def test_adding_a_member_writes_every_field(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert dialog.windowTitle() == "Add member"
    type_text(qtbot, dialog.name_edit, "赵六")
    type_text(qtbot, dialog.nickname_edit, "六六🌈")
    type_text(qtbot, dialog.group_nickname_edit, "赵六-上海-设计")
    qtbot.keyClicks(dialog.wechat_edit, "zhaoliu_2024")
    qtbot.keyClicks(dialog.phone_edit, "138-0000-6666")
    dialog.gender_combo.setCurrentIndex(dialog.gender_combo.findData("female"))
    type_text(qtbot, dialog.city_edit, "上海")
    type_text(qtbot, dialog.occupation_edit, "设计师")
    type_text(qtbot, dialog.tags_edit, "早起，读书、设计")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("onboarding"))
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData("中咖"))
    dialog.joined_edit.setDate(QDate(2024, 5, 20))
    type_text(qtbot, dialog.purpose_edit, "想每天早起")
    type_text(qtbot, dialog.note_edit, "朋友推荐")
    for check in (dialog.seed_check, dialog.verified_check):  # click the box itself, not the empty row
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))

    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with ws.database.session() as s:
        data = get_member_input(s, saved.args[0])
    assert data.display_name == "赵六"
    assert data.nickname == "六六🌈"
    assert data.group_nickname == "赵六-上海-设计"
    assert data.wechat_id == "zhaoliu_2024"
    assert data.phone == "13800006666"
    assert data.gender == "female"
    assert (data.city, data.occupation) == ("上海", "设计师")
    assert sorted(data.tags) == sorted(["早起", "读书", "设计"])
    assert data.status == "onboarding" and data.tier == "中咖"
    assert local_date(data.joined_at) == date(2024, 5, 20)
    assert data.purpose == "想每天早起" and data.note == "朋友推荐"
    assert data.seed_user and data.real_name_verified and data.verified_on == TEST_TODAY


def test_invalid_phone_is_shown_next_to_the_field_and_nothing_is_written(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    type_text(qtbot, dialog.name_edit, "赵六")
    qtbot.keyClicks(dialog.phone_edit, "12ab")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_error("phone") == "Not a phone number"
    assert dialog.field_error("display_name") is None
    assert dialog.focusWidget() is dialog.phone_edit
    assert "赵六" not in roster_names(ws)
    # fixing it clears the message and saves
    dialog.phone_edit.clear()
    qtbot.keyClicks(dialog.phone_edit, "13800006666")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "赵六" in roster_names(ws)


def test_a_name_is_required(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    qtbot.keyClicks(dialog.wechat_edit, "noname")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_error("display_name") == "Name is required"


def test_duplicate_wechat_id_warns_and_cancel_keeps_the_dialog_open(qtbot, ws):
    asked = []

    def decline(hits):
        asked.append(hits)
        return False

    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = decline
    type_text(qtbot, dialog.name_edit, "张老三")
    qtbot.keyClicks(dialog.wechat_edit, "zhangsan_wx")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert [(h.display_name, h.reason) for h in asked[0]] == [("张三", "wechat_id")]
    assert "张三 — same WeChat ID" in dialog.describe_duplicates(asked[0])
    assert dialog.isVisible()
    assert "张老三" not in roster_names(ws)


def test_duplicate_phone_warns_and_save_anyway_saves(qtbot, ws):
    asked = []
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = lambda hits: asked.append(hits) or True
    type_text(qtbot, dialog.name_edit, "李四四")
    qtbot.keyClicks(dialog.phone_edit, "139 0013 9000")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [(h.display_name, h.reason) for h in asked[0]] == [("李四", "phone")]
    assert "李四四" in roster_names(ws)


def test_no_warning_without_duplicates(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = lambda hits: pytest.fail(f"unexpected duplicate warning: {hits}")
    type_text(qtbot, dialog.name_edit, "周七")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_editing_prefills_and_updates_without_warning_about_itself(qtbot, ws):
    dialog = open_dialog(qtbot, ws, ws.memberships["张三"])
    dialog.confirm_duplicates = lambda hits: pytest.fail(f"warned about itself: {hits}")
    assert dialog.windowTitle() == "Edit member — 张三"
    assert dialog.wechat_edit.text() == "zhangsan_wx"
    assert dialog.phone_edit.text() == "13800138000"
    assert dialog.tier_combo.currentData() == "核心"
    assert dialog.seed_check.isChecked()
    assert dialog.tags_edit.text() in ("早起, 种子", "种子, 早起")
    assert dialog.joined_edit.value() == local_date(get_joined(ws, "张三"))
    dialog.city_edit.clear()
    type_text(qtbot, dialog.city_edit, "深圳")
    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [ws.memberships["张三"]]
    with ws.database.session() as s:
        data = get_member_input(s, ws.memberships["张三"])
    assert data.city == "深圳"
    assert data.joined_at == get_joined(ws, "张三")  # an untouched date keeps its stored time


def get_joined(ws, name):
    with ws.database.session() as s:
        return get_member_input(s, ws.memberships[name]).joined_at


def test_join_date_can_be_not_set(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    assert dialog.joined_edit.value() is None
    assert dialog.joined_edit.text() == "Not set"
    dialog.joined_edit.setDate(QDate(2024, 1, 2))
    assert dialog.joined_edit.value() == date(2024, 1, 2)
    dialog.joined_edit.clear_value()
    assert dialog.joined_edit.value() is None
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("applicant"))
    type_text(qtbot, dialog.name_edit, "申请人")
    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert get_member_input(s, saved.args[0]).joined_at is None


def test_escape_cancels_without_writing(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    type_text(qtbot, dialog.name_edit, "不保存")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert "不保存" not in roster_names(ws)


def test_choose_the_group_when_adding_from_all_groups(qtbot, ws):
    dialog = MemberDialog(ws.database, ws.owner, None)
    qtbot.addWidget(dialog)
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData(ws.other_group_id))
    type_text(qtbot, dialog.name_edit, "读书人")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        rows = search_roster(s, RosterQuery(group_id=ws.other_group_id), 0, None)
    assert [r.display_name for r in rows] == ["读书人"]


def test_tags_split_as_the_import_splits_them(qtbot, ws):
    """desktop/tags.py: a space between Chinese words separates tags, one inside an English phrase does not."""
    dialog = open_dialog(qtbot, ws)
    type_text(qtbot, dialog.name_edit, "读书人")
    type_text(qtbot, dialog.tags_edit, "早起 读书, early riser、早起")
    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert sorted(get_member_input(s, saved.args[0]).tags) == ["early riser", "早起", "读书"]


def test_an_untouched_tags_field_keeps_the_stored_tags(qtbot, ws):
    """A tag written another way (here "早起 读书" from a bulk action) is not re-split by saving the member."""
    msid = ws.memberships["张三"]
    with ws.database.session() as s:
        bulk_tag(s, ws.owner, [msid], "早起 读书")
        s.commit()
        before = sorted(get_member_input(s, msid).tags)
    assert "早起 读书" in before
    dialog = open_dialog(qtbot, ws, msid)
    type_text(qtbot, dialog.note_edit, "只改备注")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        assert sorted(get_member_input(s, msid).tags) == before


def test_tab_goes_down_the_person_box_first(qtbot, ws):
    dialog = open_dialog(qtbot, ws)

    def next_stop(widget):
        nxt = widget.nextInFocusChain()
        while nxt.focusPolicy() == Qt.FocusPolicy.NoFocus or not nxt.isVisibleTo(dialog):
            nxt = nxt.nextInFocusChain()
        return nxt

    assert next_stop(dialog.name_edit) is dialog.nickname_edit
    assert next_stop(dialog.nickname_edit) is dialog.wechat_edit
    assert next_stop(dialog.tags_edit) is dialog.note_edit
    assert next_stop(dialog.note_edit) is dialog.group_combo
    assert next_stop(dialog.group_combo) is dialog.group_nickname_edit


def test_an_id_number_in_the_note_is_shown_cut_to_its_last_four_before_it_is_saved(qtbot, ws):
    """An ID-card number typed into a free-text field is never stored (PRODUCT §2): the first Save shows the
    field as it will be kept and says why, without saving; the next Save saves that."""
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = lambda hits: True
    type_text(qtbot, dialog.name_edit, "赵六")
    type_text(qtbot, dialog.note_edit, "身份证 11010119900307451X 已核对")
    type_text(qtbot, dialog.purpose_edit, "旧证 110101900307451")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "赵六" not in roster_names(ws)
    assert dialog.note_edit.toPlainText() == "身份证 ****451X 已核对"
    assert dialog.purpose_edit.toPlainText() == "旧证 ****7451"
    assert "ID-card number is never stored" in (dialog.field_error("note") or "")
    assert "ID-card number is never stored" in (dialog.field_error("purpose") or "")
    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        data = get_member_input(s, saved.args[0])
    assert (data.note, data.purpose) == ("身份证 ****451X 已核对", "旧证 ****7451")


def test_a_name_written_in_traditional_characters_or_with_a_space_warns_as_a_duplicate(qtbot, ws):
    for typed in ("張三", "张 三"):
        asked = []
        dialog = open_dialog(qtbot, ws)
        dialog.confirm_duplicates = lambda hits, asked=asked: asked.append(hits) or False
        type_text(qtbot, dialog.name_edit, typed)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert [[(h.display_name, h.reason) for h in hits] for hits in asked] == [[("张三", "similar_name")]], typed
        assert typed not in roster_names(ws)


def test_a_phone_typed_into_the_wechat_id_field_is_shown_there_and_not_saved(qtbot, ws):
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = lambda hits: True
    type_text(qtbot, dialog.name_edit, "赵六")
    qtbot.keyClicks(dialog.wechat_edit, "138 0000 6666")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_error("wechat_id") == "138 0000 6666 is a phone number: put it in the Phone field"
    assert dialog.focusWidget() is dialog.wechat_edit
    assert "赵六" not in roster_names(ws)
    # in the phone field it is a phone; a WeChat ID with digits is a WeChat ID
    dialog.wechat_edit.clear()
    qtbot.keyClicks(dialog.wechat_edit, "zhaoliu13800006666")
    qtbot.keyClicks(dialog.phone_edit, "138 0000 6666")
    with qtbot.waitSignal(dialog.member_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        data = get_member_input(s, saved.args[0])
    assert (data.wechat_id, data.phone) == ("zhaoliu13800006666", "13800006666")


def test_two_people_of_one_name_are_told_apart_in_the_duplicate_warning(qtbot, ws):
    """Two real 张三 stay two: the warning about a third says which is which (id, WeChat ID, phone's last four)."""
    from desktop.services.roster import MemberInput, add_member

    with ws.database.session() as s:
        other, _ = add_member(s, ws.owner, ws.group_id, MemberInput(display_name="张三", wechat_id="zs_hz"))
        s.commit()
    asked = []
    dialog = open_dialog(qtbot, ws)
    dialog.confirm_duplicates = lambda hits: asked.append(hits) or False
    type_text(qtbot, dialog.name_edit, "张三")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = dialog.describe_duplicates(asked[0])
    first = ws.members["张三"]
    assert text.splitlines() == [
        f"• 张三 — very similar name in this group (#{first}, WeChat zhangsan_wx, phone …8000)",
        f"• 张三 — very similar name in this group (#{other}, WeChat zs_hz)",
    ]


def test_a_join_date_after_the_day_a_former_member_left_is_refused_on_the_field(qtbot, ws):
    """It was an IntegrityError out of the dialog (the membership's join-before-leave check)."""
    from datetime import datetime

    from desktop.services.onboarding import leave_group

    msid = ws.memberships["李四"]
    with ws.database.session() as s:
        leave_group(s, ws.owner, msid, "换工作", when=datetime(2026, 10, 1, 9, 30))
        s.commit()
        before = get_member_input(s, msid)
    dialog = open_dialog(qtbot, ws, msid)
    dialog.joined_edit.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.field_error("joined_at") == "The join date cannot be after the day they left, 2026-10-01"
    with ws.database.session() as s:
        assert get_member_input(s, msid) == before
    # the day they left is fine: they joined and left that day
    dialog.joined_edit.setDate(QDate(2026, 10, 1))
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        after = get_member_input(s, msid)
    assert (after.joined_at, after.left_at, after.status) == (
        datetime(2026, 10, 1, 9, 30),
        datetime(2026, 10, 1, 9, 30),
        "left",
    )


def test_saving_an_edit_keeps_what_another_assistant_changed_while_the_dialog_was_open(qtbot, ws):
    """The dialog is open on 张三; another assistant marks 张三 left and tags them; the city is changed here and
    saved: 张三 stays left, with both tags — saving had set back every field the dialog was opened with."""
    from datetime import datetime

    from desktop.services.onboarding import leave_group

    dialog = open_dialog(qtbot, ws, ws.memberships["张三"])
    with ws.database.session() as s:
        leave_group(s, ws.owner, ws.memberships["张三"], "换了工作", when=datetime(2026, 11, 10, 9, 0))
        bulk_tag(s, ws.owner, [ws.memberships["张三"]], "优秀学员")
        s.commit()
    dialog.city_edit.clear()
    type_text(qtbot, dialog.city_edit, "深圳")
    with qtbot.waitSignal(dialog.member_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        data = get_member_input(s, ws.memberships["张三"])
    assert data.city == "深圳"
    assert (data.status, data.left_reason) == ("left", "换了工作")
    assert sorted(data.tags) == sorted(["早起", "种子", "优秀学员"])
