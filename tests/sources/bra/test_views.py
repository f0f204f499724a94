"""The page of reported crimes per municipality."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.sources.bra.helpers import NORRBOTTEN, import_bra


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("bra_list"))
    assert response.status_code == 200
    return re.sub(r">\s+<", "><", response.content.decode())


def test_it_lives_under_the_mapping(world):
    assert reverse("bra_list") == "/kartlaggning/brottsstatistik/"


def test_it_asks_for_a_login(client, world):
    response = client.get(reverse("bra_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_shows_the_categories_by_year_in_tree_order(english, world):
    import_bra(str(NORRBOTTEN))
    english.force_login(world.alice)
    response = english.get(reverse("bra_list"))
    (table,) = response.context["tables"]
    assert table.years == [2023, 2024, 2025]
    assert [(row.category, row.depth) for row in table.rows] == [
        ("Totalt antal brott", 0),
        ("Misshandel", 1),
        ("Klotter", 1),
    ]
    total = table.rows[0]
    assert [f.count for f in total.figures] == [312, 341, 298]
    # The latest year: Arjeplog's own rate (preliminary), then the county's and the country's (none stored for 2025).
    assert [f and f.per_100k for f in total.comparison] == [total.figures[-1].per_100k, None, None]


def test_it_marks_missing_and_preliminary_figures(english, world):
    import_bra(str(NORRBOTTEN))
    html = page(english, world.alice)
    assert '<th scope="row" style="padding-left: calc(1 * 1.2rem + .6rem)">Klotter</th>' in html
    assert '<td class="number">..</td>' in html
    assert '<td class="number">298 <abbr title="preliminary">prel.</abbr></td>' in html


def test_it_shows_the_county_and_country_rates_of_the_latest_year(english, world):
    import_bra(str(NORRBOTTEN))
    html = page(english, world.charlie)
    assert "Arvidsjaur, per 100 000 residents 2024" in html
    assert "Norrbottens län, per 100 000 residents 2024" in html
    assert '<td class="number">11,720</td><td class="number">12,732</td><td class="number">13,910</td>' in html


def test_it_shows_the_outsider_only_their_own_municipality(english, world):
    import_bra(str(NORRBOTTEN))
    html = page(english, world.charlie)
    assert "Arvidsjaur" in html
    assert "Arjeplog" not in html
    assert ">312<" not in html and ">341<" not in html


def test_it_shows_the_police_every_municipality_of_their_area(english, world):
    import_bra(str(NORRBOTTEN))
    english.force_login(world.bob)
    response = english.get(reverse("bra_list"))
    assert [t.municipality.code for t in response.context["tables"]] == ["2506", "2505"]


def test_it_says_when_nothing_is_imported(english, world):
    assert "No crime statistics imported yet." in page(english, world.dave)
