"""Where every imported value came from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEMO_SOURCE = "demo"  # the ImportRun of the demo data (`samverkan demo`); while there is one, every page says so


class ImportRun(models.Model):
    """One import that changed something: the file or URL, when, and who ran it."""

    source = models.CharField(_("source"), max_length=40)
    name = models.CharField(_("file or URL"), max_length=500)
    at = models.DateTimeField(_("imported at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("imported by"),
        help_text=_("Empty: imported from the command line."),
    )
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.source}: {self.name} ({self.at:%Y-%m-%d %H:%M})"
