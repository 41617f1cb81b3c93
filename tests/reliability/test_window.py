"""The window's side of the battery: a full disk, a read-only stick, a second copy, a stick pulled out,
no plaintext left anywhere after a whole session, and no network at all."""

from __future__ import annotations

import socket
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from recoveryjournal.domain.errors import PLACE_GONE, READ_ONLY_NOTE, CannotWrite
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.ui.dialogs.share_dialog import ShareDialog
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from recoveryjournal.ui.workers import background_tasks_running
from tests.conftest import PASSPHRASE
from tests.places import bind_mount, fill, pull_out, read_only, small_disk
from tests.reliability.conftest import run_cli
from tests.ui.conftest import unlock

PW = f"{PASSPHRASE}\n"


def _write_entry(qtbot, window: MainWindow, text: str) -> str:
    page = window.journal_page
    page.new_button.click()
    qtbot.keyClicks(page.editor.body_edit, text)
    page.editor.save_button.click()
    return page.editor.status_label.text()


def test_the_window_keeps_running_on_a_full_disk(qtbot, window, tmp_path: Path, battery) -> None:
    """The disk fills while the journal is open: saving says 'no room', the words stay in the editor,
    the window goes on, locking works; once there is room, they save."""
    battery.record("4. disk full", 1, "window: save on a full disk, lock, free space, save again")
    with small_disk(tmp_path) as disk:
        create_journal(disk / "j", PASSPHRASE)[0].lock()
        window.start(journal=disk / "j.rjournal")
        unlock(qtbot, window, PASSPHRASE)
        filler = fill(disk)
        status = _write_entry(qtbot, window, "words written while the disk was full")
        assert "no room left" in status
        assert window.journal_page.editor.body_edit.toPlainText() == "words written while the disk was full"
        filler.unlink()
        window.journal_page.editor.save_button.click()
        assert any(e.text == "words written while the disk was full" for e in window.session.entries.newest_first())
        window.lock()
        assert window.session is None


def test_the_window_shows_a_calm_banner_on_a_read_only_place(qtbot, window, created_journal, battery) -> None:
    """A read-only journal opens, says so in a banner, and saving says it can't change it."""
    battery.record("4. read-only", 1, "window: banner, reading, a refused save")
    path, _ = created_journal
    with read_only(path):
        window.start(journal=path)
        unlock(qtbot, window, PASSPHRASE)
        assert window.session is not None and window.session.read_only
        assert READ_ONLY_NOTE in window.banner.text()
        assert window.journal_page.model.rowCount() == 3
        editor = window.journal_page.editor
        assert editor.body_edit.isReadOnly() and not editor.save_button.isEnabled()
        assert not window.journal_page.new_button.isEnabled() and not editor.delete_button.isEnabled()
        assert editor.share_button.isEnabled()  # sharing from a read-only journal works
        assert not window.unlocked_view.checkin_page.save_button.isEnabled()
        assert not window.menus.passphrase_action.isEnabled()
        with pytest.raises(CannotWrite):  # and should anything still try, it is refused kindly
            window.session.entries.add("a new thought")
        window.lock()


def test_the_window_holds_the_journal_against_the_cli(qtbot, window, created_journal, battery) -> None:
    """Open in the window: the CLI is refused with exit 5; once the window locks, the CLI gets in."""
    battery.record("5. two copies", 2, "window + CLI, then CLI after the window locked")
    path, _ = created_journal
    window.start(journal=path)
    unlock(qtbot, window, PASSPHRASE)
    result = run_cli(["list", str(path)], PW)
    assert result.returncode == 5 and "already open" in result.stderr
    window.lock()
    assert run_cli(["list", str(path)], PW).returncode == 0


def test_a_stick_pulled_out_locks_the_window(qtbot, window, tmp_path: Path, battery) -> None:
    """The 'stick' goes while the journal is open: the window locks at once and says what happened;
    with the stick back, the journal opens and checks clean."""
    battery.record("6. stick removed", 1, "bind mount pulled out (umount -l) under the open window")
    home = tmp_path / "stick-contents"
    home.mkdir()
    with bind_mount(home, tmp_path) as stick:
        create_journal(stick / "j", PASSPHRASE)[0].lock()
        window.start(journal=stick / "j.rjournal")
        unlock(qtbot, window, PASSPHRASE)
        window.journal_page.new_button.click()
        qtbot.keyClicks(window.journal_page.editor.body_edit, "typed just before the stick went")
        pull_out(stick)
        qtbot.waitUntil(lambda: window.session is None, timeout=5_000)
        assert window.stack.currentWidget() is window.unlock_page
        assert PLACE_GONE in window.unlock_page.error_label.text()
    with bind_mount(home, tmp_path) as stick_again:  # the stick is back
        session = unlock_journal(stick_again / "j.rjournal", PASSPHRASE)
        assert session.check().ok
        session.lock()


