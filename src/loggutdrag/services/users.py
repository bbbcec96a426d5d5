"""Use cases of accounts: add a user, sign in (password or OpenID Connect), sign out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection

from loggutdrag.audit.trail import record
from loggutdrag.auth import accounts
from loggutdrag.auth.accounts import Account
from loggutdrag.auth.lockout import RateLimiter, after_failure, is_locked
from loggutdrag.auth.passwords import hash_password, needs_rehash, verify_password
from loggutdrag.auth.roles import PROVIDER_ROLES, MappedIdentity
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction, AuditEntry
from loggutdrag.domain.enums import UserRole
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, ServiceError

MIN_PASSWORD_LENGTH = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,79}$")


@cache
def _dummy_hash() -> str:
    """Verifying against this hash when the user is unknown makes both answers take as long.

    Made on first use, not at import: hashing costs a fifth of a second, which every CLI command
    paid at start-up."""
    return hash_password("no-such-user-dummy-password")


BAD_CREDENTIALS_SV = "Fel användarnamn eller lösenord."
LOCKED_SV = (
    "Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen senare."
)
THROTTLED_SV = "För många inloggningsförsök från din dator. Vänta en minut och försök igen."


class SignInError(ServiceError):
    exit_code = 4
    http_status = 401


class TooManyAttemptsError(ServiceError):
    exit_code = 4
    http_status = 429


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    actor: Actor
    display_name: str


def _audit(
    ctx: AppContext, connection: Connection, actor: str, action: AuditAction, **details: object
) -> None:
    record(
        connection,
        AuditEntry(at=ctx.clock(), actor=actor[:80], action=action, details=dict(details)),
    )


def add_user(
    ctx: AppContext,
    *,
    username: str,
    role: UserRole,
    password: str | None,
    display_name: str | None = None,
    provider_code: str | None = None,
    by: Actor,
) -> int:
    """Create a local account (argon2 hash); provider roles must name an existing provider."""
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise BadInputError(
            "användarnamnet får bara innehålla a–z, 0–9 och . _ @ - (2–80 tecken)", field="username"
        )
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise BadInputError(
            f"lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken", field="password"
        )
    if role in PROVIDER_ROLES and not provider_code:
        raise BadInputError(
            "en utförares chef eller personal måste ha --provider", field="provider"
        )
    if role not in PROVIDER_ROLES and provider_code:
        raise BadInputError(
            "bara utförarens chef och personal hör till en utförare", field="provider"
        )
    with ctx.uow() as uow:
        connection = uow.connection
        if accounts.by_username(connection, username) is not None:
            raise BadInputError(f"användaren {username} finns redan", field="username")
        provider_id = None
        if provider_code:
            provider_id = accounts.provider_id(connection, provider_code)
            if provider_id is None:
                raise BadInputError(f"utföraren {provider_code} finns inte", field="provider")
        user_id = accounts.insert_account(
            connection,
            username=username,
            display_name=(display_name or username).strip()[:200],
            role=role,
            provider_id=provider_id,
            password_hash=hash_password(password) if password is not None else None,
        )
        _audit(
            ctx,
            connection,
            by.username,
            AuditAction.USER_CHANGED,
            change="added",
            user=username,
            role=str(role),
            provider=provider_code,
        )
        uow.commit()
    return user_id


def sign_in(
    ctx: AppContext,
    username: str,
    password: str,
    *,
    client: str = "okänd",
    limiter: RateLimiter | None = None,
) -> SignedIn:
    """Check a password; count failures, lock the account after too many, audit every attempt."""
    username = username.strip().lower()[:80]
    if limiter is not None and not limiter.allow(client):
        raise TooManyAttemptsError(THROTTLED_SV)
    settings = ctx.settings
    now = ctx.clock()
    with ctx.uow() as uow:
        connection = uow.connection
        account = accounts.by_username(connection, username) if username else None
        if account is None or account.password_hash is None:
            verify_password(_dummy_hash(), password)
            _audit(
                ctx, connection, username or "-", AuditAction.SIGN_IN_FAILED, reason="unknown_user"
            )
            uow.commit()
            raise SignInError(BAD_CREDENTIALS_SV)
        if is_locked(account.locked_until, now):
            _audit(ctx, connection, username, AuditAction.SIGN_IN_FAILED, reason="locked")
            uow.commit()
            raise SignInError(LOCKED_SV)
        if not verify_password(account.password_hash, password) or not account.active:
            outcome = after_failure(
                account.failed_logins,
                now,
                max_failures=settings.login_max_failures,
                lockout_minutes=settings.login_lockout_minutes,
            )
            accounts.update_account(
                connection,
                account.id,
                failed_logins=outcome.failed_logins,
                locked_until=outcome.locked_until,
            )
            reason = "inactive" if account.active is False else "bad_password"
            if outcome.locked_until is not None:
                reason = "locked_now"
            _audit(ctx, connection, username, AuditAction.SIGN_IN_FAILED, reason=reason)
            uow.commit()
            raise SignInError(LOCKED_SV if outcome.locked_until is not None else BAD_CREDENTIALS_SV)
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        if needs_rehash(account.password_hash):
            values["password_hash"] = hash_password(password)
        accounts.update_account(connection, account.id, **values)
        _audit(ctx, connection, username, AuditAction.SIGN_IN, method="password")
        uow.commit()
    return SignedIn(account.id, account.actor, account.display_name)


def sign_in_identity(ctx: AppContext, identity: MappedIdentity) -> SignedIn:
    """OpenID Connect: the identity provider vouched for the person; create or update the account.

    The account has no password: it can only sign in through the identity provider.
    """
    with ctx.uow() as uow:
        connection = uow.connection
        provider_id = None
        if identity.provider_code:
            provider_id = accounts.provider_id(connection, identity.provider_code)
            if provider_id is None:
                _audit(
                    ctx,
                    connection,
                    identity.username,
                    AuditAction.SIGN_IN_FAILED,
                    reason="unknown_provider",
                    method="oidc",
                )
                uow.commit()
                raise SignInError(f"utföraren {identity.provider_code} finns inte i Loggutdrag")
        account = accounts.by_username(connection, identity.username)
        if account is None:
            user_id = accounts.insert_account(
                connection,
                username=identity.username,
                display_name=identity.display_name,
                role=identity.role,
                provider_id=provider_id,
                password_hash=None,
            )
        elif not account.active:
            _audit(
                ctx,
                connection,
                identity.username,
                AuditAction.SIGN_IN_FAILED,
                reason="inactive",
                method="oidc",
            )
            uow.commit()
            raise SignInError("kontot är avstängt i Loggutdrag")
        else:
            user_id = account.id
            accounts.update_account(
                connection,
                user_id,
                display_name=identity.display_name,
                role=str(identity.role),
                provider_id=provider_id,
            )
        _audit(
            ctx,
            connection,
            identity.username,
            AuditAction.SIGN_IN,
            method="oidc",
            role=str(identity.role),
        )
        uow.commit()
    actor = Actor(identity.username, identity.role, identity.provider_code)
    return SignedIn(user_id, actor, identity.display_name)


def signed_in_account(ctx: AppContext, user_id: int) -> Account | None:
    """The account behind a session, or None when it is gone or switched off."""
    with ctx.engine.connect() as connection:
        account = accounts.by_id(connection, user_id)
    if account is None or not account.active:
        return None
    return account


def sign_out(ctx: AppContext, actor: Actor) -> None:
    with ctx.uow() as uow:
        _audit(ctx, uow.connection, actor.username, AuditAction.SIGN_OUT)
        uow.commit()


def list_users(ctx: AppContext) -> list[Account]:
    with ctx.engine.connect() as connection:
        return accounts.all_accounts(connection)
