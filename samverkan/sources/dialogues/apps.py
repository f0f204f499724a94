from django.utils.translation import gettext_lazy as _

from samverkan.sources.apps import SourceConfig


class DialoguesConfig(SourceConfig):
    name = "samverkan.sources.dialogues"
    label = "dialogues"
    verbose_name = _("Dialogues")
