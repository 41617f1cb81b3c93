"""`share`: the same exporter as the window, from the command line, with the same share log."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import SEEN_BY_OTHERS, Input, read_words_file
from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.share import FORMATS, ShareRequest
from recoveryjournal.i18n import _
from recoveryjournal.services.exporter import Exporter, PdfRenderer, check_password
from recoveryjournal.services.pdf_protection import suggest_password
from recoveryjournal.services.policy import load_policy
from recoveryjournal.services.share_service import SINCE_LAST_APPOINTMENT, since_last_appointment


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of the share command."""
    p.description = f"{p.description} {_(SEEN_BY_OTHERS)}"
    p.add_argument("--to", default="", metavar="NAME", help=_("who it is for (kept in your journal's share log)"))
    p.add_argument("--format", choices=FORMATS, default="pdf")
    p.add_argument("--output", required=True, type=Path, metavar="FILE", help=_("where to save it (nowhere else)"))
    p.add_argument("--title", default=_("Shared from my journal"))
    p.add_argument("--author", default="", help=_("your name on the document, if you want one"))
    p.add_argument("--entry", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--entry-tags", action="store_true", help=_("with the tags of each entry"))
    p.add_argument("--checkin", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--goal", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--goal-risks", action="store_true", help=_("with each goal's risk I choose to take"))
    p.add_argument("--goal-helpers", action="store_true", help=_("with the names of people who help with my goals"))
    p.add_argument(
        "--plan-section", action="append", default=[], metavar="ID", help=_("a section key, as in `plan --json`")
    )
    p.add_argument("--appointment", type=int, action="append", default=[], metavar="ID")
    p.add_argument(
        "--mood-summary",
        metavar="FROM:TO",
        help=_("how I've been (mood, sleep, anxiety, with a chart) for these dates, or since-last-appointment"),
    )
    p.add_argument(
        "--patterns", metavar="FROM:TO",
        help=_("what seems to go with better days, for these dates (or since-last-appointment)"),
    )  # fmt: skip
    p.add_argument("--medicines", action="store_true",
                   help=_("my medicines: the list, its changes on the chart, and my check-ins' answers"))  # fmt: skip
    p.add_argument(
        "--summary-only",
        action="store_true",
        help=_("just the summary, on one page: my points, how I've been, my goals in a line each"),
    )
    p.add_argument("--redact", action="append", default=[], metavar="TEXT", help=_("words to leave out (repeat)"))
    p.add_argument("--redact-file", metavar="FILE", help=_("words to leave out, one per line, from FILE"))
    p.add_argument("--overwrite", action="store_true", help=_("replace FILE (only that file) if it exists"))
    p.add_argument(
        "--protect",
        action="store_true",
        help=_("protect the PDF with a password of five plain words, printed once on the output"),
    )
    p.add_argument("--protect-with-file", metavar="FILE",
                   help=_("protect the PDF with the password on the first line of FILE"))  # fmt: skip


def cmd_share(args: argparse.Namespace, inp: Input) -> int:
    """Build, write whole, and only then log the share (services.exporter)."""
    mood_range, patterns_range = _dates(args.mood_summary), _dates(args.patterns)
    from_file = (read_words_file(args.redact_file) or "").splitlines()
    request = ShareRequest(
        recipient=args.to, title=args.title, author=args.author, entry_ids=tuple(args.entry),
        checkin_ids=tuple(args.checkin), mood_range=mood_range, goal_ids=tuple(args.goal),
        plan_keys=tuple(args.plan_section), appointment_ids=tuple(args.appointment),
        redactions=tuple(p for p in (*args.redact, *from_file) if p.strip()), entry_tags=args.entry_tags,
        goal_risks=args.goal_risks, goal_helpers=args.goal_helpers, summary_only=args.summary_only,
        medicines=args.medicines, patterns=patterns_range,
    )  # fmt: skip
    password = _password(args)
    if password is not None:
        check_password(password, args.format)  # a JSON or CSV can't be protected: said before anything is opened
    with unlocked(args, inp) as session:
        if SINCE_LAST_APPOINTMENT in (args.mood_summary, args.patterns):
            since = since_last_appointment(session.appointments)
            mood_range = since if args.mood_summary == SINCE_LAST_APPOINTMENT else mood_range
            patterns_range = since if args.patterns == SINCE_LAST_APPOINTMENT else patterns_range
            request = replace(request, mood_range=mood_range, patterns=patterns_range)
        render: PdfRenderer | None = None
        if args.format == "pdf":  # Qt (for the pages) is loaded only for a PDF
            from recoveryjournal.render.pdf import pdf_bytes

            render = pdf_bytes
        outcome = Exporter(load_policy(), render).share(session, request, args.format, args.output,
                                                        overwrite=args.overwrite, password=password)  # fmt: skip
    if outcome.done and args.protect:
        print(_("Password for this file: {password}").format(password=password))
    print(outcome.sentence, file=sys.stderr)
    if outcome.done and args.protect_with_file and _spaced(args.protect_with_file):
        print(_("The spaces before or after the password on the first line of {file} were left out: the password "
                "is the words between them.").format(file=args.protect_with_file), file=sys.stderr)  # fmt: skip
    return outcome.exit_code


def _dates(value: str | None) -> tuple[dt.date, dt.date] | None:
    """FROM:TO (or one day) as dates; None for none, or for since-last-appointment (known once unlocked)."""
    if not value or value == SINCE_LAST_APPOINTMENT:
        return None
    first, _sep, last = value.partition(":")
    return parse_date(first), parse_date(last or first)


def _spaced(path: str) -> bool:
    """The first line of a password file starts or ends with spaces (left out of the password: said so)."""
    lines = (read_words_file(path) or "").splitlines()
    return bool(lines) and lines[0] != lines[0].strip()


def _password(args: argparse.Namespace) -> str | None:
    """The password asked for: suggested words (--protect), the first line of a file, or none."""
    if args.protect_with_file:
        lines = (read_words_file(args.protect_with_file) or "").splitlines()
        return lines[0].strip() if lines else ""
    return suggest_password() if args.protect else None
