"""Read-only queries for the Points page: one member's ledger, newest first. Plain frozen dataclasses out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.phrases import ledger_reason
from models import Operator, PointsEntry


@dataclass(frozen=True)
class LedgerRow:
    id: int
    day: date
    points: int
    reason: str
    source_kind: str
    operator: str | None
    created_at: datetime
    reverses_id: int | None
    undone: bool = False  # a later entry reverses this one
    operator_id: int | None = None

    @property
    def undoable(self) -> bool:
        """A manual adjustment that stands: the Points page offers to undo it (points.undo_adjustment)."""
        return self.source_kind == "manual" and self.reverses_id is None and not self.undone


def ledger_of(session: Session, membership_id: int, limit: int | None = 200) -> list[LedgerRow]:
    """The membership's ledger entries, newest first: by the day they count for, then by when they were
    written (a late check-in sits at its own day; a reversal sits beside the entry it takes back)."""
    reversal = aliased(PointsEntry)
    q = (
        select(
            PointsEntry.id,
            PointsEntry.day,
            PointsEntry.points,
            PointsEntry.reason,
            PointsEntry.source_kind,
            Operator.name,
            PointsEntry.created_at,
            PointsEntry.reverses_id,
            select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
            PointsEntry.operator_id,
        )
        .outerjoin(Operator, Operator.id == PointsEntry.operator_id)
        .where(PointsEntry.membership_id == membership_id)
        .order_by(PointsEntry.day.desc(), PointsEntry.created_at.desc(), PointsEntry.id.desc())
    )
    if limit is not None:
        q = q.limit(limit)
    # the app's own reasons as phrases (the English window shows them in English); a typed reason stays as typed
    return [LedgerRow(i, d, pts, ledger_reason(reason), *rest) for i, d, pts, reason, *rest in session.execute(q).all()]


# `@张三` as WeChat writes a mention (a four-per-em space, U+2005, after it), up to a space, another @ or punctuation
_MENTION = re.compile(r"[@＠]([^\s@＠,，、;；:：!！?？。]+)")
# `@Amy Wang`: an English name holds spaces — the words after the @ up to the next @ or punctuation, of which the
# longest run from the first that names someone of the group is the one mentioned (`@Amy for the long run`: Amy)
_MENTION_WORDS = re.compile(r"[@＠]([A-Za-z][A-Za-z'.\-]*(?:[ \u2005][A-Za-z][A-Za-z'.\-]*){0,3})")
# `本月之星：张三、李四` — a label and the names after it; `王五 10:32` (a chat stamp) is no label. An English label is
# longer in letters (`Star of the month: Amy, Tony`, `Top runners this month: …`): up to 40 of them
_LABELLED = re.compile(r"^(?P<label>[^:：]{1,16}?|[A-Za-z][A-Za-z0-9 '&/\-]{15,39}?)\s*[:：](?!\d)\s*(?P<rest>\S.*)$")


def _mentioned(text: str, names_someone) -> list[str]:
    """The people @-mentioned in `text`: `@张三` to the next space, `@Amy Wang` the longest run of words after the @
    that names someone (else its first word)."""
    out = []
    latin = {m.start(): m[1] for m in _MENTION_WORDS.finditer(text)}
    for m in _MENTION.finditer(text):
        words = latin.get(m.start())
        if words is None:
            out.append(m[1])
            continue
        parts = re.split(r"[ \u2005]", words)
        run = next((" ".join(parts[:n]) for n in range(len(parts), 0, -1) if names_someone(" ".join(parts[:n]))), None)
        out.append(run or m[1])
    return out


@dataclass(frozen=True)
class NamesRead:
    """A pasted list read for one adjustment: each person's PasteMatch, and the lines of the list that named nobody
    (a title 获奖名单, a line the chat parser took for a message's text): shown, so that a name read as neither is
    seen rather than lost."""

    matches: list
    unread: tuple[str, ...]


def read_adjustment_names(session: Session, group_id: int, text: str) -> NamesRead:
    """match_adjustment_names, with the lines that named nobody."""
    matches, lines = _adjustment_matches(session, group_id, text)
    used = {m.line.line_no for m in matches}
    unread = tuple(line.strip() for no, line in enumerate(lines, 1) if line.strip() and no not in used)
    return NamesRead(matches, unread)


def match_adjustment_names(session: Session, group_id: int, text: str) -> list:
    """The people of a pasted list of names for one adjustment (`张三 李四 王五`, one a line, a 接龙 copied from the
    group), matched to the group's members as a sign-up chain is (paste.match_paste): each person's PasteMatch —
    matched, ambiguous, unmatched, not_member, duplicate or ignored with why. The dialog gives the certain ones,
    asks the ambiguous and unknown ones, never guesses and never adds a member.

    Two ways organisers write winners are read first (decisions, probe points3): a text with @-mentions
    (`恭喜 @张三 @李四 获得本月之星`, or a chat message `王五 10:32` / `恭喜@张三 @李四`) names the people mentioned, not
    its sender nor its words; and a line that labels its names (`本月之星：张三、李四；优秀组长：王五`) names those after
    the label — each part between semicolons on its own, the label dropped unless it is someone's name (`张三：我来了`
    stays as it is)."""
    return _adjustment_matches(session, group_id, text)[0]


def _adjustment_matches(session: Session, group_id: int, text: str) -> tuple[list, list[str]]:
    """The matches and the lines they were read from (text after reading @-mentions and labels, split as the chat
    parser splits it)."""
    from desktop.services.paste import RosterIndex, match_lines, parse_chat

    index = RosterIndex(session, group_id)
    mentioned = _mentioned(text, index.names_someone)
    if mentioned:
        text = "\n".join(mentioned)
    else:
        lines = []
        for line in re.split(r"[;；]|\n", text):
            m = _LABELLED.match(line.strip())
            if m is not None and not index.names_someone(m["label"].strip()):
                line = m["rest"]
            lines.append(line)
        text = "\n".join(lines)
    return match_lines(index, parse_chat(text, index.names_someone), None, signups=True), text.splitlines()
