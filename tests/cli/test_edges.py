"""Issue 34: the edges a careful tester found, run as a person runs them (the CLI as its own program)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from recoveryjournal.services.journal_service import unlock_journal
from recoveryjournal.services.patterns import Pattern, tenths
from tests.conftest import PASSPHRASE


def cli(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """The CLI as a separate program, its input as raw bytes (what a terminal of another encoding sends)."""
    return subprocess.run([sys.executable, "-m", "recoveryjournal.cli", *args], input=stdin, capture_output=True,
                          timeout=60)  # fmt: skip


def test_a_new_passphrase_that_isnt_text_is_refused_before_anything_changes(tmp_path, created_journal) -> None:
    """3: `printf 'caf\\xe9 …' | init` and `passwd` from a Latin-1 terminal: exit 2, saying why; no journal made,
    the old passphrase still opens the journal."""
    made = cli(["init", str(tmp_path / "new")], b"caf\xe9 river purple\n")
    assert made.returncode == 2 and b"UTF-8" in made.stderr and not (tmp_path / "new.rjournal").exists()
    path, _key = created_journal
    changed = cli(["passwd", str(path)], PASSPHRASE.encode() + b"\ncaf\xe9 river purple\n")
    assert changed.returncode == 2 and b"Nothing has been changed" in changed.stderr
    unlock_journal(path, PASSPHRASE).lock()
    ok = cli(["init", str(tmp_path / "fine")], "café river purple\n".encode())  # real text, accents and all
    assert ok.returncode == 0, ok.stderr


def test_reversed_patterns_are_refused_and_an_item_named_twice_leaves_once(tmp_path, created_journal) -> None:
    """5: `share --patterns 2026-12-31:2026-01-01` is refused (exit 2) like --mood-summary, with nothing saved or
    logged; `--entry 1 --entry 1` puts the entry in once."""
    path, _key = created_journal
    out = tmp_path / "p.json"
    for option in ("--patterns", "--mood-summary"):
        result = cli(["share", str(path), "--to", "Alex", "--format", "json", option, "2026-12-31:2026-01-01",
                      "--output", str(out)], f"{PASSPHRASE}\n".encode())  # fmt: skip
        assert result.returncode == 2 and b"wrong way round" in result.stderr and not out.exists(), option
    twice = cli(["share", str(path), "--to", "Alex", "--format", "json", "--entry", "1", "--entry", "1", "--output",
                 str(out)], f"{PASSPHRASE}\n".encode())  # fmt: skip
    assert twice.returncode == 0, twice.stderr
    assert [i["kind"] for i in json.loads(out.read_text(encoding="utf-8"))["items"]] == ["entry"]
    session = unlock_journal(path, PASSPHRASE)
    (logged,) = session.shares.all()
    session.lock()
    assert logged.items == (("entry", "1"),)


def test_patterns_json_and_its_sentence_round_once() -> None:
    """7: 6.65 is 6.7 in the data and in the words (it was "mood_other": 6.7 beside "…, 6.6")."""
    found = Pattern("noticed", "Sleeping badly", 5, 4.25, 20, 133 / 20)
    data = found.as_json()
    assert data["mood_other"] == 6.7 and data["mood_with"] == 4.3
    assert "my mood averaged 4.3; on the other 20 days, 6.7." in data["sentence"]
    assert tenths(6.649) == 6.6 and tenths(2 / 3) == 0.7


def test_export_all_to_dash_is_refused_not_a_file_called_dash(tmp_path, created_journal) -> None:
    """12: `export-all --output -` doesn't write an unencrypted file named "-": exit 2, saying why."""
    path, _key = created_journal
    command = [sys.executable, "-m", "recoveryjournal.cli", "export-all", str(path), "--output", "-"]
    result = subprocess.run(command, input=f"{PASSPHRASE}\n".encode(), capture_output=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2 and "“-”".encode() in result.stderr
    assert not (tmp_path / "-").exists()
    unlock_journal(path, PASSPHRASE).lock()


def test_a_text_longer_than_a_csv_field_shares(tmp_path, created_journal) -> None:
    """6: a note over 128 KiB shares as CSV (it was "It couldn't be saved there: it can't be written", exit 6)."""
    path, _key = created_journal
    note = tmp_path / "note.txt"
    note.write_text("A long note. " * 12_000, encoding="utf-8")
    added = cli(["add", str(path), "--title", "Long", "--text-file", str(note)], f"{PASSPHRASE}\n".encode())
    assert added.returncode == 0, added.stderr
    listed = json.loads(cli(["list", str(path), "--json"], f"{PASSPHRASE}\n".encode()).stdout)
    newest = max(e["id"] for e in listed if e.get("title") == "Long")
    out = tmp_path / "long.csv"
    shared = cli(["share", str(path), "--to", "Alex", "--format", "csv", "--entry", str(newest), "--output",
                  str(out)], f"{PASSPHRASE}\n".encode())  # fmt: skip
    assert shared.returncode == 0, shared.stderr
    assert Path(out).stat().st_size > 140_000


def test_private_words_can_come_from_a_file_for_every_option(tmp_path, created_journal) -> None:
    """8: `--options-file FILE` gives any option (and the search words) from a file, one per line, so a check-in's
    signs, a share's recipient and author, a medicine and search words never stand in the process list; --help's
    warning names every option that takes private words."""
    path, _key = created_journal
    phrase = f"{PASSPHRASE}\n".encode()
    words = tmp_path / "private.txt"
    words.write_text("--feelings\ncalm, tired\n--noticed\nSleeping badly\n--helped\nA walk\n", encoding="utf-8")
    done = cli(["checkin", str(path), "--mood", "5", "--options-file", str(words)], phrase)
    assert done.returncode == 0, done.stderr
    (listed,) = [i for i in json.loads(cli(["list", str(path), "--json"], phrase).stdout) if i["kind"] == "checkin"]
    assert (listed["feelings"], listed["noticed"], listed["helped"]) == (["calm", "tired"], ["Sleeping badly"],
                                                                         ["A walk"])  # fmt: skip
    share = tmp_path / "share.txt"
    share.write_text("--to\nDr Okafor\n--author\nKim Lee\n", encoding="utf-8")
    out = tmp_path / "s.json"
    shared = cli(["share", str(path), "--format", "json", "--entry", "1", "--output", str(out),
                  f"--options-file={share}"], phrase)  # fmt: skip
    assert shared.returncode == 0 and json.loads(out.read_text(encoding="utf-8"))["from"] == "Kim Lee"
    query = tmp_path / "q.txt"
    query.write_text("Second\n", encoding="utf-8")
    found = cli(["search", str(path), "--options-file", str(query), "--json"], phrase)
    assert found.returncode == 0 and "Two" in found.stdout.decode()
    meds = tmp_path / "m.txt"
    meds.write_text("--add\nSertraline\n--take\n50 mg\n", encoding="utf-8")
    assert cli(["medicines", str(path), "--turn-on"], phrase).returncode == 0
    assert cli(["medicines", str(path), "--options-file", str(meds)], phrase).returncode == 0
    session = unlock_journal(path, PASSPHRASE)
    assert [(m.name, m.what_i_take) for m in session.medicines.all()] == [("Sertraline", "50 mg")]
    assert session.shares.all()[0].recipient == "Dr Okafor"
    session.lock()
    missing = cli(["search", str(path), "--options-file", str(tmp_path / "nowhere.txt")], phrase)
    assert missing.returncode == 2 and b"couldn't be read" in missing.stderr
    helped = cli(["checkin", "--help"], b"").stdout.decode()
    for option in ("--title", "--text", "--note", "--feelings", "--noticed", "--helped", "--to", "--author",
                   "--redact", "--add", "--take", "--why", "search", "--options-file"):  # fmt: skip
        assert option in helped.split("Words typed as options", 1)[1], option


def test_words_that_are_true(tmp_path, created_journal, monkeypatch) -> None:
    """9: a name a FAT/exFAT stick refuses is told as the name (not "is the stick still in?"); --protect-with-file
    doesn't speak of a password "you saw", and says when it left spaces out; a Daylio file with nothing that can
    come in doesn't say "all of it is already in your journal"."""
    import errno
    import os

    from recoveryjournal.domain.share import ShareRequest
    from recoveryjournal.storage import fsutil
    from recoveryjournal.ui.export.save_pdf import exporter

    path, _key = created_journal
    session = unlock_journal(path, PASSPHRASE)
    real_open = os.open

    def exfat_open(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if ":" in os.fspath(name) or "?" in os.fspath(name):  # what a FAT or exFAT stick answers
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), os.fspath(name))
        return real_open(name, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(fsutil.os, "open", exfat_open)
        outcome = exporter().share(session, ShareRequest(entry_ids=(1,)), "json", tmp_path / "x: y?.json")
    assert not outcome.done and "doesn't allow these characters" in outcome.sentence and "stick" not in outcome.sentence
    daylio = tmp_path / "daylio.csv"
    daylio.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                      "2026-10-01,October 1,Wednesday,8:30 pm,radiant,,Hi,\n", encoding="utf-8")  # fmt: skip
    fresh = tmp_path / "fresh"
    from recoveryjournal.services.journal_service import create_journal

    empty, _ = create_journal(fresh, PASSPHRASE)
    words = "\n".join(empty.imports.read_file(daylio, "daylio").lines())
    empty.lock()
    session.lock()
    assert "already in your journal" not in words and "can be brought in" in words and "radiant" in words
    password = tmp_path / "pw.txt"
    password.write_text("  river kettle purple  \n", encoding="utf-8")
    out = tmp_path / "p.pdf"
    result = cli(["share", str(path), "--to", "Alex", "--entry", "1", "--output", str(out), "--protect-with-file",
                  str(password)], f"{PASSPHRASE}\n".encode())  # fmt: skip
    said = result.stderr.decode()
    assert result.returncode == 0 and "you saw" not in said and "spaces before or after" in said
    from pypdf import PdfReader

    assert PdfReader(out).decrypt("river kettle purple")


