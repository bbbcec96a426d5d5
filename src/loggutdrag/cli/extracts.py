"""`extract`, `deliver` and `billing` (contract 1), plus `consent-form` and `dispatch-list`.

Commands run on the server as the command-line officer; every extract produced, delivered or
written is recorded in the audit trail by the services.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from loggutdrag.cli.app import ExitCode, app, fail, print_json
from loggutdrag.cli.app import context as settings_context
from loggutdrag.domain.actor import CLI_OFFICER
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, ServiceError
from loggutdrag.services.setup import require_database

# The services behind these commands (reportlab, httpx, ...) are imported inside each command:
# every other command of the CLI then starts without them.

CASE_HELP = "Ärendets id eller diarienummer."

# A service names the field it could not use; on the command line that is an option or argument.
FIELD_NAMES = {
    "case": "CASE",
    "database": "LOGGUTDRAG_DATABASE_URL",
    "date": "--date",
    "format": "--format",
    "method": "--method",
    "provider": "--provider",
}

P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """A business error becomes its exit code and a Swedish message naming the option (contract
    1); with ``--json`` the error is also printed on stdout as ``{"error": {"field",
    "message_sv"}}``, as ``request`` does."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ServiceError as error:
            name = FIELD_NAMES.get(error.field or "", error.field)
            message = f"{name}: {error.message_sv}" if name else error.message_sv
            if kwargs.get("as_json"):
                print_json({"error": {"field": error.field, "message_sv": message}})
            fail(message, ExitCode(error.exit_code))

    return wrapper


def context() -> AppContext:
    """The context, once the database exists (else exit 2 saying to run `loggutdrag init`)."""
    return require_database(settings_context())


def _parse_date(text: str | None, field: str = "date") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInputError(f"{text!r} är inte ett datum (ÅÅÅÅ-MM-DD)", field=field) from None


@app.command()
@reports_errors
def extract(
    case: Annotated[str, typer.Argument(help=CASE_HELP)],
    fmt: Annotated[
        str, typer.Option("--format", help="Filformat: pdf, xlsx, csv eller json.")
    ] = "pdf",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Skriv filen hit. Utan --out skrivs json och csv till standard ut."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Skriv uppgifter om utdraget (inte filen) som JSON.")
    ] = False,
) -> None:
    """Ta fram loggutdraget för ett ärende (lagras i ärendet med kontrollsumma)."""
    from loggutdrag.extracts.render import ExtractFormat
    from loggutdrag.services import extracts

    chosen = extracts.parse_format(fmt)
    produced = extracts.produce_extract(context(), CLI_OFFICER, case, chosen)
    path = out
    if path is None and (as_json or chosen in (ExtractFormat.PDF, ExtractFormat.XLSX)):
        path = Path.cwd() / produced.document.filename
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(produced.content)
    if as_json:
        print_json(
            {
                "case_id": produced.case_id,
                "diary_number": produced.diary_number,
                "format": str(produced.format),
                "path": str(path),
                "document_id": produced.document.id,
                "sha256": produced.document.sha256,
                "rows": produced.rows,
                "summary": produced.summary,
            }
        )
    elif path is None:
        typer.echo(produced.content.decode("utf-8"), nl=False)
    else:
        typer.echo(
            f"Loggutdrag för ärende {produced.diary_number} skrivet till {path} "
            f"({produced.rows} loggposter, SHA-256 {produced.document.sha256})."
        )


