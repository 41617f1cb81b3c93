"""Remember-my-passphrase through the OS keyring: works when it can, degrades quietly when it can't."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from recoveryjournal.services import keyring_service as ks
from recoveryjournal.services.journal_service import unlock_journal
from tests.conftest import PASSPHRASE
from tests.keyring_backends import HangingKeyring, MemoryKeyring, RaisingKeyring


@pytest.fixture
def use_backend() -> Iterator:
    """Install a keyring backend for one test and put the previous one back afterwards."""
    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def _slots(path) -> list[str]:
    return sorted(json.loads((path / "keys.json").read_text())["slots"])


def test_remember_unlock_and_forget(use_backend, created_journal) -> None:
    """The keyring opens the journal; it never holds the passphrase; forgetting removes both halves."""
    backend = use_backend(MemoryKeyring())
    path, _ = created_journal
    assert ks.keyring_usable()
    session = unlock_journal(path, PASSPHRASE)
    ks.remember_on_this_computer(session, PASSPHRASE)
    session.lock()
    assert PASSPHRASE not in backend.store.values()
    assert any(s.startswith("device:") for s in _slots(path))
    assert ks.is_remembered_here(path)
    reopened = ks.unlock_with_keyring(path)
    assert reopened is not None and reopened.entries.count() == 3
    reopened.lock()
    ks.forget_on_this_computer(path)
    assert not ks.is_remembered_here(path)
    assert _slots(path) == ["passphrase", "recovery"]
    assert backend.store == {}


def test_missing_keyring_is_not_offered(use_backend, created_journal) -> None:
    """With the 'fail' backend (no keyring at all) the option is simply not usable."""
    use_backend(fail.Keyring())
    assert not ks.keyring_usable()
    assert ks.unlock_with_keyring(created_journal[0]) is None


def test_raising_keyring_leaves_the_journal_unchanged(use_backend, created_journal) -> None:
    """A keyring that refuses gives a kind message, and no half-made slot stays in the key file."""
    use_backend(RaisingKeyring())
    path, _ = created_journal
    before = _slots(path)
    session = unlock_journal(path, PASSPHRASE)
    with pytest.raises(ks.KeyringUnavailable) as info:
        ks.remember_on_this_computer(session, PASSPHRASE)
    session.lock()
    assert "type it each time" in info.value.message
    assert _slots(path) == before


def test_hanging_keyring_costs_about_a_second(use_backend, created_journal) -> None:
    """A keyring stuck for 30 s is given up on after the time limit (about a second), not waited for."""
    backend = use_backend(HangingKeyring())
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    start = time.monotonic()
    with pytest.raises(ks.KeyringUnavailable):
        ks.remember_on_this_computer(session, PASSPHRASE)
    elapsed = time.monotonic() - start
    session.lock()
    backend.release.set()
    print(f"gave up on the hanging keyring after {elapsed:.2f} s")
    assert elapsed < 10  # a generous bound: the point is that it is not 30 s
    assert ks.unlock_with_keyring(path) is None


def test_stale_remembered_secret_is_forgotten(use_backend, created_journal) -> None:
    """If the keyring holds a secret that no longer opens the journal, it is dropped quietly."""
    backend = use_backend(MemoryKeyring())
    path, _ = created_journal
    session = unlock_journal(path, PASSPHRASE)
    ks.remember_on_this_computer(session, PASSPHRASE)
    session.lock()
    for key in backend.store:
        backend.store[key] = "not the secret"
    assert ks.unlock_with_keyring(path) is None
    assert _slots(path) == ["passphrase", "recovery"]
