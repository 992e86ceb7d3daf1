"""The worker form: identity, employer and programme, language and licence, skills per task
with their level and date, and preferences per task from -2 to +2."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.codes import DUTCH_LEVELS, PROGRAMMES, SKILL_LEVELS, SOCIAL_ECONOMY_KINDS
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.rules.worker import SkillData, WorkerData
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.workers import delete_worker, get_worker, save_worker
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.date_edit import TOOLTIP as DATE_TOOLTIP
from zorgkoppel.ui.date_edit import OptionalDateEdit
from zorgkoppel.ui.display import dutch_level_text
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.record_form import RecordForm
from zorgkoppel.ui.row_table import RowWidgetsTable
from zorgkoppel.ui.task_names import TaskNames

PREFERENCE_LABELS: dict[int, str] = {
    -2: N_("−2 dislikes strongly"),
    -1: N_("−1 rather not"),
    0: N_("0 no preference"),
    1: N_("+1 likes"),
    2: N_("+2 likes a lot"),
}
SKILL_TASK, SKILL_LEVEL, SKILL_SINCE = range(3)


def _row_number(rest: str) -> str:
    """`[1].level` → `2` (rows are numbered from 1 on screen)."""
    try:
        return str(int(rest[1:rest.index("]")]) + 1)
    except ValueError:
        return rest


class SkillsTable(RowWidgetsTable):
    """One row per skill: task, level, since. Cell editors are combo boxes and a date."""

    def __init__(self, task_choices: Callable[[], list[tuple[str, str]]],
                 on_change: Callable[[], None]) -> None:
        super().__init__(3, on_change, "skills", min_height=150)
        self._task_choices = task_choices
        header = self.horizontalHeader()
        header.setSectionResizeMode(SKILL_TASK, QHeaderView.ResizeMode.Stretch)
        # Cell widgets do not size their columns: give level and date the room they need.
        header.setSectionResizeMode(SKILL_LEVEL, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(SKILL_SINCE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SKILL_LEVEL, CodeCombo(code_choices(SKILL_LEVELS)).sizeHint().width())
        header.resizeSection(SKILL_SINCE, OptionalDateEdit().sizeHint().width() + 8)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_("Task"), _("Level"), _("Since")])
        for row in range(self.rowCount()):
            for column in (SKILL_TASK, SKILL_LEVEL):
                combo = self.cellWidget(row, column)
                if isinstance(combo, CodeCombo):
                    combo.reload()

    def add_skill(self, skill: SkillData | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        task = CodeCombo(self._task_choices)
        task.setObjectName(f"skill_task_{row}")
        level = CodeCombo(code_choices(SKILL_LEVELS))
        level.setObjectName(f"skill_level_{row}")
        since = OptionalDateEdit()
        since.setObjectName(f"skill_since_{row}")
        if skill is not None:
            task.set_code(skill.task)
            level.set_code(skill.level)
            since.set_date_value(skill.since)
        else:
            level.set_code("learning")
        self.setCellWidget(row, SKILL_TASK, task)
        self.setCellWidget(row, SKILL_LEVEL, level)
        self.setCellWidget(row, SKILL_SINCE, since)
        self.setRowHeight(row, max(task.sizeHint().height(), since.sizeHint().height()) + 4)
        task.currentIndexChanged.connect(lambda _i: self._on_change())
        level.currentIndexChanged.connect(lambda _i: self._on_change())
        since.dateChanged.connect(lambda _d: self._on_change())
        return row

    def set_skills(self, skills: list[SkillData]) -> None:
        self.setRowCount(0)
        for skill in skills:
            self.add_skill(skill)

    def skills(self) -> list[SkillData]:
        result = []
        for row in range(self.rowCount()):
            task = self.cellWidget(row, SKILL_TASK)
            level = self.cellWidget(row, SKILL_LEVEL)
            since = self.cellWidget(row, SKILL_SINCE)
            assert isinstance(task, CodeCombo) and isinstance(level, CodeCombo)
            assert isinstance(since, OptionalDateEdit)
            result.append(SkillData(task.code() or "", level.code() or "", since.date_value()))
        return result


class PreferencesEditor(QWidget):
    """A choice from -2 to +2 per task, in two columns."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("preferences")
        self._on_change = on_change
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self.combos: dict[str, QComboBox] = {}
        self._captions: dict[str, QLabel] = {}

    def set_tasks(self, tasks: list[tuple[str, str]]) -> None:
        """(code, label) of every task; keeps the chosen values of tasks that stay."""
        values = self.preferences()
        for widget in [*self.combos.values(), *self._captions.values()]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.combos, self._captions = {}, {}
        half = (len(tasks) + 1) // 2
        for position, (code, text) in enumerate(tasks):
            caption = QLabel(text)
            combo = QComboBox()
            combo.setObjectName(f"preference_{code}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            for weight, msgid in PREFERENCE_LABELS.items():
                combo.addItem(_(msgid), weight)
            combo.setCurrentIndex(combo.findData(values.get(code, 0)))
            caption.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i: self._on_change())
            row, column = position % half, (position // half) * 2
            self._grid.addWidget(caption, row, column)
            self._grid.addWidget(combo, row, column + 1)
            self.combos[code] = combo
            self._captions[code] = caption

    def set_preferences(self, preferences: dict[str, int]) -> None:
        for code, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(preferences.get(code, 0)))

    def preferences(self) -> dict[str, int]:
        # No preference (0) is not stored: the absence of a row says the same.
        return {
            code: int(combo.currentData())
            for code, combo in self.combos.items()
            if combo.currentData()
        }


