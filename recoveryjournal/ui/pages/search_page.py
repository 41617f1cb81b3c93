"""Search: type anything; results ranked, matches in bold; narrow by dates, tag or mood."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.journal_parts import Searches
from recoveryjournal.ui.models.search_model import HIT_ROLE, HTML_ROLE, SearchResultsModel
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import date_box
from recoveryjournal.ui.widgets.html_delegate import HtmlDelegate

_TEXT = Texts(
    {
        "tag": N_("Tag"),
        "first_date": N_("Search from this date"),
        "last_date": N_("Search up to this date"),
        "placeholder": N_("Search your journal and check-in notes"),
        "from": N_("From"),
        "to": N_("to"),
        "any_tag": N_("Any tag"),
        "tags": N_("My tags…"),
        "tags_tip": N_("See every tag with how many entries have it; rename or tidy them"),
        "mood": N_("Mood"),
        "any": N_("any"),
        "hint": N_("Type a word or two. Press Enter on a result to open it."),
        "found": N_("{n} found"),
        "found_one": N_("1 found"),
        "nothing": N_("Nothing found for “{words}”. Try fewer words, or a different word."),
        "recent": N_(
            " This word comes up a lot, so these are the best matches among your most recent writing. "
            "Older ones are a click away."
        ),
        "older": N_("Show older matches"),
        "older_found": N_("{n} found so far."),
    }
)
_DEBOUNCE_MS = 200


class SearchPage(JournalTab[Searches]):
    """Emits `entry_requested(id)` or `day_requested(date)` when a result is opened."""

    entry_requested = Signal(int)
    day_requested = Signal(object)
    #: "My tags…": the window opens the tags dialog.
    tags_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._older_than: int | None = None
        self.model = SearchResultsModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def _show_journal(self, session: Searches) -> None:
        """Search this journal."""
        self._fill_tags(session)

    def _fill_tags(self, session: Searches, choose: str | None = None) -> None:
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(_TEXT["any_tag"], None)
        for tag in session.entries.tags():
            self.tag_box.addItem(tag, tag)
        found = self.tag_box.findData(choose) if choose is not None else 0
        self.tag_box.setCurrentIndex(max(found, 0))
        self.tag_box.blockSignals(False)

    def show_tag(self, tag: str) -> None:
        """Every entry with this tag (from My tags): the tag chosen, no words, the list shown at once."""
        if self._session is None:
            return
        self._fill_tags(self._session, tag)
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self.run_search()
        self.results.setFocus()

    def _forget_journal(self) -> None:
        """Forget the query, the results and the tags (locking)."""
        self._timer.stop()
        self.query.clear()
        self.model.clear()
        self.tag_box.clear()
        self._set_older(None)
        self.status.setText(_TEXT["hint"])

    def focus_search(self) -> None:
        """Put the cursor in the search box, text selected (Ctrl+F)."""
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        """Search now with the current words and filters."""
        self._timer.stop()
        text = self.query.text()
        if self._session is not None and not text.strip() and self.tag_box.currentData() is None:
            self.model.clear()
            self._set_older(None)
            self.status.setText(_TEXT["hint"])
            return
        hits = self._search()
        if hits is None:
            return
        self.model.set_hits(hits)
        if hits:
            found = _TEXT["found_one"] if len(hits) == 1 else _TEXT["found"].format(n=len(hits))
            self.status.setText(found + (_TEXT["recent"] if hits.limited_to_recent else ""))
        else:
            self.status.setText(_TEXT["nothing"].format(words=text.strip()[:80]))

    def show_older(self) -> None:
        """The next page of matches further back, added below the ones shown."""
        if self._older_than is None:
            return
        hits = self._search(self._older_than)
        if hits is not None:
            self.model.add_hits(hits)
            self.status.setText(_TEXT["older_found"].format(n=self.model.rowCount()))

    def _search(self, older_than: int | None = None) -> SearchResults | None:
        """One page of results (and where the next, older page starts); None when it couldn't be done."""
        if self._session is None:
            return None
        try:
            hits = self._session.search(self.query.text(), self.filters(), older_than=older_than)
        except JournalError as exc:
            self.status.setText(exc.message)
            return None
        self._set_older(hits.older_than)
        return hits

    def _set_older(self, cursor: int | None) -> None:
        self._older_than = cursor
        self.older_button.setVisible(cursor is not None)

    def filters(self) -> SearchFilters:
        """The filters as set on screen."""
        return SearchFilters(
            first=_date(self.first_date.date()) if self.use_dates.isChecked() else None,
            last=_date(self.last_date.date()) if self.use_dates.isChecked() else None,
            tag=self.tag_box.currentData(),
            mood_min=self.mood_min.value() or None,
            mood_max=self.mood_max.value() or None,
        )

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(_TEXT["placeholder"])
        self.query.setAccessibleName(_TEXT["placeholder"])
        self.query.setClearButtonEnabled(True)
        self.use_dates = QCheckBox(_TEXT["from"], self)
        today = QDate.currentDate()
        self.first_date = date_box(self, today.addMonths(-1))
        self.last_date = date_box(self, today)
        self.first_date.setAccessibleName(_TEXT["first_date"])
        self.last_date.setAccessibleName(_TEXT["last_date"])
        for edit in (self.first_date, self.last_date):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(_("Tag"))
        self.mood_min, self.mood_max = QSpinBox(self), QSpinBox(self)
        for spin, name in ((self.mood_min, _("lowest mood")), (self.mood_max, _("highest mood"))):
            spin.setRange(0, 10)
            spin.setSpecialValueText(_TEXT["any"])
            spin.setAccessibleName(name)
        filters = QHBoxLayout()
        for widget in (self.use_dates, self.first_date, QLabel(_TEXT["to"], self), self.last_date):
            filters.addWidget(widget)
        filters.addSpacing(16)
        tag_label = QLabel(_TEXT["tag"], self)
        tag_label.setBuddy(self.tag_box)
        filters.addWidget(tag_label)
        filters.addWidget(self.tag_box)
        self.tags_button = QPushButton(_TEXT["tags"], self)
        self.tags_button.setToolTip(_TEXT["tags_tip"])
        filters.addWidget(self.tags_button)
        filters.addSpacing(16)
        filters.addWidget(QLabel(_TEXT["mood"], self))
        filters.addWidget(self.mood_min)
        filters.addWidget(QLabel(_TEXT["to"], self))
        filters.addWidget(self.mood_max)
        filters.addStretch(1)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(HTML_ROLE, self.results))
        self.results.setWordWrap(True)
        self.results.setAccessibleName(_("Search results"))
        self.status = QLabel(_TEXT["hint"], self)
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.older_button = QPushButton(_TEXT["older"], self)
        self.older_button.setVisible(False)
        self._older_than = None
        layout.addWidget(self.older_button)
        self.older_button.clicked.connect(self.show_older)
        self.tags_button.clicked.connect(self.tags_requested)

        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._on_return_pressed)
        self._timer.timeout.connect(self.run_search)
        self.use_dates.toggled.connect(self._on_dates_toggled)
        for signal in (self.first_date.dateChanged, self.last_date.dateChanged, self.tag_box.currentIndexChanged,
                       self.mood_min.valueChanged, self.mood_max.valueChanged):  # fmt: skip
            signal.connect(lambda *_a: self._timer.start())
        self.results.activated.connect(self._on_result_activated)

    def _on_dates_toggled(self, on: bool) -> None:
        self.first_date.setEnabled(on)
        self.last_date.setEnabled(on)
        self._timer.start()

    def _on_return_pressed(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _on_result_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        if hit.kind == "entry":
            self.entry_requested.emit(hit.id)
        else:
            self.day_requested.emit(hit.date)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
