"""The shared document a care coordinator reads in a minute (issue 23): a header that says whose it is, for whom,
what period and when; my points first, then how I've been (figures and one chart), then the detail; my own voice
in every language; "Page 1 of N"; no heading alone at a page's foot; a goal carries its name over a page.

Every PDF here is the real one (render.pdf), read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pypdf import PdfReader

from recoveryjournal import i18n
from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.crisis_plan import Contact
from recoveryjournal.domain.goals import Goal, Step
from recoveryjournal.domain.share import REDACTED, ShareRequest
from recoveryjournal.render.pdf import lay_out, pdf_bytes
from recoveryjournal.services import mood_stats
from recoveryjournal.services.export_document import ExportDocument, Section, paragraph, subheading, table
from recoveryjournal.services.plan_documents import agenda_pdf_document
from recoveryjournal.services.share_service import build, json_bytes, prepare
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=27)
#: Words a sentence addressed to the reader would use (a coordinator reads "your" as meaning themselves).
SECOND_PERSON = re.compile(r"\b(your|you|yours|tu|tus|tú|usted)\b", re.IGNORECASE)
ORDER_EN = ["What I want to talk about", "How I've been", "My goals", "Journal entries", "Check-ins", "My crisis plan"]
ORDER_ES = ["De qué quiero hablar", "Cómo he estado", "Mis metas", "Entradas del diario", "Registros de ánimo",
            "Mi plan de crisis"]  # fmt: skip


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.choose_language("es")
    yield
    i18n.choose_language("en_GB")


@pytest.fixture
def filled(session):
    """Four weeks of check-ins (with gaps) after four calmer-looking weeks lower in mood; entries; a goal with
    many steps; an appointment four weeks ago and one in three days with my points; a plan section."""
    for back in range(56):
        when = TODAY - dt.timedelta(days=back)
        if back % 3 == 2:
            continue  # a day without a check-in: a gap, never joined across
        mood = 7 if back < 28 else 4
        session.checkins.add(mood, sleep_hours=7.5, anxiety=3, when=dt.datetime.combine(when, dt.time(9, 0)))
    session.entries.add("A good walk by the river today.", "Walking", TODAY - dt.timedelta(days=2))
    session.entries.add("Slept well. Drew for an hour.", "", TODAY - dt.timedelta(days=9))
    steps = tuple(Step(id=None, text=f"Small step number {n} towards the shop", who="me") for n in range(1, 61))
    session.goals.save(Goal(id=None, title="Walk to the shop on my own", why="To get my own things.", steps=steps))
    session.appointments.save(Appointment(id=None, date=FIRST, with_whom="Alex"))
    session.appointments.save(Appointment(id=None, date=TODAY + dt.timedelta(days=3), with_whom="Alex",
                                          talk_about="My sleep\nWalking to the shop"))  # fmt: skip
    sections = session.plan.sections()
    sections[0] = replace(sections[0], text="Pacing, not sleeping.", contacts=(Contact("Jo", "0123", "any time"),))
    session.plan.save(sections)
    return session


def _everything(session, **changes) -> ShareRequest:
    appts = [a.id for a in session.appointments.all() if a.date > TODAY]
    return replace(ShareRequest(
        recipient="Alex", author="Kim", entry_ids=tuple(e.id for e in session.entries.newest_first()),
        checkin_ids=tuple(c.id for c in session.checkins.between(limit=2)), mood_range=(FIRST, TODAY),
        goal_ids=tuple(g.id for g in session.goals.all()), plan_keys=(session.plan.sections()[0].key,),
        appointment_ids=tuple(appts),
    ), **changes)  # fmt: skip


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _pdf_text(session, request: ShareRequest) -> list[str]:
    package = prepare(session, request, "pdf")
    return _pages(pdf_bytes(package.document)[0])


def test_page_one_says_whose_for_whom_what_period_and_what_to_talk_about(filled) -> None:
    """The top of page 1 answers: who is this from, for whom, what period, when made, what I want to talk about,
    how it has been; then the sections in the order a reader wants them; "Page 1 of N" on every page."""
    pages = _pdf_text(filled, _everything(filled))
    first = pages[0]
    header = ("From Kim", "For Alex", f"Covers {i18n.day(FIRST)} to {i18n.day(TODAY)}", f"Made on {i18n.day(TODAY)}",
              "Shared by me from my own journal. Everything here is in my own words.")  # fmt: skip
    for words in header:
        assert words in first, words
    assert first.index("What I want to talk about") < first.index("My sleep") < first.index("How I've been")
    whole = " ".join(pages)
    positions = [whole.index(heading) for heading in ORDER_EN]
    assert positions == sorted(positions), positions
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert "I left some words out" not in whole  # nothing was left out, so nothing says so


def test_the_summary_strip_says_each_figure_in_my_own_words(filled) -> None:
    """Mood average and range, and the direction against the same number of days before; sleep; anxiety;
    "I checked in on N of D days". Nothing addressed to the reader."""
    first = _pdf_text(filled, _everything(filled))[0]
    assert "My mood averaged 7.0 out of 10, from 7 to 7." in first
    assert "That is higher than the 28 days before (4.0)." in first
    assert "I slept 7.5 hours a night on average, on the nights I noted it." in first
    assert "My anxiety averaged 3.0 out of 10" in first
    assert "I checked in on 19 of 28 days." in first and "I wrote in my journal on 2 days." in first


def test_no_sentence_speaks_to_the_reader_in_english_or_spanish(filled, spanish) -> None:
    """The person's own voice in every language: a test scans every page for "your"/"you"/"tu"/"tus"."""
    for language, order in (("en_GB", ORDER_EN), ("es", ORDER_ES)):
        i18n.choose_language(language)
        pages = _pdf_text(filled, _everything(filled))
        whole = " ".join(pages)
        assert not SECOND_PERSON.search(whole), SECOND_PERSON.search(whole)
        positions = [whole.index(heading) for heading in order]
        assert positions == sorted(positions)
        agenda = _pages(pdf_bytes(agenda_pdf_document(filled, filled.appointments.all()[0]))[0])
        assert not SECOND_PERSON.search(" ".join(agenda)), " ".join(agenda)
    assert "Mi ánimo tuvo una media de 7,0 sobre 10" in whole and "Página 1 de" in whole
    assert f"Periodo del {i18n.day(FIRST)} al {i18n.day(TODAY)}" in whole


