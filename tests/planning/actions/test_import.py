"""Bulk follow-up from a file: checked whole first, all or nothing, and the same file twice changes nothing."""

from __future__ import annotations

import datetime
import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from samverkan.planning.actions import services
from samverkan.planning.actions.models import ActionPlan, Activity, Occurrence
from samverkan.sources.models import ImportRun
from tests.planning.actions.conftest import log_times

HEADER = "activity_id,status,comment,occurrence_date,occurrence_what,occurrence_where,occurrence_reached"


def good_file(plan) -> str:
    meet, drugs, neighbours = plan.meet.pk, plan.drugs.pk, plan.neighbours.pk
    return "\n".join(
        [
            HEADER,
            f"{meet},,,2025-04-02,Polisen på torget,Torget,35",
            f"{meet},,,2025-05-07,Polisen på marknaden,Marknadsplatsen,",
            f"{drugs},,,2025-10-14,Föräldramöte om droger,Skolan,42",
            f'{neighbours},pågår,"Tre områden med, ett kvar",,,,',
            "",
        ]
    )


def run(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_activities", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def checksum() -> tuple:
    tables = [ActionPlan, Activity, Occurrence, ImportRun]
    rows = [list(model._default_manager.order_by("pk").values_list()) for model in tables]
    return tuple(model._default_manager.count() for model in tables), hashlib.sha256(repr(rows).encode()).hexdigest()


def test_it_logs_occurrences_and_sets_statuses(world, arjeplog_plan, tmp_path):
    path = tmp_path / "uppfoljning.csv"
    path.write_text(good_file(arjeplog_plan), encoding="utf-8")
    out, _err = run(path)
    assert out.strip() == "imported: 3 created, 1 updated, 0 skipped"
    meet, drugs, neighbours = (
        Activity.objects.get(pk=a.pk) for a in (arjeplog_plan.meet, arjeplog_plan.drugs, arjeplog_plan.neighbours)
    )
    assert list(meet.occurrences.values_list("held_on", "what", "where", "reached")) == [
        (datetime.date(2025, 4, 2), "Polisen på torget", "Torget", 35),
        (datetime.date(2025, 5, 7), "Polisen på marknaden", "Marknadsplatsen", None),
    ]
    assert meet.status == Activity.Status.ONGOING
    assert drugs.status == Activity.Status.DONE  # its target is once
    assert (neighbours.status, neighbours.status_comment) == (Activity.Status.ONGOING, "Tre områden med, ett kvar")
    assert ImportRun.objects.get().source == "activities"


def test_it_changes_nothing_the_second_time(world, arjeplog_plan, tmp_path):
    path = tmp_path / "uppfoljning.csv"
    path.write_text(good_file(arjeplog_plan), encoding="utf-8")
    run(path)
    before = checksum()
    out, _err = run(path)
    assert out.strip() == "imported: 0 created, 0 updated, 4 skipped"
    assert checksum() == before


def test_it_changes_nothing_and_names_the_row_when_one_row_is_bad(world, arjeplog_plan, tmp_path):
    lines = good_file(arjeplog_plan).splitlines()
    lines.insert(3, f"{arjeplog_plan.meet.pk},klar,,,,,")  # line 4 of the file
    path = tmp_path / "uppfoljning.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = checksum()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith("uppfoljning.csv:4: status: ")
    assert checksum() == before


def test_it_lists_every_problem_as_file_line_field(world, arjeplog_plan, tmp_path):
    meet = arjeplog_plan.meet.pk
    path = tmp_path / "fel.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                "99999,pagar,,,,,",
                f"{meet},klar,,,,,",
                f"{meet},,,2025-13-01,Polisen på torget,,",
                f"{meet},,,2025-04-01,Polisen på torget,,-3",
                f"{meet},,Samtal med 850512-1234,,,,",
                f"{meet},,,2025-04-01,,Torget,",
                f"{meet},,,,,,",
            ]
        ),
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    prefixes = [line.split(": ", 2)[:2] for line in err.getvalue().splitlines()]
    assert prefixes == [
        ["fel.csv:2", "activity_id"],
        ["fel.csv:3", "status"],
        ["fel.csv:4", "occurrence_date"],
        ["fel.csv:5", "occurrence_reached"],
        ["fel.csv:6", "comment"],
        ["fel.csv:7", "occurrence_what"],
        ["fel.csv:8", "activity_id"],
    ]
    assert not Occurrence.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_it_refuses_two_different_statuses_for_one_activity(world, arjeplog_plan, tmp_path):
    meet = arjeplog_plan.meet.pk
    path = tmp_path / "dubbel.csv"
    path.write_text(f"{HEADER}\n{meet},pagar,,,,,\n{meet},pagar,,,,,\n{meet},utford,,,,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == f"dubbel.csv:4: status: activity {meet} gets another status on line 2"


def test_it_counts_imported_occurrences_toward_the_target(world, arjeplog_plan, tmp_path):
    log_times(arjeplog_plan.meet, 9, world.bob)
    path = tmp_path / "tionde.csv"
    path.write_text(f"{HEADER}\n{arjeplog_plan.meet.pk},,,2025-12-01,Julmarknad,Torget,150\n", encoding="utf-8")
    run(path)
    assert Activity.objects.get(pk=arjeplog_plan.meet.pk).status == Activity.Status.DONE


def test_it_reads_semicolons_in_iso_8859_1(world, arjeplog_plan, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        (f"{HEADER.replace(',', ';')}\n{arjeplog_plan.neighbours.pk};inställd;Ingen förening bildades;;;;\n").encode(
            "iso-8859-1"
        )
    )
    run(path)
    neighbours = Activity.objects.get(pk=arjeplog_plan.neighbours.pk)
    assert (neighbours.status, neighbours.status_comment) == ("installd", "Ingen förening bildades")


def test_it_reads_xlsx_with_date_cells(world, arjeplog_plan, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            arjeplog_plan.meet.pk,
            "pagar",
            "Bra uppslutning",
            datetime.datetime(2025, 6, 3),
            "Skolavslutning",
            "Skolan",
            80,
        ]
    )
    path = tmp_path / "uppfoljning.xlsx"
    workbook.save(path)
    out, _err = run(path)
    assert out.strip() == "imported: 1 created, 1 updated, 0 skipped"
    occurrence = Occurrence.objects.get()
    assert (occurrence.held_on, occurrence.what, occurrence.reached) == (
        datetime.date(2025, 6, 3),
        "Skolavslutning",
        80,
    )
    out, _err = run(path)
    assert out.strip() == "imported: 0 created, 0 updated, 2 skipped"


