"""File-system helpers: the one file writer (whole or nothing, owner-only, checked), and error translation.

Everything the app writes outside its database goes through `atomic_file` / `write_file`: exports,
shares, backups, the key file. docs/reliability.md says what that guarantees."""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from recoveryjournal.domain.errors import AlreadyExists, CannotWrite, disk_full, place_gone, read_only_place
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage.system import replace_file

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE_ERRNOS = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOTCONN}
#: Below this much free space a write of a few pages can't be trusted to fit.
_LOW_SPACE_BYTES = 64 * 1024
#: Said when a write ended without an error but the file isn't what was written.
WRITE_INCOMPLETE = N_("The file couldn't be written whole there (the place stopped part of the way). Nothing was lost.")
#: The place took a file but didn't confirm it kept its name (its folder's fsync failed): said as such.
NOT_CONFIRMED = N_("The place didn't confirm it kept the file (it may be failing). Nothing was lost.")
WRITE_REFUSED = N_("The place refused the write ({why}). Nothing was lost.")


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
def explain_os_errors(strict: bool = False) -> Iterator[None]:
    """Turn 'read-only', 'permission denied', 'disk full' and 'stick removed' into a kind CannotWrite.

    `strict`: every other OSError becomes a CannotWrite too (in the system's own words), never a bare OSError."""
    try:
        yield
    except FileExistsError as exc:
        if strict:
            raise AlreadyExists(_("A file with that name is already there, so nothing was written.")) from exc
        raise
    except OSError as exc:
        problem = place_error(exc)
        if problem is not None:
            raise problem from exc
        if strict:
            why = (exc.strerror or str(exc)).lower()
            raise CannotWrite(_(WRITE_REFUSED).format(why=why), "") from exc
        raise


def place_problem(folder: Path) -> CannotWrite | None:
    """Ask the place itself why a write may have failed: gone, read-only or full; None when it takes writes.

    SQLite reports a full disk or a pulled-out stick in many ways ("disk I/O error", a half-made
    shared-memory file that then looks damaged), so the truth is found here, not in its words.
    """
    if not folder.is_dir():
        return place_gone()
    if sys.platform != "win32":  # Windows has no statvfs: the write probe below tells a read-only place there
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


def fsync_dir(folder: Path, strict: bool = False) -> None:
    """Make a rename inside `folder` durable (no-op where directories can't be opened, e.g. Windows).

    `strict`: an fsync the folder refuses (EIO) is raised: the rename may not have reached the disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if strict and exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_private_file(path: Path, data: bytes) -> None:
    """Create `path` (which must not exist) owner-only, whole or not at all."""
    write_file(path, data)


def atomic_replace(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, never half of one."""
    write_file(path, data, overwrite=True, sync_folder_or_undo=False)


# The one file writer ---------------------------------------------------------------------------------------
#: Every temporary the writer makes ends with this and starts with a dot: hidden, and provably ours.
TEMP_SUFFIX = ".rjtmp"
_TEMP_NAME = re.compile(r"^\..*\.([0-9a-f]+)-[0-9a-f]{12}" + re.escape(TEMP_SUFFIX) + r"$", re.DOTALL)
#: A hidden working folder of ours: a backup's staging, a restore's or a new journal's (see staging_name_for).
_STAGING_NAME = re.compile(r"^\..*\.(?:part|restoring|creating)-([0-9a-f]+)-[0-9a-f]{8}$", re.DOTALL)
#: When this process started: a temporary of ours older than this is left from a copy that has stopped.
_STARTED = time.time()


def temp_name_for(path: Path) -> Path:
    """A unique hidden name beside `path` (never a fixed name that could be one of the person's files)."""
    return path.with_name(f".{path.name[:120]}.{os.getpid():x}-{secrets.token_hex(6)}{TEMP_SUFFIX}")


def staging_name_for(path: Path, what: str = "part") -> Path:
    """A hidden working folder beside `path` ("part": a backup's; "restoring", "creating": a journal's), named so
    a later start can tell it is ours and that its process has stopped."""
    return path.with_name(f".{path.name[:120]}.{what}-{os.getpid():x}-{secrets.token_hex(4)}")


#: The hidden names earlier versions of the app used (no process id in them: only their age tells).
_OLD_NAMES = re.compile(
    r"^\..+\.(?:rjbackup\.part(?:-[0-9a-f]{8})?|rjournal\.restoring|rjournal\.creating)$", re.DOTALL
)
_NO_PID = -1


def _ours(name: str) -> int | None:
    """The process id in one of the app's own hidden temporary names (_NO_PID for an earlier version's), or
    None for any other name."""
    found = _TEMP_NAME.match(name) or _STAGING_NAME.match(name)
    if found:
        return int(found.group(1), 16)
    return _NO_PID if _OLD_NAMES.match(name) else None


def _running(pid: int) -> bool:
    if pid == _NO_PID:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # nothing cheap to ask: the age alone decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its files alone
    return True


