"""Issue 35: a share anyone can read. The web page is one self-contained file with the structure a screen reader
walks (language, one h1, headings, header cells, the chart's figures in words and as a table of days), goes out
the one guarded way (redaction, share log, the checked writer), and can't be "protected". The PDF says its
language and title, and its chart's caption says the figures."""

from __future__ import annotations

import datetime as dt
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from recoveryjournal import i18n
from recoveryjournal.domain.goals import Goal, Step
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.html_share import check_html
from recoveryjournal.services.policy import Policy
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import run_cli

TODAY = dt.date.today()


class _Page(HTMLParser):
    """What a screen reader would walk: the tags in order, with their attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.text.setdefault(self._open[-1], []).append(data.strip())

    def count(self, tag: str) -> int:
        return sum(1 for t, _a in self.tags if t == tag)


def _filled(session) -> ShareRequest:
    for n in range(10):
        when = dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(9, 0))
        session.checkins.add(3 + n % 6, sleep_hours=6.5, anxiety=4, when=when)
    entry = session.entries.add("A walk by the river helped.\n\nSecond paragraph with SECRETNAME.", "Sunday")
    goal = session.goals.save(Goal(None, "Walk three times a week", steps=(Step(None, "Buy shoes", "me"),)))
    return ShareRequest(recipient="Sam", author="Alex", entry_ids=(entry.id,), goal_ids=(goal.id,),
                        mood_range=(TODAY - dt.timedelta(days=13), TODAY), redactions=("SECRETNAME",))  # fmt: skip


def test_a_full_share_as_a_web_page(session, tmp_path: Path) -> None:
    request = _filled(session)
    target = tmp_path / "for-sam.html"
    outcome = Exporter(Policy()).share(session, request, "html", target)
    assert outcome.done, outcome.message
    data = target.read_bytes()
    check_html(data)  # whole, nothing runs or loads from elsewhere
    text = data.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text
    assert "SECRETNAME" not in text
    page = _Page()
    page.feed(text)
    assert page.count("h1") == 1 and page.count("h2") >= 3 and page.count("script") == 0
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert {"From", "For", "Covers", "Made on"} <= set(page.text["th"])  # page one's header, as header cells
    assert "Alex" in page.text["td"] and "Sam" in page.text["td"]
    images = [a for t, a in page.tags if t == "img"]
    assert len(images) == 1 and str(images[0]["src"]).startswith("data:image/png;base64,")
    assert "My mood was between 3 and 8 out of 10" in str(images[0]["alt"])  # the chart's figures, in words
    assert page.count("details") == 1 and "The days in figures" in page.text["summary"]
    assert [a.get("scope") for t, a in page.tags if t == "th" and a.get("scope") == "col"][:4] == ["col"] * 4
    assert page.count("tr") >= 10 + 4  # the ten days, the goal's rows, the header rows
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text  # reflows on a phone
    assert session.shares.all()[0].format == "html"  # in the share log like every share


def test_the_web_page_speaks_the_journals_language(session, tmp_path: Path) -> None:
    request = _filled(session)
    i18n.choose_language("es")
    try:
        outcome = Exporter(Policy()).share(session, request, "html", tmp_path / "para-sam.html")
    finally:
        i18n.choose_language("en_GB")
    text = (tmp_path / "para-sam.html").read_text(encoding="utf-8")
    assert outcome.done and '<html lang="es">' in text and "Hecho el" in text


def test_a_pdf_says_its_language_and_title_and_its_chart_says_its_figures(session) -> None:
    from recoveryjournal.services.share_service import prepare

    package = prepare(session, _filled(session), "pdf")
    reader = PdfReader(io.BytesIO(pdf_bytes(package.document)[0]))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata is not None and reader.metadata.title == "Shared from my journal"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF boolean)
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "My mood was between 3 and 8 out of 10" in words and "on the 10 days I checked in" in words


@pytest.mark.parametrize("protect", [["--protect"], ["--protect-with-file", "pw.txt"]])
def test_a_web_page_cant_be_protected(created_journal, tmp_path: Path, protect: list[str]) -> None:
    """`share JOURNAL --format html --protect …`: exit 2, a sentence pointing to the protected PDF, no file."""
    journal, _key = created_journal
    (tmp_path / "pw.txt").write_text("five plain words for this\n")
    protect = [str(tmp_path / p) if p.endswith(".txt") else p for p in protect]
    out = tmp_path / "s.html"
    result = run_cli(["share", str(journal), "--format", "html", "--entry", "1", "--output", str(out), *protect],
                     f"{PASSPHRASE}\n")  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "protected PDF" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_share_format_html_from_the_command_line(created_journal, tmp_path: Path) -> None:
    journal, _key = created_journal
    out = tmp_path / "s.html"
    result = run_cli(["share", str(journal), "--format", "html", "--entry", "1", "--output", str(out)],
                     f"{PASSPHRASE}\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    check_html(out.read_bytes())
    assert "First words." in out.read_text(encoding="utf-8")
