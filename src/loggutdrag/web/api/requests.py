"""JSON API for requests and cases: the same use cases, and the same verdicts, as the CLI.

``POST /api/requests/check`` judges a request without storing it; ``POST /api/requests`` registers
it as a case; ``GET /api/cases/{id}`` shows a case (``id`` or diary number); supplements and
transitions move it along. A request that is not well-formed answers 422 naming the field; an
incomplete or refused request is not an HTTP error: the verdict says so.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, status
from pydantic import BaseModel, ConfigDict, Field

from loggutdrag.domain.actor import Actor
from loggutdrag.domain.enums import (
    CaseStatus,
    Channel,
    ConsentHolder,
    ConsentKind,
    DeliveryMethod,
    ExtractKind,
    RequesterCategory,
    RequesterRole,
    Scope,
)
from loggutdrag.services import cases, requests
from loggutdrag.services.context import AppContext
from loggutdrag.web.deps import get_actor, get_ctx

router = APIRouter(prefix="/api", tags=["begäran och ärenden"])

ActorDep = Annotated[Actor, Depends(get_actor)]
CtxDep = Annotated[AppContext, Depends(get_ctx)]

_DATE = "Datum ÅÅÅÅ-MM-DD (lokal tid, Europe/Stockholm)."


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")


class RequesterIn(_Part):
    category: RequesterCategory | None = Field(None, description="Vem som begär utdraget.")
    name: str | None = None
    role: RequesterRole | None = Field(None, description="Beställarens roll hos utföraren.")
    organisation: str | None = None
    channel: Channel | None = Field(None, description="Hur begäran kom in.")
    personnummer: str | None = Field(
        None, description="Tillägg: en brukare som begär om sig själv kan ange sitt personnummer."
    )


class PeriodIn(_Part):
    start: str | None = Field(None, description=_DATE, examples=["2026-10-01"])
    end: str | None = Field(None, description=_DATE, examples=["2026-10-31"])


class RecipientIn(_Part):
    name: str | None = None
    personnummer: str | None = Field(None, description="10 eller 12 siffror, med - eller +.")


class StaffIn(_Part):
    name: str | None = None
    username: str | None = None


class ConsentIn(_Part):
    kind: ConsentKind | None = None
    held_by: ConsentHolder | None = None
    diary_number: str | None = None


class AddressIn(_Part):
    name: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None


class DeliveryIn(_Part):
    method: DeliveryMethod | None = None
    address: AddressIn | None = None


class RequestIn(_Part):
    """A request for a log extract (contract 2). Every field may be left out: the verdict lists
    what is missing. A supplement has the same shape and carries only what it adds."""

    kind: ExtractKind | None = None
    scope: Scope | None = None
    provider: str | None = Field(None, description="Utförarens kod.")
    requester: RequesterIn | None = None
    reason: str | None = Field(None, description="Orsak till och syfte med begäran.")
    period: PeriodIn | None = None
    as_of: str | None = Field(None, description="Aktiva larmkunder per detta datum. " + _DATE)
    recipient: RecipientIn | None = None
    staff: StaffIn | None = None
    camera_serial: str | None = None
    consent: ConsentIn | None = None
    delivery: DeliveryIn | None = None
    received_at: str | None = Field(
        None,
        description="När begäran (eller kompletteringen) kom in, ISO 8601; utan tidszon lokal tid.",
        examples=["2026-11-20T10:15:00+01:00"],
    )

    def as_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True)


class RuleText(BaseModel):
    rule: str | None = Field(description="Regel-id i DOMAIN.md, t.ex. R6.")
    message_sv: str


class NoteOut(RuleText):
    for_requester: bool


class InvalidField(BaseModel):
    field: str
    rule: str
    message_sv: str | None


class VerdictOut(BaseModel):
    """The verdict on a request (contract 2)."""

    complete: bool
    missing: list[str] = Field(description="Fält att komplettera eller rätta, t.ex. period.start.")
    invalid: list[InvalidField]
    allowed: bool
    refusals: list[RuleText]
    notes: list[NoteOut]
    status: CaseStatus
    due: str | None = Field(description="Sista dag, ÅÅÅÅ-MM-DD, när klockan går.")
    complete_on: str | None
    delivery: DeliveryMethod | None
    kind: ExtractKind | None
    scope: Scope | None
    message_sv: str = Field(description="Svaret till den som begärt utdraget.")


class SubmitOut(BaseModel):
    case_id: int
    diary_number: str
    verdict: VerdictOut


class CaseEventOut(BaseModel):
    at: str | None
    actor: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    reason: str | None


class CaseOut(BaseModel):
    case_id: int
    diary_number: str
    status: CaseStatus
    kind: str | None
    scope: str | None
    provider: str | None
    requester_category: str | None
    received_at: str | None
    complete_at: str | None
    due: str | None
    created_by: str | None
    request: dict[str, Any]
    verdict: dict[str, Any]
    events: list[CaseEventOut]


class TransitionIn(BaseModel):
    status: CaseStatus
    reason: str | None = Field(None, description="Varför; krävs för avslag, återtagande m.m.")


@router.post("/requests/check", response_model=VerdictOut)
def check_request(body: RequestIn, ctx: CtxDep, actor: ActorDep) -> dict[str, Any]:
    """Pröva en begäran utan att spara den."""
    return requests.check_request(ctx, actor, body.as_data()).to_json()


@router.post("/requests", response_model=SubmitOut, status_code=status.HTTP_201_CREATED)
def submit_request(body: RequestIn, ctx: CtxDep, actor: ActorDep) -> dict[str, Any]:
    """Registrera en begäran som ett ärende (med diarienummer) och pröva den."""
    return requests.submit_request(ctx, actor, body.as_data()).to_json()


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(case_id: str, ctx: CtxDep, actor: ActorDep) -> dict[str, Any]:
    """Visa ett ärende (id eller diarienummer) med dess händelser."""
    return cases.case_json(cases.get_case(ctx, actor, case_id))


@router.post("/cases/{case_id}/supplements", response_model=SubmitOut)
def supplement_case(case_id: str, body: RequestIn, ctx: CtxDep, actor: ActorDep) -> dict[str, Any]:
    """Komplettera ett ärende och pröva det igen."""
    return requests.supplement_request(ctx, actor, case_id, body.as_data()).to_json()


@router.post("/cases/{case_id}/transitions", response_model=CaseOut)
def transition_case(
    case_id: str, body: TransitionIn, ctx: CtxDep, actor: ActorDep
) -> dict[str, Any]:
    """Flytta ett ärende till en ny status (bara tillåtna steg)."""
    return cases.case_json(cases.transition_case(ctx, actor, case_id, body.status, body.reason))
