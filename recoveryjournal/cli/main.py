"""recoveryjournal-cli: scripted access to a journal, in the spirit of keepassxc-cli."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Callable

from recoveryjournal import __version__
from recoveryjournal.cli import backup_commands, commands, plans_commands, share_command, writing_commands
from recoveryjournal.cli.secrets_input import SEEN_BY_OTHERS, Input, read_words_file
from recoveryjournal.domain.checkin import MEDICINE_ANSWERS
from recoveryjournal.domain.errors import InvalidInput, JournalError
from recoveryjournal.i18n import N_, _, choose_language
from recoveryjournal.services.process_safety import harden_process

EPILOG = N_("""\
The passphrase is read from the terminal without showing it. When the input is not a terminal,
the first line of the input is the passphrase (or, with --recovery-key, the recovery key), so
scripts can use the tool: printf 'my passphrase\\n' | recoveryjournal-cli list JOURNAL

Exit codes:
  0  done
  2  usage: a command, option or value that can't be used
  3  wrong passphrase or recovery key
  4  not a journal, or the journal is damaged (check found a problem)
  5  the journal is open in another copy of the app
  6  the journal's place can't be written (disk full, read-only, stick removed); nothing was lost
  141  the output was closed early (for example by `| head`); nothing was changed
  1  anything else

A journal on a read-only place (a write-protected stick) opens for reading: list, search, check and
share work there; changes are refused with exit 6.

A journal is a folder whose name ends in .rjournal; give it with or without that ending.

