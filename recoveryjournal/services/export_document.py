"""A document to print or share, as plain data: the same object feeds the preview and the file written.

Services build these from the journal (a crisis plan, a wallet card, an appointment agenda; later,
a share). The window renders them with Qt (ui/export); JSON and CSV are written from the same data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a section: a paragraph, a bullet list, a table, or a picture (PNG bytes)."""

    kind: str  # "paragraph" | "bullets" | "table" | "image"
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    header: tuple[str, ...] = ()
    png: bytes = b""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its blocks."""

    heading: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """Title, date, an optional name the person chooses (or none), and sections."""

    title: str
    sections: tuple[Section, ...] = ()
    date: dt.date = field(default_factory=dt.date.today)
    author: str = ""
    page: str = "auto"  # "auto" follows the locale (A4 or Letter); "card" is wallet size


def paragraph(text: str) -> Block:
    """A paragraph block."""
    return Block("paragraph", text=text)


def bullets(items: list[str]) -> Block:
    """A bullet-list block."""
    return Block("bullets", items=tuple(items))


def table(header: list[str], rows: list[list[str]]) -> Block:
    """A table block."""
    return Block("table", header=tuple(header), rows=tuple(tuple(r) for r in rows))


def image(png: bytes, caption: str = "") -> Block:
    """A picture block (PNG bytes kept in memory)."""
    return Block("image", png=png, caption=caption)
