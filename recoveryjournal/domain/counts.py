"""How many of a kind of thing a journal holds, in words ("1 entry", "12 entries"), in the chosen language."""

from __future__ import annotations

from recoveryjournal.i18n import ngettext

#: The share log's kinds of item, by the name `how_many` knows them.
SHARED_KINDS = {"entry": "entries", "checkin": "checkins", "mood_summary": "mood_summaries", "goal": "goals",
                "plan_section": "plan_sections", "appointment": "agendas"}  # fmt: skip


def how_many(kind: str, n: int) -> str:
    """`n` things of `kind` (a table's name: entries, checkins, goals, …, or a kind of shared item) as a
    person says it."""
    kind = SHARED_KINDS.get(kind, kind)
    forms = {
        "entries": ngettext("{n} entry", "{n} entries", n),
        "checkins": ngettext("{n} check-in", "{n} check-ins", n),
        "goals": ngettext("{n} goal", "{n} goals", n),
        "goal_steps": ngettext("{n} goal step", "{n} goal steps", n),
        "goal_notes": ngettext("{n} goal note", "{n} goal notes", n),
        "plan_sections": ngettext("{n} crisis plan section", "{n} crisis plan sections", n),
        "plan_revisions": ngettext("{n} saved crisis plan version", "{n} saved crisis plan versions", n),
        "support_items": ngettext("{n} support contact", "{n} support contacts", n),
        "appointments": ngettext("{n} appointment", "{n} appointments", n),
        "agreements": ngettext("{n} agreement", "{n} agreements", n),
        "share_log": ngettext("{n} share", "{n} shares", n),
        "tags": ngettext("{n} tag", "{n} tags", n),
        "feelings": ngettext("{n} feeling", "{n} feelings", n),
        "scale_words": ngettext("{n} own word for a scale", "{n} own words for scales", n),
        "mood_summaries": ngettext("{n} mood summary", "{n} mood summaries", n),
        "agendas": ngettext("{n} agenda", "{n} agendas", n),
    }
    return forms.get(kind, f"{n} {kind}").format(n=n)
