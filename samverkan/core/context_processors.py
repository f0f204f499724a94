"""The menu of the cycle's sections on every page."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The cycle's sections, in order.
SECTIONS = [
    ("overview", _("Overview")),
    ("sources", _("Mapping")),
    ("situation", _("Situation picture")),
    ("agreements", _("Agreements")),
    ("goals", _("Goals")),
    ("action_plans", _("Action plans")),
    ("promise_sets", _("Citizen promises")),
    ("followup", _("Follow-up")),
]


def navigation(request: HttpRequest) -> dict:
    if not request.user.is_authenticated:
        return {"navigation": []}
    items = []
    for url_name, label in SECTIONS:
        url = reverse(url_name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"navigation": items}
