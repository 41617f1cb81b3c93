"""backup, restore, export-all and import: keeping a journal safe and bringing history in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import Input
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _
from recoveryjournal.services import backup_service, import_service
from recoveryjournal.services.policy import load_policy


def add_arguments(add) -> None:  # type: ignore[no-untyped-def]
    """Register the four commands on the main parser's `add` helper."""
    p = add("backup", cmd_backup, _("write one encrypted, checked backup file of the journal"))
    p.add_argument("dest", metavar="DEST", help=_("a new file name, or an existing folder (a dated name is chosen)"))
    p = add("restore", cmd_restore, _("check a backup, then restore it as a new journal"), unlocks=False)
    p.add_argument("backup", metavar="BACKUP", help=_("the backup file (.rjbackup)"))
    p.add_argument(
        "journal", metavar="NEWJOURNAL", help=_("where the restored journal goes: a new name, where nothing is yet")
    )
    p.add_argument("--recovery-key", action="store_true", help=_("unlock the backup with its recovery key"))
    p = add("export-all", cmd_export_all, _("everything in the journal as one JSON file (NOT encrypted)"))
    p.add_argument("--output", required=True, metavar="FILE", help=_("the JSON file to write"))
    p.add_argument("--overwrite", action="store_true", help=_("replace FILE (only that file) if it exists"))
    p = add("policy", cmd_policy, _("for support workers: the machine policy, and whether this PC keeps traces"),
            unlocks=False)  # fmt: skip
    p.add_argument("--check", action="store_true",
                   help=_("look for anything on this account naming a journal or export (exit 1 if "
                          "found)"))  # fmt: skip
    p = add("import", cmd_import, _("bring in entries and check-ins from another app's export, or from export-all"))
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--from", dest="kind", required=True, choices=import_service.KINDS, help=_("what kind of file it is")
    )
    p.add_argument("--dry-run", action="store_true", help=_("only show what would come in; change nothing"))
    p.add_argument("--mood-map", metavar="WORD=N,…",
                   help=_("Daylio moods as numbers 1-10 (default rad=9,good=7,meh=5,bad=3,awful=1)"))  # fmt: skip
    p.add_argument("--activities", choices=("feelings", "helped", "tags"), default="feelings",
                   help=_("Daylio activities become check-in feelings (default), what helped in each check-in, "
                          "or entry tags"))  # fmt: skip


def cmd_backup(args: argparse.Namespace, inp: Input) -> int:
    """Back up now."""
    with unlocked(args, inp) as session:
        result = session.backups.back_up(Path(args.dest), policy=load_policy())
    print(result.path)
    print(result.message(), file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace, inp: Input) -> int:
    """Unlock and check the backup, say what it holds, then restore it as a new journal."""
    label = _("Recovery key of the backup: ") if args.recovery_key else _("Passphrase of the backup: ")
    prepared = backup_service.prepare_restore(
        args.backup, args.journal, inp.secret(label), recovery_key=args.recovery_key
    )
    holds = "; ".join(prepared.summary.lines())
    print(_("The backup opened and passed its checks. It holds: {what}.").format(what=holds), file=sys.stderr)
    place = prepared.commit()
    print(place)
    print(
        _("Restored as {place}. It opens with the backup's passphrase and recovery key.").format(place=place),
        file=sys.stderr,
    )
    return 0


def cmd_export_all(args: argparse.Namespace, inp: Input) -> int:
    """Everything as JSON, with a warning that it isn't encrypted (the shared PC's rules apply, as to shares)."""
    from recoveryjournal.services.exporter import Exporter

    with unlocked(args, inp) as session:
        outcome = Exporter(load_policy()).export_all(session, args.output, overwrite=args.overwrite)
    if outcome.done:
        print(outcome.path)
    print(outcome.sentence, file=sys.stderr)
    return outcome.exit_code


def cmd_import(args: argparse.Namespace, inp: Input) -> int:
    """Preview, then (unless --dry-run) bring it in."""
    mood_map = _mood_map(args.mood_map)
    with unlocked(args, inp) as session:
        preview = session.imports.read_file(args.file, args.kind, mood_map=mood_map,
                                           activities_as=args.activities)  # fmt: skip
        print("\n".join(preview.lines()), file=sys.stderr)
        if args.dry_run:
            print(_("This was a dry run: nothing has been changed."), file=sys.stderr)
            return 0
        outcome = session.imports.bring_in(preview)
    print(outcome.message(), file=sys.stderr)
    return 0


def _mood_map(text: str | None) -> dict[str, int]:
    result: dict[str, int] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        word, _sep, number = part.rpartition("=")
        if not word.strip() or not number.strip().isdigit() or not 1 <= int(number) <= 10:
            raise InvalidInput(
                _("“{text}” should look like word=number, with a number from 1 to 10.").format(text=part.strip())
            )
        result[word.strip()] = int(number)
    return result


def cmd_policy(args: argparse.Namespace, inp: Input) -> int:
    """Show the policy in force; with --check, also look for traces (exit 0 clean, 1 with a list)."""
    from recoveryjournal.services.pc_check import check_this_pc

    report = check_this_pc()
    print("\n".join(report.lines() if args.check else report.policy_lines()))
    return 0 if report.clean or not args.check else 1
