"""Find icons and styles in a source checkout or a PyInstaller bundle; missing ones are simply skipped."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette


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


def style_sheet(palette: QPalette) -> str:
    """The app's style sheet for this palette: with a dark high-contrast palette (as Linux high-contrast
    themes give), also the edges of boxes and tick boxes in the text colour, which Fusion draws a little
    darker than the window, so black on black there."""
    text = resource_text("styles/app.qss")
    window, words = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    if window.lightness() < 40 and _contrast(window, words) >= 15:  # light ones keep Fusion's grey edges
        text += resource_text("styles/high-contrast.qss")
    return text


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
