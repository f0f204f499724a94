"""The coordinator's survey pages and the public, anonymous answer page.

Answering needs no login and stores nothing about the respondent: no session, no IP address, no
user agent. Besides the CSRF cookie every form needs (and the language, if the respondent picks
one), the only cookie is a signed "answered" mark for the wave. A browser that drops it is still
told it has already answered when its address and user agent sent answers to the wave within
SURVEY_REPEAT_HOURS: a keyed hash of them is kept in the cache only (samverkan.core.clients), as is
the per-client rate limit shared by all public forms, and a hidden honeypot field turns bots away.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samverkan.core import clients
from samverkan.core.privacy import suppress_count
from samverkan.organisations.access import require_write, scope_for
from samverkan.organisations.geography import map_config
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import Municipality
from samverkan.sources.access import get_wave_for_user
from samverkan.sources.surveys import bank, selectors, services
from samverkan.sources.surveys.forms import AnswerForm, WaveForm
from samverkan.sources.surveys.indices import band
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.selectors import shown, wave_questions, waves_for_user

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ANSWERED_SALT = "samverkan.surveys.answered"
ANSWERED_MAX_AGE = 365 * 24 * 3600

SHARE_MEANING = {
    bank.SAFETY: gettext_lazy(
        "Share who feel fairly or very unsafe or do not go out because they feel unsafe, "
        "of all who answered other than “Don't know”."
    ),
    bank.VICTIMISATION: gettext_lazy("Share who answered “Yes”, of those who answered “Yes” or “No”."),
    bank.WORRY: gettext_lazy("Share who worry very or fairly often, of all who answered other than “Don't know”."),
    bank.POLICE_VIEW: gettext_lazy(
        "Share who agree completely or partly, of all who answered other than “Don't know”."
    ),
}


@login_required
def surveys_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    owned = scope_for(request.user).owned_municipalities
    waves = (
        waves_for_user(request.user)
        .select_related("municipality")
        .annotate(respondents=Coalesce(Sum("tallies__count", filter=Q(tallies__question__isnull=True)), 0))
    )
    context = {
        "waves": [(wave, suppress_count(wave.respondents, owner=wave.municipality_id in owned)) for wave in waves],
        "can_create": bool(scope_for(request.user).write_municipalities),
    }
    return render(request, "surveys/list.html", context)


@login_required
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    writable = Municipality.objects.filter(id__in=scope_for(request.user).write_municipalities)
    if not writable:
        raise Http404
    form = WaveForm(request.POST or None, municipalities=writable)
    if request.method == "POST" and form.is_valid():
        try:
            wave = services.wave_create(**form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The survey is open. Share the link or print the QR code."))
            return redirect("survey_link", wave.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "surveys/create.html", {"form": form}, status=status)


def _cell(value: float | None, n: int, *, owner: bool, index: bool = False) -> dict:
    visible = shown(value, n, owner=owner)
    return {"value": visible.value, "n": visible.n, "band": index and visible.value is not None and band(visible.value)}


class ResultRow(TypedDict):
    """A row of the results table: the respondents, an item's index or a share, one cell per column."""

    label: StrOrPromise
    kind: Literal["count", "index", "share"]
    cells: list[dict]
    meaning: NotRequired[StrOrPromise]


def _result_rows(wave: Wave, *, owner: bool) -> tuple[list[str], list[ResultRow]]:
    """The results table: a column for the municipality and one per delområde, a row per measure."""
    results = selectors.wave_results(wave=wave)
    areas = list(results.areas)
    columns = [results.whole, *results.areas.values()]
    respondents = [_cell(None, c.respondents, owner=owner) for c in columns]
    rows: list[ResultRow] = [{"label": _("Respondents"), "kind": "count", "cells": respondents}]
    for position, item in enumerate(columns[0].items):
        cells = [_cell(c.items[position].index, c.items[position].n, owner=owner, index=True) for c in columns]
        rows.append({"label": item.question.text, "kind": "index", "cells": cells})
    if columns[0].items:
        cells = [_cell(c.overall, c.respondents, owner=owner, index=True) for c in columns]
        rows.append({"label": _("Problem index, all items"), "kind": "index", "cells": cells})
    for position, result in enumerate(columns[0].shares):
        cells = []
        for column in columns:
            share = column.shares[position].share
            value, n = (share.value * 100, share.n) if share else (None, 0)
            cells.append(_cell(value, n, owner=owner))
        meaning = SHARE_MEANING[result.question.kind]
        rows.append({"label": result.question.text, "kind": "share", "meaning": meaning, "cells": cells})
    return [_("Whole municipality"), *areas], rows


