from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class PoliceEventsConfig(registry.SourceConfig):
    name = "samverkan.sources.police_events"
    label = "police_events"
    verbose_name = _("Police events")
