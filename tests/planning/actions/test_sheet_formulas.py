"""The action plan's follow-up sheet never holds a live formula (issue 10: `=HYPERLINK(...)` in a status comment)."""

from __future__ import annotations

import csv
import io

from django.core.management import call_command
from django.urls import reverse

from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity

FORMULA = '=HYPERLINK("http://x","y")'


def test_it_neutralises_an_activity_comment_in_the_follow_up_sheet(client, world, arjeplog_plan, tmp_path):
    services.activity_set_status(activity=arjeplog_plan.neighbours, status="pagar", comment=FORMULA, by=None)
    client.force_login(world.lena)
    response = client.get(reverse("action_plan_sheet", args=[arjeplog_plan.plan.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == str(arjeplog_plan.neighbours.pk))
    assert row[rows[0].index("comment")] == "'" + FORMULA

    path = tmp_path / "uppfoljning.csv"
    path.write_bytes(response.content)
    out = io.StringIO()
    call_command("import_activities", str(path), stdout=out, stderr=io.StringIO())
    assert out.getvalue().strip().endswith("0 updated, 3 skipped")
    assert Activity.objects.get(pk=arjeplog_plan.neighbours.pk).status_comment == FORMULA
