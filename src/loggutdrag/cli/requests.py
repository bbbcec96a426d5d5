"""`loggutdrag request check|submit|supplement` and `loggutdrag case show|transition`.

Exit codes (contract 1) follow the verdict: 0 complete and allowed, 3 incomplete, 4 not allowed
(4 wins when both); 2 for bad input (unreadable file, not JSON, wrong type, unknown value), naming
the field. ``submit`` and ``supplement`` register the case first, so their output (case id, diary
number, verdict) is printed whatever the exit code. With ``--json`` the verdict (or the error,
as ``{"error": {"field", "message_sv"}}``) goes to stdout as JSON; without it, a Swedish summary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from loggutdrag.cli.app import ExitCode, app, context, print_json
from loggutdrag.domain.actor import CLI_OFFICER
from loggutdrag.domain.enums import CaseStatus
from loggutdrag.domain.lifecycle import STATUS_SV
from loggutdrag.domain.verdict import Verdict
from loggutdrag.services import cases, requests, setup
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, ServiceError

request_app = typer.Typer(help="Begäran om loggutdrag: pröva, registrera, komplettera.")
case_app = typer.Typer(help="Registrerade ärenden: visa och flytta i handläggningen.")
app.add_typer(request_app, name="request")
app.add_typer(case_app, name="case")

JsonOption = Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")]
FileArgument = Annotated[
    Path, typer.Argument(help="Begäran som JSON (kontrakt 2); - läser från standard in.")
]
CaseArgument = Annotated[str, typer.Argument(help="Ärendets id eller diarienummer.")]

T = TypeVar("T")


def _read_json(path: Path) -> object:
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInputError(f"filen {path} går inte att läsa ({error})", field="FILE") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInputError(
            f"filen {path} är inte giltig JSON (rad {error.lineno}, kolumn {error.colno}: "
            f"{error.msg})",
            field="FILE",
        ) from None


def _run(as_json: bool, action: Callable[[], T]) -> T:
    """Run ``action``; a business error becomes its exit code (and a JSON error with --json)."""
    try:
        return action()
    except ServiceError as error:
        if as_json:
            print_json({"error": {"field": error.field, "message_sv": error.message_sv}})
        typer.echo(f"Fel: {error.message_sv}", err=True)
        raise typer.Exit(error.exit_code) from None


def _ready() -> AppContext:
    """The context of a command that needs registered cases: the database must exist."""
    return setup.require_database(context())


def _yes(value: bool) -> str:
    return "ja" if value else "nej"


def _print_verdict(verdict: Verdict) -> None:
    data = verdict.to_json()
    typer.echo(f"Status: {STATUS_SV[verdict.status]} ({verdict.status})")
    typer.echo(f"Komplett: {_yes(verdict.complete)}   Tillåten: {_yes(verdict.allowed)}")
    if verdict.missing:
        typer.echo("Saknas eller felaktigt: " + ", ".join(verdict.missing))
    for refusal in data["refusals"]:
        typer.echo(f"Avslag ({refusal['rule']}): {refusal['message_sv']}")
    if verdict.due is not None:
        typer.echo(f"Ska vara klart senast: {verdict.due.isoformat()}")
    for note in data["notes"]:
        rule = f" ({note['rule']})" if note["rule"] else ""
        typer.echo(f"Notering{rule}: {note['message_sv']}")
    typer.echo(f"Svar till den som begär: {verdict.message_sv}")


def _finish(verdict: Verdict) -> None:
    code = verdict.exit_code
    if code != ExitCode.OK:
        raise typer.Exit(code)


@request_app.command("check")
def check(file: FileArgument, as_json: JsonOption = False) -> None:
    """Pröva en begäran: är den komplett och tillåten, och när ska den vara klar? Sparar inget."""
    verdict = _run(
        as_json, lambda: requests.check_request(context(), CLI_OFFICER, _read_json(file))
    )
    if as_json:
        print_json(verdict.to_json())
    else:
        _print_verdict(verdict)
    _finish(verdict)


def _print_submitted(result: requests.SubmitResult, as_json: bool, what: str) -> None:
    if as_json:
        # Contract 1: "prints case_id, diary_number and the verdict". The verdict is nested under
        # "verdict" (as in the API) and its fields are also given at the top level, so a reader
        # who expects either shape finds what contract 1 promises.
        data = result.to_json()
        print_json({**data["verdict"], **data})
        return
    typer.echo(f"{what}: ärende {result.case_id}, diarienummer {result.diary_number}")
    _print_verdict(result.verdict)


@request_app.command("submit")
def submit(file: FileArgument, as_json: JsonOption = False) -> None:
    """Registrera en begäran som ett ärende med diarienummer och pröva den."""
    result = _run(
        as_json, lambda: requests.submit_request(context(), CLI_OFFICER, _read_json(file))
    )
    _print_submitted(result, as_json, "Registrerat")
    _finish(result.verdict)


@request_app.command("supplement")
def supplement(case: CaseArgument, file: FileArgument, as_json: JsonOption = False) -> None:
    """Komplettera ett ärende med uppgifter som saknades och pröva det igen."""
    result = _run(
        as_json,
        lambda: requests.supplement_request(_ready(), CLI_OFFICER, case, _read_json(file)),
    )
    _print_submitted(result, as_json, "Kompletterat")
    _finish(result.verdict)


def _print_case(data: dict[str, Any]) -> None:
    typer.echo(f"Ärende {data['case_id']}, diarienummer {data['diary_number']}")
    typer.echo(f"Status: {STATUS_SV[CaseStatus(data['status'])]} ({data['status']})")
    typer.echo(f"Typ: {data['kind'] or '-'}   Avser: {data['scope'] or '-'}")
    typer.echo(f"Inkom: {data['received_at']}   Senast: {data['due'] or '-'}")
    for event in data["events"]:
        source = event["from_status"] or "-"
        typer.echo(
            f"  {event['at']}  {event['actor']}: {source} -> {event['to_status']}"
            + (f"  ({event['reason']})" if event["reason"] else "")
        )


@case_app.command("show")
def show(case: CaseArgument, as_json: JsonOption = False) -> None:
    """Visa ett ärende med dess händelser."""
    found = _run(as_json, lambda: cases.get_case(_ready(), CLI_OFFICER, case))
    data = cases.case_json(found)
    if as_json:
        print_json(data)
    else:
        _print_case(data)


@case_app.command("transition")
def transition(
    case: CaseArgument,
    status: Annotated[CaseStatus, typer.Argument(help="Ny status.")],
    reason: Annotated[str | None, typer.Option(help="Varför (krävs för vissa statusar).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Flytta ett ärende till en ny status (bara tillåtna steg)."""
    found = _run(
        as_json, lambda: cases.transition_case(_ready(), CLI_OFFICER, case, status, reason)
    )
    data = cases.case_json(found)
    if as_json:
        print_json(data)
    else:
        _print_case(data)


__all__ = ["ExitCode", "case_app", "request_app"]
