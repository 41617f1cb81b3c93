"""Help: a short page for each screen and the list of every keyboard shortcut."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QTextBrowser, QVBoxLayout, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.help_texts import SHORTCUTS, TOPICS
from recoveryjournal.ui.widgets.common import wrap_rows
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

SHORTCUTS_TOPIC = "shortcuts"
_TEXT = Texts(
    {
        "window": N_("Help"),
        "topics": N_("Help topics"),
        "page": N_("Help text"),
        "shortcuts": N_("Keyboard shortcuts"),
        "keys": N_("Keys"),
        "does": N_("What they do"),
    }
)


def _page(topic: str) -> str:
    if topic == SHORTCUTS_TOPIC:
        rows = "".join(
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
            for keys, what in ((_(k), _(w)) for k, w in SHORTCUTS)
        )
        head = f"<tr><th align='left'>{_TEXT['keys']}</th><th align='left'>{_TEXT['does']}</th></tr>"
        return f"<h2>{_TEXT['shortcuts']}</h2><table cellpadding='4'>{head}{rows}</table>"
    title, paragraphs = TOPICS[topic]
    return f"<h2>{escape(_(title))}</h2>" + "".join(f"<p>{escape(_(p))}</p>" for p in paragraphs)


class HelpDialog(QDialog):
    """Topics on the left, the chosen one on the right; opens at the screen the person was on."""

    def __init__(self, topic: str = "start", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 720, 460)
        self._keys = [*TOPICS, SHORTCUTS_TOPIC]
        self.topics = QListWidget(self)
        wrap_rows(self.topics)
        self.topics.setAccessibleName(_TEXT["topics"])
        self.topics.addItems([_(TOPICS[k][0]) for k in TOPICS] + [_TEXT["shortcuts"]])
        self.topics.setMaximumWidth(240)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(_TEXT["page"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.topics.currentRowChanged.connect(lambda row: self.text.setHtml(_page(self._keys[row])))
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        """Show one topic (an unknown one shows Getting started)."""
        self.topics.setCurrentRow(self._keys.index(topic) if topic in self._keys else 0)
        self.topics.setFocus()
