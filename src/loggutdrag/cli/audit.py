"""`loggutdrag audit verify`: is the audit trail intact? Exit 0 if so, else 5 and what is wrong."""

from __future__ import annotations

from typing import Annotated

import typer

from loggutdrag.cli.app import app, context, handles_errors, print_json
from loggutdrag.services import audit, setup

audit_app = typer.Typer(help="Granskningsloggen (vem gjorde vad, med vems uppgifter).")
app.add_typer(audit_app, name="audit")

TRAIL_BROKEN = 5


@audit_app.command("verify")
@handles_errors
def verify(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Kontrollera att ingen post i granskningsloggen har ändrats, tagits bort eller flyttats."""
    report = audit.verify_trail(setup.require_database(context()))
    if as_json:
        print_json(
            {
                "intact": report.intact,
                "entries": report.entries,
                "problems": [
                    {"id": problem.audit_id, "problem": problem.problem_sv}
                    for problem in report.problems
                ],
            }
        )
    elif report.intact:
        typer.echo(f"Granskningsloggen är hel ({report.entries} poster).")
    else:
        typer.echo(
            f"Granskningsloggen är INTE hel: {len(report.problems)} fel bland "
            f"{report.entries} poster.",
            err=True,
        )
        for problem in report.problems:
            typer.echo(f"  {problem.problem_sv}", err=True)
    if not report.intact:
        raise typer.Exit(TRAIL_BROKEN)
