"""Tiers, roles and tags dialog: the workspace's editable lists (desktop.services.taxonomy)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.operators import Actor, allowed
from desktop.services.taxonomy import (
    TierRow,
    add_role,
    list_roles,
    list_tag_rows,
    list_tier_rows,
    remove_role,
    rename_role,
    save_tiers,
    set_tag,
    tier_holders,
)
from ui.messages import default_name
from ui.operations import run_write
from ui.screen_fit import resize_to_fit

TIER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TaxonomyDialog(QDialog):
    """Three tabs: tiers (name, target share, order), roles (add, rename, remove) and tags (rename, colour).
    Tiers are saved together with Save; roles and tags are saved as each change is made."""

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self.setWindowTitle(self.tr("Tiers, roles and tags"))
        resize_to_fit(self, 560, 460)
        # hooks tests can replace: ask for a text, a colour, or a yes/no
        self.ask_text = self._ask_text
        self.ask_color = self._ask_color
        self.ask_yes = self._ask_yes
        can_edit = allowed(actor, "edit_groups")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_tiers(can_edit), self.tr("Tiers"))
        self.tabs.addTab(self._build_roles(can_edit), self.tr("Roles"))
        self.tabs.addTab(self._build_tags(allowed(actor, "edit_members")), self.tr("Tags"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    # ---- building ----
    def _build_tiers(self, can_edit: bool) -> QWidget:
        page = QWidget()
        self.tier_table = QTableWidget(0, 2)
        self.tier_table.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("Target share")])
        self.tier_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tier_table.verticalHeader().setVisible(False)
        hint = QLabel(
            self.tr(
                "Highest tier first. The dashboard and the monthly workbook compare the member structure with these"
                " target shares, added up as key voices (the core and key-voice tiers), mid voices and the rest. A"
                " healthy group has about 5% key voices, 20% mid voices and 75% others."
            )
        )
        hint.setWordWrap(True)
        self.tier_add = QPushButton(self.tr("Add"))
        self.tier_remove = QPushButton(self.tr("Remove"))
        self.tier_up = QPushButton(self.tr("Move up"))
        self.tier_down = QPushButton(self.tr("Move down"))
        self.tier_save = QPushButton(self.tr("Save tiers"))
        self.tier_save.setDefault(False)
        for b, slot in (
            (self.tier_add, self._add_tier),
            (self.tier_remove, self._remove_tier),
            (self.tier_up, lambda: self._move_tier(-1)),
            (self.tier_down, lambda: self._move_tier(1)),
            (self.tier_save, self.save_tiers),
        ):
            b.clicked.connect(slot)
            b.setEnabled(can_edit)
        self.tier_table.setEnabled(can_edit)
        row = QHBoxLayout()
        for b in (self.tier_add, self.tier_remove, self.tier_up, self.tier_down):
            row.addWidget(b)
        row.addStretch(1)
        self.tier_status = QLabel()
        row.addWidget(self.tier_status)
        row.addWidget(self.tier_save)
        lay = QVBoxLayout(page)
        lay.addWidget(hint)
        lay.addWidget(self.tier_table, 1)
        lay.addLayout(row)
        return page

    def _build_roles(self, can_edit: bool) -> QWidget:
        page = QWidget()
        self.role_list = QListWidget()
        self.role_add = QPushButton(self.tr("Add…"))
        self.role_rename = QPushButton(self.tr("Rename…"))
        self.role_remove = QPushButton(self.tr("Remove"))
        for b, slot in (
            (self.role_add, self.add_role),
            (self.role_rename, self.rename_role),
            (self.role_remove, self.remove_role),
        ):
            b.clicked.connect(slot)
            b.setEnabled(can_edit)
        row = QHBoxLayout()
        for b in (self.role_add, self.role_rename, self.role_remove):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.role_list, 1)
        lay.addLayout(row)
        return page

    def _build_tags(self, can_edit: bool) -> QWidget:
        page = QWidget()
        self.tag_list = QListWidget()
        self.tag_rename = QPushButton(self.tr("Rename…"))
        self.tag_color = QPushButton(self.tr("Colour…"))
        for b, slot in ((self.tag_rename, self.rename_tag), (self.tag_color, self.recolor_tag)):
            b.clicked.connect(slot)
            b.setEnabled(can_edit)
        row = QHBoxLayout()
        row.addWidget(self.tag_rename)
        row.addWidget(self.tag_color)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.tag_list, 1)
        lay.addLayout(row)
        return page

    # ---- data ----
    def reload(self) -> None:
        with self._database.session() as s:
            tiers = list_tier_rows(s)
            roles = list_roles(s)
            tags = list_tag_rows(s)
        self.tier_table.setRowCount(0)
        for t in tiers:
            self._append_tier(t.id, t.name, t.target_share)
        self.role_list.clear()
        for rid, name, n in roles:
            item = QListWidgetItem(self.tr("%1 (%n membership(s))", "", n).replace("%1", default_name(name)))
            item.setData(TIER_ID_ROLE, (rid, name))
            self.role_list.addItem(item)
        self.tag_list.clear()
        for tid, name, color, n in tags:
            item = QListWidgetItem(self.tr("%1 (%n person(s))", "", n).replace("%1", name))
            item.setData(TIER_ID_ROLE, (tid, name, color))
            item.setForeground(QColor(color))
            self.tag_list.addItem(item)

    def _append_tier(self, tier_id: int | None, name: str, share: float) -> None:
        r = self.tier_table.rowCount()
        self.tier_table.insertRow(r)
        item = QTableWidgetItem(name)
        item.setData(TIER_ID_ROLE, tier_id)
        self.tier_table.setItem(r, 0, item)
        spin = QDoubleSpinBox()
        spin.setRange(0, 100)
        spin.setSuffix(" %")
        spin.setDecimals(0)
        spin.setValue(round(share * 100))
        self.tier_table.setCellWidget(r, 1, spin)

    def tier_rows(self) -> list[TierRow]:
        out = []
        for r in range(self.tier_table.rowCount()):
            item = self.tier_table.item(r, 0)
            spin = self.tier_table.cellWidget(r, 1)
            out.append(TierRow(item.data(TIER_ID_ROLE), item.text(), spin.value() / 100))
        return out

    @Slot()
    def _add_tier(self) -> None:
        self._append_tier(None, self.tr("New tier"), 0.0)
        self.tier_table.editItem(self.tier_table.item(self.tier_table.rowCount() - 1, 0))

    @Slot()
    def _remove_tier(self) -> None:
        r = self.tier_table.currentRow()
        if r >= 0:
            self.tier_table.removeRow(r)

    def _move_tier(self, delta: int) -> None:
        rows = self.tier_rows()
        r = self.tier_table.currentRow()
        if r < 0 or not 0 <= r + delta < len(rows):
            return
        rows[r], rows[r + delta] = rows[r + delta], rows[r]
        self.tier_table.setRowCount(0)
        for t in rows:
            self._append_tier(t.id, t.name, t.target_share)
        self.tier_table.setCurrentCell(r + delta, 0)

    @Slot()
    def save_tiers(self) -> bool:
        """Save the list; a tier taken off it that people hold is asked about first, naming how many lose it (it
        was taken from them at Save with nothing said: 大咖 removed, twelve members 未设置)."""
        rows = self.tier_rows()
        with self._database.session() as s:
            stored = {t.id: t.name for t in list_tier_rows(s)}
            held = tier_holders(s)
        kept = {t.id for t in rows}
        lines = [
            self.tr("%1 is held by %n membership(s).", "", held[tid]).replace("%1", default_name(name))
            for tid, name in stored.items()
            if tid not in kept and held.get(tid)
        ]
        if lines and not self.ask_yes(
            self.tr("Remove tiers"),
            "\n".join([*lines, self.tr("They will be left without a tier. Save anyway?")]),
        ):
            return False
        saved = self._write(lambda s: save_tiers(s, self._actor, rows))
        # said where the button is: nothing on the page changed at Save, and the organiser was left to wonder
        self.tier_status.setText(self.tr("Tiers saved.") if saved else "")
        return saved

    def _selected(self, widget: QListWidget):
        item = widget.currentItem()
        return item.data(TIER_ID_ROLE) if item is not None else None

    @Slot()
    def add_role(self) -> bool:
        name = self.ask_text(self.tr("New role"), self.tr("Role name:"), "")
        return bool(name) and self._write(lambda s: add_role(s, self._actor, name))

    @Slot()
    def rename_role(self) -> bool:
        sel = self._selected(self.role_list)
        if sel is None:
            return False
        name = self.ask_text(self.tr("Rename role"), self.tr("Role name:"), sel[1])
        return bool(name) and self._write(lambda s: rename_role(s, self._actor, sel[0], name))

    @Slot()
    def remove_role(self) -> bool:
        """Remove the selected role; one that people hold is asked about first, naming how many lose it."""
        sel = self._selected(self.role_list)
        if sel is None:
            return False
        with self._database.session() as s:
            held = next((n for rid, _name, n in list_roles(s) if rid == sel[0]), 0)
        if held and not self.ask_yes(
            self.tr("Remove role"),
            self.tr("%1 is held by %n membership(s); they will lose it. Remove it?", "", held).replace(
                "%1", default_name(sel[1])
            ),
        ):
            return False
        return self._write(lambda s: remove_role(s, self._actor, sel[0]))

    @Slot()
    def rename_tag(self) -> bool:
        sel = self._selected(self.tag_list)
        if sel is None:
            return False
        name = self.ask_text(self.tr("Rename tag"), self.tr("Tag name:"), sel[1])
        return bool(name) and self._write(lambda s: set_tag(s, self._actor, sel[0], name=name))

    @Slot()
    def recolor_tag(self) -> bool:
        sel = self._selected(self.tag_list)
        if sel is None:
            return False
        color = self.ask_color(sel[2])
        return bool(color) and self._write(lambda s: set_tag(s, self._actor, sel[0], color=color))

    def _write(self, fn) -> bool:
        if not run_write(self, self._database, fn, changes=("taxonomy", "members")):  # members: a renamed tag
            return False
        self.reload()
        return True

    # ---- default hooks ----
    def _ask_text(self, title: str, label: str, value: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=value)
        return text.strip() if ok and text.strip() else None

    def _ask_yes(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_color(self, current: str) -> str | None:
        color = QColorDialog.getColor(QColor(current), self)
        return color.name().upper() if color.isValid() else None
