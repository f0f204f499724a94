"""The audit: who changed, read or exported what, and when (django-auditlog's LogEntry).

Changes are recorded by django-auditlog's signals for the models settings.py registers (AUDITLOG_*); reads of
an incident's details and every export are recorded here, through record_read and record_export. Every entry
carries the codes of the municipalities its object belongs to in `additional_data["municipalities"]` (a list), so
the log page filters by municipality in SQL.

Privacy: the texts that retention clears (incident descriptions and handling notes) never enter the log. Their
fields are masked (mask_text: the log says that the text changed, not what it says), and an entry's object
representation is replaced when it would quote them (a handling note's __str__ is its text).

This module imports no app: it finds an object's municipalities by walking its fields.
"""

from __future__ import annotations

from contextvars import ContextVar

from auditlog.context import auditlog_disabled
from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from auditlog.signals import post_log, pre_log
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import ForeignKey, Model
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import HttpRequest

READ = "read"
EXPORT = "export"
# What a masked text is replaced with in the log: that there is a text, never what it says.
MASK = "***"
# How far the walk from an object to its municipalities goes: a meeting's decision → meeting → group.
DEPTH = 3

_pending: ContextVar[Model | None] = ContextVar("samverkan_audit_pending", default=None)
_loaded: ContextVar[frozenset[str]] = ContextVar("samverkan_audit_loaded", default=frozenset())


def mask_text(value: str) -> str:
    """AUDITLOG mask callable: the masked field had a text, or had none ("" and None stay as they are)."""
    return value if value in ("", "None") else MASK


def municipalities_of(obj: Model | None, depth: int = DEPTH) -> set[str]:
    """The codes of the municipalities an object belongs to: a municipality itself, its `municipality`, its
    `municipalities`, or (up to `depth` steps) those of what it points to (a note's incident, a baseline's police
    area). Users and import runs are not followed: they belong to no municipality."""
    if obj is None:
        return set()
    if obj._meta.label == "organisations.Municipality":
        return {obj.serializable_value("code")}
    found: set[str] = set()
    fields = [field for field in obj._meta.fields if isinstance(field, ForeignKey) and _followed(field)]
    if any(field.name == "municipality" for field in fields):
        found |= municipalities_of(_related(obj, "municipality"), 0)
    for many in obj._meta.many_to_many:
        if many.name == "municipalities":
            # Its own list, even while it is empty (an agreement being created): never a guess from what it points to.
            codes = getattr(obj, many.name).values_list("code", flat=True) if obj.pk is not None else []
            return found | set(codes)
    if found or depth == 0:
        return found
    for field in fields:
        found |= municipalities_of(_related(obj, field.name), depth - 1)
        if found:
            break
    return found


def _codes(obj: Model) -> list[str]:
    return sorted(municipalities_of(obj))


def _followed(field: ForeignKey) -> bool:
    return field.related_model._meta.label not in {settings.AUTH_USER_MODEL, "sources.ImportRun"}


def _related(obj: Model, name: str) -> Model | None:
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:  # deleted first, in a cascade
        return None


def _masked_texts(obj: Model) -> list[str]:
    if not auditlog.contains(type(obj)):
        return []
    fields = auditlog.get_model_fields(type(obj))["mask_fields"]
    return [text for name in fields if isinstance(text := getattr(obj, name, None), str) and text]


def private_repr(obj: Model, shown: str) -> str:
    """The object's representation for the log: its __str__, unless that quotes a masked text."""
    if shown and any(shown in text or text in shown for text in _masked_texts(obj)):
        return f"{obj._meta.verbose_name} {obj.pk}"
    return shown


def _actor(request: HttpRequest):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _record(request: HttpRequest, obj: Model, kind: str, what: str, detail: str) -> LogEntry | None:
    if auditlog_disabled.get():
        return None
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        changes=None,
        actor=_actor(request),
        remote_addr=get_client_ip_address(request),
        object_repr=private_repr(obj, str(obj)),
        additional_data={"kind": kind, "what": what, "detail": detail, "municipalities": _codes(obj)},
    )


def record_read(request: HttpRequest, obj: Model, what: str, *, detail: str = "") -> LogEntry | None:
    """A user read this object's details (an incident, its reporter)."""
    return _record(request, obj, READ, what, detail)


def record_export(request: HttpRequest, what: str, obj: Model, *, detail: str = "") -> LogEntry | None:
    """A user downloaded an export of (or about) this object: a municipality's incidents, a plan's sheet, …"""
    return _record(request, obj, EXPORT, what, detail)


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware (the actor of every change), with the client's address as the login lockout
    and the public forms see it: X-Forwarded-For only behind a proxy (BEHIND_PROXY), so a client cannot forge it.
    A change by someone not logged in (a citizen's suggestion, comment or report) is logged without the address:
    a public form stores nothing about its sender (DOMAIN.md §4), in the audit log neither."""

    @staticmethod
    def _get_remote_addr(request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return get_client_ip_address(request)

    @staticmethod
    def _get_remote_port(request: HttpRequest) -> None:
        return None


def _reverse_one_to_one(obj: Model) -> list:
    return [relation for relation in obj._meta.related_objects if relation.one_to_one]


@receiver(pre_log)
def _before_log(sender, instance: Model, **kwargs) -> bool:
    """Remember the object of the entry about to be written (see _describe), and which of its reverse one-to-one
    relations it had loaded. The rows of a many-to-many table are not logged on their own: the change is logged on
    the object whose field it is."""
    if sender._meta.auto_created:
        return False
    _pending.set(instance)
    _loaded.set(frozenset(r.name for r in _reverse_one_to_one(instance) if r.is_cached(instance)))
    return True


@receiver(post_log)
def _after_log(sender, instance: Model, **kwargs) -> None:
    """auditlog's diff of a new or deleted object reads its reverse one-to-one relations, which leaves "none" in the
    object's cache (a plan's next version, made later, would stay unseen): forget what the diff loaded."""
    loaded = _loaded.get()
    for relation in _reverse_one_to_one(instance):
        if relation.name not in loaded and relation.is_cached(instance):
            relation.delete_cached_value(instance)
    _pending.set(None)


@receiver(pre_save, sender=LogEntry)
def _describe(sender, instance: LogEntry, raw: bool = False, **kwargs) -> None:
    """Give a change's entry its municipalities and a representation that quotes no masked text."""
    if raw or instance.additional_data is not None:
        return
    obj = _pending.get()
    model = instance.content_type.model_class()
    if obj is None or type(obj) is not model or str(obj.pk) != str(instance.object_pk):
        obj = model._base_manager.filter(pk=instance.object_pk).first() if model is not None else None
    if obj is None:
        return
    instance.additional_data = {"municipalities": _codes(obj)}
    instance.object_repr = private_repr(obj, instance.object_repr)
