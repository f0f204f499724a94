from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class SurveysConfig(SourceConfig):
    name = "samverkan.sources.surveys"
    label = "surveys"
    verbose_name = _("Safety surveys")
