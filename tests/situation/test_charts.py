"""The SVG chart renderer, without a database: the output parsed as XML, and once through WeasyPrint."""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from typing import Any

import h3
import pytest
import weasyprint
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from samverkan.core.svg import BAD_CHART_ID
from samverkan.situation.lib import charts
from tests.svg_boxes import text_boxes, view_size

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
ARJEPLOG = (66.05, 17.88)
ARJEPLOG_BOX = {
    "type": "Polygon",
    "coordinates": [[[17.0, 66.0], [18.0, 66.0], [18.0, 67.0], [17.0, 67.0], [17.0, 66.0]]],
}


def bar(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "ranking",
        "title": "Anmälda brott per 100 000 invånare 2024",
        "summary": "Arjeplog har flest anmälda brott per invånare i länet.",
        "labels": ["Arjeplog", "Arvidsjaur", "Luleå", "Piteå"],
        "values": [1234.5, None, 812.25, 640.0],
        "kind": "decimal",
        "unit": "st",
        "highlight": {0},
    }
    return charts.bar_chart(**(arguments | changes))


def line(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "trend",
        "title": "Andel som känner sig trygga",
        "summary": "Tryggheten har ökat sedan 2019.",
        "x_labels": ["2019", "2020", "2021", "2022", "2023", "2024"],
        "series": [("Arjeplog", [60.0, 62.5, None, 66.0, 68.0, 70.5]), ("Länet", [65.0, None, 66.0, None, 67.0, 67.5])],
        "kind": "percent",
        "unit": "%",
        "target": 75.0,
    }
    return charts.line_chart(**(arguments | changes))


def profile(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "arshjul",
        "title": "Händelser per månad",
        "summary": "Flest händelser i juli, när befolkningen är som störst.",
        "series_bars": ("Händelser", [3, 4, 5, 6, 8, 12, 20, 15, 7, 5, 4, 9]),
        "series_line": (
            "Närvarande befolkning",
            [2800, 2800, 3500, 3000, 2900, 4000, 6000, 5500, 3000, 2800, 2800, 3200],
        ),
        "bands": [(6, 8, "Sommar"), (12, 2, "Vinter"), (4, 4, "Påsk")],
        "month_labels": MONTHS,
    }
    return charts.month_profile(**(arguments | changes))


def ring_of_cells() -> list[tuple[list[tuple[float, float]], str, str]]:
    centre = h3.latlng_to_cell(*ARJEPLOG, 8)
    fills = ["hot", "cold", ""]
    return [
        (list(h3.cell_to_boundary(cell)), fills[i % 3], str(i) if i < 3 else "")
        for i, cell in enumerate(sorted(h3.grid_disk(centre, 2)))
    ]


def hexes(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "hotspots",
        "title": "Hot spots i Arjeplog",
        "summary": "Tre hot spots i centrala Arjeplog.",
        "outline": ARJEPLOG_BOX,
        "cells": ring_of_cells(),
        "points": [ARJEPLOG, (66.06, 17.9)],
    }
    return charts.hex_map(**(arguments | changes))


CHARTS = {"bar": bar, "line": line, "profile": profile, "hexes": hexes}


def classed(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if name in element.get("class", "").split()]


def child(element: ET.Element, tag: str) -> ET.Element:
    found = element.find(f"{SVG}{tag}")
    assert found is not None, f"no <{tag}> in {element.tag}"
    return found


def text_of(element: ET.Element) -> str:
    assert element.text is not None, f"{element.tag} has no text"
    return element.text


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, width, height = (float(number) for number in root.get("viewBox", "").split())
    return x, y, width, height


def path_points(d: str) -> list[tuple[float, float]]:
    numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_fills(element: ET.Element, inherited: str = "#000000") -> list[str]:
    fill = element.get("fill", inherited)
    own = [fill] if element.tag == f"{SVG}text" else []
    return own + [colour for child in element for colour in text_fills(child, fill)]


