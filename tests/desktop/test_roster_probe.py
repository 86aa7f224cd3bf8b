"""Roster defects a probe found (PRODUCT §2, §3.1, §3.7), each read back from the database:

- removing (已移除), blacklisting and lifting a blacklist need `delete_members` on every entry point (the member
  dialog's status, adding a member, the roster import; the server's guard for an assistant's login too), and a
  blacklisted membership is never marked left (bulk "mark left" lifted the blacklist on the side);
- a status change in the member dialog moves left_at / left_reason as the import does (one rule,
  roster.left_fields), and the undo of that edit puts them back;
- the duplicate warning compares WeChat IDs as the import does (NFKC, case folded) and names a soft-deleted
  person with the same WeChat ID or phone (restore, not a second person);
- editing a member and undoing it leaves no new tag behind."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, time, timedelta

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.errors import PermissionDenied, ValidationError
from desktop.metrics import month_stats
from desktop.services.groups import create_group
from desktop.services.members import bulk_mark_left, merge_members
from desktop.services.onboarding import leave_group, record_join
from desktop.services.operators import add_operator
from desktop.services.roster import (
    MemberInput,
    add_member,
    find_duplicates,
    get_member_input,
    restore_member,
    soft_delete_member,
    update_member,
)
from desktop.workspace import actor_for, open_workspace
from models import Member, Membership, Tag
from tests.fixed_day import TEST_TODAY

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the one dialog test below needs no display

T = TEST_TODAY
JOINED = datetime.combine(T - timedelta(days=80), time(12))
LEFT = datetime.combine(T - timedelta(days=40), time(12))


def _ms(s, membership_id: int) -> tuple:
    s.expire_all()
    ms = s.get(Membership, membership_id)
    return ms.status, ms.left_at, ms.left_reason


@pytest.fixture
def setup(workspace, owner):
    """A group 早起营, an assistant, and three members joined 80 days ago; 丙 is blacklisted."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        assistant = add_operator(s, owner, "小助理", "assistant")
        ids = {}
        for name, wx in (("甲", "jia_1"), ("乙", "yi_2"), ("丙", "Bing_San88")):
            ids[name] = add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=JOINED))
        leave_group(s, owner, ids["丙"][1], "发广告", status="blacklisted", when=LEFT)
        s.commit()
    return workspace, owner, assistant, gid, ids


# ---- 1. permission: removing, blacklisting, lifting a blacklist ---------------------------------------------


def test_an_assistant_cannot_remove_blacklist_or_unblacklist_in_the_member_dialog(setup):
    database, owner, assistant, gid, ids = setup
    with database.session() as s:
        for name, status in (("甲", "removed"), ("乙", "blacklisted"), ("丙", "active"), ("丙", "left")):
            ms = ids[name][1]
            before = _ms(s, ms)
            with pytest.raises(PermissionDenied, match="小助理"):
                update_member(s, assistant, ms, replace(get_member_input(s, ms), status=status))
            s.rollback()
            assert _ms(s, ms) == before
        # what an assistant may: mark someone left in the dialog, edit a blacklisted member's other fields
        update_member(s, assistant, ids["甲"][1], replace(get_member_input(s, ids["甲"][1]), status="left"))
        update_member(s, assistant, ids["丙"][1], replace(get_member_input(s, ids["丙"][1]), city="杭州"))
        s.commit()
        assert _ms(s, ids["甲"][1])[0] == "left"
        assert _ms(s, ids["丙"][1]) == ("blacklisted", LEFT, "发广告")
        # an owner may lift the blacklist explicitly
        update_member(s, owner, ids["丙"][1], replace(get_member_input(s, ids["丙"][1]), status="active"))
        s.commit()
        assert _ms(s, ids["丙"][1]) == ("active", None, None)


