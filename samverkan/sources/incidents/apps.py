from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class IncidentsConfig(registry.SourceConfig):
    name = "samverkan.sources.incidents"
    label = "incidents"
    verbose_name = _("Incidents")
