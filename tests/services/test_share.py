"""Sharing: everything chosen is in the export; nothing unchosen, removed, or identifying leaks.

Canaries are planted in unchosen items, in removed passages, in the journal's path, and the export
bytes are searched for them (text pypdf extracts, PDF metadata, raw bytes as UTF-8/UTF-16).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import re
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from recoveryjournal.domain.crisis_plan import Contact
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal, Step
from recoveryjournal.domain.share import REDACTED, ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.journal_service import create_journal
from recoveryjournal.services.policy import Policy
from recoveryjournal.services.share_service import build, csv_bytes, json_bytes, suggest_names
from tests.conftest import PASSPHRASE

UNCHOSEN = "CANARYUNCHOSEN4411"
REMOVED = "CANARYREMOVED7702"
PATH_CANARY = "CANARYPATH9090"
TODAY = dt.date.today()


@pytest.fixture
def shared(tmp_path: Path, qapp):
    """A journal in a folder named with a canary, holding chosen and unchosen items."""
    session, _ = create_journal(tmp_path / PATH_CANARY / "journal", PASSPHRASE)
    chosen = session.entries.add(f"Today was steady. I told {REMOVED} about it.", "A steady day", TODAY)
    session.entries.add(f"private {UNCHOSEN}", f"title {UNCHOSEN}", TODAY)
    session.checkins.add(6, note="calm morning", feelings=["calm"])
    session.checkins.add(3, note=f"note {UNCHOSEN}")
    goal = session.goals.save(
        Goal(None, "Walk to the shop", steps=(Step(None, "Go with Sam", "peer_supporter", "Sam"),))
    )
    session.goals.save(Goal(None, f"goal {UNCHOSEN}"))
    sections = session.plan.sections()
    people = (Contact("Sam", "07700 900123"),)
    sections = [
        replace(s, contacts=people) if s.key == "people" else replace(s, text=f"plan {UNCHOSEN}") if s.key == "reasons"
        else s
        for s in sections
    ]  # fmt: skip
    session.plan.save(sections)
    request = ShareRequest(
        recipient="Alex", title="For Alex", entry_ids=(chosen.id,), checkin_ids=(session.checkins.between()[-1].id,),
        mood_range=(TODAY - dt.timedelta(days=6), TODAY), goal_ids=(goal.id,), plan_keys=("people",),
        redactions=(REMOVED,),
    )  # fmt: skip
    yield session, request, tmp_path / "out"
    session.lock()


def _forbidden() -> list[str]:
    """Canaries, plus this machine's user and host names when they are long enough to search bytes for."""
    return [UNCHOSEN, REMOVED, PATH_CANARY] + [n for n in (getpass.getuser(), socket.gethostname()) if len(n) >= 6]


def _assert_no_identity_words(text: str) -> None:
    """Short user or host names (like 'vm') are looked for as whole words in extracted text."""
    for name in (getpass.getuser(), socket.gethostname()):
        assert not re.search(rf"\b{re.escape(name)}\b", text), name


def _assert_clean(data: bytes) -> None:
    for canary in _forbidden():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert canary.encode(encoding) not in data, f"{canary} found ({encoding})"


def _pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_has_everything_chosen_and_nothing_else(shared) -> None:
    """Chosen items are in the PDF's text; canaries are in neither its text, its metadata nor its bytes."""
    session, request, out = shared
    out.mkdir()
    pdf = out / "share.pdf"
    assert Exporter(Policy(), pdf_bytes).share(session, request, "pdf", pdf).done
    text = _pdf_text(pdf)
    for expected in ("Today was steady.", "A steady day", "calm morning", "Walk to the shop", "Go with Sam",
                     "07700 900123", "averaged", REDACTED):  # fmt: skip
        assert expected in text, expected
    for canary in _forbidden():
        assert canary not in text
    _assert_no_identity_words(text)
    meta = PdfReader(str(pdf)).metadata
    assert meta.title == "For Alex" and meta.creator == "Recovery Journal" and not meta.author
    assert all(canary not in str(value) for value in meta.values() for canary in _forbidden())
    _assert_clean(pdf.read_bytes())
    assert [p.name for p in out.iterdir()] == ["share.pdf"]  # no temporary copy left beside it


def test_json_and_csv_have_everything_chosen_and_nothing_else(shared) -> None:
    """JSON and CSV hold the same chosen items, with no internal ids and no canaries."""
    session, request, out = shared
    package = build(session, request)
    data = json.loads(json_bytes(package))
    assert {i["kind"] for i in data["items"]} == {"entry", "checkin", "mood_summary", "goal", "plan_section"}
    assert all("id" not in i and "ref" not in i for i in data["items"])
    assert data["from"] is None and data["title"] == "For Alex"
    for blob in (json_bytes(package), csv_bytes(package)):
        _assert_clean(blob)
        assert b"Today was steady." in blob and REDACTED.encode() in blob
    out.mkdir()
    assert Exporter(Policy()).share(session, request, "csv", out / "share.csv").done
    assert (out / "share.csv").read_bytes() == csv_bytes(package)


