"""Issue 32: the hosted workflow that builds and checks the app on Windows, macOS and Ubuntu 22.04 is checked here
with actionlint (with shellcheck for its scripts, when installed): a mistake in it would only show on GitHub."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint() -> str:
    here = Path(sys.executable).with_name("actionlint")
    found = str(here) if here.exists() else shutil.which("actionlint")
    assert found, "actionlint isn't installed (./packaging/setup.sh --dev installs it)"
    return found


def test_actionlint_finds_nothing() -> None:
    assert WORKFLOWS, "no workflow"
    result = subprocess.run([_actionlint(), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_find_a_mistake(tmp_path: Path) -> None:
    """The check can fail: a workflow asking for a context that doesn't exist is caught."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-22.04\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n")  # fmt: skip
    result = subprocess.run([_actionlint(), str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "nope" in result.stdout


def test_every_system_people_use_is_built_and_kept() -> None:
    text = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    for system in ("os: windows-latest", "os: macos-15 }", "os: macos-15-intel", "os: ubuntu-22.04"):
        assert system in text, system
    for needed in ("python -m pytest", "build.sh --check", "build.ps1 -Check", "ISCC.exe", "hdiutil create",
                   "actions/upload-artifact", "if-no-files-found: error"):  # fmt: skip
        assert needed in text, needed
    signing = [line for line in text.splitlines() if line.strip().startswith("if:") and "CERTIFICATE" in line]
    assert len(signing) == 2 and all("!= ''" in line for line in signing)  # only with their secrets: forks build
