"""CLI commands for goals, the crisis plan, appointments (read-only), what seems to go with better days, and
medicines."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import asdict
from typing import Any

from recoveryjournal.cli import output
from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import Input
from recoveryjournal.domain.crisis_plan import dialable
from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import STATUSES, WHO
from recoveryjournal.domain.medicines import change_line
from recoveryjournal.i18n import _
from recoveryjournal.services.patterns import MIN_DAYS, NOT_CAUSES, patterns


def _plain(value: Any) -> Any:
    """Dates and times as ISO text, for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def cmd_goals(args: argparse.Namespace, inp: Input) -> int:
    """Goals with their steps and who does each."""
    with unlocked(args, inp) as session:
        goals = session.goals.all()
    if args.json:
        print(output.dumps([{"kind": "goal", **_plain(asdict(g))} for g in goals]))
        return 0
    if not goals:
        print(_("No goals yet. You can add them in the app whenever you like."), file=sys.stderr)
    for g in goals:
        print(
            _("#{id}  {title}  ({status}, {steps_done} of {steps} steps done)").format(
                id=g.id, title=g.title, status=_(STATUSES[g.status]), steps_done=g.steps_done, steps=len(g.steps)
            )
        )
        if g.why:
            print(_("    Why it matters: {why}").format(why=g.why))
        for s in g.steps:
            who = _(WHO.get(s.who, s.who)) + (f" ({s.who_name})" if s.who_name else "")
            target = _(", by {date}").format(date=s.target.isoformat()) if s.target else ""
            print(f"    [{'x' if s.done else ' '}] {s.text} — {who}{target}")
    return 0


def cmd_plan(args: argparse.Namespace, inp: Input) -> int:
    """The crisis plan, section by section."""
    with unlocked(args, inp) as session:
        sections = [s for s in session.plan.sections() if not s.skipped]
    if args.json:
        print(output.dumps([{"kind": "plan_section", **_plain(asdict(s))} for s in sections]))
        return 0
    if all(s.is_empty for s in sections):
        print(_("Your crisis plan is empty so far. You can write it in the app, in your own words, when you're ready."))
        return 0
    for s in sections:
        if s.is_empty:
            continue
        print(f"== {s.title} ==")
        if s.text.strip():
            print(s.text.rstrip())
        for c in s.contacts:
            number = _(" (dial {dialable})").format(dialable=dialable(c.reach)) if dialable(c.reach) else ""
            print(f"  {c.name}: {c.reach}{number}" + (f", {c.when}" if c.when else ""))
        print()
    return 0


def cmd_appointments(args: argparse.Namespace, inp: Input) -> int:
    """Appointments with their agendas and what was agreed."""
    with unlocked(args, inp) as session:
        appointments = session.appointments.all()
    if args.json:
        print(output.dumps([{"kind": "appointment", **_plain(asdict(a))} for a in appointments]))
        return 0
    if not appointments:
        print(_("No appointments yet."), file=sys.stderr)
    for a in appointments:
        when = a.date.isoformat() + (f" {a.time.strftime('%H:%M')}" if a.time else "")
        print(f"#{a.id}  {when}  {a.with_whom}")
        for line in a.talk_about.splitlines():
            if line.strip():
                print(_("    To talk about: {topic}").format(topic=line.strip()))
        for g in a.agreements:
            print(
                _("    Agreed: {text} — {who}").format(text=g.text, who=_(WHO.get(g.who, g.who)))
                + (f" ({g.who_name})" if g.who_name else "")
            )
    return 0


def cmd_patterns(args: argparse.Namespace, inp: Input) -> int:
    """What seems to go with better days, as sentences with their counts."""
    last = parse_date(args.last) if args.last else dt.date.today()
    with unlocked(args, inp) as session:
        first = parse_date(args.first) if args.first else min(session.checkins.first_date() or last, last)
        if last < first:
            raise InvalidInput(_("The dates are the wrong way round: {last} comes before {first}.").format(
                first=first.isoformat(), last=last.isoformat()))  # fmt: skip
        found = patterns(session, first, last)
    if args.json:
        print(output.dumps([p.as_json() for p in found]))
        return 0
    if not found:
        print(_("Nothing to say yet: a sentence appears once a sign you noticed, or something that helped, has at "
                "least {n} days with it and {n} without.").format(n=MIN_DAYS), file=sys.stderr)  # fmt: skip
        return 0
    for p in found:
        print(p.sentence)
    print("\n" + _(NOT_CAUSES))
    return 0


def cmd_medicines(args: argparse.Namespace, inp: Input) -> int:
    """The medicine list and its history; or turn medicines on or off, add one, or note a change or stop."""
    with unlocked(args, inp) as session:
        meds = session.medicines
        when = parse_date(args.date) if args.date else dt.date.today()
        if args.turn_on or args.turn_off:
            meds.turn_on(bool(args.turn_on))
            print(_("Medicines are now on for this journal.") if args.turn_on else
                  _("Medicines are now off. Nothing you wrote was removed."), file=sys.stderr)  # fmt: skip
        changing = args.add or args.change is not None or args.stop is not None
        if changing and not meds.turned_on:
            raise InvalidInput(_("Medicines are turned off for this journal. Turn them on first, in the app's "
                                 "Settings or with --turn-on."))  # fmt: skip
        if args.add:
            print(meds.add(args.add, args.take, when if args.date else None).id)
        if args.change is not None:
            meds.note_change(args.change, when, "change", args.take, args.why)
        if args.stop is not None:
            meds.note_change(args.stop, when, "stop", "", args.why)
        if changing or args.turn_on or args.turn_off:
            return 0
        if not meds.turned_on:
            print(_("Medicines are turned off for this journal. You can turn them on in Settings, or with "
                    "`medicines JOURNAL --turn-on`."), file=sys.stderr)  # fmt: skip
            if args.json:
                print("[]")
            return 0
        medicines = meds.all()
    if args.json:
        print(output.dumps([{"kind": "medicine", **_plain(asdict(m)), "now": m.now} for m in medicines]))
        return 0
    if not medicines:
        print(_("No medicines noted yet."), file=sys.stderr)
    for m in medicines:
        since = _(", since {date}").format(date=m.since.isoformat()) if m.since else ""
        print(f"#{m.id}  {m.name}  {m.what_i_take}{since}".rstrip())
        for c in m.changes:
            print(f"    {c.date.isoformat()}  {change_line(m, c)}")
    return 0
