"""One builder per extract kind and scope: query the logs, shape a plain :class:`ExtractData`."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import ExtractData, ExtractHeader, ExtractSpec
from loggutdrag.extracts.builders.active_alarms import build_active_alarm_customers
from loggutdrag.extracts.builders.alarm_calls import (
    build_escalated_calls_of_provider,
    build_escalated_calls_of_recipient,
)
from loggutdrag.extracts.builders.common import BuildContext, SpecError
from loggutdrag.extracts.builders.lock_log import (
    build_lock_log_of_recipient,
    build_lock_log_of_staff,
)
from loggutdrag.extracts.builders.supervision import (
    build_supervision_of_provider,
    build_supervision_of_recipient,
)

Builder = Callable[[BuildContext, ExtractSpec], ExtractData]

BUILDERS: dict[tuple[ExtractKind, Scope], Builder] = {
    (ExtractKind.ACTIVE_ALARM_CUSTOMERS, Scope.PROVIDER): build_active_alarm_customers,
    (ExtractKind.ESCALATED_ALARM_CALLS, Scope.RECIPIENT): build_escalated_calls_of_recipient,
    (ExtractKind.ESCALATED_ALARM_CALLS, Scope.PROVIDER): build_escalated_calls_of_provider,
    (ExtractKind.LOCK_LOG, Scope.RECIPIENT): build_lock_log_of_recipient,
    (ExtractKind.LOCK_LOG, Scope.STAFF): build_lock_log_of_staff,
    (ExtractKind.SUPERVISION_LOG, Scope.RECIPIENT): build_supervision_of_recipient,
    (ExtractKind.SUPERVISION_LOG, Scope.PROVIDER): build_supervision_of_provider,
}


def build_extract(
    connection: Connection, spec: ExtractSpec, header: ExtractHeader, tz: ZoneInfo
) -> ExtractData:
    """Build the extract ``spec`` asks for; raises :class:`SpecError` for a kind/scope that does
    not exist or a spec that lacks what it needs."""
    builder = BUILDERS.get((spec.kind, spec.scope))
    if builder is None:
        raise SpecError(
            "scope", f"utdrag av typen {spec.kind} finns inte för omfattningen {spec.scope}"
        )
    return builder(BuildContext(connection, tz, header), spec)


__all__ = ["BUILDERS", "SpecError", "build_extract"]
