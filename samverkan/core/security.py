"""The security log (logger `samverkan.security`, settings.LOGGING): failed logins, lockouts, failed two-factor
codes and denied pages, one `event=… key=value` line each.

A line names the account (user id, or the user name typed at a failed login), the client's address and the
path, never a query string, a password or a code: they may hold personal data or secrets.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("samverkan.security")

# 404 is what the access helpers answer for an object outside a user's reach, so its existence is not revealed.
DENIED = frozenset({403, 404})


def _value(value: object) -> str:
    text = str(value)
    if text and all(c.isalnum() or c in "-_.:/@" for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def security_event(event: str, request: HttpRequest | None = None, **fields: object) -> None:
    """One line in the security log: the event, the client's address and user, and the fields given."""
    if request is not None:
        user = getattr(request, "user", None)
        fields = {
            "ip": get_client_ip_address(request),
            **({"user": user.pk} if user is not None and user.is_authenticated else {}),
            **fields,
        }
    logger.warning(" ".join([f"event={event}", *(f"{key}={_value(value)}" for key, value in fields.items())]))


@receiver(user_login_failed)
def _login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    security_event("login_failed", request, username=credentials.get("username", ""))


@receiver(user_locked_out)
def _locked_out(sender, request: HttpRequest | None = None, username: str | None = None, **kwargs) -> None:
    security_event("lockout", request, username=username or "")


class SecurityLogMiddleware:
    """Logs a page denied to a signed-in user (403, or the 404 of an object outside their reach) and any 403."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        status = response.status_code
        if status == 403 or (status in DENIED and request.user.is_authenticated):
            security_event("access_denied", request, status=status, method=request.method, path=request.path)
        return response