@pytest.mark.parametrize("kind", CHARTS)
def test_it_names_every_chart_by_its_title_and_summary(kind):
    root = ET.fromstring(CHARTS[kind](chart_id="chart-7", title="Rubrik", summary="Det här visar diagrammet."))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-7-title chart-7-desc"
    (title,) = [element for element in root.iter() if element.get("id") == "chart-7-title"]
    (desc,) = [element for element in root.iter() if element.get("id") == "chart-7-desc"]
    assert (title.tag, title.text) == (f"{SVG}title", "Rubrik")
    assert (desc.tag, desc.text) == (f"{SVG}desc", "Det här visar diagrammet.")


@pytest.mark.parametrize("kind", CHARTS)
def test_it_scales_to_its_container(kind):
    root = ET.fromstring(CHARTS[kind]())
    assert root.get("width") == "100%"
    assert root.get("height") is None
    x, y, width, height = view_box(root)
    assert (x, y) == (0, 0)
    assert width == 640 and height > 0


@pytest.mark.parametrize("kind", CHARTS)
def test_it_writes_its_title_as_real_text(kind):
    root = ET.fromstring(CHARTS[kind]())
    assert text_of(child(root, "title")) in texts(root)
    assert not list(root.iter(f"{SVG}foreignObject")) and not list(root.iter(f"{SVG}image"))


def test_it_makes_ids_unique_per_chart():
    page = ET.fromstring(f"<div>{bar(chart_id='a')}{bar(chart_id='b')}{hexes(chart_id='c')}{hexes(chart_id='d')}</div>")
    ids = [element.get("id") for element in page.iter() if element.get("id")]
    assert len(ids) == 4 * 2 + 2
    assert len(set(ids)) == len(ids)
    assert {"a-title", "a-desc", "b-title", "b-desc", "c-clip", "d-clip"} <= set(ids)


@pytest.mark.parametrize("chart_id", ["", "1st", "two words", 'a"b', "a<b"])
def test_it_refuses_a_chart_id_that_is_not_an_id(chart_id):
    with pytest.raises(ValueError) as error:
        bar(chart_id=chart_id)
    assert str(error.value) == BAD_CHART_ID.format(chart_id=chart_id)


def test_it_draws_a_bar_per_value_and_says_saknas_for_a_missing_one():
    root = ET.fromstring(bar())
    assert len(classed(root, "bar")) == 3
    assert [element.text for element in classed(root, "missing")] == [charts.MISSING]
    # One decimal for every value of the kind, a thin space between thousands, half rounded up.
    assert [element.text for element in classed(root, "value")] == [
        "1\u202f234,5\u00a0st",
        "812,3\u00a0st",
        "640,0\u00a0st",
    ]


def test_it_labels_bars_in_english_on_an_english_page():
    root = ET.fromstring(bar(language="en", unit=""))
    assert [element.text for element in classed(root, "value")] == ["1,234.5", "812.3", "640.0"]


def test_it_gives_every_value_the_decimals_of_its_kind():
    root = ET.fromstring(bar(values=[12, 3.4, 0, None], unit="", kind="count"))
    assert [element.text for element in classed(root, "value")] == ["12", "3", "0"]
    root = ET.fromstring(bar(values=[4.47, 3.0, 2.25, None], unit="", kind="mean"))
    assert [element.text for element in classed(root, "value")] == ["4,5", "3,0", "2,3"]


def test_it_writes_the_axis_in_english_on_an_english_page():
    root = ET.fromstring(profile(language="en"))
    assert "6,000" in texts(root)
    assert not any("," in text and "." in text for text in texts(root))


def test_it_marks_the_highlighted_bar_by_colour_and_bold_label():
    root = ET.fromstring(bar(highlight={2}))
    (highlighted,) = classed(root, "highlight")
    assert highlighted.get("fill") == charts.HIGHLIGHT
    bold = [element for element in classed(root, "label") if element.get("font-weight") == "bold"]
    assert ["".join(element.itertext()) for element in bold] == ["Luleå"]


