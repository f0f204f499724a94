"""The joint follow-up of a police area: every taking-part municipality's follow-up side by side, for those
who may read the area's joint annual report."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samverkan.planning.actions.models import ActionPlan, Activity
from tests.followup.reports.conftest import collaboration_group


def test_it_shows_the_municipalities_side_by_side(client, world):
    today = timezone.localdate()
    plan = ActionPlan.objects.create(
        municipality=world.arvidsjaur,
        title="Handlingsplan",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=300),
        status=ActionPlan.Status.ADOPTED,
    )
    Activity.objects.create(
        plan=plan,
        title="Sen insats i Arvidsjaur",
        responsible=Activity.Responsible.POLICE,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today - datetime.timedelta(days=1),
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
        status=Activity.Status.ONGOING,
    )
    collaboration_group("Lokala BRÅ Arjeplog", world.arjeplog)
    client.force_login(world.bob)
    url = reverse("joint_follow_up", args=[world.lpo.pk])
    assert url == f"/uppfoljning/omrade/{world.lpo.pk}/"
    assert url in client.get(reverse("followup")).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    arjeplog = page.index('data-municipality="2506"')
    arvidsjaur = page.index('data-municipality="2505"')
    assert "Lokala BRÅ Arjeplog" in page[arjeplog:arvidsjaur] and "Lokala BRÅ Arjeplog" not in page[arvidsjaur:]
    assert "Sen insats i Arvidsjaur" in page[arvidsjaur:] and "Sen insats i Arvidsjaur" not in page[:arvidsjaur]
    assert 'name="group"' not in page  # the rhythm is agreed on the municipality's own page


def test_it_is_not_found_for_those_who_do_not_read_the_whole_area(client, world):
    url = reverse("joint_follow_up", args=[world.lpo.pk])
    for user in (world.charlie, world.lena, world.alice):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert url not in client.get(reverse("followup")).content.decode()
