from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from samverkan.generate import PASSWORD, generate


class Command(BaseCommand):
    help = (
        "Fill an empty database with a synthetic country for load and speed tests: incidents, Brå, survey waves, "
        "police events, organisations and a coordinator and a reporter per municipality. Deterministic per seed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipalities", type=int, default=290, help="how many (all 290 by default)")
        parser.add_argument("--years", type=int, default=5, help="years back from today")
        parser.add_argument("--incidents", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--respondents", type=int, default=100, help="per survey wave")
        parser.add_argument(
            "--password",
            default=PASSWORD,
            help=f"of the generated users <kod>.samordnare and <kod>.rapportor (default {PASSWORD})",
        )

    def handle(
        self,
        *args,
        municipalities: int,
        years: int,
        incidents: int,
        seed: int,
        respondents: int,
        password: str,
        **options,
    ) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        began = time.perf_counter()
        try:
            made = generate(
                municipalities=municipalities,
                years=years,
                incidents=incidents,
                seed=seed,
                password=password,
                respondents=respondents,
                out=self.stderr,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"generated in {time.perf_counter() - began:.0f} s, {made.first_day} – {made.last_day}: "
            f"{made.municipalities} municipalities, {made.incidents} incidents, {made.police_events} police events, "
            f"{made.crime_statistics} Brå figures, {made.waves} survey waves ({made.answers} answers), "
            f"{made.users} users (password {password})"
        )
        self.stdout.write("seconds: " + ", ".join(f"{phase} {seconds}" for phase, seconds in made.seconds))
