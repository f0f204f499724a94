from __future__ import annotations

import io
import json

from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from samverkan.situation.models import Conclusion
from tests.tagged_pdf import assert_tagged

QUERY = "?start=2025-01-01&end=2025-12-31"


def page(client, user, code="2506", extra=""):
    client.force_login(user)
    return client.get(reverse("situation_municipality", args=[code]) + QUERY + extra)


def test_it_shows_every_section_to_the_owner(client, picture):
    body = page(client, picture.alice).content.decode()
    for heading in ("Rangordnade problem", "Händelser", "Årshjulet", "Hotspots", "Anmälda brott", "Trygghetsmätning"):
        assert heading in body, heading
    assert body.count('role="img"') >= 6  # the charts, each with its table
    assert "hotspot-map-config" in body


def test_it_shows_the_police_of_the_area_the_full_figures(client, picture):
    body = page(client, picture.bob).content.decode()
    assert "Parternas fullständiga bild" in body
    url = reverse("situation_export", args=["2506"]) + QUERY + "&format=json&audience=internal"
    data = json.loads(client.get(url).content)
    assert next(r for r in data["incidents"] if r["category"] == "Brand")["count"] == 1


def test_it_shows_small_counts_as_under_3_in_the_public_export(client, picture):
    client.force_login(picture.alice)
    url = reverse("situation_export", args=["2506"]) + QUERY + "&format=json&audience=public"
    data = json.loads(client.get(url).content)
    assert data["audience"] == "public" and "points" not in data
    assert next(r for r in data["incidents"] if r["category"] == "Brand")["count"] == "<3"


def test_it_serves_the_points_to_the_parties_only(client, picture):
    url = reverse("situation_points", args=["2506"]) + QUERY
    for user in (picture.alice, picture.bob):
        client.force_login(user)
        points = client.get(url).json()["points"]
        assert points == [[66.5, 17.5]] * 5  # every incident of 2025, and nothing but where
    client.force_login(picture.charlie)
    assert client.get(url).status_code == 404


def test_it_answers_404_to_the_outsider(client, picture):
    assert page(client, picture.charlie).status_code == 404
    for name in ("situation_export", "situation_adopt"):
        assert client.get(reverse(name, args=["2506"]) + QUERY).status_code in (404, 405)
    assert page(client, picture.dave, code="2505").status_code == 404


def test_it_exports_a_pdf_that_holds_the_charts(client, picture):
    client.force_login(picture.alice)
    response = client.get(reverse("situation_export", args=["2506"]) + QUERY + "&format=pdf&audience=public")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Lägesbild: Arjeplog" in text
    for title in ("Rangordnade problem, poäng 0–100", "Händelser per kategori", "Hotspots (Getis-Ord Gi*)"):
        assert title in text, title
    assert_tagged(response.content, title="Lägesbild: Arjeplog")


def test_it_saves_the_conclusions(client, picture):
    client.force_login(picture.alice)
    response = client.post(
        reverse("situation_municipality", args=["2506"]) + QUERY,
        {"conclusion-": "Klottret ökar i centrum.", "problem": ["Klotter"], "conclusion-Klotter": "Mest vid torget."},
    )
    assert response.status_code == 302
    texts = dict(Conclusion.objects.values_list("problem", "text"))
    assert texts == {"": "Klottret ökar i centrum.", "Klotter": "Mest vid torget."}
    data = json.loads(
        client.get(reverse("situation_export", args=["2506"]) + QUERY + "&format=json&audience=internal").content
    )
    assert data["conclusions"] == {"overall": "Klottret ökar i centrum.", "problems": {"Klotter": "Mest vid torget."}}


def test_it_does_not_let_leadership_write_conclusions(client, picture):
    client.force_login(picture.lena)
    response = client.post(reverse("situation_municipality", args=["2506"]) + QUERY, {"conclusion-": "x"})
    assert response.status_code == 404
    assert not Conclusion.objects.exists()


def test_it_shows_the_police_the_joint_picture_with_shared_problems(client, picture):
    client.force_login(picture.bob)
    response = client.get(reverse("situation_joint", args=[picture.lpo.pk]) + QUERY)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Arjeplog" in body and "Arvidsjaur" in body
    data = client.get(reverse("situation_joint", args=[picture.lpo.pk]) + QUERY + "&format=json").json()
    arjeplog = next(m for m in data["municipalities"] if m["name"] == "Arjeplog")
    assert data["audience"] == "internal"  # the police are a party to every municipality of their area
    assert next(r for r in arjeplog["incidents"] if r["category"] == "Brand")["count"] == 1
    client.force_login(picture.alice)
    assert client.get(reverse("situation_joint", args=[picture.lpo.pk]) + QUERY).status_code == 404


def test_the_command_writes_json_and_pdf(picture, tmp_path):
    out = io.StringIO()
    call_command("lagesbild", "2506", "--from", "2025-01-01", "--to", "2025-12-31", "--audience", "public", stdout=out)
    data = json.loads(out.getvalue())
    assert next(r for r in data["incidents"] if r["category"] == "Brand")["count"] == "<3"
    pdf = tmp_path / "arjeplog.pdf"
    call_command(
        "lagesbild",
        "2506",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--format",
        "pdf",
        "--out",
        str(pdf),
        stderr=io.StringIO(),
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    joint = io.StringIO()
    call_command("lagesbild", "--joint", "Piteå", "--from", "2025-01-01", "--to", "2025-12-31", stdout=joint)
    assert [m["name"] for m in json.loads(joint.getvalue())["municipalities"]] == ["Arjeplog", "Arvidsjaur"]


def test_the_command_names_bad_input(picture):
    for args, message in [
        (["9999"], "no municipality with the code '9999'"),
        (["2506", "--to", "2024-01-01"], "--to is before --from"),
    ]:
        try:
            call_command(
                "lagesbild", *args, "--from", "2025-01-01", *(["--to", "2025-12-31"] if "--to" not in args else [])
            )
        except CommandError as error:
            assert str(error) == message
        else:
            raise AssertionError(f"{args} was accepted")
