"""OpenID Connect: the identity provider's claims become a role here, or sign-in is refused."""

from __future__ import annotations

import pytest

from loggutdrag.auth.roles import RoleMappingError, map_claims
from loggutdrag.domain.enums import UserRole

MAPPING = {
    "vft-handlaggare": "officer",
    "vft-admin": "admin",
    "utforare-chef": "provider_manager",
    "utforare-personal": "provider_staff",
    "vof-rep": "administration_representative",
}


def test_a_group_in_the_mapping_gives_its_role() -> None:
    identity = map_claims(
        {"preferred_username": "anna.a", "name": "Anna A", "groups": ["vft-handlaggare"]},
        mapping=MAPPING,
    )
    assert (identity.username, identity.role, identity.provider_code) == (
        "anna.a",
        UserRole.OFFICER,
        None,
    )
    assert identity.display_name == "Anna A"


def test_the_most_privileged_of_several_roles_wins() -> None:
    identity = map_claims(
        {"preferred_username": "b", "groups": ["utforare-personal", "vft-admin", "vof-rep"]},
        mapping=MAPPING,
    )
    assert identity.role is UserRole.ADMIN


def test_a_role_claim_may_be_a_single_string() -> None:
    identity = map_claims({"sub": "x1", "roles": "vof-rep"}, mapping=MAPPING, role_claim="roles")
    assert identity.role is UserRole.ADMINISTRATION_REPRESENTATIVE
    assert identity.username == "x1"


def test_no_mapped_group_refuses_sign_in() -> None:
    with pytest.raises(RoleMappingError, match="ingen roll"):
        map_claims({"preferred_username": "c", "groups": ["ekonomi"]}, mapping=MAPPING)


def test_a_provider_role_needs_the_provider_claim() -> None:
    with pytest.raises(RoleMappingError, match="vilken utförare"):
        map_claims({"preferred_username": "d", "groups": ["utforare-chef"]}, mapping=MAPPING)
    identity = map_claims(
        {"preferred_username": "d", "groups": ["utforare-chef"], "provider_code": "HT04"},
        mapping=MAPPING,
    )
    assert (identity.role, identity.provider_code) == (UserRole.PROVIDER_MANAGER, "HT04")


def test_an_unknown_role_name_in_the_settings_is_reported() -> None:
    with pytest.raises(RoleMappingError, match="okänd roll 'superuser'"):
        map_claims({"preferred_username": "e", "groups": ["g"]}, mapping={"g": "superuser"})


def test_a_token_without_user_name_is_refused() -> None:
    with pytest.raises(RoleMappingError, match="användarnamn"):
        map_claims({"groups": ["vft-admin"]}, mapping=MAPPING)
