"""ReferralTreeDialog: who brought whom in a group (裂变), as a tree several levels deep — each person with
their direct referrals and everyone they brought in through them, biggest trees first
(desktop.services.members.referral_tree)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members import ReferralNode, referral_tree
from ui.screen_fit import resize_to_fit

COL_NAME, COL_DIRECT, COL_TOTAL = range(3)
EXPAND_LEVELS = 2
MemberIdRole = Qt.ItemDataRole.UserRole + 1


class ReferralTreeDialog(QDialog):
    def __init__(
        self,
        database,
        group_id: int,
        group_name: str = "",
        parent: QWidget | None = None,
        *,
        shown: Callable[[str | None], str | None] | None = None,
    ):
        """`shown`: how a member's name is shown to the operator (desktop.services.operators.names_shown_to: a phone
        written into it masked for an assistant); None: as stored."""
        super().__init__(parent)
        self._shown = shown or (lambda text: text)
        self.setObjectName("referralTreeDialog")
        self._database = database
        self._group_id = group_id
        title = self.tr("Referral tree")
        self.setWindowTitle(f"{title} — {group_name}" if group_name else title)
        resize_to_fit(self, 620, 560)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Direct referrals"), self.tr("Brought in")])
        self.model.setHeaderData(
            COL_TOTAL,
            Qt.Orientation.Horizontal,
            self.tr("Everyone they brought in, directly or through the people they brought"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.view = QTreeView()
        self.view.setObjectName("referralTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DIRECT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TOTAL, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            self.tr("Nobody in this group was brought in by another member yet. Set a referrer on a member to start.")
        )
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        expand = QPushButton(self.tr("Expand all"))
        collapse = QPushButton(self.tr("Collapse"))
        expand.clicked.connect(self.view.expandAll)
        collapse.clicked.connect(self._collapse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(expand)
        bottom.addWidget(collapse)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        with self._database.session() as session:
            roots = referral_tree(session, self._group_id)
        self.roots = roots
        self.model.removeRows(0, self.model.rowCount())
        for node in roots:
            self.model.appendRow(self._row(node))
        brought = sum(r.total for r in roots)
        self.summary_label.setText(
            self.tr("%n referrer(s) at the top of a tree", "", len(roots))
            + " · "
            + self.tr("%n person(s) brought in by referral", "", brought)
        )
        self.view.setVisible(bool(roots))
        self.empty_label.setVisible(not roots)
        self._collapse()

    def _row(self, node: ReferralNode) -> list[QStandardItem]:
        person = self._shown(node.display_name) or ""
        shown = f"{person} · {self._shown(node.detail)}" if node.detail else person  # two of one name
        if not node.in_group:
            shown = self.tr("%1 (not in this group)").replace("%1", shown)
        name = QStandardItem(shown)
        name.setData(node.member_id, MemberIdRole)
        if node.cycle_referrer is not None:  # its referrer is below it: say so, the records need a correction
            name.setText(self.tr("%1 (referral cycle)").replace("%1", shown))
            name.setToolTip(
                self.tr(
                    "%1 is recorded as brought in by %2, and %2 as brought in (directly or through others) by %1. "
                    "One of these referrers is wrong: correct it on the member."
                )
                .replace("%1", person)
                .replace("%2", self._shown(node.cycle_referrer) or "")
            )
        direct = QStandardItem(str(len(node.children)))
        total = QStandardItem(str(node.total))
        for item in (direct, total):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for child in node.children:
            name.appendRow(self._row(child))
        return [name, direct, total]

    @Slot()
    def _collapse(self) -> None:
        self.view.collapseAll()
        self.view.expandToDepth(EXPAND_LEVELS - 2)  # depth 0 = the roots' children are shown

    # ---- for tests ----
    def top_rows(self) -> list[tuple[str, int, int]]:
        return [
            (
                self.model.item(r, COL_NAME).text(),
                int(self.model.item(r, COL_DIRECT).text()),
                int(self.model.item(r, COL_TOTAL).text()),
            )
            for r in range(self.model.rowCount())
        ]

    def children_of(self, name: str) -> list[str]:
        found = self.model.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, COL_NAME)
        if not found:
            raise KeyError(name)
        item = found[0]
        return [item.child(r, COL_NAME).text() for r in range(item.rowCount())]
