from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.sources.incidents.models import IncidentCategory

WRITES = ("INSERT", "UPDATE", "DELETE")
SESSION = '"django_session"'  # the idle timeout is renewed on every request (SESSION_SAVE_EVERY_REQUEST)


def test_it_writes_nothing_when_the_incident_pages_are_read(client, world):
    """Arjeplog has no categories of its own: its pages offer the standard list without storing it."""
    client.force_login(world.alice)
    pages = [
        reverse("incident_new"),
        reverse("incidents_week") + "?kommun=2506",
        reverse("incident_settings", args=["2506"]),
    ]
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert "Skadegörelse" in response.content.decode()
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
        assert [sql for sql in writes if SESSION not in sql] == []
    assert not IncidentCategory.objects.filter(municipality=world.arjeplog).exists()
