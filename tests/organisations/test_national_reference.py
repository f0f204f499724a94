"""The national reference data shipped in the project (samverkan/organisations/data): SCB's population of the 290
municipalities 2015–2020 and the police organisation, loaded with the municipalities."""

from __future__ import annotations

from collections import Counter

from samverkan.organisations.models import Membership, Municipality, Organisation, ResidentCount
from samverkan.organisations.national import POPULATION_SOURCE, bundled_load
from tests.organisations.national import all_municipalities, codes_and_names, run

K = Organisation.Kind
# SCB's national totals on 31 December (data/ATTRIBUTION.md; the same on regionfakta.com and SCB's pages): an
# independent check of the 290 municipal figures.
NATIONAL_TOTALS = {
    2015: 9_851_017,
    2016: 9_995_153,
    2017: 10_120_242,
    2018: 10_230_185,
    2019: 10_327_589,
    2020: 10_379_295,
}
PITEA_ALVDAL = {"2581", "2560", "2505", "2506"}  # Piteå, Älvsbyn, Arvidsjaur, Arjeplog (polisen.se)
NORRA_LAPPLAND = {"2584", "2523", "2510"}  # Kiruna, Gällivare, Jokkmokk (polisen.se)
REGIONS = {"Bergslagen", "Mitt", "Nord", "Stockholm", "Syd", "Väst", "Öst"}


def regions_of() -> dict[str, list[str]]:
    """Each municipality's police regions, found through the parent links."""
    found: dict[str, list[str]] = {}
    for region in Organisation.objects.filter(kind=K.POLICE_REGION):
        for code in Municipality.objects.filter(pk__in=region.covered_municipality_ids()).values_list(
            "code", flat=True
        ):
            found.setdefault(code, []).append(region.name)
    return found


def test_it_loads_the_population_of_the_290_municipalities_2015_to_2020(db):
    all_municipalities()
    result = bundled_load()
    assert (result.residents.created, result.residents.updated, result.residents.unchanged) == (1740, 0, 0)
    sums: Counter[int] = Counter()
    per_municipality: Counter[str] = Counter()
    for code, year, residents, source in ResidentCount.objects.values_list(
        "municipality__code", "year", "residents", "source"
    ):
        sums[year] += residents
        per_municipality[code] += 1
        assert source == POPULATION_SOURCE
    assert dict(sums) == NATIONAL_TOTALS
    assert len(per_municipality) == 290 and set(per_municipality.values()) == {6}
    arjeplog = ResidentCount.objects.filter(municipality__code="2506")
    assert dict(arjeplog.filter(year__in=[2018, 2019]).values_list("year", "residents")) == {2018: 2794, 2019: 2785}


def test_every_municipality_has_a_police_region_and_seven_a_lokalpolisomrade(db):
    all_municipalities()
    bundled_load()
    regions = regions_of()
    assert set(regions) == set(codes_and_names())
    assert all(len(names) == 1 for names in regions.values())
    assert {name for names in regions.values() for name in names} == {f"Polisregion {r}" for r in REGIONS}
    assert Counter(names[0] for names in regions.values())["Polisregion Nord"] == 44  # the four northern counties
    areas = {
        area.name: (area.parent and area.parent.name, set(area.municipalities.values_list("code", flat=True)))
        for area in Organisation.objects.filter(kind=K.POLICE_AREA).select_related("parent")
    }
    assert areas == {
        "Lokalpolisområde Piteå älvdal": ("Polisregion Nord", PITEA_ALVDAL),
        "Lokalpolisområde Norra Lappland": ("Polisregion Nord", NORRA_LAPPLAND),
    }
    nord = Organisation.objects.get(name="Polisregion Nord")
    direct = set(nord.municipalities.values_list("code", flat=True))
    assert not direct & (PITEA_ALVDAL | NORRA_LAPPLAND) and len(direct) == 44 - 7
    assert not Organisation.objects.filter(kind=K.POLICE_DISTRICT).exists()  # no source names them


