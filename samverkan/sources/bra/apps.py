from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class BraConfig(registry.SourceConfig):
    name = "samverkan.sources.bra"
    label = "bra"
    verbose_name = _("Brå crime statistics")
