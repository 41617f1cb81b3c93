"""One catalogue holds every word the app shows: nothing unmarked, nothing untranslated, placeholders intact."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "recoveryjournal"
_spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging" / "translations.py")
assert _spec and _spec.loader
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

#: Words in code that are not for people (or are names): file names and folders the app looks for, Qt's and
#: the system's own identifiers, formats, and what the self-test and logs say to developers.
NOT_FOR_TRANSLATION = {
    "Recovery Journal",
    "RecoveryJournal",
    "Recovery Journal.ini",
    "Demo journal.rjournal",
    "Microsoft",
    "Windows",
    "Recent",
    "Library",
    "Application Support",
    "Fusion",
    "NumPy",
    "BSD-3-Clause",
    "MIT",
    "PDF (*.pdf)",
    "JSON (*.json)",
    "CSV (*.csv)",
    "PNG (*.png)",
    "Daylio",
    "jrnl",
    "English",
    "Español",
    "Sam",
    "Alex",
    "d MMM yyyy",
}
#: Files whose words are for developers and support staff running diagnostics, not the app's own screens.
DEVELOPER_FILES = {"selftest.py", "i18n.py"}
#: Calls whose string arguments are never shown: logging, Qt object names and settings keys, SQL, paths.
QUIET_CALLS = {
    "setObjectName", "execute", "executemany", "executescript", "debug", "info", "warning", "exception", "getLogger",
    "value", "setValue", "Path", "open", "setStyleSheet", "compile", "match", "search", "sub", "fullmatch", "get",
    "getenv", "strftime", "strptime", "setProperty", "property", "connect", "QKeySequence", "setDisplayFormat",
    "add_argument_group", "startswith", "endswith", "encode", "decode", "replace", "split", "join", "format",
    "TypeVar", "Signal", "Slot", "setdefault", "dict", "run", "Popen", "joinpath", "with_name", "with_suffix",
    "user_config_dir", "user_data_dir", "user_cache_dir", "mkdtemp", "Figure", "set_major_formatter", "plot",
    "legend", "savefig", "loads", "dumps", "load", "dump", "writestr", "getinfo", "ZipFile", "isinstance",
    "QSettings", "QColor", "setColor", "removeprefix", "removesuffix", "rstrip", "strip", "lstrip", "rfind", "find",
    "index", "count", "print_exc", "warn", "namedtuple", "field", "NamedTemporaryFile", "Error", "ValueError",
    "RuntimeError", "KeyError", "TypeError", "AssertionError", "OSError", "NotImplementedError",
}  # fmt: skip
MARKERS = {"_", "N_", "ngettext", "pgettext"}
#: Module constants that hold names, not words: the About box's components and their licences, the cloud services'
#: folders and markers (services/cloud_folders.py), ctypes structures' fields (storage/system.py).
NAMES = {"COMPONENTS", "_ENV_FOLDERS", "_HOME_FOLDERS", "_CLOUD_STORAGE", "_MARKERS", "_CONFLICT_NAMES", "_fields_"}


def _looks_like_words(s: str) -> bool:
    """Prose a person reads: at least two words of letters, or one capitalised word, not code or SQL."""
    st = s.strip()
    if not re.search(r"[A-Za-z]{2,}", st) or st in NOT_FOR_TRANSLATION:
        return False
    if re.match(
        r"(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|ATTACH|VACUUM|ORDER|WHERE|AND)\b", st
    ):
        return False
    if re.search(r"[<>{};=]|%\(|\\|/|\w\.\w|_\w|\w_", st) and not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", st):
        return False  # HTML, CSS, paths, identifiers, formats
    return bool(re.search(r"[A-Za-z]{2,}[’']?\w* [A-Za-z]{2,}", st) or re.fullmatch(r"[A-Z][a-z]{2,}[.…]?", st))


def _unmarked(path: Path) -> list[tuple[int, str]]:
    source = path.read_text()
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    docstrings = {
        id(n.body[0].value) for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
    }  # fmt: skip
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
            continue
        near = lines[node.lineno - 2 : (node.end_lineno or node.lineno) + 1]  # a comment after a wrapped line
        if not _looks_like_words(node.value) or any("# not shown" in line for line in near):
            continue
        quiet, here = False, node
        while id(here) in parents:
            parent = parents[id(here)]
            if isinstance(parent, ast.Call):
                func = parent.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                if name in MARKERS or name in QUIET_CALLS:
                    quiet = True
                    break
            if isinstance(parent, ast.Assign) and any(
                isinstance(x, ast.Name) and x.id in NAMES for x in parent.targets
            ):
                quiet = True  # names of things, kept as their makers write them
                break
            if isinstance(parent, ast.Dict) and any(k is here for k in parent.keys):
                quiet = True  # a key, not a value
                break
            if isinstance(parent, ast.Subscript | ast.Compare | ast.JoinedStr) or (
                isinstance(parent, ast.keyword) and parent.arg in ("doc", "objectName", "metavar", "dest", "prog")
            ):
                quiet = True
                break
            here = parent
        if not quiet:
            found.append((node.lineno, node.value))
    return found


def test_every_word_for_people_is_marked_for_translation() -> None:
    """Any prose in the package's code outside _(), N_() or ngettext() would stay English in every language."""
    unmarked = {
        str(p.relative_to(ROOT)): found
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name not in DEVELOPER_FILES and (found := _unmarked(p))
    }
    assert unmarked == {}


def test_the_catalogue_is_complete_and_current() -> None:
    """The template holds exactly what the code marks; every language translates all of it (none left
    fuzzy), and the compiled .mo the app reads matches its .po (`python packaging/translations.py check`)."""
    assert translations.main(["check"]) == 0


def test_translations_keep_every_placeholder() -> None:
    """A translation with a {placeholder} missing, added or renamed would fail or mislead when filled in."""
    names = re.compile(r"\{(\w*)[^{}]*\}")
    wrong = []
    for language in translations.LANGUAGES:
        with translations.po_path(language).open("rb") as f:
            catalog = read_po(f, locale=language)
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(names.findall(ids[-1]))
            wrong += [(language, ids[0], s) for s in strings if set(names.findall(s)) != wanted]
    assert wrong == []


#: docs/words.md's words to avoid, in Spanish (with their forms).
AVOIDED_IN_SPANISH = re.compile(
    r"\b(pacientes?|incumpl\w*|fracas\w*|fall(ó|aste|ido|ida)|debes|debe|deben|síntomas?|trastornos?|inválid\w*"
    r"|enferm[oa]s? mental\w*|loc[oa]s?|adict[oa]s?|víctimas?|sufr\w*|adherencia|cumplimiento|dosis olvidadas?)\b",
    re.IGNORECASE,
)


def test_no_stigmatising_words_in_the_spanish() -> None:
    """The translation keeps docs/words.md too: no "paciente", "fracasó", "debes", "síntomas"…"""
    with translations.po_path("es").open("rb") as f:
        catalog = read_po(f, locale="es")
    found = [s for m in catalog for s in (m.string if isinstance(m.string, tuple) else (m.string,))
             if s and AVOIDED_IN_SPANISH.search(s)]  # fmt: skip
    assert found == []
