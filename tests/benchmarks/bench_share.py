"""Share PDF speed: `python -m tests.benchmarks.bench_share` prints a table. Not a test: nothing asserts.

Anchor: 100 plain entries through QTextDocument → QPdfWriter (193 ms on this kind of machine, from the issue).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import write_pdf
from recoveryjournal.services import mood_stats
from recoveryjournal.services.charts import draw_mood_figure, figure_png
from recoveryjournal.services.journal_service import create_journal
from recoveryjournal.services.share_service import build
from tests.benchmarks.timing import median_ms

RUNS = 5


def main() -> None:
    """Measure the anchor and a 365-item share with a chart; print a table."""
    app = QGuiApplication.instance() or QGuiApplication([])
    folder = Path(tempfile.mkdtemp())
    session, _ = create_journal(folder / "bench", "bench")
    today = dt.date.today()
    ids = [session.add_entry(f"Entry {i}. " + "Some words about the day, " * 12, f"Day {i}",
                             today - dt.timedelta(days=i)).id for i in range(300)]  # fmt: skip
    checkins = [session.checkins.add(5 + i % 4, when=dt.datetime.combine(today - dt.timedelta(days=i), dt.time(9))).id
                for i in range(65)]  # fmt: skip

    def anchor() -> None:
        doc = QTextDocument()
        doc.setHtml("".join(f"<h2>Entry {i}</h2><p>{'Some words about the day, ' * 12}</p>" for i in range(100)))
        writer = QPdfWriter(str(folder / "anchor.pdf"))
        doc.print_(writer)
        del writer

    request = ShareRequest(title="Bench", entry_ids=tuple(ids), checkin_ids=tuple(checkins),
                           mood_range=(today - dt.timedelta(days=364), today))  # fmt: skip

    def share() -> None:
        series = mood_stats.mood_series(session, *request.mood_range)  # type: ignore[misc]
        package = build(session, request, figure_png(draw_mood_figure(series)))
        write_pdf(package.document, folder / "share.pdf")

    anchor_ms, share_ms = median_ms(anchor), median_ms(share)
    session.lock()
    print(f"{'what':<62} {'median ms':>10}")
    print(f"{'anchor: 100 plain entries, QTextDocument → QPdfWriter':<62} {anchor_ms:>10.0f}")
    print(f"{'share PDF: 365 chosen items (300 entries, 65 check-ins) + chart':<62} {share_ms:>10.0f}")
    print(f"{'ratio share / anchor':<62} {share_ms / anchor_ms:>10.2f}")
    del app


if __name__ == "__main__":
    main()
