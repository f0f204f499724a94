from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.models import ImportRun

DATA = Path(__file__).parent / "data"
NORRBOTTEN = DATA / "anmalda_brott_norrbotten.txt"  # tab-separated, ISO-8859-1
DATABASFIL = DATA / "anmalda_brott_databasfil.csv"  # semicolon-separated, UTF-8, indented
FINAL_2025 = DATA / "anmalda_brott_2025.txt"
MALFORMED = DATA / "anmalda_brott_fel.txt"
REGIONS = {"arjeplog kommun": "2506", "arvidsjaur kommun": "2505", "norrbottens län": "25", "hela landet": "00"}


def import_bra(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_bra", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_bra_failing(*args: str) -> tuple[str, list[str]]:
    """The command's error and the problem lines it wrote; it must fail."""
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_bra", *args, stdout=io.StringIO(), stderr=err)
    return str(error.value), err.getvalue().splitlines()


def figures(region_code: str) -> dict[tuple[str, int, str], tuple[int | None, Decimal | None, bool]]:
    rows = CrimeStatistic.objects.filter(region_code=region_code).values_list(
        "category__name", "year", "period", "count", "per_100k", "preliminary"
    )
    return {(name, year, period): (count, rate, preliminary) for name, year, period, count, rate, preliminary in rows}


def database_state() -> tuple[int, int, int, str]:
    """Row counts of the tables an import writes, and a checksum of all their rows."""
    categories = list(CrimeCategory.objects.order_by("id").values_list())
    statistics = list(CrimeStatistic.objects.order_by("id").values_list())
    runs = list(ImportRun.objects.order_by("id").values_list())
    checksum = hashlib.sha256(repr((categories, statistics, runs)).encode()).hexdigest()
    return len(categories), len(statistics), len(runs), checksum
