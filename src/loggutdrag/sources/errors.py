"""Errors of the sources layer; messages are Swedish (they reach the officer as they are)."""

from __future__ import annotations


class FileUnreadableError(Exception):
    """The file cannot be read at all (exit code 2); ``message_sv`` says why."""

    def __init__(self, message_sv: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv
