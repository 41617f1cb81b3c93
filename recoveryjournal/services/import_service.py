"""Bring history in: our own full-journal JSON, Daylio's CSV export and jrnl's JSON export.

Reading a file never changes the journal: `read_file` gives a preview (what will come in, what is
already there, columns that won't come in, rows that couldn't be read); `bring_in` then adds it all
in one transaction. Every item keeps a key of where it came from, so the same file twice adds nothing.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput, NotImportable
from recoveryjournal.domain.imports import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportedCheckIn,
    ImportedEntry,
    ImportRow,
    ShapeError,
    check_scalar,
    check_tables,
    json_depth,
)
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.import_preview import ImportOutcome, ImportPreview
from recoveryjournal.services.journal_service import MAX_ENTRY_CHARS
from recoveryjournal.services.session_view import SessionView
from recoveryjournal.storage import transfer
from recoveryjournal.storage.meta import MetaRepository
from recoveryjournal.storage.readback import unreadable_rows
from recoveryjournal.storage.schema import current_version

KINDS = ("json", "daylio", "jrnl")
EXPORT_FORMAT = "recovery-journal-export"
EXPORT_VERSION = 1
#: Daylio's five moods, as they come; a person may have renamed them (the mapping can be changed).
DAYLIO_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
DAYLIO_COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
UNENCRYPTED_WARNING = N_(
    "This file is not encrypted: anyone who opens it can read everything in your journal. "
    "Keep it somewhere safe, and delete it when you no longer need it."
)
_MAX_BYTES = MAX_FILE_BYTES


def decode(data: bytes) -> str:
    """Text from a file of any usual encoding: UTF-8 (with or without BOM), UTF-16 with BOM, or Latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotImportable(_("This file couldn't be read as text. Nothing has been changed.")) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1")


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_file(
    session: SessionView, path: Path | str, kind: str, *, mood_map: dict[str, int] | None = None,
    activities_as: str = "feelings",
) -> ImportPreview:  # fmt: skip
    """Read and check a file; nothing in the journal changes. Raises NotImportable (exit 4) for an empty,
    unreadable or wrong-kind file."""
    if kind not in KINDS:
        raise InvalidInput(
            _("“{kind}” isn't a kind of file I can bring in. Choose json, daylio or jrnl.").format(kind=kind)
        )
    source = Path(path).expanduser()
    try:
        if source.stat().st_size > _MAX_BYTES:
            raise NotImportable(_("This file is larger than 200 MB, too large to bring in. Nothing has been changed."))
        data = source.read_bytes()
    except OSError as exc:
        raise NotImportable(
            _("“{name}” couldn't be read ({value}). Nothing has been changed.").format(
                name=source.name, value=exc.strerror or exc
            )
        ) from exc
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise NotImportable(
            _("“{name}” is empty, so there is nothing to bring in. Nothing has been changed.").format(name=source.name)
        )
    text = decode(data)
    if kind == "json":
        preview = _read_own_json(text, source.name)
        preview.already = _already_json(session, preview)
    else:
        preview = (
            _read_daylio(text, source.name, mood_map, activities_as)
            if kind == "daylio"
            else _read_jrnl(text, source.name)
        )
        preview.already = len(transfer.already_imported(session.connection, [r.key for r in preview.rows]))
    if kind != "json" and not preview.rows and not preview.unmapped_moods:
        raise NotImportable(
            _("Nothing in “{name}” could be read as {value} items. Nothing has been changed.").format(
                name=source.name, value=_NAMES[kind]
            )
        )
    return preview


_NAMES = {"json": "Recovery Journal", "daylio": "Daylio", "jrnl": "jrnl"}


