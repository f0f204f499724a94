from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samverkan.core import lazytext


class CoreConfig(AppConfig):
    name = "samverkan.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        lazytext.install(gettext)  # the messages of the pure modules, in the active language
        # Their signal receivers: the audit's municipalities, the security log's failed logins and lockouts.
        from samverkan.core import audit, security  # noqa: F401
