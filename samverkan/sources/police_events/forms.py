from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.core.forms import DATE_INPUT, DayField

PERIOD_REVERSED = _("The period must end on or after the day it starts.")


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last 12 months: from the first day of the month eleven months back to today."""
    months = today.year * 12 + today.month - 1 - 11
    return datetime.date(months // 12, months % 12 + 1, 1), today


class PeriodForm(forms.Form):
    """The period of the page, as the GET parameters `from` and `to` (both days included)."""

    def __init__(self, data, *, today: datetime.date) -> None:
        start, end = default_period(today)
        super().__init__({"from": data.get("from") or start.isoformat(), "to": data.get("to") or end.isoformat()})
        self.fields["from"] = DayField(label=_("From"), widget=DATE_INPUT)
        self.fields["to"] = DayField(label=_("To"), widget=DATE_INPUT)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("from") and cleaned.get("to") and cleaned["from"] > cleaned["to"]:
            self.add_error("to", PERIOD_REVERSED)
        return cleaned
