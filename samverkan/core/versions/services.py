"""Bump a scope's token on a write; read the tokens a cache key names."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.db.models import Q

from samverkan.core.versions.models import SHARED, DataVersion

DATA = DataVersion.Kind.DATA
SURVEY = DataVersion.Kind.SURVEY
NONE = "-"  # a scope no write has bumped yet


def bump(scopes: Iterable[int | None], kind: str = DATA) -> None:
    """Give each scope (a municipality's id; None or SHARED for the data all share) a new token, in the caller's
    transaction: the readers see the new token exactly when they see the write. One query, whatever the count."""
    unique = sorted({SHARED if scope is None else scope for scope in scopes})
    if not unique:
        return
    DataVersion.objects.bulk_create(
        [DataVersion(scope=scope, kind=kind, token=secrets.token_hex(8)) for scope in unique],
        update_conflicts=True,
        unique_fields=["scope", "kind"],
        update_fields=["token"],
    )


def bump_shared() -> None:
    bump([SHARED])


def tokens(where: Q) -> str:
    """The tokens of the scopes `where` selects (always with the shared one), as one string for a cache key.
    One query. A scope without a row yet reads as absent, which a first write changes."""
    rows = DataVersion.objects.filter(where | Q(scope=SHARED)).order_by("scope", "kind")
    return ";".join(f"{scope}{kind[0]}{token}" for scope, kind, token in rows.values_list("scope", "kind", "token"))
