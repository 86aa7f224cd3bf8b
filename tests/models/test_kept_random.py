"""Kept values under a random life (issue 13): a seeded random sequence of every kind of write — check-ins (one by
one, a paste's commit, a check-in table import), undo, leave, activities (sign-up, withdraw, attendance, moved,
deleted), contributions, points adjustments, recompute, leaving and coming back with the member dialog and its
undo (leaves put back), soft delete and restore, merges, a bulk copy or move to another group, the group's 补卡
rule, chat imports, a backup restored — and after each one:

* `kept.drift` is empty (points balance and last participation day equal a fresh computation);
* the streak the app shows (checkins.streaks) equals a recomputation, written here, from the check-in days, the
  leave days and the group's late rule;
* a membership marked `streak_checked` has exactly the open streak bonuses of its whole history — and, until the
  group's 补卡 rule changes and from its next recompute on (rules re-price the past through recompute only), every
  membership has them and the ledger's rule-based points are what recompute gives (recompute_preview is empty).

On SQLite and on the suite's PostgreSQL, two seeds of 80 (35) operations: about 20 s per engine. A longer run for
a change to models/kept.py, the triggers or a writer (seeds 1-75 × 300 operations on SQLite and 3-4 × 300 on
PostgreSQL passed; seeds 14 and 18 × 300 found the leaving that cut a leave without its bonus, end_leaves_many):
QUNDESK_KEPT_SEEDS=1-75 QUNDESK_KEPT_OPS=300 pytest tests/models/test_kept_random.py -k sqlite."""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select, text

from desktop.errors import NotFound, ValidationError
from desktop.services.checkins import CheckinEntry, record_checkins, record_leave, streaks, undo_checkin
from desktop.services.groups import create_group
from desktop.services.members import bulk_copy_to_group, bulk_mark_left, merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.participation import (
    ActivityInput,
    add_contribution,
    create_activity,
    delete_activity,
    remove_contribution,
    set_attendance,
    update_activity,
    withdraw_sign_up,
)
from desktop.services.points import adjust_points, recompute_apply, recompute_preview
from desktop.services.roster import (
    MemberInput,
    add_member,
    get_member_input,
    leaves_of,
    restore_member,
    soft_delete_member,
    undo_member_edit,
    update_member,
)
from desktop.workspace import actor_for, open_workspace
from models import Group, Membership, MergeUndo, kept

TODAY = date(2026, 11, 30)
FIRST = date(2026, 11, 1)
NAMES = ("张三", "李四", "王五", "赵六", "钱七", "孙八")


def _seeds() -> list[int]:
    spec = os.environ.get("QUNDESK_KEPT_SEEDS", "1-2")
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def _ops(url: str) -> int:
    """Operations per seed: about 20 s per engine in the suite (PostgreSQL is slower per write)."""
    if "QUNDESK_KEPT_OPS" in os.environ:
        return int(os.environ["QUNDESK_KEPT_OPS"])
    return 35 if url.startswith("postgresql") else 80


def _day(rng: random.Random) -> date:
    return FIRST + timedelta(days=rng.randrange((TODAY - FIRST).days + 1))


# ------------------------------------------------------------------------------------------ the recomputation


def _expected_streaks(days: set[date], leaves: set[date]) -> tuple[int, int, set[date]]:
    """(current, longest, bonus days) walking the calendar one day at a time — written apart from desktop/streaks."""
    if not days:
        return 0, 0, set()
    run = longest = 0
    bonus: set[date] = set()
    d = min(days)
    runs: dict[date, int] = {}
    while d <= TODAY:
        if d in days:
            run += 1
            if run % 7 == 0:
                bonus.add(d)
        elif d not in leaves:
            run = 0
        runs[d] = run
        longest = max(longest, run)
        d += timedelta(days=1)

    # the run ending today, or while today has no check-in yet the run ending yesterday
    def ending(end: date) -> int:  # a run ends on a counted day or a leave day, else there is none
        return runs.get(end, 0) if end in days or end in leaves else 0

    current = ending(TODAY)
    if current == 0 and TODAY not in days:
        current = ending(TODAY - timedelta(days=1))
    return current, longest, bonus


