"""A demo journal with a few gentle, made-up entries, so a newcomer sees something real."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.crisis_plan import Contact
from recoveryjournal.domain.goals import Goal, PositiveRisk, Step
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.services.journal_service import JournalSession, create_journal, unlock_journal
from recoveryjournal.services.locations import DEMO_PASSPHRASE

#: The demo journal's passphrase is no secret: it holds nothing real.

_DEMO_ENTRIES: list[tuple[int, str, str]] = [
    (
        0,
        "A quieter morning",
        "Slept better last night. Had breakfast by the window and noticed the light on the trees. "
        "Small thing, but it helped.",
    ),
    (
        1,
        "",
        "Found the appointment letter hard to read today. Going to write down what I want to ask before Thursday, "
        "so I don't forget once I'm in the room.",
    ),
    (
        3,
        "Walk with Sam",
        "We walked to the park and back. I talked more than I expected to. Sam said they'd come again on Saturday.",
    ),
    (6, "Things that helped this week", "- Music in the evening\n- Texting my sister\n- Going to bed before midnight"),
    (
        9,
        "A hard day",
        "Everything felt heavy. I used my plan: rang the support line, made tea, watched something gentle. "
        "It passed, slowly. Writing it down so I remember that it did.",
    ),
    (14, "Starting this journal", "I want a place that is just mine. I'll write when I want to, and that's enough."),
]


_DEMO_TAGS = {"Walk with Sam": ("friends", "outdoors"), "A hard day": ("crisis plan",), "": ("appointments",)}
# (days ago, mood, sleep, anxiety, feelings, note): a gently varying few weeks, with some days left out.
_DEMO_CHECKINS: list[tuple[int, int, float, int, tuple[str, ...], str]] = [
    (0, 7, 7.5, 3, ("calm", "hopeful"), "Good sleep."),
    (1, 5, 6.0, 6, ("anxious", "tired"), "Letter about the appointment."),
    (2, 6, 7.0, 4, ("content",), ""),
    (3, 7, 7.0, 3, ("connected", "calm"), "Walked with Sam."),
    (5, 5, 6.5, 5, ("restless",), ""),
    (6, 6, 7.0, 4, ("grateful",), "Music helped."),
    (8, 4, 5.0, 7, ("tired", "overwhelmed"), ""),
    (9, 3, 4.5, 8, ("sad", "overwhelmed"), "Used my plan. It passed."),
    (10, 4, 6.0, 6, ("tired",), ""),
    (12, 5, 7.0, 5, ("calm",), ""),
    (13, 6, 7.5, 4, ("hopeful",), ""),
    (14, 5, 6.5, 5, ("restless", "hopeful"), "Started this journal."),
]


def fill_with_demo_entries(session: JournalSession, today: dt.date | None = None) -> None:
    """Add the demo entries and check-ins, dated relative to today."""
    today = today or dt.date.today()
    for days_ago, mood, sleep, anxiety, feelings, note in reversed(_DEMO_CHECKINS):
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9, 15))
        session.checkins.add(mood, sleep_hours=sleep, anxiety=anxiety, feelings=feelings, note=note, when=when)
    for days_ago, title, text in reversed(_DEMO_ENTRIES):
        session.add_entry(text, title, today - dt.timedelta(days=days_ago), tags=_DEMO_TAGS.get(title, ()))


def fill_with_demo_plans(session: JournalSession, today: dt.date | None = None) -> None:
    """A goal with agreed steps and a positive risk, a started crisis plan, support, and an appointment."""
    today = today or dt.date.today()
    session.goals.save(
        Goal(
            None, "Walk to the shop on my own", why="I want to be able to get my own things again.",
            review_next_appointment=True,
            steps=(
                Step(None, "Walk to the corner and back", "me", done=True),
                Step(None, "Walk to the shop together the first time", "peer_supporter", "Sam"),
                Step(None, "Go on my own on a quiet morning", "me", target=today + dt.timedelta(days=14)),
            ),
            risk=PositiveRisk(
                "Going out on my own", "It's how I get my confidence back.", "I might feel panicky in the queue.",
                "Going early when it's quiet; my breathing; my phone with Sam's number.", "Sam, and my sister",
            ),
        )
    )  # fmt: skip
    session.goals.save(Goal(None, "Get back to drawing", why="It used to calm me down.", status="paused"))
    sections = session.plan.sections()
    filled = {
        "keeps_me_well": "Going to bed before midnight. Music in the evening. Texting my sister.",
        "early_signs": "I stop answering messages and sleep badly. Then I tell Sam and use my list below.",
        "cope_alone": "Tea, a warm shower, my playlist, a short walk round the block.",
    }
    contacts = {
        "people": (
            Contact("Sam (friend)", "07700 900123", "evenings"),
            Contact("My sister", "07700 900456", "any time"),
        ),
        "services": (Contact("Crisis line (example)", "0800 000 0000", "24 hours"),),
    }
    session.plan.save(
        [replace(s, text=filled.get(s.key, s.text), contacts=contacts.get(s.key, s.contacts)) for s in sections]
    )
    visits = SupportItem(None, "Care coordinator visits", "Community team", "monthly", "Helpful, but rushed",
                         "Fortnightly visits for a while")  # fmt: skip
    session.support.save(visits)
    session.support.save(SupportItem(None, "Peer support group", "Local centre", "weekly", "The best part of my week"))
    session.appointments.save(
        Appointment(None, today + dt.timedelta(days=3), dt.time(14, 0), "Alex, my care coordinator",
                    "How my sleep has been\nWalking to the shop: how it's going\nQuestions about my medication")
    )  # fmt: skip


def open_or_create_demo(path: Path) -> JournalSession:
    """Unlock the demo journal at `path`, making it first if it isn't there yet."""
    if path.exists():
        return unlock_journal(path, DEMO_PASSPHRASE)
    session, _recovery_key = create_journal(path, DEMO_PASSPHRASE)
    fill_with_demo_entries(session)
    fill_with_demo_plans(session)
    return session
