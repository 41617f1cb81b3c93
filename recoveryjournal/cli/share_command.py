"""`share`: the same sharing service as the window, from the command line, with the same share log."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import Input
from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.i18n import _, ngettext
from recoveryjournal.services import mood_stats
from recoveryjournal.services.destinations import check_place_for_files, explain_destination_errors
from recoveryjournal.services.policy import load_policy
from recoveryjournal.services.share_service import NOT_LOGGED, build, write_data


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options of the share command."""
    p.add_argument("--to", default="", metavar="NAME", help=_("who it is for (kept in your journal's share log)"))
    p.add_argument("--format", choices=("pdf", "json", "csv"), default="pdf")
    p.add_argument("--output", required=True, type=Path, metavar="FILE", help=_("where to save it (nowhere else)"))
    p.add_argument("--title", default=_("Shared from my journal"))
    p.add_argument("--author", default="", help=_("your name on the document, if you want one"))
    p.add_argument("--entry", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--checkin", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--goal", type=int, action="append", default=[], metavar="ID")
    p.add_argument(
        "--plan-section", action="append", default=[], metavar="ID", help=_("a section key, as in `plan --json`")
    )
    p.add_argument("--appointment", type=int, action="append", default=[], metavar="ID")
    p.add_argument("--mood-summary", metavar="FROM:TO", help=_("a mood summary and chart for these dates"))
    p.add_argument("--redact", action="append", default=[], metavar="TEXT", help=_("words to leave out (repeat)"))
    p.add_argument("--overwrite", action="store_true", help=_("replace FILE if it exists"))


def cmd_share(args: argparse.Namespace, inp: Input) -> int:
    """Build, write, and only then log the share."""
    if args.output.exists() and not args.overwrite:
        raise InvalidInput(
            _("{output} already exists. Choose another name, or add --overwrite to replace it.").format(
                output=args.output
            )
        )
    mood_range = None
    if args.mood_summary:
        first, _sep, last = args.mood_summary.partition(":")
        mood_range = (parse_date(first), parse_date(last or first))
    request = ShareRequest(
        recipient=args.to, title=args.title, author=args.author, entry_ids=tuple(args.entry),
        checkin_ids=tuple(args.checkin), mood_range=mood_range, goal_ids=tuple(args.goal),
        plan_keys=tuple(args.plan_section), appointment_ids=tuple(args.appointment), redactions=tuple(args.redact),
    )  # fmt: skip
    with unlocked(args, inp) as session:
        chart = b""
        if mood_range and args.format == "pdf":
            series = mood_stats.mood_series(session, *mood_range)
            if series.has_data:
                from recoveryjournal.services.charts import draw_mood_figure, figure_png

                chart = figure_png(draw_mood_figure(series))
        package = build(session, request, chart)
        warning = check_place_for_files(Path(args.output), load_policy())
        with explain_destination_errors(_("Nothing was shared.")):
            if args.format == "pdf":
                from recoveryjournal.render.pdf import ensure_gui_application, write_pdf

                ensure_gui_application()
                write_pdf(package.document, args.output)
            else:
                write_data(package, args.format, args.output)
        logged = session.shares.record(package, args.format, str(args.output)) is not None
    note = _("It is in your share log.") if logged else _(NOT_LOGGED)
    n = len(package.items)
    saved = ngettext("Saved {output} with {n} item. {note}", "Saved {output} with {n} items. {note}", n)
    print(saved.format(output=args.output, n=n, note=note), file=sys.stderr)
    if warning:
        print(warning, file=sys.stderr)
    return 0
