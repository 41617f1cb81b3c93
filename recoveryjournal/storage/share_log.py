"""The share log, inside the encrypted journal: nothing about a share is kept anywhere else."""

from __future__ import annotations

import datetime as dt

from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.share import ShareRecord
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import SHARE_LOG_DETAILS


class ShareLogRepository:
    """Record shares and look them up by item or recipient."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def record(self, recipient: str, title: str, fmt: str, saved_to: str, items: list[tuple[str, str, str, str]],
               words_left_out: int = 0) -> int:  # fmt: skip
        """One share and its items (kind, ref, date, title as it left), in one transaction."""
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._journal.transaction() as db:
            cur = db.execute(
                "INSERT INTO share_log (shared_at, recipient, title, format, saved_to, words_left_out) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (now, clean_text(recipient), clean_text(title), fmt, clean_text(saved_to), int(words_left_out)),
            )
            share_id = int(cur.lastrowid)
            rows = [(share_id, kind, ref, when, clean_text(shown)) for kind, ref, when, shown in items]
            db.executemany("INSERT INTO share_log_items (share_id, kind, ref, item_date, item_title) "
                           "VALUES (?, ?, ?, ?, ?)", rows)  # fmt: skip
        return share_id

    def all(self) -> list[ShareRecord]:
        """Every share, newest first (a journal from before v8, read as it is, has no titles or counts)."""
        details = self._journal.has(SHARE_LOG_DETAILS)
        left_out = "words_left_out" if details else "0"
        shown = "item_date, item_title" if details else "'', ''"
        with self._journal.errors():
            db = self._journal.db
            rows = db.execute(f"SELECT id, shared_at, recipient, title, format, saved_to, {left_out} FROM share_log "
                              "ORDER BY id DESC").fetchall()  # fmt: skip
            items: dict[int, list[tuple[str, str, str, str]]] = {}
            for share_id, kind, ref, when, what in db.execute(
                f"SELECT share_id, kind, ref, {shown} FROM share_log_items ORDER BY rowid"
            ):
                items.setdefault(share_id, []).append((kind, ref, when, what))
        return [ShareRecord(r[0], dt.datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5],
                            tuple((k, ref) for k, ref, _w, _t in items.get(r[0], ())),
                            tuple((w, t) for _k, _r, w, t in items.get(r[0], ())), int(r[6]))
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
