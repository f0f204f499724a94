"""Login throttling (django-axes): five wrong passwords lock the account, a flood from one address locks the address;
while locked even the right password is refused."""

from __future__ import annotations

from django.urls import reverse

LOGIN = "/konto/logga-in/"


def attempt(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_it_keeps_the_login_url():
    assert reverse("login") == LOGIN


def test_it_locks_the_account_at_the_sixth_wrong_password(client, world):
    # Five wrong passwords from five addresses: each is an ordinary "wrong password" form.
    for number in range(5):
        assert attempt(client, "alice", "wrong", address=f"10.0.0.{number + 1}").status_code == 200
    assert attempt(client, "alice", "wrong", address="10.0.0.6").status_code == 429
    # Locked: the right password, from yet another address, is refused too.
    refused = attempt(client, "alice", "password", address="10.0.0.7")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_locks_an_address_that_floods_many_accounts(client, world):
    for number in range(5):
        assert attempt(client, f"guess{number}", "wrong", address="192.0.2.9").status_code == 200
    assert attempt(client, "guess5", "wrong", address="192.0.2.9").status_code == 429
    # The right password for Alice from the flooding address is refused; from another address it works.
    assert attempt(client, "alice", "password", address="192.0.2.9").status_code == 429
    assert attempt(client, "alice", "password", address="198.51.100.1").status_code == 302
