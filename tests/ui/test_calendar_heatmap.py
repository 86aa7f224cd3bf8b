"""CalendarHeatmap on its own: geometry (weeks × weekdays), shades, leave days, tooltips and clicks, and what
it paints (read back from grab())."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt, QTranslator
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop.i18n import compile_ts
from ui.widgets.calendar_heatmap import LEAVE_COLOR, LEVEL_COLORS, MODE_PRESENCE, CalendarHeatmap

# the offscreen platform cannot raise the tooltip window; real platforms can
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints\(\)|raise\(\))")

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
START = date(2026, 1, 1)  # a Thursday
END = date(2026, 6, 30)


@pytest.fixture(scope="module")
def zh_qm(tmp_path_factory):
    return compile_ts(TS_DIR / "checkins_zh_CN.ts", tmp_path_factory.mktemp("qm") / "checkins_zh_CN.qm")


@pytest.fixture(autouse=True)
def chinese(qapp, zh_qm):
    """The default UI: Simplified Chinese words (this area's catalogue) and weeks that start on Monday."""
    translator = QTranslator(qapp)
    assert translator.load(str(zh_qm))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(QLocale.c())
    qapp.removeTranslator(translator)


@pytest.fixture
def heatmap(qtbot):
    w = CalendarHeatmap()
    qtbot.addWidget(w)
    counts = {START: 1, date(2026, 3, 2): 10, date(2026, 3, 3): 5, date(2026, 6, 30): 3, date(2025, 12, 31): 99}
    w.set_data(START, END, counts)
    w.resize(w.sizeHint())
    w.show()
    return w


def pixel(image, rect) -> str:
    return QColor(image.pixel(rect.center())).name().upper()


def test_layout_is_weeks_by_weekdays(heatmap):
    # 2026-01-01 is a Thursday: row 3 of the first column; Monday 2026-01-05 opens the second column
    first = heatmap.cell_rect(START)
    monday = heatmap.cell_rect(date(2026, 1, 5))
    assert monday.x() > first.x() and monday.y() < first.y()
    assert heatmap.cell_rect(date(2026, 1, 4)).x() == first.x()  # Sunday closes the first week
    assert heatmap.cell_rect(START - timedelta(days=1)).isNull()  # outside the range
    assert heatmap.day_at(first.center()) == START
    assert heatmap.day_at(QPoint(0, 0)) is None
    # 26 weeks fit in the size hint, nothing drawn outside it
    last = heatmap.cell_rect(END)
    assert heatmap.rect().contains(last)
    assert heatmap.sizeHint().width() >= last.right()


def test_values_and_levels_use_the_maximum(heatmap):
    assert heatmap.value(date(2026, 3, 2)) == 10
    assert heatmap.value(date(2025, 12, 31)) == 0  # outside the range: dropped
    assert [heatmap.level(v) for v in (0, 1, 3, 5, 10)] == [0, 1, 2, 2, 4]
    heatmap.set_data(START, END, {START: 2}, max_value=8)
    assert heatmap.level(2) == 1 and heatmap.level(8) == 4 and heatmap.level(50) == 4


def test_tooltip_text_per_day(heatmap):
    assert heatmap.tooltip_text(date(2026, 3, 2)) == "2026-03-02 周一\n10 人打卡"
    assert heatmap.tooltip_text(START) == "2026-01-01 周四\n1 人打卡"
    heatmap.set_data(START, END, {START: 1}, 1, leave_days={date(2026, 1, 2)}, mode=MODE_PRESENCE)
    assert heatmap.tooltip_text(START).endswith("已打卡")
    assert heatmap.tooltip_text(date(2026, 1, 2)).endswith("请假")
    assert heatmap.tooltip_text(date(2026, 1, 3)).endswith("未打卡")


def test_hovering_a_day_shows_its_tooltip(qtbot, heatmap):
    pos = heatmap.cell_rect(date(2026, 3, 2)).center()
    QApplication.sendEvent(heatmap, QHelpEvent(QEvent.Type.ToolTip, pos, heatmap.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == heatmap.tooltip_text(date(2026, 3, 2))
    QToolTip.hideText()


def test_paint_event_draws_the_shades(heatmap):
    image = heatmap.grab().toImage()
    assert pixel(image, heatmap.cell_rect(date(2026, 3, 2))) == LEVEL_COLORS[4]
    assert pixel(image, heatmap.cell_rect(date(2026, 3, 3))) == LEVEL_COLORS[2]
    assert pixel(image, heatmap.cell_rect(START)) == LEVEL_COLORS[1]
    assert pixel(image, heatmap.cell_rect(date(2026, 2, 1))) == LEVEL_COLORS[0]


def test_leave_days_have_their_own_colour(heatmap):
    heatmap.set_data(START, END, {START: 1}, 1, leave_days={date(2026, 1, 2), date(2026, 7, 9)}, mode=MODE_PRESENCE)
    image = heatmap.grab().toImage()
    assert pixel(image, heatmap.cell_rect(date(2026, 1, 2))) == LEAVE_COLOR.upper()
    assert pixel(image, heatmap.cell_rect(START)) == LEVEL_COLORS[4]


def test_clicking_a_day_emits_it(qtbot, heatmap):
    with qtbot.waitSignal(heatmap.day_clicked) as clicked:
        qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_rect(date(2026, 3, 3)).center())
    assert clicked.args == [date(2026, 3, 3)]


def test_reversed_range_and_empty_data(qtbot):
    w = CalendarHeatmap()
    qtbot.addWidget(w)
    w.set_data(END, START, {})
    assert (w.start, w.end) == (START, END)
    assert w.level(0) == 0
    assert not w.grab().isNull()


@pytest.mark.parametrize(
    "start,end",
    [
        (date(2026, 6, 4), date(2026, 12, 1)),  # the last column opens December: "12月" above it
        (date(2026, 7, 5), date(2027, 1, 1)),  # across a year: "2027 1月" above the last column
        (date(2027, 9, 2), date(2028, 2, 29)),  # February's label starts in the last column but two
    ],
)
def test_the_last_month_label_is_drawn_in_full(qtbot, start, end):
    """The last month's label starts above its first column; when that was the grid's last column the label ran
    past the widget's right edge and was cut ("12" of "12月", "2027 1" of "2027 1月"). The widget is as wide as
    its labels, and what it paints there is the label (dark pixels at its right end)."""
    w = CalendarHeatmap()
    qtbot.addWidget(w)
    w.set_data(start, end, {})
    w.resize(w.sizeHint())
    labels = w.month_labels()
    x, text = labels[-1]
    fm = w.fontMetrics()
    assert text.endswith(f"{end.month}月")
    assert x + fm.horizontalAdvance(text) <= w.width()
    assert x >= w.cell_rect(end).left() - 7 * 16  # above the end's month, not moved away from it
    image = w.grab().toImage()
    right = x + fm.horizontalAdvance(text)
    inked = [
        px
        for px in range(right - fm.horizontalAdvance(text[-1]), min(right, w.width()))
        for py in range(fm.height())
        if QColor(image.pixel(px, py)).lightness() < 200
    ]
    assert inked  # the label's last character is painted inside the widget
