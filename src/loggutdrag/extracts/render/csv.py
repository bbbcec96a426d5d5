"""The extract as CSV for Excel: UTF-8 with a byte-order mark, ``;`` between fields, one header
line and then one line per log entry. Values a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io

from loggutdrag.domain.extract import ExtractData
from loggutdrag.extracts.render.cells import neutralise, text_of

BOM = "\ufeff"


def render_csv(data: ExtractData) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    columns = data.columns
    writer.writerow([neutralise(column.label) for column in columns])
    writer.writerows(
        [neutralise(text_of(value, column)) for value, column in zip(row, columns, strict=True)]
        for row in data.rows
    )
    return buffer.getvalue().encode("utf-8")
