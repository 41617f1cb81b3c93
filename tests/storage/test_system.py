"""Issue 32: the platform seam (storage/system.py), each Windows branch run here with the platform simulated: a
fake kernel32 with a drive layout (a stick, a USB disk that calls itself fixed, the PC's own disk, a DVD drive),
a replace that meets a sharing violation, crash reports; and names that are safe on Windows."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import CannotWrite
from recoveryjournal.domain.file_names import safe_stem
from recoveryjournal.services import destinations, process_safety
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import fsutil, system

DRIVES = {"C": (3, 11), "D": (5, 0), "E": (2, 7), "F": (3, 7), "G": (3, 17)}  # letter: (drive type, bus type)


class FakeKernel32:
    """What Windows would answer for DRIVES (C: the PC's SATA disk, D: a DVD drive, E: a stick, F: a USB disk that
    calls itself fixed, G: an NVMe disk), and what was asked of it."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.open: set[int] = set()

    def GetLogicalDrives(self) -> int:
        return sum(1 << (ord(letter) - ord("A")) for letter in DRIVES)

    def GetDriveTypeW(self, root: str) -> int:
        return DRIVES[root[0]][0]

    def CreateFileW(self, name: str, *_args: object) -> int:
        handle = 100 + ord(name[4])
        self.open.add(handle)
        return handle

    def DeviceIoControl(self, handle: int, code: int, _query, _qsize, answer, _asize, _returned, _overlapped) -> int:
        assert code == 0x2D1400  # IOCTL_STORAGE_QUERY_PROPERTY
        answer._obj.BusType = DRIVES[chr(handle - 100)][1]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.open.discard(handle)
        return 1

    def SetErrorMode(self, mode: int) -> int:
        self.calls.append(f"SetErrorMode({mode:#x})")
        return 0

    def WerSetFlags(self, flags: int) -> int:
        self.calls.append(f"WerSetFlags({flags})")
        return 0


def test_sticks_are_found_by_drive_type_and_by_bus() -> None:
    fake = FakeKernel32()
    with system.use_kernel32(fake):
        assert [str(p) for p in system.removable_drives()] == ["E:\\", "F:\\"]
        assert fake.open == set()  # every handle closed
        assert destinations.is_removable(Path("E:\\"))  # a stick's own top folder
        assert destinations.is_removable(Path("F:\\Journals\\Mine.rjournal"))
        assert not destinations.is_removable(Path("C:\\Users\\alex\\Documents"))
        assert not destinations.is_removable(Path("G:\\"))
        shared = Policy(journals_on_this_pc=False)
        destinations.check_place_for_journal(Path("E:\\"), shared)  # accepted
        with pytest.raises(Exception, match="your own USB stick"):
            destinations.check_place_for_journal(Path("C:\\Users\\alex"), shared)


def test_crash_reports_off_on_windows() -> None:
    fake = FakeKernel32()
    with system.use_kernel32(fake):
        done = process_safety.harden_process()
    assert fake.calls == ["SetErrorMode(0x3)", "WerSetFlags(1)"]
    assert "no crash box" in done and "no heap in crash reports" in done


def _sharing_violation() -> PermissionError:
    exc = PermissionError(13, "The process cannot access the file because it is being used by another process")
    exc.winerror = 32  # type: ignore[attr-defined]  # as Windows sets it
    return exc


def test_a_replace_waits_for_a_program_holding_the_file_then_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(system, "REPLACE_PAUSE", 0)
    target = tmp_path / "share.json"
    target.write_bytes(b"before")
    real, failures = system.os.replace, [2]

    def busy_for_a_moment(src, dst):  # type: ignore[no-untyped-def]
        if failures[0]:
            failures[0] -= 1
            raise _sharing_violation()
        real(src, dst)

    monkeypatch.setattr(system.os, "replace", busy_for_a_moment)
    fsutil.write_file(target, b"after", overwrite=True)
    assert target.read_bytes() == b"after"
    failures[0] = 10_000  # held for good (an antivirus scan that doesn't end)
    with pytest.raises(CannotWrite, match="Another program on this computer is using the file"):
        fsutil.write_file(target, b"never", overwrite=True)
    assert target.read_bytes() == b"after" and [p.name for p in tmp_path.iterdir()] == ["share.json"]
    other = PermissionError(13, "Permission denied")  # not a sharing violation: said as it is, at once
    monkeypatch.setattr(system.os, "replace", lambda *_a: (_ for _ in ()).throw(other))
    with pytest.raises(CannotWrite):
        fsutil.write_file(target, b"never", overwrite=True)


