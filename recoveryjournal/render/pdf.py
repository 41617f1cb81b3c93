"""One rendering path: an ExportDocument becomes a QTextDocument, laid out once per page, then painted to a
PDF, a printer, or preview images: the same drawing call for all three."""

from __future__ import annotations

import html
import io
import os

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from recoveryjournal import APP_NAME
from recoveryjournal.i18n import _, day, language
from recoveryjournal.services.export_document import Block, ExportDocument

_CARD_MM = QSizeF(85.6, 53.98)  # a bank card: fits a wallet


def page_size(doc: ExportDocument) -> QPageSize:
    """A4, or Letter where the locale uses it; a bank-card size for wallet cards."""
    if doc.page == "card":
        return QPageSize(_CARD_MM, QPageSize.Unit.Millimeter, _("Wallet card"))
    letter = QLocale().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada)
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


#: A paragraph longer than this is laid out as several blocks, one after another with no gap between them: Qt
#: walks every line of a block to draw each page of it, so one pasted note of megabytes took minutes.
LONGEST_BLOCK = 3000


def _paragraph_html(text: str) -> str:
    """A paragraph; a very long one in pieces that read as one (cut at its own line breaks where it has them)."""
    esc = html.escape
    pieces = _pieces(text)
    if len(pieces) == 1:
        return "<p>" + esc(text).replace("\n", "<br>") + "</p>"
    styles = ["margin-bottom:0"] + ["margin-top:0; margin-bottom:0"] * (len(pieces) - 2) + ["margin-top:0"]
    return "".join(f"<p style='{style}'>" + esc(piece).replace("\n", "<br>") + "</p>"
                   for style, piece in zip(styles, pieces, strict=True))  # fmt: skip


def _pieces(text: str) -> list[str]:
    """`text` cut into pieces of at most about LONGEST_BLOCK characters: at line breaks, else after a sentence or
    a word (a line break between two pieces is the one the text had, and is not kept twice)."""
    if len(text) <= LONGEST_BLOCK:
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > LONGEST_BLOCK:
            cut = max(line.rfind(". ", 0, LONGEST_BLOCK) + 1, line.rfind(" ", 0, LONGEST_BLOCK))
            cut = cut if cut > LONGEST_BLOCK // 2 else LONGEST_BLOCK
            head, line = line[:cut], line[cut:].lstrip(" ")
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + len(line) > LONGEST_BLOCK:
            pieces.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current or not pieces:
        pieces.append(current)
    return pieces


def _block_html(block: Block, index: int, image_width: int) -> str:
    esc = html.escape
    if block.kind == "paragraph":
        return _paragraph_html(block.text)
    if block.kind == "subheading":
        return f"<h3>{esc(block.text)}</h3>"
    if block.kind == "bullets":
        return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>"
    if block.kind == "strip":
        cells = "".join(
            f"<td bgcolor='#eef3f8' width='{100 // max(len(block.rows), 1)}%'><p class='label'>{esc(label)}</p>"
            f"<p class='figure'>{esc(figure)}</p><p class='words'>{esc(words)}</p></td>"
            for label, figure, words in block.rows
        )
        return f"<table border='0' cellspacing='4' cellpadding='6' width='100%'><tr>{cells}</tr></table>"
    if block.kind == "table":
        width = max((len(r) for r in block.rows), default=1)
        # A <thead> row is repeated by Qt at the top of every page the table runs onto.
        carried = (f"<thead><tr><th colspan='{width}' align='left' class='carried'>{esc(block.carried)}</th></tr>"
                   "</thead>") if block.carried else ""  # fmt: skip
        head = "".join(f"<th align='left'>{esc(h)}</th>" for h in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r).replace("<td>", "<td class='key'>", 1) + "</tr>"
            if not any(block.header) and len(r) == 2
            else "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>"
            for r in block.rows
        )
        head_row = f"<tr>{head}</tr>" if any(block.header) else ""
        return f"<table border='0' cellspacing='0' cellpadding='4' width='100%'>{carried}{head_row}{rows}</table>"
    if block.kind == "image":
        caption = f"<p class='caption'>{esc(block.caption)}</p>" if block.caption else ""
        return f"<p><img src='image://{index}' width='{image_width}'></p>{caption}"
    return ""


