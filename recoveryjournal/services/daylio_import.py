"""Daylio's CSV export read as check-ins (and entries where a row has a note): its moods mapped to numbers (the
person's own map where they gave one), its activities as feelings, what helped or tags, as the person chose."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput, NotImportable
from recoveryjournal.domain.imports import MAX_FILE_BYTES, ImportedCheckIn, ImportedEntry, ImportRow
from recoveryjournal.i18n import _
from recoveryjournal.services.entry_service import MAX_ENTRY_CHARS
from recoveryjournal.services.import_preview import ImportPreview
from recoveryjournal.services.imported_rows import parse_time, row_key

DAYLIO_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
_MAX_BYTES = MAX_FILE_BYTES


def read_daylio(text: str, name: str, mood_map: dict[str, int] | None, activities_as: str) -> ImportPreview:
    first_line = text[: text.find("\n")] if "\n" in text else text
    delimiter = max(",;\t", key=first_line.count)  # spreadsheet programs in some countries save with ; or tabs
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_BYTES))  # long notes are real; the size is checked above
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
    try:
        header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise NotImportable(_("“{name}” has no lines to read. Nothing has been changed.").format(name=name)) from exc
    if "full_date" not in header or "mood" not in header:
        raise NotImportable(
            _(
                "“{name}” doesn't look like a Daylio export: its first line should start with "
                "full_date,date,weekday,time,mood,activities,note_title,note. Nothing has been changed."
            ).format(name=name)
        )
    mapping = {k.lower(): v for k, v in {**DAYLIO_MOODS, **(mood_map or {})}.items()}
    preview = ImportPreview("daylio", unknown_columns=[h for h in header if h and h not in DAYLIO_COLUMNS])
    used: dict[str, int] = {}
    col = {h: i for i, h in enumerate(header)}
    try:
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            cell = _Cells(record, col)
            try:
                day = _daylio_date(cell("full_date"), cell("date"))
                when = parse_time(cell("time")) if cell("time") else dt.time(12, 0)
            except (InvalidInput, ValueError):
                preview.unreadable.append(_("line {number} (its date or time)").format(number=number))
                continue
            mood_word = cell("mood")
            mood = mapping.get(mood_word.lower())
            if mood is None and mood_word.isdigit() and 1 <= int(mood_word) <= 10:
                mood = int(mood_word)
            if mood is None:
                preview.unmapped_moods[mood_word or "(empty)"] = (
                    preview.unmapped_moods.get(mood_word or "(empty)", 0) + 1
                )
                continue
            used[mood_word.lower()] = mood
            activities = tuple(a.strip() for a in re.split(r"\s*\|\s*", cell("activities")) if a.strip())
            title, note = cell("note_title"), cell("note", strip=False)
            note = note.replace("<br>", "\n").strip()
            if len(note) + len(title) > MAX_ENTRY_CHARS:
                preview.unreadable.append(_("line {number} (its note is too long for one entry)").format(number=number))
                continue
            checkin = ImportedCheckIn(day, when, mood, activities if activities_as == "feelings" else (),
                                      helped=activities if activities_as == "helped" else ())  # fmt: skip
            entry = None
            if title or note:
                entry = ImportedEntry(day, when, title, note, activities if activities_as == "tags" else (), True)
            preview.rows.append(
                ImportRow(row_key("daylio", day, when, mood_word, *activities, title, note), checkin, entry)
            )
    except csv.Error as exc:
        raise NotImportable(
            _("“{name}” is damaged after line {line}: {problem}. Nothing has been changed.").format(
                name=name, line=reader.line_num, problem=exc
            )
        ) from exc
    preview.mood_map = used
    return preview


class _Cells:
    """One CSV record's cells by column name ('' where the record is short)."""

    def __init__(self, record: list[str], columns: dict[str, int]) -> None:
        self._record, self._columns = record, columns

    def __call__(self, name: str, strip: bool = True) -> str:
        i = self._columns.get(name)
        value = self._record[i] if i is not None and i < len(self._record) else ""
        return value.strip() if strip else value


def _daylio_date(full_date: str, date: str) -> dt.date:
    for value in (full_date, date):
        if value:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return parse_date(value)
    raise InvalidInput(_("no date"))
