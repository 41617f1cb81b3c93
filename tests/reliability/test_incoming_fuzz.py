"""Everything that comes in is checked before it is trusted (issue 21): fuzzing every importer, the backup
reader and the key-file reader with hypothesis. Whatever the input, the outcome is one of

    imported, and list, plan, goals, appointments, check and export-all all work afterwards;
    refused with exit 4 (or 2 for a choice), and the journal byte-identical;

never a traceback, a generic exit 1, a hang, or a journal a later command can't read. The CLI runs in this
process (the same `main` a person runs), so hundreds of cases fit in CI's minutes; `-m soak` runs more.
"""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoveryjournal.cli.main import main
from recoveryjournal.services.demo import fill_with_demo_entries, fill_with_demo_plans
from recoveryjournal.services.journal_service import create_journal
from tests.conftest import PASSPHRASE
from tests.places import hashes

READERS = (["list"], ["plan"], ["goals"], ["appointments"], ["check"])
COUNTS: dict[str, dict[str, int]] = {}
FUZZ = settings(max_examples=int(os.environ.get("RJ_FUZZ_EXAMPLES", "25")), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip


def cli(args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = f"{PASSPHRASE}\n") -> tuple[int, str]:
    """recoveryjournal-cli in this process: its exit code and what it said."""
    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as m:
        m.setattr(sys, "stdin", io.StringIO(stdin))
        m.setattr(sys, "stdout", out)
        m.setattr(sys, "stderr", err)
        code = main(args)
    return code, out.getvalue() + err.getvalue()


def _count(kind: str, outcome: str) -> None:
    COUNTS.setdefault(kind, {"tried": 0, "imported": 0, "refused": 0})
    COUNTS[kind]["tried"] += 1
    COUNTS[kind][outcome] += 1


def assert_import_outcome(journal: Path, file: Path, kind: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The rule for one input: imported and everything reads, or refused and the journal unchanged."""
    before = hashes(journal)
    code, said = cli(["import", str(journal), str(file), "--from", kind], monkeypatch)
    assert "Traceback" not in said and "unexpected" not in said, said
    assert code in (0, 4), (code, said)
    if code == 4:
        assert hashes(journal) == before, said
        _count(kind, "refused")
        return "refused"
    for reader in READERS:
        rc, words = cli([*reader, str(journal)], monkeypatch)
        assert rc == 0, (reader, words)
    rc, words = cli(["export-all", str(journal), "--output", str(file.with_suffix(".out.json")), "--overwrite"],
                    monkeypatch)  # fmt: skip
    assert rc == 0, words
    _count(kind, "imported")
    return "imported"


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory) -> dict:  # type: ignore[type-arg]
    """A real full export of the demo journal, to mutate."""
    from recoveryjournal.services.exporter import Exporter
    from recoveryjournal.services.policy import Policy

    folder = tmp_path_factory.mktemp("export")
    session, _ = create_journal(folder / "demo", PASSPHRASE)
    fill_with_demo_entries(session)
    fill_with_demo_plans(session)
    assert Exporter(Policy()).export_all(session, folder / "all.json").done
    session.lock()
    return json.loads((folder / "all.json").read_text(encoding="utf-8"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    session, _ = create_journal(tmp_path / "target", PASSPHRASE)
    session.entries.add("Already here.", "Mine")
    session.lock()
    return tmp_path / "target.rjournal"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def mutated_exports(draw, base):  # type: ignore[no-untyped-def]
    """A real export with a few of its values, rows or tables changed to anything."""
    doc = copy.deepcopy(base)
    tables = doc["tables"]
    for _ in range(draw(st.integers(1, 3))):
        table = draw(st.sampled_from(sorted(tables)))
        rows = tables[table]
        if not isinstance(rows, list) or not all(isinstance(r, dict) and r for r in rows):
            continue  # already replaced by something else
        how = draw(st.integers(0, 4))
        if how == 0 and rows:
            row = draw(st.sampled_from(rows))
            column = draw(st.sampled_from(sorted(row)))
            row[column] = draw(json_values)
        elif how == 1 and rows:
            row = draw(st.sampled_from(rows))
            row.pop(draw(st.sampled_from(sorted(row))))
        elif how == 2:
            tables[table] = draw(json_values)
        elif how == 3 and rows:
            rows.append({k: draw(json_values) for k in rows[0]})
        else:
            row = draw(st.sampled_from(rows)) if rows else {}
            for column in row:  # a value of the right kind, shifted: dates that aren't days, text in number columns
                if isinstance(row[column], str) and draw(st.booleans()):
                    row[column] = draw(st.sampled_from(["2026-13-45", "next friday", "", "[1,2", "{}", "[]"]))
                elif isinstance(row[column], int) and draw(st.booleans()):
                    row[column] = draw(st.sampled_from([-1, 0, 11, 99999, "x"]))
    return doc


@FUZZ
@given(data=st.data())
def test_fuzz_own_json(demo_export, target, tmp_path: Path, monkeypatch, data) -> None:  # type: ignore[no-untyped-def]
    """Our own full export, mutated."""
    f = tmp_path / "all.json"
    f.write_text(json.dumps(data.draw(mutated_exports(demo_export))), encoding="utf-8")
    assert_import_outcome(target, f, "json", monkeypatch)


jrnl_entries = st.lists(
    st.one_of(
        json_values,
        st.fixed_dictionaries({"date": st.one_of(st.dates().map(str), json_values), "title": json_values}),
        st.fixed_dictionaries({"date": st.dates().map(str), "time": st.sampled_from(["08:30", "25:99", "x"]),
                               "title": st.text(max_size=20), "body": st.text(max_size=80),
                               "tags": st.lists(st.text(max_size=8), max_size=3), "starred": st.booleans()}),
    ),
    max_size=6,
)  # fmt: skip


@FUZZ
@given(entries=jrnl_entries)
def test_fuzz_jrnl(target, tmp_path: Path, monkeypatch, entries) -> None:  # type: ignore[no-untyped-def]
    """jrnl's JSON with entries of any shape."""
    f = tmp_path / "jrnl.json"
    f.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    assert_import_outcome(target, f, "jrnl", monkeypatch)


daylio_cells = st.one_of(st.text(max_size=12), st.sampled_from(["good", "rad", "awful", "7", "2026-02-30", "9:61 pm"]))
#: A row that reads, with some of its cells swapped for anything.
daylio_rows = st.tuples(st.dates().map(str), st.just(""), st.just(""), st.sampled_from(["8:30 am", "20:15", "x"]),
                        st.sampled_from(["good", "meh", "rad", "3", "nope"]), st.text(max_size=10),
                        st.text(max_size=10), st.text(max_size=30)).map(list)  # fmt: skip


@FUZZ
@given(rows=st.lists(st.one_of(st.lists(daylio_cells, max_size=9), daylio_rows), max_size=6))
def test_fuzz_daylio(target, tmp_path: Path, monkeypatch, rows) -> None:  # type: ignore[no-untyped-def]
    """Daylio's CSV: the real header, then rows of anything."""
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"])
    writer.writerows(rows)
    f = tmp_path / "daylio.csv"
    f.write_text(buf.getvalue(), encoding="utf-8")
    assert_import_outcome(target, f, "daylio", monkeypatch)


# The backup reader and the key-file reader --------------------------------------------------------------------
@pytest.fixture(scope="module")
def a_backup(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("backup")
    session, _ = create_journal(folder / "j", PASSPHRASE)
    session.entries.add("Backed up words.", "One")

    path = session.backups.back_up(folder / "b.rjbackup").path
    session.lock()
    return path.read_bytes()


@FUZZ
@given(data=st.data())
def test_fuzz_backup_reader(a_backup: bytes, tmp_path: Path, monkeypatch, data) -> None:  # type: ignore[no-untyped-def]
    """A backup with bytes changed, cut short, or its members rewritten: restored and opens, or refused (4)."""
    blob = bytearray(a_backup)
    how = data.draw(st.integers(0, 2))
    if how == 0:
        for _ in range(data.draw(st.integers(1, 8))):
            blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    elif how == 1:
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    else:
        with zipfile.ZipFile(io.BytesIO(a_backup)) as zf:
            members = {n: zf.read(n) for n in zf.namelist()}
        name = data.draw(st.sampled_from(sorted(members)))
        members[name] = data.draw(st.one_of(st.binary(max_size=64), json_values.map(lambda v: json.dumps(v).encode())))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for n, content in members.items():
                zf.writestr(n, content)
        blob = bytearray(out.getvalue())
    f = tmp_path / "b.rjbackup"
    f.write_bytes(bytes(blob))
    code, said = cli(["restore", str(f), str(tmp_path / "restored")], monkeypatch)
    assert "Traceback" not in said and code in (0, 3, 4), (code, said)
    if code == 0:
        assert cli(["check", str(tmp_path / "restored")], monkeypatch)[0] == 0
        shutil.rmtree(tmp_path / "restored.rjournal")  # (examples share tmp_path)
        _count("backup", "imported")
    else:
        assert not [p for p in tmp_path.iterdir() if p.name != "b.rjbackup"], said
        _count("backup", "refused")


@FUZZ
@given(data=st.data())
def test_fuzz_key_file_reader(target, monkeypatch, data) -> None:  # type: ignore[no-untyped-def]
    """keys.json with fields changed to anything (absurd Argon2 costs included): opens, 3, or 4 — quickly."""
    keys = target / "keys.json"
    doc = json.loads(keys.read_text())
    slot = doc["slots"]["passphrase"]
    field_name = data.draw(st.sampled_from([*sorted(slot), "format", "version"]))
    value = data.draw(st.one_of(json_values, st.sampled_from([100000, 2**31, 0, -1, 10**9])))
    (slot if field_name in slot else doc)[field_name] = value
    keys.write_text(json.dumps(doc))
    code, said = cli(["list", str(target)], monkeypatch)
    assert "Traceback" not in said and code in (0, 3, 4), (code, said)
    _count("keys", "imported" if code == 0 else "refused")


def test_zz_fuzz_counts_are_reported(battery) -> None:
    """Says what the fuzzing above tried (the closing note and docs/reliability.md quote these)."""
    tried = sum(c["tried"] for c in COUNTS.values())
    print("\nfuzz counts:", json.dumps(COUNTS, sort_keys=True))
    battery.record("11. incoming fuzz", tried, "; ".join(f"{k}: {v['imported']} in, {v['refused']} refused"
                                                         for k, v in sorted(COUNTS.items())))  # fmt: skip


@pytest.mark.soak
def test_fuzz_soak(battery) -> None:
    """The same fuzzing with 400 inputs per reader, in a process of its own."""
    import subprocess

    env = {**os.environ, "RJ_FUZZ_EXAMPLES": "400"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "-m", "not soak",
                          __file__], env=env, capture_output=True, text=True, timeout=3000)  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
    counts = json.loads(run.stdout.split("fuzz counts:", 1)[1].splitlines()[0])
    tried = sum(c["tried"] for c in counts.values())
    battery.record("11. incoming fuzz (soak)", tried, "; ".join(f"{k}: {v['imported']} in, {v['refused']} refused"
                                                                for k, v in sorted(counts.items())))  # fmt: skip
