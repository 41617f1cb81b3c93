"""My recovery goals: a list on the left, the goal on the right. Paused goals wait; none is ever 'failed'."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.goals import STATUSES, Goal
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.journal_parts import HasGoals
from recoveryjournal.services.repairs import named_goal
from recoveryjournal.ui.pages.list_editor_tab import ListEditorTab
from recoveryjournal.ui.widgets.common import show_message
from recoveryjournal.ui.widgets.goal_editor import GoalEditor

_TEXT = Texts(
    {
        "new": N_("New goal"),
        "save": N_("Save goal"),
        "delete": N_("Remove goal…"),
        "saved": N_("Saved."),
        "date_marked": N_(
            "Saved, all but one thing: “{typed}” isn't a date I can read, so that step has no date yet (its box is "
            "marked). Try something like 14 March 2027."
        ),
        "delete_title": N_("Remove this goal?"),
        "delete_text": N_(
            "It will be gone for good, with its steps and notes. If you'd like to come back to it, "
            "you could pause it instead."
        ),
        "delete_yes": N_("Remove it"),
        "keep": N_("Keep it"),
        "empty": N_("No goals yet. A goal can be anything that matters to you, in your own words."),
    }
)


class GoalsTab(ListEditorTab[HasGoals]):
    """Saves before switching goals and on lock, so nothing typed is lost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    @property
    def goals(self) -> QListWidget:
        """The list of goals (the tab's list)."""
        return self.list

    def _show_journal(self, session: HasGoals) -> None:
        """Show this journal's goals."""
        self._reload(select=None)

    def _forget_journal(self) -> None:
        """Forget everything shown (locking)."""
        self.list.clear()
        self.editor.clear()
        show_message(self.message, "")

    def _save_typed(self, session: HasGoals, lenient: bool) -> None:
        """Save the goal being edited; when locking (`lenient`) the repair rules name an unnamed goal and keep
        an unreadable date as words (services/repairs.py), so nothing typed is lost."""
        unreadable: list[tuple[int, str, str]] = []
        typed = named_goal(self.editor.goal(lenient=lenient, unreadable=None if lenient else unreadable), lenient)
        untouched = not (typed.title.strip() or typed.why or typed.steps or not typed.risk.is_empty)
        if typed.id is None and untouched:
            return
        goal = session.goals.save(typed)
        self.mark_unsaved(False)
        self._reload(select=goal.id)
        # A date that couldn't be read: the rest of the goal is saved; that cell keeps what was typed, marked,
        # and the goal counts as not yet saved (has_unsaved), so leaving it or locking keeps those words too.
        for index, typed_date, _why in unreadable:
            self.editor.steps.mark_unreadable(index, typed_date, _TEXT["date_marked"].format(typed=typed_date))
        if unreadable:
            show_message(self.message, _TEXT["date_marked"].format(typed=unreadable[0][1]))

    def has_unsaved(self) -> bool:
        """Something typed isn't saved yet, or a step's date couldn't be read and is still marked."""
        return super().has_unsaved() or (self._session is not None and bool(self.editor.steps.marked_rows()))

    def new_goal(self) -> None:
        """An empty goal to write."""
        if not self.save():
            return
        self.list.clearSelection()
        self.editor.set_goal(Goal(None, ""))
        self.mark_unsaved(False)
        self.editor.title.setFocus()

    # The list and the editor ----------------------------------------------------------------------------------
    def _rows(self) -> list[tuple[int, str]]:
        rows = []
        for status, label in ((s, _(w)) for s, w in STATUSES.items()):
            for goal in self._session.goals.all(status) if self._session else []:
                done = f" · {goal.steps_done}/{len(goal.steps)}" if goal.steps else ""
                rows.append((int(goal.id or 0), f"{goal.title}\n{label}{done}"))
        return rows

    def _show_item(self, item_id: int) -> None:
        if self._session is not None:
            self.editor.set_goal(self._session.goals.get(item_id))
            shared = self._session.shares.shared_item("goal", str(item_id))
            show_message(self.message, shared[0] if shared else "")

    def _show_nothing(self) -> None:
        self.editor.set_goal(Goal(None, ""))
        show_message(self.message, _TEXT["empty"])

    def _saved_words(self) -> str:
        return "" if self.editor.steps.marked_rows() else _TEXT["saved"]

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.editor = GoalEditor(self)
        self.delete_button = QPushButton(_TEXT["delete"], self)
        self._build(list_name=_("Goals"), new_text=_TEXT["new"], editor=self.editor, actions=[],
                    save_button=QPushButton(_TEXT["save"], self), beside_save=[self.delete_button],
                    sizes=(280, 720))  # fmt: skip
        self.new_button.clicked.connect(self.new_goal)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.editor.changed.connect(self._on_edited)
        self.editor.note_added.connect(self._on_note_added)

    def _on_note_added(self, text: str) -> None:
        goal = self.editor.goal()
        if self._session is None or goal.id is None or not self.save():
            return
        try:
            self.editor.set_goal(self._session.goals.add_note(goal.id, text))
        except JournalError as exc:
            show_message(self.message, exc.message)

    def _on_delete_clicked(self) -> None:
        goal = self.editor.goal()
        if self._session is None or goal.id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _TEXT["delete_title"], _TEXT["delete_text"], parent=self)
        remove = box.addButton(_TEXT["delete_yes"], QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(_TEXT["keep"], QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is remove and self._session is not None:
            self._session.goals.delete(goal.id)
            self.mark_unsaved(False)
            self._reload(select=None)
