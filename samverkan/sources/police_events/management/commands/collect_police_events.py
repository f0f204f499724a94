from __future__ import annotations

from samverkan.sources.commands import ImportCommand
from samverkan.sources.parsing import ImportFailed
from samverkan.sources.police_events.services import FEED_URL, police_feed_claim


class Command(ImportCommand):
    importer_key = "police_events"
    help = (
        f"Fetch the latest 500 events from {FEED_URL} and import them, so the history grows beyond the feed's "
        "500. Made for cron: called again within a minute it says so and exits 0 without a request. "
        "Every ten minutes: */10 * * * * cd /srv/samverkan && uv run samverkan collect_police_events"
    )

    def add_arguments(self, parser) -> None:
        pass

    def handle(self, *args, **options) -> None:
        try:
            police_feed_claim(url=FEED_URL)
        except ImportFailed as failed:
            self.stdout.write(f"not fetched: {failed.problems[0]}")
            return
        super().handle(file=FEED_URL, dry_run=False)
