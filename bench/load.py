"""Proof under load: 100 users with think times for two minutes against `samverkan serve` on PostgreSQL with a
generated country (bench/load.sh runs it all; bench/locustfile.py is the users).

    python bench/load.py prepare --targets /tmp/load-targets.json   # on DATABASE_URL, after `samverkan generate`
    python bench/load.py warm --targets /tmp/load-targets.json http://127.0.0.1:8123   # each picture page once
    python bench/load.py summarise /tmp/load_stats.csv               # locust's CSV: p50, p95, max per page kind

`prepare` gives the generated country what the users need and `samverkan generate` does not make: for a sample of
municipalities an open web survey and published medborgarlöften, an API token for each coordinator, a police
contact in each of their police areas; and a logged-in session for every user who logs in (a login hashes its
password with PBKDF2 for about a second of CPU by design: the run measures the pages, not the logins). It writes
the users' targets to a JSON file the locustfile reads.

Goals (issue 13, part 6): p95 ≤ 300 ms for the pages and the API, and no errors.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import setup  # noqa: E402

GOAL_P95_MS = 300
SAMPLE = 40  # municipalities whose users take part
PROMISES = ("Vi ska tillsammans minska klottret i centrum.", "Vi ska ha fler vuxna ute på kvällarna i centrum.")


def _session(user) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    assert session.session_key is not None
    return session.session_key


def prepare(targets: Path) -> None:
    from django.db import transaction

    from samverkan.api.services import api_token_create
    from samverkan.core import clock
    from samverkan.organisations.models import Membership, Organisation, Role, User
    from samverkan.planning.promises import services as promises
    from samverkan.planning.promises.models import PromiseSet
    from samverkan.situation.access import readable_police_regions
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.surveys import services as surveys
    from samverkan.sources.surveys.models import Question, Wave

    today = clock.today()
    coordinators = list(User.objects.filter(username__endswith=".samordnare").order_by("username"))
    if not coordinators:
        raise SystemExit("no generated users: run `samverkan generate` on this database first")
    step = max(len(coordinators) // SAMPLE, 1)
    chosen = coordinators[::step][:SAMPLE]
    questions = list(Question.objects.all())
    answers = {q.key: next(value for value, _label in q.options() if value) for q in questions}
    out: dict[str, list[dict]] = {"coordinators": [], "reporters": [], "citizens": [], "police": []}
    areas: dict[int, Organisation] = {}
    with transaction.atomic():
        for coordinator in chosen:
            code = coordinator.username.split(".")[0]
            membership = Membership.objects.select_related("organisation").get(user=coordinator)
            municipality = membership.organisation.municipalities.get(code=code)
            reporter = User.objects.get(username=f"{code}.rapportor")
            _token, raw = api_token_create(user=coordinator, name="load")
            out["coordinators"].append({"code": code, "session": _session(coordinator), "token": raw})
            incident = Incident.objects.filter(municipality=municipality).select_related("category").first()
            assert incident is not None, f"{code} has no generated incidents"
            out["reporters"].append(
                {
                    "code": code,
                    "session": _session(reporter),
                    "lat": incident.lat,
                    "lng": incident.lng,
                    "category": incident.category.name,
                }
            )
            name = f"Trygghetsmätning {today.year} (last)"  # again on the same country: the same wave and promises
            wave = Wave.objects.filter(municipality=municipality, name=name).first() or surveys.wave_create(
                municipality=municipality, name=name, questions=questions
            )
            out["citizens"].append({"code": code, "survey": wave.token, "answers": answers})
            for area in municipality.organisations.filter(kind=Organisation.Kind.POLICE_AREA):
                areas[area.pk] = area
            if PromiseSet.objects.filter(municipality=municipality, title__startswith="Medborgarlöften").exists():
                continue
            promise_set = promises.promise_set_create(
                municipality=municipality,
                title=f"Medborgarlöften {municipality.name}",
                starts_on=today - datetime.timedelta(days=30),
                ends_on=today + datetime.timedelta(days=700),
                by=coordinator,
            )
            for text in PROMISES:
                promises.promise_add(promise_set=promise_set, text=text, by=coordinator)
            for name in ("Kommunstyrelsens ordförande", "Lokalpolisområdeschef"):
                promises.promise_signatory_add(
                    promise_set=promise_set, name=name, title=name, signed_on=today, by=coordinator
                )
            promises.promise_set_sign(promise_set=promise_set, by=coordinator)
            promises.promise_set_publish(promise_set=promise_set, by=coordinator)
        for area in areas.values():
            police, _created = User.objects.get_or_create(
                username=f"polis.{area.pk}", defaults={"first_name": "Kontaktpolis", "last_name": str(area.pk)}
            )
            Membership.objects.get_or_create(user=police, organisation=area, role=Role.POLICE_CONTACT)
            if area.parent_id:  # and of the region above, whose regional comparison the police read
                Membership.objects.get_or_create(user=police, organisation_id=area.parent_id, role=Role.POLICE_CONTACT)
            regions = list(readable_police_regions(police).order_by("pk").values_list("pk", flat=True))
            if regions:  # the regional comparison of the police region or polisområde above the area
                out["police"].append({"area": area.pk, "region": regions[0], "session": _session(police)})
    targets.write_text(json.dumps(out, indent=1))
    counts = ", ".join(f"{len(users)} {kind}" for kind, users in out.items())
    print(f"prepared {counts} in {len(chosen)} municipalities: {targets}")


def warm(targets: Path, host: str) -> None:
    """Ask the server once, one after another, for every picture the users will read: each municipality's lägesbild,
    each police area's joint lägesbild, each region's comparison and each public picture. So the run starts where a
    server is after a day's use, with each picture built once since its data last changed (kept in the shared
    pictures' cache); the incidents logged during the run still make their pictures new builds."""
    users = json.loads(targets.read_text())
    pages = [(f"/lagesbild/kommun/{u['code']}/", u["session"]) for u in users["coordinators"]]
    pages += [(f"/lagesbild/gemensam/{u['area']}/", u["session"]) for u in users["police"]]
    pages += [(f"/lagesbild/region/{u['region']}/", u["session"]) for u in users["police"]]
    pages += [(f"/api/public/municipalities/{u['code']}/situation", "") for u in users["citizens"]]
    unique = dict(pages)  # a page once, whoever else reads it
    started = time.perf_counter()
    for path, session in unique.items():
        request = urllib.request.Request(host + path, headers={"Cookie": f"sessionid={session}"} if session else {})
        with urllib.request.urlopen(request, timeout=120) as response:
            assert response.status == 200, f"{path}: {response.status}"
    print(f"warmed {len(unique)} pages in {time.perf_counter() - started:.0f} s")


