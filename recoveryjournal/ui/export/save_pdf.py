"""Ask where to save a PDF (Documents by default) and write it there, with kind words when that fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.render.pdf import write_pdf
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.ui.widgets.file_dialogs import check_export_place, choose_file_to_save, default_export_folder


def ask_and_save_pdf(parent: QWidget, doc: ExportDocument, suggested_name: str) -> str:
    """Returns a sentence for the person: where it was saved, why it wasn't, or '' if they cancelled."""
    name = choose_file_to_save(
        parent, "Save as PDF", str(Path(default_export_folder()) / suggested_name), "PDF (*.pdf)"
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
        return f"The PDF couldn't be saved there ({exc.strerror or exc}). Try another folder or a USB stick."
    saved = f"Saved {path.name} ({pages} page{'s' if pages != 1 else ''}). It goes nowhere else unless you send it."
    return f"{saved} {warning}" if warning else saved
