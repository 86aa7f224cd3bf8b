"""A one-line label that ends in "…" when its text does not fit, instead of being cut mid-character.

A clipped "上月 44.9% ▼3.7" read "▼3." in a narrow card, and "No recent participation" read "participatior": a
figure that looks like another one, a word that looks misspelt. Elided, the reader sees that there is more (the
tooltip has it all)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel


class ElidedLabel(QLabel):
    def shown_text(self) -> str:
        """The text as painted at the label's current width."""
        text = self.text()
        width = self.contentsRect().width()
        fm = self.fontMetrics()
        if "\n" in text or fm.horizontalAdvance(text) <= width:
            return text
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
