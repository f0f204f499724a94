"""The request of a logged-in user, for views behind `login_required` (as healthchecks types its views)."""

from __future__ import annotations

from django.http import HttpRequest

from samverkan.organisations.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """`request.user` is a `User`: the view is only reached after login (`login_required`)."""

    user: User
