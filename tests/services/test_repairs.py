"""The repair rules locking relies on, tested without a widget: nothing typed is lost, in any language."""

from __future__ import annotations

import datetime as dt

import pytest

from recoveryjournal import i18n
from recoveryjournal.domain.crisis_plan import PlanSection
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.services import repairs


def test_an_unnamed_goal_gets_a_name_only_when_locking() -> None:
    assert repairs.named_goal(Goal(None, "  "), lenient=False).title == "  "
    assert repairs.named_goal(Goal(None, ""), lenient=True).title == "A goal I haven't named yet"
    assert repairs.named_goal(Goal(None, "Walk"), lenient=True).title == "Walk"


def test_a_steps_date_that_isnt_one_is_refused_or_kept_as_words() -> None:
    assert repairs.step_date("Phone Sam", "2026-03-14", lenient=False) == ("Phone Sam", dt.date(2026, 3, 14))
    assert repairs.step_date("Phone Sam", "", lenient=False) == ("Phone Sam", None)
    with pytest.raises(InvalidInput, match="Step “Phone Sam”"):
        repairs.step_date("Phone Sam", "next friday-ish", lenient=False)
    assert repairs.step_date("Phone Sam", "next friday-ish", lenient=True) == ("Phone Sam (by next friday-ish)", None)


def test_sections_without_a_title_get_one_in_the_persons_language() -> None:
    sections = [PlanSection("own-1", ""), PlanSection("own-2", "Mine")]
    assert [s.title for s in repairs.titled_sections(sections)] == ["My own section", "Mine"]
    try:
        i18n.choose_language("es")
        assert repairs.titled_sections(sections)[0].title != "My own section"  # never the English literal
    finally:
        i18n.choose_language("en")


@pytest.mark.parametrize(("typed", "cost"), [("12.50", 12.5), ("£12,50", 12.5), ("12 €", 12.0), ("", None),
                                             ("$ 7", 7.0)])  # fmt: skip
def test_costs_are_read_however_they_are_typed(typed: str, cost: float | None) -> None:
    assert repairs.read_cost(typed) == cost


def test_a_cost_that_isnt_a_number_is_refused_or_kept_beside_my_view() -> None:
    item = SupportItem(None, "Day centre", my_view="Helpful")
    with pytest.raises(InvalidInput, match="“about a tenner” isn't one"):
        repairs.support_item(item, "about a tenner", lenient=False)
    kept = repairs.support_item(item, "about a tenner", lenient=True)
    assert kept.cost is None and kept.my_view == "Helpful (cost: about a tenner)"