def bring_in(session: SessionView, preview: ImportPreview) -> ImportOutcome:
    """Add what the preview showed, all in one transaction (all of it or none of it)."""
    conn = session.connection
    conn.refuse_if_read_only()
    if preview.kind == "json":

        def readable() -> None:  # the same readers the app uses, before the commit: never store what can't be read
            if unreadable := unreadable_rows(conn, limit=5):
                raise NotImportable(
                    _("This file holds things the app couldn't read back ({what}). Nothing has been changed.").format(
                        what=", ".join(unreadable)
                    )
                )

        result = transfer.load(conn, preview.tables, preview.source, verify=readable)
        added = result.added
        return ImportOutcome(added.get("checkins", 0), added.get("entries", 0),
                             sum(n for t, n in added.items() if t not in ("checkins", "entries")))  # fmt: skip
    checkins, entries = transfer.import_rows(conn, preview.rows)
    return ImportOutcome(checkins, entries)


def announce(session: SessionView, outcome: ImportOutcome) -> None:
    """Tell everyone who listens what an import changed, through the services' own signals (call it on the
    thread that shows the journal: the listeners may be windows)."""
    if outcome.entries:
        session.entries_changed.emit()
    if outcome.checkins:
        session.checkins.changed.emit()
    if outcome.other:
        for service in (session.goals, session.plan, session.support, session.appointments):
            service.changed.emit()


# Our own JSON ------------------------------------------------------------------------------------------
def export_all_bytes(session: SessionView) -> bytes:
    """Every part of the journal as one JSON document (not encrypted: services.exporter writes it and warns)."""
    conn = session.connection
    doc = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema": current_version(conn.db),
        "source": MetaRepository(conn).journal_id(),
        "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "tables": transfer.dump(conn),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _load_json(text: str, name: str) -> Any:
    try:
        doc = json.loads(text)
    except RecursionError as exc:
        raise NotImportable(
            _("“{name}” nests deeper than any export does. Nothing has been changed.").format(name=name)
        ) from exc
    except json.JSONDecodeError as exc:
        # Said as it is: not JSON at all, cut short (the fault is at its very end), or damaged at a line.
        if exc.pos >= len(text.rstrip()):
            words = _("“{name}” isn't complete JSON (it may be cut short). Nothing has been changed.")
        elif exc.pos <= len(text) - len(text.lstrip()):
            words = _("“{name}” isn't JSON at all. Nothing has been changed.")
        else:
            words = _("“{name}” is damaged at line {line} (it isn't valid JSON there). Nothing has been changed.")
        raise NotImportable(words.format(name=name, line=exc.lineno)) from exc
    if json_depth(doc) > MAX_DEPTH:
        raise NotImportable(
            _("“{name}” nests deeper than any export does. Nothing has been changed.").format(name=name)
        )
    return doc


def _cant_read(name: str, kind: str, where: str) -> NotImportable:
    return NotImportable(
        _("“{name}” isn't a {kind} export I can read: {where}. Nothing has been changed.").format(
            name=name, kind=kind, where=where
        )
    )


def _read_own_json(text: str, name: str) -> ImportPreview:
    doc = _load_json(text, name)
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise NotImportable(
            _(
                "“{name}” isn't a full export from Recovery Journal (made with export-all). Nothing has been changed."
            ).format(name=name)
        )
    if doc.get("version") != EXPORT_VERSION:
        raise NotImportable(_("This export was made by a newer version of Recovery Journal. Please update the app."))
    try:
        tables = check_tables(doc.get("tables"))
        check_scalar(doc.get("source"), "“source”")
    except ShapeError as exc:
        raise _cant_read(name, "Recovery Journal", str(exc)) from exc
    return ImportPreview(
        "json", tables=tables, source=str(doc.get("source") or hashlib.sha256(text.encode()).hexdigest()[:16])
    )


def _already_json(session: SessionView, preview: ImportPreview) -> int:
    keys = [f"rj:{preview.source}:{t}:{row['id']}" for t, rows in preview.tables.items() for row in rows if "id" in row]
    return len(transfer.already_imported(session.connection, keys))


# Daylio -------------------------------------------------------------------------------------------------
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


