"""Goals with agreed steps and positive risks, my crisis plan and its versions, my support, appointments."""

from __future__ import annotations

import datetime as dt

import pytest

from recoveryjournal.domain.appointments import Agreement, Appointment
from recoveryjournal.domain.crisis_plan import TEMPLATE, Contact, dialable
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal, PositiveRisk, Step
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.services.agendas import make_agenda

TODAY = dt.date.today()


def _goal(session, **kw) -> Goal:
    base = Goal(None, "Walk to the shop on my own", why="I want my independence back")
    return session.goals.save(Goal(**{**{f: getattr(base, f) for f in base.__slots__}, **kw}))


def test_goal_with_steps_risk_and_notes(session) -> None:
    """Steps keep who does what; the positive risk is kept in calm words; notes are dated."""
    goal = _goal(session, steps=(Step(None, "Walk to the corner", "me"),
                                 Step(None, "Walk with me the first time", "peer_supporter", "Sam")),
                 risk=PositiveRisk("Going out alone", "It's how I get my confidence back", "I might panic",
                                   "Breathing, my phone", "Sam"))  # fmt: skip
    assert [(s.who, s.who_name) for s in goal.steps] == [("me", ""), ("peer_supporter", "Sam")]
    assert goal.risk.why_worth_it == "It's how I get my confidence back"
    done = goal.steps[0].__class__(goal.steps[0].id, goal.steps[0].text, done=True)
    goal = session.goals.save(Goal(goal.id, goal.title, goal.why, "active", False, (done, goal.steps[1]), goal.risk))
    assert goal.steps_done == 1 and goal.steps[0].id == done.id
    goal = session.goals.add_note(goal.id, "Made it to the corner twice.")
    assert goal.notes[0].text == "Made it to the corner twice." and goal.notes[0].date == TODAY


def test_goals_are_paused_or_done_never_failed(session) -> None:
    """Statuses are working on it, paused, done; anything else is refused kindly."""
    goal = _goal(session)
    paused = session.goals.save(Goal(goal.id, goal.title, status="paused"))
    assert session.goals.all("paused") == [paused]
    again = session.goals.save(Goal(goal.id, goal.title, status="active"))
    assert again.status == "active"
    with pytest.raises(InvalidInput):
        session.goals.save(Goal(goal.id, goal.title, status="failed"))


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_empty_goal_name_is_refused(session, title) -> None:
    """A goal needs a few words; the message gives an example."""
    with pytest.raises(InvalidInput, match="own"):
        session.goals.save(Goal(None, title))


def test_step_without_owner_is_mine_and_empty_step_is_refused(session) -> None:
    """A step with no owner is 'me'; a step with no words is refused."""
    goal = _goal(session, steps=(Step(None, "Ring the library", who=""),))
    assert goal.steps[0].who == "me"
    with pytest.raises(InvalidInput, match="few words"):
        _goal(session, steps=(Step(None, "  "),))


def test_hundreds_of_goals(session) -> None:
    """Hundreds of goals save and list in order."""
    for i in range(300):
        session.goals.save(Goal(None, f"Goal {i}"))
    assert [g.title for g in session.goals.all()][:3] == ["Goal 0", "Goal 1", "Goal 2"]
    assert len(session.goals.all()) == 300


def test_crisis_plan_template_and_versions(session) -> None:
    """The plan starts from our template; saving keeps every version; changes are readable."""
    sections = session.plan.sections()
    assert [s.key for s in sections] == [k for k, *_ in TEMPLATE]
    assert all(s.template_version == 1 for s in sections)
    people = next(i for i, s in enumerate(sections) if s.key == "people")
    sections[people] = sections[people].__class__(
        "people", "People I can ask", contacts=(Contact("Sam", "+44 7700 900123", "evenings"),)
    )
    own = session.plan.own_section("Music that helps")
    first = session.plan.save([own, *sections])
    sections2 = session.plan.sections()
    assert sections2[0].title == "Music that helps" and sections2[people + 1].contacts[0].name == "Sam"
    skipped = [s.__class__(s.key, s.title, s.text, s.contacts, s.key == "where", s.template_version) for s in sections2]
    second = session.plan.save(skipped)
    assert [v[0] for v in session.plan.versions()] == [second, first]
    assert "- [Where I would and wouldn't want to be]" in session.plan.changes(first, second)
    assert session.plan.missing_template_sections(sections2) == []


def test_phone_numbers_with_spaces_and_plus() -> None:
    """Numbers are dialled as digits, keeping a leading plus."""
    assert dialable(" +44 (0)7700 900-123 ") == "+4407700900123"
    assert dialable("0800 123 456") == "0800123456"


def test_support_list(session) -> None:
    """Support items keep the person's words; a cost is optional and can't be negative."""
    item = SupportItem(None, "Weekly peer group", "Mind", "weekly", "Helps a lot", "Evening sessions would be easier",
                       cost=12.5, cost_period="week")  # fmt: skip
    item_id = session.support.save(item)
    assert session.support.all()[0].cost == 12.5
    assert [i.id for i in session.support.to_change()] == [item_id]
    with pytest.raises(InvalidInput):
        session.support.save(SupportItem(None, " "))
    with pytest.raises(InvalidInput):
        session.support.save(SupportItem(None, "Gym", cost=-1))


def test_appointment_agenda_and_agreements_become_steps(session) -> None:
    """The agenda has my topics, goals marked for review, mood since last time and support to change;
    what was agreed comes back as goal steps with the agreed responsibility."""
    goal = _goal(session, review_next_appointment=True)
    session.support.save(SupportItem(None, "Care coordinator visits", change_wanted="Fortnightly, not monthly"))
    for days_ago, mood in ((1, 5), (3, 7)):
        session.checkins.add(mood, when=dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(9)))
    earlier = session.appointments.save(Appointment(None, TODAY - dt.timedelta(days=10), with_whom="Alex"))
    appt = session.appointments.save(Appointment(
        None, TODAY, dt.time(14, 0), "Alex (care coordinator)", "- Sleep\n- My medication questions\n",
        agreements=(Agreement(None, "Ask the GP about sleep", "care_coordinator", "Alex"), Agreement(None, "  ")),
    ))  # fmt: skip
    agenda = make_agenda(session, appt)
    assert agenda.talk_about == ["Sleep", "My medication questions"]
    assert [g.id for g in agenda.goals] == [goal.id]
    assert agenda.mood_since == earlier.date and "averaged 6.0" in agenda.mood_summary
    assert "since your last appointment" in agenda.mood_summary.lower()
    assert agenda.support[0].change_wanted == "Fortnightly, not monthly"
    assert len(appt.agreements) == 1  # the empty one was dropped
    goal = session.appointments.agreement_to_step(appt.id, appt.agreements[0].id, goal.id)
    assert (goal.steps[-1].text, goal.steps[-1].who, goal.steps[-1].who_name) == (
        "Ask the GP about sleep", "care_coordinator", "Alex")  # fmt: skip
    with pytest.raises(InvalidInput, match="already"):
        session.appointments.agreement_to_step(appt.id, appt.agreements[0].id, goal.id)
