#!/usr/bin/env python3
"""Self-check of the paste corpus (stdlib only).

Verifies that every NN_slug.txt has its NN_slug.expect.json (and back), that
every line of the paste (numbered as str.splitlines() numbers them) has
exactly one expectation, that every key used exists in roster.json with a
status that fits the outcome, and that 'already' / repeats are consistent.
Prints the number of lines per outcome.  Exit status 1 on any problem.

    python3 tests/data/paste_corpus/check_corpus.py
"""

import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"active", "onboarding", "applicant", "left", "removed", "blacklisted"}
OUTCOMES = ["skipped", "logged", "already", "ambiguous", "unmatched", "not_member", "leave", "other_day"]
CASE_NAME = re.compile(r"^\d{2,3}_[a-z0-9_]+$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def no_dup_keys(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"duplicate key {k!r}")
        d[k] = v
    return d


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_dup_keys)


def is_date(s):
    if not isinstance(s, str) or not re.match(r"^\d{4}-\d\d-\d\d$", s):
        return False
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def check_roster():
    r = load_json(os.path.join(HERE, "roster.json"))
    people = {}
    for part in ("members", "elsewhere"):
        for p in r.get(part, []):
            k = p.get("key")
            if not isinstance(k, str) or not re.match(r"^[a-z0-9_]+$", k):
                problem("roster.json", f"bad key {k!r}")
                continue
            if k in people:
                problem("roster.json", f"duplicate key {k}")
            if not p.get("name"):
                problem("roster.json", f"{k}: no name")
            for f in ("nickname", "group_nickname", "wechat_id"):
                if f not in p:
                    problem("roster.json", f"{k}: missing field {f}")
            if part == "members":
                if p.get("status") not in STATUSES:
                    problem("roster.json", f"{k}: bad status {p.get('status')!r}")
            elif not p.get("other_group"):
                problem("roster.json", f"{k}: elsewhere person without other_group")
            people[k] = dict(p, part=part)
    return r, people


