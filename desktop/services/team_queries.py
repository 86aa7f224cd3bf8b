"""Read-only look-ups for the team screens (audit log, operators): no Qt, no writes.

`entity_names` turns the (entity, id) pairs of audit rows into the names people know — the member's display
name, the group's name, the activity's title — in one query per entity kind, never one per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Activity, EntryStep, Group, Member, Membership, Operator

# How to name a new entity kind: add (model, name column) here, or a join like "membership" below.
_SIMPLE = {
    "member": (Member, Member.display_name),
    "group": (Group, Group.name),
    "activity": (Activity, Activity.title),
    "entry_step": (EntryStep, EntryStep.name),
    "operator": (Operator, Operator.name),
}


def entity_names(session: Session, pairs: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int], str]:
    """{(entity, id): name} for the pairs that still exist; a membership is "person · group"."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for entity, entity_id in pairs:
        if entity_id is not None and (entity in _SIMPLE or entity == "membership"):
            wanted[entity].add(int(entity_id))
    out: dict[tuple[str, int], str] = {}
    for entity, ids in wanted.items():
        id_list = sorted(ids)
        for i in range(0, len(id_list), 500):  # keep IN lists short (SQLite's variable limit)
            chunk = id_list[i : i + 500]
            if entity == "membership":
                rows = session.execute(
                    select(Membership.id, Member.display_name, Group.name)
                    .join(Member, Member.id == Membership.member_id)
                    .join(Group, Group.id == Membership.group_id)
                    .where(Membership.id.in_(chunk))
                ).all()
                for mid, person, group in rows:
                    out[("membership", mid)] = f"{person} · {group}"
            else:
                model, column = _SIMPLE[entity]
                for eid, name in session.execute(select(model.id, column).where(model.id.in_(chunk))).all():
                    out[(entity, eid)] = name
    return out


def find_members(session: Session, text: str, limit: int = 20, *, actor=None) -> list[tuple[int, str]]:
    """People whose name, nickname, WeChat ID, phone tail or pinyin matches `text` (the roster search),
    one entry per person: (member id, "name · group, group").

    `actor`: the operator searching (the audit dialog's, open to every role). One who reads phones masked (an
    assistant) finds no one by a digit the masks hide and reads a phone in a name masked, as on the Roster page —
    the audit dialog found 张三 by 38000 of his hidden 13800138000 and listed 王五 13800138002 whole (probe search3).
    None: as stored (a caller without an operator)."""
    from desktop.services.operators import allowed, names_shown_to
    from models.queries.roster import RosterQuery, search_roster

    text = text.strip()
    if not text:
        return []
    hidden = actor is not None and not allowed(actor, "export_unmasked")
    shown = names_shown_to(actor) if actor is not None else (lambda value: value)
    query = RosterQuery(text=text, include_deleted=True, phones_hidden=hidden)
    rows = search_roster(session, query, limit=limit * 3)
    people: dict[int, tuple[str, list[str]]] = {}
    for r in rows:
        name, groups = people.setdefault(r.member_id, (shown(r.display_name) or "", []))
        if r.group_name not in groups:
            groups.append(r.group_name)
    return [(mid, f"{name} · {'、'.join(groups)}") for mid, (name, groups) in list(people.items())[:limit]]


def operators_with_password(session: Session) -> set[int]:
    """Ids of the active operators that have a password (the switch dialog asks for it only then). On a team
    database with roles an operator's password is their server login's (the hashes are not even readable)."""
    from desktop.team_roles import roles_enforced

    if roles_enforced(session):
        return set(session.scalars(select(Operator.id).where(Operator.active.is_(True), Operator.login.is_not(None))))
    return set(
        session.scalars(select(Operator.id).where(Operator.active.is_(True), Operator.password_hash.is_not(None)))
    )
