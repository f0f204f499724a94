from django.utils.translation import gettext_lazy as _

from samverkan.sources import registry


class DialoguesConfig(registry.SourceConfig):
    name = "samverkan.sources.dialogues"
    label = "dialogues"
    verbose_name = _("Dialogues")
