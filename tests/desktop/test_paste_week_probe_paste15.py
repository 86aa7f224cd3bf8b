"""A week of real chains (probe paste15): Monday 9 to Sunday 15 November 2026, pasted the same morning, the evening or
the next morning; chains with year-stamped chat lines around them; a 接龙 copied twice into one paste; chains whose
title names another group or another day. Every line's outcome, through preview_paste and through the CLI (one
workspace, the week in order: what the earlier pastes logged is "already" in the later ones)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.paste_run import paste_run

JOINED = datetime(2024, 3, 10, 4, 0)
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红", "李芳")


def D(n: int) -> date:
    return date(2026, 11, n)


def chain(title: str, *entries: str) -> str:
    return "\n".join([f"#接龙 {title}", *[f"{i}. {e}" for i, e in enumerate(entries, 1)]]) + "\n"


MON_EVE = chain(
    "11月9日 周一 早起打卡", "张三 5:58", "李四 6:01", "王五 6:05 ✅", "赵六 6:12", "余丽娜 6:30", "刘红 7:02"
)
TUE = chain("11月10日早起打卡", "李四 6:00", "张三 6:03 改一下时间 6:05", "赵六 6:10", "王五 6:20 补昨天和今天")
WED_STAMPED = (
    "2026-11-11 06:30 李四\n早起打卡\n2026-11-11 06:31 王五\n"
    + chain("11月11日早起打卡", "张三 6:01", "王五 6:02", "余丽娜和老公 6:15")
    + "2026-11-11 06:35 赵六\n打卡\n2026-11-11 06:36 刘红\n收到\n"
)
THU = (
    chain(
        "11月12日 周四",
        "张三 6:00",
        "李四 ✅ 补签昨天",
        "赵六 12月5日请假三天",
        "刘红一家三口 6:40",
        "王五 帮我老婆李芳也打一下卡",
    )
    + "今日未打卡：余丽娜\n"
)
FRI = chain("周五早起打卡 11.13", "张三 6:00", "李四 6:01", "张三 6:09", "王五 请假到月底", "余丽娜 帮我家孩子打卡")

# (what, the day logged, the paste, each line's outcome: "logged 张三", "skipped", "already 张三", "ambiguous 王五 李芳",
# "leave 赵六 2026-12-05 2026-12-07", "unmatched", "other_day") — as read by preview_paste alone (nothing logged before)
WEEK = [
    (
        "mon morning",
        D(9),
        chain("11月9日 周一 早起打卡", "张三 5:58", "李四 6:01", "王五 6:05 ✅", "赵六 6:12"),
        ["skipped", "logged 张三", "logged 李四", "logged 王五", "logged 赵六"],
    ),
    (
        "mon no date, same morning",
        D(9),
        "#接龙 早起打卡\n1. 张三 5:58\n2. 李四 6:01\n",
        ["skipped", "logged 张三", "logged 李四"],
    ),
    (
        "mon evening, the chain grown",
        D(9),
        MON_EVE,
        ["skipped", "logged 张三", "logged 李四", "logged 王五", "logged 赵六", "logged 余丽娜", "logged 刘红"],
    ),
    (
        "mon, pasted again next morning",
        D(9),
        MON_EVE,
        ["skipped", "logged 张三", "logged 李四", "logged 王五", "logged 赵六", "logged 余丽娜", "logged 刘红"],
    ),
    ("tue pasted wed morning", D(10), TUE, ["skipped", "logged 李四", "logged 张三", "logged 赵六", "logged 王五"]),
    (
        "tue no date, next morning",
        D(10),
        "#接龙 早起打卡\n1. 赵六 6:10\n2. 刘红 6:20\n",
        ["skipped", "logged 赵六", "logged 刘红"],
    ),
    (
        "tue template and count",
        D(10),
        "#接龙\n早起打卡 11月10日\n例 张三 6:00\n1. 李四 6:00\n2. 余丽娜 6:40\n以上共2人\n",
        ["skipped", "skipped", "skipped", "logged 李四", "logged 余丽娜", "skipped"],
    ),
    (
        "wed among stamped messages",
        D(11),
        WED_STAMPED,
        [
            "skipped 李四",
            "skipped",
            "skipped 王五",
            "skipped",
            "logged 张三",
            "logged 王五",
            "logged 余丽娜",
            "skipped 赵六",
            "skipped",
            "skipped 刘红",
            "skipped",
        ],
    ),
    (
        "wed copied twice",
        D(11),
        chain("11月11日早起打卡", "张三 6:01", "王五 6:02") * 2,
        ["skipped", "logged 张三", "logged 王五", "skipped", "already 张三", "already 王五"],
    ),
    (
        "wed titled another group",
        D(11),
        chain("夜跑团 11月11日 打卡", "张三 21:00", "李四 21:05"),
        ["skipped", "skipped 张三", "skipped 李四"],
    ),
    (
        "wed leave bracket and 同上",
        D(11),
        chain("11月11日早起", "张三 6:01", "赵六（请假）", "同上", "刘红 ✅"),
        ["skipped", "logged 张三", "leave 赵六 2026-11-11 2026-11-11", "unmatched", "logged 刘红"],
    ),
    (
        "wed chat with +1",
        D(11),
        "张三：早起打卡 ✅\n李四：+1\n王五：打卡\n",
        ["logged 张三", "ambiguous 李四", "logged 王五"],
    ),
    (
        "thu",
        D(12),
        THU,
        [
            "skipped",
            "logged 张三",
            "ambiguous 李四",
            "leave 赵六 2026-12-05 2026-12-07",
            "logged 刘红",
            "ambiguous 王五 李芳",
            "skipped 余丽娜",
        ],
    ),
    (
        "thu chat",
        D(12),
        "张三：打卡\n李四：早起打卡 6:10\n王五：帮我老婆李芳也打一下卡\n赵六：收到\n",
        ["logged 张三", "logged 李四", "ambiguous 王五 李芳", "skipped 赵六"],
    ),
    (
        "thu glued numbers",
        D(12),
        "#接龙 11月12日早起\n1、张三 ✅\n2、李四6:05\n3、王五 6:10 打卡第12天\n",
        ["skipped", "logged 张三", "logged 李四", "logged 王五"],
    ),
    (
        "thu summary",
        D(12),
        "11月12日打卡统计\n已打卡：张三、李四\n未打卡：王五、赵六\n",
        ["skipped", "logged 张三 李四", "skipped 王五 赵六"],
    ),
    (
        "thu evening chain pasted fri",
        D(12),
        chain("11月12日 晚睡打卡", "张三 22:30", "李四 23:10", "王五 23:55"),
        ["skipped", "logged 张三", "logged 李四", "logged 王五"],
    ),
    (
        "fri",
        D(13),
        FRI,
        [
            "skipped",
            "logged 张三",
            "logged 李四",
            "already 张三",
            "leave 王五 2026-11-13 2026-11-30",
            "ambiguous 余丽娜",
        ],
    ),
    (
        "fri make-ups under the chain",
        D(13),
        chain("11月13日早起", "张三 6:00", "李四 6:02") + "补卡：\n赵六 补11月12日\n",
        ["skipped", "logged 张三", "logged 李四", "skipped", "logged 赵六"],
    ),
    (
        "fri evening messages",
        D(13),
        "2026-11-13 21:30 余丽娜\n晚上补个卡，今天早上忘了\n2026-11-13 21:31 刘红\n收到\n",
        ["logged 余丽娜", "skipped", "skipped 刘红", "skipped"],
    ),
    ("fri quote", D(13), "张三：打卡\n「张三：打卡」\n李四：收到\n", ["logged 张三", "skipped 张三", "skipped 李四"]),
    (
        "sat pasted sun",
        D(14),
        chain("11月14日 周六 早起", "张三 7:30", "李四 7:45", "刘红 补1号2号"),
        ["skipped", "logged 张三", "logged 李四", "logged 刘红"],
    ),
    (
        "sat weekday title next morning",
        D(14),
        "#接龙 周六早起\n1. 张三 7:30\n2. 赵六 7:40\n3. 李四 补前天和昨天\n",
        ["skipped", "logged 张三", "logged 赵六", "logged 李四"],
    ),
    (
        "sat @",
        D(14),
        chain("11月14日 周六 早起", "张三 7:30 @李四 快来", "帮 @刘红 打卡"),
        ["skipped", "logged 张三", "ambiguous 刘红"],
    ),
    (
        "sun",
        D(15),
        chain("周日早起 11.15", "张三 6:30", "李四 6:31", "王五 我和老公都打了", "赵六 6:50"),
        ["skipped", "logged 张三", "logged 李四", "logged 王五", "logged 赵六"],
    ),
    (
        "sun titled with its own group",
        D(15),
        chain("晨光早起营 11月15日 周日", "张三 6:30", "刘红 6:40"),
        ["skipped", "logged 张三", "logged 刘红"],
    ),
    (
        "sun copied twice, grown",
        D(15),
        chain("11月15日 周日", "张三 6:30") + chain("11月15日 周日", "张三 6:30", "余丽娜 6:45"),
        ["skipped", "logged 张三", "skipped", "already 张三", "logged 余丽娜"],
    ),
    (
        "sun leave ahead",
        D(15),
        chain("11月15日", "张三 6:30", "李四 下周请假", "王五 周三到周五请假"),
        ["skipped", "logged 张三", "leave 李四 2026-11-16 2026-11-22", "leave 王五 2026-11-18 2026-11-20"],
    ),
    (
        "sun, more names",
        D(15),
        chain("周日早起 11.15", "李芳 6:20", "余丽娜 6:21"),
        ["skipped", "logged 李芳", "logged 余丽娜"],
    ),
]
# chains whose title names another day than the one chosen: preview_paste says so (the window asks, the CLI notes it)
OTHER_DAY = [
    ("tue's chain chosen for wed", D(11), TUE, D(10)),
    ("sat's chain chosen for sun", D(15), chain("11月14日 周六 早起", "张三 7:30"), D(14)),
    ("a title whose weekday is not its date's", D(15), chain("11月15日 周六", "张三 6:30"), None),
]


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        create_group(s, owner, "夜跑团")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED))[1] for n in NAMES}
        s.commit()
    return gid, ids


def said(outcome) -> str:
    """A line's outcome as the WEEK table writes it (a leave's days beside it: see the test)."""
    people = outcome.who if outcome.outcome != "ambiguous" else outcome.candidates
    return " ".join([outcome.outcome, *dict.fromkeys(c.display_name for c in people)])


@pytest.mark.parametrize(("what", "day", "text", "want"), WEEK, ids=[w[0] for w in WEEK])
def test_each_line_of_the_weeks_chains(workspace, grp, what, day, text, want):
    gid, _ids = grp
    preview, outcomes, _plan = paste_run(workspace, gid, text, day)
    assert not preview.day_mismatch, what
    leave = {m.line.line_no: m.leave_days for m in preview.matches if m.status == "leave"}
    got = []
    for n in sorted(outcomes):
        o = outcomes[n]
        if o.outcome == "leave":
            first, last = leave[n]
            got.append(f"{said(o)} {first} {last}")
        else:
            got.append(said(o))
    assert len(got) == len(text.splitlines())
    assert got == want


@pytest.mark.parametrize(("what", "day", "text", "titled"), OTHER_DAY, ids=[w[0] for w in OTHER_DAY])
def test_a_chain_titled_another_day_is_said(workspace, grp, what, day, text, titled):
    gid, _ids = grp
    preview, _outcomes, _plan = paste_run(workspace, gid, text, day)
    assert preview.day_mismatch and preview.title_day == titled


def test_the_week_through_the_cli(tmp_path, capsys):
    """The week pasted in order into one workspace with `qundesk checkin --paste`: each paste's counts, the lines it
    says, and at the end every check-in on the day the member checked in, with their time."""
    from desktop.cli import main
    from desktop.services.checkins import checkins_on
    from desktop.workspace import actor_for, open_workspace

    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    try:
        with database.session() as s:
            gid = create_group(s, actor_for(database), "晨光早起营")
            create_group(s, actor_for(database), "夜跑团")
            ids = {
                n: add_member(s, actor_for(database), gid, MemberInput(display_name=n, joined_at=JOINED))[1]
                for n in NAMES
            }
            s.commit()
    finally:
        database.dispose()
    runs = {}
    for i, (what, day, text, _want) in enumerate(WEEK):
        path = tmp_path / f"c{i}.txt"
        path.write_text(text, encoding="utf-8")
        assert (
            main(["--db", db, "checkin", "--group", "晨光早起营", "--date", day.isoformat(), "--paste", str(path)]) == 0
        )
        runs[what] = capsys.readouterr()
    assert "新记录 logged 4, 已打卡 already 0" in runs["mon morning"].out
    assert "新记录 logged 2, 已打卡 already 4" in runs["mon evening, the chain grown"].out
    assert "新记录 logged 0, 已打卡 already 6" in runs["mon, pasted again next morning"].out
    # 王五 补昨天和今天: Monday's was in already, Tuesday's logged — each day said
    assert "第5行 新记录 logged: 2026-11-09 已打卡 (2026-11-09: already checked in); 2026-11-10 打卡已记录" in (
        runs["tue pasted wed morning"].err
    )
    # 余丽娜和老公 logged, the husband said
    assert "第7行 新记录 logged: 余丽娜 打卡已记录; 同行的家人 (老公)" in runs["wed among stamped messages"].err
    assert "第2行 不是打卡 not a check-in: 张三: 接龙标题是另一个群「夜跑团」" in runs["wed titled another group"].err
    thu = runs["thu"].err
    assert "第6行 需选择 ambiguous: 替别人打卡" in thu and "李芳 → 李芳(name)" in thu
    assert "第7行 不是打卡 not a check-in: 余丽娜: 说没打卡" in thu
    assert "--member 赵六 --from 2026-12-05 --to 2026-12-07" in thu
    assert "--member 王五 --from 2026-11-13 --to 2026-11-30" in runs["fri"].err
    assert "第4行 已有 already" in runs["fri"].err or "已打卡 already 1" in runs["fri"].out
    assert "第6行 需选择 ambiguous: 替家人 (孩子) 打卡" in runs["fri"].err
    database = open_workspace(db)
    try:
        with database.session() as s:
            logged = {
                (r.membership_id, d): (r.late, r.checked_at.strftime("%H:%M") if r.checked_at else None)
                for d in (D(n) for n in range(1, 16))
                for r in checkins_on(s, gid, d)
            }
    finally:
        database.dispose()
    assert logged[(ids["张三"], D(10))] == (False, "06:05")  # 6:03 改一下时间 6:05
    assert logged[(ids["王五"], D(10))][0] is False and (ids["王五"], D(9)) in logged
    assert logged[(ids["张三"], D(13))] == (False, "06:00")  # 张三 6:09 again: the first kept
    assert logged[(ids["赵六"], D(12))][0] is True  # 补卡： 赵六 补11月12日, under Friday's chain
    assert logged[(ids["刘红"], D(1))][0] is True and logged[(ids["刘红"], D(2))][0] is True  # 补1号2号
    assert logged[(ids["李四"], D(12))][0] is False  # the summary's 已打卡, on the day
    assert (ids["余丽娜"], D(12)) not in logged  # 今日未打卡：余丽娜
    assert (ids["李芳"], D(12)) not in logged and (ids["王五"], D(12)) in logged  # the evening chain's 王五 23:55
    assert (ids["赵六"], D(11)) not in logged  # 赵六（请假）, and his 打卡 message outside the chain
