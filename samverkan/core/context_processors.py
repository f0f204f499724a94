from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The cycle's sections, in order. A section joins the menu when its pages exist.
SECTIONS = [
    ("overview", _("Overview")),
    ("sources", _("Mapping")),
    ("situation", _("Situation picture")),
    ("agreements", _("Agreements")),
]


def demo_notice(request: HttpRequest) -> dict:
    from samverkan.demo import DEMO_SOURCE
    from samverkan.sources.models import ImportRun

    return {"demo_data": ImportRun.objects.filter(source=DEMO_SOURCE).exists()}


def navigation(request: HttpRequest) -> dict:
    if not request.user.is_authenticated:
        return {"navigation": []}
    items = []
    for url_name, label in SECTIONS:
        url = reverse(url_name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"navigation": items}
