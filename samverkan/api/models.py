"""A person's API tokens: only a hash is stored; the token itself is shown once, when it is made."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField


class ApiToken(models.Model):
    """A personal token: a call with it acts as its user, with the user's memberships and scope."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = GuardedCharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the GIS export."))
    prefix = models.CharField(_("starts with"), max_length=12)  # the first characters, to tell tokens apart
    digest = models.CharField(max_length=64, unique=True, editable=False)  # SHA-256 of the token, hex
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_on = models.DateField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
