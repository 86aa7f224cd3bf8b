"""A month of a real group, played day by day, then the owner's workbook: every figure traced back.

November 2026 in 读书会 (60 members) and 跑步群 (15 members, 10 of them people of 读书会 too), through the real
services and the CLI as an assistant and an owner would use them: the evening chain pasted (some the morning
after, with 补卡 lines for earlier days, 请假 lines and namesakes), quick check-ins and an undo, a chain pasted
into the wrong group and taken back, a week's leave, a member renamed, two records of one person merged, a
member who leaves on the 20th and one who comes back, points adjusted (single, batch, one undone), a meetup
with sign-ups and attendance, a violation, a chat export imported for the speaking counts.

Beside it, an independent tally (plain dicts) of what each action must leave behind; at the end the month's
workbook (`export report`), `stats --json` and the dashboard's figures are read back and compared with it and
with docs/metrics.md's definitions.

Decision for the tally: the 7-day streak bonus is switched off in 读书会 on its set-up day (a rule of the
group's set-up, in force from the beginning), so the points can be tallied by hand as check-ins × 1 + the
meetup's 3 + adjustments − the violation's 10; the streak bonus has its own tests (test_streaks.py,
test_points_probe.py)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from desktop.cli import main

A, B = "读书会", "跑步群"
SETUP = date(2026, 10, 20)
JOINED = datetime(2026, 10, 1, 9)
NOV = [date(2026, 11, d) for d in range(1, 31)]
END = date(2026, 12, 2)  # the owner exports November on 2 December

_SURNAMES = "李张刘陈杨黄吴周徐孙马朱胡郭何林罗高"
_GIVEN = ["子涵", "浩然", "雨桐", "梓轩", "欣怡", "宇航", "思远", "佳琪", "俊杰", "诗涵", "明轩", "若溪"]


def _names() -> list[str]:
    names: list[str] = []
    i = 0
    while len(names) < 60:
        name = _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i // len(_SURNAMES)) % len(_GIVEN)]
        if name not in names:
            names.append(name)
        i += 1
    names[2] = names[3] = "王芳"  # namesakes, told apart by their WeChat IDs
    names[20] = "赵敏"  # renamed 赵一敏 on the 12th
    names[40] = "陈晨"  # the kept record of one person recorded twice
    names[41] = "陈小晨"  # … and the other record, merged into 陈晨 on the 15th
    return names


NAMES = _names()
B_OWN = ["跑者甲", "跑者乙", "跑者丙", "跑者丁", "跑者戊"]
RENAMED = "赵一敏"
NEWCOMER = "新人小周"  # appears in the chain of the 8th before anyone added her
LEAVER = 30  # leaves the group on the 20th
RETURNER = 31  # left on 25 October, back on the 10th
ON_LEAVE = 5  # 请假 9th–15th
MAKEUP = 37  # missed the 15th, 补卡 in the chain of the 16th
DORMANT = range(45, 60)  # never check in in November (some of them speak in the chat)


class Tally:
    """What each action should leave behind, kept by hand."""

    def __init__(self) -> None:
        # 读书会's people by their index in NAMES (100: the newcomer of the 8th)
        self.checkins: dict[int, set[date]] = defaultdict(set)
        self.late: dict[int, set[date]] = defaultdict(set)
        self.leave: dict[int, set[date]] = defaultdict(set)
        self.points: dict[int, int] = defaultdict(int)
        self.messages: dict[int, int] = defaultdict(int)
        self.attended: dict[int, int] = defaultdict(int)
        self.spoke: dict[int, date] = {}  # the last day each spoke

    def checkin(self, who: int, day: date, *, late: bool = False) -> None:
        if day not in self.checkins[who]:
            self.checkins[who].add(day)
            self.points[who] += 1
        if late:
            self.late[who].add(day)

    def undo(self, who: int, day: date) -> None:
        self.checkins[who].discard(day)
        self.late[who].discard(day)
        self.points[who] -= 1


def _chain(title: str, names: list[str], extra: list[str] = ()) -> str:
    lines = [f"#接龙 {title}", "例 张三 读了30页"]
    lines += [f"{i}. {n} 读完第{i}章" for i, n in enumerate(names, 1)]
    lines += [f"{len(names) + i}. {t}" for i, t in enumerate(extra, 1)]
    return "\n".join(lines) + "\n"


def _who_checks_in(day: date, present: dict[int, str]) -> list[int]:
    """读书会's regulars: everyone but the dormant ones, missing a day now and then (index + day ≡ 0 mod 4)."""
    return [i for i in sorted(present) if i not in DORMANT and (i + day.day) % 4 != 0]


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """Play the month; returns (db path, tally, ids, outputs)."""
    tmp = tmp_path_factory.mktemp("month")
    db = str(tmp / "month.sqlite")
    mp = pytest.MonkeyPatch()
    outputs: dict[str, str] = {}
    try:
        return _play(mp, tmp, db, outputs)
    finally:
        mp.undo()


