"""Backups and restores: back up now, automatic backups, 'your last backup was…', restore into a new
journal or over the current one. The window and the CLI both use this."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from recoveryjournal.domain.counts import how_many
from recoveryjournal.domain.errors import AlreadyExists, CannotWrite, InvalidInput, JournalDamaged
from recoveryjournal.i18n import _, day
from recoveryjournal.services.destinations import (
    check_new_journal_place,
    check_place_for_files,
    check_target,
    explain_destination_errors,
    inside_journal,
    is_removable,
)
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import backup
from recoveryjournal.storage.connection import JournalConnection, open_journal
from recoveryjournal.storage.fsutil import explain_os_errors, fsync_dir, remove_stale_temps, staging_name_for
from recoveryjournal.storage.layout import BACKUP_SUFFIX, SUFFIX, JournalLayout, with_suffix
from recoveryjournal.storage.maintenance import check_integrity
from recoveryjournal.storage.meta import MetaRepository
from recoveryjournal.storage.readback import unreadable_rows

LAST_BACKUP_KEY = "last_backup_at"
DEFAULT_KEEP = 7
DEFAULT_REMIND_DAYS = 30


@dataclass(frozen=True, slots=True)
class JournalSummary:
    """What a journal (or a backup) holds, in words a person can check."""

    counts: dict[str, int]
    first: dt.date | None = None
    last: dt.date | None = None

    def lines(self) -> list[str]:
        """'12 entries', 'from 3 March 2024 to 27 November 2026', …"""
        parts = [how_many(t, n) for t in backup.COUNTED_TABLES if (n := self.counts.get(t, 0))]
        out = [", ".join(parts) if parts else _("nothing written yet")]
        if self.first and self.last:
            out.append(_("from {first} to {last}").format(first=day(self.first), last=day(self.last)))
        return out


@dataclass(frozen=True, slots=True)
class BackupResult:
    """A backup that was written and checked."""

    path: Path
    summary: JournalSummary
    seconds: float
    removed_old: list[Path] = field(default_factory=list)
    warning: str = ""
    #: The journal was damaged: the backup holds what could still be read (and opens as a whole journal).
    salvaged: bool = False

    def message(self) -> str:
        """What to tell the person."""
        if self.salvaged:
            return _(
                "Your journal is damaged, so this backup holds what could still be read: {name} ({contents}). It "
                "was checked and opens as a whole journal with your passphrase or recovery key as they are today."
            ).format(name=self.path.name, contents="; ".join(self.summary.lines())) + (
                f" {self.warning}" if self.warning else ""
            )
        return _(
            "Backed up and checked: {name} ({contents}). It opens with your passphrase or recovery key as they are "
            "today."
        ).format(name=self.path.name, contents="; ".join(self.summary.lines())) + (
            f" {self.warning}" if self.warning else ""
        )


def summarise(conn: JournalConnection) -> JournalSummary:
    """Counts and the first and last day written about."""
    db = conn.db
    with conn.errors():
        counts = backup.table_counts(db)
        row = db.execute(
            "SELECT min(d), max(d) FROM (SELECT entry_date AS d FROM entries UNION ALL "
            "SELECT checkin_date FROM checkins)"
        ).fetchone()
    first = dt.date.fromisoformat(row[0]) if row and row[0] else None
    last = dt.date.fromisoformat(row[1]) if row and row[1] else None
    return JournalSummary(counts, first, last)


def backup_name(journal: Path, when: dt.datetime, auto: bool = False) -> str:
    """'My journal backup 2026-11-27.rjbackup' (or '… auto 2026-11-27…' for automatic ones)."""
    stem = journal.name.removesuffix(SUFFIX)
    return f"{stem} {'auto' if auto else 'backup'} {when:%Y-%m-%d}{BACKUP_SUFFIX}"


def _free_name(folder: Path, name: str) -> Path:
    candidate = folder / name
    n = 2
    while candidate.exists():
        candidate = folder / name.replace(BACKUP_SUFFIX, f" ({n}){BACKUP_SUFFIX}")
        n += 1
    return candidate


def _write(conn: JournalConnection, target: Path, now: dt.datetime) -> BackupResult:
    started = time.perf_counter()
    target = check_target(target, backup=True)  # never inside a journal's folder (its own, or another's)
    with explain_destination_errors(_("Your journal is unchanged.")):
        if not target.parent.is_dir():
            raise FileNotFoundError(2, _("No such folder"), str(target.parent))
        counts, salvaged = backup.write_backup(conn, target)
    if salvaged:  # a damaged journal: the backup holds what could be read, and says so
        return BackupResult(target, JournalSummary(counts), time.perf_counter() - started, salvaged=True)
    summary = summarise(conn)
    if conn.read_only is None:
        with suppress(JournalDamaged):  # a backup of a damaged journal keeps what can be read; the date waits
            MetaRepository(conn).set(LAST_BACKUP_KEY, now.astimezone().isoformat(timespec="seconds"))
    return BackupResult(target, summary, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class BackupSettings:
    """Kept inside the journal (encrypted), so they travel with it and leave no trace on a shared PC."""

    auto_folder: Path | None = None
    keep: int = DEFAULT_KEEP
    remind_after_days: int = DEFAULT_REMIND_DAYS


class Backups:
    """This journal's backups: back up now, the automatic ones, when the last was, and the settings kept
    inside the journal. Built by the open journal (`session.backups`); the connection stays private."""

    def __init__(self, conn: JournalConnection) -> None:
        self._conn = conn

    def back_up(
        self, dest: Path | str, *, now: dt.datetime | None = None, policy: Policy | None = None
    ) -> BackupResult:
        """Back up now to `dest`: an existing folder (a dated name is chosen) or a new file name.

        Under a policy that keeps files on removable media, a place on the PC's own disk is refused (or,
        when the policy only warns, the result says so)."""
        now = now or dt.datetime.now()
        warning = check_place_for_files(Path(dest).expanduser(), policy) if policy is not None else ""
        conn = self._conn
        target = Path(dest).expanduser()
        if target.is_dir() and inside_journal(target) is not None:
            check_target(target / backup_name(conn.layout.folder, now), backup=True)  # says why, kindly
        if target.is_dir():
            target = _free_name(target, backup_name(conn.layout.folder, now))
        elif target.exists():
            raise AlreadyExists(
                _("Something already exists with that name, so the backup wasn't written. Choose another.")
            )
        elif not target.name.endswith(BACKUP_SUFFIX):
            target = target.with_name(target.name + BACKUP_SUFFIX)
            if target.exists():
                raise AlreadyExists(
                    _("A backup with that name is already there, so nothing was written. Choose another.")
                )
        result = _write(conn, target.absolute(), now)
        return replace(result, warning=warning)

    def last(self) -> dt.datetime | None:
        """When this journal was last backed up (by any copy of the app), or None."""
        value = MetaRepository(self._conn).get(LAST_BACKUP_KEY)
        return dt.datetime.fromisoformat(value) if value else None

    def reminder(self, after_days: int, today: dt.date | None = None) -> str:
        """A quiet note when there has been no backup for `after_days` days (0: never remind); else ''."""
        if after_days <= 0:
            return ""
        today = today or dt.date.today()
        last = self.last()
        if last is not None:
            days = (today - last.date()).days
            return _("Your last backup was {days} days ago.").format(days=days) if days >= after_days else ""
        first = summarise(self._conn).first
        if first is not None and (today - first).days >= after_days:
            return _("This journal hasn't been backed up yet.")
        return ""

    def settings(self) -> BackupSettings:
        """This journal's backup settings (automatic backups are off until a folder is chosen)."""
        meta = MetaRepository(self._conn)
        folder, keep, remind = (
            meta.get("auto_backup_folder"),
            meta.get("auto_backup_keep"),
            meta.get("backup_remind_days"),
        )
        return BackupSettings(
            Path(folder) if folder else None,
            int(keep) if keep and keep.isdigit() else DEFAULT_KEEP,
            int(remind) if remind and remind.isdigit() else DEFAULT_REMIND_DAYS,
        )

    def save_settings(self, settings: BackupSettings, policy: Policy) -> None:
        """Remember them in the journal. Under a shared-PC policy automatic backups go only to removable media."""
        if settings.auto_folder is not None and not settings.auto_folder.is_dir():
            raise InvalidInput(
                _("The folder {auto_folder} isn't there. Choose a folder that exists.").format(
                    auto_folder=settings.auto_folder
                )
            )
        if settings.auto_folder is not None and policy.shared_pc and not is_removable(settings.auto_folder):
            raise InvalidInput(
                _(
                    "On this shared computer, automatic backups can only go to a USB stick or other removable drive, "
                    "so that nothing of yours stays on the computer. Choose a folder on your stick."
                )
            )
        meta = MetaRepository(self._conn)
        meta.set("auto_backup_folder", str(settings.auto_folder) if settings.auto_folder else "")
        meta.set("auto_backup_keep", str(max(1, settings.keep)))
        meta.set("backup_remind_days", str(max(0, settings.remind_after_days)))

    def take_automatic(self, policy: Policy) -> BackupResult | None:
        """On lock or close: today's automatic backup, if the person chose a folder and the place allows it."""
        if self._conn.read_only is not None:
            return None
        settings = self.settings()
        folder = settings.auto_folder
        if folder is None or (policy.shared_pc and not is_removable(folder)):
            return None
        return self.automatic(folder, settings.keep)

    def automatic_due(self, today: dt.date | None = None) -> bool:
        """At most one automatic backup a day."""
        last = self.last()
        return last is None or last.date() < (today or dt.date.today())

    def automatic(
        self, folder: Path, keep: int = DEFAULT_KEEP, *, now: dt.datetime | None = None
    ) -> BackupResult | None:
        """Take today's automatic backup into `folder` (if none yet today) and keep only the newest `keep`."""
        now = now or dt.datetime.now()
        if not self.automatic_due(now.date()) or not folder.is_dir():
            return None
        conn = self._conn
        result = _write(conn, _free_name(folder, backup_name(conn.layout.folder, now, auto=True)), now)
        stem = conn.layout.folder.name.removesuffix(SUFFIX)
        ours = sorted(
            (p for p in folder.glob(f"{stem} auto *{BACKUP_SUFFIX}") if p.is_file()),
            key=lambda p: (p.stat().st_mtime, p.name),
        )
        removed = ours[: max(0, len(ours) - max(1, keep))]
        for old in removed:
            old.unlink(missing_ok=True)
        return replace(result, removed_old=removed)


