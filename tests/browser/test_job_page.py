"""A job's page follows the worker: it shows the rows counted so far and, when the job is finished, its outcome,
without a reload by hand; it is accessible and fits a phone."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from samverkan.core import clock
from samverkan.core.models import Job
from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import PHONE, assert_fits


def swedish(text: str, **values: str) -> str:
    """The page's words as the catalogue gives them (the page is read in Swedish)."""
    with translation.override("sv"):
        return gettext(text) % values if values else gettext(text)


def test_it_follows_a_job_until_it_is_finished(page: Page, world):
    job = Job.objects.create(
        kind="import", label="Import av est.csv", created_by=world.alice, created_at=clock.now(), state="running"
    )
    Job.objects.filter(pk=job.pk).update(done=10, total=40)
    log_in(page, "alice")
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})

    page.goto(job.get_absolute_url())

    rows = "%(done)s of %(total)s rows"
    expect(page.get_by_role("status")).to_contain_text(f"{swedish('Running')}: {swedish(rows, done='10', total='40')}")
    assert_accessible(page)
    assert_fits(page)
    Job.objects.filter(pk=job.pk).update(done=30)
    expect(page.get_by_role("status")).to_contain_text(swedish(rows, done="30", total="40"))
    Job.objects.filter(pk=job.pk).update(
        state="done", done=40, message="Importerade est.csv.", result_url="/kartlaggning/"
    )
    expect(page.get_by_text("Importerade est.csv.")).to_be_visible()
    expect(page.get_by_role("link", name=swedish("Open the result"))).to_have_attribute("href", "/kartlaggning/")
    assert_accessible(page)
