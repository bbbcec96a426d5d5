"""A small, fast page layout for long tables on A4, drawn straight onto a reportlab canvas.

Platypus tables are slow for tens of thousands of rows; this lays out text blocks and tables
(wrapped cells, header row repeated on every page) in one pass, then draws every page knowing the
page count, so each page can say "Sida x av y". The fonts are TrueType (Bitstream Vera, shipped
inside reportlab) and embedded, so å, ä and ö render everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "LoggutdragSans"
BOLD = "LoggutdragSans-Bold"
_FONT_DIR = Path(reportlab.__file__).parent / "fonts"

MARGIN = 36.0
HEAD_BAND = 24.0  # marking at the top of every page
FOOT_BAND = 22.0  # page numbers at the bottom
CELL_PAD = 1.8
MAX_CELL_LINES = 8


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the embedded TrueType fonts once; returns (regular, bold) names."""
    pdfmetrics.registerFont(TTFont(FONT, str(_FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "VeraBd.ttf")))
    return FONT, BOLD


@lru_cache(maxsize=4)
def _char_widths(font: str) -> dict[str, float]:
    """Advance widths per character at size 1 (looked up once per font)."""
    face = pdfmetrics.getFont(font).face
    default = face.defaultWidth / 1000.0
    widths: dict[str, float] = {}
    for code, width in face.charWidths.items():
        widths[chr(code)] = width / 1000.0
    widths[""] = default
    return widths


