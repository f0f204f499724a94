from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class PoliceEventsConfig(SourceConfig):
    name = "samverkan.sources.police_events"
    label = "police_events"
    verbose_name = _("Police events")
