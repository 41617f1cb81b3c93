"""A walk through every screen and dialog of the real window, for the checks that must see all of them.

`tour(window, settle)` opens each screen in turn (welcome, the three steps of creating a journal, the
passphrase screen, every tab of the demo journal with a goal and an appointment chosen, every dialog,
the three steps of sharing) and yields `(name, widget)` while it is showing; it closes each dialog
again after the caller has looked. Used by the accessibility tests and by tests/screenshots.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from recoveryjournal.services.locations import DEMO_PASSPHRASE
from recoveryjournal.ui.main_window import MainWindow

Screen = tuple[str, QWidget]


def _newest_dialog(window: MainWindow) -> QDialog:
    """The dialog that was just opened (modal or not)."""
    active = QApplication.activeModalWidget()
    if isinstance(active, QDialog):
        return active
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert shown, "no dialog opened"
    return shown[-1]


def _dialog(
    window: MainWindow, settle: Callable[[], None], name: str, opener: Callable[[], object]
) -> Iterator[Screen]:
    opener()
    settle()
    dialog = _newest_dialog(window)
    yield name, dialog
    dialog.reject()
    settle()


def tour(window: MainWindow, settle: Callable[[], None]) -> Iterator[Screen]:
    """Every screen a person can reach, in the order they would meet it."""
    window.start()
    settle()
    yield "welcome", window
    window.welcome_page.create_button.click()
    settle()
    wizard = window.journal.wizard
    yield "create: where", wizard
    wizard.next()
    yield "create: passphrase", wizard
    wizard.passphrase_page.first.setText("kettle river purple")
    wizard.passphrase_page.second.setText("kettle river purple")
    wizard.next()
    settle()
    yield "create: recovery key", wizard
    wizard.reject()
    settle()
    window.open_demo()
    settle()
    window.lock()
    settle()
    yield "passphrase screen", window
    window.unlock_page.mode_button.click()
    settle()
    yield "passphrase screen: recovery key", window
    window.unlock_page.mode_button.click()
    window.unlock_page.secret_field.setText(DEMO_PASSPHRASE)
    window.unlock_page.unlock_button.click()
    settle()
    assert window.session is not None, "the demo journal didn't open"
    yield from _tabs(window, settle)
    yield from _dialogs(window, settle)
    yield from _share(window, settle)
    window.quick_exit()
    settle()
    yield "after quick exit", window
    window.cover_page.continue_requested.emit()
    settle()


def _tabs(window: MainWindow, settle: Callable[[], None]) -> Iterator[Screen]:
    view = window.unlocked_view
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        page = view.tabs.currentWidget()
        if page is view.goals_page and page.goals.count():
            page.goals.setCurrentRow(0)  # a goal with its steps and who does each
        if page is view.appointments_page and page.list.count():
            page.list.setCurrentRow(0)
        settle()
        yield f"tab: {view.tabs.tabText(index).replace('&', '')}", window


def _dialogs(window: MainWindow, settle: Callable[[], None]) -> Iterator[Screen]:
    view = window.unlocked_view
    yield from _dialog(window, settle, "plan at a glance", view.show_plan_at_a_glance)
    yield from _dialog(window, settle, "what I've shared", window.menus.share_log_action.trigger)
    yield from _dialog(window, settle, "settings", window.menus.settings_action.trigger)
    yield from _dialog(window, settle, "change passphrase", window.menus.passphrase_action.trigger)
    yield from _dialog(window, settle, "back up", window.menus.backup_action.trigger)
    yield from _dialog(window, settle, "restore", window.menus.restore_action.trigger)
    yield from _dialog(window, settle, "bring in", window.menus.import_action.trigger)
    yield from _dialog(window, settle, "check this PC", window.menus.pc_check_action.trigger)
    yield from _dialog(window, settle, "about", window.dialogs.open_about)
    yield from _dialog(window, settle, "help for this screen", window.menus.help_here_action.trigger)
    yield from _dialog(window, settle, "keyboard shortcuts", window.menus.shortcuts_action.trigger)
    yield from _dialog(window, settle, "welcome pages", window.menus.tour_action.trigger)
    view.show_checkin()
    settle()
    yield from _dialog(window, settle, "words for the scales", view.checkin_page.words_button.click)
    view.tabs.setCurrentWidget(view.plan_page)
    settle()
    yield from _dialog(window, settle, "crisis plan: earlier versions", view.plan_page._on_versions_clicked)
    yield from _dialog(window, settle, "crisis plan: wallet card", view.plan_page._on_card_clicked)
    yield from _dialog(window, settle, "crisis plan: keep an eye on this",
                       view.plan_page.buttons["keep_an_eye"].click)  # fmt: skip
    yield from _dialog(window, settle, "my medicines", window.menus.medicines_action.trigger)
    yield from _dialog(window, settle, "new entry from a prompt", window.menus.prompt_action.trigger)
    yield from _dialog(window, settle, "my tags", window.menus.tags_action.trigger)


def _share(window: MainWindow, settle: Callable[[], None]) -> Iterator[Screen]:
    window.open_share({"entry": {window.journal_page.model.entry_at(0).id}})
    settle()
    dialog = window.dialogs.share_dialog
    yield "share: choose", dialog
    dialog.next_button.click()
    settle()
    yield "share: leave out", dialog
    dialog.next_button.click()
    settle()
    yield "share: look and save", dialog
    dialog.format_group.button(3).click()  # the web page, shown as a browser shows it
    settle()
    yield "share: look and save, a web page", dialog
    dialog.reject()
    settle()
