"""Roster and application imports (desktop/services/imports.py and `qundesk import …`), on SQLite and
PostgreSQL: every file in tests/data/import/ imports to exact rows or fails naming row and column and
writes nothing; re-import is a no-op; updated files update people and never blank a value."""

from __future__ import annotations

import csv
import io
import itertools
import time
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.cli import main
from desktop.errors import QunDeskError
from desktop.io.fields import ImportProblem
from desktop.io.tabular import read_table
from desktop.services.groups import create_group, group_id_by_name
from desktop.services.imports import (
    ImportFailed,
    apply_import,
    mapping_key,
    merge_note,
    plan_roster_import,
    remember_mapping,
    remembered_mapping,
    run_import,
    suggest_mapping,
)
from desktop.services.roster import MemberInput, add_member
from models import (
    AuditEntry,
    EntryStep,
    Group,
    Member,
    Membership,
    PointRule,
    StepProgress,
    Tag,
    WorkspaceSetting,
    member_tag,
)
from tests.fixed_day import TEST_TODAY

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
TODAY = TEST_TODAY

# ---------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------

COUNTED = (Member, Membership, Tag, member_tag, StepProgress, AuditEntry, Group, WorkspaceSetting, EntryStep)


def counts(database) -> dict[str, int]:
    with database.session() as s:
        out = {}
        for table in COUNTED:
            name = getattr(table, "__tablename__", None) or table.name
            out[name] = s.scalar(select(func.count()).select_from(table))
        return out


def local(value: datetime | None) -> date | datetime | None:
    """A stored naive-UTC time as the organiser sees it: a day (stored at local noon) or a local time."""
    if value is None:
        return None
    shown = value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return shown.date() if shown.time() == dtime(12, 0) or shown.date() == TODAY else shown  # today: "now"


def person(name: str, **fields) -> dict:
    base = {
        "name": name,
        "nickname": None,
        "wechat_id": None,
        "phone": None,
        "gender": None,
        "city": None,
        "occupation": None,
        "note": None,
        "tags": (),
        "status": "active",
        "group_nickname": None,
        "joined": None,  # a group's first roster: without a join date, a member from the beginning
        "purpose": None,
        "referrer": None,
    }
    unknown = set(fields) - set(base)
    assert not unknown, unknown
    base.update(fields)
    base["tags"] = tuple(sorted(base["tags"]))
    return base


def dump(database, group_name: str) -> list[dict]:
    """Every membership of the group with its person, as comparable plain values."""
    with database.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == group_name))
        if gid is None:
            return []
        tags: dict[int, list[str]] = {}
        for mid, tag in s.execute(select(member_tag.c.member_id, Tag.name).join(Tag, Tag.id == member_tag.c.tag_id)):
            tags.setdefault(mid, []).append(tag)
        names = dict(s.execute(select(Member.id, Member.display_name)).all())
        out = []
        for m, ms in s.execute(
            select(Member, Membership)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id == gid)
        ):
            out.append(
                {
                    "name": m.display_name,
                    "nickname": m.nickname,
                    "wechat_id": m.wechat_id,
                    "phone": m.phone,
                    "gender": m.gender,
                    "city": m.city,
                    "occupation": m.occupation,
                    "note": m.note,
                    "tags": tuple(sorted(tags.get(m.id, []))),
                    "status": ms.status,
                    "group_nickname": ms.group_nickname,
                    "joined": local(ms.joined_at),
                    "purpose": ms.purpose,
                    "referrer": names.get(ms.referrer_id),
                }
            )
        return sorted(out, key=lambda r: (r["name"], r["wechat_id"] or ""))


def raw_rows(database) -> list[tuple]:
    """Every column of every member and membership row (for byte-identical before/after checks)."""
    with database.session() as s:
        members = [tuple(r) for r in s.execute(select(Member.__table__).order_by(Member.id))]
        memberships = [tuple(r) for r in s.execute(select(Membership.__table__).order_by(Membership.id))]
        steps = [tuple(r) for r in s.execute(select(StepProgress.__table__).order_by(StepProgress.id))]
        return members + memberships + steps


def write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# ---------------------------------------------------------------------------------------------------
# every file in tests/data/import
# ---------------------------------------------------------------------------------------------------

ZHANG = {"wechat_id": "zhangsan_88", "phone": "13800138000"}
LI = {"wechat_id": "lisi-2026", "phone": "13900139000"}
CSV_ROSTER = [
    person("张三", **ZHANG, joined=date(2026, 5, 6), tags=("早起", "读书")),
    person("李四", **LI, joined=date(2026, 5, 7)),
    person("王五", wechat_id="wangwu", phone="13700137000", joined=date(2026, 5, 8), tags=("读书", "写作")),
]

