"""'Remember my passphrase on this computer', through the OS keyring, never blocking for long.

What goes into the keyring is not the passphrase: it is a random secret that opens one extra
slot of the journal's key file ("device:<id>"). Forgetting removes both. Every keyring call runs
on a daemon thread with a time limit, so a missing, failing or hanging keyring costs at most
KEYRING_TIMEOUT seconds and never an exception the person sees.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from recoveryjournal.domain.errors import JournalError, WrongSecret
from recoveryjournal.i18n import N_
from recoveryjournal.services.journal_service import JournalSession, unlock_journal
from recoveryjournal.storage.key_binding import device_slots, forget_device_slot

SERVICE_NAME = "Recovery Journal"
KEYRING_TIMEOUT = 1.0
T = TypeVar("T")


class KeyringUnavailable(JournalError):
    """The keyring is missing, failing or not answering."""

    default_message = N_(
        "This computer's keyring isn't answering, so your passphrase can't be remembered here. "
        "You can still type it each time."
    )


def _call(fn: Callable[[], T], timeout: float = KEYRING_TIMEOUT) -> T:
    """Run `fn` on a daemon thread; KeyringUnavailable if it fails or takes longer than `timeout`."""
    results: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            results.put((True, fn()))
        except Exception as exc:  # any backend failure means "not available", never a crash
            results.put((False, exc))

    threading.Thread(target=run, name="keyring-call", daemon=True).start()
    try:
        ok, value = results.get(timeout=timeout)
    except queue.Empty:
        raise KeyringUnavailable() from None
    if not ok:
        raise KeyringUnavailable() from value
    return value  # type: ignore[no-any-return]


def keyring_usable(timeout: float = KEYRING_TIMEOUT) -> bool:
    """True when a real keyring backend answers in time (the option is only offered then)."""

    def probe() -> bool:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return False
        backends = getattr(backend, "backends", None)  # a chainer with nothing in it is no keyring
        return not (backends is not None and not backends)

    try:
        return _call(probe, timeout)
    except KeyringUnavailable:
        return False


def remember_on_this_computer(session: JournalSession, passphrase: str) -> None:
    """Add a device slot and keep its secret in the keyring; undo the slot if the keyring refuses."""
    import keyring

    slot_id, secret = session.add_device_slot(passphrase)
    try:
        _call(lambda: keyring.set_password(SERVICE_NAME, slot_id, secret))
    except KeyringUnavailable:
        forget_device_slot(session.path, slot_id)
        raise


def is_remembered_here(path: Path) -> bool:
    """True when this computer's keyring holds a secret for one of the journal's device slots."""
    return _remembered_slot(path) is not None


def unlock_with_keyring(path: Path) -> JournalSession | None:
    """Open the journal with the secret remembered here, or None (then the person types their passphrase)."""
    found = _remembered_slot(path)
    if found is None:
        return None
    slot_id, secret = found
    try:
        return unlock_journal(path, secret, device_slot=slot_id)
    except WrongSecret:
        forget_on_this_computer(path)
        return None


def forget_on_this_computer(path: Path) -> None:
    """Remove what this computer remembers for the journal (keyring entry and key-file slot)."""
    import keyring

    for slot_id in device_slots(path):
        try:
            if _call(partial(keyring.get_password, SERVICE_NAME, slot_id)) is not None:
                _call(partial(keyring.delete_password, SERVICE_NAME, slot_id))
                forget_device_slot(path, slot_id)
        except KeyringUnavailable:
            continue


def _remembered_slot(path: Path) -> tuple[str, str] | None:
    ids = device_slots(path)
    if not ids:
        return None
    import keyring

    for slot_id in ids:
        try:
            secret = _call(partial(keyring.get_password, SERVICE_NAME, slot_id))
        except KeyringUnavailable:
            return None
        if secret:
            return slot_id, secret
    return None
