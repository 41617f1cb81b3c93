"""Everything that leaves the journal goes one guarded way (services.exporter + the one file writer).

Each test names the finding of issue 20 it proves; the CLI ones run the commands as the issue wrote them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from recoveryjournal.domain.goals import Goal, PositiveRisk, Step
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.agendas import make_agenda
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.services.policy import POLICY_ENV, Policy
from recoveryjournal.services.share_service import build, csv_bytes, json_bytes
from recoveryjournal.storage import fsutil
from tests.conftest import PASSPHRASE
from tests.places import hashes
from tests.reliability.conftest import run_cli

TODAY = dt.date.today()


def _share(journal: Path, *args: str, stdin: str = f"{PASSPHRASE}\n", env: dict[str, str] | None = None):
    return run_cli(["share", str(journal), *args], stdin, env=env)


def _log_size(journal: Path) -> int:
    s = unlock_journal(journal, PASSPHRASE)
    try:
        return len(s.shares.all())
    finally:
        s.lock()


# 1. A share can never harm the journal ------------------------------------------------------------------------
@pytest.mark.parametrize("part", ["journal.db", "keys.json", "in-use.lock"])
def test_finding1_a_share_into_the_journals_own_files_is_refused(created_journal, part: str) -> None:
    """`share JOURNAL --format json --entry 1 --output JOURNAL.rjournal/<part> --overwrite`: exit 2, journal intact."""
    journal, _key = created_journal
    before = hashes(journal)
    result = _share(journal, "--format", "json", "--entry", "1", "--output", str(journal / part), "--overwrite")
    assert result.returncode == 2, result.stderr
    assert "inside a journal's own folder" in result.stderr and "Traceback" not in result.stderr
    assert hashes(journal) == before
    assert _log_size(journal) == 0


def test_finding1_another_journal_a_backup_and_a_symlink_are_refused(created_journal, tmp_path: Path) -> None:
    """Another journal's database, a backup file, and a link that leads into a journal: all refused."""
    journal, _key = created_journal
    other, _ = create_journal(tmp_path / "other", "other passphrase")
    other_path = other.path
    other.lock()
    backup = tmp_path / "mine.rjbackup"
    assert run_cli(["backup", str(journal), str(backup)], f"{PASSPHRASE}\n").returncode == 0
    link = tmp_path / "innocent.json"
    link.symlink_to(journal / "keys.json")
    before = (hashes(journal), hashes(other_path), backup.read_bytes())
    for target in (other_path / "journal.db", backup, link, tmp_path / "renamed" / "x.json"):
        if target.parent.name == "renamed":  # a journal folder renamed without its ending is still a journal
            (tmp_path / "journal.rjournal").rename(tmp_path / "renamed")
            journal = tmp_path / "renamed"
            before = (hashes(journal), before[1], before[2])
        result = _share(journal, "--format", "json", "--entry", "1", "--output", str(target), "--overwrite")
        assert result.returncode == 2, (target, result.stderr)
    assert (hashes(journal), hashes(other_path), backup.read_bytes()) == before
    assert unlock_journal(other_path, "other passphrase").lock() is None


def test_finding1_backups_init_and_restore_never_go_inside_a_journal(created_journal, tmp_path: Path) -> None:
    """`backup JOURNAL JOURNAL.rjournal` and a journal made or restored inside another: exit 2, nothing made."""
    journal, _key = created_journal
    before = hashes(journal)
    result = run_cli(["backup", str(journal), str(journal)], f"{PASSPHRASE}\n")
    assert result.returncode == 2 and "inside a journal's own folder" in result.stderr, result.stderr
    assert hashes(journal) == before
    result = run_cli(["init", str(journal / "inner")], "a passphrase\na passphrase\n")
    assert result.returncode == 2 and not (journal / "inner.rjournal").exists(), result.stderr
    backup = tmp_path / "b.rjbackup"
    assert run_cli(["backup", str(journal), str(backup)], f"{PASSPHRASE}\n").returncode == 0
    before = hashes(journal)  # a backup notes its date inside the journal
    result = run_cli(["restore", str(backup), str(journal / "restored")], f"{PASSPHRASE}\n")
    assert result.returncode == 2 and hashes(journal) == before, result.stderr


