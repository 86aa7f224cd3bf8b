"""A paste read for a group and day as the window and the CLI read it, for the paste tests."""

from __future__ import annotations

from datetime import date

from desktop.services.paste import certain_plan, line_outcomes, preview_paste


def paste_run(workspace, group_id: int, text: str, day: date):
    """(the preview, each line's outcome by line number, the certain plan by (membership, day))."""
    with workspace.session() as s:
        preview = preview_paste(s, group_id, day, text)
    plan = {(p.membership_id, p.day): p for p in certain_plan(preview.matches)}
    outcomes = line_outcomes(preview.lines, preview.matches, set(plan), set())
    return preview, {o.line_no: o for o in outcomes}, plan
