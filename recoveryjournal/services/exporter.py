"""Everything that leaves the journal goes this one way: shares (PDF, JSON, CSV, print), the crisis plan and
wallet card, agendas, the mood chart picture and export-all — from the window and the CLI alike.

Each call checks the place first (never into a journal, never over a folder or a backup, the shared PC's
rules), builds what will leave, writes it with the one file writer (whole or not at all, owner-only,
checked), and only then logs a share. It returns one Outcome: done, refused or not saved, with its sentence.
The PDF drawing stays in `render/` and is handed in, so this layer never needs Qt."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from recoveryjournal.domain.errors import AlreadyExists, CannotWrite, InvalidInput, JournalError
from recoveryjournal.domain.share import FORMATS, ShareRequest
from recoveryjournal.i18n import N_, _, ngettext
from recoveryjournal.services import html_share, import_service, pdf_protection, share_service
from recoveryjournal.services.destinations import check_place_for_files, check_target, explain_destination_errors
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.services.journal_parts import HasImports, SessionView
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage.fsutil import fsync_dir, keeping_what_it_replaces, write_file

#: Draws a document as PDF bytes and says how many pages it has (render.pdf.pdf_bytes).
PdfRenderer = Callable[[ExportDocument], tuple[bytes, int]]
#: Paints a document onto a printer the person chose (render.pdf.paint_pages bound to the printer).
Painter = Callable[[ExportDocument], int]

NOTHING_SHARED = N_("Nothing was shared.")
NOTHING_SAVED = N_("Nothing was saved.")
GOES_NOWHERE = N_("It goes nowhere else unless you send it.")
#: How the share log notes a PDF protected with a password (never the password itself).
PROTECTED_PDF = "pdf-protected"
TELL_THE_PASSWORD = N_(
    "It is protected with its password: tell it by phone or in person, not in the same e-mail as the file."
)
LOG_FAILED = N_(
    "Your share log couldn't be written, so the file was removed again and nothing was shared. Nothing in your "
    "journal was lost. Try again in a moment."
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened: "done", "refused" (nothing tried: a choice or place that can't be used) or "not_saved"
    (tried, nothing left behind). `sentence` is what the person reads; `exit_code` is the CLI's."""

    state: str
    sentence: str
    path: Path | None = None
    exit_code: int = 0
    items: int = 0

    @property
    def done(self) -> bool:
        """True when the file (or the print) is whole where the person wanted it."""
        return self.state == "done"


class _NotLogged(Exception):
    """The share log couldn't be written: the new file goes again (see Exporter._log)."""


#: Said when a share replacing an earlier file couldn't be logged: the earlier file is back.
KEPT_EARLIER = N_("The file it would have replaced is as it was.")


def _refused_or_not_saved(exc: JournalError) -> Outcome:
    state = "refused" if isinstance(exc, InvalidInput | AlreadyExists) else "not_saved"
    return Outcome(state, exc.message, exit_code=exc.exit_code or 1)


# Checking what is written: the finished file must be what it claims to be --------------------------------
def _check_json(data: bytes) -> None:
    json.loads(data.decode("utf-8"))


def _check_csv(data: bytes) -> None:
    # A note may be longer than the csv module's 128 KiB field limit: allow as long as the whole file.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(data)))
    try:
        list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    finally:
        csv.field_size_limit(limit)


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise ValueError("not a whole PDF")  # not shown: turned into the sentence below
    from pypdf import PdfReader

    if len(PdfReader(io.BytesIO(data)).pages) < 1:
        raise ValueError("a PDF without pages")  # not shown


def _check_png(data: bytes) -> None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or b"IEND" not in data[-16:]:
        raise ValueError("not a whole PNG")  # not shown


_CHECKS: dict[str, Callable[[bytes], None]] = {"pdf": _check_pdf, "json": _check_json, "csv": _check_csv,
                                               "png": _check_png, "html": html_share.check_html}  # fmt: skip