def test_it_grows_bars_from_zero_in_both_directions():
    root = ET.fromstring(bar(values=[10.0, -5.0, None, 0.0], highlight=set(), kind="count"))
    wide, short, empty = classed(root, "bar")
    assert float(wide.attrib["width"]) == pytest.approx(2 * float(short.attrib["width"]), abs=0.2)
    assert float(short.attrib["x"]) + float(short.attrib["width"]) == pytest.approx(float(wide.attrib["x"]), abs=0.1)
    assert float(empty.attrib["width"]) == 0


def test_it_draws_an_interval_as_a_whisker_and_writes_the_value_past_it():
    intervals = [(30.0, 80.0), None, (10.0, 30.0), None]
    root = ET.fromstring(bar(values=[40.0, None, 20.0, 10.0], intervals=intervals, kind="index", unit=""))
    whiskers = classed(root, "interval")
    assert len(whiskers) == 2  # none for the bar without an interval, none for the missing value
    first, _, last = classed(root, "bar")
    zero, forty = float(first.attrib["x"]), float(first.attrib["width"])
    # The scale reaches the whisker's end (80), twice the bar (40); the whisker starts at 30, ¾ of the bar.
    found = re.search(r"M([\d.]+),[\d.]+H([\d.]+)", child(whiskers[0], "path").get("d", ""))
    assert found is not None
    start, end = (float(n) for n in found.groups())
    assert start - zero == pytest.approx(0.75 * forty, abs=0.2)
    assert end - zero == pytest.approx(2 * forty, abs=0.2)
    values = classed(root, "value")
    assert float(values[0].attrib["x"]) == pytest.approx(end + 4, abs=0.1)
    assert float(values[2].attrib["x"]) == pytest.approx(zero + float(last.attrib["width"]) + 4, abs=0.1)
    assert end < view_box(root)[2]


def test_it_refuses_intervals_of_the_wrong_length():
    with pytest.raises(ValueError) as error:
        bar(intervals=[(1.0, 2.0)])
    assert str(error.value) == charts.WRONG_LENGTH.format(name="intervals", count=1, expected=4)


def test_it_wraps_a_long_category_name_onto_two_lines():
    name = "Misshandel inklusive grov, mot kvinna 18 år eller äldre, bekant med offret"
    root = ET.fromstring(bar(labels=[name, "Stöld", "Rån", "Bedrägeri"]))
    spans = [span.text or "" for span in classed(root, "label")[0]]
    assert len(spans) == 2
    assert " ".join(spans).replace(" …", "") in name


def test_it_escapes_markup_in_every_text():
    odd = "<&> \"'"
    documents = [
        bar(title=odd, summary=odd, labels=[odd, "b", "c", "d"], unit=odd),
        line(title=odd, summary=odd, x_labels=[odd] * 6, unit=odd, series=[(odd, [1, 2, 3, 4, 5, 6])]),
        profile(title=odd, summary=odd, bands=[(1, 2, odd)], month_labels=[odd] * 12, series_bars=(odd, [1] * 12)),
        hexes(title=odd, summary=odd, cells=[(cell, "hot", odd) for cell, _, _ in ring_of_cells()]),
    ]
    for document in documents:
        assert "<&>" not in document
        root = ET.fromstring(document)
        assert child(root, "title").text == odd
        assert child(root, "desc").text == odd
        assert any(odd in text for text in texts(root)[1:])


def test_it_puts_a_marker_on_every_value_and_breaks_the_line_at_gaps():
    root = ET.fromstring(line())
    first, second = classed(root, "series")
    assert len(classed(first, "marker")) == 5
    assert len(classed(second, "marker")) == 4
    assert child(first, "path").attrib["d"].count("M") == 2
    # 65 | gap | 66 | gap | 67, 67.5: only the last two join up.
    assert child(second, "path").attrib["d"].count("M") == 1


def test_it_draws_no_line_through_lone_values():
    root = ET.fromstring(line(series=[("Ensam", [1.0, None, 2.0, None, 3.0, None])]))
    (series,) = classed(root, "series")
    assert series.find(f"{SVG}path") is None
    assert len(classed(series, "marker")) == 3


