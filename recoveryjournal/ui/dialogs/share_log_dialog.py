"""What I've shared: when, with whom, what, how, and where it was saved. Kept only inside the journal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QVBoxLayout, QWidget

from recoveryjournal.domain.counts import how_many
from recoveryjournal.domain.share import ShareRecord
from recoveryjournal.i18n import _, day, moment, ngettext
from recoveryjournal.services.journal_parts import HasShareLog
from recoveryjournal.ui.widgets.common import paragraph
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen


class ShareLogDialog(QDialog):
    """A read-only list, newest first."""

    def __init__(self, session: HasShareLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("What I've shared"))
        fit_to_screen(self, 640, 420)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("What I've shared, newest first"))
        for r in session.shares.all():
            head = _("{when} · to {who} · {format}").format(when=moment(r.shared_at), who=r.recipient or _("someone"),
                                                           format=_format_words(r.format))  # fmt: skip
            lines = [head, *share_lines(r), _("Saved to {place}").format(place=r.saved_to)]
            self.list.addItem("\n".join(lines))
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


def share_lines(record: ShareRecord) -> list[str]:
    """What left, item by item ("  7 December 2026 · A hard day"), then how many words were left out. A share
    logged before the journal kept titles (or read as it is from an older journal) is told by counts."""
    if not any(title for _when, title in record.shown):
        counts: dict[str, int] = {}
        for kind, _ref in record.items:
            counts[kind] = counts.get(kind, 0) + 1
        return [", ".join(how_many(k, n) for k, n in counts.items())]
    lines = []
    for when, title in record.shown:
        said = day(dt.date.fromisoformat(when)) if _is_day(when) else ""
        lines.append("  " + " · ".join(part for part in (said, title) if part))
    if record.words_left_out:
        lines.append(ngettext("Words left out in {n} place", "Words left out in {n} places",
                              record.words_left_out).format(n=record.words_left_out))  # fmt: skip
    else:
        lines.append(_("No words were left out."))
    return lines


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _format_words(fmt: str) -> str:
    """PDF, JSON, CSV, PRINT, a web page — and a protected PDF said as such (the password itself is never kept)."""
    if fmt == "html":
        return _("web page (HTML)")
    return _("PDF, protected with a password") if fmt == "pdf-protected" else fmt.upper()
