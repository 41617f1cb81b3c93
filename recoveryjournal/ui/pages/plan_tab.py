"""My crisis plan: sections to reorder, rename, skip or add to; every saved version is kept."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.crisis_plan import PlanSection
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.journal_parts import HasPlan
from recoveryjournal.services.plan_documents import plan_document
from recoveryjournal.services.repairs import titled_sections
from recoveryjournal.ui.dialogs.plan_dialogs import PlanVersionsDialog, WalletCardDialog
from recoveryjournal.ui.export.save_pdf import ask_and_save_pdf
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import (
    add_shortcut,
    message_line,
    paragraph,
    show_good_news,
    show_message,
    wrap_rows,
)
from recoveryjournal.ui.widgets.plan_section_editor import PlanSectionEditor
from recoveryjournal.ui.widgets.reminder_bar import ReminderBar

_TEXT = Texts(
    {
        "intro": N_(
            "Your plan, in your words. Use the sections that help, skip the ones that don't, and add your own. "
            "Press F1 from anywhere to see it at a glance."
        ),
        "up": N_("Move up"),
        "down": N_("Move down"),
        "own": N_("Add my own section"),
        "skip": N_("Skip this section"),
        "unskip": N_("Use this section again"),
        "save": N_("Save plan"),
        "saved": N_("Saved. This version is kept, so you can always see what changed."),
        "versions": N_("Earlier versions…"),
        "pdf": N_("Save as PDF…"),
        "card": N_("Wallet card…"),
        "skipped": N_(" (skipped)"),
        "keep_an_eye": N_("Keep an eye on this…"),
        "keep_an_eye_tip": N_("Choose some of your signs and what helps to tick in your check-ins"),
        "offer": N_(
            "Your plan has early signs and things that help. Would you like your check-in to offer a few of them, "
            "so you can keep an eye on how they come and go?"
        ),
        "offer_yes": N_("Choose a few…"),
        "offer_no": N_("Not now"),
        "watching": N_("In your check-ins: {signs} · {helps}"),
    }
)


class PlanTab(JournalTab[HasPlan]):
    """Edits a working copy of the sections; Save keeps a new version."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: list[PlanSection] = []
        self._row = -1
        self._setup_ui()

    def _show_journal(self, session: HasPlan) -> None:
        """Show this journal's plan (our template, the first time)."""
        self._sections = session.plan.sections()
        self._refresh_list(0)
        self._show_watching()

    def choose_what_to_watch(self) -> None:
        """Open "Keep an eye on this" on the plan as typed (saved first, so the lines offered are the plan's)."""
        if self._session is None or not self.save():
            return
        from recoveryjournal.ui.dialogs.keep_an_eye_dialog import KeepAnEyeDialog

        dialog = KeepAnEyeDialog(self._session, self._sections, self)
        dialog.accepted.connect(self._show_watching)
        dialog.open()

    def _show_watching(self) -> None:
        if self._session is None:
            return
        plan = self._session.plan
        signs, helps = (", ".join(w.name for w in plan.watched(k)) for k in ("sign", "helps"))
        self.watching.setText(_TEXT["watching"].format(signs=signs or "–", helps=helps or "–")
                              if signs or helps else "")  # fmt: skip
        self.watching.setVisible(bool(signs or helps))
        self.offer.setVisible(not self._session.read_only and plan.offer_keeping_an_eye())

    def _on_offer_declined(self) -> None:
        if self._session is not None:
            with contextlib.suppress(JournalError):  # a read-only journal simply asks again next time
                self._session.plan.no_offer()

    def _forget_journal(self) -> None:
        """Forget the plan shown (locking)."""
        self._sections, self._row = [], -1
        self.list.clear()
        self.editor.clear()
        self.watching.clear()  # the names of my signs are mine too
        self.offer.hide()
        show_message(self.message, "")

    def save(self, lenient: bool = False) -> bool:
        """Save the plan if anything changed (a new version is kept)."""
        self._take_edits()
        return super().save(lenient)

    def _save_typed(self, session: HasPlan, lenient: bool) -> None:
        """A new version of the plan; when locking, a section left without a title is given one (services)."""
        if lenient:
            self._sections = titled_sections(self._sections)
        session.plan.save(self._sections)

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.list = QListWidget(self)
        wrap_rows(self.list)
        self.list.setAccessibleName(_("Sections of my plan"))
        self.editor = PlanSectionEditor(self)
        self.message = message_line(self)
        buttons = {
            k: QPushButton(_TEXT[k], self)
            for k in ("up", "down", "own", "skip", "save", "versions", "pdf", "card", "keep_an_eye")
        }
        buttons["keep_an_eye"].setToolTip(_TEXT["keep_an_eye_tip"])
        self.offer = ReminderBar(self, (_TEXT["offer"], _TEXT["offer_yes"], _TEXT["offer_no"]))
        self.watching = QLabel(self)
        self.watching.setObjectName("statusLine")
        self.watching.setWordWrap(True)
        self.buttons = buttons
        buttons["save"].setObjectName("primaryButton")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(buttons["up"])
        row.addWidget(buttons["down"])
        left_layout.addLayout(row)
        left_layout.addWidget(buttons["own"])
        left_layout.addWidget(buttons["skip"])
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([320, 680])
        bottom = QHBoxLayout()
        for key in ("versions", "card", "pdf", "keep_an_eye"):
            bottom.addWidget(buttons[key])
        bottom.addStretch(1)
        bottom.addWidget(buttons["save"])
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addWidget(self.offer)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.watching)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        add_shortcut(self, [QKeySequence.StandardKey.Save], self._on_save_clicked)
        self.list.currentRowChanged.connect(self._on_row_chosen)
        self.editor.changed.connect(self._on_edited)
        buttons["up"].clicked.connect(lambda: self._move(-1))
        buttons["down"].clicked.connect(lambda: self._move(1))
        buttons["own"].clicked.connect(self._on_own_clicked)
        buttons["skip"].clicked.connect(self._on_skip_clicked)
        buttons["save"].clicked.connect(self._on_save_clicked)
        buttons["versions"].clicked.connect(self._on_versions_clicked)
        buttons["pdf"].clicked.connect(self._on_pdf_clicked)
        buttons["card"].clicked.connect(self._on_card_clicked)
        buttons["keep_an_eye"].clicked.connect(self.choose_what_to_watch)
        self.offer.accepted.connect(self.choose_what_to_watch)
        self.offer.declined.connect(self._on_offer_declined)

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for s in self._sections:
            item = QListWidgetItem(_(s.title) + (_TEXT["skipped"] if s.skipped else ""), self.list)
            if s.skipped:
                item.setForeground(self.palette().placeholderText())
        self.list.blockSignals(False)
        self._row = -1
        if self._sections:
            self.list.setCurrentRow(max(0, min(select, len(self._sections) - 1)))

    def _take_edits(self) -> None:
        if 0 <= self._row < len(self._sections):
            edited = self.editor.section()
            if edited != self._sections[self._row]:
                self._sections[self._row] = edited
                self.mark_unsaved(True)

    def _on_row_chosen(self, row: int) -> None:
        self._take_edits()
        self._row = row
        if 0 <= row < len(self._sections):
            self.editor.set_section(self._sections[row])
            self.buttons["skip"].setText(_TEXT["unskip" if self._sections[row].skipped else "skip"])

    def _on_edited(self) -> None:
        self.mark_unsaved(True)
        show_message(self.message, "")

    def _move(self, step: int) -> None:
        self._take_edits()
        row, target = self._row, self._row + step
        if 0 <= row < len(self._sections) and 0 <= target < len(self._sections):
            self._sections[row], self._sections[target] = self._sections[target], self._sections[row]
            self.mark_unsaved(True)
            self._refresh_list(target)

    def _on_own_clicked(self) -> None:
        self._take_edits()
        self._sections.append(
            self._session.plan.own_section(_("My own section")) if self._session else PlanSection("", "")
        )
        self.mark_unsaved(True)
        self._refresh_list(len(self._sections) - 1)
        self.editor.title.setFocus()
        self.editor.title.selectAll()

    def _on_skip_clicked(self) -> None:
        self._take_edits()
        if 0 <= self._row < len(self._sections):
            s = self._sections[self._row]
            self._sections[self._row] = replace(s, skipped=not s.skipped)
            self.mark_unsaved(True)
            self._refresh_list(self._row)

    def _on_save_clicked(self) -> None:
        self._take_edits()
        self.mark_unsaved(True)
        if self.save():
            show_good_news(self.message, _TEXT["saved"])
            self._show_watching()

    def _on_versions_clicked(self) -> None:
        if self._session is not None and self.save():
            PlanVersionsDialog(self._session, self).open()

    def _on_pdf_clicked(self) -> None:
        self._take_edits()
        show_message(self.message, ask_and_save_pdf(self, plan_document(self._sections), _("My crisis plan")))

    def _on_card_clicked(self) -> None:
        self._take_edits()
        WalletCardDialog(self._sections, self).open()
