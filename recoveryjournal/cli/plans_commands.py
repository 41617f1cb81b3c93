"""Read-only CLI commands for goals, the crisis plan and appointments (enough to check a journal opens)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from recoveryjournal.cli import output
from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import Input
from recoveryjournal.domain.crisis_plan import dialable
from recoveryjournal.domain.goals import STATUSES, WHO
from recoveryjournal.i18n import _


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
