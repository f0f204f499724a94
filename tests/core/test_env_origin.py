"""url_origin: the host of MAP_TILE_URL for the CSP's img-src."""

from __future__ import annotations

from samverkan.core.env import url_origin


def test_it_takes_the_origin_of_a_tile_url_template():
    assert url_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert url_origin("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png") == "https://*.tile.example.org:8443"


def test_it_gives_nothing_for_an_empty_or_relative_url():
    assert url_origin("") is None
    assert url_origin("/tiles/{z}/{x}/{y}.png") is None
