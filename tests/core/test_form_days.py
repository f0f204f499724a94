"""Every day or moment a person types is within the supported days (issue 10: year 0001 gave a 500).

The test walks every field of every samverkan form class, as tests/core/test_free_text_guard.py does for
texts, and fails on a date or date-and-time field that is not a core.forms.DayField or MomentField,
unless it is on the allow-list below. Two forms show what that means in the web.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import samverkan
from samverkan.core.forms import DayField, MomentField
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup
from samverkan.sources.incidents.models import Incident

# Checked elsewhere, where the command line's values are checked too.
ALLOWED = {
    "samverkan.planning.actions.forms.OccurrenceForm.held_on",  # services.occurrence_validate
    "samverkan.sources.surveys.forms.SurveyImportForm.opened_on",  # the survey importer
    "samverkan.sources.surveys.forms.SurveyImportForm.closed_on",
}


def date_fields() -> list[tuple[str, forms.Field]]:
    found: list[tuple[str, forms.Field]] = []
    for module in pkgutil.walk_packages(samverkan.__path__, "samverkan."):
        if not module.name.endswith(".forms"):
            continue
        loaded = importlib.import_module(module.name)
        for name, form in inspect.getmembers(loaded, inspect.isclass):
            if not issubclass(form, (forms.Form, forms.ModelForm)) or form.__module__ != loaded.__name__:
                continue
            for field_name, field in form.base_fields.items():
                if isinstance(field, forms.DateField | forms.DateTimeField):
                    found.append((f"{module.name}.{name}.{field_name}", field))
    return found


def test_it_finds_the_forms_days():
    assert len(date_fields()) > 20


def test_every_day_a_person_types_is_within_the_supported_days():
    unguarded = [name for name, field in date_fields() if not isinstance(field, DayField | MomentField)]
    assert sorted(set(unguarded) - ALLOWED) == []


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_it_refuses_an_incident_outside_the_supported_days(client, world, when):
    client.force_login(world.alice)
    data = {"occurred_from": when, "category": "Skadegörelse", "severity": "2", "lat": "66.5", "lng": "17.5"}
    response = client.post(reverse("incident_new"), data | {"description": "Klotter på skolan"})
    assert response.status_code == 400
    [error] = response.context["form"].errors["occurred_from"]
    assert error.startswith("Choose a day from 2000-01-01 to ")
    assert not Incident.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_meeting_in_year_0001(client, world):
    group = CollaborationGroup.objects.create(name="Folkhälsorådet")
    group.municipalities.set([world.arjeplog])
    client.force_login(world.alice)
    response = client.post(f"/moten/grupp/{group.pk}/nytt/", {"kind": "est", "starts_at": "0001-01-01T00:00"})
    assert response.status_code == 400
    [error] = response.context["form"].errors["starts_at"]
    assert error.startswith("Choose a day from 2000-01-01 to ")
    assert not Meeting.objects.exists()
