"""Issue 34, 6: a very long text shares as CSV (past the csv module's 128 KiB field) and as a PDF within
seconds (tests/benchmarks/bench_share.py measures it), every word of it there."""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader

from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import LONGEST_BLOCK, _pieces
from recoveryjournal.ui.export.save_pdf import exporter

NOTE = " ".join(f"word{n}." for n in range(14_000))  # about 150 KB, one paragraph with no line breaks


def test_a_long_note_in_one_paragraph_is_cut_into_pieces_that_keep_every_word() -> None:
    pieces = _pieces(NOTE)
    assert len(pieces) > 40 and all(len(p) <= LONGEST_BLOCK for p in pieces)
    assert " ".join(pieces).split() == NOTE.split()
    lines = "\n".join(f"line {n} " + "x" * 40 for n in range(2_000))
    assert "\n".join(_pieces(lines)) == lines  # cut at its own line breaks, none lost or added
    assert _pieces("short\ntext") == ["short\ntext"]


def test_a_long_note_leaves_whole_as_csv_and_pdf(session, tmp_path) -> None:
    entry = session.entries.add(NOTE, "Pasted")
    for fmt in ("csv", "pdf"):
        target = tmp_path / f"long.{fmt}"
        outcome = exporter().share(session, ShareRequest(entry_ids=(entry.id,)), fmt, target)
        assert outcome.done, outcome.sentence
    limit = csv.field_size_limit()
    csv.field_size_limit(10**7)
    try:
        rows = list(csv.reader(io.StringIO((tmp_path / "long.csv").read_text("utf-8-sig"))))
    finally:
        csv.field_size_limit(limit)
    assert rows[1][3] == NOTE
    assert csv.field_size_limit() == limit  # the read-back check leaves the module as it was
    reader = PdfReader(tmp_path / "long.pdf")
    words = " ".join(page.extract_text() for page in reader.pages).split()
    assert "word0." in words and "word13999." in words and len(reader.pages) > 10
