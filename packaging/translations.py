"""Keep the translation catalogue in step with the code (gettext files, made with Babel).

    python packaging/translations.py update    # code → recoveryjournal.pot → each language's .po (new words empty)
    python packaging/translations.py compile   # each .po → .mo (what the app reads)
    python packaging/translations.py check     # exit 1 if the .pot, a .po or a .mo is behind the code

After `update`, translate the new or changed words in resources/translations/LANG/LC_MESSAGES/recoveryjournal.po
(Poedit or any text editor), remove their "fuzzy" mark, then `compile`. docs/translating.md says more.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
POT = FOLDER / "recoveryjournal.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
LANGUAGES = ("es",)


def extract() -> Catalog:
    """Every marked string in the package, with where it is used."""
    catalog = Catalog(project="Recovery Journal", msgid_bugs_address="", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT / "recoveryjournal", method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=("Translators:",), strip_comment_tags=True,
    ):  # fmt: skip
        catalog.add(message, None, [(f"recoveryjournal/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / "recoveryjournal.po"


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=120, sort_output=False, omit_header=False, include_previous=True)
    return _without_dates(out.getvalue())


def _without_dates(po: bytes) -> bytes:
    """Drop the creation/revision dates from a header so an unchanged catalogue is byte-for-byte the same."""
    return b"\n".join(line for line in po.split(b"\n") if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision')))


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalogue brought up to the template (new words empty, changed ones fuzzy)."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=language)
    else:
        catalog = Catalog(locale=language, project="Recovery Journal", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=False)
    catalog.obsolete.clear()
    return catalog


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalogue; its header's dates are fixed, so the same .po always gives the same bytes."""
    catalog.creation_date = catalog.revision_date = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def missing(catalog: Catalog) -> list[str]:
    """Messages with no translation yet, or only a guessed (fuzzy) one."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            found.append(message.id if isinstance(message.id, str) else message.id[0])
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    template = extract()
    if command == "update":
        POT.parent.mkdir(parents=True, exist_ok=True)
        POT.write_bytes(_po_bytes(template))
        for language in LANGUAGES:
            po_path(language).parent.mkdir(parents=True, exist_ok=True)
            catalog = updated(language, template)
            po_path(language).write_bytes(_po_bytes(catalog))
            print(f"{language}: {len(missing(catalog))} to translate")
        return 0
    if command == "compile":
        for language in LANGUAGES:
            with po_path(language).open("rb") as f:
                catalog = read_po(f, locale=language)
            po_path(language).with_suffix(".mo").write_bytes(mo_bytes(catalog))
            print(f"{language}: compiled, {len(missing(catalog))} still to translate")
        return 0
    if command == "check":
        problems = []
        if not POT.exists() or POT.read_bytes() != _po_bytes(template):
            problems.append("recoveryjournal.pot is behind the code: run `python packaging/translations.py update`")
        wanted = {m.id for m in template if m.id}
        for language in LANGUAGES:
            with po_path(language).open("rb") as f:
                catalog = read_po(f, locale=language)
            if {m.id for m in catalog if m.id} != wanted:
                problems.append(
                    f"{language}: the .po is behind the code: run `python packaging/translations.py update`"
                )
            if left := missing(catalog):
                problems.append(f"{language}: {len(left)} untranslated, e.g. {left[0]!r}")
            mo = po_path(language).with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
                problems.append(
                    f"{language}: the .mo is behind the .po: run `python packaging/translations.py compile`"
                )
        print("\n".join(problems) or "The catalogue is complete and current.")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
