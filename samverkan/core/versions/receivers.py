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

from django.apps import apps
from django.db.models import ForeignKey, Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from samverkan.core.versions.models import SHARED
from samverkan.core.versions.services import DATA, SURVEY, bump_once, memo

# Models whose writes change no figure, a picture or a report: the accounts (a login writes last_login), an API
# token (its first call of the day writes last_used_on), the worker's jobs, notifications' receipts, the import's
# own bookkeeping (run_import bumps), a kept report.
IGNORED = frozenset(
    {
        "organisations.user",
        "api.apitoken",
        "sources.importrun",
        "police_events.feedfetch",
        "reports.generatedreport",
    }
)
# Rows written in bulk, whose writers bump themselves (incidents.aggregates, the survey's tallies and answers with
# their response): a receiver would take Django's fast delete from their querysets (one DELETE, no rows loaded).
BUMPED_BY_THEIR_WRITERS = frozenset(
    {"incidents.incidentmonth", "incidents.incidentcellmonth", "surveys.answertally", "surveys.answer"}
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
        and meta.label_lower not in IGNORED | BUMPED_BY_THEIR_WRITERS
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
            owner = _owner_of(related, target)
        return owner or SHARED
    return SHARED


def _owner_of(model: type[Model], pk: Any) -> int | None:
    """The municipality of a wave, an incident, a dialogue …: one query, remembered within the transaction (the
    rows deleted with their wave are a thousand, their wave one)."""
    owners = memo().setdefault("owners", {})
    key = (model._meta.label_lower, pk)
    if key not in owners:
        owners[key] = model._base_manager.filter(pk=pk).values_list("municipality_id", flat=True).first()
    return owners[key]


def _kind(instance: Model) -> str:
    return SURVEY if instance._meta.app_label in SURVEY_APPS else DATA


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        bump_once(_owner(instance), _kind(instance))


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    bump_once(_owner(instance), _kind(instance))


def _m2m(sender: type[Model], instance: Model, action: str, **kwargs: Any) -> None:
    """Many-to-many links (an organisation's municipalities: who the neighbours are) change the shared data."""
    if action.startswith("post_"):
        bump_once(SHARED, DATA)


def connect() -> None:
    """The receivers, for each model that counts only: a receiver for every sender would take the fast delete
    (one DELETE, no rows loaded) from every model's querysets, the sessions' and the queue's too."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created:  # a many-to-many table: its changes come as m2m_changed of its owner
            if _counts(model):
                m2m_changed.connect(_m2m, sender=model, dispatch_uid=f"versions_m2m_{model._meta.label_lower}")
            continue
        if _counts(model):
            post_save.connect(_saved, sender=model, dispatch_uid=f"versions_saved_{model._meta.label_lower}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"versions_deleted_{model._meta.label_lower}")
