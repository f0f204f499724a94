from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class SurveysConfig(registry.SourceConfig):
    name = "samverkan.sources.surveys"
    label = "surveys"
    verbose_name = _("Safety surveys")
