"""The demo promises: published 2025–2026 sets linked to the action plans, earlier ones followed up."""

from __future__ import annotations

import datetime
import random

from django.urls import reverse

from samverkan.core import clock
from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import User
from samverkan.planning.promises.demo import demo_load
from samverkan.planning.promises.models import PromiseActivity, PromiseSet, Suggestion
from samverkan.planning.promises.selectors import current_sets, promise_activity_progress
from samverkan.sources.models import ImportRun
from tests.planning.promises.conftest import action_activity

ARJEPLOG_ACTIVITIES = [
    ("Polisen möter allmänheten på offentliga platser", 10, 6),
    ("Drogutbildning för föräldrar, elever och skolpersonal", 2, 1),
    ("Trafikinsatser", 10, 7),
]


def load(world) -> None:
    for username in ("arjeplog.samordnare", "arvidsjaur.samordnare"):
        User.objects.create_user(username=username, password="password")
    for title, target, done in ARJEPLOG_ACTIVITIES:
        action_activity(world.arjeplog, title=title, target=target, done=done)
    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))


def test_it_publishes_2025_2026_signed_by_the_lpo_chief_and_the_kommunalrad(world):
    load(world)
    for code, kommunalrad in (("2506", "Maria Stenlund"), ("2505", "Per Holmgren")):
        current = current_sets().get(municipality__code=code)
        assert current.title == demo_calendar().text("Medborgarlöfte 2025–2026")
        assert current.status == PromiseSet.Status.PUBLISHED
        assert set(current.signatories.values_list("name", flat=True)) == {"Helena Strand", kommunalrad}


def test_it_links_the_activities_to_the_action_plan_or_keeps_their_planned_count(world):
    load(world)
    current = current_sets().get(municipality__code="2506")
    meet = PromiseActivity.objects.get(promise__promise_set=current, unit="medborgarmöten")
    assert meet.activity is not None and meet.activity.title == "Polisen möter allmänheten på offentliga platser"
    progress = promise_activity_progress(meet)
    assert (progress.done, progress.planned) == (6, 10)
    neighbours = PromiseActivity.objects.get(promise__promise_set=current, what__icontains="Grannsamverkan")
    assert (neighbours.activity, neighbours.planned) == (None, 3)
    arvidsjaur = PromiseActivity.objects.filter(promise__promise_set__municipality__code="2505")
    assert not arvidsjaur.filter(activity__isnull=False).exists()


def test_it_keeps_arjeplogs_first_version_and_the_followed_up_earlier_period(client, world):
    load(world)
    current = current_sets().get(municipality__code="2506")
    assert current.version == 2
    assert current.revision_of is not None and current.revision_of.status == PromiseSet.Status.REVISED
    earlier = PromiseSet.objects.filter(status=PromiseSet.Status.FOLLOWED_UP)
    assert sorted(earlier.values_list("municipality__code", "title")) == [
        ("2505", demo_calendar().text("Medborgarlöfte 2023–2024")),
        ("2506", demo_calendar().text("Medborgarlöfte 2023–2024")),
    ]
    followups = PromiseActivity.objects.filter(promise__promise_set__in=earlier).values_list("followup", flat=True)
    assert all(text.startswith("Utfört: ") for text in followups)
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert f'<time datetime="{demo_calendar().day(datetime.date(2025, 3, 3)).isoformat()}">' in body
    assert "snöskoter och moped i byarna.</ins>" in body
    assert "Utfört: 14 trafikinsatser" in body


def test_it_holds_two_suggestions_one_accepted(world):
    load(world)
    assert sorted(Suggestion.objects.values_list("status", flat=True)) == ["godkand", "ny"]


def test_it_answers_the_accepted_suggestion_on_arjeplogs_public_page(client, world):
    load(world)
    answered = Suggestion.objects.get(status="godkand")
    assert answered.answer_status == "genomfors" and answered.answered_by is not None
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    assert answered.text in body and answered.answer in body
    assert Suggestion.objects.get(status="ny").text not in body


def test_it_puts_arjeplogs_next_draft_to_consultation_with_answered_comments(client, world):
    load(world)
    draft = PromiseSet.objects.get(municipality__code="2506", status=PromiseSet.Status.DRAFT)
    assert draft.title == demo_calendar().text("Medborgarlöfte 2027–2028")
    consultation = draft.consultation
    assert consultation.is_open(clock.today())
    assert sorted(consultation.comments.values_list("status", flat=True)) == ["ny", "publicerad", "publicerad"]
    assert all(consultation.opens_on <= c.received_on <= clock.today() for c in consultation.comments.all())
    body = client.get(reverse("consultation_public", args=["2506", consultation.pk])).content.decode()
    assert "Polisen borde synas mer i byarna" in body
    assert "Varannan träff med allmänheten hålls i en by." in body
    assert "Fler kvällsvandringar" not in body
    assert not PromiseSet.objects.filter(municipality__code="2505", status=PromiseSet.Status.DRAFT).exists()