CANARY = "Canary-Marmalade-4471"


def _scan(root: Path, allowed: set[Path]) -> list[str]:
    found = []
    needles = [CANARY.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    for f in root.rglob("*"):
        if f.is_file() and not f.is_symlink() and not any(f == a or a in f.parents for a in allowed):
            data = f.read_bytes()
            if any(n in data for n in needles):
                found.append(str(f.relative_to(root)))
    return found


def test_no_plaintext_anywhere_after_a_whole_session(qtbot, tmp_path: Path, monkeypatch, battery) -> None:
    """A scripted CLI + window session in a sandbox HOME/TMPDIR/XDG: the canary (UTF-8, UTF-16LE/BE) is in no
    file but the export the person chose, and in no message the CLI printed to stderr."""
    battery.record("8. plaintext canaries", 3, "CLI + window session; sandbox scanned in UTF-8, UTF-16LE, UTF-16BE")
    sandbox = tmp_path / "sandbox"
    env = {"HOME": str(sandbox / "home"), "TMPDIR": str(sandbox / "tmp"),
           "XDG_CONFIG_HOME": str(sandbox / "config"), "XDG_DATA_HOME": str(sandbox / "data"),
           "XDG_CACHE_HOME": str(sandbox / "cache"), "XDG_STATE_HOME": str(sandbox / "state")}  # fmt: skip
    for value in env.values():
        Path(value).mkdir(parents=True)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(tempfile, "tempdir", env["TMPDIR"])
    journal = sandbox / "home" / "Documents" / "mine.rjournal"
    export = sandbox / "home" / "Documents" / "for-alex.json"
    stderr = []
    for args, stdin in ((["init", str(journal)], PW), (["add", str(journal), "--text", f"{CANARY} by the CLI"], PW),
                        (["checkin", str(journal), "--mood", "6", "--note", f"{CANARY} note", "--noticed",
                          f"{CANARY} sign", "--helped", f"{CANARY} helped", "--medicines", "all"], PW),
                        (["medicines", str(journal), "--turn-on"], PW),
                        (["medicines", str(journal), "--add", f"{CANARY} medicine", "--take", f"{CANARY} dose"], PW),
                        (["patterns", str(journal)], PW), (["medicines", str(journal)], PW),
                        (["search", str(journal), CANARY], PW), (["check", str(journal)], PW)):  # fmt: skip
        result = run_cli(args, stdin, env=env)
        assert result.returncode == 0, result.stderr
        stderr.append(result.stderr)
    settings = AppSettings(QSettings(str(sandbox / "config" / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.start(journal=journal)
    unlock(qtbot, window, PASSPHRASE)
    _write_entry(qtbot, window, f"{CANARY} in the window")
    window.unlocked_view.show_checkin()  # a check-in with a sign of my own, kept in my plan too
    checkin = window.unlocked_view.checkin_page
    checkin.mood_buttons[4].click()
    qtbot.keyClicks(checkin.own_sign, f"{CANARY} window sign")
    qtbot.keyClick(checkin.own_sign, Qt.Key.Key_Return)
    assert checkin.record()
    checkin.keep_row.yes_button.click()
    window.unlocked_view.show_page("mood_page")  # the chart, its words and the pattern sentences are drawn
    window.unlocked_view.show_search()
    qtbot.keyClicks(window.unlocked_view.search_page.query, CANARY)
    entry_id = window.session.entries.newest_first()[0].id
    dialog = ShareDialog(window.session, window.policy, {"entry": {entry_id}}, window)
    dialog.show()
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.format_group.button(1).setChecked(True)
    assert "Saved" in dialog.save_to(export)
    dialog.close()
    window.lock()
    window.close()
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)
    assert CANARY.encode() in export.read_bytes()  # what the person chose does leave, in that file only
    assert _scan(tmp_path, {journal, export}) == []
    assert not any(CANARY in text for text in stderr)


def test_a_whole_session_opens_no_network_socket(qtbot, window, tmp_path: Path, monkeypatch, battery) -> None:
    """Every socket made during a CLI (in this process) and window session is local (Unix domain)."""
    battery.record("9. no network", 1, "socket creation patched during a CLI + window session")
    made: list[int] = []
    real_socket = socket.socket

    class Watching(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            made.append(int(family))
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "socket", Watching)
    from recoveryjournal.cli.main import main

    journal = tmp_path / "j.rjournal"
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(PW))
    assert main(["init", str(journal)]) == 0
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(PW + "words"))
    assert main(["add", str(journal)]) == 0
    window.start(journal=journal)
    unlock(qtbot, window, PASSPHRASE)
    _write_entry(qtbot, window, "more words")
    window.unlocked_view.show_search()
    window.lock()
    assert all(family == socket.AF_UNIX for family in made if family != -1), made


@pytest.fixture(autouse=True)
def _no_leftover_tasks(qtbot):
    yield
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)
