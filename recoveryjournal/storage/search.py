"""Full-text search over entries and check-in notes, inside the encrypted database (FTS5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.search import HIT_END, HIT_START, SearchFilters, SearchHit, fts_query, like_pattern
from recoveryjournal.storage.connection import JournalConnection, explain_db_errors

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

    def search(self, text: str, filters: SearchFilters | None = None, limit: int = 200) -> list[SearchHit]:
        """Entries first by relevance, then check-in notes; nothing found is an empty list."""
        f = filters or SearchFilters()
        match = fts_query(text)
        if match is not None:
            rows = self._fts(match, f, limit)
        else:
            pattern = like_pattern(text)
            rows = self._like(pattern, f, limit) if pattern else []
        return [
            SearchHit(kind, int(i), dt.date.fromisoformat(d), title, snippet) for kind, i, d, title, snippet in rows
        ]

    def _fts(self, match: str, f: SearchFilters, limit: int) -> list[tuple[Any, ...]]:
        entry_params: list[Any] = [match]
        entry_sql = (
            f"SELECT 'entry', e.id, e.entry_date, e.title, "
            f"snippet(entries_fts, -1, '{HIT_START}', '{HIT_END}', '…', {_SNIPPET_WORDS}), bm25(entries_fts) "
            f"FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid WHERE entries_fts MATCH ?"
        ) + _entry_filters(f, entry_params)
        if f.tag:  # check-ins have no tags: a tag filter means entries only
            sql, params = entry_sql + " ORDER BY 6 LIMIT ?", [*entry_params, limit]
        else:
            checkin_params: list[Any] = [match]
            checkin_sql = (
                f"SELECT 'checkin', c.id, c.checkin_date, '', "
                f"snippet(checkins_fts, 0, '{HIT_START}', '{HIT_END}', '…', {_SNIPPET_WORDS}), bm25(checkins_fts) "
                f"FROM checkins_fts JOIN checkins c ON c.id = checkins_fts.rowid WHERE checkins_fts MATCH ?"
            ) + _checkin_filters(f, checkin_params)
            sql = f"{entry_sql} UNION ALL {checkin_sql} ORDER BY 6 LIMIT ?"
            params = [*entry_params, *checkin_params, limit]
        with explain_db_errors():
            return [r[:5] for r in self._journal.db.execute(sql, params).fetchall()]

    def _like(self, pattern: str, f: SearchFilters, limit: int) -> list[tuple[Any, ...]]:
        params: list[Any] = [pattern, pattern]
        sql = (
            "SELECT 'entry', e.id, e.entry_date, e.title, substr(e.body, 1, 160) FROM entries e "
            "WHERE (e.title LIKE ? ESCAPE '\\' OR e.body LIKE ? ESCAPE '\\')"
        ) + _entry_filters(f, params)
        sql += " ORDER BY e.entry_date DESC LIMIT ?"
        with explain_db_errors():
            return list(self._journal.db.execute(sql, [*params, limit]).fetchall())
