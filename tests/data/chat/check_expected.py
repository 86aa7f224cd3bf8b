"""Sanity-check tests/data/chat/expected.json against scenario.json and the corpus files (stdlib only).

Run:  python3 tests/data/chat/check_expected.py      (exit status 1 and a list of problems if anything is off)

It does not parse chats the way the importer will; it checks that expected.json is internally consistent,
only names keys that exist in the roster, and agrees with simple row counts taken from the files.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = {
    "liuhen_csv",
    "liuhen_txt",
    "liuhen_html",
    "pywxdump_csv",
    "weflow_xlsx",
    "weflow_txt",
    "chatlab_json",
    "chatlab_jsonl",
    "qq_txt",
    "unknown",
}
ID_FORMATS = {"liuhen_csv", "pywxdump_csv", "weflow_xlsx", "chatlab_json", "chatlab_jsonl", "qq_txt"}
DAY = re.compile(r"^2026-11-(0[1-9]|[12]\d|30)$")
HM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

problems: list[str] = []


def check(cond: bool, msg: str) -> None:
    if not cond:
        problems.append(msg)


def file_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    raw = path.read_bytes()
    return raw.decode("utf-8-sig")


def xlsx_rows(path: Path) -> list[list[str]]:
    """Very small reader for the one-sheet WeFlow workbook: returns cell texts per row (shared + inline strings)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            sx = z.read("xl/sharedStrings.xml").decode("utf-8")
            for si in re.findall(r"<si>(.*?)</si>", sx, re.S):
                shared.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    rows = []
    for row in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
        cells = []
        for attrs, body in re.findall(r"<c ([^>]*?)(?:/>|>(.*?)</c>)", row, re.S):
            v = re.search(r"<v>(.*?)</v>", body or "")
            t = re.search(r'\bt="(\w+)"', attrs)
            if t and t.group(1) == "s" and v:
                cells.append(shared[int(v.group(1))])
            elif t and t.group(1) == "inlineStr":
                cells.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", body, re.S)))
            else:
                cells.append(v.group(1) if v else "")
        rows.append(cells)
    return rows


