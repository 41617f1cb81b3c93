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
