"""Context for every page that needs the whole product: whether the demo data is loaded."""

from __future__ import annotations

from django.http import HttpRequest

from samverkan.sources.models import DEMO_SOURCE, ImportRun


def demo_notice(request: HttpRequest) -> dict:
    return {"demo_data": ImportRun.objects.filter(source=DEMO_SOURCE).exists()}
