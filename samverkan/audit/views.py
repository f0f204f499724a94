"""The audit log page (/logg/): what was changed, read and exported in the reader's organisation."""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import DateTimeField, DecimalField, FloatField, ForeignKey, Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.audit.selectors import CHANGE, KINDS, LogReach, log_entries, log_reach, municipality_names
from samverkan.core import figures
from samverkan.core.audit import EXPORT, MASK, READ
from samverkan.core.forms import DATE_INPUT, DayField, form_status
from samverkan.organisations.access import scope_for
from samverkan.organisations.http import AuthenticatedHttpRequest

PAGE_SIZE = 50
SHOWN_LENGTH = 140
KIND_LABELS = {CHANGE: _("Changes"), READ: _("Reads"), EXPORT: _("Exports")}
ACTION_LABELS = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
}
ACCESS_LABELS = {READ: _("Read"), EXPORT: _("Exported")}
# What record_read and record_export were told was read or exported.
WHAT_LABELS = {
    "incident": _("the incident's details"),
    "incident_reporter": _("the incident's details and reporter"),
    "incidents": _("incidents of a week"),
    "action_plan_sheet": _("the action plan's follow-up sheet"),
    "situation": _("the situation picture"),
    "joint_situation": _("the joint situation picture"),
    "baseline": _("an adopted situation picture"),
    "annual_report": _("the annual report"),
    "meeting_minutes": _("the minutes"),
}
TEXT_NOT_KEPT = _("the text changed (the log does not keep it)")
HIDDEN_PERSON = _("changed (a person, not shown)")
BACKWARDS = _("The period ends before it starts.")


class LogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *((k, KIND_LABELS[k]) for k in KINDS)]
    )
    start = DayField(label=_("From"), required=False, widget=DATE_INPUT)
    end = DayField(label=_("To"), required=False, widget=DATE_INPUT)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", BACKWARDS)
        return data


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str
    note: str = ""


@dataclass(frozen=True)
class Row:
    entry: LogEntry
    who: str
    what: str
    about: str
    details: str
    changes: list[Change]
    municipalities: str


def audit_log_link(request: HttpRequest) -> dict:
    """Context processor: the menu links the log for the roles that read it (selectors.log_reach)."""
    user = getattr(request, "user", None)
    return {"reads_audit_log": user is not None and bool(scope_for(user).write_organisations)}


@login_required
def audit_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    reach = log_reach(request.user)
    if not reach:
        raise Http404
    form = LogFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    entries = log_entries(reach=reach, kind=data.get("kind", ""), start=data.get("start"), end=data.get("end"))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    names = municipality_names({code for e in page for code in (e.additional_data or {}).get("municipalities", [])})
    context = {"form": form, "page": page, "rows": [_row(entry, reach, names) for entry in page]}
    return render(request, "audit/log.html", context, status=form_status(form))


def _row(entry: LogEntry, reach: LogReach, names: dict[str, str]) -> Row:
    data = entry.additional_data or {}
    model = entry.content_type.model_class()
    if entry.action == LogEntry.Action.ACCESS:
        what = str(ACCESS_LABELS.get(data.get("kind", ""), ""))
        read = WHAT_LABELS.get(data.get("what", ""), data.get("what", ""))
        details = " ".join(filter(None, [str(read), data.get("detail", "")]))
        changes = []
    else:
        what, details, changes = str(ACTION_LABELS.get(entry.action, "")), "", _changes(entry, model)
    kind_name = model._meta.verbose_name if model is not None else entry.content_type.model
    return Row(
        entry=entry,
        who=_who(entry, reach),
        what=what,
        about=f"{str(kind_name).capitalize()}: {entry.object_repr}",
        details=details,
        changes=changes,
        municipalities=", ".join(names.get(code, code) for code in data.get("municipalities", [])),
    )


def _who(entry: LogEntry, reach: LogReach) -> str:
    """A member of the reader's organisation by name; anyone else by their organisation only."""
    actor = entry.actor
    if actor is None:
        return str(_("Samverkan (a command or the system)")) if not entry.actor_email else str(_("A removed user"))
    memberships = list(actor.memberships.all())
    if any(m.organisation_id in reach.organisations for m in memberships):
        return str(actor)
    organisations = sorted({m.organisation.name for m in memberships})
    return ", ".join(organisations) or str(_("An administrator"))


def _changes(entry: LogEntry, model: type[Model] | None) -> list[Change]:
    masked = auditlog.get_model_fields(model)["mask_fields"] if model and auditlog.contains(model) else []
    changes = []
    for name, values in (entry.changes_dict or {}).items():
        before, after = (str(value) for value in values) if len(values) == 2 else ("", "")
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        if field is not None and not field.concrete:  # a reverse relation, listed when the object was created
            continue
        label = str(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name
        if name in masked or MASK in (before, after):
            changes.append(Change(label, "", "", str(TEXT_NOT_KEPT)))
        elif isinstance(field, ForeignKey) and field.related_model._meta.label == settings.AUTH_USER_MODEL:
            changes.append(Change(label, "", "", str(HIDDEN_PERSON)))
        else:
            choices = dict(field.flatchoices) if field is not None and getattr(field, "flatchoices", None) else {}
            before, after = (_written(field, choices.get(value, value)) for value in (before, after))
            changes.append(Change(label, _shown(before), _shown(after)))
    return changes


def _written(field: object, value: str) -> str:
    """A stored number as the page writes figures (a decimal comma in Swedish, its decimals kept), a moment to
    the minute in local time; any other value as it was logged."""
    try:
        if isinstance(field, FloatField | DecimalField) and value not in ("", "None"):
            return figures.as_given(decimal.Decimal(value))
        if isinstance(field, DateTimeField) and value not in ("", "None"):
            moment = datetime.datetime.fromisoformat(value)
            return (timezone.localtime(moment) if timezone.is_aware(moment) else moment).strftime("%Y-%m-%d %H:%M")
    except (ValueError, TypeError, decimal.InvalidOperation):
        pass
    return value


def _shown(value: object) -> str:
    text = "" if value in (None, "None") else str(value)
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…"
