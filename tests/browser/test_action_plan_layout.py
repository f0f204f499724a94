"""The action plan's table of activities fits a 1 280 px window, comment field and all, with each date on one line;
on a phone it scrolls inside its own region, with the keyboard too."""

from __future__ import annotations

import datetime

from playwright.sync_api import Page, expect

from samverkan.core import clock
from samverkan.organisations.models import FocusArea
from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity
from samverkan.planning.goals.models import Goal
from tests.browser.fixtures import assert_accessible, log_in
from tests.browser.layout import DESKTOP, PHONE, assert_fits

# Eight activities shaped like the demo's, whose plan was 1 356 px wide at 1 280 with its dates on four lines.
ACTIVITIES = [
    ("Polisen möter allmänheten på allmän plats", Activity.Responsible.POLICE, "kommunpolis", "Samling som stör"),
    (
        "Drogutbildning för föräldrar, elever och personal",
        Activity.Responsible.BOTH,
        "kommunpolis och drogförebyggare",
        "Misstänkt narkotikahandel",
    ),  # noqa: E501
    (
        "Trafikinsatser mot buskörning och fortkörning",
        Activity.Responsible.POLICE,
        "kommunpolis",
        "Buskörning (moped, A-traktor, snöskoter)",
    ),  # noqa: E501
    ("Grannsamverkan i bostadsområden", Activity.Responsible.BOTH, "kommunpolis och trygghetssamordnare", "Inbrott"),
    (
        "E-tjänst för att rapportera otrygga platser",
        Activity.Responsible.MUNICIPALITY,
        "kommunens webbredaktör",
        "Otrygg plats",
    ),  # noqa: E501
    (
        "Ansvarsfull alkoholservering – utbildning",
        Activity.Responsible.MUNICIPALITY,
        "alkoholhandläggare",
        "Berusade personer på allmän plats",
    ),  # noqa: E501
    ("Tillsyn under biltestsäsongen", Activity.Responsible.BOTH, "alkoholhandläggare och kommunpolis", "Rattfylleri"),
    ("Trygghetsvandring med medborgare", Activity.Responsible.BOTH, "trygghetssamordnare", "Skadegörelse"),
]


def _plan(world) -> str:
    start = datetime.date(clock.today().year, 1, 1)
    plan = services.action_plan_create(
        municipality=world.arjeplog,
        title="Handlingsplan för trygghet och brottsförebyggande arbete",
        starts_on=start,
        ends_on=datetime.date(start.year + 1, 12, 31),
        by=world.alice,
    )
    goal = Goal.objects.create(
        agreement=world.part1,
        focus_area=FocusArea.objects.get(short_name="BRÅ"),
        municipality=world.arjeplog,
        title="Färre rattfylleriärenden i Arjeplog",
    )
    for title, responsible, role, problem in ACTIVITIES:
        services.activity_create(
            plan=plan,
            title=title,
            goals=[goal],
            responsible=responsible,
            role=role,
            problems=[problem],
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            kind=Activity.Kind.SITUATIONAL,
            horizon=Activity.Horizon.LONG,
            target_count=10,
            target_text="minst 70 % av hushållen i varje område",
        )
    return plan.get_absolute_url()


def test_it_fits_the_action_plan_on_a_desktop_and_scrolls_it_on_a_phone(page: Page, world):
    url = _plan(world)
    log_in(page, "alice")
    page.set_viewport_size({"width": DESKTOP[0], "height": DESKTOP[1]})
    page.goto(url)
    region = page.locator(".table-scroll").filter(has=page.locator("table.activities"))
    expect(region.locator("tbody tr")).to_have_count(len(ACTIVITIES))
    expect(region).to_have_attribute("aria-label", "Aktiviteter")
    expect(region).to_have_attribute("tabindex", "0")
    assert_accessible(page)
    assert_fits(page)
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth"), "the table scrolls at 1 280 px"
    box = region.bounding_box()
    comment = region.locator("input[type='text']").first.bounding_box()
    assert box and comment and comment["x"] + comment["width"] <= box["x"] + box["width"]
    dates = region.locator(".date")
    assert dates.count() == 2 * len(ACTIVITIES)
    assert dates.evaluate_all("spans => spans.every(span => span.getClientRects().length === 1)"), "a date wraps"

    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # scrolls in its region, not the page
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())  # the arrow scrolls smoothly
    assert_accessible(page)
