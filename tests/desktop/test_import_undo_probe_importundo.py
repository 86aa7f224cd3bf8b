"""Undo an import (probe importundo; desktop/services/import_undo.py, `qundesk import undo`): a roster, an
applications survey and a check-in sheet imported into the WRONG group are taken back, the workspace read back equal
to the one before (every table's rows, the ledger's balances, a recompute finding nothing to change); what was
recorded since on the import's people stays and is named; an assistant undoes only their own import and never
deletes members. Real SQLite files, real .xlsx files; a fixed today."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select, text

from desktop.cli import main
from desktop.errors import NotFound, PermissionDenied
from desktop.services.checkin_import import run_checkin_import
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.import_undo import undo_last_import
from desktop.services.imports import run_import
from desktop.services.operators import add_operator
from desktop.services.points import recompute_preview
from desktop.services.roster import MemberInput, add_member, update_member
from desktop.workspace import actor_for, open_workspace
from models import Membership, kept

TODAY = date(2026, 12, 10)
JOINED = datetime(2026, 11, 1, 12, 0)
# what an undo may leave different: the audit log (the import and its undo are history), the undo records, the ledger
# (reversing entries are appended: compared by balance instead) and the moments of writes
SKIP_TABLES = {"audit_log", "import_run", "import_item", "points_entry", "alembic_version", "tier_history"}
# (and streak_checked: a mark that the streak bonuses were reconciled, which an undo's reconcile sets — models 0013)
SKIP_COLUMNS = {"updated_at", "streak_checked"}


@pytest.fixture(autouse=True)
def on_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def snapshot(database) -> dict[str, list[tuple]]:
    """Every table's rows, read back (sorted), and every membership's points balance."""
    out: dict[str, list[tuple]] = {}
    with database.session() as s:
        conn = s.connection()
        names = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        for name in sorted(names):
            if name in SKIP_TABLES or name.startswith("sqlite_"):
                continue
            cols = [r[1] for r in conn.execute(text(f'PRAGMA table_info("{name}")')) if r[1] not in SKIP_COLUMNS]
            rows = conn.execute(text(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}"')).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
        out["balances"] = sorted(
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT membership_id, SUM(points) FROM points_entry GROUP BY membership_id HAVING SUM(points) != 0"
                )
            )
        )
    return out


def assert_same(before: dict, after: dict) -> None:
    for name in before:
        assert after[name] == before[name], name


def consistent(database, *group_ids: int) -> None:
    with database.session() as s:
        for gid in group_ids:
            assert recompute_preview(s, gid) == []
        assert kept.drift(s.connection()) == []


def setup(database) -> dict[str, int]:
    owner = actor_for(database)
    with database.session() as s:
        right = create_group(s, owner, "早起营")
        wrong = create_group(s, owner, "读书会")
        _, wang = add_member(
            s, owner, wrong, MemberInput("王芳", nickname="芳芳", wechat_id="wangfang88", joined_at=JOINED)
        )
        _, zhao = add_member(s, owner, wrong, MemberInput("赵磊", wechat_id="zhaolei", joined_at=JOINED))
        _, li = add_member(s, owner, right, MemberInput("李雷", wechat_id="lilei01", joined_at=JOINED))
        record_checkins(s, owner, wrong, date(2026, 12, 1), [wang, zhao])
        record_checkins(s, owner, wrong, date(2026, 12, 2), [zhao])
        s.commit()
    return {"right": right, "wrong": wrong, "wang": wang, "zhao": zhao, "li": li}


def roster_xlsx(path: Path) -> Path:
    """早起营's roster: 王芳 (also in 读书会) with a new nickname and phone, 李雷 (早起营's, by WeChat ID), two
    newcomers, a tag column."""
    wb = Workbook()
    ws = wb.active
    ws.append(["早起营 成员名册"])
    ws.append(["姓名", "昵称", "微信号", "手机号", "标签", "入群时间"])
    ws.append(["王芳", "早起的芳", "wangfang88", "13812345678", "VIP", "2026-11-01"])
    ws.append(["李雷", None, "lilei01", None, "老成员", "2026-11-01"])
    ws.append(["新人甲", None, "xinren_a", "13900001111", None, "2026-11-20"])
    ws.append(["新人乙", None, None, None, "VIP", "2026-11-21"])
    wb.save(path)
    return path


def test_a_roster_imported_into_the_wrong_group_is_undone_to_the_workspace_before(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        before = snapshot(database)
        owner = actor_for(database)
        _plan, summary, _created = run_import(database, owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
        assert summary is not None and summary.added == 3 and summary.updated == 1  # 王芳 updated; 李雷 + 2 new added
        assert snapshot(database) != before
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
        assert sorted(result.removed_memberships) == ["新人乙", "新人甲", "李雷"]
        assert sorted(result.removed_people) == ["新人乙", "新人甲"]  # 李雷 is 早起营's: his record stays
        assert result.kept == []
        assert result.values >= 2  # 王芳's nickname and phone
        assert_same(before, snapshot(database))
        consistent(database, ids["right"], ids["wrong"])
        with database.session() as s:  # nothing left to undo: said
            with pytest.raises(NotFound):
                undo_last_import(s, owner, ids["wrong"])
    finally:
        database.dispose()


def test_what_was_recorded_since_stays_and_is_named(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        owner = actor_for(database)
        run_import(database, owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
        with database.session() as s:
            new_a = s.scalar(
                select(Membership.id).where(Membership.group_id == ids["wrong"]).order_by(Membership.id.desc())
            )
            # after the import: a check-in of a newcomer it added, and 王芳's nickname edited again by hand
            record_checkins(s, owner, ids["wrong"], date(2026, 12, 9), [new_a])
            update_member(
                s, owner, ids["wang"], MemberInput("王芳", nickname="芳姐", wechat_id="wangfang88", phone="13812345678")
            )
            s.commit()
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
            said = [str(k) for k in result.kept]
            assert any("新人乙" in k and "recorded on it since" in k for k in said), said
            assert any("王芳" in k and "芳姐" in k and "edited since" in k for k in said), said
            nickname, phone = s.execute(text("SELECT nickname, phone FROM member WHERE display_name='王芳'")).one()
            assert (nickname, phone) == ("芳姐", None)  # the edit kept; the import's phone taken back
            assert not any("phone" in k for k in said), said
        assert sorted(result.removed_memberships) == ["新人甲", "李雷"]
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


def checkin_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", *(datetime(2026, 12, d) for d in range(1, 8))])
    ws.append(["王芳", "✓", "✓", "✓", "请假", "请假", "✓", "✓"])
    ws.append(["赵磊", "✓", "✓", None, "✓", "✓", "✓", "✓"])
    wb.save(path)
    return path


def test_a_checkin_sheet_imported_into_the_wrong_group_is_undone(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        before = snapshot(database)
        owner = actor_for(database)
        _plan, summary = run_checkin_import(
            database, owner, checkin_xlsx(tmp_path / "打卡.xlsx"), "读书会", today=TODAY
        )
        assert summary is not None and summary.logged == 8 and summary.leave_days == 2  # 12-01 ×2 and 12-02 were there
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
        assert (result.checkins, result.leaves, result.kept) == (8, 1, [])
        assert_same(before, snapshot(database))
        consistent(database, ids["wrong"])
    finally:
        database.dispose()


def test_an_assistant_undoes_only_their_own_import_and_never_deletes_members(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        owner = actor_for(database)
        with database.session() as s:
            add_operator(s, owner, "小助理", "assistant")
            s.commit()
        assistant = actor_for(database, "小助理")
        run_import(database, owner, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
        with database.session() as s:
            with pytest.raises(PermissionDenied):
                undo_last_import(s, assistant, ids["wrong"])
            s.rollback()
        with database.session() as s:
            undo_last_import(s, owner, ids["wrong"])
            s.commit()
        before = snapshot(database)
        run_import(database, assistant, roster_xlsx(tmp_path / "名册.xlsx"), "读书会", "roster")
        with database.session() as s:
            result = undo_last_import(s, assistant, ids["wrong"])
            s.commit()
        assert result.removed_memberships == [] and result.removed_people == []
        said = {k.who: str(k) for k in result.kept}
        assert sorted(said) == ["VIP", "新人乙", "新人甲", "李雷", "王芳", "老成员"]
        assert all("assistant may not delete members" in said[n] for n in ("新人乙", "新人甲", "李雷"))
        assert "assistant may not restore them" in said["王芳"]  # the old phone is not theirs to read
        assert all("assistant may not delete tags" in said[n] for n in ("VIP", "老成员"))
        after = snapshot(database)
        assert after["member_tag"] == before["member_tag"]  # the tags it added went
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.mark.parametrize("file", ["survey_wjx.xlsx", "survey_tencent.csv"])
def test_applications_imported_into_the_wrong_group_are_undone(tmp_path, file):
    """A survey export's applicants, with their purpose answers (the entry step), into the wrong group: all gone."""
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        before = snapshot(database)
        owner = actor_for(database)
        _plan, summary, _created = run_import(database, owner, DATA / file, "读书会", "applications")
        assert summary is not None and summary.added > 0
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
        assert len(result.removed_memberships) == summary.added and result.kept == []
        assert_same(before, snapshot(database))
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


