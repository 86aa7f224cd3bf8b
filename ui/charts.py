"""Small QtCharts bar charts in the app's calm look, for the Dashboard and Onboarding pages: vertical or
horizontal bars over categories, one or more bar sets, no animation. `bar_values()` tells tests what is drawn."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ACCENT = "#2563EB"
ACCENT_LIGHT = "#93B4F3"
TARGET = "#CBD5E1"
TEXT = "#374151"
MUTED = "#6B7280"
GRID = "#EEF0F3"
LINE = "#E5E7EB"
ROW_HEIGHT = 30  # px per category of a horizontal bar chart

BarSet = tuple[str, list[float], str]  # (name shown in the legend, values, colour)


def _nice_maximum(value: float) -> float:
    """A round upper bound a little above `value` (so the top label fits and ticks are round)."""
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        top = step * 4
        if value * 1.12 <= top:
            return float(top)
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float((int(value * 1.12 / magnitude) + 1) * magnitude)


class BarChartView(QChartView):
    """A bar chart over categories. `set_data(categories, sets)` replaces what is drawn. The series and axes
    are made once and refilled (QtCharts leaves stale axis labels on screen when axes are swapped)."""

    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None):
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundVisible(False)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.legend().setVisible(False)
        super().__init__(chart, parent)
        self.setObjectName("barChart")
        self._chart = chart
        self._horizontal = horizontal
        self._sets: list[QBarSet] = []
        self._categories: list[str] = []
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(100, 170)
        self.setStyleSheet("background: transparent; border: none;")

        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1.5))
        self._small = small
        self._series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        self._series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(self._series)
        self._category_axis = QBarCategoryAxis()
        self._value_axis = QValueAxis()
        self._value_axis.setTickCount(5)
        for axis in (self._category_axis, self._value_axis):
            axis.setLabelsFont(small)
            axis.setLabelsColor(QColor(MUTED))
            axis.setLinePen(QPen(QColor(LINE)))
            axis.setGridLineColor(QColor(GRID))
        self._category_axis.setGridLineVisible(False)
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        chart.addAxis(self._category_axis, category_side)
        chart.addAxis(self._value_axis, value_side)
        self._series.attachAxis(self._category_axis)
        self._series.attachAxis(self._value_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.legend().setFont(small)
        chart.legend().setLabelColor(QColor(MUTED))

    # ---- what is drawn (for tests and callers) ----
    def categories(self) -> list[str]:
        return list(self._categories)

    def bar_values(self) -> dict[str, list[float]]:
        """Bar-set name -> the values drawn, in category order."""
        return {s.label(): [s.at(i) for i in range(s.count())] for s in self._sets}

    def bar_count(self) -> int:
        return sum(s.count() for s in self._sets)

    # ---- drawing ----
    def set_data(
        self,
        categories: list[str],
        sets: list[BarSet],
        *,
        maximum: float | None = None,
        labels: bool = True,
        label_format: str = "@value",
        axis_format: str = "%d",
        legend: bool = False,
    ) -> None:
        self._categories = list(categories)
        if self._horizontal:
            # QtCharts drops a category label to "…" when its row is shorter than the text: keep rows tall enough
            self.setMinimumHeight(max(170, ROW_HEIGHT * len(self._categories) + 50))
        series = self._series
        series.clear()  # deletes the old bar sets
        self._sets = []
        top = 0.0
        for name, values, colour in sets:
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor(TEXT))
            bar_set.setLabelFont(self._small)
            series.append(bar_set)
            self._sets.append(bar_set)
            top = max([top, *[float(v) for v in values]])
        series.setBarWidth(0.7 if len(sets) > 1 else 0.6)
        series.setLabelsVisible(labels)
        series.setLabelsFormat(label_format)
        self._category_axis.clear()
        self._category_axis.append(self._categories)
        self._value_axis.setRange(0, maximum if maximum is not None else _nice_maximum(top))
        self._value_axis.setLabelFormat(axis_format)
        self._chart.legend().setVisible(legend)
