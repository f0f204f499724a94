"""The minutes as a PDF, for everyone who reads the meeting."""

from __future__ import annotations

from tests.tagged_pdf import assert_tagged


def test_it_exports_the_minutes_as_pdf(client, groups, world):
    client.force_login(world.lena)
    response = client.get(f"/moten/{groups.meeting.pk}/protokoll.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_it_tags_the_minutes_for_assistive_technology(client, groups, world):
    client.force_login(world.lena)
    response = client.get(f"/moten/{groups.meeting.pk}/protokoll.pdf")
    assert_tagged(response.content, title=f"Protokoll: Folkhälsorådet {groups.meeting.starts_at:%Y-%m-%d}")
