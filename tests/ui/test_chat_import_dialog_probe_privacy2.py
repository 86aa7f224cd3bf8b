"""The chat-history import dialog as an assistant: its preview named the roster's people — who each sender is, who
joined or left, whose check-ins the export holds, the candidates of a sender to decide — with a phone written into
their name whole (王五 13812345678), while the roster, the Check-ins page and the import's report mask it for them.
Now masked for an assistant (names_shown_to); the names the export itself shows are the assistant's own file's."""

from __future__ import annotations

import re

from sqlalchemy import text
from test_chat_import_dialog import CHAT, ws  # noqa: F401  (the fixture: the scenario's roster)
from test_pages_masked_probe_privacy2 import shown_texts

from desktop.services.operators import add_operator
from ui.dialogs.chat_import_dialog import ChatImportDialog

LEAK = re.compile(r"1\W{0,3}2\W{0,3}3\W{0,3}4\W{0,3}5\W{0,3}6\W{0,3}7\W{0,3}8")


def _preview(qtbot, database, actor, gid) -> list[str]:
    dialog = ChatImportDialog(database, actor, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(CHAT / "晨跑俱乐部_utf8.csv"))
    texts = shown_texts(dialog)
    dialog.close()
    return texts


def test_the_chat_import_preview_masks_a_phone_in_a_members_name_for_an_assistant(qtbot, ws):  # noqa: F811
    database, owner, gid = ws
    with database.session() as s:
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
    with database.engine.begin() as c:
        c.execute(text("UPDATE member SET display_name = display_name || ' 138-1234-5678'"))
    assert [t for t in _preview(qtbot, database, owner, gid) if LEAK.search(t)]  # the owner: as stored
    texts = _preview(qtbot, database, assistant, gid)
    assert [t for t in texts if "138****" in t]
    assert [t for t in texts if LEAK.search(t)] == []


def test_a_note_on_a_blacklisted_member_rejoining_names_them_masked_for_an_assistant(qtbot, ws):  # noqa: F811
    """A join notice of someone blacklisted is not applied, and its note names them (「已拉黑: 吴桐 … 又进了群聊」):
    whole to an assistant in the events table before."""
    database, owner, gid = ws
    with database.session() as s:
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
    with database.engine.begin() as c:
        c.execute(text("UPDATE member SET display_name = display_name || ' 138-1234-5678'"))
        c.execute(text("UPDATE membership SET status = 'blacklisted'"))
    owners = _preview(qtbot, database, owner, gid)
    assert [t for t in owners if "已拉黑" in t and LEAK.search(t)]  # the note, naming the member as stored
    texts = _preview(qtbot, database, assistant, gid)
    assert [t for t in texts if "已拉黑" in t]
    assert [t for t in texts if LEAK.search(t)] == []
