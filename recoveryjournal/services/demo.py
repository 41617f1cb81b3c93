"""A demo journal with a few gentle, made-up entries, so a newcomer sees something real."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from pathlib import Path

from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.crisis_plan import Contact
from recoveryjournal.domain.goals import Goal, PositiveRisk, Step
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.journal_service import JournalSession, create_journal, unlock_journal
from recoveryjournal.services.locations import DEMO_PASSPHRASE

#: The demo journal's passphrase is no secret: it holds nothing real.

_DEMO_ENTRIES: list[tuple[int, str, str]] = [
    (
        0,
        N_("A quieter morning"),
        N_(
            "Slept better last night. Had breakfast by the window and noticed the light on the trees. "
            "Small thing, but it helped."
        ),
    ),
    (
        1,
        "",
        N_(
            "Found the appointment letter hard to read today. Going to write down what I want to ask before Thursday, "
            "so I don't forget once I'm in the room."
        ),
    ),
    (
        3,
        N_("Walk with Sam"),
        N_("We walked to the park and back. I talked more than I expected to. Sam said they'd come again on Saturday."),
    ),
    (
        6,
        N_("Things that helped this week"),
        N_("- Music in the evening\n- Texting my sister\n- Going to bed before midnight"),
    ),
    (
        9,
        N_("A hard day"),
        N_(
            "Everything felt heavy. I used my plan: rang the support line, made tea, watched something gentle. "
            "It passed, slowly. Writing it down so I remember that it did."
        ),
    ),
    (
        14,
        N_("Starting this journal"),
        N_("I want a place that is just mine. I'll write when I want to, and that's enough."),
    ),
]


_DEMO_TAGS = {
    "Walk with Sam": (N_("friends"), N_("outdoors")),
    "A hard day": (N_("crisis plan"),),
    "": (N_("appointments"),),
}
# (days ago, mood, sleep, anxiety, feelings, note): a gently varying few weeks, with some days left out.
_DEMO_CHECKINS: list[tuple[int, int, float, int, tuple[str, ...], str]] = [
    (0, 7, 7.5, 3, (N_("calm"), N_("hopeful")), N_("Good sleep.")),
    (1, 5, 6.0, 6, (N_("anxious"), N_("tired")), N_("Letter about the appointment.")),
    (2, 6, 7.0, 4, (N_("content"),), ""),
    (3, 7, 7.0, 3, (N_("connected"), N_("calm")), N_("Walked with Sam.")),
    (5, 5, 6.5, 5, (N_("restless"),), ""),
    (6, 6, 7.0, 4, (N_("grateful"),), N_("Music helped.")),
    (8, 4, 5.0, 7, (N_("tired"), N_("overwhelmed")), ""),
    (9, 3, 4.5, 8, (N_("sad"), N_("overwhelmed")), N_("Used my plan. It passed.")),
    (10, 4, 6.0, 6, (N_("tired"),), ""),
    (12, 5, 7.0, 5, (N_("calm"),), ""),
    (13, 6, 7.5, 4, (N_("hopeful"),), ""),
    (14, 5, 6.5, 5, (N_("restless"), N_("hopeful")), N_("Started this journal.")),
]


#: The signs and helpful things the demo keeps an eye on (lines of its crisis plan, below).
_SIGNS = (N_("Sleeping badly"), N_("Not answering messages"))
_HELPS = (N_("Music in the evening"), N_("A short walk round the block"), N_("Texting my sister"))


def _earlier_checkins() -> list[tuple[int, int, float, int, tuple[str, ...], str]]:
    """Four more weeks before the ones above, made by a fixed rule (no randomness: every demo is the same)."""
    made: list[tuple[int, int, float, int, tuple[str, ...], str]] = []
    wobble = (0, 1, -1, 0, 1, 0, -1, 1, 0, -1, 0, 1)
    for days_ago in range(15, 43):
        if days_ago % 5 == 0:
            continue  # some days left out, as in life
        mood = max(2, min(9, round(6 + 1.6 * math.sin(days_ago / 4.5)) + wobble[days_ago % len(wobble)]))
        made.append((days_ago, mood, 5.0 + mood / 2, 10 - mood, (), ""))
    return made


def _marks(days_ago: int, mood: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the demo person noticed and what helped that day: signs on harder days, helps on easier ones."""
    noticed = tuple(_(sign) for n, sign in enumerate(_SIGNS) if mood <= 5 - n)
    helped = tuple(_(h) for n, h in enumerate(_HELPS) if mood >= 6 + n % 2 and (days_ago + n) % 3 != 0)
    return noticed, helped


