"""The demo accounts that `make run` prints. Only ever created by demo-data."""

from __future__ import annotations

from dataclasses import dataclass

from loggutdrag.domain.enums import UserRole


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: UserRole
    provider_code: str | None
    description: str
    display_name: str = ""  # the made-up person's name shown in the app


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "handlaggare",
        "demo-handlaggare",
        UserRole.OFFICER,
        None,
        "handläggare, Välfärdsteknikteamet",
        "Helena Lindqvist",
    ),
    DemoLogin(
        "chef.omsorg",
        "demo-chef",
        UserRole.PROVIDER_MANAGER,
        "HT01",
        "verksamhetschef, Hemtjänst Norr (kommunal)",
        "Karin Ek",
    ),
    DemoLogin(
        "personal.omsorg",
        "demo-personal",
        UserRole.PROVIDER_STAFF,
        "HT01",
        "personal, Hemtjänst Norr (kommunal)",
        "Peter Nordin",
    ),
    DemoLogin(
        "chef.privat",
        "demo-chef2",
        UserRole.PROVIDER_MANAGER,
        "HT04",
        "verksamhetschef, Trygga Händer Omsorg AB (privat)",
        "Sara Holmgren",
    ),
    DemoLogin(
        "vof.rep",
        "demo-vof",
        UserRole.ADMINISTRATION_REPRESENTATIVE,
        None,
        "VOF-representant",
        "Mats Berglund",
    ),
    DemoLogin("admin", "demo-admin", UserRole.ADMIN, None, "administratör", "Administratör"),
)
