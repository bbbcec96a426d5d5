"""Who may do what in the web app, and how an identity provider's claims become a role."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from loggutdrag.domain.enums import UserRole

OFFICE_ROLES = frozenset({UserRole.OFFICER, UserRole.ADMIN})
PROVIDER_ROLES = frozenset({UserRole.PROVIDER_MANAGER, UserRole.PROVIDER_STAFF})
REQUESTER_ROLES = PROVIDER_ROLES | {UserRole.ADMINISTRATION_REPRESENTATIVE}
ALL_ROLES = frozenset(UserRole)

ROLE_LABELS_SV: dict[UserRole, str] = {
    UserRole.OFFICER: "handläggare, Välfärdsteknikteamet",
    UserRole.PROVIDER_MANAGER: "verksamhetschef / annan ansvarig",
    UserRole.PROVIDER_STAFF: "personal hos utförare",
    UserRole.ADMINISTRATION_REPRESENTATIVE: "VOF-representant",
    UserRole.ADMIN: "administratör",
}

# When an identity provider gives someone several roles, the most privileged one wins.
_PRECEDENCE = (
    UserRole.ADMIN,
    UserRole.OFFICER,
    UserRole.ADMINISTRATION_REPRESENTATIVE,
    UserRole.PROVIDER_MANAGER,
    UserRole.PROVIDER_STAFF,
)


class RoleMappingError(ValueError):
    """The identity provider's claims give no usable role; ``message_sv`` says why."""

    def __init__(self, message_sv: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv


@dataclass(frozen=True)
class MappedIdentity:
    username: str
    display_name: str
    role: UserRole
    provider_code: str | None


def _claim_values(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    return [str(value)]


def parse_role_mapping(raw: Mapping[str, str]) -> dict[str, UserRole]:
    """The settings' mapping with each role checked; an unknown role name is a settings error."""
    mapping: dict[str, UserRole] = {}
    for claim_value, role_name in raw.items():
        try:
            mapping[claim_value] = UserRole(role_name)
        except ValueError:
            known = ", ".join(role.value for role in UserRole)
            raise RoleMappingError(
                f"okänd roll '{role_name}' i oidc_role_mapping (kända roller: {known})"
            ) from None
    return mapping


def map_claims(
    claims: Mapping[str, Any],
    *,
    mapping: Mapping[str, str],
    role_claim: str = "groups",
    username_claim: str = "preferred_username",
    provider_claim: str = "provider_code",
) -> MappedIdentity:
    """Turn an ID token's claims into a user of this app, or refuse with a Swedish reason."""
    roles = parse_role_mapping(mapping)
    matched = {roles[value] for value in _claim_values(claims.get(role_claim)) if value in roles}
    if not matched:
        raise RoleMappingError("ditt konto har ingen roll i Loggutdrag; kontakta administratören")
    role = next(candidate for candidate in _PRECEDENCE if candidate in matched)
    username = str(claims.get(username_claim) or claims.get("sub") or "").strip()
    if not username:
        raise RoleMappingError("identitetsleverantören skickade inget användarnamn")
    provider_code: str | None = None
    if role in PROVIDER_ROLES:
        provider_code = str(claims.get(provider_claim) or "").strip() or None
        if provider_code is None:
            raise RoleMappingError("ditt konto saknar uppgift om vilken utförare du arbetar för")
    display_name = str(claims.get("name") or username)
    return MappedIdentity(username[:80], display_name[:200], role, provider_code)
