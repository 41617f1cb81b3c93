"""The check-in tab by keyboard and by mouse, and the mood tab's charts and words."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from recoveryjournal.ui.dialogs.scale_words_dialog import ScaleWordsDialog
from recoveryjournal.ui.pages.checkin_tab import CheckInTab
from recoveryjournal.ui.pages.mood_tab import MoodTab


def _tab(qtbot, session) -> CheckInTab:
    tab = CheckInTab()
    qtbot.addWidget(tab)
    tab.load(session)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=3_000)
    return tab


def test_keyboard_only_checkin(qtbot, session) -> None:
    """7, Tab to the note, type, Ctrl+Enter: saved with mood 7 and the note."""
    tab = _tab(qtbot, session)
    tab.mood_buttons[0].setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_7)
    assert tab.mood() == 7
    tab.note.setFocus()
    qtbot.keyClicks(tab.note, "a steady day")
    qtbot.keyClick(tab.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [saved] = session.checkins.between()
    assert saved.mood == 7 and saved.note == "a steady day"
    assert tab.message.text() == "Saved. Thank you for checking in."
    assert tab.mood() is None and tab.note.toPlainText() == ""


def test_zero_key_means_ten(qtbot, session) -> None:
    """0 chooses 10."""
    tab = _tab(qtbot, session)
    tab.mood_buttons[0].setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_0)
    assert tab.mood() == 10


def test_mouse_only_checkin(qtbot, session) -> None:
    """Click 4, tick a feeling, click Save."""
    tab = _tab(qtbot, session)
    qtbot.mouseClick(tab.mood_buttons[3], Qt.MouseButton.LeftButton)
    tab.feelings.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    [saved] = session.checkins.between()
    assert (saved.mood == 4 and saved.feelings == (tab.feelings.item(0).text(),)) or len(saved.feelings) == 1


def test_no_mood_is_told_kindly(qtbot, session) -> None:
    """Saving without a mood saves nothing and says why."""
    tab = _tab(qtbot, session)
    tab.note.setPlainText("just a note")
    assert not tab.record()
    assert "choose a number for your mood" in tab.message.text()
    assert session.checkins.count() == 0
    assert tab.note.toPlainText() == "just a note"  # nothing typed is lost


def test_own_feeling_word_is_remembered(qtbot, session) -> None:
    """A word of your own is saved with the check-in and offered next time."""
    tab = _tab(qtbot, session)
    tab.mood_buttons[5].click()
    qtbot.keyClicks(tab.own_word, "wobbly but ok")
    qtbot.keyClick(tab.own_word, Qt.Key.Key_Return)
    tab.record()
    assert session.checkins.between()[0].feelings == ("wobbly but ok",)
    fresh = _tab(qtbot, session)
    words = [fresh.feelings.item(i).text() for i in range(fresh.feelings.count())]
    assert words[0] == "wobbly but ok"


def test_own_words_for_numbers(qtbot, session) -> None:
    """The numbers dialog saves the person's words and the label shows them."""
    tab = _tab(qtbot, session)
    dialog = ScaleWordsDialog(session, tab)
    dialog.edits[("mood", 4)].setText("Getting through")
    dialog._on_ok_clicked()
    tab.mood_buttons[3].click()
    assert tab.mood_words.text() == "4 – Getting through"


def test_clear_forgets_everything(qtbot, session) -> None:
    """After clear() (a lock) no mood, note, feeling or list item is left."""
    session.checkins.add(5, note="earlier today")
    tab = _tab(qtbot, session)
    tab.mood_buttons[2].click()
    tab.note.setPlainText("half written")
    tab.clear()
    assert tab.mood() is None and tab.note.toPlainText() == ""
    assert tab.today.count() == 0 and tab.feelings.count() == 0


def _mood_tab(qtbot, session) -> MoodTab:
    from recoveryjournal.ui.pages.mood_tab import _load_chart_library

    _load_chart_library()  # drawn at once, as after the first chart of a run (tests in any order, or alone)
    tab = MoodTab()
    qtbot.addWidget(tab)
    tab.load(session)
    tab.show()
    return tab


def test_mood_tab_draws_and_says_it_in_words(qtbot, session) -> None:
    """With check-ins: a chart, a summary in words; switching to Week changes the words."""
    today = dt.date.today()
    for days_ago, mood in ((0, 6), (2, 4), (20, 8)):
        session.checkins.add(
            mood,
            sleep_hours=7,
            feelings=["calm"],
            when=dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9)),
        )
    tab = _mood_tab(qtbot, session)
    assert tab.mood_view.figure is not None
    assert "over the last 30 days, your mood averaged 6.0" in tab.summary.text().lower()
    tab.set_period("week")
    assert "averaged 5.0" in tab.summary.text()
    assert "calm (2)" in tab.feelings_summary.text()
    days = []
    tab.day_requested.connect(days.append)
    tab.mood_view.day_clicked.emit(today)
    assert days == [today]


def test_mood_tab_with_no_checkins(qtbot, session) -> None:
    """No check-ins: no chart, and kind words instead."""
    tab = _mood_tab(qtbot, session)
    assert tab.mood_view.figure is None
    assert "no check-ins" in tab.summary.text()
    assert tab.feelings_summary.text() == "No feelings chosen in this period yet."
    assert not tab.save_button.isEnabled()


def test_save_chart_as_png(qtbot, session, tmp_path, monkeypatch) -> None:
    """Save chart writes a real PNG where the person chose."""
    session.checkins.add(5)
    tab = _mood_tab(qtbot, session)
    target = tmp_path / "mine.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG (*.png)"))
    tab.save_button.click()
    assert target.read_bytes().startswith(b"\x89PNG")
    assert "Saved the chart" in tab.message.text()


def test_window_start_up_does_not_import_matplotlib() -> None:
    """Start-up stays lean: the window's modules don't load matplotlib until a chart is drawn."""
    code = "import recoveryjournal.ui.main_window, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_first_window_loads_nothing_behind_the_lock() -> None:
    """The first window (welcome screen) is built without the passphrase screen, tabs, dialogs, storage, key
    derivation, keyring, PDF renderer or charts: those load where they are first used (docs/performance.md)."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from recoveryjournal.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); w.start(); app.processEvents()\n"
        "lazy = ('matplotlib', 'numpy', 'keyring', 'urllib.request', 'sqlcipher3', 'argon2', 'cryptography',\n"
        "        'recoveryjournal.storage', 'recoveryjournal.services.journal_service', 'recoveryjournal.render',\n"
        "        'recoveryjournal.ui.pages.unlocked_view', 'recoveryjournal.ui.dialogs.share_dialog', 'babel',\n"
        "        'recoveryjournal.ui.pages.unlock_page')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_locking_while_the_chart_library_loads_draws_nothing_and_says_nothing(qtbot, session) -> None:
    """The first chart loads its library on a worker; if the journal locks meanwhile, its arrival finds no journal
    and leaves the empty tab alone (it used to read the locked journal: 'The journal is locked', a fault)."""
    tab = _mood_tab(qtbot, session)
    tab.clear()  # what locking does to every tab
    tab._drawn_after_loading(None)  # the worker's answer, arriving late
    assert tab.mood_view.figure is None and not tab.message.isVisible()