# file -> (kind, expected memberships) or (kind, (row, column) of the first problem)
EXPECTED: dict[str, tuple[str, list[dict] | tuple[int | None, str | None]]] = {
    "roster_simple.xlsx": (
        "roster",
        [
            person(
                "张三",
                nickname="三哥",
                **ZHANG,
                gender="male",
                city="北京",
                joined=date(2026, 3, 1),
                tags=("早起", "读书"),
            ),
            person(
                "李四", nickname="小四", **LI, gender="female", city="上海", joined=date(2026, 3, 15), tags=("读书",)
            )
            | {"note": "老会员"},
            person(
                "王五", wechat_id="wangwu", phone="13700137000", gender="male", city="深圳", joined=date(2026, 4, 2)
            ),
        ],
    ),
    "roster_title_rows.xlsx": (
        "roster",
        [
            person(
                "赵六",
                nickname="六六",
                wechat_id="zhaoliu",
                phone="13600136000",
                joined=date(2026, 1, 5),
                tags=("早起",),
            ),
            person("钱七", wechat_id="qianqi", phone="13500135000", joined=date(2026, 2, 6)),
            person("孙八", wechat_id="sunba", phone="13400134000", joined=date(2026, 3, 7)),
        ],
    ),
    "attendance_merged_header.xlsx": ("roster", [person("张三", **ZHANG), person("李四", **LI)]),
    "roster_trailing_empty.xlsx": ("roster", [person("张三", **ZHANG), person("李四", **LI)]),
    "roster_dates.xlsx": (
        "roster",
        [
            person("日期格", joined=date(2026, 5, 1)),
            person("序号整数", joined=date(2026, 5, 6)),
            person("序号小数", joined=date(2026, 5, 7)),  # 46149.5 is 12:00 that day
            person("斜杠", joined=date(2026, 5, 6)),
            person("横杠", joined=date(2026, 5, 7)),
            person("中文", joined=date(2026, 5, 8)),
            person("带时间", joined=datetime(2026, 5, 9, 10, 30)),
            person("点号", joined=date(2026, 5, 6)),
            person("带秒", joined=date(2026, 9, 3)),  # 12:00:00
            person("日期时间格", joined=datetime(2026, 5, 10, 9, 15)),
            person("空", joined=None),  # no date, in the group's first roster: a member from the beginning
            person("紧凑", joined=date(2026, 5, 11)),
        ],
    ),
    "roster_phone_numbers.xlsx": (
        "roster",
        [
            person("整数", phone="13800138000"),
            person("小数", phone="13800138001"),
            person("文本小数", phone="13800138002"),
            person("空格", phone="13800138003"),
            person("国际", phone="13800138004"),
            person("座机", phone="01012345678"),
            person("丢了0的座机", phone="02012345678"),
            person("括号座机", phone="075512345678"),
            person("点号", phone="13800138005"),
            person("全角", phone="13800138006"),
            person("空"),
        ],
    ),
    "roster_phone_sci.xlsx": ("roster", (7, "手机")),
    "roster_fullwidth.xlsx": (
        "roster",
        [
            person(
                "小明🌟",
                wechat_id="xiaoming",
                phone="13800138000",
                group_nickname="明明",
                gender="male",
                tags=("读书", "早起"),
            ),
            person(
                "Ａｌｉｃｅ\u3000王",
                wechat_id="alice_w",
                phone="13900139000",
                group_nickname="Ａｌｉｃｅ",
                gender="female",
            ),
            person(
                "👩\u200d💻李四",
                wechat_id="lisi",
                phone="13700137000",
                group_nickname="程序媛👩\u200d💻",
                gender="female",
                tags=("技术", "分享"),
            ),
            person("張三（老師）", wechat_id="zhangsan", phone="13600136000", gender="male"),
        ],
    ),
    "roster_gbk.csv": (
        "roster",
        [
            person("张三", nickname="三哥", phone="13800138000", city="北京"),
            person("欧阳娜娜", nickname="娜娜", phone="13900139000", city="台北"),
        ],
    ),
    "roster_gb18030.csv": (
        "roster",
        [
            person("刘䶮", wechat_id="liuyan", phone="13800138000", note="南汉"),
            person("𠮷野家", wechat_id="yoshinoya", phone="13900139000", note="𠮷 不在 GBK 里"),
        ],
    ),
    "roster_utf8.csv": ("roster", CSV_ROSTER),
    "roster_utf8_bom.csv": ("roster", CSV_ROSTER),
    "bad_date.csv": ("roster", (5, "入群时间")),
    "empty.csv": ("roster", (None, None)),
    "not_a_table.txt": ("roster", (None, None)),
    "survey_wjx.xlsx": (
        "applications",
        [
            person(
                "张三",
                **ZHANG,
                gender="male",
                status="applicant",
                joined=None,
                purpose="想养成早起习惯",
                note="问卷: 您的性别: 男\n问卷: 您感兴趣的话题: 读书┋早起┋写作",
            ),
            person(
                "李四🌸",
                **LI,
                gender="female",
                status="applicant",
                joined=None,
                note="问卷: 您的性别: 女\n问卷: 您感兴趣的话题: 读书",
            ),
            person("王五", status="applicant", joined=None, purpose="朋友推荐，想认识更多同好"),
        ],
    ),
    "survey_wjx.csv": (
        "applications",
        [
            person(
                "张三",
                **ZHANG,
                occupation="学生",
                status="applicant",
                joined=None,
                purpose="学习",
                note="问卷: 您的职业: 学生\n问卷: 您感兴趣的话题: 读书┋早起",
            ),
            person("李四", wechat_id="lisi-2026", status="applicant", joined=None, purpose="交朋友"),
        ],
    ),
    "survey_tencent.csv": (
        "applications",
        [
            person("张三", **ZHANG, status="applicant", joined=None, purpose="早起,读书"),
            person("李四", **LI, status="applicant", joined=None, purpose="认识同好\n一起进步"),
            person("王五", status="applicant", joined=None),
        ],
    ),
}


