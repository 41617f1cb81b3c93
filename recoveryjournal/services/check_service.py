"""`check`: is the journal whole, and is it really encrypted? A short report in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from recoveryjournal.services.journal_service import JournalSession
from recoveryjournal.storage.maintenance import check_integrity

_SAMPLE_MIN_CHARS = 12


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Lines to show and whether everything is well."""

    ok: bool
    lines: list[str]


def check_journal(session: JournalSession) -> CheckReport:
    """Run SQLCipher's and SQLite's checks and look for readable journal text in the files."""
    samples = [e.text.strip()[:40] for e in session.entries(limit=50) if len(e.text.strip()) >= _SAMPLE_MIN_CHARS]
    result = check_integrity(session.connection, samples)
    lines = [
        f"Journal: {session.path}",
        f"Format version: {result.schema_version}",
        f"Entries: {session.entry_count()}",
        _line("Every page is intact (SQLCipher page check)", result.page_problems),
        _line("The structure is sound (SQLite integrity check)", result.structure_problems),
        _line("The files are encrypted (no readable journal text found)", result.encryption_problems),
    ]
    lines.append(
        "All is well."
        if result.ok
        else "Some checks found problems. Keep a copy of this journal folder before changing anything."
    )
    return CheckReport(result.ok, lines)


def _line(label: str, problems: list[str]) -> str:
    if not problems:
        return f"OK  {label}"
    return f"!!  {label}: " + "; ".join(problems[:5])
