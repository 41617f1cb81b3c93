"""A whole session on a drop-in centre PC under the machine policy, in a sandbox: nothing of the person is
left anywhere on the PC, nothing names their journal or export, and the policy can't be changed from the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWizard

from recoveryjournal.services.destinations import REMOVABLE_ENV
from recoveryjournal.services.pc_check import check_this_pc
from recoveryjournal.services.policy import POLICY_ENV, load_policy
from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.workers import background_tasks_running
from tests.conftest import PASSPHRASE

CANARY = "Canary-Dropin-6612"
JOURNAL_NAME = "Sams-private-notes"
EXPORT_NAME = "for-my-keyworker-Sam"


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """HOME, XDG_*, TMPDIR and Windows-like folders inside tmp_path; a 'USB stick' under a removable root;
    a machine policy for a shared PC; Qt's settings pointed into the sandbox too."""
    box = tmp_path / "pc"
    names = {"HOME": "home", "TMPDIR": "tmp", "XDG_CONFIG_HOME": "home/.config", "XDG_DATA_HOME": "home/.local/share",
             "XDG_CACHE_HOME": "home/.cache", "XDG_STATE_HOME": "home/.local/state", "APPDATA": "appdata",
             "LOCALAPPDATA": "localappdata", "MPLCONFIGDIR": "home/.config/matplotlib"}  # fmt: skip
    for var, sub in names.items():
        (box / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(box / sub))
    media = tmp_path / "media"
    stick = media / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setenv(REMOVABLE_ENV, str(media))
    policy_file = tmp_path / "etc" / "policy.json"
    policy_file.parent.mkdir()
    policy_file.write_text(json.dumps({"shared_pc": True, "auto_lock_minutes": 2, "journals_on_this_pc": False,
                                       "centre_name": "Riverside Drop-in", "support_line": "Ask at the desk.",
                                       "exports_to_removable_only": "refuse"}))  # fmt: skip
    monkeypatch.setenv(POLICY_ENV, str(policy_file))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(box / "home/.config"))
    yield box, stick, policy_file
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path.home() / ".config"))