def parse_time(value: str) -> dt.time:
    """'8:30 pm', '20:30', '8.30 a.m.' → a time; InvalidInput otherwise."""
    m = _TIME.match(value or "")
    if not m:
        raise InvalidInput(_("“{value}” isn't a time").format(value=value))
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise InvalidInput(_("“{value}” isn't a time").format(value=value))
    return dt.time(hour, minute)


def _key(kind: str, *parts: object) -> str:
    return f"{kind}:" + hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "replace")).hexdigest()


def _read_daylio(text: str, name: str, mood_map: dict[str, int] | None, activities_as: str) -> ImportPreview:
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
                ImportRow(_key("daylio", day, when, mood_word, *activities, title, note), checkin, entry)
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


# jrnl ---------------------------------------------------------------------------------------------------
_JRNL_TYPES = {"date": (str,), "time": (str,), "title": (str,), "body": (str,), "tags": (list,), "starred": (bool,)}


def _check_jrnl(entries: list[Any], name: str) -> None:
    """jrnl's own shape: a list of entries, each with its date as text (2026-03-14) and known fields typed."""
    if len(entries) > MAX_ROWS:
        raise _cant_read(name, "jrnl", _("more than {limit} entries").format(limit=MAX_ROWS))
    for number, item in enumerate(entries, start=1):
        if not isinstance(item, dict):
            raise _cant_read(name, "jrnl", _("entry {number} isn't an entry").format(number=number))
        for key, types in _JRNL_TYPES.items():
            value = item.get(key)
            if value is not None and not isinstance(value, types):
                raise _cant_read(
                    name, "jrnl", _("entry {number}'s “{field}” is {value}").format(
                        number=number, field=key, value=json.dumps(value)[:40])
                )  # fmt: skip
        if not item.get("date"):
            raise _cant_read(name, "jrnl", _("entry {number} has no date").format(number=number))
        try:
            for tag in item.get("tags") or []:
                check_scalar(tag, _("entry {number}'s tags").format(number=number))
            check_scalar(item.get("body"), _("entry {number}'s text").format(number=number))
        except ShapeError as exc:
            raise _cant_read(name, "jrnl", str(exc)) from exc


def _read_jrnl(text: str, name: str) -> ImportPreview:
    doc = _load_json(text, name)
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise NotImportable(
            _(
                "“{name}” doesn't look like a jrnl export (made with jrnl --format json). Nothing has been changed."
            ).format(name=name)
        )
    _check_jrnl(entries, name)
    preview = ImportPreview("jrnl")
    known = {"date", "time", "title", "body", "tags", "starred"}
    extra: set[str] = set()
    for number, item in enumerate(entries, start=1):
        if not isinstance(item, dict):
            preview.unreadable.append(_("entry {number}").format(number=number))
            continue
        extra |= set(item) - known
        try:
            day = dt.date.fromisoformat(str(item.get("date", ""))) if item.get("date") else None
            if day is None:
                raise InvalidInput(_("no date"))
            when = parse_time(str(item["time"])) if item.get("time") else None
        except (InvalidInput, ValueError):
            try:
                day, when = parse_date(str(item.get("date", ""))), None
            except InvalidInput:
                preview.unreadable.append(_("entry {number} (its date)").format(number=number))
                continue
        title, body = str(item.get("title") or ""), str(item.get("body") or "")
        if len(title) + len(body) > MAX_ENTRY_CHARS:
            preview.unreadable.append(_("entry {number} (too long for one entry)").format(number=number))
            continue
        tags = [str(t).lstrip("@#") for t in item.get("tags") or [] if str(t).strip("@# ")]
        if item.get("starred"):
            tags.append("starred")
        entry = ImportedEntry(day, when, title, body.strip("\n"), tuple(tags))
        preview.rows.append(ImportRow(_key("jrnl", day, when, title, body), entry=entry))
    preview.unknown_columns = sorted(extra)
    return preview
