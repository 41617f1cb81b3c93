"""A PDF protected with a password, for sending by e-mail (issue 23): AES-256 revision 6, the unprotected PDF
never on the disk, the share log says it was protected (never the password), the CLI and the window both."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.render.pdf import pdf_bytes
from recoveryjournal.services import pdf_protection
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import fsutil
from tests.conftest import PASSPHRASE
from tests.reliability.conftest import run_cli

CANARY = "CANARYPROTECTED4417"
PASSWORD = "garden ribbon lucky marble quote"


def _written_files(monkeypatch: pytest.MonkeyPatch) -> dict[int, bytearray]:
    """Every byte the file writer hands the OS, by file descriptor."""
    written: dict[int, bytearray] = {}
    real = os.write

    def recording(fd: int, data) -> int:  # type: ignore[no-untyped-def]
        written.setdefault(fd, bytearray()).extend(bytes(data))
        return real(fd, data)

    monkeypatch.setattr(fsutil.os, "write", recording)
    return written


def test_a_protected_pdf_opens_only_with_its_password_and_never_touches_the_disk_unprotected(
    session, tmp_path: Path, qapp, monkeypatch
) -> None:
    """AES-256 (/V 5 /R 6); unreadable without the password, whole with it; no unprotected PDF written."""
    entry = session.entries.add(f"Words for Alex {CANARY}.", f"Title {CANARY}")
    written = _written_files(monkeypatch)
    target = tmp_path / "for-alex.pdf"
    outcome = Exporter(Policy(), pdf_bytes).share(session, ShareRequest(recipient="Alex", title=f"For {CANARY}",
                                                                          entry_ids=(entry.id,)), "pdf", target,
                                                  password=PASSWORD)  # fmt: skip
    monkeypatch.undo()
    assert outcome.done and "not in the same e-mail" in outcome.sentence, outcome.sentence
    pdfs = [bytes(b) for b in written.values() if bytes(b).startswith(b"%PDF")]
    assert pdfs and all(b"/Encrypt" in pdf for pdf in pdfs)  # every PDF the writer wrote was already protected
    reader = PdfReader(target)
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert reader.is_encrypted and (encrypt["/V"], encrypt["/R"]) == (5, 6)
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(target).decrypt("a wrong password")
    opened = PdfReader(target)
    assert opened.decrypt(PASSWORD)
    assert CANARY in " ".join(page.extract_text() for page in opened.pages)
    assert CANARY.encode() not in target.read_bytes()  # the title and text are encrypted too
    [record] = session.shares.all()
    assert record.format == "pdf-protected" and PASSWORD not in repr(record)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, session.path.name])


def test_suggested_passwords_are_five_plain_words_from_the_kind_lists() -> None:
    """Five words, from the built-in lists (none of the removed words), different each time."""
    suggestions = {pdf_protection.suggest_password("en") for _ in range(20)}
    assert len(suggestions) == 20
    words = set(pdf_protection.words("en"))
    for suggestion in suggestions:
        parts = suggestion.split()
        assert len(parts) == 5 and all(p in words for p in parts)
    assert not {"abuse", "panic", "prison", "suicide", "patient"} & words
    spanish = pdf_protection.suggest_password("es")
    assert spanish.isascii() and not {"muerte", "miedo"} & set(pdf_protection.words("es"))


def test_the_cli_protects_a_pdf_and_refuses_json_and_csv(created_journal, tmp_path: Path) -> None:
    """`--protect` prints the password once; `--protect-with-file FILE`; JSON or CSV with --protect: exit 2."""
    journal, _key = created_journal
    pw = f"{PASSPHRASE}\n"
    out = tmp_path / "for-alex.pdf"
    result = run_cli(["share", str(journal), "--entry", "1", "--format", "pdf", "--output", str(out), "--protect"], pw)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("Password for this file: ")
    password = line.removeprefix("Password for this file: ")
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt(password)
    assert "First words." in " ".join(reader.pages[0].extract_text().split())
    secret = tmp_path / "password.txt"
    secret.write_text("my own long password\nignored second line\n")
    out2 = tmp_path / "second.pdf"
    result = run_cli(["share", str(journal), "--entry", "2", "--output", str(out2), "--protect-with-file", str(secret)],
                     pw)  # fmt: skip
    assert result.returncode == 0 and result.stdout == "", result.stderr
    assert PdfReader(out2).decrypt("my own long password")
    for fmt in ("json", "csv"):
        refused = run_cli(["share", str(journal), "--entry", "1", "--format", fmt, "--output",
                           str(tmp_path / f"x.{fmt}"), "--protect"], pw)  # fmt: skip
        assert refused.returncode == 2 and "Only a PDF can be protected" in refused.stderr
        assert not (tmp_path / f"x.{fmt}").exists()
    short = tmp_path / "short.txt"
    short.write_text("abc\n")
    refused = run_cli(["share", str(journal), "--entry", "1", "--output", str(tmp_path / "s.pdf"),
                       "--protect-with-file", str(short)], pw)  # fmt: skip
    assert refused.returncode == 2 and not (tmp_path / "s.pdf").exists()


def test_a_protected_pdf_reads_back_whole_before_it_takes_its_name() -> None:
    """The writer's check opens the protected PDF with the password: a wrong one is a damaged file."""
    data, _pages = (b"", 0)
    from recoveryjournal.services.export_document import ExportDocument, Section, paragraph

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data, _pages = pdf_bytes(ExportDocument("T", (Section("S", (paragraph("words"),)),)))
    protected = pdf_protection.protect(data, PASSWORD)
    assert pdf_protection.opens_with(protected, PASSWORD) >= 1
    with pytest.raises(ValueError):
        pdf_protection.opens_with(protected, "not it at all")
    with pytest.raises(ValueError):
        pdf_protection.opens_with(data, PASSWORD)  # an unprotected PDF is not what was asked for
    assert io.BytesIO(protected).read(5) == b"%PDF-"


def test_every_suggested_password_opens_in_a_real_reader(tmp_path: Path, qapp) -> None:
    """Poppler (pdfinfo), as most Linux PDF readers, opens the protected PDF with each of 30 suggested passwords
    (it refuses passwords over 32 bytes, which is why they are kept that short), and refuses a wrong one."""
    import shutil
    import subprocess

    from recoveryjournal.services.export_document import ExportDocument, Section, paragraph

    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("poppler-utils isn't installed (packaging/setup.sh --dev installs it)")
    data, _pages = pdf_bytes(ExportDocument("T", (Section("S", (paragraph("words"),)),)))
    for i in range(30):
        password = pdf_protection.suggest_password("es" if i % 2 else "en")
        assert len(password.encode()) <= 32 and len(password.split()) == 5
        path = tmp_path / f"{i}.pdf"
        path.write_bytes(pdf_protection.protect(data, password))
        opened = subprocess.run([pdfinfo, "-upw", password, str(path)], capture_output=True, text=True)
        assert opened.returncode == 0 and "AES-256" in opened.stdout, (password, opened.stderr)
    wrong = subprocess.run([pdfinfo, "-upw", "not the password", str(path)], capture_output=True, text=True)
    assert wrong.returncode != 0
