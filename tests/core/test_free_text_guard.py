"""Every free text a person can type is guarded (issue 10: the guard was missing on 23 of 75 fields).

The test walks every CharField and TextField of every samverkan model, and every field of every
samverkan form class, and fails on a text field without the personnummer guard unless it is on the
allow-list below; the texts citizens type must also refuse phone numbers and e-mail addresses.
Forms that add fields in __init__ (agreement sections, promise follow-ups) use GuardedFormField too,
but only declared fields are walked here.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models

import samverkan
from samverkan.core.fields import GuardedFormField, validate_no_contact_details, validate_no_personnummer

# Text fields nobody types free text into.
MODEL_ALLOWED = {
    # Reference data imported from SCB, Brå, the police's feed, Kolada or the question bank.
    "organisations.Municipality.code",
    "organisations.Municipality.name",
    "organisations.Municipality.county_code",
    "organisations.Municipality.county_name",
    "organisations.ResidentCount.source",
    "organisations.PresentPopulation.source",
    "bra.CrimeCategory.name",
    "bra.CrimeStatistic.region_code",
    "bra.CrimeStatistic.period",
    "police_events.PoliceEvent.name",
    "police_events.PoliceEvent.summary",
    "police_events.PoliceEvent.url",
    "police_events.PoliceEvent.type",
    "police_events.PoliceEvent.type_key",
    "police_events.PoliceEvent.location_name",
    "police_events.PoliceEvent.region_code",
    "police_events.FeedFetch.url",
    "kolada.Kpi.id",
    "kolada.Kpi.title",
    "kolada.Kpi.description",
    "kolada.Kpi.unit",
    "kolada.KpiValue.region_code",
    "kolada.KpiValue.status",
    "surveys.Question.key",
    "surveys.Question.text_sv",
    "surveys.Question.text_en",
    # Log-in: the password hash, the user name and the e-mail address are credentials, not free text.
    "organisations.User.password",
    "organisations.User.username",
    "organisations.User.email",
    # Keys, codes, tokens and cells.
    "sources.ImportRun.source",
    "sources.ImportRun.name",  # the uploaded file's name or URL
    "indicators.Indicator.key",
    "indicators.IndicatorValue.region_code",
    "surveys.Wave.token",
    "surveys.Answer.value",
    "surveys.AnswerTally.value",
    "incidents.Incident.h3_r7",
    "incidents.Incident.h3_r8",
    "incidents.Incident.h3_r9",
    "incidents.Incident.import_key",
    "incidents.IncidentCellMonth.cell",
    "goals.Indicator.key",  # a series key: a category, type, KPI id or indicator key
    "meetings.GroupCalendar.token",
    "citizen_reports.CitizenReport.token",  # the receipt link's token
    "notifications.SentNotification.key",
    # A job's bookkeeping, written by the product: its task's name and id, what it works on (a file's name, as
    # ImportRun.name), its outcome and the link to its result.
    "core.Job.kind",
    "core.Job.label",
    "core.Job.message",
    "core.Job.result_url",
    "core.Job.task_id",
    "versions.DataVersion.token",  # a random token naming a version of the data
    "api.ApiToken.prefix",  # the token's first characters and its SHA-256: credentials, not free text
    "api.ApiToken.digest",
    # Chosen from a guarded list (Wave.delomraden), never typed.
    "surveys.Response.delomrade",
    "surveys.AnswerTally.delomrade",
}
FORM_ALLOWED = {
    "samverkan.planning.goals.forms.IndicatorForm.key",  # a series key, as goals.Indicator.key
    "samverkan.account.views.CodeForm.code",  # a one-time code
}
PUBLIC_MODEL_FIELDS = {
    "surveys.Response.free_text",
    "promises.Suggestion.text",
    "promises.Suggestion.answer",  # the public answer, shown on the municipality's public page
    "promises.Comment.text",
    "citizen_reports.CitizenReport.text",  # what a citizen writes about an unsafe place
    "citizen_reports.CitizenReport.answer",  # the municipality's answer, shown on the receipt page
}
PUBLIC_FORM_FIELDS = {
    "samverkan.sources.surveys.forms.AnswerForm.free_text",
    "samverkan.planning.promises.forms.SuggestionAnswerForm.answer",
}


def model_text_fields() -> dict[str, models.Field]:
    return {
        f"{model._meta.label}.{field.name}": field
        for model in apps.get_models()
        if model.__module__.startswith("samverkan.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    }


def form_text_fields() -> dict[str, forms.Field]:
    for module in pkgutil.walk_packages(samverkan.__path__, "samverkan."):
        if module.name.rsplit(".", 1)[-1] in {"forms", "views"}:
            importlib.import_module(module.name)

    def subclasses(cls: type[forms.BaseForm]) -> list[type[forms.BaseForm]]:
        return [c for sub in cls.__subclasses__() for c in [sub, *subclasses(sub)]]

    return {
        f"{form.__module__}.{form.__qualname__}.{name}": field
        for form in subclasses(forms.BaseForm)
        if form.__module__.startswith("samverkan.") and issubclass(form, (forms.Form, forms.ModelForm))
        for name, field in form.base_fields.items()
        if isinstance(field, forms.CharField)
    }


def test_it_guards_every_free_text_field_of_every_model():
    fields = model_text_fields()
    unguarded = [
        name
        for name, field in fields.items()
        if not field.choices and name not in MODEL_ALLOWED and validate_no_personnummer not in field.validators
    ]
    assert unguarded == []
    assert len(fields) > 100  # the walk found the models


def test_it_guards_every_free_text_field_of_every_form():
    fields = form_text_fields()
    unguarded = [
        name for name, field in fields.items() if name not in FORM_ALLOWED and not isinstance(field, GuardedFormField)
    ]
    assert unguarded == []
    assert "samverkan.planning.promises.forms.PromiseSetForm.title" in fields  # the walk found the model forms


@pytest.mark.parametrize("name", sorted(PUBLIC_MODEL_FIELDS))
def test_it_refuses_contact_details_in_public_model_fields(name):
    assert validate_no_contact_details in model_text_fields()[name].validators


def test_it_refuses_contact_details_only_in_public_fields():
    public = {name for name, field in model_text_fields().items() if validate_no_contact_details in field.validators}
    assert public == PUBLIC_MODEL_FIELDS
    fields = form_text_fields()
    public_forms = {name for name, field in fields.items() if validate_no_contact_details in field.validators}
    assert public_forms >= PUBLIC_FORM_FIELDS
    assert "samverkan.planning.promises.forms.SuggestionForm.text" in public_forms
