"""Sharing what the person chooses: collect the chosen items, remove chosen words, build one document,
write JSON or CSV from the same items, and remember the share inside the journal.

Exports carry the person's words and dates only: no journal path, account, host, or internal ids.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

from recoveryjournal.domain.checkin import MEDICINE_ANSWERS
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import STATUSES, WHO
from recoveryjournal.domain.medicines import change_line, first_line, now_line
from recoveryjournal.domain.share import ShareRequest, redact
from recoveryjournal.i18n import N_, _, clock, day, ngettext, number
from recoveryjournal.services import mood_stats, report
from recoveryjournal.services import patterns as patterns_service
from recoveryjournal.services.agendas import make_agenda
from recoveryjournal.services.appointment_service import AppointmentService
from recoveryjournal.services.export_document import (
    Block,
    ExportDocument,
    Section,
    bullets,
    paragraph,
    subheading,
    table,
)
from recoveryjournal.services.journal_parts import SessionView
from recoveryjournal.services.plan_documents import support_lines

MEDICINE_CHANGES = N_("Medicine changes")
NOTHING_CHOSEN = N_("Nothing is chosen yet. Choose at least one thing to share; nothing leaves until you do.")
#: The sections of a shared document, in the order a reader wants them (see services.report).
_HEADINGS = {
    "appointment": report.TALK_ABOUT,
    "mood_summary": report.HOW_I_HAVE_BEEN,
    "goal": N_("My goals"),
    "patterns": patterns_service.TITLE,
    "entry": N_("Journal entries"),
    "checkin": N_("Check-ins"),
    "medicines": N_("My medicines"),
    "plan_section": N_("My crisis plan"),
}
#: The period "since my last appointment", as the CLI names it.
SINCE_LAST_APPOINTMENT = "since-last-appointment"
#: In "just the summary", at most this many of the agenda's points and goals (so it stays one page).
SUMMARY_MOST = 8


@dataclass(frozen=True, slots=True)
class ShareItem:
    """One chosen item, already with the chosen words removed. `ref` is for the share log only, never exported.
    `cells` are a summary's figures for the PDF's strip (label, figure, sentence)."""

    kind: str
    ref: str
    date: str
    title: str
    text: str
    details: tuple[tuple[str, str], ...] = ()
    cells: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SharePackage:
    """What will leave: the items, the document made from them, and the chart if one was chosen."""

    request: ShareRequest
    items: tuple[ShareItem, ...]
    document: ExportDocument


def _clean(item: ShareItem, phrases: tuple[str, ...]) -> ShareItem:
    def r(text: str) -> str:
        return redact(text, phrases)

    return ShareItem(item.kind, item.ref, item.date, r(item.title), r(item.text),
                     tuple((r(k), r(v)) for k, v in item.details),
                     tuple((r(a), r(b), r(c)) for a, b, c in item.cells))  # fmt: skip


def _entry_item(session: SessionView, request: ShareRequest, entry_id: int) -> ShareItem:
    e = session.entries.get(entry_id)
    details = [(_("Tags"), ", ".join(e.tags))] if e.tags and request.entry_tags else []
    return ShareItem("entry", str(entry_id), e.date.isoformat(), e.title, e.text, tuple(details))


def _goal_item(session: SessionView, request: ShareRequest, goal_id: int) -> ShareItem:
    g = session.goals.get(goal_id)
    details = [
        (_("Status"), _(STATUSES[g.status])),
        (_("Progress"), _("{done} of {steps} steps done").format(done=g.steps_done, steps=len(g.steps))),
    ]
    if request.summary_only:
        return ShareItem("goal", str(goal_id), "", g.title, "", tuple(details))
    for n, s in enumerate(g.steps, 1):
        helper = f" ({s.who_name})" if s.who_name and request.goal_helpers else ""
        details.append((_("Step {n}").format(n=n), (_("[done] ") if s.done else "") + f"{s.text} — {_(WHO[s.who])}"
                        + helper))  # fmt: skip
    if request.goal_risks and not g.risk.is_empty:
        details += [
            (_("A risk I choose to take"), g.risk.risk),
            (_("Why it's worth it"), g.risk.why_worth_it),
            (_("What would help"), g.risk.what_helps),
        ]
        if request.goal_helpers:
            details.append((_("Who supports me"), g.risk.who_supports))
    return ShareItem("goal", str(goal_id), "", g.title, g.why, tuple(details))


def _checkin_item(session: SessionView, request: ShareRequest, checkin_id: int) -> ShareItem:
    c = session.checkins.get(checkin_id)
    details = [(_("Mood"), str(c.mood))]
    scales = ((_("Sleep (hours)"), c.sleep_hours), (_("Anxiety"), c.anxiety), (_("Energy"), c.energy))
    details += [(k, number(v, fixed=False)) for k, v in scales if v is not None]
    if c.feelings:
        details.append((_("Feelings"), ", ".join(c.feelings)))
    if c.noticed:
        details.append((_("I noticed"), ", ".join(c.noticed)))
    if c.helped:
        details.append((_("What helped"), ", ".join(c.helped)))
    if c.medicines and request.medicines:
        details.append((_("Took my medicines"), _(MEDICINE_ANSWERS[c.medicines])))
    title = _("Check-in at {time}").format(time=clock(c.time))
    return ShareItem("checkin", str(checkin_id), c.date.isoformat(), title, c.note, tuple(details))


def _agenda_item(session: SessionView, appt_id: int) -> ShareItem:
    """The agenda as its screen shows it: my points, the goals to review, the support I'd like to change, and
    how I've been since the appointment before (in my own voice)."""
    agenda = make_agenda(session, session.appointments.get(appt_id))
    a = agenda.appointment
    details = [(_("With"), a.with_whom)] if a.with_whom else []
    details += [(_("A goal to review"), g.title) for g in agenda.goals]
    details += [(_("Support I'd like to change"), line) for line in support_lines(a.support_to_change)]
    details.append(
        (_("How I've been"), mood_stats.shared_summary(mood_stats.period_figures(session, agenda.mood_series)))
    )
    title = _("For my appointment on {day}").format(day=day(a.date))
    return ShareItem("appointment", str(appt_id), a.date.isoformat(), title, "\n".join(agenda.talk_about),
                     tuple(details))  # fmt: skip