def _answer_file_dialog(path: Path) -> None:
    """Fill in and accept the real file dialog once it is open (it runs modally)."""

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        from PySide6.QtWidgets import QLineEdit

        dialog.setDirectory(str(path.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # as if typed, whatever the view is doing
        dialog.accept()

    QTimer.singleShot(50, answer)


def _scan(root: Path, needles: list[str]) -> list[str]:
    found = []
    patterns = [n.encode(enc) for n in needles for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    for f in root.rglob("*"):
        if f.is_file():
            data = f.read_bytes() + f.name.encode()
            found += [f"{f.relative_to(root)}: {p!r}" for p in patterns if p in data]
    return found


def test_a_whole_session_leaves_nothing_behind(qtbot, sandbox) -> None:
    """Create on the stick (the PC's disk is refused), write, check in, share through the real save dialog
    (the PC's disk refused, the stick accepted), lock, quit: no canary, journal name or export name anywhere."""
    box, stick, _policy_file = sandbox
    window = MainWindow(policy=load_policy())
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert "Riverside Drop-in" in window.welcome_page.centre_line.text()
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    wizard.where_page.name_edit.setText(JOURNAL_NAME)
    wizard.where_page.folder_edit.setText(str(box / "home"))
    wizard.next()
    assert wizard.currentPage() is wizard.where_page and "USB stick" in wizard.where_page.message.text()
    wizard.where_page.folder_edit.setText(str(stick))
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=15_000)
    wizard.key_page.kept.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert window.session is not None and window.session.path.parent == stick
    page = window.journal_page
    page.new_button.click()
    qtbot.keyClicks(page.editor.body_edit, f"{CANARY} today at the centre")
    page.editor.save_button.click()
    window.session.checkins.add(5, note=f"{CANARY} check-in")
    window.open_share({"entry": {window.session.entries.newest_first()[0].id}})
    dialog = window.dialogs.share_dialog
    dialog.format_group.button(1).setChecked(True)
    dialog.next_button.click()
    dialog.next_button.click()
    _answer_file_dialog(box / "home" / f"{EXPORT_NAME}.json")
    dialog.save_button.click()
    assert "only be saved to a USB stick" in dialog.message.text()
    _answer_file_dialog(stick / f"{EXPORT_NAME}.json")
    dialog.save_button.click()
    assert (stick / f"{EXPORT_NAME}.json").exists() and "Saved" in dialog.message.text(), dialog.message.text()
    QGuiApplication.clipboard().setText(f"{CANARY} copied")
    window.lock()
    assert window.stack.currentWidget() is window.welcome_page  # a neutral start screen
    assert QGuiApplication.clipboard().text() == ""
    shown = " ".join(w.text() for w in window.findChildren(type(window.welcome_page.centre_line)))
    assert JOURNAL_NAME not in shown and window.journal_path is None
    window.close()
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)
    assert _scan(box, [CANARY, JOURNAL_NAME, EXPORT_NAME]) == []
    assert check_this_pc().clean


def test_the_policy_cant_be_overridden_from_the_app(qtbot, sandbox) -> None:
    """Auto-lock can't be turned off or set past the policy; the passphrase can't be remembered; the file is
    never written by the app."""
    _box, _stick, policy_file = sandbox
    before = policy_file.read_bytes()
    policy = load_policy()
    window = MainWindow(policy=policy)
    qtbot.addWidget(window)
    window.settings.auto_lock_minutes = 0
    window.journal.start_idle_lock()
    assert window.journal.idle_lock.interval_ms == 2 * 60_000
    dialog = SettingsDialog(window.settings, policy, None, False, window)
    assert dialog.auto_lock.minimum() == 1 and dialog.auto_lock.maximum() == 2
    assert not policy.may_remember_passphrase and not window.unlock_page.remember_box.isVisible()
    assert policy_file.read_bytes() == before


def test_check_this_pc_finds_file_dialog_history(sandbox) -> None:
    """What a support worker would find after a careless app: Qt's history naming a journal (exit 1)."""
    box, _stick, _policy = sandbox
    (box / "home/.config/QtProject.conf").write_text(
        "[FileDialog]\nhistory=file:///media/usb/Sam's journal.rjournal\nlastVisited=file:///media/usb\n"
    )
    report = check_this_pc()
    assert not report.clean and any("Sam's journal.rjournal" in t for t in report.traces)
    assert "shared PC mode: on" in "\n".join(report.lines())


def test_portable_mode_keeps_everything_beside_the_app(tmp_path: Path) -> None:
    """With the portable marker (here: its environment variable), settings, data and caches go to the stick's
    folder and nothing is written to the PC's HOME."""
    import os
    import subprocess
    import sys

    home, stick = tmp_path / "home", tmp_path / "stick" / "portable-data"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPLCONFIGDIR"))}
    env.update(HOME=str(home), RECOVERYJOURNAL_PORTABLE_DIR=str(stick), RECOVERYJOURNAL_QUIT_WHEN_SHOWN="1",
               QT_QPA_PLATFORM="offscreen", RECOVERYJOURNAL_INSECURE_FAST_KDF="1")  # fmt: skip
    env.pop(POLICY_ENV, None)
    result = subprocess.run([sys.executable, "-m", "recoveryjournal.ui.app", "--demo"], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(home.rglob("*")) == []
    assert (stick / "data" / "RecoveryJournal" / "demo").is_dir()  # the demo is being made there, not in HOME


def test_every_save_follows_the_policy(sandbox) -> None:
    """The crisis plan PDF and the mood chart use the same rule as shares and backups; saving starts on the stick."""
    from recoveryjournal.services.export_document import ExportDocument, Section, paragraph
    from recoveryjournal.ui.export.save_pdf import exporter
    from recoveryjournal.ui.widgets.file_dialogs import default_export_folder

    box, stick, _policy = sandbox
    doc = ExportDocument("My crisis plan", (Section("", (paragraph("words"),)),))
    refused = exporter().save_document(doc, box / "home" / "plan.pdf")  # the window's own way to save a PDF
    assert refused.state == "refused" and not (box / "home" / "plan.pdf").exists()
    assert exporter().save_document(doc, stick / "plan.pdf").done
    assert Path(default_export_folder()) == stick.parent


def test_the_start_screen_and_create_say_where_a_journal_lives_here(qtbot, sandbox, tmp_path, monkeypatch) -> None:
    """Under the policy the start screen says the journal lives on the person's USB stick (never "everything
    stays on this computer"); with no stick, Create says "Plug in your USB stick" and fills the folder in when
    one appears; Return in the folder box moves on; Open… starts on the stick (issue 24, findings 8 and 9)."""
    from recoveryjournal.services.destinations import REMOVABLE_ENV

    _box, stick, _policy = sandbox
    empty_media = tmp_path / "no-sticks-yet"
    empty_media.mkdir()
    monkeypatch.setenv(REMOVABLE_ENV, str(empty_media))
    window = MainWindow(policy=load_policy())
    qtbot.addWidget(window)
    window.show()
    window.start()
    intro = window.welcome_page.intro.text()
    assert "USB stick" in intro and "stays on this computer" not in intro
    window.welcome_page.create_button.click()
    where = window.journal.wizard.where_page
    assert where.folder_edit.text() == "" and "Plug in your USB stick" in where.message.text()
    monkeypatch.setenv(REMOVABLE_ENV, str(stick.parent))  # the stick is plugged in
    qtbot.waitUntil(lambda: where.folder_edit.text() == str(stick), timeout=5_000)
    assert not where.message.isVisible()
    from PySide6.QtCore import Qt

    where.folder_edit.setFocus()
    qtbot.keyClick(where.folder_edit, Qt.Key.Key_Return)
    assert window.journal.wizard.currentPage() is window.journal.wizard.passphrase_page
    window.journal.wizard.reject()
    started: list[str] = []
    monkeypatch.setattr(
        "recoveryjournal.ui.window_dialogs.choose_folder", lambda _p, _t, start: started.append(start) or ""
    )
    window.welcome_page.open_button.click()
    assert started == [str(stick)]


def test_a_real_save_and_open_then_lock_leave_no_file_dialog_history(qtbot, sandbox) -> None:
    """One Save (the share's) and one Open (Journal ▸ Open…) through Qt's real dialogs, then lock: Qt's settings
    hold no history and no last folder, and Check this PC is clean (issue 24, finding 10)."""
    box, stick, _policy = sandbox
    from recoveryjournal.services.journal_service import create_journal
    from tests.ui.conftest import choose_from_menu

    made, _key = create_journal(stick / "mine.rjournal", PASSPHRASE)
    made.entries.add("words", "One")
    made.lock()
    window = MainWindow(policy=load_policy())
    qtbot.addWidget(window)
    window.show()
    window.show_unlock(stick / "mine.rjournal")
    window.unlock_page.secret_field.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.session is not None and background_tasks_running() == 0, timeout=10_000)
    window.open_share({"entry": {window.session.entries.newest_first()[0].id}})
    dialog = window.dialogs.share_dialog
    dialog.next_button.click()
    dialog.next_button.click()
    _answer_file_dialog(stick / "for-my-keyworker.pdf")
    dialog.save_button.click()
    assert (stick / "for-my-keyworker.pdf").exists()
    dialog.reject()

    def answer_folder() -> None:
        found = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()), None)
        if found is None:
            QTimer.singleShot(50, answer_folder)
            return
        found.setDirectory(str(stick))
        found.selectFile(str(stick / "mine.rjournal"))
        found.accept()

    QTimer.singleShot(50, answer_folder)
    choose_from_menu(qtbot, window, "Journal", "Open a journal…")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_page, timeout=5_000)
    window.lock()
    conf = box / "home/.config/QtProject.conf"
    written = conf.read_text() if conf.exists() else ""
    import re

    assert not re.search(r"^(history|lastVisited)=.+$", written, re.MULTILINE), written
    assert check_this_pc().clean, check_this_pc().traces


