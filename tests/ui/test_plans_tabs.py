"""Goals, crisis plan, support and appointments in the real window; PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QTableWidgetItem

from recoveryjournal.domain.appointments import Agreement
from recoveryjournal.domain.crisis_plan import Contact
from recoveryjournal.domain.goals import Goal
from recoveryjournal.ui.dialogs.plan_dialogs import PlanAtAGlance, WalletCardDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock


def _open(qtbot, window, created_journal):
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    return window.unlocked_view


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Answer the save dialog with a path in tmp_path."""

    def answer(name: str) -> Path:
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
        return target

    return answer


def test_write_a_goal_with_steps_and_who_does_what(qtbot, window, created_journal) -> None:
    """A new goal with two steps (one for my peer supporter, by name) is saved as typed."""
    view = _open(qtbot, window, created_journal)
    view.tabs.setCurrentWidget(view.goals_page)
    page = view.goals_page
    page.new_button.click()
    qtbot.keyClicks(page.editor.title, "Cook a meal for friends")
    for text, who, name in (("Plan a simple menu", "me", ""), ("Shop together", "peer_supporter", "Sam")):
        page.editor.steps.add_step()
        row = page.editor.steps.rowCount() - 1
        page.editor.steps.setItem(row, 1, QTableWidgetItem(text))
        combo = page.editor.steps.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(who))
        page.editor.steps.setItem(row, 3, QTableWidgetItem(name))
    page.editor.steps.setItem(1, 4, QTableWidgetItem("14/03/2027"))
    page.save_button.click()
    [goal] = window.session.goals.all()
    assert [(s.text, s.who, s.who_name) for s in goal.steps] == [
        ("Plan a simple menu", "me", ""), ("Shop together", "peer_supporter", "Sam")]  # fmt: skip
    assert goal.steps[1].target == dt.date(2027, 3, 14)
    assert page.message.text() == "Saved."


def test_goal_without_words_is_told_kindly(qtbot, window, created_journal) -> None:
    """Saving a goal with no title gives an example instead of an error."""
    view = _open(qtbot, window, created_journal)
    page = view.goals_page
    page.new_button.click()
    page.editor.why.setPlainText("it matters")
    page.save_button.click()
    assert "words of your own" in page.message.text() and window.session.goals.all() == []


def test_unsaved_goal_is_saved_on_lock_and_paused_not_failed(qtbot, window, created_journal) -> None:
    """Typing then locking keeps the goal; paused goals are listed as 'Paused for now'."""
    view = _open(qtbot, window, created_journal)
    page = view.goals_page
    page.new_button.click()
    qtbot.keyClicks(page.editor.title, "Rest more")
    page.editor.status.setCurrentIndex(page.editor.status.findData("paused"))
    window.lock()
    unlock(qtbot, window, PASSPHRASE)
    [goal] = window.session.goals.all()
    assert goal.title == "Rest more" and goal.status == "paused"
    assert "Paused for now" in view.goals_page.goals.item(0).text()


def test_crisis_plan_edit_save_versions_and_pdf(qtbot, window, created_journal, save_to) -> None:
    """Write in a section, add a contact, skip a section, save (a version is kept), and print it as PDF."""
    view = _open(qtbot, window, created_journal)
    page = view.plan_page
    view.tabs.setCurrentWidget(page)
    page.list.setCurrentRow(0)
    page.editor.text.setPlainText("Sleep, walks, my sister.")
    people = next(i for i, s in enumerate(page._sections) if s.key == "people")
    page.list.setCurrentRow(people)
    page.editor._add_row(Contact("Sam", "+44 7700 900123", "evenings"))
    page.list.setCurrentRow(1)
    page.editor.text.setPlainText("SKIPPED-SECTION-WORDS")
    page.buttons["skip"].click()
    page.buttons["save"].click()
    assert "version is kept" in page.message.text()
    saved = window.session.plan.sections()
    assert saved[0].text == "Sleep, walks, my sister." and saved[1].skipped
    assert saved[people].contacts == (Contact("Sam", "+44 7700 900123", "evenings"),)
    target = save_to("plan.pdf")
    page.buttons["pdf"].click()
    text = _pdf_text(target)
    assert "Sleep, walks, my sister." in text and "7700 900123" in text
    assert "SKIPPED-SECTION-WORDS" not in text
    assert PdfReader(str(target)).metadata.title == "My crisis plan"


def test_an_empty_plan_prints_kindly(qtbot, window, created_journal, save_to) -> None:
    """With every section empty, the PDF says so gently."""
    view = _open(qtbot, window, created_journal)
    target = save_to("empty.pdf")
    view.plan_page.buttons["pdf"].click()
    assert "empty so far" in _pdf_text(target)


