"""The dialogs the window's menus open: Share, What I've shared, My medicines, Settings, Change passphrase, Back up,
Restore, Bring in, Open a journal, and Help's (help for this screen, shortcuts, the welcome, Check this PC,
About). Each loads the first time it is opened; each gets only the window as its parent and what it shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from recoveryjournal.i18n import N_, _
from recoveryjournal.ui.journal_controller import JournalController
from recoveryjournal.ui.widgets.file_dialogs import choose_folder
from recoveryjournal.ui.window_host import WindowHost

OPEN_TITLE = N_("Choose your journal folder (it ends in .rjournal)")


class WindowDialogs:
    """Opens each dialog on the window and keeps the one last opened of each kind (the tests look at them)."""

    def __init__(self, window: WindowHost, journal: JournalController) -> None:
        self._window = window
        self._widget = window.widget()
        self._journal = journal
        self.share_dialog: QDialog | None = None
        self.backup_dialog: QDialog | None = None
        self.restore_dialog: QDialog | None = None
        self.import_dialog: QDialog | None = None
        self.help_dialog: QDialog | None = None
        self.welcome_tour: QDialog | None = None
        self.pc_check_dialog: QDialog | None = None
        self.about_dialog: QDialog | None = None
        self.tags_dialog: QDialog | None = None
        self._tags_of: object = None  # the open journal the tags dialog (and its undo) belongs to

    # The journal's -------------------------------------------------------------------------------------------
    def open_share(self, preselected: dict[str, set[object]] | None = None) -> None:
        """Start sharing; nothing is ticked except what the person came from (e.g. 'share this entry')."""
        session = self._journal.session
        if session is None:
            return
        self._window.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.share_dialog import ShareDialog

        self.share_dialog = ShareDialog(session, self._window.policy, preselected, self._widget)
        self.share_dialog.open()

    def open_share_log(self) -> None:
        """What I've shared: when, with whom, what."""
        session = self._journal.session
        if session is not None:
            from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog

            ShareLogDialog(session, self._widget).open()

    def open_prompts(self) -> None:
        """New entry from a prompt: the journal tab, with my prompts to choose from."""
        if self._journal.session is None:
            return
        view = self._window.unlocked_view
        view.show_page("journal_page")
        view.journal_page.choose_prompt()

    def open_tags(self) -> None:
        """My tags: tidy them; the same dialog (with its undo) while this journal stays open."""
        session = self._journal.session
        if session is None:
            return
        self._window.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.tags_dialog import TagsDialog

        if not isinstance(self.tags_dialog, TagsDialog) or self._tags_of is not session:
            self.tags_dialog = TagsDialog(session, self._widget)
            self.tags_dialog.show_tag.connect(self._window.unlocked_view.show_tag)
            self._tags_of = session
            session.locked.connect(self._forget_tags)
        self.tags_dialog.reload()
        self.tags_dialog.open()

    def _forget_tags(self) -> None:
        from recoveryjournal.ui.dialogs.tags_dialog import TagsDialog

        if isinstance(self.tags_dialog, TagsDialog):
            self.tags_dialog.forget()
            self.tags_dialog.reject()
        self.tags_dialog, self._tags_of = None, None

    def open_medicines(self) -> None:
        """My medicines (when turned on)."""
        session = self._journal.session
        if session is not None:
            from recoveryjournal.ui.dialogs.medicines_dialog import MedicinesDialog

            MedicinesDialog(session, self._widget).open()

    def open_settings(self) -> None:
        """Settings: the app's, and this journal's own (medicines) when it can be written."""
        from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog

        window, journal = self._window, self._journal
        session = journal.session
        writable = session is not None and not session.read_only
        medicines = session.medicines if writable and session else None
        dialog = SettingsDialog(window.settings, window.policy, journal.journal_path, journal.remember.remembered,
                                self._widget, medicines=medicines)  # fmt: skip
        dialog.accepted.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self) -> None:
        journal = self._journal
        if journal.session is not None:  # a new auto-lock time or reminder applies straight away
            journal.start_idle_lock()
            journal.start_reminder()
        self._window.update_actions()

    def change_passphrase(self, with_recovery_key: bool = False) -> None:
        """Change the passphrase (straight after opening with the recovery key, too)."""
        session = self._journal.session
        if session is not None:
            from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog

            ChangePassphraseDialog(session, with_recovery_key=with_recovery_key, parent=self._widget).open()

    def open_journal_folder(self) -> None:
        """Open a journal…: choose its folder (on a shared PC, starting on the stick)."""
        from recoveryjournal.services.destinations import first_removable_place, plugged_in_stick
        from recoveryjournal.services.locations import documents_folder

        window, journal = self._window, self._journal
        stick = (plugged_in_stick() or first_removable_place()) if window.policy.shared_pc else None
        start = stick or (journal.journal_path.parent if journal.journal_path else documents_folder())
        folder = choose_folder(self._widget, _(OPEN_TITLE), str(start))
        if folder:
            journal.show_unlock(Path(folder))

    # Keeping it safe ---------------------------------------------------------------------------------------------
    def open_backup(self) -> None:
        """Back up now (and the choices for automatic backups)."""
        session = self._journal.session
        if session is None:
            return
        self._window.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(session, self._window.policy, self._widget)
        dialog.backed_up.connect(lambda _r: self._journal.show_backup_note())
        self.backup_dialog = dialog
        dialog.open()

    def open_restore(self, backup_file: Path | None = None) -> None:
        """Restore from a backup: as a new journal, or over the one open or chosen now."""
        journal = self._journal
        current = journal.session.path if journal.session is not None else journal.journal_path
        from recoveryjournal.ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(current, lambda: journal.lock(wait=True), self._widget, backup_file=backup_file)
        dialog.restored.connect(self._on_restored)
        self.restore_dialog = dialog
        dialog.open()

    def _on_restored(self, path: Path, message: str) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.accept()
        self._journal.show_unlock(Path(path), message)

    def open_import(self) -> None:
        """Bring in entries and check-ins from another app."""
        session = self._journal.session
        if session is None:
            return
        self._window.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(session, self._widget)
        dialog.imported.connect(self._window.unlocked_view.reload_current_page)
        self.import_dialog = dialog
        dialog.open()

    # Help ------------------------------------------------------------------------------------------------------
    def current_help_topic(self) -> str:
        """The help topic of the screen the person is on."""
        window = self._window
        view = window.unlocked_view_if_made()
        if view is not None and window.stack.currentWidget() is view:
            return view.current_page_name()
        return "start"

    def open_help(self, topic: str | None = None) -> None:
        """Help, opened at the screen the person is on (or at `topic`)."""
        from recoveryjournal.ui.dialogs.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(topic or self.current_help_topic(), self._widget)
        self.help_dialog.open()

    def open_shortcuts(self) -> None:
        """Every keyboard shortcut, in Help."""
        from recoveryjournal.ui.dialogs.help_dialog import SHORTCUTS_TOPIC

        self.open_help(SHORTCUTS_TOPIC)

    def open_welcome_tour(self) -> None:
        """The three short welcome pages."""
        from recoveryjournal.ui.dialogs.welcome_tour import WelcomeTour

        tour = WelcomeTour(self._widget)
        tour.finished.connect(lambda _result: self._welcome_seen())
        self.welcome_tour = tour
        tour.open()

    def offer_welcome_tour(self) -> None:
        """On the very first start (nothing opened yet), the welcome; never on a shared PC, where nothing of
        one person may be remembered for the next (Help has it for anyone)."""
        window = self._window
        if window.settings.seen_welcome_tour or window.policy.leaves_no_traces:
            return
        if window.stack.currentWidget() is window.welcome_page:
            self.open_welcome_tour()

    def _welcome_seen(self) -> None:
        if not self._window.policy.leaves_no_traces:
            self._window.settings.seen_welcome_tour = True

    def open_pc_check(self) -> None:
        """For support workers: the policy in force and any traces on this account."""
        from recoveryjournal.ui.dialogs.pc_check_dialog import PcCheckDialog

        self.pc_check_dialog = PcCheckDialog(self._window.policy, self._widget)
        self.pc_check_dialog.open()

    def open_about(self) -> None:
        """Version and the licences of the bundled components."""
        from recoveryjournal.ui.dialogs.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self._widget)
        self.about_dialog.open()
