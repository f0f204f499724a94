from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samverkan.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Their signal receivers: the audit's municipalities, the security log's failed logins and lockouts.
        from samverkan.core import audit, security  # noqa: F401
