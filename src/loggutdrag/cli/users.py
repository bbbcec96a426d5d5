"""Accounts: `loggutdrag user add USERNAME --role ROLE [--provider CODE] [--name NAME]`.

The password is read from a hidden prompt (typed twice) or, when standard input is not a terminal,
from its first line; never from the command line, where it would end up in the shell history.
"""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from loggutdrag.cli.app import ExitCode, app, context, fail, handles_errors, print_json
from loggutdrag.domain.actor import CLI_OFFICER, Actor
from loggutdrag.domain.enums import UserRole
from loggutdrag.services import users

user_app = typer.Typer(help="Konton som loggar in i webbappen.", no_args_is_help=True)
app.add_typer(user_app, name="user")

CLI_ADMIN = Actor(username=CLI_OFFICER.username, role=UserRole.ADMIN)


def _read_password() -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            fail("inget lösenord på standard in")
        return line
    first = getpass.getpass("Lösenord: ")
    second = getpass.getpass("Upprepa lösenordet: ")
    if first != second:
        fail("lösenorden är inte lika")
    return first


@user_app.command("add")
@handles_errors
def add(
    username: Annotated[str, typer.Argument(help="Användarnamn (a–z, 0–9, . _ @ -).")],
    role: Annotated[UserRole, typer.Option(help="Roll.", case_sensitive=False)],
    provider: Annotated[
        str | None, typer.Option(help="Utförarens kod (för utförarens chef och personal).")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Namn som visas i appen.")] = None,
    no_password: Annotated[
        bool,
        typer.Option("--no-password", help="Inget lösenord: kontot loggar bara in via OpenID."),
    ] = False,
) -> None:
    """Lägg till ett konto; lösenordet läses från en dold fråga eller standard in."""
    password = None if no_password else _read_password()
    user_id = users.add_user(
        context(),
        username=username,
        role=role,
        password=password,
        display_name=name,
        provider_code=provider,
        by=CLI_ADMIN,
    )
    typer.echo(f"Kontot {username.strip().lower()} är skapat (id {user_id}).")


@user_app.command("list")
@handles_errors
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Visa alla konton."""
    accounts = users.list_users(context())
    rows = [
        {
            "username": a.username,
            "name": a.display_name,
            "role": str(a.role),
            "provider": a.provider_code,
            "active": a.active,
            "locked_until": a.locked_until.isoformat() if a.locked_until else None,
        }
        for a in accounts
    ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo("Inga konton.")
        raise typer.Exit(int(ExitCode.OK))
    for row in rows:
        provider = f" ({row['provider']})" if row["provider"] else ""
        typer.echo(f"{row['username']:<20} {row['role']:<30}{provider}")
