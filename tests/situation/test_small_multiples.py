"""The small multiples of the key figures: one small, accessible line chart per figure, a line per region."""

from __future__ import annotations

import re

import pytest

from samverkan.situation.lib.small_multiples import small_multiple

TITLE = "Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef."
YEARS = ["2021", "2022", "2023", "2024", "2025"]


def draw(series, **overrides) -> str:
    arguments = {"chart_id": "k1", "title": TITLE, "summary": "Arjeplog: 5,5 år 2025.", "x_labels": YEARS}
    return small_multiple(series=series, **(arguments | overrides))


def test_it_is_an_image_named_by_its_title_and_summary():
    svg = draw([("Arjeplog", [1, 2, 3, 4, 5.5])])
    assert 'role="img"' in svg and 'aria-labelledby="k1-title k1-desc"' in svg
    assert f'<title id="k1-title">{TITLE}</title>' in svg.replace("&amp;", "&")
    assert '<desc id="k1-desc">Arjeplog: 5,5 år 2025.</desc>' in svg


def test_it_wraps_a_long_title_onto_lines_that_read_as_the_title():
    svg = draw([("Arjeplog", [1, 2, 3, 4, 5])])
    heading = re.search(r'<text[^>]*class="heading"[^>]*>(.*?)</text>', svg)
    assert heading is not None
    lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", heading.group(1))
    assert 2 <= len(lines) <= 3
    assert " ".join(lines) == TITLE
    assert svg.count(TITLE) == 1  # only in <title>: drawn wrapped, not once more on one line


def test_it_draws_a_line_per_region_and_names_each_in_the_legend():
    svg = draw([("Arjeplog", [1, 2, 3, 4, 5]), ("Norrbottens län", [2, 2, 3, 3, 3]), ("Hela landet", [3] * 5)])
    assert svg.count('class="series"') == 3
    for name in ("Arjeplog", "Norrbottens län", "Hela landet"):
        assert f">{name}</text>" in svg


def test_it_breaks_the_line_at_a_missing_year_and_always_labels_the_latest():
    svg = draw([("Arjeplog", [1, 2, None, 4, 5])])
    path = re.search(r'<g class="series"><path d="([^"]*)"', svg)
    assert path is not None
    assert path.group(1).count("M") == 2  # 2021–2022 and 2024–2025
    assert ">2025</text>" in svg


def test_it_says_so_when_there_is_nothing_to_draw():
    svg = draw([("Arjeplog", [None] * 5)])
    assert "Inga uppgifter att visa" in svg and 'class="series"' not in svg


def test_it_refuses_a_series_of_the_wrong_length():
    with pytest.raises(ValueError, match="Arjeplog has 2 values, expected 5"):
        draw([("Arjeplog", [1, 2])])
