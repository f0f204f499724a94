"""Writes of the police events source: the one-request-a-minute rule of polisen.se."""

from __future__ import annotations

import datetime
import math

from django.db import transaction

from samverkan.core import clock
from samverkan.sources.parsing import ImportFailed, Problem
from samverkan.sources.police_events.models import FeedFetch

FEED_URL = "https://polisen.se/api/events"
FETCH_INTERVAL = datetime.timedelta(seconds=60)
TOO_SOON = "requested {ago} s ago; polisen.se allows one request a minute, try again in {wait} s"


def police_feed_claim(*, url: str, now: datetime.datetime | None = None) -> None:
    """Record that `url` is requested now, or refuse (ImportFailed) within a minute of the last request.

    A request counts whether or not it succeeds, so the claim comes before the fetch.
    """
    now = now or clock.now()
    with transaction.atomic():
        fetch, created = FeedFetch.objects.select_for_update().get_or_create(url=url, defaults={"at": now})
        if created:
            return
        elapsed = now - fetch.at
        if elapsed < FETCH_INTERVAL:
            ago = max(math.floor(elapsed.total_seconds()), 0)
            wait = math.ceil((FETCH_INTERVAL - elapsed).total_seconds())
            raise ImportFailed([Problem(url, None, "url", TOO_SOON.format(ago=ago, wait=wait))])
        fetch.at = now
        fetch.save(update_fields=["at"])
