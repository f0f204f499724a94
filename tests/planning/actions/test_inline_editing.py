"""The plan's activity list edits every status and comment at once: all rows are saved, or none."""

from __future__ import annotations

from django.urls import reverse

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.planning.actions.models import Activity


def rows(plan, changes: dict[int, tuple[str, str]]) -> dict[str, str]:
    """The formset as the page posts it, with the changes for some activities."""
    activities = list(plan.plan.activities.order_by("starts_on", "title"))
    data = {
        "activities-TOTAL_FORMS": str(len(activities)),
        "activities-INITIAL_FORMS": str(len(activities)),
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "1000",
    }
    for number, activity in enumerate(activities):
        status, comment = changes.get(activity.pk, (activity.status, activity.status_comment))
        data |= {
            f"activities-{number}-id": str(activity.pk),
            f"activities-{number}-status": status,
            f"activities-{number}-status_comment": comment,
        }
    return data


def test_it_saves_the_changed_rows(client, world, arjeplog_plan):
    client.force_login(world.bob)
    changes = {
        arjeplog_plan.meet.pk: ("pagar", "Första besöket gjort"),
        arjeplog_plan.neighbours.pk: ("installd", "Ingen förening"),
    }
    url = reverse("action_plan", args=[arjeplog_plan.plan.pk])
    response = client.post(url, rows(arjeplog_plan, changes))
    assert response.status_code == 302 and response.url == url
    saved = dict(Activity.objects.values_list("pk", "status"))
    assert saved == {
        arjeplog_plan.meet.pk: "pagar",
        arjeplog_plan.drugs.pk: "ej_paborjad",
        arjeplog_plan.neighbours.pk: "installd",
    }
    meet = Activity.objects.get(pk=arjeplog_plan.meet.pk)
    assert (meet.status_comment, meet.status_changed_by) == ("Första besöket gjort", world.bob)
    assert Activity.objects.get(pk=arjeplog_plan.drugs.pk).status_changed_by is None


def test_it_saves_nothing_and_keeps_the_input_when_a_row_is_bad(client, world, arjeplog_plan):
    client.force_login(world.alice)
    changes = {
        arjeplog_plan.meet.pk: ("pagar", "Första besöket gjort"),
        arjeplog_plan.drugs.pk: ("utford", "Föräldern 850512-1234 var där"),
    }
    response = client.post(reverse("action_plan", args=[arjeplog_plan.plan.pk]), rows(arjeplog_plan, changes))
    assert response.status_code == 400
    assert set(Activity.objects.values_list("status", flat=True)) == {"ej_paborjad"}
    forms = {form.instance.pk: form for form in response.context["formset"].forms}
    assert forms[arjeplog_plan.drugs.pk].errors == {"status_comment": [str(PERSONNUMMER_REFUSED)]}
    assert forms[arjeplog_plan.meet.pk].errors == {}
    html = response.content.decode()
    assert 'value="Första besöket gjort"' in html
    assert 'value="Föräldern 850512-1234 var där"' in html
    assert html.index(str(PERSONNUMMER_REFUSED)) > html.index(arjeplog_plan.drugs.title)


def test_it_refuses_an_activity_of_another_plan(client, world, arjeplog_plan):
    client.force_login(world.alice)
    data = rows(arjeplog_plan, {})
    data["activities-0-id"] = "99999"
    response = client.post(reverse("action_plan", args=[arjeplog_plan.plan.pk]), data)
    assert response.status_code == 400
    assert not Activity.objects.exclude(status_changed_at=None).exists()
