"""Use cases behind the lists in the web app: the officers' queue, "my cases", search, dashboard."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from loggutdrag.audit.trail import record
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.personnummer import InvalidPersonnummerError, parse_personnummer
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, NotAllowedError
from loggutdrag.store import worklists
from loggutdrag.store.worklists import CaseLine

OFFICERS_ONLY_SV = "Bara välfärdsteknikteamet ser alla ärenden."


def open_queue(ctx: AppContext, actor: Actor) -> list[CaseLine]:
    if not actor.is_officer:
        raise NotAllowedError(OFFICERS_ONLY_SV)
    with ctx.engine.connect() as connection:
        return worklists.open_queue(connection)


def my_cases(ctx: AppContext, actor: Actor) -> list[CaseLine]:
    """A provider's users see their provider's cases; others the cases they registered."""
    with ctx.engine.connect() as connection:
        return worklists.cases_of(
            connection,
            provider_code=actor.provider_code if actor.is_provider else None,
            username=actor.username,
        )


def providers(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.engine.connect() as connection:
        return worklists.provider_codes(connection)


@dataclass(frozen=True)
class CaseSearch:
    diary_number: str | None = None
    personnummer: str | None = None
    provider_code: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.diary_number or self.personnummer or self.provider_code)


def search_cases(ctx: AppContext, actor: Actor, query: CaseSearch) -> list[CaseLine]:
    """Officers search by diary number, personnummer and provider; a search for a person is
    audited with whose data it was (the number itself is not written anywhere else)."""
    if not actor.is_officer:
        raise NotAllowedError(OFFICERS_ONLY_SV)
    if query.is_empty:
        return []
    with ctx.uow() as uow:
        connection = uow.connection
        recipient_id = None
        if query.personnummer:
            try:
                long = parse_personnummer(query.personnummer).long
            except InvalidPersonnummerError as error:
                raise BadInputError(f"personnummer: {error.reason}", field="personnummer") from None
            recipient_id = worklists.recipient_id(connection, long)
        lines: list[CaseLine] = []
        if not (query.personnummer and recipient_id is None):
            lines = worklists.search(
                connection,
                diary_number=(query.diary_number or "").strip() or None,
                recipient_id=recipient_id,
                provider_code=(query.provider_code or "").strip() or None,
            )
        record(
            connection,
            AuditEntry(
                at=ctx.clock(),
                actor=actor.username,
                action=AuditAction.SEARCHED,
                recipient_id=recipient_id,
                details={
                    "diary_number": query.diary_number or None,
                    "by_personnummer": bool(query.personnummer),
                    "provider": query.provider_code or None,
                    "hits": len(lines),
                },
            ),
        )
        uow.commit()
    return lines


@dataclass(frozen=True)
class Dashboard:
    weeks: list[tuple[str, int]]  # ("v. 44", count), oldest first
    delivered: int
    on_time: int

    @property
    def on_time_share(self) -> float | None:
        return None if self.delivered == 0 else self.on_time / self.delivered


def dashboard(ctx: AppContext, actor: Actor, *, weeks: int = 12) -> Dashboard:
    if not actor.is_officer:
        raise NotAllowedError(OFFICERS_ONLY_SV)
    zone = ZoneInfo(ctx.settings.timezone)
    today = ctx.clock().astimezone(zone).date()
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    since = datetime.combine(first_monday, datetime.min.time(), tzinfo=zone)
    with ctx.engine.connect() as connection:
        received = worklists.received_since(connection, since)
        delivered = worklists.delivered_with_due(connection, since)
    per_week = Counter(_monday(at.astimezone(zone).date()) for at in received)
    labels = []
    for index in range(weeks):
        monday = first_monday + timedelta(weeks=index)
        labels.append((f"v. {monday.isocalendar().week}", per_week.get(monday, 0)))
    on_time = sum(1 for d in delivered if d.first_delivered_at.astimezone(zone).date() <= d.due)
    return Dashboard(labels, len(delivered), on_time)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
