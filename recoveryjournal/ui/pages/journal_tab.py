"""One lifecycle for every tab behind the lock, written once:

    load(session)   show this journal (also: show it again after an import or a restore)
    clear()         forget everything shown (locking)
    has_unsaved()   something typed isn't saved yet
    save(lenient)   save it; `lenient` (locking) lets the services' repair rules bend it so nothing is lost

A tab fills in `_show_journal`, `_forget_journal` and, if it edits something, `_save_typed` (and calls
`mark_unsaved` as the person types). UnlockedView calls the four and nothing else, on every tab it has built.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.errors import JournalError

#: What a tab is given of the open journal: only the services it uses (a protocol of services/journal_parts.py).
J = TypeVar("J")


class JournalTab(QWidget, Generic[J]):
    """A tab behind the lock. `_session` is the part of the open journal it is given while it shows one, else None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: J | None = None
        self._dirty = False
        self._saving = False

    # The lifecycle ----------------------------------------------------------------------------------
    def load(self, session: J) -> None:
        """Show this journal (and again, fresh, after it changed underneath: an import, a restore)."""
        self._session, self._dirty = session, False
        self._show_journal(session)

    def clear(self) -> None:
        """Forget everything shown (locking). `_forget_journal` still sees the session, to let go of signals."""
        self._forget_journal()
        self._session, self._dirty = None, False

    def has_unsaved(self) -> bool:
        """Something typed isn't saved yet."""
        return self._dirty and self._session is not None

    def save(self, lenient: bool = False) -> bool:
        """Save what was typed. False, with the kind words shown on the tab, when it can't be saved as it is;
        with `lenient` (locking) the repair rules in services bend it to fit, so nothing typed is lost."""
        if not self.has_unsaved() or self._session is None:
            return True
        self._saving = True  # the services announce this save; this tab already shows it
        try:
            self._save_typed(self._session, lenient)
        except JournalError as exc:
            self._tell(exc.message)
            return False
        finally:
            self._saving = False
        self._dirty = False
        return True

    def reload_if_idle(self) -> None:
        """Show the journal afresh (it changed elsewhere: another tab, an import), unless something typed here
        isn't saved yet or this tab is saving right now."""
        if self._session is not None and not self._dirty and not self._saving:
            self._show_journal(self._session)

    def mark_unsaved(self, unsaved: bool = True) -> None:
        """The person typed something (or it was just saved, with False)."""
        self._dirty = unsaved

    # For each tab to fill in -------------------------------------------------------------------------
    def _show_journal(self, session: J) -> None:
        """Fill the tab from the journal."""

    def _forget_journal(self) -> None:
        """Empty every field and list."""

    def _save_typed(self, session: J, lenient: bool) -> None:
        """Save what was typed (raise a JournalError when it can't be)."""

    def _tell(self, words: str) -> None:
        """Show kind words on the tab (its message line, where it has one)."""
        from recoveryjournal.ui.widgets.common import show_message

        line = getattr(self, "message", None)
        if line is not None:
            show_message(line, words)
