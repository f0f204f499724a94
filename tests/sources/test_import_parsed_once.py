"""Each request of a web import reads its upload once: the preview parses and plans; the confirm parses the kept
file again (what is stored may have changed in between), plans and applies."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.sources.incidents import importer
from samverkan.sources.models import ImportRun

CSV = (
    "id,occurred_from,kommunkod,lat,lng,category,severity,status,description\n"
    "est-1,2026-01-14 22:10,2506,66.5,17.5,Klotter,1,ny,Klotter på elskåp\n"
).encode()


def test_it_parses_the_upload_once_in_the_preview_and_once_in_the_confirm(client, world, monkeypatch):
    parsed = []
    parse = importer.parse_incidents

    def counting(source):
        parsed.append(source.name)
        return parse(source)

    monkeypatch.setattr(importer, "parse_incidents", counting)
    client.force_login(world.alice)

    preview = client.post(reverse("import_upload", args=["incidents"]), {"file": SimpleUploadedFile("est.csv", CSV)})
    assert preview.status_code == 200
    assert parsed == ["est.csv"]

    confirm = client.post(reverse("import_confirm", args=["incidents"]), {"token": preview.context["token"]})
    assert confirm.status_code == 302
    assert parsed == ["est.csv", "est.csv"]
    assert ImportRun.objects.get().created == 1
