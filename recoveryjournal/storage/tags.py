"""Tags, tidied: how many entries use each, rename (merging into a tag that already has the new name), remove
from every entry, and put back what a removal took (undo while the journal is open)."""

from __future__ import annotations

from recoveryjournal.storage.connection import JournalConnection


class TagRepository:
    """The journal's tags; every change is one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def counts(self) -> list[tuple[str, int]]:
        """Each tag in use with how many entries have it, most used first, then by name."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT t.name, count(*) FROM tags t JOIN entry_tags et ON et.tag_id = t.id GROUP BY t.id "
                "ORDER BY count(*) DESC, t.name COLLATE NOCASE"
            ).fetchall()
        return [(str(name), int(n)) for name, n in rows]

    def entries_with(self, name: str) -> list[int]:
        """The ids of the entries that have this tag (compared without case)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ? "
                "ORDER BY et.entry_id",
                (name,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    def rename(self, old: str, new: str) -> int:
        """`old` becomes `new` on every entry; when `new` already exists the two become one. Returns how many
        entries now have `new` that had `old`."""
        with self._journal.transaction() as db:
            source = db.execute("SELECT id FROM tags WHERE name = ?", (old,)).fetchone()
            if source is None:
                return 0
            target = db.execute("SELECT id FROM tags WHERE name = ?", (new,)).fetchone()
            moved = int(db.execute("SELECT count(*) FROM entry_tags WHERE tag_id = ?", (source[0],)).fetchone()[0])
            if target is None or target[0] == source[0]:  # a new name, or the same one written differently
                db.execute("UPDATE tags SET name = ? WHERE id = ?", (new, source[0]))
            else:
                db.execute("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT entry_id, ? FROM entry_tags "
                           "WHERE tag_id = ?", (target[0], source[0]))  # fmt: skip
                db.execute("DELETE FROM tags WHERE id = ?", (source[0],))
        return moved

    def remove(self, name: str) -> list[int]:
        """Take the tag off every entry; returns the entries it was on (for undo)."""
        entry_ids = self.entries_with(name)
        with self._journal.transaction() as db:
            db.execute("DELETE FROM tags WHERE name = ?", (name,))  # entry_tags go with it (ON DELETE CASCADE)
        return entry_ids

    def put_back(self, name: str, entry_ids: list[int]) -> None:
        """Give the tag back to these entries (those still in the journal)."""
        with self._journal.transaction() as db:
            db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,))
            db.executemany(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT e.id, t.id FROM entries e, tags t "
                "WHERE e.id = ? AND t.name = ?",
                [(entry_id, name) for entry_id in entry_ids],
            )
