"""Every page a coordinator and the police reach, with the demo data, passes the axe check."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page

from samverkan.agreements.models import Agreement
from samverkan.demo import DEMO_PASSWORD, demo_load
from samverkan.organisations.models import Organisation
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.incidents.models import Incident
from tests.browser.fixtures import assert_accessible, log_in


def visit_all(page: Page, urls: list[str]) -> None:
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        assert_accessible(page)


def test_every_page_of_the_coordinator_is_accessible(page: Page):
    call_command("load_municipalities", stdout=io.StringIO(), stderr=io.StringIO())
    demo_load()
    log_in(page, "arjeplog.samordnare", DEMO_PASSWORD)
    incident = Incident.objects.filter(municipality__code="2506").first()
    dialogue = Dialogue.objects.filter(municipality__code="2506").first()
    part2 = Agreement.objects.get(part=2, municipalities__code="2506")
    visit_all(
        page,
        [
            reverse("overview"),
            reverse("municipality", args=["2506"]),
            reverse("agreement_edit", args=[part2.pk]),
            reverse("sources"),
            reverse("incidents_list"),
            reverse("incident", args=[incident.pk]),
            reverse("incident_settings", args=["2506"]),
            reverse("incidents_week") + "?kommun=2506&week=2025-02-10",
            reverse("bra_list"),
            reverse("police_events_list"),
            reverse("kolada_list"),
            reverse("indicators_list"),
            reverse("surveys_list"),
            reverse("dialogues_list"),
            reverse("dialogue", args=[dialogue.pk]),
            reverse("dialogue_new"),
            reverse("import_upload", args=["bra"]),
            reverse("situation"),
            reverse("notification_preferences"),
        ],
    )


def test_every_page_of_the_police_contact_is_accessible(page: Page):
    call_command("load_municipalities", stdout=io.StringIO(), stderr=io.StringIO())
    demo_load()
    log_in(page, "polis.kontaktperson", DEMO_PASSWORD)
    area = Organisation.objects.get(kind="police_area")
    visit_all(
        page,
        [
            reverse("overview"),
            reverse("agreements"),
            reverse("situation_joint", args=[area.pk]) + "?start=2025-01-01&end=2025-12-31",
            reverse("situation_municipality", args=["2505"]) + "?start=2025-01-01&end=2025-12-31",
            reverse("incident_new"),
        ],
    )
