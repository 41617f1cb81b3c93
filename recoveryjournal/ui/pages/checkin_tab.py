"""A check-in in under thirty seconds: a mood from 1 to 10, and anything else only if you like."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.checkin import MEDICINE_ANSWERS
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, _, ngettext
from recoveryjournal.services.journal_parts import ChecksIn
from recoveryjournal.ui.dialogs.scale_words_dialog import ScaleWordsDialog
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.chips import ChipList
from recoveryjournal.ui.widgets.choice_row import ChoiceRow
from recoveryjournal.ui.widgets.common import (
    add_shortcut,
    checkin_line,
    heading,
    message_line,
    paragraph,
    show_good_news,
    show_message,
)
from recoveryjournal.ui.widgets.mood_scale import MoodScale
from recoveryjournal.ui.widgets.reminder_bar import ReminderBar
from recoveryjournal.ui.widgets.screen_fit import scrolling

_TEXT = Texts(
    {
        "title": N_("How are you right now?"),
        "mood_help": N_("Choose a number for your mood (keys 1–9, and 0 for 10). Everything else is up to you."),
        "sleep": N_("Sleep last night"),
        "anxiety": N_("Anxiety"),
        "energy": N_("Energy"),
        "not_noted": N_("Not noted"),
        "hours": N_(" hours"),
        "feelings": N_("Feelings (choose any)"),
        "own_word": N_("Add your own word and press Enter"),
        "note": N_("A short note, if you like"),
        "save": N_("Save check-in"),
        "save_tip": N_("Save check-in (Ctrl+Enter)"),
        "words": N_("What the numbers mean to me…"),
        "no_mood": N_("Please choose a number for your mood first. Everything else can stay empty."),
        "saved": N_("Saved. Thank you for checking in."),
        "today": N_("Today's check-ins"),
        "none_today": N_("No check-ins yet today."),
        "picked": N_("{n} – {words}"),
        "noticed": N_("I &noticed… (my own signs)"),
        "helped": N_("What hel&ped…"),
        "own_sign": N_("Add a sign in your own words and press Enter"),
        "own_help": N_("Add what helped in your own words and press Enter"),
        "no_signs": N_("Signs you add, or choose from your crisis plan, show here to tick."),
        "no_helps": N_("What helps you, added here or chosen from your crisis plan, shows here to tick."),
        "keep_an_eye": N_("Keep an eye on some of my signs and what helps…"),
        "keep_an_eye_tip": N_("Choose from your crisis plan which early signs and helpful things to tick here"),
        "medicines": N_("Took my &medicines"),
        "keep_yes": N_("Add to my plan"),
        "keep_no": N_("No, thanks"),
        "kept": N_("Added to your crisis plan. You can change it there any time."),
    }
)


class CheckInTab(JournalTab[ChecksIn]):
    """Emits `saved(id)` after a check-in is stored; `keep_an_eye_requested` asks for the plan's choice."""

    saved = Signal(int)
    keep_an_eye_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def _show_journal(self, session: ChecksIn) -> None:
        """Ready for a check-in on this journal."""
        self._reset_form()
        self._show_today()
        self._show_scale_ends()
        self.save_button.setEnabled(not session.read_only)
        session.plan.changed.connect(self.refresh_chips)
        session.medicines.changed.connect(self._on_medicines_changed)

    def _forget_journal(self) -> None:
        """Forget everything shown (locking)."""
        if self._session is not None:
            self._session.plan.changed.disconnect(self.refresh_chips)
            self._session.medicines.changed.disconnect(self._on_medicines_changed)
        self._reset_form()
        for chips in (self.feelings, self.noticed, self.helped):
            chips.clear()
        self.keep_row.hide()
        self.keep_row.label.clear()  # it names the words I added
        self.today.clear()
        self.low_end.clear()  # the person's own words for the scale are theirs too
        self.high_end.clear()
        show_message(self.message, "")

    def mood(self) -> int | None:
        """The chosen mood, if any."""
        checked = self.mood_group.checkedId()
        return checked if checked > 0 else None

    def record(self) -> bool:
        """Record the check-in on screen; a kind message instead when there is no mood. (Not the tabs' `save`:
        a check-in is recorded only when the person asks, never by leaving the tab or locking.)"""
        if self._session is None:
            return False
        mood = self.mood()
        if mood is None:
            show_message(self.message, _TEXT["no_mood"])
            self.mood_buttons[4].setFocus()
            return False
        medicines = None if self.medicine_row.isHidden() else self.medicine_row.answer()
        try:
            checkin = self._session.checkins.add(
                mood,
                sleep_hours=None if self.sleep.value() < 0 else self.sleep.value(),
                anxiety=self.anxiety.value() or None,
                energy=self.energy.value() or None,
                feelings=self.feelings.ticked(),
                note=self.note.toPlainText(),
                noticed=self.noticed.ticked(),
                helped=self.helped.ticked(),
                medicines=medicines,
            )  # fmt: skip
        except JournalError as exc:
            show_message(self.message, exc.message)
            return False
        self._offer_keeping(checkin.noticed, checkin.helped)
        self._reset_form()
        self._show_today()
        show_good_news(self.message, _TEXT["saved"])
        self.saved.emit(int(checkin.id or 0))
        return True

    def refresh_chips(self) -> None:
        """Show the plan's signs and what helps as chips (after the plan's choice changed)."""
        if self._session is None:
            return
        plan = self._session.plan
        for chips, kind in ((self.noticed, "sign"), (self.helped, "helps")):
            # What is ticked (and words typed here, not yet in the plan) stays as it was when the plan changes.
            ticked = chips.ticked()
            watched = [w.name for w in plan.watched(kind)]
            known = {w.casefold() for w in watched}
            chips.set_words(watched + [w for w in ticked if w.casefold() not in known], set(ticked))
        for key, chips, edit in (("noticed", self.noticed, self.own_sign), ("helped", self.helped, self.own_help)):
            self.mark_labels[key].setBuddy(chips if chips.count() else edit)
        self.medicine_row.setVisible(self._session.medicines.turned_on)

    # Qt ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys choose a mood (0 means 10) unless the cursor is in a text box."""
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            value = 10 if key == Qt.Key.Key_0 else key - Qt.Key.Key_0
            self.mood_buttons[value - 1].setChecked(True)
            self.mood_buttons[value - 1].setFocus()
            self._on_mood_chosen(value)
            return
        super().keyPressEvent(event)

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.scale = MoodScale(self)
        self.mood_group, self.mood_buttons = self.scale.group, self.scale.buttons
        self.low_end, self.high_end = self.scale.low_end, self.scale.high_end
        row = QHBoxLayout()
        row.addWidget(self.scale)
        row.addStretch(1)
        self.mood_words = QLabel(self)
        self.mood_words.setObjectName("moodWords")
        self.sleep = QDoubleSpinBox(self)
        self.sleep.setRange(-0.5, 24)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSpecialValueText(_TEXT["not_noted"])
        self.sleep.setSuffix(_TEXT["hours"])
        self.anxiety, self.energy = QSpinBox(self), QSpinBox(self)
        for spin in (self.anxiety, self.energy):
            spin.setRange(0, 10)
            spin.setSpecialValueText(_TEXT["not_noted"])
        for box in (self.sleep, self.anxiety, self.energy):
            box.setMaximumWidth(180)
        self.feelings = ChipList(_TEXT["feelings"], self)
        # My own signs and what helps, from my plan's "keep an eye on this" (none until I choose some).
        self.noticed = ChipList(_TEXT["noticed"].replace("&", ""), self, most_height=76, placeholder=_TEXT["no_signs"])
        self.helped = ChipList(_TEXT["helped"].replace("&", ""), self, most_height=76, placeholder=_TEXT["no_helps"])
        self.own_sign, self.own_help = QLineEdit(self), QLineEdit(self)
        for edit, key in ((self.own_sign, "own_sign"), (self.own_help, "own_help")):
            edit.setPlaceholderText(_TEXT[key])
            edit.setAccessibleName(_TEXT[key])
        self.keep_an_eye_button = QPushButton(_TEXT["keep_an_eye"], self)
        self.keep_an_eye_button.setFlat(True)
        self.keep_an_eye_button.setToolTip(_TEXT["keep_an_eye_tip"])
        answers: list[tuple[str | None, str]] = [(None, _TEXT["not_noted"])]
        answers += [(k, _(w)) for k, w in MEDICINE_ANSWERS.items()]
        self.medicine_row = ChoiceRow(answers, _TEXT["medicines"].replace("&", ""), self)
        self.medicine_group = self.medicine_row.group
        self.medicine_row.hide()
        self.keep_row = ReminderBar(self, ("", _TEXT["keep_yes"], _TEXT["keep_no"]))
        self._to_keep: list[tuple[str, str]] = []
        self.own_word = QLineEdit(self)
        self.own_word.setPlaceholderText(_TEXT["own_word"])
        self.own_word.setAccessibleName(_TEXT["own_word"])
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(_TEXT["note"])
        self.note.setAccessibleName(_TEXT["note"])
        self.note.setMaximumHeight(80)
        self.note.setTabChangesFocus(True)
        self.save_button = QPushButton(_TEXT["save"], self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(_TEXT["save_tip"])
        self.words_button = QPushButton(_TEXT["words"], self)
        self.words_button.setFlat(True)
        self.message = message_line(self)
        self.today = QListWidget(self)
        self.today.setAccessibleName(_TEXT["today"])
        self.today.setWordWrap(True)  # every answer of a check-in, wrapped rather than cut short
        self.today.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        add_shortcut(self, ["Ctrl+Return", "Ctrl+Enter"], self.record)

        form = QFormLayout()
        form.addRow(_TEXT["sleep"], self.sleep)
        form.addRow(_TEXT["anxiety"], self.anxiety)
        form.addRow(_TEXT["energy"], self.energy)
        self.medicine_label = QLabel(_TEXT["medicines"], self)
        self.medicine_label.setBuddy(self.medicine_group.buttons()[0])
        form.addRow(self.medicine_label, self.medicine_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.words_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        # The form scrolls; what acts on it (the message, Save check-in) stays pinned below, always in view.
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(heading(_TEXT["title"], content, scale=1.4))
        inner.addWidget(paragraph(_TEXT["mood_help"], content))
        inner.addLayout(row)
        inner.addWidget(self.mood_words)
        inner.addLayout(form)
        inner.addWidget(QLabel(_TEXT["feelings"], content))
        inner.addWidget(self.feelings)
        inner.addWidget(self.own_word)
        signs = QGridLayout()
        # Alt+N and Alt+P (their letters in each language) go straight to the chips: a check-in by keyboard
        # stays a few keys long. The boxes for my own words come first and the chips below them keep their
        # room, so adding a sign moves nothing under the pointer.
        self.mark_labels: dict[str, QLabel] = {}
        for column, key in enumerate(("noticed", "helped")):
            self.mark_labels[key] = label = QLabel(_TEXT[key], content)
            signs.addWidget(label, 0, column)
        signs.addWidget(self.own_sign, 1, 0)
        signs.addWidget(self.own_help, 1, 1)
        signs.addWidget(self.noticed, 2, 0)
        signs.addWidget(self.helped, 2, 1)
        inner.addLayout(signs)
        inner.addWidget(self.keep_an_eye_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.note)
        inner.addWidget(QLabel(_TEXT["today"], content))
        inner.addWidget(self.today, 1)
        self.form_scroll = scrolling(content, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.keep_row)
        layout.addLayout(buttons)

        self.mood_group.idClicked.connect(self._on_mood_chosen)
        self.own_word.returnPressed.connect(self._on_own_word)
        self.own_sign.returnPressed.connect(lambda: self._on_own_mark(self.own_sign, self.noticed))
        self.own_help.returnPressed.connect(lambda: self._on_own_mark(self.own_help, self.helped))
        self.keep_an_eye_button.clicked.connect(self.keep_an_eye_requested)
        self.keep_row.accepted.connect(self._on_keep_clicked)
        self.medicine_label.setVisible(False)
        self.save_button.clicked.connect(lambda _c=False: self.record())
        self.words_button.clicked.connect(self._on_words_clicked)

    def _reset_form(self) -> None:
        self.scale.clear()
        self.mood_words.setText("")
        self.sleep.setValue(-0.5)
        self.anxiety.setValue(0)
        self.energy.setValue(0)
        self.note.clear()
        for edit in (self.own_word, self.own_sign, self.own_help):
            edit.clear()
        for chips in (self.feelings, self.noticed, self.helped):
            chips.clear()
        self.medicine_row.reset()
        if self._session is not None:
            self.feelings.set_words(self._session.checkins.feeling_words())
            self.refresh_chips()
            self.medicine_label.setVisible(not self.medicine_row.isHidden())

    def _show_today(self) -> None:
        self.today.clear()
        if self._session is None:
            return
        medicines = self._session.medicines.turned_on
        for c in self._session.checkins.on_day(dt.date.today()):
            self.today.addItem(checkin_line(c, medicines))
        if not self.today.count():
            self.today.addItem(_TEXT["none_today"])

    def _on_mood_chosen(self, value: int) -> None:
        words = self._session.checkins.scale_words()["mood"].get(value, "") if self._session else ""
        self.mood_words.setText(_TEXT["picked"].format(n=value, words=words) if words else str(value))
        show_message(self.message, "")

    def _on_medicines_changed(self) -> None:
        self.refresh_chips()
        self.medicine_label.setVisible(not self.medicine_row.isHidden())

    def _on_own_word(self) -> None:
        self._on_own_mark(self.own_word, self.feelings)

    def _on_own_mark(self, edit: QLineEdit, chips: ChipList) -> None:
        word = " ".join(edit.text().split())
        if word:
            chips.add_word(word, ticked=True, own=True)
        edit.clear()

    def _offer_keeping(self, noticed: tuple[str, ...], helped: tuple[str, ...]) -> None:
        """Chips added in this check-in (not yet in the plan's list) can be kept in the plan, if the person wants."""
        if self._session is None:
            return
        new = self._session.plan.not_yet_watched(noticed, helped)
        self._to_keep = new
        if new:
            words = ", ".join(f"“{n}”" for _k, n in new)
            self.keep_row.label.setText(ngettext(
                "You added {words} in this check-in. Keep it in your crisis plan too, to tick next time?",
                "You added {words} in this check-in. Keep them in your crisis plan too, to tick next time?",
                len(new),
            ).format(words=words))  # fmt: skip
        self.keep_row.setVisible(bool(new))

    def _on_keep_clicked(self) -> None:
        if self._session is None:
            return
        try:
            for kind, name in self._to_keep:
                self._session.plan.add_to_plan(kind, name)
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.refresh_chips()
        show_good_news(self.message, _TEXT["kept"])

    def _show_scale_ends(self) -> None:
        words = self._session.checkins.scale_words()["mood"] if self._session is not None else {}
        self.low_end.setText(_("1: {words}").format(words=words.get(1, "")) if words.get(1) else "")
        self.high_end.setText(_("10: {words}").format(words=words.get(10, "")) if words.get(10) else "")

    def _on_words_done(self, _result: int) -> None:
        self._show_scale_ends()
        mood = self.mood()
        if mood is not None:
            self._on_mood_chosen(mood)  # the mood's words may have changed

    def _on_words_clicked(self) -> None:
        if self._session is not None:
            dialog = ScaleWordsDialog(self._session, self)
            dialog.finished.connect(self._on_words_done)
            dialog.open()
