from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class KoladaConfig(registry.SourceConfig):
    name = "samverkan.sources.kolada"
    label = "kolada"
    verbose_name = _("Kolada key figures")