def test_every_data_file_has_an_expectation():
    assert sorted(EXPECTED) == sorted(p.name for p in DATA.iterdir() if p.is_file())


@pytest.mark.parametrize("filename", sorted(EXPECTED))
def test_data_file_imports_exactly_or_fails_naming_row_and_column(workspace, owner, filename):
    kind, expected = EXPECTED[filename]
    before = counts(workspace)
    if isinstance(expected, tuple):
        with pytest.raises(ImportProblem) as caught:
            run_import(workspace, owner, DATA / filename, "导入测试群", kind)
        assert (caught.value.row, caught.value.column) == expected
        assert caught.value.file == filename
        assert counts(workspace) == before  # nothing written, not even the group
        assert dump(workspace, "导入测试群") == []
        return
    plan, summary, created = run_import(workspace, owner, DATA / filename, "导入测试群", kind)
    assert created and plan.ok
    assert (summary.added, summary.updated, summary.unchanged) == (len(expected), 0, 0)
    assert dump(workspace, "导入测试群") == sorted(expected, key=lambda r: (r["name"], r["wechat_id"] or ""))
    after = counts(workspace)
    assert after["audit_log"] == before["audit_log"] + 1 + 1 + len(expected)  # group, import, one per person

    rows = raw_rows(workspace)
    plan, summary, created = run_import(workspace, owner, DATA / filename, "导入测试群", kind)
    assert not created
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, len(expected))
    assert {r.action for r in plan.rows} == {"unchanged"}
    assert counts(workspace) == after  # no new audit rows either
    assert raw_rows(workspace) == rows


# ---------------------------------------------------------------------------------------------------
# applications
# ---------------------------------------------------------------------------------------------------


