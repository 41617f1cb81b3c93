"""Places the person chooses for files that leave the journal (exports, backups): say truthfully why
such a place refused a write, in words about that place, never about the journal."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recoveryjournal.domain.errors import CannotWrite, InvalidInput
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.locations import documents_folder
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import system
from recoveryjournal.storage.fsutil import place_error
from recoveryjournal.storage.layout import BACKUP_SUFFIX, DB_NAME, KEYS_NAME, LOCK_NAME, SUFFIX

_DESTINATION_WORDS = {
    "full": N_("there's no room left there"),
    "read_only": N_("that place is read-only"),
    "gone": N_("that folder can't be reached (does it exist, and is the stick still in?)"),
    "unconfirmed": N_("that place didn't confirm it kept the file (it may be failing)"),
}


#: Characters that sticks formatted FAT or exFAT (and Windows) refuse in a file's name.
NOT_IN_NAMES = ':*?"<>|\\'


def name_refused_there(target: Path | None) -> bool:
    """The write failed in a folder that is there, for a name with characters such places refuse: the name is the
    fault, not the place (a FAT or exFAT stick answers "invalid argument" or "no such file")."""
    return (
        target is not None
        and any(c in NOT_IN_NAMES for c in target.name)
        and target.parent.is_dir()
        and not target.exists()
    )


@contextmanager
def explain_destination_errors(outcome: str, target: Path | None = None) -> Iterator[None]:
    """For files the person asked us to write elsewhere (exports, backups): say why that place
    refused, in words about that place (not the journal's), then `outcome` ("Nothing was shared.").
    With `target`, a name the place won't take is told as the name's fault."""
    try:
        yield
    except (CannotWrite, OSError) as exc:
        problem = place_error(exc) if isinstance(exc, OSError) else exc
        if (problem is None or problem.reason in ("", "gone")) and name_refused_there(target):
            raise CannotWrite(
                _("That place doesn't allow these characters in a file's name: {chars}. Choose a name without "
                  "them. {outcome}").format(chars=" ".join(NOT_IN_NAMES), outcome=outcome), "name"
            ) from exc  # fmt: skip
        if isinstance(exc, OSError):
            raise _from_os_error(exc, outcome) from exc
        why = _(_DESTINATION_WORDS.get(exc.reason, N_("it can't be written")))
        raise CannotWrite(
            _("It couldn't be saved there: {why}. {outcome}").format(why=why, outcome=outcome), exc.reason
        ) from exc


def _from_os_error(exc: OSError, outcome: str) -> CannotWrite:
    problem = place_error(exc)
    reason = problem.reason if problem else ""
    why = _(_DESTINATION_WORDS.get(reason, "")) or (exc.strerror or str(exc)).lower()
    return CannotWrite(_("It couldn't be saved there: {why}. {outcome}").format(why=why, outcome=outcome), reason)


_JOURNAL_PARTS = (DB_NAME, KEYS_NAME, LOCK_NAME)


def is_journal_folder(folder: Path) -> bool:
    """A journal's folder: named NAME.rjournal, or holding a journal's key file and database."""
    return folder.name.endswith(SUFFIX) or ((folder / KEYS_NAME).is_file() and (folder / DB_NAME).is_file())


def inside_journal(path: Path) -> Path | None:
    """The journal folder that `path` is (or is inside), symlinks resolved; None when it is in none."""
    real = path.expanduser().resolve()
    for folder in (real, *real.parents):
        if is_journal_folder(folder):
            return folder
    return None


def check_target(path: Path, *, backup: bool = False) -> Path:
    """Refuse (InvalidInput, exit 2) a place that a file leaving the journal must never take: inside any
    journal's folder (this one or another, symlinks resolved), an existing folder, a backup file, or one of
    a journal's own files. Returns the path to write (the person's own words for it, made absolute)."""
    if str(path) == "-":  # "standard output" to many tools: here it would be a file called "-", not encrypted
        raise InvalidInput(
            _(
                "“-” would be a file called “-”: what leaves the journal is always written to a file you name, "
                "checked and whole, never to the screen or a pipe. Give the file a name (for example "
                "my-journal.json). Nothing was saved."
            )
        )
    target = path.expanduser().absolute()
    if target.is_dir():
        raise InvalidInput(
            _("“{name}” is a folder. Choose a file name inside it instead. Nothing was saved.").format(name=target.name)
        )
    if inside_journal(target) is not None or target.name in _JOURNAL_PARTS:
        raise InvalidInput(
            _(
                "That place is inside a journal's own folder, where a file could harm the journal. Choose a "
                "place outside it, for example Documents or a USB stick. Nothing was saved."
            )
        )
    if not backup and target.resolve().name.lower().endswith(BACKUP_SUFFIX):
        raise InvalidInput(
            _("“{name}” is a backup of a journal. Choose another name, so the backup stays safe. Nothing was saved.")
            .format(name=target.name)
        )  # fmt: skip
    return target


def check_new_journal_place(place: Path) -> None:
    """Refuse to make (or restore) a journal inside another journal's folder."""
    if inside_journal(place.expanduser().absolute().parent) is not None:
        raise InvalidInput(
            _(
                "That place is inside another journal's folder. Choose a place outside it, for example Documents "
                "or a USB stick. Nothing was made."
            )
        )


