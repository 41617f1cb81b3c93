"""What differs between Windows, macOS and Linux, in one place (the platform seam).

- **Replacing a file**: on Windows, antivirus, the search indexer or OneDrive may hold a file open for a moment;
  replacing it then fails with a sharing violation (WinError 5 or 32). `replace_file` tries again for a short
  while, then says truthfully what happened (`SHARING_VIOLATION`).
- **Removable drives**: on Windows a stick is a drive letter of its own. Many sticks and USB disks call
  themselves fixed drives (GetDriveTypeW → DRIVE_FIXED), so the drive's bus is asked too
  (IOCTL_STORAGE_QUERY_PROPERTY → BusTypeUsb). On Linux and macOS the places sticks appear are folders
  (services/destinations.py).
- **Crash dumps**: on Windows, no error box and no memory of the heap in an error report (SetErrorMode,
  WerSetFlags); on Linux and macOS, no core file (services/process_safety.py).
- **One copy at a time**: `try_lock_file` / `unlock_file` (msvcrt on Windows, flock elsewhere; storage/lock.py
  holds the journal's lock with them).
- **Windows' own lists** of files and folders (the file dialogs' MRU, recent documents) are read through
  `registry_values` for Check this PC (services/pc_check.py).
- **Folder fsync** (storage/fsutil.fsync_dir) is a no-op on Windows, which can't open a folder; **owner-only
  files** are 0600 where there are modes, and inside the person's own profile on Windows; **settings** are INI
  files everywhere (ui/app.py sets Qt's default); the OS keyring is services/keyring_service.py; the
  **Documents folder** and cloud-synced folders are services/locations.py and services/cloud_folders.py.

Windows' `kernel32` and registry are reached through `kernel32()` and `registry_values()`, which tests replace
with fakes (`use_kernel32`, `use_registry`), so each Windows branch is exercised here with the drive layout and
the lists it would see.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from recoveryjournal.domain.errors import CannotWrite
from recoveryjournal.i18n import N_, _

SHARING_VIOLATION = N_(
    "Another program on this computer is using the file right now (often an antivirus, the search indexer or "
    "OneDrive), so it couldn't be replaced. Nothing was lost: the earlier file is as it was. Try again in a moment."
)
#: Windows' errors for a file another program holds open: access denied (5), sharing violation (32), lock (33).
_SHARING_ERRORS = (5, 32, 33)
#: How long a replace waits for the other program (the indexer and antivirus let go within a second or two).
REPLACE_TRIES = 20
REPLACE_PAUSE = 0.1

_kernel32: Any = None


def kernel32() -> Any:
    """Windows' kernel32 (or the fake a test put in its place); None on other systems."""
    if _kernel32 is not None:
        return _kernel32
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return ctypes.windll.kernel32
    return None


@contextmanager
def use_kernel32(fake: Any) -> Iterator[None]:
    """For tests: Windows' calls go to `fake` while the block runs."""
    global _kernel32
    previous, _kernel32 = _kernel32, fake
    try:
        yield
    finally:
        _kernel32 = previous


