"""Small factories for the sign-in, audit and web tests: providers, accounts, a signed-in client."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert, select

from loggutdrag.auth.passwords import hash_password
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.store.tables import lock_events, locks, providers, recipients, staff, users

PASSWORD = "ett-långt-testlösenord"
# One hash for every test account: argon2 is slow on purpose, and tests make many accounts.
_HASH = hash_password(PASSWORD)


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_provider(engine: Engine, code: str = "HT01", name: str = "Hemtjänst Norr") -> int:
    with engine.begin() as connection:
        existing = connection.execute(
            select(providers.c.id).where(providers.c.code == code)
        ).scalar()
        if existing is not None:
            return int(existing)
        result = connection.execute(insert(providers).values(code=code, name=name))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def make_user(
    engine: Engine,
    username: str,
    role: UserRole,
    provider_code: str | None = None,
    *,
    active: bool = True,
) -> int:
    provider_id = make_provider(engine, provider_code) if provider_code else None
    with engine.begin() as connection:
        result = connection.execute(
            insert(users).values(
                username=username,
                display_name=username.replace(".", " ").title(),
                role=str(role),
                provider_id=provider_id,
                password_hash=_HASH,
                active=active,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def token_in(page: str) -> str:
    marker = 'name="csrf_token" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def csrf_of(client: TestClient) -> str:
    """The CSRF token of the client's session, read from a page's form."""
    return token_in(client.get("/logga-in").text)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's new CSRF token."""
    response = client.post(
        "/logga-in",
        data={"username": username, "password": password, "csrf_token": csrf_of(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client)


def web_client(ctx: AppContext) -> TestClient:
    from loggutdrag.web.app import create_app

    return TestClient(create_app(ctx.settings, ctx), base_url="http://testserver")


ROLE_USERS: dict[UserRole, tuple[str, str | None]] = {
    UserRole.OFFICER: ("handlaggare", None),
    UserRole.PROVIDER_MANAGER: ("chef.omsorg", "HT01"),
    UserRole.PROVIDER_STAFF: ("personal.omsorg", "HT01"),
    UserRole.ADMINISTRATION_REPRESENTATIVE: ("vof.rep", None),
    UserRole.ADMIN: ("admin", None),
}
PERSONNUMMER = "194001011230"  # made up (with_check_digit("19400101123"))


def lock_log_order(personnummer: str | None = PERSONNUMMER) -> dict[str, str]:
    """The provider portal's lock-log form, filled in (without the personnummer if None)."""
    form = {
        "scope": "recipient",
        "reason": "Oro för att dörren lämnats olåst efter besök",
        "period.start": "2026-10-01",
        "period.end": "2026-10-31",
        "recipient.name": "Greta Testsson",
    }
    if personnummer is not None:
        form["recipient.personnummer"] = personnummer
    return form


def make_lock_events(engine: Engine, provider_code: str, personnummer: str) -> None:
    """A recipient with a door lock and a few lock events in October 2026 by one staff member."""
    provider_id = make_provider(engine, provider_code)
    with engine.begin() as connection:
        recipient_id = _key(
            connection.execute(
                insert(recipients).values(personnummer=personnummer, name="Greta Testsson")
            ).inserted_primary_key
        )
        staff_id = _key(
            connection.execute(
                insert(staff).values(
                    provider_id=provider_id, username=f"{provider_code.lower()}.anna", name="Anna A"
                )
            ).inserted_primary_key
        )
        lock_id = _key(
            connection.execute(
                insert(locks).values(external_id=f"L-{personnummer}", recipient_id=recipient_id)
            ).inserted_primary_key
        )
        for day in (3, 4, 5):
            for n, event in enumerate(("unlock", "lock")):
                connection.execute(
                    insert(lock_events).values(
                        external_id=f"E-{personnummer}-{day}-{n}",
                        occurred_at=datetime(2026, 10, day, 7 + n, 15, tzinfo=UTC),
                        lock_id=lock_id,
                        recipient_id=recipient_id,
                        provider_id=provider_id,
                        staff_id=staff_id,
                        event=event,
                        method="app",
                    )
                )


def _key(key: object) -> int:
    assert key is not None
    return int(key[0])  # type: ignore[index]


@dataclass
class World:
    ctx: AppContext
    case_id: int
    document_id: int
    clients: dict[UserRole, TestClient]
    tokens: dict[UserRole, str]


def build_world(ctx: AppContext) -> World:
    """Two providers, one account per role (plus HT04's manager), and one delivered lock log
    ordered by HT01's manager."""
    from loggutdrag.domain.actor import Actor
    from loggutdrag.domain.enums import DeliveryMethod
    from loggutdrag.extracts.render import ExtractFormat
    from loggutdrag.services import delivery, extracts, requests

    engine = ctx.engine
    make_provider(engine, "HT01", "Hemtjänst Norr")
    make_provider(engine, "HT04", "Omsorg Privat AB")
    ctx.clock = FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    make_lock_events(engine, "HT01", PERSONNUMMER)
    for role, (username, provider) in ROLE_USERS.items():
        make_user(engine, username, role, provider)
    make_user(engine, "chef.privat", UserRole.PROVIDER_MANAGER, "HT04")
    manager = Actor("chef.omsorg", UserRole.PROVIDER_MANAGER, "HT01")
    officer = Actor("handlaggare", UserRole.OFFICER)
    data = {
        "kind": "lock_log",
        "scope": "recipient",
        "provider": "HT01",
        "requester": {
            "category": "provider",
            "name": "Chef Omsorg",
            "role": "manager",
            "channel": "service_desk",
        },
        "reason": "Oro för att dörren lämnats olåst",
        "period": {"start": "2026-10-01", "end": "2026-10-31"},
        "recipient": {"name": "Greta Testsson", "personnummer": PERSONNUMMER},
        "delivery": {"method": "service_desk"},
    }
    case_id = requests.submit_request(ctx, manager, data).case_id
    extracts.produce_extract(ctx, officer, case_id, ExtractFormat.PDF)
    result = delivery.deliver(ctx, officer, case_id, DeliveryMethod.SERVICE_DESK)
    clients: dict[UserRole, TestClient] = {}
    tokens: dict[UserRole, str] = {}
    for role, (username, _) in ROLE_USERS.items():
        clients[role] = web_client(ctx)
        tokens[role] = sign_in(clients[role], username)
    return World(ctx, case_id, result.extract.id, clients, tokens)