def _check(database, every_bonus: bool = True) -> None:
    """`every_bonus`: every membership's open bonuses are those of its history, marked or not — until the group's
    补卡 rule changes (a rule change re-prices the past through recompute only: set_rule, update_group_profile; the
    mark cleared, the next check-in reconciles)."""
    with database.engine.connect() as conn:
        assert kept.drift(conn) == []
        late_rule = dict(conn.execute(text("SELECT id, late_checkins_count_for_streak FROM community_group")).all())
        members = conn.execute(text("SELECT id, group_id, streak_checked FROM membership")).all()
        checkins: dict[int, list[tuple[date, bool]]] = {}
        for mid, day, late in conn.execute(text("SELECT membership_id, day, late FROM checkin")).all():
            checkins.setdefault(mid, []).append((date.fromisoformat(str(day)[:10]), bool(late)))
        leaves: dict[int, set[date]] = {}
        for mid, start, end in conn.execute(text("SELECT membership_id, start_day, end_day FROM leave")).all():
            d, last = date.fromisoformat(str(start)[:10]), date.fromisoformat(str(end)[:10])
            while d <= last:
                leaves.setdefault(mid, set()).add(d)
                d += timedelta(days=1)
        bonuses: dict[int, list[date]] = {}
        for mid, day in conn.execute(
            text(
                "SELECT membership_id, day FROM points_entry p WHERE source_kind = 'streak' AND NOT EXISTS "
                "(SELECT 1 FROM points_entry r WHERE r.reverses_id = p.id)"
            )
        ).all():
            bonuses.setdefault(mid, []).append(date.fromisoformat(str(day)[:10]))
        streak_rule_on = {
            gid: bool(points) and bool(active)
            for gid, points, active in conn.execute(
                text("SELECT group_id, points, active FROM point_rule WHERE code = 'streak7'")
            ).all()
        }
    with database.session() as s:
        if every_bonus:  # and so every rule-based point equals what recompute gives
            assert [(r.membership_id, r.delta) for g in late_rule for r in recompute_preview(s, g)] == []
        for mid, gid, checked in members:
            count_late = bool(late_rule[gid])
            days = {d for d, late in checkins.get(mid, []) if count_late or not late}
            current, longest, bonus = _expected_streaks(days, leaves.get(mid, set()))
            shown = streaks(s, mid, TODAY)
            assert (shown.current, shown.longest) == (current, longest), f"membership {mid}: streak shown"
            if (checked or every_bonus) and streak_rule_on.get(gid):
                assert sorted(bonuses.get(mid, [])) == sorted(bonus), f"membership {mid} (marked {checked}): bonus days"


# ------------------------------------------------------------------------------------------ the operations


