"""The one guarded free-text type (DOMAIN.md §4): every text a person can type is one of these.

A guarded field refuses a personnummer (validate_no_personnummer, by the rules of samverkan.core.privacy); a
public one (what citizens type, `public=True`) also refuses phone numbers and e-mail addresses.
The model fields hand out the guarded form field, so model forms check before the model does;
plain forms use GuardedFormField directly. tests/core/test_fields.py fails on any free-text model
or form field without the guard.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy

from samverkan.core.privacy import (
    CONTACT_DETAILS_REFUSED,
    PERSONNUMMER_REFUSED,
    contains_contact_details,
    contains_personnummer,
)

_personnummer_refused = lazy(str, str)(PERSONNUMMER_REFUSED)
_contact_details_refused = lazy(str, str)(CONTACT_DETAILS_REFUSED)


def validate_no_personnummer(text: str) -> None:
    """A validator for every free-text field."""
    if contains_personnummer(text):
        raise ValidationError(_personnummer_refused, code="personnummer")


def validate_no_contact_details(text: str) -> None:
    """A validator for public free text, what citizens type."""
    if contains_contact_details(text):
        raise ValidationError(_contact_details_refused, code="contact_details")


def guards(*, public: bool) -> list:
    """The validators of a guarded text."""
    return [validate_no_personnummer, validate_no_contact_details] if public else [validate_no_personnummer]


class GuardedFormField(forms.CharField):
    def __init__(self, *, public: bool = False, **kwargs: Any) -> None:
        self.public = public
        kwargs["validators"] = [*guards(public=public), *kwargs.get("validators", ())]
        super().__init__(**kwargs)


class _Guarded:
    """What the guarded model fields share: the validators, the form field and a quiet deconstruct."""

    def _guard(self, public: bool, kwargs: dict[str, Any]) -> dict[str, Any]:
        self.public = public
        extra = [v for v in kwargs.get("validators", ()) if v not in guards(public=True)]
        kwargs["validators"] = [*guards(public=public), *extra]
        return kwargs

    def deconstruct(self) -> tuple:
        name, path, args, kwargs = super().deconstruct()  # type: ignore[misc]
        extra = [v for v in kwargs.pop("validators", ()) if v not in guards(public=True)]
        if extra:
            kwargs["validators"] = extra
        if self.public:
            kwargs["public"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs: Any) -> forms.Field:
        if not self.choices:  # type: ignore[attr-defined]
            kwargs.setdefault("form_class", GuardedFormField)
            if kwargs["form_class"] is GuardedFormField:
                kwargs.setdefault("public", self.public)
        return super().formfield(**kwargs)  # type: ignore[misc]


class GuardedCharField(_Guarded, models.CharField):
    def __init__(self, *args: Any, public: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **self._guard(public, kwargs))


class GuardedTextField(_Guarded, models.TextField):
    def __init__(self, *args: Any, public: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **self._guard(public, kwargs))
