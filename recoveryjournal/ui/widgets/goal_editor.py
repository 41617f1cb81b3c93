"""One goal: your words, why it matters, small steps with who does what, a positive risk, progress notes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.goals import STATUSES, Goal, PositiveRisk
from recoveryjournal.i18n import N_, Texts, _, day
from recoveryjournal.ui.charts.figure_view import FigureView
from recoveryjournal.ui.widgets.steps_table import StepsTable

_TEXT = Texts(
    {
        "progress_chart": N_("Progress chart"),
        "title": N_("My goal, in my own words"),
        "why": N_("Why it matters to me"),
        "status": N_("Where it's at"),
        "review": N_("Talk about this at my next appointment"),
        "steps": N_("Small steps"),
        "add_step": N_("Add a step"),
        "remove_step": N_("Remove step"),
        "risk": N_("A risk I choose to take (if there is one)"),
        "risk_what": N_("The risk"),
        "risk_why": N_("Why it's worth it to me"),
        "risk_wrong": N_("What could go wrong"),
        "risk_helps": N_("What would help"),
        "risk_who": N_("Who supports me"),
        "progress": N_("{done} of {total} steps done"),
        "no_steps": N_("No steps yet. Small ones are good."),
        "notes": N_("How it's going"),
        "note_placeholder": N_("A few words about how it's going, then press Enter"),
    }
)


def _small_text(parent: QWidget, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setMaximumHeight(60)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(placeholder)
    return box


class GoalEditor(QWidget):
    """Plain values in and out; `changed` on any edit, `note_added(text)` when a progress note is entered."""

    changed = Signal()
    note_added = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal_id: int | None = None
        self._goal_for_progress = Goal(None, "")
        self._loading = False
        self._setup_ui()

    def set_goal(self, goal: Goal) -> None:
        """Show a goal (or a new one)."""
        self._loading = True
        self._goal_id = goal.id
        self.title.setText(goal.title)
        self.why.setPlainText(goal.why)
        self.status.setCurrentIndex(max(0, self.status.findData(goal.status)))
        self.review.setChecked(goal.review_next_appointment)
        self.steps.set_steps(goal.steps)
        r = goal.risk
        for box, value in zip(self.risk_boxes, (r.risk, r.why_worth_it, r.could_go_wrong, r.what_helps, r.who_supports),
                              strict=True):  # fmt: skip
            box.setPlainText(value)
        self.notes.clear()
        for note in goal.notes:
            self.notes.addItem(f"{day(note.date, 'short')} · {note.text}")
        self.note_edit.setEnabled(goal.id is not None)
        self._goal_for_progress = goal
        self._show_progress(goal)
        self._loading = False

    def goal(self, *, lenient: bool = False, unreadable: list[tuple[int, str, str]] | None = None) -> Goal:
        """The goal as typed; `lenient` (when locking) keeps a step's unreadable date as words (services/repairs);
        with `unreadable`, such a step has no date and is listed there (see StepsTable.steps)."""
        risk = PositiveRisk(*(box.toPlainText().strip() for box in self.risk_boxes))
        title, steps = self.title.text(), self.steps.steps(lenient=lenient, unreadable=unreadable)
        return Goal(self._goal_id, title, self.why.toPlainText().strip(), self.status.currentData(),
                    self.review.isChecked(), steps, risk)  # fmt: skip

    def showEvent(self, event: object) -> None:
        """The progress chart is drawn when the goal is first seen (matplotlib loads only then)."""
        super().showEvent(event)  # type: ignore[arg-type]
        self._show_progress(self._goal_for_progress)

    def clear(self) -> None:
        """Empty every field (locking)."""
        self.set_goal(Goal(None, ""))

    def _show_progress(self, goal: Goal) -> None:
        total = len(goal.steps)
        self.progress_label.setText(
            _TEXT["progress"].format(done=goal.steps_done, total=total) if total else _TEXT["no_steps"]
        )
        if total and self.isVisible():
            from recoveryjournal.services.charts import draw_progress_figure

            dark = QApplication.palette().window().color().lightness() < 128
            figure = draw_progress_figure(goal.steps_done, total - goal.steps_done, dark=dark)
            self.progress.show_figure(figure, description=self.progress_label.text())
        else:
            self.progress.clear()

    def _setup_ui(self) -> None:
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(_TEXT["title"])
        self.title.setAccessibleName(_TEXT["title"])
        self.why = _small_text(self, _TEXT["why"])
        self.status = QComboBox(self)
        self.status.setAccessibleName(_TEXT["status"])
        for key, label in ((k, _(w)) for k, w in STATUSES.items()):
            self.status.addItem(label, key)
        self.review = QCheckBox(_TEXT["review"], self)
        self.steps = StepsTable(self)
        add, remove = QPushButton(_TEXT["add_step"], self), QPushButton(_TEXT["remove_step"], self)
        self.add_step_button = add
        self.progress = FigureView(self)
        self.progress.setAccessibleName(_TEXT["progress_chart"])
        self.progress.canvas_min_height(50)
        self.progress.setMaximumHeight(80)
        self.progress_label = QLabel(self)
        self.risk_boxes = [
            _small_text(self, _TEXT[k]) for k in ("risk_what", "risk_why", "risk_wrong", "risk_helps", "risk_who")
        ]
        risk_group = QGroupBox(_TEXT["risk"], self)
        risk_form = QFormLayout(risk_group)
        for key, box in zip(
            ("risk_what", "risk_why", "risk_wrong", "risk_helps", "risk_who"), self.risk_boxes, strict=True
        ):
            risk_form.addRow(_TEXT[key], box)
        self.notes = QListWidget(self)
        self.notes.setMaximumHeight(90)
        self.notes.setAccessibleName(_TEXT["notes"])
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(_TEXT["note_placeholder"])
        self.note_edit.setAccessibleName(_TEXT["note_placeholder"])

        form = QFormLayout()
        form.addRow(_TEXT["why"], self.why)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.review)
        status_row.addStretch(1)
        status_label = QLabel(_TEXT["status"], self)
        status_label.setBuddy(self.status)  # read with the choice, not only its value (AT-SPI "labelled by")
        form.addRow(status_label, status_row)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(QLabel(f"<b>{_TEXT['steps']}</b>", self))
        step_buttons.addWidget(self.progress_label)
        step_buttons.addStretch(1)
        step_buttons.addWidget(add)
        step_buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(step_buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps, 1)
        layout.addWidget(risk_group)
        layout.addWidget(QLabel(f"<b>{_TEXT['notes']}</b>", self))
        layout.addWidget(self.note_edit)
        layout.addWidget(self.notes)

        for signal in (self.title.textEdited, self.why.textChanged, self.status.currentIndexChanged,
                       self.review.toggled, self.steps.changed, *(b.textChanged for b in self.risk_boxes)):  # fmt: skip
            signal.connect(self._on_edited)
        add.clicked.connect(self.steps.add_step)
        remove.clicked.connect(self.steps.remove_current)
        self.note_edit.returnPressed.connect(self._on_note_entered)

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_note_entered(self) -> None:
        text = self.note_edit.text().strip()
        if text:
            self.note_edit.clear()
            self.note_added.emit(text)
