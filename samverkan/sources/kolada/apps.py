from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class KoladaConfig(SourceConfig):
    name = "samverkan.sources.kolada"
    label = "kolada"
    verbose_name = _("Kolada key figures")