def check_password(password: str, fmt: str) -> None:
    """A password protects a PDF only, and is long enough to be worth having (InvalidInput, exit 2, if not)."""
    if fmt != "pdf":
        raise InvalidInput(
            _(
                "Only a PDF can be protected with a password: a web page, JSON or CSV can't be locked in a way "
                "every reader's computer opens. Share a protected PDF instead (--format pdf --protect). Nothing "
                "was shared."
            )
        )
    if len(password.strip()) < pdf_protection.SHORTEST_PASSWORD:
        raise InvalidInput(
            _("A password needs at least {n} characters; the suggested words are safer. Nothing was shared.").format(
                n=pdf_protection.SHORTEST_PASSWORD
            )
        )
    if len(password.encode("utf-8")) > pdf_protection.LONGEST_PASSWORD:
        raise InvalidInput(
            _(
                "A password can be at most {n} characters long, so that every PDF reader opens the file. Nothing "
                "was shared."
            ).format(n=pdf_protection.LONGEST_PASSWORD)
        )


def _checked_protected(password: str) -> Callable[[bytes], None]:
    """The finished file is a PDF that opens with the password (and only with it)."""

    def check(data: bytes) -> None:
        try:
            pdf_protection.opens_with(data, password)
        except Exception as exc:
            raise CannotWrite(_("The file came out damaged, so it wasn't kept."), "") from exc

    return check


def _checked(kind: str) -> Callable[[bytes], None]:
    def check(data: bytes) -> None:
        try:
            _CHECKS[kind](data)
        except Exception as exc:
            raise CannotWrite(_("The file came out damaged, so it wasn't kept."), "") from exc

    return check


