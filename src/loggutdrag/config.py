"""One settings object for the whole product; every field can be set as LOGGUTDRAG_<NAME>."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "change-me-development-only"  # noqa: S105 - a marker, refused outside development


class Mode(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"
    TEST = "test"


class InsecureSettingsError(ValueError):
    """The settings are not safe to serve with (e.g. the default secret key in production)."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOGGUTDRAG_", env_file=".env", extra="ignore")

    mode: Mode = Field(
        default=Mode.DEVELOPMENT,
        description="development (local use, demo data allowed), test, or production.",
    )
    data_dir: Path = Field(
        default=Path("var"),
        description="Folder for the embedded SQLite database and other local files.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the database. Empty means an SQLite file loggutdrag.db in data_dir. "
            "Production: postgresql+psycopg://user@host/db."
        ),
    )
    secret_key: str = Field(
        default=DEFAULT_SECRET_KEY,
        description=(
            "Key that signs session cookies and CSRF tokens. Must be set outside development."
        ),
    )
    session_max_age_seconds: int = Field(
        default=8 * 3600, description="How long a sign-in lasts before the user must sign in again."
    )
    timezone: str = Field(
        default="Europe/Stockholm", description="Local time zone in which people read log times."
    )
    diary_number_format: str = Field(
        default="VÄN {year}-{number:03d}",
        description="Format of a case's diary number; {year} and {number} are filled in.",
    )
    deadline_working_days: int = Field(
        default=2, description="Working days the team has to produce and send an extract (R3, R13)."
    )
    host: str = Field(default="127.0.0.1", description="Address the web server listens on.")
    port: int = Field(default=8000, description="Port the web server listens on.")
    notify_webhook_url: str | None = Field(
        default=None, description="URL that is POSTed a notice (no personal data) on delivery."
    )
    smtp_host: str | None = Field(
        default=None, description="SMTP server for delivery notices; empty turns e-mail off."
    )
    smtp_port: int = Field(default=25, description="Port of the SMTP server.")
    smtp_sender: str = Field(
        default="loggutdrag@kommun.example", description="From address of delivery notices."
    )
    login_max_failures: int = Field(
        default=5,
        description="Failed sign-ins in a row after which an account is locked for a while.",
    )
    login_lockout_minutes: int = Field(
        default=15, description="How long an account stays locked after too many failed sign-ins."
    )
    login_attempts_per_minute: int = Field(
        default=20,
        description="Sign-in attempts one client address may make per minute (any usernames).",
    )
    secure_cookies: bool | None = Field(
        default=None,
        description=(
            "Send the session cookie only over HTTPS. Empty means: on in production, off otherwise."
        ),
    )
    oidc_metadata_url: str | None = Field(
        default=None,
        description=(
            "OpenID Connect discovery URL (.../.well-known/openid-configuration) of the "
            "municipality's identity provider. Empty turns OpenID Connect sign-in off."
        ),
    )
    oidc_client_id: str | None = Field(
        default=None, description="Client id registered for loggutdrag at the identity provider."
    )
    oidc_client_secret: str | None = Field(
        default=None, description="Client secret registered for loggutdrag at the identity provider"
    )
    oidc_username_claim: str = Field(
        default="preferred_username",
        description="ID-token claim used as the user name (falls back to 'sub').",
    )
    oidc_role_claim: str = Field(
        default="groups",
        description="ID-token claim holding the user's groups or roles (a string or a list).",
    )
    oidc_role_mapping: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "JSON object mapping a value of the role claim to a role: officer, provider_manager, "
            "provider_staff, administration_representative or admin. When several match, the "
            "most privileged wins; when none matches, sign-in is refused."
        ),
    )
    oidc_provider_claim: str = Field(
        default="provider_code",
        description="ID-token claim with the provider code of provider managers and staff.",
    )

    @model_validator(mode="after")
    def _secret_key_is_set_outside_development(self) -> Settings:
        if self.mode is not Mode.DEVELOPMENT and self.secret_key == DEFAULT_SECRET_KEY:
            raise InsecureSettingsError(
                f"LOGGUTDRAG_SECRET_KEY måste sättas till ett långt slumpvärde i läget {self.mode}"
            )
        return self

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'loggutdrag.db').as_posix()}"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_metadata_url and self.oidc_client_id)

    @property
    def cookies_secure(self) -> bool:
        if self.secure_cookies is None:
            return self.mode is Mode.PRODUCTION
        return self.secure_cookies


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
