"""Use cases: list the quarantine of rejected rows, and retry it (e.g. after fixing a profile).

A retried row goes through the same normalisation and writing as an import. Rows that now pass
are inserted (or found to be duplicates) and marked resolved; the others stay, with the new reason.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from loggutdrag.domain.enums import ImportSource
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError
from loggutdrag.services.imports import (
    REJECTIONS_SHOWN,
    ImportReport,
    load_profile,
    parse_source,
    profile_dir,
)
from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.normalise import WIDTH_MARK, Normaliser
from loggutdrag.sources.profile import NATIVE, Profile, ProfileError, all_profiles
from loggutdrag.sources.readers import RawBatch
from loggutdrag.sources.spec import spec_for
from loggutdrag.store import imports_repo as repo
from loggutdrag.store.bulk_refs import References
from loggutdrag.store.bulk_writers import finish_writer, import_connection, make_writer

PAGE = 5_000


def list_quarantine(
    ctx: AppContext, *, source: str | None = None, limit: int = 1_000
) -> dict[str, Any]:
    """Unresolved quarantined rows (oldest first, at most ``limit``) and how many there are."""
    kind = parse_source(source) if source else None
    with ctx.engine.connect() as connection:
        rows = repo.quarantined(connection, source=kind, limit=limit)
        total = repo.count_quarantined(connection, kind)
    return {
        "total": total,
        "rows": [
            {
                "quarantine_id": row.id,
                "run_id": row.import_run_id,
                "source": row.source,
                "file": row.filename,
                "profile": row.profile,
                "line": row.line,
                "id": row.external_id or "",
                "reason": row.reason,
                "raw": row.raw,
            }
            for row in rows
        ],
    }


def _source_of_profile(ctx: AppContext, name: str) -> ImportSource:
    if name.endswith(".toml"):
        from loggutdrag.sources.profile import profile_from_toml

        path = Path(name)
        if not path.is_file():
            raise BadInputError(f"profilfilen {name} finns inte", field="profile")
        try:
            return profile_from_toml(
                path.read_text("utf-8"), origin=name, default_name=path.stem
            ).source
        except ProfileError as error:
            raise BadInputError(str(error), field="profile") from None
    try:
        matches = [p for p in all_profiles(profile_dir(ctx)) if p.name == name]
    except ProfileError as error:
        raise BadInputError(str(error), field="profile") from None
    if not matches:
        raise BadInputError(f"profilen {name!r} finns inte", field="profile")
    return matches[0].source


def retry_quarantine(
    ctx: AppContext,
    *,
    source: str | None = None,
    profile: str | None = None,
    started_by: str | None = None,
) -> ImportReport:
    """Run the quarantined rows (of ``source``) through ``profile`` (else each row's own) again."""
    kind = parse_source(source) if source else None
    if kind is None and profile and profile != NATIVE:
        kind = _source_of_profile(ctx, profile)
    if kind is None and profile == NATIVE:
        raise BadInputError("ange --source tillsammans med profilen native", field="source")
    sources = [kind] if kind else list(ImportSource)
    report = ImportReport(
        source=kind or "alla", file="karantän", profile=profile or "", run_id=None
    )
    for each in sources:
        _retry_source(ctx, each, profile, started_by, report)
    report.rejections.sort(key=lambda item: (item["line"], item["id"]))
    report.rejections_truncated = report.rejected > len(report.rejections)
    return report


def _retry_source(
    ctx: AppContext,
    kind: ImportSource,
    profile_name: str | None,
    started_by: str | None,
    report: ImportReport,
) -> None:
    with ctx.engine.connect() as connection:
        if not repo.count_quarantined(connection, kind):
            return
    counts = repo.RunCounts()
    profiles: dict[str, Profile] = {}
    with import_connection(ctx.engine) as connection:
        run_id = repo.create_run(
            connection,
            source=kind,
            filename="karantän",
            file_sha256=hashlib.sha256(f"retry:{ctx.clock().isoformat()}".encode()).hexdigest(),
            profile=profile_name or "",
            started_at=ctx.clock(),
            started_by=started_by,
        )
        refs = References(connection, ctx.settings.timezone)
        writer = make_writer(kind, connection, refs)
        after = 0
        while True:
            rows = repo.quarantined(connection, source=kind, after_id=after, limit=PAGE)
            if not rows:
                break
            after = rows[-1].id
            groups: dict[tuple[str, tuple[str, ...]], list[repo.QuarantineRow]] = defaultdict(list)
            for row in rows:
                name = profile_name or row.profile or NATIVE
                groups[(name, tuple(row.raw))].append(row)
            for (name, header), members in groups.items():
                if name not in profiles:
                    profiles[name] = load_profile(ctx, kind, name)
                _retry_group(
                    connection,
                    kind=kind,
                    profile=profiles[name],
                    header=list(header),
                    members=members,
                    writer=writer,
                    counts=counts,
                    report=report,
                    ctx=ctx,
                )
        finish_writer(writer)
        repo.save_progress(connection, run_id, counts, 0)
        repo.finish_run(connection, run_id, repo.RunStatus.FINISHED, ctx.clock())
        connection.commit()
    report.read += counts.read
    report.inserted += counts.inserted
    report.duplicates += counts.duplicates
    report.updated += counts.updated
    report.rejected += counts.rejected
    report.run_id = run_id


def _retry_group(
    connection: Any,
    *,
    kind: ImportSource,
    profile: Profile,
    header: list[str],
    members: list[repo.QuarantineRow],
    writer: Any,
    counts: repo.RunCounts,
    report: ImportReport,
    ctx: AppContext,
) -> None:
    still: dict[int, str] = {}  # index in members -> reason
    candidates = [i for i, row in enumerate(members) if WIDTH_MARK not in row.raw]
    for i, row in enumerate(members):
        if WIDTH_MARK in row.raw:
            still[i] = row.reason
    try:
        normaliser = Normaliser(spec_for(kind), profile, header)
    except FileUnreadableError as error:
        for i in candidates:
            still[i] = error.message_sv
        candidates = []
    accepted: list[int] = []
    if candidates:
        batch = RawBatch(
            candidates, [[str(members[i].raw.get(h, "")) for h in header] for i in candidates]
        )
        normal, rejections = normaliser.apply(batch)
        for rejection in rejections:
            still[rejection.line] = rejection.reason
        outcome = writer.write(normal.keys, normal.columns)
        for index, reason in outcome.rejected.items():
            still[normal.lines[index]] = reason
        accepted = [i for i in normal.lines if i not in still]
        counts.inserted += outcome.inserted
        counts.duplicates += outcome.duplicates
        counts.updated += outcome.updated
    counts.read += len(members)
    counts.rejected += len(still)
    for i, reason in still.items():
        if reason != members[i].reason:
            repo.set_reason(connection, members[i].id, reason)
        if len(report.rejections) < REJECTIONS_SHOWN:
            report.rejections.append(
                {"line": members[i].line, "id": members[i].external_id or "", "reason": reason}
            )
    repo.resolve(connection, [members[i].id for i in accepted], ctx.clock())
