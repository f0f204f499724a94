"""The blank choice of every select speaks the page's language.

Django 6.1 labels the blank choice "- Select an option -" (django.db.models.fields.BLANK_CHOICE_LABEL), a string
Django's own Swedish catalog does not translate; ours does (samverkan/core/apps.py marks it for makemessages).
"""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation

from samverkan.organisations.models import Municipality

pytestmark = pytest.mark.django_db


class MunicipalityForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.all(), required=False)


def test_it_labels_the_blank_choice_in_swedish():
    with translation.override("sv"):
        html = str(MunicipalityForm()["municipality"])
    assert '<option value="" selected>– Välj –</option>' in html


def test_it_keeps_djangos_label_in_english():
    with translation.override("en"):
        html = str(MunicipalityForm()["municipality"])
    assert '<option value="" selected>- Select an option -</option>' in html
