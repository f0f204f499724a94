from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from samverkan.agreements.access import get_agreement_for_user, visible_agreements
from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.core.demo_calendar import demo_calendar
from samverkan.demo import DEMO_PASSWORD
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.models import Evaluation, EvaluationItem
from samverkan.organisations.models import CollaborationGroup, Role, User
from tests.logged_in import request_of


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_loads_the_demo_and_prints_a_login_per_role(demo):
    output = demo
    for username in ("arjeplog.samordnare", "arvidsjaur.samordnare", "polis.kontaktperson", "admin"):
        assert username in output
    assert DEMO_PASSWORD in output
    roles = set(User.objects.values_list("memberships__role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.get(username="arjeplog.samordnare").check_password(DEMO_PASSWORD)


def test_it_holds_the_signed_part_one_with_its_focus_areas(demo):
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC)
    assert part1.status == Agreement.Status.IN_FORCE
    assert part1.focus_areas.count() == 3
    assert part1.signatories.count() == 3
    assert part1.sections.count() == 8
    assert part1.commitments.filter(responsible="polis").exists()
    assert part1.commitments.filter(responsible="kommun").exists()
    assert set(part1.municipalities.values_list("code", flat=True)) == {"2505", "2506"}


def test_it_holds_a_part_two_draft_per_municipality(demo):
    drafts = Agreement.objects.filter(part=Agreement.Part.LOCAL, status=Agreement.Status.DRAFT)
    assert sorted(drafts.values_list("municipalities__code", flat=True)) == ["2505", "2506"]


def test_it_holds_the_collaboration_bodies(demo):
    names = set(CollaborationGroup.objects.values_list("name", flat=True))
    assert {"Folkhälsorådet", "HOP-rådet", "Hälsa- och trygghetsrådet"} <= names


def test_it_keeps_arjeplogs_draft_from_arvidsjaur(demo):
    arjeplog_draft = Agreement.objects.get(part=Agreement.Part.LOCAL, municipalities__code="2506")
    outsider = User.objects.get(username="arvidsjaur.samordnare")
    assert arjeplog_draft not in visible_agreements(outsider)
    owner = User.objects.get(username="arjeplog.samordnare")
    assert get_agreement_for_user(request_of(owner), arjeplog_draft.pk) == (arjeplog_draft, True)


def test_it_leaves_an_existing_database_alone(demo):
    users = User.objects.count()
    assert "left as it is" in run_demo()
    assert User.objects.count() == users


def test_it_holds_the_agreement_in_force_in_the_last_month_of_its_period(demo):
    today = clock.today()
    calendar = demo_calendar(today)
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC)
    # The story of the autumn of 2026, moved to today's year: the period ends with this year.
    assert part1.ends_on == datetime.date(calendar.year(2026), 12, 31) == datetime.date(today.year, 12, 31)
    assert part1.effective_status(today) == Agreement.Status.IN_FORCE
    assert part1.is_locked
    # Seen from its last month, it is still in force, and not after its end; nothing has started the next one.
    assert part1.effective_status(datetime.date(today.year, 12, 1)) == Agreement.Status.IN_FORCE
    assert part1.effective_status(datetime.date(today.year + 1, 1, 1)) != Agreement.Status.IN_FORCE
    assert not Agreement.objects.filter(starts_on__gt=part1.ends_on, part=Agreement.Part.STRATEGIC).exists()


def test_it_holds_the_evaluation_of_the_period_in_draft_with_written_assessments(demo):
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC)
    arjeplog = Evaluation.objects.get(agreement=part1, municipality__code="2506")
    assert arjeplog.status == Evaluation.Status.DRAFT
    assert arjeplog.version == 1
    assert not arjeplog.confirmations.exists()
    assert arjeplog.conclusions and len(arjeplog.recommendations.splitlines()) == 2
    written = arjeplog.items.filter(edited_by__username="arjeplog.samordnare")
    assert written.filter(kind=EvaluationItem.Kind.FOCUS_AREA, focus_area__short_name="BRÅ").exists()
    assert written.filter(kind=EvaluationItem.Kind.COMMITMENT).count() == 1
    # The rest are prefilled from the data, one item per focus area and commitment of part 1 at least.
    assert arjeplog.items.filter(kind=EvaluationItem.Kind.FOCUS_AREA).count() == part1.focus_areas.count()
    assert arjeplog.items.filter(kind=EvaluationItem.Kind.COMMITMENT, part=1).count() == part1.commitments.count()
    assert arjeplog.items.exclude(suggestion="").exists()
    assert str(demo_calendar().year(2026)) in arjeplog.conclusions
    joint = Evaluation.objects.get(agreement=part1, police_area__isnull=False)
    assert joint.status == Evaluation.Status.DRAFT
    assert not Evaluation.objects.filter(municipality__code="2505").exists()


def test_it_holds_the_meetings_of_the_report_year_in_that_year(demo):
    report_year = demo_calendar().year(2025)
    folkhalsoradet = Meeting.objects.filter(group__name="Folkhälsorådet")
    years = {timezone.localtime(m.starts_at).year for m in folkhalsoradet}
    assert report_year in years
    assert years <= {report_year, clock.today().year, clock.today().year - 1, clock.today().year + 1}
