"""The scheduled fetch of Polisen's feed keeps the feed's limit: within a minute of the last request the job fails
with the reason, without a request (the tests have no network)."""

from __future__ import annotations

import io

from django.core.management import call_command

from samverkan.core.models import Job
from samverkan.sources.models import ImportRun
from samverkan.sources.police_events.services import FEED_URL, police_feed_claim


def test_it_fails_the_job_without_a_request_within_a_minute_of_the_last(db):
    police_feed_claim(url=FEED_URL)  # a fetch a moment ago
    out = io.StringIO()

    call_command("schedule", "police_events", stdout=out)  # the tests' backend runs it at once

    job = Job.objects.get(kind="police_events")
    assert out.getvalue() == f"police_events: job {job.pk} failed\n"
    assert job.state == Job.State.FAILED and job.created_by is None
    assert job.message.startswith(f"{FEED_URL}: url: ") and "polisen.se" in job.message
    assert not ImportRun.objects.exists()