def test_check_this_pc_explains_ignores_home_and_clears(qtbot, sandbox) -> None:
    """A bare home folder in Qt's history is not a trace; a stick's folder is explained in words; "Clear these
    now" in Help ▸ Check this PC clears it, and leaves files people saved alone."""
    from recoveryjournal.ui.dialogs.pc_check_dialog import PcCheckDialog

    box, _stick, _policy = sandbox
    conf = box / "home/.config/QtProject.conf"
    conf.write_text(f"[FileDialog]\nhistory=file://{box / 'home'}\nlastVisited=file://{box / 'home'}\n")
    assert check_this_pc().clean, check_this_pc().traces
    conf.write_text(f"[FileDialog]\nhistory=file://{box / 'home'}, file:///media/KIM'S STICK\nlastVisited=\n")
    [trace] = check_this_pc().traces
    assert "it remembers the folder file:///media/KIM'S STICK, where someone saved or opened a file" in trace
    import os

    saved = Path(os.environ["XDG_DOCUMENTS_DIR"])
    saved.mkdir(parents=True, exist_ok=True)
    (saved / "share.json").write_text('{"shared_on": "2026-12-03"}')
    dialog = PcCheckDialog(load_policy())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.clear_button.isEnabled()
    # Issue 30, 3.10: the verdict and its counts lead; what the app can clear stands apart from saved files.
    assert dialog.verdict.text().startswith("Found 1 thing the app can clear now and 1 file or place for you")
    report = dialog.report.toPlainText().splitlines()
    clear_at = report.index("The app can clear these now (Clear these now):")
    files_at = next(n for n, line in enumerate(report) if line.startswith("Files someone saved"))
    assert clear_at < files_at < next(n for n, line in enumerate(report) if line.startswith("Policy:"))
    assert "KIM'S STICK" in report[clear_at + 1] and "share.json" in report[files_at + 1]
    assert dialog.windowTitle() == "Check this PC"
    dialog.clear_button.click()
    assert "KIM'S STICK" not in conf.read_text() and (saved / "share.json").exists()
    assert "KIM'S STICK" not in dialog.report.toPlainText() and "share.json" in dialog.report.toPlainText()
    assert "Cleared what the app remembers. Found 1 file or place for you to look at" in dialog.verdict.text()


