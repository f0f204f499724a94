from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

SHARED = 0  # the scope of the data every municipality's pictures read (Brå, Kolada, indicators, organisations …)


class DataVersion(models.Model):
    """The current token of a scope's data: a municipality's id (or SHARED), and the kind of its data.

    A plain integer rather than a foreign key: core sits below the municipalities, and a municipality deleted
    leaves nothing a reader could mistake for its data (every picture of it is gone with it).
    """

    class Kind(models.TextChoices):
        DATA = "data", _("data")
        SURVEY = "survey", _("survey")  # a municipality's survey waves, which its neighbours' pictures compare

    scope = models.PositiveBigIntegerField(_("scope"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DATA)
    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")
        constraints = [models.UniqueConstraint(fields=["scope", "kind"], name="one_data_version_per_scope")]

    def __str__(self) -> str:
        return f"{self.scope}/{self.kind}: {self.token}"