def main():
    roster, people = check_roster()

    def is_active(k):
        p = people.get(k)
        return p is not None and p["part"] == "members" and p["status"] == "active"

    def need_keys(where, keys, pred, what):
        if not isinstance(keys, list) or not keys:
            problem(where, f"expected a non-empty list of keys, got {keys!r}")
            return False
        if len(set(keys)) != len(keys):
            problem(where, f"repeated key in {keys}")
        ok = True
        for k in keys:
            if k not in people:
                problem(where, f"unknown key {k!r}")
                ok = False
            elif not pred(k):
                problem(where, f"{k} is not {what}")
                ok = False
        return ok

    names = sorted(os.listdir(HERE))
    txts = {n[:-4] for n in names if n.endswith(".txt")}
    exps = {n[: -len(".expect.json")] for n in names if n.endswith(".expect.json")}
    for s in sorted(txts - exps):
        problem(s + ".txt", "no matching .expect.json")
    for s in sorted(exps - txts):
        problem(s + ".expect.json", "no matching .txt")

    totals = collections.Counter()
    n_lines = 0
    rows = []
    for slug in sorted(txts & exps):
        if not CASE_NAME.match(slug):
            problem(slug, "case name is not NN_slug")
        raw = open(os.path.join(HERE, slug + ".txt"), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problem(slug + ".txt", f"not UTF-8: {e}")
            continue
        if text.startswith("\ufeff") and "bom" not in slug:
            problem(slug + ".txt", "starts with a BOM but the case is not about a BOM")
        lines = text.splitlines()
        try:
            exp = load_json(os.path.join(HERE, slug + ".expect.json"))
        except ValueError as e:
            problem(slug + ".expect.json", str(e))
            continue
        where = slug + ".expect.json"
        extra = set(exp) - {"description", "day", "today", "already", "title_day", "lines"}
        if extra:
            problem(where, f"unexpected fields {sorted(extra)}")
        if not isinstance(exp.get("description"), str) or not exp["description"].strip():
            problem(where, "no description")
        day, today = exp.get("day"), exp.get("today")
        if not is_date(day) or not is_date(today):
            problem(where, f"bad day/today {day!r}/{today!r}")
            continue
        if day > today:
            problem(where, "day is after today")
        td = exp.get("title_day", "missing")
        if td is not None and not is_date(td):
            problem(where, f"bad title_day {td!r}")
        already = exp.get("already")
        if not isinstance(already, list):
            problem(where, "already is not a list")
            already = []
        elif already:
            need_keys(where + " already", already, is_active, "an active member")
        got = exp.get("lines")
        if not isinstance(got, dict):
            problem(where, "lines is not an object")
            continue
        want = {str(i) for i in range(1, len(lines) + 1)}
        for k in sorted(want - set(got), key=int):
            problem(where, f"line {k} has no expectation ({lines[int(k) - 1]!r})")
        for k in sorted(set(got) - want, key=lambda s: (not s.isdigit(), int(s) if s.isdigit() else 0, s)):
            problem(where, f"expectation for line {k!r}, but the paste has {len(lines)} lines")

        checked_in = collections.defaultdict(set)
        checked_in[day] |= set(already)
        per = collections.Counter()
        for i in range(1, len(lines) + 1):
            e = got.get(str(i))
            if e is None:
                continue
            w = f"{where} line {i}"
            if e in ("skipped", "unmatched"):
                per[e] += 1
                continue
            if not isinstance(e, dict) or e.get("outcome") not in OUTCOMES[1:]:
                problem(w, f"bad expectation {e!r}")
                continue
            o = e["outcome"]
            if o in ("skipped", "unmatched"):
                problem(w, f"write {o!r} as a plain string")
                continue
            per[o] += 1
            allowed = {"outcome"} | {
                "logged": {"who", "time", "late", "day", "posted"},
                "already": {"who"},
                "ambiguous": {"candidates"},
                "not_member": {"who"},
                "leave": {"who"},
                "other_day": {"day"},
            }[o]
            if set(e) - allowed:
                problem(w, f"unexpected fields {sorted(set(e) - allowed)}")
            if o == "logged":
                if not need_keys(w, e.get("who"), is_active, "an active member"):
                    continue
                t = e.get("time", "missing")
                if t is not None and not (isinstance(t, str) and TIME.match(t)):
                    problem(w, f"bad time {t!r}")
                if not isinstance(e.get("late"), bool):
                    problem(w, "late must be true or false")
                d = e.get("day", day)
                if "day" in e:
                    if not is_date(e["day"]):
                        problem(w, f"bad day {e['day']!r}")
                    if not e.get("late"):
                        problem(w, "a check-in for another day must be a late (补卡) one")
                    if e["day"] == day:
                        problem(w, "day given but equal to the case day")
                # the line says it, or (a chat log) the message under its stamp line does
                # (or the heading of its section: an unnumbered `补卡：` / `12月3日补卡：` line above it)
                said = re.search("补卡|补打卡|补签|补\\d|补昨天", "".join(lines[i - 1 : i + 1])) or any(
                    re.search("补卡|补打卡|补签", x) and not re.match(r"\s*\d", x) for x in lines[: i - 1]
                )
                if e.get("late") and not said:
                    problem(w, "late but the line does not say 补卡/补打卡/补签")
                if "posted" in e and (not is_date(e["posted"]) or not e.get("late")):
                    problem(w, "posted is a date, for a late (补卡) check-in only")
                for k in e["who"]:
                    if k in checked_in[d]:
                        problem(w, f"{k} is logged but already has a check-in on {d}")
                    checked_in[d].add(k)
            elif o == "already":
                if need_keys(w, e.get("who"), is_active, "an active member"):
                    if len(e["who"]) != 1:
                        problem(w, "already names exactly one person")
                    elif e["who"][0] not in checked_in[day]:
                        problem(w, f"{e['who'][0]} has no earlier check-in on {day}")
            elif o == "ambiguous":
                need_keys(w, e.get("candidates"), lambda k: people[k]["part"] == "members", "a member of the group")
            elif o == "not_member":
                if need_keys(w, e.get("who"), lambda k: not is_active(k), "a non-active or elsewhere person"):
                    if len(e["who"]) != 1:
                        problem(w, "not_member names exactly one person")
            elif o == "other_day":
                if not is_date(e.get("day")) or e["day"] == day:
                    problem(w, "other_day needs its own day, not the case day")
            elif o == "leave":
                if "who" in e and need_keys(w, e["who"], is_active, "an active member"):
                    if len(e["who"]) != 1:
                        problem(w, "leave names one person")
                if "请假" not in "".join(lines[i - 1 : i + 1]):  # or the message under a speaker line
                    problem(w, "leave but the line does not say 请假")
        totals.update(per)
        n_lines += len(lines)
        rows.append((slug, len(lines), per))

    width = max((len(r[0]) for r in rows), default=10)
    short = {
        "skipped": "skip",
        "logged": "log",
        "already": "alr",
        "ambiguous": "amb",
        "unmatched": "unm",
        "not_member": "notm",
        "leave": "leave",
        "other_day": "othr",
    }
    print(f"{'case':<{width}} lines " + " ".join(f"{short[o]:>5}" for o in OUTCOMES))
    for slug, n, per in rows:
        print(f"{slug:<{width}} {n:5} " + " ".join(f"{per[o]:5}" for o in OUTCOMES))
    print(f"{'TOTAL':<{width}} {n_lines:5} " + " ".join(f"{totals[o]:5}" for o in OUTCOMES))
    print()
    print(
        f"{len(rows)} cases, {n_lines} lines, roster: {len(roster.get('members', []))} members "
        f"+ {len(roster.get('elsewhere', []))} elsewhere"
    )
    for o in OUTCOMES:
        print(f"  {o:<11} {totals[o]}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
