from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.agreements.models import Agreement, AgreementChange


def arjeplog_pages(world) -> list[tuple[str, str]]:
    """Every Arjeplog page and object, as (method, url)."""
    draft = world.arjeplog_part2
    commitment = draft.commitments.create(responsible="kommun", text="Utse samordnare", order=1)
    item = draft.communication_plan.create(message="m", audience="a", channel="c", when="w", responsible="r")
    return [
        ("get", reverse("municipality", args=["2506"])),
        ("get", reverse("agreement", args=[draft.pk])),
        ("get", reverse("agreement_edit", args=[draft.pk])),
        ("post", reverse("agreement_edit", args=[draft.pk])),
        ("post", reverse("agreement_start_revision", args=[draft.pk])),
        ("post", reverse("commitment_add", args=[draft.pk])),
        ("post", reverse("commitment_delete", args=[draft.pk, commitment.pk])),
        ("post", reverse("communication_item_add", args=[draft.pk])),
        ("post", reverse("communication_item_delete", args=[draft.pk, item.pk])),
        ("post", reverse("signatory_add", args=[draft.pk])),
    ]


def test_it_answers_404_to_the_outsider_on_every_arjeplog_page(client, world):
    client.force_login(world.charlie)
    for method, url in arjeplog_pages(world):
        response = getattr(client, method)(url)
        assert response.status_code == 404, f"{method} {url}"
    assert world.arjeplog_part2.commitments.count() == 1
    assert world.arjeplog_part2.communication_plan.count() == 1


def test_it_answers_404_to_leadership_on_every_change(client, world):
    client.force_login(world.lena)
    for method, url in arjeplog_pages(world):
        if method == "post" or url.endswith("/redigera/"):
            assert getattr(client, method)(url).status_code == 404, url


def test_it_shows_the_outsider_nothing_of_arjeplog_in_lists(client, world):
    client.force_login(world.charlie)
    for url in (reverse("overview"), reverse("agreements")):
        body = client.get(url).content.decode()
        assert world.arjeplog_part2.title not in body
        assert world.arvidsjaur_part2.title in body
        assert reverse("municipality", args=["2506"]) not in body


def test_it_shows_the_police_contact_the_arjeplog_draft(client, world):
    client.force_login(world.bob)
    response = client.get(reverse("agreement", args=[world.arjeplog_part2.pk]))
    assert response.status_code == 200
    assert world.arjeplog_part2.title in response.content.decode()


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    response = client.get(reverse("agreement", args=[world.part1.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_shows_the_agreement_with_focus_areas_and_days_left(client, world):
    client.force_login(world.alice)
    body = client.get(reverse("agreement", args=[world.part1.pk])).content.decode()
    for area in world.part1.focus_areas.all():
        assert area.name in body
    assert "<dd>35</dd>" in body
    assert reverse("agreement_start_revision", args=[world.part1.pk]) in body


def test_it_starts_a_revision_from_the_page(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("agreement_start_revision", args=[world.part1.pk]))
    draft = Agreement.objects.get(revision_of=world.part1)
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert draft.status == Agreement.Status.DRAFT


def test_it_refuses_to_revise_an_agreement_far_from_its_end(client, world):
    client.force_login(world.alice)
    world.part1.ends_on = world.part1.ends_on.replace(year=world.part1.ends_on.year + 2)
    world.part1.save()
    client.post(reverse("agreement_start_revision", args=[world.part1.pk]))
    assert not Agreement.objects.filter(revision_of=world.part1).exists()


def test_it_saves_an_edit_and_records_it(client, world):
    client.force_login(world.alice)
    draft = world.arjeplog_part2
    draft.sections.create(kind="lokala_mal", body="Gammal text", order=1)
    data = {
        "title": draft.title,
        "status": "under_signering",
        "starts_on": draft.starts_on.isoformat(),
        "ends_on": draft.ends_on.isoformat(),
        "parties": [p.pk for p in draft.parties.all()],
        "municipalities": [world.arjeplog.pk],
        "section_lokala_mal": "Minska nedskräpningen i centrum",
    }
    response = client.post(reverse("agreement_edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "under_signering"
    assert draft.sections.get(kind="lokala_mal").body == "Minska nedskräpningen i centrum"
    change = draft.changes.first()
    assert change.action == AgreementChange.Action.UPDATED
    assert change.by == world.alice
    assert set(change.details) == {"status", "section:lokala_mal"}


def test_it_keeps_what_was_typed_when_an_edit_fails(client, world):
    client.force_login(world.alice)
    draft = world.arjeplog_part2
    data = {
        "title": "Ny titel som inte sparas",
        "status": "utkast",
        "starts_on": draft.starts_on.isoformat(),
        "ends_on": "2020-01-01",
        "parties": [p.pk for p in draft.parties.all()],
        "municipalities": [world.arjeplog.pk, world.arvidsjaur.pk],
    }
    response = client.post(reverse("agreement_edit", args=[draft.pk]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Ny titel som inte sparas"' in body
    assert 'value="2020-01-01"' in body
    draft.refresh_from_db()
    assert draft.title != "Ny titel som inte sparas"
    assert not draft.changes.filter(action=AgreementChange.Action.UPDATED).exists()


@pytest.mark.parametrize("language,heading", [("sv", "Fokusområden"), ("en", "Focus areas")])
def test_it_speaks_swedish_first_and_english_on_request(client, world, language, heading):
    client.force_login(world.alice)
    if language == "en":
        client.post(reverse("set_language"), {"language": "en"})
    body = client.get(reverse("agreement", args=[world.part1.pk])).content.decode()
    assert f'<html lang="{language}">' in body
    assert heading in body


def test_it_adds_a_commitment_and_records_it(client, world):
    client.force_login(world.bob)
    response = client.post(
        reverse("commitment_add", args=[world.arjeplog_part2.pk]),
        {
            "commitment-responsible": "polis",
            "commitment-text": "Utse kontaktperson",
            "commitment-recurrence": "Årligen",
        },
    )
    assert response.status_code == 302
    assert world.arjeplog_part2.commitments.filter(text="Utse kontaktperson", responsible="polis").exists()
    assert world.arjeplog_part2.changes.first().action == AgreementChange.Action.COMMITMENT_ADDED


def test_it_keeps_a_failed_commitment_in_the_form(client, world):
    client.force_login(world.bob)
    response = client.post(
        reverse("commitment_add", args=[world.arjeplog_part2.pk]),
        {"commitment-responsible": "", "commitment-text": "Utan ansvarig"},
    )
    assert response.status_code == 400
    assert "Utan ansvarig</textarea>" in response.content.decode()
    assert not world.arjeplog_part2.commitments.filter(text="Utan ansvarig").exists()


def test_it_speaks_swedish_to_a_browser_set_up_in_english(client, world):
    client.force_login(world.alice)
    body = client.get(reverse("agreements"), headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="sv">' in body
    assert "Överenskommelser" in body


def test_it_greets_a_visitor_who_is_not_logged_in_with_the_citizens_entrance(client, world):
    response = client.get(reverse("overview"))
    assert response.status_code == 200
    assert reverse("login") in response.content.decode()
    assert world.part1.title not in response.content.decode()