def test_it_lists_every_series_in_the_legend():
    names = ["Arjeplog", "Arvidsjaur", "Länet", "Riket", "Kvinnor", "Män", "Unga"]
    root = ET.fromstring(line(series=[(name, [1, 2, 3, 4, 5, 6]) for name in names]))
    entries = classed(root, "legend-entry")
    assert ["".join(entry.itertext()) for entry in entries] == names


def test_it_tells_series_apart_by_dash_and_marker_as_well_as_colour():
    names = [f"Serie {i}" for i in range(len(charts.PALETTE))]
    root = ET.fromstring(line(series=[(name, [1, 2, 3, 4, 5, 6]) for name in names]))
    series = classed(root, "series")
    dashes = {child(group, "path").get("stroke-dasharray") for group in series}
    markers = {(group[1].tag, group[1].get("fill") == "#ffffff", group[1].get("d", "").count("L")) for group in series}
    assert len(dashes) == len(markers) == len(names)


def test_it_draws_the_target_as_a_labelled_dashed_line_within_the_axis():
    root = ET.fromstring(line())
    (label,) = classed(root, "target")
    assert label.text == "Mål: 75\u00a0%"
    ticks = [float(text_of(element).replace(",", ".")) for element in classed(root, "tick")]
    assert max(ticks) >= 75
    assert any(element.get("stroke-dasharray") for element in root.iter(f"{SVG}line"))


def test_it_starts_the_y_axis_at_zero_unless_told_otherwise():
    from_zero = ET.fromstring(line(target=None))
    from_data = ET.fromstring(line(target=None, y_min=None))
    assert classed(from_zero, "tick")[0].text == "0"
    assert float(text_of(classed(from_data, "tick")[0]).replace(",", ".")) >= 55


def test_it_thins_x_labels_that_would_overlap():
    labels = [f"{year}-{month:02}" for year in range(2015, 2025) for month in range(1, 13)]
    root = ET.fromstring(line(x_labels=labels, series=[("Händelser", [float(i) for i in range(120)])], target=None))
    shown = [element.text for element in classed(root, "x-label")]
    assert 2 <= len(shown) < 30
    assert shown[0] == "2015-01"


def test_it_refuses_a_series_of_the_wrong_length():
    with pytest.raises(ValueError) as error:
        line(series=[("Kort", [1.0, 2.0])])
    assert str(error.value) == charts.WRONG_LENGTH.format(name="Kort", count=2, expected=6)


def test_it_draws_a_bar_per_month_and_the_named_seasons():
    root = ET.fromstring(profile())
    assert len(classed(root, "bar")) == 12
    bands = classed(root, "band")
    assert ["".join(name.itertext()) for name in classed(root, "band-name")] == ["Sommar", "Vinter", "Påsk"]
    assert [len(band.findall(f"{SVG}rect")) for band in bands] == [1, 2, 1]


def test_it_stacks_the_names_of_overlapping_seasons():
    root = ET.fromstring(profile(bands=[(1, 3, "Biltestsäsong"), (3, 4, "Påsk och skoterpremiär")]))
    first, second = classed(root, "band-name")
    assert float(second.attrib["y"]) > float(first.attrib["y"])
    assert [element.text for element in root.iter(f"{SVG}text") if element.text in MONTHS] == MONTHS


def test_it_wraps_a_season_over_new_year():
    root = ET.fromstring(profile(bands=[(11, 2, "Mörkertid")]))
    december_end = max(float(rect.attrib["x"]) + float(rect.attrib["width"]) for rect in classed(root, "bar"))
    january_start = min(float(rect.attrib["x"]) for rect in classed(root, "bar"))
    late, early = classed(root, "band")[0].findall(f"{SVG}rect")
    assert float(late.attrib["x"]) + float(late.attrib["width"]) >= december_end
    assert float(early.attrib["x"]) <= january_start
    assert float(late.attrib["width"]) == pytest.approx(float(early.attrib["width"]))


def test_it_puts_the_present_population_on_its_own_right_axis():
    root = ET.fromstring(profile())
    (series,) = classed(root, "series")
    assert len(classed(series, "marker")) == 12
    legend = ["".join(entry.itertext()) for entry in classed(root, "legend-entry")]
    assert legend == ["Händelser", charts.RIGHT_AXIS.format(name="Närvarande befolkning")]
    assert "6\u202f000" in texts(root)


