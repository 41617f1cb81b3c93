"""The share log, inside the encrypted journal: nothing about a share is kept anywhere else."""

from __future__ import annotations

import datetime as dt

from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.share import ShareRecord
from recoveryjournal.storage.connection import JournalConnection


class ShareLogRepository:
    """Record shares and look them up by item or recipient."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def record(self, recipient: str, title: str, fmt: str, saved_to: str, items: list[tuple[str, str]]) -> int:
        """One share and the items in it, in one transaction."""
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._journal.transaction() as db:
            cur = db.execute(
                "INSERT INTO share_log (shared_at, recipient, title, format, saved_to) VALUES (?, ?, ?, ?, ?)",
                (now, clean_text(recipient), clean_text(title), fmt, clean_text(saved_to)),
            )
            share_id = int(cur.lastrowid)
            db.executemany("INSERT INTO share_log_items (share_id, kind, ref) VALUES (?, ?, ?)",
                           [(share_id, kind, ref) for kind, ref in items])  # fmt: skip
        return share_id

    def all(self) -> list[ShareRecord]:
        """Every share, newest first."""
        with self._journal.errors():
            db = self._journal.db
            rows = db.execute("SELECT id, shared_at, recipient, title, format, saved_to FROM share_log "
                              "ORDER BY id DESC").fetchall()  # fmt: skip
            items: dict[int, list[tuple[str, str]]] = {}
            for share_id, kind, ref in db.execute("SELECT share_id, kind, ref FROM share_log_items"):
                items.setdefault(share_id, []).append((kind, ref))
        return [ShareRecord(r[0], dt.datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], tuple(items.get(r[0], ())))
                for r in rows]  # fmt: skip

    def for_item(self, kind: str, ref: str) -> list[tuple[dt.datetime, str]]:
        """(when, to whom) for every share that included this item."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT l.shared_at, l.recipient FROM share_log l JOIN share_log_items i ON i.share_id = l.id "
                "WHERE i.kind = ? AND i.ref = ? ORDER BY l.id DESC",
                (kind, ref),
            ).fetchall()
        return [(dt.datetime.fromisoformat(t), r) for t, r in rows]

    def recipients(self) -> list[str]:
        """People shared with before (suggestions, kept inside the journal only)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT recipient FROM share_log WHERE recipient != '' GROUP BY recipient ORDER BY max(id) DESC"
            ).fetchall()
        return [r[0] for r in rows]
