"""Issue 34, 1: every line the preview shows leaves, in JSON and CSV too — lines that share a label included
(two medicine changes on one day, two goals to review, two support lines to change)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.services.demo import open_or_create_demo
from recoveryjournal.services.share_service import build, csv_bytes, json_bytes

TODAY = dt.date.today()


def _every_kind(tmp_path: Path):  # type: ignore[no-untyped-def]
    session = open_or_create_demo(tmp_path / "demo.rjournal")
    session.medicines.turn_on(True)
    first = session.medicines.add("Sertraline", "50 mg", TODAY - dt.timedelta(days=30))
    second = session.medicines.add("Quetiapine", "25 mg", TODAY - dt.timedelta(days=30))
    day = TODAY - dt.timedelta(days=6)
    session.medicines.note_change(first.id, day, what_i_take="150 mg")
    session.medicines.note_change(second.id, day, what_i_take="50 mg")
    goals = [g.id for g in session.goals.all()][:2]
    visit = session.appointments.save(Appointment(None, TODAY + dt.timedelta(days=3), with_whom="Alex",
                                                  goal_ids=tuple(goals),
                                                  support_to_change="More calls\nA new peer group"))  # fmt: skip
    request = ShareRequest(
        recipient="Alex", entry_ids=tuple(e.id for e in session.entries.newest_first()[:2]),
        checkin_ids=tuple(c.id for c in session.checkins.between()[-2:]), goal_ids=tuple(goals),
        plan_keys=tuple(s.key for s in session.plan.sections()[:3]), appointment_ids=(visit.id,),
        mood_range=(TODAY - dt.timedelta(days=27), TODAY), medicines=True,
        patterns=(TODAY - dt.timedelta(days=60), TODAY),
    )  # fmt: skip
    return session, build(session, request)


def test_every_line_of_every_kind_leaves_in_json_and_csv(tmp_path) -> None:
    session, package = _every_kind(tmp_path)
    try:
        kinds = {i.kind for i in package.items}
        assert {
            "entry",
            "checkin",
            "goal",
            "plan_section",
            "appointment",
            "mood_summary",
            "medicines",
            "patterns",
        } <= kinds
        shared = json.loads(json_bytes(package))["items"]
        rows = list(csv.reader(io.StringIO(csv_bytes(package).decode("utf-8-sig"))))[1:]
        assert len(shared) == len(rows) == len(package.items)
        for item, data, row in zip(package.items, shared, rows, strict=True):
            # What the preview shows of the item (ShareItem.details is what the PDF draws), line for line.
            assert [(d["label"], d["text"]) for d in data["details"]] == list(item.details), item.kind
            assert row[4] == "; ".join(f"{k}: {v}" for k, v in item.details)
        medicines = next(d for d in shared if d["kind"] == "medicines")["details"]
        changed = [d["text"] for d in medicines if d["label"] == medicines[-1]["label"]]
        assert any("Sertraline: now 150 mg" in t for t in changed) and any(
            "Quetiapine: now 50 mg" in t for t in changed
        )
        agenda = next(d for d in shared if d["kind"] == "appointment")["details"]
        assert len([d for d in agenda if d["label"] == "A goal to review"]) == 2
        assert len([d for d in agenda if d["label"] == "Support I'd like to change"]) == 2
    finally:
        session.lock()
