"""What I've shared: when, with whom, what, how, and where it was saved. Kept only inside the journal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget

from recoveryjournal.services.journal_service import JournalSession
from recoveryjournal.ui.widgets.common import paragraph

_KINDS = {"entry": "entry", "checkin": "check-in", "mood_summary": "mood summary", "goal": "goal",
          "plan_section": "plan section", "appointment": "agenda"}  # fmt: skip


class ShareLogDialog(QDialog):
    """A read-only list, newest first."""

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What I've shared")
        self.resize(640, 420)
        self.list = QListWidget(self)
        self.list.setAccessibleName("What I've shared, newest first")
        for r in session.shares.all():
            counts: dict[str, int] = {}
            for kind, _ref in r.items:
                counts[kind] = counts.get(kind, 0) + 1
            what = ", ".join(f"{n} {_KINDS.get(k, k)}{'s' if n != 1 else ''}" for k, n in counts.items())
            self.list.addItem(f"{r.shared_at:%d %B %Y %H:%M} · to {r.recipient or 'someone'} · {r.format.upper()}\n"
                              f"{what}\nSaved to {r.saved_to}")  # fmt: skip
        if not self.list.count():
            self.list.addItem("Nothing shared yet. Whatever you share will be listed here.")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph("Every time you save a share, it is noted here, inside your encrypted journal.", self)
        )
        layout.addWidget(self.list)
        layout.addWidget(close)
        close.rejected.connect(self.reject)

    def done(self, result: int) -> None:
        """Empty the list as the dialog closes."""
        self.list.clear()
        super().done(result)
