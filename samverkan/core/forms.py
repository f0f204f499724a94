"""What every app's forms share: the fields of a day and a moment, within the days the product holds
(samverkan.core.bounds), the date picker's widget (DATE_INPUT), and the one way to put a service's errors on a
form (ServiceErrorsMixin)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import EARLIEST_DAY, latest_day, supported_day

CHOOSE_A_DAY_WITHIN = _("Choose a day from %(earliest)s to %(latest)s.")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # the browser's picker, ISO as its value


def form_status(form: forms.BaseForm) -> int:
    """The status of a page that shows a form: 400 when the form was refused (nothing changed), else 200."""
    return 400 if form.errors else 200


def _refuse_outside(day: datetime.date) -> None:
    if not supported_day(day):
        raise ValidationError(
            CHOOSE_A_DAY_WITHIN,
            code="outside",
            params={"earliest": EARLIEST_DAY.isoformat(), "latest": latest_day().isoformat()},
        )


class DayField(forms.DateField):
    """A day within the supported range; any other day is a form error, never a page that fails."""

    def validate(self, value: datetime.date | None) -> None:
        super().validate(value)
        if value is not None:
            _refuse_outside(value)


class MomentField(forms.DateTimeField):
    """A date and time on a supported day (year 0001 in Stockholm is no moment in UTC: a 500 on saving)."""

    def validate(self, value: datetime.datetime | None) -> None:
        super().validate(value)
        if value is not None:
            _refuse_outside(value.date())


class ServiceErrorsMixin(forms.BaseForm):
    """A form whose data a service checks again on saving: the service's errors land beside their fields.

    An error the service keys by a field (as full_clean does) goes beside the form's field of that name, an
    error without a key above the form. `service_error_fields` sends a key, or the code of an error without
    a key, to a field of another name.
    """

    service_error_fields: Mapping[str, str] = MappingProxyType({})

    def add_service_error(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                self.add_error(self._field_named(self.service_error_fields.get(key, key)), errors)
        else:
            for each in error.error_list:
                self.add_error(self._field_named(self.service_error_fields.get(each.code or "")), each)

    def _field_named(self, name: str | None) -> str | None:
        return name if name in self.fields else None
