"""The themes of the agreement, their mapping to the sources, and a municipality's own entries: seen by whoever
reads the municipality's lägesbild, extended and trimmed by its writers only, carried into the picture."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from samverkan.situation.lib.themes import MAPPED_SOURCES, THEMES
from samverkan.situation.models import ThemeEntry
from samverkan.situation.picture import from_json
from samverkan.situation.selectors import Period, picture_for
from samverkan.situation.services import THEME_ENTRY_EXISTS
from samverkan.situation.themes import theme_mapping

pytestmark = pytest.mark.django_db

URL = reverse("situation_themes")
ARJEPLOG = URL + "?kommun=2506"
ARVIDSJAUR = URL + "?kommun=2505"

# What the agreement names (issue 16), by focus area.
NAMED = {
    "ANDT-S": {"alcohol", "narcotics", "tobacco", "doping", "gambling", "internet_trade"},
    "BRÅ": {
        "vandalism",
        "graffiti",
        "littering",
        "unsafe_places",
        "disorder",
        "burglary",
        "fire",
        "violence",
        "youth_crime",
        "traffic",
    },
    "Hälsa": {"mental_health", "physical_activity", "social_exclusion"},
}


def own_entries(body: str) -> list[str]:
    """The entries the page marks as the municipality's own."""
    return [text.strip() for text in re.findall(r"<span class=\"entry own\">([^<]*)", body)]


def add(client, user, url=ARJEPLOG, **data):
    client.force_login(user)
    return client.post(url, {"theme": "graffiti", "source": "incident_categories", "entry": "Tags", **data})


def test_it_has_every_theme_the_agreement_names_each_mapped_to_a_source():
    assert {(theme.focus_area, theme.key) for theme in THEMES} == {
        (area, key) for area, keys in NAMED.items() for key in keys
    }
    for theme in THEMES:
        assert any(theme.entries(source) for source in MAPPED_SOURCES), theme.key


def test_it_shows_every_theme_by_focus_area_with_its_mapping(client, world):
    client.force_login(world.lena)  # a reader
    response = client.get(ARJEPLOG)
    assert response.status_code == 200
    body = response.content.decode()
    sections = re.split(r"<h2 id=\"area-\d+\">", body)[1:]
    headings = [section.split("</h2>")[0] for section in sections]
    assert sorted(headings) == sorted(escape(area) for area in NAMED)
    for theme in THEMES:
        section = sections[headings.index(escape(theme.focus_area))]
        block = section.split(f'<tbody id="theme-{theme.key}">')[1].split("</tbody>")[0]
        assert escape(theme.name) in block
        for source in MAPPED_SOURCES:
            for entry in theme.entries(source):
                assert f'<span class="entry">{escape(entry)}</span>' in block, (theme.key, entry)
    assert own_entries(body) == []


def test_it_shows_the_first_municipality_the_user_reads_without_one_asked_for(client, world):
    client.force_login(world.charlie)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["municipality"] == world.arvidsjaur


def test_the_coordinator_adds_an_entry_the_mapping_and_the_page_carry(client, world):
    response = add(client, world.alice, entry="  Tags på   skolan ")
    assert response.status_code == 302
    stored = ThemeEntry.objects.get()
    assert (stored.municipality, stored.theme, stored.source, stored.entry, stored.created_by) == (
        world.arjeplog,
        "graffiti",
        "incident_categories",
        "Tags på skolan",
        world.alice,
    )
    graffiti = next(theme for theme in theme_mapping(world.arjeplog) if theme.key == "graffiti")
    assert graffiti.incident_categories == ("Klotter", "Tags på skolan")
    assert [t for t in theme_mapping(world.arjeplog) if t.key != "graffiti"] == [
        t for t in THEMES if t.key != "graffiti"
    ]
    assert theme_mapping(world.arvidsjaur) == THEMES  # another municipality's mapping is its own
    body = client.get(ARJEPLOG).content.decode()
    assert own_entries(body) == ["Tags på skolan"]
    block = body.split('<tbody id="theme-graffiti">')[1].split("</tbody>")[0]
    assert "Tags på skolan" in block
    client.force_login(world.charlie)
    assert own_entries(client.get(ARVIDSJAUR).content.decode()) == []


