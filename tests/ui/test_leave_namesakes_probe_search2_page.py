"""Finding the right person, on the Check-ins page (probe search2): `王芳 请假` in a pasted chain whose group has two
王芳 (told apart by WeChat ID and group nickname). Double-click (or Enter) on the 请假 row opened nothing — the
assistant was left to find where leave is recorded and whom the line meant. It opens the leave dialog listing the
two 王芳 with what tells them apart, the line's days and text filled in, and no one chosen: Save waits until the
assistant picks one (never the first)."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, shown_checkins_page

from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY

TODAY = TEST_TODAY


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as session:
        for wx, nick in (("wf_1990", None), ("fang_w88", "王芳-二班")):
            _mid, msid = add_member(
                session,
                workspace.owner,
                workspace.group_id,
                MemberInput(display_name="王芳", wechat_id=wx, group_nickname=nick),
            )
            workspace.memberships[wx] = msid
        session.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    return shown_checkins_page(qtbot, ws)


def _leave_rows(page) -> list[int]:
    model = page.preview_model
    return [r for r in range(model.rowCount()) if model.status(r) == "leave"]


def test_a_leave_line_of_two_namesakes_opens_the_dialog_asking_which_one(qtbot, page, ws):
    page.set_day(TODAY)
    page.set_paste_text(f"#接龙 早起打卡 {TODAY.month}月{TODAY.day}日\n1. 张三 6:02\n2. 王芳 今天请假\n")
    rows = _leave_rows(page)
    assert len(rows) == 1
    dialog = page.open_leave_for_line(rows[0])
    assert dialog is not None, "the 请假 row of two namesakes opened nothing"
    listed = {
        dialog.member_search.model.person_at(i).membership_id for i in range(dialog.member_search.model.rowCount())
    }
    assert listed == {ws.memberships["wf_1990"], ws.memberships["fang_w88"]}
    texts = [dialog.member_search.model.index(i, 0).data() for i in range(dialog.member_search.model.rowCount())]
    assert len(set(texts)) == 2 and any("wf_1990" in t for t in texts) and any("王芳-二班" in t for t in texts)
    assert dialog.member_search.current() is None  # never the first
    assert not dialog.save_button.isEnabled()
    assert "王芳 今天请假" in dialog.reason_edit.text()
    assert dialog.start_edit.date().toPython() == TODAY
    dialog.member_search.select_membership(ws.memberships["fang_w88"])
    assert dialog.save_button.isEnabled()
    dialog.reject()


def test_namesakes_with_nothing_else_to_tell_them_apart_read_with_their_phone_tail_or_join_day(qtbot, page, ws):
    """Two 李娜 with no nickname and no WeChat ID: the list showed 李娜 twice. Each reads with what tells them apart
    that the assistant may see: the phone's last four digits (as the roster shows 138****8000), else the join day."""
    from datetime import datetime

    with ws.database.session() as session:
        for phone, joined in (("13811112222", datetime(2024, 5, 1, 9, 0)), (None, datetime(2024, 6, 2, 9, 0))):
            add_member(session, ws.owner, ws.group_id, MemberInput(display_name="李娜", phone=phone, joined_at=joined))
        session.commit()
    page.set_day(TODAY)
    page.set_paste_text(f"#接龙 早起打卡 {TODAY.month}月{TODAY.day}日\n1. 李娜 请假一天\n")
    rows = _leave_rows(page)
    assert len(rows) == 1
    dialog = page.open_leave_for_line(rows[0])
    assert dialog is not None
    texts = sorted(dialog.member_search.model.index(i, 0).data() for i in range(dialog.member_search.model.rowCount()))
    assert len(texts) == 2 and len(set(texts)) == 2, texts
    assert any("2222" in t for t in texts) and any("2024-06-02" in t for t in texts)
    assert not any("13811112222" in t or "8111" in t for t in texts)  # the tail only, as the roster shows it
    assert dialog.member_search.current() is None and not dialog.save_button.isEnabled()
    # typing the name again lists the same two, told apart the same way
    dialog.member_search.search("李娜")
    again = sorted(dialog.member_search.model.index(i, 0).data() for i in range(dialog.member_search.model.rowCount()))
    assert again == texts
    dialog.reject()
