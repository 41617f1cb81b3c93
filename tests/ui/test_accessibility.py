"""Every control a person can reach has a name a screen reader can say (WCAG 2.2, 4.1.2 Name, Role, Value),
and every chart shown has its words (the summary beside it) as its description (1.1.1 Non-text content).

The names are read through Qt's own accessibility interface, the same one AT-SPI (Orca) and UI Automation
(NVDA, Narrator) get, so a label's buddy, a button's text and an explicit accessible name all count.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from recoveryjournal.ui.charts.figure_view import FigureView
from recoveryjournal.ui.workers import background_tasks_running
from tests.ui.tour import tour

_INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
                QAbstractItemView, QTabBar, QCalendarWidget)  # fmt: skip
_INSIDE_ANOTHER = (QComboBox, QAbstractSpinBox)  # their inner editor is part of them, not a control of its own
_PART_OF_ANOTHER = (QScrollBar, QHeaderView)  # a table's headers are read as its column names


def accessible_name(widget: QWidget, labels: dict[int, str]) -> str:
    """What a screen reader says for the widget's name: its own, a label pointing at it, or Qt's (a button's text).

    A choice box's name on Linux is its current value ("Me"), which says nothing of what is being chosen, and
    Qt doesn't pass an accessible name of its own to AT-SPI there (seen in tests/a11y/atspi_tree.sh): it
    needs a label that points at it (QLabel.setBuddy, as QFormLayout rows do), read as "labelled by".
    """
    if isinstance(widget, QComboBox):  # on Linux (AT-SPI) only a label pointing at it names a choice box
        return labels.get(id(widget), "")
    own = widget.accessibleName().strip() or labels.get(id(widget), "")
    if own:
        return own
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _is_control(widget: QWidget) -> bool:
    if not isinstance(widget, _INTERACTIVE) or isinstance(widget, _PART_OF_ANOTHER) or not widget.isVisible():
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _INSIDE_ANOTHER):
            return False
        parent = parent.parentWidget()
    return True


def unnamed_controls(root: QWidget) -> list[str]:
    """Each visible control under `root` with no accessible name, described so it can be found."""
    found = []
    labels = {id(label.buddy()): label.text() for label in root.window().findChildren(QLabel) if label.buddy()}
    for widget in [root, *root.findChildren(QWidget)]:
        if _is_control(widget) and not accessible_name(widget, labels):
            where = widget.objectName() or type(widget).__name__
            parent = widget.parentWidget()
            found.append(f"{where} in {type(parent).__name__ if parent else '-'}")
    return found


@pytest.fixture
def settle(qtbot):
    def _settle() -> None:
        for _ in range(20):
            QApplication.processEvents()
        qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=15_000)

    return _settle


def test_every_control_on_every_screen_has_a_name(window, settle, tmp_path, monkeypatch) -> None:
    """Walk every screen and dialog; list any control a screen reader could only call 'edit' or 'button'."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    seen, missing = [], {}
    for name, widget in tour(window, settle):
        seen.append(name)
        unnamed = unnamed_controls(widget)
        unnamed += [f"chart {v.accessibleName()!r} has no words" for v in widget.findChildren(FigureView)
                    if v.isVisible() and v.figure is not None and not v.accessibleDescription()]  # fmt: skip
        if unnamed:
            missing[name] = unnamed
    assert len(seen) >= 25, seen
    assert not missing, "\n".join(f"{screen}: {', '.join(names)}" for screen, names in missing.items())


def test_the_high_contrast_edges_come_only_with_a_dark_high_contrast_palette(qapp) -> None:
    """Fusion's own grey edges show on light palettes; on black they vanish, and only there ours are added."""
    from PySide6.QtGui import QColor, QPalette

    from recoveryjournal.ui.resources import resource_text, style_sheet

    def palette(window: str, text: str) -> QPalette:
        p = QPalette()
        p.setColor(QPalette.ColorRole.Window, QColor(window))
        p.setColor(QPalette.ColorRole.WindowText, QColor(text))
        return p

    extra = resource_text("styles/high-contrast.qss")
    assert extra and extra in style_sheet(palette("#000000", "#ffffff"))
    for window, text in (("#efefef", "#000000"), ("#ffffff", "#000000"), ("#2b2b2b", "#e8e8e8")):
        assert extra not in style_sheet(palette(window, text))


def test_a_choice_box_takes_its_hidden_label_with_it(qtbot) -> None:
    """Rebuilding a goal's steps replaces their choosers; their hidden labels go with them, not pile up."""
    from recoveryjournal.domain.goals import Step
    from recoveryjournal.ui.widgets.steps_table import StepsTable

    table = StepsTable()
    qtbot.addWidget(table)
    steps = (Step(None, "Shoes by the door"), Step(None, "Walk to the corner"))
    for _ in range(5):
        table.set_steps(steps)
        qtbot.wait(10)  # let replaced widgets be deleted
    assert len(table.viewport().findChildren(QLabel)) == len(steps)