def test_it_stores_words_and_event_types_as_the_ranking_compares_them(client, world):
    add(client, world.alice, source="keywords", entry="Sprayburk")
    add(client, world.alice, theme="traffic", source="event_types", entry="Trafikolycka,  VILT ")
    add(client, world.alice, theme="violence", source="kpis", entry="n07404")
    assert sorted(ThemeEntry.objects.values_list("entry", flat=True)) == ["N07404", "sprayburk", "trafikolycka, vilt"]


def test_it_reads_the_mapping_in_one_query(world, django_assert_num_queries):
    ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    with django_assert_num_queries(1):
        fire = next(theme for theme in theme_mapping(world.arjeplog) if theme.key == "fire")
    assert fire.keywords == ("brand", "anlagd", "eldning")


def test_the_police_of_the_area_add_to_a_municipality_of_it(client, world):
    assert add(client, world.bob, url=ARVIDSJAUR).status_code == 302
    assert ThemeEntry.objects.get().municipality == world.arvidsjaur


def test_another_municipalitys_staff_neither_see_nor_change_it(client, world):
    entry = ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    for user in (world.charlie, world.dave):
        client.force_login(user)
        assert client.get(ARJEPLOG).status_code == 404
        assert add(client, user).status_code == 404
        assert client.post(ARJEPLOG, {"remove": entry.pk}).status_code == 404
    # On his own municipality's page, Charlie cannot remove Arjeplog's entry either.
    client.force_login(world.charlie)
    assert client.post(ARVIDSJAUR, {"remove": entry.pk}).status_code == 404
    assert list(ThemeEntry.objects.values_list("entry", flat=True)) == ["eldning"]
    # His page has a form for his own municipality, none of Arjeplog's entries.
    body = client.get(ARVIDSJAUR).content.decode()
    assert 'id="add-heading"' in body and "eldning" not in body


def test_a_reader_gets_no_form_and_cannot_write(client, world):
    entry = ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    client.force_login(world.lena)
    body = client.get(ARJEPLOG).content.decode()
    assert own_entries(body) == ["eldning"]  # she sees it, marked
    assert 'id="add-heading"' not in body and 'name="remove"' not in body and 'name="entry"' not in body
    assert add(client, world.lena).status_code == 404
    assert client.post(ARJEPLOG, {"remove": entry.pk}).status_code == 404
    assert list(ThemeEntry.objects.values_list("entry", flat=True)) == ["eldning"]


@pytest.mark.parametrize(
    ("theme", "source", "entry"),
    [
        ("graffiti", "incident_categories", "Klotter"),  # in the product's mapping already
        ("graffiti", "keywords", "KLOTTER"),  # the same word in other letters
        ("fire", "keywords", "eldning"),  # the municipality's own entry already
    ],
)
def test_it_refuses_what_the_theme_counts_already_and_keeps_what_was_typed(client, world, theme, source, entry):
    ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    response = add(client, world.alice, theme=theme, source=source, entry=entry)
    assert response.status_code == 400
    assert ThemeEntry.objects.count() == 1
    body = response.content.decode()
    assert escape(str(THEME_ENTRY_EXISTS)) in body
    assert f'<option value="{theme}" selected>' in body
    assert f'<option value="{source}" selected>' in body
    assert f'value="{entry}"' in body


def test_it_refuses_a_personnummer_and_an_unknown_theme(client, world):
    assert add(client, world.alice, entry="19121212-1212").status_code == 400
    assert add(client, world.alice, theme="weather").status_code == 400
    assert add(client, world.alice, source="horoscope").status_code == 400
    assert add(client, world.alice, entry="  ").status_code == 400
    assert not ThemeEntry.objects.exists()


