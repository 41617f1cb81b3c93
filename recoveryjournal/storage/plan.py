"""My crisis plan: its sections as the person has them, and every saved version."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from recoveryjournal.domain.crisis_plan import Contact, PlanSection
from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.keep_an_eye import WatchItem
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import PLAN_IN_CHECKINS


def _section_json(s: PlanSection) -> dict[str, Any]:
    return {"key": s.key, "title": s.title, "text": s.text, "skipped": s.skipped,
            "template_version": s.template_version,
            "contacts": [{"name": c.name, "reach": c.reach, "when": c.when} for c in s.contacts]}  # fmt: skip


def _section_from(d: dict[str, Any]) -> PlanSection:
    contacts = tuple(Contact(c.get("name", ""), c.get("reach", ""), c.get("when", "")) for c in d.get("contacts", []))
    return PlanSection(d["key"], d["title"], d.get("text", ""), contacts, bool(d.get("skipped")),
                       int(d.get("template_version", 1)))  # fmt: skip


class PlanRepository:
    """Saving replaces the sections and keeps a snapshot of the whole plan, in one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def sections(self) -> list[PlanSection]:
        """The plan in the person's order (empty list before it is first saved)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT section_key, title, body, contacts, skipped, template_version FROM plan_sections "
                "ORDER BY position"
            ).fetchall()
        return [
            _section_from({"key": r[0], "title": r[1], "text": r[2], "contacts": json.loads(r[3]),
                           "skipped": r[4], "template_version": r[5]})
            for r in rows
        ]  # fmt: skip

    def save(self, sections: list[PlanSection]) -> int:
        """Replace the plan with `sections` and keep this version; returns the revision id."""
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        cleaned = [
            PlanSection(s.key, clean_text(s.title), clean_text(s.text),
                        tuple(Contact(clean_text(c.name), clean_text(c.reach), clean_text(c.when)) for c in s.contacts),
                        s.skipped, s.template_version)
            for s in sections
        ]  # fmt: skip
        with self._journal.transaction() as db:
            db.execute("DELETE FROM plan_sections")
            for position, s in enumerate(cleaned):
                db.execute(
                    "INSERT INTO plan_sections (position, section_key, title, body, contacts, skipped, "
                    "template_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (position, s.key, s.title, s.text, json.dumps(_section_json(s)["contacts"], ensure_ascii=False),
                     int(s.skipped), s.template_version),
                )  # fmt: skip
            snapshot = json.dumps([_section_json(s) for s in cleaned], ensure_ascii=False)
            cur = db.execute("INSERT INTO plan_revisions (saved_at, snapshot) VALUES (?, ?)", (now, snapshot))
            return int(cur.lastrowid)

    def revisions(self) -> list[tuple[int, dt.datetime]]:
        """(id, when saved) of every version, newest first."""
        with self._journal.errors():
            rows = self._journal.db.execute("SELECT id, saved_at FROM plan_revisions ORDER BY id DESC").fetchall()
        return [(int(i), dt.datetime.fromisoformat(t)) for i, t in rows]

    def revision(self, revision_id: int) -> list[PlanSection]:
        """The plan as it was saved in one version."""
        with self._journal.errors():
            row = self._journal.db.execute(
                "SELECT snapshot FROM plan_revisions WHERE id = ?", (revision_id,)
            ).fetchone()
        return [_section_from(d) for d in json.loads(row[0])] if row else []


class WatchRepository:
    """What I keep an eye on in my check-ins (signs and what helps), in my order. Empty before schema v7."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def all(self) -> list[WatchItem]:
        """Every item, signs first, each kind in the person's order."""
        if not self._journal.has(PLAN_IN_CHECKINS):
            return []
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT kind, name, section_key FROM watch_items ORDER BY kind DESC, position, id"
            ).fetchall()
        return [WatchItem(str(k), str(n), str(s)) for k, n, s in rows]

    def replace(self, kind: str, items: list[WatchItem]) -> None:
        """The items of one kind become `items` (in this order), in one transaction."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM watch_items WHERE kind = ?", (kind,))
            for position, item in enumerate(items):
                db.execute(
                    "INSERT OR IGNORE INTO watch_items (kind, name, section_key, position) VALUES (?, ?, ?, ?)",
                    (kind, clean_text(item.name), item.section_key, position),
                )
