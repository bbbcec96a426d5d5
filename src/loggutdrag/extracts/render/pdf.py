"""The extract as PDF: A4 landscape, the header fields on the first page, the confidentiality
marking and "Sida x av y" on every page, the summary, and the log entries in page-sized chunks."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from loggutdrag.domain.extract import ExtractData
from loggutdrag.extracts.render.cells import summary_text, text_of
from loggutdrag.extracts.render.pdfkit import (
    BOLD,
    FONT,
    FOOT_BAND,
    MARGIN,
    Layout,
    TableColumn,
)
from loggutdrag.extracts.render.texts import CONFIDENTIAL, header_fields, local_text


def render_pdf(data: ExtractData) -> bytes:
    layout = Layout()
    layout.text(data.title, bold=True, size=14)
    layout.space(4)
    layout.pairs(header_fields(data))
    layout.space(8)
    layout.text("Sammanfattning", bold=True, size=11)
    layout.pairs(
        [
            (data.summary_labels.get(key, key), summary_text(value))
            for key, value in data.summary.items()
            if not isinstance(value, dict)
        ],
        label_width=260,
    )
    for note in data.notes:
        layout.text(note, size=8)
    layout.space(6)
    for key, value in data.summary.items():
        if isinstance(value, dict):
            layout.table(
                data.summary_labels.get(key, key),
                [TableColumn("", 3.0), TableColumn("Antal", 1.0)],
                [(name, str(count)) for name, count in value.items()],
                size=8,
                width=260,
            )
    for section in data.sections:
        title = f"{section.title} ({len(section.rows)})"
        if section.rows:
            section_cells = [
                [text_of(v, c) for v, c in zip(row, section.columns, strict=True)]
                for row in section.rows
            ]
            layout.table(
                title, [TableColumn(c.label, c.width) for c in section.columns], section_cells
            )
        else:
            layout.text(title, bold=True, size=9.5)
            layout.space(6)
    title = f"Loggposter ({len(data.rows)})"
    if data.rows:
        cells = [
            [text_of(v, c) for v, c in zip(row, data.columns, strict=True)] for row in data.rows
        ]
        layout.table(title, [TableColumn(c.label, c.width) for c in data.columns], cells)
    else:
        layout.text(title, bold=True, size=9.5)
        layout.text("Inga loggposter finns för perioden.", size=9)
    produced = f"Framtaget {local_text(data)} av {data.header.produced_by}"
    reference = " · ".join(filter(None, (data.header.diary_number, data.title)))

    def decorate(canvas: Canvas, number: int, count: int) -> None:
        width, height = layout.pagesize
        top = height - MARGIN
        canvas.setFont(BOLD, 9)
        canvas.drawString(MARGIN, top - 10, CONFIDENTIAL)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(width - MARGIN, top - 10, reference)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 15, width - MARGIN, top - 15)
        bottom = MARGIN + FOOT_BAND - 12
        canvas.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
        canvas.drawString(MARGIN, bottom, produced)
        canvas.drawRightString(width - MARGIN, bottom, f"Sida {number} av {count}")

    return layout.render(
        decorate,
        title=f"Loggutdrag {data.header.diary_number or ''} – {data.title}".strip(),
        author="Välfärdsteknikteamet",
    )
