"""Match a pasted chat (接龙 chain or chat log) to a group's members, for check-ins and attendance.

Order of matching for each name (normalised with chat_parse.normalise_name):
  1. exact display name, 2. nickname or group nickname (群昵称), 3. WeChat ID  — *certain* when exactly one
     member matches; two or more members with the same name make the line *ambiguous*.
  4. pinyin (full pinyin or initials of the typed name equal a member's), 5. fuzzy (rapidfuzz) — always
     *ambiguous*: a person chooses. Headless (`qundesk checkin --paste`) logs certain matches only.
Lines that match nobody are *unmatched* (the window offers: add as new member, pick, or skip)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.chat_parse import PasteLine, normalise_name, parse_chat
from models import CheckIn, Member, Membership
from models.search_keys import name_keys

FUZZY_MIN_SCORE = 75
FUZZY_LIMIT = 3

CERTAIN_HOWS = ("name", "nickname", "wechat_id")


@dataclass(frozen=True)
class Candidate:
    membership_id: int
    display_name: str
    how: str  # name | nickname | wechat_id | pinyin | fuzzy
    score: float = 100.0


@dataclass(frozen=True)
class PasteMatch:
    line: PasteLine
    status: str  # matched | ambiguous | unmatched | duplicate
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    @property
    def membership_id(self) -> int | None:
        return self.candidates[0].membership_id if self.status == "matched" else None


@dataclass(frozen=True)
class _Person:
    membership_id: int
    display_name: str
    keys: tuple[tuple[str, str], ...]  # (how, normalised key)
    pinyin: str
    initials: str


class RosterIndex:
    """The group's active members, indexed once per paste (a 500-member group loads in a few ms)."""

    def __init__(self, session: Session, group_id: int):
        rows = session.execute(
            select(
                Membership.id,
                Member.display_name,
                Member.nickname,
                Membership.group_nickname,
                Member.wechat_id,
                Member.pinyin,
                Member.initials,
            )
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == group_id, Membership.status == "active", Member.deleted_at.is_(None))
        ).all()
        self.by_key: dict[str, dict[str, list[_Person]]] = {h: {} for h in CERTAIN_HOWS}
        self.by_pinyin: dict[str, list[_Person]] = {}
        self.people: list[_Person] = []
        for mid, name, nick, gnick, wx, py, ini in rows:
            keys = [("name", normalise_name(name))]
            keys += [("nickname", normalise_name(n)) for n in (nick, gnick) if n]
            if wx:
                keys.append(("wechat_id", wx.strip().casefold()))
            person = _Person(mid, name, tuple(keys), py or "", ini or "")
            self.people.append(person)
            for how, key in keys:
                bucket = self.by_key[how].setdefault(key, [])
                if person not in bucket:
                    bucket.append(person)
            for k in {py, ini}:
                if k:
                    self.by_pinyin.setdefault(k, []).append(person)
        self._names = [normalise_name(p.display_name) for p in self.people]

    def match(self, name: str) -> tuple[str, tuple[Candidate, ...]]:
        key = normalise_name(name)
        for how in CERTAIN_HOWS:
            found = self.by_key[how].get(key.casefold() if how == "wechat_id" else key)
            if found:
                cands = tuple(Candidate(p.membership_id, p.display_name, how) for p in found)
                return ("matched" if len(cands) == 1 else "ambiguous"), cands
        initials, full = name_keys(name)
        py_hits: list[_Person] = []
        for k in dict.fromkeys(x for x in (full, initials, key.replace(" ", "")) if x and x.isascii()):
            py_hits += [p for p in self.by_pinyin.get(k, []) if p not in py_hits]
        cands = [Candidate(p.membership_id, p.display_name, "pinyin", 90.0) for p in py_hits]
        seen = {c.membership_id for c in cands}
        for _choice, score, idx in process.extract(
            key, self._names, scorer=fuzz.WRatio, limit=FUZZY_LIMIT, score_cutoff=FUZZY_MIN_SCORE
        ):
            p = self.people[idx]
            if p.membership_id not in seen:
                cands.append(Candidate(p.membership_id, p.display_name, "fuzzy", round(float(score), 1)))
                seen.add(p.membership_id)
        return ("ambiguous" if cands else "unmatched"), tuple(cands)


def match_paste(session: Session, group_id: int, text: str) -> list[PasteMatch]:
    """Every entry line of the paste with its match; header, example, blank and noise lines are left out."""
    index = RosterIndex(session, group_id)
    out: list[PasteMatch] = []
    for line in parse_chat(text):
        if line.kind != "entry" or not line.name:
            continue
        if line.duplicate_of is not None:
            out.append(PasteMatch(line, "duplicate"))
            continue
        status, cands = index.match(line.name)
        if status != "matched":
            status, cands = _try_segments(index, line, status, cands)
        out.append(PasteMatch(line, status, cands))
    return out


_SEGMENT_SPLIT = re.compile(r"\s*[-—–|｜/·•]+\s*")


def _try_segments(index: RosterIndex, line: PasteLine, status: str, cands: tuple[Candidate, ...]):
    """Group nicknames often follow 城市-姓名-职业: try the whole "name-remark" text, then each segment,
    and take a certain match only when exactly one segment gives one."""
    if not line.remark:
        return status, cands
    whole = f"{line.name}-{line.remark.lstrip('-—–|｜/·• ')}"
    w_status, w_cands = index.match(whole)
    if w_status == "matched":
        return w_status, w_cands
    certain = []
    for seg in _SEGMENT_SPLIT.split(whole):
        if seg and seg != line.name:
            s_status, s_cands = index.match(seg)
            if s_status == "matched":
                certain.append(s_cands[0])
    if len(certain) == 1:
        return "matched", (certain[0],)
    return status, cands


def already_checked_in(session: Session, group_id: int, day: date, membership_ids: list[int]) -> set[int]:
    if not membership_ids:
        return set()
    return set(
        session.scalars(
            select(CheckIn.membership_id).where(
                CheckIn.group_id == group_id, CheckIn.day == day, CheckIn.membership_id.in_(membership_ids)
            )
        )
    )
