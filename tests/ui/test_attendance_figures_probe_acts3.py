"""The attendance list pasted after the event, with its no-shows (`王五 没来`, `赵六 缺席`), as the figures say it
(third activities probe): the dialog wrote all four attended — the attendance rate 100% on the Dashboard, in
`stats --json` and on the workbook's 活动 sheet. Now two attended, two absent: 50% in all three, read back."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import openpyxl
from helpers import GROUP_NAME, OFFSCREEN_QUIRKS

from desktop.cli import main
from desktop.services.participation import ActivityInput, create_activity
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import AttendancePasteDialog
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

DAY: date = TEST_TODAY - timedelta(days=2)
LIST = "#接龙 周六徒步 签到\n1. 张三 ✅\n2. 李四\n3. 王五 没来\n4. 赵六 缺席\n"


def test_no_shows_pasted_after_the_event_are_the_rate_everywhere(qtbot, ws, tmp_path, capsys):
    with ws.database.session() as s:
        for name in ("王五", "赵六"):
            add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name, joined_at=datetime(2024, 1, 1)))
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="周六徒步", starts_at=datetime.combine(DAY, datetime.min.time())),
        )
        s.commit()
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.attended_radio.setChecked(True)
    dialog.set_text(LIST)
    dialog.apply()
    assert dialog.outcome is not None and dialog.outcome.written == 4

    month = f"{DAY.year}-{DAY.month:02d}"
    code = main(["--db", str(ws.path), "stats", "--group", GROUP_NAME, "--month", month, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    stats = json.loads(out)
    assert stats["activities"] == 1 and stats["attendance_rate"] == 0.5

    book = tmp_path / "report.xlsx"
    code = main(["--db", str(ws.path), "export", "report", "--month", month, "--group", GROUP_NAME, "-o", str(book)])
    assert code == 0, capsys.readouterr().err
    sheet = openpyxl.load_workbook(book)["活动"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "出勤率" in r)
    row = next(r for r in rows if "周六徒步" in r and r is not header and r[header.index("出席")] is not None)
    assert (row[header.index("出席")], row[header.index("缺席")], row[header.index("出勤率")]) == (2, 2, 0.5)

    page = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    if (DAY.year, DAY.month) == (TEST_TODAY.year, TEST_TODAY.month):
        assert page.cards["attendance"].value_label.text() == "50%"
