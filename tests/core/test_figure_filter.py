"""The `figure` template filter writes a figure in the active language."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from samverkan.core import figures

TEMPLATE = (
    '{% load figures %}{{ value|figure:"rate" }} {{ n|figure:"count" }} {{ p|figure:"percent" }} '
    '{{ gone|figure:"mean" }}'
)


def render(language: str) -> str:
    with translation.override(language):
        return Template(TEMPLATE).render(Context({"value": 1234.56, "n": 12000, "p": 38.4, "gone": None}))


def test_it_writes_swedish_on_a_swedish_page():
    assert render("sv") == "1\u202f234,6 12\u202f000 38\u00a0% –"


def test_it_writes_english_on_an_english_page():
    assert render("en") == "1,234.6 12,000 38% –"


def test_it_stops_a_template_with_an_unknown_kind():
    with pytest.raises(TemplateSyntaxError, match="unknown kind 'ratio'"):
        Template('{% load figures %}{{ 1|figure:"ratio" }}').render(Context({}))


def test_the_python_helper_reads_the_active_language():
    with translation.override("en"):
        assert figures.figure(4.47, "mean") == "4.5"
    with translation.override("sv"):
        assert figures.figure(4.47, "mean") == "4,5"


def test_it_leaves_what_is_no_figure_as_it_is():
    with translation.override("sv"):
        assert Template('{% load figures %}{{ v|figure:"rate" }}').render(Context({"v": "<3"})) == "&lt;3"
        assert Template('{% load figures %}{{ v|figure:"rate" }}').render(Context({"v": True})) == "True"
        assert Template('{% load figures %}{{ v|figure:"rate" }}').render(Context({"v": float("nan")})) == "nan"
