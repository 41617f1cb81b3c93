"""The window's menus and toolbar: every action a person needs is in a menu (Journal or Help) or on the toolbar,
with its shortcut. tests/ui/test_window_paths.py walks the menus and fails on an action only code can reach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.journal_controller import JournalController
from recoveryjournal.ui.window_dialogs import WindowDialogs
from recoveryjournal.ui.window_host import WindowHost

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
        "tags": N_("My tags…"),
        "from_prompt": N_("New entry from a prompt…"),
        "passphrase": N_("Change passphrase…"),
        "settings": N_("Settings…"),
        "medicines": N_("My medicines…"),
        "backup": N_("Back up now…"),
        "restore": N_("Restore from a backup…"),
        "import": N_("Bring in from another app…"),
        "quit": N_("Quit"),
        "help": N_("&Help"),
        "quick_exit": N_("Quick exit"),
        "quick_exit_tip": N_("Lock and hide straight away (or press Esc three times)"),
        "help_here": N_("Help for this screen"),
        "shortcuts": N_("Keyboard shortcuts"),
        "tour": N_("Welcome and how it works"),
        "pc_check": N_("Check this PC (for support workers)…"),
        "about": N_("About Recovery Journal"),
    }
)


class WindowMenus:
    """The Journal and Help menus and the toolbar of `window`, each action connected to what it does."""

    def __init__(self, host: WindowHost, journal: JournalController, dialogs: WindowDialogs) -> None:
        window = host.widget()

        def action(key: str, slot: Callable[[], object], keys: list[QKeySequence | str] | None = None,
                   everywhere: bool = False) -> QAction:  # fmt: skip
            made = QAction(TEXT[key], window)
            if keys:
                made.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
            if everywhere:
                made.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.lock_action = action("lock", journal.lock, ["Ctrl+L"], everywhere=True)
        self.lock_action.setToolTip(TEXT["lock_tip"])
        self.new_action = action("new", journal.create_journal)
        self.open_action = action("open", dialogs.open_journal_folder, [QKeySequence(QKeySequence.StandardKey.Open)])
        self.plan_action = action("plan", lambda: host.unlocked_view.show_plan_at_a_glance(), ["F1", "Ctrl+Shift+P"],
                                  everywhere=True)  # fmt: skip
        self.share_action = action("share", dialogs.open_share, ["Ctrl+Shift+S"])
        self.share_log_action = action("share_log", dialogs.open_share_log)
        self.medicines_action = action("medicines", dialogs.open_medicines)
        self.tags_action = action("tags", dialogs.open_tags)
        self.prompt_action = action("from_prompt", dialogs.open_prompts, ["Ctrl+Shift+N"])
        self.passphrase_action = action("passphrase", dialogs.change_passphrase)
        self.backup_action = action("backup", dialogs.open_backup)
        self.restore_action = action("restore", dialogs.open_restore)
        self.import_action = action("import", dialogs.open_import)
        self.settings_action = action("settings", dialogs.open_settings,
                                      ["Ctrl+,", QKeySequence(QKeySequence.StandardKey.Preferences)])  # fmt: skip
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS puts it in the app menu
        quit_action = action("quit", window.close, [QKeySequence(QKeySequence.StandardKey.Quit)])
        self.journal_menu = window.menuBar().addMenu(TEXT["file"])
        for item in (self.prompt_action, None, self.new_action, self.open_action, None, self.share_action,
                     self.share_log_action, self.tags_action, self.medicines_action, None, self.backup_action,
                     self.restore_action, self.import_action, None,
                     self.passphrase_action, self.settings_action, self.lock_action, None, quit_action):  # fmt: skip
            self.journal_menu.addSeparator() if item is None else self.journal_menu.addAction(item)
        help_menu = window.menuBar().addMenu(TEXT["help"])
        self.help_here_action = action("help_here", dialogs.open_help, ["Shift+F1"], everywhere=True)
        self.shortcuts_action = action("shortcuts", dialogs.open_shortcuts, ["Ctrl+/"], everywhere=True)
        self.tour_action = action("tour", dialogs.open_welcome_tour, everywhere=True)
        self.pc_check_action = action("pc_check", dialogs.open_pc_check, everywhere=True)
        self.about_action = action("about", dialogs.open_about, everywhere=True)
        for item in (self.help_here_action, self.shortcuts_action, self.tour_action, self.pc_check_action,
                     self.about_action):  # fmt: skip
            help_menu.addAction(item)
        self.toolbar = QToolBar(_("Journal"), window)
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.quick_exit_action = action("quick_exit", journal.quick_exit)
        self.quick_exit_action.setToolTip(TEXT["quick_exit_tip"])
        self.toolbar.addAction(self.quick_exit_action)
        self.toolbar.widgetForAction(self.quick_exit_action).setObjectName("quickExitButton")
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        for item in (self.share_action, self.plan_action, self.lock_action):
            self.toolbar.addAction(item)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def update(self, *, unlocked: bool, covered: bool, medicines: bool, passphrase: bool, writable: bool) -> None:
        """Show what fits the journal's state: actions of an open journal only while it is open, nothing but the
        cover after quick exit."""
        for item in (self.lock_action, self.plan_action, self.share_action, self.share_log_action, self.tags_action,
                     self.prompt_action):  # fmt: skip
            item.setEnabled(unlocked)
            item.setVisible(unlocked)
        self.medicines_action.setVisible(medicines)
        self.medicines_action.setEnabled(medicines)
        self.toolbar.setVisible(not covered)
        self.passphrase_action.setEnabled(passphrase)
        self.backup_action.setEnabled(unlocked)
        self.import_action.setEnabled(writable)