def test_applications_become_applicants_with_purpose_step_and_answers(workspace, owner):
    plan, summary, created = run_import(workspace, owner, DATA / "survey_wjx.xlsx", "晨读营", "applications")
    assert summary.added == 3
    with workspace.session() as s:
        gid = group_id_by_name(s, "晨读营")
        step = s.scalar(select(EntryStep).where(EntryStep.group_id == gid, EntryStep.code == "purpose"))
        assert step.name == "进群目的问答"
        recorded = s.execute(
            select(Member.display_name, StepProgress.answer, StepProgress.recorded_by, StepProgress.done_at)
            .join(Membership, Membership.id == StepProgress.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(StepProgress.step_id == step.id)
            .order_by(Member.display_name)
        ).all()
        assert [(n, a, by) for n, a, by, _ in recorded] == [
            ("张三", "想养成早起习惯", owner.id),
            ("王五", "朋友推荐，想认识更多同好", owner.id),
        ]  # 李四 skipped the question: no step
        assert local(recorded[0][3]) == datetime(2026, 5, 6, 10, 30, 15)
        applied = dict(
            s.execute(
                select(Member.display_name, Membership.applied_at).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
        assert local(applied["李四🌸"]) == datetime(2026, 5, 7, 8, 1, 2)
        statuses = set(s.scalars(select(Membership.status).where(Membership.group_id == gid)))
        assert statuses == {"applicant"}  # recording the purpose answer does not admit anyone


def test_roster_import_admits_applicants_and_keeps_their_answers(workspace, owner):
    run_import(workspace, owner, DATA / "survey_wjx.xlsx", "晨读营", "applications")
    plan, summary, _ = run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    assert (summary.added, summary.updated, summary.unchanged) == (0, 3, 0)
    people = {r["wechat_id"]: r for r in dump(workspace, "晨读营")}
    assert len(people) == 3
    zhang = people["zhangsan_88"]
    assert zhang["status"] == "active" and zhang["joined"] == date(2026, 3, 1)
    assert zhang["purpose"] == "想养成早起习惯"  # the roster has no purpose column: kept
    assert zhang["note"] == "问卷: 您的性别: 男\n问卷: 您感兴趣的话题: 读书┋早起┋写作"
    li = people["lisi-2026"]
    assert li["name"] == "李四" and li["note"] == "老会员\n问卷: 您的性别: 女\n问卷: 您感兴趣的话题: 读书"
    wang = people["wangwu"]  # 王五 answered without WeChat ID or phone: matched by name in the group
    assert wang["status"] == "active" and wang["purpose"] == "朋友推荐，想认识更多同好"
    changes = {r.name: {c.field for c in r.changes} for r in plan.rows}
    assert {"status", "joined_at", "city"} <= changes["张三"]


def test_merge_note_keeps_survey_lines():
    assert merge_note(None, None, [("Q", "A")]) == "问卷: Q: A"
    assert merge_note("问卷: Q: A", None, [("Q", "B")]) == "问卷: Q: B"
    assert merge_note("老会员\n问卷: Q: A", "新备注", []) == "新备注\n问卷: Q: A"
    assert merge_note("老会员\n问卷: Q: A", None, [("R", "C")]) == "老会员\n问卷: Q: A\n问卷: R: C"
    assert merge_note("x", "x\n问卷: Q: A", []) == "x\n问卷: Q: A"


# ---------------------------------------------------------------------------------------------------
# updates, duplicates, ambiguity, referrers, statuses, mappings
# ---------------------------------------------------------------------------------------------------


def test_updated_file_updates_people_and_never_blanks_a_value(workspace, owner, tmp_path):
    run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    header = ["姓名", "昵称", "微信号", "手机", "性别", "城市", "入群时间", "标签", "备注"]
    updated = write_xlsx(
        tmp_path / "名册-更新.xlsx",
        [
            header,
            ["张三", "三哥", "zhangsan_88", None, "男", "上海", None, "跑步", None],  # city, new tag, blank phone
            ["李四", None, "lisi-2026", 13900139000, None, None, None, None, None],  # only blanks: unchanged
            [None, None, "wangwu", None, None, None, None, None, "新备注"],  # no name: found by WeChat ID
            ["赵六", None, "zhaoliu", "13600136000", "女", "杭州", "2026-06-01", "读书", None],  # new
        ],
    )
    before_audit = counts(workspace)["audit_log"]
    plan, summary, _ = run_import(workspace, owner, updated, "晨读营", "roster")
    assert (summary.added, summary.updated, summary.unchanged) == (1, 2, 1)
    rows = {r.row: r for r in plan.rows}
    assert [r.action for r in plan.rows] == ["update", "unchanged", "update", "add"]
    assert {c.field: (c.before, c.after) for c in rows[2].changes} == {
        "city": ("北京", "上海"),
        "tags": ("早起、读书", "早起、读书、跑步"),
    }
    people = {r["name"]: r for r in dump(workspace, "晨读营")}
    assert people["张三"]["city"] == "上海"
    assert people["张三"]["phone"] == "13800138000"  # a blank never overwrites
    assert people["张三"]["tags"] == ("早起", "读书", "跑步")
    assert people["张三"]["joined"] == date(2026, 3, 1)
    assert people["李四"]["note"] == "老会员" and people["李四"]["city"] == "上海"
    assert people["王五"]["note"] == "新备注" and people["王五"]["phone"] == "13700137000"
    assert people["赵六"] == person(
        "赵六",
        wechat_id="zhaoliu",
        phone="13600136000",
        gender="female",
        city="杭州",
        joined=date(2026, 6, 1),
        tags=("读书",),
    )
    assert counts(workspace)["audit_log"] == before_audit + 3 + 1
    with workspace.session() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(4)).all()
    assert sorted(actions) == ["import.roster", "member.add", "member.update", "member.update"]


def test_an_import_runs_with_a_bigger_page_cache_and_gives_it_back(tmp_path):
    """The one transaction of an import has a 64 MB SQLite page cache (bulk.big_write_cache: the indexes of a big
    workspace were read from the file again and again); the connection goes back to the pool with its own size,
    so every later read stays lean. (A SQLite page cache: PostgreSQL has its own buffers.)"""
    from sqlalchemy import event

    from desktop.workspace import actor_for, open_workspace

    workspace = open_workspace(str(tmp_path / "cache.sqlite"))
    owner = actor_for(workspace)

    seen: list[int] = []

    def watch(conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("INSERT INTO MEMBER "):
            seen.append(conn.connection.dbapi_connection.execute("PRAGMA cache_size").fetchone()[0])

    event.listen(workspace.engine, "before_cursor_execute", watch)
    try:
        run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    finally:
        event.remove(workspace.engine, "before_cursor_execute", watch)
    with workspace.engine.connect() as conn:
        after = conn.connection.dbapi_connection.execute("PRAGMA cache_size").fetchone()[0]
    workspace.dispose()
    assert seen and all(size == -64 * 1024 for size in seen), seen
    assert after == -2000  # SQLite's default, as every other connection of the pool


def test_person_in_another_group_gets_a_membership_not_a_duplicate(workspace, owner):
    run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    _plan, summary, created = run_import(workspace, owner, DATA / "roster_utf8.csv", "夜跑团", "roster")
    assert created and summary.added == 3
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 3
        assert s.scalar(select(func.count()).select_from(Membership)) == 6
    tags = {r["name"]: r["tags"] for r in dump(workspace, "夜跑团")}
    assert tags["王五"] == ("写作", "读书")


def test_duplicate_rows_in_one_file_name_both_rows(workspace, owner, tmp_path):
    path = write_csv(
        tmp_path / "dup.csv",
        [
            ["姓名", "微信号", "手机"],
            ["张三", "zs", "13800138000"],
            ["张三丰", "ZS", ""],  # row 3: same WeChat ID as row 2 (case does not matter)
            ["张三", "", "13800138000"],  # row 4: same phone and name as row 2 (another name: a family, a warning)
            ["王五", "", ""],
            ["王五", "", ""],  # row 6: same name, nothing to tell them apart
            ["赵六", "zl", ""],
        ],
    )
    before = counts(workspace)
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, path, "晨读营", "roster")
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(3, "微信号"), (4, "手机"), (6, "姓名")]
    messages = [p.message for p in caught.value.problems]
    assert all("第2行" in m for m in messages[:2]) and "第5行" in messages[2]
    plan = caught.value.plan
    assert [r.action for r in plan.rows] == ["add", "problem", "problem", "add", "problem", "add"]
    assert counts(workspace) == before


def test_ambiguous_name_in_group_is_a_problem(workspace, owner, tmp_path):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨读营")
        add_member(s, owner, gid, MemberInput(display_name="张三", city="北京"))
        add_member(s, owner, gid, MemberInput(display_name="张三", city="上海"))
        add_member(s, owner, gid, MemberInput(display_name="李四", wechat_id="lisi"))
        s.commit()
    path = write_csv(tmp_path / "names.csv", [["姓名", "城市"], ["张三", "深圳"]])
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, path, "晨读营", "roster")
    assert (caught.value.row, caught.value.column) == (2, "姓名")
    assert "2 人" in caught.value.message
    # a WeChat ID that contradicts the only 李四 makes a new person, not a match
    path = write_csv(tmp_path / "li.csv", [["姓名", "微信号"], ["李四", "lisi_2"], ["李四", "LISI"]])
    plan, summary, _ = run_import(workspace, owner, path, "晨读营", "roster")
    assert [r.action for r in plan.rows] == ["add", "unchanged"]


