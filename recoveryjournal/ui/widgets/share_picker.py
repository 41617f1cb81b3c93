"""Choosing what to share, item by item, with shortcuts that still show every item they tick."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.i18n import N_, _, clock, day
from recoveryjournal.services.journal_parts import SessionView
from recoveryjournal.ui.widgets.common import date_box, label_choice

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_GROUPS = {
    "entry": N_("Journal entries"),
    "checkin": "Check-ins",
    "goal": N_("Goals and their steps"),
    "plan": N_("Sections of my crisis plan"),
    "appointment": N_("Appointment agendas"),
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SharePicker(QWidget):
    """A tree of everything in the journal, nothing ticked unless the person ticked it (or came from it)."""

    def __init__(self, session: SessionView, preselected: dict[str, set[object]], parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(_("What to share"))
        self.groups: dict[str, QTreeWidgetItem] = {}
        for kind, label in ((k, _(w)) for k, w in _GROUPS.items()):
            group = QTreeWidgetItem(self.tree, [label])
            group.setFlags(group.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            self.groups[kind] = group
        pre = preselected
        for e in session.entries.newest_first(limit=2000):
            self._add("entry", e.id, f"{day(e.date, 'short')} · {e.display_title}", e.id in pre.get("entry", set()))
        for c in session.checkins.between(limit=2000):
            self._add(
                "checkin",
                c.id,
                _("{day} {time} · mood {mood}").format(day=day(c.date, "short"), time=clock(c.time), mood=c.mood),
                False,
            )
        for g in session.goals.all():
            self._add("goal", g.id, g.title, g.id in pre.get("goal", set()))
        for s in session.plan.sections():
            if not s.skipped and not s.is_empty:
                self._add("plan", s.key, _(s.title), s.key in pre.get("plan", set()))
        for a in session.appointments.all():
            self._add(
                "appointment", a.id, f"{day(a.date, 'short')} · {a.with_whom}", a.id in pre.get("appointment", set())
            )
        for kind, group in self.groups.items():
            group.setHidden(group.childCount() == 0)
            group.setExpanded(kind in pre or kind in ("entry", "plan"))
        today = dt.date.today()
        self.mood_box = QCheckBox(_("How I've been (mood, sleep, anxiety and a chart):"), self)
        self.period = QComboBox(self)
        label_choice(self.period, _("Which days"))
        self.period.addItem(_("the last 2 weeks"), 14)
        self.period.addItem(_("the last 4 weeks"), 28)
        last_visit = session.appointments.last_before(today)
        if last_visit is not None:
            self.period.addItem(_("since my last appointment ({day})").format(day=day(last_visit)), last_visit)
        self.period.addItem(_("these dates"), None)
        self.period.setCurrentIndex(1)
        self.mood_from = date_box(self, _qdate(today - dt.timedelta(days=27)))
        self.mood_to = date_box(self, _qdate(today))
        self.range_from = date_box(self, _qdate(today - dt.timedelta(days=13)))
        self.range_to = date_box(self, _qdate(today))
        self.tag_box = QComboBox(self)
        self.tag_box.addItems(session.entries.tags())
        for edit, name in ((self.mood_from, _("Mood chart from")), (self.mood_to, _("Mood chart to")),
                           (self.range_from, _("Entries from")), (self.range_to, _("Entries to"))):  # fmt: skip
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.tag_box.setAccessibleName(_("Tag"))
        pick_range, pick_tag = (
            QPushButton(_("Tick entries from these dates"), self),
            QPushButton(_("Tick entries tagged"), self),
        )
        mood_row = QHBoxLayout()
        for widget in (self.mood_box, self.period, self.mood_from, QLabel(_("to"), self), self.mood_to):
            mood_row.addWidget(widget)
        mood_row.addStretch(1)
        self.summary_only = QCheckBox(_("Just the summary: one page (my points, how I've been, my goals in a line "
                                        "each; no entries, check-ins or plan)"), self)  # fmt: skip
        label_choice(self.tag_box, _("Tag"))
        range_row = QHBoxLayout()
        row_widgets: tuple[QWidget, ...] = (pick_range, self.range_from, QLabel(_("to"), self), self.range_to,
                                            pick_tag, self.tag_box)  # fmt: skip
        for part in row_widgets:
            range_row.addWidget(part)
        range_row.addStretch(1)
        pick_tag.setEnabled(self.tag_box.count() > 0)
        # What would ride along with an item is a choice of its own, off until ticked.
        self.with_tags = QCheckBox(_("With the tags of each entry"), self)
        self.with_risks = QCheckBox(_("With each goal's risk I choose to take"), self)
        self.with_helpers = QCheckBox(_("With the names of people who help with my goals"), self)
        # Items of their own: my medicines (only when turned on, and there are some), and the pattern sentences.
        self.medicines_box = QCheckBox(
            _("My medicines: the list, its changes on the chart, and my check-ins' answers"), self
        )
        self.medicines_box.setVisible(session.medicines.turned_on and bool(session.medicines.all()))
        self.patterns_box = QCheckBox(_("What seems to go with better days (for the same days as above)"), self)
        extras = QVBoxLayout()
        extras.setSpacing(2)
        extras.addWidget(QLabel(_("Along with what you ticked, only if you want:"), self))
        for box in (self.with_tags, self.with_risks, self.with_helpers):
            extras.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(extras)
        layout.addLayout(range_row)
        layout.addLayout(mood_row)
        layout.addWidget(self.patterns_box)
        layout.addWidget(self.medicines_box)
        layout.addWidget(self.summary_only)
        self.period.activated.connect(self._on_period_chosen)
        self.mood_from.userDateChanged.connect(self._on_dates_typed)
        self.mood_to.userDateChanged.connect(self._on_dates_typed)
        pick_range.clicked.connect(self._on_pick_range)
        pick_tag.clicked.connect(self._on_pick_tag)

    def _add(self, kind: str, key: object, label: str, checked: bool) -> None:
        item = QTreeWidgetItem(self.groups[kind], [label])
        item.setData(0, KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self, kind: str) -> list[Any]:
        """Keys of the ticked items of one kind (ids, or a plan section's key)."""
        return [item.data(0, KEY_ROLE) for item in self._children(kind) if item.checkState(0) == Qt.CheckState.Checked]

    def _children(self, kind: str) -> list[QTreeWidgetItem]:
        group = self.groups[kind]
        return [child for i in range(group.childCount()) if (child := group.child(i)) is not None]

    def request(self, recipient: str, title: str, author: str, redactions: tuple[str, ...]) -> ShareRequest:
        """The choices as a ShareRequest."""
        days = (_pydate(self.mood_from.date()), _pydate(self.mood_to.date()))
        mood = days if self.mood_box.isChecked() else None
        return ShareRequest(
            recipient=recipient, title=title, author=author, entry_ids=tuple(self.chosen("entry")),
            checkin_ids=tuple(self.chosen("checkin")), mood_range=mood, goal_ids=tuple(self.chosen("goal")),
            plan_keys=tuple(self.chosen("plan")), appointment_ids=tuple(self.chosen("appointment")),
            redactions=redactions, entry_tags=self.with_tags.isChecked(), goal_risks=self.with_risks.isChecked(),
            goal_helpers=self.with_helpers.isChecked(), summary_only=self.summary_only.isChecked(),
            medicines=self.medicines_box.isChecked() and not self.medicines_box.isHidden(),
            patterns=days if self.patterns_box.isChecked() else None,
        )  # fmt: skip

    def _on_period_chosen(self) -> None:
        """A period from the list sets the dates (and ticks the summary: choosing its days means wanting it)."""
        choice = self.period.currentData()
        if choice is None:
            self.mood_from.setFocus()
            return
        today = dt.date.today()
        first = choice if isinstance(choice, dt.date) else today - dt.timedelta(days=int(choice) - 1)
        for edit, value in ((self.mood_from, first), (self.mood_to, today)):
            edit.blockSignals(True)
            edit.setDate(_qdate(value))
            edit.blockSignals(False)
        self.mood_box.setChecked(True)

    def _on_dates_typed(self) -> None:
        self.period.setCurrentIndex(self.period.count() - 1)

    def _tick_entries(self, wanted: set[object]) -> None:
        self.groups["entry"].setExpanded(True)
        for item in self._children("entry"):
            if item.data(0, KEY_ROLE) in wanted:
                item.setCheckState(0, Qt.CheckState.Checked)

    def _on_pick_range(self) -> None:
        first, last = _pydate(self.range_from.date()), _pydate(self.range_to.date())
        days = {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}
        self._tick_entries({e.id for d in days for e in self._session.entries.on_day(d)})

    def _on_pick_tag(self) -> None:
        tag = self.tag_box.currentText().casefold()
        self._tick_entries(
            {e.id for e in self._session.entries.newest_first() if tag in {t.casefold() for t in e.tags}}
        )