def summarise(stats: Path) -> bool:
    """Print p50, p95 and max per page kind and the errors from locust's *_stats.csv; whether the goals held."""
    rows = list(csv.DictReader(stats.open()))
    print(f"{'page kind':<34} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>8}")
    met = True
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all"
        p95 = float(row["95%"] or 0)
        failures = int(row["Failure Count"])
        print(
            f"{name:<34} {row['Request Count']:>8} {failures:>6} {row['50%']:>7} {row['95%']:>7} "
            f"{float(row['Max Response Time']):>8.0f}"
        )
        if name != "all" and (p95 > GOAL_P95_MS or failures):
            met = False
    print(f"goals (p95 ≤ {GOAL_P95_MS} ms for every page kind, no errors): {'met' if met else 'NOT met'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ready = commands.add_parser("prepare")
    ready.add_argument("--targets", type=Path, required=True)
    warming = commands.add_parser("warm")
    warming.add_argument("--targets", type=Path, required=True)
    warming.add_argument("host")
    summary = commands.add_parser("summarise")
    summary.add_argument("stats", type=Path)
    args = parser.parse_args()
    if args.command == "prepare":
        setup("/tmp")
        prepare(args.targets)
    elif args.command == "warm":
        warm(args.targets, args.host)
    else:
        sys.exit(0 if summarise(args.stats) else 1)


if __name__ == "__main__":
    main()
