"""Use case: import a vendor's log file; list and retry the quarantine.

Every row read ends up inserted, recognised as a duplicate (its natural key is stored already,
also earlier in the same file) or rejected into the quarantine with its line, id and reason:
``read = inserted + duplicates + rejected`` always. Batches commit together with the run's
counters and resume point, so an import killed at any moment and run again resumes where the
stored state ends (see store/imports_repo.py).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from loggutdrag.domain.enums import ImportSource
from loggutdrag.services.context import AppContext
from loggutdrag.services.errors import BadInputError, ServiceError
from loggutdrag.sources.errors import FileUnreadableError
from loggutdrag.sources.normalise import NormalBatch, Normaliser, Rejection
from loggutdrag.sources.profile import NATIVE, Profile, ProfileError, all_profiles, find_profile
from loggutdrag.sources.readers import RawBatch, Reader, batch_after, last_line, open_reader
from loggutdrag.sources.spec import spec_for
from loggutdrag.store import bulk_indexes
from loggutdrag.store import imports_repo as repo
from loggutdrag.store.bulk import TableSink
from loggutdrag.store.bulk_refs import References
from loggutdrag.store.bulk_writers import finish_writer, import_connection, make_writer, sink_of

BATCH_ROWS = 20_000  # rows normalised and written at a time
COMMIT_ROWS = 250_000  # rows per transaction (a batch always commits whole)
BULK_MIN_ROWS = 100_000  # a file this large (and >= half the table) imports with indexes dropped
REJECTIONS_SHOWN = 10_000  # rejections listed in a report; all of them stay in the quarantine

Progress = Callable[[int, int, int], None]  # (done, total, rows read): bytes or XLSX rows


class ImportFileError(BadInputError):
    """The file cannot be read at all (exit code 2)."""


class ImportConflictError(ServiceError):
    exit_code = 2
    http_status = 409


@dataclass
class ImportReport:
    source: str
    file: str
    profile: str
    run_id: int | None
    read: int = 0
    inserted: int = 0
    duplicates: int = 0
    updated: int = 0
    rejected: int = 0
    rejections: list[dict[str, Any]] = field(default_factory=list)
    rejections_truncated: bool = False
    resumed: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def parse_source(source: str) -> ImportSource:
    try:
        return ImportSource(source)
    except ValueError:
        names = ", ".join(member.value for member in ImportSource)
        raise BadInputError(f"okänd källa {source!r}; välj en av {names}", field="source") from None


def profile_dir(ctx: AppContext) -> Path:
    """Where an officer keeps their own vendor profiles."""
    return ctx.settings.data_dir / "profiles"


def load_profile(ctx: AppContext, source: ImportSource, name: str | None) -> Profile:
    try:
        return find_profile(name, source, own_dir=profile_dir(ctx), zone=ctx.settings.timezone)
    except ProfileError as error:
        raise BadInputError(str(error), field="profile") from None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise ImportFileError(f"filen {path.name} går inte att läsa: {error.strerror}") from None
    return digest.hexdigest()


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector scans every live row object again and again; the import
    creates no cycles, so it is paused while it runs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_file(
    ctx: AppContext,
    source: str,
    path: Path,
    *,
    profile: str | None = None,
    started_by: str | None = None,
    progress: Progress | None = None,
    filename: str | None = None,
) -> ImportReport:
    """Import ``path`` as ``source`` (with a vendor ``profile``); resumes an interrupted run."""
    kind = parse_source(source)
    chosen = load_profile(ctx, kind, profile)
    if not path.is_file():
        raise ImportFileError(f"filen {path} finns inte")
    sha = file_sha256(path)
    name = filename or path.name
    try:
        with repo.claim(ctx.engine, f"{kind}:{sha}:{chosen.name}"):
            return _import(
                ctx,
                kind=kind,
                path=path,
                profile=chosen,
                sha=sha,
                name=name,
                started_by=started_by,
                progress=progress,
            )
    except repo.ImportAlreadyRunningError:
        raise ImportConflictError(
            "den här filen importeras redan just nu; vänta tills den är klar"
        ) from None


def _open(path: Path, profile: Profile, kind: ImportSource) -> tuple[Reader, Normaliser]:
    wanted = [name for names in profile.columns.values() for name in names]
    wanted += [
        part for template in profile.templates.values() for part in _template_columns(template)
    ]
    try:
        reader = open_reader(path, profile, wanted)
    except FileUnreadableError as error:
        raise ImportFileError(error.message_sv) from None
    try:
        return reader, Normaliser(spec_for(kind), profile, reader.header)
    except FileUnreadableError as error:
        reader.close()
        raise ImportFileError(f"{path.name}: {error.message_sv}") from None


def _template_columns(template: str) -> list[str]:
    import re

    return re.findall(r"\{([^{}]+)\}", template)


def _import(
    ctx: AppContext,
    *,
    kind: ImportSource,
    path: Path,
    profile: Profile,
    sha: str,
    name: str,
    started_by: str | None,
    progress: Progress | None,
) -> ImportReport:
    reader, normaliser = _open(path, profile, kind)
    try:
        with ctx.engine.begin() as connection:
            run = repo.find_unfinished(connection, kind, sha, profile.name)
            if run is None:
                run_id = repo.create_run(
                    connection,
                    source=kind,
                    filename=name,
                    file_sha256=sha,
                    profile=profile.name,
                    started_at=ctx.clock(),
                    started_by=started_by,
                )
                run = repo.get_run(connection, run_id)
        resumed = run.last_line > 0
        with _no_gc():
            _write_all(ctx, run, reader, normaliser, progress)
        with ctx.engine.connect() as connection:
            done = repo.get_run(connection, run.id)
            rejections = repo.rejections_of_run(connection, run.id, REJECTIONS_SHOWN)
    finally:
        reader.close()
    counts = done.counts
    return ImportReport(
        source=kind,
        file=name,
        profile=profile.name,
        run_id=run.id,
        read=counts.read,
        inserted=counts.inserted,
        duplicates=counts.duplicates,
        updated=counts.updated,
        rejected=counts.rejected,
        rejections=rejections,
        rejections_truncated=counts.rejected > len(rejections),
        resumed=resumed,
    )


def _prepared(
    reader: Reader, normaliser: Normaliser, resume_after: int
) -> Iterator[tuple[RawBatch, NormalBatch, list[Rejection]]]:
    for raw in reader.batches(BATCH_ROWS):
        batch = batch_after(raw, resume_after) if resume_after else raw
        if batch is not None:
            yield (batch, *normaliser.apply(batch))


def _write_all(
    ctx: AppContext,
    run: repo.RunRow,
    reader: Reader,
    normaliser: Normaliser,
    progress: Progress | None,
) -> None:
    """Write every batch; commits every COMMIT_ROWS rows with the run's resume point.

    A bulk import (see :func:`_goes_bulk`) instead drops the table's secondary indexes, writes the
    whole file and rebuilds them in one transaction (store/bulk_indexes.py): killed, it leaves
    the state before it and a re-run starts again from the first line.
    """
    counts = run.counts
    resume_after = run.last_line
    line = run.last_line
    with import_connection(ctx.engine) as connection:
        refs = References(connection, ctx.settings.timezone)
        writer = make_writer(run.source, connection, refs)
        sink = sink_of(writer)
        repo.save_progress(connection, run.id, counts, line)  # takes the write lock first
        if sink is not None:
            bulk_indexes.restore_missing(connection, sink.table)
        dropped: list[Any] | None = None
        pending = 0
        try:
            for batch, normal, rejections in _prepared(reader, normaliser, resume_after):
                if dropped is None:
                    dropped = _maybe_bulk(connection, sink, reader, len(batch), resume_after)
                outcome = writer.write(normal.keys, normal.columns)
                _add_write_rejections(rejections, outcome.rejected, normal, normaliser.header)
                repo.add_to_quarantine(
                    connection,
                    run.id,
                    run.source,
                    [(r.line, r.id, r.reason, r.raw) for r in rejections],
                )
                counts.read += len(batch)
                counts.inserted += outcome.inserted
                counts.duplicates += outcome.duplicates
                counts.updated += outcome.updated
                counts.rejected += len(rejections)
                line = last_line(batch)
                pending += len(batch)
                if pending >= COMMIT_ROWS and not dropped:
                    repo.save_progress(connection, run.id, counts, line)
                    connection.commit()
                    repo.save_progress(connection, run.id, counts, line)
                    pending = 0
                if progress is not None:
                    progress(reader.done(), reader.total, counts.read)
            finish_writer(writer)
            if dropped:
                bulk_indexes.create(connection, dropped)
        except FileUnreadableError as error:
            connection.rollback()
            with ctx.engine.begin() as failed:
                repo.finish_run(failed, run.id, repo.RunStatus.FAILED, ctx.clock())
            raise ImportFileError(error.message_sv) from None
        repo.save_progress(connection, run.id, counts, line)
        if counts.rejected:
            repo.forget_repeated_rejections(connection, run)
        repo.finish_run(connection, run.id, repo.RunStatus.FINISHED, ctx.clock())
        connection.commit()
        if progress is not None:
            progress(reader.total, reader.total, counts.read)


def _add_write_rejections(
    rejections: list[Rejection], found: dict[int, str], normal: NormalBatch, header: list[str]
) -> None:
    """Rows the writer could not store (e.g. an unknown reference) join the batch's rejections."""
    for index, reason in found.items():
        key = normal.keys[index]
        rejections.append(
            Rejection(
                normal.lines[index],
                key if not key.startswith("h:") else "",
                reason,
                normal.raw_of(index, header),
            )
        )


