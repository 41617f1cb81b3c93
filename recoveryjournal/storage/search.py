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

    def search(self, text: str, filters: SearchFilters | None = None, limit: int = 200) -> SearchResults:
        """Entries and check-in notes by relevance; nothing found is an empty list."""
        f = filters or SearchFilters()
        match = fts_query(text)
        limited = False
        if match is not None:
            rows, limited = self._fts(match, f, limit)
        else:
            pattern = like_pattern(text)
            rows = self._like(pattern, f, limit) if pattern else []
        results = SearchResults(
            SearchHit(kind, int(i), dt.date.fromisoformat(d), title, snippet) for kind, i, d, title, snippet in rows
        )
        results.limited_to_recent = limited
        return results

    def _fts(self, match: str, f: SearchFilters, limit: int) -> tuple[list[tuple[Any, ...]], bool]:
        # Rank first, then make snippets for the chosen rows only (snippets are the costly part). Without
        # filters, rank among the most recent RECENT_WINDOW matches: a very common word then costs the same
        # at 100,000 entries as at 1,000.
        entry_params: list[Any] = [match]
        windowed = f == SearchFilters()
        source = (
            f"(SELECT rowid AS hit, bm25(entries_fts) AS score FROM entries_fts WHERE entries_fts MATCH ? "
            f"ORDER BY rowid DESC LIMIT {RECENT_WINDOW})"
            if windowed
            else "(SELECT rowid AS hit, bm25(entries_fts) AS score FROM entries_fts WHERE entries_fts MATCH ?)"
        )
        entry_sql = f"SELECT 'entry', e.id, score FROM {source} JOIN entries e ON e.id = hit WHERE 1" + _entry_filters(
            f, entry_params
        )
        sql, params = entry_sql, entry_params
        if not f.tag:  # check-ins have no tags: a tag filter means entries only
            checkin_params: list[Any] = [match]
            checkin_sql = (
                "SELECT 'checkin', c.id, bm25(checkins_fts) FROM checkins_fts "
                "JOIN checkins c ON c.id = checkins_fts.rowid WHERE checkins_fts MATCH ?"
            ) + _checkin_filters(f, checkin_params)
            sql, params = f"{entry_sql} UNION ALL {checkin_sql}", [*entry_params, *checkin_params]
        with explain_db_errors():
            db = self._journal.db
            ranked = db.execute(f"{sql} ORDER BY 3 LIMIT ?", [*params, limit]).fetchall()
            limited = (
                windowed
                and db.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? "
                    f"LIMIT {RECENT_WINDOW + 1})",
                    (match,),
                ).fetchone()[0]
                > RECENT_WINDOW
            )
            details = {}
            for kind, table, source, date_col, title_col, col in (
                ("entry", "entries_fts", "entries", "entry_date", "s.title", -1),
                ("checkin", "checkins_fts", "checkins", "checkin_date", "''", 0),
            ):
                ids = [row[1] for row in ranked if row[0] == kind]
                if not ids:
                    continue
                marks = ",".join("?" * len(ids))
                for row_id, date, title, snippet in db.execute(
                    f"SELECT s.id, s.{date_col}, {title_col}, "
                    f"snippet({table}, {col}, '{HIT_START}', '{HIT_END}', '…', {_SNIPPET_WORDS}) "
                    f"FROM {table} JOIN {source} s ON s.id = {table}.rowid "
                    f"WHERE {table} MATCH ? AND {table}.rowid IN ({marks})",
                    [match, *ids],
                ):
                    details[(kind, row_id)] = (date, title, snippet)
        return [(kind, i, *details[(kind, i)]) for kind, i, _rank in ranked if (kind, i) in details], limited

    def _like(self, pattern: str, f: SearchFilters, limit: int) -> list[tuple[Any, ...]]:
        params: list[Any] = [pattern, pattern]
        sql = (
            "SELECT 'entry', e.id, e.entry_date, e.title, substr(e.body, 1, 160) FROM entries e "
            "WHERE (e.title LIKE ? ESCAPE '\\' OR e.body LIKE ? ESCAPE '\\')"
        ) + _entry_filters(f, params)
        sql += " ORDER BY e.entry_date DESC LIMIT ?"
        with explain_db_errors():
            return list(self._journal.db.execute(sql, [*params, limit]).fetchall())
