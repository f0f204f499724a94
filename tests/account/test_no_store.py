"""Pages shown to a logged-in user are never cached (Cache-Control: no-store); public pages are left alone."""

from __future__ import annotations


def test_it_marks_staff_pages_no_store(client, world):
    client.force_login(world.alice)
    for url in ("/", "/mal/", "/moten/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], url


def test_it_leaves_anonymous_pages_without_no_store(client, world):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")