#: Extra places that count as removable (os.pathsep-separated), for unusual mounts and for tests.
REMOVABLE_ENV = "RECOVERYJOURNAL_REMOVABLE_PLACES"


def removable_roots() -> list[Path]:
    """Where USB sticks and other removable media appear on this computer."""
    extra = [Path(p) for p in os.environ.get(REMOVABLE_ENV, "").split(os.pathsep) if p]
    if sys.platform == "win32" or system.kernel32() is not None:  # Windows (or a test's fake of it): drive letters
        return extra + system.removable_drives()
    user = getpass.getuser()
    return [*extra, Path("/media") / user, Path("/run/media") / user, Path("/Volumes"), Path("/media")]


def is_removable(path: Path) -> bool:
    """True when `path` is on removable media (a USB stick), as far as this computer says."""
    return _stick_of(path) is not None


def _stick_of(path: Path) -> Path | None:
    """The removable drive `path` is on (its top folder), or None when it is on this computer's own disk."""
    target = path if _has_drive(path) else path.expanduser().absolute()
    for root in removable_roots():
        if target == root and root.parent == root:  # a drive that is a stick itself: its own top folder
            return root
        if _has_drive(root):  # Windows: the drive letter is the stick, and its own top folder (E:\\) is on it
            if _on_drive(target, root):
                return root
            continue
        if root in target.parents and (sys.platform != "darwin" or len(target.parts) > 2):
            stick = root / target.relative_to(root).parts[0]
            if sys.platform == "darwin" and stick.resolve() == Path("/"):
                continue  # /Volumes/Macintosh HD is the Mac's own disk, not a stick
            return stick
    return None


def _has_drive(path: Path) -> bool:
    """A Windows path that starts with a drive letter ("E:\\…"); told apart by its text, so the Windows branch
    runs in the tests on any system."""
    text = str(path)
    return len(text) >= 2 and text[1] == ":" and text[0].isalpha()


def _on_drive(target: Path, drive: Path) -> bool:
    """Is `target` the drive's top folder or inside it?"""
    t, d = str(target).replace("/", "\\").casefold(), str(drive).replace("/", "\\").rstrip("\\").casefold()
    return t.rstrip("\\") == d or t.startswith(d + "\\")


def beside_journal(place: Path, journal: Path) -> bool:
    """`place` is in the journal's own folder, the folder it lives in, or on the same USB stick: a recovery key
    kept there would be lost (or found) with the journal."""
    target, journal = place.expanduser().absolute(), journal.expanduser().absolute()
    if target.parent == journal.parent or journal in target.parents or target == journal:
        return True
    stick = _stick_of(journal)
    return stick is not None and (target == stick or stick in target.parents)


def place_apart_from(journal: Path) -> Path:
    """Where to suggest saving a recovery key: a stick that isn't the journal's, else Documents, else the home
    folder, whichever is not where the journal is."""
    stick = plugged_in_stick()
    candidates = [stick] if stick is not None else []
    candidates += [documents_folder(), Path.home()]
    for place in candidates:
        if place.is_dir() and not beside_journal(place / "key.pdf", journal):
            return place
    return Path.home()


def first_removable_place() -> Path | None:
    """The folder where USB sticks appear, if there is one (a good first place on a shared PC)."""
    return next((p for p in removable_roots() if p.is_dir()), None)


def plugged_in_stick() -> Path | None:
    """A USB stick that is plugged in now (a folder inside a place where sticks appear), or None."""
    for root in removable_roots():
        try:
            sticks = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            continue
        if sticks:
            return sticks[0]
    return None


ON_PC_WARNING = N_(
    "This place is on this computer's own disk, not a USB stick. On a shared computer the next person "
    "could find it. A USB stick of your own is safer."
)


def check_place_for_files(path: Path, policy: Policy) -> str:
    """Under a policy that keeps exports and backups on removable media: '' when `path` is fine, a warning
    to show when the policy warns, or InvalidInput when it refuses."""
    if policy.exports_to_removable_only == "off" or is_removable(path):
        return ""
    if policy.exports_to_removable_only == "refuse":
        raise InvalidInput(
            _(
                "On this shared computer, files from your journal can only be saved to a USB stick or other "
                "removable drive, so that nothing of yours stays here. Nothing was saved."
            )
        )
    return _(ON_PC_WARNING)


def check_place_for_journal(folder: Path, policy: Policy) -> None:
    """Refuse a new journal on the PC's own disk when the policy says journals belong on sticks."""
    if not policy.journals_on_this_pc and not is_removable(folder):
        raise InvalidInput(
            _(
                "On this shared computer, journals live on your own USB stick, so they go with you. "
                "Put your stick in, then choose a folder on it."
            )
        )
