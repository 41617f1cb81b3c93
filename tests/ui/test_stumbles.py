"""Issue 30, point 3: where a new user stumbled, smoothed — each tried in the real window, by mouse or keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractSpinBox, QFileDialog, QLineEdit, QMessageBox, QWidget, QWizard

from recoveryjournal.domain.redaction import REDACTED
from recoveryjournal.services import destinations
from recoveryjournal.services.journal_service import unlock_journal
from tests.conftest import PASSPHRASE
from tests.ui.conftest import choose_from_menu, reach_the_recovery_key
from tests.ui.test_keyboard import _unlock_by_keyboard, settle

TODAY = dt.date.today()


def _checkin_tab(qtbot, window, path):  # type: ignore[no-untyped-def]
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    view.show_checkin()
    settle(qtbot)
    return view.checkin_page


def test_adding_a_sign_moves_nothing_under_the_pointer_and_a_mistake_can_be_removed(
    qtbot, window, created_journal
) -> None:
    """Typing a sign and Enter: the box for what helped (next to it) and the note stay where they were; the chip
    added by mistake goes with Delete (not only unticked); right-click offers the same."""
    path, _ = created_journal
    tab = _checkin_tab(qtbot, window, path)
    before = (tab.own_help.mapTo(tab, QPoint(0, 0)), tab.note.mapTo(tab, QPoint(0, 0)))
    qtbot.mouseClick(tab.own_sign, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.own_sign, "Skipping meals")
    qtbot.keyClick(tab.own_sign, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.noticed.ticked() == ["Skipping meals"]
    assert (tab.own_help.mapTo(tab, QPoint(0, 0)), tab.note.mapTo(tab, QPoint(0, 0))) == before
    qtbot.keyClicks(tab.own_sign, "Oops")
    qtbot.keyClick(tab.own_sign, Qt.Key.Key_Return)
    assert tab.noticed.words() == ["Skipping meals", "Oops"]
    tab.noticed.setFocus()
    qtbot.keyClick(tab.noticed, Qt.Key.Key_Delete)  # the chip just added has the keyboard's place
    assert tab.noticed.words() == ["Skipping meals"]


def test_sleep_shows_in_todays_checkins_and_good_news_has_its_own_look(qtbot, window, created_journal) -> None:
    path, _ = created_journal
    tab = _checkin_tab(qtbot, window, path)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # no mood yet: a warm note, in the orange look
    assert tab.message.objectName() == "messageLine" and tab.message.isVisible()
    qtbot.mouseClick(tab.mood_buttons[6], Qt.MouseButton.LeftButton)
    tab.sleep.setValue(7.5)
    tab.anxiety.setValue(3)
    tab.note.setPlainText("Good sleep.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text().startswith("Saved.") and tab.message.objectName() == "doneLine"
    line = tab.today.item(0).text()
    assert "mood 7" in line and "sleep 7.5 h" in line and "anxiety 3" in line
    assert line.endswith(" · note: “Good sleep.”")  # never run on from the answer before it
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # again with no mood: back to the warm look
    assert tab.message.objectName() == "messageLine"


def test_the_recovery_key_check_hides_the_key_and_asks_once(qtbot, window, tmp_path) -> None:
    """ "Check I have it…" hides the key while the last group is typed; typed right, the "I have it" box is ticked
    for the person; "Show my key again" brings it back."""
    page = reach_the_recovery_key(qtbot, window, tmp_path, "My journal", PASSPHRASE)
    key = page.key_label.text()
    assert not page.check_edit.isVisible()
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert key not in page.key_label.text() and page.check_edit.isVisible() and not page.copy_button.isVisible()
    qtbot.keyClicks(page.check_edit, key.rsplit("-", 1)[-1])
    assert "That's it" in page.checked.text() and page.kept.isChecked()
    assert window.journal.wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.key_label.text() == key


def test_the_recovery_key_is_suggested_away_from_the_journal(qtbot, window, tmp_path, monkeypatch) -> None:
    """Save to a file… starts away from the journal's folder; choosing the journal's own folder asks first
    ("Choose another place" is the default) and the sentence after saving says where it went."""
    home_docs = tmp_path / "docs"
    home_docs.mkdir()
    monkeypatch.setattr(destinations, "documents_folder", lambda: home_docs)
    journals = tmp_path / "journals"
    page = reach_the_recovery_key(qtbot, window, journals, "My journal", PASSPHRASE)
    asked: list[str] = []
    answers = iter([str(journals / "key.pdf"), str(home_docs / "key.pdf")])

    def save_dialog(_parent, _title, start, _filters, **_kw):  # type: ignore[no-untyped-def]
        asked.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    questions: list[str] = []

    def choose_another(box: QMessageBox) -> int:
        questions.append(box.text())
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_another)
    page.save_button.click()
    assert Path(asked[0]).parent == home_docs  # suggested apart from the journal
    assert questions and "where your journal is" in questions[0]
    assert not (journals / "key.pdf").exists() and (home_docs / "key.pdf").exists()
    assert page.key_label.text() in PdfReader(home_docs / "key.pdf").pages[0].extract_text()
    assert "key.pdf" in page.copied.text() and "apart from this journal" in page.copied.text()
    assert f"It is in {home_docs}" in page.copied.text()  # where it went


def test_beside_journal_knows_the_folder_and_the_stick(tmp_path, monkeypatch) -> None:
    stick_root = tmp_path / "media"
    (stick_root / "STICK" / "notes").mkdir(parents=True)
    monkeypatch.setenv(destinations.REMOVABLE_ENV, str(stick_root))
    journal = stick_root / "STICK" / "My journal.rjournal"
    assert destinations.beside_journal(stick_root / "STICK" / "key.pdf", journal)
    assert destinations.beside_journal(stick_root / "STICK" / "notes" / "key.pdf", journal)  # the same stick
    assert not destinations.beside_journal(tmp_path / "home" / "key.pdf", journal)
    at_home = tmp_path / "Documents" / "My journal.rjournal"
    assert destinations.beside_journal(tmp_path / "Documents" / "key.pdf", at_home)
    assert not destinations.beside_journal(tmp_path / "elsewhere" / "key.pdf", at_home)


def test_a_stick_that_is_a_whole_drive_is_a_place_for_a_journal(monkeypatch) -> None:
    """E:\\ on Windows is both the drive and the stick's top folder: accepted (a root whose parent is itself)."""
    root = Path(Path.cwd().anchor)
    monkeypatch.setattr(destinations, "removable_roots", lambda: [root])
    assert destinations.is_removable(root)


