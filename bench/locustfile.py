"""The users of the load run (bench/load.py, bench/load.sh): 100 of them, each with think times.

- coordinators (3 in 10): the lägesbild of their municipality, the goals, the incidents through the API;
- reporters (3 in 10): the incident form, and log an incident (written through the service, as on the page), about
  one a minute each (LOAD_REPORTER_SECONDS, "30-90": filling in the form's time, category, place on the map and
  description takes a person about a minute; "5-15" is the stress run of bench/results.md);
- citizens (3 in 10, anonymous): the municipality's medborgarlöften, its public lägesbild through the API, and
  once each the survey (the form, then their answers);
- police contacts (1 in 10): the regional comparison of their police area and its joint lägesbild.

Each request is named by its page kind, so locust's statistics are per kind. The targets (who, where, their
sessions and tokens) come from `bench/load.py prepare`, in the file LOAD_TARGETS names.
"""

from __future__ import annotations

import datetime
import json
import os
import random

from locust import HttpUser, between, task

TARGETS = json.loads(open(os.environ.get("LOAD_TARGETS", "/tmp/load-targets.json")).read())  # noqa: SIM115


class Signed(HttpUser):
    abstract = True
    kind = ""

    def on_start(self) -> None:
        self.me = random.choice(TARGETS[self.kind])
        if "session" in self.me:
            self.client.cookies.set("sessionid", self.me["session"])

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def get(self, url: str, name: str, **kwargs) -> None:
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {url}")


class Coordinator(Signed):
    weight = 3
    kind = "coordinators"
    wait_time = between(3, 10)

    @task(3)
    def lagesbild(self) -> None:
        self.get(f"/lagesbild/kommun/{self.me['code']}/", "page: lägesbild")

    @task(2)
    def goals(self) -> None:
        self.get("/mal/", "page: goals")

    @task(1)
    def api_incidents(self) -> None:
        headers = {"Authorization": f"Bearer {self.me['token']}"}
        self.get(f"/api/incidents?municipality={self.me['code']}&limit=50", "api: incidents", headers=headers)


class Reporter(Signed):
    weight = 3
    kind = "reporters"
    wait_time = between(*(int(s) for s in os.environ.get("LOAD_REPORTER_SECONDS", "30-90").split("-")))

    @task
    def log_incident(self) -> None:
        self.get("/kartlaggning/incidenter/ny/", "page: incident form")
        when = datetime.datetime.now() - datetime.timedelta(hours=random.randint(1, 72))
        data = {
            "csrfmiddlewaretoken": self.csrf(),
            "occurred_from": when.strftime("%Y-%m-%d %H:%M"),
            "category": self.me["category"],
            "severity": random.choice(["1", "2", "3"]),
            "lat": self.me["lat"],
            "lng": self.me["lng"],
            "description": "Klotter på busskuren vid torget",
        }
        with self.client.post(
            "/kartlaggning/incidenter/ny/", data, name="write: log incident", catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}: {response.text[:300]}")
                return
            location = response.headers["Location"]
        self.get(location, "page: incident")


class Citizen(Signed):
    weight = 3
    kind = "citizens"
    wait_time = between(3, 10)

    def on_start(self) -> None:
        super().on_start()
        self.answered = False

    @task(3)
    def promises(self) -> None:
        self.get(f"/medborgarloften/kommun/{self.me['code']}/", "page: promises (public)")

    @task(2)
    def public_situation(self) -> None:
        self.get(f"/api/public/municipalities/{self.me['code']}/situation", "api: public lägesbild")

    @task(1)
    def survey(self) -> None:
        if self.answered:
            return
        url = f"/kartlaggning/enkater/svara/{self.me['survey']}/"
        self.get(url, "page: survey form")
        answers = {key: value for key, value in self.me["answers"].items() if random.random() < 0.9}
        data = {"csrfmiddlewaretoken": self.csrf(), **answers}
        with self.client.post(
            url, data, name="write: answer survey", catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}: {response.text[:300]}")
        self.answered = True


class Police(Signed):
    weight = 1
    kind = "police"
    wait_time = between(5, 12)

    @task(2)
    def regional(self) -> None:
        self.get(f"/lagesbild/region/{self.me['region']}/", "page: regional comparison")

    @task(1)
    def joint(self) -> None:
        self.get(f"/lagesbild/gemensam/{self.me['area']}/", "page: joint lägesbild")
