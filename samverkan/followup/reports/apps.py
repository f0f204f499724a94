from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "samverkan.followup.reports"
    label = "reports"
    verbose_name = _("Reports and evaluation")

    def ready(self) -> None:
        from samverkan.agreements.models import ChangeProposal
        from samverkan.agreements.services import register_proposal_applier
        from samverkan.followup.reports.services import meeting_rhythm_apply

        register_proposal_applier(ChangeProposal.Kind.RHYTHM, meeting_rhythm_apply)
