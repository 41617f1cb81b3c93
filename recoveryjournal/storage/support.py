"""My support: the support a person gets or wants, in their own words."""

from __future__ import annotations

from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection

_COLUMNS = "id, what, provider, how_often, my_view, change_wanted, cost, cost_period, wanted_not_yet"


class SupportRepository:
    """Add, change, remove and list support items."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def save(self, item: SupportItem) -> int:
        """Insert or update; returns the id."""
        values = (clean_text(item.what), clean_text(item.provider), clean_text(item.how_often),
                  clean_text(item.my_view), clean_text(item.change_wanted), item.cost, clean_text(item.cost_period),
                  int(item.wanted_not_yet))  # fmt: skip
        with self._journal.transaction() as db:
            if item.id is None:
                position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM support_items").fetchone()[0]
                cur = db.execute(
                    "INSERT INTO support_items (what, provider, how_often, my_view, change_wanted, cost, cost_period, "
                    "wanted_not_yet, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, position),
                )
                return int(cur.lastrowid)
            cur = db.execute(
                "UPDATE support_items SET what = ?, provider = ?, how_often = ?, my_view = ?, change_wanted = ?, "
                "cost = ?, cost_period = ?, wanted_not_yet = ? WHERE id = ?",
                (*values, item.id),
            )
            if cur.rowcount == 0:
                raise InvalidInput(_("There's no support item number {id} in this journal.").format(id=item.id))
            return item.id

    def delete(self, item_id: int) -> None:
        """Remove one item."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM support_items WHERE id = ?", (item_id,))

    def all(self) -> list[SupportItem]:
        """Every item, in the person's order."""
        with self._journal.errors():
            rows = self._journal.db.execute(f"SELECT {_COLUMNS} FROM support_items ORDER BY position, id").fetchall()
        return [SupportItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])) for r in rows]