def row_counts(name: str, fmt: str, group_id: str) -> tuple[int, int] | None:
    """(non-system rows, system rows) counted the dumb way, or None when the format needs real parsing."""
    p = HERE / name
    if fmt == "liuhen_csv":
        rows = list(csv.DictReader(open(p, encoding="utf-8-sig", newline="")))
        return sum(r["Type"] != "10000" for r in rows), sum(r["Type"] == "10000" for r in rows)
    if fmt == "pywxdump_csv":
        rows = list(csv.DictReader(open(p, encoding="utf-8", newline="")))
        sysn = sum(
            r["talker"] == "系统" or r["type_name"].startswith(("系统", "消息撤回", "拍一拍", "邀请")) for r in rows
        )
        return len(rows) - sysn, sysn
    if fmt in ("chatlab_json", "chatlab_jsonl"):
        if fmt == "chatlab_json":
            msgs = json.loads(p.read_text(encoding="utf-8"))["messages"]
        else:
            lines = [json.loads(line) for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
            check(lines[0].get("_type") == "header", f"{name}: first line is not the header")
            msgs = [m for m in lines if m.get("_type") == "message"]
        sysn = sum(m["type"] >= 80 or m["sender"] == group_id for m in msgs)
        return len(msgs) - sysn, sysn
    if fmt == "weflow_xlsx":
        rows = xlsx_rows(p)
        check(
            rows[3][:9]
            == ["序号", "时间", "发送者昵称", "发送者微信ID", "发送者备注", "群昵称", "发送者身份", "消息类型", "内容"],
            f"{name}: header row 4 differs",
        )
        data = rows[4:]
        sysn = sum(r[7] == "系统消息" or r[3] == group_id for r in data)
        return len(data) - sysn, sysn
    if fmt == "qq_txt":
        text = file_text(p)
        check(text.startswith("消息记录（此消息记录为文本格式，不支持重新导入）"), f"{name}: QQ header missing")
        heads = re.findall(r"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2} (.+?)\r?$", text, re.M)
        sysn = sum(h.startswith("系统消息(") for h in heads)
        return len(heads) - sysn, sysn
    if fmt == "weflow_txt":
        heads = re.findall(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} '(.*)'$", file_text(p), re.M)
        return None if not heads else (len(heads), None)  # system rows look like ordinary rows here
    if fmt == "liuhen_txt":
        return None
    if fmt == "liuhen_html":
        types = re.findall(r"\{ type:(\d+),", file_text(p))
        return sum(t != "0" for t in types), sum(t == "0" for t in types)
    return None


def main() -> int:
    exp = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    scen = json.loads((HERE / "scenario.json").read_text(encoding="utf-8"))
    roster = {m["key"]: m for m in scen["roster"]}
    keys = set(roster)
    group_id = scen["group"]["wechat_chatroom_id"]
    check(len(keys) == len(scen["roster"]), "duplicate roster keys")
    check(exp["exporting_user"] in keys and exp["exporting_user"] == scen["exporting_user"], "exporting_user mismatch")
    ids = {m["wechat_id"] for m in roster.values()} | {m["qq"] for m in roster.values()}
    check(len(ids) == 2 * len(roster), "roster WeChat IDs / QQ numbers are not unique")
    not_on_roster = scen["not_on_roster"]
    check(all(x["wechat_id"] not in ids for x in not_on_roster), "a not_on_roster sender has a roster ID")

    id_facts = {}
    for name, f in exp["files"].items():
        check((HERE / name).exists(), f"{name}: listed in expected.json but missing")
        check(f.get("format") in FORMATS, f"{name}: unknown format {f.get('format')!r}")
        if f["format"] == "unknown":
            continue
        lo, hi = f["days"]
        for k, by_day in f["messages"].items():
            check(k in keys, f"{name}: messages for unknown key {k}")
            check(f["message_totals"].get(k) == sum(by_day.values()), f"{name}: message_totals[{k}] != sum")
            for d, n in by_day.items():
                check(bool(DAY.match(d)) and lo <= d <= hi, f"{name}: bad day {d} for {k}")
                check(isinstance(n, int) and n > 0, f"{name}: bad count {n} for {k} {d}")
        seen = Counter((c["member"], c["day"]) for c in f["checkins"])
        check(all(v == 1 for v in seen.values()), f"{name}: more than one check-in per member/day")
        for c in f["checkins"]:
            check(c["member"] in keys, f"{name}: check-in for unknown key {c['member']}")
            check(
                bool(DAY.match(c["day"])) and lo <= c["day"] <= hi and bool(HM.match(c["time"])),
                f"{name}: bad check-in day/time {c}",
            )
            check(c["source"] in ("chat", "chain"), f"{name}: bad check-in source {c}")
            if c["source"] == "chat":
                check(
                    f["messages"].get(c["member"], {}).get(c["day"], 0) > 0,
                    f"{name}: chat check-in without a counted message {c}",
                )
        for j in f["joins"]:
            check(j["member"] in keys and (j["referrer"] is None or j["referrer"] in keys), f"{name}: bad join {j}")
            check(lo <= j["day"] <= hi, f"{name}: join outside the file's days {j}")
        for r in f["removals"]:
            check(r["member"] in keys and lo <= r["day"] <= hi, f"{name}: bad removal {r}")
        for u in f["unknown_senders"]:
            check(
                u["sender"] not in ids and u["sender"] not in {m["name"] for m in roster.values()},
                f"{name}: unknown sender {u['sender']} is on the roster",
            )
            check(u["messages"] == sum(u["by_day"].values()), f"{name}: unknown sender total != sum")
        for a in f["unattributable"]:
            check(len(a["candidates"]) > 1 and all(c in keys for c in a["candidates"]), f"{name}: bad candidates {a}")
            check(
                all(
                    a["name"] in {roster[c]["name"], roster[c]["nickname"], roster[c]["group_nickname"]}
                    for c in a["candidates"]
                ),
                f"{name}: {a['name']} is not a name of every candidate",
            )
            check(f["format"] not in ID_FORMATS, f"{name}: unattributable senders in a format with IDs")
        total = (
            sum(f["message_totals"].values())
            + sum(u["messages"] for u in f["unknown_senders"])
            + sum(a["messages"] for a in f["unattributable"])
        )
        check(total == f["non_system_rows"], f"{name}: counted rows {total} != non_system_rows {f['non_system_rows']}")
        check(set(f["never_store_texts_present"]) <= set(exp["never_store_texts"]), f"{name}: unlisted never-store")
        text = file_text(HERE / name)
        for t in f["never_store_texts_present"]:
            check(t in text, f"{name}: never-store text not found in the file: {t}")
        for t in set(exp["never_store_texts"]) - set(f["never_store_texts_present"]):
            check(t not in text, f"{name}: file contains a never-store text not listed as present: {t}")
        counts = row_counts(name, f["format"], group_id)
        if counts:
            n_msg, n_sys = counts
            if n_sys is None:
                check(n_msg == f["non_system_rows"] + f["system_rows"], f"{name}: {n_msg} rows in file")
            else:
                check(
                    (n_msg, n_sys) == (f["non_system_rows"], f["system_rows"]),
                    f"{name}: file has {n_msg} messages + {n_sys} system rows, expected "
                    f"{f['non_system_rows']} + {f['system_rows']}",
                )
        if f["format"] in ID_FORMATS and f["days"] == ["2026-11-01", "2026-11-30"]:
            id_facts[name] = f

    # every full-month ID format must derive the same per-member facts
    base_name, base = next(iter(id_facts.items()))
    for name, f in id_facts.items():
        check(f["messages"] == base["messages"], f"{name}: messages differ from {base_name}")
        check(f["checkins"] == base["checkins"], f"{name}: check-ins differ from {base_name}")
    # name-only formats lose exactly the ambiguous members (and their text check-ins)
    for name, f in exp["files"].items():
        if f["format"] in ("liuhen_txt", "liuhen_html", "weflow_txt"):
            lost = {c for a in f["unattributable"] for c in a["candidates"]}
            check(
                f["messages"] == {k: v for k, v in base["messages"].items() if k not in lost},
                f"{name}: messages should equal the ID formats' minus {sorted(lost)}",
            )
            chain_or_kept = [c for c in base["checkins"] if c["member"] not in lost or c["source"] == "chain"]
            check(f["checkins"] == chain_or_kept, f"{name}: check-ins should equal the ID formats' minus ambiguous")
            for a in f["unattributable"]:
                check(
                    a["messages"] == sum(base["message_totals"][c] for c in a["candidates"]),
                    f"{name}: unattributable count for {a['name']}",
                )
    comb = exp["overlap_combined"]
    full = exp["files"]["晨跑俱乐部_utf8.csv"]
    for k in ("messages", "checkins", "joins", "removals", "unknown_senders"):
        check(comb[k] == full[k], f"overlap_combined.{k} differs from the full-month 留痕 CSV")
    p1, p2 = (exp["files"][n] for n in comb["files"])
    union_rows = p1["non_system_rows"] + p1["system_rows"] + p2["non_system_rows"] + p2["system_rows"]
    check(
        union_rows - comb["duplicate_rows"] == full["non_system_rows"] + full["system_rows"],
        "overlap parts minus duplicates != full month",
    )

    if problems:
        print(f"{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    n = sum(1 for f in exp["files"].values() if f["format"] != "unknown")
    print(f"expected.json OK: {n} chat files + {len(exp['files']) - n} unrecognised, {len(keys)} roster members")
    return 0


if __name__ == "__main__":
    sys.exit(main())
