"""Where the parts of a journal live. A journal is one folder that is always handled as a unit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _

#: The folder name ends with this, so people (and file dialogs) can tell a journal at a glance.
SUFFIX = ".rjournal"
DB_NAME = "journal.db"
KEYS_NAME = "keys.json"
LOCK_NAME = "in-use.lock"
#: A backup is one file whose name ends with this.
BACKUP_SUFFIX = ".rjbackup"


@dataclass(frozen=True, slots=True)
class JournalLayout:
    """The paths that make up one journal folder."""

    folder: Path

    @property
    def db(self) -> Path:
        """The SQLCipher database: everything about the person lives here, encrypted."""
        return self.folder / DB_NAME

    @property
    def keys(self) -> Path:
        """The wrapped master key (no personal data)."""
        return self.folder / KEYS_NAME

    @property
    def lock(self) -> Path:
        """Held while a copy of the app has the journal open."""
        return self.folder / LOCK_NAME

    def parts(self) -> list[Path]:
        """Every file that belongs to the journal and exists now (database side files included)."""
        names = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal", KEYS_NAME)
        return [self.folder / n for n in names if (self.folder / n).exists()]

    @classmethod
    def for_path(cls, path: Path | str) -> JournalLayout:
        """Find the journal the person means: the folder, the name given to `init` without `.rjournal`,
        or a file inside the folder (someone may pick journal.db or keys.json)."""
        p = Path(path).expanduser()
        if p.is_file() and p.name in (DB_NAME, KEYS_NAME) and (p.parent / KEYS_NAME).exists():
            p = p.parent
        if not p.name.endswith(SUFFIX):
            named = with_suffix(p)
            if named.is_dir():
                if p.exists() and not _same(p, named):
                    raise InvalidInput(
                        _(
                            "There are two things here with that name: “{name}” and “{name2}”. Which one do you "
                            "mean? Give the whole name, for example “{named}”."
                        ).format(name=p.name, name2=named.name, named=named)
                    )
                p = named
        return cls(p.absolute())


def with_suffix(path: Path | str) -> Path:
    """Add the journal suffix to a new journal's path when the person left it out."""
    p = Path(path).expanduser()
    return p if p.name.endswith(SUFFIX) else p.with_name(p.name + SUFFIX)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
