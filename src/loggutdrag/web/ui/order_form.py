"""The guided order form: one form per extract kind, asking only what that kind needs.

Form fields are named by their contract-2 path (``recipient.personnummer``); :func:`form_to_request`
turns a submitted form into contract-2 JSON, leaving out what was not filled in, so the verdict's
``missing`` list says exactly what is still to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from loggutdrag.auth.roles import PROVIDER_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import ExtractKind, Scope, UserRole
from loggutdrag.web.ui.i18n import N_


@dataclass(frozen=True)
class KindForm:
    kind: ExtractKind
    slug: str  # in the URL
    title: str
    summary: str
    scopes: tuple[tuple[Scope, str], ...]  # the choices offered, with their Swedish wording
    managers_only_scopes: frozenset[Scope] = frozenset()
    managers_only: bool = False
    reason_label: str = N_("Orsak till begäran")
    reason_hint: str = N_(
        "Orsaken avgör vilket utdrag som tas fram, t.ex. en händelse den 3 oktober."
    )
    needs_period: bool = True
    needs_camera: bool = False


KIND_FORMS: tuple[KindForm, ...] = (
    KindForm(
        ExtractKind.ACTIVE_ALARM_CUSTOMERS,
        "aktiva-larmkunder",
        N_("Aktiva larmkunder (trygghetslarm)"),
        N_(
            "Verksamhetens aktiva larmkunder, t.ex. som underlag för fakturering. "
            "Akutlarm räknas bort."
        ),
        ((Scope.PROVIDER, N_("Hela verksamheten")),),
        reason_label=N_("Syfte (frivilligt)"),
        reason_hint=N_("T.ex. underlag för fakturering."),
        needs_period=False,
    ),
    KindForm(
        ExtractKind.ESCALATED_ALARM_CALLS,
        "eskalerade-larmanrop",
        N_("Eskalerade larmanrop"),
        N_(
            "Larmanrop från en brukare, eller antal larmanrop för hela verksamheten "
            "under en period."
        ),
        ((Scope.RECIPIENT, N_("En brukare")), (Scope.PROVIDER, N_("Hela verksamheten"))),
    ),
    KindForm(
        ExtractKind.LOCK_LOG,
        "laslogg",
        N_("Låslogg (digital nyckelhantering)"),
        N_("Låsanvändning hos en brukare, eller en viss personals låsanvändning."),
        ((Scope.RECIPIENT, N_("Hos en brukare")), (Scope.STAFF, N_("En viss personal"))),
        managers_only_scopes=frozenset({Scope.STAFF}),
    ),
    KindForm(
        ExtractKind.SUPERVISION_LOG,
        "tillsyn",
        N_("Visuell digital tillsyn (trygghetskamera)"),
        N_(
            "Genomförda tillsyner och larmoperatörernas åtgärder, "
            "för en period och/eller en brukare."
        ),
        (
            (Scope.RECIPIENT, N_("En brukare")),
            (Scope.PROVIDER, N_("Hela verksamheten under perioden")),
        ),
        managers_only=True,
        reason_label=N_("Syfte med loggutdraget"),
        reason_hint=N_("T.ex. fallolycka natten till 3 oktober, eller matchning av tillsynstider."),
        needs_camera=True,
    ),
)
FORMS_BY_SLUG = {form.slug: form for form in KIND_FORMS}
FORMS_BY_KIND = {form.kind: form for form in KIND_FORMS}

FIELD_LABELS: dict[str, str] = {
    "kind": N_("Typ av loggutdrag"),
    "scope": N_("Vad utdraget gäller"),
    "provider": N_("Utförare"),
    "requester.category": N_("Vem som begär"),
    "requester.name": N_("Ditt namn (den som begär)"),
    "requester.role": N_("Din roll"),
    "requester.channel": N_("Hur begäran kom in"),
    "reason": N_("Orsak / syfte"),
    "period.start": N_("Periodens första dag"),
    "period.end": N_("Periodens sista dag"),
    "as_of": N_("Datum för utdraget"),
    "recipient.name": N_("Brukarens namn"),
    "recipient.personnummer": N_("Brukarens personnummer"),
    "staff.name": N_("Personalens namn"),
    "staff.username": N_("Personalens användarnamn"),
    "camera_serial": N_("Tillsynskamerans serienummer"),
    "consent.kind": N_("Fullmakt eller samtycke"),
    "consent.held_by": N_("Vem som har samtycket"),
    "consent.diary_number": N_("Samtyckets diarienummer"),
    "delivery.method": N_("Leveranssätt"),
    "delivery.address.name": N_("Mottagarens namn"),
    "delivery.address.street": N_("Gatuadress"),
    "delivery.address.postcode": N_("Postnummer"),
    "delivery.address.city": N_("Ort"),
}


def field_id(path: str) -> str:
    return "f-" + path.replace(".", "-").replace("_", "-")


def is_full_form(actor: Actor) -> bool:
    """Providers get the short form (they are the requester); others say who is asking."""
    return actor.role not in PROVIDER_ROLES


def _text(form: Mapping[str, Any], key: str) -> str | None:
    value = form.get(key)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    if value is None:
        return
    *parents, leaf = path.split(".")
    node = target
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value


def form_to_request(
    kind_form: KindForm, form: Mapping[str, Any], actor: Actor, display_name: str | None
) -> dict[str, Any]:
    """Contract-2 JSON from the submitted form (blank fields left out)."""
    data: dict[str, Any] = {"kind": str(kind_form.kind)}
    scope = _text(form, "scope")
    if len(kind_form.scopes) == 1:
        scope = str(kind_form.scopes[0][0])
    _put(data, "scope", scope)
    if actor.role in PROVIDER_ROLES:
        data["provider"] = actor.provider_code
        data["requester"] = {
            "category": "provider",
            "name": _text(form, "requester.name") or display_name,
            "role": "manager" if actor.role is UserRole.PROVIDER_MANAGER else "staff",
            "organisation": actor.provider_code,
            "channel": "service_desk",
        }
        data["delivery"] = {"method": "service_desk"}
    else:
        for path in (
            "provider",
            "requester.category",
            "requester.name",
            "requester.role",
            "requester.organisation",
            "requester.channel",
            "consent.kind",
            "consent.held_by",
            "consent.diary_number",
            "delivery.method",
            "delivery.address.name",
            "delivery.address.street",
            "delivery.address.postcode",
            "delivery.address.city",
        ):
            _put(data, path, _text(form, path))
        if actor.role is UserRole.ADMINISTRATION_REPRESENTATIVE:
            data.setdefault("requester", {}).setdefault("channel", "administration_representative")
    _put(data, "reason", _text(form, "reason"))
    if kind_form.needs_period:
        _put(data, "period.start", _text(form, "period.start"))
        _put(data, "period.end", _text(form, "period.end"))
    else:
        _put(data, "as_of", _text(form, "as_of"))
    if scope == Scope.RECIPIENT:
        _put(data, "recipient.name", _text(form, "recipient.name"))
        _put(data, "recipient.personnummer", _text(form, "recipient.personnummer"))
        if kind_form.needs_camera:
            _put(data, "camera_serial", _text(form, "camera_serial"))
    if scope == Scope.STAFF:
        _put(data, "staff.name", _text(form, "staff.name"))
        _put(data, "staff.username", _text(form, "staff.username"))
    return data


def request_to_form(request: Mapping[str, Any]) -> dict[str, str]:
    """Flatten stored contract-2 JSON back into form values (for the supplement form)."""
    flat: dict[str, str] = {}

    def walk(prefix: str, node: Mapping[str, Any]) -> None:
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, Mapping):
                walk(path, value)
            elif value is not None:
                flat[path] = str(value)

    walk("", request)
    return flat
