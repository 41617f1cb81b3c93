"""What I've shared: when, with whom, what, how, and where it was saved. Kept only inside the journal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget

from recoveryjournal.domain.counts import how_many
from recoveryjournal.i18n import _, moment
from recoveryjournal.services.journal_parts import HasShareLog
from recoveryjournal.ui.widgets.common import paragraph


class ShareLogDialog(QDialog):
    """A read-only list, newest first."""

    def __init__(self, session: HasShareLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("What I've shared"))
        self.resize(640, 420)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("What I've shared, newest first"))
        for r in session.shares.all():
            counts: dict[str, int] = {}
            for kind, _ref in r.items:
                counts[kind] = counts.get(kind, 0) + 1
            what = ", ".join(how_many(k, n) for k, n in counts.items())
            head = _("{when} · to {who} · {format}").format(when=moment(r.shared_at), who=r.recipient or _("someone"),
                                                           format=_format_words(r.format))  # fmt: skip
            self.list.addItem(head + "\n" + what + "\n" + _("Saved to {place}").format(place=r.saved_to))
        if not self.list.count():
            self.list.addItem(_("Nothing shared yet. Whatever you share will be listed here."))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(_("Every time you save a share, it is noted here, inside your encrypted journal."), self)
        )
        layout.addWidget(self.list)
        layout.addWidget(close)
        close.rejected.connect(self.reject)

    def done(self, result: int) -> None:
        """Empty the list as the dialog closes."""
        self.list.clear()
        super().done(result)


def _format_words(fmt: str) -> str:
    """PDF, JSON, CSV, PRINT — and a protected PDF said as such (the password itself is never kept)."""
    return _("PDF, protected with a password") if fmt == "pdf-protected" else fmt.upper()
