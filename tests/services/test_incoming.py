"""Everything that comes in is checked before it is trusted (issue 21): one test per finding, run the way a
person runs the commands (the CLI as a separate program unless the fault has to be made inside it)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.services.policy import POLICY_ENV
from tests.conftest import PASSPHRASE
from tests.places import hashes
from tests.reliability.conftest import run_cli

PW = f"{PASSPHRASE}\n"


def _export(journal: Path, out: Path) -> dict:  # type: ignore[type-arg]
    assert run_cli(["export-all", str(journal), "--output", str(out)], PW).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    assert run_cli(["init", str(tmp_path / "demo"), "--demo"], PW + PW).returncode == 0
    return tmp_path / "demo.rjournal"


# 1. An import never stores what the app can't read back ------------------------------------------------------
@pytest.mark.parametrize("damage", ["contacts", "target_date"])
def test_finding1_rows_the_app_cant_read_are_refused(demo: Path, tmp_path: Path, damage: str) -> None:
    """Plan contacts of the wrong shape, a step's nonsense target date: exit 4, journal unchanged, readers work."""
    doc = _export(demo, tmp_path / "all.json")
    if damage == "contacts":
        doc["tables"]["plan_sections"][0]["contacts"] = '{"not": "a list of contacts"}'
    else:
        doc["tables"]["goal_steps"][0]["target_date"] = "the day after never"
    (tmp_path / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    assert run_cli(["init", str(tmp_path / "target")], PW + PW).returncode == 0
    target = tmp_path / "target.rjournal"
    before = hashes(target)
    result = run_cli(["import", str(target), str(tmp_path / "edited.json"), "--from", "json"], PW)
    assert result.returncode == 4 and "couldn't read back" in result.stderr, result.stderr
    assert hashes(target) == before
    for command in ("plan", "goals", "appointments", "list", "check"):
        assert run_cli([command, str(target)], PW).returncode == 0, command


def test_finding1_check_reads_every_row_the_way_the_app_will(session) -> None:
    """A row the app can't show (put there by hand, or by an older import) makes check say so, not 'All is well'."""
    from recoveryjournal.domain.goals import Goal, Step

    goal = session.goals.save(Goal(None, "Walk", steps=(Step(None, "Out of the door"),)))
    assert session.check().ok
    with session._conn.transaction() as db:
        db.execute("UPDATE goal_steps SET target_date = 'someday' WHERE goal_id = ?", (goal.id,))
    report = session.check()
    assert not report.ok and "All is well." not in report.lines
    assert any(f"goal {goal.id}" in line for line in report.lines), report.lines


# 2. Every importer checks its file's shape first -------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"entries": [{"date": 5}]}', "entry 1's “date” is 5"),
        ('{"entries": [{"date": "2026-01-02", "title": ["a"]}]}', "entry 1's “title”"),
        ('{"entries": [{"title": "no date"}]}', "entry 1 has no date"),
        ('{"entries": [' * 5000 + "]" * 5000 + "}", "nests deeper"),  # issue 34, 9: not "cut short"
        ("[" * 100_000 + "]" * 100_000, "nests deeper"),
        ('{"entries": [1,, 2]}', "damaged at line 1"),
        ('{"entries": [[[[[[[[[[1]]]]]]]]]]}', "nests deeper"),
    ],
)
def test_finding2_a_malformed_jrnl_file_is_refused_naming_the_row(created_journal, tmp_path, content, words) -> None:
    """A date that is a number is not 5 January: exit 4, the row named, nothing changed."""
    journal, _key = created_journal
    f = tmp_path / "jrnl.json"
    f.write_text(content, encoding="utf-8")
    before = hashes(journal)
    result = run_cli(["import", str(journal), str(f), "--from", "jrnl"], PW)
    assert result.returncode == 4 and words in result.stderr, result.stderr
    assert hashes(journal) == before


