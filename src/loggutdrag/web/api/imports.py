"""JSON API for imports: upload a vendor's log file; list the quarantine.

``POST /api/imports`` (multipart: ``source``, ``file``, optional ``profile``) answers with the same
JSON as ``loggutdrag import SOURCE FILE --json``; ``GET /api/imports/quarantine`` lists rejected
rows as ``loggutdrag import quarantine --json`` does.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile

from loggutdrag.auth.roles import OFFICE_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction
from loggutdrag.services import imports
from loggutdrag.services.audit import note
from loggutdrag.services.context import AppContext
from loggutdrag.services.import_quarantine import list_quarantine
from loggutdrag.web.deps import get_ctx, require_roles

# auth: the office (officers and admins), as on the import page. Importing logs is the
# welfare-technology team's job; this dependency is the one hook that decides who may use these
# routes.
require_officer = require_roles(*OFFICE_ROLES)

router = APIRouter(prefix="/api/imports", tags=["import"])

OfficerDep = Annotated[Actor, Depends(require_officer)]
CtxDep = Annotated[AppContext, Depends(get_ctx)]


@router.post("", summary="Importera en loggfil (som `loggutdrag import KÄLLA FIL --json`)")
def upload(
    ctx: CtxDep,
    actor: OfficerDep,
    source: Annotated[str, Form(description="alarm-register, alarm-calls, lock-events, …")],
    file: Annotated[UploadFile, File(description="Leverantörens exportfil.")],
    profile: Annotated[str | None, Form(description="Leverantörsprofil (namn).")] = None,
) -> dict[str, Any]:
    name = Path(file.filename or "uppladdad-fil").name
    with tempfile.TemporaryDirectory(prefix="loggutdrag-import-") as folder:
        path = Path(folder) / name
        with path.open("wb") as target:
            shutil.copyfileobj(file.file, target, 1 << 20)
        report = imports.import_file(
            ctx,
            source,
            path,
            profile=profile or None,
            started_by=actor.username,
            filename=name,
        )
    # As on the import page: the file's name stays out of the trail (it may name a person).
    note(
        ctx,
        actor,
        AuditAction.IMPORT_RUN,
        source=str(report.source),
        profile=report.profile,
        run_id=report.run_id,
        retry=False,
        read=report.read,
        inserted=report.inserted,
        duplicates=report.duplicates,
        rejected=report.rejected,
    )
    return report.as_json()


@router.get("/quarantine", summary="Avvisade rader (som `loggutdrag import quarantine --json`)")
def quarantine(
    ctx: CtxDep,
    _actor: OfficerDep,
    source: Annotated[str | None, Query(description="Bara denna källa.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1_000,
) -> dict[str, Any]:
    return list_quarantine(ctx, source=source, limit=limit)
