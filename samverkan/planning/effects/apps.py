from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "samverkan.planning.effects"
    label = "effects"
    verbose_name = _("Effects of interventions")

    def ready(self) -> None:
        from samverkan.planning.effects.presentation import picture_effects
        from samverkan.situation.extensions import register_internal_section

        register_internal_section("effects", picture_effects)
