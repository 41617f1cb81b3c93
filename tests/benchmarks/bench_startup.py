"""Start-up: `python -m tests.benchmarks.bench_startup [--rounds N] [--bundle DIR]` prints a table.

Real processes, from process start to the first window painted (offscreen), each in a fresh HOME, alternating
the anchor (a bare PySide6 QMainWindow of the same size) with the app so that both meet the same machine.
Peak RSS is the child's own `ru_maxrss`. Not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.timing import Row, print_table

ROOT = Path(__file__).resolve().parents[2]
ANCHOR = "start-up: a bare PySide6 QMainWindow of the same size, started alternately with the app in the same rounds"


@dataclass(frozen=True)
class Run:
    """One process: wall time to the first painted window, and its peak resident memory."""

    ms: float
    rss_mib: float


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "RECOVERYJOURNAL_"))}
    env.update(HOME=str(home), TMPDIR=str(home), QT_QPA_PLATFORM="offscreen", RECOVERYJOURNAL_QUIT_WHEN_SHOWN="1",
               PYTHONDONTWRITEBYTECODE="1")  # fmt: skip
    return env


def run_once(command: list[str]) -> Run:
    """Start `command` in a fresh HOME and wait for it; raise if it didn't end cleanly."""
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env=_env(Path(home)),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        _pid, status, _usage = os.wait4(child.pid, 0)
        ms = (time.perf_counter() - start) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout = child.stdout.read().decode(errors="replace") if child.stdout else ""
        stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
        if child.returncode != 0:
            raise RuntimeError(f"{command} ended with {child.returncode}: {stderr[-500:]}")
    # The child's own high-water mark (VmHWM), which it prints as it leaves: the rusage of a child also
    # counts this process's pages copied at fork, which made the bare window look 12 MiB heavier once
    # this process had Qt loaded (found when the one-table run disagreed with bench_startup alone).
    peak = re.search(r"VmHWM:\s+(\d+) kB", stdout)
    if peak is None:
        raise RuntimeError(f"{command} didn't report its peak memory: {stdout[-300:]!r}")
    return Run(ms, int(peak.group(1)) / 1024)


def commands(journal: Path, bundle: Path | None = None) -> dict[str, list[str]]:
    """What is started: the anchor, the app's two first screens from source and (when given) the built bundle.

    `journal` is an existing journal folder: with it the first screen asks for its passphrase, as it does
    for anyone who has used the app before; without it a newcomer sees the welcome screen.
    """
    app = [sys.executable, "-m", "recoveryjournal"]
    found = {
        "anchor": [sys.executable, "-m", "tests.benchmarks.bare_window"],
        "app, welcome screen": app,
        "app, passphrase screen": [*app, "--journal", str(journal)],
    }
    if bundle is not None:
        found["bundle, welcome screen"] = [str(bundle / "recoveryjournal")]
        found["bundle, passphrase screen"] = [str(bundle / "recoveryjournal"), "--journal", str(journal)]
    return found


def make_journal(folder: Path) -> Path:
    """A real (small) journal for the passphrase-screen rows; its key derivation is the fast test one."""
    env = {**os.environ, "RECOVERYJOURNAL_INSECURE_FAST_KDF": "1"}
    path = folder / "Start-up.rjournal"
    command = [sys.executable, "-m", "recoveryjournal.cli", "init", str(path)]
    subprocess.run(command, input="start-up\n", text=True, env=env, cwd=ROOT, check=True, capture_output=True)
    return path


def measure(rounds: int, bundle: Path | None = None) -> dict[str, list[Run]]:
    """Every command once per round, in turn, after one unmeasured warm-up round (disk cache)."""
    with tempfile.TemporaryDirectory() as tmp:  # nothing of the benchmark's journal stays behind
        todo = commands(make_journal(Path(tmp)), bundle)
        for command in todo.values():
            run_once(command)
        runs: dict[str, list[Run]] = {name: [] for name in todo}
        for _ in range(rounds):
            for name, command in todo.items():
                runs[name].append(run_once(command))
        return runs


def rows(rounds: int = 9, bundle: Path | None = None) -> list[Row]:
    """Time and peak memory to the first window, each beside the bare window measured in the same rounds."""
    runs = measure(rounds, bundle)
    anchor = runs.pop(next(iter(runs)))
    anchor_ms, anchor_rss = statistics.median(r.ms for r in anchor), statistics.median(r.rss_mib for r in anchor)
    out = []
    source: dict[str, float] = {}
    for name, measured in runs.items():
        ms, rss = statistics.median(r.ms for r in measured), statistics.median(r.rss_mib for r in measured)
        screen = name.split(", ", 1)[1]
        if name.startswith("app"):
            source[screen] = ms
            out.append(Row("start-up", f"{name}: time", ms, anchor_ms, aim="≤ 1.3× bare window"))
            out.append(Row("start-up", f"{name}: peak memory", rss, anchor_rss, "Mi", "≤ 1.4× bare window"))
        else:  # the bundle beside the same screen run from source
            out.append(Row("start-up", f"{name}: time", ms, source[screen], aim="≤ 1.5× source (anchor here)"))
    return out


def main(argv: list[str] | None = None) -> None:
    """Measure and print the start-up table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="alternating rounds (default 9)")
    parser.add_argument("--bundle", type=Path, help="also measure a built bundle folder (dist/recoveryjournal)")
    args = parser.parse_args(argv)
    print_table(rows(args.rounds, args.bundle), ANCHOR)


if __name__ == "__main__":
    main()
