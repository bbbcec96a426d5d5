"""Vendor profiles: every shipped profile loads and maps a sample export of its shape."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from factories_import import PNR_A, PNR_B
from loggutdrag.domain.enums import ImportSource
from loggutdrag.sources.normalise import Normaliser
from loggutdrag.sources.profile import ProfileError, all_profiles, find_profile, profile_from_toml
from loggutdrag.sources.readers import open_reader
from loggutdrag.sources.spec import spec_for

PNR_A_DASH = f"{PNR_A[:8]}-{PNR_A[8:]}"
EXTRA = ["Gatuadress", "Postnr", "Ort", "Datum", "Tid"]  # columns read by templates


def wall(*parts: int) -> datetime:
    """A wall-clock time as an Excel cell holds it (no zone)."""
    return datetime(*parts)  # noqa: DTZ001 - Excel cells have no zone


def _xlsx(path: Path, sheet: str, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def _samples(tmp: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    files["larmregister-sv-csv"] = tmp / "reg.csv"
    files["larmregister-sv-csv"].write_text(
        "Larm-ID;Larmtyp;Utförare;Personnummer;Namn;Adress;Aktiv från;Aktiv till\n"
        f"A1;Trygghetslarm;HT01;{PNR_A_DASH};Astrid Berg;"
        "Storgatan 1, 582 22 Linköping;2025-01-01;\n"
        "A2;Personallarm;HT01;;;Personalrum;20250101;31/12/2025\n",
        encoding="utf-8",
    )
    files["larmregister-xlsx"] = _xlsx(
        tmp / "reg.xlsx",
        "Aktiva larm",
        [
            ["Aktiva larm per 2025-02-01"],
            [],
            [
                "Larmnummer",
                "Typ",
                "Verksamhet",
                "Personnr",
                "Brukare",
                "Gatuadress",
                "Postnr",
                "Ort",
                "Startdatum",
                "Slutdatum",
            ],
            [
                "A1",
                "TL",
                "HT01",
                PNR_A_DASH,
                "Astrid Berg",
                "Storgatan 1",
                "582 22",
                "Linköping",
                wall(2025, 1, 1),
                None,
            ],
            [
                "A2",
                "AL",
                "HT01",
                None,
                None,
                None,
                None,
                None,
                wall(2025, 1, 1),
                wall(2025, 12, 31),
            ],
        ],
    )
    files["larmanrop-sv-csv"] = tmp / "calls.csv"
    files["larmanrop-sv-csv"].write_text(
        "Anrops-ID;Larm-ID;Personnummer;Larmtid;Besvarad;Operatör;Orsak;Eskalerad;Eskalerad tid;"
        "Eskalerad till;Kvitterad;Personal på plats;Avslutad;Utförare\n"
        f"C1;A1;{PNR_A};2025-02-01 22:10;01.02.2025 22:11:00;Op 1;Fall;Ja;2025-02-01 22:12;HT01;"
        "2025-02-01 22:13;2025-02-01 22:40;2025-02-01 22:45;HT01\n"
        f"C2;A1;{PNR_A};2025-02-02 08:00;2025-02-02 08:01;Op 2;Falsklarm;Nej;;;;;"
        "2025-02-02 08:02;\n",
        encoding="utf-8",
    )
    files["larmanrop-json"] = tmp / "calls.json"
    calls = [
        {"id": "C1", "alarm": {"id": "A1", "subject": {"ssn": PNR_A}}, "reason": "FALL",
         "times": {"triggered": "2025-02-01T21:10:00Z", "escalated": "2025-02-01T21:12:00Z"},
         "escalation": {"escalated": True, "to": "HT01"}, "operator": {"name": "Op 1"}},
        {"id": "C2", "alarm": {"id": "A1", "subject": {"ssn": PNR_A}}, "reason": "FALSE_ALARM",
         "times": {"triggered": "2025-02-02T07:00:00Z"}, "escalation": {"escalated": False}},
    ]  # fmt: skip
    files["larmanrop-json"].write_text(json.dumps({"export": {"v": 1}, "calls": calls}))
    files["laslogg-sv-csv"] = tmp / "locks.csv"
    files["laslogg-sv-csv"].write_bytes(
        (
            "Händelse-ID;Datum;Tid;Lås;Personnummer;Utförare;Användarnamn;Personal;Händelse;Metod\n"
            f"L1;2025-02-01;08:15;LAS-1;{PNR_A};HT01;asa.o;Åsa Öberg;Upplåst;Mobilapp\n"
            f"L2;2025-02-01;08:40;LAS-1;{PNR_A};HT01;asa.o;Åsa Öberg;Låst;Mobilapp\n"
        ).encode("cp1252")
    )
    files["laslogg-ndjson"] = tmp / "locks.ndjson"
    events = [
        {"eventId": "L1", "timestamp": "2025-02-01T08:15:00+01:00", "lock": {"id": "LAS-1"},
         "resident": {"personalNumber": PNR_A}, "user": {"username": "asa.o", "displayName": "Åsa",
         "organisation": "HT01"}, "type": "UNLOCK", "credential": "app"},
        {"eventId": "L2", "timestamp": "2025-02-01T08:16:00+01:00", "lock": {"id": "LAS-1"},
         "resident": {"personalNumber": PNR_A}, "type": "LOW_BATTERY"},
    ]  # fmt: skip
    files["laslogg-ndjson"].write_text("\n".join(json.dumps(e) for e in events) + "\n")
    files["laslogg-xlsx"] = _xlsx(
        tmp / "locks.xlsx",
        "Händelser",
        [
            [
                "Id",
                "Tidpunkt",
                "Lås",
                "Brukarens personnummer",
                "Organisation",
                "Användare",
                "Namn",
                "Händelse",
                "Sätt",
            ],
            [
                "L1",
                wall(2025, 2, 1, 8, 15),
                "LAS-1",
                PNR_A,
                "HT01",
                "asa.o",
                "Åsa",
                "Upplåst",
                "app",
            ],
            [
                "L2",
                wall(2025, 2, 1, 8, 40),
                "LAS-1",
                PNR_A,
                "HT01",
                "asa.o",
                "Åsa",
                "Nekad",
                "app",
            ],
        ],
    )
    files["tillsynsbestallning-sv-csv"] = tmp / "orders.csv"
    files["tillsynsbestallning-sv-csv"].write_text(
        "Beställnings-ID;Personnummer;Kamerans serienummer;Utförare;Tillsynstid;Veckodagar;"
        "Gäller från;Gäller till\n"
        f"O1;{PNR_A};CAM-1;HT01;22.30;Alla dagar;2025-01-01;\n"
        f"O2;{PNR_B};CAM-2;HT01;03:00;1357;2025-01-01;2025-06-30\n",
        encoding="utf-8",
    )
    files["tillsynsbestallning-xlsx"] = _xlsx(
        tmp / "orders.xlsx",
        "Beställningar",
        [
            [
                "Beställning",
                "Personnr",
                "Serienr",
                "Utförare",
                "Klockslag",
                "Dagar",
                "Från",
                "Till",
            ],
            ["O1", PNR_A, "CAM-1", "HT01", "22:30", None, wall(2025, 1, 1), None],
            ["O2", PNR_B, "CAM-2", "HT01", "03:00", "12345", wall(2025, 1, 1), None],
        ],
    )
    files["tillsyn-sv-csv"] = tmp / "lookins.csv"
    files["tillsyn-sv-csv"].write_text(
        "Tillsyns-ID;Beställnings-ID;Kamera;Personnummer;Planerad tid;Utförd tid;Operatör;"
        "Utfall;Åtgärd;Åtgärd tid\n"
        f"T1;O1;CAM-1;{PNR_A};2025-02-01 22:30;2025-02-01 22:31;Op 1;Ej i säng;Ringt utförare;"
        "2025-02-01 22:33\n"
        f"T2;O1;CAM-1;{PNR_A};2025-02-02 22:30;2025-02-02 22:30;Op 1;I säng;Ingen;\n",
        encoding="utf-8",
    )
    files["tillsyn-json"] = tmp / "lookins.json"
    lookins = [
        {"id": "T1", "orderRef": "O1", "camera": {"serial": "CAM-1", "resident": PNR_A},
         "scheduled": "2025-02-01T21:30:00Z", "performed": "2025-02-01T21:31:00Z",
         "operator": "Op 1",
         "result": "NOT_VISIBLE", "followUp": {"action": "RECHECK", "at": "2025-02-01T21:45:00Z"}},
        {"id": "T2", "orderRef": "O1", "camera": {"serial": "CAM-1", "resident": PNR_A},
         "scheduled": "2025-02-02T21:30:00Z", "result": "MISSED", "followUp": None},
    ]  # fmt: skip
    files["tillsyn-json"].write_text(json.dumps(lookins))
    return files


def test_at_least_two_realistic_profiles_ship_for_every_source() -> None:
    per_source = Counter(profile.source for profile in all_profiles())
    assert all(per_source[source] >= 2 for source in ImportSource), per_source


def test_every_shipped_profile_maps_its_sample_export_without_rejections(tmp_path: Path) -> None:
    samples = _samples(tmp_path)
    assert {p.name for p in all_profiles()} == set(samples)
    for profile in all_profiles():
        reader = open_reader(
            samples[profile.name],
            profile,
            [n for names in profile.columns.values() for n in names]
            + ["Gatuadress", "Postnr", "Ort", "Datum", "Tid"],
        )
        normaliser = Normaliser(spec_for(profile.source), profile, reader.header)
        results = [normaliser.apply(batch) for batch in reader.batches(100)]
        reader.close()
        rejections = [r for _normal, rejected in results for r in rejected]
        assert rejections == [], (profile.name, rejections)
        keys = [key for normal, _ in results for key in normal.keys]
        assert len(keys) == 2, profile.name


def test_sample_values_come_out_as_native_codes(tmp_path: Path) -> None:
    samples = _samples(tmp_path)

    def columns(name: str) -> dict[str, list[object]]:
        profile = find_profile(name, all_profiles_source(name))
        reader = open_reader(
            samples[name],
            profile,
            [n for names in profile.columns.values() for n in names]
            + ["Gatuadress", "Postnr", "Ort", "Datum", "Tid"],
        )
        normal, _ = Normaliser(spec_for(profile.source), profile, reader.header).apply(
            next(reader.batches(100))
        )
        reader.close()
        return normal.columns

    register = columns("larmregister-xlsx")
    assert register["alarm_type"] == ["trygghetslarm", "akutlarm"]
    assert register["address"] == ["Storgatan 1, 582 22 Linköping", None]
    assert register["active_to"] == [None, "2025-12-31"]
    locks = columns("laslogg-sv-csv")
    assert locks["occurred_at"] == ["2025-02-01 07:15:00", "2025-02-01 07:40:00"]
    assert locks["staff_name"] == ["Åsa Öberg", "Åsa Öberg"]
    assert columns("laslogg-ndjson")["event"] == ["unlock", "battery_low"]
    calls = columns("larmanrop-sv-csv")
    assert calls["escalated"] == [True, False]
    assert calls["answered_at"][0] == "2025-02-01 21:11:00"
    assert columns("tillsynsbestallning-sv-csv")["weekdays"] == ["1234567", "1357"]
    assert columns("tillsynsbestallning-xlsx")["weekdays"] == ["1234567", "12345"]
    lookins = columns("tillsyn-json")
    assert lookins["outcome"] == ["not_visible", "not_performed"]
    assert lookins["action"] == ["recheck", "none"]


def all_profiles_source(name: str) -> ImportSource:
    return next(p.source for p in all_profiles() if p.name == name)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('source = "locks"', "source"),
        ('source = "lock-events"\ncolums = {}', "okänd nyckel"),
        ('source = "lock-events"\n[columns]\nevent_id = "Id"', "obligatoriska"),
        ('source = "lock-events"\n[values.event]\n"Öppen" = "open"', "ingen kod"),
        ('source = "lock-events"\n[time]\nzone = "Mars/Olympus"', "tidszon"),
        ('source = "lock-events"\n[time]\nambiguous = "maybe"', "ambiguous"),
        ("source = ", "TOML"),
    ],
)
def test_a_broken_profile_is_refused_with_a_swedish_reason(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        profile_from_toml(text, origin="test.toml", default_name="test")


def test_an_own_profile_overrides_a_shipped_one_and_a_path_works(tmp_path: Path) -> None:
    own = tmp_path / "profiles"
    own.mkdir()
    text = (
        'name = "laslogg-sv-csv"\nsource = "lock-events"\ndescription = "egen"\n'
        '[columns]\nevent_id = "Id"\noccurred_at = "Tid"\nlock_id = "Lås"\nevent = "Typ"\n'
    )
    (own / "min.toml").write_text(text)
    assert find_profile("laslogg-sv-csv", "lock-events", own_dir=own).description == "egen"
    assert find_profile(str(own / "min.toml"), "lock-events").columns["event"] == ("Typ",)
    with pytest.raises(ProfileError, match="gäller"):
        find_profile("laslogg-sv-csv", "alarm-calls", own_dir=own)
    with pytest.raises(ProfileError, match="finns inte"):
        find_profile("ingen-sådan", "alarm-calls")
