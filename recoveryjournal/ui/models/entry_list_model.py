"""A list model over the journal's entries that loads a page at a time (fetchMore)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from recoveryjournal.domain.entry import Entry
from recoveryjournal.i18n import clock, day
from recoveryjournal.services.journal_parts import ListsEntries

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_PAGE = 200
_Index = QModelIndex | QPersistentModelIndex


class EntryListModel(QAbstractListModel):
    """Entries newest first. Holds nothing once `clear()` has run (on lock)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: ListsEntries | None = None
        self._entries: list[Entry] = []
        self._total = 0

    # Public ---------------------------------------------------------------------------
    def set_session(self, session: ListsEntries | None) -> None:
        """Show this journal's entries (or none)."""
        self._session = session
        self.reload()

    def reload(self) -> None:
        """Start again from the newest entry (after a save or delete)."""
        self.beginResetModel()
        self._entries = []
        self._total = self._session.entries.count() if self._session else 0
        if self._session:
            self._entries = self._session.entries.newest_first(limit=_PAGE)
        self.endResetModel()

    def clear(self) -> None:
        """Drop every entry held in memory (locking)."""
        self.set_session(None)

    def entry_at(self, row: int) -> Entry | None:
        """The entry shown in `row`."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: int) -> int:
        """Row of an entry among those loaded so far, or -1."""
        return next((i for i, e in enumerate(self._entries) if e.id == entry_id), -1)

    # Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        """More entries wait in the journal."""
        return not parent.isValid() and len(self._entries) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        """Load the next page as the person scrolls."""
        if self._session is None or parent.isValid():
            return
        page = self._session.entries.newest_first(limit=_PAGE, offset=len(self._entries))
        if page:
            self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries) + len(page) - 1)
            self._entries.extend(page)
            self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title and date for the list; the entry id for code."""
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            when = day(entry.date, "full") + (f" · {clock(entry.time)}" if entry.time else "")
            return f"{entry.display_title}\n{when}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.display_title}, {day(entry.date)}"
        if role == ENTRY_ID_ROLE:
            return entry.id
        return None
