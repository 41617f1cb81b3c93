"""Shared fixtures: real encrypted journals in tmp_path, headless Qt, fast (test-only) key derivation."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: tests need no screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Real Argon2 parameters take ~0.7 s per derivation; tests that are about key derivation
# itself unset this (see tests/storage/test_keyfile.py). Never set it for real use.
os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"
# The words and dates tests expect are British English, whatever this machine's language; tests of the
# second language choose it themselves (tests/test_languages.py).
os.environ["RECOVERYJOURNAL_LANGUAGE"] = "en_GB"
# No test touches a real OS keyring; tests that need one install a backend from tests/keyring_backends.py.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True, scope="session")
def _one_application(qapp: object) -> object:
    """Every test shares pytest-qt's QApplication: a test that makes a PDF first would otherwise leave a bare
    QGuiApplication (render.pdf.ensure_gui_application), and a later dialog would abort the interpreter."""
    return qapp


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own data and config folders, so no test sees the developer's real journals or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("RECOVERYJOURNAL_POLICY", str(home / "no-policy.json"))  # this machine's policy stays out
    # The places "Check this PC" looks in (Documents, Downloads, the desktop, the temporary folder) are the
    # test's own too, so what other tests (or people) left on this machine is never mistaken for this test's.
    for name, sub in (("TMPDIR", "tmp"), ("XDG_DOCUMENTS_DIR", "Documents"), ("XDG_DOWNLOAD_DIR", "Downloads"),
                      ("XDG_DESKTOP_DIR", "Desktop")):  # fmt: skip
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile keeps the first folder it found; ask again


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test's journal lives (not created yet)."""
    return tmp_path / "journal.rjournal"


@pytest.fixture
def session(journal_path: Path) -> Iterator[object]:
    """A real, unlocked, encrypted journal in tmp_path."""
    from recoveryjournal.services.journal_service import create_journal

    s, _recovery_key = create_journal(journal_path, PASSPHRASE)
    yield s
    s.lock()


@pytest.fixture
def created_journal(journal_path: Path) -> tuple[Path, str]:
    """A locked journal on disk with three entries; returns (path, recovery key)."""
    from recoveryjournal.services.journal_service import create_journal

    s, recovery_key = create_journal(journal_path, PASSPHRASE)
    s.entries.add("First words.", "One")
    s.entries.add("Second words.", "Two")
    s.entries.add("Third words.", "Three")
    s.lock()
    return journal_path, recovery_key
