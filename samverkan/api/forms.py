from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedFormField


class ApiTokenForm(forms.Form):
    name = GuardedFormField(label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. the GIS export."))
