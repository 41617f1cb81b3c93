"""Everything shown while the journal is open, as tabs: journal, calendar, search (and more as they come)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.journal_parts import EveryTab
from recoveryjournal.ui.dialogs.plan_dialogs import PlanAtAGlance
from recoveryjournal.ui.pages.appointments_tab import AppointmentsTab
from recoveryjournal.ui.pages.calendar_page import CalendarPage
from recoveryjournal.ui.pages.checkin_tab import CheckInTab
from recoveryjournal.ui.pages.goals_tab import GoalsTab
from recoveryjournal.ui.pages.journal_page import JournalPage
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.pages.mood_tab import MoodTab
from recoveryjournal.ui.pages.plan_tab import PlanTab
from recoveryjournal.ui.pages.search_page import SearchPage
from recoveryjournal.ui.pages.support_tab import SupportTab
from recoveryjournal.ui.widgets.common import add_shortcut

_TEXT = Texts(
    {
        "journal": N_("Journal"),
        "checkin": N_("Check in"),
        "calendar": N_("Calendar"),
        "mood": N_("How things have been"),
        "goals": N_("Goals"),
        "plan": N_("My crisis plan"),
        "support": N_("My support"),
        "appointments": N_("Appointments"),
        "search": N_("Search"),
    }
)


#: The tabs in order: attribute, title, page class. The journal is built with the view; every other tab
#: the first time it is shown or asked for, so unlocking builds one page, not nine.
#: (page attribute, key of its title in _TEXT, class)
_TABS: list[tuple[str, str, type[JournalTab[Any]]]] = [
    ("journal_page", "journal", JournalPage),
    ("checkin_page", "checkin", CheckInTab),
    ("calendar_page", "calendar", CalendarPage),
    ("mood_page", "mood", MoodTab),
    ("goals_page", "goals", GoalsTab),
    ("plan_page", "plan", PlanTab),
    ("support_page", "support", SupportTab),
    ("appointments_page", "appointments", AppointmentsTab),
    ("search_page", "search", SearchPage),
]


def _tab(name: str) -> property:
    """A tab's page, built on first use."""
    return property(
        lambda self: self._page(name),
        doc=f"The {name.removesuffix('_page')} tab (built on first use).",
    )