def test_phone_of_someone_with_another_wechat_id_is_a_problem(workspace, owner, tmp_path):
    run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    path = write_csv(tmp_path / "x.csv", [["姓名", "微信号", "手机"], ["张三", "zhangsan_88", "13900139000"]])
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, path, "晨读营", "roster")
    assert (caught.value.row, caught.value.column) == (2, "手机")
    # another WeChat ID with 张三's phone: a family sharing a phone (test_import_probe2), not a problem any more —
    # a new person, with a warning naming 张三
    path = write_csv(tmp_path / "y.csv", [["姓名", "微信号", "手机"], ["刘䶮", "liuyan", "13800138000"]])
    plan, _summary, _ = run_import(workspace, owner, path, "晨读营", "roster")
    assert [r.action for r in plan.rows] == ["add"]
    (warning,) = plan.rows[0].warnings
    assert warning.code == "phone_shared" and "张三" in warning.message


def test_referrers_resolve_to_group_members_and_rows_of_the_file(workspace, owner, tmp_path):
    run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster")
    path = write_csv(
        tmp_path / "ref.csv",
        [
            ["姓名", "微信号", "推荐人"],
            ["赵六", "zhaoliu", "张三"],  # an existing member, by name
            ["钱七", "qianqi", "zhaoliu"],  # a new person of this file, by WeChat ID
            ["李四", "lisi-2026", "王五"],  # an update
        ],
    )
    plan, summary, _ = run_import(workspace, owner, path, "晨读营", "roster")
    assert (summary.added, summary.updated) == (2, 1)
    referrers = {r["name"]: r["referrer"] for r in dump(workspace, "晨读营")}
    assert referrers == {"张三": None, "李四": "王五", "王五": None, "赵六": "张三", "钱七": "赵六"}
    again, summary, _ = run_import(workspace, owner, path, "晨读营", "roster")
    assert summary.unchanged == 3

    bad = write_csv(tmp_path / "bad.csv", [["姓名", "推荐人"], ["孙八", "没这个人"], ["周九", "周九"]])
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, bad, "晨读营", "roster")
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "推荐人"), (3, "推荐人")]


def test_status_column_sets_the_status(workspace, owner, tmp_path):
    path = write_csv(
        tmp_path / "status.csv",
        [
            ["姓名", "微信号", "状态", "入群时间"],
            ["甲", "a1", "已退群", "2026-01-01"],
            ["乙", "b1", "Blacklisted", ""],
            ["丙", "c1", "Member", ""],
            ["丁", "d1", "申请中", ""],
            ["戊", "e1", "", ""],
        ],
    )
    run_import(workspace, owner, path, "晨读营", "roster")
    statuses = {r["name"]: (r["status"], r["joined"]) for r in dump(workspace, "晨读营")}
    assert statuses == {
        "甲": ("left", date(2026, 1, 1)),
        "乙": ("blacklisted", None),
        "丙": ("active", None),  # the group's first roster: members from the beginning
        "丁": ("applicant", None),
        "戊": ("active", None),
    }
    with workspace.session() as s:
        left_at = s.scalar(
            select(Membership.left_at)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == "甲")
        )
    assert left_at is not None
    bad = write_csv(tmp_path / "bad.csv", [["姓名", "状态", "层级"], ["己", "潜水", ""], ["庚", "", "宇宙级"]])
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, bad, "晨读营", "roster")
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "状态"), (3, "层级")]