def test_wallet_card_is_bank_card_sized(qtbot, window, created_journal, save_to) -> None:
    """The card holds the chosen contacts and first steps on a bank-card-sized page."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    sections = window.session.plan.sections()
    people = next(i for i, s in enumerate(sections) if s.key == "people")
    sections[people] = sections[people].__class__("people", "People", contacts=(Contact("Sam", "07700 900123"),))
    dialog = WalletCardDialog(sections, window)
    dialog.first_steps.setPlainText("Breathe. Ring Sam.")
    target = save_to("card.pdf")
    dialog._on_save_clicked()
    reader = PdfReader(str(target))
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert len(reader.pages) == 1 and 84 < width_mm < 87
    assert "Ring Sam" in _pdf_text(target) and "07700 900123" in _pdf_text(target)


def test_f1_shows_the_plan_with_copy_buttons_and_lock_closes_it(qtbot, window, created_journal) -> None:
    """F1 from anywhere opens the plan at a glance; Copy puts digits on the clipboard; locking closes and clears."""
    _open(qtbot, window, created_journal)
    sections = window.session.plan.sections()
    people = next(i for i, s in enumerate(sections) if s.key == "people")
    sections[people] = sections[people].__class__("people", "People", contacts=(Contact("Sam", "+44 7700 900123"),))
    window.session.plan.save(sections)
    window.journal_page.editor.body_edit.setFocus()
    qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_F1)
    glance = window.unlocked_view.findChild(PlanAtAGlance)
    assert glance is not None and glance.isVisible()
    glance.copy_buttons[0].click()
    assert QGuiApplication.clipboard().text() == "+447700900123"
    window.lock()
    assert not glance.isVisible()
    assert QGuiApplication.clipboard().text() == ""


def test_support_list_and_a_cost_that_isnt_a_number(qtbot, window, created_journal) -> None:
    """Support rows save; a cost that isn't a number is explained, and nothing is lost."""
    view = _open(qtbot, window, created_journal)
    page = view.support_page
    page._add_row(["Peer group", "Local centre", "weekly", "Really helps", "Evenings please", "12.50"])
    page._add_row(["Gym pass", "", "", "", "", "lots"])
    page._on_save_clicked()
    assert "isn't one" in page.message.text()
    page.table.item(1, 5).setText("")
    page._on_save_clicked()
    items = window.session.support.all()
    assert [(i.what, i.cost) for i in items] == [("Peer group", 12.5), ("Gym pass", None)]


def test_appointment_agenda_pdf_and_agreement_to_goal_step(qtbot, window, created_journal, save_to) -> None:
    """Build an agenda, save it as PDF; afterwards an agreement becomes a goal step with its agreed owner."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    goal = window.session.goals.save(Goal(None, "Sleep better", review_next_appointment=True))
    window.session.checkins.add(6)
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.appointments_page)
    page = view.appointments_page
    page.new_appointment()
    page.with_whom.setText("Alex")
    page.talk.setPlainText("My sleep\nMy medication questions")
    assert page.goals.item(0).checkState() == Qt.CheckState.Checked  # marked for review
    page.agreed.append(Agreement(None, "Try a wind-down routine", "me"))
    page.save_button.click()
    target = save_to("agenda.pdf")
    page.pdf_button.click()
    text = _pdf_text(target)
    assert "My medication questions" in text and "Sleep better" in text and "averaged 6.0" in text
    page.agreed.setCurrentCell(0, 0)
    page.goal_box.setCurrentIndex(page.goal_box.findData(goal.id))
    page.to_step_button.click()
    steps = window.session.goals.get(goal.id).steps
    assert [(s.text, s.who) for s in steps] == [("Try a wind-down routine", "me")]
    assert "Added as a step" in page.message.text()


def test_locking_never_loses_words_that_cant_be_saved_as_they_are(qtbot, window, created_journal) -> None:
    """A goal with only a 'why', a step date nobody can read, an untitled plan section and a cost in words:
    locking keeps all of it."""
    view = _open(qtbot, window, created_journal)
    goals = view.goals_page
    goals.new_button.click()
    goals.editor.why.setPlainText("so I can sleep")
    goals.editor.steps.add_step()
    goals.editor.steps.setItem(0, 1, QTableWidgetItem("Ask about a sleep group"))
    goals.editor.steps.setItem(0, 4, QTableWidgetItem("after Easter"))
    plan = view.plan_page
    plan.list.setCurrentRow(0)
    plan.editor.title.setText("")
    plan.editor.text.setPlainText("walks help")
    plan.editor.changed.emit()
    view.support_page._add_row(["Gym", "", "", "", "", "lots"])
    view.support_page._dirty = True
    window.lock()
    unlock(qtbot, window, PASSPHRASE)
    [goal] = window.session.goals.all()
    assert goal.title == "A goal I haven't named yet" and goal.why == "so I can sleep"
    assert goal.steps[0].text == "Ask about a sleep group (by after Easter)"
    first = window.session.plan.sections()[0]
    assert (first.title, first.text) == ("My own section", "walks help")
    [gym] = window.session.support.all()
    assert gym.cost is None and "(cost: lots)" in gym.my_view
