"""The officers' import page: upload a vendor's log file, see what became of each row, and the
quarantine of rejected rows (with "Försök igen" to run them through the import again).

The upload never sits in memory: Starlette spools the multipart part to disk past 1 MiB, and it is
copied in 1 MiB chunks into a temporary folder that is removed as soon as the import is done.
Every import and retry is recorded in the audit trail (AuditAction.IMPORT_RUN).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from loggutdrag.auth.roles import OFFICE_ROLES
from loggutdrag.domain.actor import Actor
from loggutdrag.domain.audit import AuditAction
from loggutdrag.domain.enums import ImportSource
from loggutdrag.services import imports
from loggutdrag.services.audit import note
from loggutdrag.services.errors import ServiceError
from loggutdrag.services.import_quarantine import list_quarantine, retry_quarantine
from loggutdrag.services.imports import ImportReport
from loggutdrag.sources.profile import NATIVE
from loggutdrag.web.deps import get_ctx, require_roles
from loggutdrag.web.ui.i18n import N_, gettext, translated
from loggutdrag.web.ui.render import page

router = APIRouter(include_in_schema=False)
Officer = Annotated[Actor, Depends(require_roles(*OFFICE_ROLES))]

SOURCE_SV: dict[str, str] = {
    ImportSource.ALARM_REGISTER: N_("Larmregister (trygghetslarm och akutlarm)"),
    ImportSource.ALARM_CALLS: N_("Larmanrop"),
    ImportSource.LOCK_EVENTS: N_("Låshändelser (digital nyckelhantering)"),
    ImportSource.SUPERVISION_ORDERS: N_("Tillsynsbeställningar (visuell digital tillsyn)"),
    ImportSource.SUPERVISION_LOOKINS: N_("Utförda tillsyner (visuell digital tillsyn)"),
}
NATIVE_SV = N_("Standardformat (native)")
CHUNK = 1 << 20  # bytes copied at a time
REJECTIONS_ON_PAGE = 500  # the rest are in the quarantine
QUARANTINE_ON_PAGE = 500
PAGE_PATH = "/handlaggare/import"
QUARANTINE_PATH = "/handlaggare/import/karantan"


def save_upload(upload: BinaryIO, folder: Path, filename: str | None) -> Path:
    """Copy an uploaded file into ``folder`` chunk by chunk; the path keeps only the file's name."""
    name = Path(filename or "").name.strip() or "uppladdad-fil"
    path = folder / name
    with path.open("wb") as target:
        while chunk := upload.read(CHUNK):
            target.write(chunk)
    return path


def _profiles(request: Request) -> list[dict[str, Any]]:
    """Profile choices grouped by source (the native format is the empty choice)."""
    listed = imports.list_profiles(get_ctx(request))
    return [
        {
            "source": source,
            "label": gettext(label),
            "profiles": [p for p in listed if p["source"] == source.value and p["name"] != NATIVE],
        }
        for source, label in ((ImportSource(s), label) for s, label in SOURCE_SV.items())
    ]


def _import_page(
    request: Request,
    *,
    report: ImportReport | None = None,
    error: str | None = None,
    chosen: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "import.html",
        gettext("Importera loggar"),
        status_code=status_code,
        sources=translated(SOURCE_SV),
        native_label=gettext(NATIVE_SV),
        profile_groups=_profiles(request),
        report=report,
        shown=report.rejections[:REJECTIONS_ON_PAGE] if report else [],
        error=error,
        chosen=chosen or {},
    )


def _audit(request: Request, actor: Actor, report: ImportReport, *, retry: bool) -> None:
    """The file's name stays out of the trail (it may name a person); the run has it."""
    note(
        get_ctx(request),
        actor,
        AuditAction.IMPORT_RUN,
        source=str(report.source),
        profile=report.profile,
        run_id=report.run_id,
        retry=retry,
        read=report.read,
        inserted=report.inserted,
        duplicates=report.duplicates,
        rejected=report.rejected,
    )


@router.get(PAGE_PATH, response_class=HTMLResponse)
def import_form(request: Request, actor: Officer) -> HTMLResponse:
    return _import_page(request)


@router.post(PAGE_PATH, response_class=HTMLResponse)
def upload(
    request: Request,
    actor: Officer,
    source: Annotated[str, Form(max_length=40)],
    file: Annotated[UploadFile, File()],
    profile: Annotated[str, Form(max_length=200)] = "",
) -> HTMLResponse:
    ctx = get_ctx(request)
    chosen = {"source": source, "profile": profile}
    if not file.filename:
        return _import_page(
            request, error=gettext("Välj en fil att importera."), chosen=chosen, status_code=422
        )
    try:
        with tempfile.TemporaryDirectory(prefix="loggutdrag-upload-") as folder:
            path = save_upload(file.file, Path(folder), file.filename)
            report = imports.import_file(
                ctx,
                source,
                path,
                profile=profile or None,
                started_by=actor.username,
                filename=path.name,
            )
    except ServiceError as problem:
        return _import_page(
            request, error=problem.message_sv, chosen=chosen, status_code=problem.http_status
        )
    finally:
        file.file.close()
    _audit(request, actor, report, retry=False)
    return _import_page(request, report=report, chosen=chosen)


def _quarantine_page(
    request: Request,
    source: str,
    *,
    report: ImportReport | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    chosen = source if source in SOURCE_SV else ""
    listing = list_quarantine(get_ctx(request), source=chosen or None, limit=QUARANTINE_ON_PAGE)
    return page(
        request,
        "import_quarantine.html",
        gettext("Karantän – avvisade rader"),
        status_code=status_code,
        sources=translated(SOURCE_SV),
        chosen=chosen,
        listing=listing,
        report=report,
        shown=report.rejections[:REJECTIONS_ON_PAGE] if report else [],
        error=error,
    )


@router.get(QUARANTINE_PATH, response_class=HTMLResponse)
def quarantine(request: Request, actor: Officer, kalla: str = "") -> HTMLResponse:
    """``kalla`` (the source) is the only filter: no personal data in the URL."""
    return _quarantine_page(request, kalla)


@router.post(QUARANTINE_PATH + "/forsok-igen", response_class=HTMLResponse)
def retry(
    request: Request,
    actor: Officer,
    source: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Run the quarantined rows (of one source, or all) through the import again."""
    try:
        report = retry_quarantine(
            get_ctx(request), source=source or None, started_by=actor.username
        )
    except ServiceError as problem:
        return _quarantine_page(
            request, source, error=problem.message_sv, status_code=problem.http_status
        )
    _audit(request, actor, report, retry=True)
    return _quarantine_page(request, source, report=report)