def text_width(text: str, font: str, size: float) -> float:
    widths = _char_widths(font)
    default = widths[""]
    return sum(widths.get(ch, default) for ch in text) * size


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy word wrap to ``width`` points; overlong words are broken; at most MAX_CELL_LINES."""
    if not text:
        return [""]
    if len(text) * size * 0.95 <= width or text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        rest = word
        while text_width(rest, font, size) > width and len(rest) > 1:
            cut = len(rest) - 1
            while cut > 1 and text_width(rest[:cut], font, size) > width:
                cut -= 1
            lines.append(rest[:cut])
            rest = rest[cut:]
        current = rest
    lines.append(current)
    if len(lines) > MAX_CELL_LINES:
        lines = [*lines[: MAX_CELL_LINES - 1], lines[MAX_CELL_LINES - 1] + " …"]
    return lines


TextOp = tuple[float, float, str, float, str]  # x, y, font, size, text
RectOp = tuple[float, float, float, float, float]  # x, y, width, height, grey fill


@dataclass
class Page:
    texts: list[TextOp] = field(default_factory=list)
    rects: list[RectOp] = field(default_factory=list)


@dataclass(frozen=True)
class TableColumn:
    label: str
    width: float  # relative


PageDecorator = Callable[[Canvas, int, int], None]


class Layout:
    """Flows text and tables down pages of the given size."""

    def __init__(self, pagesize: tuple[float, float] = landscape(A4)) -> None:
        register_fonts()
        self.width, self.height = pagesize
        self.pagesize = pagesize
        self.left = MARGIN
        self.right = self.width - MARGIN
        self.top = self.height - MARGIN - HEAD_BAND
        self.bottom = MARGIN + FOOT_BAND
        self.pages: list[Page] = []
        self.y = 0.0
        self.new_page()

    @property
    def usable_width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.top

    def ensure(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    def text(self, line: str, *, bold: bool = False, size: float = 9.0, indent: float = 0) -> None:
        font = BOLD if bold else FONT
        leading = size * 1.3
        for part in wrap(line, self.usable_width - indent, font, size):
            self.ensure(leading)
            self.y -= leading
            self.pages[-1].texts.append(
                (self.left + indent, self.y + size * 0.25, font, size, part)
            )

    def pairs(
        self, pairs: Sequence[tuple[str, str]], *, size: float = 9.0, label_width: float = 190
    ) -> None:
        """Label: value lines (the header fields, the summary)."""
        leading = size * 1.3
        value_width = self.usable_width - label_width
        for label, value in pairs:
            lines = wrap(value, value_width, FONT, size)
            self.ensure(leading * len(lines))
            self.pages[-1].texts.append(
                (self.left, self.y - leading + size * 0.25, BOLD, size, label)
            )
            for line in lines:
                self.y -= leading
                self.pages[-1].texts.append(
                    (self.left + label_width, self.y + size * 0.25, FONT, size, line)
                )

    def table(
        self,
        title: str,
        columns: Sequence[TableColumn],
        rows: Sequence[Sequence[str]],
        *,
        size: float = 7.0,
        width: float | None = None,
    ) -> None:
        """A table with its title; split over pages, the header row repeated on each."""
        total = sum(c.width for c in columns) or 1.0
        table_width = width or self.usable_width
        widths = [table_width * c.width / total for c in columns]
        xs = [self.left + sum(widths[:i]) for i in range(len(columns))]
        inner = [w - 2 * CELL_PAD for w in widths]
        leading = size * 1.25
        header_cells = [wrap(c.label, inner[i], BOLD, size) for i, c in enumerate(columns)]
        header_height = max(len(cell) for cell in header_cells) * leading + 2 * CELL_PAD
        title_height = 9.5 * 1.3 + 4

        def start(title_text: str) -> None:
            self.ensure(title_height + header_height + leading + 2 * CELL_PAD)
            self.y -= title_height
            self.pages[-1].texts.append((self.left, self.y + 4, BOLD, 9.5, title_text))
            page = self.pages[-1]
            page.rects.append((self.left, self.y - header_height, table_width, header_height, 0.85))
            for i, cell in enumerate(header_cells):
                for n, line in enumerate(cell):
                    y = self.y - CELL_PAD - (n + 1) * leading + size * 0.25
                    page.texts.append((xs[i] + CELL_PAD, y, BOLD, size, line))
            self.y -= header_height

        start(title)
        font = FONT
        for index, row in enumerate(rows):
            cells = [wrap(value, inner[i], font, size) for i, value in enumerate(row)]
            height = max(len(cell) for cell in cells) * leading + 2 * CELL_PAD
            if self.y - height < self.bottom:
                self.new_page()
                start(f"{title} (forts.)")
            page = self.pages[-1]
            if index % 2:
                page.rects.append((self.left, self.y - height, table_width, height, 0.95))
            base = self.y - CELL_PAD + size * 0.25
            texts = page.texts
            for i, cell in enumerate(cells):
                x = xs[i] + CELL_PAD
                for n, line in enumerate(cell):
                    if line:
                        texts.append((x, base - (n + 1) * leading, font, size, line))
            self.y -= height
        self.y -= 6

    def render(self, decorate: PageDecorator, *, title: str, author: str) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=self.pagesize, pageCompression=1, initialFontName=FONT)
        canvas.setTitle(title)
        canvas.setAuthor(author)
        count = len(self.pages)
        emitter = _TextEmitter(canvas)
        for number, page in enumerate(self.pages, start=1):
            _draw(canvas, page, emitter)
            decorate(canvas, number, count)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()


class _TextEmitter:
    """Writes many positioned strings of TrueType text as one PDF text block.

    reportlab's text object measures every string to move its cursor, which we never use (each
    string gets its own position); this writes the same operators (``Tm``, ``Tf`` per font subset,
    ``Tj``) directly and caches each distinct string's subset encoding. It relies on reportlab's
    TrueType subsetting (``splitString``/``getSubsetInternalName``), as its text object does.
    """

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        self._doc = canvas._doc
        self._fonts: dict[str, Any] = {}
        self._encoded: dict[tuple[str, str], list[tuple[int, str]]] = {}

    def _segments(self, font: str, value: str) -> list[tuple[int, str]]:
        key = (font, value)
        found = self._encoded.get(key)
        if found is None:
            face = self._fonts.get(font)
            if face is None:
                face = self._fonts[font] = pdfmetrics.getFont(font)
            found = [
                (subset, escapePDF(chunk)) for subset, chunk in face.splitString(value, self._doc)
            ]
            self._encoded[key] = found
        return found

    def draw(self, texts: list[TextOp]) -> None:
        parts = ["BT"]
        append = parts.append
        current: tuple[str, float, int] | None = None
        for x, y, font, size, value in texts:
            append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
            for subset, chunk in self._segments(font, value):
                if current != (font, size, subset):
                    name = self._fonts[font].getSubsetInternalName(subset, self._doc)
                    append(f"{name} {size:g} Tf")
                    current = (font, size, subset)
                append(f"({chunk}) Tj")
        append("ET")
        self._canvas._code.append(" ".join(parts))


def _draw(canvas: Canvas, page: Page, emitter: _TextEmitter) -> None:
    for x, y, w, h, grey in page.rects:
        canvas.setFillGray(grey)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
    canvas.setFillGray(0)
    emitter.draw(page.texts)
