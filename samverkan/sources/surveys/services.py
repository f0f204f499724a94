"""Opening and closing survey waves, and storing an anonymous response (and counting it in the tallies)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.privacy import (
    CONTACT_DETAILS_REFUSED,
    PERSONNUMMER_REFUSED,
    contains_contact_details,
    contains_personnummer,
)
from samverkan.organisations.geography import municipality_at
from samverkan.organisations.models import Municipality
from samverkan.sources.surveys import bank
from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion
from samverkan.sources.surveys.tallies import tallies_add

NO_QUESTIONS = _("Choose at least one question.")
NOTHING_ANSWERED = _("Answer at least one question.")
WAVE_CLOSED = _("The survey is closed.")
UNKNOWN_ANSWER = _("Choose one of the answers.")
UNKNOWN_DELOMRADE = _("Choose one of the listed parts of the municipality.")
PLACE_INCOMPLETE = _("Give both latitude and longitude, or neither.")
PLACE_OUTSIDE = _("The place is outside {municipality}.")


@transaction.atomic
def wave_create(*, municipality: Municipality, name: str, questions: Iterable[Question], delomraden: str = "") -> Wave:
    """Open a web survey wave today with the chosen questions, in the bank's order."""
    questions = sorted(questions, key=lambda question: question.order)
    if not questions:
        raise ValidationError({"questions": NO_QUESTIONS})
    wave = Wave(
        name=name,
        municipality=municipality,
        opened_on=clock.today(),
        source=Wave.Source.WEB,
        delomraden=delomraden,
    )
    wave.full_clean()
    wave.save()
    WaveQuestion.objects.bulk_create(
        WaveQuestion(wave=wave, question=question, order=order) for order, question in enumerate(questions, start=1)
    )
    return wave


def wave_close(*, wave: Wave) -> None:
    wave.closed_on = clock.today()
    wave.save(update_fields=["closed_on"])


@transaction.atomic
def response_submit(
    *,
    wave: Wave,
    answers: dict[Question, str],
    delomrade: str = "",
    free_text: str = "",
    unsafe_lat: float | None = None,
    unsafe_lng: float | None = None,
) -> Response:
    """Store one anonymous response: the date, never the time, and nothing about the respondent."""
    answers = {question: value for question, value in answers.items() if value}
    errors: dict[str, list] = {}
    if not wave.is_open:
        errors["__all__"] = [WAVE_CLOSED]
    elif not answers:
        errors["__all__"] = [NOTHING_ANSWERED]
    asked = set(wave.questions.all())
    for question, value in answers.items():
        if question not in asked or value not in {option.key for option in bank.ANSWERS[question.kind]}:
            errors[question.key] = [UNKNOWN_ANSWER]
    if delomrade and delomrade not in wave.delomrade_names():
        errors["delomrade"] = [UNKNOWN_DELOMRADE]
    if contains_personnummer(free_text):
        errors["free_text"] = [PERSONNUMMER_REFUSED]
    elif contains_contact_details(free_text):
        errors["free_text"] = [CONTACT_DETAILS_REFUSED]
    if (unsafe_lat is None) != (unsafe_lng is None):
        errors["unsafe_lat"] = [PLACE_INCOMPLETE]
    elif (
        unsafe_lat is not None
        and unsafe_lng is not None
        and municipality_at(unsafe_lat, unsafe_lng, [wave.municipality]) is None
    ):
        errors["unsafe_lat"] = [PLACE_OUTSIDE.format(municipality=wave.municipality)]
    if errors:
        raise ValidationError(errors)
    response = Response(
        wave=wave,
        delomrade=delomrade,
        submitted_on=clock.today(),
        free_text=free_text,
        unsafe_lat=unsafe_lat,
        unsafe_lng=unsafe_lng,
    )
    response.full_clean()
    response.save()
    Answer.objects.bulk_create(
        Answer(response=response, question=question, value=value) for question, value in answers.items()
    )
    tallies_add(response=response, answers=answers)
    return response
