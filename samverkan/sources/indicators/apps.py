from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class IndicatorsConfig(registry.SourceConfig):
    name = "samverkan.sources.indicators"
    label = "indicators"
    verbose_name = _("Other indicators")