def test_an_assistant_cannot_add_a_member_as_removed_or_blacklisted(setup):
    database, owner, assistant, gid, _ids = setup
    with database.session() as s:
        for status in ("removed", "blacklisted"):
            with pytest.raises(PermissionDenied):
                add_member(s, assistant, gid, MemberInput(display_name="丁", status=status))
            s.rollback()
        assert s.scalar(select(Member.id).where(Member.display_name == "丁")) is None
        _mid, ms = add_member(s, owner, gid, MemberInput(display_name="丁", status="blacklisted", left_reason="骚扰"))
        s.commit()
        status, left_at, reason = _ms(s, ms)
        assert (status, reason) == ("blacklisted", "骚扰") and left_at is not None and left_at.date() == T


def test_a_blacklisted_membership_is_never_marked_left(setup):
    database, owner, assistant, _gid, ids = setup
    bing = ids["丙"][1]
    with database.session() as s:
        for actor in (assistant, owner):
            with pytest.raises(ValidationError, match="黑名单"):
                bulk_mark_left(s, actor, [ids["甲"][1], bing], "整理名单")
            s.rollback()
            with pytest.raises(ValidationError):
                leave_group(s, actor, bing, "整理名单")
            s.rollback()
        assert _ms(s, bing) == ("blacklisted", LEFT, "发广告")
        assert _ms(s, ids["甲"][1]) == ("active", None, None)  # the bulk action wrote nothing
        # so a join notice still does not let the person back in
        assert record_join(s, assistant, bing, datetime.combine(T, time(10))) == "blacklisted"
        s.commit()
        assert _ms(s, bing)[0] == "blacklisted"
        # an owner may still turn a blacklist into a removal (both are theirs to decide)
        leave_group(s, owner, bing, "改为移除", status="removed")
        s.commit()
        assert _ms(s, bing)[0] == "removed"


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_member_dialog_greys_out_what_an_assistant_may_not_and_names_blacklisted_and_deleted_hits(setup, qtbot):
    from ui.dialogs.member_dialog import MemberDialog

    database, owner, assistant, gid, ids = setup
    dialog = MemberDialog(database, assistant, gid, ids["甲"][1])
    qtbot.addWidget(dialog)
    model = dialog.status_combo.model()
    enabled = {dialog.status_combo.itemData(i): model.item(i).isEnabled() for i in range(dialog.status_combo.count())}
    assert enabled["removed"] is False and enabled["blacklisted"] is False and enabled["left"] is True
    assert dialog.status_combo.isEnabled()
    blacklisted = MemberDialog(database, assistant, gid, ids["丙"][1])
    qtbot.addWidget(blacklisted)
    assert not blacklisted.status_combo.isEnabled()  # lifting a blacklist is an owner's or admin's
    as_owner = MemberDialog(database, owner, gid, ids["丙"][1])
    qtbot.addWidget(as_owner)
    assert as_owner.status_combo.isEnabled()
    with database.session() as s:
        soft_delete_member(s, owner, ids["乙"][0])
        s.commit()
        hits = find_duplicates(s, display_name="新人", wechat_id="YI_2") + find_duplicates(
            s, display_name="新人", wechat_id="bing_san88"
        )
    text = as_owner.describe_duplicates(hits)
    assert "deleted" in text and "blacklisted in 早起营" in text


# ---- 2. the dialog's status change moves the leaving date --------------------------------------------------


def test_a_status_change_in_the_dialog_sets_and_clears_the_leaving_date(setup):
    database, owner, _assistant, gid, ids = setup
    jia, yi = ids["甲"][1], ids["乙"][1]
    with database.session() as s:
        leave_group(s, owner, jia, "太忙", when=LEFT)
        s.commit()
        assert month_stats(s, gid, T.year, T.month, today=T).members_total == 1  # 乙
        before_jia = get_member_input(s, jia)
        assert (before_jia.left_at, before_jia.left_reason) == (LEFT, "太忙")
        update_member(s, owner, jia, replace(before_jia, status="active"))  # 甲 is back
        update_member(s, owner, yi, replace(get_member_input(s, yi), status="left", left_reason="换工作"))
        s.commit()
        assert _ms(s, jia) == ("active", None, None)
        status, left_at, reason = _ms(s, yi)
        assert (status, reason) == ("left", "换工作") and left_at.date() == T
        stats = month_stats(s, gid, T.year, T.month, today=T)
        assert (stats.members_total, stats.left) == (1, 1)  # 甲 in again, 乙 left this month
        # a leaving date given by the caller, and left -> removed keeps the day they went
        update_member(s, owner, yi, replace(get_member_input(s, yi), left_at=LEFT))
        update_member(s, owner, yi, replace(get_member_input(s, yi), status="removed", left_at=None))
        s.commit()
        assert _ms(s, yi) == ("removed", LEFT, "换工作")
        # the undo of the first edit (update_member with what get_member_input said before) puts 甲 back exactly
        update_member(s, owner, jia, before_jia)
        s.commit()
        assert _ms(s, jia) == ("left", LEFT, "太忙")