def test_every_problem_is_listed_with_row_and_column(workspace, owner, tmp_path):
    path = write_csv(
        tmp_path / "many.csv",
        [
            ["姓名", "手机", "入群时间", "性别"],
            ["甲", "abc", "2026-01-01", "男"],
            ["乙", "13800138000", "明天", "女"],
            ["", "", "", "女"],  # nobody: a new person needs a name
            ["丁", "13900139000", "2099-01-01", "火星人"],
            ["戊" * 101, "", "", ""],
        ],
    )
    with pytest.raises(ImportFailed) as caught:
        run_import(workspace, owner, path, "晨读营", "roster")
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (2, "手机"),
        (3, "入群时间"),
        (4, "姓名"),
        (5, "入群时间"),
        (5, "性别"),
        (6, "姓名"),
    ]
    assert str(caught.value).startswith("many.csv 第2行 手机 列")


def test_header_only_file_and_file_without_identity_column_are_problems(workspace, owner, tmp_path):
    with pytest.raises(ImportProblem, match="没有数据行"):
        run_import(workspace, owner, write_csv(tmp_path / "h.csv", [["姓名", "手机"]]), "晨读营", "roster")
    with pytest.raises(ImportProblem, match="找不到姓名"):
        run_import(
            workspace, owner, write_csv(tmp_path / "c.csv", [["城市", "备注"], ["北京", "x"]]), "晨读营", "roster"
        )
    with pytest.raises(ImportProblem, match="问卷星"):
        run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "applications")
    assert counts(workspace)["community_group"] == 0


def test_corrected_mapping_is_remembered_per_layout(workspace, owner, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["称号", "微信", "所在地"], ["张三", "zs", "北京"]])
    table = read_table(path)
    with workspace.session() as s:
        automatic = suggest_mapping(s, table.headers)
        assert automatic == {1: "wechat_id", 2: "city"}  # 称号 is not a known header
        assert remembered_mapping(s, table.headers) is None
        remember_mapping(s, table.headers, {0: "name", 1: "wechat_id", 2: "city"})
        s.commit()
    with workspace.session() as s:
        assert s.get(WorkspaceSetting, mapping_key(["称号", "微信", "所在地"])) is not None
        assert remembered_mapping(s, [" 称号 ", "微信", "所在地"]) == {0: "name", 1: "wechat_id", 2: "city"}
        plan = plan_roster_import(s, None, table)
    assert plan.mapping == {0: "name", 1: "wechat_id", 2: "city"}
    assert plan.rows[0].name == "张三"


def test_run_import_remembers_the_mapping_only_when_asked(workspace, owner, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["称号", "微信"], ["张三", "zs"]])
    mapping = {0: "name", 1: "wechat_id"}
    run_import(workspace, owner, path, "晨读营", "roster", dry_run=True, mapping=mapping, remember=True)
    with workspace.session() as s:
        assert remembered_mapping(s, ["称号", "微信"]) is None
    run_import(workspace, owner, path, "晨读营", "roster", mapping=mapping, remember=True)
    with workspace.session() as s:
        assert remembered_mapping(s, ["称号", "微信"]) == mapping


def test_apply_refuses_a_plan_with_problems(workspace, owner):
    table = read_table(DATA / "bad_date.csv")
    with workspace.session() as s:
        gid = create_group(s, owner, "晨读营")
        plan = plan_roster_import(s, gid, table)
        assert not plan.ok and plan.problem == 1 and plan.added == 2
        with pytest.raises(ImportProblem) as caught:
            apply_import(s, owner, plan)
        assert (caught.value.row, caught.value.column) == (5, "入群时间")


def test_dry_run_writes_nothing(workspace, owner):
    before = counts(workspace)
    plan, summary, created = run_import(workspace, owner, DATA / "roster_simple.xlsx", "晨读营", "roster", dry_run=True)
    assert summary is None and created and plan.added == 3
    assert counts(workspace) == before


# ---------------------------------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------------------------------


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_import_roster(any_db_url, capsys):
    code, out, err = cli(
        capsys, "--db", any_db_url, "import", "roster", str(DATA / "roster_simple.xlsx"), "--group", "晨读营"
    )
    assert code == 0, err
    assert "社群「晨读营」不存在, 已创建 (group created)" in out
    assert "新增 added" in out and "3" in out
    code, out, err = cli(
        capsys, "--db", any_db_url, "import", "roster", str(DATA / "roster_simple.xlsx"), "--group", "晨读营"
    )
    assert code == 0 and "已创建" not in out
    assert [line.split()[-1] for line in out.splitlines() if line.startswith(("新增", "更新", "不变"))] == [
        "0",
        "0",
        "3",
    ]


