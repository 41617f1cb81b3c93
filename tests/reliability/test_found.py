"""The four wrong stories found by trying the app as a new user would, each run exactly as found."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.places import fill, read_only, small_disk
from tests.reliability.conftest import hashes, run_cli

PW = f"{PASSPHRASE}\n"
NO_ROOM = "There's no room left where your journal is kept. Nothing was lost. Free some space, or move the journal."


def test_the_name_given_to_init_works_for_every_command(tmp_path: Path, monkeypatch, battery) -> None:
    """`init my-journal`, then `add my-journal`, `list my-journal`, … all find my-journal.rjournal."""
    battery.record("Found 1. names", 6, "init NAME, then add/list/search/show/check NAME and NAME.rjournal")
    monkeypatch.chdir(tmp_path)
    assert run_cli(["init", "my-journal"], PW).returncode == 0
    added = run_cli(["add", "my-journal", "--text", "garden today"], PW)
    assert added.returncode == 0, added.stderr
    for args in (["list", "my-journal"], ["search", "my-journal", "garden"], ["show", "my-journal", "1"],
                 ["check", "my-journal"], ["list", "my-journal.rjournal"]):  # fmt: skip
        result = run_cli(args, PW)
        assert result.returncode == 0, (args, result.stderr)
        assert "garden" in result.stdout or args[0] == "check"


def test_two_things_with_the_same_name_are_asked_about(tmp_path: Path, monkeypatch) -> None:
    """Only when both X and X.rjournal exist and differ: say so, and ask which (exit 2)."""
    monkeypatch.chdir(tmp_path)
    assert run_cli(["init", "my-journal"], PW).returncode == 0
    (tmp_path / "my-journal").mkdir()
    result = run_cli(["list", "my-journal"], PW)
    assert result.returncode == 2
    assert "“my-journal” and “my-journal.rjournal”" in result.stderr and "Which one" in result.stderr
    (tmp_path / "my-journal").rmdir()
    (tmp_path / "my-journal").symlink_to(tmp_path / "my-journal.rjournal")  # the same thing twice is no question
    assert run_cli(["list", "my-journal"], PW).returncode == 0


def test_a_full_disk_is_told_as_a_full_disk(tmp_path: Path, battery) -> None:
    """On a 3 MB disk filled to 100 %: add, passwd and share say 'no room', exit 6, and never suggest a
    backup; reading still works; after freeing space the journal is perfect and check says all is well."""
    battery.record("4. disk full", 6, "3 MB tmpfs at 100 %: add, checkin, passwd, share, list, search; then check")
    with small_disk(tmp_path) as disk:
        journal = disk / "j.rjournal"
        assert run_cli(["init", str(journal)], PW).returncode == 0
        assert run_cli(["add", str(journal), "--text", "written before the disk filled"], PW).returncode == 0
        filler = fill(disk)
        before = hashes(journal)
        for args, stdin in (
            (["add", str(journal), "--text", "one more"], PW),
            (["checkin", str(journal), "--mood", "6"], PW),
            (["passwd", str(journal)], f"{PASSPHRASE}\nnew words\nnew words\n"),
            (["share", str(journal), "--to", "Alex", "--entry", "1", "--format", "json",
              "--output", str(disk / "for-alex.json")], PW),
        ):  # fmt: skip
            result = run_cli(args, stdin)
            assert result.returncode == 6, (args, result.stderr)
            assert "no room left" in result.stderr, (args, result.stderr)
            assert "damaged" not in result.stderr and "backup" not in result.stderr
        assert not (disk / "for-alex.json").exists()
        listed = run_cli(["list", str(journal)], PW)
        assert listed.returncode == 0 and "written before the disk filled" in listed.stdout
        assert run_cli(["search", str(journal), "disk"], PW).returncode == 0
        assert hashes(journal)["journal.db"] == before["journal.db"]
        filler.unlink()
        checked = run_cli(["check", str(journal)], PW)
        assert checked.returncode == 0 and "All is well." in checked.stdout
        assert run_cli(["add", str(journal), "--text", "room again"], PW).returncode == 0


def test_full_disk_message_is_exactly_the_agreed_one(tmp_path: Path) -> None:
    """The words people read, as agreed in the issue."""
    with small_disk(tmp_path) as disk:
        journal = disk / "j.rjournal"
        run_cli(["init", str(journal)], PW)
        fill(disk)
        assert run_cli(["add", str(journal), "--text", "x"], PW).stderr.strip() == NO_ROOM


def test_a_key_file_from_another_journal_is_named_for_what_it_is(tmp_path: Path, battery) -> None:
    """Copying keys.json from journal B into A: 'belongs to a different journal — copy the whole folder
    again' (exit 4), with either journal's passphrase, and nothing written."""
    battery.record("Found 3. foreign key file", 2, "B's keys.json in A, opened with A's and B's passphrase")
    a, b = tmp_path / "A.rjournal", tmp_path / "B.rjournal"
    assert run_cli(["init", str(a)], PW).returncode == 0
    assert run_cli(["init", str(b)], "b's words\n").returncode == 0
    (a / "keys.json").write_bytes((b / "keys.json").read_bytes())
    before = hashes(a)
    for secret in (PW, "b's words\n"):
        result = run_cli(["list", str(a)], secret)
        assert result.returncode == 4
        assert "belongs to a different journal" in result.stderr and "Copy the whole journal folder" in result.stderr
        assert "damaged" not in result.stderr
    assert hashes(a) == before


def test_a_read_only_place_can_still_be_read(tmp_path: Path, battery) -> None:
    """On a write-protected folder: list, search, check and share work; add says read-only (exit 6)."""
    battery.record("4. read-only", 6, "write-protected folder: list, search, check, share; add and passwd refused")
    journal = tmp_path / "j.rjournal"
    assert run_cli(["init", str(journal)], PW).returncode == 0
    assert run_cli(["add", str(journal), "--text", "garden on a stick"], PW).returncode == 0
    before = hashes(journal)
    with read_only(journal):
        listed = run_cli(["list", str(journal)], PW)
        assert listed.returncode == 0 and "garden on a stick" in listed.stdout, listed.stderr
        assert "garden" in run_cli(["search", str(journal), "garden"], PW).stdout
        checked = run_cli(["check", str(journal)], PW)
        assert checked.returncode == 0 and "All is well." in checked.stdout
        out = tmp_path / "for-alex.json"
        shared = run_cli(["share", str(journal), "--to", "Alex", "--entry", "1", "--format", "json",
                          "--output", str(out)], PW)  # fmt: skip
        assert shared.returncode == 0 and out.exists() and "read-only here" in shared.stderr
        added = run_cli(["add", str(journal), "--text", "more"], PW)
        assert added.returncode == 6 and "read-only here" in added.stderr and "Nothing was lost" in added.stderr
        changed = run_cli(["passwd", str(journal)], f"{PASSPHRASE}\nnew words\nnew words\n")
        assert changed.returncode == 6 and "read-only here" in changed.stderr
    assert hashes(journal) == before
