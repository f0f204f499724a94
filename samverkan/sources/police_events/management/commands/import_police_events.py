from __future__ import annotations

from django.core.management.base import CommandError

from samverkan.sources.commands import ImportCommand
from samverkan.sources.parsing import ImportFailed
from samverkan.sources.police_events.services import FEED_URL, police_feed_claim


class Command(ImportCommand):
    importer_key = "police_events"
    help = (
        "Import Polisen's events: a JSON file as polisen.se/api/events serves it, an archive of such events "
        f"(also gzip-compressed), or the address itself ({FEED_URL}), requested at most once a minute. "
        "Events are matched by id: importing again changes only what changed. "
        "In a problem FILE:LINE: field: …, LINE is the event's position in the list (1 for the first event). "
        "To collect the feed regularly, see collect_police_events."
    )

    def handle(self, *args, file: str, **options) -> None:
        if file.startswith(("http://", "https://")):
            try:
                police_feed_claim(url=file)
            except ImportFailed as failed:
                raise CommandError(f"nothing was fetched: {failed.problems[0]}") from failed
        super().handle(*args, file=file, **options)
