"""The pictures: SVG bar charts made on the server, described for screen readers, escaped."""

from __future__ import annotations

from datetime import UTC, date, datetime

from loggutdrag.domain.enums import ExtractKind, Scope
from loggutdrag.domain.extract import Column, ExtractData, ExtractHeader, Period
from loggutdrag.web.ui.charts import Chart, Series, arrival_chart, supervision_chart, weeks_chart


def _data(
    kind: ExtractKind, columns: tuple[str, ...], rows: list[tuple[object, ...]]
) -> ExtractData:
    return ExtractData(
        kind=kind,
        scope=Scope.RECIPIENT,
        period=Period(date(2026, 10, 1), date(2026, 10, 31)),
        subject={},
        subject_text="",
        summary={},
        summary_labels={},
        columns=tuple(Column(key, key) for key in columns),
        rows=rows,  # type: ignore[arg-type]
        header=ExtractHeader(datetime(2026, 11, 2, tzinfo=UTC), "handlaggare"),
    )


def test_a_chart_is_an_accessible_svg_with_escaped_text() -> None:
    svg = str(Chart("x", "Titel <b>", "Beskrivning & mer", ["a<", "b"], (Series("S", [1, 3]),)).svg)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="x-t x-d"' in svg
    assert '<title id="x-t">Titel &lt;b&gt;</title>' in svg
    assert "Beskrivning &amp; mer" in svg
    assert "<b>" not in svg and "a<" not in svg


def test_the_tallest_bar_fills_the_plot_and_zero_draws_nothing() -> None:
    svg = str(Chart("x", "t", "d", ["a", "b"], (Series("S", [0, 4]),)).svg)
    assert 'height="0"' in svg
    assert 'height="164"' in svg  # 220 - 16 - 40


def test_supervision_counts_planned_and_performed_look_ins_per_night() -> None:
    night = datetime(2026, 10, 3, 21, 0, tzinfo=UTC)  # 23:00 local: the night of 3 October
    after_midnight = datetime(2026, 10, 4, 1, 0, tzinfo=UTC)  # 03:00 local: still that night
    data = _data(
        ExtractKind.SUPERVISION_LOG,
        ("planned_at", "performed_at"),
        [(night, night), (after_midnight, None)],
    )
    chart = supervision_chart(data, "Europe/Stockholm")
    assert chart is not None
    assert list(chart.labels) == ["03/10"]
    assert [list(s.values) for s in chart.series] == [[2], [1]]


def test_arrival_minutes_per_call() -> None:
    data = _data(
        ExtractKind.ESCALATED_ALARM_CALLS,
        ("triggered_at", "minutes_to_arrive"),
        [
            (datetime(2026, 10, 3, 10, 0, tzinfo=UTC), 17.5),
            (datetime(2026, 10, 4, tzinfo=UTC), None),
        ],
    )
    chart = arrival_chart(data, "Europe/Stockholm")
    assert chart is not None
    assert list(chart.labels) == ["03/10 12:00"]
    assert list(chart.series[0].values) == [17.5]


def test_weeks_chart_describes_the_total() -> None:
    chart = weeks_chart([("v. 44", 3), ("v. 45", 5)])
    assert "8 ärenden" in chart.description
