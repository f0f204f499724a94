"""Renewal: starting the next agreement from the expiring one."""

from __future__ import annotations

import datetime

from django.db import transaction

from samverkan.agreements.models import Agreement
from samverkan.agreements.services import agreement_start_revision
from samverkan.followup.reports.evaluation import evaluation_for, latest_baselines
from samverkan.followup.reports.models import Evaluation
from samverkan.organisations.models import User


@transaction.atomic
def next_agreement_start(*, agreement: Agreement, by: User, today: datetime.date) -> Evaluation:
    """Draft the next agreement from the expiring one (parties, focus areas, texts; no goals) and keep the
    evaluation beside it, with the latest adopted lägesbilder as its basis."""
    draft = agreement_start_revision(agreement=agreement, by=by)
    evaluation = Evaluation.objects.create(
        agreement=agreement, next_agreement=draft, data=evaluation_for(agreement, today=today, user=None), created_by=by
    )
    evaluation.baselines.set(latest_baselines(agreement))
    return evaluation
