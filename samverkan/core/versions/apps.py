from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VersionsConfig(AppConfig):
    name = "samverkan.core.versions"
    label = "versions"
    verbose_name = _("Data versions")

    def ready(self) -> None:
        from samverkan.core.versions import receivers

        receivers.connect()
