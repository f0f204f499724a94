from __future__ import annotations

from django.urls import reverse

from samverkan.sources.dialogues.models import Dialogue


def form(world, **changes) -> dict:
    data = {
        "municipality": world.arjeplog.pk,
        "kind": "medborgardialog",
        "held_on": "2026-03-12",
        "format": "trygghetsvandring",
        "groups": "Pensionärsföreningen, föräldrar i Slagnäs",
        "participants": "24",
        "summary": "Trygghetsvandring i centrum.",
        "problems-TOTAL_FORMS": "5",
        "problems-INITIAL_FORMS": "0",
        "problems-MIN_NUM_FORMS": "0",
        "problems-MAX_NUM_FORMS": "1000",
        "problems-0-problem": "Dålig belysning vid skolan",
        "problems-0-prioritised_by": "15",
        "problems-1-problem": "Buskörning med snöskoter",
        "problems-1-prioritised_by": "9",
    }
    return data | changes


def test_it_records_a_dialogue_with_its_problems(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("dialogue_new"), form(world))
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302
    assert (dialogue.municipality, dialogue.kind, dialogue.participants) == (world.arjeplog, "medborgardialog", 24)
    assert list(dialogue.problems.values_list("problem", "prioritised_by")) == [
        ("Dålig belysning vid skolan", 15),
        ("Buskörning med snöskoter", 9),
    ]
    assert dialogue.recorded_by == world.alice
    body = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Dålig belysning vid skolan" in body and '<td class="number">15</td>' in body


def test_it_refuses_more_prioritisers_than_participants_and_keeps_the_form(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("dialogue_new"), form(world, **{"problems-0-prioritised_by": "30"}))
    assert response.status_code == 400
    assert "Fler än de 24 deltagare som var med." in response.content.decode()
    assert 'value="Pensionärsföreningen, föräldrar i Slagnäs"' in response.content.decode()
    assert not Dialogue.objects.exists()


def test_it_refuses_a_personnummer_in_a_problem(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("dialogue_new"), form(world, **{"problems-1-problem": "Kalle 850512-1234 kör"}))
    assert response.status_code == 400
    assert not Dialogue.objects.exists()


def test_it_records_only_for_municipalities_the_user_may_change(client, world):
    client.force_login(world.charlie)
    response = client.post(reverse("dialogue_new"), form(world))
    assert response.status_code == 400
    assert not Dialogue.objects.exists()
    client.force_login(world.lena)
    assert client.get(reverse("dialogue_new")).status_code == 404


def test_it_hides_arjeplogs_dialogues_from_the_outsider(client, world):
    client.force_login(world.alice)
    client.post(reverse("dialogue_new"), form(world))
    dialogue = Dialogue.objects.get()
    client.force_login(world.charlie)
    assert client.get(dialogue.get_absolute_url()).status_code == 404
    assert "Dålig belysning" not in client.get(reverse("dialogues_list")).content.decode()
    client.force_login(world.bob)
    assert client.get(dialogue.get_absolute_url()).status_code == 200


def test_it_offers_accepted_citizen_suggestions_as_input(client, world):
    import datetime

    from samverkan.planning.promises.models import Promise, PromiseSet, Suggestion

    promises = PromiseSet.objects.create(
        municipality=world.arjeplog,
        title="Medborgarlöfte 2026",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    promise = Promise.objects.create(promise_set=promises, text="Polisen möter allmänheten")
    Suggestion.objects.create(promise=promise, text="Fler möten i Slagnäs", status=Suggestion.Status.ACCEPTED)
    Suggestion.objects.create(promise=promise, text="Inte granskat än", status=Suggestion.Status.NEW)
    client.force_login(world.alice)
    body = client.get(reverse("dialogue_new")).content.decode()
    assert "Fler möten i Slagnäs" in body
    assert "Inte granskat än" not in body
