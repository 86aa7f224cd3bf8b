"""Chat-history import, ninth probe: a message addressed to someone about checking in (`@芳芳 打卡`) is a reminder
to them or a report for them — never the writer's own check-in, and never the one addressed on a guess (the paste
asks a person; the import, with no one to ask, counts it as the sender speaking only). Uses the roster and helpers
of test_chat_import_rules (a real SQLite workspace; facts dated in November 2026, the roster's 'today' pinned by its
fixture)."""

from __future__ import annotations

from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _row

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


def test_a_message_addressed_to_someone_about_checking_in_is_nobodys_check_in(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:10:00", "王芳", "打卡 第5天"),
            _row("2026-11-05 20:00:00", "陈磊", "@跃跃 打卡"),
            _row("2026-11-05 20:01:00", "钱坤", "@芳芳\u2005@跃跃 打卡啦"),
            _row("2026-11-05 20:02:00", "周晓晨", "我帮阳光打个卡"),
            _row("2026-11-05 20:03:00", "刘洋", "打卡✅ @磊子 记得打卡哦"),
        ],
    )
    _import(ws, path)
    assert {(n, d) for n, d, _t in _checkins(ws)} == {("王芳", "2026-11-05"), ("刘洋", "2026-11-05")}
    messages = _messages(ws)
    assert all(messages.get((n, "2026-11-05")) == 1 for n in ("陈磊", "钱坤", "周晓晨"))  # they spoke