def test_a_backup_whose_key_settings_are_absurd_is_told_as_the_backup(tmp_path, created_journal) -> None:
    """9: restoring a backup whose keys.json asks for an absurd key derivation says the *backup* is damaged (it
    said "This journal's key file is damaged"), and leaves nothing behind."""
    import io
    import zipfile

    path, _key = created_journal
    session = unlock_journal(path, PASSPHRASE)
    made = session.backups.back_up(tmp_path / "b.rjbackup").path
    session.lock()
    with zipfile.ZipFile(made) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    keys = json.loads(members["keys.json"])
    keys["slots"]["passphrase"]["memory_kib"] = 2**40  # no computer has this much memory
    members["keys.json"] = json.dumps(keys).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    made.write_bytes(buffer.getvalue())
    result = cli(["restore", str(made), str(tmp_path / "back")], f"{PASSPHRASE}\n".encode())
    assert result.returncode == 4 and b"This backup is damaged" in result.stderr, result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".", "back"))]


def test_a_disk_fault_while_opening_isnt_called_read_only(created_journal, monkeypatch) -> None:
    """9: an I/O error as the journal opens (its lock file can't be opened for writing) opens it for reading and
    says the disk reported a fault, not "Your journal is read-only here"."""
    import errno
    import os

    from recoveryjournal.storage import lock

    path, _key = created_journal
    real_open = os.open

    def failing(name, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(name).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EFAULT, os.strerror(errno.EFAULT), os.fspath(name))  # a fault that isn't "read-only"
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(lock.os, "open", failing)
    session = unlock_journal(path, PASSPHRASE)
    try:
        assert session.read_only and "disk reported a fault" in session.read_only_note
        assert "read-only here" not in session.read_only_note
    finally:
        session.lock()