class Life:
    def __init__(self, database, rng: random.Random, tmp: Path, owner_url_is_sqlite: bool):
        self.database = database
        self.rng = rng
        self.tmp = tmp
        self.sqlite = owner_url_is_sqlite
        self.owner = actor_for(database)
        self.undo_stack: list[tuple[int, MemberInput, list]] = []
        self.n = 0
        self.rule_changed = False
        with database.session() as s:
            self.gid = create_group(s, self.owner, "早起打卡营")
            self.other = create_group(s, self.owner, "读书会")
            for name in NAMES:
                self._add(s, self.gid, name)
            self._add(s, self.other, "周九")
            s.commit()

    def _add(self, s, gid: int, name: str) -> int:
        self.n += 1
        joined = datetime(2026, 10, 1)
        return add_member(
            s, self.owner, gid, MemberInput(display_name=name, wechat_id=f"wx_{name}_{self.n}", joined_at=joined)
        )[1]

    # ---- picks
    def memberships(self, s, group: int | None = None, *, live: bool = False) -> list[int]:
        q = select(Membership.id).join(Membership.member)
        if group is not None:
            q = q.where(Membership.group_id == group)
        if live:
            q = q.where(Membership.status == "active")
        from models import Member

        q = q.where(Member.deleted_at.is_(None), Member.merged_into_id.is_(None)).order_by(Membership.id)
        return list(s.scalars(q))

    def group_of(self, s, mid: int) -> int:
        return s.scalar(select(Membership.group_id).where(Membership.id == mid))

    # ---- operations (each in its own transaction)
    def checkin(self, s):
        gid = self.rng.choice((self.gid, self.gid, self.other))
        ids = self.memberships(s, gid, live=True)
        if not ids:
            return
        who = self.rng.sample(ids, self.rng.randint(1, len(ids)))
        day = _day(self.rng)
        late = self.rng.random() < 0.2
        record_checkins(s, self.owner, gid, day, [CheckinEntry(m, None, late) for m in who], today=TODAY)

    def paste(self, s):
        """A WeChat chain (接龙) pasted for a day: previewed, its certain lines committed (commit_paste), a few with
        补卡 or a name nobody has (left for the user, not logged)."""
        from desktop.services.paste import certain_plan, commit_paste, preview_paste
        from desktop.tasks import Progress

        names = [
            r[0]
            for r in s.execute(
                text(
                    "SELECT m.display_name FROM membership ms JOIN member m ON m.id = ms.member_id "
                    "WHERE ms.group_id = :g AND ms.status = 'active' AND m.deleted_at IS NULL ORDER BY ms.id"
                ),
                {"g": self.gid},
            ).all()
        ]
        s.commit()
        if not names:
            return
        day = _day(self.rng)
        lines = [f"#接龙 {day.month}月{day.day}日 早起打卡", ""]
        for i, name in enumerate(self.rng.sample(names, self.rng.randint(1, len(names))), start=1):
            lines.append(f"{i}. {name}" + self.rng.choice(("", "", " 补卡", " 6:30")))
        if self.rng.random() < 0.3:
            lines.append(f"{len(lines) - 1}. 路人甲")
        with self.database.session() as read:
            preview = preview_paste(read, self.gid, day, "\n".join(lines))
        plan = [p for p in certain_plan(preview.matches) if p.membership_id is not None]
        if plan:
            commit_paste(Progress(), database=self.database, actor=self.owner, group_id=self.gid, day=day, planned=plan)

    def checkin_run(self, s):  # a few days in a row for one person (a streak worth having)
        ids = self.memberships(s, self.gid, live=True)
        if not ids:
            return
        m = self.rng.choice(ids)
        start = _day(self.rng)
        for i in range(self.rng.randint(3, 9)):
            d = start + timedelta(days=i)
            if d <= TODAY:
                record_checkins(s, self.owner, self.gid, d, [m], today=TODAY)

    def undo(self, s):
        rows = s.execute(text("SELECT membership_id, day FROM checkin ORDER BY id")).all()
        if rows:
            mid, day = self.rng.choice(rows)
            undo_checkin(s, self.owner, mid, date.fromisoformat(str(day)[:10]))

    def leave(self, s):
        ids = self.memberships(s)
        if not ids:
            return
        start = _day(self.rng)
        end = start + timedelta(days=self.rng.randint(0, 4))
        try:
            record_leave(s, self.owner, self.rng.choice(ids), start, end, "出差")
        except ValidationError:
            pass

    def activity(self, s):
        day = _day(self.rng)
        aid = create_activity(
            s,
            self.owner,
            self.gid,
            ActivityInput(
                title=f"分享会{day}", kind="knowledge_share", starts_at=datetime(day.year, day.month, day.day, 19)
            ),
        )
        for m in self.rng.sample(self.memberships(s, self.gid), min(3, len(self.memberships(s, self.gid)))):
            set_attendance(s, self.owner, aid, m, self.rng.choice(("registered", "attended", "absent", "excused")))

    def _activity_id(self, s) -> int | None:
        ids = list(s.scalars(text("SELECT id FROM activity ORDER BY id")))
        return self.rng.choice(ids) if ids else None

    def attendance(self, s):
        aid = self._activity_id(s)
        ids = self.memberships(s, self.gid)
        if aid is None or not ids:
            return
        status = self.rng.choice(("registered", "attended", "absent", "excused"))
        try:
            set_attendance(s, self.owner, aid, self.rng.choice(ids), status)
        except ValidationError:
            pass

    def withdraw(self, s):
        aid = self._activity_id(s)
        rows = s.execute(text("SELECT membership_id FROM attendance WHERE activity_id = :a"), {"a": aid}).all()
        if rows:
            withdraw_sign_up(s, self.owner, aid, self.rng.choice(rows)[0])

    def move_activity(self, s):
        aid = self._activity_id(s)
        if aid is None:
            return
        day = _day(self.rng)
        try:
            update_activity(
                s,
                self.owner,
                aid,
                ActivityInput(
                    title="分享会", kind="knowledge_share", starts_at=datetime(day.year, day.month, day.day, 20)
                ),
            )
        except ValidationError:
            pass

    def delete_activity(self, s):
        aid = self._activity_id(s)
        if aid is not None:
            delete_activity(s, self.owner, aid)

    def contribution(self, s):
        ids = self.memberships(s)
        if ids:
            add_contribution(s, self.owner, self.rng.choice(ids), "share", _day(self.rng), title="笔记")

    def remove_contribution(self, s):
        ids = list(s.scalars(text("SELECT id FROM contribution ORDER BY id")))
        if ids:
            remove_contribution(s, self.owner, self.rng.choice(ids))

    def adjust(self, s):
        ids = self.memberships(s)
        if ids:
            adjust_points(s, self.owner, self.rng.choice(ids), self.rng.choice((-3, 2, 7)), "手动", day=_day(self.rng))

    def recompute(self, s):
        group = self.rng.choice((self.gid, self.other))
        recompute_apply(s, self.owner, group, day=TODAY)
        if group == self.gid:  # the rule change re-priced: the bonuses are those of the rules again
            self.rule_changed = False

    def status(self, s):
        ids = self.memberships(s)
        if not ids:
            return
        mid = self.rng.choice(ids)
        before = get_member_input(s, mid)
        spans = leaves_of(s, mid)
        data = get_member_input(s, mid)
        if data.status == "active":
            data.status = "left"
            d = _day(self.rng)
            data.left_at = datetime(d.year, d.month, d.day, 12) if self.rng.random() < 0.7 else None
        else:
            data.status = "active"
            if self.rng.random() < 0.5:
                d = _day(self.rng)
                data.joined_at = datetime(d.year, d.month, d.day, 9)
        try:
            update_member(s, self.owner, mid, data)
        except ValidationError:
            s.rollback()
            return
        self.undo_stack.append((mid, before, spans))

    def mark_left(self, s):  # the roster's "mark left" (onboarding.leave_group), dated now
        ids = self.memberships(s, live=True)
        if ids:
            bulk_mark_left(s, self.owner, self.rng.sample(ids, 1), "退群")

    def undo_edit(self, s):
        if not self.undo_stack:
            return
        mid, before, spans = self.undo_stack.pop()
        try:
            undo_member_edit(s, self.owner, mid, before, spans)
        except (ValidationError, NotFound):
            s.rollback()

    def delete_restore(self, s):
        from models import Member

        deleted = list(
            s.scalars(select(Member.id).where(Member.deleted_at.is_not(None), Member.merged_into_id.is_(None)))
        )
        if deleted and self.rng.random() < 0.5:
            restore_member(s, self.owner, self.rng.choice(deleted))
            return
        ids = self.memberships(s)
        if ids:
            member = s.scalar(select(Membership.member_id).where(Membership.id == self.rng.choice(ids)))
            soft_delete_member(s, self.owner, member)

    def merge(self, s):
        ids = self.memberships(s, self.gid)
        if len(ids) < 4:
            self._add(s, self.gid, f"新人{self.n}")
            return
        a, b = self.rng.sample(ids, 2)
        keep = s.scalar(select(Membership.member_id).where(Membership.id == a))
        drop = s.scalar(select(Membership.member_id).where(Membership.id == b))
        try:
            summary = merge_members(s, self.owner, keep, drop)
        except ValidationError:
            s.rollback()
            return
        if self.rng.random() < 0.5:  # a merge made by mistake, undone at once (merge_undo)
            undo_merge(s, self.owner, summary.merge_id)

    def unmerge(self, s):
        """The newest merge not undone, undone later — refused (ValidationError) once either person changed."""
        newest = s.scalar(select(MergeUndo.id).where(MergeUndo.undone_at.is_(None)).order_by(MergeUndo.id.desc()))
        if newest is not None:
            undo_merge(s, self.owner, newest)

    def copy(self, s):
        ids = self.memberships(s, self.gid)
        if ids:
            who = self.rng.sample(ids, min(2, len(ids)))
            try:
                bulk_copy_to_group(s, self.owner, who, self.other, move=self.rng.random() < 0.5)
            except ValidationError:
                s.rollback()

    def late_rule(self, s):
        from desktop.services.group_profile import update_group_profile

        g = s.get(Group, self.gid)
        self.rule_changed = True
        update_group_profile(
            s, self.owner, self.gid, late_checkins_count_for_streak=not g.late_checkins_count_for_streak
        )

    def add_person(self, s):
        self._add(s, self.rng.choice((self.gid, self.other)), f"新人{self.n}")

    def checkin_table(self, s):
        """A 打卡表 of November: ✓, 补 and 请假 cells for a few people (by name)."""
        from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import

        rows = s.execute(
            text(
                "SELECT m.display_name FROM membership ms JOIN member m ON m.id = ms.member_id "
                "WHERE ms.group_id = :g AND ms.status = 'active' AND m.deleted_at IS NULL ORDER BY ms.id"
            ),
            {"g": self.gid},
        ).all()
        names = [r[0] for r in rows if [x[0] for x in rows].count(r[0]) == 1]
        s.commit()
        if not names:
            return
        start = FIRST + timedelta(days=self.rng.randrange((TODAY - FIRST).days - 4))
        days = [start + timedelta(days=i) for i in range(5)]
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", *(datetime(d.year, d.month, d.day) for d in days)])
        for name in self.rng.sample(names, min(3, len(names))):
            ws.append([name, *(self.rng.choice(("✓", "✓", "补", "请假", None)) for _ in days)])
        path = self.tmp / f"table{self.rng.random()}.xlsx"
        wb.save(path)
        try:
            run_checkin_import(self.database, self.owner, path, "早起打卡营", today=TODAY, skip_problems=True)
        except (CheckinImportFailed, ValidationError):
            pass

    def chat(self, s):
        """A chat export of a few days: check-in messages and chatter by the group's people (by wechat id)."""
        from desktop.services.chat_import import run_chat_import

        rows = s.execute(
            text(
                "SELECT m.display_name, m.wechat_id FROM membership ms JOIN member m ON m.id = ms.member_id "
                "WHERE ms.group_id = :g AND m.deleted_at IS NULL ORDER BY ms.id"
            ),
            {"g": self.gid},
        ).all()
        s.commit()
        if not rows:
            return
        lines = ["localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender"]
        for i in range(6):
            name, wx = self.rng.choice(rows)
            d = _day(self.rng)
            at = datetime(d.year, d.month, d.day, 7, i)
            content = self.rng.choice(("早安打卡", "打卡✅", "大家好"))
            lines.append(
                f"{5000 + i},27,1,0,0,{int(at.timestamp())},3,{content},{at:%Y-%m-%d %H:%M:%S},{name},{name},{wx}"
            )
        path = self.tmp / f"chat{self.rng.random()}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            run_chat_import(self.database, self.owner, path, "早起打卡营")
        except ValidationError:
            pass

    def backup_restore(self, s):
        from desktop.services.backup import backup_workspace, restore_workspace

        s.commit()
        name = f"b{self.rng.random()}"
        path = backup_workspace(self.database, self.tmp / f"{name}.qundesk", actor=self.owner)
        target = self.tmp / f"{name}.sqlite"
        restore_workspace(self.owner, path, target)
        restored = open_workspace(target)
        try:
            _check(restored, every_bonus=not self.rule_changed)
        finally:
            restored.dispose()

    WEIGHTS = {
        "checkin": 12,
        "checkin_run": 5,
        "paste": 4,
        "undo": 6,
        "leave": 6,
        "activity": 3,
        "attendance": 5,
        "withdraw": 2,
        "move_activity": 2,
        "delete_activity": 1,
        "contribution": 2,
        "remove_contribution": 1,
        "adjust": 2,
        "recompute": 2,
        "status": 4,
        "undo_edit": 3,
        "mark_left": 1,
        "delete_restore": 2,
        "merge": 1,
        "unmerge": 1,
        "copy": 2,
        "late_rule": 1,
        "add_person": 1,
        "checkin_table": 2,
        "chat": 1,
        "backup_restore": 1,
    }

    def step(self) -> str:
        name = self.rng.choices(list(self.WEIGHTS), weights=list(self.WEIGHTS.values()))[0]
        with self.database.session() as s:
            try:
                getattr(self, name)(s)
                s.commit()
            except ValidationError:  # a refusal (a day before the person joined, …) writes nothing
                s.rollback()
                return name + " (refused)"
        return name


@pytest.mark.parametrize("seed", _seeds())
def test_a_random_life_keeps_every_kept_value_true(any_db_url, tmp_path, monkeypatch, seed):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    database = open_workspace(any_db_url)
    try:
        life = Life(database, random.Random(seed), tmp_path, not any_db_url.startswith("postgresql"))
        done: list[str] = []
        for _ in range(_ops(any_db_url)):
            done.append(life.step())
            try:
                _check(database, every_bonus=not life.rule_changed)
            except AssertionError as e:
                raise AssertionError(f"seed {seed}, after {done[-8:]} (op {len(done)}): {e}") from e
    finally:
        database.dispose()