def _medicines_item(session: SessionView) -> ShareItem:
    """The medicine list and every change, in my words (only when ticked as its own item)."""
    details: list[tuple[str, str]] = []
    for m in session.medicines.all():  # what I take now first, then how it went, oldest first
        details.append((m.name, now_line(m, day)))
        if m.changes:
            if m.since:
                details.append((day(m.since), f"{m.name}: {first_line(m)}"))
            details += [(day(c.date), change_line(m, c)) for c in m.changes]
    if not details:
        raise InvalidInput(_("There are no medicines in your journal to share. Nothing was shared."))
    return ShareItem("medicines", "list", "", _("My medicines"), "", tuple(details))


def _in_order(first: dt.date, last: dt.date) -> None:
    """A range of days that ends before it starts is refused (InvalidInput, exit 2), for every kind of item."""
    if last < first:
        raise InvalidInput(
            _("The dates are the wrong way round: {last} comes before {first}. Nothing was shared.").format(
                first=day(first), last=day(last)
            )
        )


def _patterns_item(session: SessionView, first: dt.date, last: dt.date) -> ShareItem:
    """The sentences (one per sign or help, as details) after the note that says what they are."""
    _in_order(first, last)
    found = patterns_service.patterns(session, first, last)
    note = _(patterns_service.NOT_CAUSES) if found else _("Nothing to say yet for these days.")
    return ShareItem("patterns", f"{first.isoformat()}:{last.isoformat()}", "", _(patterns_service.TITLE), note,
                     tuple((p.name, p.sentence) for p in found))  # fmt: skip


def _mood_item(session: SessionView, first: dt.date, last: dt.date, medicines: bool = False) -> ShareItem:
    _in_order(first, last)
    series = mood_stats.mood_series(session, first, last, medicines=medicines)
    figures = mood_stats.period_figures(session, series)
    cells = mood_stats.strip_cells(figures)
    details = [(label, figure) for label, figure, _words in cells]
    if series.medicine_changes:
        details.append((_(MEDICINE_CHANGES), mood_stats.medicine_words(series)))
    return ShareItem("mood_summary", f"{first.isoformat()}:{last.isoformat()}", last.isoformat(),
                     _(report.HOW_I_HAVE_BEEN), mood_stats.shared_summary(figures), tuple(details),
                     tuple(cells))  # fmt: skip


