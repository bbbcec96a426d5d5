"""Short PDF documents (letters, receipts, forms, lists) on A4 portrait with embedded fonts.

The fonts are the TrueType Bitstream Vera that ships inside reportlab, embedded so å, ä and ö
render in every reader. Every page carries the marking (when given) and "Sida x av y".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FONT = "LoggutdragLetter"
BOLD = "LoggutdragLetter-Bold"
_FONT_DIR = Path(reportlab.__file__).parent / "fonts"

ORGANISATION = "Vård- och omsorgsförvaltningen"
TEAM = "Välfärdsteknikteamet"
CONFIDENTIAL = "Sekretess – innehåller personuppgifter"


@lru_cache(maxsize=1)
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(_FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "VeraBd.ttf")))


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=6)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=10
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=11,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0),
        "cellbold": ParagraphStyle(
            "cellbold", parent=body, fontName=BOLD, fontSize=9, leading=11, spaceAfter=0
        ),
    }


def escape(text: str) -> str:
    """Text for a Paragraph (which reads a little markup)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def field_table(rows: Sequence[tuple[str, str]], label_width: float = 55 * mm) -> Table:
    s = styles()
    data = [
        [Paragraph(escape(label), s["cellbold"]), Paragraph(escape(value), s["cell"])]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, 170 * mm - label_width])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    )
    return table


def grid_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Table:
    s = styles()
    data = [[Paragraph(escape(h), s["cellbold"]) for h in header]]
    data += [[Paragraph(escape(v), s["cell"]) for v in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def signature_block(labels: Sequence[str]) -> Flowable:
    """Lines to sign on: a signature and a printed name under each label.

    The two lines of a label stand apart (a gap column between them), and each label after the
    first starts a little lower, so no line runs into the next.
    """
    s = styles()
    gap = ""  # the empty middle column keeps the two lines apart
    cells: list[list[Any]] = []
    for label in labels:
        cells.append([Paragraph(escape(label), s["cellbold"]), gap, ""])
        cells.append(["", gap, ""])
        cells.append(
            [Paragraph("Namnteckning", s["small"]), gap, Paragraph("Namnförtydligande", s["small"])]
        )
        cells.append([Paragraph("Ort och datum: ______________________", s["small"]), gap, ""])
    table = Table(cells, colWidths=[78 * mm, 14 * mm, 78 * mm], rowHeights=None)
    style: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for index in range(len(labels)):
        label_row = index * 4
        line_row = label_row + 1
        style += [
            ("LINEBELOW", (0, line_row), (0, line_row), 0.6, colors.black),
            ("LINEBELOW", (2, line_row), (2, line_row), 0.6, colors.black),
            ("TOPPADDING", (0, line_row), (-1, line_row), 26),
        ]
        if index:
            style.append(("TOPPADDING", (0, label_row), (-1, label_row), 18))
    table.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 8), table])


def build_pdf(
    story: list[Flowable], *, title: str, marking: str | None = CONFIDENTIAL, reference: str = ""
) -> bytes:
    """Lay ``story`` out on A4; the marking, the reference and "Sida x av y" on every page."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=25 * mm,
        bottomMargin=20 * mm,
        title=title,
        author=TEAM,
    )

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, marking=marking, reference=reference, **kwargs)

    document.build(story, canvasmaker=canvas_maker)
    return buffer.getvalue()


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """Keeps each page until the end, then writes "Sida x av y" on all of them."""

    def __init__(self, *args: Any, marking: str | None, reference: str, **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._marking = marking
        self._reference = reference

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._decorate(count)
            super().showPage()
        super().save()

    def _decorate(self, count: int) -> None:
        width, height = A4
        self.setFont(FONT, 8)
        if self._marking:
            self.setFont(BOLD, 9)
            self.drawString(20 * mm, height - 13 * mm, self._marking)
            self.setFont(FONT, 8)
        self.drawRightString(width - 20 * mm, height - 13 * mm, self._reference)
        self.drawString(20 * mm, 11 * mm, f"{ORGANISATION}, {TEAM}")
        self.drawRightString(width - 20 * mm, 11 * mm, f"Sida {self._pageNumber} av {count}")