def test_it_follows_up_an_adopted_plan_but_not_a_replaced_one(world, arjeplog_plan, tmp_path):
    plan = services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    path = tmp_path / "uppfoljning.csv"
    path.write_text(f"{HEADER}\n{arjeplog_plan.meet.pk},,,2025-04-02,Polisen på torget,Torget,35\n", encoding="utf-8")
    run(path)
    services.action_plan_new_version(plan=plan, by=world.alice)
    path.write_text(f"{HEADER}\n{arjeplog_plan.meet.pk},,,2025-04-09,Polisen på torget,Torget,35\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_activities", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == f"uppfoljning.csv:2: activity_id: {services.PLAN_REPLACED}"
    assert Occurrence.objects.count() == 1


def test_it_previews_then_imports_in_the_web(client, world, arjeplog_plan):
    client.force_login(world.bob)
    url = reverse("import_upload", args=["activities"])
    upload = io.BytesIO(good_file(arjeplog_plan).encode())
    upload.name = "uppfoljning.csv"
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert (response.context["outcome"].created, response.context["outcome"].updated) == (3, 1)
    assert not Occurrence.objects.exists()
    response = client.post(reverse("import_confirm", args=["activities"]), {"token": response.context["token"]})
    assert response.status_code == 302
    assert Occurrence.objects.count() == 3


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_file_for_another_municipality_in_the_web(client, world, arjeplog_plan):
    client.force_login(world.charlie)
    upload = io.BytesIO(good_file(arjeplog_plan).encode())
    upload.name = "uppfoljning.csv"
    response = client.post(reverse("import_upload", args=["activities"]), {"file": upload})
    assert response.status_code == 400
    # Another municipality's activity is as unknown as one that does not exist: its number reveals nothing.
    numbers = [arjeplog_plan.meet.pk, arjeplog_plan.meet.pk, arjeplog_plan.drugs.pk, arjeplog_plan.neighbours.pk]
    assert [str(p) for p in response.context["problems"]] == [
        f"uppfoljning.csv:{line}: activity_id: '{number}' is not the number of an activity"
        for line, number in enumerate(numbers, start=2)
    ]
    assert not Occurrence.objects.exists()


def test_it_reads_back_the_follow_up_sheet_with_occurrences_filled_in(client, world, arjeplog_plan, tmp_path):
    services.activity_set_status(
        activity=arjeplog_plan.neighbours, status="pagar", comment="Två byar, ett; kvar", by=None
    )
    client.force_login(world.lena)
    response = client.get(reverse("action_plan_sheet", args=[arjeplog_plan.plan.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="uppfoljning-arjeplog-v1.csv"'
    sheet = response.content.decode("utf-8-sig").splitlines()
    assert sheet[0] == "activity_id,activity,addition," + HEADER.removeprefix("activity_id,")
    meet_row = next(line for line in sheet if line.startswith(f"{arjeplog_plan.meet.pk},"))
    sheet.append(meet_row.removesuffix(",,,,") + ",2025-04-02,Polisen på torget,Torget,35")
    path = tmp_path / "uppfoljning.csv"
    path.write_text("\n".join(sheet), encoding="utf-8-sig")
    out, _err = run(path)
    assert out.strip() == "imported: 1 created, 0 updated, 4 skipped"
    neighbours = Activity.objects.get(pk=arjeplog_plan.neighbours.pk)
    assert neighbours.status_comment == "Två byar, ett; kvar"
    assert Activity.objects.get(pk=arjeplog_plan.meet.pk).status == "pagar"  # started, though the sheet says not
    out, _err = run(path)
    assert out.strip() == "imported: 0 created, 0 updated, 5 skipped"
