"""The share log as the app uses it: what was shared, when, with whom, each item as it left and how many words
were left out — kept only inside the encrypted journal. Built on the journal's connection like every other
service (it needs nothing of the session that builds it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from recoveryjournal.domain.errors import JournalDamaged
from recoveryjournal.domain.redaction import REDACTED
from recoveryjournal.domain.share import ShareRecord, ShareRequest
from recoveryjournal.i18n import N_, _, day
from recoveryjournal.services.export_document import ExportDocument
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.share_log import ShareLogRepository


class LoggedItem(Protocol):
    """What the log keeps of one item that left (services/share_service.ShareItem is one)."""

    @property
    def kind(self) -> str: ...

    @property
    def ref(self) -> str: ...

    @property
    def date(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def details(self) -> tuple[tuple[str, str], ...]: ...


class LoggedShare(Protocol):
    """What the log keeps of a share (services/share_service.SharePackage is one)."""

    @property
    def request(self) -> ShareRequest: ...

    @property
    def items(self) -> Sequence[LoggedItem]: ...

    @property
    def document(self) -> ExportDocument: ...


#: Said after a share from a journal that is read-only here.
NOT_LOGGED = N_("Your journal is read-only here, so this share isn't in your share log.")
#: Said after a share from a journal found damaged: what could be read was shared; nothing is written into it.
NOT_LOGGED_DAMAGED = N_(
    "Your journal is damaged, so nothing new is written into it: this share isn't in your share log."
)


class ShareLog:
    """What was shared, when, with whom: kept only inside the encrypted journal."""

    def __init__(self, conn: JournalConnection) -> None:
        self._conn = conn
        self._repo = ShareLogRepository(conn)

    def record(self, package: LoggedShare, fmt: str, saved_to: str) -> int | None:
        """Remember a share that was written (call only after the file exists).

        A journal opened read-only (read-only stick, full disk) or found damaged can still share what can be read;
        it just can't note it, and returns None so the person is told why (not_logged_note).
        """
        if self._conn.read_only is not None or self._conn.damaged is not None:
            return None
        req = package.request
        texts = [t for i in package.items for t in (i.title, i.text, *(v for _k, v in i.details))]
        left_out = sum(t.count(REDACTED) for t in texts)
        try:
            return self._repo.record(req.recipient, package.document.title, fmt, saved_to,
                                     [(i.kind, i.ref, i.date, i.title) for i in package.items], left_out)  # fmt: skip
        except JournalDamaged:  # found damaged just now (the check before its first write): shared, not logged
            return None

    def not_logged_note(self) -> str:
        """Why a share just written isn't in the share log (read-only here, or damaged)."""
        return _(NOT_LOGGED_DAMAGED) if self._conn.damaged is not None else _(NOT_LOGGED)

    def all(self) -> list[ShareRecord]:
        """Every share, newest first."""
        return self._repo.all()

    def shared_item(self, kind: str, ref: str) -> list[str]:
        """'Shared with Alex on 3 December 2026' lines for one item."""
        return [_("Shared with {who} on {day}").format(who=who or _("someone"), day=day(when.date()))
                for when, who in self._repo.for_item(kind, ref)]  # fmt: skip

    def recipients(self) -> list[str]:
        """Names shared with before."""
        return self._repo.recipients()
