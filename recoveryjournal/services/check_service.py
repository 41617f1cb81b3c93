"""`check`: is the journal whole, and is it really encrypted? A short report in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from recoveryjournal.domain.errors import JournalDamaged
from recoveryjournal.i18n import _
from recoveryjournal.services.entry_service import EntryService
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.maintenance import check_integrity, salvage_counts
from recoveryjournal.storage.readback import unreadable_rows

_SAMPLE_MIN_CHARS = 12


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Lines to show and whether everything is well."""

    ok: bool
    lines: list[str]


def check_journal(conn: JournalConnection, entries: EntryService) -> CheckReport:
    """Run SQLCipher's and SQLite's checks and look for readable journal text in the files.

    Where something is damaged, the report goes on to say how much can still be read, kind by kind. The open
    journal runs it (`session.check()`); the newest entries give the text to look for in the files.
    """
    try:
        newest = entries.newest_first(limit=50)
    except JournalDamaged:
        newest = []
    samples = [e.text.strip()[:40] for e in newest if len(e.text.strip()) >= _SAMPLE_MIN_CHARS]
    result = check_integrity(conn, samples)
    unreadable = unreadable_rows(conn) if result.ok else []
    lines = [
        _("Journal: {path}").format(path=conn.layout.folder),
        _("Format version: {schema_version}").format(schema_version=result.schema_version),
        _line(_("Every page is intact (SQLCipher page check)"), result.page_problems),
        _line(_("The structure is sound (SQLite integrity check)"), result.structure_problems),
        _line(_("The files are encrypted (no readable journal text found)"), result.encryption_problems),
    ]
    if result.ok:  # the app reads every row the way it will show it
        lines.append(_line(_("Everything can be shown by the app (every item read back)"), unreadable))
    salvage = salvage_counts(conn)
    if result.ok and not unreadable:
        lines.insert(2, _("Entries: {readable}").format(readable=salvage[0].readable))
        lines.append(_("All is well."))
        return CheckReport(True, lines)
    if result.ok:
        lines.append(
            _(
                "Some items hold values the app can't show. Everything else works as usual. If you have a backup "
                "from before they came in, Restore from a backup… brings it back."
            )
        )
        return CheckReport(False, lines)
    lines.append(_("What can still be read:"))
    for item in salvage:
        of = (
            _(" of {total}").format(total=item.total)
            if item.total is not None
            else _(" (the full count couldn't be read)")
        )
        lines.append(f"    {item.label}: {item.readable}{of}")
    lines.append(
        _(
            "Some checks found problems. Keep a copy of this journal folder before changing anything. "
            "Everything that can still be read can be opened and shared as usual; a backup (recoveryjournal-cli "
            "backup) or a full export (export-all) keeps what can be read, and a backup made earlier can be restored."
        )
    )
    return CheckReport(False, lines)


def _line(label: str, problems: list[str]) -> str:
    if not problems:
        return _("OK  {label}").format(label=label)
    return f"!!  {label}: " + "; ".join(problems[:5])
