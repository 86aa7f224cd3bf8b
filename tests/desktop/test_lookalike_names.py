"""One group of people who look alike (two 张伟, 王芳/汪芳, a deleted 赵敏, 🌸小美🌸 …) read through every entry point
that takes a name: the paste, `qundesk checkin NAME`, the chat import's senders, the welcome text's --member. A
certain name is one person; a name two people carry names both; someone deleted is said to be deleted."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.errors import NotFound, ValidationError
from desktop.services.chat_import import plan_chat_import, run_chat_import
from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import
from desktop.services.groups import create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.paste import RosterIndex, describe_person, match_paste
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from desktop.services.texts import membership_for
from models import CheckIn, Member, Membership
from tests.desktop.test_imports import write_xlsx
from tests.fixed_day import TEST_TODAY

JOINED = datetime(TEST_TODAY.year - 1, 1, 1, 9, 0)


@pytest.fixture
def grp(workspace, owner):
    people = {
        "zw1": MemberInput("张伟", nickname="伟哥", wechat_id="zhangwei_bj"),
        "zw2": MemberInput("张伟", nickname="大伟", wechat_id="zw_sh88"),
        "wf": MemberInput("王芳"),
        "wangf": MemberInput("汪芳"),
        "amy_fw": MemberInput("ＡＭＹ"),
        "amy": MemberInput("Amy"),
        "xm_flower": MemberInput("吴梅", nickname="🌸小美🌸"),
        "deleted": MemberInput("赵敏"),
    }
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        ids = {}
        for key, data in people.items():
            data.joined_at = JOINED
            ids[key] = add_member(s, owner, gid, data)
        s.commit()
        soft_delete_member(s, owner, ids["deleted"][0])
        s.commit()
    return gid, {k: ms for k, (_member, ms) in ids.items()}


def test_a_deleted_person_is_named_as_deleted_not_as_nobody(workspace, grp):
    gid, ids = grp
    with workspace.session() as s:
        (m,) = match_paste(s, gid, "#接龙 早起打卡\n1. 赵敏 6:01", TEST_TODAY)
        status, cands = RosterIndex(s, gid).match("赵敏")
    assert m.status == "not_member" and [(c.display_name, c.status) for c in m.candidates] == [("赵敏", "deleted")]
    assert status == "not_member" and [c.status for c in cands] == ["deleted"]
    assert "已从名册删除" in describe_person(cands[0])


def _liuhen_txt(tmp_path, senders: list[str]):
    day = TEST_TODAY - timedelta(days=3)
    rows = [f"{day} 06:{i:02d}:00 {name}\n早起打卡\n" for i, name in enumerate(senders)]
    path = tmp_path / "晨光早起营.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def test_chat_senders_follow_the_paste_rule_for_decorated_names(workspace, owner, grp, tmp_path):
    """A sender `王芳🌸` is 王芳 as a paste line is (it was an unknown sender, and --add-unknown made a second 王芳);
    `张伟（同学）` carries a name two members share: both named, nothing counted."""
    gid, ids = grp
    path = _liuhen_txt(tmp_path, ["王芳🌸", "张伟（同学）", "汪芳"])
    with workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    by_name = {info.names[0]: info for info in plan.senders}
    assert (by_name["王芳🌸"].status, by_name["王芳🌸"].membership_id) == ("known", ids["wf"])
    assert by_name["张伟（同学）"].status == "unattributable"
    assert sorted(m for m, _n in by_name["张伟（同学）"].candidates) == sorted([ids["zw1"], ids["zw2"]])
    _plan, summary, _created = run_chat_import(workspace, owner, path, "晨光早起营", add_unknown=True)
    assert summary.added_members == 0
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Member).where(Member.display_name.like("王芳%"))) == 1
        logged = set(s.scalars(select(CheckIn.membership_id).where(CheckIn.day == TEST_TODAY - timedelta(days=3))))
    assert logged == {ids["wf"], ids["wangf"]}


def test_the_welcome_texts_member_is_read_as_a_paste_reads_a_name(workspace, grp):
    """`qundesk text welcome --member NAME`: `王芳🌸` and `amy` were "nobody called that" (an exact, case-sensitive
    comparison) though a paste knows them; two people called 张伟 were refused without saying which two."""
    gid, ids = grp
    with workspace.session() as s:
        assert membership_for(s, gid, "王芳🌸") == ids["wf"]
        assert membership_for(s, gid, "ZW_SH88") == ids["zw2"]
        with pytest.raises(ValidationError) as two:
            membership_for(s, gid, "张伟")
        with pytest.raises(ValidationError) as amy:
            membership_for(s, gid, "amy")
        with pytest.raises(NotFound):
            membership_for(s, gid, "赵敏")
    assert "zhangwei_bj" in str(two.value) and "zw_sh88" in str(two.value)
    assert "ＡＭＹ" in str(amy.value) and "Amy" in str(amy.value)


def test_import_chat_me_names_the_members_a_shared_name_may_be(workspace, owner, grp, tmp_path):
    """`--me 张伟` with two 张伟 was refused as "several people" without saying who; their WeChat IDs tell them
    apart, and `--me zw_sh88` is then one of them."""
    gid, ids = grp
    path = _liuhen_txt(tmp_path, ["汪芳", "王芳"])
    with pytest.raises(ValidationError) as two:
        run_chat_import(workspace, owner, path, "晨光早起营", exporter="张伟", dry_run=True)
    assert "zhangwei_bj" in str(two.value) and "zw_sh88" in str(two.value)
    plan, _summary, _created = run_chat_import(workspace, owner, path, "晨光早起营", exporter="zw_sh88", dry_run=True)
    with workspace.session() as s:
        assert plan.exporter_member_id == s.get(Membership, ids["zw2"]).member_id


def test_a_roster_row_new_to_the_group_that_looks_like_a_member_is_added_with_a_warning(
    workspace, owner, grp, tmp_path
):
    """A roster file's `王芳🌸`, `張偉`, `北京-汪芳` and `赵敏` were added as new people without a word — a second
    王芳 beside the one a paste logs for `王芳🌸`, a 赵敏 beside the deleted one; now each is still added (a name is no
    identity) with a warning naming whom it looks like. A name nobody's looks like (李娜娜) stays silent."""
    rows = [["姓名"], ["王芳🌸"], ["張偉"], ["北京-汪芳"], ["赵敏"], ["李娜娜"]]
    path = write_xlsx(tmp_path / "名单.xlsx", rows)
    plan, summary, _created = run_import(workspace, owner, path, "晨光早起营", "roster")
    assert summary.added == 5
    warned = {(r.row, w.code): w.message for r in plan.rows for w in r.warnings}
    assert set(warned) == {
        (2, "lookalike_added"),
        (3, "lookalike_added"),
        (4, "lookalike_added"),
        (5, "lookalike_added"),
    }
    assert "「王芳」" in warned[2, "lookalike_added"] and "「张伟」" in warned[3, "lookalike_added"]
    assert "「汪芳」" in warned[4, "lookalike_added"] and "删除" in warned[5, "lookalike_added"]
    plan, summary, _created = run_import(workspace, owner, path, "晨光早起营", "roster")  # again: they are known now
    assert (summary.added, summary.unchanged) == (0, 5) and not plan.warnings


