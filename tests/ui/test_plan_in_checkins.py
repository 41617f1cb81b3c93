"""Issue 25 in the real window: my own signs and what helped in the check-in (by keyboard alone, and by mouse),
keeping an eye on them from the crisis plan, medicines turned on in Settings and kept through the menu, and what
seems to go with better days on "How things have been"."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from recoveryjournal.services.journal_service import unlock_journal
from recoveryjournal.ui.dialogs.keep_an_eye_dialog import KeepAnEyeDialog
from recoveryjournal.ui.dialogs.medicines_dialog import MedicinesDialog
from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import choose_from_menu
from tests.ui.test_keyboard import Ctrl, _unlock_by_keyboard, focus, key, settle

Alt = Qt.KeyboardModifier.AltModifier
TODAY = dt.date.today()


def _plan_with_signs(path, watched: bool = True) -> None:
    """A plan with early signs and what helps written in it (and, if `watched`, two of each kept an eye on)."""
    session = unlock_journal(path, PASSPHRASE)
    texts = {"early_signs": "Not sleeping. Racing thoughts. Staying in.", "cope_alone": "A walk. Music."}
    session.plan.save([replace(s, text=texts.get(s.key, s.text)) for s in session.plan.sections()])
    if watched:
        session.plan.set_watched("sign", ["Not sleeping", "Racing thoughts", "Staying in"])
        session.plan.set_watched("helps", ["A walk", "Music"])
    session.lock()


def _newest(cls):  # type: ignore[no-untyped-def]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()][-1]


def test_a_checkin_with_two_signs_and_what_helped_by_keyboard_alone(qtbot, window, created_journal) -> None:
    """Ctrl+2, 6, Alt+N, Space, Right, Space, Alt+P, Space, Ctrl+Enter: nine keys (tests/benchmarks/bench_checkin.py
    times it), and the check-in holds mood 6, two of my own signs and what helped."""
    path, _ = created_journal
    _plan_with_signs(path)
    _unlock_by_keyboard(qtbot, window, path)
    keys = [(Qt.Key.Key_2, Ctrl), (Qt.Key.Key_6, None), (Qt.Key.Key_N, Alt), (Qt.Key.Key_Space, None),
            (Qt.Key.Key_Right, None), (Qt.Key.Key_Space, None), (Qt.Key.Key_P, Alt), (Qt.Key.Key_Space, None),
            (Qt.Key.Key_Return, Ctrl)]  # fmt: skip
    checkin = None
    for k, modifier in keys:
        key(qtbot, k, modifier or Qt.KeyboardModifier.NoModifier)
        if k == Qt.Key.Key_2:
            settle(qtbot)  # the tab is built the first time it is shown
            checkin = window.unlocked_view.checkin_page
        if k == Qt.Key.Key_N:
            assert checkin is not None and focus() is checkin.noticed  # Alt+N: straight to my signs
    settle(qtbot)
    (saved,) = window.session.checkins.between(TODAY, TODAY)
    assert (saved.mood, saved.noticed, saved.helped) == (6, ("Not sleeping", "Racing thoughts"), ("A walk",))
    assert checkin is not None and checkin.message.text() == "Saved. Thank you for checking in."
    assert checkin.noticed.ticked() == [] and not checkin.keep_row.isVisible()  # ready for the next one
    assert "I noticed: Not sleeping, Racing thoughts · What helped: A walk" in checkin.today.item(0).text()


def test_by_mouse_and_a_new_sign_can_be_kept_in_my_plan(qtbot, window, created_journal) -> None:
    """Click a mood and a chip, type a sign of my own; after saving, "Add to my plan" writes it into the plan (a
    new version) and the next check-in offers it."""
    path, _ = created_journal
    _plan_with_signs(path)
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    view.show_checkin()
    settle(qtbot)
    tab = view.checkin_page
    qtbot.mouseClick(tab.mood_buttons[3], Qt.MouseButton.LeftButton)
    rect = tab.helped.visualItemRect(tab.helped.item(1))
    qtbot.mouseClick(tab.helped.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + qtbot_point(rect))
    assert tab.helped.ticked() == ["Music"]
    qtbot.mouseClick(tab.own_sign, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.own_sign, "Skipping meals")
    qtbot.keyClick(tab.own_sign, Qt.Key.Key_Return)
    assert tab.noticed.ticked() == ["Skipping meals"]
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    (saved,) = window.session.checkins.between(TODAY, TODAY)
    assert (saved.mood, saved.noticed, saved.helped) == (4, ("Skipping meals",), ("Music",))
    assert tab.keep_row.isVisible() and "Skipping meals" in tab.keep_row.label.text()
    versions = len(window.session.plan.versions())
    qtbot.mouseClick(tab.keep_row.yes_button, Qt.MouseButton.LeftButton)
    assert not tab.keep_row.isVisible()
    assert "Skipping meals" in tab.noticed.words()
    early = next(s for s in window.session.plan.sections() if s.key == "early_signs")
    assert early.text.endswith("\nSkipping meals") and len(window.session.plan.versions()) == versions + 1


def qtbot_point(rect):  # type: ignore[no-untyped-def]
    """Where a person clicks on a chip: on its tick box, a little in from the left."""
    from PySide6.QtCore import QPoint

    return QPoint(10, rect.height() // 2)


def test_the_plan_offers_keeping_an_eye_once_and_the_choice_reaches_the_checkin(qtbot, window, created_journal):
    """With signs and helps written and nothing chosen, the plan asks once; "Choose a few…" opens the choice with
    the plan's own lines; what I tick is what the check-in offers. "Not now" isn't asked again."""
    path, _ = created_journal
    _plan_with_signs(path, watched=False)
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    key(qtbot, Qt.Key.Key_6, Ctrl)  # My crisis plan
    settle(qtbot)
    plan = view.plan_page
    assert plan.offer.isVisible()
    qtbot.mouseClick(plan.offer.yes_button, Qt.MouseButton.LeftButton)
    dialog = _newest(KeepAnEyeDialog)
    assert dialog.lists["sign"].words() == ["Not sleeping", "Racing thoughts", "Staying in"]
    assert dialog.lists["sign"].ticked() == [] and dialog.lists["helps"].words() == ["A walk", "Music"]
    dialog.lists["sign"].item(0).setCheckState(Qt.CheckState.Checked)
    dialog.lists["helps"].item(1).setCheckState(Qt.CheckState.Checked)
    dialog.edits["helps"].setFocus()
    qtbot.keyClicks(dialog.edits["helps"], "Calling Sam")
    qtbot.keyClick(dialog.edits["helps"], Qt.Key.Key_Return)  # adds the words; the dialog stays open
    assert dialog.isVisible() and dialog.lists["helps"].ticked() == ["Music", "Calling Sam"]
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3_000)
    assert not plan.offer.isVisible() and "Not sleeping" in plan.watching.text()
    view.show_checkin()
    settle(qtbot)
    assert view.checkin_page.noticed.words() == ["Not sleeping"]
    assert view.checkin_page.helped.words() == ["Music", "Calling Sam"]
    checkin = view.checkin_page
    checkin.noticed.item(0).setCheckState(Qt.CheckState.Checked)
    window.session.plan.set_watched("helps", ["Music", "Calling Sam", "Tea"])  # the plan changes meanwhile
    assert checkin.noticed.ticked() == ["Not sleeping"] and checkin.helped.words() == ["Music", "Calling Sam", "Tea"]
    window.session.plan.set_watched("sign", [])
    window.session.plan.set_watched("helps", [])
    view.tabs.setCurrentWidget(plan)
    plan.load(window.session)
    assert plan.offer.isVisible()
    qtbot.mouseClick(plan.offer.later_button, Qt.MouseButton.LeftButton)
    plan.load(window.session)
    assert not plan.offer.isVisible()


def test_medicines_turned_on_in_settings_and_kept_through_the_menu(qtbot, window, created_journal) -> None:
    """Off at first: no menu item, no question in the check-in. Settings (through the menu) turns them on; "My
    medicines…" (through the menu) adds one and a change; the check-in asks all/some/none; the chart's words
    say the change; Share offers them as their own item."""
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    for n in range(6, 0, -1):
        session.checkins.add(5 + n % 3, when=dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(9)))
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    assert not window.menus.medicines_action.isVisible()
    view.show_checkin()
    settle(qtbot)
    assert view.checkin_page.medicine_row.isHidden()
    choose_from_menu(qtbot, window, "Journal", "Settings…")
    settings = _newest(SettingsDialog)
    assert not settings.medicines.isChecked()
    settings.medicines.setChecked(True)
    qtbot.mouseClick(settings.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert window.session.medicines.turned_on and window.menus.medicines_action.isVisible()
    assert not view.checkin_page.medicine_row.isHidden()
    choose_from_menu(qtbot, window, "Journal", "My medicines…")
    dialog = _newest(MedicinesDialog)
    dialog.name.setText("Sertraline")
    dialog.what.setText("50 mg")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 1 and dialog.tree.currentItem().text(0) == "Sertraline"
    dialog.on.setDate(dialog.on.date().addDays(-3))
    dialog.new_what.setText("100 mg")
    dialog.why.setText("we agreed")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    top = dialog.tree.topLevelItem(0)
    # What I take now first; under it, how it started and the change (issue 30, 3.4).
    assert (top.text(1), top.childCount(), top.child(0).text(1), top.child(1).text(1), top.child(1).text(3)) == (
        "100 mg", 2, "started 50 mg", "100 mg", "we agreed")  # fmt: skip
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # one click only asks
    assert "again" in dialog.message.text() and dialog.tree.topLevelItemCount() == 1
    dialog.name.setText("Vitamin D")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))  # the one added by mistake: removed, after asking
    for _ in range(2):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in window.session.medicines.all()] == ["Sertraline"]
    dialog.close()
    tab = view.checkin_page
    tab.mood_buttons[6].click()
    [some] = [b for b in tab.medicine_group.buttons() if b.property("answer") == "some"]
    qtbot.mouseClick(some, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert window.session.checkins.between(TODAY, TODAY)[0].medicines == "some"
    assert "Took my medicines: some" in tab.today.item(0).text()
    view.show_day(TODAY)
    assert "Took my medicines: some" in view.calendar_page.checkins.item(0).text()
    view.tabs.setCurrentWidget(view.mood_page)
    qtbot.waitUntil(lambda: "Sertraline: now 100 mg (we agreed)" in view.mood_page.summary.text(), timeout=10_000)
    from recoveryjournal.ui.widgets.share_picker import SharePicker

    picker = SharePicker(window.session, {})
    qtbot.addWidget(picker)
    assert not picker.medicines_box.isHidden()
    picker.medicines_box.setChecked(True)
    picker.patterns_box.setChecked(True)
    request = picker.request("Alex", "For Alex", "", ())
    assert request.medicines and request.patterns is not None and not request.is_empty


def test_patterns_on_how_things_have_been_and_help_says_what_they_are(qtbot, window, created_journal) -> None:
    """Five days with a sign and five without: the sentence and its note; Help for that screen explains it."""
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    for n in range(10, 0, -1):
        session.checkins.add(3 if n > 5 else 7, noticed=["Not sleeping"] if n > 5 else [],
                             when=dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(9)))  # fmt: skip
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.mood_page)
    expected = "On the 5 days I noticed “Not sleeping”, my mood averaged 3.0; on the other 5 days, 7.0."
    qtbot.waitUntil(lambda: expected in view.mood_page.patterns.text(), timeout=10_000)
    assert "not causes" in view.mood_page.patterns.text()
    from recoveryjournal.ui.help_texts import TOPICS

    assert any("not causes" in paragraph for paragraph in TOPICS["mood_page"][1])


def test_locking_leaves_no_sign_help_or_medicine_on_screen(qtbot, window, created_journal) -> None:
    """After Ctrl+L nothing in the window names my signs, what helped or my medicines: not the chips, not the
    plan's line, not the "keep it in your plan?" bar, not the pattern sentences."""
    from PySide6.QtWidgets import QListWidget

    from recoveryjournal.ui.safety.lock_sweep import texts_shown

    path, _ = created_journal
    _plan_with_signs(path)
    session = unlock_journal(path, PASSPHRASE)
    session.medicines.turn_on(True)
    session.medicines.add("Sertraline", "50 mg", TODAY - dt.timedelta(days=3))
    for n in range(12, 0, -1):
        session.checkins.add(4 if n % 2 else 7, noticed=["Not sleeping"] if n % 2 else [], helped=["Music"],
                             when=dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(9)))  # fmt: skip
    session.lock()
    _unlock_by_keyboard(qtbot, window, path)
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.plan_page)
    view.tabs.setCurrentWidget(view.mood_page)
    qtbot.waitUntil(lambda: "Not sleeping" in view.mood_page.patterns.text(), timeout=10_000)
    view.show_checkin()
    tab = view.checkin_page
    tab.mood_buttons[5].click()
    tab.own_sign.setText("Skipping meals")
    tab.own_sign.returnPressed.emit()
    assert tab.record() and "Skipping meals" in tab.keep_row.label.text()
    key(qtbot, Qt.Key.Key_L, Ctrl)
    settle(qtbot)
    assert window.session is None
    shown = texts_shown(window) + [
        lw.item(i).text() for lw in window.findChildren(QListWidget) for i in range(lw.count())
    ]
    private = ("Not sleeping", "Racing thoughts", "Staying in", "A walk", "Music", "Skipping meals", "Sertraline")
    assert [t for t in shown if any(p in t for p in private)] == []
