"""Bump a scope's token on a write; read the tokens a cache key names."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q

from samverkan.core.versions.models import SHARED, DataVersion

DATA = DataVersion.Kind.DATA
SURVEY = DataVersion.Kind.SURVEY


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


def bump_once(scope: int, kind: str = DATA) -> None:
    """Bump, but once per scope between two reads of the tokens in a transaction: deleting a thousand rows of one
    municipality is one bump."""
    bumped = memo().setdefault("bumped", set())
    if (scope, kind) in bumped:
        return
    bump([scope], kind)
    bumped.add((scope, kind))


def memo() -> dict[str, Any]:
    """What the receivers remember within the current transaction (the scopes bumped, the owners looked up).

    A transaction is told apart by Django's list of its on-commit hooks, which the connection replaces with a new
    list when a transaction (or a savepoint) ends, committed or rolled back; outside a transaction nothing is
    remembered, and `tokens` forgets it all, so a write after a read bumps again."""
    connection = connections[DEFAULT_DB_ALIAS]
    if not connection.in_atomic_block:
        return {}
    hooks = connection.run_on_commit
    kept = _memos.get(connection)
    if kept is None or kept[0] is not hooks:
        kept = (hooks, {})
        _memos[connection] = kept
    return kept[1]


_memos: WeakKeyDictionary[Any, tuple[list, dict[str, Any]]] = WeakKeyDictionary()


def tokens(where: Q) -> str:
    """The tokens of the scopes `where` selects (always with the shared one), as one string for a cache key."""
    return ";".join(f"{scope}{kind[0]}{token}" for (scope, kind), token in tokens_by_kind(where).items())


def tokens_by_kind(where: Q) -> dict[tuple[int, str], str]:
    """The token of each scope and kind `where` selects (always with the shared ones), by (scope, kind), in that
    order. One query. A scope without a row yet reads as absent, which a first write changes."""
    _memos.pop(connections[DEFAULT_DB_ALIAS], None)  # a write after this read bumps again
    rows = DataVersion.objects.filter(where | Q(scope=SHARED)).order_by("scope", "kind")
    return {(scope, kind): token for scope, kind, token in rows.values_list("scope", "kind", "token")}
