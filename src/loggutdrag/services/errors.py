"""Business errors a use case reports to its caller.

The CLI turns them into exit codes, the web layer into HTTP answers.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A use case could not do what was asked; ``message_sv`` says why, in Swedish, to a user."""

    exit_code = 2  # contract 1: bad input
    http_status = 400

    def __init__(self, message_sv: str, *, field: str | None = None) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv
        self.field = field


class BadInputError(ServiceError):
    exit_code = 2
    http_status = 422


class NotFoundError(ServiceError):
    exit_code = 2
    http_status = 404


class IncompleteRequestError(ServiceError):
    exit_code = 3
    http_status = 422


class NotAllowedError(ServiceError):
    exit_code = 4
    http_status = 403