@app.command()
@reports_errors
def deliver(
    case: Annotated[str, typer.Argument(help=CASE_HELP)],
    method: Annotated[
        str,
        typer.Option(
            "--method", help="Leveranssätt: service-desk, in-person eller registered-mail."
        ),
    ],
    receiver: Annotated[
        str | None, typer.Option("--receiver", help="Vem som tar emot utdraget personligen.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Mapp där kvittens, följebrev och utskickslista skrivs."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Leverera ärendets loggutdrag så som reglerna säger (R7, R9)."""
    from loggutdrag.services import delivery

    chosen = delivery.parse_method(method)
    result = delivery.deliver(context(), CLI_OFFICER, case, chosen, receiver=receiver)
    written: list[str] = []
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for document, content in result.papers:
            path = out / document.filename
            path.write_bytes(content)
            written.append(str(path))
    if as_json:
        data = result.to_json()
        data["written"] = written
        print_json(data)
        return
    typer.echo(
        f"Ärende {result.diary_number} levererat: {delivery.METHOD_SV[result.method]} "
        f"(SHA-256 {result.sha256})."
    )
    for document, _ in result.papers:
        typer.echo(f"  {document.kind}: {document.filename}")
    for path_text in written:
        typer.echo(f"  skriven: {path_text}")
    for notice in result.notices:
        typer.echo(f"  {notice}")


@app.command("billing")
@reports_errors
def billing_run(
    *,
    provider: Annotated[
        str | None, typer.Option("--provider", help="En utförares kod (annars alla).")
    ] = None,
    on: Annotated[
        str | None,
        typer.Option("--date", help="Per datum ÅÅÅÅ-MM-DD, en helgfri vardag (R3). Annars i dag."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Mapp där varje utförares utdrag och sammanställningen skrivs."),
    ] = None,
    formats: Annotated[
        list[str] | None,
        typer.Option("--format", help="Format för utförarnas utdrag (kan upprepas); pdf om inget."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
    first_working_day: Annotated[
        bool,
        typer.Option(
            "--first-working-day-of-month",
            help="Gör bara något om i dag är månadens första arbetsdag (för schemaläggning).",
        ),
    ] = False,
) -> None:
    """Underlag för fakturering: aktiva larmkunder per utförare, akutlarm avräknade (R1-R4)."""
    from loggutdrag.services import billing, extracts

    ctx = context()
    as_of = _parse_date(on)
    if first_working_day:
        today = extracts.as_of_today(ctx)
        if not billing.is_first_working_day_of_month(today):
            if as_json:
                print_json([])
            else:
                typer.echo(
                    f"I dag ({today.isoformat()}) är inte månadens första arbetsdag "
                    f"({billing.first_working_day_of_month(today).isoformat()}); inget görs."
                )
            return
    chosen = tuple(extracts.parse_format(f) for f in (formats or ["pdf"]))
    run = billing.run_billing(
        ctx, CLI_OFFICER, provider_code=provider, as_of=as_of, out_dir=out, formats=chosen
    )
    if as_json:
        print_json([line.to_json() for line in run.providers])
        return
    typer.echo(f"Aktiva larmkunder per {run.as_of.isoformat()}:")
    typer.echo(f"  {'Utförare':<24} {'Totalt':>7} {'Akutlarm':>9} {'Att fakturera':>14}")
    for line in run.providers:
        typer.echo(f"  {line.provider:<24} {line.total:>7} {line.akutlarm:>9} {line.billable:>14}")
    typer.echo(f"  {'Summa':<24} {run.total:>7} {run.akutlarm:>9} {run.billable:>14}")
    if out is not None:
        count = sum(len(line.files) for line in run.providers) + len(run.summary_files)
        typer.echo(f"{count} filer skrivna i {out}.")


@app.command("consent-form")
@reports_errors
def consent_form(
    case: Annotated[str, typer.Argument(help=CASE_HELP)],
    out: Annotated[Path | None, typer.Option("--out", help="Skriv blanketten hit.")] = None,
) -> None:
    """Förifylld samtyckesblankett när en annan person begär loggutdrag (R8)."""
    from loggutdrag.services import delivery_papers

    document, content = delivery_papers.consent_form(context(), CLI_OFFICER, case)
    path = out or Path.cwd() / document.filename
    path.write_bytes(content)
    typer.echo(f"Samtyckesblankett skriven till {path}.")


@app.command("dispatch-list")
@reports_errors
def dispatch_list(
    on: Annotated[str | None, typer.Option("--date", help="Dag ÅÅÅÅ-MM-DD (annars i dag).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Skriv listan hit.")] = None,
) -> None:
    """Utskickslista till administratören: dagens rekommenderade brev, ett per rad (R9)."""
    from loggutdrag.services import delivery_papers, extracts

    ctx = context()
    day = _parse_date(on) or extracts.as_of_today(ctx)
    content = delivery_papers.dispatch_list(ctx, CLI_OFFICER, day)
    path = out or Path.cwd() / f"utskickslista_{day.isoformat()}.pdf"
    path.write_bytes(content)
    typer.echo(f"Utskickslista för {day.isoformat()} skriven till {path}.")


__all__ = ["billing_run", "consent_form", "deliver", "dispatch_list", "extract"]
