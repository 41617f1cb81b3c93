"""The first day, every day (issue 24): the recovery key's page, the window's size and place, save dialogs that
start in the right place with a dated name, untitled entries, Share this entry…, one date style, a goal with a
date that can't be read, and the first chart's single-feeling view. Real widgets, real journals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDateEdit, QFileDialog, QTableWidgetItem, QWizard

from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from tests.conftest import PASSPHRASE
from tests.ui.conftest import reach_the_recovery_key, unlock

TODAY = dt.date.today().isoformat()


def test_the_recovery_key_can_be_saved_checked_and_leaves_the_clipboard(qtbot, window, tmp_path, monkeypatch) -> None:
    """Save to a file… writes a PDF that holds the key (where the person chose); Copy puts it on the clipboard and
    it is emptied by itself (only while it still holds the key); typing the last group is a gentle, optional
    check; Print… is there too."""
    page = reach_the_recovery_key(qtbot, window, tmp_path, "My journal", PASSPHRASE)
    key = page.key_label.text()
    assert page.print_button.isVisible() and page.save_button.isVisible()
    target = tmp_path / "apart" / "key.pdf"  # not beside the journal (that asks first: tests/ui/test_stumbles.py)
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    page.save_button.click()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert key in text and "“My journal”" in text and "Saved key.pdf" in page.copied.text()
    page.CLEAR_AFTER_MS = 50
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == key
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2_000)
    assert "emptied" in page.copied.text()
    page.copy_button.click()
    QGuiApplication.clipboard().setText("something else I copied")
    qtbot.wait(150)
    assert QGuiApplication.clipboard().text() == "something else I copied"  # not ours any more: left alone
    assert not window.journal.wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # the check isn't required
    page.check_button.click()  # the key is hidden while its last group is typed
    assert key not in page.key_label.text()
    page.check_edit.setText("ZZZZ")
    assert "Not quite" in page.checked.text()
    page.check_edit.setText(key.rsplit("-", 1)[-1].lower())
    assert "That's it" in page.checked.text()
    assert page.kept.isChecked()  # typed right, it isn't asked twice
    assert window.journal.wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_window_comes_back_where_it_was_left(qtbot, tmp_path) -> None:
    """Closing remembers the window's size and place; the next start uses them."""
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)
    qtbot.waitUntil(lambda: first.width() == 760)
    first.close()
    again = MainWindow(AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 560)


def test_a_new_entry_can_be_shared_at_once_and_an_untitled_one_is_one_line(qtbot, window, created_journal) -> None:
    """Share this entry… is ready as soon as a new entry is saved; an untitled entry shows its first words,
    ended at a word, and the list never scrolls sideways."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    page = window.journal_page
    page.new_button.click()
    assert not page.editor.share_button.isEnabled()
    long_line = "Walked all the way along the river path this morning and sat on the bench by the old mill " * 3
    qtbot.keyClicks(page.editor.body_edit, long_line)
    page.editor.save_button.click()
    assert page.editor.share_button.isEnabled()
    shown = page.model.index(0, 0).data().split("\n")[0]
    assert shown.endswith("…") and len(shown) <= 61 and long_line.startswith(shown[:-1])
    assert not page.list_view.horizontalScrollBar().isVisible()


def test_save_dialogs_start_in_documents_with_the_date_and_recipient(qtbot, window, created_journal, tmp_path,
                                                                     monkeypatch) -> None:  # fmt: skip
    """ "For Alex 2026-12-03.pdf" in Documents; a second share that day is "(2)"; the next save starts in the
    folder the last one went to."""
    import os

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    asked: list[str] = []
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()

    def answer(_parent, _title, start, _filters):
        asked.append(start)
        return str(Path(start).parent / Path(start).name) if len(asked) < 3 else str(chosen / "third.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    window.open_share({"entry": {window.journal_page.model.entry_at(0).id}})
    dialog = window.dialogs.share_dialog
    dialog.recipient.setCurrentText("Alex")
    dialog.go_next()
    dialog.go_next()
    for _n in range(4):
        dialog.save_button.click()
    documents = os.environ["XDG_DOCUMENTS_DIR"]
    assert asked[0] == str(Path(documents) / f"For Alex {TODAY}.pdf")
    assert asked[1] == str(Path(documents) / f"For Alex {TODAY} (2).pdf")
    assert Path(asked[3]).parent == chosen  # the folder of the last save
    dialog.reject()


def test_a_step_date_that_cant_be_read_keeps_the_rest_of_the_goal(qtbot, window, created_journal) -> None:
    """ "next friday" marks only its own box: the goal and its other steps are saved; the words stay, marked,
    until a date is given (and are not lost when the goal is left)."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.goals_page)
    page = view.goals_page
    page.new_button.click()
    qtbot.keyClicks(page.editor.title, "Swim again")
    steps = page.editor.steps
    for text, when in (("Find the timetable", "14/03/2027"), ("Go once", "next friday")):
        steps.add_step()
        steps.setItem(steps.rowCount() - 1, 1, QTableWidgetItem(text))
        steps.setItem(steps.rowCount() - 1, 4, QTableWidgetItem(when))
    page.save_button.click()
    [goal] = window.session.goals.all()
    assert goal.title == "Swim again" and [s.text for s in goal.steps] == ["Find the timetable", "Go once"]
    assert goal.steps[0].target == dt.date(2027, 3, 14) and goal.steps[1].target is None
    assert steps.marked_rows() == [1] and steps.item(1, 4).text() == "next friday"
    assert "next friday" in page.message.text() and page.has_unsaved()
    steps.setItem(1, 4, QTableWidgetItem("21/03/2027"))
    page.save_button.click()
    assert window.session.goals.all()[0].steps[1].target == dt.date(2027, 3, 21)
    assert not steps.marked_rows() and page.message.text() == "Saved."


def test_every_date_box_shows_a_four_digit_year_uncut(qtbot, window, created_journal) -> None:
    """One style in every date box ("3 Dec 2026"), four-digit years, and wide enough for its longest date."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    for index in range(view.tabs.count()):  # every tab made and shown once
        view.tabs.setCurrentIndex(index)
    boxes = window.findChildren(QDateEdit)
    assert len(boxes) >= 2
    for box in boxes:
        assert box.displayFormat() == "d MMM yyyy", box.accessibleName()
        assert box.minimumWidth() >= box.fontMetrics().horizontalAdvance(box.text())


def test_one_feeling_is_a_thin_bar_not_a_block() -> None:
    """With a single feeling the chart shows one thin bar on a scale of at least five."""
    from recoveryjournal.services.charts import draw_feelings_figure

    ax = draw_feelings_figure([("calm", 2)]).get_axes()[0]
    [bar] = ax.patches
    assert bar.get_height() < 0.5 and ax.get_xlim()[1] >= 5


def test_the_first_chart_says_drawing_while_it_loads(qtbot, window, created_journal, monkeypatch) -> None:
    """The first visit to How things have been says "Drawing…" at once (the chart library loads on a worker),
    then shows the chart and the words go."""
    from recoveryjournal.ui.pages import mood_tab

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    window.session.checkins.add(6, when=dt.datetime.combine(dt.date.today(), dt.time(9)))
    monkeypatch.setattr(mood_tab, "chart_library_loaded", lambda: False)  # as on the run's first chart
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.mood_page)
    page = view.mood_page
    assert page.message.isVisible() and page.message.text() == "Drawing…"
    qtbot.waitUntil(lambda: not page.message.isVisible(), timeout=10_000)
    assert page.mood_view.figure is not None and "your mood averaged 6.0" in page.summary.text()