@pytest.mark.parametrize(
    ("stem", "safe"),
    [
        ("For Alex", "For Alex"),
        ('For "Sam": a/b\\c*?<>|', "For Sam abc"),
        ("CON", "CON_"),
        ("nul.backup", "nul.backup_"),
        ("com1", "com1_"),
        ("Console", "Console"),
        ("My journal. ", "My journal"),
        ("tab\there\x00and\x7f", "tab here and"),
        ("...", "Recovery Journal"),
        ("word " * 40, ("word " * 16).strip()),
    ],
)
def test_names_are_safe_on_windows(stem: str, safe: str) -> None:
    assert safe_stem(stem) == safe
    assert len(safe_stem(stem)) <= 80


def test_the_descriptor_has_the_bus_where_windows_puts_it() -> None:
    assert system._Descriptor.BusType.offset == 28 and ctypes.sizeof(system._Query) == 12


class FakeRegistry:
    """HKEY_CURRENT_USER's lists as Windows keeps them: binary values holding UTF-16 names inside item ids."""

    def __init__(self, lists: dict[str, list[tuple[str, str, object]]]) -> None:
        self.lists = lists

    def values(self, key: str) -> list[tuple[str, str, object]]:
        return [row for k, rows in self.lists.items() if k.startswith(key) for row in rows]


def _pidl(*names: str) -> bytes:
    return b"\x14\x00\x1f\x50" + b"".join(b"\x00\x00" + n.encode("utf-16-le") + b"\x00\x00" for n in names)


def test_check_this_pc_reads_windows_lists_and_recent_items(tmp_path: Path, monkeypatch) -> None:
    """Issue 32, 4: Check this PC also looks at the file dialogs' lists (OpenSavePidlMRU, LastVisitedPidlMRU), Recent
    Items and the thumbnail cache, and says what names a journal or an export; it changes none of Windows' own."""
    from recoveryjournal.services.pc_check import check_this_pc

    mru = r"Software\Microsoft\Windows\CurrentVersion\Explorer\ComDlg32"
    registry = FakeRegistry({
        mru + r"\OpenSavePidlMRU\pdf": [("x", "0", _pidl("Documents", "For Alex 2026-12-07.pdf")),
                                       ("x", "MRUListEx", b"\0")],
        mru + r"\LastVisitedPidlMRU": [("x", "1", "recoveryjournal.exe\0".encode("utf-16-le") + _pidl("E:\\"))],
        mru + r"\OpenSavePidlMRU\docx": [("x", "0", _pidl("Letters", "Council tax.docx"))],
    })  # fmt: skip
    appdata, local = tmp_path / "Roaming", tmp_path / "Local"
    recent = appdata / "Microsoft" / "Windows" / "Recent"
    recent.mkdir(parents=True)
    (recent / "My journal.rjournal.lnk").write_bytes(b"L\0\0\0")
    (local / "Microsoft" / "Windows" / "Explorer").mkdir(parents=True)
    (local / "Microsoft" / "Windows" / "Explorer" / "thumbcache_256.db").write_bytes(b"CMMM")
    monkeypatch.setenv("APPDATA", str(appdata))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setattr("recoveryjournal.services.pc_check.sys.platform", "win32")
    with system.use_registry(registry):
        report = check_this_pc()
    said = "\n".join(report.lines())
    assert "in a file dialog: it names a journal or a saved file: For Alex 2026-12-07.pdf" in said
    assert "the folder where Recovery Journal last saved or opened a file" in said
    assert "My journal.rjournal.lnk" in said and "thumbnail cache" in said
    assert "Council tax" not in said and not report.clean
