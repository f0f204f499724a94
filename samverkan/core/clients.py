"""Who sends a public form: the client's address, the per-client rate limit, the honeypot and the repeat mark.

The public forms (the survey, the suggestions on medborgarlöften) store nothing about the sender (DOMAIN.md §4).
The address and the browser's user agent are used in memory only: as the key of the rate limit (django-ratelimit,
in the cache) and, mixed with SECRET_KEY into an HMAC, as a short-lived mark in the cache that this client has
already answered. Neither reaches the database. The login lockout (django-axes) takes its address from here too.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage

PUBLIC_FORMS = "samverkan.public-forms"
HONEYPOT = "website"
FINGERPRINT_SALT = "samverkan.core.clients.fingerprint"
SENT_PREFIX = "public-forms:sent:"
IPV6_PREFIX = 64  # one subscriber usually holds a whole /64: counting single addresses would be easy to dodge


def _parse(value: str) -> str | None:
    """A bare IP address from a header value ("192.0.2.1", "192.0.2.1:443", "[2001:db8::1]:443"), else None."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def client_address(meta: Mapping[str, str], *, behind_proxy: bool) -> str | None:
    """The client's IP address from the request's META, or None.

    Without a proxy: REMOTE_ADDR. Behind our one reverse proxy (BEHIND_PROXY): the last X-Forwarded-For hop, the
    one the proxy added; the hops before it come from the client and could be forged to dodge a limit.
    """
    candidates = []
    if behind_proxy:
        hops = [hop for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        candidates += hops[-1:]
    candidates.append(meta.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        if address := _parse(candidate):
            return address
    return None


def client_key(address: str | None) -> str:
    """What the limits count: the address itself (IPv4) or its /64 network (IPv6)."""
    if address is None:
        return "unknown"
    network = ipaddress.ip_network(f"{address}/{IPV6_PREFIX if ':' in address else 32}", strict=False)
    return str(network.network_address)


def address_of(request: HttpRequest) -> str | None:
    """The request's client address (also django-axes' AXES_CLIENT_IP_CALLABLE)."""
    return client_address(request.META, behind_proxy=settings.BEHIND_PROXY)


def _rate_key(group: str, request: HttpRequest) -> str:
    return client_key(address_of(request))


def public_form_rates() -> list[str]:
    rates = [(settings.PUBLIC_FORM_PER_MINUTE, "m"), (settings.PUBLIC_FORM_PER_HOUR, "h")]
    return [f"{count}/{period}" for count, period in rates if count > 0]


def public_form_wait(request: HttpRequest) -> int:
    """Count one submission of a public form from the request's client, across all public forms.

    Returns 0 while the client is within every limit, else the seconds until the exceeded limit's window ends.
    """
    wait = 0
    for rate in public_form_rates():
        usage = get_usage(request, group=PUBLIC_FORMS, key=_rate_key, rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            wait = max(wait, usage["time_left"], 1)
    return wait


def too_many(request: HttpRequest, template: str, context: dict, *, wait: int) -> HttpResponse:
    """The form again, as sent (nothing stored), with status 429 and how many minutes to wait."""
    response = render(request, template, {**context, "wait_minutes": math.ceil(wait / 60)}, status=429)
    response["Retry-After"] = str(wait)
    return response


def honeypot_filled(request: HttpRequest) -> bool:
    """Whether the field hidden from people (includes/honeypot.html) came back filled in: a bot."""
    return bool(request.POST.get(HONEYPOT, "").strip())


def fingerprint(*, secret: str, address: str, user_agent: str, scope: str) -> str:
    """A keyed hash of who sent what: without the secret it cannot be traced back to the address."""
    value = f"{scope}\n{address}\n{user_agent}"
    return salted_hmac(FINGERPRINT_SALT, value, secret=secret, algorithm="sha256").hexdigest()


# The repeat mark. Address and user agent together are a deterrent, not proof: a school's pupils behind one address
# on identical computers look like one client, and someone with a second browser or network looks like two.


def _sent_key(request: HttpRequest, scope: str) -> str:
    return SENT_PREFIX + fingerprint(
        secret=settings.SECRET_KEY,
        address=client_key(address_of(request)),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        scope=scope,
    )


def already_sent(request: HttpRequest, *, scope: str) -> bool:
    """Whether this client (address and browser) has sent `scope` within its window."""
    return cache.get(_sent_key(request, scope)) is not None


def mark_sent(request: HttpRequest, *, scope: str, hours: int) -> bool:
    """Mark `scope` as sent by this client for `hours` (0: no mark); False if it already was (of two at once, one
    wins)."""
    if hours <= 0:
        return True
    return cache.add(_sent_key(request, scope), True, timeout=hours * 3600)


def unmark_sent(request: HttpRequest, *, scope: str) -> None:
    """Take the mark back when what was marked could not be stored after all."""
    cache.delete(_sent_key(request, scope))