class PreparedRestore:
    """A backup unlocked and checked in a hidden folder beside its new place, waiting for 'yes'."""

    def __init__(self, staging: Path, target: Path, summary: JournalSummary, replace: bool) -> None:
        self.staging, self.target, self.summary, self.replace = staging, target, summary, replace
        self.kept_old: Path | None = None

    def commit(self, *, now: dt.datetime | None = None) -> Path:
        """Put the restored journal in place. Replacing keeps the old journal beside it, renamed."""
        now = now or dt.datetime.now()
        with explain_os_errors():
            if self.replace and self.target.exists():
                stem = self.target.name.removesuffix(SUFFIX)
                self.kept_old = _free_folder(
                    self.target.parent,
                    _("{name} (before restore {when})").format(name=stem, when=f"{now:%Y-%m-%d %H%M}"),
                )
                os.rename(self.target, self.kept_old)
                try:
                    os.rename(self.staging, self.target)
                except BaseException:
                    os.rename(self.kept_old, self.target)
                    self.kept_old = None
                    raise
            else:
                if self.target.exists():
                    raise AlreadyExists()
                os.rename(self.staging, self.target)
            fsync_dir(self.target.parent)
        return self.target

    def cancel(self) -> None:
        """Forget it: nothing of the restore stays behind."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _free_folder(parent: Path, stem: str) -> Path:
    candidate, n = parent / f"{stem}{SUFFIX}", 2
    while candidate.exists():
        candidate, n = parent / f"{stem} {n}{SUFFIX}", n + 1
    return candidate


def prepare_restore(
    backup_file: Path | str, target: Path | str, secret: str, *, recovery_key: bool = False, replace: bool = False
) -> PreparedRestore:
    """Unlock and verify a backup (opens, integrity check, known or migratable schema) beside `target`.

    Nothing is put in place until `commit()`; on any failure nothing is left behind.
    """
    source = Path(backup_file).expanduser()
    place = with_suffix(target).absolute() if not replace else JournalLayout.for_path(target).folder
    if not replace:
        check_new_journal_place(place)
    if not replace and place.exists():
        raise AlreadyExists(_("Something already exists at that place, so the backup wasn't restored there."))
    if not place.parent.is_dir():
        raise CannotWrite(
            _("The folder {parent} isn't there. Nothing has been changed.").format(parent=place.parent), "gone"
        )
    remove_stale_temps(place.parent)  # what a restore that was stopped mid-way left here
    staging = staging_name_for(place, "restoring")
    with explain_os_errors():
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(mode=0o700)
    try:
        backup.unpack_backup(source, staging)
        try:
            conn = open_journal(staging, secret, recovery_key=recovery_key)
        except JournalDamaged as exc:  # its key file or data: the backup's, not "this journal's"
            raise JournalDamaged(_(backup.BACKUP_DAMAGED)) from exc
        try:
            result = check_integrity(conn, [])
            if not result.ok or unreadable_rows(conn, limit=1):  # holds nothing the app can't read back
                raise JournalDamaged(_(backup.BACKUP_DAMAGED))
            summary = summarise(conn)
        finally:
            conn.close()
        (staging / "in-use.lock").unlink(missing_ok=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return PreparedRestore(staging, place, summary, replace)
