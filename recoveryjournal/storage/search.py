"""Full-text search over entries and check-in notes, inside the encrypted database (FTS5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.search import (
    HIT_END,
    HIT_START,
    RECENT_WINDOW,
    SearchFilters,
    SearchHit,
    SearchResults,
    fts_query,
    like_pattern,
)
from recoveryjournal.storage.connection import JournalConnection

_SNIPPET_WORDS = 14


def _entry_filters(f: SearchFilters, params: list[Any]) -> str:
    sql = " AND e.entry_date BETWEEN ? AND ?"
    params += [(f.first or dt.date.min).isoformat(), (f.last or dt.date.max).isoformat()]
    if f.tag:
        sql += " AND e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ?)"
        params.append(f.tag)
    if f.mood_min is not None or f.mood_max is not None:
        sql += " AND e.entry_date IN (SELECT checkin_date FROM checkins WHERE mood BETWEEN ? AND ?)"
        params += [f.mood_min or 1, f.mood_max or 10]
    return sql


def _checkin_filters(f: SearchFilters, params: list[Any]) -> str:
    sql = " AND c.checkin_date BETWEEN ? AND ? AND c.mood BETWEEN ? AND ?"
    params += [(f.first or dt.date.min).isoformat(), (f.last or dt.date.max).isoformat()]
    params += [f.mood_min or 1, f.mood_max or 10]
    return sql


class SearchRepository:
    """Ranked matches with highlighted snippets; any text is safe to pass in."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 200, older_than: int | None = None
    ) -> SearchResults:
        """Entries and check-in notes by relevance; nothing found is an empty list.

        A very common word is ranked within its newest RECENT_WINDOW matches; `older_than` (the previous
        page's `results.older_than`) asks for the next window further back, entries only."""
        f = filters or SearchFilters()
        match = fts_query(text)
        limited, cursor = False, None
        if match is not None:
            rows, limited, cursor = self._fts(match, f, limit, older_than)
        else:
            pattern = like_pattern(text)
            if not pattern and f.tag:  # no words, a tag: every entry with that tag (the Tags view's "show")
                pattern = "%"
            rows = self._like(pattern, f, limit) if pattern else []
        results = SearchResults(
            SearchHit(kind, int(i), dt.date.fromisoformat(d), title, snippet) for kind, i, d, title, snippet in rows
        )
        results.limited_to_recent = limited
        results.older_than = cursor
        return results

    def _fts(
        self, match: str, f: SearchFilters, limit: int, older_than: int | None = None
    ) -> tuple[list[tuple[Any, ...]], bool, int | None]:
        # Without filters, rank among the most recent RECENT_WINDOW matches, read in the index's own order
        # with their snippets in one pass: a very common word then costs the same at 100,000 entries as at
        # 1,000. (Asking FTS5 for snippets of chosen rowids afterwards re-runs a prefix query per row.)
        snippet = f"snippet(entries_fts, -1, '{HIT_START}', '{HIT_END}', '…', {_SNIPPET_WORDS})"
        rows: list[tuple[Any, ...]] = []
        limited, cursor = False, None
        with self._journal.errors():
            db = self._journal.db
            if f == SearchFilters():
                before = "" if older_than is None else f" AND rowid < {int(older_than)}"
                window = db.execute(
                    f"SELECT rowid, bm25(entries_fts), {snippet} FROM entries_fts WHERE entries_fts MATCH ?{before} "
                    f"ORDER BY rowid DESC LIMIT {RECENT_WINDOW + 1}",
                    (match,),
                ).fetchall()
                limited, window = len(window) > RECENT_WINDOW, window[:RECENT_WINDOW]
                cursor = min(r[0] for r in window) if limited else None
                window.sort(key=lambda r: r[1])
                window = window[:limit]
                marks = ",".join("?" * len(window))
                meta = {
                    r[0]: r[1:]
                    for r in db.execute(
                        f"SELECT id, entry_date, title FROM entries WHERE id IN ({marks})", [r[0] for r in window]
                    )
                }
                rows = [("entry", i, score, *meta[i], text) for i, score, text in window if i in meta]
            else:
                params: list[Any] = [match]
                sql = (
                    f"SELECT 'entry', e.id, bm25(entries_fts), e.entry_date, e.title, {snippet} FROM entries_fts "
                    "JOIN entries e ON e.id = entries_fts.rowid WHERE entries_fts MATCH ?"
                ) + _entry_filters(f, params)
                rows = db.execute(f"{sql} ORDER BY 3 LIMIT ?", [*params, limit]).fetchall()
            if not f.tag and older_than is None:  # check-ins have no tags; older pages are entries only
                params = [match]
                sql = (
                    "SELECT 'checkin', c.id, bm25(checkins_fts), c.checkin_date, '', "
                    f"snippet(checkins_fts, 0, '{HIT_START}', '{HIT_END}', '…', {_SNIPPET_WORDS}) FROM checkins_fts "
                    "JOIN checkins c ON c.id = checkins_fts.rowid WHERE checkins_fts MATCH ?"
                ) + _checkin_filters(f, params)
                rows += db.execute(f"{sql} ORDER BY 3 LIMIT ?", [*params, limit]).fetchall()
        rows.sort(key=lambda r: r[2])
        hits = [(kind, i, date, title, text) for kind, i, _score, date, title, text in rows[:limit]]
        return hits, limited, cursor

    def _like(self, pattern: str, f: SearchFilters, limit: int) -> list[tuple[Any, ...]]:
        params: list[Any] = [pattern, pattern]
        sql = (
            "SELECT 'entry', e.id, e.entry_date, e.title, substr(e.body, 1, 160) FROM entries e "
            "WHERE (e.title LIKE ? ESCAPE '\\' OR e.body LIKE ? ESCAPE '\\')"
        ) + _entry_filters(f, params)
        sql += " ORDER BY e.entry_date DESC LIMIT ?"
        with self._journal.errors():
            return list(self._journal.db.execute(sql, [*params, limit]).fetchall())