def _maybe_bulk(
    connection: Any, sink: TableSink | None, reader: Reader, first_rows: int, resumed: int
) -> list[Any]:
    """Drop the log table's secondary indexes for a bulk import; returns them (to rebuild)."""
    if sink is None or resumed or not _goes_bulk(connection, sink.table, reader, first_rows):
        return []
    sink.sorts = False
    return bulk_indexes.drop_secondary(connection, sink.table)


def _goes_bulk(connection: Any, table: str, reader: Reader, first_rows: int) -> bool:
    """Whether the file (estimated from its first batch) is large enough, also against the rows
    already stored, that rebuilding the secondary indexes beats maintaining them row by row."""
    done = reader.done()
    if first_rows <= 0 or done <= 0:
        return False
    expected = first_rows * reader.total / done
    return expected >= max(BULK_MIN_ROWS, bulk_indexes.stored_rows(connection, table) / 2)


def list_profiles(ctx: AppContext, source: str | None = None) -> list[dict[str, str | None]]:
    """The vendor profiles there are (the officer's own and the shipped ones), with native first."""
    kind = parse_source(source) if source else None
    try:
        profiles = all_profiles(profile_dir(ctx))
    except ProfileError as error:
        raise BadInputError(str(error), field="profile") from None
    listed: list[dict[str, str | None]] = [
        {"name": NATIVE, "source": each.value, "description": Profile.native(each).description}
        for each in ImportSource
        if kind in (None, each)
    ]
    listed += [
        {"name": p.name, "source": p.source.value, "description": p.description, "path": p.path}
        for p in profiles
        if kind in (None, p.source)
    ]
    return listed
