"""Find icons and styles in a source checkout or a PyInstaller bundle; missing ones are simply skipped."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path | None:
    """The `resources/` folder, if this installation has one."""
    candidates = [Path(getattr(sys, "_MEIPASS", "")) / "resources", Path(__file__).resolve().parents[2] / "resources"]
    return next((p for p in candidates if p.is_dir()), None)


def resource_text(relative: str) -> str:
    """A text resource (e.g. a style sheet), or '' when it isn't there."""
    folder = resources_dir()
    path = folder / relative if folder else None
    return path.read_text(encoding="utf-8") if path and path.is_file() else ""


def resource_path(relative: str) -> Path | None:
    """Path of a resource file, or None."""
    folder = resources_dir()
    path = folder / relative if folder else None
    return path if path and path.exists() else None