def test_dates_are_written_one_way_with_four_digit_years(filled) -> None:
    """Every date in the text is "3 December 2026": no 03/12/26, no weekday-and-date mixed with another style."""
    whole = " ".join(_pdf_text(filled, _everything(filled)))
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", whole)
    assert not re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", whole)
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    for found in re.finditer(rf"\b\d{{1,2}} ({months})\b(.{{0,6}})", whole):
        assert re.match(r" \d{4}", found.group(2)), found.group(0)


def test_words_left_out_are_explained_once(filled) -> None:
    """Where words were left out, page 1 says so in the person's voice, so the marks never look like someone
    else's censoring; the JSON carries the same items."""
    request = _everything(filled, redactions=("river",))
    first = _pdf_text(filled, request)[0]
    assert f"I left some words out (shown as {REDACTED})." in first
    assert "river" not in json_bytes(build(filled, request)).decode()


def test_a_goal_that_runs_over_a_page_carries_its_name(filled) -> None:
    """Sixty steps run over a page; the next page starts with the goal's name again."""
    pages = _pdf_text(filled, _everything(filled, entry_ids=(), checkin_ids=(), plan_keys=()))
    running = [n for n, page in enumerate(pages) if "Small step number 60" in page]
    assert running and running[0] > 0
    assert "Walk to the shop on my own" in pages[running[0]].split("Small step number")[0]


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(qapp) -> None:
    """For every length of text before it, a heading sits on the same page as the line after it."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    moved = 0
    for count in range(10, 40):
        doc = ExportDocument("Shared", (
            Section("First", tuple(paragraph("A line of writing that fills some of the page. " * 3)
                                   for _n in range(count))),
            Section("Goals", (subheading("Walking"), table(["", ""], [["Status", "Going well"]] * 4, carried="Walk"))),
            Section("Journal entries", (subheading("3 December 2026"), paragraph("Words."))),
        ))  # fmt: skip
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        text, area = lay_out(doc, writer)
        layout = text.documentLayout()
        moved += text.pageCount() > 1 and _any_break(text)
        block = text.begin()
        while block.isValid():
            following = block.next()
            while following.isValid() and following.layout().lineCount() == 0:  # the empty block before a table
                following = following.next()
            if block.blockFormat().headingLevel() >= 2 and following.isValid():
                page = int(layout.blockBoundingRect(block).top() // area.height())
                first_line = following.layout().lineAt(0)
                below = layout.blockBoundingRect(following).top() + first_line.y() + first_line.height()
                assert int((below - 0.5) // area.height()) == page, (count, block.text())
            block = block.next()
    assert moved  # some of these lengths did put a heading at a page's foot, and it was moved


def _any_break(text) -> bool:
    from PySide6.QtGui import QTextFormat

    block = text.begin()
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            return True
        block = block.next()
    return False


def test_just_the_summary_is_one_page_with_no_detail(filled) -> None:
    """ "Just the summary: one page": my points, how I've been, my goals a line each; entries, check-ins and the
    plan stay in the journal (and in the JSON too)."""
    request = _everything(filled, summary_only=True)
    pages = _pdf_text(filled, request)
    assert len(pages) == 1
    page = pages[0]
    assert "What I want to talk about" in page and "My mood averaged" in page and "1 of 60 steps done" not in page
    assert "Walk to the shop on my own" in page and "0 of 60 steps done" in page
    for absent in ("Journal entries", "A good walk", "Check-ins", "My crisis plan", "Pacing", "Small step"):
        assert absent not in page, absent
    kinds = {item["kind"] for item in __import__("json").loads(json_bytes(build(filled, request)))["items"]}
    assert kinds == {"appointment", "mood_summary", "goal"}


def test_the_chart_has_aligned_panels_gaps_and_legible_words(filled) -> None:
    """Mood, sleep and anxiety on one time axis; a day without a check-in is a gap (never joined); journal days
    and appointments marked; every word on it at least 8 points when printed at its width on the page."""
    from recoveryjournal.services.charts import draw_report_figure

    series = mood_stats.mood_series(filled, FIRST, TODAY)
    fig = draw_report_figure(series, [a.date for a in filled.appointments.all()])
    axes = fig.get_axes()
    assert [ax.get_title(loc="left") for ax in axes] == ["Mood (1–10)", "Sleep (hours)", "Anxiety (1–10)"]
    assert len({ax.get_xlim() for ax in axes}) == 1
    mood = next(line for line in axes[0].get_lines() if line.get_gid() == "mood")
    gaps = [n for n, value in enumerate(series.mood) if value is None]
    assert gaps and all(mood.get_ydata()[n] != mood.get_ydata()[n] for n in gaps)  # NaN: the line breaks
    assert any(line.get_linestyle() == ":" for line in axes[0].get_lines())  # the appointment four weeks ago
    printed_width_in = (210 - 36) / 25.4 * 0.95  # A4 less the margins, at the width the page gives it
    scale = printed_width_in / fig.get_figwidth()
    sizes = [t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and a.get_text())]
    assert sizes and min(sizes) * scale >= 8.0, min(sizes) * scale


def test_one_check_in_has_real_dates_across_the_chosen_span(session) -> None:
    """With a single check-in the axis still covers the chosen days with real, different dates, and the dot
    sits on its own day."""
    import matplotlib.dates as mdates

    from recoveryjournal.services.charts import draw_mood_figure

    session.checkins.add(6, when=dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(9)))
    series = mood_stats.mood_series(session, TODAY - dt.timedelta(days=6), TODAY)
    fig = draw_mood_figure(series)
    fig.canvas.draw()
    ax = fig.get_axes()[0]
    low, high = ax.get_xlim()
    assert round(high - low) == 7
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert len(labels) >= 3 and len(set(labels)) == len(labels), labels
    mood = next(line for line in ax.get_lines() if line.get_gid() == "mood")
    x = [v for v, y in zip(mood.get_xdata(), mood.get_ydata(), strict=True) if y == y]
    assert [mdates.num2date(v).date() for v in x] == [TODAY - dt.timedelta(days=3)]


def test_the_agenda_pdf_has_the_same_header_order_and_voice(filled) -> None:
    """The appointment agenda: for whom, which appointment, the period it looks back on; my points first; then
    how I've been; page numbers."""
    upcoming = next(a for a in filled.appointments.all() if a.date > TODAY)
    pages = _pages(pdf_bytes(agenda_pdf_document(filled, upcoming))[0])
    first = pages[0]
    assert "For Alex" in first and f"Appointment {i18n.day(upcoming.date)}" in first
    assert f"Covers {i18n.day(FIRST)} to {i18n.day(TODAY)}" in first and "Page 1 of" in first
    assert first.index("What I want to talk about") < first.index("My sleep") < first.index("How I've been")
    assert "My mood averaged 7.0 out of 10" in first and not SECOND_PERSON.search(first)


