"""The form fields of a day and a moment, within the days the product holds (samverkan.core.bounds)."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import EARLIEST_DAY, latest_day, supported_day

CHOOSE_A_DAY_WITHIN = _("Choose a day from %(earliest)s to %(latest)s.")


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
