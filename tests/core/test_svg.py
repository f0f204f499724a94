"""The one SVG renderer, without a database: elements and the accessible <svg> around a chart."""

from __future__ import annotations

import pytest

from samverkan.core import svg


def test_it_writes_attributes_with_dashes_in_tenths_and_leaves_out_none():
    element = svg.tag("rect", x=1.25, y=2.0, stroke_width=2, stroke_dasharray=None, class_="bar")
    assert element == '<rect x="1.2" y="2" stroke-width="2" class="bar"/>'


def test_it_escapes_text_and_attributes():
    element = svg.text(0, 0, "<Arjeplog & Arvidsjaur>", aria_label="A & B")
    assert element == '<text x="0" y="0" aria-label="A &amp; B">&lt;Arjeplog &amp; Arvidsjaur&gt;</text>'


def test_it_wraps_a_chart_as_an_image_named_by_its_title_and_summary():
    chart = svg.chart(chart_id="trend", title="Trygghet", summary="Den ökar.", width=640, height=99.2, body=["<g/>"])
    assert chart == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 100" width="100%" role="img"'
        ' aria-labelledby="trend-title trend-desc" font-family="sans-serif" font-size="12" fill="#1a1a1a"'
        ' class="chart"><title id="trend-title">Trygghet</title><desc id="trend-desc">Den ökar.</desc>'
        '<text x="0" y="18" font-size="14" font-weight="bold" class="heading">Trygghet</text><g/></svg>'
    )


@pytest.mark.parametrize("chart_id", ["1trend", "trend chart", ""])
def test_it_refuses_a_chart_id_that_is_not_an_id(chart_id):
    with pytest.raises(ValueError) as error:
        svg.chart(chart_id=chart_id, title="", summary="", width=1, height=1, body=[])
    assert str(error.value) == svg.BAD_CHART_ID.format(chart_id=chart_id)
