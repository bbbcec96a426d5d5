"""The extract as JSON (contract 1): ``{"kind", "scope", "period", "subject", "summary", "rows"}``.

One row per log entry, keyed by the column keys; instants are local ISO 8601 with their offset.
Extra keys (``title``, ``header``, ``columns``, ``sections``) extend the contract.
"""

from __future__ import annotations

import json
from typing import Any

from loggutdrag.domain.extract import ExtractData
from loggutdrag.extracts.render.cells import json_of


def extract_as_dict(data: ExtractData) -> dict[str, Any]:
    keys = [column.key for column in data.columns]
    header = data.header
    return {
        "kind": str(data.kind),
        "scope": str(data.scope),
        "period": {"start": data.period.start.isoformat(), "end": data.period.end.isoformat()},
        "subject": dict(data.subject),
        "summary": {key: json_of(value) for key, value in data.summary.items()},
        "rows": [dict(zip(keys, map(json_of, row), strict=True)) for row in data.rows],
        "title": data.title,
        "header": {
            "diary_number": header.diary_number,
            "requester": header.requester,
            "reason": header.reason,
            "produced_at": header.produced_at.isoformat(),
            "produced_by": header.produced_by,
        },
        "columns": [{"key": c.key, "label": c.label} for c in data.columns],
        "sections": {
            section.key: [
                dict(zip([c.key for c in section.columns], map(json_of, row), strict=True))
                for row in section.rows
            ]
            for section in data.sections
        },
    }


def render_json(data: ExtractData) -> bytes:
    return json.dumps(extract_as_dict(data), ensure_ascii=False, indent=2).encode("utf-8")
