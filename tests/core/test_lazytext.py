"""The pure modules' messages (samverkan.core.lazytext) are translated as Django's lazy ones: when they become
text, into the language active then."""

from __future__ import annotations

from django.utils import translation

from samverkan.core.bounds import NUMBER_TOO_LARGE
from samverkan.core.lazytext import LazyText
from samverkan.sources.parsing import HEADER, Problem


def test_it_translates_a_message_into_the_active_language():
    with translation.override("sv"):
        assert str(HEADER) == "rubrikrad"
        assert NUMBER_TOO_LARGE.format(value=7, limit=5) == "7 är större än 5"
    with translation.override("en"):
        assert str(HEADER) == "header"
        assert NUMBER_TOO_LARGE.format(value=7, limit=5) == "7 is larger than 5"


def test_it_keeps_a_problem_in_the_language_active_when_it_was_found():
    with translation.override("sv"):
        problem = Problem("fil.csv", 2, HEADER, NUMBER_TOO_LARGE.format(value=7, limit=5))
    with translation.override("en"):
        assert str(problem) == "fil.csv:2: rubrikrad: 7 är större än 5"


def test_it_equals_the_text_it_becomes():
    with translation.override("sv"):
        assert HEADER == "rubrikrad"
        assert "rubrikrad" == HEADER  # noqa: SIM300 - the str on the left, as a caller compares
        assert hash(HEADER) == hash("rubrikrad")
    assert LazyText("a message") == LazyText("a message")