class UnlockedView(QWidget):
    """Owns the pages; `clear()` empties every one of them."""

    #: Search's "My tags…" (the window opens the dialog).
    tags_requested = QtSignal()

    checkin_page: CheckInTab = _tab("checkin_page")  # type: ignore[assignment]
    calendar_page: CalendarPage = _tab("calendar_page")  # type: ignore[assignment]
    mood_page: MoodTab = _tab("mood_page")  # type: ignore[assignment]
    goals_page: GoalsTab = _tab("goals_page")  # type: ignore[assignment]
    plan_page: PlanTab = _tab("plan_page")  # type: ignore[assignment]
    support_page: SupportTab = _tab("support_page")  # type: ignore[assignment]
    appointments_page: AppointmentsTab = _tab("appointments_page")  # type: ignore[assignment]
    search_page: SearchPage = _tab("search_page")  # type: ignore[assignment]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: EveryTab | None = None
        self._built: dict[str, JournalTab[Any]] = {}
        self._bound: dict[tuple[str, ...], Callable[[], None]] = {}
        self._setup_ui()
        self.journal_page: JournalPage = self._page("journal_page")  # type: ignore[assignment]

    @property
    def _pages(self) -> list[JournalTab[Any]]:
        """The pages built so far (the others hold nothing yet)."""
        return list(self._built.values())

    # Public -----------------------------------------------------------------------------
    def set_session(self, session: EveryTab) -> None:
        """Show this journal on every page, and hear what changes in it from then on."""
        self._session = session
        for page in self._pages:
            page.load(session)
        session.entries.changed.connect(self._on_data_changed)
        session.checkins.changed.connect(self._on_data_changed)
        for signal, slot in self._listeners(session):
            signal.connect(slot)
        self.tabs.setCurrentWidget(self.journal_page)

    def clear(self) -> None:
        """Forget everything every page shows (locking)."""
        if self._session is not None:
            self._session.entries.changed.disconnect(self._on_data_changed)
            self._session.checkins.changed.disconnect(self._on_data_changed)
            for signal, slot in self._listeners(self._session):
                signal.disconnect(slot)
        self._session = None
        for page in self._pages:
            page.clear()

    def reload_current_page(self) -> None:
        """After something changed the journal from outside the tabs (an import): the tab shown reloads what it
        shows, unless the person is typing there. The other tabs heard it through the services' signals."""
        page = self.tabs.currentWidget()
        if isinstance(page, JournalTab):
            page.reload_if_idle()

    def _listeners(self, session: EveryTab) -> list[tuple[Signal, Callable[[], None]]]:
        """What each service's `changed` means for the tabs: which pages show that data. Each slot is made once
        per view, so the same one connects on unlock and disconnects on lock."""
        wanted = (
            (session.entries.changed, ("journal_page",)),
            (session.checkins.changed, ("checkin_page",)),
            (session.goals.changed, ("goals_page", "appointments_page")),
            (session.plan.changed, ("plan_page",)),
            (session.support.changed, ("support_page",)),
            (session.appointments.changed, ("appointments_page",)),
        )
        return [(signal, self._bound.setdefault(names, partial(self._reload_hidden, names)))
                for signal, names in wanted]  # fmt: skip

    def _reload_hidden(self, names: tuple[str, ...]) -> None:
        """Tabs not on screen show again what changed; the tab on screen is where the change was made (it already
        shows it) or is refreshed by reload_current_page."""
        current = self.tabs.currentWidget()
        for name in names:
            page = self._built.get(name)
            if page is not None and page is not current:
                page.reload_if_idle()

    def save_before_lock(self) -> None:
        """Save everything typed on every page, bending where needed so that locking loses nothing."""
        for page in self._pages:
            page.save(lenient=True)

    def save_if_dirty(self) -> bool:
        """Save anything typed but not yet saved, on every page that edits something."""
        return all([page.save() for page in self._pages])

    def current_page_name(self) -> str:
        """The shown tab's name (for Help): 'journal_page', 'goals_page'…"""
        return _TABS[max(0, self.tabs.currentIndex())][0]

    def show_search(self) -> None:
        """Ctrl+F: the search tab, cursor in the box."""
        self.tabs.setCurrentWidget(self.search_page)
        self.search_page.focus_search()

    def show_today(self) -> None:
        """Ctrl+T: today in the calendar."""
        self.tabs.setCurrentWidget(self.calendar_page)
        self.calendar_page.go_to(dt.date.today())

    def show_plan_at_a_glance(self) -> None:
        """F1 / Ctrl+Shift+P: the crisis plan, large and readable, over whatever is open."""
        if self._session is None:
            return
        self.plan_page.save()
        PlanAtAGlance(self._session.plan.sections(), self).open()

    def show_page(self, name: str) -> None:
        """Show a tab by its name ('goals_page'…), with the keyboard's focus in it."""
        if name == "checkin_page":
            self.show_checkin()
            return
        page = self._page(name)
        self.tabs.setCurrentWidget(page)
        page.setFocus()
        page.focusNextChild()

    def show_checkin(self) -> None:
        """The check-in tab, ready for a mood number."""
        self.tabs.setCurrentWidget(self.checkin_page)
        self.checkin_page.mood_buttons[4].setFocus()

    def show_entry(self, entry_id: int) -> None:
        """Open one entry in the journal tab."""
        self.tabs.setCurrentWidget(self.journal_page)
        self.journal_page.open_entry(entry_id)

    def show_tag(self, tag: str) -> None:
        """Every entry with this tag, in the search tab."""
        self.tabs.setCurrentWidget(self.search_page)
        self.search_page.show_tag(tag)

    def show_day(self, day: dt.date) -> None:
        """Show a day in the calendar tab."""
        self.tabs.setCurrentWidget(self.calendar_page)
        self.calendar_page.go_to(day)

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for index, (_name, key, _cls) in enumerate(_TABS):
            self.tabs.addTab(QWidget(self.tabs), _TEXT[key])  # stands in until the page is first shown
            self.tabs.setTabToolTip(index, f"{_TEXT[key]} (Ctrl+{index + 1})")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        add_shortcut(self, [QKeySequence.StandardKey.Find], self.show_search)
        add_shortcut(self, ["Ctrl+T"], self.show_today)
        for number in range(1, 10):
            add_shortcut(self, [f"Ctrl+{number}"], lambda n=number: self._go_to_tab(n - 1))  # type: ignore[misc]
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def _page(self, name: str) -> QWidget:
        """The page called `name`, built (and put in its tab, showing this journal) the first time."""
        page = self._built.get(name)
        if page is not None:
            return page
        index = next(i for i, (n, _t, _c) in enumerate(_TABS) if n == name)
        page = _TABS[index][2](self)
        self._built[name] = page
        self._connect(name, page)
        stand_in, current = self.tabs.widget(index), self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, _TEXT[_TABS[index][1]])
        self.tabs.setTabToolTip(index, f"{_TEXT[_TABS[index][1]]} (Ctrl+{index + 1})")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if stand_in is not None:
            stand_in.deleteLater()
        if self._session is not None:
            page.load(self._session)
        return page

    def _connect(self, name: str, page: QWidget) -> None:
        if name == "search_page":
            page.entry_requested.connect(self.show_entry)  # type: ignore[attr-defined]
            page.day_requested.connect(self.show_day)  # type: ignore[attr-defined]
            page.tags_requested.connect(self.tags_requested)  # type: ignore[attr-defined]
        elif name == "calendar_page":
            page.entry_requested.connect(self.show_entry)  # type: ignore[attr-defined]
            page.write_requested.connect(self._on_write_requested)  # type: ignore[attr-defined]
        elif name == "mood_page":
            page.day_requested.connect(self.show_day)  # type: ignore[attr-defined]
        elif name == "checkin_page":
            page.keep_an_eye_requested.connect(self._on_keep_an_eye_requested)  # type: ignore[attr-defined]

    def _on_keep_an_eye_requested(self) -> None:
        """From the check-in: the plan, with "Keep an eye on this" open over it (the choice belongs to the plan)."""
        self.tabs.setCurrentWidget(self.plan_page)
        self.plan_page.choose_what_to_watch()

    def _go_to_tab(self, index: int) -> None:
        """Ctrl+1 … Ctrl+9: the tab, with the keyboard in it (Ctrl+2 then a number records that mood)."""
        if 0 <= index < self.tabs.count():
            self.show_page(_TABS[index][0])

    def _on_write_requested(self, day: dt.date) -> None:
        self.tabs.setCurrentWidget(self.journal_page)
        self.journal_page.start_new_entry(day)

    def _on_tab_changed(self, index: int) -> None:
        saved = self.save_if_dirty()  # leaving a tab never leaves words unsaved
        name = _TABS[index][0] if 0 <= index < len(_TABS) else ""
        if name and name not in self._built:
            self._page(name)  # first time shown: built now, already showing this journal
        elif saved and self._session is not None and name == "appointments_page":
            self.appointments_page.load(self._session)  # goals may have changed meanwhile

    def _on_data_changed(self) -> None:
        if self._session is None:
            return
        if "calendar_page" in self._built:
            self.calendar_page.refresh()
        self.journal_page.refresh_suggestions()