def test_finding2_wrong_types_in_our_own_export_are_refused(demo: Path, tmp_path: Path) -> None:
    """A list where a value belongs, a number too large to keep: exit 4 naming the table and row."""
    doc = _export(demo, tmp_path / "all.json")
    doc["tables"]["entries"][1]["title"] = {"nested": ["x"]}
    (tmp_path / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    result = run_cli(["import", str(demo), str(tmp_path / "edited.json"), "--from", "json"], PW)
    assert result.returncode == 4 and "row 2 of “entries”, “title”" in result.stderr, result.stderr
    doc["tables"]["entries"][1]["title"] = 2**80
    (tmp_path / "edited.json").write_text(json.dumps(doc), encoding="utf-8")
    result = run_cli(["import", str(demo), str(tmp_path / "edited.json"), "--from", "json"], PW)
    assert result.returncode == 4 and "too large" in result.stderr, result.stderr


# 3. A crafted backup can't fill the disk ------------------------------------------------------------------------
def test_finding3_a_backup_that_expands_is_refused_before_unpacking(created_journal, tmp_path: Path) -> None:
    """Members compressed to a sliver of their size (a 'zip bomb'): refused at once as damaged, nothing unpacked."""
    journal, _key = created_journal
    real = tmp_path / "real.rjbackup"
    assert run_cli(["backup", str(journal), str(real)], PW).returncode == 0
    bomb = tmp_path / "bomb.rjbackup"
    with zipfile.ZipFile(real) as zf, zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name in zf.namelist():
            if name == "journal.db":
                with out.open(name, "w") as member:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(300):  # 300 MB that packs into well under 1 MB
                        member.write(chunk)
            else:
                out.writestr(name, zf.read(name))
    assert bomb.stat().st_size < 2_000_000
    started = time.perf_counter()
    result = run_cli(["restore", str(bomb), str(tmp_path / "restored")], PW)
    assert result.returncode == 4 and "damaged or incomplete" in result.stderr, result.stderr
    assert time.perf_counter() - started < 30  # (a generous bound: it stops before reading the member)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["bomb.rjbackup", "real.rjbackup", journal.name])


# 4. Absurd key-file settings are damage, told at once ---------------------------------------------------------
@pytest.mark.parametrize(("field", "value"), [("time_cost", 100000), ("memory_kib", 2**31), ("parallelism", 10**6),
                                              ("time_cost", 0), ("memory_kib", "lots"), ("salt", "AAAA")])  # fmt: skip
def test_finding4_absurd_argon2_settings_are_a_damaged_key_file(created_journal, field, value) -> None:
    """Outside the documented ranges: exit 4 in well under a second of derivation, never minutes."""
    journal, _key = created_journal
    keys = journal / "keys.json"
    doc = json.loads(keys.read_text())
    doc["slots"]["passphrase"][field] = value
    keys.write_text(json.dumps(doc))
    started = time.perf_counter()
    result = run_cli(["list", str(journal)], PW)
    assert result.returncode == 4 and "key file is damaged" in result.stderr, result.stderr
    assert time.perf_counter() - started < 20


# 5. A passphrase is a passphrase; a folder this account can't read is said so --------------------------------
def test_finding5_a_passphrase_that_isnt_utf8_is_just_a_wrong_passphrase(created_journal) -> None:
    """Bytes that aren't UTF-8 on the input: exit 3 (wrong passphrase), not a damaged key file."""
    journal, _key = created_journal
    result = run_cli(["list", str(journal)], b"\xff\xfe not utf-8\n")
    assert result.returncode == 3, result.stderr


def test_finding5_a_journal_this_account_cant_read(created_journal, monkeypatch) -> None:
    """No read permission (made here by the OS's answer, as root reads anything): exit 6, who can fix it."""
    from recoveryjournal.cli.main import main
    from recoveryjournal.storage import connection

    journal, _key = created_journal
    monkeypatch.setattr(connection.os, "access", lambda path, mode: Path(path) != journal)
    monkeypatch.setattr("sys.stdin", io.StringIO(PW))
    assert main(["list", str(journal)]) == 6


# 6. A damaged journal takes no writes ------------------------------------------------------------------------
def test_finding6_a_damaged_journal_refuses_writes_and_still_reads(created_journal) -> None:
    """Damage in a page: check says so (4), add is refused (4) and changes no byte."""
    journal, _key = created_journal
    s = unlock_journal(journal, PASSPHRASE)
    for i in range(300):
        s.entries.add(f"words {i} " * 40, f"Entry {i}")
    s.lock()
    db = journal / "journal.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    db.write_bytes(bytes(data))
    assert run_cli(["check", str(journal)], PW).returncode == 4
    before = hashes(journal)
    result = run_cli(["add", str(journal), "--text", "new words"], PW)
    assert result.returncode == 4 and "nothing new is written" in result.stderr, result.stderr
    assert hashes(journal) == before


# 7. What a stopped backup or restore left is cleaned the next time --------------------------------------------
def test_finding7_leftovers_of_stopped_backups_and_restores_are_removed(created_journal, tmp_path: Path) -> None:
    """Hidden leftovers of the app (old names and new, older than the process, writer gone) go; others stay."""
    journal, _key = created_journal
    dead = f"{2**22 + 4321:x}"
    left = [tmp_path / ".b.rjbackup.part", tmp_path / f".b.rjbackup.part-{dead}-0123abcd",
            tmp_path / ".new.rjournal.restoring", tmp_path / f".new.rjournal.restoring-{dead}-0123abcd"]  # fmt: skip
    for path in left:
        path.mkdir() if "restoring" in path.name or "-" in path.name else path.write_bytes(b"PK partial")
        os.utime(path, (1, 1))
    mine = tmp_path / ".my-notes.part"
    mine.write_text("the person's own")
    assert run_cli(["backup", str(journal), str(tmp_path / "b.rjbackup")], PW).returncode == 0
    backup = tmp_path / "b.rjbackup"
    assert run_cli(["restore", str(backup), str(tmp_path / "new")], PW).returncode == 0
    assert not any(p.exists() for p in left) and mine.exists()


# 8. "Check this PC" looks where the app's saves start ----------------------------------------------------------
def test_finding8_check_this_pc_finds_what_the_app_leaves(created_journal, tmp_path: Path) -> None:
    """An export-all in Downloads, a backup and a leftover beside a journal in Documents: all listed, by name."""
    journal, _key = created_journal
    downloads, documents = Path(os.environ["XDG_DOWNLOAD_DIR"]), Path(os.environ["XDG_DOCUMENTS_DIR"])
    assert run_cli(["export-all", str(journal), "--output", str(downloads / "all.json")], PW).returncode == 0
    assert run_cli(["backup", str(journal), str(documents / "b.rjbackup")], PW).returncode == 0
    shutil.copytree(journal, documents / "mine.rjournal")
    (documents / "for-alex.json.new").write_text("{}")
    policy = tmp_path / "policy.json"
    policy.write_text('{"shared_pc": true}')
    result = run_cli(["policy", "--check"], env={POLICY_ENV: str(policy)})
    assert result.returncode == 1, result.stdout
    for words in ("not encrypted (export-all)", "a journal's backup", "a journal:", "a temporary file left by the app"):
        assert words in result.stdout, (words, result.stdout)


# 9. An I/O error is the place failing, not damage -------------------------------------------------------------
def test_finding9_an_io_error_while_saving_is_told_as_the_disk_not_damage(created_journal) -> None:
    """EIO injected into SQLite's writes during `add`: exit 6 in the disk's words; check then finds all well."""
    strace = shutil.which("strace")
    if strace is None or subprocess.run([strace, "-o", "/dev/null", "true"], capture_output=True).returncode:
        pytest.skip("strace isn't available here (packaging/setup.sh --dev installs it)")
    import sys

    journal, _key = created_journal
    result = subprocess.run(
        [strace, "-f", "-o", "/dev/null", "-e", "inject=pwrite64:error=EIO:when=1", sys.executable, "-m",
         "recoveryjournal.cli", "add", str(journal), "--text", "words"],
        input=PW, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 6 and "reported an error" in result.stderr, result.stderr
    assert "damaged" not in result.stderr
    assert run_cli(["check", str(journal)], PW).returncode == 0


# 10. Small wrong exits --------------------------------------------------------------------------------------------
def test_finding10_restore_over_a_journal_is_2_and_a_closed_pipe_is_quiet(created_journal, tmp_path: Path) -> None:
    """Restoring onto an existing journal: exit 2. `list | head -1`: no 'unexpected' words, the pipe's own exit."""
    journal, _key = created_journal
    backup = tmp_path / "b.rjbackup"
    assert run_cli(["backup", str(journal), str(backup)], PW).returncode == 0
    result = run_cli(["restore", str(backup), str(journal)], PW)
    assert result.returncode == 2, result.stderr
    s = unlock_journal(journal, PASSPHRASE)
    for i in range(200):
        s.entries.add("x" * 5000, f"Entry {i}")
    s.lock()
    import sys

    piped = subprocess.run(
        f"printf '%s\\n' '{PASSPHRASE}' | {sys.executable} -m recoveryjournal.cli list {journal} | head -1; "
        'echo "exit ${PIPESTATUS[1]}" >&2',
        shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "unexpected" not in piped.stderr and "exit 141" in piped.stderr, piped.stderr


# 11. Impossible dates are refused --------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["add", "--text", "x", "--date", "2026-13-01"], ["checkin", "--mood", "5",
                                     "--date", "2026-02-30"], ["add", "--text", "x", "--date", "5"]])  # fmt: skip
