"""A request of a logged-in user, for the access functions that views call with theirs."""

from __future__ import annotations

from typing import cast

from django.test import RequestFactory

from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import User


def request_of(user: User) -> AuthenticatedHttpRequest:
    request = cast(AuthenticatedHttpRequest, RequestFactory().get("/"))
    request.user = user
    return request
