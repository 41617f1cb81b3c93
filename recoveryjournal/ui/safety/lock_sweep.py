"""What locking does to the screen: close every other window and dialog, and empty the clipboard if it is ours."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def texts_shown(root: QWidget) -> list[str]:
    """Every text a line edit, text box or label under `root` holds right now."""
    texts = [w.text() for w in root.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in root.findChildren(QPlainTextEdit)]
    texts += [w.toPlainText() for w in root.findChildren(QTextEdit)]
    texts += [w.text() for w in root.findChildren(QLabel)]
    return [t for t in texts if t]


def close_other_windows(keep: QWidget) -> None:
    """Close every dialog and top-level window except `keep` (modal loops end; their callers see a cancel)."""
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        widget.close()


_copied: set[str] = set()


def copy_to_clipboard(text: str) -> None:
    """Copy journal text (a phone number, a recovery key) and remember it, so locking can take it back."""
    _copied.add(text)
    QGuiApplication.clipboard().setText(text)


def clear_clipboard() -> None:
    """Empty the clipboard whatever it holds (on a shared PC nothing may be left for the next person)."""
    clipboard = QGuiApplication.clipboard()
    _copied.clear()
    clipboard.clear()
    if clipboard.supportsSelection():
        clipboard.clear(clipboard.Mode.Selection)


def clear_clipboard_if_ours(shown: list[str]) -> bool:
    """Empty the clipboard when it holds something copied from this app (or text that was on screen)."""
    clipboard = QGuiApplication.clipboard()
    text = clipboard.text()
    owns = clipboard.ownsClipboard() or clipboard.ownsSelection()
    matches = bool(text) and (text in _copied or any(text in shown_text for shown_text in shown))
    _copied.clear()
    if owns or matches:
        clipboard.clear()
        if clipboard.supportsSelection():
            clipboard.clear(clipboard.Mode.Selection)
        return True
    return False


class BriefCopy(QObject):
    """Copies a secret (a recovery key, a PDF's password) and empties the clipboard again after a while, but only
    if it still holds that secret (the person may have copied something else since); `cleared` then."""

    cleared = Signal()
    #: How long a copied secret stays on the clipboard.
    CLEAR_AFTER_MS = 30_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.forget)

    def copy(self, text: str, after_ms: int | None = None) -> None:
        """Copy `text` now; take it off the clipboard after `after_ms` (30 s)."""
        self._text = text
        copy_to_clipboard(text)
        self._timer.start(self.CLEAR_AFTER_MS if after_ms is None else after_ms)

    def forget(self) -> None:
        """Empty the clipboard now if it still holds what was copied here."""
        self._timer.stop()
        text, self._text = self._text, ""
        if text and QGuiApplication.clipboard().text() == text:
            clear_clipboard()
            self.cleared.emit()