def test_finding11_a_date_that_isnt_a_real_day_is_refused(created_journal, command) -> None:
    """Exit 2 and nothing written (13 January is never guessed from 2026-13-01)."""
    journal, _key = created_journal
    before = hashes(journal)
    result = run_cli([command[0], str(journal), *command[1:]], PW)
    assert result.returncode == 2 and "isn't a date I can read" in result.stderr, result.stderr
    assert hashes(journal) == before


def test_a_whole_import_is_checked_by_the_readers_in_one_transaction(session, tmp_path: Path) -> None:
    """The read-back runs inside the import's transaction: a refused file leaves not one of its rows."""
    from recoveryjournal.domain.errors import NotImportable
    from recoveryjournal.services.exporter import Exporter
    from recoveryjournal.services.policy import Policy

    other, _ = create_journal(tmp_path / "other", "other passphrase")
    other.entries.add("An entry that would come in.", "Good")
    assert Exporter(Policy()).export_all(other, tmp_path / "all.json").done
    other.lock()
    doc = json.loads((tmp_path / "all.json").read_text())
    section = {"position": 1, "section_key": "x", "title": "T", "body": "", "contacts": "[1, 2]", "skipped": 0}
    doc["tables"]["plan_sections"] = [{**section, "template_version": 1}]
    (tmp_path / "all.json").write_text(json.dumps(doc))
    preview = session.imports.read_file(tmp_path / "all.json", "json")
    with pytest.raises(NotImportable, match="crisis plan"):
        session.imports.bring_in(preview)
    assert session.entries.newest_first() == []
