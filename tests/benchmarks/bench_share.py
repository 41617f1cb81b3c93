"""Share PDF speed: `python -m tests.benchmarks.bench_share` prints a table. Not a test: nothing asserts.

Anchor: 100 plain entries through QTextDocument → QPdfWriter (193 ms on this kind of machine, from the issue).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.journal_service import create_journal
from recoveryjournal.services.policy import Policy
from tests.benchmarks.timing import Row, median_ms, print_table

RUNS = 5


def rows(entries: int = 300, checkins: int = 65, long_note_mb: float = 4.9) -> list[Row]:
    """A share of `entries` + `checkins` chosen items with a mood chart, beside the plain QTextDocument anchor."""
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (kept alive while measuring)
    folder = Path(tempfile.mkdtemp())
    session, _ = create_journal(folder / "bench", "bench")
    today = dt.date.today()
    ids = [session.entries.add(f"Entry {i}. " + "Some words about the day, " * 12, f"Day {i}",
                             today - dt.timedelta(days=i)).id for i in range(entries)]  # fmt: skip
    checkin_ids = [session.checkins.add(5 + i % 4, when=dt.datetime.combine(today - dt.timedelta(days=i),
                                                                            dt.time(9))).id
                   for i in range(checkins)]  # fmt: skip

    def anchor() -> None:
        doc = QTextDocument()
        doc.setHtml("".join(f"<h2>Entry {i}</h2><p>{'Some words about the day, ' * 12}</p>" for i in range(100)))
        writer = QPdfWriter(str(folder / "anchor.pdf"))
        doc.print_(writer)
        del writer

    request = ShareRequest(title="Bench", entry_ids=tuple(ids), checkin_ids=tuple(checkin_ids),
                           mood_range=(today - dt.timedelta(days=364), today))  # fmt: skip

    def share() -> None:  # the whole way out: chart, PDF in memory, checked, written whole, logged
        outcome = Exporter(Policy(), pdf_bytes).share(session, request, "pdf", folder / "share.pdf", overwrite=True)
        assert outcome.done, outcome.sentence

    anchor_ms, share_ms = median_ms(anchor, RUNS), median_ms(share, RUNS)
    # One pasted note of megabytes in a single paragraph (issue 34: 2 min 40 s before it was laid out in pieces).
    words = "Some words of a long note, pasted in one go. "
    note = (words * (int(long_note_mb * 1e6) // len(words) + 1))[: int(long_note_mb * 1e6)]
    long_request = ShareRequest(title="Bench", entry_ids=(session.entries.add(note, "Pasted").id,))

    def share_long() -> None:
        outcome = Exporter(Policy(), pdf_bytes).share(session, long_request, "pdf", folder / "long.pdf",
                                                      overwrite=True)  # fmt: skip
        assert outcome.done, outcome.sentence

    long_ms = median_ms(share_long, 1)
    session.lock()
    shutil.rmtree(folder, ignore_errors=True)  # nothing of the benchmark's journal stays behind
    what = f"share PDF: {entries + checkins} chosen items ({entries} entries, {checkins} check-ins) + chart"
    return [Row("sharing", what, share_ms, anchor_ms, aim="≤ 1 s"),
            Row("sharing", f"share PDF: one pasted note of {len(note) / 1e6:.1f} MB in one paragraph", long_ms,
                aim="within seconds")]  # fmt: skip


ANCHOR = "sharing: 100 plain entries straight through QTextDocument → QPdfWriter"


def main() -> None:
    """Measure and print."""
    print_table(rows(), ANCHOR)


if __name__ == "__main__":
    main()
