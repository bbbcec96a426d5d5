"""Sign-in: argon2 passwords, lock-out after repeated failures, OpenID accounts, all audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from factories_web import PASSWORD, FixedClock, make_provider, make_user
from loggutdrag.auth.lockout import RateLimiter
from loggutdrag.auth.roles import MappedIdentity
from loggutdrag.domain.actor import CLI_OFFICER
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import users
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError
from loggutdrag.store.tables import audit_events
from loggutdrag.store.tables import users as users_table


def _actions(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(audit_events.c.actor, audit_events.c.action).order_by(audit_events.c.id)
        )
        return [(row.actor, row.action) for row in rows]


def test_an_added_user_signs_in_with_the_password_and_is_audited(
    ctx: AppContext, engine: Engine
) -> None:
    make_provider(engine, "HT01")
    users.add_user(
        ctx,
        username="Chef.Omsorg",
        role=UserRole.PROVIDER_MANAGER,
        password=PASSWORD,
        provider_code="HT01",
        display_name="Chef Omsorg",
        by=CLI_OFFICER,
    )
    signed_in = users.sign_in(ctx, "chef.omsorg", PASSWORD)
    assert signed_in.actor.role is UserRole.PROVIDER_MANAGER
    assert signed_in.actor.provider_code == "HT01"
    with engine.connect() as connection:
        stored = connection.execute(select(users_table.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert _actions(engine) == [("cli", "user_changed"), ("chef.omsorg", "sign_in")]


def test_a_wrong_password_is_refused_with_the_same_words_as_an_unknown_user(
    ctx: AppContext, engine: Engine
) -> None:
    make_user(engine, "handlaggare", UserRole.OFFICER)
    with pytest.raises(users.SignInError) as wrong:
        users.sign_in(ctx, "handlaggare", "fel-lösenord")
    with pytest.raises(users.SignInError) as unknown:
        users.sign_in(ctx, "ingen.alls", "fel-lösenord")
    assert wrong.value.message_sv == unknown.value.message_sv == users.BAD_CREDENTIALS_SV
    assert _actions(engine) == [
        ("handlaggare", "sign_in_failed"),
        ("ingen.alls", "sign_in_failed"),
    ]


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    ctx: AppContext, engine: Engine
) -> None:
    clock = FixedClock()
    ctx.clock = clock
    make_user(engine, "handlaggare", UserRole.OFFICER)
    for _ in range(ctx.settings.login_max_failures):
        with pytest.raises(users.SignInError):
            users.sign_in(ctx, "handlaggare", "fel-lösenord")
    with pytest.raises(users.SignInError, match="låst"):
        users.sign_in(ctx, "handlaggare", PASSWORD)
    clock.now += timedelta(minutes=ctx.settings.login_lockout_minutes, seconds=1)
    assert users.sign_in(ctx, "handlaggare", PASSWORD).actor.username == "handlaggare"


def test_a_successful_sign_in_resets_the_failure_count(ctx: AppContext, engine: Engine) -> None:
    make_user(engine, "handlaggare", UserRole.OFFICER)
    for _ in range(ctx.settings.login_max_failures - 1):
        with pytest.raises(users.SignInError):
            users.sign_in(ctx, "handlaggare", "fel-lösenord")
    users.sign_in(ctx, "handlaggare", PASSWORD)
    with pytest.raises(users.SignInError, match="Fel användarnamn"):
        users.sign_in(ctx, "handlaggare", "fel-lösenord")  # one failure, not the locking one


def test_a_switched_off_account_cannot_sign_in(ctx: AppContext, engine: Engine) -> None:
    make_user(engine, "gammal", UserRole.OFFICER, active=False)
    with pytest.raises(users.SignInError):
        users.sign_in(ctx, "gammal", PASSWORD)


def test_one_address_trying_too_often_is_slowed_down(ctx: AppContext, engine: Engine) -> None:
    make_user(engine, "handlaggare", UserRole.OFFICER)
    limiter = RateLimiter(2)
    for _ in range(2):
        with pytest.raises(users.SignInError):
            users.sign_in(ctx, "x", "y", client="a", limiter=limiter)
    with pytest.raises(users.TooManyAttemptsError):
        users.sign_in(ctx, "handlaggare", PASSWORD, client="a", limiter=limiter)


@pytest.mark.parametrize(
    ("role", "provider", "message"),
    [
        (UserRole.PROVIDER_STAFF, None, "måste ha --provider"),
        (UserRole.OFFICER, "HT01", "bara utförarens"),
        (UserRole.PROVIDER_STAFF, "FINNS_EJ", "finns inte"),
    ],
)
def test_provider_roles_and_only_they_belong_to_an_existing_provider(
    ctx: AppContext, engine: Engine, role: UserRole, provider: str | None, message: str
) -> None:
    make_provider(engine, "HT01")
    with pytest.raises(BadInputError, match=message):
        users.add_user(
            ctx, username="ny", role=role, password=PASSWORD, provider_code=provider, by=CLI_OFFICER
        )


def test_a_short_password_is_refused(ctx: AppContext) -> None:
    with pytest.raises(BadInputError, match="minst"):
        users.add_user(ctx, username="ny", role=UserRole.OFFICER, password="kort", by=CLI_OFFICER)


def test_an_openid_identity_gets_an_account_without_password(
    ctx: AppContext, engine: Engine
) -> None:
    make_provider(engine, "HT04")
    identity = MappedIdentity("p.ersson", "P Ersson", UserRole.PROVIDER_STAFF, "HT04")
    first = users.sign_in_identity(ctx, identity)
    again = users.sign_in_identity(
        ctx, MappedIdentity("p.ersson", "P Ersson", UserRole.PROVIDER_MANAGER, "HT04")
    )
    assert first.user_id == again.user_id
    account = users.signed_in_account(ctx, again.user_id)
    assert account is not None
    assert account.role is UserRole.PROVIDER_MANAGER  # the identity provider's word is current
    assert account.password_hash is None
    with pytest.raises(users.SignInError):
        users.sign_in(ctx, "p.ersson", "")  # no password sign-in for such an account
