"""Chat-history import, seventh probe: what organisers export in late 2026 — nicknames that change hands, notices
only, huge exports. Uses the roster and helpers of test_chat_import_rules (a real SQLite workspace, the exports'
real layouts; facts dated in November 2026, the roster's 'today' pinned by its fixture)."""

from __future__ import annotations

from desktop.cli import main
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _plan, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


def test_a_members_old_nickname_taken_by_someone_else_is_not_theirs(ws, tmp_path):
    """王芳 posted as 小芳 in November's export (by her WeChat ID: 小芳 is remembered as hers). By December she is
    芳芳 again and another person took 小芳; a WeFlow TXT (names only, each person under one name) shows both. 小芳's
    messages and check-in were counted for 王芳. Now a sender of an ID-less export known only by a member's old
    name, while the member speaks under a name of theirs in the same export, is an unknown sender that looks like
    them — counted for nobody until the user says; alone (王芳 silent), the old name still finds her."""
    november = _liuhen(tmp_path, [("2026-11-05 09:00:00", 1, "早", "小芳", "wxid_g7h8i9")], name="nov_utf8.csv")
    _import(ws, november)
    december = _write(
        tmp_path,
        "dec.txt",
        "2026-11-20 09:05:00 '小芳'\n打卡\n\n"
        "2026-11-20 09:06:00 '小芳'\n哈哈\n\n"
        "2026-11-20 09:10:00 '芳芳'\n早上好\n\n",
    )
    plan = _plan(ws, december)
    by_name = {s.shown: s for s in plan.senders}
    assert (by_name["小芳"].status, by_name["小芳"].messages, by_name["小芳"].membership_id) == ("unknown", 2, None)
    assert [name for _m, name in by_name["小芳"].looks_like] == ["王芳 (旧昵称 old name)"]
    assert (by_name["芳芳"].status, by_name["芳芳"].display_name, by_name["芳芳"].messages) == ("known", "王芳", 1)
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(december), "--group", rules.GROUP]) == 0
    assert _messages(ws) == {("王芳", "2026-11-05"): 1, ("王芳", "2026-11-20"): 1}
    assert _checkins(ws) == set()
    # the old name alone (she is 小芳 again, nobody else in the file): still hers
    alone = _write(tmp_path, "alone.txt", "2026-11-25 07:00:00 '小芳'\n打卡\n\n")
    _import(ws, alone)
    assert _messages(ws)[("王芳", "2026-11-25")] == 1
    assert _checkins(ws) == {("王芳", "2026-11-25", "07:00")}
