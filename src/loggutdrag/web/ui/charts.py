"""Pictures where people would rather look than read: small SVG bar charts made on the server.

Inline SVG needs no script and no external file, so it stays within the 'self' CSP. Each chart has
a title and a description for screen readers, and the page shows the same numbers as a table.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from markupsafe import Markup

from loggutdrag.domain.extract import ExtractData
from loggutdrag.web.ui.i18n import gettext

BAR = "#00507a"
BAR_2 = "#c05a00"
INK = "#1b1b1b"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: str = BAR


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    description: str
    labels: Sequence[str]
    series: Sequence[Series]
    unit: str = ""

    @property
    def svg(self) -> Markup:
        return bar_chart(self)


def bar_chart(chart: Chart, *, height: int = 220) -> Markup:
    count = max(len(chart.labels), 1)
    groups = len(chart.series)
    slot = max(18, min(60, 640 // count))
    width = 48 + slot * count + 16
    top, bottom = 16, 40
    plot = height - top - bottom
    peak = max([v for s in chart.series for v in s.values] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart.chart_id}-t {chart.chart_id}-d">',
        f'<title id="{chart.chart_id}-t">{escape(chart.title)}</title>',
        f'<desc id="{chart.chart_id}-d">{escape(chart.description)}</desc>',
        f'<line x1="44" y1="{top + plot}" x2="{width - 8}" y2="{top + plot}" stroke="{INK}"/>',
        f'<text x="40" y="{top + 4}" font-size="11" text-anchor="end" fill="{INK}">'
        f"{_number(peak)}</text>",
        f'<text x="40" y="{top + plot}" font-size="11" text-anchor="end" fill="{INK}">0</text>',
    ]
    bar_width = max(3, (slot - 6) // max(groups, 1))
    step = max(1, count // 12)
    for index, label in enumerate(chart.labels):
        x0 = 48 + index * slot
        for g, series in enumerate(chart.series):
            value = series.values[index] if index < len(series.values) else 0
            bar = round(plot * value / peak)
            parts.append(
                f'<rect x="{x0 + g * bar_width}" y="{top + plot - bar}" width="{bar_width - 1}" '
                f'height="{bar}" fill="{series.colour}"><title>{escape(label)}: '
                f"{escape(series.name)} {_number(value)} {escape(chart.unit)}</title></rect>"
            )
        if index % step == 0:
            parts.append(
                f'<text x="{x0 + slot // 2}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle" fill="{INK}">{escape(label)}</text>'
            )
    for g, series in enumerate(chart.series if groups > 1 else ()):
        x = 48 + g * 150
        parts.append(
            f'<rect x="{x}" y="{height - 14}" width="10" height="10" fill="{series.colour}"/>'
            f'<text x="{x + 14}" y="{height - 5}" font-size="11" fill="{INK}">'
            f"{escape(series.name)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text inside is escaped above


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _instant(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _column(data: ExtractData, key: str) -> int | None:
    keys = [column.key for column in data.columns]
    return keys.index(key) if key in keys else None


def supervision_chart(data: ExtractData, timezone: str) -> Chart | None:
    """Planned against performed look-ins per night (the night belongs to the evening's date)."""
    planned_at, performed_at = _column(data, "planned_at"), _column(data, "performed_at")
    if planned_at is None or performed_at is None or not data.rows:
        return None
    zone = ZoneInfo(timezone)
    nights: OrderedDict[date, list[int]] = OrderedDict()
    for row in sorted(data.rows, key=lambda r: str(r[planned_at])):
        planned = _instant(row[planned_at])
        if planned is None:
            continue
        local = planned.astimezone(zone)
        night = local.date() if local.hour >= 12 else date.fromordinal(local.date().toordinal() - 1)
        counts = nights.setdefault(night, [0, 0])
        counts[0] += 1
        if _instant(row[performed_at]) is not None:
            counts[1] += 1
    if not nights:
        return None
    labels = [night.strftime("%d/%m") for night in nights]
    return Chart(
        "tillsyn",
        "Planerade och utförda tillsyner per natt",
        f"{len(nights)} nätter; {sum(c[0] for c in nights.values())} planerade och "
        f"{sum(c[1] for c in nights.values())} utförda tillsyner.",
        labels,
        (
            Series("Planerade", [c[0] for c in nights.values()], BAR),
            Series("Utförda", [c[1] for c in nights.values()], BAR_2),
        ),
        unit="st",
    )


def arrival_chart(data: ExtractData, timezone: str) -> Chart | None:
    """Minutes from the call until someone arrived, per escalated call."""
    triggered, minutes = _column(data, "triggered_at"), _column(data, "minutes_to_arrive")
    if triggered is None or minutes is None or not data.rows:
        return None
    zone = ZoneInfo(timezone)
    labels: list[str] = []
    values: list[float] = []
    for row in data.rows:
        at, value = _instant(row[triggered]), row[minutes]
        if at is None or not isinstance(value, int | float):
            continue
        labels.append(at.astimezone(zone).strftime("%d/%m %H:%M"))
        values.append(float(value))
    if not values:
        return None
    return Chart(
        "framme",
        "Minuter till framme per larmanrop",
        f"{len(values)} larmanrop; längst {_number(max(values))} minuter till framme.",
        labels,
        (Series("Minuter till framme", values),),
        unit="min",
    )


def weeks_chart(weeks: Sequence[tuple[str, int]]) -> Chart:
    return Chart(
        "veckor",
        gettext("Inkomna ärenden per vecka"),
        gettext("Senaste %(weeks)s veckorna: %(cases)s ärenden.")
        % {"weeks": len(weeks), "cases": sum(n for _, n in weeks)},
        [label for label, _ in weeks],
        (Series(gettext("Ärenden"), [n for _, n in weeks]),),
        unit=gettext("ärenden"),
    )