def _cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "recoveryjournal.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


@pytest.mark.slow
def test_since_my_last_appointment_and_just_the_summary_from_the_command_line(filled, journal_path, tmp_path) -> None:
    """`share --mood-summary since-last-appointment --summary-only`: one page covering the days since the last
    appointment; with no earlier appointment it is refused (exit 2) and says what to do instead."""
    filled.lock()
    out = tmp_path / "summary.pdf"
    args = ["--to", "Alex", "--mood-summary", "since-last-appointment", "--summary-only", "--goal", "1", "--entry", "1"]
    done = _cli("share", str(journal_path), *args, "--output", str(out), stdin=f"{PASSPHRASE}\n")
    assert done.returncode == 0, done.stderr
    [page] = _pages(out.read_bytes())
    assert f"Covers {i18n.day(FIRST)} to {i18n.day(TODAY)}" in page and "A good walk" not in page


@pytest.mark.slow
def test_since_my_last_appointment_needs_one(created_journal, tmp_path) -> None:
    path, _key = created_journal
    refused = _cli("share", str(path), "--mood-summary", "since-last-appointment", "--output",
                   str(tmp_path / "x.pdf"), stdin=f"{PASSPHRASE}\n")  # fmt: skip
    assert refused.returncode == 2 and "no earlier appointment" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_keeping_headings_with_their_text_loses_nothing(session) -> None:
    """A long share (120 entries over several pages, headings moved to keep them with their text): every entry's
    heading is in the PDF once, and all its words. (A paragraph split over two pages is drawn on both, clipped to
    each page, so a text extractor may read a few of its lines twice: hence "at least".)"""
    for n in range(120):
        session.entries.add(
            f"Entry {n}. " + "Some words about the day, " * 12, f"Day {n}", TODAY - dt.timedelta(days=n)
        )
    request = ShareRequest(entry_ids=tuple(e.id for e in session.entries.newest_first(limit=500)))
    whole = " ".join(_pdf_text(session, request))
    assert sorted(int(n) for n in re.findall(r"· Day (\d+)", whole)) == list(range(120))
    assert whole.count("Some words about the day") >= 120 * 12
    assert all(f"Entry {n}." in whole for n in range(120))
