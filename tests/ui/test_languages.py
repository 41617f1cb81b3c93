"""The whole app in the second language: every screen, Qt's own buttons, dates, exported pages, the CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from recoveryjournal import i18n
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from recoveryjournal.ui.workers import background_tasks_running
from tests.conftest import PASSPHRASE
from tests.ui.tour import tour

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "es" / "LC_MESSAGES" / "recoveryjournal.po"


def _english_only() -> set[str]:
    """English words whose Spanish differs: seeing one of these on a Spanish screen means it wasn't translated."""
    with CATALOGUE.open("rb") as f:
        catalog = read_po(f, locale="es")
    return {
        m.id for m in catalog
        if isinstance(m.id, str) and m.id and m.string and m.string != m.id and len(m.id.strip()) > 1
    }  # fmt: skip


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible piece of text under `root`: labels, buttons, boxes, lists, tabs, menus,
    tooltips and the names screen readers read."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        kind = type(w).__name__
        found += [(f"{kind} tooltip", w.toolTip()), (f"{kind} name", w.accessibleName()),
                  (f"{kind} description", w.accessibleDescription())]  # fmt: skip
        if isinstance(w, QLabel | QAbstractButton):
            found.append((kind, w.text()))
        if isinstance(w, QLineEdit):
            found.append((f"{kind} placeholder", w.placeholderText()))
        if isinstance(w, QPlainTextEdit | QTextEdit):
            found.append((f"{kind} placeholder", w.placeholderText()))
        if isinstance(w, QGroupBox):
            found.append((kind, w.title()))
        if isinstance(w, QComboBox):
            found += [(f"{kind} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            found += [(f"{kind} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QListWidget):
            found += [(f"{kind} item", w.item(i).text()) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            found += [(f"{kind} header", w.horizontalHeaderItem(i).text()) for i in range(w.columnCount())
                      if w.horizontalHeaderItem(i)]  # fmt: skip
    for menu in root.findChildren(QMenu):
        found += [("menu", a.text().replace("&", "")) for a in menu.actions()]
    return [(where, text) for where, text in found if text]


@pytest.fixture
def spanish(qapp) -> Iterator[None]:
    """Speak Spanish as app.py does at start (our words, Qt's own, Spanish dates), then English again."""
    i18n.choose_language("es")
    QLocale.setDefault(QLocale("es_ES"))
    translator = QTranslator()
    assert translator.load("qtbase_es", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_GB"))
    i18n.choose_language("en_GB")


@pytest.fixture
def spanish_window(spanish, qtbot, tmp_path: Path, monkeypatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a fresh demo journal, made in Spanish
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.seen_welcome_tour = True
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1000, 680)
    window.show()
    yield window
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=15_000)
    window.lock()


def test_every_screen_speaks_spanish(spanish_window, qtbot) -> None:
    """Walk every screen and dialog in Spanish; no English sentence, button or name from the catalogue may
    show (one would mean words fixed at import time, or shown without `_()`)."""
    english = _english_only()

    def settle() -> None:
        for _ in range(20):
            QApplication.processEvents()
        qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=15_000)

    left_in_english: dict[str, list[str]] = {}
    screens = 0
    for name, widget in tour(spanish_window, settle):
        screens += 1
        found = sorted({f"{where}: {text!r}" for where, text in _texts(widget) if text.replace("&", "") in english})
        if found:
            left_in_english[name] = found
    assert screens >= 25
    assert not left_in_english, "\n".join(f"{s}: {', '.join(t)}" for s, t in left_in_english.items())


def test_qt_own_buttons_and_dates_follow_the_language(spanish, qtbot) -> None:
    """Qt's standard buttons come from Qt's Spanish translation; dates and numbers are written the Spanish way."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"
    day = dt.date(2026, 11, 27)
    assert i18n.day(day, "full") == "viernes, 27 de noviembre de 2026"
    assert i18n.clock(dt.time(14, 5)) == "14:05"
    assert i18n.number(6.5) == "6,5"
    assert QLocale().toString(day, QLocale.FormatType.LongFormat).startswith("viernes")


def test_settings_choose_the_language_for_the_next_start(qapp, tmp_path: Path, monkeypatch) -> None:
    """Settings keeps the choice; the next start speaks it even where the computer speaks another language."""
    from recoveryjournal.ui.app import speak_chosen_language

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    AppSettings().language = "es"
    try:
        speak_chosen_language(qapp)
        assert i18n.language() == "es" and i18n._("Lock") == "Bloquear"
    finally:
        AppSettings().language = ""
        i18n.choose_language("en_GB")
        QLocale.setDefault(QLocale("en_GB"))
    assert i18n._("Lock") == "Lock"


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RECOVERYJOURNAL_LANGUAGE="es_ES")
    return subprocess.run([sys.executable, "-m", "recoveryjournal.cli", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.mark.slow
def test_the_command_line_and_its_pdf_speak_spanish(tmp_path: Path) -> None:
    """The CLI's help, messages and a shared PDF's headings and dates, in Spanish, with no screen."""
    from pypdf import PdfReader

    journal = tmp_path / "mi-diario"
    assert "crea un diario nuevo" in _cli("--help").stdout
    made = _cli("init", str(journal), stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert made.returncode == 0, made.stderr
    assert "Apunta esta clave de recuperación" in made.stderr
    wrong = _cli("list", str(journal), stdin="not it\n")
    assert wrong.returncode == 3 and "Esa frase de paso no abre este diario" in wrong.stderr
    added = _cli("add", str(journal), "--text", "Un día tranquilo.", "--date", "2026-11-27", stdin=f"{PASSPHRASE}\n")
    assert added.returncode == 0, added.stderr
    pdf = tmp_path / "compartido.pdf"
    shared = _cli("share", str(journal), "--entry", "1", "--output", str(pdf), stdin=f"{PASSPHRASE}\n")
    assert shared.returncode == 0, shared.stderr
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Entradas del diario" in text and "27 de noviembre de 2026" in text
    assert "Compartido por mí desde mi propio diario" in text and "Página 1 de 1" in text
    assert "Journal entries" not in text and "Friday" not in text


@pytest.mark.parametrize("locale", ["en_GB", "en_US", "es_ES", "es_MX"])
def test_a_date_the_app_writes_reads_back_in_every_language(locale: str) -> None:
    """Dates shown in a box people can edit (a step's "by when") are written the locale's way, and read back;
    so are the words for near days and the forms the hint suggests."""
    from recoveryjournal.domain.entry import parse_date

    i18n.choose_language(locale)
    try:
        day = dt.date(2026, 12, 11)
        for style in ("short", "long", "full", "short_weekday"):
            assert parse_date(i18n.day(day, style)) == day, i18n.day(day, style)
        assert parse_date(i18n._("tomorrow")) == dt.date.today() + dt.timedelta(days=1)
        assert parse_date("14/03/2026") == parse_date("2026-03-14") == dt.date(2026, 3, 14)
    finally:
        i18n.choose_language("en_GB")


def test_a_shared_pc_speaks_the_computers_language(qapp, tmp_path: Path, monkeypatch) -> None:
    """Under shared-PC mode a language left in the settings (by someone earlier) is not used."""
    import json

    from recoveryjournal.ui.app import speak_chosen_language

    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"shared_pc": True}))
    monkeypatch.setenv("RECOVERYJOURNAL_POLICY", str(policy))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    AppSettings().language = "es"
    try:
        speak_chosen_language(qapp)
        assert i18n.language() == "en" and i18n._("Lock") == "Lock"  # the suite's computer speaks English
    finally:
        AppSettings().language = ""
        i18n.choose_language("en_GB")
        QLocale.setDefault(QLocale("en_GB"))


def _cut_off(root: QWidget) -> list[str]:
    """What a person can't read whole on this screen: a sideways scroll bar, a one-line label or button narrower
    than its words, a tab or list row whose words are cut short with "…"."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QLabel,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 1:
            continue
        where = f"{type(w).__name__} {w.objectName() or w.accessibleName() or ''}".strip()
        text_box = isinstance(w, QPlainTextEdit | QTextEdit)
        if isinstance(w, QAbstractScrollArea) and not text_box and w.horizontalScrollBar().isVisible():
            found.append(f"{where}: scrolls sideways")
        one_line = isinstance(w, QLabel) and not w.wordWrap() and w.text() and not w.pixmap()
        if one_line and w.sizeHint().width() > w.width() + 1:
            found.append(f"{where}: {w.text()[:50]!r} cut off")
        if isinstance(w, QAbstractButton) and w.text() and w.sizeHint().width() > w.width() + 1:
            found.append(f"{where}: {w.text()[:50]!r} cut off")
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabRect(i).width() < w.fontMetrics().horizontalAdvance(w.tabText(i).replace("&", "")):
                    found.append(f"{where}: tab {w.tabText(i)!r} cut short")
        wraps = getattr(w, "wordWrap", lambda: False)()
        if isinstance(w, QAbstractItemView) and w.model() is not None and not wraps:
            model, view_width = w.model(), w.viewport().width()
            for row in range(min(model.rowCount(), 30)):
                rect = w.visualRect(model.index(row, 0))
                text = str(model.index(row, 0).data() or "").split("\n")[0]
                if (
                    rect.isValid()
                    and rect.width()
                    and type(w).__name__ in ("QListWidget", "QTreeWidget")
                    and (w.fontMetrics().horizontalAdvance(text) > view_width)
                ):
                    found.append(f"{where}: row {text[:50]!r} cut short")
    return found


def test_every_screen_in_spanish_fits_without_cutting_or_scrolling(spanish_window, qtbot) -> None:
    """Spanish words run about 30 % longer: at 1000×680 no screen cuts a label, button or tab short, and none
    scrolls sideways (issue 24, finding 12)."""

    def settle() -> None:
        for _ in range(20):
            QApplication.processEvents()
        qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=15_000)

    problems: dict[str, list[str]] = {}
    for name, widget in tour(spanish_window, settle):
        if widget is not spanish_window and widget.isWindow():
            widget.resize(min(widget.width(), 1000), min(widget.height(), 680))
            settle()
        if found := _cut_off(widget):
            problems[name] = found
    assert not problems, "\n".join(f"{s}: {'; '.join(t)}" for s, t in problems.items())


def test_spanish_names_the_demo_and_keeps_the_documented_menu_keys(spanish_window) -> None:
    """The lock screen names the demo journal in Spanish; the menus open with Alt+D and Alt+A, as docs/using.md
    says; an agenda is "temas para la cita", never the stiff "orden del día"."""
    from recoveryjournal.services.locations import demo_journal_path

    spanish_window.unlock_page.set_journal(demo_journal_path())
    assert "Diario de demostración" in spanish_window.unlock_page.journal_label.text()
    titles = [a.text() for a in spanish_window.menuBar().actions()]
    assert titles == ["&Diario", "&Ayuda"], titles
    po = (Path(__file__).parents[2] / "resources/translations/es/LC_MESSAGES/recoveryjournal.po").read_text("utf-8")
    assert "orden del día" not in po and "Mis temas para la cita" in po


@pytest.mark.parametrize("language", ["en_GB", "es"])
def test_the_checkins_own_keys_clash_with_no_menu_and_the_demo_watches_its_own_plan(qapp, language, tmp_path):
    """Alt+letters of the check-in (I noticed, What helped, Took my medicines) are distinct and none opens a menu
    instead, in each language; the demo keeps an eye on lines of its own plan in that language."""
    from PySide6.QtWidgets import QLabel

    from recoveryjournal.services.demo import fill_with_demo_entries, fill_with_demo_plans
    from recoveryjournal.services.journal_service import create_journal
    from recoveryjournal.ui.pages.checkin_tab import CheckInTab

    i18n.choose_language(language)
    try:
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        menus = {a.text().split("&")[1][0].lower() for a in window.menuBar().actions()}
        tab = CheckInTab()
        keys = [label.text().split("&")[1][0].lower() for label in tab.findChildren(QLabel) if "&" in label.text()]
        assert len(keys) == 3 and len(set(keys)) == 3 and not set(keys) & menus, (keys, menus)
        session, _ = create_journal(tmp_path / "demo", "pw")
        fill_with_demo_entries(session)
        fill_with_demo_plans(session)
        watched = session.plan.watched("sign") + session.plan.watched("helps")
        assert len(watched) == 5 and all(w.section_key for w in watched), watched
        session.lock()
        tab.deleteLater()
        window.deleteLater()
    finally:
        i18n.choose_language("en_GB")
