"""Recording a visit: the DOMAIN §3 checklist, and test purchases that record dialogue only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.followup.supervision.models import BAD_CHECKLIST, TEST_PURCHASE_FINDINGS, Visit
from tests.followup.supervision.conftest import visit


def test_it_records_a_visit_with_its_checklist(hotel, world):
    recorded = visit(
        hotel,
        world.bob,
        checklist={"manager_present": "nej", "food_served": "ja"},
        findings="Ingen serveringsansvarig.",
    )

    assert (recorded.recorded_by, recorded.has_findings, recorded.joint_with_police) == (world.bob, True, True)
    rows = dict(recorded.checklist_rows())
    assert len(rows) == 7 and list(rows.values()).count("") == 5


def test_it_refuses_an_unknown_checklist_item_or_answer(hotel, world):
    for checklist in [{"sanction": "ja"}, {"food_served": "kanske"}]:
        with pytest.raises(ValidationError) as error:
            visit(hotel, world.alice, checklist=checklist)
        assert error.value.message_dict == {"checklist": [str(BAD_CHECKLIST)]}
    assert not Visit.objects.exists()


def test_it_keeps_a_test_purchase_to_dialogue(hotel, world):
    with pytest.raises(ValidationError) as error:
        visit(hotel, world.alice, kind=Visit.Kind.TEST_PURCHASE, findings="Såld till 16-åring: sanktion")
    assert error.value.message_dict == {"findings": [str(TEST_PURCHASE_FINDINGS)]}

    dialogue = visit(hotel, world.alice, kind=Visit.Kind.TEST_PURCHASE, follow_up="Dialog om ålderskontroll.")
    assert (dialogue.kind, dialogue.findings, dialogue.follow_up) == ("kontrollkop", "", "Dialog om ålderskontroll.")


def test_it_refuses_a_personnummer_in_the_free_text(hotel, world):
    with pytest.raises(ValidationError) as error:
        visit(hotel, world.alice, follow_up="Samtal med 850512-1234")

    assert error.value.message_dict == {"follow_up": [str(PERSONNUMMER_REFUSED)]}