def test_the_import_clears_the_leaving_reason_when_someone_comes_back(setup, tmp_path, any_db_url, capsys):
    database, owner, _assistant, _gid, ids = setup
    with database.session() as s:
        leave_group(s, owner, ids["甲"][1], "太忙", when=LEFT)
        s.commit()
    path = tmp_path / "roster.csv"
    path.write_text("姓名,微信号,状态\n甲,jia_1,已入群\n乙,yi_2,已退群\n", encoding="utf-8")
    code = main(["--db", any_db_url, "import", "roster", str(path), "--group", "早起营"])
    assert code == 0, capsys.readouterr()
    with database.session() as s:
        assert _ms(s, ids["甲"][1]) == ("active", None, None)
        status, left_at, _reason = _ms(s, ids["乙"][1])
        assert status == "left" and left_at.date() == T


# ---- 3. duplicates: WeChat ID case, soft-deleted people ----------------------------------------------------


def test_the_duplicate_warning_compares_wechat_ids_as_the_import_does(setup):
    database, _owner, _assistant, _gid, ids = setup
    with database.session() as s:
        other = create_group(s, _owner, "读书会")
        s.commit()
        for typed in ("Bing_San88", "bing_san88", "BING_SAN88", "ｂｉｎｇ＿ｓａｎ８８", " bing_san88 "):
            hits = find_duplicates(s, display_name="李小龙", wechat_id=typed, group_id=other)
            assert [(h.member_id, h.reason, h.blacklisted_in) for h in hits] == [
                (ids["丙"][0], "wechat_id", ("早起营",))
            ], typed
        assert find_duplicates(s, display_name="李小龙", wechat_id="bing_san8", group_id=other) == []
        # the dialog stores a full-width ID as the import does (NFKC), so later comparisons in SQL hold
        _mid, ms = add_member(s, _owner, other, MemberInput(display_name="王五", wechat_id="Ｗａｎｇ＿５"))
        s.commit()
        assert get_member_input(s, ms).wechat_id == "Wang_5"
        assert [h.display_name for h in find_duplicates(s, display_name=None, wechat_id="wang_5")] == ["王五"]


def test_a_soft_deleted_person_with_the_same_wechat_id_or_phone_is_named(setup):
    """Decision: a soft-deleted person is a duplicate hit flagged `deleted` (the dialog says to restore them):
    adding a second person and then undoing the delete would leave two live people with one WeChat ID."""
    database, owner, _assistant, gid, ids = setup
    with database.session() as s:
        mid, _ms_id = add_member(
            s, owner, gid, MemberInput(display_name="吴九", wechat_id="wj9", phone="13700137000", joined_at=JOINED)
        )
        soft_delete_member(s, owner, mid)
        s.commit()
        for kwargs in ({"wechat_id": "WJ9"}, {"phone": "137 0013 7000"}):
            (hit,) = find_duplicates(s, display_name="吴九", group_id=gid, **kwargs)
            assert (hit.member_id, hit.deleted) == (mid, True)
        # live people come first; once restored the person is a plain hit
        live, _ = add_member(s, owner, gid, MemberInput(display_name="吴久", phone="13700137000"))
        s.commit()
        hits = find_duplicates(s, display_name=None, phone="13700137000")
        assert [(h.member_id, h.deleted) for h in hits] == [(live, False), (mid, True)]
        restore_member(s, owner, mid)
        s.commit()
        assert {(h.member_id, h.deleted) for h in find_duplicates(s, display_name=None, wechat_id="wj9")} == {
            (mid, False)
        }
        # someone merged into another (soft-deleted, pointing at the kept one) is not offered for restoring
        merge_members(s, owner, ids["甲"][0], mid)
        s.commit()
        assert s.get(Member, mid).deleted_at is not None
        for kwargs in ({"wechat_id": "wj9"}, {"phone": "13700137000"}):
            assert mid not in [h.member_id for h in find_duplicates(s, display_name=None, **kwargs)]