@login_required
def survey_results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave, can_write = get_wave_for_user(request, pk)
    owner = wave.municipality_id in scope_for(request.user).owned_municipalities
    columns, rows = _result_rows(wave, owner=owner)
    context = {"wave": wave, "can_write": can_write, "owner": owner, "columns": columns, "rows": rows}
    if owner:
        # Free text and places may point at people in a small place: only the owner sees them.
        responses = wave.responses.all()
        context["free_texts"] = responses.exclude(free_text="").values_list("delomrade", "free_text")
        places = list(responses.filter(unsafe_lat__isnull=False).values_list("unsafe_lat", "unsafe_lng"))
        if places:
            context["places"] = places
            points = [[lat, lng, _("Unsafe place")] for lat, lng in places]
            context["map_config"] = map_config([wave.municipality], points=points)
    return render(request, "surveys/results.html", context)


@login_required
@require_POST
def survey_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave, can_write = get_wave_for_user(request, pk)
    require_write(can_write)
    if wave.is_open:
        services.wave_close(wave=wave)
        messages.success(request, _("The survey is closed: it takes no more answers."))
    return redirect(wave)


def _public_url(request: HttpRequest, wave: Wave) -> str:
    return request.build_absolute_uri(reverse("survey_answer", args=[wave.token]))


@login_required
def survey_link(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave, can_write = get_wave_for_user(request, pk)
    require_write(can_write)
    return render(request, "surveys/link.html", {"wave": wave, "url": _public_url(request, wave)})


@login_required
def survey_qr(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    wave, can_write = get_wave_for_user(request, pk)
    require_write(can_write)
    svg = io.BytesIO()
    segno.make(_public_url(request, wave), error="m").save(svg, kind="svg", scale=8, title=wave.name)
    return HttpResponse(svg.getvalue(), content_type="image/svg+xml")


def _answered_cookie(wave: Wave) -> str:
    return f"survey_{wave.pk}"


def _scope(wave: Wave) -> str:
    return f"survey:{wave.pk}"


def _answered(request: HttpRequest, wave: Wave) -> bool:
    """The answered cookie, or else this address and browser within SURVEY_REPEAT_HOURS."""
    if request.get_signed_cookie(_answered_cookie(wave), default=None, salt=ANSWERED_SALT):
        return True
    return clients.already_sent(request, scope=_scope(wave))


def _thanks(wave: Wave) -> HttpResponse:
    response = redirect("survey_thanks", wave.token)
    response.set_signed_cookie(
        _answered_cookie(wave),
        "1",
        salt=ANSWERED_SALT,
        max_age=ANSWERED_MAX_AGE,
        path=reverse("survey_answer", args=[wave.token]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    wave = get_object_or_404(Wave.objects.select_related("municipality"), token=token)
    context: dict = {"wave": wave}
    if not wave.is_open:
        return render(request, "surveys/closed.html", context, status=410)
    posted = request.method == "POST"
    form = AnswerForm(request.POST or None, wave=wave, questions=wave_questions(wave))
    context.update(form=form, map_config=map_config([wave.municipality]))
    if posted and (wait := clients.public_form_wait(request)):
        return clients.too_many(request, "surveys/answer.html", context, wait=wait)
    if posted and clients.honeypot_filled(request):
        return _thanks(wave)  # like a success, so a bot learns nothing; nothing is stored
    if _answered(request, wave):
        return render(request, "surveys/answered.html", context, status=409 if posted else 200)
    if posted and form.is_valid():
        if not clients.mark_sent(request, scope=_scope(wave), hours=settings.SURVEY_REPEAT_HOURS):
            return render(request, "surveys/answered.html", context, status=409)
        try:
            services.response_submit(wave=wave, **form.submission())
        except ValidationError as error:
            clients.unmark_sent(request, scope=_scope(wave))
            form.add_service_error(error)
        else:
            return _thanks(wave)
    return render(request, "surveys/answer.html", context, status=400 if posted else 200)


def survey_thanks(request: HttpRequest, token: str) -> HttpResponse:
    wave = get_object_or_404(Wave.objects.select_related("municipality"), token=token)
    return render(request, "surveys/thanks.html", {"wave": wave})