def test_the_coordinator_removes_an_own_entry(client, world):
    kept = ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    removed = ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="grill")
    client.force_login(world.alice)
    body = client.get(ARJEPLOG).content.decode()
    assert f'form="remove-entry" name="remove" value="{removed.pk}"' in body
    response = client.post(ARJEPLOG, {"remove": removed.pk})
    assert response.status_code == 302
    assert list(ThemeEntry.objects.all()) == [kept]
    fire = next(theme for theme in theme_mapping(world.arjeplog) if theme.key == "fire")
    assert fire.keywords == ("brand", "anlagd", "eldning")
    assert client.post(ARJEPLOG, {"remove": removed.pk}).status_code == 404  # gone
    assert client.post(ARJEPLOG, {"remove": "brand"}).status_code == 404  # a default entry is no row


def test_the_picture_carries_the_municipalitys_mapping_through_its_json(world):
    ThemeEntry.objects.create(municipality=world.arjeplog, theme="fire", source="keywords", entry="eldning")
    period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    picture = picture_for(municipality=world.arjeplog, period=period)
    fire = next(theme for theme in picture.themes if theme.key == "fire")
    assert fire.keywords == ("brand", "anlagd", "eldning")
    assert from_json(picture.to_json()).themes == picture.themes
    other = picture_for(municipality=world.arvidsjaur, period=period)
    assert other.themes == THEMES


def test_the_ranked_problems_link_to_the_themes(client, world):
    client.force_login(world.alice)
    body = client.get(reverse("situation_municipality", args=["2506"])).content.decode()
    assert f'href="{URL}?kommun=2506"' in body


def violence_words(municipality) -> tuple[str, ...]:
    return next(theme for theme in theme_mapping(municipality) if theme.key == "violence").keywords


def test_the_coordinator_leaves_a_default_entry_out_and_takes_it_back(client, world):
    # "hot" (threat) is also the start of "hotell": a municipality where dialogues speak of hotels leaves it out.
    default = next(theme for theme in THEMES if theme.key == "violence").keywords
    index = default.index("hot")
    client.force_login(world.alice)
    body = client.get(ARJEPLOG).content.decode()
    assert f'name="leave_out" value="violence:keywords:{index}"' in body
    assert client.post(ARJEPLOG, {"leave_out": f"violence:keywords:{index}"}).status_code == 302
    assert violence_words(world.arjeplog) == tuple(word for word in default if word != "hot")
    assert violence_words(world.arvidsjaur) == default  # only in Arjeplog
    row = ThemeEntry.objects.get()
    assert (row.entry, row.left_out, row.created_by) == ("hot", True, world.alice)
    body = client.get(ARJEPLOG).content.decode()
    assert '<span class="entry left-out"><del>hot</del>' in body
    assert f'name="remove" value="{row.pk}"' in body  # taken back the way an own entry is removed
    assert client.post(ARJEPLOG, {"remove": row.pk}).status_code == 302
    assert violence_words(world.arjeplog) == default and not ThemeEntry.objects.exists()


def test_adding_a_left_out_entry_takes_it_back(client, world):
    ThemeEntry.objects.create(
        municipality=world.arjeplog, theme="violence", source="keywords", entry="hot", left_out=True
    )
    assert add(client, world.alice, theme="violence", source="keywords", entry="hot").status_code == 302
    assert "hot" in violence_words(world.arjeplog) and not ThemeEntry.objects.exists()


@pytest.mark.parametrize(
    "value", ["violence:keywords:99", "weather:keywords:0", "violence:horoscope:0", "violence", ""]
)
def test_it_leaves_out_only_one_of_the_products_entries(client, world, value):
    client.force_login(world.alice)
    response = client.post(ARJEPLOG, {"leave_out": value})
    assert response.status_code == (404 if value else 400)  # an empty value is no leave-out: an empty add form
    assert not ThemeEntry.objects.exists()


def test_only_the_municipalitys_writers_leave_an_entry_out(client, world):
    for user in (world.lena, world.charlie, world.dave):
        client.force_login(user)
        assert client.post(ARJEPLOG, {"leave_out": "violence:keywords:1"}).status_code == 404
    client.force_login(world.lena)
    assert 'name="leave_out"' not in client.get(ARJEPLOG).content.decode()
    assert not ThemeEntry.objects.exists()
