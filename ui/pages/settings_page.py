"""SettingsPage: the UI language (kept in QSettings, applies on restart), the workspace settings declared in
desktop/settings.py (kept in the database, shared by the team) and where the workspace lives."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError, ValidationError
from desktop.services.operators import Actor, allowed
from desktop.settings import SETTINGS, get_setting, set_setting
from ui.messages import current_language, localise_message, operator_text, show_error

LANGUAGE_KEY = "ui/language"
LANGUAGES: tuple[tuple[str, str], ...] = (("zh_CN", "中文"), ("en", "English"))  # endonyms: never translated

# How to show a new workspace setting: add its English label here (then `make lupdate` and translate it).
SETTING_LABELS: dict[str, str] = {
    "stalled_days": QT_TRANSLATE_NOOP("SettingsPage", "Onboarding counts as stalled after"),
    "dormant_days": QT_TRANSLATE_NOOP("SettingsPage", "A member is dormant after no participation for"),
    "newcomer_days": QT_TRANSLATE_NOOP("SettingsPage", "Flag a silent newcomer after"),
    "zombie_active_share": QT_TRANSLATE_NOOP("SettingsPage", "Zombie group when the 7-day active share is below"),
    "zombie_idle_days": QT_TRANSLATE_NOOP("SettingsPage", "Zombie group after no participation for"),
    "capacity_warn_share": QT_TRANSLATE_NOOP("SettingsPage", "Warn when a group is this full"),
    "violations_flag_count": QT_TRANSLATE_NOOP("SettingsPage", "Flag a member after this many violations"),
    "violations_window_days": QT_TRANSLATE_NOOP("SettingsPage", "Count violations within the last"),
    "backups_keep": QT_TRANSLATE_NOOP("SettingsPage", "Automatic backups to keep"),
}


def setting_label(key: str) -> str:
    source = SETTING_LABELS.get(key)
    if source:
        return QCoreApplication.translate("SettingsPage", source)
    return localise_message(SETTINGS[key].label)


class SettingsPage(QWidget):
    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._database = database
        self._actor = actor
        self.spins: dict[str, QSpinBox] = {}

        # ---- language ----
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        stored = QSettings().value(LANGUAGE_KEY) or current_language()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(stored)))
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel(self.tr("The new language applies the next time QunDesk starts."))
        self.language_note.setObjectName("hint")
        self.language_note.setVisible(self.language_combo.currentData() != current_language())
        lang_box = QGroupBox(self.tr("Language"))
        lf = QFormLayout(lang_box)
        lf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo.setMinimumWidth(180)
        lf.addRow(self.tr("Display language"), self.language_combo)
        lf.addRow("", self.language_note)

        # ---- workspace settings ----
        ws_box = QGroupBox(self.tr("Workspace rules (shared by everyone using this workspace)"))
        wf = QFormLayout(ws_box)
        wf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        with database.session() as session:
            values = {key: get_setting(session, key) for key in SETTINGS}
        for key, spec in SETTINGS.items():
            spin = QSpinBox()
            spin.setObjectName(f"setting_{key}")
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            spin.setFixedWidth(140)
            if spec.type is float:  # shares are edited as whole percentages
                spin.setRange(round((spec.minimum or 0) * 100), round((spec.maximum or 1) * 100))
                spin.setSuffix(" %")
                spin.setValue(round(values[key] * 100))
            else:
                spin.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
                if key.endswith("_days"):
                    spin.setSuffix(self.tr(" days"))
                spin.setValue(int(values[key]))
            self.spins[key] = spin
            wf.addRow(setting_label(key), spin)
        self.save_button = QPushButton(self.tr("Save workspace rules"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        wf.addRow("", self._wrap(row))
        if not allowed(actor, "edit_groups"):
            for spin in self.spins.values():
                spin.setEnabled(False)
            self.save_button.setEnabled(False)
            self.saved_label.setText(self.tr("Only the owner or an admin may change these."))

        # ---- workspace location ----
        where_box = QGroupBox(self.tr("Workspace"))
        gf = QFormLayout(where_box)
        self.database_edit = QLineEdit(database_display(database))
        self.database_edit.setReadOnly(True)
        gf.addRow(self.tr("Database"), self.database_edit)
        gf.addRow(self.tr("Operator"), QLabel(operator_text(actor.name, actor.role)))

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(lang_box)
        layout.addWidget(ws_box)
        layout.addWidget(where_box)
        layout.addStretch(1)
        content.setMaximumWidth(820)
        sheet = QWidget()  # white across the whole page; the content keeps a readable width on the left
        sheet.setObjectName("settingsContent")
        row_layout = QHBoxLayout(sheet)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(content, 1)
        row_layout.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(sheet)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    @Slot()
    def _on_language_changed(self) -> None:
        code = self.language_combo.currentData()
        QSettings().setValue(LANGUAGE_KEY, code)
        self.language_note.setVisible(code != current_language())

    def values(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {}
        for key, spin in self.spins.items():
            out[key] = spin.value() / 100 if SETTINGS[key].type is float else spin.value()
        return out

    @Slot()
    def save(self) -> None:
        try:
            with self._database.session() as session:
                for key, value in self.values().items():
                    set_setting(session, key, value)
                session.commit()
        except ValidationError as exc:
            show_error(self, f"{setting_label(exc.field) if exc.field in SETTINGS else exc.field}: {exc.message}")
            return
        except QunDeskError as exc:
            show_error(self, exc)
            return
        self.saved_label.setText(self.tr("Saved."))


def database_display(database) -> str:
    """The workspace's database for people: a file path, or the URL without its password."""
    url = database.engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)
