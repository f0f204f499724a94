"""The public endpoints show what the municipality's public page shows: published promises only, and the
lägesbild with every count below 3 as "<3"."""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from samverkan.core import clock
from samverkan.planning.promises.models import Promise, PromiseSet
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import incident_categories_for


def _published(world, **changes) -> PromiseSet:
    today = clock.today()
    fields = {
        "municipality": world.arjeplog,
        "title": "Medborgarlöften",
        "starts_on": today - datetime.timedelta(days=30),
        "ends_on": today + datetime.timedelta(days=335),
        "status": PromiseSet.Status.PUBLISHED,
        "published_at": clock.now(),
        "signed_on": today - datetime.timedelta(days=30),
    }
    return PromiseSet.objects.create(**(fields | changes))


def _log(world, category_name: str, day: datetime.date) -> None:
    category = next(c for c in incident_categories_for(world.arjeplog) if c.name == category_name)
    Incident.objects.create(
        municipality=world.arjeplog,
        category=category,
        occurred_from=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
        lat=66.5,
        lng=17.5,
        severity=1,
        description="Vid torget",
    )


def test_it_shows_published_promises_and_nothing_else(world, client):
    published = _published(world)
    Promise.objects.create(promise_set=published, text="Vi vandrar varje månad")
    PromiseSet.objects.create(
        municipality=world.arvidsjaur,
        title="Utkast",
        starts_on=clock.today(),
        ends_on=clock.today() + datetime.timedelta(days=365),
    )
    assert client.get("/api/public/municipalities").json() == [{"code": "2506", "name": "Arjeplog"}]
    body = client.get("/api/public/municipalities/2506/promises").json()
    assert [(s["id"], s["standing"]) for s in body["sets"]] == [(published.pk, "gallande")]
    assert [p["text"] for p in body["sets"][0]["promises"]] == ["Vi vandrar varje månad"]
    for code in ("2505", "2580"):  # a draft only, and nothing at all
        answer = client.get(f"/api/public/municipalities/{code}/promises")
        assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
        assert client.get(f"/api/public/municipalities/{code}/situation").status_code == 404


def test_it_writes_counts_below_3_as_fewer_than_3(world, client):
    _published(world)
    year = clock.today().year - 1
    logged = {"Klotter": 2, "Nedskräpning": 5}
    for name, count in logged.items():
        for day in range(count):
            _log(world, name, datetime.date(year, 3, 1 + day))
    _log(world, "Klotter", datetime.date(year - 1, 6, 1))  # the year before: one
    # The expectation, recounted from the rows and the rule (DOMAIN.md §4): below 3 (but 0) is "<3".
    rows = Incident.objects.filter(municipality=world.arjeplog).values_list("category__name", "occurred_from")
    now = Counter(name for name, at in rows if timezone.localtime(at).year == year)
    before = Counter(name for name, at in rows if timezone.localtime(at).year == year - 1)

    def shown(count: int) -> int | str:
        return "<3" if 0 < count < 3 else count

    body = client.get("/api/public/municipalities/2506/situation").json()
    assert body["period"] == {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    got = {row["category"]: (row["count"], row["previous"]) for row in body["incidents"]}
    assert got == {name: (shown(now[name]), shown(before[name])) for name in now}
    assert got["Klotter"] == ("<3", "<3") and got["Nedskräpning"] == (5, 0)
    assert body["incidents_total"] is None  # a suppressed category is part of it
    for row in body["incidents"]:
        if row["count"] == "<3":
            assert row["per_1000_residents"] is None and row["per_1000_present"] is None


@pytest.mark.parametrize("code", ["25061", "abcd", "٢٥٠٦"])
def test_it_refuses_what_is_no_kommunkod_with_the_error_object(world, client, code):
    answer = client.get(f"/api/public/municipalities/{code}/situation")
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid" and answer.json()["error"]["field"] == "code"


def test_it_answers_a_path_no_endpoint_has_with_the_error_object(db, client):
    for method in ("get", "post", "delete"):
        answer = getattr(client, method)("/api/no-such-endpoint/42")
        assert answer.status_code == 404 and answer["Content-Type"] == "application/json"
        assert answer.json() == {
            "error": {
                "code": "not_found",
                "message": "Finns inte, eller är inte ditt att se.",
                "field": None,
                "problems": [],
            }
        }
    page = client.get("/kartlaggning/no-such-page/")  # a page keeps the 404 page
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
