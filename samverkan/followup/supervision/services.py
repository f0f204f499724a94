"""Writes of the supervision: objects, visits, and the ANDT-S indicators they feed."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.text import slugify

from samverkan.followup.supervision.models import SupervisedObject, Visit
from samverkan.organisations.models import Municipality, User
from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.models import ImportRun

RUN_SOURCE = "tillsyn"
# The supervision figures are the imported indicators of the same names (Swedish, like theirs) under the key an
# import of that name gets, so there is one value per municipality and year: a year with visits recorded here
# takes its value from the visits, an earlier year keeps the imported one.
VISITS_NAME = "Tillsynsbesök alkohol (antal)"
FINDINGS_SHARE_NAME = "Andel tillsynsbesök med brister (%)"
VISITS_KEY = slugify(VISITS_NAME)  # "tillsynsbesok-alkohol-antal"
FINDINGS_SHARE_KEY = slugify(FINDINGS_SHARE_NAME)  # "andel-tillsynsbesok-med-brister"
INDICATOR_NAMES = {VISITS_KEY: VISITS_NAME, FINDINGS_SHARE_KEY: FINDINGS_SHARE_NAME}
SOURCE_NOTE = "Tillsynsbesök (yttre och inre tillsyn) registrerade i Samverkan"


def supervised_object_create(
    *, municipality: Municipality, name: str, permit: str, address: str = ""
) -> SupervisedObject:
    obj = SupervisedObject(municipality=municipality, name=name, permit=permit, address=address)
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def visit_create(
    *,
    object: SupervisedObject,
    visited_on: datetime.date,
    announced: bool,
    kind: str,
    joint_with_police: bool,
    checklist: dict[str, str],
    findings: str,
    follow_up: str,
    by: User,
) -> Visit:
    """Record a visit and bring the municipality's supervision indicators of that year up to date."""
    visit = Visit(
        object=object,
        visited_on=visited_on,
        announced=announced,
        kind=kind,
        joint_with_police=joint_with_police,
        checklist=checklist,
        findings=findings,
        follow_up=follow_up,
        recorded_by=by,
    )
    visit.full_clean()
    visit.save()
    supervision_indicators_update(municipality=object.municipality, year=visited_on.year, by=by)
    return visit


@transaction.atomic
def supervision_indicators_update(*, municipality: Municipality, year: int, by: User | None = None) -> ImportRun:
    """The year's alcohol supervision visits (test purchases excluded: they record dialogue only) as the
    indicators VISITS_KEY (visits done) and FINDINGS_SHARE_KEY (share with findings, in per cent, n = visits),
    written through an ImportRun with source "tillsyn", over any value imported for that year."""
    visits = list(
        Visit.objects.filter(
            object__municipality=municipality,
            object__permit=SupervisedObject.Permit.ALCOHOL,
            visited_on__year=year,
        ).exclude(kind=Visit.Kind.TEST_PURCHASE)
    )
    with_findings = sum(1 for visit in visits if visit.has_findings)
    values = {
        VISITS_KEY: float(len(visits)),
        FINDINGS_SHARE_KEY: round(100 * with_findings / len(visits), 1) if visits else None,
    }
    run = ImportRun.objects.create(source=RUN_SOURCE, name=f"{RUN_SOURCE} {municipality.code} {year}", by=by)
    for key, value in values.items():
        indicator, _created = Indicator.objects.get_or_create(key=key, defaults={"name": INDICATOR_NAMES[key]})
        _row, created = IndicatorValue.objects.update_or_create(
            indicator=indicator,
            region_code=municipality.code,
            year=year,
            defaults={
                "municipality": municipality,
                "value": value,
                "n": len(visits),
                "source_note": SOURCE_NOTE,
                "run": run,
            },
        )
        if created:
            run.created += 1
        else:
            run.updated += 1
    run.save(update_fields=["created", "updated"])
    return run