def test_a_roster_into_a_mistyped_group_is_undone_and_the_group_it_made_is_named(tmp_path):
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        owner = actor_for(database)
        _plan, _summary, created = run_import(database, owner, roster_xlsx(tmp_path / "名册.xlsx"), "早期营", "roster")
        assert created
        with database.session() as s:
            gid = s.scalar(text("SELECT id FROM community_group WHERE name='早期营'"))
            result = undo_last_import(s, owner, gid)
            s.commit()
            assert s.scalar(text(f"SELECT count(*) FROM membership WHERE group_id={gid}")) == 0
        assert [k.who for k in result.kept] == ["早期营"]
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


def test_the_command_line_undoes_the_last_import_and_says_each_outcome(tmp_path, capsys):
    db = tmp_path / "ws.sqlite"
    database = open_workspace(db)
    try:
        ids = setup(database)
        with database.session() as s:
            add_operator(s, actor_for(database), "小助理", "assistant")
            s.commit()
    finally:
        database.dispose()
    before = snapshot_of(db)
    path = roster_xlsx(tmp_path / "名册.xlsx")
    assert main(["--db", str(db), "import", "roster", str(path), "--group", "读书会"]) == 0
    capsys.readouterr()
    # an assistant may not undo the owner's import: exit 4, nothing written
    assert main(["--db", str(db), "--operator", "小助理", "import", "undo", "--group", "读书会"]) == 4
    assert "assistant may undo only their own" in capsys.readouterr().err
    assert main(["--db", str(db), "import", "undo", "--group", "读书会", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "将撤销 would undo 名册.xlsx (roster" in out and "nothing written" in out
    assert main(["--db", str(db), "import", "undo", "--group", "读书会"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("读书会: 已撤销 undone 名册.xlsx (roster, ")
    assert "UTC" not in out[0]  # the stored time is the community's local time, as every stored time
    assert "移出本群 memberships removed 3, 删除的人员 people removed 2, 保留 kept 0" in out[1]
    assert sorted(x for x in out if x.startswith("移出 removed: ")) == [
        "移出 removed: 新人乙",
        "移出 removed: 新人甲",
        "移出 removed: 李雷",
    ]
    assert_same(before, snapshot_of(db))
    # nothing left to undo: exit 1, said
    assert main(["--db", str(db), "import", "undo", "--group", "读书会"]) == 1
    assert "no import that can be undone" in capsys.readouterr().err
    assert ids["wrong"]


def snapshot_of(path: Path) -> dict:
    database = open_workspace(path)
    try:
        return snapshot(database)
    finally:
        database.dispose()


def test_referral_points_and_a_purpose_answer_go_back_with_the_import(tmp_path):
    """A roster naming 王芳 (of 读书会) as the referrer of two newcomers pays her the referral points, and gives 赵磊,
    a member already, a referrer; the undo takes back both: the ledger's balances as before, a recompute agrees."""
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        before = snapshot(database)
        owner = actor_for(database)
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "微信号", "推荐人", "进群目的", "入群时间"])
        ws.append(["赵磊", "zhaolei", "王芳", "认识书友", "2026-11-01"])
        ws.append(["新人丙", "xinren_c", "王芳", "早起读书", "2026-11-25"])
        ws.append(["新人丁", "xinren_d", "新人丙", None, "2026-11-26"])
        wb.save(tmp_path / "推荐.xlsx")
        _plan, summary, _created = run_import(database, owner, tmp_path / "推荐.xlsx", "读书会", "roster")
        assert summary is not None and (summary.added, summary.updated) == (2, 1)
        assert snapshot(database)["balances"] != before["balances"]  # 王芳 was paid for her referrals
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
        assert result.kept == [] and sorted(result.removed_memberships) == ["新人丁", "新人丙"]
        assert_same(before, snapshot(database))
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


def test_the_undo_of_a_big_import_is_set_based(tmp_path):
    """300 newcomers with tags: the undo's statements do not grow with the rows (one per chunk and kind; it was one
    or more per person and per tag link: the undo of a 20,000-row roster took 324 s, 4.6 s now), and deleting people
    finds the records merged into them by an index (one scan of every person per person deleted, before)."""
    from sqlalchemy import event

    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        before = snapshot(database)
        owner = actor_for(database)
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "微信号", "标签"])
        for i in range(300):
            ws.append([f"新人{i:03d}", f"new_{i:03d}", "新人营、早起" if i % 2 else "VIP"])
        wb.save(tmp_path / "大名册.xlsx")
        _plan, summary, _created = run_import(database, owner, tmp_path / "大名册.xlsx", "读书会", "roster")
        assert summary is not None and summary.added == 300
        statements: list[str] = []
        with database.session() as s:
            event.listen(s.connection(), "before_cursor_execute", lambda *a: statements.append(a[2]))
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
            indexes = {r[1] for r in s.execute(text("PRAGMA index_list('member')"))}
        assert len(result.removed_memberships) == 300 and len(result.removed_people) == 300 and result.tags == 450
        assert len(statements) < 80, len(statements)
        assert "ix_member_merged_into" in indexes
        assert_same(before, snapshot(database))
    finally:
        database.dispose()


