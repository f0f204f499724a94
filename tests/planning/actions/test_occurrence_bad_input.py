"""An occurrence logged in the web with a day or a count the product does not hold is a form error (issue 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.planning.actions.models import Occurrence


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    ("values", "field", "error"),
    [
        ({"held_on": "0001-01-01"}, "held_on", "0001-01-01 is outside the days the product holds, 2000-01-01 to "),
        ({"held_on": "1999-12-31"}, "held_on", "1999-12-31 is outside the days the product holds, 2000-01-01 to "),
        ({"reached": "99999999999999999999"}, "reached", "Ensure this value is less than or equal to 2147483647."),
    ],
)
def test_it_logs_nothing_and_names_the_field(client, world, arjeplog_plan, values, field, error):
    client.force_login(world.alice)
    data = {"held_on": "2025-04-02", "what": "Polisen på torget", "where": "Torget", "reached": "35"} | values
    response = client.post(reverse("occurrence_log", args=[arjeplog_plan.meet.pk]), data)
    assert response.status_code == 400
    [message] = response.context["form"].errors[field]
    assert message.startswith(error)
    assert not Occurrence.objects.exists()