# ---- 4. edit and undo leaves no tag behind -----------------------------------------------------------------


def test_editing_a_member_and_undoing_leaves_no_new_tag(setup):
    database, owner, _assistant, gid, _ids = setup
    with database.session() as s:
        _mid, ms = add_member(s, owner, gid, MemberInput(display_name="郑十", tags=["宝妈"], joined_at=JOINED))
        s.commit()
        tags_before = sorted(s.execute(select(Tag.id, Tag.name, Tag.color)).all())
        before = get_member_input(s, ms)
        update_member(s, owner, ms, replace(before, tags=["新标签"], status="left"))
        s.commit()
        # a plain edit taking a tag off its last carrier keeps the tag (its id, its colour)
        assert sorted(n for _i, n in s.execute(select(Tag.id, Tag.name))) == ["宝妈", "新标签"]
        update_member(s, owner, ms, before)  # the undo (roster_commands.edit_command)
        s.commit()
        assert sorted(s.execute(select(Tag.id, Tag.name, Tag.color)).all()) == tags_before
        assert get_member_input(s, ms) == before


# ---- the command line: an assistant's import may not lift a blacklist --------------------------------------


def test_cli_an_assistant_cannot_lift_a_blacklist_through_an_import(setup, tmp_path, any_db_url, capsys):
    database, _owner, _assistant, _gid, ids = setup
    bing = ids["丙"][1]
    path = tmp_path / "roster.csv"
    path.write_text("姓名,微信号,状态\n丙,bing_san88,已入群\n", encoding="utf-8")
    argv = ["--db", any_db_url, "--operator", "小助理", "import", "roster", str(path), "--group", "早起营"]
    code = main(argv)
    _out, err = capsys.readouterr()
    assert code != 0 and "黑名单" in err
    with database.session() as s:
        assert _ms(s, bing) == ("blacklisted", LEFT, "发广告")
    # the owner may
    code = main(["--db", any_db_url, "import", "roster", str(path), "--group", "早起营"])
    assert code == 0, capsys.readouterr()
    with database.session() as s:
        assert _ms(s, bing) == ("active", None, None)


# ---- the server's guard (team mode) ------------------------------------------------------------------------

LOGIN, PASSWORD = "probe_assistant", "assist-pw-9"


def test_an_assistant_login_cannot_lift_a_blacklist_on_the_server(pg_url):
    from desktop.team_roles import team_init

    database = open_workspace(pg_url)
    owner = actor_for(database)
    try:
        with database.session() as s:
            gid = create_group(s, owner, "早起营")
            _mid, ms = add_member(s, owner, gid, MemberInput(display_name="丙", joined_at=JOINED))
            leave_group(s, owner, ms, "发广告", status="blacklisted", when=LEFT)
            team_init(s, owner)
            add_operator(s, owner, "探针助理", "assistant", PASSWORD, login=LOGIN)
            s.commit()
        u = make_url(pg_url)
        dsn = f"host={u.host} port={u.port} dbname={u.database} user={LOGIN} password={PASSWORD}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            for status in ("active", "left", "onboarding"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute("UPDATE membership SET status = %s WHERE id = %s", (status, ms))
            conn.execute("UPDATE membership SET left_reason = '发广告刷屏' WHERE id = %s", (ms,))  # not the status
        with database.session() as s:
            assert _ms(s, ms) == ("blacklisted", LEFT, "发广告刷屏")
    finally:
        database.dispose()
        with psycopg.connect(
            f"host={make_url(pg_url).host} port={make_url(pg_url).port} dbname=postgres user=postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{LOGIN}"')


def test_marking_left_again_keeps_the_day_they_left(workspace, owner):
    """A bulk "mark left" over a selection that holds someone who left already: their leaving day stays."""
    from datetime import datetime

    from desktop.services.groups import create_group
    from desktop.services.members import bulk_mark_left
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import MemberInput, add_member
    from models import Membership

    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=datetime(2026, 9, 1)))
        leave_group(s, owner, ms, "搬家", when=datetime(2026, 10, 5, 9, 0))
        s.commit()
        bulk_mark_left(s, owner, [ms], "清理")
        s.commit()
        assert s.get(Membership, ms).left_at == datetime(2026, 10, 5, 9, 0)


