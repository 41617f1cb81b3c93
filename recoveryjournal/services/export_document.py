"""A document to print or share, as plain data: the same object feeds the preview and the file written.

Services build these from the journal (a crisis plan, a wallet card, an appointment agenda; later,
a share). The window renders them with Qt (ui/export); JSON and CSV are written from the same data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a section: a paragraph, a bullet list, a table, a picture (PNG bytes), a sub-heading (one
    item's name: never left alone at the foot of a page), or a strip of figures (rows of label, figure, words)."""

    kind: str  # "paragraph" | "bullets" | "table" | "image" | "subheading" | "strip"
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    header: tuple[str, ...] = ()
    png: bytes = b""
    caption: str = ""
    #: A table's title row, repeated at the top of every page the table runs onto (a goal carries its name).
    carried: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its blocks."""

    heading: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """Title, date, an optional name the person chooses (or none), and sections.

    A shared document also has a header on page 1 (label and value rows: From, For, Covers, Made on) and
    plain lines under it (whose it is; that words were left out); it then replaces the date line."""

    title: str
    sections: tuple[Section, ...] = ()
    date: dt.date = field(default_factory=dt.date.today)
    author: str = ""
    page: str = "auto"  # "auto" follows the locale (A4 or Letter); "card" is wallet size
    header: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


def paragraph(text: str) -> Block:
    """A paragraph block."""
    return Block("paragraph", text=text)


def bullets(items: list[str]) -> Block:
    """A bullet-list block."""
    return Block("bullets", items=tuple(items))


def table(header: list[str], rows: list[list[str]], carried: str = "") -> Block:
    """A table block; `carried` names it again at the top of each page it runs onto."""
    return Block("table", header=tuple(header), rows=tuple(tuple(r) for r in rows), carried=carried)


def subheading(text: str) -> Block:
    """One item's name (an entry's date and title, a goal): kept with what follows it on a page."""
    return Block("subheading", text=text)


def strip(cells: list[tuple[str, str, str]]) -> Block:
    """Figures side by side: each a label, the figure, and a sentence saying it in words."""
    return Block("strip", rows=tuple(cells))


def image(png: bytes, caption: str = "", header: tuple[str, ...] = (), rows: tuple[tuple[str, ...], ...] = ()) -> Block:
    """A picture block (PNG bytes kept in memory); a chart's caption says its figures, and `rows` (under `header`)
    are its values, for a web page to offer as a table."""
    return Block("image", png=png, caption=caption, header=header, rows=rows)