def test_printing_on_a_shared_pc_says_a_printer_may_keep_a_copy(qtbot, sandbox) -> None:
    """Print… on a shared PC asks first; "Don't print" is the default, and choosing it prints nothing."""
    from PySide6.QtWidgets import QMessageBox

    from recoveryjournal.ui.export.save_pdf import printing_is_fine_here

    seen: list[str] = []

    def answer() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(30, answer)
            return
        seen.append(box.text())
        seen.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(30, answer)
    assert printing_is_fine_here(None, load_policy().shared_pc) is False
    assert "may keep a copy" in seen[0] and seen[1] == "Don't print"


def test_a_refused_folder_says_the_whole_sentence_and_keeps_the_cursor_there(qtbot, sandbox, tmp_path) -> None:
    """Issue 30, 3.11: a folder on the PC's own disk is refused with the whole sentence in view (not cut off after
    "Put your"), the page stays and the cursor is in the Folder box; the stick's own top folder is accepted."""
    from PySide6.QtCore import Qt

    _box, stick, _policy = sandbox
    window = MainWindow(policy=load_policy())
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    where = wizard.where_page
    where.folder_edit.setText(str(tmp_path / "on-this-pc"))
    where.folder_edit.setFocus()
    qtbot.keyClick(where.folder_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is where and wizard.focusWidget() is where.folder_edit
    words = where.message.text()
    assert words.endswith("choose a folder on it.") and where.message.isVisible()
    label = where.message.findChild(QLabel)
    assert label.height() >= label.heightForWidth(label.width())  # all its lines have room: nothing cut off
    where.folder_edit.setText(str(stick))  # /media/…/STICK: the stick's own top folder
    qtbot.keyClick(where.folder_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.passphrase_page
    wizard.reject()


def test_check_this_pc_finds_a_protected_pdf_in_downloads(sandbox, tmp_path) -> None:
    """Issue 34, 11: a protected PDF's maker is encrypted with it, so `policy --check` lists one protected with a
    password on the desktop or in Downloads as one that may be a share (exit 1), to move or delete."""
    import os
    import subprocess
    import sys

    import platformdirs

    from recoveryjournal.render.pdf import pdf_bytes
    from recoveryjournal.services.export_document import ExportDocument, Section, paragraph
    from recoveryjournal.services.pdf_protection import protect

    downloads = Path(platformdirs.user_downloads_dir())
    downloads.mkdir(parents=True, exist_ok=True)
    data, _pages = pdf_bytes(ExportDocument("For Alex", (Section("Entries", (paragraph("words"),)),)))
    (downloads / "For Alex (protected) 2026-12-07.pdf").write_bytes(protect(data, "river kettle purple"))
    result = subprocess.run([sys.executable, "-m", "recoveryjournal.cli", "policy", "--check"], capture_output=True,
                            text=True, timeout=60, env=dict(os.environ))  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "a PDF protected with a password (it may be a share from a journal)" in result.stdout
    assert "For Alex (protected) 2026-12-07.pdf" in result.stdout
