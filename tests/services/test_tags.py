"""Issue 35: tags I can tidy. Counts, rename, merge (two tags become one), remove from every entry and put back;
and the CLI's `tags JOURNAL [--json]` and `tags JOURNAL --rename OLD NEW`, run as the issue wrote them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.search import SearchFilters
from recoveryjournal.services.journal_service import unlock_journal
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import run_cli


def _tagged(session) -> dict[str, int]:
    ids = {}
    ids["a"] = session.entries.add("Out by the river.", tags=["walk", "outside"]).id
    ids["b"] = session.entries.add("Round the park.", tags=["walking"]).id
    ids["c"] = session.entries.add("Walked and slept.", tags=["Walk", "walking", "sleep"]).id
    return ids


def test_counts_rename_merge_remove_and_put_back(session) -> None:
    ids = _tagged(session)
    heard = []
    session.entries.changed.connect(lambda: heard.append(1))
    assert session.entries.tag_counts() == [("walk", 2), ("walking", 2), ("outside", 1), ("sleep", 1)]
    assert session.entries.rename_tag("outside", "Outdoors") == 1  # a new name
    assert ("Outdoors", 1) in session.entries.tag_counts()
    assert session.entries.rename_tag("walking", "walk") == 2  # merged: entry c had both, and keeps one
    assert session.entries.tag_counts() == [("walk", 3), ("Outdoors", 1), ("sleep", 1)]
    assert session.entries.get(ids["c"]).tags.count("walk") == 1
    taken = session.entries.remove_tag("walk")
    assert sorted(taken) == sorted(ids.values()) and all("walk" not in session.entries.get(i).tags for i in taken)
    session.entries.delete(ids["b"])  # an entry deleted in between doesn't come back with the undo
    session.entries.put_back_tag("walk", taken)
    assert session.entries.tag_counts()[0] == ("walk", 2) and "walk" in session.entries.get(ids["a"]).tags
    with pytest.raises(InvalidInput):
        session.entries.rename_tag("sleep", "  #  ")
    assert len(heard) == 5  # every change is announced (the journal tab and search show it)


def test_a_tag_alone_finds_its_entries(session) -> None:
    ids = _tagged(session)
    hits = session.search("", SearchFilters(tag="walking"))
    assert sorted(h.id for h in hits) == sorted([ids["b"], ids["c"]])
    assert list(session.search("", SearchFilters())) == []  # no words and no tag: nothing, as before


def test_tags_from_the_command_line(created_journal, tmp_path: Path) -> None:
    journal, _key = created_journal
    s = unlock_journal(journal, PASSPHRASE)
    _tagged(s)
    s.lock()
    listed = run_cli(["tags", str(journal), "--json"], f"{PASSPHRASE}\n")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)[:2] == [{"tag": "walk", "count": 2}, {"tag": "walking", "count": 2}]
    merged = run_cli(["tags", str(journal), "--rename", "walking", "walk"], f"{PASSPHRASE}\n")
    assert merged.returncode == 0 and "are one tag now" in merged.stderr
    assert "     3  walk" in merged.stdout.splitlines()
    missing = run_cli(["tags", str(journal), "--rename", "nope", "x"], f"{PASSPHRASE}\n")
    assert missing.returncode == 2 and "no tag “nope”" in missing.stderr and "Traceback" not in missing.stderr
