"""What an import will bring in, shown before anything changes (ImportPreview), and what it brought (ImportOutcome)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from recoveryjournal.domain.counts import how_many
from recoveryjournal.domain.imports import MOST_WATCHED, ImportRow
from recoveryjournal.i18n import _, day, ngettext

#: The parts of a full export a preview names (links between items aren't listed).
_JSON_PARTS = ("goals", "goal_steps", "goal_notes", "plan_sections", "plan_revisions", "support_items", "appointments",
               "agreements", "share_log", "tags", "feelings", "scale_words")  # fmt: skip


@dataclass(slots=True)
class ImportPreview:
    """What a file holds and what of it will come in."""

    kind: str
    rows: list[ImportRow] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""
    unknown_columns: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    mood_map: dict[str, int] = field(default_factory=dict)
    unmapped_moods: dict[str, int] = field(default_factory=dict)
    already: int = 0

    @property
    def checkins(self) -> int:
        """Check-ins in the file."""
        if self.kind == "json":
            return len(self.tables.get("checkins", []))
        return sum(r.checkin is not None for r in self.rows)

    @property
    def entries(self) -> int:
        """Entries in the file."""
        if self.kind == "json":
            return len(self.tables.get("entries", []))
        return sum(r.entry is not None for r in self.rows)

    @property
    def new(self) -> int:
        """Items not in the journal yet (for a full export: rows with an id; links between them follow)."""
        if self.kind == "json":
            total = sum(1 for rows in self.tables.values() for row in rows if "id" in row)
        else:
            total = len(self.rows)
        return total - self.already

    def watched_over_the_cap(self) -> int:
        """Signs and helps in a full export past MOST_WATCHED of each kind (left out when brought in)."""
        kinds: dict[str, int] = {}
        for row in self.tables.get("watch_items", []):
            kinds[str(row.get("kind"))] = kinds.get(str(row.get("kind")), 0) + 1
        return sum(max(0, n - MOST_WATCHED) for n in kinds.values())

    def lines(self) -> list[str]:
        """The preview, in plain words."""
        dates = [r.date for r in self.rows] or [
            d
            for t, col in (("entries", "entry_date"), ("checkins", "checkin_date"))
            for row in self.tables.get(t, [])
            if (d := _iso_day(row.get(col))) is not None  # a date that isn't one is refused when brought in
        ]
        held = {"entries": how_many("entries", self.entries), "checkins": how_many("checkins", self.checkins)}
        out = [_("In this file: {entries} and {checkins}, from {first} to {last}.").format(
                   **held, first=day(min(dates)), last=day(max(dates)))
               if dates else _("In this file: {entries} and {checkins}.").format(**held)]  # fmt: skip
        if self.kind == "json":
            others = [how_many(t, len(rows)) for t, rows in self.tables.items() if t in _JSON_PARTS and rows]
            if others:
                out.append(_("Also: {things}.").format(things=", ".join(others)))
        if self.already:
            out.append(
                _("Already in your journal from an earlier import: {already} (they won't be added twice).").format(
                    already=self.already
                )
            )
        if self.new:
            out.append(_("New to bring in: {new}.").format(new=self.new))
        elif self.already:
            out.append(_("Nothing new: all of it is already in your journal."))
        else:  # nothing that can come in (yet): the lines below say why, never "it's all there already"
            out.append(_("Nothing in this file can be brought in as it is."))
        if self.mood_map:
            mapping = ", ".join(f"{k} → {v}" for k, v in self.mood_map.items())
            out.append(_("Moods become: {mapping} (of 10).").format(mapping=mapping))
        if self.unmapped_moods:
            moods = ", ".join(_("“{mood}” ({n} rows)").format(mood=k, n=n) for k, n in self.unmapped_moods.items())
            out.append(
                _("Moods with no number yet, so those rows won't come in until you give one: {moods}.").format(
                    moods=moods
                )
            )
        if over := self.watched_over_the_cap():
            out.append(
                _("Only the first {most} signs and the first {most} things that help come in, to keep your check-in "
                  "easy to use: {over} more are left out.").format(most=MOST_WATCHED, over=over)
            )  # fmt: skip
        if self.unknown_columns:
            columns = ", ".join(self.unknown_columns)
            out.append(_("Columns that won't come in (nothing here holds them): {columns}.").format(columns=columns))
        if self.unreadable:
            shown = "; ".join(self.unreadable[:5]) + (
                _("; and {value} more").format(value=len(self.unreadable) - 5) if len(self.unreadable) > 5 else ""
            )
            out.append(_("Rows that couldn't be read and won't come in: {shown}.").format(shown=shown))
        return out


def _iso_day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What was added."""

    checkins: int
    entries: int
    other: int = 0

    def message(self) -> str:
        """In plain words."""
        if not (self.checkins or self.entries or self.other):
            return _("Nothing new was added.")

        entries, checkins = how_many("entries", self.entries), how_many("checkins", self.checkins)
        if self.other:
            others = ngettext("{n} other item", "{n} other items", self.other).format(n=self.other)
            return _("Brought in {entries}, {checkins} and {others}.").format(
                entries=entries, checkins=checkins, others=others
            )
        return _("Brought in {entries} and {checkins}.").format(entries=entries, checkins=checkins)
