"""Run the whole reliability battery, soak included, and write docs/reliability.md from what it ran.

python -m tests.reliability.report            # the soak: a few minutes
python -m tests.reliability.report --quick    # only what CI runs
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tests.reliability.conftest import RESULTS_ENV

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"

INTRO = """\
# Reliability

What happens to a journal when things go wrong, tried on purpose, over and over. The tests are in
`tests/reliability/`; CI runs the short version of each on every change, and the soak (hundreds of
kill -9) runs with `pytest -m soak tests/reliability`. This page is written by
`python -m tests.reliability.report`, which runs both and counts what they did.

What the battery holds the app to:
- a wrong passphrase or recovery key is told as such, every time, and changes no byte;
- a damaged or foreign file gets a message of its own (exit 4), never a new empty journal, and nothing is
  written; `check` says how much can still be read;
- after kill -9 at any moment the journal opens with the old or the new passphrase, passes its checks, and
  holds every save that had returned; an export is whole under its final name or not there at all;
- a full disk, a read-only place or a pulled-out stick is told as exactly that (exit 6), loses nothing, and
  the window keeps running (a pulled-out stick locks it at once);
- a second copy is refused (exit 5), and a crash leaves no lock behind;
- odd text (NUL, lone surrogates, RTL overrides, emoji sequences, NFC/NFD) is kept and found;
- after a whole session no journal text is in any file outside the journal and the export chosen, and no
  network socket was opened;
- everything the app writes outside its journal (shares, export-all, backups, the key file) goes through one
  writer: a unique hidden temporary beside the target, owner-only, every write checked (a short write is
  continued, a write that makes no progress is a full disk), fsync of the file, the finished file read back
  and parsed (PDF with pypdf, JSON, CSV, a backup opened and counted), then the rename and an fsync of the
  folder. With ENOSPC, EIO or a short write injected at each of its calls in turn (in-process, and as real
  system-call errors with strace on the CLI), the result is always either the whole file under its final
  name and, for a share, its log entry — or no file, no temporary, no log entry and exit 6; the key file
  opens with the old or the new passphrase every time;
- a share is logged only once its file is durable; a share whose log can't be written is removed again;
- a share or export that replaces an earlier file (`--overwrite`) keeps that file aside until the new one is
  whole, in place and logged: when the folder's fsync or the share log fails, the earlier file is back byte for
  byte, and a folder that took the file but didn't confirm it is told as that, not as a pulled-out stick;
- a share's JSON and CSV hold every line its preview shows, in order (lines that share a label too); a note
  past the csv module's 128 KiB field is written and read back whole, and a 4.9 MB one shares as a PDF in
  seconds; a new passphrase that isn't text (from a terminal of another encoding) is refused before anything
  changes; `--output -` is refused rather than written as a file called "-";
- a damaged journal still shares what can be read (saved, not logged, and said so), backs up what can be read
  (a backup that restores as a whole journal, its search too) and exports it: every read that may meet a damaged
  page goes through a second attachment of the file, renewed after each failure, so one damaged page costs the
  rows on it and never spoils what is read after it; the check before the first write reads that way too;
- an import brings at most 200 signs and 200 things that help into what the check-in offers (the preview says how
  many are left out), and thousands of them show in 0.1 s (they froze the tab for 7 s);
- words are true to what happened: a disk fault while opening isn't called read-only, a backup's damaged key file
  is the backup's, JSON nested too deep, damaged at a line, or not JSON at all are told apart, a file with
  nothing that can come in isn't "all already in your journal", a name a FAT stick refuses is told as the name;
- private words can come from a file (`--options-file`, any option and the search words), and `--help` names
  every option that takes them;
- whatever comes in (our own export mutated, jrnl and Daylio files of any shape, backups with bytes changed,
  cut short or members rewritten, key files with any field changed) is either brought in, after which list,
  plan, goals, appointments, check and export-all all work, or refused (exit 3 or 4) with the journal
  byte-identical: never a traceback, a generic exit 1, a hang, or a journal a later command can't read.
"""


def main() -> int:
    """Run the battery, then write the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the CI battery, no soak")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "results.json"
        marker = "not soak" if args.quick else "soak or not soak"
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", marker, "tests/reliability"],
            cwd=ROOT, env={**os.environ, RESULTS_ENV: str(results)},
        )  # fmt: skip
        seconds = time.perf_counter() - started
        records = json.loads(results.read_text()) if results.exists() else {}
    rows: dict[str, dict[str, object]] = defaultdict(lambda: {"tests": 0, "cases": 0, "failed": 0, "what": []})
    for record in records.values():
        row = rows[str(record["item"])]
        row["tests"] = int(row["tests"]) + 1  # type: ignore[call-overload]
        row["cases"] = int(row["cases"]) + int(record["cases"])  # type: ignore[call-overload]
        row["failed"] = int(row["failed"]) + (record["outcome"] != "passed")  # type: ignore[call-overload]
        row["what"].append(str(record["what"]))  # type: ignore[attr-defined]
    today = dt.date.today().isoformat()
    lines = [INTRO, f"## Last run: {today}, {'CI battery only' if args.quick else 'soak included'}", "",
             f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
             f"{os.cpu_count()} cores; {seconds:.0f} s in all; pytest exit code {run.returncode}.", "",
             "| battery item | tests | cases | result | date | what was run |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for item in sorted(rows):
        row = rows[item]
        result = "passed" if row["failed"] == 0 else f"{row['failed']} failed"
        what = "; ".join(dict.fromkeys(row["what"]))  # type: ignore[call-overload]
        lines.append(f"| {item} | {row['tests']} | {row['cases']} | {result} | {today} | {what} |")
    lines += ["", "Tests that need root to mount a small disk or pull out a bind-mounted 'stick' skip elsewhere "
              "and say so; CI runs as root, so there they run.", ""]  # fmt: skip
    DOC.write_text("\n".join(lines))
    print(f"Wrote {DOC.relative_to(ROOT)}")
    return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
