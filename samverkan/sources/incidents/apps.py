from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class IncidentsConfig(SourceConfig):
    name = "samverkan.sources.incidents"
    label = "incidents"
    verbose_name = _("Incidents")
