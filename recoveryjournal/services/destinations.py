"""Places the person chooses for files that leave the journal (exports, backups): say truthfully why
such a place refused a write, in words about that place, never about the journal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from recoveryjournal.domain.errors import CannotWrite
from recoveryjournal.storage.fsutil import place_error

_DESTINATION_WORDS = {
    "full": "there's no room left there",
    "read_only": "that place is read-only",
    "gone": "that folder can't be reached (does it exist, and is the stick still in?)",
}


@contextmanager
def explain_destination_errors(outcome: str) -> Iterator[None]:
    """For files the person asked us to write elsewhere (exports, backups): say why that place
    refused, in words about that place (not the journal's), then `outcome` ("Nothing was shared.")."""
    try:
        yield
    except CannotWrite as exc:
        why = _DESTINATION_WORDS.get(exc.reason, "it can't be written")
        raise CannotWrite(f"It couldn't be saved there: {why}. {outcome}", exc.reason) from exc
    except OSError as exc:
        problem = place_error(exc)
        reason = problem.reason if problem else ""
        why = _DESTINATION_WORDS.get(reason) or (exc.strerror or str(exc)).lower()
        raise CannotWrite(f"It couldn't be saved there: {why}. {outcome}", reason) from exc
