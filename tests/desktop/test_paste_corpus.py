"""The paste corpus (tests/data/paste_corpus/, see its README): what assistants really paste, with the outcome
every line must end in — logged, already, ambiguous, unmatched, not_member, leave or skipped — and for the
logged lines who, the time the member wrote, 补卡 and the day. Run headless, the way `qundesk checkin --paste`
runs: certain people only, each line exactly one outcome, and the database holds exactly the logged lines."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.paste import (
    ALREADY,
    AMBIGUOUS,
    LEAVE,
    LOGGED,
    NOT_MEMBER,
    OTHER_DAY,
    OUTCOMES,
    certain_plan,
    commit_paste,
    line_outcomes,
    preview_paste,
)
from desktop.services.roster import MemberInput, add_member
from desktop.tasks import Progress
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Membership

CORPUS = Path(__file__).resolve().parents[1] / "data" / "paste_corpus"
CASES = sorted(CORPUS.glob("*.txt"))
ROSTER = json.loads((CORPUS / "roster.json").read_text(encoding="utf-8"))
JOINED = datetime(2026, 1, 5, 9, 0)  # the roster's members joined long before the corpus's days (补卡 included)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The corpus roster in a workspace, built once; each case works on a copy of the file."""
    path = tmp_path_factory.mktemp("corpus") / "roster.sqlite"
    database = open_workspace(path)
    owner = actor_for(database)
    keys: dict[int, str] = {}
    with database.session() as s:
        gid = create_group(s, owner, ROSTER["group"])
        other_groups: dict[str, int] = {}
        for m in ROSTER["members"]:
            status = m["status"] if m["status"] in ("active", "applicant", "onboarding") else "active"
            data = MemberInput(
                display_name=m["name"],
                nickname=m["nickname"],
                wechat_id=m["wechat_id"],
                group_nickname=m["group_nickname"],
                status=status,
                joined_at=JOINED if status == "active" else None,
            )
            mid = add_member(s, owner, gid, data)[1]
            if status != m["status"]:  # former members: set as a leave/removal would leave them
                s.execute(update(Membership).where(Membership.id == mid).values(status=m["status"]))
            keys[mid] = m["key"]
        for m in ROSTER["elsewhere"]:
            if m["other_group"] not in other_groups:
                other_groups[m["other_group"]] = create_group(s, owner, m["other_group"])
            data = MemberInput(
                display_name=m["name"],
                nickname=m["nickname"],
                wechat_id=m["wechat_id"],
                group_nickname=m["group_nickname"],
            )
            add_member(s, owner, other_groups[m["other_group"]], data)
        s.commit()
    database.dispose()
    return path, gid, keys


def _expect(case: Path) -> dict:
    return json.loads(case.with_name(case.stem + ".expect.json").read_text(encoding="utf-8"))


def test_the_corpus_is_big_and_covers_every_outcome():
    lines = [v if isinstance(v, str) else v["outcome"] for c in CASES for v in _expect(c)["lines"].values()]
    assert len(CASES) >= 30 and len(lines) >= 700
    assert set(lines) == set(OUTCOMES)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_line_ends_in_its_outcome(case, template, tmp_path, monkeypatch):
    src, gid, keys = template
    path = tmp_path / "ws.sqlite"
    shutil.copyfile(src, path)
    expect = _expect(case)
    day, today = date.fromisoformat(expect["day"]), date.fromisoformat(expect["today"])
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    key_ids = {k: mid for mid, k in keys.items()}
    text = case.read_bytes().decode("utf-8-sig")
    database = open_workspace(path)
    try:
        owner = actor_for(database)
        with database.session() as s:
            if expect["already"]:
                record_checkins(s, owner, gid, day, [key_ids[k] for k in expect["already"]], today=today)
            s.commit()
            before = set(s.execute(select(CheckIn.membership_id, CheckIn.day)).all())
            preview = preview_paste(s, gid, day, text)
        assert preview.title_day == (date.fromisoformat(expect["title_day"]) if expect["title_day"] else None)
        plan = certain_plan(preview.matches)
        outcome = commit_paste(Progress(), database=database, actor=owner, group_id=gid, day=day, planned=plan)
        lines = line_outcomes(preview.lines, preview.matches, set(outcome.logged), set(outcome.already))
        with database.session() as s:
            rows = {
                (mid, d): (at, late)
                for mid, d, at, late in s.execute(
                    select(CheckIn.membership_id, CheckIn.day, CheckIn.checked_at, CheckIn.late)
                )
                if (mid, d) not in before
            }
    finally:
        database.dispose()

    assert [line.line_no for line in lines] == list(range(1, len(text.splitlines()) + 1))
    assert set(expect["lines"]) == {str(line.line_no) for line in lines}
    problems = []
    logged_expected: dict[tuple[int, date], tuple[str | None, bool, str]] = {}
    for line in lines:
        want = expect["lines"][str(line.line_no)]
        want = {"outcome": want} if isinstance(want, str) else want
        got = f"line {line.line_no} {line.raw.strip()!r}: got {line.outcome} ({line.detail})"
        if line.outcome != want["outcome"]:
            problems.append(f"{got}, want {want}")
            continue
        who_keys = {keys.get(c.membership_id, c.display_name) for c in line.who if c.membership_id is not None}
        if want["outcome"] == LOGGED:
            line_day = date.fromisoformat(want.get("day", expect["day"]))
            for k in want["who"]:
                # the day the member posted it: the line's own day, a 补卡's chain day, or as the case says
                posted = want.get("posted", expect["day"] if want.get("late") else line_day.isoformat())
                logged_expected[(key_ids[k], line_day)] = (want.get("time"), want.get("late", False), posted)
            if who_keys != set(want["who"]) or line.time != want.get("time") or line.late != want.get("late", False):
                problems.append(f"{got} who={sorted(who_keys)} time={line.time} late={line.late}, want {want}")
        elif want["outcome"] in (ALREADY, LEAVE) and "who" in want and who_keys != set(want["who"]):
            problems.append(f"{got} who={sorted(who_keys)}, want {want}")
        elif want["outcome"] == OTHER_DAY and line.day != date.fromisoformat(want["day"]):
            problems.append(f"{got} day={line.day}, want {want}")
        elif want["outcome"] == AMBIGUOUS:
            offered = {keys.get(c.membership_id) for c in line.candidates}
            if not set(want.get("candidates", [])) <= offered:
                problems.append(f"{got} candidates={sorted(k for k in offered if k)}, want {want}")
        elif want["outcome"] == NOT_MEMBER and "who" in want:
            named = {c.display_name for c in line.who} | {keys.get(c.membership_id) for c in line.who}
            names = {m["key"]: m["name"] for m in ROSTER["members"] + ROSTER["elsewhere"]}
            if not all(k in named or names[k] in named for k in want["who"]):
                problems.append(f"{got} who={sorted(map(str, named))}, want {want}")
    assert not problems, "\n".join(problems)
    # the database holds exactly the logged lines, with the time the member wrote and 补卡
    assert set(rows) == set(logged_expected)
    for key, (hhmm, late, posted) in logged_expected.items():
        at, got_late = rows[key]
        assert got_late == late, key
        if hhmm is None:
            assert at is None or key[1] == today, (key, at)
        else:
            assert isinstance(at, datetime) and at.strftime("%H:%M") == hhmm, (key, at, hhmm)
            assert at.date().isoformat() == posted, (key, at, posted)
