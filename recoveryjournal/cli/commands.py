"""What each CLI command does. Each takes the parsed arguments and an Input, prints, and returns an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from recoveryjournal.cli import output
from recoveryjournal.cli.secrets_input import Input, read_words_file
from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.search import SearchFilters
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.demo import fill_with_demo_entries, fill_with_demo_plans, open_or_create_demo
from recoveryjournal.services.destinations import check_place_for_journal
from recoveryjournal.services.journal_service import JournalSession, create_journal, unlock_journal
from recoveryjournal.services.locations import DEMO_PASSPHRASE, demo_journal_path
from recoveryjournal.services.policy import load_policy

RECOVERY_KEY_NOTE = N_(
    "Write this recovery key down and keep it somewhere safe. It opens your journal if you forget your passphrase.\n"
    "It is shown only this once."
)


@contextmanager
def unlocked(args: argparse.Namespace, inp: Input) -> Iterator[JournalSession]:
    """The journal, unlocked with the passphrase or (--recovery-key) the recovery key; locked again after."""
    if args.recovery_key:
        session = unlock_journal(args.journal, inp.secret(_("Recovery key: ")), recovery_key=True)
    else:
        session = unlock_journal(args.journal, inp.secret("Passphrase: "))
    try:
        yield session
    finally:
        session.lock()


def _text_option(args: argparse.Namespace, otherwise: Callable[[], str]) -> str:
    """An entry's text: --text-file, else --text, else `otherwise` (the input, or what it was)."""
    if args.text_file is not None:
        return read_words_file(args.text_file) or ""
    return args.text if args.text is not None else otherwise()


def _optional_date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def cmd_init(args: argparse.Namespace, inp: Input) -> int:
    """Create a journal and print its recovery key once (on a shared PC, only on a USB stick if so set)."""
    check_place_for_journal(Path(args.journal).expanduser().absolute().parent, load_policy())
    passphrase = inp.secret(_("Choose a passphrase: "), confirm=_("Type it again: "))
    session, recovery_key = create_journal(args.journal, passphrase)
    try:
        if args.demo:
            fill_with_demo_entries(session)
            fill_with_demo_plans(session)
        print(_("Made your journal at {path}").format(path=session.path), file=sys.stderr)
        print(_("Recovery key: {recovery_key}").format(recovery_key=recovery_key))
        print(_(RECOVERY_KEY_NOTE), file=sys.stderr)
    finally:
        session.lock()
    return 0


