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


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "handlaggare",
        "demo-handlaggare",
        UserRole.OFFICER,
        None,
        "handläggare, Välfärdsteknikteamet",
    ),
    DemoLogin(
        "chef.omsorg",
        "demo-chef",
        UserRole.PROVIDER_MANAGER,
        "HT01",
        "verksamhetschef, Hemtjänst Norr (kommunal)",
    ),
    DemoLogin(
        "personal.omsorg",
        "demo-personal",
        UserRole.PROVIDER_STAFF,
        "HT01",
        "personal, Hemtjänst Norr (kommunal)",
    ),
    DemoLogin(
        "chef.privat",
        "demo-chef2",
        UserRole.PROVIDER_MANAGER,
        "HT04",
        "verksamhetschef, privat utförare",
    ),
    DemoLogin(
        "vof.rep", "demo-vof", UserRole.ADMINISTRATION_REPRESENTATIVE, None, "VOF-representant"
    ),
    DemoLogin("admin", "demo-admin", UserRole.ADMIN, None, "administratör"),
)
