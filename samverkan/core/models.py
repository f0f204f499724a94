"""A job: long work that runs in the worker (an import, a report's PDF, a scheduled fetch), and its progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One piece of work handed to the worker: what it is, how far it has come, and what came of it.

    The task writes its state here (samverkan.core.jobs) and the job's page reads it; the result stays where the
    work keeps it (an ImportRun, a GeneratedReport), linked by `result_url`.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=40)
    label = models.CharField(_("what"), max_length=500)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows in all"), null=True, blank=True)
    message = models.TextField(_("outcome"), blank=True)
    result_url = models.CharField(_("result link"), max_length=500, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
        help_text=_("Empty: started by the schedule or the command line."),
    )
    created_at = models.DateTimeField(_("queued at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total__isnull=True) | models.Q(done__lte=models.F("total")),
                name="job_done_at_most_total",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.label} ({self.state})"

    def get_absolute_url(self) -> str:
        return reverse("job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
