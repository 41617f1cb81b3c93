"""The share flow in the window: choose, leave out, preview, save; cancel writes and logs nothing."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from recoveryjournal.domain.share import REDACTED
from recoveryjournal.render import pdf as render_pdf
from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.dialogs.share_dialog import ShareDialog
from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock


def _dialog(qtbot, session, preselected=None) -> ShareDialog:
    dialog = ShareDialog(session, Policy(), preselected)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_nothing_is_ticked_unless_chosen(qtbot, session) -> None:
    """Without a starting item nothing is ticked, and Next explains kindly."""
    session.entries.add("one", "One")
    dialog = _dialog(qtbot, session)
    assert dialog.picker.chosen("entry") == []
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 0 and "Nothing is chosen" in dialog.message.text()


def test_share_this_entry_with_words_left_out(qtbot, session, tmp_path) -> None:
    """From an entry: it is ticked; a passage is left out; the preview and the PDF show the same pages."""
    entry = session.entries.add("I spoke to Jordan Smith about my week.", "Week")
    session.entries.add("Not this one", "Other")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    assert dialog.picker.chosen("entry") == [entry.id]
    dialog.next_button.click()
    dialog.phrase_edit.setText("jordan   smith")
    qtbot.keyClick(dialog.phrase_edit, Qt.Key.Key_Return)
    calls: list[int] = []
    original = render_pdf.draw_page

    def counting(painter, text, area, page):  # the one drawing call for preview and file
        calls.append(page)
        return original(painter, text, area, page)

    render_pdf.draw_page = counting
    try:
        dialog.next_button.click()
        previewed = len(calls)
        assert dialog.pages_layout.count() == previewed == 1
        message = dialog.save_to(tmp_path / "week.pdf")
        assert len(calls) == 2 * previewed
    finally:
        render_pdf.draw_page = original
    assert "Saved week.pdf" in message
    text = _text(tmp_path / "week.pdf")
    assert "I spoke to" in text and REDACTED in text and "Jordan" not in text and "Not this one" not in text
    [record] = session.shares.all()
    assert record.items == (("entry", str(entry.id)),) and record.format == "pdf"


def test_json_preview_is_the_file(qtbot, session, tmp_path) -> None:
    """For JSON the preview shows the very text that is written."""
    entry = session.entries.add("data please", "Data")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.format_group.button(1).click()
    shown = dialog.pages_layout.itemAt(0).widget().toPlainText()
    dialog.save_to(tmp_path / "d.json")
    assert (tmp_path / "d.json").read_text(encoding="utf-8") == shown


def test_cancel_writes_and_logs_nothing(qtbot, session, tmp_path) -> None:
    """Choosing, previewing, then Cancel: no file, no log line."""
    entry = session.entries.add("maybe later", "Later")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.reject()
    assert session.shares.all() == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_read_only_destination_is_told_kindly(qtbot, session, tmp_path) -> None:
    """A place that can't be written: a kind sentence, nothing logged."""
    entry = session.entries.add("x", "X")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    dialog.next_button.click()
    dialog.next_button.click()
    message = dialog.save_to(tmp_path / "missing-folder" / "x.pdf")
    assert "couldn't be saved there" in message and session.shares.all() == []


def test_window_share_button_log_and_shared_with_note(qtbot, window, created_journal, tmp_path) -> None:
    """'Share this entry' from the editor opens the dialog with the entry ticked; after saving, the log lists it
    and the entry says who it was shared with."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    window.journal_page.editor.share_button.click()
    dialog = window.dialogs.share_dialog
    current = window.journal_page.model.entry_at(0)
    assert dialog.picker.chosen("entry") == [current.id]
    dialog.recipient.setCurrentText("Alex")
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.save_to(tmp_path / "s.pdf")
    dialog.reject()
    window.menus.share_log_action.trigger()
    log = window.findChild(ShareLogDialog)
    assert "to Alex" in log.list.item(0).text()
    log.reject()
    window.journal_page.list_view.setCurrentIndex(window.journal_page.model.index(1, 0))
    window.journal_page.list_view.setCurrentIndex(window.journal_page.model.index(0, 0))
    assert window.journal_page.editor.status_label.text().startswith("Shared with Alex on")
    window.menus.share_action.trigger()
    window.lock()
    assert not window.dialogs.share_dialog.isVisible() and window.dialogs.share_dialog.package is None


def test_print_uses_the_same_pages(qtbot, session, tmp_path) -> None:
    """Printing paints the same pages (here to a PDF printer) and is logged as printed."""
    from PySide6.QtPrintSupport import QPrinter

    entry = session.entries.add("to print", "Print me")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    dialog.next_button.click()
    dialog.next_button.click()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert "printer" in dialog.print_with(printer)
    assert "to print" in _text(tmp_path / "printed.pdf")
    assert session.shares.all()[0].format == "print"


def test_with_no_printer_print_says_so_and_nothing_is_logged(qtbot, session, monkeypatch) -> None:
    """Issue 31: the bundle prints through the computer's own CUPS. Where there is no printer to reach (none set
    up, no printing service, or no CUPS at all), Print… says so truly and points to a PDF; nothing is logged."""
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    entry = session.entries.add("to print", "Print me")
    dialog = _dialog(qtbot, session, {"entry": {entry.id}})
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.print_button.click()
    assert "no printer" in dialog.message.text() and "save it as a PDF" in dialog.message.text()
    assert session.shares.all() == []


def test_since_my_last_appointment_and_just_the_summary_through_the_menu(qtbot, window, created_journal,
                                                                         tmp_path) -> None:  # fmt: skip
    """Journal ▸ Share…: the period "since my last appointment" sets the dates and ticks the summary; "Just the
    summary: one page" gives one page that covers those days and carries no entry (issue 23)."""
    import datetime as dt

    from recoveryjournal.domain.appointments import Appointment
    from recoveryjournal.i18n import day
    from tests.ui.conftest import choose_from_menu

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    today = dt.date.today()
    visit = today - dt.timedelta(days=10)
    window.session.appointments.save(Appointment(id=None, date=visit, with_whom="Alex"))
    window.session.checkins.add(6, sleep_hours=7.0, when=dt.datetime.combine(today, dt.time(9)))
    choose_from_menu(qtbot, window, "Journal", "Share…")
    qtbot.waitUntil(lambda: window.dialogs.share_dialog is not None and window.dialogs.share_dialog.isVisible())
    dialog = window.dialogs.share_dialog
    picker = dialog.picker
    [since] = [n for n in range(picker.period.count()) if "since my last appointment" in picker.period.itemText(n)]
    assert day(visit) in picker.period.itemText(since)
    picker.period.setCurrentIndex(since)
    picker.period.activated.emit(since)
    assert picker.mood_box.isChecked() and picker.mood_from.date().toPython() == visit
    picker.groups["entry"].child(0).setCheckState(0, Qt.CheckState.Checked)
    picker.summary_only.click()
    dialog.go_next()
    dialog.go_next()
    assert "Saved" in dialog.save_to(tmp_path / "summary.pdf")
    [page] = PdfReader(tmp_path / "summary.pdf").pages
    text = " ".join(page.extract_text().split())
    assert f"Covers {day(visit)} to {day(today)}" in text and "How I've been" in text
    assert "Journal entries" not in text and "Page 1 of 1" in text
    dialog.reject()
