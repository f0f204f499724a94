"""The open HTTP API (django-ninja): its OpenAPI 3 schema at /api/openapi.json, read on /api/docs/.

Authentication: a personal API token (`Authorization: Bearer <token>`, made on the account's token page), which
acts as its user with the user's memberships and scope; the public endpoints need none. Sessions are not accepted,
so no call is cookie-authenticated and none needs CSRF. Every refusal is the one error object (errors.py).
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django_ratelimit.core import get_usage
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from samverkan.api import imports, incidents, planning, public
from samverkan.api.errors import NOT_FOUND, RATE_LIMITED, UNAUTHORIZED, ApiError, error_body
from samverkan.api.models import ApiToken
from samverkan.api.services import user_for_token
from samverkan.core.clients import address_of, client_key

RATE_GROUP = "samverkan.api"

DESCRIPTION = """Samverkan's open API: the published medborgarlöften and the public lägesbild without a token; with
a personal API token (made under your account, `Authorization: Bearer <token>`) the incidents, imports, goals,
activities and occurrences you reach on the pages, and the same writes. Lists take `limit` (at most 100) and
`offset`. Every error is `{"error": {"code", "message", "field", "problems"}}`."""


class TokenAuth(HttpBearer):
    """A personal token: the call acts as its user (request.user), as the pages' access functions expect."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = user_for_token(token)
        if found is None:
            return None
        request.user, api_token = found
        return api_token


class RateLimit(BaseThrottle):
    """API_PER_MINUTE calls a minute per token, or per client address without one (django-ratelimit; 0: off)."""

    def __init__(self) -> None:
        self._wait = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        rate = settings.API_PER_MINUTE
        self._wait.seconds = None
        if rate <= 0:
            return True
        token = getattr(request, "auth", None)
        key = f"token:{token.pk}" if isinstance(token, ApiToken) else f"address:{client_key(address_of(request))}"
        usage = get_usage(request, group=RATE_GROUP, key=lambda _group, _request: key, rate=f"{rate}/m", increment=True)
        if usage is not None and usage["should_limit"]:
            self._wait.seconds = max(usage["time_left"], 1)
            return False
        return True

    def wait(self) -> float | None:
        return getattr(self._wait, "seconds", None)


api = NinjaAPI(
    title="Samverkan API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    auth=TokenAuth(),
    throttle=RateLimit(),
)


def _answer(request: HttpRequest, body: dict, status: int) -> HttpResponse:
    return api.create_response(request, body, status=status)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return _answer(request, exc.body, exc.status)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _answer(request, error_body("unauthorized", UNAUTHORIZED), 401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return _answer(request, error_body("rate_limited", RATE_LIMITED), 429)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _answer(request, error_body("not_found", NOT_FOUND), 404)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body", "form", "file")]
    message = str(first.get("msg", "Invalid request."))
    field = ".".join(location) or None
    return _answer(request, error_body("invalid", f"{field}: {message}" if field else message, field), 422)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja's own refusals (a body that is not JSON, …): the request is what is wrong.
    return _answer(request, error_body("invalid", str(exc)), 422 if exc.status_code in (400, 422) else exc.status_code)


api.add_router("/public", public.router)
api.add_router("/incidents", incidents.router)
api.add_router("/imports", imports.router)
api.add_router("/", planning.router)
