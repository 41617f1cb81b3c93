"""Printable documents for the crisis plan, the wallet card and an appointment agenda."""

from __future__ import annotations

from recoveryjournal.domain.crisis_plan import PlanSection, dialable
from recoveryjournal.domain.goals import WHO
from recoveryjournal.services.appointment_service import Agenda
from recoveryjournal.services.export_document import ExportDocument, Section, bullets, image, paragraph, table

EMPTY_PLAN = (
    "This plan is empty so far. When you're ready, you can write it in your own words, "
    "one section at a time. There is no rush."
)


def _contact_rows(section: PlanSection) -> list[list[str]]:
    return [[c.name, c.reach, c.when] for c in section.contacts]


def plan_document(sections: list[PlanSection], author: str = "") -> ExportDocument:
    """The whole plan, skipped sections left out; an empty plan says so kindly."""
    shown = [s for s in sections if not s.skipped and not s.is_empty]
    if not shown:
        return ExportDocument("My crisis plan", (Section("", (paragraph(EMPTY_PLAN),)),), author=author)
    parts = []
    for s in shown:
        blocks = [paragraph(line) for line in s.text.split("\n\n") if line.strip()]
        if s.contacts:
            blocks.append(table(["Name", "How to reach", "When"], _contact_rows(s)))
        parts.append(Section(s.title, tuple(blocks)))
    return ExportDocument("My crisis plan", tuple(parts), author=author)


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
        blocks.append(paragraph("No contacts chosen yet. Choose the people and services to put on your card."))
    return ExportDocument("If I need help", (Section("", tuple(blocks)),), page="card")


def agenda_document(agenda: Agenda, chart_png: bytes = b"") -> ExportDocument:
    """The appointment agenda the person built: their topics first."""
    a = agenda.appointment
    when = a.date.strftime("%A %d %B %Y") + (f" at {a.time.strftime('%H:%M')}" if a.time else "")
    sections = [Section("Appointment", (paragraph(when + (f", with {a.with_whom}" if a.with_whom else "")),))]
    if agenda.talk_about:
        sections.append(Section("Things I want to talk about", (bullets(agenda.talk_about),)))
    if agenda.goals:
        rows = [[g.title, f"{g.steps_done} of {len(g.steps)} steps done", g.why] for g in agenda.goals]
        sections.append(Section("Goals I'd like to review", (table(["Goal", "Progress", "Why it matters"], rows),)))
    mood_blocks = [paragraph(agenda.mood_summary)]
    if chart_png and agenda.mood_series.has_data:
        mood_blocks.append(image(chart_png, "My mood by day, with a 7-day average."))
    sections.append(Section("How my mood has been", tuple(mood_blocks)))
    support_lines = [f"{i.what}: {i.change_wanted}" for i in agenda.support]
    if a.support_to_change.strip():
        support_lines += [line.strip() for line in a.support_to_change.splitlines() if line.strip()]
    if support_lines:
        sections.append(Section("Support I'd like to change", (bullets(support_lines),)))
    if a.agreements:
        rows = [[g.text, WHO.get(g.who, g.who) + (f" ({g.who_name})" if g.who_name else "")] for g in a.agreements]
        sections.append(Section("What we agreed", (table(["What", "Who"], rows),)))
    return ExportDocument("My agenda", tuple(sections))


def plan_text_for_phone(section: PlanSection) -> list[tuple[str, str]]:
    """(label, number to dial) for each contact that has a number."""
    return [(f"{c.name} ({c.reach})", dialable(c.reach)) for c in section.contacts if dialable(c.reach)]
