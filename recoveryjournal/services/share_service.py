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

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import STATUSES, WHO
from recoveryjournal.domain.share import ShareRecord, ShareRequest, redact
from recoveryjournal.i18n import N_, _, clock, day, number
from recoveryjournal.services import mood_stats
from recoveryjournal.services.appointment_service import AppointmentService
from recoveryjournal.services.export_document import ExportDocument, Section, image, paragraph, table
from recoveryjournal.services.plan_documents import support_lines
from recoveryjournal.services.session_view import SessionView
from recoveryjournal.storage.share_log import ShareLogRepository

NOTHING_CHOSEN = N_("Nothing is chosen yet. Choose at least one thing to share; nothing leaves until you do.")
_HEADINGS = {
    "entry": N_("Journal entries"),
    "checkin": "Check-ins",
    "mood_summary": N_("How my mood has been"),
    "goal": N_("Goals"),
    "plan_section": N_("My crisis plan"),
    "appointment": N_("Appointment agenda"),
}


@dataclass(frozen=True, slots=True)
class ShareItem:
    """One chosen item, already with the chosen words removed. `ref` is for the share log only, never exported."""

    kind: str
    ref: str
    date: str
    title: str
    text: str
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SharePackage:
    """What will leave: the items, the document made from them, and the chart if one was chosen."""

    request: ShareRequest
    items: tuple[ShareItem, ...]
    document: ExportDocument


def _clean(item: ShareItem, phrases: tuple[str, ...]) -> ShareItem:
    return ShareItem(item.kind, item.ref, item.date, redact(item.title, phrases), redact(item.text, phrases),
                     tuple((redact(k, phrases), redact(v, phrases)) for k, v in item.details))  # fmt: skip


def _entry_item(session: SessionView, request: ShareRequest, entry_id: int) -> ShareItem:
    e = session.entry(entry_id)
    details = [(_("tags"), ", ".join(e.tags))] if e.tags and request.entry_tags else []
    return ShareItem("entry", str(entry_id), e.date.isoformat(), e.title, e.text, tuple(details))


def _goal_item(session: SessionView, request: ShareRequest, goal_id: int) -> ShareItem:
    g = session.goals.get(goal_id)
    details = [
        (_("status"), _(STATUSES[g.status])),
        (_("progress"), _("{done} of {steps} steps done").format(done=g.steps_done, steps=len(g.steps))),
    ]
    for n, s in enumerate(g.steps, 1):
        helper = f" ({s.who_name})" if s.who_name and request.goal_helpers else ""
        details.append((_("step {n}").format(n=n), (_("[done] ") if s.done else "") + f"{s.text} — {_(WHO[s.who])}"
                        + helper))  # fmt: skip
    if request.goal_risks and not g.risk.is_empty:
        details += [
            (_("risk I choose to take"), g.risk.risk),
            (_("why it's worth it"), g.risk.why_worth_it),
            (_("what would help"), g.risk.what_helps),
        ]
        if request.goal_helpers:
            details.append((_("who supports me"), g.risk.who_supports))
    return ShareItem("goal", str(goal_id), "", g.title, g.why, tuple(details))


def _checkin_item(session: SessionView, checkin_id: int) -> ShareItem:
    c = session.checkins.get(checkin_id)
    details = [(_("mood"), str(c.mood))]
    scales = ((_("sleep hours"), c.sleep_hours), (_("anxiety"), c.anxiety), (_("energy"), c.energy))
    details += [(k, number(v, fixed=False)) for k, v in scales if v is not None]
    if c.feelings:
        details.append((_("feelings"), ", ".join(c.feelings)))
    title = _("Check-in at {time}").format(time=clock(c.time))
    return ShareItem("checkin", str(checkin_id), c.date.isoformat(), title, c.note, tuple(details))


def _agenda_item(appointments: AppointmentService, appt_id: int) -> ShareItem:
    """The agenda as its screen shows it: topics, goals to review, the mood, the support I'd like to change."""
    agenda = appointments.agenda(appointments.get(appt_id))
    a = agenda.appointment
    details = [(_("with"), a.with_whom)] if a.with_whom else []
    details += [(_("goal to review"), g.title) for g in agenda.goals]
    details += [(_("support to change"), line) for line in support_lines(a.support_to_change)]
    details.append((_("mood"), agenda.mood_summary))
    return ShareItem("appointment", str(appt_id), a.date.isoformat(), _("Agenda for {day}").format(day=day(a.date)),
                     "\n".join(agenda.talk_about), tuple(details))  # fmt: skip


