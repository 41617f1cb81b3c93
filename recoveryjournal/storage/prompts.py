"""My prompts, kept inside the encrypted journal (they travel with export-all and come back with its import)."""

from __future__ import annotations

from recoveryjournal.domain.prompts import Prompt
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import PROMPTS


class PromptRepository:
    """Prompts in the person's order; every write is one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    @property
    def kept(self) -> bool:
        """False for a journal older than prompts, read as it is (a read-only stick): it has none of its own."""
        return self._journal.has(PROMPTS)

    def all(self) -> list[Prompt]:
        """Every prompt, in order."""
        if not self.kept:
            return []
        with self._journal.errors():
            rows = self._journal.db.execute("SELECT id, name, body FROM prompts ORDER BY position, id").fetchall()
        return [Prompt(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def add(self, name: str, text: str) -> int:
        """A new prompt at the end; its id."""
        with self._journal.transaction() as db:
            cur = db.execute(
                "INSERT INTO prompts (name, body, position) VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 "
                "FROM prompts))",
                (name, text),
            )
            return int(cur.lastrowid)

    def add_missing(self, prompts: list[tuple[str, str]]) -> None:
        """Add those whose name isn't here yet (the gentle ones a journal starts with)."""
        with self._journal.transaction() as db:
            for position, (name, text) in enumerate(prompts, start=1):
                db.execute("INSERT OR IGNORE INTO prompts (name, body, position) VALUES (?, ?, ?)",
                           (name, text, position))  # fmt: skip

    def update(self, prompt_id: int, name: str, text: str) -> bool:
        """Change a prompt; False when it isn't there."""
        with self._journal.transaction() as db:
            cur = db.execute("UPDATE prompts SET name = ?, body = ? WHERE id = ?", (name, text, prompt_id))
            return bool(cur.rowcount)

    def delete(self, prompt_id: int) -> None:
        """Remove a prompt (entries started from it keep their words)."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM prompts WHERE id = ?", (prompt_id,))

    def named(self, name: str) -> Prompt | None:
        """The prompt with this name (compared without case), or None."""
        if not self.kept:
            return None
        with self._journal.errors():
            row = self._journal.db.execute("SELECT id, name, body FROM prompts WHERE name = ?", (name,)).fetchone()
        return Prompt(int(row[0]), str(row[1]), str(row[2])) if row else None
