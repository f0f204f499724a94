"""The client's address (for the public forms' limits and the login lockout) and the keyed fingerprint."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.test import RequestFactory

from samverkan.core.clients import client_address, client_key, fingerprint

SECRET = "a-secret-key-for-the-fingerprint-tests-only-0123456789"


def test_it_takes_remote_addr_and_ignores_forwarded_for_without_a_proxy():
    meta = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_address(meta, behind_proxy=False) == "203.0.113.9"


def test_it_takes_the_hop_the_proxy_added_and_not_a_forged_first_one():
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.9"}
    assert client_address(meta, behind_proxy=True) == "203.0.113.9"
    assert client_address({**meta, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, behind_proxy=True) == "203.0.113.9"


def test_it_reads_ports_brackets_and_ipv4_mapped_addresses():
    for hop, expected in [
        ("203.0.113.9:51234", "203.0.113.9"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:DB8:0::7", "2001:db8::7"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
    ]:
        assert client_address({"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": hop}, behind_proxy=True) == expected


def test_it_falls_back_to_remote_addr_when_the_forwarded_hop_is_missing_or_not_an_address():
    assert client_address({"REMOTE_ADDR": "10.0.0.2"}, behind_proxy=True) == "10.0.0.2"
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, unknown"}
    assert client_address(meta, behind_proxy=True) == "10.0.0.2"
    assert client_address({"REMOTE_ADDR": ""}, behind_proxy=False) is None


def test_it_counts_ipv4_addresses_alone_and_ipv6_by_their_64_network():
    assert client_key("203.0.113.9") == "203.0.113.9"
    assert client_key("203.0.113.10") != client_key("203.0.113.9")
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key(None) == "unknown"


def test_it_fingerprints_address_browser_and_form_with_the_secret_key():
    base = {"secret": SECRET, "address": "203.0.113.9", "user_agent": "Firefox/140", "scope": "survey:1"}
    mark = fingerprint(**base)
    assert fingerprint(**base) == mark
    assert "203.0.113.9" not in mark and len(mark) == 64
    for changed in [
        {"address": "203.0.113.10"},
        {"user_agent": "Firefox/141"},
        {"scope": "survey:2"},
        {"secret": SECRET + "x"},
    ]:
        assert fingerprint(**{**base, **changed}) != mark


def test_it_gives_the_login_lockout_the_same_address(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    settings.BEHIND_PROXY = False
    assert get_client_ip_address(request) == "10.0.0.2"
    settings.BEHIND_PROXY = True
    assert get_client_ip_address(request) == "203.0.113.9"