def test_an_import_brings_at_most_200_signs_and_helps_of_each_kind(tmp_path, created_journal) -> None:
    """10: an export planting 3,000 signs brings in the first 200 (and 200 helps), and the preview says how many
    are left out; the check-in offers them without freezing (tests/benchmarks measure the tab: 7 s → 0.2 s)."""
    path, _key = created_journal
    phrase = f"{PASSPHRASE}\n".encode()
    out = tmp_path / "all.json"
    assert cli(["export-all", str(path), "--output", str(out)], phrase).returncode == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["source"] = "another journal"
    doc["tables"]["watch_items"] = [{"id": n + 1, "kind": "sign" if n < 3000 else "helps", "name": f"planted {n}",
                                     "section_key": "", "position": n} for n in range(3300)]  # fmt: skip
    out.write_text(json.dumps(doc), encoding="utf-8")
    preview = cli(["import", str(path), str(out), "--from", "json", "--dry-run"], phrase)
    assert preview.returncode == 0 and b"Only the first 200 signs" in preview.stderr + preview.stdout
    assert b"2900 more are left out" in preview.stderr + preview.stdout
    brought = cli(["import", str(path), str(out), "--from", "json"], phrase)
    assert brought.returncode == 0, brought.stderr
    session = unlock_journal(path, PASSPHRASE)
    try:
        assert len(session.plan.watched("sign")) == 200 and len(session.plan.watched("helps")) == 200
    finally:
        session.lock()
