"""Back up, restore and bring in, in the real window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from recoveryjournal.services import backup_service
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage.meta import MetaRepository
from recoveryjournal.ui.workers import background_tasks_running
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock

DATA = Path(__file__).resolve().parents[1] / "data"


def _open(qtbot, window, path: Path) -> None:
    window.start(journal=path)
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=20_000)


def test_back_up_now_from_the_menu(qtbot, window, created_journal, tmp_path: Path) -> None:
    """Journal → Back up now…: the backup is written, checked, and the result is told."""
    _open(qtbot, window, created_journal[0])
    window.menus.backup_action.trigger()
    dialog = window.dialogs.backup_dialog
    assert "hasn't been backed up yet" in dialog.last_label.text()
    dialog.where.setText(str(tmp_path))
    dialog.now_button.click()
    _settle(qtbot)
    assert "Backed up and checked" in dialog.message.text() and "3 entries" in dialog.message.text()
    assert len(list(tmp_path.glob("*.rjbackup"))) == 1
    assert "Last backup:" in dialog.last_label.text()


def test_a_backup_reminder_on_the_journal_tab(qtbot, window, created_journal, tmp_path: Path) -> None:
    """After the chosen number of days without a backup a quiet note offers one."""
    _open(qtbot, window, created_journal[0])
    long_ago = (dt.datetime.now() - dt.timedelta(days=40)).astimezone().isoformat(timespec="seconds")
    MetaRepository(window.session._conn).set(backup_service.LAST_BACKUP_KEY, long_ago)
    window.lock()
    unlock(qtbot, window, PASSPHRASE)
    page = window.journal_page
    assert page.backup_note.text() == "Your last backup was 40 days ago." and page.backup_button.isVisible()
    page.backup_button.click()
    window.dialogs.backup_dialog.where.setText(str(tmp_path))
    window.dialogs.backup_dialog.now_button.click()
    _settle(qtbot)
    assert not page.backup_note.isVisible()


def test_automatic_backup_when_locking(qtbot, window, created_journal, tmp_path: Path) -> None:
    """Chosen once, kept inside the journal: the first lock of the day backs up; unlocking again works."""
    _open(qtbot, window, created_journal[0])
    window.menus.backup_action.trigger()
    dialog = window.dialogs.backup_dialog
    dialog.auto_on.setChecked(True)
    dialog.auto_where.setText(str(tmp_path))
    dialog.keep.setValue(3)
    dialog.save_button.click()
    assert "Saved" in dialog.auto_message.text()
    dialog.reject()
    window.lock()
    unlock(qtbot, window, PASSPHRASE)  # waits for the backup that was finishing
    assert window.session is not None
    assert len(list(tmp_path.glob("journal auto *.rjbackup"))) == 1
    window.lock()
    _settle(qtbot)
    assert len(list(tmp_path.glob("journal auto *.rjbackup"))) == 1  # at most once a day


def test_automatic_backups_on_a_shared_pc_only_to_removable_media(qtbot, window, created_journal, tmp_path) -> None:
    """Under the shared-PC policy a folder on the PC's own disk is refused, kindly."""
    _open(qtbot, window, created_journal[0])
    window.policy = Policy(shared_pc=True)
    window.menus.backup_action.trigger()
    dialog = window.dialogs.backup_dialog
    dialog.auto_on.setChecked(True)
    dialog.auto_where.setText(str(tmp_path))
    dialog.save_button.click()
    assert "only go to a USB stick" in dialog.auto_message.text()


def test_restore_as_a_new_journal(qtbot, window, created_journal, tmp_path: Path) -> None:
    """Open and check the backup, see what it holds, restore, and be offered the restored journal."""
    _open(qtbot, window, created_journal[0])
    made = window.session.backups.back_up(tmp_path)
    window.lock()
    window.menus.restore_action.trigger()
    dialog = window.dialogs.restore_dialog
    dialog.file_edit.setText(str(made.path))
    dialog.name_edit.setText("Back again")
    dialog.folder_edit.setText(str(tmp_path))
    dialog.secret.setText(PASSPHRASE)
    assert not dialog.restore_button.isEnabled()
    dialog.check_button.click()
    _settle(qtbot)
    assert "passed its checks" in dialog.message.text() and "3 entries" in dialog.message.text()
    dialog.restore_button.click()
    assert (tmp_path / "Back again.rjournal").is_dir()
    assert window.journal_path == tmp_path / "Back again.rjournal"
    assert "Restored as" in window.unlock_page.hint_label.text()
    unlock(qtbot, window, PASSPHRASE)
    assert window.journal_page.model.rowCount() == 3


