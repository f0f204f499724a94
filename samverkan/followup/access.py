"""Which collaboration groups, meetings, kept annual reports and evaluations a user reaches, and may change.

A user reaches a group's meetings when they read one of its municipalities and changes them when they may change
all of them (samverkan.followup.meetings.selectors). Reports and evaluations hold a place's figures in full: they
are for the parties to the picture of their municipality, or of every municipality of their police area
(samverkan.followup.reports.selectors.Place). Anything outside a user's reach answers 404, so its existence is
not revealed.
"""

from __future__ import annotations

from django.http import Http404

from samverkan.followup.meetings.models import Meeting
from samverkan.followup.meetings.selectors import can_change_group, groups_for_user
from samverkan.followup.reports.evaluation import evaluation_place
from samverkan.followup.reports.models import Evaluation, GeneratedReport
from samverkan.followup.reports.selectors import Place, place_for_area, place_for_municipality, sees_place_figures
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import CollaborationGroup


def get_group_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[CollaborationGroup, bool]:
    """The group and whether the user may change its meetings; 404 for anyone else."""
    group = groups_for_user(request.user).filter(pk=pk).first()
    if group is None:
        raise Http404
    return group, can_change_group(request.user, group)


def get_meeting_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Meeting, bool]:
    """The meeting and whether the user may change it; 404 for anyone else."""
    meeting = Meeting.objects.filter(group__in=groups_for_user(request.user), pk=pk).select_related("group").first()
    if meeting is None:
        raise Http404
    return meeting, can_change_group(request.user, meeting.group)


def get_report_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[GeneratedReport, bool]:
    """A kept report (never changed), and whether the user may generate the place's next version; 404 for anyone
    but the parties to the picture of its municipality (or of every municipality of its police area)."""
    report = GeneratedReport.objects.filter(pk=pk).select_related("municipality", "police_area").first()
    if report is None:
        raise Http404
    if report.municipality:
        place = place_for_municipality(request.user, report.municipality.code)
    else:
        assert report.police_area_id is not None  # report_of_a_municipality_or_a_police_area
        place = place_for_area(request.user, report.police_area_id)
    if not sees_place_figures(request.user, place):
        raise Http404
    return report, place.can_write


def get_evaluation_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Evaluation, Place]:
    """The evaluation and its place, whose `can_write` says whether the user may change it (the page shows the
    place too); 404 for anyone but the parties to the place's picture."""
    evaluation = Evaluation.objects.filter(pk=pk).select_related("agreement", "municipality", "police_area").first()
    if evaluation is None:
        raise Http404
    if evaluation.municipality is not None:
        place = evaluation_place(request.user, evaluation.agreement, code=evaluation.municipality.code)
    else:
        place = evaluation_place(request.user, evaluation.agreement, area_id=evaluation.police_area_id)
    return evaluation, place
