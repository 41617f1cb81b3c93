"""What happens to words that don't fit, so that locking (or a save) never loses anything: the rules live here,
below the widgets, translated once and tested without Qt. A widget collects what was typed; these decide.

- A goal without a name gets one; a step's "by when" that isn't a date stays, in words, beside the step.
- A crisis-plan section without a title gets one.
- A support cost that isn't a number stays, in words, beside what I think of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from recoveryjournal.domain.crisis_plan import PlanSection
from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import N_, _

UNNAMED_GOAL = N_("A goal I haven't named yet")
UNTITLED_SECTION = N_("My own section")
COST_NOT_A_NUMBER = N_("A cost is a number, like 12.50; “{typed}” isn't one.")
#: Signs a person may type around a cost; the number is what is kept.
_MONEY = re.compile(r"^[\s£$€¥₹]*(?P<n>-?\d+(?:[.,]\d+)?)[\s£$€¥₹]*$")


def named_goal(goal: Goal, lenient: bool) -> Goal:
    """`goal`, given a name when it has none and `lenient` (locking): the words typed for it are kept."""
    return replace(goal, title=_(UNNAMED_GOAL)) if lenient and not goal.title.strip() else goal


def step_date(text: str, typed_date: str, lenient: bool) -> tuple[str, dt.date | None]:
    """A step's text and its "by when": the date read from what was typed; an unreadable one is InvalidInput,
    or (lenient) kept in the step's words so nothing typed is lost."""
    if not typed_date.strip():
        return text, None
    try:
        return text, parse_date(typed_date)
    except InvalidInput as exc:
        if not lenient:
            raise InvalidInput(_("Step “{text}”: {message}").format(text=text, message=exc.message)) from None
        return _("{text} (by {typed_date})").format(text=text, typed_date=typed_date.strip()), None


def titled_sections(sections: list[PlanSection]) -> list[PlanSection]:
    """Every section with a title: one left without gets a plain one (in the person's language)."""
    return [s if s.title.strip() else replace(s, title=_(UNTITLED_SECTION)) for s in sections]


def read_cost(typed: str) -> float | None:
    """A cost as typed ("12.50", "£12,50", "12 €"), or None when nothing was typed; InvalidInput otherwise."""
    if not typed.strip():
        return None
    found = _MONEY.match(typed)
    if found is None:
        raise InvalidInput(_(COST_NOT_A_NUMBER).format(typed=typed.strip()))
    return float(found.group("n").replace(",", "."))


def support_item(item: SupportItem, typed_cost: str, lenient: bool) -> SupportItem:
    """A support item with its cost read; with `lenient` a cost that isn't a number is kept in words beside
    what I think of it (never lost, never a made-up number)."""
    try:
        return replace(item, cost=read_cost(typed_cost))
    except InvalidInput:
        if not lenient:
            raise
        view = _("{view} (cost: {typed})").format(view=item.my_view, typed=typed_cost.strip()).strip()
        return replace(item, cost=None, my_view=view)