def test_cli_import_problems_exit_1_and_write_nothing(tmp_path, capsys):
    db = str(tmp_path / "w.sqlite")
    code, out, err = cli(capsys, "--db", db, "import", "roster", str(DATA / "bad_date.csv"), "--group", "晨读营")
    assert code == 1
    assert "bad_date.csv 第5行 入群时间 列" in err and "row 5, column 入群时间" in err
    assert "未导入任何内容" in err
    code, out, _ = cli(capsys, "--db", db, "groups", "--json")
    assert code == 3 and out == ""  # not even the workspace file this failed run would have made
    assert cli(capsys, "--db", db, "db", "upgrade")[0] == 0
    code, out, err = cli(capsys, "--db", db, "import", "roster", str(DATA / "bad_date.csv"), "--group", "晨读营")
    assert code == 1
    code, out, _ = cli(capsys, "--db", db, "groups", "--json")
    assert out.strip() == "[]"  # an existing workspace: no group either
    code, out, err = cli(capsys, "--db", db, "import", "roster", str(DATA / "empty.csv"), "--group", "晨读营")
    assert code == 1 and "empty.csv" in err
    code, out, err = cli(capsys, "--db", db, "import", "roster", str(tmp_path / "missing.xlsx"), "--group", "晨读营")
    assert code == 1 and "找不到文件" in err
    code, out, err = cli(capsys, "--db", db, "import", "roster", str(DATA / "bad_date.csv"))
    assert code == 2  # --group is required


def test_cli_dry_run_prints_the_plan(tmp_path, capsys):
    db = str(tmp_path / "w.sqlite")
    code, out, err = cli(
        capsys, "--db", db, "import", "applications", str(DATA / "survey_tencent.csv"), "--group", "晨读营", "--dry-run"
    )
    assert code == 0, err
    assert "将创建" in out and "第2行" in out and "新增 add" in out and "dry run" in out
    assert not Path(db).exists()  # a dry run writes nothing, not even the workspace file
    code, out, _ = cli(capsys, "--db", db, "groups", "--json")
    assert code == 3 and out.strip() == ""  # so a reading command finds no workspace there
    code, out, err = cli(
        capsys, "--db", db, "import", "applications", str(DATA / "survey_tencent.csv"), "--group", "晨读营"
    )
    assert code == 0, err
    code, out, _ = cli(capsys, "--db", db, "groups", "--json")
    assert '"members_total": 0' in out  # applicants are not members yet


def test_cli_assistant_cannot_create_a_group(tmp_path, capsys):
    from desktop.services.operators import add_operator
    from desktop.workspace import actor_for, open_workspace

    db = tmp_path / "w.sqlite"
    database = open_workspace(db)
    with database.session() as s:
        add_operator(s, actor_for(database), "小助理", "assistant")
        create_group(s, actor_for(database), "晨读营")
        s.commit()
    database.dispose()
    argv = ("--db", str(db), "--operator", "小助理", "import", "roster", str(DATA / "roster_simple.xlsx"))
    code, out, err = cli(capsys, *argv, "--group", "新群")
    assert code == 4 and "无权" in err  # not allowed (issue 14)
    code, out, err = cli(capsys, *argv, "--group", "晨读营")
    assert code == 0, err


# ---------------------------------------------------------------------------------------------------
# scale and fuzzing
# ---------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_twenty_thousand_rows(sqlite_workspace, tmp_path):
    from desktop.workspace import actor_for

    owner = actor_for(sqlite_workspace)
    path = tmp_path / "big.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("成员")
    ws.append(["姓名", "昵称", "微信号", "手机", "性别", "城市", "入群时间", "标签", "备注"])
    surnames = "张王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许"
    for i in range(20_000):
        ws.append(
            [
                f"{surnames[i % 20]}{i:05d}",
                f"nick{i}",
                f"wx_{i:05d}",
                13000000000 + i,
                "男" if i % 2 else "女",
                ["北京", "上海", "深圳"][i % 3],
                datetime(2025, 1, 1 + i % 28),
                ["早起", "读书", "早起、跑步"][i % 3],
                None,
            ]
        )
    wb.save(path)
    started = time.perf_counter()
    _plan, first_summary, _ = run_import(sqlite_workspace, owner, path, "大社群", "roster")
    first = time.perf_counter() - started
    assert first_summary.added == 20_000
    started = time.perf_counter()
    read_table(path)
    read = time.perf_counter() - started
    started = time.perf_counter()
    _plan, summary, _ = run_import(sqlite_workspace, owner, path, "大社群", "roster")
    second = time.perf_counter() - started
    assert summary.unchanged == 20_000
    print(
        f"\n20,000-row roster: import {first:.2f}s (of which writing {first_summary.seconds:.2f}s), "
        f"re-import {second:.2f}s, read_table alone {read:.2f}s"
    )


# per column: valid values, and values that must be reported; plus random text
_GOOD: dict[str, list[str]] = {
    "姓名": ["张三", "李四", "王五🌟", "Ａｌｉｃｅ", "=1+1", "  张三 ", "赵六", "钱七"],
    "微信号": ["zs", "ls", "ZS", "", "wx_1", "ｚｓ"],
    "手机": ["13800138000", "13900139000", "", "138 0013 8000", "+86 137-0013-7000"],
    "入群时间": ["2026/5/6", "2026-05-07", "", "46148", "2026年5月8日"],
    "标签": ["早起、读书", "", "a,b", "读书"],
    "状态": ["已入群", "已退群", "申请中", "", "Member", "黑名单"],
    "推荐人": ["", "张三", "zs"],
    "性别": ["男", "女", "", "保密"],
    "备注": ["老会员", "", "问卷: Q: A", "第一行\n第二行"],
    "城市": ["北京", "", "上海"],
    "层级": ["核心", "普通", ""],
    "x": ["1", ""],
}
_BAD: dict[str, list[str]] = {
    "姓名": [""],
    "手机": ["1.38E+10", "abc"],
    "入群时间": ["下周一", "2099-01-01"],
    "状态": ["潜水"],
    "推荐人": ["没这人"],
    "性别": ["火星"],
    "层级": ["宇宙级"],
}
_ANY_TEXT = st.one_of(st.text(max_size=12), st.sampled_from(["\x00", "\t", "\r\n", "😀", "（空）"]))


