"""MergeDialog: merge two records of the same person. Find the other record, compare both side by side
(fields, groups, check-in counts), choose which one to keep, confirm; desktop.services.members.merge_members
moves everything to the kept person (same-day check-ins de-duplicated) and the dialog shows what moved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.phones import mask_phone
from desktop.services.members import MergeSummary, identity_conflicts, merge_members
from desktop.services.merge_undo import undo_merge as undo_merge_service
from desktop.services.operators import Actor, allowed
from desktop.services.roster import RosterQuery, search_roster
from desktop.services.roster_queries import PersonBrief, person_brief
from ui.messages import current_language, list_text, show_error
from ui.models.roster_table_model import status_label
from ui.operations import run_write
from ui.screen_fit import resize_to_fit

SEARCH_DEBOUNCE_MS = 150
SEARCH_LIMIT = 60
DIFF_BACKGROUND = "#FFF7ED"


class MergeDialog(QDialog):
    """Merge `member_id` with another record. `confirm_merge(keep, drop)` is a hook (tests replace it)."""

    merged = Signal(int)  # the kept member id

    def __init__(
        self,
        database,
        actor: Actor,
        member_id: int,
        parent: QWidget | None = None,
        *,
        other_member_id: int | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self._database = database
        self._actor = actor
        self._show_phone = allowed(actor, "export_unmasked")
        self.first: PersonBrief | None = None
        self.second: PersonBrief | None = None
        self.summary: MergeSummary | None = None
        self.confirm_merge: Callable[[PersonBrief, PersonBrief], bool] = self.ask_to_confirm
        self.setWindowTitle(self.tr("Merge duplicate records"))
        resize_to_fit(self, 780, 710)
        self._build()
        self._load_first(member_id)
        if other_member_id is not None:
            self.choose_other(other_member_id)
        self.search_edit.setFocus()

    # ---- building ----
    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Two records of the same person? Find the other record, compare them and choose the one to keep. "
                "Everything of the other record moves to it: groups, entry steps, check-ins (a day logged in both "
                "counts once), attendance, points, referrals and history. Empty fields are filled from the other."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Find the other record: name, WeChat ID, phone tail, pinyin"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.run_search)
        self.results = QListWidget()
        self.results.setObjectName("mergeResults")
        self.results.setMaximumHeight(110)
        self.results.itemActivated.connect(self._on_result_chosen)
        self.results.itemClicked.connect(self._on_result_chosen)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("mergeCompare")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.keep_first, 0)
        self.keep_group.addButton(self.keep_second, 1)
        self.keep_first.setChecked(True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep:")))
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("mergeResult")
        self.result_label.setStyleSheet("color: #15803D; font-weight: bold;")
        self.result_label.hide()

        self.buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.setObjectName("undoMerge")
        self.undo_button.setAutoDefault(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge)
        self.undo_button.clicked.connect(self.undo_merge)
        self.undo_button.hide()  # after addButton, which shows it: offered once a merge is made
        self.buttons.rejected.connect(self.reject)
        if not allowed(self._actor, "merge_members"):
            self.merge_button.setToolTip(self.tr("Only the owner or an admin may merge members"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._update_state()

    # ---- loading ----
    def _brief(self, member_id: int) -> PersonBrief | None:
        try:
            with self._database.session() as session:
                return person_brief(session, member_id)
        except QunDeskError as exc:
            show_error(self, exc)
            return None

    def _load_first(self, member_id: int) -> None:
        self.first = self._brief(member_id)
        self._fill_table()

    @Slot()
    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        self.results.clear()
        if not text:
            return
        with self._database.session() as session:
            # managers only (merge_members), who read phones whole; the roster's rule all the same, should the roles change
            query = RosterQuery(text=text, phones_hidden=not self._show_phone)
            rows = search_roster(session, query, 0, SEARCH_LIMIT)
        people: dict[int, list] = {}
        for row in rows:
            if self.first is not None and row.member_id == self.first.member_id:
                continue
            people.setdefault(row.member_id, []).append(row)
        for member_id, memberships in people.items():
            r = memberships[0]
            parts = [r.display_name]
            if r.nickname:
                parts.append(r.nickname)
            if r.wechat_id:
                parts.append(r.wechat_id)
            parts.append("、".join(dict.fromkeys(m.group_name for m in memberships)))
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, member_id)
            self.results.addItem(item)
        if not people:
            item = QListWidgetItem(self.tr("No other record matches."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def result_names(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]

    @Slot(QListWidgetItem)
    def _on_result_chosen(self, item: QListWidgetItem) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole)
        if member_id is not None:
            self.choose_other(int(member_id))

    def choose_other(self, member_id: int) -> None:
        if self.first is not None and member_id == self.first.member_id:
            return
        self.second = self._brief(member_id)
        self._fill_table()

    # ---- comparing ----
    def _rows(self, p: PersonBrief | None) -> list[str]:
        if p is None:
            return [""] * 12
        gender = {"male": self.tr("Male"), "female": self.tr("Female"), "other": self.tr("Other")}
        groups = "\n".join(
            (
                self.tr("%1 (%2, joined %3, %n check-in(s))", "", g.checkins).replace(
                    "%3", g.joined_at.strftime("%Y-%m-%d")
                )
                if g.joined_at is not None  # the earlier join date is the merged membership's: seen before the merge
                else self.tr("%1 (%2, %n check-in(s))", "", g.checkins)
            )
            .replace("%1", g.group_name)
            .replace("%2", status_label(g.status))
            for g in p.groups
        )
        phone = (p.phone or "") if self._show_phone else mask_phone(p.phone)
        return [
            p.display_name,
            groups or self.tr("No groups"),
            str(p.checkins),
            p.wechat_id or "",
            p.qq or "",
            phone,
            p.nickname or "",
            "、".join(p.tags),
            p.city or "",
            p.occupation or "",
            gender.get(p.gender or "", ""),
            p.created_at.strftime("%Y-%m-%d") if p.created_at else "",
        ]

    def _labels(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Groups"),
            self.tr("Check-ins"),
            self.tr("WeChat ID"),
            self.tr("QQ"),
            self.tr("Phone"),
            self.tr("Nickname"),
            self.tr("Tags"),
            self.tr("City"),
            self.tr("Occupation"),
            self.tr("Gender"),
            self.tr("Added on"),
        ]

    def _title(self, p: PersonBrief | None) -> str:
        if p is None:
            return self.tr("(choose the other record above)")
        return f"{p.display_name}  #{p.member_id}"

    def _fill_table(self) -> None:
        labels = self._labels()
        a, b = self._rows(self.first), self._rows(self.second)
        if len(a) < len(labels):
            a += [""] * (len(labels) - len(a))
        if len(b) < len(labels):
            b += [""] * (len(labels) - len(b))
        self.table.setHorizontalHeaderLabels(["", self._title(self.first), self._title(self.second)])
        self.table.setRowCount(len(labels))
        bold = QFont()
        bold.setBold(True)
        for row, label in enumerate(labels):
            head = QTableWidgetItem(label)
            head.setForeground(QColor("#6B7280"))
            self.table.setItem(row, 0, head)
            differs = self.second is not None and a[row] != b[row] and a[row] and b[row]
            for col, text in ((1, a[row]), (2, b[row])):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(QColor(DIFF_BACKGROUND))
                self.table.setItem(row, col, item)
        groups_row = 1  # only the groups cell holds several lines
        self.table.resizeRowToContents(groups_row)
        self.keep_first.setText(self._title(self.first))
        self.keep_second.setText(self._title(self.second))
        self._update_state()

    def _update_state(self) -> None:
        ready = self.first is not None and self.second is not None and self.summary is None
        self.merge_button.setEnabled(ready and allowed(self._actor, "merge_members"))
        self.keep_second.setEnabled(self.second is not None and self.summary is None)
        self.keep_first.setEnabled(self.summary is None)

    def compared_cell(self, row_label: str, column: int) -> str:
        """The text shown for `row_label` in column 1 (first record) or 2 (the other) — for tests."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == row_label:
                return self.table.item(row, column).text()
        raise KeyError(row_label)

    # ---- merging ----
    def keep_and_drop(self) -> tuple[PersonBrief, PersonBrief] | None:
        if self.first is None or self.second is None:
            return None
        if self.keep_second.isChecked():
            return self.second, self.first
        return self.first, self.second

    def ask_to_confirm(self, keep: PersonBrief, drop: PersonBrief) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merge records"))
        box.setText(
            self.tr("Merge %1 (#%2) into %3 (#%4)?")
            .replace("%1", drop.display_name)
            .replace("%2", str(drop.member_id))
            .replace("%3", keep.display_name)
            .replace("%4", str(keep.member_id))
        )
        conflicts = identity_conflicts(
            keep.wechat_id, keep.phone, drop.wechat_id, drop.phone, a_qq=keep.qq, b_qq=drop.qq
        )
        lines = []
        if "wechat_id" in conflicts:
            lines.append(
                self.tr("Their WeChat IDs differ: %1 and %2.")
                .replace("%1", keep.wechat_id or "")
                .replace("%2", drop.wechat_id or "")
            )
        if "phone" in conflicts:
            lines.append(
                self.tr("Their phones differ: %1 and %2.")
                .replace("%1", mask_phone(keep.phone))
                .replace("%2", mask_phone(drop.phone))
            )
        if "qq" in conflicts:
            lines.append(
                self.tr("Their QQ numbers differ: %1 and %2.").replace("%1", keep.qq or "").replace("%2", drop.qq or "")
            )
        if lines:
            box.setIcon(QMessageBox.Icon.Warning)
            lines.append(self.tr("They may be two different people."))
        # a blacklisting on either record stands (members._fold_status): said before the merge, so a new applicant's
        # record merged with a blacklisted one is not found blacklisted afterwards unexplained
        black = list(dict.fromkeys(g.group_name for p in (keep, drop) for g in p.groups if g.status == "blacklisted"))
        if black:
            box.setIcon(QMessageBox.Icon.Warning)
            lines.append(
                self.tr("Blacklisted in %1: the merged person stays blacklisted there.").replace("%1", list_text(black))
            )
        lines.append(
            self.tr(
                "Where both records have a value, %1's stays; the other's own nickname, IDs, city and occupation are"
                " added to the note."
            ).replace("%1", keep.display_name)
        )
        lines.append(
            self.tr(
                "The check-ins, points and answers of both become one person's. The merge can be undone (here, or"
                " later from the kept person's details) until either record changes."
            )
        )
        box.setInformativeText("\n".join(lines))
        ok = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel if conflicts else ok)
        self.confirm_box = box  # for tests
        box.exec()
        return box.clickedButton() is ok

    @Slot()
    def merge(self) -> None:
        pair = self.keep_and_drop()
        if pair is None or self.summary is not None:
            return
        keep, drop = pair
        if not self.confirm_merge(keep, drop):
            return
        done = run_write(
            self,
            self._database,
            merge_members,
            self._actor,
            keep.member_id,
            drop.member_id,
            changes=("members", "participation", "points", "taxonomy"),  # a merge moves everything a person has
        )
        if not done:
            return
        summary = done.value
        self.summary = summary
        self.result_label.setText(self.describe_summary(summary, keep.display_name))
        self.result_label.show()
        self.close_button.setText(self.tr("Close"))
        self.first = self._brief(keep.member_id)
        self.second = None
        self.keep_first.setChecked(True)
        self._fill_table()
        self.search_edit.setEnabled(False)
        self.results.clear()
        self.undo_button.setVisible(summary.merge_id is not None)
        self.merged.emit(keep.member_id)

    @Slot()
    def undo_merge(self) -> None:
        """Put both records back as they were before the merge (refused, saying why, once either changed)."""
        if self.summary is None or self.summary.merge_id is None:
            return
        done = run_write(
            self,
            self._database,
            undo_merge_service,
            self._actor,
            self.summary.merge_id,
            changes=("members", "participation", "points", "taxonomy"),
        )
        if not done:
            return
        kept_id, dropped_id = done.value
        self.undo_button.hide()
        self.result_label.setText(self.tr("Merge undone: the two records are separate again."))
        self.first, self.second = self._brief(kept_id), self._brief(dropped_id)
        self._fill_table()
        self.merged.emit(kept_id)  # the same refresh: both records changed

    def describe_summary(self, s: MergeSummary, name: str) -> str:
        parts = [
            self.tr("Merged into %1.").replace("%1", name),
            self.tr("%n membership(s) moved", "", s.memberships_moved),
            self.tr("%n membership(s) combined", "", s.memberships_merged),
            self.tr("%n check-in(s) moved", "", s.checkins_moved),
            self.tr("%n same-day duplicate check-in(s) dropped", "", s.checkins_dropped_as_duplicates),
        ]
        if s.became_members:  # the combined record has done every required entry step
            parts.append(
                self.tr("every entry step done: now a member of %1").replace("%1", list_text(s.became_members))
            )
        if current_language().startswith("zh"):
            return parts[0] + "；".join(parts[1:]) + "。"
        return parts[0] + " " + "; ".join(parts[1:]) + "."