def _header_html(doc: ExportDocument) -> str:
    """Page 1's header: whose it is, for whom, what period, when made; then the plain lines."""
    esc = html.escape
    rows = "".join(f"<tr><td class='key'>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in doc.header)
    notes = "".join(f"<p class='note'>{esc(n)}</p>" for n in doc.notes)
    return f"<table border='0' cellspacing='0' cellpadding='2'>{rows}</table>{notes}<hr>"


_PAGE_STYLE = (
    "body { font-size: 11pt; } h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 16px; } "
    "h3 { font-size: 11.5pt; margin-top: 10px; margin-bottom: 2px; } th { border-bottom: 1px solid #999; } "
    "td.key { font-weight: bold; padding-right: 12px; } th.carried { font-size: 11.5pt; border-bottom: 0; } "
    "p.note { color: #333; margin-top: 2px; margin-bottom: 2px; } p.caption { font-size: 9pt; color: #333; } "
    "p.label { font-size: 9pt; font-weight: bold; margin: 0; } p.figure { font-size: 15pt; margin: 0; } "
    "p.words { font-size: 9pt; margin: 0; }"
)


def to_text_document(doc: ExportDocument, image_width: int = 600) -> QTextDocument:
    """The document as Qt lays it out for pages: the single source for preview, print and PDF."""
    text = QTextDocument()
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    card = doc.page == "card"
    parts = [f"<h1>{html.escape(doc.title)}</h1>"]
    byline = day(doc.date) + (f" · {html.escape(doc.author)}" if doc.author else "")
    if doc.header or doc.notes:
        parts.append(_header_html(doc))
    elif not card:
        parts.append(f"<p style='color:#555'>{byline}</p>")
    index = 0
    for section in doc.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        for block in section.blocks:
            if block.kind == "image":
                text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"image://{index}"),
                                 QImage.fromData(block.png))  # fmt: skip
            parts.append(_block_html(block, index, image_width))
            index += 1
    text.setDefaultStyleSheet("body { font-size: 7pt; } h1 { font-size: 9pt; }" if card else _PAGE_STYLE)
    font = QFont(text.defaultFont())
    font.setPointSizeF(7.5 if card else 11.0)
    text.setDefaultFont(font)
    text.setHtml("".join(parts))
    return text