def remove_folder(folder: Path) -> None:
    """Remove a working folder of ours, never raising: a hiccup while cleaning up (a close that reports an
    error) must not turn work that was done into an error. Tried twice; what stays is removed as stale later."""
    for _attempt in range(2):
        with suppress(OSError):
            shutil.rmtree(folder)
        if not os.path.lexists(folder):
            return


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove what the app itself left in `folder` after a crash: hidden temporaries with the writer's
    names, older than this process, whose writing process has stopped. Never raises: a folder that can't
    be read is left alone."""
    removed: list[Path] = []
    try:
        children = [c for c in folder.iterdir() if c.name.startswith(".")]
    except OSError:
        return removed
    for child in children:
        pid = _ours(child.name)
        if pid is None or _running(pid):
            continue
        try:
            if child.lstat().st_mtime >= _STARTED:
                continue  # written since we started: not provably left over
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
            removed.append(child)
        except OSError:
            continue
    return removed


class _CheckedFile:
    """A file being written whose every write is checked: a short write is continued, a write that
    makes no progress is a full disk. Seekable, so zipfile can write into it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.written = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            n = os.write(self.fd, view[done:])
            if n <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            done += n
        self.written = max(self.written, self.tell())
        return done

    def tell(self) -> int:
        return os.lseek(self.fd, 0, os.SEEK_CUR)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return os.lseek(self.fd, offset, whence)

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        """Nothing is buffered: every write went to the OS."""

    def close(self) -> None:
        """atomic_file closes the file itself, after its fsync."""


@contextmanager
def atomic_file(
    path: Path,
    *,
    overwrite: bool = False,
    check: Callable[[Path], None] | None = None,
    sync_folder_or_undo: bool = True,
) -> Iterator[_CheckedFile]:
    """Write `path` whole or not at all: a unique hidden temporary beside it, owner-only from its first
    byte, every write checked, fsync of the file, `check(temporary)` on the finished file, then the
    rename and an fsync of the folder. On any failure the temporary is removed and a CannotWrite (with
    the place's own reason) or the check's own error is raised; `path` is untouched. When only the folder's
    fsync fails after the rename, the new file is removed again (`sync_folder_or_undo`), or kept where removing
    it would do harm (the key file: the old one is gone already, the new one is whole, and both open)."""
    remove_stale_temps(path.parent)
    tmp = temp_name_for(path)
    try:
        with explain_os_errors(strict=True):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except BaseException:
        with suppress(OSError):  # a fault after the kernel made it: leave nothing behind
            tmp.unlink()
        raise
    try:
        closed = False
        try:
            out = _CheckedFile(fd)
            with explain_os_errors(strict=True):
                yield out
                os.fsync(fd)
                size = os.fstat(fd).st_size
                closed = True
                os.close(fd)
            if size != out.written:
                raise CannotWrite(_(WRITE_INCOMPLETE), "")
        finally:
            if not closed:
                with suppress(OSError):
                    os.close(fd)
        if check is not None:
            check(tmp)
        with explain_os_errors(strict=True):
            if not overwrite and os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
            replace_file(tmp, path)  # waits a moment for a program holding the file (Windows), then says so
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    try:
        with explain_os_errors(strict=True):
            fsync_dir(path.parent, strict=True)
    except CannotWrite as exc:
        if not sync_folder_or_undo:
            return  # the file is whole and in place; only its name may not have reached the disk yet
        with suppress(OSError):  # the name may not survive: say so truthfully, and leave no half-trusted file
            path.unlink()
        if not path.parent.is_dir():
            raise
        # The folder is there: it took the file but didn't confirm keeping its name (not "is the stick in?").
        raise CannotWrite(_(NOT_CONFIRMED), "unconfirmed") from exc


@contextmanager
def keeping_what_it_replaces(path: Path) -> Iterator[None]:
    """While the body writes a new `path` and does what must follow it (a share is logged), the file it replaces
    waits under a hidden name beside it: if anything fails, the earlier file is put back whole; once the body is
    done, it goes. (A crash in between leaves it there, under a name that says so: `.NAME.previous-…`.)"""
    if not path.is_file() or path.is_symlink():
        yield
        return
    aside = staging_name_for(path, "previous")
    with explain_os_errors(strict=True):
        replace_file(path, aside)
    try:
        yield
    except BaseException:
        with suppress(OSError):
            if os.path.lexists(path):
                path.unlink()  # a new file the folder may not have kept (its fsync failed): never half-trusted
            replace_file(aside, path)
            fsync_dir(path.parent)
        raise
    with suppress(OSError):
        aside.unlink()


def write_file(
    path: Path,
    data: bytes,
    *,
    overwrite: bool = False,
    check: Callable[[bytes], None] | None = None,
    sync_folder_or_undo: bool = True,
) -> None:
    """Write `data` to `path` whole or not at all (see atomic_file); the finished file is read back and
    must be exactly `data`, and `check(data)` may say it isn't what it claims to be (a PDF that won't
    parse)."""

    def _finished(tmp: Path) -> None:
        with explain_os_errors(strict=True):
            back = tmp.read_bytes()
        if back != data:
            raise CannotWrite(_(WRITE_INCOMPLETE), "")
        if check is not None:
            check(back)

    with atomic_file(path, overwrite=overwrite, check=_finished, sync_folder_or_undo=sync_folder_or_undo) as out:
        out.write(data)
