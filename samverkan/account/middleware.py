"""Middleware for logged-in staff: the second factor when REQUIRE_2FA is on, and no caching of their pages."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers

# Pages a logged-in user may reach before the second factor: logging in and out, the two-factor pages, the language.
BEFORE_SECOND_FACTOR = frozenset({"login", "logout", "two_factor_verify", "two_factor_enrol", "set_language"})


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TwoFactorMiddleware:
    """With REQUIRE_2FA, a user who logged in with the password only is sent to the code page (or to enrolment)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.REQUIRE_2FA
            and user.is_authenticated
            and not user.is_verified()
            and _url_name(request) not in BEFORE_SECOND_FACTOR
        ):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('two_factor_verify')}?{query}")
        return self.get_response(request)


class NoStoreForStaffMiddleware:
    """Pages shown to a logged-in user hold work data: neither the browser nor a proxy may keep a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)  # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private
        return response