def test_it_draws_the_month_profile_without_a_line():
    root = ET.fromstring(profile(series_line=None, bands=[]))
    assert not classed(root, "series") and not classed(root, "band")
    assert len(classed(root, "legend-entry")) == 1


def test_it_refuses_a_season_outside_the_year():
    with pytest.raises(ValueError) as error:
        profile(bands=[(0, 13, "Fel")])
    assert str(error.value) == charts.BAD_MONTH.format(name="Fel", start=0, end=13)


def test_it_refuses_month_labels_that_are_not_twelve():
    with pytest.raises(ValueError) as error:
        profile(month_labels=MONTHS[:11])
    assert str(error.value) == charts.WRONG_LENGTH.format(name="month_labels", count=11, expected=12)


def test_it_draws_every_hexagon_with_its_significance():
    cells = ring_of_cells()
    root = ET.fromstring(hexes())
    assert len(classed(root, "hex")) == len(cells) == 19
    assert len(classed(root, "hot")) == 7
    assert len(classed(root, "cold")) == 6
    assert [element.text for element in classed(root, "hex-label")] == ["0", "1", "2"]
    assert len(classed(root, "point")) == 2
    assert len(classed(root, "legend-entry")) == 4


def test_it_clips_the_outline_to_the_view():
    root = ET.fromstring(hexes())
    (clipped,) = [group for group in root.iter(f"{SVG}g") if group.get("clip-path")]
    assert clipped.get("clip-path") == "url(#hotspots-clip)"
    assert classed(clipped, "outline") and classed(clipped, "hex")


@given(
    st.floats(min_value=55.3, max_value=69.0),
    st.floats(min_value=11.0, max_value=24.0),
    st.integers(min_value=4, max_value=10),
)
def test_it_keeps_a_hexagon_inside_the_view(lat, lng, resolution):
    corners = list(h3.cell_to_boundary(h3.latlng_to_cell(lat, lng, resolution)))
    root = ET.fromstring(hexes(cells=[(corners, "hot", "")], points=[]))
    _, _, width, height = view_box(root)
    (hexagon,) = classed(root, "hex")
    points = path_points(hexagon.attrib["d"])
    assert len(points) >= 6  # more where the cell crosses an icosahedron edge
    assert all(0 <= x <= width and 0 <= y <= height for x, y in points)
    assert max(x for x, _ in points) - min(x for x, _ in points) > width / 4  # fitted to the cell, not the outline


def test_it_fits_the_outline_when_there_are_no_cells():
    root = ET.fromstring(hexes(cells=[], points=[]))
    _, _, width, height = view_box(root)
    (outline,) = classed(root, "outline")
    points = path_points(outline.attrib["d"])
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert all(0 <= x <= width for x in xs) and all(0 <= y <= height for y in ys)
    # One degree of longitude at 66.5° N is cos(66.5°) as long as one of latitude.
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) == pytest.approx(math.cos(math.radians(66.5)), rel=0.02)


def test_it_draws_every_part_of_a_multipolygon():
    islands = {
        "type": "MultiPolygon",
        "coordinates": [ARJEPLOG_BOX["coordinates"], [[[18.5, 66.0], [19.0, 66.0], [19.0, 66.5], [18.5, 66.0]]]],
    }
    root = ET.fromstring(hexes(outline=islands, cells=[], points=[]))
    (outline,) = classed(root, "outline")
    assert outline.attrib["d"].count("M") == 2


def test_it_labels_the_scale_bar_in_round_kilometres():
    root = ET.fromstring(hexes(cells=[], points=[]))
    (scale,) = classed(root, "scale")
    assert re.fullmatch(r"(1|2|5)0*\u00a0km", "".join(scale.itertext()))


def test_it_refuses_an_unknown_significance():
    with pytest.raises(ValueError) as error:
        hexes(cells=[(ring_of_cells()[0][0], "warm", "")])
    assert str(error.value) == charts.BAD_FILL.format(fill="warm")


