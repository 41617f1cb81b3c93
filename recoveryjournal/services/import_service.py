"""Bring history in: our own full-journal JSON, Daylio's CSV export and jrnl's JSON export.

Reading a file never changes the journal: `Imports.read_file` gives a preview (what will come in, what is
already there, columns that won't come in, rows that couldn't be read); `bring_in` then adds it all
in one transaction. Every item keeps a key of where it came from, so the same file twice adds nothing.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput, NotImportable
from recoveryjournal.domain.imports import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportedEntry,
    ImportRow,
    ShapeError,
    check_scalar,
    check_tables,
    json_depth,
)
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.daylio_import import read_daylio
from recoveryjournal.services.entry_service import MAX_ENTRY_CHARS
from recoveryjournal.services.import_preview import ImportOutcome, ImportPreview
from recoveryjournal.services.imported_rows import parse_time, row_key
from recoveryjournal.storage import transfer
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.meta import MetaRepository
from recoveryjournal.storage.readback import unreadable_rows
from recoveryjournal.storage.schema import current_version

KINDS = ("json", "daylio", "jrnl")
EXPORT_FORMAT = "recovery-journal-export"
EXPORT_VERSION = 1
#: Daylio's five moods, as they come; a person may have renamed them (the mapping can be changed).
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


_NAMES = {"json": "Recovery Journal", "daylio": "Daylio", "jrnl": "jrnl"}


class Imports:
    """Bring a file in (a preview first, then all of it in one transaction) and export all of it as JSON.
    Built by the open journal (`session.imports`); the connection stays private."""

    def __init__(self, conn: JournalConnection) -> None:
        self._conn = conn

    def read_file(
        self, path: Path | str, kind: str, *, mood_map: dict[str, int] | None = None,
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
                raise NotImportable(
                    _("This file is larger than 200 MB, too large to bring in. Nothing has been changed.")
                )
            data = source.read_bytes()
        except OSError as exc:
            raise NotImportable(
                _("“{name}” couldn't be read ({value}). Nothing has been changed.").format(
                    name=source.name, value=exc.strerror or exc
                )
            ) from exc
        if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            raise NotImportable(
                _("“{name}” is empty, so there is nothing to bring in. Nothing has been changed.").format(
                    name=source.name
                )
            )
        text = decode(data)
        if kind == "json":
            preview = _read_own_json(text, source.name)
            preview.already = _already_json(self._conn, preview)
        else:
            preview = (
                read_daylio(text, source.name, mood_map, activities_as)
                if kind == "daylio"
                else _read_jrnl(text, source.name)
            )
            preview.already = len(transfer.already_imported(self._conn, [r.key for r in preview.rows]))
        if kind != "json" and not preview.rows and not preview.unmapped_moods:
            raise NotImportable(
                _("Nothing in “{name}” could be read as {value} items. Nothing has been changed.").format(
                    name=source.name, value=_NAMES[kind]
                )
            )
        return preview

    def bring_in(self, preview: ImportPreview) -> ImportOutcome:
        """Add what the preview showed, all in one transaction (all of it or none of it)."""
        conn = self._conn
        conn.refuse_if_read_only()
        if preview.kind == "json":

            def readable() -> None:  # the same readers the app uses, before the commit: never store what can't be read
                if unreadable := unreadable_rows(conn, limit=5):
                    raise NotImportable(
                        _(
                            "This file holds things the app couldn't read back ({what}). Nothing has been changed."
                        ).format(what=", ".join(unreadable))
                    )

            result = transfer.load(conn, preview.tables, preview.source, verify=readable)
            added = result.added
            return ImportOutcome(added.get("checkins", 0), added.get("entries", 0),
                                 sum(n for t, n in added.items() if t not in ("checkins", "entries")))  # fmt: skip
        checkins, entries = transfer.import_rows(conn, preview.rows)
        return ImportOutcome(checkins, entries)

    def export_all_bytes(self) -> bytes:
        """Every part of the journal as one JSON document (not encrypted: services.exporter writes it and warns)."""
        conn = self._conn
        doc = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "schema": current_version(conn.db),
            "source": MetaRepository(conn).journal_id(),
            "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "tables": transfer.dump(conn),
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


# Our own JSON ------------------------------------------------------------------------------------------
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


def _already_json(conn: JournalConnection, preview: ImportPreview) -> int:
    keys = [f"rj:{preview.source}:{t}:{row['id']}" for t, rows in preview.tables.items() for row in rows if "id" in row]
    return len(transfer.already_imported(conn, keys))


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
        preview.rows.append(ImportRow(row_key("jrnl", day, when, title, body), entry=entry))
    preview.unknown_columns = sorted(extra)
    return preview
