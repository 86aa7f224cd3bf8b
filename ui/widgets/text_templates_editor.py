"""TextTemplatesEditor: the group profile's 文案模板 tab — a group's templates of the paste-ready texts (PRODUCT
§3.9), one per kind, with the placeholders of that kind beside the editor (double-click inserts one) and a
live preview with the group's real facts. What a template may contain, the defaults and the rendering are
desktop/services/texts.py's; this widget only edits and shows. Saving is the dialog's (one transaction with
the rest of the profile): `changed()` lists what to save."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.texts import KINDS, PLACEHOLDERS, default_template, preview_text, template_for
from ui.messages import localise_message
from ui.operations import run_read

WARN = "#B45309"
PREVIEW_DELAY_MS = 300


class TextTemplatesEditor(QWidget):
    def __init__(self, database, group_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._group_id = group_id
        with database.session() as session:
            self.saved: dict[str, str] = {kind: template_for(session, group_id, kind) for kind in KINDS}
        self.bodies: dict[str, str] = dict(self.saved)
        self._kind = KINDS[0]
        self._build()
        self._show_kind(KINDS[0])

    # ---- words shown for the service's codes ----
    def kind_label(self, kind: str) -> str:
        return {
            "reminder": self.tr("Not checked in yet (Check-ins page)"),
            "welcome": self.tr("Welcome (member panel, Onboarding page)"),
            "stalled": self.tr("Stalled reminder (Onboarding page)"),
            "leaderboard": self.tr("Leaderboard (Points page)"),
            "summary": self.tr("Month summary (Dashboard)"),
        }[kind]

    def placeholder_label(self, name: str) -> str:
        return {
            "group": self.tr("the group's name"),
            "date": self.tr("the day, e.g. 11月20日"),
            "weekday": self.tr("the weekday, e.g. 周五"),
            "count": self.tr("how many people the list names"),
            "done": self.tr("how many have checked in"),
            "total": self.tr("how many are expected (members not on leave)"),
            "names": self.tr("who has not checked in: @group nickname, a few per line"),
            "name": self.tr("the newcomer, as the group sees them"),
            "goal": self.tr("the group's goal (profile)"),
            "rules": self.tr("the first lines of the current rules"),
            "notice": self.tr("the joining notice (profile)"),
            "steps": self.tr("the entry steps still to do, numbered"),
            "operators": self.tr("who runs the group (profile), else 群主或管理员"),
            "days": self.tr("the stalled threshold in days"),
            "list": self.tr("the list: one line per person"),
            "month": self.tr("the month, e.g. 11月"),
            "top": self.tr("leaderboard: how many are listed; summary: the month's top scorer"),
            "promoted": self.tr("who reached a higher level this month"),
            "members": self.tr("members at the end of the month"),
            "members_prev": self.tr("members at the end of last month"),
            "active": self.tr("members who took part this month"),
            "active_prev": self.tr("members who took part last month"),
            "checkins": self.tr("check-ins this month"),
            "checkins_prev": self.tr("check-ins last month"),
            "checkin_rate": self.tr("check-in rate this month"),
            "checkin_rate_prev": self.tr("check-in rate last month"),
            "joined": self.tr("people who joined this month"),
            "left": self.tr("people who left this month"),
            "messages": self.tr("chat messages this month (empty without chat imports)"),
            "messages_prev": self.tr("chat messages last month"),
            "activities": self.tr("activities this month (empty when none either month)"),
            "activities_prev": self.tr("activities last month"),
            "points": self.tr("points awarded this month"),
        }.get(name, "")

    # ---- building ----
    def _build(self) -> None:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("textKind")
        for kind in KINDS:
            self.kind_combo.addItem(self.kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_kind(self.kind_combo.currentData()))
        self.default_button = QPushButton(self.tr("Back to the default"))
        self.default_button.setObjectName("textDefault")
        self.default_button.clicked.connect(self.restore_default)
        self.state_label = QLabel()
        self.state_label.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Text")))
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.state_label)
        top.addWidget(self.default_button)

        self.edit = QPlainTextEdit()
        self.edit.setObjectName("textTemplate")
        self.edit.textChanged.connect(self._on_edited)
        hint = QLabel(
            self.tr(
                "$name is replaced by its value; a line whose placeholders are all empty is left out; "
                "write $$ for a dollar sign."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.placeholder_list = QListWidget()
        self.placeholder_list.setObjectName("textPlaceholders")
        self.placeholder_list.setToolTip(self.tr("Double-click to insert at the cursor"))
        self.placeholder_list.setWordWrap(True)
        self.placeholder_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.placeholder_list.itemDoubleClicked.connect(self._insert_placeholder)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {WARN};")
        self.error_label.hide()
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("textPreview")
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet("#textPreview { background: #F9FAFB; color: #374151; }")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

        editor = QWidget()
        el = QVBoxLayout(editor)
        el.setContentsMargins(0, 0, 0, 0)
        el.addWidget(self.edit, 1)
        el.addWidget(hint)
        el.addWidget(self.error_label)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("Placeholders")))
        sl.addWidget(self.placeholder_list, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(editor)
        upper.addWidget(side)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setChildrenCollapsible(False)
        lower = QWidget()
        lw = QVBoxLayout(lower)
        lw.setContentsMargins(0, 0, 0, 0)
        lw.addWidget(QLabel(self.tr("Preview with this group's facts")))
        lw.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # ---- state ----
    @property
    def kind(self) -> str:
        return self._kind

    def select_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _show_kind(self, kind: str) -> None:
        self._kind = kind
        self.edit.blockSignals(True)
        self.edit.setPlainText(self.bodies[kind])
        self.edit.blockSignals(False)
        self.placeholder_list.clear()
        for name in PLACEHOLDERS[kind]:
            item = QListWidgetItem(f"${name}  —  {self.placeholder_label(name)}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholder_list.addItem(item)
        self._update_state()
        self.update_preview()

    def _update_state(self) -> None:
        body = self.bodies[self._kind]
        is_default = body.strip() == default_template(self._kind)
        self.state_label.setText(self.tr("default") if is_default else self.tr("this group's own"))
        self.default_button.setEnabled(not is_default)

    @Slot()
    def _on_edited(self) -> None:
        self.bodies[self._kind] = self.edit.toPlainText()
        self._update_state()
        self._timer.start()

    @Slot(QListWidgetItem)
    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.edit.insertPlainText("$" + str(item.data(Qt.ItemDataRole.UserRole)))
        self.edit.setFocus()

    @Slot()
    def restore_default(self) -> None:
        self.edit.setPlainText(default_template(self._kind))

    @Slot()
    def update_preview(self) -> None:
        """The template as the group would get it now; a template that cannot be saved says why."""
        self._timer.stop()
        read = run_read(
            self,
            self._database,
            preview_text,
            self._group_id,
            self._kind,
            self.bodies[self._kind],
            on_error=self._show_error,
        )
        if not read:
            return
        text = read.value
        self.error_label.hide()
        if text.parts:
            self.preview.setPlainText("\n\n— — —\n\n".join(text.parts))
        else:
            self.preview.setPlainText(
                self.tr("(Nothing to post today: %1)").replace("%1", localise_message(text.empty_reason or ""))
            )

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(localise_message(getattr(exc, "message", str(exc))))
        self.error_label.show()
        self.preview.setPlainText("")

    def changed(self) -> dict[str, str]:
        """kind -> body of the templates edited since the dialog opened."""
        return {k: b for k, b in self.bodies.items() if b.strip() != self.saved[k].strip()}

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.default_button.setEnabled(not read_only and self.default_button.isEnabled())
        self.placeholder_list.setEnabled(not read_only)
