"""The renderers: PDF (marking, header, page x of y, å ä ö, embedded fonts), XLSX and CSV
(formula injection neutralised), JSON (contract 1)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from pypdf import PdfReader

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import (
    Cell,
    CellFormat,
    Column,
    ExtractData,
    ExtractHeader,
    Period,
    Section,
)
from loggutdrag.extracts.render import ExtractFormat, render
from loggutdrag.extracts.render.cells import neutralise

TZ = ZoneInfo("Europe/Stockholm")
COLUMNS = (
    Column("at", "Tidpunkt", CellFormat.DATETIME),
    Column("who", "Personal"),
    Column("event", "Händelse", labels={"unlock": "Upplåst"}),
    Column("minutes", "Minuter", CellFormat.DECIMAL),
    Column("flags", "Avvikelse", labels={"late": "Sen"}),
)
INJECTIONS = ['=HYPERLINK("http://x")', "+46701234567", "-2+3", "@SUM(A1)"]


def _data(rows: list[tuple[Cell, ...]]) -> ExtractData:
    return ExtractData(
        kind=ExtractKind.LOCK_LOG,
        scope=Scope.RECIPIENT,
        period=Period(date(2026, 10, 1), date(2026, 10, 31)),
        subject={"type": "recipient", "name": "Åsa Öhrn", "personnummer": "19400101-1239"},
        subject_text="Brukare: Åsa Öhrn (19400101-1239)",
        summary={"events": len(rows), "per_day": {"2026-10-25": len(rows)}},
        summary_labels={"events": "Händelser totalt", "per_day": "Per dag"},
        columns=COLUMNS,
        rows=rows,
        header=ExtractHeader(
            produced_at=datetime(2026, 11, 2, 9, 30, tzinfo=TZ),
            produced_by="handläggare.åke",
            diary_number="VÄN 2026-042",
            requester="Märta Ärlig, Hemtjänst Väst (utförare)",
            reason="Fallolycka",
        ),
        sections=(Section("extra", "Nätter utan tillsyn", (Column("d", "Datum"),), [("x",)]),),
    )


FIRST = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(TZ)  # 02:30 +02:00
SECOND = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(TZ)  # 02:30 +01:00
ROWS: list[tuple[Cell, ...]] = [
    (FIRST, "Åke Ängström", "unlock", 1.5, ("late",)),
    (SECOND, "Örjan Å", "unlock", None, ()),
    *[(FIRST, value, "unlock", 2.0, ()) for value in INJECTIONS],
]


def test_a_value_a_spreadsheet_would_run_is_neutralised() -> None:
    assert [neutralise(v) for v in INJECTIONS] == [f"'{v}" for v in INJECTIONS]
    assert neutralise("\t=1") == "'\t=1"
    assert neutralise("Anna") == "Anna"
    assert neutralise("") == ""


def test_the_csv_is_utf8_with_bom_semicolons_one_header_and_the_rows() -> None:
    content = render(_data(ROWS), ExtractFormat.CSV)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Tidpunkt", "Personal", "Händelse", "Minuter", "Avvikelse"]
    assert rows[1] == ["2026-10-25 02:30:00 (+02:00)", "Åke Ängström", "Upplåst", "1,5", "Sen"]
    assert rows[2] == ["2026-10-25 02:30:00 (+01:00)", "Örjan Å", "Upplåst", "", ""]
    assert [row[1] for row in rows[3:]] == [f"'{v}" for v in INJECTIONS]
    assert len(rows) == 1 + len(ROWS)


def test_the_xlsx_keeps_injected_text_as_text_and_has_no_formula() -> None:
    content = render(_data(ROWS), ExtractFormat.XLSX)
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Loggposter", "Sammanfattning"]
    sheet = book["Loggposter"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Tidpunkt", "Personal", "Händelse", "Minuter", "Avvikelse"]
    assert values[1] == ["2026-10-25 02:30:00 (+02:00)", "Åke Ängström", "Upplåst", 1.5, "Sen"]
    assert [row[1] for row in values[3:]] == [f"'{v}" for v in INJECTIONS]
    assert len(values) == 1 + len(ROWS)
    formulas = [
        cell.coordinate
        for name in book.sheetnames
        for row in book[name].iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    summary = [c.value for row in book["Sammanfattning"].iter_rows() for c in row]
    assert "Sekretess – innehåller personuppgifter" in summary
    assert "VÄN 2026-042" in summary


def test_the_json_follows_contract_one_with_one_row_per_entry() -> None:
    body = json.loads(render(_data(ROWS), ExtractFormat.JSON))
    assert list(body)[:6] == ["kind", "scope", "period", "subject", "summary", "rows"]
    assert body["period"] == {"start": "2026-10-01", "end": "2026-10-31"}
    assert body["summary"] == {"events": 6, "per_day": {"2026-10-25": 6}}
    assert len(body["rows"]) == 6
    assert body["rows"][0] == {
        "at": "2026-10-25T02:30:00+02:00",
        "who": "Åke Ängström",
        "event": "unlock",
        "minutes": 1.5,
        "flags": ["late"],
    }
    assert body["rows"][1]["at"] == "2026-10-25T02:30:00+01:00"
    assert body["rows"][2]["who"] == INJECTIONS[0]  # JSON is data, not a spreadsheet


def _pdf_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_pdf_has_the_header_the_marking_and_page_numbers_on_every_page() -> None:
    many = [(FIRST + timedelta(minutes=i), "Åke Ängström", "unlock", 1.0, ()) for i in range(300)]
    pages = _pdf_text(render(_data(many), ExtractFormat.PDF))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "Sekretess – innehåller personuppgifter" in text
        assert f"Sida {number} av {len(pages)}" in text
    first = pages[0]
    for expected in (
        "Diarienummer VÄN 2026-042",
        "Typ av utdrag Låslogg, digital nyckelhantering",
        "Period 2026-10-01 – 2026-10-31",
        "Avser Brukare: Åsa Öhrn (19400101-1239)",
        "Begärt av Märta Ärlig, Hemtjänst Väst (utförare)",
        "Framtaget 2026-11-02 09:30",
        "Framtaget av handläggare.åke",
        "Händelser totalt 300",
    ):
        assert expected in first
    assert "Loggposter (300) (forts.)" in pages[1]


def test_the_pdf_embeds_its_fonts_and_shows_the_offset_in_the_repeated_hour() -> None:
    content = render(_data(ROWS[:2]), ExtractFormat.PDF)
    text = "\n".join(_pdf_text(content))
    assert "2026-10-25 02:30:00 (+02:00) Åke Ängström Upplåst 1,5 Sen" in text
    assert "2026-10-25 02:30:00 (+01:00) Örjan Å Upplåst" in text
    reader = PdfReader(io.BytesIO(content))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
        embedded.append(descriptor is not None and "/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)


def test_an_extract_without_entries_says_so() -> None:
    text = "\n".join(_pdf_text(render(_data([]), ExtractFormat.PDF)))
    assert "Loggposter (0)" in text
    assert "Inga loggposter finns för perioden." in text
