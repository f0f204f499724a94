"""Create pages: a part 1 for a police area and the municipalities it covers, and a part 2 for one municipality
under a part 1; both drafts. Only those who write reach them; nothing is made from a refused form."""

from __future__ import annotations

import datetime

from django.urls import reverse

from samverkan.agreements.access import visible_agreements
from samverkan.agreements.create_views import NOT_COVERED
from samverkan.agreements.models import Agreement, AgreementChange, Section

NEW = reverse("agreement_create")


def part1_data(world, **changes) -> dict:
    return {
        "title": "Ny samverkansöverenskommelse del 1 för LPO Piteå älvdal",
        "police_area": world.lpo.pk,
        "municipalities": [world.arjeplog.pk, world.arvidsjaur.pk],
        "starts_on": "2027-01-01",
        "ends_on": "2030-12-31",
        **changes,
    }


def test_it_creates_a_part_1_for_the_police_area_and_its_municipalities(client, world):
    client.force_login(world.bob)
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, part1_data(world))
    created = Agreement.objects.get(title="Ny samverkansöverenskommelse del 1 för LPO Piteå älvdal")
    assert response["Location"] == created.get_absolute_url()
    assert (created.part, created.status) == (Agreement.Part.STRATEGIC, Agreement.Status.DRAFT)
    assert (created.starts_on, created.ends_on) == (datetime.date(2027, 1, 1), datetime.date(2030, 12, 31))
    assert set(created.parties.all()) == {world.lpo, world.arjeplog_org, world.arvidsjaur_org}
    assert set(created.municipalities.all()) == {world.arjeplog, world.arvidsjaur}
    assert created.changes.get().action == AgreementChange.Action.CREATED
    assert created in visible_agreements(world.charlie)  # a party to it


def test_it_refuses_a_period_ending_before_it_starts_and_a_police_area_not_reached(client, world, in_english):
    client.force_login(world.bob)
    count = Agreement.objects.count()
    response = client.post(NEW, part1_data(world, ends_on="2026-01-01"))
    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["The agreement ends after it starts."]
    client.force_login(world.dave)  # Luleå's coordinator: LPO Piteå älvdal does not cover Luleå
    response = client.post(NEW, part1_data(world, municipalities=[world.lulea.pk]))
    assert response.status_code == 400
    assert "police_area" in response.context["form"].errors  # no police area he reaches covers anything of his
    assert Agreement.objects.count() == count


def test_it_tells_which_municipalities_the_police_area_does_not_cover(client, world, in_english):
    from samverkan.organisations.models import Organisation

    other = Organisation.objects.create(name="LPO Luleå", kind=Organisation.Kind.POLICE_AREA)
    other.municipalities.set([world.arjeplog])
    client.force_login(world.bob)
    response = client.post(NEW, part1_data(world, police_area=other.pk))
    assert response.status_code == 400
    assert response.context["form"].errors["municipalities"] == [str(NOT_COVERED) % {"names": "Arvidsjaur"}]


def test_it_keeps_readers_out(client, world):
    client.force_login(world.lena)
    assert client.get(NEW).status_code == 404
    assert client.get(reverse("agreement_part2_create", args=[world.part1.pk])).status_code == 404


def test_it_creates_a_part_2_for_one_municipality_under_a_part_1(client, world):
    url = reverse("agreement_part2_create", args=[world.part1.pk])
    client.force_login(world.alice)
    page = client.get(url)
    assert list(page.context["form"].fields["municipality"].queryset) == [world.arjeplog]  # not Arvidsjaur
    response = client.post(
        url,
        {
            "title": "Ny del 2 för Arjeplog",
            "municipality": world.arjeplog.pk,
            "starts_on": world.part1.starts_on.isoformat(),
            "ends_on": world.part1.ends_on.isoformat(),
        },
    )
    created = Agreement.objects.get(title="Ny del 2 för Arjeplog")
    assert response["Location"] == created.get_absolute_url()
    assert (created.part, created.strategic, created.status) == (
        Agreement.Part.LOCAL,
        world.part1,
        Agreement.Status.DRAFT,
    )
    assert list(created.municipalities.all()) == [world.arjeplog]
    assert set(created.parties.all()) == {world.lpo, world.arjeplog_org}
    assert set(created.sections.values_list("kind", flat=True)) == {
        Section.Kind.LOCAL_GOALS,
        Section.Kind.IMPLEMENTATION,
        Section.Kind.FOLLOW_UP,
        Section.Kind.PROMISES,
    }
    assert created not in visible_agreements(world.charlie)


def test_it_refuses_a_part_2_for_a_municipality_the_user_does_not_write_for(client, world):
    url = reverse("agreement_part2_create", args=[world.part1.pk])
    client.force_login(world.charlie)
    response = client.post(
        url, {"title": "Del 2", "municipality": world.arjeplog.pk, "starts_on": "2027-01-01", "ends_on": "2030-12-31"}
    )
    assert response.status_code == 400 and "municipality" in response.context["form"].errors
    client.force_login(world.dave)
    assert client.get(url).status_code == 404
    assert client.get(reverse("agreement_part2_create", args=[world.arjeplog_part2.pk])).status_code == 404
    assert not Agreement.objects.filter(title="Del 2").exists()