def _layout(device: QPagedPaintDevice, doc: ExportDocument) -> QPageLayout:
    margin = 4.0 if doc.page == "card" else 18.0
    margins = QMarginsF(margin, margin, margin, margin)
    return QPageLayout(page_size(doc), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


_FOOTER_MM = 9.0  # room under each page's text for "Page 1 of 3"


def lay_out(doc: ExportDocument, device: QPagedPaintDevice) -> tuple[QTextDocument, QRectF]:
    """Give `device` the document's page layout and lay the text out for it; returns (text, one page's area).

    The area leaves room at its foot for the page number (not on a wallet card), and headings are moved to
    the next page rather than left alone at the foot of one."""
    device.setPageLayout(_layout(device, doc))
    dpi = device.logicalDpiX()
    rect = device.pageLayout().paintRectPixels(dpi)
    # <img width> counts in 96-dpi pixels whatever the device, so convert from device pixels first.
    text = to_text_document(doc, image_width=int(rect.width() * 96 / dpi * 0.95))
    text.documentLayout().setPaintDevice(device)  # point sizes become real sizes at the device's resolution
    text.setDocumentMargin(0)
    footer = 0.0 if doc.page == "card" else _FOOTER_MM / 25.4 * dpi
    height = rect.height() - footer
    text.setPageSize(QSizeF(rect.width(), height))
    text.setProperty("footer", footer)
    _keep_headings_with_next(text, height)
    return text, QRectF(0, 0, rect.width(), height)


def _first_line_page(text: QTextDocument, block: QTextBlock, page_height: float) -> int:
    """The page on which the first line of text after `block` ends (blocks Qt lays out with no line, such as
    the one before a table, are passed over)."""
    following = block.next()
    while following.isValid() and following.layout().lineCount() == 0:
        following = following.next()
    if not following.isValid():
        return int(text.documentLayout().blockBoundingRect(block).top() // page_height)
    line = following.layout().lineAt(0)
    bottom = text.documentLayout().blockBoundingRect(following).top() + line.y() + line.height()
    return int((bottom - 0.5) // page_height)


def _keep_headings_with_next(text: QTextDocument, page_height: float) -> None:
    """A heading whose next line falls on the next page starts that page instead (Qt has no "keep with next").

    One heading is moved at a time and the text laid out again (the look then goes on from just before it), so
    a section's heading followed by an item's heading moves with it (the item's heading then needs no break of
    its own)."""
    before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    block = text.begin()
    for _move in range(2000):
        text.pageCount()  # lays the whole text out (Qt otherwise lays out lazily, and unlaid blocks have no lines)
        moved = None
        while block.isValid():
            following = block.next()
            fmt = block.blockFormat()
            if fmt.headingLevel() >= 2 and following.isValid() and not fmt.pageBreakPolicy() & before:
                page = int(text.documentLayout().blockBoundingRect(block).top() // page_height)
                if _first_line_page(text, block, page_height) > page:
                    fmt.setPageBreakPolicy(before)
                    QTextCursor(block).setBlockFormat(fmt)
                    after = following.blockFormat()
                    if after.headingLevel() and after.pageBreakPolicy() & before:
                        after.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                        QTextCursor(following).setBlockFormat(after)
                    moved = block
                    break
            block = following
        if moved is None:
            return
        # Go on from just before the moved heading: what came before it is laid out as it was.
        block = moved.previous() if moved.previous().isValid() else moved


def _paper() -> QPalette:
    """Ink on paper: black text and links, whatever colours the screen's theme uses."""
    palette = QPalette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor("black"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#1a4f8b"))
    return palette


def draw_page(painter: QPainter, text: QTextDocument, area: QRectF, page: int) -> None:
    """Paint one page. The PDF, the printer and the preview all go through here.

    Drawn with a paper palette: QTextDocument would otherwise take its text colour from the app's palette,
    so with a dark theme the pages came out light grey on white. Under the text: "Page 1 of 3".
    """
    clip = QRectF(0, page * area.height(), area.width(), area.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = _paper()
    context.clip = clip
    painter.save()
    painter.translate(0, -page * area.height())
    painter.setClipRect(clip)
    text.documentLayout().draw(painter, context)
    painter.restore()
    footer = text.property("footer")
    if footer:
        _draw_footer(painter, text, QRectF(0, area.height(), area.width(), float(footer)), page)


def _draw_footer(painter: QPainter, text: QTextDocument, room: QRectF, page: int) -> None:
    font = QFont(text.defaultFont())
    font.setPointSizeF(9.0)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    label = _("Page {page} of {pages}").format(page=page + 1, pages=text.pageCount())
    painter.drawText(room, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), label)
    painter.restore()


def paint_pages(doc: ExportDocument, device: QPagedPaintDevice) -> int:
    """Paint every page of `doc` onto a PDF writer or printer; returns the page count."""
    text, area = lay_out(doc, device)
    painter = QPainter(device)
    try:
        for page in range(text.pageCount()):
            if page:
                device.newPage()
            draw_page(painter, text, area, page)
    finally:
        painter.end()
    return text.pageCount()


def preview_images(doc: ExportDocument, width_px: int = 560) -> list[QImage]:
    """The pages exactly as they will be written, as pictures (laid out for a PDF page in memory, never a file)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    text, area = lay_out(doc, writer)
    full = writer.pageLayout().fullRectPixels(writer.resolution())
    margin = writer.pageLayout().paintRectPixels(writer.resolution()).topLeft()
    scale = width_px / full.width()
    images = []
    for page in range(text.pageCount()):
        img = QImage(int(full.width() * scale), int(full.height() * scale), QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        painter = QPainter(img)
        painter.scale(scale, scale)
        painter.translate(margin)
        draw_page(painter, text, area, page)
        painter.end()
        images.append(img)
    del writer
    buffer.close()
    return images


def ensure_gui_application() -> None:
    """Text layout needs a QGuiApplication; the CLI makes a screenless one when none exists."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])  # kept alive by Qt as the application instance


def pdf_bytes(doc: ExportDocument) -> tuple[bytes, int]:
    """The document as a PDF, made in memory (never a file: services.exporter writes it, checked, whole or not
    at all); returns the bytes and the page count. The metadata carries only the title, the name the person
    chose to put on it (or none) and the app's name."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(doc.title)
    writer.setCreator(APP_NAME)
    writer.setAuthor(doc.author)
    writer.setResolution(300)
    pages = paint_pages(doc, writer)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return says_what_it_is(data), pages


def says_what_it_is(data: bytes) -> bytes:
    """The PDF with its language in the catalogue (a screen reader reads it in the right voice) and a viewer
    asked to show its title rather than the file's name. Qt's PDF writer sets neither; pypdf adds them."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer._root_object[NameObject("/Lang")] = TextStringObject(language())
    writer.create_viewer_preferences()[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
