"""The Typer application, exit codes and the shared error handling of every command."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import IntEnum
from functools import wraps
from typing import Any, NoReturn, ParamSpec, TypeVar

import typer
from pydantic import ValidationError

from loggutdrag.config import Settings, get_settings
from loggutdrag.services.context import AppContext, build_context
from loggutdrag.services.errors import ServiceError

app = typer.Typer(
    name="loggutdrag",
    help="Loggutdrag från välfärdsteknik: ta emot begäran, importera loggar, ta fram och leverera.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class ExitCode(IntEnum):
    """Exit codes of contract 1."""

    OK = 0
    SOME_ROWS_REJECTED = 1  # import only: the file was read, some rows went to quarantine
    BAD_INPUT = 2
    INCOMPLETE = 3
    NOT_ALLOWED = 4


P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: ExitCode = ExitCode.BAD_INPUT) -> NoReturn:
    typer.echo(f"Fel: {message}", err=True)
    raise typer.Exit(int(code))


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a service's business error into its Swedish message and exit code; never a traceback."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ServiceError as error:
            fail(error.message_sv, ExitCode(error.exit_code))

    return wrapper


def load_settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'inställning'}: {e['msg']}" for e in error.errors()
        )
        fail(f"inställningarna går inte att använda ({problems})")


def context(settings: Settings | None = None) -> AppContext:
    return build_context(settings or load_settings())


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


UNEXPECTED_ERROR = 70  # EX_SOFTWARE: distinct from every exit code of contract 1


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Avbrutet.", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: never a traceback
        # Only the error's type: its text may quote personal data (e.g. a database parameter).
        typer.echo(
            f"Fel: ett oväntat fel inträffade ({type(error).__name__}). "
            "Kontakta systemförvaltningen om felet kvarstår.",
            err=True,
        )
        sys.exit(UNEXPECTED_ERROR)
