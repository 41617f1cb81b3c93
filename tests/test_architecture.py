"""The shape of the code: one-way layers, no Qt below the UI, the key in one place, kind words only."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "recoveryjournal"
ROOT = PACKAGE.parent


def _sources(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in (PACKAGE / part).rglob("*.py"))


def test_import_contracts_are_kept() -> None:
    """import-linter's contracts in pyproject.toml (layers, no Qt below ui, no storage from ui/cli) hold."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_qt_below_the_ui() -> None:
    """domain, storage, services and cli never import PySide6; render uses QtGui but never widgets."""
    pattern = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
    offenders = [p for p in _sources("domain", "storage", "services", "cli") if pattern.search(p.read_text())]
    assert offenders == []
    widgets = re.compile(r"PySide6\.QtWidgets|PySide6 import QtWidgets")
    assert [p for p in _sources("render") if widgets.search(p.read_text())] == []


def test_files_stay_small() -> None:
    """No source file grows past 400 lines (split by screen or responsibility first; issue 33 brought the largest
    from 497 to under 400)."""
    big = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 400}
    assert big == {}


def test_only_the_connection_module_keys_the_database() -> None:
    """PRAGMA key / rekey appear in storage/connection.py and nowhere else."""
    keyed = [p for p in PACKAGE.rglob("*.py") if re.search(r"PRAGMA\s+(re)?key", p.read_text(), re.IGNORECASE)]
    assert keyed == [PACKAGE / "storage" / "connection.py"]


def _user_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


#: The words docs/words.md asks us never to use in what people read (with their forms).
AVOIDED_WORDS = re.compile(
    r"\b(patients?|non-?compliant|non-?compliance|failed|failure|must|invalid|symptoms?|disorders?|suffer(s|ing|ers?)?"
    r"|mentally ill|the mentally|crazy|insane|lunatic|addicts?|abusers?|victims?|manipulative|attention.seeking"
    r"|adheren(ce|t)|compliance|missed doses?)\b",
    re.IGNORECASE,
)
#: Strings that are not words for people: Qt's own marker for an empty value in its settings files.
NOT_WORDS = {"@Invalid()"}


def test_no_stigmatising_words_in_what_people_read() -> None:
    """No word docs/words.md lists to avoid appears in any text the app shows or prints (widgets, dialogs,
    CLI help and messages, errors, exported headings), nor in the docs written for people."""
    found = [(str(p.relative_to(ROOT)), s) for p in PACKAGE.rglob("*.py") for s in _user_strings(p)
             if s not in NOT_WORDS and AVOIDED_WORDS.search(s)]  # fmt: skip
    for doc in (
        "README.md",
        "docs/using.md",
        "docs/privacy.md",
        "docs/sharing.md",
        "docs/backup.md",
        "docs/support-workers.md",
    ):
        path = ROOT / doc
        if path.exists():
            text = path.read_text()
            found += [(doc, line) for line in text.splitlines() if AVOIDED_WORDS.search(line)]
    assert found == []


def test_strict_types_in_the_core() -> None:
    """domain, storage and services pass mypy --strict, and ui, render and cli pass mypy (pyproject.toml): the
    type checker found a tab's own `save` shadowing the tabs' lifecycle, which no test had."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "recoveryjournal/domain", "recoveryjournal/storage", "recoveryjournal/services",
         "recoveryjournal/render", "recoveryjournal/ui", "recoveryjournal/cli"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_types_hold_as_windows_and_macos_code(platform: str) -> None:
    """Issue 32: the code type-checks as Windows and as macOS code, so a branch written for Linux that those
    systems would reach (resource.setrlimit, os.ST_RDONLY on Windows) is found here, before anyone runs it there."""
    result = subprocess.run([sys.executable, "-m", "mypy", "--platform", platform, "recoveryjournal"],
                            cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_raw_connection_stays_in_storage_and_services() -> None:
    """Widgets and the CLI never hold the database connection: they ask services (the session's are wired once,
    when the journal opens)."""
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for folder in ("ui", "cli", "render")
        for p in (PACKAGE / folder).rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.connection\b|JournalConnection", line)
    ]
    assert found == []


def test_no_module_imports_itself_back() -> None:
    """Issue 33: the house has no circles. No module of the app reaches, through any chain of imports (those made
    only for type checking included), a module that imports it: the services' circle of nine files (the open
    journal built on services whose protocols named the session) and the window's mixins are gone. 17 pairs of
    modules stood in circles before (at bf35099)."""
    import grimp

    graph = grimp.build_graph("recoveryjournal")
    ours = [m for m in graph.modules if m.startswith("recoveryjournal")]
    pairs = {
        (a, b) for a in ours for b in graph.find_modules_directly_imported_by(a) if b.startswith("recoveryjournal")
    }
    circles = sorted(
        {tuple(sorted(pair)) for pair in pairs if graph.find_shortest_chain(importer=pair[1], imported=pair[0])}
    )
    assert circles == []


def test_the_open_journal_keeps_its_connection() -> None:
    """Issue 33: services, widgets and the CLI get services from the open journal, never its raw connection
    (services reached `session.connection` 18 times before, at bf35099). Only storage and the open journal itself
    hold a JournalConnection, and only services the open journal builds are handed one."""
    reaching = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "storage":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bsession\w*\.connection\b", line):
                reaching.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert reaching == []
    from recoveryjournal.services import journal_parts

    protocols = [
        kind for kind in vars(journal_parts).values() if getattr(kind, "__module__", "") == journal_parts.__name__
    ]
    assert [kind.__name__ for kind in protocols if hasattr(kind, "connection")] == []


SERVICES = {"EntryService", "CheckInService", "GoalService", "PlanService", "SupportService", "MedicineService",
            "AppointmentService", "ShareLog", "Backups", "Imports", "PromptService"}  # fmt: skip


def test_the_parts_of_an_open_journal_are_named_in_one_module() -> None:
    """Issue 33: a protocol naming any of the open journal's services lives in services/journal_parts.py, and no
    service it names imports it back (they are given their own services instead)."""
    elsewhere = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(ast.unparse(b).endswith("Protocol") for b in node.bases):
                names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                names |= {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
                if names & SERVICES and path.name != "journal_parts.py":
                    elsewhere.append(f"{path.relative_to(PACKAGE)}: {node.name}")
    assert elsewhere == []
