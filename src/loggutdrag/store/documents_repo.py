"""Documents (extracts, letters, receipts, consent forms, dispatch lists) and their deliveries.

Each document keeps its bytes and their SHA-256, so what was delivered can be proved later.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select

from loggutdrag.store.tables import cases, deliveries, documents


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    case_id: int | None
    kind: str
    filename: str
    media_type: str
    size: int
    sha256: str
    created_at: datetime
    created_by: str
    diary_number: str | None
    confidential: bool


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    id: int
    case_id: int
    document_id: int
    method: str
    delivered_at: datetime
    delivered_by: str
    sha256: str
    addressee: dict[str, Any] | None


_INFO_COLUMNS = (
    documents.c.id,
    documents.c.case_id,
    documents.c.kind,
    documents.c.filename,
    documents.c.media_type,
    documents.c.size,
    documents.c.sha256,
    documents.c.created_at,
    documents.c.created_by,
    documents.c.diary_number,
    documents.c.confidential,
)


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def add_document(
    connection: Connection,
    *,
    case_id: int | None,
    kind: str,
    filename: str,
    media_type: str,
    content: bytes,
    created_at: datetime,
    created_by: str,
    diary_number: str | None = None,
    confidential: bool = True,
) -> DocumentInfo:
    digest = sha256_of(content)
    result = connection.execute(
        insert(documents)
        .values(
            case_id=case_id,
            kind=kind,
            filename=filename,
            media_type=media_type,
            size=len(content),
            sha256=digest,
            content=content,
            created_at=created_at,
            created_by=created_by,
            diary_number=diary_number,
            confidential=confidential,
        )
        .returning(documents.c.id)
    )
    document_id = int(result.scalar_one())
    return DocumentInfo(
        document_id,
        case_id,
        kind,
        filename,
        media_type,
        len(content),
        digest,
        created_at,
        created_by,
        diary_number,
        confidential,
    )


def get_document(connection: Connection, document_id: int) -> DocumentInfo | None:
    row = connection.execute(
        select(*_INFO_COLUMNS).where(documents.c.id == document_id)
    ).one_or_none()
    return DocumentInfo(*row) if row else None


def document_content(connection: Connection, document_id: int) -> bytes | None:
    value = connection.execute(
        select(documents.c.content).where(documents.c.id == document_id)
    ).scalar_one_or_none()
    return bytes(value) if value is not None else None


def documents_of_case(connection: Connection, case_id: int) -> list[DocumentInfo]:
    rows = connection.execute(
        select(*_INFO_COLUMNS)
        .where(documents.c.case_id == case_id)
        .order_by(documents.c.created_at, documents.c.id)
    )
    return [DocumentInfo(*row) for row in rows]


def latest_document(connection: Connection, case_id: int, kind: str) -> DocumentInfo | None:
    row = connection.execute(
        select(*_INFO_COLUMNS)
        .where(documents.c.case_id == case_id, documents.c.kind == kind)
        .order_by(documents.c.id.desc())
        .limit(1)
    ).one_or_none()
    return DocumentInfo(*row) if row else None


def add_delivery(
    connection: Connection,
    *,
    case_id: int,
    document_id: int,
    method: str,
    delivered_at: datetime,
    delivered_by: str,
    sha256: str,
    addressee: dict[str, Any] | None,
) -> DeliveryInfo:
    result = connection.execute(
        insert(deliveries)
        .values(
            case_id=case_id,
            document_id=document_id,
            method=method,
            delivered_at=delivered_at,
            delivered_by=delivered_by,
            sha256=sha256,
            addressee=addressee,
        )
        .returning(deliveries.c.id)
    )
    return DeliveryInfo(
        int(result.scalar_one()),
        case_id,
        document_id,
        method,
        delivered_at,
        delivered_by,
        sha256,
        addressee,
    )


_DELIVERY_COLUMNS = (
    deliveries.c.id,
    deliveries.c.case_id,
    deliveries.c.document_id,
    deliveries.c.method,
    deliveries.c.delivered_at,
    deliveries.c.delivered_by,
    deliveries.c.sha256,
    deliveries.c.addressee,
)


def deliveries_of_case(connection: Connection, case_id: int) -> list[DeliveryInfo]:
    rows = connection.execute(
        select(*_DELIVERY_COLUMNS)
        .where(deliveries.c.case_id == case_id)
        .order_by(deliveries.c.delivered_at, deliveries.c.id)
    )
    return [DeliveryInfo(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class DispatchLine:
    diary_number: str
    delivered_at: datetime
    delivered_by: str
    sha256: str
    addressee: dict[str, Any] | None


def registered_mail_on(connection: Connection, day: date, tz: ZoneInfo) -> list[DispatchLine]:
    """Every registered-mail delivery recorded on the local date ``day`` (the mail desk's list)."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    rows = connection.execute(
        select(
            cases.c.diary_number,
            deliveries.c.delivered_at,
            deliveries.c.delivered_by,
            deliveries.c.sha256,
            deliveries.c.addressee,
        )
        .join(cases, cases.c.id == deliveries.c.case_id)
        .where(
            deliveries.c.method == "registered_mail",
            deliveries.c.delivered_at >= start,
            deliveries.c.delivered_at < end,
        )
        .order_by(deliveries.c.delivered_at, deliveries.c.id)
    )
    return [DispatchLine(*row) for row in rows]
