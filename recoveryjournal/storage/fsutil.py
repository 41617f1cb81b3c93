"""Small file-system helpers: atomic replace with fsync, owner-only creation, error translation."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from recoveryjournal.domain.errors import CannotWrite, disk_full, place_gone, read_only_place

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE_ERRNOS = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTCONN}
#: Below this much free space a write of a few pages can't be trusted to fit.
_LOW_SPACE_BYTES = 64 * 1024


def place_error(exc: OSError) -> CannotWrite | None:
    """The kind CannotWrite for an OSError about the place (full, read-only, gone), or None."""
    if exc.errno in _FULL_ERRNOS:
        return disk_full()
    if exc.errno in _READ_ONLY_ERRNOS:
        return read_only_place()
    if exc.errno in _GONE_ERRNOS:
        return place_gone()
    return None


@contextmanager
def explain_os_errors() -> Iterator[None]:
    """Turn 'read-only', 'permission denied', 'disk full' and 'stick removed' into a kind CannotWrite."""
    try:
        yield
    except OSError as exc:
        problem = place_error(exc)
        if problem is not None:
            raise problem from exc
        raise


def place_problem(folder: Path) -> CannotWrite | None:
    """Ask the place itself why a write may have failed: gone, read-only or full; None when it takes writes.

    SQLite reports a full disk or a pulled-out stick in many ways ("disk I/O error", a half-made
    shared-memory file that then looks damaged), so the truth is found here, not in its words.
    """
    if not folder.is_dir():
        return place_gone()
    if hasattr(os, "statvfs"):
        try:
            st = os.statvfs(folder)
        except OSError:
            return place_gone()
        if st.f_flag & os.ST_RDONLY:
            return read_only_place()
    try:
        if shutil.disk_usage(folder).free < _LOW_SPACE_BYTES:
            return disk_full()
    except OSError:
        return place_gone()
    probe = folder / f".write-test-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        return place_error(exc) or read_only_place()
    try:
        os.write(fd, b"\0" * 4096)
        os.fsync(fd)
    except OSError as exc:
        return place_error(exc) or disk_full()
    finally:
        os.close(fd)
        with suppress(OSError):
            probe.unlink()
    return None


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
