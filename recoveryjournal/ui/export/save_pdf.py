"""Ask where to save a PDF (Documents by default) and write it there through the one exporter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.share import FILE_TYPES
from recoveryjournal.i18n import _
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.policy import load_policy
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_save, default_export_folder
from recoveryjournal.ui.workers import run_and_wait


def exporter() -> Exporter:
    """The exporter with this machine's policy and the PDF drawing of render/."""
    return Exporter(load_policy(), pdf_bytes)


def ask_and_save_pdf(parent: QWidget, doc: ExportDocument, suggested_name: str) -> str:
    """Returns a sentence for the person: where it was saved, why it wasn't, or '' if they cancelled."""
    name = choose_file_to_save(
        parent, _("Save as PDF"), str(Path(default_export_folder()) / suggested_name), _(FILE_TYPES["pdf"])
    )
    if not name:
        return ""
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    return str(run_and_wait(lambda: exporter().save_document(doc, path)).sentence)  # drawn and written on a worker
