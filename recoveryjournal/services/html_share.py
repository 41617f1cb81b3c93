"""A share as one web page anyone can read: a screen reader, a phone, a browser, a printer.

Made from the same ExportDocument as the PDF (services/export_document.py), so it holds exactly what the
preview showed. One self-contained file: the chart is embedded as a picture, nothing is fetched from elsewhere
and nothing runs (no scripts; a Content-Security-Policy that allows none). Structure a screen reader can walk:
the page's language, one `h1`, a heading for each section, tables with header cells, and the chart's figures in
words (its text alternative) and as a table of the days for whoever can't see it. The layout reflows on a phone
and prints cleanly. No Qt here: the exporter writes it like JSON and CSV.
"""

from __future__ import annotations

import base64
import html
from html.parser import HTMLParser

from recoveryjournal.i18n import _, language
from recoveryjournal.services.export_document import Block, ExportDocument

#: Nothing loads from elsewhere and nothing runs: only the embedded picture and the page's own style.
_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

_STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 1.05rem; line-height: 1.55; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.1rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.6rem 0 0.8rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #d5dde6; }
h3 { font-size: 1.08rem; margin: 1.3rem 0 0.3rem; }
p { margin: 0.4rem 0 0.7rem; }
.about th { text-align: left; padding: 0.15rem 1rem 0.15rem 0; white-space: nowrap; }
.about td { padding: 0.15rem 0; }
.note { color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0 0.4rem; }
.wide { overflow-x: auto; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem 0.35rem 0; }
thead th { border-bottom: 2px solid #8a96a3; }
tbody tr + tr > * { border-top: 1px solid #e2e7ec; }
.figures { list-style: none; padding: 0; display: grid; gap: 0.6rem;
  grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
.figures li { background: #eef3f8; border-radius: 0.4rem; padding: 0.6rem 0.75rem; }
.figures .label { display: block; font-weight: 600; font-size: 0.9rem; }
.figures .figure { display: block; font-size: 1.35rem; }
.figures .words { display: block; font-size: 0.9rem; }
figure { margin: 0.6rem 0 1rem; }
figure img { max-width: 100%; height: auto; border: 1px solid #e2e7ec; }
figcaption { font-size: 0.92rem; color: #333; }
details { margin: 0.4rem 0 1rem; }
summary { cursor: pointer; font-weight: 600; padding: 0.3rem 0; }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; } tr, figure, .figures li { break-inside: avoid; }
}
"""


def _text(text: str) -> str:
    """Escaped text, its line breaks kept."""
    return "<br>\n".join(html.escape(line) for line in text.split("\n"))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_text(part.strip(chr(10)))}</p>\n" for part in text.split("\n\n") if part.strip())


def _table(block: Block) -> str:
    esc = html.escape
    caption = f"<caption>{esc(block.carried)}</caption>" if block.carried else ""
    if any(block.header):
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in r) + "</tr>\n" for r in block.rows)
        body = f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>"
        return f'<div class="wide"><table>{caption}{body}</table></div>\n'
    # A table of labels and values (a goal's details, my medicines): each row's first cell names it.
    rows = "".join(
        f'<tr><th scope="row">{_text(r[0])}</th>' + "".join(f"<td>{_text(c)}</td>" for c in r[1:]) + "</tr>\n"
        for r in block.rows
        if r
    )
    return f'<div class="wide"><table>{caption}<tbody>\n{rows}</tbody></table></div>\n'


def _image(block: Block) -> str:
    """The chart: a picture whose text alternative says what it shows and its figures; then the days' values as
    a table, folded away for those who don't need it."""
    esc = html.escape
    data = base64.b64encode(block.png).decode("ascii")
    alt = block.caption or _("A chart")
    out = f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt, quote=True)}">'
    if block.caption:
        out += f'<figcaption aria-hidden="true">{esc(block.caption)}</figcaption>'
    out += "</figure>\n"
    if block.rows:
        summary = esc(_("The days in figures"))
        out += f"<details><summary>{summary}</summary>\n" + _table(Block("table", header=block.header, rows=block.rows))
        out += "</details>\n"
    return out


def _block(block: Block) -> str:
    esc = html.escape
    if block.kind == "paragraph":
        return _paragraphs(block.text)
    if block.kind == "subheading":
        return f"<h3>{esc(block.text)}</h3>\n"
    if block.kind == "bullets":
        return "<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>\n"
    if block.kind == "strip":
        cells = "".join(
            f'<li><span class="label">{esc(label)}</span> <span class="figure">{esc(figure)}</span> '
            f'<span class="words">{esc(words)}</span></li>'
            for label, figure, words in block.rows
        )
        return f'<ul class="figures">{cells}</ul>\n'
    if block.kind == "table":
        return _table(block)
    if block.kind == "image" and block.png:
        return _image(block)
    return ""


def html_bytes(doc: ExportDocument) -> bytes:
    """The document as one web page, in the language the app speaks now."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{esc(language())}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{esc(doc.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n",
        f"<h1>{esc(doc.title)}</h1>\n",
    ]
    if doc.header:
        rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>\n' for k, v in doc.header)
        parts.append(f'<table class="about"><tbody>\n{rows}</tbody></table>\n')
    parts += [f'<p class="note">{esc(n)}</p>\n' for n in doc.notes]
    for section in doc.sections:
        if section.heading:
            parts.append(f"<h2>{esc(section.heading)}</h2>\n")
        parts += [_block(block) for block in section.blocks]
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts).encode("utf-8")


class _Inert(HTMLParser):
    """Finds what would run or load: a script, an `on…` attribute, a source or link that isn't the page's own."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "link", "base", "form"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (name in ("src", "href", "srcset", "action") and
                                         not (value or "").startswith("data:image/png;base64,")):  # fmt: skip
                self.found.append(f"{tag} {name}")


def check_html(data: bytes) -> None:
    """A whole page, and nothing in it that runs or loads from elsewhere (ValueError if not; not shown)."""
    text = data.decode("utf-8")
    if not text.startswith("<!DOCTYPE html>") or not text.rstrip().endswith("</html>"):
        raise ValueError("not a whole page")
    parser = _Inert()
    parser.feed(text)
    if parser.found:
        raise ValueError(f"something in it would run or load: {parser.found}")
