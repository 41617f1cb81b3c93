"""Ask where to save a PDF (Documents by default) and write it there through the one exporter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.share import FILE_TYPES
from recoveryjournal.i18n import N_, _
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.policy import load_policy
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_save, suggested_save_path
from recoveryjournal.ui.workers import run_and_wait


def exporter() -> Exporter:
    """The exporter with this machine's policy and the PDF drawing of render/."""
    return Exporter(load_policy(), pdf_bytes)


def ask_and_save_pdf(
    parent: QWidget,
    doc: ExportDocument,
    stem: str,
    start: Path | None = None,
    fine: Callable[[Path], bool] | None = None,
) -> str:
    """Ask where (`start`, else the usual folder; `stem` and today's date as the name), then save. `fine` may turn a
    chosen place down (the person is asked again). Returns a sentence for the person: where it was saved, why it
    wasn't, or '' if they cancelled."""
    suggested = suggested_save_path(stem, "pdf", start)
    while True:
        name = choose_file_to_save(parent, _("Save as PDF"), suggested, _(FILE_TYPES["pdf"]))
        if not name:
            return ""
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        if fine is None or fine(path):
            break
        suggested = str(path)
    return str(run_and_wait(lambda: exporter().save_document(doc, path)).sentence)  # drawn and written on a worker


#: Said before printing on a shared PC (the share dialog asks the same).
PRINTER_KEEPS = N_(
    "A printer shared by a centre may keep a copy of what it prints, and the pages wait in its tray until "
    "you collect them. If you'd rather, save it to your USB stick and print it somewhere you trust."
)


def printing_is_fine_here(parent: QWidget | None, shared_pc: bool) -> bool:
    """On a shared PC, say first that a shared printer may keep a copy; "Don't print" is the default.
    Elsewhere there is nothing to ask."""
    from PySide6.QtWidgets import QMessageBox

    if not shared_pc:
        return True
    box = QMessageBox(QMessageBox.Icon.Question, _("Print on a shared computer?"), _(PRINTER_KEEPS),
                      QMessageBox.StandardButton.NoButton, parent)  # fmt: skip
    box.setObjectName("printerQuestion")
    anyway = box.addButton(_("Print anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(_("Don't print"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is anyway


NO_PRINTER = N_(
    "This computer has no printer the app can reach: none is set up, or the computer's printing service "
    "isn't running. Nothing was printed. You can save it as a PDF and print that wherever you like."
)


def no_printer_here() -> str:
    """The truth when there is nothing to print to (printing goes through the computer's own printing service,
    CUPS on Linux); '' when a printer is there."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return "" if QPrinterInfo.availablePrinterNames() else _(NO_PRINTER)


def ask_and_print(parent: QWidget, doc: ExportDocument) -> str:
    """Print a document (after the shared-PC question, then the printer dialog); a sentence, or '' if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from recoveryjournal.render.pdf import paint_pages

    if no_printer_here():
        return no_printer_here()
    if not printing_is_fine_here(parent, load_policy().shared_pc):
        return ""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return ""
    paint_pages(doc, printer)  # a fault here is a bug: it takes the one error path (ui/errors), with its report
    return _("Sent to the printer.")
