"""The import page copies an upload to disk in chunks: a 500 MB file never sits in memory."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from loggutdrag.web.ui.imports import CHUNK, save_upload


class ChunkOnly(io.RawIOBase):
    """A file that refuses to be read whole, and remembers the biggest read."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.biggest = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("the whole upload was read at once")
        self.biggest = max(self.biggest, size)
        given = min(size, self.left)
        self.left -= given
        return b"x" * given


def test_an_upload_is_copied_chunk_by_chunk(tmp_path: Path) -> None:
    upload = ChunkOnly(3 * CHUNK + 17)
    path = save_upload(upload, tmp_path, "laslogg.csv")  # type: ignore[arg-type]
    assert path.stat().st_size == 3 * CHUNK + 17
    assert upload.biggest == CHUNK


@pytest.mark.parametrize(
    ("given", "kept"),
    [("../../etc/passwd", "passwd"), ("C:/export/lås.csv", "lås.csv"), ("", "uppladdad-fil")],
)
def test_an_uploaded_name_cannot_leave_the_folder(tmp_path: Path, given: str, kept: str) -> None:
    path = save_upload(io.BytesIO(b"a"), tmp_path, given)
    assert path == tmp_path / kept
