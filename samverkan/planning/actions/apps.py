from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class ActionsConfig(registry.SourceConfig):
    name = "samverkan.planning.actions"
    label = "actions"
    verbose_name = _("Action plans")
