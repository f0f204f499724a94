"""The minutes as a PDF, for everyone who reads the meeting."""

from __future__ import annotations


def test_it_exports_the_minutes_as_pdf(client, groups, world):
    client.force_login(world.lena)
    response = client.get(f"/moten/{groups.meeting.pk}/protokoll.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
