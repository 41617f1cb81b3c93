"""Small building blocks shared by pages: headings, wrapped text, kind error lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.checkin import MEDICINE_ANSWERS, CheckIn
from recoveryjournal.i18n import _, clock, number


def heading(text: str, parent: QWidget | None = None, scale: float = 1.6) -> QLabel:
    """A large, calm heading."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None) -> QLabel:
    """Wrapped body text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(label.textFormat().PlainText)
    return label


class MessageLine(QFrame):
    """A tinted box for kind messages; the frame carries the style so wrapped text is never clipped."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "messageLine") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        #: The look it was made with; `show_message` returns to it unless told otherwise.
        self.home_look = object_name
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.addWidget(self._label)
        self.setVisible(False)

    def text(self) -> str:
        """The message shown ('' when none)."""
        return self._label.text()

    def set_look(self, look: str) -> None:
        """One of the style sheet's looks: messageLine (needs attention), hintLine, doneLine (good news), banner."""
        if self.objectName() != look:
            self.setObjectName(look)
            self.style().unpolish(self)
            self.style().polish(self)

    def setText(self, text: str) -> None:
        """Show `text`; an empty text hides the box."""
        self._label.setText(text)
        self.setAccessibleDescription(text)


def message_line(parent: QWidget | None = None, object_name: str = "messageLine") -> MessageLine:
    """Where kind error messages appear; empty and invisible until needed."""
    return MessageLine(parent, object_name)


def show_message(line: MessageLine | QLabel, text: str, calm: bool | None = None) -> None:
    """Show (or hide, when empty) a message line; `calm` picks the quiet look of a hint (True) or the warm look of
    what needs attention (False); None gives the line the look it was made with."""
    if isinstance(line, MessageLine):
        line.set_look(line.home_look if calm is None else "hintLine" if calm else "messageLine")
    line.setText(text)
    line.setVisible(bool(text))


def show_good_news(line: MessageLine, text: str) -> None:
    """Good news ("Saved.", "Noted.") in a calm look of its own, never the orange of what needs attention."""
    show_message(line, text)
    line.set_look("doneLine")


def centered_column(page: QWidget, width: int) -> QVBoxLayout:
    """A fixed-width column centred on `page`, with room above and below; returns its layout.

    Stretches rather than alignment flags, so word-wrapped labels get the height they need.
    """
    column = QWidget(page)
    column.setFixedWidth(width)
    inner = QVBoxLayout(column)
    inner.setSpacing(12)
    inner.addStretch(1)
    row = QHBoxLayout(page)
    row.addStretch(1)
    row.addWidget(column)
    row.addStretch(1)
    return inner


def end_column(inner: QVBoxLayout) -> None:
    """Close a centred column: a little more room below than above."""
    inner.addStretch(2)


def add_shortcut(
    widget: QWidget, keys: list[QKeySequence | QKeySequence.StandardKey | str], slot: Callable[[], object]
) -> QAction:
    """A keyboard shortcut that works anywhere inside `widget` (and only there); `slot` takes no arguments."""
    action = QAction(widget)
    action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


def label_choice(box: QWidget, text: str) -> QLabel:
    """Name a choice box for screen readers where no visible label stands beside it.

    On Linux a choice box is read by its current value; its name comes only from a label pointing at it
    ("labelled by"), so this makes one, kept out of sight (the words around the box already say it).
    """
    label = QLabel(text, box.parentWidget())  # a sibling: that is where Qt looks for a box's labels
    label.setBuddy(box)
    label.hide()
    box.destroyed.connect(label.deleteLater)  # boxes in rebuilt table rows take theirs with them
    return label


def busy_bar(parent: QWidget, what: str) -> QProgressBar:
    """A moving bar for work of unknown length (hidden until shown); `what` is read out by screen readers."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setVisible(False)
    bar.setAccessibleName(what)
    return bar


def cell(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    """The table's item at (row, col), made (empty) when there is none yet."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem("")
        table.setItem(row, col, item)
    return item


def cell_text(table: QTableWidget, row: int, col: int) -> str:
    """What a table cell says ('' when it is empty)."""
    item = table.item(row, col)
    return item.text() if item is not None else ""


def cell_data(table: QTableWidget, row: int, col: int, role: int) -> Any:
    """What a table cell keeps under `role` (None when it is empty)."""
    item = table.item(row, col)
    return item.data(role) if item is not None else None


#: Every box where a date is typed or picked writes it one way: day, short month, four-digit year ("3 Dec 2026",
#: "3 dic 2026"), as the steps of a goal and the share picker's lists do.
DATE_BOX_FORMAT = "d MMM yyyy"


def date_box(parent: QWidget, value: QDate | None = None) -> QDateEdit:
    """A date box in the one style, with a calendar, wide enough never to cut its year off."""
    box = QDateEdit(parent)
    if value is not None:
        box.setDate(value)
    box.setDisplayFormat(DATE_BOX_FORMAT)
    box.setCalendarPopup(True)
    widest = max(box.fontMetrics().horizontalAdvance(box.locale().toString(QDate(2026, m, 28), DATE_BOX_FORMAT))
                 for m in range(1, 13))  # fmt: skip
    box.setMinimumWidth(widest + 44)  # the text, the arrow and the frame
    return box


def wrap_rows(view: QListWidget) -> None:
    """A list whose rows wrap onto a second line rather than being cut short or scrolling sideways (longer
    words in other languages: a crisis plan's section names in Spanish)."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)


def checkin_line(c: CheckIn, with_medicines: bool) -> str:
    """One check-in in a line, as the day lists show it: time, mood, feelings, what I noticed, what helped, and
    (when medicines are on) the medicines answer, then the note in quotes."""
    parts = [clock(c.time), _("mood {mood}").format(mood=c.mood)]
    if c.sleep_hours is not None:  # the other answers, worded as everywhere else they are listed
        parts.append(_("sleep {hours} h").format(hours=number(c.sleep_hours, fixed=False)))
    if c.anxiety:
        parts.append(_("anxiety {anxiety}").format(anxiety=c.anxiety))
    if c.energy:
        parts.append(_("energy {energy}").format(energy=c.energy))
    parts += c.feelings
    if c.noticed:
        parts.append(_("I noticed: {signs}").format(signs=", ".join(c.noticed)))
    if c.helped:
        parts.append(_("What helped: {helped}").format(helped=", ".join(c.helped)))
    if c.medicines and with_medicines:
        parts.append(_("Took my medicines: {answer}").format(answer=_(MEDICINE_ANSWERS[c.medicines])))
    if c.note:  # quoted, so it never runs on from the last answer ("…: all Good sleep.")
        parts.append(_("note: “{note}”").format(note=c.note))
    return " · ".join(parts)
