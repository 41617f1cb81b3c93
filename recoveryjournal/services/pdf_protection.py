"""A PDF protected with a password, for sending by e-mail: AES-256 (PDF 2.0 standard security, revision 6, which
every current PDF reader opens), made in memory by pypdf so the unprotected PDF never touches the disk, and a
suggested password of five plain words the person can read out by phone."""

from __future__ import annotations

import io
import secrets
import sys
import unicodedata
from functools import cache
from pathlib import Path

from recoveryjournal.i18n import language

WORDS_IN_A_PASSWORD = 5
#: The shortest password a person may choose instead of the suggested one.
SHORTEST_PASSWORD = 8
#: The longest, in bytes: Poppler (most Linux readers) opens AES-256 files only with passwords of at most 32
#: bytes, though the standard allows 127 (found by opening 30 suggested passwords with pdfinfo: 12 failed).
LONGEST_PASSWORD = 32


def _wordlists() -> Path:
    candidates = [Path(getattr(sys, "_MEIPASS", "")), Path(__file__).resolve().parents[2]]
    return next(p / "resources" / "wordlists" for p in candidates if (p / "resources" / "wordlists").is_dir())


@cache
def words(lang: str) -> tuple[str, ...]:
    """The plain words passwords are made of, in `lang` (English where there is no list), accents dropped."""
    path = _wordlists() / f"{lang}.txt"
    if not path.is_file():
        path = _wordlists() / "en.txt"
    plain = ("".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
             for w in path.read_text(encoding="utf-8").split())  # fmt: skip
    return tuple(dict.fromkeys(plain))


def suggest_password(lang: str | None = None) -> str:
    """Five plain words chosen by chance, at most 32 characters in all (about 53 bits), e.g. "jewel derive wave
    year source"."""
    pool = words(lang or language())
    while True:
        password = " ".join(secrets.choice(pool) for _ in range(WORDS_IN_A_PASSWORD))
        if len(password.encode("utf-8")) <= LONGEST_PASSWORD:
            return password


def protect(pdf: bytes, password: str) -> bytes:
    """The same PDF, encrypted with AES-256 (revision 6) under `password`, made in memory."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=secrets.token_urlsafe(24), algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def opens_with(pdf: bytes, password: str) -> int:
    """How many pages the protected PDF has, once opened with `password` (ValueError if it doesn't open)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    if not reader.is_encrypted or not reader.decrypt(password):
        raise ValueError("not protected with that password")  # not shown: the exporter says it came out damaged
    return len(reader.pages)