def test_my_medicines_lead_with_what_i_take_now(qtbot, window, created_journal) -> None:
    """After changes from 50 mg to 150 mg, the list (through the menu) and the share say 150 mg first."""
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    session.medicines.turn_on(True)
    medicine = session.medicines.add("Sertraline", "50 mg", dt.date(2026, 8, 9))
    session.medicines.note_change(medicine.id, dt.date(2026, 10, 1), what_i_take="100 mg")
    session.medicines.note_change(medicine.id, dt.date(2026, 11, 20), what_i_take="150 mg")
    from recoveryjournal.services.share_service import _medicines_item

    details = _medicines_item(session).details
    assert details[0][0] == "Sertraline" and details[0][1].startswith("150 mg, since 20 November 2026")
    assert "started 50 mg" in details[1][1]
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    choose_from_menu(qtbot, window, "Journal", "My medicines…")
    from recoveryjournal.ui.dialogs.medicines_dialog import MedicinesDialog
    from tests.ui.test_plan_in_checkins import _newest

    dialog = _newest(MedicinesDialog)
    top = dialog.tree.topLevelItem(0)
    assert (top.text(0), top.text(1)) == ("Sertraline", "150 mg")
    assert top.child(0).text(1) == "started 50 mg"
    dialog.reject()


def test_the_protected_pdfs_password_copied_kept_in_view_and_named(qtbot, window, created_journal, tmp_path,
                                                                     monkeypatch) -> None:  # fmt: skip
    """Large, with Copy (emptied by itself), still shown after saving until "I have the password"; the file's
    suggested name says it's the protected copy; Cancel becomes Close once something is saved."""
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    entry = session.entries.add("Words.", "A hard day")
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    window.open_share({"entry": {entry.id}})
    dialog = window.dialogs.share_dialog
    dialog.next_button.click()
    dialog.next_button.click()
    settle(qtbot)
    dialog.protect_box.click()
    password = dialog.password_edit.text()
    assert password and dialog.password_edit.font().pointSizeF() > QLineEdit().font().pointSizeF()
    dialog.password_row.brief_copy.CLEAR_AFTER_MS = 50
    dialog.copy_password.click()
    assert QGuiApplication.clipboard().text() == password
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2_000)
    suggested: list[str] = []

    def save_dialog(_parent, _title, start, _filters, **_kw):  # type: ignore[no-untyped-def]
        suggested.append(start)
        return str(tmp_path / "out.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert dialog.cancel_button.text() == "Cancel"
    dialog.save_button.click()
    assert "(protected)" in Path(suggested[0]).name
    assert (tmp_path / "out.pdf").exists() and dialog.cancel_button.text() == "Close"
    assert dialog.password_edit.isVisible() and dialog.password_edit.text() == password
    assert "I have the password" in dialog.message.text()
    dialog.have_it_button.click()
    assert dialog.password_edit.text() == "" and not dialog.password_edit.isVisible()
    dialog.reject()


def test_names_to_leave_out_never_offer_my_own(session) -> None:
    from recoveryjournal.domain.goals import Goal, Step
    from recoveryjournal.services.share_service import suggest_names

    session.goals.save(Goal(None, "Walk", steps=(Step(None, "Ask", who="friend", who_name="Alex"),
                                                 Step(None, "Go", who="friend", who_name="Sam"))))  # fmt: skip
    assert suggest_names(session) == ["Alex", "Sam"]
    assert suggest_names(session, own_name="Alex Morgan") == ["Sam"]


def test_shares_first_step_names_every_box_and_the_calendars_buttons_take_tab(qtbot, window, created_journal) -> None:
    path, _ = created_journal
    _unlock_by_keyboard(qtbot, window, path)
    window.open_share({})
    dialog = window.dialogs.share_dialog
    boxes = [e for e in dialog.stack.widget(0).findChildren(QLineEdit) if e.isVisible()]
    unnamed = [e for e in boxes if not e.accessibleName() and not isinstance(e.parentWidget(), QAbstractSpinBox)]
    assert unnamed == []
    dialog.reject()
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.calendar_page)
    settle(qtbot)
    calendar = view.calendar_page.calendar
    for part in ("qt_calendar_monthbutton", "qt_calendar_yearbutton", "qt_calendar_prevmonth"):
        button = calendar.findChild(QWidget, part)
        assert button is not None and button.focusPolicy() & Qt.FocusPolicy.TabFocus, part


