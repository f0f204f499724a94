"""`samverkan import_police_areas FILE` completes or changes the police organisation through the loader that
load_municipalities uses; an administrator edits a police area in the admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.urls import reverse

from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.organisations.national import bundled_load
from tests.organisations.national import all_municipalities, run

K = Organisation.Kind
# Header without å/ä and with the optional kommun column, semicolons, ISO-8859-1: as Excel saves it.
NORRBOTTEN = """region;polisomrade;lokalpolisomrade;kommunkod;kommun
Nord;Norrbotten;Piteå älvdal;2581;Piteå
Nord;Norrbotten;Piteå älvdal;2506;Arjeplog
Polisregion Nord;Polisområde Norrbotten;Lokalpolisområde Luleå;2580;Luleå
Nord;Norrbotten;Luleå;2582;Boden
""".encode("iso-8859-1")


@pytest.fixture
def national(db) -> None:
    all_municipalities()
    bundled_load()


def write(tmp_path, content: str | bytes, name: str = "polisomraden.csv") -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(path)


def codes(name: str) -> set[str]:
    return set(Organisation.objects.get(name=name).municipalities.values_list("code", flat=True))


def test_it_adds_a_polisomrade_and_lokalpolisomraden_and_a_second_run_changes_nothing(national, tmp_path):
    assert run("import_police_areas", write(tmp_path, NORRBOTTEN)) == [
        "police organisations: 2 created, 1 updated, 1 unchanged",  # Norrbotten, LPO Luleå; Piteå älvdal moved
        "police coverage: 0 municipalities added, 2 moved, 2 unchanged",  # Luleå, Boden out of the region
    ]
    nord = Organisation.objects.get(name="Polisregion Nord")
    district = Organisation.objects.get(name="Polisområde Norrbotten")
    assert (district.kind, district.parent) == (K.POLICE_DISTRICT, nord)
    for name in ("Lokalpolisområde Piteå älvdal", "Lokalpolisområde Luleå"):
        assert Organisation.objects.get(name=name).parent == district
    assert codes("Lokalpolisområde Luleå") == {"2580", "2582"}
    assert not {"2580", "2582"} & codes("Polisregion Nord")
    assert len(nord.covered_municipality_ids()) == 44
    assert run("import_police_areas", write(tmp_path, NORRBOTTEN)) == [
        "police organisations: 0 created, 0 updated, 4 unchanged",
        "police coverage: 0 municipalities added, 0 moved, 4 unchanged",
    ]
    # load_municipalities' bundled file knows no polisområde: it keeps what the import made.
    assert bundled_load().police.lines() == [
        "police organisations: 0 created, 0 updated, 9 unchanged",
        "police coverage: 0 municipalities added, 0 moved, 290 unchanged",
    ]
    assert Organisation.objects.get(name="Lokalpolisområde Luleå").parent == district


def test_it_moves_a_municipality_to_the_lokalpolisomrade_the_file_names(national, tmp_path):
    content = "region,polisområde,lokalpolisområde,kommunkod\nNord,,Norra Lappland,2506\n"
    assert run("import_police_areas", write(tmp_path, content))[1] == (
        "police coverage: 0 municipalities added, 1 moved, 0 unchanged"
    )
    assert "2506" in codes("Lokalpolisområde Norra Lappland")
    assert "2506" not in codes("Lokalpolisområde Piteå älvdal")


def test_a_bad_file_changes_nothing_and_names_each_problem(national, tmp_path):
    links = set(Organisation.municipalities.through.objects.values_list("organisation_id", "municipality_id"))
    organisations = set(Organisation.objects.values_list("name", "parent_id"))
    content = "\n".join(
        [
            "region,polisområde,lokalpolisområde,kommunkod",
            "Norr,,,2506",
            "Nord,,Piteå älvdal,25X6",
            "Nord,Norrbotten,Luleå,2580",
            "Syd,Norrbotten,,1280",
            "Nord,,,2580,extra",
        ]
    )
    with pytest.raises(CommandError) as error:
        run("import_police_areas", write(tmp_path, content, "bad.csv"))
    assert str(error.value).splitlines() == [
        "nothing imported:",
        "bad.csv:2: region: 'Norr' is not one of the police regions "
        "(Bergslagen, Mitt, Nord, Stockholm, Syd, Väst, Öst)",
        "bad.csv:3: kommunkod: '25X6' is not a four-digit kommunkod",
        "bad.csv:5: polisområde: 'Norrbotten' is in region Nord on line 4, here in Syd",
        "bad.csv:6: row: expected 4 fields, found 5",
    ]
    unknown = "region,polisområde,lokalpolisområde,kommunkod\nNord,,Luleå,2580\nNord,,Luleå,9999\n"
    with pytest.raises(CommandError) as error:
        run("import_police_areas", write(tmp_path, unknown, "unknown.csv"))
    assert str(error.value).splitlines()[1:] == ["unknown.csv:3: kommunkod: no municipality has the code 9999"]
    assert set(Organisation.municipalities.through.objects.values_list("organisation_id", "municipality_id")) == links
    assert set(Organisation.objects.values_list("name", "parent_id")) == organisations


def test_it_refuses_to_take_an_organisation_of_another_kind_by_its_name(national, tmp_path):
    Organisation.objects.create(name="Lokalpolisområde Kalix", kind=K.PARTNER, partner_kind="business")
    with pytest.raises(CommandError) as error:
        run("import_police_areas", write(tmp_path, "region,lokalpolisområde,kommunkod\nNord,Kalix,2514\n", "k.csv"))
    assert str(error.value).splitlines()[1] == (
        "k.csv:2: lokalpolisområde: the organisation 'Lokalpolisområde Kalix' is of the kind partner, not police_area"
    )


def test_an_administrator_edits_a_police_areas_name_parent_and_municipalities(client, national):
    admin = User.objects.create_superuser("admin", password="password")
    client.force_login(admin)
    area = Organisation.objects.get(name="Lokalpolisområde Piteå älvdal")
    nord = Organisation.objects.get(name="Polisregion Nord")
    district = Organisation.objects.create(name="Polisområde Norrbotten", kind=K.POLICE_DISTRICT, parent=nord)
    pitea, arjeplog = Municipality.objects.get(code="2581"), Municipality.objects.get(code="2506")
    url = reverse("admin:organisations_organisation_change", args=[area.pk])
    assert client.get(url).status_code == 200
    form = {"name": "LPO Piteå älvdal", "kind": K.POLICE_AREA, "partner_kind": "", "parent": district.pk}
    response = client.post(url, {**form, "municipalities": [pitea.pk, arjeplog.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    area.refresh_from_db()
    assert (area.name, area.parent, set(area.municipalities.all())) == ("LPO Piteå älvdal", district, {pitea, arjeplog})
    # A lokalpolisområde is never part of another lokalpolisområde.
    other = Organisation.objects.get(name="Lokalpolisområde Norra Lappland")
    refused = client.post(url, {**form, "parent": other.pk, "municipalities": [pitea.pk]})
    assert refused.status_code == 200 and Organisation.objects.get(pk=area.pk).parent == district


def test_the_parent_links_run_region_polisomrade_lokalpolisomrade(db):
    region = Organisation.objects.create(name="Polisregion Nord", kind=K.POLICE_REGION)
    district = Organisation.objects.create(name="Polisområde Norrbotten", kind=K.POLICE_DISTRICT, parent=region)
    area = Organisation(name="LPO Luleå", kind=K.POLICE_AREA, parent=district)
    area.full_clean()
    with pytest.raises(ValidationError):
        Organisation(name="Polisområde X", kind=K.POLICE_DISTRICT, parent=district).full_clean()
    with pytest.raises(ValidationError):
        Organisation(name="Polisregion Y", kind=K.POLICE_REGION, parent=region).full_clean()
    region.parent = district
    with pytest.raises(ValidationError):
        region.full_clean()