def collect(session: SessionView, request: ShareRequest) -> list[ShareItem]:
    """The chosen items, in the order a reader wants them, with chosen words removed. A choice that isn't in the
    journal (an unknown number or section, a range that ends before it starts) is refused: nothing is
    half-shared. "Just the summary" leaves out entries, check-ins and the plan, and a goal's steps."""
    appointments = [_agenda_item(session, appt_id) for appt_id in request.appointment_ids]
    mood = [_mood_item(session, *request.mood_range, request.medicines)] if request.mood_range else []
    mood += [_patterns_item(session, *request.patterns)] if request.patterns else []
    goals = [_goal_item(session, request, goal_id) for goal_id in request.goal_ids]
    sections = {s.key: s for s in session.plan.sections()}
    plan = []
    for key in request.plan_keys:
        s = sections.get(key)
        if s is None:
            raise InvalidInput(
                _("Your crisis plan has no section “{key}” (see `plan --json`). Nothing was shared.").format(key=key)
            )
        details = [(c.name, " · ".join(p for p in (c.reach, c.when) if p)) for c in s.contacts]
        plan.append(ShareItem("plan_section", key, "", _(s.title), s.text, tuple(details)))
    if request.summary_only:
        items = appointments + mood + goals[:SUMMARY_MOST]
    else:
        entries = [_entry_item(session, request, entry_id) for entry_id in request.entry_ids]
        checkins = [_checkin_item(session, request, checkin_id) for checkin_id in request.checkin_ids]
        medicines = [_medicines_item(session)] if request.medicines else []
        items = appointments + mood + goals + entries + checkins + medicines + plan
    return [_clean(i, request.redactions) for i in items]


def _period(request: ShareRequest, items: tuple[ShareItem, ...]) -> tuple[dt.date | None, dt.date | None]:
    """What the document covers: the summary's dates, or else the first and last day of what was chosen."""
    if request.mood_range:
        return request.mood_range
    dates = sorted(dt.date.fromisoformat(i.date) for i in items if i.date)
    return (dates[0], dates[-1]) if dates else (None, None)


def _item_blocks(item: ShareItem, has_summary: bool, summary_only: bool) -> list[Block]:
    """One item's blocks under its section's heading (the summary's are made by services.report)."""
    if item.kind == "appointment":
        points = [p for p in item.text.split("\n") if p.strip()]
        with_whom = dict(item.details).get(_("With"), "")
        head = item.title + (_(", with {with_whom}").format(with_whom=with_whom) if with_whom else "")
        blocks: list[Block] = [subheading(head)]
        if summary_only and len(points) > SUMMARY_MOST:
            more = len(points) - SUMMARY_MOST
            points = [*points[:SUMMARY_MOST], ngettext("and {n} more", "and {n} more", more).format(n=more)]
        blocks.append(bullets(points) if points else paragraph(_("I haven't written any points yet.")))
        rows = [[k, v] for k, v in item.details if k != _("With") and not (k == _("How I've been") and has_summary)]
        if rows and not summary_only:
            blocks.append(table(["", ""], rows))
        return blocks
    if item.kind == "goal":
        rows = [[_("Why it matters"), item.text]] if item.text.strip() else []
        return [table(["", ""], rows + [[k, v] for k, v in item.details], carried=item.title)]
    when = day(dt.date.fromisoformat(item.date)) if item.date else ""
    blocks = [subheading(" · ".join(part for part in (when, item.title) if part))]
    blocks += report.first_paragraphs(item.text)
    if item.details:
        blocks.append(table(["", ""], [[k, v] for k, v in item.details]))
    return blocks


