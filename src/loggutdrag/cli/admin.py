"""Set-up commands: init, demo-data, serve."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from loggutdrag.cli.app import app, context, handles_errors, load_settings, print_json
from loggutdrag.services import setup


@app.command()
@handles_errors
def init() -> None:
    """Skapa databasen, eller uppgradera den till senaste schemat."""
    ctx = context()
    setup.init_database(ctx)
    typer.echo(f"Databasen är klar: {ctx.engine.url.render_as_string(hide_password=True)}")


@app.command("demo-data")
@handles_errors
def demo_data(
    scale: Annotated[
        float, typer.Option(help="Storlek: 1 ≈ 1 000 larmkunder och ett års loggar.")
    ] = 1,
    seed: Annotated[int, typer.Option(help="Slumpfrö; samma frö ger samma kommun.")] = 1,
    csv: Annotated[
        Path | None,
        typer.Option(help="Skriv importfiler (native CSV) hit i stället för databasen."),
    ] = None,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Gör ingenting om databasen redan har data.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")] = False,
) -> None:
    """Fyll databasen (eller en mapp med CSV) med en påhittad kommun."""
    from loggutdrag.services import demo

    ctx = context()
    if if_empty and csv is None and setup.has_data(ctx):
        if not as_json:
            typer.echo("Databasen har redan data; demodata läses inte in igen.")
        return
    result = demo.load_demo(ctx, scale=scale, seed=seed, csv_dir=csv, progress=not as_json)
    if as_json:
        print_json(result)
    else:
        for line in demo.describe_counts(result):
            typer.echo(line)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Adress att lyssna på.")] = None,
    port: Annotated[int | None, typer.Option(help="Port att lyssna på.")] = None,
    show_demo_logins: Annotated[
        bool, typer.Option("--show-demo-logins", help="Skriv ut demokontonas inloggningar.")
    ] = False,
) -> None:
    """Starta webbappen."""
    import uvicorn

    from loggutdrag.web.app import create_app

    settings = load_settings()
    host, port = host or settings.host, port or settings.port
    typer.echo(f"\nLoggutdrag körs på http://{host}:{port}/")
    if show_demo_logins:
        from loggutdrag.services import demo

        typer.echo("Demokonton (endast för demo):")
        for login in demo.demo_logins():
            typer.echo(f"  {login.username:<16} lösenord {login.password:<17} {login.description}")
    typer.echo("Avsluta med Ctrl+C.\n")
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        access_log=False,  # access logs would carry paths; we keep nothing personal in logs
    )
