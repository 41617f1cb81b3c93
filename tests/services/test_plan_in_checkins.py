"""Issue 25: the check-in knows my plan (signs noticed, what helped), my medicines (only if I want them), and what
seems to go with better days — on real journals, through the services, the CLI and the shared PDF."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from recoveryjournal.domain.crisis_plan import PlanSection
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.keep_an_eye import MOST, plan_lines
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.demo import fill_with_demo_entries, fill_with_demo_plans
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.journal_service import unlock_journal
from recoveryjournal.services.mood_stats import mood_series, mood_summary
from recoveryjournal.services.patterns import MIN_DAYS, find_patterns, patterns
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import schema
from tests.cli.test_cli import run
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


def _day(n: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=n), dt.time(9))


# What I noticed and what helped -------------------------------------------------------------------------------
def test_a_checkin_keeps_what_i_noticed_what_helped_and_my_medicines(session) -> None:
    """Stored in my words (repeats in other letters dropped), changed with the check-in, gone with it."""
    c = session.checkins.add(5, noticed=["Not sleeping", "not  sleeping", "Racing thoughts"], helped=["A walk"],
                             medicines="some")  # fmt: skip
    assert (c.noticed, c.helped, c.medicines) == (("Not sleeping", "Racing thoughts"), ("A walk",), "some")
    changed = session.checkins.update(replace(c, noticed=("Racing thoughts",), helped=(), medicines=None))
    assert (changed.noticed, changed.helped, changed.medicines) == (("Racing thoughts",), (), None)
    with pytest.raises(InvalidInput, match="all, some or none"):
        session.checkins.add(5, medicines="most")
    session.checkins.delete(c.id)
    assert session.checkins.daily_marks(TODAY, TODAY) == {}
    assert session._conn.db.execute("SELECT count(*) FROM checkin_marks").fetchone()[0] == 0


def test_plan_lines_offer_my_own_sentences_and_lists() -> None:
    """Each short sentence of the plan's signs (or what helps) is one choice; a sentence that is a list gives its
    items; a long sentence with one comma stays whole."""
    sections = [
        PlanSection("early_signs", "x", "Sleeping badly. Not answering messages.\n- Pacing at night"),
        PlanSection("set_me_off", "y", "When I notice them, I tell Sam and use my list."),
        PlanSection("cope_alone", "z", "Tea, a warm shower, my playlist, a short walk round the block."),
        PlanSection("keeps_me_well", "w", "Music in the evening", skipped=True),
    ]
    assert [line for _k, line in plan_lines(sections, "sign")] == [
        "Sleeping badly", "Not answering messages", "Pacing at night", "When I notice them, I tell Sam and use my list"
    ]  # fmt: skip
    assert [line for _k, line in plan_lines(sections, "helps")] == [
        "Tea", "A warm shower", "My playlist", "A short walk round the block"
    ]  # fmt: skip


def test_keeping_an_eye_is_my_choice_and_can_grow_from_a_checkin(session) -> None:
    """Nothing is watched at first; the gentle offer comes once the plan has signs and what helps, and goes for
    good with "not now"; a sign added in a check-in can be written into the plan (a new version is kept)."""
    assert session.plan.watched("sign") == [] and not session.plan.offer_keeping_an_eye()
    sections = [replace(s, text={"early_signs": "Sleeping badly.", "cope_alone": "A walk."}.get(s.key, s.text))
                for s in session.plan.sections()]  # fmt: skip
    session.plan.save(sections)
    assert session.plan.offer_keeping_an_eye()
    session.plan.set_watched("sign", ["Sleeping badly"])
    assert [(w.name, w.section_key) for w in session.plan.watched("sign")] == [("Sleeping badly", "early_signs")]
    assert not session.plan.offer_keeping_an_eye()  # something is watched
    versions = len(session.plan.versions())
    session.plan.add_to_plan("sign", "Skipping meals")
    early = next(s for s in session.plan.sections() if s.key == "early_signs")
    assert early.text == "Sleeping badly.\nSkipping meals" and len(session.plan.versions()) == versions + 1
    assert [w.name for w in session.plan.watched("sign")] == ["Sleeping badly", "Skipping meals"]
    # What helped goes to "Things I can do on my own to cope", or the next section of that kind I use.
    sections = session.plan.sections()
    session.plan.save([replace(s, skipped=s.key == "cope_alone") for s in sections])
    session.plan.add_to_plan("helps", "Calling Sam")
    kept = {s.key: s.text for s in session.plan.sections()}
    assert "Calling Sam" not in kept["cope_alone"] and kept["keeps_me_well"] == "Calling Sam"
    with pytest.raises(InvalidInput, match="up to"):
        session.plan.set_watched("helps", [f"thing {n}" for n in range(MOST + 1)])
    session.plan.set_watched("sign", [])
    session.plan.no_offer()
    assert not session.plan.offer_keeping_an_eye()


# What seems to go with better days ----------------------------------------------------------------------------
def _days(with_it: int, without: int) -> tuple[dict[dt.date, float], dict[dt.date, set[tuple[str, str]]]]:
    """The older days with the sign, the newer ones without (all counted: the first day is a day with it)."""
    moods, marks = {}, {}
    for n in range(with_it + without):
        day = TODAY - dt.timedelta(days=n)
        moods[day] = 4.0 if n >= without else 6.0
        if n >= without:
            marks[day] = {("noticed", "Not sleeping")}
    return moods, marks


@pytest.mark.parametrize(("with_it", "without", "said"), [
    (MIN_DAYS, MIN_DAYS, True), (MIN_DAYS - 1, 20, False), (20, MIN_DAYS - 1, False), (MIN_DAYS, MIN_DAYS - 1, False),
])  # fmt: skip
def test_a_pattern_is_said_only_with_five_days_on_each_side(with_it: int, without: int, said: bool) -> None:
    """The boundary: 5 and 5 gives a sentence; 4 on either side gives none."""
    found = find_patterns(*_days(with_it, without))
    assert bool(found) is said
    if said:
        assert found[0].sentence == (
            f"On the {with_it} days I noticed “Not sleeping”, my mood averaged 4.0; on the other {without} days, 6.0."
        )


def test_patterns_count_from_the_first_day_something_was_noted(session) -> None:
    """Days before I first noted a sign aren't "other days": I wasn't noting it then."""
    for n in range(30, 0, -1):
        mood = 3 if n % 3 == 0 else 7
        session.checkins.add(mood, when=_day(n), noticed=["Not sleeping"] if n % 3 == 0 and n <= 18 else [],
                             helped=["A walk"] if mood == 7 else [])  # fmt: skip
    (walk,) = [p for p in patterns(session, TODAY - dt.timedelta(days=40), TODAY) if p.kind == "helped"]
    (sleep,) = [p for p in patterns(session, TODAY - dt.timedelta(days=40), TODAY) if p.kind == "noticed"]
    assert (walk.days_with, walk.days_other, walk.mood_with, walk.mood_other) == (20, 9, 7.0, 3.0)  # day 30 before
    assert (sleep.days_with, sleep.days_other) == (6, 12)  # from day 18 on: 6 with, 12 without


# My medicines --------------------------------------------------------------------------------------------------
def test_medicines_are_off_until_turned_on_and_keep_their_history(session) -> None:
    meds = session.medicines
    assert not meds.turned_on and meds.all() == []
    meds.turn_on(True)
    m = meds.add("Sertraline", "50 mg a day", TODAY - dt.timedelta(days=60))
    meds.note_change(m.id, TODAY - dt.timedelta(days=10), "change", "100 mg a day", "we agreed")
    meds.note_change(m.id, TODAY - dt.timedelta(days=2), "stop", why="side effects")
    (m,) = meds.all()
    assert m.now == "100 mg a day" and m.stopped == TODAY - dt.timedelta(days=2)
    assert [w for _d, w in meds.changes_between(TODAY - dt.timedelta(days=30), TODAY)] == [
        "Sertraline: now 100 mg a day (we agreed)", "Sertraline: stopped (side effects)"
    ]  # fmt: skip
    for bad in (dict(kind="pause"), dict(when=TODAY + dt.timedelta(days=1)), dict(what_i_take="")):
        args = {"medicine_id": m.id, "when": TODAY, "kind": "change", "what_i_take": "x", **bad}
        with pytest.raises(InvalidInput):
            meds.note_change(**args)
    with pytest.raises(InvalidInput, match="name"):
        meds.add("  ")
    meds.delete_change(m.changes[-1].id)  # the stop was noted by mistake
    assert meds.all()[0].stopped is None
    meds.turn_on(False)  # off hides them from charts; nothing is removed
    assert meds.changes_between(dt.date.min, TODAY) == [] and len(meds.all()) == 1


def test_medicine_changes_are_marked_on_the_chart_and_said_in_its_summary(session) -> None:
    session.checkins.add(5, when=_day(5))
    session.checkins.add(6, when=_day(1))
    session.medicines.turn_on(True)
    m = session.medicines.add("Sertraline", "50 mg", TODAY - dt.timedelta(days=90))
    session.medicines.note_change(m.id, TODAY - dt.timedelta(days=3), "change", "100 mg")
    series = mood_series(session, TODAY - dt.timedelta(days=6), TODAY)
    assert "Medicine changes (the numbered lines on the chart): 1." in mood_summary(series, "over the last week")
    from recoveryjournal.services.charts import draw_mood_figure, draw_report_figure

    for figure in (draw_mood_figure(series), draw_report_figure(series, [])):
        marks = [line for ax in figure.axes for line in ax.lines if line.get_gid() == "medicine"]
        assert len(marks) == 1
    assert mood_series(session, TODAY - dt.timedelta(days=6), TODAY, medicines=False).medicine_changes == ()


# Sharing -------------------------------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)


def test_medicines_leave_only_when_ticked_and_patterns_when_chosen(session, tmp_path: Path) -> None:
    """The demo journal shared with its check-ins and summary: no medicine word unless "My medicines" is ticked;
    the check-ins carry what I noticed and what helped; the pattern sentences come only when chosen."""
    fill_with_demo_entries(session)
    fill_with_demo_plans(session)
    ids = tuple(c.id for c in session.checkins.between(limit=5))
    days = (TODAY - dt.timedelta(days=42), TODAY)
    plain = ShareRequest(recipient="Alex", checkin_ids=ids, mood_range=days)
    exporter = Exporter(Policy(), pdf_bytes)
    assert exporter.share(session, plain, "pdf", tmp_path / "plain.pdf").done
    text = _pdf_text(tmp_path / "plain.pdf")
    assert "Sertraline" not in text and "medicines" not in text.lower() and "Medicine change" not in text
    assert "better days" not in text
    assert "What helped" in text or "I noticed" in text
    ticked = replace(plain, medicines=True, patterns=days)
    assert exporter.share(session, ticked, "pdf", tmp_path / "ticked.pdf").done
    text = _pdf_text(tmp_path / "ticked.pdf")
    for expected in ("My medicines", "Sertraline", "100 mg in the morning", "Medicine changes", "Took my medicines",
                     "What seems to go with better days", "my mood averaged", "not causes"):  # fmt: skip
        assert expected in text, expected
    logged = session.shares.all()[0]
    assert ("medicines", "list") in logged.items


# The CLI, with the commands as written ------------------------------------------------------------------
def test_cli_checkin_list_patterns_and_medicines(monkeypatch, capsys, created_journal) -> None:
    path, _ = created_journal
    journal = str(path)
    code, out, err = run(monkeypatch, capsys, ["checkin", journal, "--mood", "5", "--noticed", "Not sleeping",
                                               "--helped", "A walk", "--medicines", "all"], PASSPHRASE)  # fmt: skip
    assert code == 0 and "medicines JOURNAL --turn-on" in err
    second = ["checkin", journal, "--mood", "6", "--noticed", "Not sleeping", "--noticed", "Racing thoughts",
              "--helped", "A walk"]  # fmt: skip
    code, out, _err = run(monkeypatch, capsys, second, PASSPHRASE)
    assert code == 0
    code, out, _err = run(monkeypatch, capsys, ["list", journal, "--json", "--kind", "checkins"], PASSPHRASE)
    items = json.loads(out)
    assert [(i["noticed"], i["helped"], i["medicines"]) for i in items] == [
        (["Not sleeping", "Racing thoughts"], ["A walk"], None), (["Not sleeping"], ["A walk"], "all")
    ]  # fmt: skip
    code, out, err = run(monkeypatch, capsys, ["patterns", journal], PASSPHRASE)
    assert code == 0 and out == "" and "at least 5 days" in err
    code, out, _err = run(monkeypatch, capsys, ["patterns", journal, "--from", "2026-01-01", "--json"], PASSPHRASE)
    assert code == 0 and json.loads(out) == []
    code, out, _err = run(monkeypatch, capsys, ["patterns", journal, "--to", "2020-01-01", "--json"], PASSPHRASE)
    assert code == 0 and json.loads(out) == []  # only --to, before every check-in: nothing, and no complaint
    code, _out, err = run(monkeypatch, capsys, ["patterns", journal, "--from", "2026-12-03", "--to", "2026-11-01"],
                          PASSPHRASE)  # fmt: skip
    assert code == 2 and "wrong way round" in err
    code, out, err = run(monkeypatch, capsys, ["medicines", journal], PASSPHRASE)
    assert code == 0 and "turned off" in err
    code, _out, err = run(monkeypatch, capsys, ["medicines", journal, "--add", "Sertraline"], PASSPHRASE)
    assert code == 2 and "Turn them on first" in err
    assert run(monkeypatch, capsys, ["medicines", journal, "--turn-on"], PASSPHRASE)[0] == 0
    code, out, _err = run(monkeypatch, capsys, ["medicines", journal, "--add", "Sertraline", "--take", "50 mg",
                                                "--date", "2026-10-01"], PASSPHRASE)  # fmt: skip
    medicine_id = out.strip()
    assert run(monkeypatch, capsys, ["medicines", journal, "--change", medicine_id, "--take", "100 mg", "--date",
                                     TODAY.isoformat(), "--why", "we agreed"], PASSPHRASE)[0] == 0  # fmt: skip
    code, out, _err = run(monkeypatch, capsys, ["medicines", journal, "--json"], PASSPHRASE)
    (m,) = json.loads(out)
    assert (m["name"], m["now"], m["since"], m["changes"][0]["why"]) == ("Sertraline", "100 mg", "2026-10-01",
                                                                         "we agreed")  # fmt: skip
    code, out, _err = run(monkeypatch, capsys, ["medicines", journal], PASSPHRASE)
    assert "Sertraline: now 100 mg (we agreed)" in out


def test_cli_patterns_on_the_demo_journal(monkeypatch, capsys, session) -> None:
    """The demo's weeks of signs give sentences; what it keeps an eye on are lines of its own plan."""
    fill_with_demo_entries(session)
    fill_with_demo_plans(session)
    watched = session.plan.watched("sign") + session.plan.watched("helps")
    assert len(watched) == 5 and all(w.section_key for w in watched)
    path = str(session.path)
    session.lock()
    code, out, _err = run(monkeypatch, capsys, ["patterns", path, "--json"], PASSPHRASE)
    found = json.loads(out)
    assert code == 0 and found and all(p["days_with"] >= MIN_DAYS and p["days_other"] >= MIN_DAYS for p in found)
    assert any(p["kind"] == "noticed" and p["name"] == "Sleeping badly" for p in found)
    code, out, _err = run(monkeypatch, capsys, ["patterns", path], PASSPHRASE)
    assert "On the " in out and "not causes" in out


