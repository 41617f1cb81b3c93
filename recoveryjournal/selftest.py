"""`recoveryjournal --self-test`: prove, from source or from the bundle, that this copy really works.

Makes a temporary journal with the real key derivation, writes a canary, proves the files hold no
readable text and no SQLite header, reopens it, searches it (FTS5), renders a small PDF and a chart
offscreen, then removes everything and reports. It leaves nothing in HOME or the temp folder: the
journal is made in a private temporary folder that is removed at the end, whatever happens.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def run(out: Callable[[str], None] = print) -> int:
    """Run every check; 0 when all pass, 1 with the reason otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="rj-selftest-"))
    os.environ["MPLCONFIGDIR"] = str(work / "matplotlib")  # its font cache goes too, not into HOME
    canary = f"self-test canary {secrets.token_hex(6)}"
    passphrase = secrets.token_urlsafe(12)
    steps: list[tuple[str, Callable[[], str]]] = []
    state: dict[str, object] = {}

    def step(label: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
        def add(fn: Callable[[], str]) -> Callable[[], str]:
            steps.append((label, fn))
            return fn

        return add

    @step("key derivation (Argon2id) and a new journal")
    def _create() -> str:
        from recoveryjournal.services.journal_service import create_journal

        session, recovery = create_journal(work / "self-test", passphrase)
        session.entries.add(f"{canary} written by the self-test", "Self-test")
        session.checkins.add(6, note=canary)
        session.lock()
        state["recovery"] = recovery
        return "made and locked"

    @step("the files are encrypted")
    def _encrypted() -> str:
        folder = work / "self-test.rjournal"
        for part in folder.iterdir():
            data = part.read_bytes()
            if data.startswith(b"SQLite format 3\x00"):
                raise AssertionError(f"{part.name} is an unencrypted database")
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                if canary.encode(enc) in data:
                    raise AssertionError(f"{part.name} holds readable journal text")
        return "no readable text, no SQLite header"

    @step("reopen, recovery key, search (FTS5)")
    def _reopen() -> str:
        from recoveryjournal.services.journal_service import unlock_journal

        unlock_journal(work / "self-test", str(state["recovery"]), recovery_key=True).lock()
        session = unlock_journal(work / "self-test", passphrase)
        try:
            if not any(canary in e.text for e in session.entries.newest_first()):
                raise AssertionError("the entry didn't come back")
            if len(session.search(canary.split()[-1])) != 2:
                raise AssertionError("search didn't find the entry and the check-in")
            if not session.check().ok:
                raise AssertionError("the integrity check found a problem")
            state["session"] = session
        except BaseException:
            session.lock()
            raise
        return "opened twice, found by search, checks clean"

    @step("a chart and a PDF, offscreen")
    def _render() -> str:
        import datetime as dt

        from recoveryjournal.domain.share import ShareRequest
        from recoveryjournal.render.pdf import pdf_bytes
        from recoveryjournal.services.exporter import Exporter
        from recoveryjournal.services.policy import Policy

        session = state["session"]
        today = dt.date.today()
        entry_id = session.entries.newest_first()[0].id  # type: ignore[attr-defined]
        request = ShareRequest(
            title="Self-test", entry_ids=(entry_id,), mood_range=(today - dt.timedelta(days=7), today)
        )
        # The real way out: chart, PDF in memory, checked with pypdf, written whole, logged.
        outcome = Exporter(Policy(), pdf_bytes).share(session, request, "pdf", work / "self-test.pdf")  # type: ignore[arg-type]
        if not outcome.done:
            raise AssertionError(outcome.sentence)
        size = (work / "self-test.pdf").stat().st_size
        if size < 1000:
            raise AssertionError("the PDF came out empty")
        return f"chart and PDF, {size // 1024} KiB, {outcome.items} item(s), checked"

    @step("every language's words, dates and numbers")
    def _languages() -> str:
        import datetime as dt

        from recoveryjournal import i18n

        spoken = []
        try:
            for code in i18n.LANGUAGES:
                i18n.choose_language(code)
                if code != "en" and i18n._("Lock") == "Lock":
                    raise AssertionError(f"the {code} catalogue is missing")
                spoken.append(f"{code}: {i18n.day(dt.date(2026, 11, 27), 'full')}, {i18n.number(6.5)}")
        finally:
            i18n.choose_language()
        return "; ".join(spoken)

    @step("the keyring (optional)")
    def _keyring() -> str:
        from recoveryjournal.services.keyring_service import keyring_usable

        return "a keyring answers" if keyring_usable() else "no keyring here: the app simply asks for the passphrase"

    started = time.perf_counter()
    failed = ""
    try:
        for label, fn in steps:
            try:
                detail = fn()
            except Exception as exc:  # the report names the step and the reason
                failed = f"{label}: {exc.__class__.__name__}: {exc}"
                out(f"not ok  {failed}")
                break
            out(f"ok    {label}: {detail}")
    finally:
        session = state.get("session")
        if session is not None:
            session.lock()  # type: ignore[attr-defined]
        shutil.rmtree(work, ignore_errors=True)
    left = work.exists()
    verdict = "Self-test passed" if not failed and not left else "Self-test did not pass"
    where = "frozen bundle" if getattr(sys, "frozen", False) else "from source"
    out(f"{verdict} in {time.perf_counter() - started:.1f} s ({where}, Python {sys.version.split()[0]}).")
    if left:
        out(f"not ok  the temporary folder {work} could not be removed")
    return 1 if failed or left else 0
