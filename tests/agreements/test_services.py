from __future__ import annotations

import datetime

import pytest

from samverkan.agreements import services
from samverkan.agreements.models import Agreement, AgreementChange


def test_it_copies_the_agreement_into_a_draft_for_the_next_period(world):
    part1 = world.part1
    draft = services.agreement_start_revision(agreement=part1, by=world.alice)
    part1.refresh_from_db()
    assert draft.status == Agreement.Status.DRAFT
    assert draft.revision_of == part1
    assert draft.starts_on == part1.ends_on + datetime.timedelta(days=1)
    assert (draft.ends_on - draft.starts_on).days in range(3 * 365, 4 * 365 + 2)
    assert f"{draft.starts_on.year}–{draft.ends_on.year}" in draft.title
    assert set(draft.parties.all()) == set(part1.parties.all())
    assert set(draft.focus_areas.all()) == set(part1.focus_areas.all())
    assert [s.body for s in draft.sections.all()] == [s.body for s in part1.sections.all()]
    assert [c.text for c in draft.commitments.all()] == [c.text for c in part1.commitments.all()]
    assert draft.communication_plan.count() == part1.communication_plan.count()
    assert not draft.signatories.exists()
    assert part1.status == Agreement.Status.UNDER_REVISION


def test_it_links_the_histories_of_both_agreements(world):
    draft = services.agreement_start_revision(agreement=world.part1, by=world.alice)
    started = world.part1.changes.first()
    drafted = draft.changes.first()
    assert started is not None and drafted is not None
    assert (started.action, started.related, started.by) == (
        AgreementChange.Action.REVISION_STARTED,
        draft,
        world.alice,
    )
    assert (drafted.action, drafted.related) == (AgreementChange.Action.DRAFTED_AS_REVISION, world.part1)


def test_it_starts_only_one_revision(world):
    services.agreement_start_revision(agreement=world.part1, by=world.alice)
    with pytest.raises(ValueError, match=services.REVISION_ALREADY_STARTED):
        services.agreement_start_revision(agreement=world.part1, by=world.alice)


def test_it_asks_for_revision_from_six_months_before_the_end(world):
    part1 = world.part1
    assert not part1.needs_revision(part1.ends_on - datetime.timedelta(days=200))
    assert part1.needs_revision(part1.ends_on - datetime.timedelta(days=180))
    services.agreement_start_revision(agreement=part1, by=world.alice)
    part1.refresh_from_db()
    assert not part1.needs_revision(part1.ends_on)


def test_it_counts_the_days_left(world):
    part1 = world.part1
    assert part1.days_left(part1.ends_on - datetime.timedelta(days=10)) == 10
    assert part1.days_left(part1.ends_on + datetime.timedelta(days=10)) == 0


def test_it_records_nothing_when_nothing_changed(world):
    part2 = world.arjeplog_part2
    before = part2.changes.count()
    changed = services.agreement_update(agreement=part2, by=world.alice, fields={"title": part2.title}, sections={})
    assert changed == []
    assert part2.changes.count() == before


def test_it_records_old_and_new_values_of_a_change(world):
    part2 = world.arjeplog_part2
    part2.sections.create(kind="syfte", body="Att minska brottsligheten.", order=1)
    services.agreement_update(
        agreement=part2,
        by=world.alice,
        fields={"status": Agreement.Status.SIGNING},
        sections={"syfte": "Nytt syfte"},
    )
    change = part2.changes.first()
    assert change.details["status"] in (["Draft", "Being signed"], ["Utkast", "Under signering"])
    assert change.details["section:syfte"] == ["Att minska brottsligheten.", "Nytt syfte"]