Words typed as options can be seen by other people using this computer, in its list of running programs:
an entry's --title and --text (add, edit), a check-in's --note, --feelings, --noticed and --helped, a share's
--to, --author and --redact, a medicine's --add, --take and --why, and the words you search for. For private
words give an entry's text on the input, use --text-file, --note-file or --redact-file, or put any options
(the search words too) in a file, one per line, and give --options-file FILE: they are read from there as if
typed in its place.
""")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """Usage mistakes: a short kind line and exit code 2, never a traceback."""
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """All commands and options."""
    parser = _Parser(
        prog="recoveryjournal-cli",
        description=_("Work with a Recovery Journal from the command line."),
        epilog=_(EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def add(name: str, fn: Callable[..., int], help_text: str, unlocks: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=_(EPILOG),
                           formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
        p.set_defaults(func=fn)
        if unlocks:
            p.add_argument("journal", metavar="JOURNAL", help=_("the journal folder (NAME.rjournal)"))
            p.add_argument("--recovery-key", action="store_true", help=_("unlock with the recovery key instead"))
        return p

    p = add("init", commands.cmd_init, _("create a new journal and print its recovery key once"), unlocks=False)
    p.add_argument("journal", metavar="JOURNAL", help=_("where to make it (.rjournal is added if left out)"))
    p.add_argument("--demo", action="store_true", help=_("fill it with made-up demo entries and check-ins"))
    p = add("demo", commands.cmd_demo, _("make (or reuse) a demo journal and say where it is"), unlocks=False)
    p.add_argument(
        "journal", metavar="JOURNAL", nargs="?", help=_("where (default: the demo folder in your data folder)")
    )
    p = add("add", commands.cmd_add, _("add an entry; its text is --text or the rest of the input"))
    p.add_argument("--title", help=_("a title (optional)"))
    p.add_argument("--date", help=_("the day it is about, YYYY-MM-DD (default today)"))
    p.add_argument("--text", help=_("the entry's text (instead of reading it from the input)"))
    p.add_argument("--text-file", metavar="FILE", help=_("the entry's text, from FILE (private words stay private)"))
    p.add_argument("--tags", help=_("tags, separated by commas"))
    p.add_argument("--template", metavar="NAME",
                   help=_("start from one of your prompts (see `templates`); your words follow its lines"))  # fmt: skip
    p = add("edit", commands.cmd_edit, _("change an entry's title, date or text"))
    p.description = f"{p.description} {_(SEEN_BY_OTHERS)}"
    p.add_argument("entry_id", metavar="ENTRY_ID", type=int)
    p.add_argument("--title")
    p.add_argument("--date")
    p.add_argument("--text")
    p.add_argument("--text-file", metavar="FILE", help=_("the entry's text, from FILE (private words stay private)"))
    p = add("delete", commands.cmd_delete, _("delete an entry for good"))
    p.add_argument("entry_id", metavar="ENTRY_ID", type=int)
    p = add("list", commands.cmd_list, _("entries and check-ins, newest first"))
    p.add_argument("--json", action="store_true", help=_("one JSON object per item (kind, id, date, title, text, …)"))
    p.add_argument("--kind", choices=("all", "entries", "checkins"), default="all", help=_("which items (default all)"))
    p = add("show", commands.cmd_show, _("show one entry"))
    p.add_argument("entry_id", metavar="ENTRY_ID", type=int)
    p.add_argument("--json", action="store_true")
    p = add("checkin", commands.cmd_checkin, _("record a mood check-in"))
    p.description = f"{p.description} {_(SEEN_BY_OTHERS)}"
    p.add_argument("--mood", type=commands.require_mood, required=True, help=_("1 (very low) to 10 (really good)"))
    p.add_argument("--sleep", type=float, help=_("hours slept"))
    p.add_argument("--anxiety", type=int, help=_("1 (calm) to 10"))
    p.add_argument("--energy", type=int, help=_("1 (exhausted) to 10"))
    p.add_argument("--feelings", help=_("feelings in your own words, separated by commas"))
    p.add_argument("--note", help=_("a short note"))
    p.add_argument("--note-file", metavar="FILE", help=_("the note, from FILE (private words stay private)"))
    p.add_argument("--date", help=_("the day, YYYY-MM-DD (default today)"))
    p.add_argument("--noticed", action="append", metavar="SIGN",
                   help=_("one of your own signs you noticed (repeat for more)"))  # fmt: skip
    p.add_argument("--helped", action="append", metavar="WHAT", help=_("something that helped (repeat for more)"))
    p.add_argument("--medicines", choices=tuple(MEDICINE_ANSWERS), help=_("took my medicines: all, some or none"))
    p = add("search", commands.cmd_search, _("search entries and check-in notes (nothing found is not an error)"))
    p.description = f"{p.description} {_(SEEN_BY_OTHERS)}"
    p.add_argument("query", metavar="QUERY", help=_("any words; quotes, stars and brackets are just text"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--since", help=_("only from this day, YYYY-MM-DD"))
    p.add_argument("--until", help=_("only up to this day, YYYY-MM-DD"))
    p.add_argument("--tag", help=_("only entries with this tag"))
    for name, fn, text in (
        ("goals", plans_commands.cmd_goals, _("your recovery goals and their steps (read-only)")),
        ("plan", plans_commands.cmd_plan, _("print your crisis plan (read-only)")),
        ("appointments", plans_commands.cmd_appointments, _("your appointments, agendas and agreements (read-only)")),
    ):
        add(name, fn, text).add_argument("--json", action="store_true")
    p = add("patterns", plans_commands.cmd_patterns,
            _("what seems to go with better days: sentences with their counts (not causes)"))  # fmt: skip
    p.add_argument("--from", dest="first", metavar="DATE", help=_("from this day, YYYY-MM-DD (default: the first "
                                                                   "check-in)"))  # fmt: skip
    p.add_argument("--to", dest="last", metavar="DATE", help=_("up to this day, YYYY-MM-DD (default today)"))
    p.add_argument("--json", action="store_true")
    p = add("medicines", plans_commands.cmd_medicines,
            _("your medicines and their changes (when turned on), or add and change them"))  # fmt: skip
    p.description = f"{p.description} {_(SEEN_BY_OTHERS)}"
    p.add_argument("--json", action="store_true")
    switch = p.add_mutually_exclusive_group()
    switch.add_argument("--turn-on", action="store_true", help=_("turn medicines on for this journal"))
    switch.add_argument("--turn-off", action="store_true", help=_("turn them off (nothing is removed)"))
    p.add_argument("--add", metavar="NAME", help=_("add a medicine, in your own words"))
    p.add_argument("--change", metavar="ID", type=int, help=_("note a change to medicine ID (with --take)"))
    p.add_argument("--stop", metavar="ID", type=int, help=_("note that you stopped medicine ID"))
    p.add_argument("--take", metavar="WORDS", default="", help=_('what you take, e.g. "50 mg in the morning"'))
    p.add_argument("--date", help=_("since when, or the day of the change, YYYY-MM-DD (default today)"))
    p.add_argument("--why", default="", help=_("why it changed, if you'd like to note it"))
    p = add("templates", writing_commands.cmd_templates, _("your prompts, to start an entry from (add --template)"))
    p.add_argument("--json", action="store_true", help=_('a JSON list: [{"name": …, "text": …}]'))
    tags_help = _("your tags with how many entries use each; rename or merge one")
    writing_commands.add_tags_arguments(add("tags", writing_commands.cmd_tags, tags_help))
    share_command.add_arguments(add("share", share_command.cmd_share,
                                    _("share chosen items as PDF, a web page (HTML), JSON or CSV")))  # fmt: skip
    backup_commands.add_arguments(add)
    add("passwd", commands.cmd_passwd, _("choose a new passphrase (input: current, then new)"))
    add("check", commands.cmd_check, _("check the journal is whole and really encrypted"))
    return parser


OPTIONS_FILE = "--options-file"


def with_options_file(argv: list[str]) -> list[str]:
    """`--options-file FILE` (anywhere, any number of times) replaced by FILE's lines, one argument each, so any
    private words (a check-in's signs, a share's recipient, search words) never stand in the list of running
    programs. FILE is UTF-8; its empty lines are skipped."""
    out: list[str] = []
    words = iter(argv)
    for word in words:
        if word == OPTIONS_FILE or word.startswith(OPTIONS_FILE + "="):
            path = word.partition("=")[2] if "=" in word else next(words, None)
            if not path:
                raise InvalidInput(_("--options-file needs a FILE: the options in it, one per line."))
            text = read_words_file(path) or ""
            out += [line.rstrip("\r") for line in text.split("\n") if line.strip()]
        else:
            out.append(word)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run one command; messages go to stderr, never a traceback (unless RECOVERYJOURNAL_DEBUG=1)."""
    harden_process()
    choose_language()
    parser = build_parser()
    try:
        args = parser.parse_args(with_options_file(sys.argv[1:] if argv is None else argv))
        return int(args.func(args, Input()))
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 2
    except InvalidInput as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except JournalError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("Stopped. Nothing more was changed."), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `list … | head`: the reader had enough; not a crash, so no words about one
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a program stopped by a closed pipe ends with (128 + SIGPIPE), as other tools do
    except Exception:  # the last safety net: a kind sentence, the details only on request
        if os.environ.get("RECOVERYJOURNAL_DEBUG") == "1":
            traceback.print_exc()
        print(_("Something unexpected went wrong. Your journal has not been changed by this."), file=sys.stderr)
        return 1
