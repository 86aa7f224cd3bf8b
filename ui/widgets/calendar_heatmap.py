"""CalendarHeatmap: a GitHub-style calendar of days (weeks as columns, weekdays as rows) shaded by a count,
with month labels, a legend and a tooltip per day. Used by the Check-ins page for a group (check-ins per
day) and for one member (checked in or not, leave days in their own colour). Custom-painted: a half-year
is ~180 rectangles, far cheaper than a chart."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from models import clock

# Empty, then four shades of the accent colour (resources/style.qss), light to dark.
LEVEL_COLORS = ("#EEF1F5", "#C7D7FB", "#93B4F3", "#5B8DEF", "#2563EB")
LEAVE_COLOR = "#FCD9A8"
HIGHLIGHT_COLOR = "#111827"
LABEL_COLOR = "#6B7280"
LEVELS = len(LEVEL_COLORS) - 1

MODE_COUNT = "count"  # a group: how many check-ins that day
MODE_PRESENCE = "presence"  # one member: checked in (1) or not, leave days marked


class CalendarHeatmap(QWidget):
    day_clicked = Signal(object)  # datetime.date of the cell clicked

    def __init__(self, parent: QWidget | None = None, *, cell: int = 13, gap: int = 3):
        super().__init__(parent)
        self.setObjectName("calendarHeatmap")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._cell = cell
        self._gap = gap
        today = clock.today()
        self._start = today
        self._end = today
        self._counts: dict[date, int] = {}
        self._max = 1
        self._leave: frozenset[date] = frozenset()
        self._mode = MODE_COUNT
        self._highlight: date | None = None
        self._first_weekday = 1  # ISO weekday that opens a column (1 = Monday); from the locale in set_data
        self.set_data(today - timedelta(days=181), today, {})

    # ---- data ----
    def set_data(
        self,
        start: date,
        end: date,
        counts: dict[date, int],
        max_value: int | None = None,
        *,
        leave_days: Iterable[date] = (),
        mode: str = MODE_COUNT,
    ) -> None:
        """Show the days from `start` to `end` (both included). `counts` gives each day's value (missing = 0);
        the darkest shade stands for `max_value` (default: the largest count). `leave_days` get the leave
        colour where they have no count; `mode` chooses the tooltip wording (MODE_COUNT or MODE_PRESENCE)."""
        if end < start:
            start, end = end, start
        self._start, self._end = start, end
        self._counts = {d: int(v) for d, v in counts.items() if start <= d <= end and v}
        biggest = max(self._counts.values(), default=0)
        self._max = max(1, int(max_value) if max_value else biggest)
        self._leave = frozenset(d for d in leave_days if start <= d <= end)
        self._mode = mode
        self._first_weekday = QLocale().firstDayOfWeek().value
        self.updateGeometry()
        self.update()

    def set_highlight(self, day: date | None) -> None:
        """Outline one day (the page's chosen date)."""
        self._highlight = day
        self.update()

    @property
    def start(self) -> date:
        return self._start

    @property
    def end(self) -> date:
        return self._end

    def value(self, day: date) -> int:
        return self._counts.get(day, 0)

    def level(self, value: int) -> int:
        """0 for nothing, else 1..LEVELS in proportion to the maximum."""
        if value <= 0:
            return 0
        return max(1, min(LEVELS, -(-value * LEVELS // self._max)))

    def tooltip_text(self, day: date) -> str:
        label = QLocale().toString(QDate(day.year, day.month, day.day), "yyyy-MM-dd ddd")
        value = self.value(day)
        if self._mode == MODE_PRESENCE:
            if value:
                what = self.tr("Checked in")
            elif day in self._leave:
                what = self.tr("On leave")
            else:
                what = self.tr("No check-in")
        else:
            what = self.tr("%n check-in(s)", "", value)
            if day in self._leave:
                what += " · " + self.tr("On leave")
        return f"{label}\n{what}"

    # ---- geometry ----
    def _first_column_day(self) -> date:
        back = (self._start.isoweekday() - self._first_weekday) % 7
        return self._start - timedelta(days=back)

    def _weeks(self) -> int:
        return (self._end - self._first_column_day()).days // 7 + 1

    def _weekday_names(self) -> list[str]:
        loc = QLocale()
        order = [(self._first_weekday - 1 + i) % 7 + 1 for i in range(7)]
        narrow = [loc.dayName(d, QLocale.FormatType.NarrowFormat) for d in order]
        if len(set(narrow)) == 7 and not any(n.isdigit() for n in narrow):
            return narrow
        return [loc.dayName(d, QLocale.FormatType.ShortFormat) for d in order]

    def _left(self) -> int:
        fm = QFontMetrics(self.font())
        return max(fm.horizontalAdvance(n) for n in self._weekday_names()) + 8

    def _top(self) -> int:
        return QFontMetrics(self.font()).height() + 4

    def _grid_height(self) -> int:
        return 7 * (self._cell + self._gap) - self._gap

    def _legend_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def sizeHint(self) -> QSize:
        width = self._left() + self._weeks() * (self._cell + self._gap) + 8
        legend = self._left() + self._legend_width() + 8
        # the last month's label starts above its first column and can run past the grid: room for all of it
        fm = QFontMetrics(self.font())
        labels = max((x + fm.horizontalAdvance(text) + 4 for x, text in self.month_labels()), default=0)
        return QSize(max(width, legend, labels), self._top() + self._grid_height() + self._legend_height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, day: date) -> QRect:
        """Where `day` is drawn (an empty rect when it is outside the range)."""
        if not self._start <= day <= self._end:
            return QRect()
        offset = (day - self._first_column_day()).days
        col, row = divmod(offset, 7)
        step = self._cell + self._gap
        return QRect(self._left() + col * step, self._top() + row * step, self._cell, self._cell)

    def day_at(self, pos: QPoint) -> date | None:
        step = self._cell + self._gap
        x, y = pos.x() - self._left(), pos.y() - self._top()
        if x < 0 or y < 0:
            return None
        col, cx = divmod(x, step)
        row, cy = divmod(y, step)
        if cx >= self._cell or cy >= self._cell or row >= 7:
            return None
        day = self._first_column_day() + timedelta(days=col * 7 + row)
        return day if self._start <= day <= self._end else None

    def month_labels(self) -> list[tuple[int, str]]:
        """(x, text) of each month label drawn above the grid: above the first column of each month, with the
        year when the range crosses one; a partial first month gives way to the next, and a label that would
        run into the one before it is left out. sizeHint makes room for the last one in full."""
        fm = QFontMetrics(self.font())
        loc = QLocale()
        step = self._cell + self._gap
        left = self._left()
        first = self._first_column_day()
        labels: list[tuple[int, str]] = []
        for col in range(self._weeks()):
            days = [first + timedelta(days=col * 7 + i) for i in range(7)]
            days = [d for d in days if self._start <= d <= self._end]
            month_day = next((d for d in days if d.day == 1), days[0] if col == 0 and days else None)
            if month_day is None:
                continue
            text = loc.standaloneMonthName(month_day.month, QLocale.FormatType.ShortFormat)
            if self._start.year != self._end.year and (month_day.month == 1 or col == 0):
                text = f"{month_day.year} {text}"
            labels.append((left + col * step, text))
        if len(labels) > 1 and labels[0][0] + fm.horizontalAdvance(labels[0][1]) + 6 > labels[1][0]:
            labels.pop(0)
        shown: list[tuple[int, str]] = []
        last_label_end = -1
        for x, text in labels:
            if x > last_label_end:
                shown.append((x, text))
                last_label_end = x + fm.horizontalAdvance(text) + 6
        return shown

    def _legend_entries(self) -> list[tuple[str, str]]:
        """("box", colour), ("text", words) and ("gap", "") in drawing order."""
        if self._mode == MODE_PRESENCE:
            out = [("box", LEVEL_COLORS[-1]), ("text", self.tr("Checked in")), ("gap", "")]
            if self._leave:
                out += [("box", LEAVE_COLOR), ("text", self.tr("On leave")), ("gap", "")]
            return [*out, ("box", LEVEL_COLORS[0]), ("text", self.tr("No check-in"))]
        out = [("text", self.tr("Less")), *(("box", c) for c in LEVEL_COLORS), ("text", self.tr("More"))]
        if self._leave:
            out += [("gap", ""), ("box", LEAVE_COLOR), ("text", self.tr("On leave"))]
        return out

    def _legend_width(self) -> int:
        fm = QFontMetrics(self.font())
        width = 0
        for kind, value in self._legend_entries():
            width += fm.horizontalAdvance(value) + 6 if kind == "text" else 10 if kind == "gap" else self._cell + 3
        return width

    # ---- painting ----
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        label_pen = QPen(QColor(LABEL_COLOR))
        step = self._cell + self._gap
        left, top = self._left(), self._top()

        # weekday labels on every other row, like GitHub
        painter.setPen(label_pen)
        for row, name in enumerate(self._weekday_names()):
            if row % 2 == 1:
                y = top + row * step
                painter.drawText(
                    QRect(0, y - 2, left - 6, self._cell + 4),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )

        # month labels above the first column of each month (month_labels: where each is drawn)
        for x, text in self.month_labels():
            painter.drawText(x, fm.ascent() + 1, text)

        # the days
        painter.setPen(Qt.PenStyle.NoPen)
        d = self._start
        while d <= self._end:
            rect = self.cell_rect(d)
            value = self.value(d)
            if value:
                color = QColor(LEVEL_COLORS[self.level(value)])
            elif d in self._leave:
                color = QColor(LEAVE_COLOR)
            else:
                color = QColor(LEVEL_COLORS[0])
            painter.setBrush(color)
            painter.drawRoundedRect(rect, 2.5, 2.5)
            d += timedelta(days=1)
        if self._highlight is not None and self._start <= self._highlight <= self._end:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(HIGHLIGHT_COLOR), 1.5))
            painter.drawRoundedRect(self.cell_rect(self._highlight).adjusted(-1, -1, 1, 1), 3, 3)

        # legend: "Less ▢▢▢▢▢ More  ▢ On leave" for counts, "▢ Checked in  ▢ On leave  ▢ No check-in" for one member
        y = top + self._grid_height() + 8
        text_h = max(self._cell, fm.height())
        box_y = y + (text_h - self._cell) // 2
        x = left
        for kind, value in self._legend_entries():
            if kind == "text":
                painter.setPen(label_pen)
                painter.drawText(
                    QRect(x, y, fm.horizontalAdvance(value) + 2, text_h), Qt.AlignmentFlag.AlignVCenter, value
                )
                x += fm.horizontalAdvance(value) + 6
            elif kind == "gap":
                x += 10
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(value))
                painter.drawRoundedRect(QRect(x, box_y, self._cell, self._cell), 2.5, 2.5)
                x += self._cell + 3
        painter.end()

    # ---- interaction ----
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(day), self, self.cell_rect(day))
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().toPoint())
            if day is not None:
                self.day_clicked.emit(day)
                event.accept()
                return
        super().mousePressEvent(event)
