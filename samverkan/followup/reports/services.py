"""Writing the annual report: its narratives, and generating (and keeping) a version of it."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from samverkan.agreements.models import ChangeProposal
from samverkan.agreements.services import group_rhythm_propose
from samverkan.core.pdf import pdf_from_template
from samverkan.followup.reports.models import GeneratedReport, MeetingRhythm, ReportNarrative
from samverkan.followup.reports.selectors import Place, annual_report
from samverkan.organisations.models import CollaborationGroup, User


def narrative_save(*, place: Place, year: int, section: str, text: str, by: User) -> ReportNarrative:
    narrative = ReportNarrative.objects.filter(year=year, section=section, **place.owner()).first()
    narrative = narrative or ReportNarrative(year=year, section=section, **place.owner())
    narrative.text, narrative.updated_by = text.strip(), by
    narrative.full_clean(validate_unique=False)
    narrative.save()
    return narrative


@transaction.atomic
def report_generate(*, place: Place, year: int, by: User | None) -> GeneratedReport:
    """Fill the figures in from the data (in full: a kept report is read by the parties to the picture only),
    add the written sections, render the PDF and keep it as the next version. `by` is empty when generated
    from the command line."""
    data = annual_report(place, year, user=None)
    owner = place.owner()
    latest = GeneratedReport.objects.select_for_update().filter(year=year, **owner).aggregate(v=Max("version"))["v"]
    version = (latest or 0) + 1
    data["version"] = version
    data["generated_by"] = by.get_full_name() or by.username if by else ""
    pdf = pdf_from_template("reports/annual_pdf.html", {"data": data})
    report = GeneratedReport(year=year, version=version, data=data, pdf=pdf, generated_by=by, **owner)
    report.save()
    return report


def _rhythm_store(group: CollaborationGroup, per_year: int, by: User | None) -> MeetingRhythm:
    rhythm = MeetingRhythm.objects.filter(group=group).first() or MeetingRhythm(group=group)
    rhythm.per_year, rhythm.updated_by = per_year, by
    rhythm.full_clean(validate_unique=False)
    rhythm.save()
    return rhythm


def meeting_rhythm_save(*, group: CollaborationGroup, per_year: int, by: User) -> ChangeProposal | None:
    """A group of one municipality agrees its rhythm at once. A joint group's rhythm is all its parties': the
    change is proposed to them and made when every one has accepted (an administrator's at once). Returns the
    proposal while it waits; None when the rhythm is saved (or unchanged)."""
    if not group.is_joint:
        _rhythm_store(group, per_year, by)
        return None
    current = MeetingRhythm.objects.filter(group=group).values_list("per_year", flat=True).first()
    if current == per_year:
        return None
    return group_rhythm_propose(group=group, per_year=per_year, by=by)


def meeting_rhythm_apply(proposal: ChangeProposal, by: User | None) -> None:
    """Make a joint group's rhythm that every party accepted (registered with the agreements' proposals)."""
    group, per_year = proposal.group, proposal.per_year
    assert group is not None and per_year is not None, "proposal_has_the_target_and_value_of_its_kind"
    _rhythm_store(group, per_year, by)