def build(session: SessionView, request: ShareRequest, chart: report.Chart = report.NO_CHART) -> SharePackage:
    """Everything that will leave, built once: the preview and every file format come from this.

    The document opens with a header (from, for, the period it covers, the day it was made) and the line
    that says it is shared by me from my own journal; then what I want to talk about, how I've been (figures
    and one chart), and the detail."""
    if request.is_empty:
        raise InvalidInput(_(NOTHING_CHOSEN))
    items = tuple(collect(session, request))
    has_summary = any(i.kind == "mood_summary" for i in items)
    sections = []
    for kind, heading in _HEADINGS.items():
        chosen = [i for i in items if i.kind == kind]
        if not chosen:
            continue
        blocks: list[Block] = []
        if kind == "goal" and request.summary_only:  # a line each
            rows = [[i.title, *(v for _k, v in i.details)] for i in chosen]
            sections.append(Section(_(heading), (table([_("Goal"), _("Status"), _("Progress")], rows),)))
            continue
        for item in chosen:
            if kind == "mood_summary":
                words = dict(item.details).get(_(MEDICINE_CHANGES), "")
                blocks += report.summary_blocks(list(item.cells), chart, words)
            elif kind == "medicines":
                blocks.append(table(["", ""], [[k, v] for k, v in item.details]))
            elif kind == "patterns":
                blocks.append(paragraph(item.text))
                if item.details:
                    blocks.append(bullets([sentence for _name, sentence in item.details]))
            else:
                blocks += _item_blocks(item, has_summary, request.summary_only)
        sections.append(Section(_(heading), tuple(blocks)))
    title = redact(_(request.title), request.redactions) or _("Shared from my journal")
    author = redact(request.author, request.redactions)
    first, last = _period(request, items)
    recipient = redact(request.recipient, request.redactions)
    texts = [t for i in items for t in (i.title, i.text, *(v for _k, v in i.details))]
    doc = ExportDocument(title, tuple(sections), author=author,
                         header=report.header(author=author, recipient=recipient, period=report.covers(first, last)),
                         notes=report.notes(texts))  # fmt: skip
    return SharePackage(request, items, doc)


def prepare(session: SessionView, request: ShareRequest, fmt: str) -> SharePackage:
    """What will leave in `fmt`: for a PDF or a web page with a summary, with its chart drawn (matplotlib, loaded
    now)."""
    chart = report.NO_CHART
    if request.mood_range and fmt in ("pdf", "html") and request.mood_range[0] <= request.mood_range[1]:
        series = mood_stats.mood_series(session, *request.mood_range, medicines=request.medicines)
        visits = [a.date for a in session.appointments.all()]
        chart = report.report_chart(series, visits, compact=request.summary_only)
    return build(session, request, chart)


def since_last_appointment(appointments: AppointmentService, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """From my last appointment before today to today; refused kindly when there was none."""
    today = today or dt.date.today()
    last = appointments.last_before(today)
    if last is None:
        raise InvalidInput(_("There's no earlier appointment in your journal yet, so choose the dates instead "
                             "(FROM:TO). Nothing was shared."))  # fmt: skip
    return last, today


def _public(item: ShareItem) -> dict[str, object]:
    """One item for the JSON: its details as a list, every line in order (two with one label stay two)."""
    return {"kind": item.kind, "date": item.date or None, "title": item.title, "text": item.text,
            "details": [{"label": label, "text": text} for label, text in item.details]}  # fmt: skip


def json_bytes(package: SharePackage) -> bytes:
    """The items as JSON (no internal ids)."""
    doc = package.document
    data = {"title": doc.title, "shared_on": doc.date.isoformat(), "from": doc.author or None,
            "items": [_public(i) for i in package.items]}  # fmt: skip
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: a leading quote before a formula's first sign."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_bytes(package: SharePackage) -> bytes:
    """The items as CSV: kind, date, title, text, details (UTF-8 with a BOM so spreadsheets read it).
    No cell can run as a formula on the reader's computer (see inert_cell)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["kind", "date", "title", "text", "details"])
    for item in package.items:
        row = [item.kind, item.date, item.title, item.text, "; ".join(f"{k}: {v}" for k, v in item.details)]
        writer.writerow([inert_cell(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def suggest_names(session: SessionView, own_name: str = "") -> list[str]:
    """Names the person has written in their people lists, to offer for leaving out; never their own name (the
    one they put on the document, or a word of it)."""
    own = {" ".join(own_name.split()).casefold(), *own_name.casefold().split()} - {""}
    names: list[str] = []
    for s in session.plan.sections():
        names += [c.name for c in s.contacts]
    for g in session.goals.all():
        names += [s.who_name for s in g.steps]
    for a in session.appointments.all():
        names += [a.with_whom] + [g.who_name for g in a.agreements]
    for support in session.support.all():
        names.append(support.provider)
    seen: dict[str, str] = {}
    for name in names:
        cleaned = " ".join(name.split("(")[0].split(",")[0].split())
        if cleaned and cleaned.casefold() not in seen and cleaned.casefold() not in own:
            seen[cleaned.casefold()] = cleaned
    return sorted(seen.values(), key=str.casefold)
