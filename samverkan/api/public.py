"""Public endpoints, no token: the published medborgarlöften and the lägesbild as the public sees it.

They read what the municipality's public page reads (planning.promises.selectors: `public_municipalities`,
`municipality_promises`, `public_situation`, which passes the one audience boundary, situation.audience, with
the PUBLIC audience): nothing is counted here, and nothing derived from fewer than 3 incidents or 10 survey
answers leaves, as on the page.
"""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from samverkan.api.errors import PUBLIC_ERRORS
from samverkan.api.params import code_path
from samverkan.core import clock
from samverkan.organisations.models import Municipality
from samverkan.planning.promises.selectors import (
    ShownSet,
    municipality_promises,
    public_municipalities,
    public_situation,
)

router = Router(tags=["public"], auth=None)

SUPPRESSED_NOTE = 'A count below 3 is the string "<3", and survey figures of fewer than 10 answers are absent.'


class MunicipalityOut(Schema):
    code: str
    name: str


class PromiseActivityOut(Schema):
    who: str
    what: str
    unit: str
    planned: int | None
    done: int | None  # None: not linked to an activity of the action plan
    activity_status: str  # the linked activity's status in words, e.g. "Pågår"


class PromiseOut(Schema):
    id: int
    text: str
    text_en: str
    activities: list[PromiseActivityOut]


class PromiseSetOut(Schema):
    id: int
    title: str
    version: int
    standing: str  # gallande, kommande, avslutat, uppfoljt …
    starts_on: datetime.date
    ends_on: datetime.date
    published_at: datetime.datetime | None
    last_updated: datetime.date
    promises: list[PromiseOut]


class PromisesOut(Schema):
    municipality: MunicipalityOut
    sets: list[PromiseSetOut]


class PeriodOut(Schema):
    start: datetime.date
    end: datetime.date


class IncidentCategoryOut(Schema):
    category: str
    focus_area: str
    count: int | str
    previous: int | str
    per_1000_residents: float | None
    per_1000_present: float | None


class SurveyOut(Schema):
    wave: str
    opened_on: datetime.date
    respondents: int | str
    problem_index: float | None
    unsafe_evening_share: float | None
    victimisation_share: float | None


class ProblemOut(Schema):
    name: str
    focus_area: str
    score: float
    low: float
    high: float
    sources: list[str]


class SituationOut(Schema):
    municipality: MunicipalityOut
    period: PeriodOut
    incidents: list[IncidentCategoryOut]
    incidents_total: int | None
    survey: SurveyOut | None
    problems: list[ProblemOut]


def _municipality(code: str) -> Municipality:
    return get_object_or_404(public_municipalities(), code=code)


def _municipality_out(municipality: Municipality) -> MunicipalityOut:
    return MunicipalityOut(code=municipality.code, name=municipality.name)


def _set_out(shown: ShownSet, standing: str) -> PromiseSetOut:
    promise_set = shown.promise_set
    return PromiseSetOut(
        id=promise_set.pk,
        title=promise_set.title,
        version=promise_set.version,
        standing=standing,
        starts_on=promise_set.starts_on,
        ends_on=promise_set.ends_on,
        published_at=promise_set.published_at,
        last_updated=shown.last_updated,
        promises=[
            PromiseOut(
                id=shown_promise.promise.pk,
                text=shown_promise.promise.text,
                text_en=shown_promise.promise.text_en,
                activities=[
                    PromiseActivityOut(
                        who=item.activity.who,
                        what=item.activity.what,
                        unit=item.activity.unit,
                        planned=item.progress.planned,
                        done=item.progress.done,
                        activity_status=item.progress.status,
                    )
                    for item in shown_promise.activities
                ],
            )
            for shown_promise in shown.promises
        ],
    )


@router.get("/municipalities", response={200: list[MunicipalityOut], **PUBLIC_ERRORS}, summary="Municipalities")
def municipalities(request):
    """The municipalities with published medborgarlöften."""
    return [_municipality_out(m) for m in public_municipalities().order_by("name")]


@router.get(
    "/municipalities/{code}/promises",
    response={200: PromisesOut, **PUBLIC_ERRORS},
    summary="Published medborgarlöften",
)
def promises(request, code: str = code_path()):
    """The municipality's published medborgarlöften, newest first: in force, upcoming and earlier, with the live
    progress of each activity (as the public page shows them)."""
    municipality = _municipality(code)
    shown = municipality_promises(municipality, today=clock.today())
    sets = [
        _set_out(item, item.promise_set.effective_status(clock.today()).value)
        for group in (shown.in_force, shown.upcoming, shown.earlier)
        for item in group
    ]
    return PromisesOut(municipality=_municipality_out(municipality), sets=sets)


@router.get(
    "/municipalities/{code}/situation",
    response={200: SituationOut, **PUBLIC_ERRORS},
    summary="The public lägesbild",
    description="The last full year's lägesbild as the public sees it (the municipality's public page). "
    + SUPPRESSED_NOTE,
)
def situation(request, code: str = code_path()):
    municipality = _municipality(code)
    shown = public_situation(municipality=municipality, today=clock.today())
    survey = shown.survey
    return SituationOut(
        municipality=_municipality_out(municipality),
        period=PeriodOut(start=shown.period.start, end=shown.period.end),
        incidents=[
            IncidentCategoryOut(
                category=row.category,
                focus_area=row.focus_area,
                count=row.count,
                previous=row.previous,
                per_1000_residents=row.per_1000_residents,
                per_1000_present=row.per_1000_present,
            )
            for row in shown.incidents
        ],
        incidents_total=shown.incidents_total,
        survey=None
        if survey is None
        else SurveyOut(
            wave=survey.wave,
            opened_on=survey.opened_on,
            respondents=survey.respondents,
            problem_index=survey.problem_index,
            unsafe_evening_share=survey.unsafe_evening_share,
            victimisation_share=survey.victimisation_share,
        ),
        problems=[
            ProblemOut(
                name=p.name, focus_area=p.focus_area, score=p.score, low=p.low, high=p.high, sources=list(p.sources)
            )
            for p in shown.problems
        ],
    )
