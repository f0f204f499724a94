"""Part 2 as structure: a part 2's page lists its municipality's goals under the agreement, the action plans
adopted for its period, the follow-up plan and the promise sets, with links; nothing of another municipality's;
and the part 2's PDF holds its texts and the linked objects, tagged for assistive technology."""

from __future__ import annotations

import io

import pypdf
from django.urls import reverse

from samverkan.agreements.models import Section
from samverkan.followup.reports.models import MeetingRhythm
from samverkan.organisations.models import CollaborationGroup
from samverkan.planning.actions.models import ActionPlan
from samverkan.planning.promises.models import Promise, PromiseSet
from tests.planning.goals.conftest import common_goal, separate_goal
from tests.tagged_pdf import assert_tagged


def _linked(world, municipality, name: str) -> dict:
    """A separate goal, an adopted and a draft plan, a promise set and a group with a rhythm of the municipality."""
    part2 = world.arjeplog_part2 if municipality == world.arjeplog else world.arvidsjaur_part2
    goal = separate_goal(world, f"Tryggare {name}")
    goal.agreement, goal.municipality = part2, municipality
    goal.save(update_fields=["agreement", "municipality"])
    starts, ends = part2.starts_on, part2.ends_on
    adopted = ActionPlan.objects.create(
        municipality=municipality, title=f"Handlingsplan {name}", starts_on=starts, ends_on=ends, status="antagen"
    )
    ActionPlan.objects.create(
        municipality=municipality, title=f"Utkast {name}", starts_on=starts, ends_on=ends, version=2
    )
    promises = PromiseSet.objects.create(
        municipality=municipality, title=f"Medborgarlöften {name}", starts_on=starts, ends_on=ends
    )
    Promise.objects.create(promise_set=promises, text=f"Vi möter invånarna i {name}.")
    group = CollaborationGroup.objects.create(name=f"Lokala rådet {name}")
    group.municipalities.set([municipality])
    MeetingRhythm.objects.create(group=group, per_year=4)
    return {"goal": goal, "plan": adopted, "promises": promises, "group": group}


def test_it_lists_the_linked_objects_on_the_part2_page(client, world, in_english):
    common = common_goal(world, "Minska klottret")
    arjeplog = _linked(world, world.arjeplog, "Arjeplog")
    client.force_login(world.alice)
    body = client.get(reverse("agreement", args=[world.arjeplog_part2.pk])).content.decode()
    assert 'id="part2-structure-heading"' in body
    for goal in (common, arjeplog["goal"]):
        assert f'<a href="{goal.get_absolute_url()}">{goal.title}</a>' in body
    assert f'<a href="{arjeplog["plan"].get_absolute_url()}">Handlingsplan Arjeplog</a>' in body
    assert "Utkast Arjeplog" not in body  # a draft is no adopted plan
    assert f'<a href="{arjeplog["promises"].get_absolute_url()}">Medborgarlöften Arjeplog</a>' in body
    assert "Vi möter invånarna i Arjeplog." in body
    assert "Lokala rådet Arjeplog: meetings a year: 4" in body
    year = world.arjeplog_part2.starts_on.year
    assert reverse("annual_report", args=["2506", year]) in body
    assert reverse("part2_pdf", args=[world.arjeplog_part2.pk]) in body


def test_it_shows_charlie_none_of_arjeplog_s(client, world):
    common = common_goal(world, "Minska klottret")
    arjeplog = _linked(world, world.arjeplog, "Arjeplog")
    arvidsjaur = _linked(world, world.arvidsjaur, "Arvidsjaur")
    client.force_login(world.charlie)
    body = client.get(reverse("agreement", args=[world.arvidsjaur_part2.pk])).content.decode()
    assert arvidsjaur["goal"].title in body and common.title in body
    assert "Handlingsplan Arvidsjaur" in body and "Medborgarlöften Arvidsjaur" in body
    assert "Arjeplog" not in body
    for obj in (arjeplog["goal"], arjeplog["plan"], arjeplog["promises"]):
        assert obj.get_absolute_url() not in body
    assert client.get(reverse("part2_pdf", args=[world.arjeplog_part2.pk])).status_code == 404


def test_it_shows_no_structure_on_a_part1_page(client, world):
    client.force_login(world.alice)
    body = client.get(reverse("agreement", args=[world.part1.pk])).content.decode()
    assert 'id="part2-structure-heading"' not in body
    assert client.get(reverse("part2_pdf", args=[world.part1.pk])).status_code == 404


def test_it_makes_a_tagged_pdf_with_the_texts_and_the_linked_objects(client, world):
    Section.objects.create(
        agreement=world.arjeplog_part2, kind=Section.Kind.LOCAL_GOALS, body="Tryggheten ska öka i centrum.", order=1
    )
    arjeplog = _linked(world, world.arjeplog, "Arjeplog")
    client.force_login(world.bob)
    response = client.get(reverse("part2_pdf", args=[world.arjeplog_part2.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Tryggheten ska öka i centrum." in text
    assert arjeplog["goal"].title in text
    assert "Handlingsplan Arjeplog" in text and "Medborgarlöften Arjeplog" in text
    assert_tagged(response.content, title=world.arjeplog_part2.title)
