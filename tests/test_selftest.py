"""`recoveryjournal --self-test` passes from source and leaves nothing behind in HOME or the temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_self_test_passes_and_leaves_nothing(tmp_path: Path) -> None:
    """Real key derivation, encryption check, search, PDF and chart: exit 0, a short report, empty sandbox."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("RECOVERYJOURNAL_INSECURE_FAST_KDF", "MPLCONFIGDIR")}
    env.update(HOME=str(home), TMPDIR=str(tmp), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"))  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "recoveryjournal.ui.app", "--self-test"], env=env,
                            capture_output=True, text=True, timeout=180)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed" in result.stdout and "not ok" not in result.stdout
    assert result.stdout.count("\nok    ") + result.stdout.startswith("ok    ") == 6
    assert list(home.rglob("*")) == [] and list(tmp.rglob("*")) == []
