"""polisen.se allows one request a minute: a second request within 60 s is refused before any fetch."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from samverkan.sources.parsing import ImportFailed
from samverkan.sources.police_events.models import FeedFetch
from samverkan.sources.police_events.services import FEED_URL, police_feed_claim
from tests.sources.police_events.support import import_file, tables

TEN_SECONDS_AGO = "requested 10 s ago; polisen.se allows one request a minute, try again in 50 s"


@pytest.fixture
def fetched_ten_seconds_ago(world) -> None:
    import_file("events.json")
    FeedFetch.objects.create(url=FEED_URL, at=timezone.now() - datetime.timedelta(seconds=10))


def test_it_refuses_a_second_import_from_the_address_within_a_minute(fetched_ten_seconds_ago):
    before = tables()
    with pytest.raises(CommandError) as refused:
        call_command("import_police_events", FEED_URL, stdout=io.StringIO(), stderr=io.StringIO())
    assert str(refused.value) == f"nothing was fetched: {FEED_URL}: url: {TEN_SECONDS_AGO}"
    assert tables() == before


def test_it_lets_cron_collect_again_quietly_within_a_minute(fetched_ten_seconds_ago):
    before = tables()
    out = io.StringIO()
    call_command("collect_police_events", stdout=out, stderr=io.StringIO())
    assert out.getvalue() == f"not fetched: {FEED_URL}: url: {TEN_SECONDS_AGO}\n"
    assert tables() == before


def test_it_records_each_request_and_allows_the_next_after_a_minute(db):
    start = datetime.datetime(2026, 8, 22, 9, 0, tzinfo=datetime.UTC)
    police_feed_claim(url=FEED_URL, now=start)
    with pytest.raises(ImportFailed) as refused:
        police_feed_claim(url=FEED_URL, now=start + datetime.timedelta(seconds=59, milliseconds=500))
    assert [str(p) for p in refused.value.problems] == [
        f"{FEED_URL}: url: requested 59 s ago; polisen.se allows one request a minute, try again in 1 s"
    ]
    assert FeedFetch.objects.get(url=FEED_URL).at == start
    police_feed_claim(url=FEED_URL, now=start + datetime.timedelta(seconds=60))
    assert FeedFetch.objects.get(url=FEED_URL).at == start + datetime.timedelta(seconds=60)


def test_it_applies_the_minute_to_each_address_on_its_own(db):
    now = timezone.now()
    police_feed_claim(url=FEED_URL, now=now)
    police_feed_claim(url="https://polisen.se/api/events?locationname=Arjeplog", now=now)
    assert FeedFetch.objects.count() == 2
