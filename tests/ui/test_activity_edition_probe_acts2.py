"""A series' edition (第N期) names one activity (second activities probe): a second 第4期 — typed over the pre-filled
第5期, or an edit that changed the number — made two activities one name in the list, the workbook's 活动 sheet and
every chain titled 第4期, and nothing said so. Now refused, naming the day of the one that has it and the next
free number, under the edition field of the dialog."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.activities_queries import get_activity, list_activities
from desktop.services.participation import ActivityInput, create_activity, update_activity
from ui.dialogs.activity_dialog import ActivityDialog


def _fourth(ws) -> int:
    with ws.database.session() as s:
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="读书会", series="读书会", edition=4, starts_at=datetime(2026, 11, 2, 20)),
        )
        s.commit()
    return aid


def test_a_second_fourth_edition_is_refused_with_the_day_of_the_first(ws):
    first = _fourth(ws)
    with ws.database.session() as s:
        with pytest.raises(ValidationError) as refused:
            create_activity(
                s,
                ws.owner,
                ws.group_id,
                ActivityInput(title="读书会", series="读书会", edition=4, starts_at=datetime(2026, 11, 9, 20)),
            )
        assert refused.value.field == "edition"
        assert "2026-11-02" in refused.value.message and "第5期" in refused.value.message
        # another series, another group, or the next number: fine; so is saving the 第4期 itself again
        create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="晨读", series="晨读", edition=4, starts_at=datetime(2026, 11, 9, 7)),
        )
        create_activity(
            s,
            ws.owner,
            ws.other_group_id,
            ActivityInput(title="读书会", series="读书会", edition=4, starts_at=datetime(2026, 11, 9, 20)),
        )
        fifth = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="读书会", series="读书会", starts_at=datetime(2026, 11, 9, 20)),
        )
        _gid, data = get_activity(s, first)
        data.title = "读书会（改）"
        update_activity(s, ws.owner, first, data)
        # the fifth edited into a 第4期: refused as well
        _gid, data = get_activity(s, fifth)
        assert data.edition == 5
        data.edition = 4
        with pytest.raises(ValidationError):
            update_activity(s, ws.owner, fifth, data)


def test_the_dialog_says_it_under_the_edition(qtbot, ws):
    _fourth(ws)
    dialog = ActivityDialog(ws.database, ws.owner, ws.group_id, now=datetime(2026, 11, 9, 20))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("读书会")
    dialog.series_combo.setCurrentText("读书会")
    assert dialog.edition_spin.value() == 5  # pre-filled
    dialog.edition_spin.setValue(4)
    dialog.save()
    with ws.database.session() as s:
        assert len(list_activities(s, ws.group_id)) == 1  # nothing written
    assert "2026-11-02" in dialog.error_text("edition")