def test_the_command_loads_it_with_the_municipalities_and_a_second_run_changes_nothing(db):
    assert run("load_municipalities") == [
        "municipalities: 290 created, 0 updated, 0 unchanged",
        "residents: 1740 created, 0 updated, 0 unchanged",
        "police organisations: 9 created, 0 updated, 0 unchanged",
        "police coverage: 290 municipalities added, 0 moved, 0 unchanged",
        "named places: 26 created, 0 updated, 0 unchanged",
    ]
    links = set(Organisation.municipalities.through.objects.values_list("organisation__name", "municipality__code"))
    assert run("load_municipalities") == [
        "municipalities: 0 created, 0 updated, 290 unchanged",
        "residents: 0 created, 0 updated, 1740 unchanged",
        "police organisations: 0 created, 0 updated, 9 unchanged",
        "police coverage: 0 municipalities added, 0 moved, 290 unchanged",
        "named places: 0 created, 0 updated, 26 unchanged",
    ]
    assert set(Organisation.municipalities.through.objects.values_list("organisation__name", "municipality__code")) == (
        links
    )
    assert Organisation.objects.count() == 9 and ResidentCount.objects.count() == 1740


def test_it_takes_the_organisations_a_database_has_by_name_and_deletes_nothing(world):
    """The shared cast has "Polisregion Nord" and "LPO Piteå älvdal" (Arjeplog, Arvidsjaur), Bob its police
    contact: the load completes them rather than making twins, and Bob stays."""
    all_municipalities()
    before = set(Membership.objects.values_list("user__username", "organisation__name", "role"))
    organisations = Organisation.objects.count()
    result = bundled_load()
    assert (result.police.organisations.created, result.police.organisations.unchanged) == (7, 2)
    assert Organisation.objects.count() == organisations + 7  # six regions and Norra Lappland, no twin
    assert not Organisation.objects.filter(name="Lokalpolisområde Piteå älvdal").exists()
    world.lpo.refresh_from_db()
    assert world.lpo.parent == Organisation.objects.get(name="Polisregion Nord")
    assert set(world.lpo.municipalities.values_list("code", flat=True)) == PITEA_ALVDAL
    assert set(Membership.objects.values_list("user__username", "organisation__name", "role")) == before
    assert Organisation.objects.get(name="Luleå kommun").municipalities.get().code == "2580"
    assert bundled_load().police.lines()[1] == "police coverage: 0 municipalities added, 0 moved, 290 unchanged"


def test_it_keeps_a_division_made_by_hand_that_the_shipped_file_does_not_know(db):
    all_municipalities()
    bundled_load()
    nord = Organisation.objects.get(name="Polisregion Nord")
    district = Organisation.objects.create(name="Polisområde Norrbotten", kind=K.POLICE_DISTRICT, parent=nord)
    lulea_area = Organisation.objects.create(name="Lokalpolisområde Luleå", kind=K.POLICE_AREA, parent=district)
    lulea = Municipality.objects.get(code="2580")
    lulea_area.municipalities.add(lulea)
    nord.municipalities.remove(lulea)
    Organisation.objects.filter(name="Lokalpolisområde Piteå älvdal").update(parent=district)
    result = bundled_load()
    assert result.police.lines() == [
        "police organisations: 0 created, 0 updated, 9 unchanged",
        "police coverage: 0 municipalities added, 0 moved, 290 unchanged",
    ]
    assert list(lulea_area.municipalities.all()) == [lulea]
    assert Organisation.objects.get(name="Lokalpolisområde Piteå älvdal").parent == district
    assert lulea.pk in nord.covered_municipality_ids() and not nord.municipalities.filter(pk=lulea.pk).exists()


def test_it_keeps_a_figure_of_another_source(db):
    all_municipalities()
    arjeplog = Municipality.objects.get(code="2506")
    ResidentCount.objects.create(municipality=arjeplog, year=2019, residents=2800, source="Typed in the admin")
    result = bundled_load()
    assert (
        result.residents.line("residents") == "residents: 1739 created, 0 updated, 0 unchanged, 1 kept (another source)"
    )
    assert ResidentCount.objects.get(municipality=arjeplog, year=2019).residents == 2800
