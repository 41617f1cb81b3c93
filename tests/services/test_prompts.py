"""Issue 35: my own prompts. A new journal starts with a few gentle ones (in its language); I add my own, change
or remove any (a removed gentle one stays removed); they live inside the encrypted journal, travel with
export-all and come back with its import. CLI: `templates JOURNAL [--json]` and `add JOURNAL --template NAME`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoveryjournal import i18n
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from tests.conftest import PASSPHRASE
from tests.places import hashes
from tests.reliability.conftest import run_cli

GENTLE = ["What went well today?", "What I want to bring to my next appointment",
          "After a hard day: what helped, even a little?"]  # fmt: skip


def test_gentle_prompts_mine_and_changes(session) -> None:
    assert [p.name for p in session.prompts.all()] == GENTLE
    mine = session.prompts.add("  Before bed  ", "Three things I noticed today:\n1.\n2.\n3.\n")
    assert mine.name == "Before bed" and session.prompts.all()[-1] == mine
    with pytest.raises(InvalidInput, match="already have a prompt called"):
        session.prompts.add("before BED", "x")
    with pytest.raises(InvalidInput, match="give the prompt a name"):
        session.prompts.add("   ", "x")
    changed = session.prompts.change(mine.id, "Before sleep", "One thing I'm grateful for:\n")
    assert session.prompts.named("before sleep") == changed
    first = session.prompts.all()[0]
    session.prompts.remove(first.id)
    assert [p.name for p in session.prompts.all()] == [*GENTLE[1:], "Before sleep"]  # removed stays removed


def test_a_new_journal_gets_them_in_its_language(tmp_path: Path) -> None:
    i18n.choose_language("es")
    try:
        s, _key = create_journal(tmp_path / "diario.rjournal", PASSPHRASE)
        names = [p.name for p in s.prompts.all()]
        s.lock()
    finally:
        i18n.choose_language("en_GB")
    assert names[0] == "¿Qué ha ido bien hoy?" and len(names) == 3


def test_prompts_on_disk_are_encrypted_and_travel_with_export_all(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    pw = f"{PASSPHRASE}\n"
    s, _key = create_journal(tmp_path / "mine.rjournal", PASSPHRASE)
    s.prompts.add("PROMPTCANARY walk", "Where I walked:\n")
    s.lock()
    assert all(b"PROMPTCANARY" not in f.read_bytes() for f in (tmp_path / "mine.rjournal").rglob("*") if f.is_file())
    assert run_cli(["export-all", "mine", "--output", "all.json"], pw).returncode == 0
    assert any(p["name"] == "PROMPTCANARY walk" for p in json.loads(Path("all.json").read_text())["tables"]["prompts"])
    assert run_cli(["init", "other"], pw).returncode == 0
    assert run_cli(["import", "other", "all.json", "--from", "json"], pw).returncode == 0
    listed = run_cli(["templates", "other", "--json"], pw)
    assert listed.returncode == 0, listed.stderr
    names = [p["name"] for p in json.loads(listed.stdout)]
    assert names.count("What went well today?") == 1 and "PROMPTCANARY walk" in names  # matched by name, once
    assert {"name", "text"} == set(json.loads(listed.stdout)[0])


def test_add_from_a_template_on_the_command_line(created_journal) -> None:
    journal, _key = created_journal
    added = run_cli(["add", str(journal), "--template", "what went well today?"], f"{PASSPHRASE}\nA long walk.\n")
    assert added.returncode == 0, added.stderr
    s = unlock_journal(journal, PASSPHRASE)
    entry = s.entries.get(int(added.stdout))
    s.lock()
    assert entry.title == "What went well today?"
    assert entry.text.rstrip("\n") == "What went well today, even something small?\nA long walk."
    before = hashes(journal)
    missing = run_cli(["add", str(journal), "--template", "nope", "--text", "x"], f"{PASSPHRASE}\n")
    assert missing.returncode == 2 and "no prompt called “nope”" in missing.stderr and hashes(journal) == before
