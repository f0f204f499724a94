"""The yearly wheel SVG: an accessible image with an arc per span, overlapping spans in separate lanes."""

from __future__ import annotations

import re

import pytest

from samverkan.core.svg import BAD_CHART_ID
from samverkan.followup.seasons.lib.wheel import BAD_MONTH, Span, lanes, span_bounds, wheel_chart

MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def chart(**overrides) -> str:
    arguments = {
        "chart_id": "wheel",
        "title": "Årshjul Arjeplog 2026",
        "summary": "Två evenemang",
        "month_labels": MONTHS,
        "rings": [("Evenemang", [Span("Biltest", 1, 3, 7, 31), Span("Jul", 12, 1, 20, 6)]), ("Åtgärder", [])],
        "peaks": {2, 3},
        "peak_label": "Topp",
    }
    return wheel_chart(**(arguments | overrides))


def test_it_is_an_image_with_a_title_and_a_description():
    svg = chart()

    assert svg.startswith("<svg ")
    assert 'role="img"' in svg and 'aria-labelledby="wheel-title wheel-desc"' in svg
    assert '<title id="wheel-title">Årshjul Arjeplog 2026</title>' in svg
    assert '<desc id="wheel-desc">Två evenemang</desc>' in svg


def test_it_draws_an_arc_per_span_and_marks_the_peak_months():
    svg = chart()

    assert len(re.findall(r'class="ring-0"', svg)) == 2
    assert "<title>Biltest</title>" in svg and "<title>Jul</title>" in svg
    assert ">feb ▲<" in svg and ">mar ▲<" in svg and ">jan<" in svg
    assert "Evenemang (2)" in svg and "Åtgärder (0)" in svg


def test_it_wraps_a_span_over_the_new_year():
    start, end = span_bounds(Span("Jul", 12, 1, 20, 6))

    assert 11 < start < 12 < end < 13


def test_it_puts_overlapping_spans_in_separate_lanes():
    spans = [Span("a", 1, 3), Span("b", 2, 2), Span("c", 4, 5), Span("d", 12, 1), Span("e", 12, 12)]

    assert lanes(spans) == [0, 1, 0, 1, 0]


def test_it_refuses_a_bad_month_and_a_bad_id():
    with pytest.raises(ValueError, match=re.escape(BAD_MONTH.format(label="x", start=13, end=1))):
        span_bounds(Span("x", 13, 1))
    with pytest.raises(ValueError, match=re.escape(BAD_CHART_ID.format(chart_id="1 wheel"))):
        chart(chart_id="1 wheel")