def test_it_refuses_an_outline_that_is_no_polygon():
    with pytest.raises(ValueError) as error:
        hexes(outline={"type": "Point", "coordinates": [17.0, 66.0]})
    assert str(error.value) == charts.BAD_OUTLINE.format(kind="Point")


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(lambda: bar(labels=[], values=[]), id="bar without labels"),
        pytest.param(lambda: bar(values=[None] * 4), id="bar all missing"),
        pytest.param(lambda: line(x_labels=[], series=[]), id="line without labels"),
        pytest.param(lambda: line(series=[("Arjeplog", [None] * 6)]), id="line all missing"),
        pytest.param(lambda: profile(series_bars=("Händelser", [None] * 12)), id="profile all missing"),
        pytest.param(lambda: hexes(outline={"type": "MultiPolygon", "coordinates": []}, cells=[]), id="map empty"),
    ],
)
def test_it_says_so_when_there_is_nothing_to_draw(document):
    root = ET.fromstring(document())
    assert root.get("role") == "img"
    assert text_of(child(root, "desc")).endswith(".")
    assert charts.NO_DATA in texts(root)
    assert not classed(root, "bar") and not classed(root, "series") and not classed(root, "hex")
    assert view_box(root)[3] < 100


@pytest.mark.parametrize("colour", [*charts.PALETTE, charts.TEXT, charts.MUTED, charts.HIGHLIGHT, charts.NEUTRAL])
def test_it_uses_colours_with_enough_contrast_against_white(colour):
    assert contrast(colour, "#ffffff") >= 4.5


@pytest.mark.parametrize("band", charts.BAND_FILLS)
def test_it_writes_season_names_readably_on_their_band(band):
    assert contrast(charts.TEXT, band) >= 4.5


@pytest.mark.parametrize("kind", CHARTS)
def test_it_writes_every_text_in_a_colour_readable_on_white(kind):
    fills = text_fills(ET.fromstring(CHARTS[kind]()))
    assert fills
    assert all(contrast(fill, "#ffffff") >= 4.5 for fill in fills)


@pytest.mark.parametrize(
    ("lo", "hi", "ticks"),
    [
        (0, 10, [0, 2.5, 5, 7.5, 10]),
        (0, 7, [0, 2, 4, 6, 8]),
        (0.1, 0.9, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (55, 72, [55, 60, 65, 70, 75]),
        (-3, 3, [-4, -2, 0, 2, 4]),
        (3, 3, [0, 1, 2, 3]),
        (0, 0, [0, 0.25, 0.5, 0.75, 1]),
        (1200, 3400, [1000, 2000, 3000, 4000]),
        (1200, 2900, [1000, 1500, 2000, 2500, 3000]),
    ],
)
def test_it_picks_round_ticks(lo, hi, ticks):
    assert charts.nice_ticks(lo, hi) == ticks


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.integers(min_value=2, max_value=10),
)
def test_it_picks_round_evenly_spaced_ticks_covering_the_range(lo, hi, count):
    ticks = charts.nice_ticks(lo, hi, count)
    assert ticks[0] <= min(lo, hi) and ticks[-1] >= max(lo, hi)
    assert 2 <= len(ticks) <= count + 3
    step = ticks[1] - ticks[0]
    assert all(math.isclose(b - a, step, rel_tol=1e-6) for a, b in zip(ticks, ticks[1:], strict=False))
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, nice, rel_tol=1e-6) for nice in (1, 2, 2.5, 5, 10))


@pytest.mark.parametrize("kind", CHARTS)
def test_it_renders_in_the_pdf_report(kind):
    svg = CHARTS[kind]()
    pdf = weasyprint.HTML(
        string=f"<!doctype html><html lang='sv'><body><figure>{svg}</figure></body></html>"
    ).write_pdf()
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    root = ET.fromstring(svg)
    heading, first_label = texts(root)[:2]
    assert heading == child(root, "title").text
    assert heading in text and first_label in text


ARJEPLOG_SEASONS = [
    (1, 3, "Biltestsäsong"),
    (3, 4, "Påsk och skoterpremiär"),
    (6, 6, "Midsommar"),
    (7, 7, "Arjeplogs marknad"),
    (12, 1, "Jul och nyår"),
]