class WorkerForm(RecordForm):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._name = ""
        self.task_names = TaskNames(ctx)
        self.first_name = QLineEdit()
        self.first_name.setObjectName("first_name")
        self.last_name = QLineEdit()
        self.last_name.setObjectName("last_name")
        self.employer = CodeCombo(self._employers, N_("(choose)"))
        self.employer.setObjectName("employer")
        self.programme = CodeCombo(code_choices(PROGRAMMES))
        self.programme.setObjectName("programme")
        self.integration_start = OptionalDateEdit()
        self.integration_start.setObjectName("integration_start")
        self.dutch_level = CodeCombo(
            lambda: [(level, dutch_level_text(level)) for level in DUTCH_LEVELS], N_("(unknown)")
        )
        self.dutch_level.setObjectName("dutch_level")
        self.driving_licence = QCheckBox()
        self.driving_licence.setObjectName("driving_licence")
        self.texts.bind(self.driving_licence.setText, N_("Has a driving &licence"))
        self.texts.bind(self.integration_start.setToolTip, DATE_TOOLTIP)

        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.field_row(fields, N_("&First name:"), self.first_name, "first_name")
        self.field_row(fields, N_("L&ast name:"), self.last_name, "last_name")
        self.field_row(fields, N_("E&mployer:"), self.employer, "employer")
        self.field_row(fields, N_("&Programme:"), self.programme, "programme")
        self.field_row(fields, N_("&Integration started:"), self.integration_start,
                       "integration_start")
        self.field_row(fields, N_("&Dutch level:"), self.dutch_level, "dutch_level")
        fields.addRow("", self.driving_licence)

        self.skills = SkillsTable(self.task_names.choices, self.mark_changed)
        self.add_skill_button = QPushButton()
        self.add_skill_button.setObjectName("add_skill")
        self.remove_skill_button = QPushButton()
        self.remove_skill_button.setObjectName("remove_skill")
        self.texts.bind(self.add_skill_button.setText, N_("Add s&kill"))
        self.texts.bind(self.remove_skill_button.setText, N_("Remove skill"))
        self.add_skill_button.clicked.connect(self._add_skill)
        self.remove_skill_button.clicked.connect(self.skills.remove_current)
        self.skills_error = error_label()
        self.skills_error.setObjectName("error_skills")
        self.errors.add("skills", self.skills_error, self._describe_skill_problem)

        self.preferences = PreferencesEditor(self.mark_changed)
        self.preferences_error = error_label()
        self.preferences_error.setObjectName("error_preferences")
        self.errors.add("preferences", self.preferences_error)

        skills_title = QLabel()
        preferences_title = QLabel()
        for title in (skills_title, preferences_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self.texts.bind(skills_title.setText, N_("Skills"))
        skills_title.setBuddy(self.skills)
        self.texts.bind(preferences_title.setText, N_("Preferences per task"))
        skill_buttons = QHBoxLayout()
        skill_buttons.addWidget(self.add_skill_button)
        skill_buttons.addWidget(self.remove_skill_button)
        skill_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.general_error)
        layout.addLayout(fields)
        layout.addSpacing(8)
        layout.addWidget(skills_title)
        layout.addWidget(self.skills)
        layout.addLayout(skill_buttons)
        layout.addWidget(self.skills_error)
        layout.addSpacing(8)
        layout.addWidget(preferences_title)
        layout.addWidget(self.preferences)
        layout.addWidget(self.preferences_error)

        self.watch(self.first_name, self.last_name, self.employer, self.programme,
                   self.integration_start, self.dutch_level, self.driving_licence)
        self.texts.on_retranslate(self._retranslate_choices)
        self.reload_choices()
        self.load(None)

    def _employers(self) -> list[tuple[str, str]]:
        return [
            (o.id, o.name)
            for o in list_organisations(self.ctx)
            if o.kind in SOCIAL_ECONOMY_KINDS
        ]

    def reload_choices(self) -> None:
        """Employers and tasks may have changed (import, another screen)."""
        self.task_names.reload()
        self._loading = True
        try:
            self.employer.reload()
            self.preferences.set_tasks(self.task_names.choices())
        finally:
            self._loading = False

    def _retranslate_choices(self) -> None:
        self._loading = True
        try:
            for combo in (self.employer, self.programme, self.dutch_level):
                combo.reload()
            self.skills.retranslate()
            self.preferences.set_tasks(self.task_names.choices())
        finally:
            self._loading = False

    def _add_skill(self) -> None:
        row = self.skills.add_skill()
        self.skills.setCurrentCell(row, SKILL_TASK)
        widget = self.skills.cellWidget(row, SKILL_TASK)
        if widget is not None:
            widget.setFocus()
        self.mark_changed()

    @staticmethod
    def _describe_skill_problem(rest: str, message: str) -> str:
        return _("Skill {row}: {message}").format(row=_row_number(rest), message=message)

    def fill(self, record_id: str | None) -> None:
        if record_id is None:
            self._name = ""
            data = WorkerData("", "", "", "custom_work")
        else:
            detail = get_worker(self.ctx, record_id)
            self._name = detail.worker.full_name
            self.loaded_version = detail.worker.version
            data = detail.as_data()
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.employer.set_code(data.employer_id or None)
        self.programme.set_code(data.programme)
        self.integration_start.set_date_value(data.integration_start)
        self.dutch_level.set_code(data.dutch_level)
        self.driving_licence.setChecked(data.driving_licence)
        self.skills.set_skills(data.skills)
        self.preferences.set_preferences(data.preferences)

    def data(self) -> WorkerData:
        return WorkerData(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            employer_id=self.employer.code() or "",
            programme=self.programme.code() or "",
            integration_start=self.integration_start.date_value(),
            dutch_level=self.dutch_level.code(),
            driving_licence=self.driving_licence.isChecked(),
            skills=self.skills.skills(),
            preferences=self.preferences.preferences(),
        )

    def write(self) -> tuple[str, Changes]:
        outcome = save_worker(self.ctx, self.data(), self.record_id,
                              expected_version=self.loaded_version)
        return outcome.value.id, outcome.changes

    def conflict_sections(self) -> tuple[str, ...]:
        return ("workers",)

    def remove(self, record_id: str) -> Changes:
        return delete_worker(self.ctx, record_id)

    def heading_text(self) -> str:
        return self._name if self.record_id else _("New worker")

    def focus_first(self) -> None:
        self.first_name.setFocus()
