"""Small building blocks shared by pages: headings, wrapped text, kind error lines."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


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


def message_line(parent: QWidget | None = None) -> QLabel:
    """Where kind error messages appear; empty and invisible until needed."""
    label = QLabel(parent)
    label.setObjectName("messageLine")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_message(label: QLabel, text: str) -> None:
    """Show (or hide, when empty) a message line."""
    label.setText(text)
    label.setVisible(bool(text))
