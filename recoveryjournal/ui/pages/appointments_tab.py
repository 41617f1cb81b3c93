"""Getting ready for an appointment: my agenda goes out; what we agreed comes back as goal steps."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.appointments import Agreement, Appointment
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, _, day
from recoveryjournal.services.journal_parts import HasAppointments
from recoveryjournal.services.plan_documents import agenda_pdf_document
from recoveryjournal.ui.export.save_pdf import ask_and_save_pdf
from recoveryjournal.ui.pages.list_editor_tab import ID_ROLE, ListEditorTab
from recoveryjournal.ui.widgets.agreements_table import AgreementsTable
from recoveryjournal.ui.widgets.common import date_box, label_choice, show_message

_TEXT = Texts(
    {
        "date": N_("Date of the appointment"),
        "time": N_("Time of the appointment"),
        "goal_box": N_("Goal for the chosen agreement"),
        "new": N_("New appointment"),
        "with": N_("Who with"),
        "talk": N_("Things I want to talk about (one per line)"),
        "goals": N_("Goals to review"),
        "support": N_("Support I'd like to change"),
        "agreed": N_("After the appointment: what we agreed"),
        "add_agreed": N_("Add"),
        "to_step": N_("Make it a step of:"),
        "step_made": N_("Added as a step of “{goal}”, with who does it as agreed."),
        "save": N_("Save"),
        "saved": N_("Saved."),
        "pdf": N_("Save my agenda as PDF…"),
        "notes": N_("Notes after the appointment"),
        "empty": N_("No appointments yet. When one is coming up, add it here and build your own agenda."),
    }
)


class AppointmentsTab(ListEditorTab[HasAppointments]):
    """A list of appointments and one open for editing; saved on Save, on switching and on lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: Appointment | None = None
        self._setup_ui()

    def _show_journal(self, session: HasAppointments) -> None:
        """Show this journal's appointments."""
        self._reload(None)

    def _forget_journal(self) -> None:
        """Forget everything shown (locking)."""
        self._current = None
        self.list.clear()
        self._fill(Appointment(None, dt.date.today()))
        self.goals.clear()
        show_message(self.message, "")

    def _save_typed(self, session: HasAppointments, lenient: bool) -> None:
        """Save the open appointment (it changed)."""
        self._current = session.appointments.save(self._typed())
        self.mark_unsaved(False)
        self._reload(self._current.id)

    def new_appointment(self) -> None:
        """A fresh appointment a week from today, with goals marked for review already ticked."""
        if not self.save() or self._session is None:
            return
        marked = tuple(int(g.id or 0) for g in self._session.goals.for_review())
        self._current = Appointment(None, dt.date.today() + dt.timedelta(days=7), goal_ids=marked)
        self._fill(self._current)
        self.mark_unsaved()
        self.with_whom.setFocus()

    # Internals --------------------------------------------------------------------------
    def _typed(self) -> Appointment:
        d, t = self.date.date(), self.time.time()
        goal_ids = tuple(int(self.goals.item(i).data(ID_ROLE)) for i in range(self.goals.count())
                         if self.goals.item(i).checkState() == Qt.CheckState.Checked)  # fmt: skip
        return Appointment(
            self._current.id if self._current else None, dt.date(d.year(), d.month(), d.day()),
            dt.time(t.hour(), t.minute()), self.with_whom.text().strip(), self.talk.toPlainText(),
            self.support.toPlainText(), goal_ids, self.agreed.agreements(), self.notes.toPlainText(),
        )  # fmt: skip

    def _fill(self, a: Appointment) -> None:
        for widget in (self.date, self.time, self.with_whom, self.talk, self.support, self.notes, self.agreed):
            widget.blockSignals(True)
        self.date.setDate(QDate(a.date.year, a.date.month, a.date.day))
        self.time.setTime(QTime(a.time.hour, a.time.minute) if a.time else QTime(10, 0))
        self.with_whom.setText(a.with_whom)
        self.talk.setPlainText(a.talk_about)
        self.support.setPlainText(a.support_to_change)
        self.notes.setPlainText(a.notes_after)
        self.agreed.set_agreements(a.agreements)
        self.goals.clear()
        self.goal_box.clear()
        for goal in self._session.goals.all() if self._session else []:
            item = QListWidgetItem(goal.title, self.goals)
            item.setData(ID_ROLE, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = goal.id in a.goal_ids or (not a.goal_ids and goal.review_next_appointment)
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.goal_box.addItem(goal.title, goal.id)
        for widget in (self.date, self.time, self.with_whom, self.talk, self.support, self.notes, self.agreed):
            widget.blockSignals(False)

    # The list and the editor ----------------------------------------------------------------------------------
    def _rows(self) -> list[tuple[int, str]]:
        return [(int(a.id or 0), day(a.date, "short_weekday") + (f"\n{a.with_whom}" if a.with_whom else ""))
                for a in (self._session.appointments.all() if self._session else [])]  # fmt: skip

    def _show_item(self, item_id: int) -> None:
        if self._session is not None:
            self._current = self._session.appointments.get(item_id)
            self._fill(self._current)

    def _show_nothing(self) -> None:
        self._current = None
        self._fill(Appointment(None, dt.date.today()))
        show_message(self.message, _TEXT["empty"])

    def _saved_words(self) -> str:
        return str(_TEXT["saved"])

    def _setup_ui(self) -> None:
        self.date = date_box(self)
        self.date.setDateRange(QDate(1900, 1, 1), QDate.currentDate().addDays(366))
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.date.setAccessibleName(_TEXT["date"])
        self.time.setAccessibleName(_TEXT["time"])
        self.with_whom = QLineEdit(self)
        self.with_whom.setPlaceholderText(_("For example: Alex, my care coordinator"))
        self.talk, self.support, self.notes = QPlainTextEdit(self), QPlainTextEdit(self), QPlainTextEdit(self)
        for box, key in ((self.talk, "talk"), (self.support, "support"), (self.notes, "notes")):
            box.setAccessibleName(_TEXT[key])
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
        self.goals = QListWidget(self)
        self.goals.setMaximumHeight(90)
        self.agreed = AgreementsTable(self)
        self.goal_box = QComboBox(self)
        self.goal_box.setAccessibleName(_TEXT["goal_box"])
        add_agreed, to_step = QPushButton(_TEXT["add_agreed"], self), QPushButton(_TEXT["to_step"], self)
        self.to_step_button = to_step
        self.pdf_button = QPushButton(_TEXT["pdf"], self)
        form = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addStretch(1)
        form.addRow(_("When"), when)
        form.addRow(_TEXT["with"], self.with_whom)
        form.addRow(_TEXT["talk"], self.talk)
        form.addRow(_TEXT["goals"], self.goals)
        form.addRow(_TEXT["support"], self.support)
        agreed_row = QHBoxLayout()
        agreed_row.addWidget(QLabel(f"<b>{_TEXT['agreed']}</b>", self))
        agreed_row.addStretch(1)
        agreed_row.addWidget(add_agreed)
        agreed_row.addWidget(to_step)
        agreed_row.addWidget(self.goal_box)
        label_choice(self.goal_box, _TEXT["goal_box"])
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(agreed_row)
        editor_layout.addWidget(self.agreed)
        editor_layout.addWidget(QLabel(_TEXT["notes"], self))
        editor_layout.addWidget(self.notes)
        self._build(list_name=_("Appointments"), new_text=_TEXT["new"], editor=editor, actions=[self.pdf_button],
                    save_button=QPushButton(_TEXT["save"], self), sizes=(240, 760))  # fmt: skip

        edits = (self.date.dateChanged, self.time.timeChanged, self.with_whom.textEdited, self.talk.textChanged,
                 self.support.textChanged, self.notes.textChanged, self.agreed.changed,
                 self.goals.itemChanged)  # fmt: skip
        for signal in edits:
            signal.connect(self._on_edited)
        self.new_button.clicked.connect(self.new_appointment)
        add_agreed.clicked.connect(self._on_add_agreed)
        to_step.clicked.connect(self._on_to_step_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)

    def _on_add_agreed(self) -> None:
        self.agreed.append(Agreement(None, ""))
        self._on_edited()

    def _on_to_step_clicked(self) -> None:
        row = self.agreed.currentRow()
        goal_id = self.goal_box.currentData()
        if self._session is None or row < 0 or goal_id is None or not self.save() or self._current is None:
            return
        saved = [a for a in self._current.agreements]
        if row >= len(saved):
            return
        try:
            goal = self._session.appointments.agreement_to_step(int(self._current.id or 0), int(saved[row].id or 0),
                                                                int(goal_id))  # fmt: skip
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self._reload(self._current.id)
        show_message(self.message, _TEXT["step_made"].format(goal=goal.title))

    def _on_pdf_clicked(self) -> None:
        if self._session is None or not self.save() or self._current is None:
            return
        document = agenda_pdf_document(self._session, self._current)
        show_message(self.message, ask_and_save_pdf(self, document, _("My agenda")))
