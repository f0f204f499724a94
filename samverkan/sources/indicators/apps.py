from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class IndicatorsConfig(SourceConfig):
    name = "samverkan.sources.indicators"
    label = "indicators"
    verbose_name = _("Other indicators")