def _cli(outputs: dict, label: str, *argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    outputs[label] = out.getvalue() + "\n--stderr--\n" + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def _play(mp, tmp, db, outputs):
    from desktop.services.checkins import undo_checkin
    from desktop.services.groups import create_group
    from desktop.services.members import add_to_group, merge_members
    from desktop.services.onboarding import leave_group
    from desktop.services.participation import ActivityInput, add_violation, create_activity, set_attendance
    from desktop.services.points import adjust_points, adjust_points_batch, set_rule, undo_adjustment
    from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
    from desktop.workspace import actor_for, open_workspace
    from models import PointsEntry

    t = Tally()

    def today(d: date) -> None:
        mp.setenv("QUNDESK_TODAY", d.isoformat())

    today(SETUP)
    database = open_workspace(db)
    owner = actor_for(database)
    ms: dict[int, int] = {}  # index → 读书会 membership
    person: dict[int, int] = {}
    b_ms: dict[str, int] = {}
    with database.session() as s:
        ga = create_group(s, owner, A)
        gb = create_group(s, owner, B)
        set_rule(s, owner, ga, "streak7", active=False)
        set_rule(s, owner, gb, "streak7", active=False)
        for i, name in enumerate(NAMES):
            wx = {2: "wangfang_a", 3: "wangfang_b"}.get(i)
            joined = JOINED
            mid, mship = add_member(s, owner, ga, MemberInput(display_name=name, wechat_id=wx, joined_at=joined))
            ms[i], person[i] = mship, mid
        for i in range(10):
            b_ms[NAMES[i]] = add_to_group(s, owner, ms[i], gb)
        for name in B_OWN:
            b_ms[name] = add_member(s, owner, gb, MemberInput(display_name=name, joined_at=JOINED))[1]
        s.commit()
    today(date(2026, 10, 25))
    with database.session() as s:
        # the returner left on 25 October (before the month)
        leave_group(s, owner, ms[RETURNER], "出差", when=datetime(2026, 10, 25, 20))
        s.commit()

    present = {i: NAMES[i] for i in range(60) if i != RETURNER}  # members of 读书会 by index → name in chains
    left_ids: set[int] = set()
    newcomer_ms = None

    def paste(day: date, text: str, *extra: str, group: str = A) -> tuple[int, str, str]:
        path = tmp / f"chain-{day}-{len(outputs)}.txt"
        path.write_text(text, encoding="utf-8")
        return _cli(
            outputs,
            f"paste {group} {day} {len(outputs)}",
            "--db",
            db,
            "checkin",
            "--group",
            group,
            "--paste",
            str(path),
            "--date",
            day.isoformat(),
            *extra,
        )

    for day in NOV:
        today(day)
        who = _who_checks_in(day, present)
        chain_names = [present[i] for i in who if i not in (2, 3)]
        extra: list[str] = []
        if 2 in who or 3 in who:
            extra.append("王芳 读完第3章")  # which 王芳? asked, never guessed: not logged
        if day.day == 8:
            extra.append(f"{NEWCOMER} 第一次打卡")
        if day == date(2026, 11, 16):
            extra.append(f"{NAMES[MAKEUP]} 补卡 补11月15日")
        if date(2026, 11, 9) <= day <= date(2026, 11, 15):
            chain_names = [n for n in chain_names if n != NAMES[ON_LEAVE]]
            extra.append(f"{NAMES[ON_LEAVE]} 请假")
        if day == date(2026, 11, 18):
            # the evening chain pasted into 跑步群 by mistake (its people who are in both are logged there) …
            code, out, err = paste(day, _chain(f"11月{day.day}日 打卡", chain_names, extra), "--other-group", group=B)
            with database.session() as s:
                wrong = [ms_id for name, ms_id in b_ms.items() if name in chain_names]
                undone = [m for m in wrong if undo_checkin(s, owner, m, day)]
                s.commit()
            outputs["wrong group undone"] = str(len(undone))
        late = day == date(2026, 11, 14)
        if late:
            today(day + timedelta(days=1))  # pasted the morning after
        code, out, err = paste(day, _chain(f"11月{day.day}日 打卡", chain_names, extra))
        assert code in (0, 1), (day, out, err)
        for i in who:
            if i not in (2, 3) and not (i == ON_LEAVE and date(2026, 11, 9) <= day <= date(2026, 11, 15)):
                t.checkin(i, day)
        if day == date(2026, 11, 16):
            t.checkin(MAKEUP, date(2026, 11, 15), late=True)

        # --- the day's other events
        if day.day == 8:
            with database.session() as s:
                _mid, newcomer_ms = add_member(
                    s, owner, ga, MemberInput(display_name=NEWCOMER, joined_at=datetime(2026, 11, 8, 8))
                )
                s.commit()
            paste(day, _chain(f"11月{day.day}日 打卡", chain_names, extra))  # pasted again: only she is new
            t.checkin(100, day)
            present[100] = NEWCOMER
        if day.day == 3:
            # a quick check-in by name of the wrong person, undone at once
            _cli(outputs, "quick", "--db", db, "checkin", "--group", A, "--date", day.isoformat(), NAMES[50])
            with database.session() as s:
                assert undo_checkin(s, owner, ms[50], day)
                s.commit()
        if day.day == 9:
            code, out, err = _cli(
                outputs,
                "leave",
                "--db",
                db,
                "leave",
                "add",
                "--group",
                A,
                "--member",
                NAMES[ON_LEAVE],
                "--from",
                "2026-11-09",
                "--to",
                "2026-11-15",
                "--reason",
                "出差",
            )
            assert code == 0, out + err
            for d in range(9, 16):
                t.leave[ON_LEAVE].add(date(2026, 11, d))
        if day.day == 10:
            with database.session() as s:
                # back in the group: the member dialog's status 已入群 with the day they came back
                data = get_member_input(s, ms[RETURNER])
                update_member(
                    s, owner, ms[RETURNER], replace(data, status="active", joined_at=datetime(2026, 11, 10, 9))
                )
                adjust_points(s, owner, ms[1], 10, "分享读书笔记", day)
                s.commit()
            t.points[1] += 10
            present[RETURNER] = NAMES[RETURNER]
        if day.day == 12:
            with database.session() as s:
                data = get_member_input(s, ms[20])
                update_member(s, owner, ms[20], replace(data, display_name=RENAMED))
                s.commit()
            present[20] = RENAMED
        if day.day == 15:
            with database.session() as s:
                merge_members(s, owner, person[40], person[41])
                s.commit()
            present.pop(41)
            both = t.checkins[40] & t.checkins[41]
            assert both  # days both records checked in: one check-in (and one point) each after the merge
            t.checkins[40] |= t.checkins.pop(41)
            t.points[40] += t.points.pop(41) - len(both)
        if day.day == 20:
            with database.session() as s:
                leave_group(s, owner, ms[LEAVER], "退群", when=datetime(2026, 11, 20, 21))
                s.commit()
            present.pop(LEAVER)
            left_ids.add(LEAVER)
        if day.day == 20:
            code, out, err = _cli(
                outputs,
                "leave8",
                "--db",
                db,
                "leave",
                "add",
                "--group",
                A,
                "--member",
                NAMES[8],
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-22",
            )
            assert code == 0, out + err
            for d in (20, 21, 22):
                t.leave[8].add(date(2026, 11, d))
        if day.day == 21:
            with database.session() as s:
                act = create_activity(
                    s, owner, ga, ActivityInput(title="读书分享会", starts_at=datetime(2026, 11, 21, 19, 30))
                )
                for i in range(10):
                    if i in (2, 3):
                        continue
                    set_attendance(s, owner, act, ms[i], "registered")
                for i in (0, 1, 4, 5):
                    set_attendance(s, owner, act, ms[i], "attended")
                    t.points[i] += 3
                    t.attended[i] += 1
                set_attendance(s, owner, act, ms[6], "absent")
                set_attendance(s, owner, act, ms[8], "absent")  # on leave: recorded excused
                # 7 and 9 signed up and were never marked: absent once the day has passed
                batch = adjust_points_batch(s, owner, ga, [ms[i] for i in (0, 1, 4, 5)], 5, "分享会发言", day)
                s.commit()
            for i in (0, 1, 4, 5):
                t.points[i] += 5
            outputs["batch"] = repr(batch)
        if day.day == 22:
            with database.session() as s:
                adjust_points(s, owner, ms[6], -3, "迟到", day)
                s.commit()
        if day.day == 23:
            with database.session() as s:
                from sqlalchemy import select

                entry = s.scalar(
                    select(PointsEntry.id).where(PointsEntry.membership_id == ms[6], PointsEntry.points == -3)
                )
                undo_adjustment(s, owner, entry)
                s.commit()
        if day.day == 25:
            with database.session() as s:
                add_violation(s, owner, ms[12], "ad", day)
                s.commit()
            t.points[12] -= 10

    # the chat export, imported on 1 December for the speaking counts
    today(date(2026, 12, 1))
    chat = [
        "\ufeff消息记录（此消息记录为文本格式，不支持重新导入）",
        "",
        "=" * 64,
        "消息分组:我的群聊",
        "=" * 64,
        f"消息对象:{A}",
        "=" * 64,
        "",
    ]
    for d in range(1, 31, 3):
        for i in (0, 1, 20, 46, 47):
            # 赵敏 speaks as 赵一敏 from the day she was renamed (one QQ number, two names in the export)
            name = RENAMED if i == 20 and d >= 12 else NAMES[i]
            chat += [f"2026-11-{d:02d} 20:{i:02d}:00 {name}({20000 + i})", "今天读到一段很好的话", ""]
            t.messages[i] += 1
            t.spoke[i] = date(2026, 11, d)
    path = tmp / "qq.txt"
    path.write_text("\n".join(chat) + "\n", encoding="utf-8")
    code, out, err = _cli(outputs, "chat", "--db", db, "import", "chat", "--group", A, str(path))
    assert code == 0, out + err

    today(END)
    code, out, err = _cli(outputs, "stats", "--db", db, "stats", "--group", A, "--month", "2026-11", "--json")
    assert code == 0, out + err
    stats = json.loads(out)
    xlsx = tmp / "2026-11.xlsx"
    code, out, err = _cli(
        outputs, "export", "--db", db, "export", "report", "--month", "2026-11", "--all", "-o", str(xlsx)
    )
    assert code == 0, out + err
    database.dispose()
    ids = {"ms": ms, "person": person, "b_ms": b_ms, "newcomer": newcomer_ms, "ga": ga, "gb": gb}
    return {"db": db, "tally": t, "ids": ids, "outputs": outputs, "stats": stats, "xlsx": xlsx, "present": present}


def _sheet(month, title):
    return list(load_workbook(month["xlsx"])[title].iter_rows(values_only=True))


def _shown(i: int) -> str:
    return {20: RENAMED, 100: NEWCOMER}.get(i, NAMES[i] if i < 60 else "")


def _member_days(i: int) -> set[date]:
    """读书会's days of November person i was a member (docs/metrics.md *Member*), from the tally's events."""
    days = set(NOV)
    if i == 100:
        days = {d for d in NOV if d >= date(2026, 11, 8)}
    if i == RETURNER:
        days = {d for d in NOV if d >= date(2026, 11, 10)}
    if i == LEAVER:
        days = {d for d in NOV if d < date(2026, 11, 20)}
    return days


def test_the_matrix_names_each_person_once_with_their_days(month):
    """打卡明细: each 读书会 person once, under the name they have now, with the check-ins, leave days and rate the
    tally gives (rate = check-ins ÷ (member days − leave days not checked in); the leaving day checked in counts)."""
    t = month["tally"]
    rows = [r for r in _sheet(month, "打卡明细") if r[0] == A and r[1] not in (None, "每日合计")]
    by_name = {r[1]: r for r in rows}
    assert len(by_name) == len(rows)  # nobody twice
    assert "赵敏" not in by_name and "陈小晨" not in by_name  # the old name, the merged-away record
    for i in [*range(60), 100]:
        if i == 41:
            continue
        name = {2: "王芳 (1)", 3: "王芳 (2)"}.get(i, _shown(i))
        n = len(t.checkins[i])
        days = _member_days(i) | t.checkins[i]
        leave = (t.leave[i] & days) - t.checkins[i]
        possible = len(days) - len(leave)
        row = by_name[name]
        assert row[-4:-2] == (n, len(leave) or None), name
        assert row[-1] == round(n / possible, 4), name
        late = {d.day for d in t.late[i]}
        assert {c - 1 for c, v in enumerate(row[2:32], start=2) if v == "补"} == late, name
    total = next(r for r in _sheet(month, "打卡明细") if r[0] == A and r[1] == "每日合计")
    assert total[32] == sum(len(v) for v in t.checkins.values()) == month["stats"]["checkins"]


def test_stats_and_the_summary_sheet_agree_with_the_tally(month):
    """`stats --json` and 概览's 本月 column: the group's figures, each recounted from the tally by its definition."""
    t, st = month["tally"], month["stats"]
    at_end = [i for i in [*range(60), 100] if i not in (41, LEAVER)]
    active = [i for i in at_end if t.checkins[i] or t.attended[i] or t.messages[i]]
    leave_days = sum(len(t.leave[i]) - len(t.leave[i] & t.checkins[i]) for i in at_end)
    member_checkins = sum(len(t.checkins[i]) for i in at_end)
    expected = {
        "members_total": len(at_end),
        "members_active": len(active),
        "joined": 2,  # the newcomer of the 8th, the returner of the 10th
        "left": 1,
        "checkins": sum(len(v) for v in t.checkins.values()),
        "checkin_rate": round(member_checkins / (len(at_end) * 30 - leave_days), 4),
        "activities": 1,
        "attendance_rate": round(4 / 7, 4),  # 4 attended of 8 places less the excused one (on leave)
        "points_awarded": sum(t.points.values()),
        "dormant": len([i for i in at_end if i not in active and i != RETURNER and i != 100]),
        "stalled_onboarding": 0,
        "messages": sum(t.messages.values()),
    }
    assert {k: st[k] for k in expected} == expected
    summary = {(r[0], r[5]): r[2] for r in _sheet(month, "概览") if r[0] in (A, B) and r[5]}
    assert {k: summary[(A, k)] for k in expected} == expected
    # the chain pasted into 跑步群 by mistake was taken back whole: nothing of it in 跑步群's month
    assert month["outputs"]["wrong group undone"] == "7"
    assert summary[(B, "checkins")] == summary[(B, "points_awarded")] == summary[(B, "members_active")] == 0


def test_the_roster_and_the_boards_follow_each_person(month):
    """成员名册: status, points, last participation and messages of each 读书会 person; 积分's month board the same
    points; 预警's silent members are the dormant ones, named as on every other sheet."""
    t = month["tally"]
    roster = {r[1]: r for r in _sheet(month, "成员名册") if r[0] == A}
    head = next(r for r in _sheet(month, "成员名册") if r[0] == "社群")
    col = {h: k for k, h in enumerate(head)}
    assert "赵敏" not in roster and "陈小晨" not in roster
    for i in [*range(60), 100]:
        if i == 41:
            continue
        name = {2: "王芳 (1)", 3: "王芳 (2)"}.get(i, _shown(i))
        row = roster[name]
        assert row[col["状态"]] == ("已退群" if i == LEAVER else "已入群"), name
        assert row[col["积分"]] == t.points[i], name
        facts = (
            t.checkins[i]
            | ({date(2026, 11, 21)} if t.attended[i] else set())
            | ({t.spoke[i]} if i in t.spoke else set())
        )
        last = row[col["最近参与"]]
        assert (last.date() if last else None) == (max(facts) if facts else None), name
        assert row[col["本月发言"]] == (t.messages[i] or None), name
    board = {r[2]: r[3] for r in _sheet(month, "积分") if r[0] == A and isinstance(r[1], int)}
    points = {{2: "王芳 (1)", 3: "王芳 (2)"}.get(i, _shown(i)): p for i, p in t.points.items()}
    assert len(board) >= 10 and {n: points[n] for n in board} == board  # the top of the month (with its ties)
    assert min(board.values()) >= sorted(points.values(), reverse=True)[len(board) - 1]
    silent = sorted(r[2] for r in _sheet(month, "预警") if r[0] == A and r[1] == "沉默成员")
    assert len(silent) == month["stats"]["dormant"] == len(set(silent))


def test_the_dashboard_of_the_month_shows_the_same_figures(month, monkeypatch):
    """The Dashboard of 30 November (the month's last day): its month figures are `stats`'s, its daily chart adds
    up to the check-ins, and its alerts name the same silent members as 预警."""
    from desktop.health import group_health
    from desktop.workspace import open_workspace

    monkeypatch.setenv("QUNDESK_TODAY", END.isoformat())
    database = open_workspace(month["db"])
    try:
        with database.session() as s:
            h = group_health(s, month["ids"]["ga"], date(2026, 11, 30))
    finally:
        database.dispose()
    st = month["stats"]
    assert {k: v for k, v in h.month.as_dict().items() if k in st} == {k: st[k] for k in h.month.as_dict() if k in st}
    assert h.members == st["members_total"]
    assert sum(n for _d, n in h.daily_checkins) == st["checkins"]
    dormant = sorted(a.membership_id for a in h.alerts if a.kind == "dormant")
    assert len(dormant) == st["dormant"]
    silent = sorted(r[2] for r in _sheet(month, "预警") if r[0] == A and r[1] == "沉默成员")
    names = {v: k for k, v in month["ids"]["ms"].items()}
    shown = sorted({2: "王芳 (1)", 3: "王芳 (2)"}.get(names[m], _shown(names[m])) for m in dormant)
    assert silent == shown
