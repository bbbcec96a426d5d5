"""`loggutdrag import`: import a vendor's log file; list and retry the quarantine; list profiles.

    loggutdrag import SOURCE FILE [--profile NAME] [--json]
    loggutdrag import quarantine [--source S] [--json]
    loggutdrag import retry [--source S] [--profile NAME] [--json]
    loggutdrag import profiles [--source S] [--json]

One command whose first argument is a source or one of the words quarantine, retry and profiles:
``import`` is a Python keyword and a Click group cannot tell a positional source from a subcommand.
Exit codes: 0 nothing rejected, 1 some rows rejected (they are in the quarantine), 2 the file (or
an argument) cannot be used, with a Swedish message saying why.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from loggutdrag.cli.app import app, context, handles_errors, print_json
from loggutdrag.services import setup
from loggutdrag.services.errors import ServiceError

ACTIONS = ("quarantine", "retry", "profiles")


@app.command(
    "import",
    help=(
        "Importera en loggfil: loggutdrag import KÄLLA FIL [--profile NAMN]. "
        "KÄLLA: alarm-register | alarm-calls | lock-events | supervision-orders | "
        "supervision-lookins. Även: import quarantine (avvisade rader), import retry "
        "(försök igen, t.ex. efter rättad profil), import profiles (leverantörsprofiler). "
        "Slutkod 0: inget avvisat, 1: några rader avvisade, 2: filen går inte att läsa."
    ),
)
@handles_errors
def import_command(
    source: Annotated[
        str, typer.Argument(help="Källa, eller quarantine | retry | profiles.", show_default=False)
    ],
    file: Annotated[Path | None, typer.Argument(help="Filen att importera.")] = None,
    *,
    profile: Annotated[
        str | None, typer.Option(help="Leverantörsprofil: namn eller sökväg till .toml.")
    ] = None,
    only_source: Annotated[
        str | None, typer.Option("--source", help="Bara denna källa (quarantine, retry).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Högst så många rader i listan.")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    try:
        if source == "quarantine":
            _quarantine(only_source, limit, as_json)
        elif source == "retry":
            _retry(only_source, profile, as_json)
        elif source == "profiles":
            _profiles(only_source, as_json)
        else:
            if file is None:
                raise typer.BadParameter("ange filen att importera: loggutdrag import KÄLLA FIL")
            _import(source, file, profile, as_json)
    except ServiceError as error:
        if as_json:
            print_json({"error": {"field": error.field, "message_sv": error.message_sv}})
        raise


def _import(source: str, file: Path, profile: str | None, as_json: bool) -> None:
    from loggutdrag.services import imports

    ctx = context()
    if not setup.database_ready(ctx):
        setup.init_database(ctx)  # like `request submit`: an import into a new database creates it
    show_progress = not as_json and sys.stderr.isatty()
    if show_progress:
        from loggutdrag.cli.progress import import_progress

        with import_progress(file.name) as progress:
            report = imports.import_file(ctx, source, file, profile=profile, progress=progress)
    else:
        report = imports.import_file(ctx, source, file, profile=profile)
    if as_json:
        print_json(report.as_json())
    else:
        _print_report(report.as_json())
    raise typer.Exit(report.exit_code)


def _print_report(data: dict[str, Any]) -> None:
    typer.echo(f"Import av {data['source']} från {data['file']} (profil {data['profile']})")
    if data.get("resumed"):
        typer.echo("  (en avbruten import av samma fil fortsatte där den slutade)")
    typer.echo(f"  lästa rader:  {data['read']}")
    typer.echo(f"  nya:          {data['inserted']}")
    typer.echo(f"  dubbletter:   {data['duplicates']}")
    if data.get("updated"):
        typer.echo(f"  varav ändrade perioder: {data['updated']}")
    typer.echo(f"  avvisade:     {data['rejected']}")
    for rejection in data["rejections"][:50]:
        identity = f" id {rejection['id']}" if rejection["id"] else ""
        typer.echo(f"    rad {rejection['line']}{identity}: {rejection['reason']}")
    if data["rejected"] > 50:
        typer.echo(f"    … och {data['rejected'] - 50} till")
    if data["rejected"]:
        typer.echo("  Avvisade rader ligger i karantänen: loggutdrag import quarantine")


def _quarantine(source: str | None, limit: int, as_json: bool) -> None:
    from loggutdrag.services.import_quarantine import list_quarantine

    result = list_quarantine(setup.require_database(context()), source=source, limit=limit)
    if as_json:
        print_json(result)
        return
    typer.echo(f"Karantänen: {result['total']} rader som inte har kunnat importeras")
    for row in result["rows"]:
        identity = f" id {row['id']}" if row["id"] else ""
        typer.echo(f"  {row['source']} {row['file']} rad {row['line']}{identity}: {row['reason']}")


def _retry(source: str | None, profile: str | None, as_json: bool) -> None:
    from loggutdrag.services.import_quarantine import retry_quarantine

    report = retry_quarantine(setup.require_database(context()), source=source, profile=profile)
    if as_json:
        print_json(report.as_json())
    else:
        _print_report(report.as_json())
    raise typer.Exit(report.exit_code)


def _profiles(source: str | None, as_json: bool) -> None:
    from loggutdrag.services.imports import list_profiles

    profiles = list_profiles(context(), source)
    if as_json:
        print_json(profiles)
        return
    for item in profiles:
        typer.echo(f"{item['name']:<28} {item['source']:<20} {item['description']}")
