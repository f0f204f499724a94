"""`samverkan clean_uploads`: delete the uploads that were previewed but never confirmed."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from samverkan.sources.uploads import KEPT, uploads_clean


class Command(BaseCommand):
    help = f"Delete the uploaded files whose import was not confirmed within {KEPT.days} day(s)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"deleted {uploads_clean()} unconfirmed upload(s)")
