"""Small known worlds for the extract tests: rows written straight into the log tables.

Times are given as local Stockholm wall times (``local("2026-10-03 08:15")``) and stored as UTC.
All personnummer are made up (valid check digits from ``with_check_digit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import count
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert

from loggutdrag.domain.personnummer import with_check_digit
from loggutdrag.store.tables import (
    alarm_calls,
    alarms,
    cameras,
    lock_events,
    locks,
    lookins,
    providers,
    recipients,
    staff,
    supervision_orders,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_ids = count(1)

PNR_ASTRID = with_check_digit("19400101123")  # Astrid Ärlig
PNR_GORAN = with_check_digit("19380512234")  # Göran Öst
PNR_KARIN = with_check_digit("19450923345")  # Karin Åberg (other provider)


def local(text: str, fold: int = 0) -> datetime:
    """A local Stockholm wall time as an aware datetime (``fold=1``: the second 02:30)."""
    naive = datetime.fromisoformat(text)
    return naive.replace(tzinfo=STOCKHOLM, fold=fold)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class World:
    connection: Connection
    provider_ids: dict[str, int]
    recipient_ids: dict[str, int]
    staff_ids: dict[str, int]
    lock_ids: dict[str, int]
    camera_ids: dict[str, int]
    order_ids: dict[str, int]

    def _id(self) -> str:
        return f"X{next(_ids)}"

    def provider(self, code: str, name: str, email: str | None = None) -> int:
        result = self.connection.execute(
            insert(providers)
            .values(code=code, name=name, contact_email=email)
            .returning(providers.c.id)
        )
        self.provider_ids[code] = int(result.scalar_one())
        return self.provider_ids[code]

    def recipient(
        self,
        personnummer: str,
        name: str,
        street: str = "Storgatan 1",
        postcode: str = "582 22",
        city: str = "Linköping",
        *,
        protected: bool = False,
    ) -> int:
        result = self.connection.execute(
            insert(recipients)
            .values(
                personnummer=personnummer,
                name=name,
                street=street,
                postcode=postcode,
                city=city,
                protected_identity=protected,
            )
            .returning(recipients.c.id)
        )
        self.recipient_ids[personnummer] = int(result.scalar_one())
        return self.recipient_ids[personnummer]

    def staff_member(self, username: str, name: str, provider: str) -> int:
        result = self.connection.execute(
            insert(staff)
            .values(username=username, name=name, provider_id=self.provider_ids[provider])
            .returning(staff.c.id)
        )
        self.staff_ids[username] = int(result.scalar_one())
        return self.staff_ids[username]

    def lock(self, lock_id: str, personnummer: str) -> int:
        result = self.connection.execute(
            insert(locks)
            .values(external_id=lock_id, recipient_id=self.recipient_ids[personnummer])
            .returning(locks.c.id)
        )
        self.lock_ids[lock_id] = int(result.scalar_one())
        return self.lock_ids[lock_id]

    def lock_event(
        self,
        at: datetime,
        lock_id: str,
        event: str,
        *,
        username: str | None,
        provider: str | None,
        method: str = "app",
        personnummer: str | None = None,
    ) -> None:
        lock_db_id = self.lock_ids[lock_id]
        self.connection.execute(
            insert(lock_events).values(
                external_id=self._id(),
                occurred_at=at,
                lock_id=lock_db_id,
                recipient_id=self.recipient_ids[personnummer] if personnummer else None,
                provider_id=self.provider_ids[provider] if provider else None,
                staff_id=self.staff_ids[username] if username else None,
                event=event,
                method=method,
            )
        )

    def alarm(  # noqa: PLR0917 - a factory call reads as one row of log data
        self,
        alarm_id: str,
        alarm_type: str,
        provider: str,
        personnummer: str | None,
        active_from: date,
        active_to: date | None = None,
        address: str | None = None,
    ) -> None:
        self.connection.execute(
            insert(alarms).values(
                external_id=alarm_id,
                alarm_type=alarm_type,
                provider_id=self.provider_ids[provider],
                recipient_id=self.recipient_ids[personnummer] if personnummer else None,
                address=address,
                active_from=active_from,
                active_to=active_to,
            )
        )

    def call(
        self,
        call_id: str,
        personnummer: str,
        provider: str,
        triggered: datetime,
        *,
        answered: datetime | None = None,
        escalated: bool = False,
        escalated_at: datetime | None = None,
        acknowledged: datetime | None = None,
        arrived: datetime | None = None,
        closed: datetime | None = None,
        reason: str | None = "Fall",
        operator: str = "Operatör Olle",
    ) -> None:
        self.connection.execute(
            insert(alarm_calls).values(
                external_id=call_id,
                recipient_id=self.recipient_ids[personnummer],
                provider_id=self.provider_ids[provider],
                triggered_at=triggered,
                answered_at=answered,
                operator=operator,
                reason=reason,
                escalated=escalated,
                escalated_at=escalated_at,
                escalated_to=provider if escalated else None,
                acknowledged_at=acknowledged,
                arrived_at=arrived,
                closed_at=closed,
            )
        )

    def camera(self, serial: str, personnummer: str) -> int:
        result = self.connection.execute(
            insert(cameras)
            .values(serial=serial, recipient_id=self.recipient_ids[personnummer])
            .returning(cameras.c.id)
        )
        self.camera_ids[serial] = int(result.scalar_one())
        return self.camera_ids[serial]

    def order(  # noqa: PLR0917 - a factory call reads as one row of log data
        self,
        order_id: str,
        personnummer: str,
        serial: str,
        provider: str,
        planned_time: str,
        valid_from: date,
        valid_to: date | None = None,
        weekdays: str = "1234567",
    ) -> int:
        result = self.connection.execute(
            insert(supervision_orders)
            .values(
                external_id=order_id,
                recipient_id=self.recipient_ids[personnummer],
                camera_id=self.camera_ids[serial],
                provider_id=self.provider_ids[provider],
                planned_time=planned_time,
                weekdays=weekdays,
                valid_from=valid_from,
                valid_to=valid_to,
            )
            .returning(supervision_orders.c.id)
        )
        self.order_ids[order_id] = int(result.scalar_one())
        return self.order_ids[order_id]

    def lookin(  # noqa: PLR0917 - a factory call reads as one row of log data
        self,
        lookin_id: str,
        order_id: str | None,
        serial: str,
        personnummer: str,
        provider: str,
        planned: datetime,
        performed: datetime | None,
        outcome: str,
        action: str = "none",
        action_at: datetime | None = None,
        operator: str | None = "Operatör Olle",
    ) -> None:
        self.connection.execute(
            insert(lookins).values(
                external_id=lookin_id,
                order_id=self.order_ids[order_id] if order_id else None,
                camera_id=self.camera_ids[serial],
                recipient_id=self.recipient_ids[personnummer],
                provider_id=self.provider_ids[provider],
                planned_at=planned,
                performed_at=performed,
                operator=operator,
                outcome=outcome,
                action=action,
                action_at=action_at,
            )
        )


def world(connection: Connection) -> World:
    return World(connection, {}, {}, {}, {}, {}, {})


def basic_people(w: World) -> None:
    """Two providers, three recipients, three staff members."""
    w.provider("VAST", "Hemtjänst Väst AB", "vast@example.se")
    w.provider("OST", "Omsorg Öst", None)
    w.recipient(PNR_ASTRID, "Astrid Ärlig", "Ågatan 3", "582 22", "Linköping")
    w.recipient(PNR_GORAN, "Göran Öst", "Östgötagatan 9", "582 30", "Linköping")
    w.recipient(PNR_KARIN, "Karin Åberg", "Bokgatan 1", "582 40", "Linköping", protected=True)
    w.staff_member("anna.v", "Anna Väst", "VAST")
    w.staff_member("bo.v", "Bo Ström", "VAST")
    w.staff_member("cia.o", "Cia Öberg", "OST")


# --- requests (contract 2) about the people above -------------------------------------------------

RECEIVED = "2026-11-02T10:00:00+01:00"  # a Monday
VAST_MANAGER_REQUESTER = {
    "category": "provider",
    "name": "Vera Chef",
    "role": "manager",
    "organisation": "Hemtjänst Väst AB",
    "channel": "service_desk",
}


def lock_log_request(**extra: object) -> dict[str, object]:
    """Vera, VAST's manager, asks for Astrid's lock log of October 2026."""
    data: dict[str, object] = {
        "kind": "lock_log",
        "scope": "recipient",
        "provider": "VAST",
        "requester": dict(VAST_MANAGER_REQUESTER),
        "reason": "Anhörig undrar om kvällsbesöken blev av",
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "recipient": {"name": "Astrid Ärlig", "personnummer": PNR_ASTRID},
        "received_at": RECEIVED,
    }
    data.update(extra)
    return data


def recipient_own_request(method: str = "in_person", **extra: object) -> dict[str, object]:
    """Astrid asks for her own lock log."""
    data: dict[str, object] = {
        "kind": "lock_log",
        "scope": "recipient",
        "requester": {"category": "recipient", "name": "Astrid Ärlig", "channel": "in_person"},
        "reason": "Vill se vem som varit hemma hos mig",
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "recipient": {"name": "Astrid Ärlig", "personnummer": PNR_ASTRID},
        "delivery": {"method": method},
        "received_at": RECEIVED,
    }
    data.update(extra)
    return data


def third_party_request(**extra: object) -> dict[str, object]:
    """Astrid's son asks through an administration representative; registered mail."""
    data: dict[str, object] = {
        "kind": "lock_log",
        "scope": "recipient",
        "requester": {
            "category": "third_party",
            "name": "Olle Ärlig",
            "organisation": "son",
            "channel": "administration_representative",
        },
        "reason": "Oro för att hemtjänsten inte kommer",
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "recipient": {"name": "Astrid Ärlig", "personnummer": PNR_ASTRID},
        "consent": {
            "kind": "written_consent",
            "held_by": "administration",
            "diary_number": "VÄN 2026-412",
        },
        "delivery": {
            "method": "registered_mail",
            "address": {
                "name": "Olle Ärlig",
                "street": "Åsgränd 7",
                "postcode": "582 46",
                "city": "Linköping",
            },
        },
        "received_at": RECEIVED,
    }
    data.update(extra)
    return data


def astrid_lock_world(connection: Connection) -> World:
    """The people above, Astrid's lock and four October events by VAST staff."""
    w = world(connection)
    basic_people(w)
    w.lock("L-A", PNR_ASTRID)
    for when, event in (
        ("2026-10-01 07:55", "unlock"),
        ("2026-10-01 08:20", "lock"),
        ("2026-10-25 02:30", "unlock"),
        ("2026-10-31 21:00", "denied"),
    ):
        w.lock_event(
            local(when), "L-A", event, username="anna.v", provider="VAST", personnummer=PNR_ASTRID
        )
    return w
