"""The command line (contract 1 in DESIGN.md): thin commands that call into services.

Each command group lives in its own module and registers itself on :data:`app` when imported.
"""

from __future__ import annotations

from loggutdrag.cli import (
    admin,  # noqa: F401  (registers its commands)
    audit,  # noqa: F401  (registers its commands)
    extracts,  # noqa: F401  (registers its commands)
    imports,  # noqa: F401  (registers its commands)
    requests,  # noqa: F401  (registers its commands)
    users,  # noqa: F401  (registers its commands)
)
from loggutdrag.cli.app import app, main

__all__ = ["app", "main"]
