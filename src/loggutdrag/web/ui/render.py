"""Render a page: every template gets the actor, the CSRF token and the navigation of their role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse

from loggutdrag.auth.roles import OFFICE_ROLES, PROVIDER_ROLES, ROLE_LABELS_SV
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import ExtractKind, UserRole
from loggutdrag.web.csrf import CSRF_FIELD, csrf_token
from loggutdrag.web.deps import current_actor
from loggutdrag.web.ui import i18n
from loggutdrag.web.ui.templating import templates

KIND_SV: dict[str, str] = {
    ExtractKind.ACTIVE_ALARM_CUSTOMERS: i18n.N_("Aktiva larmkunder"),
    ExtractKind.ESCALATED_ALARM_CALLS: i18n.N_("Eskalerade larmanrop"),
    ExtractKind.LOCK_LOG: i18n.N_("Låslogg"),
    ExtractKind.SUPERVISION_LOG: i18n.N_("Visuell digital tillsyn"),
}


def today_local(request: Request) -> date:
    ctx = request.app.state.ctx
    today: date = ctx.clock().astimezone(ZoneInfo(ctx.settings.timezone)).date()
    return today


@dataclass(frozen=True)
class NavItem:
    href: str
    label: str


def navigation(actor: Actor | None) -> list[NavItem]:
    if actor is None:
        return [NavItem("/logga-in", i18n.gettext("Logga in"))]
    items: list[NavItem] = []
    if actor.role in PROVIDER_ROLES or actor.role is UserRole.ADMINISTRATION_REPRESENTATIVE:
        items += [
            NavItem("/utforare", i18n.gettext("Beställ loggutdrag")),
            NavItem("/utforare/arenden", i18n.gettext("Mina ärenden")),
        ]
    if actor.role in OFFICE_ROLES:
        items += [
            NavItem("/handlaggare", i18n.gettext("Ärendekö")),
            NavItem("/handlaggare/sok", i18n.gettext("Sök")),
            NavItem("/handlaggare/oversikt", i18n.gettext("Översikt")),
            NavItem("/handlaggare/import", i18n.gettext("Import")),
        ]
    if actor.role is UserRole.ADMIN:
        items.append(NavItem("/admin/granskning", i18n.gettext("Granskningslogg")))
    return items


def page(
    request: Request,
    template: str,
    title: str,
    *,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    actor = current_actor(request)
    base: dict[str, Any] = {
        "title": title,
        "actor": actor,
        "display_name": getattr(request.state, "display_name", None),
        "role_label": i18n.gettext(ROLE_LABELS_SV[actor.role]) if actor else None,
        "nav": navigation(actor),
        "current_path": request.url.path,
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(request),
        "today": today_local(request),
        "lang": i18n.current_language.get(),
    }
    base.update(context)
    return templates.TemplateResponse(request, template, base, status_code=status_code)
