"""The yearly wheel SVG: an accessible image with an arc per span, overlapping spans in separate lanes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.core.svg import BAD_CHART_ID
from samverkan.followup.seasons.lib.wheel import BAD_MONTH, Span, lanes, span_bounds, wheel_chart
from tests.svg_boxes import Box, text_boxes, view_size

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


ARJEPLOG_EVENTS = [
    Span("Biltestsäsong", 1, 3, 7, 31),
    Span("Påsk och skoterpremiär", 3, 4, 25, 25),
    Span("Midsommar", 6, 6, 19, 25),
    Span("Arjeplogs marknad", 7, 7, 15, 20),
    Span("Jul och nyår", 12, 1, 20, 6),
]
ACTIVITIES = [
    Span("Trygghetsvandring i centrum", 3, 3, 1, 10),
    Span("Nattvandring under marknaden", 7, 7, 14, 21),
    Span("Information till testföretagen om stöldskydd", 1, 2, 2, 15),
    Span("Skolavslutning", 6, 6, 10, 12),
]


def assert_labels_readable(svg: str) -> list[Box]:
    width, height = view_size(svg)
    labels = text_boxes(svg, "arc-label")
    others = [box for box in text_boxes(svg) if box not in labels]
    for i, label in enumerate(labels):
        assert label.inside(width, height), f"{label.text!r} is cut off: {label} in {width} × {height}"
        for other in labels[i + 1 :] + others:
            assert not label.overlaps(other), f"{label.text!r} overlaps {other.text!r}"
    return labels


def test_it_labels_every_arc_and_no_label_overlaps_another_or_leaves_the_picture():
    svg = chart(rings=[("Evenemang", ARJEPLOG_EVENTS), ("Åtgärder", ACTIVITIES)])
    labels = assert_labels_readable(svg)
    shown = {box.text for box in labels}
    assert {"Biltestsäsong", "Påsk och skoterpremiär", "Midsommar", "Arjeplogs marknad", "Jul och nyår"} <= shown
    assert len(labels) == len(ARJEPLOG_EVENTS) + len(ACTIVITIES)
    # A name too long for the margin is shortened, and the arc's tooltip keeps it whole.
    assert any(text.startswith("Information till") and text.endswith("…") for text in shown)
    assert "<title>Information till testföretagen om stöldskydd</title>" in svg


def test_it_draws_a_leader_from_each_label_to_its_arc():
    svg = chart(rings=[("Evenemang", ARJEPLOG_EVENTS)])
    (leaders,) = re.findall(r'<path d="([^"]*)"[^>]*class="leader"', svg)
    assert leaders.count("M") == len(ARJEPLOG_EVENTS)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.builds(
            Span,
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=40).map(str.strip).filter(bool),
            st.integers(min_value=1, max_value=12),
            st.integers(min_value=1, max_value=12),
            st.integers(min_value=1, max_value=28),
            st.integers(min_value=1, max_value=28),
        ),
        max_size=24,
    ),
)
def test_it_never_lets_arc_labels_overlap_or_leave_the_picture(spans):
    half = len(spans) // 2
    assert_labels_readable(chart(rings=[("Evenemang", spans[:half]), ("Åtgärder", spans[half:])]))
