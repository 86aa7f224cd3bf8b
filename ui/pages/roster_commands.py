"""Undo/redo for the Roster page (QUndoStack): each command is a pair of service calls — the action and its
inverse (previous tiers put back, the added tag or role taken off again, deleted people restored, a member's
previous fields saved back). A command is pushed after its action already succeeded, so its first redo()
does nothing; later redo()/undo() run one short transaction each through `Runner`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from desktop.services.lookups import list_tags
from desktop.services.members import CopyUndo, bulk_add_role, bulk_tag, copy_to_group, undo_copy
from desktop.services.operators import Actor
from desktop.services.roster import (
    LeaveSpan,
    MemberInput,
    identity_clashes,
    redo_member_edit,
    restore_member,
    soft_delete_member,
    undo_member_edit,
)
from desktop.services.roster_bulk import (
    TierRef,
    bulk_remove_role,
    bulk_remove_tag,
    bulk_swap_tier,
    role_name_now,
    tag_name_now,
)

Session = Any  # a desktop workspace session (ui/ never imports SQLAlchemy)
Step = Callable[[Session, Actor], object]


class Runner(Protocol):
    def run_step(self, step: Step, count: int = 0) -> bool | None:
        """Run `step` in one transaction as the current operator; show any error; refresh. True if it worked,
        False if it failed, None if the user cancelled it (rolled back: nothing changed).
        `count`: how many people it changes (a big step runs off the UI thread, as the action itself did)."""
        ...

    def step_back(self, undone: bool) -> None:
        """A cancelled step: move the undo stack back where it was (after this call returns) — redo the command
        whose undo was cancelled (`undone`), or undo the one whose redo was."""
        ...

    def view(self) -> object:
        """What the page shows now (the group): a command remembers it, and its undo in another view is said."""
        ...

    def stepped(
        self, text: str, undone: bool, done: bool, kept: int = 0, elsewhere: bool = False, note: str = ""
    ) -> None:
        """Say what an undo (`undone`) or redo of the command `text` did, once the stack has moved, where the list
        does not show it: done in part (`kept`: how many people someone else changed since, left as they are), or
        done for people of another group than the one shown now (`elsewhere`), or with something to know (`note`:
        the people an undone delete brought back who were added again meanwhile); not done (`done` False): its error
        was shown, the command left the stack."""
        ...


class ServiceCommand(QUndoCommand):
    """`expected`: how many rows each way changes when nobody changed them since (a step returning how many it
    changed, as bulk_swap_tier does): fewer is said — "undone in part" — where Ctrl+Z after another assistant
    changed some of the people had said nothing, and a tier that stayed looked like an undo that did not work."""

    def __init__(
        self,
        runner: Runner,
        text: str,
        do: Step,
        undo: Step,
        count: int = 0,
        expected: int | None = None,
        note: Callable[[Any], str] | None = None,
    ):
        """`note`: words for what a step returned other than a count (said after it, in the message bar)."""
        super().__init__(text)
        self._note = note
        self._runner = runner
        self._do = do
        self._undo = undo
        self._count = count
        self._expected = expected
        self._view = runner.view()
        self._pending_first_redo = True
        self._put_back = False  # the next redo/undo only moves the stack back over a cancelled step

    def redo(self) -> None:
        if self._pending_first_redo:  # the action ran before the command was pushed
            self._pending_first_redo = False
            return
        if self._put_back:
            self._put_back = False
            return
        self._run(self._do, undone=False)

    def undo(self) -> None:
        if self._put_back:
            self._put_back = False
            return
        self._run(self._undo, undone=True)

    def _run(self, step: Step, *, undone: bool) -> None:
        changed: list[object] = []

        def counted(session: Session, actor: Actor) -> object:
            changed[:] = [step(session, actor)]  # a retried transaction: its last run's count
            return changed[0]

        self._settle(self._runner.run_step(counted, self._count), undone=undone, changed=changed)

    def _settle(self, outcome: bool | None, *, undone: bool, changed: list[object] | None = None) -> None:
        """A failed step cannot be done again (the data moved on): the command leaves the stack. A cancelled one
        changed nothing: the command stays, and the stack is moved back over it, so it can be undone (or redone)
        again — a cancelled undo of a big change dropped the change from the undo history, for good."""
        if outcome is None:
            self._put_back = True
            self._runner.step_back(undone)
            return
        if not outcome:
            self.setObsolete(True)
        n = changed[0] if changed else None
        kept = self._expected - n if outcome and isinstance(n, int) and self._expected is not None else 0
        view = self._runner.view()
        elsewhere = view is not None and view != self._view  # one group shown, and not the one of the action
        note = self._note(n) if outcome and self._note is not None and n and not isinstance(n, int) else ""
        self._runner.stepped(self.text(), undone, bool(outcome), max(kept, 0), elsewhere, note)


def set_tier_command(
    runner: Runner,
    text: str,
    membership_ids: list[int],
    tier: TierRef | str | None,
    previous: dict[int, TierRef | str | None],
) -> ServiceCommand:
    """Undo puts each membership's own previous tier back, redo sets the tier again — each only where the tier is
    still what the other way left (roster_bulk.bulk_swap_tier): a tier someone else set in between stays. Tiers as
    TierRef (id and name): a tier renamed in the settings since is still matched; one deleted since refuses."""
    back = {msid: (tier, previous.get(msid)) for msid in membership_ids}
    again = {msid: (previous.get(msid), tier) for msid in membership_ids}
    return ServiceCommand(
        runner,
        text,
        lambda s, a: bulk_swap_tier(s, a, again),
        lambda s, a: bulk_swap_tier(s, a, back),
        len(membership_ids),
        expected=sum(1 for msid in membership_ids if _tier_key(previous.get(msid)) != _tier_key(tier)),
    )


def _tier_key(tier: TierRef | str | None) -> object:
    return tier.id if isinstance(tier, TierRef) else tier


def tag_command(
    runner: Runner,
    text: str,
    membership_ids: list[int],
    tag: str,
    lacked: list[int],
    *,
    created: bool = False,
    tag_id: int | None = None,
) -> ServiceCommand:
    """`lacked`: the memberships whose person did not have the tag before (only they lose it on undo).
    `created`: the action made the tag (typed new): the undo takes it out of the tag list again.
    `tag_id`: the tag by id — renamed in the settings since, it is the same tag both ways (the undo took nothing
    off, and the redo made a second tag of the old name)."""

    state: dict[str, Any] = {"name": tag, "id": tag_id}  # the undo of a tag it made takes it off the list: the
    # redo makes it again under the name it had then, and the next undo finds it by its new id

    def undo(session: Session, actor: Actor) -> None:
        state["name"] = tag_name_now(session, state["id"]) or state["name"]
        if lacked:
            bulk_remove_tag(session, actor, lacked, tag, created=created, tag_id=state["id"])

    def redo(session: Session, actor: Actor) -> None:
        name = tag_name_now(session, state["id"]) or state["name"]
        bulk_tag(session, actor, membership_ids, name)
        state["name"], state["id"] = name, next((i for i, n in list_tags(session) if n == name), state["id"])

    return ServiceCommand(runner, text, redo, undo, len(membership_ids))


def copy_command(
    runner: Runner, text: str, membership_ids: list[int], group_id: int, move: bool, undo: CopyUndo
) -> ServiceCommand:
    """Undo takes the copy (move) back (members.undo_copy: no trace in any figure), redo copies (moves) again —
    the memberships redo makes are the ones the next undo takes back."""
    state = {"undo": undo}

    def again(session: Session, actor: Actor) -> None:
        state["undo"] = copy_to_group(session, actor, membership_ids, group_id, move=move).undo

    def back(session: Session, actor: Actor) -> None:
        undo_copy(session, actor, state["undo"])

    return ServiceCommand(runner, text, again, back, len(membership_ids))


def role_command(
    runner: Runner, text: str, membership_ids: list[int], role: str, lacked: list[int], role_id: int | None = None
) -> ServiceCommand:
    """`role_id`: the role by id — renamed since, it is the same role both ways (the undo refused with 未知角色)."""

    def undo(session: Session, actor: Actor) -> None:
        if lacked:
            bulk_remove_role(session, actor, lacked, role, role_id=role_id)

    def redo(session: Session, actor: Actor) -> None:
        bulk_add_role(session, actor, membership_ids, role_name_now(session, role_id) or role)

    return ServiceCommand(runner, text, redo, undo, len(membership_ids))


def _each(fn: Callable[[Session, Actor, int], None], ids: list[int]) -> Step:
    def step(session: Session, actor: Actor) -> None:
        for i in ids:
            fn(session, actor, i)

    return step


def delete_command(
    runner: Runner, text: str, member_ids: list[int], clashes: Callable[[list], str] | None = None
) -> ServiceCommand:
    """Undo restores the people. One added again meanwhile (an import, the add dialog: the same WeChat ID or
    phone) is then two records of one person: `clashes` words roster.identity_clashes, as Show deleted ▸ Restore
    says it — the undo said nothing, and the roster held both without a word."""

    def undo(session: Session, actor: Actor) -> list:
        restored = [mid for mid in member_ids if restore_member(session, actor, mid)]
        return identity_clashes(session, restored)

    return ServiceCommand(runner, text, _each(soft_delete_member, member_ids), undo, len(member_ids), note=clashes)


def restore_command(runner: Runner, text: str, member_ids: list[int]) -> ServiceCommand:
    return ServiceCommand(
        runner, text, _each(restore_member, member_ids), _each(soft_delete_member, member_ids), len(member_ids)
    )


def edit_command(
    runner: Runner,
    text: str,
    membership_id: int,
    before: MemberInput,
    after: MemberInput,
    leaves: list[LeaveSpan] | None = None,
    kept: Callable[[tuple[str, ...]], str] | None = None,
    tier_ids: dict[str, int] | None = None,
) -> ServiceCommand:
    """`leaves`: the membership's leaves before the edit — an edit that ended the membership cut them
    (roster.end_leaves), its undo puts their days back. `kept`: words for the fields each way left as someone
    else changed them since (undo_member_edit returns them). `tier_ids`: the tiers of the edit by id (a tier renamed
    since is the same tier)."""
    return ServiceCommand(
        runner,
        text,
        # each way writes only what the edit changed: what others changed since stays
        lambda s, a: redo_member_edit(s, a, membership_id, after, before, tier_ids=tier_ids),
        lambda s, a: undo_member_edit(s, a, membership_id, before, leaves or [], edited=after, tier_ids=tier_ids),
        note=kept,
    )


def mark_left_command(
    runner: Runner,
    text: str,
    edits: list[tuple[int, MemberInput, MemberInput, list[LeaveSpan]]],
    kept: Callable[[tuple[str, ...]], str] | None = None,
) -> ServiceCommand:
    """The undo of a bulk "mark left" — the wrong rows selected, found out a moment later — was not there at all: each
    person had to be set back in the member dialog one by one. `edits`: (membership id, its fields before the mark,
    after it, its leaves before it). Undo puts each back as it was (undo_member_edit: the join date they had, so a
    correction and no closed spell; the leave days the mark cut put back), only where the leaving is still the mark's;
    redo marks them again on the same day with the same reason."""

    def undo(session: Session, actor: Actor) -> tuple[str, ...]:
        left: tuple[str, ...] = ()  # the fields left as someone else changed them since, of every person
        for membership_id, before, after, leaves in edits:
            left += undo_member_edit(session, actor, membership_id, before, leaves, edited=after)
        return left

    def redo(session: Session, actor: Actor) -> tuple[str, ...]:
        left: tuple[str, ...] = ()
        for membership_id, before, after, _leaves in edits:
            left += redo_member_edit(session, actor, membership_id, after, before)
        return left

    return ServiceCommand(runner, text, redo, undo, len(edits), note=kept)
