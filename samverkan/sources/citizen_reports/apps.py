from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class CitizenReportsConfig(registry.SourceConfig):
    name = "samverkan.sources.citizen_reports"
    label = "citizen_reports"
    verbose_name = _("Citizen reports")
