"""The page where the logged-in user chooses what to receive and how often."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from samverkan.followup.notifications.models import Frequency, Kind, Preference
from samverkan.followup.notifications.views import PREFERENCES_SAVED

URL = reverse("notification_preferences")


def everything(frequency: str) -> dict[str, str]:
    return {kind: frequency for kind in Kind.values}


def test_it_shows_one_labelled_group_of_radio_buttons_per_kind(client, cast):
    client.force_login(cast.alice)
    body = client.get(URL).content.decode()
    assert URL == "/aviseringar/"
    for kind in Kind.values:
        assert body.count(f'name="{kind}"') == len(Frequency.values)
        assert f'<input type="radio" name="{kind}" value="weekly" id="id_{kind}_1" required checked>' in body
        assert f'<label for="id_{kind}_0">' in body
    assert body.count("<legend>") == len(Kind.values)


def test_it_saves_the_choices_and_shows_them_next_time(client, cast):
    client.force_login(cast.alice)
    data = everything(Frequency.NEVER) | {Kind.ACTIVITY_OVERDUE: Frequency.IMMEDIATELY}
    response = client.post(URL, data, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    with translation.override("sv"):
        assert str(PREFERENCES_SAVED) in response.content.decode()
    saved = dict(Preference.objects.filter(user=cast.alice).values_list("kind", "frequency"))
    assert saved == data
    assert not Preference.objects.exclude(user=cast.alice).exists()
    body = client.get(URL).content.decode()
    assert 'name="activity_overdue" value="immediately" id="id_activity_overdue_0" required checked>' in body


def test_it_keeps_what_was_chosen_when_the_form_fails(client, cast):
    client.force_login(cast.alice)
    data = everything(Frequency.NEVER) | {Kind.STALE_SOURCE: "hourly"}
    response = client.post(URL, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'name="activity_due" value="never" id="id_activity_due_2" required checked>' in body
    assert 'id="id_stale_source_error"' in body
    assert not Preference.objects.exists()


def test_it_sends_anonymous_visitors_to_the_login(client, cast):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
