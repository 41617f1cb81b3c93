"""The GUI side of 'remember my passphrase on this computer': every keyring call off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.workers import run_in_background

if TYPE_CHECKING:
    from recoveryjournal.services.journal_service import JournalSession

#: The keyring (and what it imports: urllib, http, ssl) is first looked at this long after the window is
#: up, on a worker thread, so start-up never waits for it.
PROBE_DELAY_MS = 400


def _ks() -> ModuleType:
    """The keyring service, loaded on first use (0.4 s after the window is up, on a worker)."""
    from recoveryjournal.services import keyring_service

    return keyring_service


_TEXT = Texts(
    {
        "remembered": N_("This computer will remember your passphrase. You can turn that off in Settings."),
    }
)


class RememberPassphrase(QObject):
    """Finds out (in the background) whether a keyring works, and uses it when the person asked to."""

    availability_changed = Signal(bool)

    def __init__(self, policy: Policy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = False
        self.remembered = False
        self._waiting: tuple[Path, Callable[[JournalSession], None]] | None = None
        if policy.may_remember_passphrase:
            QTimer.singleShot(PROBE_DELAY_MS, self._probe)

    def _probe(self) -> None:
        run_in_background(lambda: _ks().keyring_usable(), self._on_probe, lambda _exc: None, owner=self)

    def try_unlock(self, path: Path, on_session: Callable[[JournalSession], None]) -> None:
        """If this computer remembers the journal, open it; otherwise do nothing (the person types)."""
        self.remembered = False
        if not self.available:
            self._waiting = (path, on_session)  # the probe hasn't answered yet: try once it has
            return
        self._waiting = None

        def found(session: JournalSession | None) -> None:
            if session is not None:
                self.remembered = True
                on_session(session)

        run_in_background(lambda: _ks().unlock_with_keyring(path), found, lambda _exc: None, owner=self)

    def remember(self, session: JournalSession, passphrase: str, on_message: Callable[[str], None]) -> None:
        """Keep a way in for this computer; tell the person how it went."""

        def done(_result: object) -> None:
            self.remembered = True
            on_message(_TEXT["remembered"])

        run_in_background(
            lambda: _ks().remember_on_this_computer(session, passphrase),
            done,
            lambda exc: on_message(problem_words(exc)),
            owner=self,
        )

    def refresh(self, path: Path) -> None:
        """Find out whether the journal is remembered here (for the Settings dialog)."""
        if self.available:
            run_in_background(
                lambda: _ks().is_remembered_here(path), self._set_remembered, lambda _exc: None, owner=self
            )

    def _set_remembered(self, value: bool) -> None:
        self.remembered = value

    def _on_probe(self, usable: bool) -> None:
        self.available = bool(usable)
        self.availability_changed.emit(self.available)
        if self.available and self._waiting is not None:
            self.try_unlock(*self._waiting)
