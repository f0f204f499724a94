from django.apps import AppConfig
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from samverkan.core import lazytext

# Django's blank choice label (django.db.models.fields.BLANK_CHOICE_LABEL, "- Select an option -" on every <select>
# with an empty choice) is a translatable Django string that Django's Swedish catalog lacks. Our catalog, read after
# Django's and so overriding it, gives the Swedish; marked here so that makemessages keeps it in the catalog.
gettext_noop("- Select an option -")


class CoreConfig(AppConfig):
    name = "samverkan.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        lazytext.install(gettext)  # the messages of the pure modules, in the active language
        # Their signal receivers: the audit's municipalities, the security log's failed logins and lockouts.
        from samverkan.core import audit, security  # noqa: F401