def test_the_member_dialog_marking_someone_left_ends_their_leave(workspace, owner):
    """A leave running past the day the member dialog marks someone left ends the day before (as "mark left")."""
    from dataclasses import replace
    from datetime import date, datetime

    from desktop.services.checkins import record_leave
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
    from models import Leave

    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="乙", joined_at=datetime(2026, 9, 1)))
        record_leave(s, owner, ms, date(2026, 11, 6), date(2026, 11, 15), "出差")
        data = replace(get_member_input(s, ms), status="left", left_at=datetime(2026, 11, 8, 10))
        update_member(s, owner, ms, data)
        s.commit()
        assert [(lv.start_day, lv.end_day) for lv in s.query(Leave).filter_by(membership_id=ms)] == [
            (date(2026, 11, 6), date(2026, 11, 7))
        ]


def test_undoing_the_edit_that_marked_someone_left_puts_their_leave_back(workspace, owner):
    """The dialog's "left" cut the member's leave (end_leaves); its undo (roster_commands.edit_command →
    undo_member_edit) puts the leave days back — a dropped leave too — and only while they are in the group again;
    a leave recorded since over the same days wins."""
    from dataclasses import replace
    from datetime import date, datetime

    from desktop.services.checkins import record_leave
    from desktop.services.groups import create_group
    from desktop.services.roster import (
        MemberInput,
        add_member,
        get_member_input,
        leaves_of,
        undo_member_edit,
        update_member,
    )
    from models import Leave

    def spans(s, ms):
        return [(lv.start_day, lv.end_day, lv.reason) for lv in s.query(Leave).filter_by(membership_id=ms)]

    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="乙", joined_at=datetime(2026, 9, 1)))
        record_leave(s, owner, ms, date(2026, 11, 6), date(2026, 11, 15), "出差")
        record_leave(s, owner, ms, date(2026, 11, 20), date(2026, 11, 22), "生病")
        s.commit()
        before, leaves = get_member_input(s, ms), leaves_of(s, ms)
        after = replace(before, status="left", left_at=datetime(2026, 11, 8, 10))
        update_member(s, owner, ms, after)
        s.commit()
        assert spans(s, ms) == [(date(2026, 11, 6), date(2026, 11, 7), "出差")]
        undo_member_edit(s, owner, ms, before, leaves)
        s.commit()
        assert get_member_input(s, ms) == before
        assert sorted(spans(s, ms)) == [
            (date(2026, 11, 6), date(2026, 11, 15), "出差"),
            (date(2026, 11, 20), date(2026, 11, 22), "生病"),
        ]
        # redo cuts them again; undoing once more puts them back once (no second copy)
        update_member(s, owner, ms, after)
        s.commit()
        undo_member_edit(s, owner, ms, before, leaves)
        s.commit()
        assert len(spans(s, ms)) == 2
        # cut again: a new leave over the 20th–22nd while they are out is refused by name (no leave of days after
        # the member left, checkins.record_leave), so the undo's restore has nothing to overlap and puts both back
        update_member(s, owner, ms, after)
        s.commit()
        with pytest.raises(ValidationError, match="已退群"):
            record_leave(s, owner, ms, date(2026, 11, 21), date(2026, 11, 21), "新的")
        s.rollback()
        undo_member_edit(s, owner, ms, before, leaves)
        s.commit()
        assert sorted(spans(s, ms)) == [
            (date(2026, 11, 6), date(2026, 11, 15), "出差"),
            (date(2026, 11, 20), date(2026, 11, 22), "生病"),
        ]
