"""Making, revoking and checking personal API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

from samverkan.api.models import ApiToken
from samverkan.core import clock
from samverkan.organisations.models import User

TOKEN_PREFIX = "smv_"
SHOWN_PREFIX = 10  # "smv_" and six characters of the secret: enough to tell a user's tokens apart


def _digest(raw: str) -> str:
    # A token is 32 random bytes: a plain hash is enough (no dictionary to guard against, unlike a password).
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token of the user and its secret, which is never stored and never shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), prefix=raw[:SHOWN_PREFIX], digest=_digest(raw))
    token.full_clean()
    token.save()
    return token, raw


def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])


def user_for_token(raw: str) -> tuple[User, ApiToken] | None:
    """The active user of a token that is not revoked, or None. Marks the day the token was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        return None
    today = clock.today()
    if token.last_used_on != today:
        token.last_used_on = today
        token.save(update_fields=["last_used_on"])
    return token.user, token
