"""The main window's menus and toolbar: every action a person needs is in a menu (Journal or Help) or on the
toolbar, with its shortcut, and the small dialogs they open. A mixin of MainWindow (it uses the window's
session, policy and pages); tests/ui/test_window_paths.py walks the menus and fails on an action only code
can reach."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from recoveryjournal.i18n import N_, Texts, _

if TYPE_CHECKING:
    from recoveryjournal.services.journal_service import JournalSession
    from recoveryjournal.services.policy import Policy
    from recoveryjournal.ui.safety.remember import RememberPassphrase
    from recoveryjournal.ui.settings import AppSettings

TEXT = Texts(
    {
        "file": N_("&Journal"),
        "new": N_("Create a new journal…"),
        "open": N_("Open a journal…"),
        "lock": N_("Lock"),
        "lock_tip": N_("Lock your journal now (Ctrl+L)"),
        "plan": N_("My crisis plan at a glance"),
        "share": N_("Share…"),
        "share_log": N_("What I've shared…"),
        "passphrase": N_("Change passphrase…"),
        "settings": N_("Settings…"),
        "medicines": N_("My medicines…"),
        "backup": N_("Back up now…"),
        "restore": N_("Restore from a backup…"),
        "import": N_("Bring in from another app…"),
        "quit": N_("Quit"),
        "help": N_("&Help"),
        "open_title": N_("Choose your journal folder (it ends in .rjournal)"),
        "cant_open": N_("This can't be opened"),
        "demo_banner": (
            N_(
                "This is a demo journal with made-up entries. Its passphrase is “{passphrase}”. Try anything: it's "
                "only a demo."
            )
        ),
        "demo_busy": N_("Opening the demo journal…"),
        "quick_exit": N_("Quick exit"),
        "quick_exit_tip": N_("Lock and hide straight away (or press Esc three times)"),
    }
)


class MenuActions:
    """Mixed into MainWindow."""

    session: JournalSession | None
    policy: Policy
    settings: AppSettings
    journal_path: Path | None
    remember: RememberPassphrase
    unlocked_view: Any

    if TYPE_CHECKING:  # provided by MainWindow and Qt

        def menuBar(self) -> QMenuBar: ...

        def close(self) -> bool: ...

        def lock(self, wait: bool = False) -> None: ...

        def quick_exit(self) -> None: ...

        def open_share(self, preselected: dict[str, set[object]] | None = None) -> None: ...

        def open_backup(self) -> None: ...

        def open_restore(self, backup_file: Path | None = None) -> None: ...

        def open_import(self) -> None: ...

        def _build_help_menu(self, menu: QMenu) -> None: ...

        def _on_create_requested(self) -> None: ...

        def _on_open_requested(self) -> None: ...

        def _start_idle_lock(self) -> None: ...

        def _start_reminder(self) -> None: ...

        def _update_actions(self) -> None: ...

    def _window(self) -> QMainWindow:
        """This mixin is always a MainWindow (a QMainWindow): the parent of its actions and dialogs."""
        return cast("QMainWindow", self)

    def _setup_actions(self) -> None:
        w = self._window()
        self.lock_action = QAction(TEXT["lock"], w)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(TEXT["lock_tip"])
        self.new_action = QAction(TEXT["new"], w)
        self.open_action = QAction(TEXT["open"], w)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.plan_action = QAction(TEXT["plan"], w)
        self.plan_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+Shift+P")])
        self.plan_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.plan_action.triggered.connect(lambda: self.unlocked_view.show_plan_at_a_glance())
        self.share_action = QAction(TEXT["share"], w)
        self.share_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.share_action.triggered.connect(lambda: self.open_share())
        self.share_log_action = QAction(TEXT["share_log"], w)
        self.share_log_action.triggered.connect(lambda: self._open_share_log())
        self.medicines_action = QAction(TEXT["medicines"], w)
        self.medicines_action.triggered.connect(lambda: self._open_medicines())
        self.passphrase_action = QAction(TEXT["passphrase"], w)
        self.backup_action = QAction(TEXT["backup"], w)
        self.backup_action.triggered.connect(self.open_backup)
        self.restore_action = QAction(TEXT["restore"], w)
        self.restore_action.triggered.connect(lambda: self.open_restore())
        self.import_action = QAction(TEXT["import"], w)
        self.import_action.triggered.connect(self.open_import)
        self.settings_action = QAction(TEXT["settings"], w)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS puts it in the app menu
        quit_action = QAction(TEXT["quit"], w)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,"), QKeySequence(QKeySequence.StandardKey.Preferences)])
        menu = self.menuBar().addMenu(TEXT["file"])
        self.journal_menu = menu
        for action in (
            self.new_action,
            self.open_action,
            None,
            self.share_action,
            self.share_log_action,
            self.medicines_action,
            None,
            self.backup_action,
            self.restore_action,
            self.import_action,
            None,
            self.passphrase_action,
            self.settings_action,
            self.lock_action,
            None,
            quit_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)
        self._build_help_menu(self.menuBar().addMenu(TEXT["help"]))
        self.toolbar = QToolBar(_("Journal"), w)
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.quick_exit_action = QAction(TEXT["quick_exit"], w)
        self.quick_exit_action.setToolTip(TEXT["quick_exit_tip"])
        self.toolbar.addAction(self.quick_exit_action)
        self.toolbar.widgetForAction(self.quick_exit_action).setObjectName("quickExitButton")
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy())
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.share_action)
        self.toolbar.addAction(self.plan_action)
        self.toolbar.addAction(self.lock_action)
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

        self.lock_action.triggered.connect(self.lock)
        self.quick_exit_action.triggered.connect(self.quick_exit)
        self.new_action.triggered.connect(self._on_create_requested)
        self.open_action.triggered.connect(self._on_open_requested)
        self.passphrase_action.triggered.connect(lambda: self._on_change_passphrase(with_recovery_key=False))
        self.settings_action.triggered.connect(self._on_settings_requested)
        quit_action.triggered.connect(self.close)

    def _open_share_log(self) -> None:
        if self.session is not None:
            from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog

            ShareLogDialog(self.session, self._window()).open()

    def _open_medicines(self) -> None:
        if self.session is not None:
            from recoveryjournal.ui.dialogs.medicines_dialog import MedicinesDialog

            MedicinesDialog(self.session, self._window()).open()

    def _on_settings_requested(self) -> None:
        from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog

        writable = self.session is not None and not self.session.read_only
        dialog = SettingsDialog(self.settings, self.policy, self.journal_path, self.remember.remembered, self._window(),
                                medicines=self.session.medicines if writable and self.session else None)  # fmt: skip
        dialog.accepted.connect(self._on_settings_saved)
        dialog.open()

    def _on_settings_saved(self) -> None:
        if self.session is not None:  # a new auto-lock time or reminder applies straight away
            self._start_idle_lock()
            self._start_reminder()
        self._update_actions()

    def _on_change_passphrase(self, with_recovery_key: bool) -> None:
        if self.session is not None:
            from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog

            ChangePassphraseDialog(self.session, with_recovery_key=with_recovery_key, parent=self._window()).open()