def test_people_imported_into_their_right_group_since_stay_there_named(tmp_path):
    """The roster went into 读书会 by mistake, then into 早起营 as meant (the second import finds the people the first
    made): the undo of the first takes them off 读书会 only, and says they stay for 早起营."""
    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        owner = actor_for(database)
        path = roster_xlsx(tmp_path / "名册.xlsx")
        run_import(database, owner, path, "读书会", "roster")
        run_import(database, owner, path, "早起营", "roster")
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
            in_right = sorted(
                s.scalars(
                    text(
                        "SELECT m.display_name FROM membership ms JOIN member m ON m.id = ms.member_id"
                        f" WHERE ms.group_id = {ids['right']}"
                    )
                )
            )
        assert sorted(result.removed_memberships) == ["新人乙", "新人甲", "李雷"]
        # 新人乙 (a name alone) was not found again by the second import: a record of its own there, this one goes
        assert result.removed_people == ["新人乙"]
        said = {k.who: str(k) for k in result.kept}
        assert list(said) == ["新人甲"] and "in another group now" in said["新人甲"]  # found by WeChat ID: stays
        assert in_right == ["新人乙", "新人甲", "李雷", "王芳"]
        consistent(database, ids["right"], ids["wrong"])
    finally:
        database.dispose()


def test_a_months_sheet_with_streak_bonuses_is_undone_set_based_and_a_later_checkin_stays(tmp_path):
    """Twelve members checked in every day of November (a streak bonus every 7th day): undone in a few statements
    (one undo_checkin each took 147 s for 6,000), the ledger as before; a check-in logged by hand on 1 December
    stays, and its run's bonuses are what a recompute gives."""
    from sqlalchemy import event

    database = open_workspace(tmp_path / "ws.sqlite")
    try:
        ids = setup(database)
        owner = actor_for(database)
        with database.session() as s:
            people = [
                add_member(
                    s, owner, ids["wrong"], MemberInput(f"成员{i:02d}", wechat_id=f"m{i:02d}", joined_at=JOINED)
                )[1]
                for i in range(12)
            ]
            s.commit()
        before = snapshot(database)
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", *(datetime(2026, 11, d) for d in range(1, 31))])
        for i in range(12):
            ws.append([f"成员{i:02d}", *("✓" for _ in range(30))])
        wb.save(tmp_path / "11月.xlsx")
        _plan, summary = run_checkin_import(database, owner, tmp_path / "11月.xlsx", "读书会", today=TODAY)
        assert summary is not None and summary.logged == 360
        statements: list[str] = []
        with database.session() as s:
            event.listen(s.connection(), "before_cursor_execute", lambda *a: statements.append(a[2]))
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
        assert result.checkins == 360 and result.kept == []
        assert len(statements) < 120, len(statements)
        assert_same(before, snapshot(database))
        consistent(database, ids["wrong"])
        # again, with a check-in by hand since: it stays, the bonuses of its run follow
        run_checkin_import(database, owner, tmp_path / "11月.xlsx", "读书会", today=TODAY)
        with database.session() as s:
            record_checkins(s, owner, ids["wrong"], date(2026, 12, 1), [people[0]])
            s.commit()
        with database.session() as s:
            result = undo_last_import(s, owner, ids["wrong"])
            s.commit()
            left = s.execute(text(f"SELECT day FROM checkin WHERE membership_id = {people[0]}")).scalars().all()
        assert result.checkins == 360 and [str(d) for d in left] == ["2026-12-01"]
        consistent(database, ids["wrong"])
    finally:
        database.dispose()