@st.composite
def csv_bytes(draw) -> bytes:
    """Random bytes, or a CSV whose cells are valid (a third), partly invalid, or partly random text."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=300))
    identity = draw(st.sampled_from(["姓名", "姓名", "姓名", "微信号", "手机"]))  # one column names people
    headers = [identity, *draw(st.lists(st.sampled_from(sorted(_GOOD)), max_size=5))]
    mode = draw(st.sampled_from(["valid", "invalid", "random"]))

    def cell(header: str) -> st.SearchStrategy[str]:
        good = st.sampled_from(_GOOD[header])
        if mode == "valid":
            return good
        if mode == "invalid":
            return st.one_of(good, st.sampled_from(_BAD.get(header, _GOOD[header])))
        return st.one_of(good, _ANY_TEXT)

    rows = draw(st.lists(st.tuples(*(cell(h) for h in headers)).map(list), min_size=1, max_size=6))
    buffer = io.StringIO()
    csv.writer(buffer).writerows([headers, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    return buffer.getvalue().encode(encoding, errors="replace")


_COUNTER = itertools.count()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=csv_bytes())
def test_random_csv_gives_a_clean_error_or_a_valid_import(workspace, owner, tmp_path, data):
    n = next(_COUNTER)
    path = tmp_path / f"fuzz{n}.csv"
    path.write_bytes(data)
    group = f"fuzz{n}"
    before = counts(workspace)
    try:
        plan, summary, created = run_import(workspace, owner, path, group, "roster")
    except QunDeskError:
        assert counts(workspace) == before
        return
    assert plan.ok and created and summary.added == len(plan.rows)
    again, summary, created = run_import(workspace, owner, path, group, "roster")
    assert not created and summary.added == summary.updated == 0


def test_a_first_rosters_people_are_members_from_the_beginning_and_later_ones_join_then(workspace, owner, tmp_path):
    """The group's first roster (a WeChat member export, no 入群时间): its people were in the group before QunDesk —
    members from the beginning, so last week's check-ins log (they were refused for everyone: 'X月X日才入群') and
    this month's `joined` does not count the whole roster. A later roster's new person joined on its day."""
    from datetime import timedelta

    from desktop.metrics import month_stats
    from desktop.services.checkins import record_checkins

    first = write_csv(tmp_path / "first.csv", [["群昵称", "微信号"], ["老周", "zhou1"], ["小林", "lin2"]])
    run_import(workspace, owner, first, "读书会", "roster")
    joined = {r["name"]: r["joined"] for r in dump(workspace, "读书会")}
    assert joined == {"老周": None, "小林": None}
    with workspace.session() as s:
        gid = group_id_by_name(s, "读书会")
        zhou = s.scalar(
            select(Membership.id).join(Member, Member.id == Membership.member_id).where(Member.wechat_id == "zhou1")
        )
        week_ago = TODAY - timedelta(days=7)
        assert record_checkins(s, owner, gid, week_ago, [zhou], today=TODAY).logged == (zhou,)
        s.commit()
        assert month_stats(s, gid, TODAY.year, TODAY.month, today=TODAY).joined == 0
    later = write_csv(tmp_path / "later.csv", [["群昵称", "微信号"], ["老周", "zhou1"], ["新人", "new3"]])
    run_import(workspace, owner, later, "读书会", "roster")
    joined = {r["name"]: r["joined"] for r in dump(workspace, "读书会")}
    assert joined == {"老周": None, "小林": None, "新人": TODAY}


def test_a_roster_that_makes_referred_people_members_pays_the_referrer(workspace, owner, tmp_path):
    """老王 referred three people who come in through a roster (推荐人 column): he earns the `referral` points of each
    once, as a join in the window pays them — recompute from rules has nothing to add, and importing again pays
    nothing more."""
    from desktop.services.points import balance, recompute_preview

    path = write_csv(
        tmp_path / "refs.csv",
        [
            ["姓名", "微信号", "推荐人"],
            ["老王", "wang0", ""],
            ["甲", "a1", "老王"],
            ["乙", "b1", "wang0"],
            ["丙", "c1", "老王"],
        ],
    )
    run_import(workspace, owner, path, "读书会", "roster")
    run_import(workspace, owner, path, "读书会", "roster")
    with workspace.session() as s:
        gid = group_id_by_name(s, "读书会")
        wang = s.scalar(
            select(Membership.id).join(Member, Member.id == Membership.member_id).where(Member.wechat_id == "wang0")
        )
        rule = s.scalar(select(PointRule.points).where(PointRule.group_id == gid, PointRule.code == "referral"))
        assert rule and balance(s, wang) == 3 * rule
        assert recompute_preview(s, gid) == []