def test_import_chat_says_whom_an_unknown_or_added_sender_looks_like(any_db_url, workspace, grp, tmp_path, capsys):
    """`import chat --add-unknown` added 張偉 and 赵敏 as new people, counted as "members added 2" and nothing
    more; each now says whom they look like (张伟 of the group, the deleted 赵敏) — listed unknown, or added."""
    gid, ids = grp
    path = _liuhen_txt(tmp_path, ["張偉", "赵敏", "陌生人"])
    with workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    looks = {info.names[0]: info.looks_like for info in plan.senders}
    assert sorted(looks["張偉"]) == sorted([(ids["zw1"], "张伟"), (ids["zw2"], "张伟")])
    assert looks["赵敏"] == ((None, "赵敏 (已删除 deleted)"),) and looks["陌生人"] == ()
    assert main(["--db", any_db_url, "import", "chat", str(path), "--group", "晨光早起营", "--add-unknown"]) == 0
    err = capsys.readouterr().err
    assert "新增成员 added 張偉, 看起来像 张伟 (looks like 张伟)" in err
    assert "新增成员 added 赵敏, 看起来像 赵敏 (已删除 deleted)" in err and "added 陌生人" not in err


def test_refusals_of_a_shared_name_tell_the_namesakes_apart(any_db_url, workspace, owner, grp, tmp_path, capsys):
    """`张伟 → 张伟、张伟` (chat import) and 「社群里有 2 人叫张伟，请补上微信号」 (roster import) named nobody one could
    pick: each namesake now comes with their WeChat ID, as `checkin 张伟` already does."""
    path = _liuhen_txt(tmp_path, ["张伟", "王芳"])
    assert main(["--db", any_db_url, "import", "chat", str(path), "--group", "晨光早起营", "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "无法区分 unattributable 张伟 → 张伟 (微信号 WeChat ID zhangwei_bj)、张伟 (微信号 WeChat ID zw_sh88)" in err
    with pytest.raises(ImportFailed) as failed:
        run_import(workspace, owner, write_xlsx(tmp_path / "名单.xlsx", [["姓名"], ["张伟"]]), "晨光早起营", "roster")
    (problem,) = failed.value.plan.problems
    assert problem.code == "ambiguous_name" and "zhangwei_bj" in problem.message and "zw_sh88" in problem.message


def test_a_shared_name_with_the_nickname_of_one_of_them_is_that_one(workspace, grp, tmp_path):
    """`张伟（大伟）` and `张伟-伟哥` say which 张伟 (大伟 and 伟哥 are their nicknames): they were "choose between the
    two 张伟" in a paste and an unattributable sender in a chat import; `张伟（同学）` still is."""
    gid, ids = grp
    chain = "#接龙 早起打卡\n1. 张伟（大伟） 6:01\n2. 张伟-伟哥 6:02\n3. 张伟（同学） 6:03"
    with workspace.session() as s:
        got = [(m.status, [c.membership_id for c in m.candidates]) for m in match_paste(s, gid, chain, TEST_TODAY)]
        status, cands = RosterIndex(s, gid).match("张伟（大伟）")  # `qundesk checkin 张伟（大伟）`, the check-in import
    assert (status, [c.membership_id for c in cands]) == ("matched", [ids["zw2"]])
    assert got[:2] == [("matched", [ids["zw2"]]), ("matched", [ids["zw1"]])]
    assert got[2][0] == "ambiguous" and sorted(got[2][1]) == sorted([ids["zw1"], ids["zw2"]])
    with workspace.session() as s:
        plan = plan_chat_import(s, gid, _liuhen_txt(tmp_path, ["张伟（大伟）", "王芳"]))
    (info,) = [i for i in plan.senders if i.names[0] == "张伟（大伟）"]
    assert (info.status, info.membership_id) == ("known", ids["zw2"])


def test_a_day_of_the_zhang_san_who_left_is_his_not_the_new_zhang_sans(any_db_url, workspace, owner, tmp_path, capsys):
    """张三 left and a new 张三 joined since: a chain of a day when only the first was a member was reported as
    「张三: joined on <the new one's day>, after this day」 — the wrong 张三, and the check-in lost. It is the first's."""
    day = TEST_TODAY - timedelta(days=40)
    with workspace.session() as s:
        gid = create_group(s, owner, "夜跑团")
        _m, old = add_member(
            s,
            owner,
            gid,
            MemberInput(
                "张三",
                wechat_id="zs_old",
                status="left",
                joined_at=datetime.combine(TEST_TODAY - timedelta(days=50), datetime.min.time()),
                left_at=datetime.combine(TEST_TODAY - timedelta(days=35), datetime.min.time()),
            ),
        )
        joined = datetime.combine(TEST_TODAY - timedelta(days=28), datetime.min.time())
        _m, new = add_member(s, owner, gid, MemberInput("张三", wechat_id="zs_new", joined_at=joined))
        s.commit()
        (m,) = match_paste(s, gid, "#接龙 夜跑打卡\n1. 张三 21:05", day)
        assert (m.status, [c.membership_id for c in m.candidates]) == ("matched", [old])
        (m,) = match_paste(s, gid, "#接龙 夜跑打卡\n1. 张三 21:05", TEST_TODAY)  # today: the new one
        assert (m.status, [c.membership_id for c in m.candidates]) == ("matched", [new])
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 夜跑打卡\n1. 张三 21:05\n", encoding="utf-8")
    assert main(["--db", any_db_url, "checkin", "--group", "夜跑团", "--date", str(day), "--paste", str(paste)]) == 0
    with workspace.session() as s:
        assert s.execute(select(CheckIn.membership_id, CheckIn.day)).all() == [(old, day)]
    # a check-in table with both days: each 张三's own (it was 「张三 joined on …」 for the first, nothing imported)
    later = TEST_TODAY - timedelta(days=3)
    table = write_xlsx(
        tmp_path / "打卡.xlsx", [["姓名", "日期"], ["张三", str(day - timedelta(days=1))], ["张三", str(later)]]
    )
    run_checkin_import(workspace, owner, table, "夜跑团", today=TEST_TODAY)
    with workspace.session() as s:
        rows = set(s.execute(select(CheckIn.membership_id, CheckIn.day)).all())
    assert rows == {(old, day), (old, day - timedelta(days=1)), (new, later)}


def test_a_check_in_table_row_of_a_shared_name_names_the_wechat_ids_that_tell_them_apart(
    workspace, owner, grp, tmp_path
):
    """A 打卡表 row 张伟 was refused as "2 members go by this name" with nothing to tell them apart by; it names their
    WeChat IDs now — and a row that gives the ID is that 张伟."""
    gid, ids = grp
    day = str(TEST_TODAY - timedelta(days=2))
    table = write_xlsx(tmp_path / "打卡.xlsx", [["姓名", "日期"], ["张伟", day]])
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(workspace, owner, table, "晨光早起营", today=TEST_TODAY)
    (problem,) = failed.value.plan.problems
    assert "zhangwei_bj" in problem.message and "zw_sh88" in problem.message
    table = write_xlsx(tmp_path / "打卡2.xlsx", [["姓名", "日期"], ["zw_sh88", day]])
    run_checkin_import(workspace, owner, table, "晨光早起营", today=TEST_TODAY)
    with workspace.session() as s:
        assert s.execute(select(CheckIn.membership_id)).scalars().all() == [ids["zw2"]]
