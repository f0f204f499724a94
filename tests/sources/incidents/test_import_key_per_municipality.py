"""An EST id is its municipality's own: an import never matches, reveals or takes another municipality's incident."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse

from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import incident_handle
from tests.sources.incidents.test_import import HEADER

# The same local id in Luleå's EST export and in Arjeplog's.
LULEA_ROW = "EST-42,2026-03-02 21:00,,2580,65.7,22.0,,,,Klotter,2,ny,Klotter på busskuren\n"
ARJEPLOG_ROW = "EST-42,2026-03-05 18:00,,2506,66.5,17.5,,,,Nedskräpning,1,ny,Skräp vid hamnen\n"


def upload(client, text: str):
    data = io.BytesIO(text.encode())
    data.name = "est.csv"
    return client.post(reverse("import_upload", args=["incidents"]), {"file": data})


def lulea_incident(world, tmp_path) -> Incident:
    path = tmp_path / "lulea.csv"
    path.write_text(HEADER + LULEA_ROW, encoding="utf-8")
    call_command("import_incidents", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    incident = Incident.objects.get()
    incident_handle(incident=incident, by=world.dave, status="bedomd", note="Polisen informerad")
    return incident


def test_it_previews_another_municipalitys_id_as_a_new_incident(client, world, tmp_path):
    lulea_incident(world, tmp_path)
    client.force_login(world.alice)
    response = upload(client, HEADER + ARJEPLOG_ROW)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert (outcome.created, outcome.updated, outcome.skipped) == (1, 0, 0)


def test_it_leaves_the_other_municipalitys_incident_and_notes_where_they_are(client, world, tmp_path):
    lulea = lulea_incident(world, tmp_path)
    client.force_login(world.alice)
    token = upload(client, HEADER + ARJEPLOG_ROW).context["token"]
    assert client.post(reverse("import_confirm", args=["incidents"]), {"token": token}).status_code == 302
    lulea.refresh_from_db()
    assert (lulea.municipality, lulea.description, lulea.status) == (world.lulea, "Klotter på busskuren", "bedomd")
    assert list(lulea.notes.values_list("text", flat=True)) == ["Polisen informerad"]
    arjeplog = Incident.objects.get(municipality=world.arjeplog)
    assert (arjeplog.import_key, arjeplog.description, arjeplog.notes.count()) == ("id:EST-42", "Skräp vid hamnen", 0)


def test_it_matches_the_id_again_within_the_municipality(client, world, tmp_path):
    lulea_incident(world, tmp_path)
    client.force_login(world.alice)
    token = upload(client, HEADER + ARJEPLOG_ROW).context["token"]
    client.post(reverse("import_confirm", args=["incidents"]), {"token": token})
    outcome = upload(client, HEADER + ARJEPLOG_ROW.replace(",1,ny,", ",3,ny,")).context["outcome"]
    assert (outcome.created, outcome.updated, outcome.skipped) == (0, 1, 0)
