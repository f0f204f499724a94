from __future__ import annotations

import hashlib

from django.core.cache import caches
from django.urls import reverse

from samverkan.api.models import ApiToken
from samverkan.api.services import api_token_create, api_token_revoke
from samverkan.core import clock
from samverkan.situation.selectors import data_versions


def test_it_stores_only_a_hash_of_the_token(world):
    token, secret = api_token_create(user=world.alice, name="GIS")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in repr(list(ApiToken.objects.values_list()))
    assert secret.startswith(stored.prefix) and len(stored.prefix) < 12


def test_it_answers_401_with_the_error_object_without_a_valid_token(world, client, api_as):
    for headers in ({}, {"Authorization": "Bearer smv_nonsense"}, {"Authorization": "Basic YWxpY2U6cGFzc3dvcmQ="}):
        response = client.get("/api/incidents", headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        assert response["WWW-Authenticate"] == "Bearer"


def test_it_refuses_a_revoked_token(world, client):
    token, secret = api_token_create(user=world.alice, name="GIS")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/incidents", headers=headers).status_code == 200
    api_token_revoke(token=token)
    assert client.get("/api/incidents", headers=headers).status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(world, client):
    _token, secret = api_token_create(user=world.alice, name="GIS")
    world.alice.is_active = False
    world.alice.save(update_fields=["is_active"])
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_it_accepts_no_session_on_token_endpoints(world, client):
    client.force_login(world.alice)
    assert client.get("/api/incidents").status_code == 401


def test_it_shows_a_new_token_once_on_the_account_page_and_revokes_it(world, client):
    client.force_login(world.alice)
    response = client.post(reverse("api_tokens"), {"name": "GIS-exporten"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=world.alice)
    secret = response.context["secret"]
    assert hashlib.sha256(secret.encode()).hexdigest() == token.digest
    assert secret in response.content.decode()
    again = client.get(reverse("api_tokens")).content.decode()
    assert secret not in again and token.prefix in again
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    client.post(reverse("api_token_revoke", args=[token.pk]))
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_it_lets_no_one_revoke_another_users_token(world, client):
    token, _secret = api_token_create(user=world.alice, name="GIS")
    client.force_login(world.charlie)
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_it_limits_the_calls_a_minute_per_token(world, api_as, settings):
    caches["default"].clear()
    settings.API_PER_MINUTE = 3
    api = api_as(world.alice)
    answers = [api.get("/api/goals").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert api.get("/api/goals").json()["error"]["code"] == "rate_limited"


def test_a_tokens_first_call_of_the_day_keeps_every_picture(world, client):
    """The call writes the token's day of last use, which changes no figure: the data versions a picture reads stay
    (a write after that read would change them), so no kept picture is built again because someone used the API."""
    token, secret = api_token_create(user=world.alice, name="GIS")
    before = data_versions([world.arjeplog.pk])
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    token.refresh_from_db()
    assert token.last_used_on == clock.today()  # the write happened
    assert data_versions([world.arjeplog.pk]) == before
