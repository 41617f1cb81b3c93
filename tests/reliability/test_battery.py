"""The reliability battery: wrong secrets, damaged journals, kill -9 at random moments, two copies at once,
and bad text. `pytest -m soak tests/reliability` runs the long versions (CI runs the short ones)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import WrongRecoveryKey, WrongSecret
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.storage.connection import open_journal
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import hashes, run_cli

PW = f"{PASSPHRASE}\n"


# 1. Wrong secrets -----------------------------------------------------------------------------------
def test_wrong_passphrase_a_hundred_times(created_journal, battery) -> None:
    """100 wrong passphrases and 100 wrong recovery keys: the same clear message each time; not one byte changes."""
    battery.record("1. wrong secret", 203, "100 wrong passphrases, 100 wrong recovery keys, 3 through the CLI")
    path, recovery_key = created_journal
    before = hashes(path)
    rng = random.Random(1)
    for i in range(100):
        with pytest.raises(WrongSecret) as info:
            unlock_journal(path, f"not it {rng.random()}")
        assert info.value.message.startswith("That passphrase doesn't open this journal."), i
        wrong_key = "-".join(
            "".join(rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(4)) for _ in range(8)
        )
        with pytest.raises(WrongRecoveryKey):
            unlock_journal(path, wrong_key, recovery_key=True)
    for args, stdin in ((["list", str(path)], "nope\n"), (["list", str(path), "--recovery-key"], "AAAA-BBBB\n"),
                        (["passwd", str(path)], "nope\nnew\nnew\n")):  # fmt: skip
        result = run_cli(args, stdin)
        assert result.returncode == 3 and ("doesn't open" in result.stderr or "doesn't look like" in result.stderr)
    assert hashes(path) == before
    unlock_journal(path, recovery_key, recovery_key=True).lock()


# 2. Damaged journals --------------------------------------------------------------------------------
def _flip(db: Path, offset: int) -> None:
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x55
    db.write_bytes(bytes(data))


def _newer_schema(path: Path) -> None:
    conn = open_journal(path, PASSPHRASE)
    conn.db.execute("PRAGMA user_version = 99")
    conn.close()


def _plain_sqlite(path: Path) -> None:
    (path / "journal.db").unlink()
    plain = sqlite3.connect(path / "journal.db")
    plain.execute("CREATE TABLE entries (x)")
    plain.commit()
    plain.close()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(200)

DAMAGE = {
    "0-byte data file": lambda p: (p / "journal.db").write_bytes(b""),
    "truncated at 4096": lambda p: os.truncate(p / "journal.db", 4096),
    "truncated at 5000": lambda p: os.truncate(p / "journal.db", 5000),
    "truncated at half": lambda p: os.truncate(p / "journal.db", (p / "journal.db").stat().st_size // 2 + 7),
    "bit flip in page 1": lambda p: _flip(p / "journal.db", 100),
    "plain SQLite data file": _plain_sqlite,
    "missing key file": lambda p: (p / "keys.json").unlink(),
    "garbage key file": lambda p: (p / "keys.json").write_bytes(b"\x00\x01garbage"),
    "newer schema version": _newer_schema,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_journals_are_told_kindly_and_left_alone(created_journal, damage: str, battery) -> None:
    """Each damage gets its own kind message (exit 4), no new empty journal appears, and nothing is written."""
    battery.record("2. damaged journals", 1, damage)
    path, _ = created_journal
    DAMAGE[damage](path)
    before, siblings = hashes(path), sorted(p.name for p in path.parent.iterdir())
    for args in (["list", str(path)], ["add", str(path), "--text", "x"], ["check", str(path)]):
        result = run_cli(args, PW)
        assert result.returncode == 4, (args, result.returncode, result.stderr)
        assert result.stderr.strip() and "Traceback" not in result.stderr and "went wrong" not in result.stderr
    assert hashes(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


@pytest.mark.parametrize("kind", ["pdf", "png", "plain sqlite", "empty folder", "foreign key file"])
def test_things_that_are_not_journals(tmp_path: Path, kind: str, battery) -> None:
    """A PDF or PNG renamed to .rjournal, a plain database, an empty folder, another journal's key file."""
    battery.record("2. damaged journals", 1, kind)
    path = tmp_path / "mine.rjournal"
    if kind == "pdf":
        path.write_bytes(PDF_BYTES)
    elif kind == "png":
        path.write_bytes(PNG_BYTES)
    elif kind == "plain sqlite":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
    elif kind == "empty folder":
        path.mkdir()
    else:
        for name in ("mine", "other"):
            create_journal(tmp_path / name, PASSPHRASE)[0].lock()
        (path / "keys.json").write_bytes((tmp_path / "other.rjournal" / "keys.json").read_bytes())
    before = hashes(path) if path.is_file() or any(path.iterdir()) else {}
    result = run_cli(["list", str(path)], PW)
    assert result.returncode == 4 and result.stderr.strip() and "Traceback" not in result.stderr
    assert (hashes(path) if before else {}) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("mine")) == ["mine.rjournal"]


