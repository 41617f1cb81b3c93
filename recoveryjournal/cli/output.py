"""How the CLI prints items: readable blocks for people, JSON objects for scripts."""

from __future__ import annotations

import json
from typing import Any

from recoveryjournal.domain.checkin import MEDICINE_ANSWERS, CheckIn
from recoveryjournal.domain.entry import Entry
from recoveryjournal.domain.search import HIT_END, HIT_START, SearchHit
from recoveryjournal.i18n import _


def entry_json(e: Entry) -> dict[str, Any]:
    """One entry as a JSON object."""
    return {
        "kind": "entry",
        "id": e.id,
        "date": e.date.isoformat(),
        "time": e.time.strftime("%H:%M") if e.time else None,
        "title": e.title,
        "text": e.text,
        "tags": list(e.tags),
        "checkin_id": e.checkin_id,
    }


def checkin_json(c: CheckIn) -> dict[str, Any]:
    """One check-in as a JSON object."""
    return {
        "kind": "checkin",
        "id": c.id,
        "date": c.date.isoformat(),
        "time": c.time.strftime("%H:%M"),
        "title": "",
        "text": c.note,
        "mood": c.mood,
        "sleep_hours": c.sleep_hours,
        "anxiety": c.anxiety,
        "energy": c.energy,
        "feelings": list(c.feelings),
        "noticed": list(c.noticed),
        "helped": list(c.helped),
        "medicines": c.medicines,
    }


def hit_json(h: SearchHit) -> dict[str, Any]:
    """One search result as a JSON object (matches marked with [ and ])."""
    return {"kind": h.kind, "id": h.id, "date": h.date.isoformat(), "title": h.title, "snippet": plain_snippet(h)}


def plain_snippet(h: SearchHit) -> str:
    """The snippet with matches in [brackets]."""
    return h.snippet.replace(HIT_START, "[").replace(HIT_END, "]")


def dumps(value: Any) -> str:
    """JSON with the person's characters as they are (no \\u escapes)."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def entry_block(e: Entry) -> str:
    """One entry for reading."""
    head = f"#{e.id}  {e.date.isoformat()}" + (f" {e.time.strftime('%H:%M')}" if e.time else "")
    lines = [head + (f"  {e.title}" if e.title else "")]
    if e.tags:
        lines.append("Tags: " + ", ".join(e.tags))
    lines.append(e.text.rstrip())
    return "\n".join(lines)


def checkin_block(c: CheckIn) -> str:
    """One check-in for reading."""
    parts = [_("mood {mood}").format(mood=c.mood)]
    if c.sleep_hours is not None:
        parts.append(_("sleep {hours} h").format(hours=f"{c.sleep_hours:g}"))
    if c.anxiety is not None:
        parts.append(_("anxiety {anxiety}").format(anxiety=c.anxiety))
    if c.energy is not None:
        parts.append(_("energy {energy}").format(energy=c.energy))
    line = _("Check-in #{id}  {date} {time}  ").format(
        id=c.id, date=c.date.isoformat(), time=c.time.strftime("%H:%M")
    ) + ", ".join(parts)
    if c.feelings:
        line += "\n" + _("Feelings: {feelings}").format(feelings=", ".join(c.feelings))
    if c.noticed:
        line += "\n" + _("I noticed: {signs}").format(signs=", ".join(c.noticed))
    if c.helped:
        line += "\n" + _("What helped: {helped}").format(helped=", ".join(c.helped))
    if c.medicines:
        line += "\n" + _("Took my medicines: {answer}").format(answer=_(MEDICINE_ANSWERS[c.medicines]))
    return line + (f"\n{c.note}" if c.note else "")
