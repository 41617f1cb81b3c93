"""File and folder names the app suggests or makes, safe on every system: no characters Windows refuses, no
control characters, no name Windows keeps for its devices (CON, NUL, COM1…), no dot or space at the end (Windows
drops them), and short enough that the whole path stays well inside Windows' 260 characters."""

from __future__ import annotations

_FORBIDDEN = set('<>:"/\\|?*')
#: Windows' device names: a file called "CON" or "nul.pdf" can't be made (or is the device).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
#: The longest name suggested (before the date and extension): a long "For …" stays readable and the path short.
LONGEST_STEM = 80


def safe_stem(stem: str, fallback: str = "Recovery Journal") -> str:
    """`stem` made safe for a file or folder name on Windows, macOS and Linux; `fallback` if nothing is left."""
    kept = (" " if ord(c) < 32 or c == "\x7f" else c for c in stem if c not in _FORBIDDEN)  # a tab is a space
    text = " ".join("".join(kept).split())
    if len(text) > LONGEST_STEM:
        cut = text[:LONGEST_STEM]
        text = cut.rsplit(" ", 1)[0] if " " in cut[LONGEST_STEM // 2 :] else cut
    text = text.rstrip(". ")
    if not text:
        return fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text += "_"
    return text