@pytest.mark.parametrize("where", ["middle page", "last page"])
def test_partly_readable_journal_check_says_what_can_be_saved(tmp_path: Path, where: str, battery) -> None:
    """A bit flip further in: check says which pages are damaged and how much can still be read (exit 4)."""
    battery.record("2. damaged journals", 1, f"bit flip in the {where}: check reports what can be saved")
    path = tmp_path / "j.rjournal"
    session, _ = create_journal(path, PASSPHRASE)
    for i in range(300):
        session.entries.add(f"entry number {i} " + "words " * 60, f"Day {i}")
    for i in range(40):
        session.checkins.add(1 + i % 10)
    session.lock()
    db = path / "journal.db"
    size = db.stat().st_size
    _flip(db, size // 2 + 100 if where == "middle page" else size - 300)
    before = hashes(path)
    result = run_cli(["check", str(path)], PW)
    assert result.returncode == 4, result.stderr
    if "passphrase is right" not in result.stderr:  # the flip hit a page needed just to open it
        assert "!!  Every page is intact" in result.stdout
        assert "What can still be read:" in result.stdout
        assert "    entries: " in result.stdout and "check-ins: " in result.stdout
    assert hashes(path) == before


def test_a_damaged_journal_shares_backs_up_and_exports_what_can_be_read(tmp_path: Path, battery) -> None:
    """Issue 34, 4: what `check` and a refused `add` promise holds: with a damaged page, a share of readable items
    is saved (not logged, and said so), a backup keeps what can be read and restores as a whole journal (its
    search too), and export-all saves what can be read, saying so; the damaged journal itself is left alone."""
    battery.record("2. damaged journals", 3, "damaged page: share (unlogged), backup (restores whole), export-all")
    path = tmp_path / "j.rjournal"
    session, _ = create_journal(path, PASSPHRASE)
    for i in range(300):
        session.entries.add(f"entry number {i} " + "words " * 60, f"Day {i}")
    session.lock()
    db = path / "journal.db"
    for page in (0, 1, 2):  # three pages in the middle: at least one holds entries (one alone may be a free page)
        _flip(db, db.stat().st_size // 2 + page * 4096 + 100)
    before = hashes(path)
    refused = run_cli(["add", str(path), "--text", "x"], PW)
    if refused.returncode != 4 or "share what can be read" not in refused.stderr:
        pytest.skip("the flip hit a page needed to open the journal at all")  # then nothing can be read
    shared = run_cli(["share", str(path), "--to", "Alex", "--format", "json", "--entry", "1", "--output",
                      str(tmp_path / "s.json")], PW)  # fmt: skip
    assert shared.returncode == 0 and "isn't in your share log" in shared.stderr, shared.stderr
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["items"][0]["title"] == "Day 0"
    backed = run_cli(["backup", str(path), str(tmp_path)], PW)
    assert backed.returncode == 0 and "holds what could still be read" in backed.stderr, backed.stderr
    (made,) = tmp_path.glob("*.rjbackup")
    assert run_cli(["restore", str(made), str(tmp_path / "back")], PW).returncode == 0
    assert run_cli(["check", str(tmp_path / "back.rjournal")], PW).returncode == 0
    found = run_cli(["search", str(tmp_path / "back.rjournal"), "number 150"], PW)
    assert "Day 150" in found.stdout
    exported = run_cli(["export-all", str(path), "--output", str(tmp_path / "all.json")], PW)
    assert exported.returncode == 0 and "everything that could still be read" in exported.stderr, exported.stderr
    tables = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["tables"]
    assert len(tables["entries"]) > 100, {k: len(v) for k, v in tables.items()}
    assert hashes(path) == before


# 3. kill -9 at random moments ------------------------------------------------------------------------
WORKER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from recoveryjournal.services.journal_service import unlock_journal
    activity, path, secret, other, out = sys.argv[1:]
    session = unlock_journal(path, secret)
    print("ready", flush=True)
    i = 0
    if activity == "passphrase":
        current, new = secret, other
        while True:
            session.change_passphrase(current, new)
            current, new = new, current
            print("now", current, flush=True)
    elif activity == "entries":
        while True:
            entry = session.entries.add(f"saved entry {i} " + "words " * (i % 50), f"Entry {i}")
            print(entry.id, flush=True)
            i += 1
    elif activity == "checkins":
        while True:
            print(session.checkins.add(1 + i % 10, note=f"burst {i}").id, flush=True)
            i += 1
    elif activity == "share":
        from recoveryjournal.domain.share import ShareRequest
        from recoveryjournal.render.pdf import pdf_bytes
        from recoveryjournal.services.exporter import Exporter
        from recoveryjournal.services.policy import Policy
        ids = [e.id for e in session.entries.newest_first()]
        exporter = Exporter(Policy(), pdf_bytes)
        while True:
            request = ShareRequest(recipient="Alex", entry_ids=tuple(ids[: 1 + i % len(ids)]))
            target = Path(out) / (f"share-{i}.pdf" if i % 2 else f"share-{i}.json")
            outcome = exporter.share(session, request, "pdf" if i % 2 else "json", target)
            assert outcome.done, outcome.sentence
            print(target.name, flush=True)
            i += 1
    elif activity == "backup":
        from recoveryjournal.services import backup_service
        while True:
            print(session.backups.back_up(Path(out) / f"b-{os.getpid()}-{i}").path.name, flush=True)
            i += 1
    elif activity == "import":
        from recoveryjournal.services import import_service
        while True:
            f = Path(out) / f"daylio-{os.getpid()}-{i}.csv"
            pid, head = os.getpid(), "full_date,date,weekday,time,mood,activities,note_title,note"
            rows = [f"2025-{1 + n % 12:02d}-{1 + i % 28:02d},x,y,"
                    f"{1 + n % 12}:{n % 60:02d} pm,good,walk,,p{pid} i{i} n{n}" for n in range(20)]
            f.write_text(chr(10).join([head, *rows]) + chr(10))
            session.imports.bring_in(session.imports.read_file(f, "daylio"))
            f.unlink()
            print(i, flush=True)
            i += 1
    elif activity == "restore":
        from recoveryjournal.services import backup_service
        session.lock()
        source = next(Path(out).glob("source*.rjbackup"))
        while True:
            place = backup_service.prepare_restore(source, Path(out) / f"r-{os.getpid()}-{i}", secret).commit()
            print(place.name, flush=True)
            i += 1
    """
)

ACTIVITIES = ("entries", "checkins", "passphrase", "share", "backup", "restore", "import")


def _kill_battery(tmp_path: Path, activity: str, kills: int, seed: int) -> None:
    path = tmp_path / "j.rjournal"
    session, _ = create_journal(path, PASSPHRASE)
    for i in range(5):
        session.entries.add(f"starting entry {i}", f"Start {i}")
    session.lock()
    out = tmp_path / "exports"
    out.mkdir()
    if activity == "restore":
        s = unlock_journal(path, PASSPHRASE)
        s.backups.back_up(out / "source.rjbackup")
        s.lock()
    env = {**os.environ, "RECOVERYJOURNAL_INSECURE_FAST_KDF": "1", "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(seed)
    secrets_now, other = PASSPHRASE, "the other passphrase"
    saved: set[str] = set()
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", WORKER, activity, str(path), secrets_now, other, str(out)],
            stdout=subprocess.PIPE, env=env, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        lines = child.stdout.read().split("\n")[:-1]  # only whole lines: saves that returned
        child.wait()
        child.stdout.close()
        opened = None
        for candidate in (secrets_now, other):
            try:
                opened = unlock_journal(path, candidate)
            except WrongSecret:
                continue
            if candidate != secrets_now:
                secrets_now, other = other, secrets_now
            break
        assert opened is not None, "neither the old nor the new passphrase opens the journal"
        try:
            assert opened.check().ok
            if activity == "entries":
                saved.update(lines)
                assert saved <= {str(e.id) for e in opened.entries.newest_first()}
            elif activity == "checkins":
                saved.update(lines)
                assert saved <= {str(c.id) for c in opened.checkins.between()}
            elif activity == "share":
                saved.update(lines)
                logged = {Path(r.saved_to).name for r in opened.shares.all()}
                assert saved - logged <= {lines[-1]} if lines else True  # at most the one being logged
            elif activity == "import":  # each import is all or none: whole files of 20 check-ins
                saved.update(lines)
                count = len(opened.checkins.between())
                assert count % 20 == 0 and count >= 20 * len(saved)
        finally:
            opened.lock()
        _check_outputs(activity, out, lines)


def _check_outputs(activity: str, out: Path, lines: list[str]) -> None:
    """Every file under a final name is whole: exports parse, backups restore, restored journals open and check."""
    from pypdf import PdfReader

    from recoveryjournal.services import backup_service

    for name in lines if activity in ("share", "backup", "restore") else []:
        assert (out / name).exists(), name
    for f in out.iterdir():
        if f.name.startswith(".") or f.name.endswith((".part", ".new", ".csv")):
            continue  # temporaries of a killed write (hidden or never under a final name)
        if f.suffix == ".json":
            json.loads(f.read_text(encoding="utf-8"))
        elif f.suffix == ".pdf":
            assert len(PdfReader(f).pages) >= 1
        elif f.suffix == ".rjbackup" and not f.name.startswith("source"):
            backup_service.prepare_restore(f, out / ".check", PASSPHRASE).cancel()
        elif f.suffix == ".rjournal":
            s = unlock_journal(f, PASSPHRASE)
            assert s.check().ok
            s.lock()
        elif f.name != "source.rjbackup":
            raise AssertionError(f"an unexpected file was left: {f.name}")


@pytest.mark.parametrize("activity", ACTIVITIES)
def test_kill_at_random_moments(tmp_path: Path, activity: str, battery) -> None:
    """8 kills per activity in CI (56 in all): opens with old or new passphrase, checks clean, every returned
    save is there, an import is all or none, and nothing half-written under a final name."""
    battery.record("3. kill -9", 8, activity)
    _kill_battery(tmp_path, activity, 8, seed=sum(map(ord, activity)))


@pytest.mark.soak
@pytest.mark.parametrize("activity", ACTIVITIES)
def test_kill_at_random_moments_soak(tmp_path: Path, activity: str, battery) -> None:
    """The soak: 40 kills per activity (280 in all)."""
    battery.record("3. kill -9 (soak)", 40, activity)
    _kill_battery(tmp_path, activity, 40, seed=1000 + sum(map(ord, activity)))


# 5. Two copies at once --------------------------------------------------------------------------------
HOLDER = textwrap.dedent(
    """
    import sys, time
    from recoveryjournal.services.journal_service import unlock_journal
    session = unlock_journal(sys.argv[1], sys.argv[2])
    print("holding", flush=True)
    time.sleep(120)
    """
)


def test_a_second_copy_is_refused_and_a_crash_leaves_no_lock(created_journal, battery) -> None:
    """CLI while another program holds the journal: exit 5 for reading and writing; after kill -9, it opens."""
    battery.record("5. two copies", 3, "CLI list and add while another process holds it; again after kill -9")
    path, _ = created_journal
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for args in (["list", str(path)], ["add", str(path), "--text", "x"]):
            result = run_cli(args, PW)
            assert result.returncode == 5 and "already open" in result.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert run_cli(["list", str(path)], PW).returncode == 0


# 7. Bad text -------------------------------------------------------------------------------------------
def test_a_50_mb_entry_is_refused_kindly(created_journal, battery) -> None:
    """A runaway 50 MB paste through the CLI: a kind refusal (exit 2), the journal unchanged."""
    battery.record("7. bad text", 1, "50 MB entry on stdin")
    path, _ = created_journal
    before = hashes(path)
    result = run_cli(["add", str(path)], PW + "x" * 50_000_000)
    assert result.returncode == 2 and result.stderr.strip() and "Traceback" not in result.stderr
    assert hashes(path)["journal.db"] == before["journal.db"]


def test_invalid_utf8_on_stdin(created_journal, battery) -> None:
    """Bytes that aren't UTF-8 as an entry's text: told kindly, nothing added."""
    battery.record("7. bad text", 1, "invalid UTF-8 on stdin")
    path, _ = created_journal
    result = run_cli(["add", str(path)], PW.encode() + b"caf\xe9 \xff\xfe", env={"PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2 and b"isn't UTF-8" in result.stderr


TEXTS = {
    "100k-character line": "a" * 100_000,
    "NUL bytes": "before\x00after",
    "RTL override": "\u202eevil\u202c and שלום עולם and مرحبا",
    "emoji ZWJ": "family 👨\u200d👩\u200d👧\u200d👦 and 🏳️\u200d🌈",
    "lone surrogate": "half \ud83d a pair",
}


def test_bad_text_round_trips_and_search_finds_both_forms(session, battery) -> None:
    """Odd text is stored and read back as it was (a lone surrogate becomes "?"); NFC and NFD both found."""
    battery.record(
        "7. bad text",
        2 * len(TEXTS) + 2,
        "100k line, NUL, RTL override, emoji ZWJ, lone surrogate, NFC/NFD; also as signs, helps, medicines",
    )
    for name, text in TEXTS.items():
        entry = session.entries.add(text, name)
        stored = session.entries.get(entry.id).text
        expected = text.replace("\ud83d", "?")
        assert stored == expected, name
    # The same texts as what I noticed, what helped, what I keep an eye on and a medicine (short fields: their
    # first 80 or 120 characters are kept; a lone surrogate becomes "?"; NUL is kept as it is).
    session.medicines.turn_on(True)
    for name, text in TEXTS.items():
        expected = " ".join(text.replace("\ud83d", "?").split())
        c = session.checkins.add(5, noticed=[text], helped=[text])
        back = session.checkins.get(c.id)
        assert back.noticed == (expected[:80],) and back.helped == (expected[:80],), name
        if len(text) <= 120:
            m = session.medicines.add(text, text)
            assert (m.name, m.what_i_take) == (expected, expected), name
        session.plan.set_watched("sign", [text])
        assert [w.name for w in session.plan.watched("sign")] == [expected[:80]], name
    nfc, nfd = unicodedata.normalize("NFC", "café crème"), unicodedata.normalize("NFD", "café crème")
    session.entries.add(f"{nfc} in the morning", "composed")
    session.entries.add(f"{nfd} in the evening", "decomposed")
    for query in (nfc, nfd):
        assert {h.title for h in session.search(query)} >= {"composed", "decomposed"}, query