def test_restore_over_the_open_journal(qtbot, window, created_journal, tmp_path: Path) -> None:
    """Over the current journal: it is locked first, and kept beside the restored one."""
    path = created_journal[0]
    _open(qtbot, window, path)
    made = window.session.backups.back_up(tmp_path / "b")
    window.session.entries.add("after the backup", "Later")
    window.menus.restore_action.trigger()
    dialog = window.dialogs.restore_dialog
    dialog.file_edit.setText(str(made.path))
    dialog.over.setChecked(True)
    dialog.secret.setText(PASSPHRASE)
    dialog.check_button.click()
    _settle(qtbot)
    dialog.restore_button.click()
    _settle(qtbot)
    assert window.session is None and "kept beside it" in window.unlock_page.hint_label.text()
    assert len(list(path.parent.glob("journal (before restore *).rjournal"))) == 1
    unlock(qtbot, window, PASSPHRASE)
    assert "Later" not in {e.title for e in window.session.entries.newest_first()}


def test_a_wrong_passphrase_for_the_backup(qtbot, window, created_journal, tmp_path: Path) -> None:
    """The backup's own passphrase is asked; a wrong one is told kindly and nothing is made."""
    _open(qtbot, window, created_journal[0])
    made = window.session.backups.back_up(tmp_path)
    window.menus.restore_action.trigger()
    dialog = window.dialogs.restore_dialog
    dialog.file_edit.setText(str(made.path))
    dialog.folder_edit.setText(str(tmp_path))
    dialog.secret.setText("not it")
    dialog.check_button.click()
    _settle(qtbot)
    assert "doesn't open" in dialog.message.text() and not dialog.restore_button.isEnabled()
    assert not (tmp_path / "Restored journal.rjournal").exists()


def test_a_damaged_journal_offers_restore(qtbot, window, created_journal) -> None:
    """'Damaged' comes with a way forward: Restore from a backup…"""
    path = created_journal[0]
    data = bytearray((path / "journal.db").read_bytes())
    data[100] ^= 0x55
    (path / "journal.db").write_bytes(bytes(data))
    window.start(journal=path)
    unlock(qtbot, window, PASSPHRASE)
    assert "damaged" in window.unlock_page.error_label.text()
    assert window.unlock_page.restore_button.isVisible()
    window.unlock_page.restore_button.click()
    assert window.dialogs.restore_dialog.isVisible()


def test_bring_in_a_daylio_export(qtbot, window, created_journal) -> None:
    """Preview with the mood mapping shown and changeable; bring it in; the entries appear."""
    _open(qtbot, window, created_journal[0])
    window.menus.import_action.trigger()
    dialog = window.dialogs.import_dialog
    dialog.set_file(DATA / "daylio_export.csv")
    _settle(qtbot)
    assert "good → 7" in dialog.preview_text.toPlainText() and "scales" in dialog.preview_text.toPlainText()
    assert dialog.moods.rowCount() == 5
    row = next(r for r in range(5) if dialog.moods.item(r, 0).text() == "good")
    dialog.moods.cellWidget(row, 1).setValue(8)
    _settle(qtbot)
    assert "good → 8" in dialog.preview_text.toPlainText()
    dialog.bring_button.click()
    _settle(qtbot)
    assert "Brought in 4 entries and 6 check-ins" in dialog.message.text()
    assert window.journal_page.model.rowCount() == 7
    dialog.set_file(DATA / "daylio_export.csv")
    _settle(qtbot)
    assert "Nothing new" in dialog.preview_text.toPlainText() and not dialog.bring_button.isEnabled()


def test_daylio_activities_become_what_helped_when_chosen_in_the_preview(qtbot, window, created_journal) -> None:
    """Through the Journal menu: "what helped, in my check-ins" chosen before bringing in."""
    from tests.ui.conftest import choose_from_menu

    _open(qtbot, window, created_journal[0])
    choose_from_menu(qtbot, window, "Journal", "Bring in from another app…")
    dialog = window.dialogs.import_dialog
    dialog.set_file(DATA / "daylio_export.csv")
    _settle(qtbot)
    dialog.as_helped.click()
    _settle(qtbot)
    dialog.bring_button.click()
    _settle(qtbot)
    first = min(window.session.checkins.between(), key=lambda c: (c.date, c.time))
    assert set(first.helped) == {"walk", "reading"} and first.feelings == ()


def test_a_wrong_kind_of_file_in_the_window(qtbot, window, created_journal) -> None:
    """A jrnl file read as Daylio: a kind message, nothing to bring in."""
    _open(qtbot, window, created_journal[0])
    window.menus.import_action.trigger()
    dialog = window.dialogs.import_dialog
    dialog.file_edit.setText(str(DATA / "jrnl_export.json"))
    dialog.kind.setCurrentIndex(0)
    dialog.show_preview()
    _settle(qtbot)
    assert "doesn't look like a Daylio export" in dialog.message.text() and not dialog.bring_button.isEnabled()


def test_about_shows_the_version_and_the_licences(qtbot, window) -> None:
    """Help → About: one version, from one place, and a licence for every bundled component."""
    from recoveryjournal import __version__

    window.dialogs.open_about()
    dialog = window.dialogs.about_dialog
    assert __version__ in dialog.version_label.text()
    licences = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert any("LGPL" in text for text in licences) and any("SQLCipher" in n for n in names)
    assert all(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))  # every version known
