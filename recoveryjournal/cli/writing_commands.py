"""Writing in my own way, from the command line: my tags (list them, rename or merge one) and my prompts."""

from __future__ import annotations

import argparse
import sys

from recoveryjournal.cli import output
from recoveryjournal.cli.commands import unlocked
from recoveryjournal.cli.secrets_input import Input
from recoveryjournal.i18n import _, ngettext


def cmd_tags(args: argparse.Namespace, inp: Input) -> int:
    """Each tag with how many entries use it; or rename one (merging into a tag that has the new name)."""
    with unlocked(args, inp) as session:
        if args.rename:
            old, new = args.rename
            known = {name.casefold(): name for name, _n in session.entries.tag_counts()}
            if old.strip().lstrip("#").casefold() not in known:
                print(_("There's no tag “{tag}” in this journal (see `tags`). Nothing was changed.").format(tag=old),
                      file=sys.stderr)  # fmt: skip
                return 2
            merging = new.strip().lstrip("#").casefold() in known and new.casefold() != old.casefold()
            moved = session.entries.rename_tag(known[old.strip().lstrip("#").casefold()], new)
            said = _("“{old}” and “{new}” are one tag now.") if merging else _("“{old}” is called “{new}” now.")
            count = ngettext("It was on {n} entry.", "It was on {n} entries.", moved).format(n=moved)
            print(said.format(old=old, new=new.strip().lstrip("#")) + " " + count, file=sys.stderr)
        counts = session.entries.tag_counts()
    if args.json:
        print(output.dumps([{"tag": name, "count": n} for name, n in counts]))
        return 0
    if not counts:
        print(_("No tags yet. You can give an entry tags with add --tags."), file=sys.stderr)
    for name, n in counts:
        print(f"{n:>6}  {name}")
    return 0


def cmd_templates(args: argparse.Namespace, inp: Input) -> int:
    """My prompts: each one's name and the lines an entry starts with (`add --template NAME` uses one)."""
    with unlocked(args, inp) as session:
        prompts = session.prompts.all()
    if args.json:
        print(output.dumps([{"name": p.name, "text": p.text} for p in prompts]))
        return 0
    if not prompts:
        print(_("No prompts. You can add your own in the app (Journal ▸ New entry from a prompt…)."), file=sys.stderr)
    for p in prompts:
        print(p.name)
        for line in p.text.rstrip("\n").splitlines():
            print(f"    {line}")
    return 0


def add_tags_arguments(p: argparse.ArgumentParser) -> None:
    """Options of the tags command."""
    p.add_argument("--json", action="store_true", help=_('a JSON list: [{"tag": …, "count": …}]'))
    p.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"),
                   help=_("give tag OLD the name NEW on every entry (merged into NEW if it exists)"))  # fmt: skip
