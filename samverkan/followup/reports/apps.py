from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "samverkan.followup.reports"
    label = "reports"
    verbose_name = _("Reports and evaluation")

    def ready(self) -> None:
        from samverkan.agreements.models import ChangeProposal
        from samverkan.agreements.pages import register_page_section
        from samverkan.agreements.services import register_proposal_applier
        from samverkan.followup.reports.part2 import part2_section
        from samverkan.followup.reports.services import meeting_rhythm_apply

        register_proposal_applier(ChangeProposal.Kind.RHYTHM, meeting_rhythm_apply)
        register_page_section(part2_section)