def replace_file(source: Path, target: Path) -> None:
    """os.replace, with a short wait while another program holds the file (Windows); then the truth."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _SHARING_ERRORS:
                raise
            if attempt == REPLACE_TRIES - 1:
                raise CannotWrite(_(SHARING_VIOLATION), "in_use") from exc
            time.sleep(REPLACE_PAUSE)


# One copy at a time: the OS's own lock, released however the process ends (storage/lock.py) ----------------------
if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def try_lock_file(fd: int) -> bool:
        """Take the lock on the file's first byte without waiting (False when another process holds it)."""
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock_file(fd: int) -> None:
        """Let go of the lock."""
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock_file(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def unlock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# Windows drives ----------------------------------------------------------------------------------------------
DRIVE_REMOVABLE, DRIVE_FIXED = 2, 3
_IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
_BUS_TYPE_USB, _BUS_TYPE_SD, _BUS_TYPE_MMC = 7, 12, 13
_OPEN_EXISTING, _SHARE_READ_WRITE = 3, 0x1 | 0x2
_INVALID_HANDLE = ctypes.c_void_p(-1).value


class _Query(ctypes.Structure):
    """STORAGE_PROPERTY_QUERY: StorageDeviceProperty, PropertyStandardQuery."""

    _fields_ = (("PropertyId", ctypes.c_int), ("QueryType", ctypes.c_int), ("AdditionalParameters", ctypes.c_ubyte))


class _Descriptor(ctypes.Structure):
    """The start of STORAGE_DEVICE_DESCRIPTOR, up to BusType (Windows' ULONG is 32 bits on every Windows)."""

    _fields_ = (
        ("Version", ctypes.c_uint32), ("Size", ctypes.c_uint32), ("DeviceType", ctypes.c_ubyte),
        ("DeviceTypeModifier", ctypes.c_ubyte), ("RemovableMedia", ctypes.c_ubyte),
        ("CommandQueueing", ctypes.c_ubyte), ("VendorIdOffset", ctypes.c_uint32), ("ProductIdOffset", ctypes.c_uint32),
        ("ProductRevisionOffset", ctypes.c_uint32), ("SerialNumberOffset", ctypes.c_uint32),
        ("BusType", ctypes.c_int),
    )  # fmt: skip


def drive_bus_is_usb(letter: str, k32: Any) -> bool:
    """Is drive `letter` on a USB (or SD card) bus? Asked of the device itself, as sticks that call themselves
    fixed drives still say their bus truthfully."""
    handle = k32.CreateFileW(f"\\\\.\\{letter}:", 0, _SHARE_READ_WRITE, None, _OPEN_EXISTING, 0, None)
    if handle in (None, 0, _INVALID_HANDLE, -1):
        return False
    try:
        query, descriptor, returned = _Query(0, 0, 0), _Descriptor(), ctypes.c_uint32(0)
        asked = (ctypes.byref(query), ctypes.sizeof(query))
        answer = (ctypes.byref(descriptor), ctypes.sizeof(descriptor))
        ok = k32.DeviceIoControl(handle, _IOCTL_STORAGE_QUERY_PROPERTY, *asked, *answer, ctypes.byref(returned), None)
        return bool(ok) and descriptor.BusType in (_BUS_TYPE_USB, _BUS_TYPE_SD, _BUS_TYPE_MMC)
    finally:
        k32.CloseHandle(handle)


def removable_drives() -> list[Path]:
    """Windows: the drive letters that are sticks (removable, or fixed but on a USB bus), as their top folders."""
    k32 = kernel32()
    if k32 is None:
        return []
    mask = int(k32.GetLogicalDrives())
    found = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        letter = chr(ord("A") + index)
        kind = int(k32.GetDriveTypeW(f"{letter}:\\"))
        if kind == DRIVE_REMOVABLE or (kind == DRIVE_FIXED and letter != "C" and drive_bus_is_usb(letter, k32)):
            found.append(Path(f"{letter}:\\"))
    return found


# Windows' registry (read only) -----------------------------------------------------------------------------------
_registry: Any = None


@contextmanager
def use_registry(fake: Any) -> Iterator[None]:
    """For tests: registry reads go to `fake` (an object with `values(key) -> [(subkey, name, data)]`)."""
    global _registry
    previous, _registry = _registry, fake
    try:
        yield
    finally:
        _registry = previous


def registry_values(key: str) -> list[tuple[str, str, object]]:
    """Every value under HKEY_CURRENT_USER\\`key` and its subkeys, as (subkey, name, data); [] off Windows."""
    if _registry is not None:
        return list(_registry.values(key))
    if sys.platform != "win32":
        return []
    import winreg  # pragma: no cover - Windows only

    found: list[tuple[str, str, object]] = []

    def walk(path: str) -> None:
        try:
            handle = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path)
        except OSError:
            return
        with handle:
            index = 0
            while True:
                try:
                    name, data, _kind = winreg.EnumValue(handle, index)
                except OSError:
                    break
                found.append((path, name, data))
                index += 1
            index, subkeys = 0, []
            while True:
                try:
                    subkeys.append(winreg.EnumKey(handle, index))
                except OSError:
                    break
                index += 1
        for sub in subkeys:
            walk(f"{path}\\{sub}")

    walk(key)
    return found


# Crash dumps -------------------------------------------------------------------------------------------------
_SEM_FAILCRITICALERRORS, _SEM_NOGPFAULTERRORBOX = 0x0001, 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 1


def windows_crash_reports_off() -> list[str]:
    """Windows: no error box that waits with the process (and its memory) held, and no heap (journal text) in
    an error report. Returns what was done; never raises."""
    k32 = kernel32()
    if k32 is None:
        return []
    done = []
    try:
        k32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        done.append("no crash box")  # not shown: a note for developers
        if int(k32.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP)) == 0:  # S_OK
            done.append("no heap in crash reports")  # not shown: a note for developers
    except (AttributeError, OSError):
        pass
    return done
