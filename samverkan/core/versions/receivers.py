"""The writes that pass by Model.save() and delete() bump their municipality's token (or the shared one).

Every model of the product's apps counts, but for the bookkeeping that changes no figure (the list below); rows
written in bulk send no signals, so the code that writes them bumps itself (the imports, the incident aggregates,
the survey tallies). A row that names its municipality bumps it; a row that names an object of one (a survey's
response its wave, a note its incident) bumps that one's; anything else, the shared token (rare writes: the
organisations, the statistics' categories …). A survey's rows bump their municipality's survey token, which its
neighbours' pictures read too. Rows loaded raw (loaddata) bump nothing: a restore brings back its own tokens.
"""

from __future__ import annotations

from typing import Any

from django.db.models import ForeignKey, Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from samverkan.core.versions.models import SHARED
from samverkan.core.versions.services import DATA, SURVEY, bump

# Models whose writes change no figure, a picture or a report: the accounts (a login writes last_login), the
# worker's jobs, notifications' receipts, the import's own bookkeeping (run_import bumps), a kept report.
IGNORED = frozenset(
    {
        "organisations.user",
        "sources.importrun",
        "police_events.feedfetch",
        "reports.generatedreport",
    }
)
IGNORED_APPS = frozenset({"core", "versions", "notifications"})
SURVEY_APPS = frozenset({"surveys"})


def _counts(model: type[Model]) -> bool:
    meta = model._meta
    config = meta.app_config  # None for Django's own bookkeeping (the migrations' table)
    return (
        config is not None
        and config.name.startswith("samverkan.")
        and meta.app_label not in IGNORED_APPS
        and meta.label_lower not in IGNORED
        and not meta.proxy
    )


def _owner(instance: Model) -> int:
    """The municipality the row belongs to, directly or through the object it points at; else SHARED."""
    meta = instance._meta
    if meta.label_lower == "organisations.municipality":
        return SHARED  # its name and outline are in its neighbours' pictures too
    fields = {field.name: field for field in meta.concrete_fields}
    if "municipality" in fields and isinstance(fields["municipality"], ForeignKey):
        return getattr(instance, "municipality_id", None) or SHARED
    for field in meta.concrete_fields:
        if not isinstance(field, ForeignKey):
            continue
        related = field.related_model
        if not isinstance(related, type) or not any(f.name == "municipality" for f in related._meta.concrete_fields):
            continue
        target = getattr(instance, field.attname)
        if target is None:
            continue
        if field.is_cached(instance):
            owner = getattr(getattr(instance, field.name), "municipality_id", None)
        else:
            owner = related._base_manager.filter(pk=target).values_list("municipality_id", flat=True).first()
        return owner or SHARED
    return SHARED


def _kind(instance: Model) -> str:
    return SURVEY if instance._meta.app_label in SURVEY_APPS else DATA


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _counts(sender):
        bump([_owner(instance)], _kind(instance))


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _counts(sender):
        bump([_owner(instance)], _kind(instance))


def _m2m(sender: type[Model], instance: Model, action: str, **kwargs: Any) -> None:
    """Many-to-many links (an organisation's municipalities: who the neighbours are) change the shared data."""
    if action.startswith("post_") and _counts(type(instance)):
        bump([SHARED])


def connect() -> None:
    post_save.connect(_saved, dispatch_uid="versions_saved")
    post_delete.connect(_deleted, dispatch_uid="versions_deleted")
    m2m_changed.connect(_m2m, dispatch_uid="versions_m2m")
