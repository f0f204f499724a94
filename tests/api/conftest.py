from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from samverkan.api.services import api_token_create
from samverkan.organisations.models import User


class ApiClient:
    """The test client with a user's token (or none): JSON in, JSON out."""

    def __init__(self, client: Client, token: str | None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, url: str, **query):
        return self.client.get(url, query, headers=self.headers)

    def post(self, url: str, body: dict):
        return self.client.post(url, body, content_type="application/json", headers=self.headers)

    def patch(self, url: str, body: dict):
        return self.client.patch(url, body, content_type="application/json", headers=self.headers)

    def upload(self, url: str, name: str, data: bytes):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return self.client.post(url, {"file": SimpleUploadedFile(name, data)}, headers=self.headers)


@pytest.fixture
def api_as(client: Client) -> Callable[[User | None], ApiClient]:
    def make(user: User | None) -> ApiClient:
        return ApiClient(client, None if user is None else api_token_create(user=user, name="test")[1])

    return make


@pytest.fixture(autouse=True)
def no_rate_limit(settings) -> None:
    """The limit counts in the process's cache, across tests: off, but in the test of the limit itself."""
    settings.API_PER_MINUTE = 0