def collect(session: SessionView, request: ShareRequest) -> list[ShareItem]:
    """The chosen items, in a calm order, with chosen words removed. A choice that isn't in the journal
    (an unknown number or section, a range that ends before it starts) is refused: nothing is half-shared."""
    items = [_entry_item(session, request, entry_id) for entry_id in request.entry_ids]
    if request.mood_range:
        first, last = request.mood_range
        if last < first:
            raise InvalidInput(
                _("The dates are the wrong way round: {last} comes before {first}. Nothing was shared.").format(
                    first=day(first), last=day(last)
                )
            )
        series = mood_stats.mood_series(session, first, last)
        words = _("from {first} to {last}").format(first=day(first), last=day(last))
        items.append(ShareItem("mood_summary", f"{first.isoformat()}:{last.isoformat()}", last.isoformat(),
                               _(_HEADINGS["mood_summary"]), mood_stats.mood_summary(series, words)))  # fmt: skip
    items += [_checkin_item(session, checkin_id) for checkin_id in request.checkin_ids]
    items += [_goal_item(session, request, goal_id) for goal_id in request.goal_ids]
    sections = {s.key: s for s in session.plan.sections()}
    for key in request.plan_keys:
        s = sections.get(key)
        if s is None:
            raise InvalidInput(
                _("Your crisis plan has no section “{key}” (see `plan --json`). Nothing was shared.").format(key=key)
            )
        details = [(c.name, " · ".join(p for p in (c.reach, c.when) if p)) for c in s.contacts]
        items.append(ShareItem("plan_section", key, "", s.title, s.text, tuple(details)))
    appointments = session.appointments
    items += [_agenda_item(appointments, appt_id) for appt_id in request.appointment_ids]
    return [_clean(i, request.redactions) for i in items]


def build(session: SessionView, request: ShareRequest, chart_png: bytes = b"") -> SharePackage:
    """Everything that will leave, built once: the preview and every file format come from this."""
    if request.is_empty:
        raise InvalidInput(_(NOTHING_CHOSEN))
    items = tuple(collect(session, request))
    sections = []
    for kind, heading in ((k, _(h)) for k, h in _HEADINGS.items()):
        chosen = [i for i in items if i.kind == kind]
        if not chosen:
            continue
        blocks = []
        for item in chosen:
            when = day(dt.date.fromisoformat(item.date), "full") if item.date else ""
            head = " · ".join(part for part in (when, item.title) if part)
            blocks.append(paragraph(f"■ {head}") if kind != "mood_summary" else paragraph(item.text))
            if kind != "mood_summary" and item.text.strip():
                blocks += [paragraph(p) for p in item.text.split("\n\n") if p.strip()]
            if item.details:
                blocks.append(table(["", ""], [[k, v] for k, v in item.details]))
            if kind == "mood_summary" and chart_png:
                blocks.append(image(chart_png, _("Mood by day, with a 7-day average.")))
        sections.append(Section(heading, tuple(blocks)))
    title = redact(_(request.title), request.redactions) or _("Shared from my journal")
    doc = ExportDocument(title, tuple(sections), author=redact(request.author, request.redactions))
    return SharePackage(request, items, doc)


def prepare(session: SessionView, request: ShareRequest, fmt: str) -> SharePackage:
    """What will leave in `fmt`: for a PDF with a mood summary, with its chart drawn (matplotlib, loaded now)."""
    chart = b""
    if request.mood_range and fmt == "pdf" and request.mood_range[0] <= request.mood_range[1]:
        series = mood_stats.mood_series(session, *request.mood_range)
        if series.has_data:
            from recoveryjournal.services.charts import draw_mood_figure, figure_png

            chart = figure_png(draw_mood_figure(series))
    return build(session, request, chart)


def _public(item: ShareItem) -> dict[str, object]:
    return {"kind": item.kind, "date": item.date or None, "title": item.title, "text": item.text,
            "details": dict(item.details)}  # fmt: skip


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


#: Said after a share from a journal that is read-only here.
NOT_LOGGED = N_("Your journal is read-only here, so this share isn't in your share log.")


class ShareLog:
    """What was shared, when, with whom: kept only inside the encrypted journal."""

    def __init__(self, session: SessionView) -> None:
        self._conn = session.connection
        self._repo = ShareLogRepository(session.connection)

    def record(self, package: SharePackage, fmt: str, saved_to: str) -> int | None:
        """Remember a share that was written (call only after the file exists).

        A journal opened read-only (read-only stick, full disk) can still share; it just can't note
        it, and returns None so the person is told (see NOT_LOGGED).
        """
        if self._conn.read_only is not None:
            return None
        req = package.request
        return self._repo.record(req.recipient, package.document.title, fmt, saved_to,
                                 [(i.kind, i.ref) for i in package.items])  # fmt: skip

    def all(self) -> list[ShareRecord]:
        """Every share, newest first."""
        return self._repo.all()

    def shared_item(self, kind: str, ref: str) -> list[str]:
        """'Shared with Alex on 3 December 2026' lines for one item."""
        return [f"Shared with {who or 'someone'} on {when:%d %B %Y}" for when, who in self._repo.for_item(kind, ref)]

    def recipients(self) -> list[str]:
        """Names shared with before."""
        return self._repo.recipients()


def suggest_names(session: SessionView) -> list[str]:
    """Names the person has written in their people lists, to offer for leaving out."""
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
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return sorted(seen.values(), key=str.casefold)
