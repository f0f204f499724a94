from __future__ import annotations

import io

from django.core.management import call_command

from samverkan.agreements.access import get_agreement_for_user, visible_agreements
from samverkan.agreements.models import Agreement
from samverkan.demo import DEMO_PASSWORD
from samverkan.organisations.models import CollaborationGroup, Role, User


def prepare() -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_loads_the_demo_and_prints_a_login_per_role(db):
    output = prepare()
    for username in ("arjeplog.samordnare", "arvidsjaur.samordnare", "polis.kontaktperson", "admin"):
        assert username in output
    assert DEMO_PASSWORD in output
    roles = set(User.objects.values_list("memberships__role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.get(username="arjeplog.samordnare").check_password(DEMO_PASSWORD)


def test_it_holds_the_signed_part_one_with_its_focus_areas(db):
    prepare()
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC)
    assert part1.status == Agreement.Status.IN_FORCE
    assert part1.focus_areas.count() == 3
    assert part1.signatories.count() == 3
    assert part1.sections.count() == 8
    assert part1.commitments.filter(responsible="polis").exists()
    assert part1.commitments.filter(responsible="kommun").exists()
    assert set(part1.municipalities.values_list("code", flat=True)) == {"2505", "2506"}


def test_it_holds_a_part_two_draft_per_municipality(db):
    prepare()
    drafts = Agreement.objects.filter(part=Agreement.Part.LOCAL, status=Agreement.Status.DRAFT)
    assert sorted(drafts.values_list("municipalities__code", flat=True)) == ["2505", "2506"]


def test_it_holds_the_collaboration_bodies(db):
    prepare()
    names = set(CollaborationGroup.objects.values_list("name", flat=True))
    assert {"Folkhälsorådet", "HOP-rådet", "Hälsa- och trygghetsrådet"} <= names


def test_it_keeps_arjeplogs_draft_from_arvidsjaur(db):
    prepare()
    arjeplog_draft = Agreement.objects.get(part=Agreement.Part.LOCAL, municipalities__code="2506")
    outsider = User.objects.get(username="arvidsjaur.samordnare")
    assert arjeplog_draft not in visible_agreements(outsider)
    owner = User.objects.get(username="arjeplog.samordnare")
    assert get_agreement_for_user(owner, arjeplog_draft.pk) == (arjeplog_draft, True)


def test_it_leaves_an_existing_database_alone(db):
    prepare()
    users = User.objects.count()
    assert "left as it is" in prepare()
    assert User.objects.count() == users
