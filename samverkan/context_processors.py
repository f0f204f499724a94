"""Context for every page that needs the whole product: whether the demo data is loaded."""

from __future__ import annotations

from django.http import HttpRequest

from samverkan.demo import DEMO_SOURCE
from samverkan.sources.models import ImportRun


def demo_notice(request: HttpRequest) -> dict:
    return {"demo_data": ImportRun.objects.filter(source=DEMO_SOURCE).exists()}
