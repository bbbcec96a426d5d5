"""Who is doing something: every use case that reads or changes personal data takes an Actor."""

from __future__ import annotations

from dataclasses import dataclass

from loggutdrag.domain.enums import UserRole


@dataclass(frozen=True)
class Actor:
    username: str
    role: UserRole
    provider_code: str | None = None  # set for provider managers and provider staff

    @property
    def is_officer(self) -> bool:
        return self.role in (UserRole.OFFICER, UserRole.ADMIN)

    @property
    def is_provider(self) -> bool:
        return self.role in (UserRole.PROVIDER_MANAGER, UserRole.PROVIDER_STAFF)


SYSTEM = Actor(username="system", role=UserRole.ADMIN)
"""The actor of scheduled jobs (e.g. the monthly billing run)."""

CLI_OFFICER = Actor(username="cli", role=UserRole.OFFICER)
"""The actor of commands run on the server's command line (an officer with shell access)."""
