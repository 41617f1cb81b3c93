"""Small file-system helpers: atomic replace with fsync, owner-only creation, error translation."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from recoveryjournal.domain.errors import CannotWrite

_WRITE_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


@contextmanager
def explain_os_errors() -> Iterator[None]:
    """Turn 'read-only', 'permission denied' and 'disk full' into a kind CannotWrite."""
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
            raise CannotWrite("The disk is full, so nothing could be saved there. Nothing has been changed.") from exc
        if exc.errno in _WRITE_ERRNOS:
            raise CannotWrite() from exc
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (no-op where directories can't be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_private_file(path: Path, data: bytes) -> None:
    """Create `path` (which must not exist) owner-only, write `data` and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_replace(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, never half of one."""
    tmp = path.with_name(path.name + ".new")
    with explain_os_errors():
        if tmp.exists():
            tmp.unlink()
        write_private_file(tmp, data)
        os.replace(tmp, path)
        fsync_dir(path.parent)
