"""Send the notifications that are due: `samverkan notify` often (e.g. hourly), `--digest` once a week."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from samverkan.core import clock
from samverkan.followup.notifications.services import notifications_send


class Command(BaseCommand):
    help = "Email users what is due. Each notification is sent once, however often this runs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--digest", action="store_true", help="Also send the weekly digests.")
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="The site's address, for the links in the emails (default: %(default)s).",
        )

    def handle(self, *args, digest: bool, base_url: str, **options) -> None:
        outcome = notifications_send(today=clock.today(), digest=digest, base_url=base_url.rstrip("/"))
        self.stdout.write(
            f"sent: {outcome.emails} emails, {outcome.notifications} notifications, {outcome.already_sent} already sent"
        )
