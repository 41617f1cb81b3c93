"""Places that refuse writes, fill up or vanish: read-only folders, tiny disks and pull-out 'sticks'."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _writes_are_refused(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    return False


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` refuse writes: chmod for ordinary users; as root (CI), the immutable flag."""
    folder.chmod(0o500)
    immutable = False
    try:
        if not _writes_are_refused(folder) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not _writes_are_refused(folder):
            pytest.skip("this machine can't make a folder read-only for this user")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o700)


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def small_disk(tmp_path: Path, size: str = "3m") -> Iterator[Path]:
    """A tiny tmpfs of its own (root on Linux, as in CI); skips where this machine can't mount one."""
    if not _can_mount():
        pytest.skip("mounting a small disk needs root on Linux (CI runs as root)")
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("this machine refused to mount a small disk")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill `disk` to the last byte; returns the filler, whose removal frees the space again."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)

        except OSError:
            pass
        try:
            while True:
                fh.write(b"\0")

        except OSError:
            pass
    assert shutil.disk_usage(disk).free < 4096
    return filler


@contextmanager
def bind_mount(source: Path, tmp_path: Path) -> Iterator[Path]:
    """`source` seen through a mount that can be pulled out (umount -l) like a USB stick."""
    if not _can_mount():
        pytest.skip("pulling out a 'stick' needs root on Linux (CI runs as root)")
    mount = tmp_path / f"stick-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if subprocess.run(["mount", "--bind", str(source), str(mount)]).returncode != 0:
        pytest.skip("this machine refused a bind mount")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)


def pull_out(mount: Path) -> None:
    """Take the 'stick' away at once, under whatever has it open."""
    subprocess.run(["umount", "-l", str(mount)], check=True)


def hashes(folder: Path) -> dict[str, str]:
    """Every file of a journal folder (the lock file aside) by its SHA-256."""
    if folder.is_file():
        return {folder.name: hashlib.sha256(folder.read_bytes()).hexdigest()}
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "in-use.lock"
    }
