"""Opening, listing, closing waves and the link with its QR code: for those who reach the municipality."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from samverkan.sources.surveys.models import Question, Wave
from tests.sources.surveys.conftest import open_wave


def arjeplog_pages(wave) -> list[tuple[str, str]]:
    return [
        ("get", reverse("survey_results", args=[wave.pk])),
        ("get", reverse("survey_link", args=[wave.pk])),
        ("get", reverse("survey_qr", args=[wave.pk])),
        ("post", reverse("survey_close", args=[wave.pk])),
    ]


def test_it_answers_404_to_the_outsider_on_every_arjeplog_page(client, world):
    wave = open_wave(world.arjeplog)
    for user in (world.charlie, world.dave):
        client.force_login(user)
        for method, url in arjeplog_pages(wave):
            assert getattr(client, method)(url).status_code == 404, f"{user} {method} {url}"
    wave.refresh_from_db()
    assert wave.is_open


def test_it_lets_leadership_read_the_results_but_not_manage_the_wave(client, world):
    wave = open_wave(world.arjeplog)
    client.force_login(world.lena)
    results, link, qr, close = arjeplog_pages(wave)
    assert client.get(results[1]).status_code == 200
    assert client.get(link[1]).status_code == 404
    assert client.get(qr[1]).status_code == 404
    assert client.post(close[1]).status_code == 404
    assert client.get(reverse("survey_create")).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    wave = open_wave(world.arjeplog)
    for _method, url in arjeplog_pages(wave)[:3]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_it_lists_the_waves_of_the_visible_municipalities(client, world):
    open_wave(world.arjeplog, name="Arjeplog 2026")
    open_wave(world.arvidsjaur, name="Arvidsjaur 2026")
    open_wave(world.lulea, name="Luleå 2026")
    client.force_login(world.charlie)
    body = client.get(reverse("surveys_list")).content.decode()
    assert "Arvidsjaur 2026" in body
    assert "Arjeplog 2026" not in body and "Luleå 2026" not in body
    client.force_login(world.bob)
    body = client.get(reverse("surveys_list")).content.decode()
    assert "Arjeplog 2026" in body and "Arvidsjaur 2026" in body


def test_it_opens_a_web_survey_with_the_chosen_questions_in_the_bank_order(client, world):
    client.force_login(world.alice)
    form = client.get(reverse("survey_create")).content.decode()
    assert 'name="questions"' in form and "Klotter" in form
    chosen = Question.objects.filter(key__in=["utsatt_12man", "problem_klotter", "trygg_kvall"])
    response = client.post(
        reverse("survey_create"),
        {
            "name": "Trygghetsmätning 2026",
            "municipality": world.arjeplog.pk,
            "questions": [q.pk for q in chosen],
            "delomraden": "Centrum\nSlagnäs\n\nLaisvall",
        },
    )
    wave = Wave.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("survey_link", args=[wave.pk])
    assert (wave.source, wave.opened_on, wave.closed_on) == (Wave.Source.WEB, timezone.localdate(), None)
    assert wave.delomrade_names() == ["Centrum", "Slagnäs", "Laisvall"]
    assert list(wave.wave_questions.values_list("question__key", "order")) == [
        ("problem_klotter", 1),
        ("trygg_kvall", 2),
        ("utsatt_12man", 3),
    ]
    assert len(wave.token) >= 20


def test_it_opens_surveys_only_for_municipalities_the_user_may_change(client, world):
    client.force_login(world.alice)
    response = client.post(
        reverse("survey_create"),
        {"name": "x", "municipality": world.arvidsjaur.pk, "questions": [Question.objects.all()[0].pk]},
    )
    assert response.status_code == 400
    assert not Wave.objects.exists()


def test_it_refuses_a_name_already_used_and_a_survey_without_questions(client, world):
    open_wave(world.arjeplog, name="2026")
    client.force_login(world.alice)
    response = client.post(
        reverse("survey_create"),
        {"name": "2026", "municipality": world.arjeplog.pk, "questions": [Question.objects.all()[0].pk]},
    )
    assert response.status_code == 400
    response = client.post(reverse("survey_create"), {"name": "Ny", "municipality": world.arjeplog.pk})
    assert response.status_code == 400
    assert Wave.objects.count() == 1


def test_it_closes_a_wave(client, world):
    wave = open_wave(world.arjeplog)
    client.force_login(world.bob)
    response = client.post(reverse("survey_close", args=[wave.pk]))
    assert response.status_code == 302
    wave.refresh_from_db()
    assert wave.closed_on == timezone.localdate()


def test_it_serves_the_link_and_its_qr_code_to_those_who_manage_the_wave(client, world):
    wave = open_wave(world.arjeplog)
    client.force_login(world.alice)
    page = client.get(reverse("survey_link", args=[wave.pk])).content.decode()
    public = f"http://testserver{reverse('survey_answer', args=[wave.token])}"
    assert f'<a href="{public}">{public}</a>' in page
    assert f'src="{reverse("survey_qr", args=[wave.pk])}"' in page
    response = client.get(reverse("survey_qr", args=[wave.pk]))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml") and b"<svg" in response.content
