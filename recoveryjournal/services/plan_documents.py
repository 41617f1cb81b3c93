"""Printable documents for the crisis plan, the wallet card and an appointment agenda."""

from __future__ import annotations

from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.crisis_plan import PlanSection, dialable
from recoveryjournal.domain.goals import WHO
from recoveryjournal.i18n import N_, _, clock, day
from recoveryjournal.services import report
from recoveryjournal.services.agendas import Agenda, make_agenda
from recoveryjournal.services.export_document import ExportDocument, Section, bullets, paragraph, table
from recoveryjournal.services.journal_parts import AgendaSource

EMPTY_PLAN = N_(
    "This plan is empty so far. When you're ready, you can write it in your own words, "
    "one section at a time. There is no rush."
)


def _contact_rows(section: PlanSection) -> list[list[str]]:
    return [[c.name, c.reach, c.when] for c in section.contacts]


def plan_document(sections: list[PlanSection], author: str = "") -> ExportDocument:
    """The whole plan, skipped sections left out; an empty plan says so kindly."""
    shown = [s for s in sections if not s.skipped and not s.is_empty]
    if not shown:
        return ExportDocument(_("My crisis plan"), (Section("", (paragraph(_(EMPTY_PLAN)),)),), author=author)
    parts = []
    for s in shown:
        blocks = [paragraph(line) for line in s.text.split("\n\n") if line.strip()]
        if s.contacts:
            blocks.append(table([_("Name"), _("How to reach"), _("When")], _contact_rows(s)))
        parts.append(Section(_(s.title), tuple(blocks)))
    return ExportDocument(_("My crisis plan"), tuple(parts), author=author)


def wallet_card(sections: list[PlanSection], chosen_keys: list[str], first_steps: str = "") -> ExportDocument:
    """A card with the few lines the person chooses: their contacts, and first steps in their words."""
    lines = [f"{c.name}: {c.reach}" + (f" ({c.when})" if c.when else "")
             for s in sections if s.key in chosen_keys and not s.skipped for c in s.contacts]  # fmt: skip
    blocks = []
    if first_steps.strip():
        blocks.append(paragraph(first_steps.strip()))
    if lines:
        blocks.append(bullets(lines))
    if not blocks:
        blocks.append(paragraph(_("No contacts chosen yet. Choose the people and services to put on your card.")))
    return ExportDocument(_("If I need help"), (Section("", tuple(blocks)),), page="card")


def agenda_document(agenda: Agenda, chart: report.Chart = report.NO_CHART) -> ExportDocument:
    """The appointment agenda the person built, laid out like a share: a header (the appointment, for whom,
    the period it looks back on), my points first, then how I've been, then the goals, support and agreements.
    Only what the agenda's screen shows."""
    a = agenda.appointment
    when = (_("{day} at {time}").format(day=day(a.date), time=clock(a.time)) if a.time
            else day(a.date))  # fmt: skip
    sections = [Section(_(report.TALK_ABOUT), (bullets(agenda.talk_about) if agenda.talk_about
                                                 else paragraph(_("I haven't written any points yet.")),))]  # fmt: skip
    sections.append(report.summary_section(agenda.figures, chart))
    if agenda.goals:
        rows = [
            [g.title, _("{done} of {steps} steps done").format(done=g.steps_done, steps=len(g.steps)), g.why]
            for g in agenda.goals
        ]
        sections.append(
            Section(_("Goals I'd like to review"), (table([_("Goal"), _("Progress"), _("Why it matters")], rows),))
        )
    if lines := support_lines(a.support_to_change):  # only what the agenda's own screen shows
        sections.append(Section(_("Support I'd like to change"), (bullets(lines),)))
    if a.agreements:
        rows = [[g.text, _(WHO.get(g.who, g.who)) + (f" ({g.who_name})" if g.who_name else "")] for g in a.agreements]
        sections.append(Section(_("What we agreed"), (table([_("What"), _("Who")], rows),)))
    texts = [*agenda.talk_about, a.support_to_change, *(g.text for g in a.agreements)]
    head = report.header(recipient=a.with_whom, extra=((_("Appointment"), when),),
                         period=report.covers(agenda.mood_series.days[0], agenda.mood_series.days[-1]))  # fmt: skip
    return ExportDocument(_("My agenda"), tuple(sections), header=head, notes=report.notes(texts))


def agenda_pdf_document(source: AgendaSource, appointment: Appointment) -> ExportDocument:
    """The agenda with its chart drawn (matplotlib is loaded now), ready for the exporter."""
    agenda = make_agenda(source, appointment)
    visits = [v.date for v in source.appointments.all()]
    return agenda_document(agenda, report.report_chart(agenda.mood_series, visits))


def support_lines(text: str) -> list[str]:
    """The agenda's "support I'd like to change", one line each, as its screen shows them."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def plan_text_for_phone(section: PlanSection) -> list[tuple[str, str]]:
    """(label, number to dial) for each contact that has a number."""
    return [(f"{c.name} ({c.reach})", dialable(c.reach)) for c in section.contacts if dialable(c.reach)]
