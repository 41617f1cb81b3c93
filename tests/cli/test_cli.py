"""recoveryjournal-cli on real journals: in-process for speed, and as real subprocesses for exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from recoveryjournal.cli.main import main
from recoveryjournal.services.journal_service import unlock_journal
from tests.conftest import PASSPHRASE


def run(monkeypatch, capsys, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """Run the CLI in this process with `stdin` as its (non-terminal) input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def run_process(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the CLI as a separate program, the way a script would."""
    return subprocess.run(
        [sys.executable, "-m", "recoveryjournal.cli", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_init_prints_the_recovery_key_once(tmp_path: Path) -> None:
    """init makes the journal and prints exactly one 'Recovery key: …' line on stdout."""
    result = run_process(["init", str(tmp_path / "mine")], "pw\n")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("Recovery key: ")]
    assert len(lines) == 1 and len(lines[0].split(": ")[1]) == 39
    assert (tmp_path / "mine.rjournal" / "keys.json").exists()
    assert "Traceback" not in result.stderr


def test_add_list_show_round_trip(monkeypatch, capsys, created_journal) -> None:
    """add reads the text after the passphrase line; list --json has the documented fields; show shows it."""
    path, _ = created_journal
    code, out, _ = run(monkeypatch, capsys, ["add", str(path), "--title", "Evening", "--date", "2026-03-14"],
                       f"{PASSPHRASE}\nA calm evening.\nSecond line.\n")  # fmt: skip
    assert code == 0
    new_id = int(out.strip())
    code, out, _ = run(monkeypatch, capsys, ["list", str(path), "--json"], f"{PASSPHRASE}\n")
    items = json.loads(out)
    assert code == 0 and len(items) == 4
    added = next(i for i in items if i["id"] == new_id)
    assert added["kind"] == "entry" and added["date"] == "2026-03-14" and added["title"] == "Evening"
    assert added["text"] == "A calm evening.\nSecond line.\n"
    code, out, _ = run(monkeypatch, capsys, ["show", str(path), str(new_id)], f"{PASSPHRASE}\n")
    assert code == 0 and "A calm evening." in out


def test_unicode_round_trips(monkeypatch, capsys, created_journal) -> None:
    """Emoji, right-to-left text and decomposed accents come back exactly."""
    path, _ = created_journal
    text = "💙 שלום " + unicodedata.normalize("NFD", "café")
    run(monkeypatch, capsys, ["add", str(path), "--text", text], f"{PASSPHRASE}\n")
    _code, out, _ = run(monkeypatch, capsys, ["list", str(path), "--json"], f"{PASSPHRASE}\n")
    assert any(i["text"] == text for i in json.loads(out))


def test_checkin_and_list_with_kinds(monkeypatch, capsys, created_journal) -> None:
    """checkin saves a check-in; list includes it with kind 'checkin' and its fields."""
    path, _ = created_journal
    argv = ["checkin", str(path), "--mood", "6", "--sleep", "7.5", "--feelings", "calm, hopeful", "--note", "ok"]
    code, _out, err = run(monkeypatch, capsys, argv, f"{PASSPHRASE}\n")
    assert code == 0 and "Thank you" in err
    _code, out, _ = run(monkeypatch, capsys, ["list", str(path), "--json", "--kind", "checkins"], f"{PASSPHRASE}\n")
    [item] = json.loads(out)
    assert item["kind"] == "checkin" and item["mood"] == 6 and item["feelings"] == ["calm", "hopeful"]


@pytest.mark.parametrize(("mood", "words"), [("0", "from 1 to 10"), ("11", "from 1 to 10"), ("x", "not “x”")])
def test_checkin_out_of_range_is_usage(monkeypatch, capsys, created_journal, mood, words) -> None:
    """A mood outside 1–10 is refused kindly with exit code 2."""
    code, _out, err = run(monkeypatch, capsys, ["checkin", str(created_journal[0]), "--mood", mood], f"{PASSPHRASE}\n")
    assert code == 2 and words in err


def test_search_finds_and_nothing_found_is_not_an_error(monkeypatch, capsys, created_journal) -> None:
    """search prints matches; no match exits 0 with a kind message; FTS syntax is just text."""
    path, _ = created_journal
    code, out, _ = run(monkeypatch, capsys, ["search", str(path), "Second", "--json"], f"{PASSPHRASE}\n")
    assert code == 0 and json.loads(out)[0]["snippet"] == "[Second] words."
    code, out, err = run(monkeypatch, capsys, ["search", str(path), 'NEAR("(*'], f"{PASSPHRASE}\n")
    assert code == 0 and out == "" and "Nothing found" in err


def test_passwd_then_old_fails_and_new_works(monkeypatch, capsys, created_journal) -> None:
    """passwd: line 1 current, line 2 new; afterwards the old passphrase gives exit 3."""
    path, _ = created_journal
    code, _out, _err = run(monkeypatch, capsys, ["passwd", str(path)], f"{PASSPHRASE}\nnew phrase\n")
    assert code == 0
    assert run(monkeypatch, capsys, ["list", str(path)], f"{PASSPHRASE}\n")[0] == 3
    assert run(monkeypatch, capsys, ["list", str(path)], "new phrase\n")[0] == 0


def test_recovery_key_unlocks_and_resets_passphrase(monkeypatch, capsys, created_journal) -> None:
    """--recovery-key reads the key instead; passwd --recovery-key sets a new passphrase with it."""
    path, key = created_journal
    assert run(monkeypatch, capsys, ["list", str(path), "--recovery-key"], f"{key.lower()}\n")[0] == 0
    assert run(monkeypatch, capsys, ["passwd", str(path), "--recovery-key"], f"{key}\nfresh start\n")[0] == 0
    assert run(monkeypatch, capsys, ["list", str(path)], "fresh start\n")[0] == 0


def test_check_on_a_healthy_journal(monkeypatch, capsys, created_journal) -> None:
    """check says all is well and exits 0."""
    code, out, _ = run(monkeypatch, capsys, ["check", str(created_journal[0])], f"{PASSPHRASE}\n")
    assert code == 0 and "All is well." in out and "encrypted" in out


def test_empty_input_where_a_passphrase_is_expected(monkeypatch, capsys, created_journal) -> None:
    """No passphrase line: a kind message and exit code 2."""
    code, _out, err = run(monkeypatch, capsys, ["list", str(created_journal[0])], "")
    assert code == 2 and "first line" in err


@pytest.mark.parametrize("kind", ["text file", "empty folder", "missing"])
def test_not_a_journal_exits_4(tmp_path: Path, kind: str) -> None:
    """A text file, an empty folder or nothing at all: exit 4, a kind message, no traceback."""
    target = tmp_path / "thing"
    if kind == "text file":
        target.write_text("shopping list")
    elif kind == "empty folder":
        target.mkdir()
    result = run_process(["list", str(target)], "pw\n")
    assert result.returncode == 4
    assert result.stderr.strip() and "Traceback" not in result.stderr


def test_wrong_passphrase_exits_3(created_journal) -> None:
    """Wrong passphrase: exit 3 and the kind message."""
    result = run_process(["list", str(created_journal[0])], "not it\n")
    assert result.returncode == 3 and "doesn't open this journal" in result.stderr
    assert "Traceback" not in result.stderr


def test_journal_open_elsewhere_exits_5(created_journal) -> None:
    """A journal held open by another copy: exit 5, and it opens again once that copy lets go."""
    path, _ = created_journal
    holder = unlock_journal(path, PASSPHRASE)
    try:
        result = run_process(["list", str(path)], f"{PASSPHRASE}\n")
        assert result.returncode == 5 and "already open" in result.stderr
    finally:
        holder.lock()
    assert run_process(["list", str(path)], f"{PASSPHRASE}\n").returncode == 0


def test_usage_errors_exit_2_and_help_lists_exit_codes() -> None:
    """Unknown commands exit 2; --help documents every exit code."""
    assert run_process(["frobnicate"]).returncode == 2
    help_text = run_process(["--help"]).stdout
    for line in ("0  done", "2  usage", "3  wrong passphrase", "4  not a journal", "5  the journal is open"):
        assert line in help_text


def test_goals_plan_and_appointments_are_readable(monkeypatch, capsys, tmp_path: Path) -> None:
    """init --demo fills goals, a plan and an appointment; the read-only commands show them, as text and JSON."""
    path = tmp_path / "demo.rjournal"
    assert run(monkeypatch, capsys, ["init", str(path), "--demo"], "pw\n")[0] == 0
    code, out, _ = run(monkeypatch, capsys, ["goals", str(path)], "pw\n")
    assert code == 0 and "Walk to the shop on my own" in out and "A peer supporter (Sam)" in out
    code, out, _ = run(monkeypatch, capsys, ["plan", str(path), "--json"], "pw\n")
    sections = json.loads(out)
    assert code == 0 and {s["kind"] for s in sections} == {"plan_section"}
    assert any(c["name"] == "Sam (friend)" for s in sections for c in s["contacts"])
    code, out, _ = run(monkeypatch, capsys, ["appointments", str(path), "--json"], "pw\n")
    [appointment] = json.loads(out)
    assert code == 0 and appointment["with_whom"] == "Alex, my care coordinator"


def test_an_empty_plan_is_said_kindly(monkeypatch, capsys, created_journal) -> None:
    """Printing a plan with every section empty says so kindly."""
    code, out, _ = run(monkeypatch, capsys, ["plan", str(created_journal[0])], f"{PASSPHRASE}\n")
    assert code == 0 and "empty so far" in out
