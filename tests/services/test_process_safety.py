"""Crash safety: a process that has opened a journal leaves no core dump behind."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resource limits and prctl as on Linux")
def test_harden_process_turns_off_core_dumps() -> None:
    """In a child process: the core-file limit becomes 0 and the process is no longer dumpable."""
    code = (
        "import resource, ctypes\n"
        "from recoveryjournal.services.process_safety import harden_process\n"
        "done = harden_process()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), done)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("(0, 0) 0 ")
    assert "core dumps off" in out