# 2. --overwrite replaces only the named file --------------------------------------------------------------------
def test_finding2_overwrite_touches_nothing_but_the_named_file(created_journal, tmp_path: Path) -> None:
    """The person's own `for-alex.json.new` survives; a folder as target is refused with nothing left beside it."""
    journal, _key = created_journal
    mine = tmp_path / "for-alex.json.new"
    mine.write_text("my own notes")
    target = tmp_path / "for-alex.json"
    target.write_text("old")
    result = _share(journal, "--format", "json", "--entry", "1", "--output", str(target), "--overwrite")
    assert result.returncode == 0, result.stderr
    assert mine.read_text() == "my own notes" and json.loads(target.read_text())["items"]
    folder = tmp_path / "SOMEFOLDER"
    folder.mkdir()
    listing = sorted(p.name for p in tmp_path.iterdir())
    result = _share(journal, "--format", "json", "--entry", "1", "--output", str(folder), "--overwrite")
    assert result.returncode == 2 and "is a folder" in result.stderr, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == listing and not list(folder.iterdir())


# 3. Short writes never leave a broken key file ------------------------------------------------------------------
def _short_writes(monkeypatch: pytest.MonkeyPatch, *, progress: bool) -> list[int]:
    """The OS writes fewer bytes than asked (half, or none at all), as a nearly full or flaky disk does."""
    real = os.write
    calls: list[int] = []

    def short(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        calls.append(len(data))
        if not progress:
            return 0
        return real(fd, bytes(data[: max(1, len(data) // 2)]))

    monkeypatch.setattr(fsutil.os, "write", short)
    return calls


def test_finding3_a_passphrase_change_under_short_writes_is_whole(session, monkeypatch) -> None:
    """Half-writes are continued until all is written: the new passphrase opens, the recovery key still works."""
    calls = _short_writes(monkeypatch, progress=True)
    session.change_passphrase(PASSPHRASE, "a brand new passphrase")
    monkeypatch.undo()
    path = session.path
    session.lock()
    assert len(calls) > 2  # the writer really was cut short, and went on
    unlock_journal(path, "a brand new passphrase").lock()


def test_finding3_a_write_that_makes_no_progress_changes_nothing(session, monkeypatch) -> None:
    """A write that writes nothing is a full disk: CannotWrite (exit 6), the old passphrase still opens."""
    from recoveryjournal.domain.errors import CannotWrite

    keys_before = (session.path / "keys.json").read_bytes()
    _short_writes(monkeypatch, progress=False)
    with pytest.raises(CannotWrite):
        session.change_passphrase(PASSPHRASE, "a brand new passphrase")
    monkeypatch.undo()
    path = session.path
    session.lock()
    assert (path / "keys.json").read_bytes() == keys_before
    assert not [p for p in path.iterdir() if p.name.startswith(".")]
    unlock_journal(path, PASSPHRASE).lock()


def test_finding3_share_and_export_all_never_say_saved_over_an_empty_file(session, tmp_path, monkeypatch) -> None:
    """Under writes that make no progress: failed, exit 6, no file, no log entry; JSON, CSV, PDF and export-all."""
    entry = session.entries.add("words", "One")
    exporter = Exporter(Policy(), pdf_bytes)
    _short_writes(monkeypatch, progress=False)
    for fmt in ("json", "csv", "pdf"):
        outcome = exporter.share(session, ShareRequest(entry_ids=(entry.id,)), fmt, tmp_path / f"s.{fmt}")
        assert outcome.state == "not_saved" and outcome.exit_code == 6, outcome
    outcome = exporter.export_all(session, tmp_path / "all.json")
    assert outcome.state == "not_saved" and outcome.exit_code == 6
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == [session.path] and session.shares.all() == []


# 4. "Saved" only when it is ---------------------------------------------------------------------------------------
def test_finding4_a_pdf_to_a_nearly_full_stick_is_not_saved_or_logged(session, tmp_path: Path, qapp) -> None:
    """A PDF bigger than the room left: exit 6 in the place's words, no file, no .part, nothing in the log."""
    from tests.places import small_disk

    entry = session.entries.add("A line of writing that goes on and on. " * 4000, "Long")
    with small_disk(tmp_path, "160k") as stick:
        (stick / "filler").write_bytes(b"\0" * 100_000)
        outcome = Exporter(Policy(), pdf_bytes).share(session, ShareRequest(entry_ids=(entry.id,)), "pdf",
                                                      stick / "for-alex.pdf")  # fmt: skip
        assert outcome.state == "not_saved" and outcome.exit_code == 6, outcome.sentence
        assert "no room left there" in outcome.sentence and "Nothing was shared" in outcome.sentence
        assert sorted(p.name for p in stick.iterdir()) == ["filler"]
    assert session.shares.all() == []


def test_finding4_when_the_log_cant_be_written_the_file_goes_too(session, tmp_path: Path, monkeypatch) -> None:
    """Logged only when true, and on disk only when logged: a log that fails removes the file, says nothing left."""
    from recoveryjournal.services import share_history, share_service

    entry = session.entries.add("words", "One")

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise share_service.InvalidInput("the log broke")  # any failure at all while logging

    monkeypatch.setattr(share_history.ShareLog, "record", broken)
    outcome = Exporter(Policy()).share(session, ShareRequest(entry_ids=(entry.id,)), "json", tmp_path / "s.json")
    assert outcome.state == "not_saved" and "nothing was shared" in outcome.sentence
    assert not (tmp_path / "s.json").exists()


# 6. CSV cells can't run ------------------------------------------------------------------------------------------
def test_finding6_csv_cells_never_run_as_formulas_and_json_stays_exact(session) -> None:
    """=HYPERLINK, +SUM, -, @ and a leading tab are written inert in CSV; JSON keeps the words exactly."""
    text = '=HYPERLINK("http://example.invalid","open me")'
    entry = session.entries.add(text, "+SUM(1,2)")
    other = session.entries.add("\tcmd", "@import")
    package = build(session, ShareRequest(entry_ids=(entry.id, other.id)))
    rows = list(csv.reader(io.StringIO(csv_bytes(package).decode("utf-8-sig"))))[1:]
    for row in rows:
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    assert {"'+SUM(1,2)", "'@import"} <= {row[2] for row in rows} and "'" + text in {row[3] for row in rows}
    items = json.loads(json_bytes(package))["items"]
    assert {i["title"] for i in items} == {"+SUM(1,2)", "@import"} and text in {i["text"] for i in items}


# 7. What rides along is its own choice -----------------------------------------------------------------------------
def test_finding7_risks_helpers_and_tags_leave_only_when_ticked(session) -> None:
    """A goal's positive risk, its helpers' names and an entry's tags are off unless chosen, each on its own."""
    step = Step(None, "Ride the bus together", "family_friend", "Robin")
    risk = PositiveRisk("RISKWORDS", "WORTHWORDS", what_helps="HELPWORDS", who_supports="Jordan")
    goal = session.goals.save(Goal(None, "Take the bus", steps=(step,), risk=risk))
    entry = session.entries.add("words", "One", tags=["TAGWORD"])
    plain = ShareRequest(goal_ids=(goal.id,), entry_ids=(entry.id,))
    blob = json_bytes(build(session, plain)).decode()
    for word in ("RISKWORDS", "WORTHWORDS", "Robin", "Jordan", "TAGWORD"):
        assert word not in blob, word
    assert "Ride the bus together" in blob
    blob = json_bytes(build(session, replace(plain, goal_risks=True))).decode()
    assert "RISKWORDS" in blob and "Jordan" not in blob and "Robin" not in blob
    blob = json_bytes(build(session, replace(plain, goal_risks=True, goal_helpers=True, entry_tags=True))).decode()
    assert all(w in blob for w in ("RISKWORDS", "Jordan", "Robin", "TAGWORD"))


def test_finding7_the_agenda_prints_only_what_its_screen_shows(session, qapp) -> None:
    """Support marked 'to change' on the Support tab stays off the agenda unless the agenda itself says it."""
    from recoveryjournal.domain.appointments import Appointment
    from recoveryjournal.domain.support import SupportItem
    from recoveryjournal.services.plan_documents import agenda_document

    session.support.save(SupportItem(None, "Day centre", "SUPPORTCANARY", change_wanted="CHANGECANARY"))
    appt = session.appointments.save(Appointment(None, TODAY, talk_about="My sleep", support_to_change="More calls"))
    agenda = make_agenda(session, appt)
    text = " ".join(PdfReader(io.BytesIO(pdf_bytes(agenda_document(agenda))[0])).pages[0].extract_text().split())
    assert "More calls" in text and "CHANGECANARY" not in text and "SUPPORTCANARY" not in text
    blob = json_bytes(build(session, ShareRequest(appointment_ids=(appt.id,)))).decode()
    assert "More calls" in blob and "CHANGECANARY" not in blob


# 8. Owner-only, and nothing left behind -------------------------------------------------------------------------
def test_finding8_every_export_is_owner_only_and_leaves_no_temporary(session, tmp_path: Path, qapp) -> None:
    """PDF, JSON, CSV, a chart picture, export-all and a plan PDF: mode 0600 whatever the umask; no hidden files."""
    from recoveryjournal.services.plan_documents import plan_document

    entry = session.entries.add("words", "One")
    exporter = Exporter(Policy(), pdf_bytes)
    old = os.umask(0o022)
    try:
        outcomes = [exporter.share(session, ShareRequest(entry_ids=(entry.id,)), f, tmp_path / f"s.{f}")
                    for f in ("pdf", "json", "csv")]  # fmt: skip
        outcomes.append(exporter.export_all(session, tmp_path / "all.json"))
        outcomes.append(exporter.save_document(plan_document(session.plan.sections()), tmp_path / "plan.pdf"))
        png = b"\x89PNG\r\n\x1a\n" + b"\0" * 20 + b"IEND\xaeB`\x82"
        outcomes.append(exporter.save_picture(png, tmp_path / "chart.png"))
    finally:
        os.umask(old)
    assert all(o.done for o in outcomes), [o.sentence for o in outcomes]
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    assert len(files) == 6 and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_finding8_a_killed_writers_temporaries_are_cleaned_and_the_persons_files_never(tmp_path: Path) -> None:
    """Stale temporaries of a stopped writer go at the next write there; a name of the person's stays."""
    dead_pid = 2**22 + 12345  # above any pid this machine hands out
    stale = tmp_path / f".for-alex.pdf.{dead_pid:x}-0123456789ab.rjtmp"
    stale.write_bytes(b"%PDF- the whole share, in plain text")
    staging = tmp_path / f".b.rjbackup.part-{dead_pid:x}-01234567"
    staging.mkdir()
    mine = [tmp_path / ".for-alex.pdf.part", tmp_path / "for-alex.json.new", tmp_path / ".notes.rjtmp"]
    for path in mine:
        path.write_text("the person's own")
    for path in (stale, staging, *mine):
        os.utime(path, (1, 1))  # long before this process started
    fsutil.write_file(tmp_path / "new.json", b"{}")
    assert not stale.exists() and not staging.exists() and all(p.exists() for p in mine)


# 9. Impossible choices are refused -------------------------------------------------------------------------------
def test_finding9_unknown_items_and_reversed_ranges_are_refused(created_journal, tmp_path: Path) -> None:
    """`--plan-section nosuch`, an unknown entry, a reversed range: exit 2, nothing written, nothing logged."""
    journal, _key = created_journal
    out = tmp_path / "s.json"
    for args in (["--plan-section", "nosuch"], ["--entry", "999"], ["--mood-summary", "2026-12-31:2026-01-01"]):
        result = _share(journal, "--format", "json", *args, "--output", str(out))
        assert result.returncode == 2 and "Traceback" not in result.stderr, (args, result.stderr)
        assert not out.exists()
    assert "wrong way round" in result.stderr
    assert _log_size(journal) == 0


# 10. Private words off the command line --------------------------------------------------------------------------
def test_finding10_private_words_can_come_from_files(created_journal, tmp_path: Path) -> None:
    """--text-file, --note-file and --redact-file; --help says options can be seen by others."""
    journal, _key = created_journal
    text, note, redact = tmp_path / "text.txt", tmp_path / "note.txt", tmp_path / "names.txt"
    text.write_text("I talked with Kim today.\n")
    note.write_text("Kim called.\n")
    redact.write_text("Kim\n")
    result = run_cli(["add", str(journal), "--title", "Day", "--text-file", str(text)], f"{PASSPHRASE}\n")
    assert result.returncode == 0, result.stderr
    entry_id = result.stdout.strip()
    assert (
        run_cli(["checkin", str(journal), "--mood", "6", "--note-file", str(note)], f"{PASSPHRASE}\n").returncode == 0
    )
    listed = json.loads(run_cli(["list", str(journal), "--json"], f"{PASSPHRASE}\n").stdout)
    assert any("I talked with Kim today." in i.get("text", "") for i in listed)
    assert any("Kim called." in i.get("text", "") for i in listed)
    out = tmp_path / "s.json"
    result = _share(
        journal, "--format", "json", "--entry", entry_id, "--redact-file", str(redact), "--output", str(out)
    )
    assert result.returncode == 0 and "Kim" not in out.read_text(encoding="utf-8"), result.stderr
    helped = run_cli(["share", "--help"]).stdout + run_cli(["add", "--help"]).stdout
    assert "can be seen by other people" in " ".join(helped.split())


# 11. The shared PC's rule applies to export-all -----------------------------------------------------------------
def test_finding11_export_all_obeys_the_shared_pcs_policy(created_journal, tmp_path: Path) -> None:
    """A policy that refuses exports to the PC's own disk refuses export-all too (exit 2, no file)."""
    journal, _key = created_journal
    policy = tmp_path / "policy.json"
    policy.write_text('{"shared_pc": true, "exports_to_removable_only": "refuse"}')
    out = tmp_path / "all.json"
    result = run_cli(
        ["export-all", str(journal), "--output", str(out)], f"{PASSPHRASE}\n", env={POLICY_ENV: str(policy)}
    )
    assert result.returncode == 2 and "USB stick" in result.stderr and not out.exists(), result.stderr