class Exporter:
    """The one way out of the journal. `policy` is the machine's; `render_pdf` comes from render/."""

    def __init__(self, policy: Policy, render_pdf: PdfRenderer | None = None) -> None:
        self._policy = policy
        self._render_pdf = render_pdf

    # Shares ------------------------------------------------------------------------------------------------
    def share(self, session: SessionView, request: ShareRequest, fmt: str, path: Path | str, *,
              overwrite: bool = False, previewed: share_service.SharePackage | None = None,
              password: str | None = None) -> Outcome:  # fmt: skip
        """Build the share (or take the very package the person previewed), write it whole, then log it.

        With `password` a PDF is protected (AES-256) in memory before anything is written: the unprotected PDF
        never touches the disk. JSON and CSV can't be protected (a ZIP's encryption can't be relied on to open
        on the reader's computer), so asking for that is refused."""
        try:
            if fmt not in FORMATS:
                raise InvalidInput(
                    _("“{fmt}” isn't a way to share. Choose PDF, a web page (HTML), JSON or CSV.").format(fmt=fmt)
                )
            if password is not None:
                check_password(password, fmt)
            target, warning = self._place(path, overwrite)
            package = previewed or share_service.prepare(session, request, fmt)
            data = self._bytes(package, fmt)
            if password is not None:
                data = pdf_protection.protect(data, password)
            check = _checked(fmt) if password is None else _checked_protected(password)
            # A file it replaces is kept until the new one is whole, in place and logged; else it is put back.
            with explain_destination_errors(_(NOTHING_SHARED), target), keeping_what_it_replaces(target):
                write_file(target, data, overwrite=overwrite, check=check)
                logged = self._log(session, package, PROTECTED_PDF if password is not None else fmt, target)
        except JournalError as exc:
            return _refused_or_not_saved(exc)
        except _NotLogged:
            return Outcome("not_saved", _(LOG_FAILED) + (" " + _(KEPT_EARLIER) if overwrite else ""), exit_code=6)
        n = len(package.items)
        note = _("It's in your share log.") if logged else session.shares.not_logged_note()
        said = ngettext("Saved {name} with {n} item. {note}", "Saved {name} with {n} items. {note}", n).format(
            name=target.name, n=n, note=note
        )
        told = _(TELL_THE_PASSWORD) if password is not None else _(GOES_NOWHERE)
        return Outcome("done", " ".join(t for t in (said, told, warning) if t), target, items=n)

    def print_share(self, session: SessionView, package: share_service.SharePackage, paint: Painter) -> Outcome:
        """Print exactly what the preview shows, then log it as printed. (A fault while painting is no person's:
        it takes the one error path, with its report, rather than a calm sentence that would hide it.)"""
        paint(package.document)
        try:
            logged = session.shares.record(package, "print", "printer") is not None
        except JournalError:  # the place took no more writes (full, pulled out): told as such
            return Outcome("not_saved", _("It was printed, but your share log couldn't be written."), exit_code=6)
        said = (
            _("Sent to the printer. It's in your share log.")
            if logged
            else _("Sent to the printer. {note}").format(note=session.shares.not_logged_note())
        )
        return Outcome("done", said, items=len(package.items))

    # Documents, pictures, everything --------------------------------------------------------------------------
    def save_document(self, doc: ExportDocument, path: Path | str, *, overwrite: bool = True) -> Outcome:
        """A crisis plan, wallet card or agenda as PDF."""
        try:
            target, warning = self._place(path, overwrite)
            data, pages = self._pdf(doc)
            self._write(target, data, "pdf", overwrite, _(NOTHING_SAVED))
        except JournalError as exc:
            return _refused_or_not_saved(exc)
        length = ngettext("{n} page", "{n} pages", pages).format(n=pages)
        said = _("Saved {name} ({pages}). It goes nowhere else unless you send it.").format(
            name=target.name, pages=length
        )
        return Outcome("done", f"{said} {warning}".strip(), target)

    def save_picture(self, png: bytes, path: Path | str, *, overwrite: bool = True) -> Outcome:
        """The mood chart as a PNG picture."""
        try:
            target, warning = self._place(path, overwrite)
            self._write(target, png, "png", overwrite, _(NOTHING_SAVED))
        except JournalError as exc:
            return _refused_or_not_saved(exc)
        said = _("Saved the chart as {name}.").format(name=target.name)
        return Outcome("done", f"{said} {warning}".strip(), target)

    def export_all(self, session: HasImports, path: Path | str, *, overwrite: bool = False) -> Outcome:
        """Everything in the journal as one JSON file (not encrypted: the sentence says so)."""
        try:
            target, warning = self._place(path, overwrite)
            data = session.imports.export_all_bytes()
            self._write(target, data, "json", overwrite, _("Nothing was written."))
        except JournalError as exc:
            return _refused_or_not_saved(exc)
        everything = (
            _("Saved everything to {path}.")
            if not session.damaged
            else _("Your journal is damaged, so this holds everything that could still be read: saved to {path}.")
        )
        said = f"{everything.format(path=target)} {_(import_service.UNENCRYPTED_WARNING)}"
        return Outcome("done", f"{said} {warning}".strip(), target)

    # The steps every file shares -----------------------------------------------------------------------------
    def _place(self, path: Path | str, overwrite: bool) -> tuple[Path, str]:
        target = check_target(Path(path))
        if target.exists() and not overwrite:
            raise InvalidInput(
                _("{output} already exists. Choose another name, or add --overwrite to replace it.").format(output=path)
            )
        return target, check_place_for_files(target, self._policy)

    def _pdf(self, doc: ExportDocument) -> tuple[bytes, int]:
        if self._render_pdf is None:  # a programming slip, never a person's: the front end passes it in
            raise RuntimeError("Exporter needs render_pdf to write PDFs")
        return self._render_pdf(doc)

    def _bytes(self, package: share_service.SharePackage, fmt: str) -> bytes:
        if fmt == "pdf":
            return self._pdf(package.document)[0]
        if fmt == "html":
            return html_share.html_bytes(package.document)
        return share_service.json_bytes(package) if fmt == "json" else share_service.csv_bytes(package)

    @staticmethod
    def _write(target: Path, data: bytes, kind: str, overwrite: bool, outcome: str) -> None:
        with explain_destination_errors(outcome, target), keeping_what_it_replaces(target):
            write_file(target, data, overwrite=overwrite, check=_checked(kind))

    @staticmethod
    def _log(session: SessionView, package: share_service.SharePackage, logged_as: str, target: Path) -> bool:
        """Log a share just written (True), or say it can't be (False: a journal read-only here). A share that
        can't be remembered doesn't stay on disk: the caller takes it back (and puts back what it replaced)."""
        try:
            return session.shares.record(package, logged_as, str(target)) is not None  # never the password
        except BaseException as exc:
            with suppress(OSError):
                target.unlink()
                fsync_dir(target.parent)
            if isinstance(exc, JournalError):  # the place or the journal took no more writes: told as such
                raise _NotLogged from exc
            raise  # anything else is a bug: it takes the one error path, with its report