def assert_readable_season_names(svg: str, names: list[str]) -> None:
    width, height = view_size(svg)
    labels = text_boxes(svg, "band-name")
    assert sorted(box.text for box in labels) == sorted(names)
    others = [box for box in text_boxes(svg) if box not in labels and box.text]
    for i, label in enumerate(labels):
        assert label.inside(width, height), f"{label.text} is cut off: {label} in {width} × {height}"
        for other in labels[i + 1 :] + others:
            assert not label.overlaps(other), f"{label.text!r} overlaps {other.text!r}"


def test_it_writes_every_season_name_whole_and_apart_from_the_others():
    svg = profile(bands=ARJEPLOG_SEASONS)
    assert_readable_season_names(svg, [name for _s, _e, name in ARJEPLOG_SEASONS])
    # "Jul och nyår" covers December and January: its name stays inside the plot, left of the right axis.
    (jul,) = [box for box in text_boxes(svg, "band-name") if box.text == "Jul och nyår"]
    right_axis = min(box.left for box in text_boxes(svg, "tick") if box.left > jul.left)
    assert jul.right <= right_axis


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=12),
            st.integers(min_value=1, max_value=12),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=26).map(str.strip).filter(bool),
        ),
        max_size=6,
    ),
    st.booleans(),
)
def test_it_never_lets_season_names_overlap_or_leave_the_chart(bands, with_line):
    svg = profile(bands=bands, **({} if with_line else {"series_line": None}))
    assert_readable_season_names(svg, [name for _s, _e, name in bands])


def panels(**changes: Any) -> str:
    arguments: dict[str, Any] = {
        "chart_id": "per_month",
        "title": "Händelser per månad",
        "summary": "Flest i juli.",
        "x_labels": MONTHS,
        "panels": [
            ("Händelser", [3, 4, 5, 6, 8, 12, 20, 15, 7, 5, 4, 9], "count"),
            ("Per 1 000 närvarande", [1.1, 1.4, 1.4, 2.0, 2.8, 3.0, 3.3, 2.7, 2.3, 1.8, 1.4, 2.8], "rate"),
        ],
    }
    return charts.line_panels(**(arguments | changes))


def test_it_draws_counts_and_rates_on_axes_of_their_own():
    root = ET.fromstring(panels())
    names = ["".join(element.itertext()) for element in classed(root, "panel-name")]
    assert names == ["Händelser", "Per 1 000 närvarande"]
    series = classed(root, "series")
    assert len(series) == 2 and all(len(classed(s, "marker")) == 12 for s in series)
    ticks = [text_of(element) for element in classed(root, "tick")]
    # Two axes from zero, each fitted to its own values: the counts' to 20 in fives, the rates' to 4 in ones.
    assert ticks == ["0", "5", "10", "15", "20", "0", "1", "2", "3", "4"]
    tops = [max(y for _x, y in path_points(child(s, "path").attrib["d"])) for s in series]
    bottoms = [min(y for _x, y in path_points(child(s, "path").attrib["d"])) for s in series]
    assert tops[0] < bottoms[1]  # the count panel lies wholly above the rate panel


def test_it_writes_the_panels_axes_in_english_on_an_english_page():
    rates = [("Per 1,000 present", [0.2, 0.4, 0.5, 0.7, 0.9, 1.4, 1.3, 1.1, 0.8, 0.6, 0.4, 0.3], "rate")]
    root = ET.fromstring(panels(language="en", panels=rates))
    assert [text_of(element) for element in classed(root, "tick")] == ["0.0", "0.5", "1.0", "1.5"]
    root = ET.fromstring(panels(panels=rates))
    assert [text_of(element) for element in classed(root, "tick")] == ["0,0", "0,5", "1,0", "1,5"]


def test_it_says_so_when_no_panel_has_a_value():
    root = ET.fromstring(panels(panels=[("Händelser", [None] * 12, "count")]))
    assert [text_of(element) for element in classed(root, "no-data")] == [charts.NO_DATA]
