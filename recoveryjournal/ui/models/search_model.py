"""Search results as a list model; each row's snippet is HTML with the matched words in bold."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from recoveryjournal.domain.search import HIT_END, HIT_START, SearchHit
from recoveryjournal.i18n import N_, _, day

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
HIT_ROLE = Qt.ItemDataRole.UserRole + 11
_Index = QModelIndex | QPersistentModelIndex
_KIND = {"entry": N_("Journal entry"), "checkin": N_("Check-in note")}


def snippet_html(hit: SearchHit) -> str:
    """Escape the person's text, then turn the match marks into bold."""
    body = html.escape(hit.snippet.replace("\n", " ")).replace(HIT_START, "<b>").replace(HIT_END, "</b>")
    title = html.escape(hit.title) if hit.title else _(_KIND[hit.kind])
    when = day(hit.date, "full")
    return f"<div><b>{title}</b> &nbsp;<span style='color:gray'>{when}</span><br>{body}</div>"


class SearchResultsModel(QAbstractListModel):
    """Holds one search's hits (at most a few hundred); empty after `clear()`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show these results."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def add_hits(self, hits: list[SearchHit]) -> None:
        """Add older results below the ones shown."""
        if hits:
            self.beginInsertRows(QModelIndex(), len(self._hits), len(self._hits) + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()

    def clear(self) -> None:
        """Forget every result (locking)."""
        self.set_hits([])

    def hit_at(self, row: int) -> SearchHit | None:
        """The hit in `row`."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of hits."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Plain text for screen readers, HTML for the delegate, the hit itself for code."""
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            plain = hit.snippet.replace(HIT_START, "").replace(HIT_END, "")
            return f"{hit.title or _(_KIND[hit.kind])}, {day(hit.date)}: {plain}"
        if role == HTML_ROLE:
            return snippet_html(hit)
        if role == HIT_ROLE:
            return hit
        return None