def test_share_log_only_after_writing(shared) -> None:
    """Building (previewing) logs nothing; a written share is logged with its recipient and items."""
    session, request, out = shared
    build(session, request)  # what the preview does
    assert session.shares.all() == []
    out.mkdir()
    assert Exporter(Policy()).share(session, request, "json", out / "s.json").done
    [record] = session.shares.all()
    assert (
        record.recipient == "Alex" and record.format == "json" and ("entry", str(request.entry_ids[0])) in record.items
    )
    assert session.shares.shared_item("entry", str(request.entry_ids[0]))[0].startswith("Shared with Alex on")
    assert session.shares.recipients() == ["Alex"]


def test_sharing_nothing_is_told_kindly(session) -> None:
    """An empty choice is a kind message, not an empty file."""
    with pytest.raises(InvalidInput, match="Nothing is chosen"):
        build(session, ShareRequest(recipient="Alex"))


def test_long_rtl_and_emoji_entries_and_a_chart_with_no_checkins(session, tmp_path, qapp) -> None:
    """A very long entry breaks across pages; RTL and emoji go through; a mood summary with no check-ins is kind."""
    long_entry = session.entries.add("A line of writing that goes on. " * 3000, "Long")
    rtl = session.entries.add("שלום עולם 💙 مرحبا", "Mixed")
    request = ShareRequest(entry_ids=(long_entry.id, rtl.id), mood_range=(TODAY - dt.timedelta(days=30), TODAY))
    package = build(session, request)
    pages = pdf_bytes(package.document)[1]
    assert Exporter(Policy(), pdf_bytes).share(session, request, "pdf", tmp_path / "long.pdf").done
    assert pages > 3 and len(PdfReader(str(tmp_path / "long.pdf")).pages) == pages
    data = json.loads(json_bytes(package))
    assert any("שלום עולם 💙" in i["text"] for i in data["items"])
    assert any("I didn't check in" in i["text"] for i in data["items"] if i["kind"] == "mood_summary")


def test_name_suggestions_come_from_people_lists(shared) -> None:
    """'Leave out names' offers the names the person used in their plan, goals and appointments."""
    session, _request, _out = shared
    assert "Sam" in suggest_names(session)


def test_cli_share_read_only_destination_logs_nothing(shared, tmp_path) -> None:
    """A destination that can't be written: a kind message, exit 1, nothing in the share log."""
    session, request, _out = shared
    path = session.path
    session.lock()
    target = tmp_path / "nope" / "share.pdf"  # a folder that doesn't exist can't be written to
    result = subprocess.run(
        [sys.executable, "-m", "recoveryjournal.cli", "share", str(path), "--to", "Alex", "--entry",
         str(request.entry_ids[0]), "--format", "json", "--output", str(target)],
        input=f"{PASSPHRASE}\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 6 and "Nothing was shared" in result.stderr and "Traceback" not in result.stderr
    from recoveryjournal.services.journal_service import unlock_journal

    again = unlock_journal(path, PASSPHRASE)
    assert again.shares.all() == []
    again.lock()


def test_cli_share_pdf_is_logged_and_clean(shared, tmp_path) -> None:
    """The CLI shares through the same service and log; its PDF is as clean as the window's."""
    session, request, _out = shared
    path = session.path
    session.lock()
    target = tmp_path / "cli.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "recoveryjournal.cli", "share", str(path), "--to", "Alex", "--entry",
         str(request.entry_ids[0]), "--plan-section", "people", "--redact", REMOVED, "--output", str(target)],
        input=f"{PASSPHRASE}\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Today was steady." in _pdf_text(target) and "07700 900123" in _pdf_text(target)
    _assert_clean(target.read_bytes())
    assert REMOVED not in _pdf_text(target)
    exists = subprocess.run(
        [sys.executable, "-m", "recoveryjournal.cli", "share", str(path), "--entry", "1", "--output", str(target)],
        input=f"{PASSPHRASE}\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert exists.returncode == 2 and "already exists" in exists.stderr


def test_removed_words_go_from_every_part_of_every_item(shared, tmp_path) -> None:
    """Leaving out a name removes it from contact names, steps and titles too, in every format."""
    session, request, _out = shared
    package = build(session, replace(request, redactions=("sam",)))
    pdf = tmp_path / "no-sam.pdf"
    assert Exporter(Policy(), pdf_bytes).share(session, package.request, "pdf", pdf).done
    for blob in (json_bytes(package), csv_bytes(package), _pdf_text(pdf).encode()):
        assert b"Sam" not in blob and b"sam" not in blob
