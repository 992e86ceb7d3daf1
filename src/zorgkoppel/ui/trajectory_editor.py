"""A worker's transition trajectory: the four phases with their dates, fees indexed to the
health index, phases past their longest duration, the guidance hours counted toward 140,
and the outcome."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zorgkoppel.core.codes import TRAJECTORY_OUTCOMES, TRAJECTORY_PHASES
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import EditConflict, ZorgkoppelError
from zorgkoppel.core.rules.trajectory import TrajectoryData, TrajectoryPhaseData
from zorgkoppel.core.services.index_values import list_index_values
from zorgkoppel.core.services.organisations import list_organisations
from zorgkoppel.core.services.trajectories import get_trajectory, list_trajectories, save_trajectory
from zorgkoppel.core.services.trajectory_fees import (
    GUIDANCE_TARGET_MINUTES,
    PhaseFee,
    phase_fees,
    trajectory_fees,
)
from zorgkoppel.core.services.workers import get_worker
from zorgkoppel.i18n import N_, _
from zorgkoppel.ui.auto_lock import keep_open_while_locked
from zorgkoppel.ui.code_combo import CodeCombo, code_choices
from zorgkoppel.ui.date_edit import OptionalDateEdit
from zorgkoppel.ui.display import date_text, money_text
from zorgkoppel.ui.edit_conflict_dialog import Resolution, resolve_conflict
from zorgkoppel.ui.field_errors import error_label
from zorgkoppel.ui.forms.record_form import problems_of
from zorgkoppel.ui.look import WARNING, muted, set_text_colour
from zorgkoppel.ui.texts import Texts

PHASES = tuple(TRAJECTORY_PHASES)


class PhaseRow:
    """The widgets of one phase: used or not, start, end, and the computed figures."""

    def __init__(self, phase: str) -> None:
        self.phase = phase
        self.used = QCheckBox()
        self.used.setObjectName(f"phase_{phase}")
        self.start = OptionalDateEdit()
        self.start.setObjectName(f"start_{phase}")
        self.end = OptionalDateEdit()
        self.end.setObjectName(f"end_{phase}")
        self.latest = QLabel()
        self.fee = QLabel()
        self.indexed = QLabel()
        self.indexed.setObjectName(f"indexed_{phase}")
        self.overrun = QLabel()
        self.overrun.setObjectName(f"overrun_{phase}")

    def data(self) -> TrajectoryPhaseData | None:
        if not self.used.isChecked():
            return None
        return TrajectoryPhaseData(self.phase, self.start.date_value(), self.end.date_value())


class TrajectoryDialog(QDialog):
    def __init__(
        self, ctx: ServiceContext, worker_id: str, parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        keep_open_while_locked(self)
        self.setObjectName("trajectory_dialog")
        self.ctx = ctx
        self.worker_id = worker_id
        self.today = today or dt.date.today()
        self.texts = Texts()
        self.trajectory_id: str | None = None
        worker = get_worker(ctx, worker_id).worker
        self.setWindowTitle(_("Transition trajectory – {name}").format(name=worker.full_name))

        self.provider = CodeCombo(self._enterprises, N_("(none)"))
        self.provider.setObjectName("provider")
        self.target = CodeCombo(self._facilities, N_("(none)"))
        self.target.setObjectName("target_employer")
        self.base_month = QLineEdit()
        self.base_month.setObjectName("index_base_month")
        self.base_month.setPlaceholderText("YYYY-MM")
        self.outcome = CodeCombo(code_choices(TRAJECTORY_OUTCOMES), N_("(still running)"))
        self.outcome.setObjectName("outcome")
        form = QFormLayout()
        for caption, widget in (
            (N_("&Provider:"), self.provider),
            (N_("&Target employer:"), self.target),
            (N_("Index &base month:"), self.base_month),
            (N_("&Outcome:"), self.outcome),
        ):
            caption_label = QLabel()
            self.texts.bind(caption_label.setText, caption)
            caption_label.setBuddy(widget)
            form.addRow(caption_label, widget)

        grid = QGridLayout()
        headers = (N_("Phase"), N_("Start"), N_("End"), N_("Longest until"), N_("Fee"),
                   N_("Indexed fee"), "")
        for column, msgid in enumerate(headers):
            header = QLabel()
            if msgid:
                self.texts.bind(header.setText, msgid)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        self.rows = {phase: PhaseRow(phase) for phase in PHASES}
        for line, row in enumerate(self.rows.values(), start=1):
            self.texts.bind(row.used.setText, TRAJECTORY_PHASES[row.phase])
            for column, widget in enumerate((row.used, row.start, row.end, row.latest, row.fee,
                                             row.indexed, row.overrun)):
                grid.addWidget(widget, line, column)
            row.used.toggled.connect(self.recompute)
            row.start.dateChanged.connect(self.recompute)
            row.end.dateChanged.connect(self.recompute)
        self.base_month.textChanged.connect(self.recompute)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.guidance = QProgressBar()
        self.guidance.setObjectName("guidance")
        self.guidance.setRange(0, GUIDANCE_TARGET_MINUTES)
        self.guidance_label = QLabel()
        muted(self.guidance_label)
        self.error = error_label()
        self.error.setObjectName("error")

        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.texts.bind(self.save_button.setText, N_("Save"))
        self.save_button.clicked.connect(self.save)
        self.index_button = QPushButton()
        self.index_button.setObjectName("index_values")
        self.texts.bind(self.index_button.setText, N_("Health index values…"))
        self.index_button.clicked.connect(self.edit_index_values)
        buttons = QHBoxLayout()
        buttons.addWidget(self.index_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.totals)
        layout.addWidget(self.guidance_label)
        layout.addWidget(self.guidance)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        existing = list_trajectories(ctx, worker_id=worker_id)
        self.load(existing[-1].id if existing else None)

    def _enterprises(self) -> list[tuple[str, str]]:
        return [(o.id, o.name) for o in list_organisations(self.ctx)
                if o.kind in ("custom_work", "local_services")]

    def _facilities(self) -> list[tuple[str, str]]:
        return [(o.id, o.name) for o in list_organisations(self.ctx) if o.kind == "care_facility"]

    def load(self, trajectory_id: str | None) -> None:
        self.trajectory_id = trajectory_id
        detail = get_trajectory(self.ctx, trajectory_id) if trajectory_id else None
        data = detail.data if detail else TrajectoryData(self.worker_id)
        # Sent with the save, so a trajectory someone changed meanwhile is not overwritten.
        self.loaded_version = detail.trajectory.version if detail else None
        self.provider.set_code(data.provider_id)
        self.target.set_code(data.target_employer_id)
        self.base_month.setText(data.index_base_month or "")
        self.outcome.set_code(data.outcome)
        phases = {p.phase: p for p in data.phases}
        for phase, row in self.rows.items():
            found = phases.get(phase)
            row.used.setChecked(found is not None)
            row.start.set_date_value(found.start if found else None)
            row.end.set_date_value(found.end if found else None)
        minutes = trajectory_fees(self.ctx, trajectory_id, self.today).guidance_minutes \
            if trajectory_id else 0
        self.guidance.setValue(min(minutes, GUIDANCE_TARGET_MINUTES))
        self.guidance_label.setText(_("Guidance: {hours} of {target} hours").format(
            hours=f"{minutes / 60:.1f}", target=GUIDANCE_TARGET_MINUTES // 60))
        self.error.clear()
        self.recompute()

    def data(self) -> TrajectoryData:
        return TrajectoryData(
            worker_id=self.worker_id,
            provider_id=self.provider.code(),
            target_employer_id=self.target.code(),
            index_base_month=self.base_month.text().strip() or None,
            phases=[p for p in (row.data() for row in self.rows.values()) if p is not None],
            outcome=self.outcome.code(),
        )

    def recompute(self, *_args: object) -> None:
        """Fees and overruns as the form stands, before saving."""
        data = self.data()
        values = [(v.month, Decimal(v.value)) for v in list_index_values(self.ctx)]
        computed: dict[str, PhaseFee] = {}
        if data.index_base_month is None or len(data.index_base_month) == 7:
            computed = {p.phase: p for p in phase_fees(data, values, self.today)}
        total = Decimal("0.00")
        total_indexed: Decimal | None = Decimal("0.00")
        for phase, row in self.rows.items():
            fee = computed.get(phase)
            row.start.setEnabled(row.used.isChecked())
            row.end.setEnabled(row.used.isChecked())
            if fee is None:
                for widget in (row.latest, row.fee, row.indexed, row.overrun):
                    widget.clear()
                continue
            row.latest.setText(date_text(fee.latest_end))
            row.fee.setText(money_text(fee.fee))
            row.indexed.setText(money_text(fee.indexed_fee) if fee.indexed_fee is not None
                                else _("index unknown"))
            row.overrun.setText(_("runs too long") if fee.overrun else "")
            set_text_colour(row.overrun, WARNING if fee.overrun else None)
            total += fee.fee
            total_indexed = (None if total_indexed is None or fee.indexed_fee is None
                             else total_indexed + fee.indexed_fee)
        self.totals.setText(_("Total: {fee}, indexed {indexed}").format(
            fee=money_text(total),
            indexed=money_text(total_indexed) if total_indexed is not None
            else _("index unknown")))

    def save(self) -> bool:
        try:
            outcome = save_trajectory(self.ctx, self.data(), self.trajectory_id,
                                      expected_version=self.loaded_version)
        except EditConflict as conflict:
            return self._resolve(conflict)
        except ZorgkoppelError as error:
            self.error.setText("\n".join(str(p) for p in problems_of(error)))
            return False
        self.load(outcome.value.id)
        return True

    def _resolve(self, conflict: EditConflict) -> bool:
        """Keep mine / merge save, take theirs reloads; cancelled, the edits stay."""
        try:
            resolution = resolve_conflict(self, self.ctx, conflict)
        except ZorgkoppelError as error:
            self.error.setText("\n".join(str(p) for p in problems_of(error)))
            return False
        if resolution is Resolution.CANCEL:
            self.error.setText(conflict.text())
            return False
        self.load(conflict.record_id)
        return True

    def edit_index_values(self) -> None:
        from zorgkoppel.ui.trajectory_index_values import IndexValuesDialog

        dialog = IndexValuesDialog(self.ctx, self)
        dialog.finished.connect(lambda _code: self.recompute())
        dialog.show()
        self.index_dialog = dialog
