"""The reliability battery's tools: the CLI as a real program, small disks, read-only places, and a record
of how many cases each battery item ran (written out for docs/reliability.md by tests.reliability.report)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Where the report script asks the battery to write what it ran.
RESULTS_ENV = "RECOVERYJOURNAL_RELIABILITY_RESULTS"
_records: dict[str, dict[str, object]] = {}


class Battery:
    """Each test says which battery item it serves and how many cases it ran."""

    def __init__(self, nodeid: str) -> None:
        self._nodeid = nodeid

    def record(self, item: str, cases: int, what: str) -> None:
        """Remember `cases` cases of battery `item` (e.g. "3. kill -9"), described by `what`."""
        _records[self._nodeid] = {"item": item, "cases": cases, "what": what, "outcome": "running"}


@pytest.fixture
def battery(request: pytest.FixtureRequest) -> Battery:
    """The recorder for the current test."""
    return Battery(request.node.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note each battery test's outcome beside its record."""
    if report.nodeid in _records and (report.when == "call" or report.outcome != "passed"):
        _records[report.nodeid]["outcome"] = report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Hand the records to the report script, when it asked for them."""
    out = os.environ.get(RESULTS_ENV)
    if out and _records:
        Path(out).write_text(json.dumps(_records, indent=2))


def run_cli(args: list[str], stdin: str | bytes = "", env: dict[str, str] | None = None, timeout: float = 120):
    """recoveryjournal-cli as a separate program, exactly as a person or script runs it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "recoveryjournal.cli", *args], input=stdin, capture_output=True,
        text=isinstance(stdin, str), env=full_env, timeout=timeout,
    )  # fmt: skip


from tests.places import hashes  # noqa: E402,F401 - re-exported for the battery
from tests.ui.conftest import window  # noqa: E402,F401 - the real main window, for the window's side of the battery