# The upgrade to v7, with kill -9 --------------------------------------------------------------------------------
UPGRADER = textwrap.dedent(
    """
    import sys
    from recoveryjournal.services.journal_service import unlock_journal
    from tests.services.test_plan_in_checkins import back_to_version_6
    path, phrase = sys.argv[1:]
    print("ready", flush=True)
    while True:
        back_to_version_6(path, phrase)
        unlock_journal(path, phrase).lock()  # opening upgrades it again
    """
)


def back_to_version_6(path: str | Path, phrase: str) -> None:
    """Turn a journal back into one an earlier release made (v6), in one transaction."""
    session = unlock_journal(path, phrase)
    db = session._conn.db
    db.execute("BEGIN IMMEDIATE")
    for table in ("checkin_marks", "watch_items", "medicine_changes", "medicines", "preferences", "prompts"):  # v9
        db.execute(f"DROP TABLE {table}")
    db.execute("ALTER TABLE checkins DROP COLUMN medicines")
    for table, column in (("share_log", "words_left_out"), ("share_log_items", "item_date"),
                          ("share_log_items", "item_title")):  # what v8 adds  # fmt: skip
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("PRAGMA user_version = 6")
    db.execute("COMMIT")
    session.lock()


def test_kill_during_the_upgrade_leaves_the_old_or_the_new_version(created_journal) -> None:
    """kill -9 at random moments while a journal is upgraded from v6 to v7 over and over: every time it opens,
    at the latest version, with everything in it, and a check-in with what I noticed can be added."""
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    session.checkins.add(6, feelings=["calm"])
    session.lock()
    env = {**os.environ, "RECOVERYJOURNAL_INSECURE_FAST_KDF": "1", "PYTHONPATH": str(Path.cwd())}
    rng = random.Random(25)
    for _ in range(6):
        child = subprocess.Popen([sys.executable, "-c", UPGRADER, str(path), PASSPHRASE], stdout=subprocess.PIPE,
                                 env=env, text=True)  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        opened = unlock_journal(path, PASSPHRASE)
        try:
            assert opened._conn.version == schema.LATEST
            assert opened.entries.count() == 3 and [c.feelings for c in opened.checkins.between()] == [("calm",)]
            added = opened.checkins.add(5, noticed=["Not sleeping"])
            assert opened.checkins.get(added.id).noticed == ("Not sleeping",)
            opened.checkins.delete(added.id)
        finally:
            opened.lock()