def cmd_demo(args: argparse.Namespace, inp: Input) -> int:
    """Make (or reuse) the demo journal and say where it is."""
    path = Path(args.journal) if args.journal else demo_journal_path()
    session = open_or_create_demo(path)
    try:
        print(_("Demo journal: {path}").format(path=session.path))
        print(_("Its passphrase is: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    finally:
        session.lock()
    return 0


def cmd_add(args: argparse.Namespace, inp: Input) -> int:
    """Add an entry; its text is --text or the rest of stdin."""
    with unlocked(args, inp) as session:
        prompt = session.prompts.named(args.template) if args.template else None  # before reading the input
        text = _text_option(args, inp.rest)
        if prompt is not None:  # the prompt's lines, then my words
            text = prompt.text.rstrip("\n") + ("\n" + text if text.strip() else "\n")
        tags = [t for t in (args.tags or "").split(",") if t.strip()]
        day = _optional_date(args.date)
        now = None if day else dt.datetime.now().time().replace(second=0, microsecond=0)
        title = args.title if args.title is not None else (prompt.name if prompt is not None else "")
        entry = session.entries.add(text, title, day, time=now, tags=tags)
        print(entry.id)
    return 0


def cmd_edit(args: argparse.Namespace, inp: Input) -> int:
    """Change an entry's title, date or text."""
    with unlocked(args, inp) as session:
        old = session.entries.get(args.entry_id)
        session.entries.update(
            old.id or 0,
            _text_option(args, lambda: old.text),
            args.title if args.title is not None else old.title,
            _optional_date(args.date) or old.date,
        )
        print(_("Entry {id} saved.").format(id=old.id), file=sys.stderr)
    return 0


def cmd_delete(args: argparse.Namespace, inp: Input) -> int:
    """Delete an entry for good."""
    with unlocked(args, inp) as session:
        session.entries.delete(args.entry_id)
        print(_("Entry {entry_id} deleted.").format(entry_id=args.entry_id), file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace, inp: Input) -> int:
    """Entries and check-ins, newest first."""
    with unlocked(args, inp) as session:
        items: list[tuple[tuple[str, str, int], dict[str, object], str]] = []
        if args.kind in ("all", "entries"):
            for e in session.entries.newest_first():
                key = (e.date.isoformat(), e.time.strftime("%H:%M") if e.time else "", e.id or 0)
                items.append((key, output.entry_json(e), output.entry_block(e)))
        if args.kind in ("all", "checkins"):
            for c in session.checkins.between():
                key = (c.date.isoformat(), c.time.strftime("%H:%M"), c.id or 0)
                items.append((key, output.checkin_json(c), output.checkin_block(c)))
        items.sort(key=lambda item: item[0], reverse=True)
        if args.json:
            print(output.dumps([obj for _key, obj, _text in items]))
        elif items:
            print("\n\n".join(text for _key, _obj, text in items))
        else:
            print(_("This journal is empty so far."), file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace, inp: Input) -> int:
    """One entry."""
    with unlocked(args, inp) as session:
        entry = session.entries.get(args.entry_id)
        print(output.dumps(output.entry_json(entry)) if args.json else output.entry_block(entry))
    return 0


def cmd_checkin(args: argparse.Namespace, inp: Input) -> int:
    """Record a mood check-in."""
    with unlocked(args, inp) as session:
        when = None
        if args.date:
            when = dt.datetime.combine(parse_date(args.date), dt.datetime.now().time())
        feelings = [f for f in (args.feelings or "").split(",") if f.strip()]
        checkin = session.checkins.add(
            args.mood, sleep_hours=args.sleep, anxiety=args.anxiety, energy=args.energy, feelings=feelings,
            note=read_words_file(args.note_file) or args.note or "", when=when, noticed=args.noticed or (),
            helped=args.helped or (), medicines=args.medicines,
        )  # fmt: skip
        print(checkin.id)
        print(_("Saved. Thank you for checking in."), file=sys.stderr)
        if args.medicines and not session.medicines.turned_on:
            kept = _("Your medicines answer is kept. Medicines are turned off in this journal, so the app shows it "
                     "once you turn them on (Settings, or `medicines JOURNAL --turn-on`).")  # fmt: skip
            print(kept, file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace, inp: Input) -> int:
    """Search entries and check-in notes; no match is not an error."""
    with unlocked(args, inp) as session:
        filters = SearchFilters(first=_optional_date(args.since), last=_optional_date(args.until), tag=args.tag)
        hits = session.search(args.query, filters)
        if args.json:
            print(output.dumps([output.hit_json(h) for h in hits]))
        elif hits:
            for h in hits:
                label = h.title or (_("Check-in note") if h.kind == "checkin" else _("Entry"))
                print(f"{h.kind} #{h.id}  {h.date.isoformat()}  {label}\n    {output.plain_snippet(h)}")
        else:
            print(
                _("Nothing found for “{query}”. Try fewer words, or a different word.").format(query=args.query),
                file=sys.stderr,
            )
    return 0


def cmd_passwd(args: argparse.Namespace, inp: Input) -> int:
    """Change the passphrase (using the current one, or the recovery key)."""
    label = _("Recovery key: ") if args.recovery_key else _("Current passphrase: ")
    current = inp.secret(label)
    session = unlock_journal(args.journal, current, recovery_key=args.recovery_key)
    try:
        new = inp.secret(_("New passphrase: "), confirm=_("Type the new passphrase again: "))
        session.change_passphrase(current, new, current_is_recovery_key=args.recovery_key)
        print(_("Your passphrase has been changed. Your recovery key still works."), file=sys.stderr)
    finally:
        session.lock()
    return 0


def cmd_check(args: argparse.Namespace, inp: Input) -> int:
    """Integrity and encryption checks; exit 4 when a check finds a problem."""
    with unlocked(args, inp) as session:
        report = session.check()
    print("\n".join(report.lines))
    return 0 if report.ok else 4


def require_mood(value: str) -> int:
    """argparse type for --mood: a whole number (range is checked by the service, kindly)."""
    try:
        return int(value)
    except ValueError:
        raise InvalidInput(_("Mood is a number from 1 to 10, not “{value}”.").format(value=value)) from None
