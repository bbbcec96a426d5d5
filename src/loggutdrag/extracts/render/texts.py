"""Texts every rendering of an extract shows: the marking and the header fields, in Swedish."""

from __future__ import annotations

from loggutdrag.domain.extract import ExtractData
from loggutdrag.domain.localtime import format_local

CONFIDENTIAL = "Sekretess – innehåller personuppgifter"


def local_text(data: ExtractData) -> str:
    """When the extract was produced, in the local time the header was given in."""
    return format_local(data.header.produced_at, seconds=False)


def header_fields(data: ExtractData) -> list[tuple[str, str]]:
    """(label, value) pairs of the extract's header, in the order they are printed."""
    header = data.header
    fields = [
        ("Diarienummer", header.diary_number or "–"),
        ("Typ av utdrag", data.title),
        ("Omfattning", data.scope_text),
        ("Period", data.period.text),
        ("Avser", data.subject_text),
        ("Begärt av", header.requester or "–"),
    ]
    if header.reason:
        fields.append(("Orsak / syfte", header.reason))
    fields += [("Framtaget", local_text(data)), ("Framtaget av", header.produced_by)]
    return fields
