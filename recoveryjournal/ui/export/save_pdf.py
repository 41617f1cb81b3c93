"""Ask where to save a PDF (Documents by default) and write it there, with kind words when that fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import _, ngettext
from recoveryjournal.render.pdf import write_pdf
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.ui.widgets.file_dialogs import check_export_place, choose_file_to_save, default_export_folder


def ask_and_save_pdf(parent: QWidget, doc: ExportDocument, suggested_name: str) -> str:
    """Returns a sentence for the person: where it was saved, why it wasn't, or '' if they cancelled."""
    name = choose_file_to_save(
        parent, _("Save as PDF"), str(Path(default_export_folder()) / suggested_name), _("PDF (*.pdf)")
    )
    if not name:
        return ""
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        warning = check_export_place(path)
        pages = write_pdf(doc, path)
    except JournalError as exc:
        return exc.message
    except OSError as exc:
        return _("The PDF couldn't be saved there ({reason}). Try another folder or a USB stick.").format(
            reason=exc.strerror or exc
        )
    length = ngettext("{n} page", "{n} pages", pages).format(n=pages)
    saved = _("Saved {name} ({pages}). It goes nowhere else unless you send it.").format(name=path.name, pages=length)
    return f"{saved} {warning}" if warning else saved