def fill_with_demo_entries(session: JournalSession, today: dt.date | None = None) -> None:
    """Add the demo entries and check-ins (with signs noticed, what helped and medicines taken), dated relative to
    today."""
    today = today or dt.date.today()
    for days_ago, mood, sleep, anxiety, feelings, note in sorted(_DEMO_CHECKINS + _earlier_checkins(), reverse=True):
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9, 15))
        noticed, helped = _marks(days_ago, mood)
        session.checkins.add(mood, sleep_hours=sleep, anxiety=anxiety, feelings=tuple(_(f) for f in feelings),
                             note=_(note), when=when, noticed=noticed, helped=helped,
                             medicines="some" if days_ago % 9 == 4 else "all")  # fmt: skip
    for days_ago, title, text in reversed(_DEMO_ENTRIES):
        tags = tuple(_(tag) for tag in _DEMO_TAGS.get(title, ()))
        session.entries.add(_(text), _(title), today - dt.timedelta(days=days_ago), tags=tags)


def fill_with_demo_plans(session: JournalSession, today: dt.date | None = None) -> None:
    """A goal with agreed steps and a positive risk, a started crisis plan, support, and an appointment."""
    today = today or dt.date.today()
    session.goals.save(
        Goal(
            None, _("Walk to the shop on my own"), why=_("I want to be able to get my own things again."),
            review_next_appointment=True,
            steps=(
                Step(None, _("Walk to the corner and back"), "me", done=True),
                Step(None, _("Walk to the shop together the first time"), "peer_supporter", _("Sam")),
                Step(None, _("Go on my own on a quiet morning"), "me", target=today + dt.timedelta(days=14)),
            ),
            risk=PositiveRisk(
                _("Going out on my own"), _("It's how I get my confidence back."),
                _("I might feel panicky in the queue."),
                _("Going early when it's quiet; my breathing; my phone with Sam's number."), _("Sam, and my sister"),
            ),
        )
    )  # fmt: skip
    session.goals.save(Goal(None, _("Get back to drawing"), why=_("It used to calm me down."), status="paused"))
    sections = session.plan.sections()
    filled = {
        "keeps_me_well": _("Going to bed before midnight. Music in the evening. Texting my sister."),
        "early_signs": _(
            "Sleeping badly. Not answering messages. Staying in all day. When I notice them, I tell Sam and use "
            "my list below."
        ),
        "cope_alone": _("Tea, a warm shower, my playlist, a short walk round the block."),
    }
    contacts = {
        "people": (
            Contact(_("Sam (friend)"), "07700 900123", _("evenings")),
            Contact(_("My sister"), "07700 900456", _("any time")),
        ),
        "services": (Contact(_("Crisis line (example)"), "0800 000 0000", _("24 hours")),),
    }
    session.plan.save(
        [replace(s, text=filled.get(s.key, s.text), contacts=contacts.get(s.key, s.contacts)) for s in sections]
    )
    session.plan.set_watched("sign", [_(sign) for sign in _SIGNS])
    session.plan.set_watched("helps", [_(h) for h in _HELPS])
    session.medicines.turn_on(True)
    medicine = session.medicines.add(_("Sertraline"), _("50 mg in the morning"), today - dt.timedelta(days=120))
    session.medicines.note_change(int(medicine.id or 0), today - dt.timedelta(days=20), "change",
                                  _("100 mg in the morning"), _("Agreed with my GP, as my sleep was poor"))  # fmt: skip
    visits = SupportItem(None, _("Care coordinator visits"), _("Community team"), _("monthly"),
                         _("Helpful, but rushed"), _("Fortnightly visits for a while"))  # fmt: skip
    session.support.save(visits)
    session.support.save(
        SupportItem(None, _("Peer support group"), _("Local centre"), _("weekly"), _("The best part of my week"))
    )
    session.appointments.save(
        Appointment(None, today + dt.timedelta(days=3), dt.time(14, 0), _("Alex, my care coordinator"),
                    _("How my sleep has been\nWalking to the shop: how it's going\nQuestions about my medication"))
    )  # fmt: skip


def open_or_create_demo(path: Path) -> JournalSession:
    """Unlock the demo journal at `path`, making it first if it isn't there yet."""
    if path.exists():
        return unlock_journal(path, DEMO_PASSPHRASE)
    session, _recovery_key = create_journal(path, DEMO_PASSPHRASE)
    fill_with_demo_entries(session)
    fill_with_demo_plans(session)
    return session
