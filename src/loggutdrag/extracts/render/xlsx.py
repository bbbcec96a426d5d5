"""The extract as XLSX (XlsxWriter, constant memory, strings never turned into formulas).

Sheet 1 "Loggposter": one header line, then one row per log entry (as in the CSV).
Sheet 2 "Sammanfattning": the marking, the header fields, the summary and any extra tables.
Every printed page carries the confidentiality marking and "Sida x av y".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import xlsxwriter

from loggutdrag.domain.extract import Cell, CellFormat, Column, ExtractData
from loggutdrag.extracts.render.cells import neutralise, summary_text, text_of
from loggutdrag.extracts.render.texts import CONFIDENTIAL, header_fields, local_text

_WIDTHS = {
    CellFormat.DATETIME: 26,
    CellFormat.DATETIME_MINUTES: 23,
    CellFormat.DATE: 12,
    CellFormat.INTEGER: 10,
    CellFormat.DECIMAL: 10,
}


def render_xlsx(data: ExtractData) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    workbook.set_properties(
        {"title": f"Loggutdrag {data.header.diary_number or ''}".strip(), "comments": CONFIDENTIAL}
    )
    bold = workbook.add_format({"bold": True})
    heading = workbook.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
    _rows_sheet(workbook, data, heading)
    _summary_sheet(workbook, data, bold, heading)
    workbook.close()
    return buffer.getvalue()


def _page_setup(sheet: Any, data: ExtractData) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_header(f'&L&"-,Bold"{CONFIDENTIAL}&R{data.header.diary_number or ""}')
    sheet.set_footer("&LFramtaget " + local_text(data) + "&RSida &P av &N")


def _write(sheet: Any, row: int, col: int, value: Cell, column: Column) -> None:
    if value is None:
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, neutralise(text_of(value, column)))


def _cell_writer(sheet: Any, column: Column) -> Callable[[int, int, Cell], None]:
    """A writer for one column's values, chosen once (the rows loop is the hot path).

    XlsxWriter's public ``write_string``/``write_number`` only add A1-notation parsing in front of
    ``_write_string``/``_write_number``; the rows are addressed by number, so those are called
    directly when this XlsxWriter has them (a tenth of the rendering time for 10,000 rows).
    """
    write_string = getattr(sheet, "_write_string", sheet.write_string)
    write_number = getattr(sheet, "_write_number", sheet.write_number)
    if column.format in (CellFormat.DATETIME, CellFormat.DATETIME_MINUTES, CellFormat.DATE):
        # Times and dates are formatted by us, start with a digit and need no neutralising.
        def write_time(row: int, col: int, value: Cell) -> None:
            if value is not None:
                write_string(row, col, text_of(value, column))

        return write_time

    def write_any(row: int, col: int, value: Cell) -> None:
        if value is None:
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            write_number(row, col, value)
        else:
            write_string(row, col, neutralise(text_of(value, column)))

    return write_any


def _rows_sheet(workbook: Any, data: ExtractData, heading: Any) -> None:
    sheet = workbook.add_worksheet("Loggposter")
    _page_setup(sheet, data)
    columns = data.columns
    for index, column in enumerate(columns):
        width = _WIDTHS.get(column.format, max(12, int(column.width * 14)))
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    if data.rows:
        sheet.autofilter(0, 0, len(data.rows), len(columns) - 1)
    for index, column in enumerate(columns):
        sheet.write_string(0, index, neutralise(column.label), heading)
    writers = list(enumerate(_cell_writer(sheet, column) for column in columns))
    for row_index, row in enumerate(data.rows, start=1):
        for col_index, write in writers:
            write(row_index, col_index, row[col_index])


def _summary_sheet(workbook: Any, data: ExtractData, bold: Any, heading: Any) -> None:
    sheet = workbook.add_worksheet("Sammanfattning")
    _page_setup(sheet, data)
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 6, 22)
    sheet.write_string(0, 0, CONFIDENTIAL, bold)
    sheet.write_string(1, 0, neutralise(data.title), bold)
    line = 3
    for label, value in header_fields(data):
        sheet.write_string(line, 0, label, bold)
        sheet.write_string(line, 1, neutralise(value))
        line += 1
    line = _scalar_summary(sheet, data, line + 1, bold)
    line = _count_tables(sheet, data, line, heading)
    _sections(sheet, data, line, bold, heading)


def _scalar_summary(sheet: Any, data: ExtractData, line: int, bold: Any) -> int:
    sheet.write_string(line, 0, "Sammanfattning", bold)
    for key, value in data.summary.items():
        if isinstance(value, dict):
            continue
        line += 1
        sheet.write_string(line, 0, data.summary_labels.get(key, key))
        if isinstance(value, int | float):
            sheet.write_number(line, 1, value)
        else:
            sheet.write_string(line, 1, neutralise(summary_text(value)))
    for note in data.notes:
        line += 1
        sheet.write_string(line, 0, neutralise(note))
    return line


def _count_tables(sheet: Any, data: ExtractData, line: int, heading: Any) -> int:
    for key, value in data.summary.items():
        if not isinstance(value, dict):
            continue
        line += 2
        sheet.write_string(line, 0, data.summary_labels.get(key, key), heading)
        sheet.write_string(line, 1, "Antal", heading)
        for name, count in value.items():
            line += 1
            sheet.write_string(line, 0, neutralise(name))
            sheet.write_number(line, 1, count)
    return line


def _sections(sheet: Any, data: ExtractData, line: int, bold: Any, heading: Any) -> None:
    for section in data.sections:
        line += 2
        sheet.write_string(line, 0, f"{section.title} ({len(section.rows)})", bold)
        line += 1
        for index, column in enumerate(section.columns):
            sheet.write_string(line, index, column.label, heading)
        for row in section.rows:
            line += 1
            for index, cell in enumerate(row):
                _write(sheet, line, index, cell, section.columns[index])
