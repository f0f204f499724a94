from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "samverkan.planning.promises"
    label = "promises"
    verbose_name = _("Citizen promises")

    def ready(self) -> None:
        from samverkan.planning.promises.dialogue_input import accepted_suggestions_input
        from samverkan.sources.dialogues.inputs import register_input_provider

        register_input_provider(accepted_suggestions_input)