def test_the_covers_way_back_is_at_the_top(qtbot, window) -> None:
    window.start()
    window.quick_exit()
    settle(qtbot)
    button = window.cover_page.continue_button
    assert button.text() == "Continue" and not button.isFlat()
    assert button.mapTo(window.cover_page, QPoint(0, 0)).y() < 40


def test_what_ive_shared_lists_each_item_and_the_words_left_out(qtbot, window, created_journal, tmp_path) -> None:
    """Issue 30, 3.9: "did I send them the entry about the hard day?" — Journal → What I've shared… lists each
    share's items by date and title (as they left, the chosen words left out) and how many words were left out."""
    from recoveryjournal.domain.share import ShareRequest
    from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog
    from recoveryjournal.ui.export.save_pdf import exporter

    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    hard = session.entries.add("Sam came round. Sam was kind.", "A hard day with Sam", dt.date(2026, 11, 28))
    request = ShareRequest(recipient="Alex", entry_ids=(hard.id,), redactions=("Sam",))
    assert exporter().share(session, request, "json", tmp_path / "to-alex.json").done
    (logged,) = session.shares.all()
    assert logged.shown == (("2026-11-28", f"A hard day with {REDACTED}"),) and logged.words_left_out == 3
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    choose_from_menu(qtbot, window, "Journal", "What I've shared…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ShareLogDialog)), timeout=3_000)
    dialog = next(d for d in window.findChildren(ShareLogDialog) if d.isVisible())
    text = dialog.list.item(0).text()
    assert f"28 November 2026 · A hard day with {REDACTED}" in text and "Words left out in 3 places" in text
    assert "Sam" not in text
    dialog.reject()


def test_a_new_journal_and_its_first_days_say_what_comes_next(qtbot, window, tmp_path) -> None:
    """Issue 30, 3.12: the first journal screen suggests a first step (gone once something is written); with a
    check-in on one day, "How things have been" says the chart fills in after a few more."""
    from tests.ui.conftest import create_through_wizard

    create_through_wizard(qtbot, window, tmp_path, "Mine", PASSPHRASE)
    qtbot.waitUntil(lambda: window.session is not None, timeout=15_000)
    page = window.journal_page
    assert page.first_step.isVisible() and "write a few words" in page.first_step.text()
    qtbot.keyClicks(page.editor.body_edit, "A first line.")
    page.editor.save_button.click()
    assert not page.first_step.isVisible()
    window.session.checkins.add(6)
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.mood_page)
    qtbot.waitUntil(lambda: view.mood_page.first_days.isVisible(), timeout=15_000)
    assert "Come back after a few check-ins" in view.mood_page.first_days.text()


def test_the_year_at_a_glance_has_weekday_letters_in_each_language(monkeypatch) -> None:
    from recoveryjournal.ui.widgets import year_view

    assert year_view._weekday_letters() == ["M", "T", "W", "T", "F", "S", "S"]
    monkeypatch.setattr("recoveryjournal.i18n.locale_name", lambda: "es_ES")
    assert year_view._weekday_letters() == ["L", "M", "X", "J", "V", "S", "D"]
