"""Reading the medborgarlöften: what is public, the live progress, earlier versions and the feed.

Public means published: a draft or a signed set never shows outside, but for the draft put to consultation,
from the day the consultation opens. Of a revised set the newest
published version is shown; the older versions stay listed with their dates and what changed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.access import visible_municipalities
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import Activity, Occurrence
from samverkan.planning.actions.selectors import activity_progress, activity_status_on
from samverkan.planning.promises.models import (
    Comment,
    Consultation,
    Promise,
    PromiseActivity,
    PromiseSet,
    Suggestion,
)
from samverkan.planning.promises.textdiff import TextChange, texts_diff
from samverkan.situation.audience import PUBLIC, ShownCategory, ShownProblem, ShownWave
from samverkan.situation.selectors import Period, situation_for_municipality
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.surveys.models import Wave

FEED_LENGTH = 50
PROGRESS_TEXT = _("%(done)s of %(planned)s")  # e.g. "6 av 10", then the unit: "medborgarmöten"


def sets_for_user(user: User) -> QuerySet[PromiseSet]:
    return PromiseSet.objects.filter(municipality__in=visible_municipalities(user))


def public_sets() -> QuerySet[PromiseSet]:
    return PromiseSet.objects.filter(published_at__isnull=False)


def head_sets() -> QuerySet[PromiseSet]:
    """Published sets not replaced by a published revision."""
    return public_sets().exclude(revision__published_at__isnull=False)


def current_sets() -> QuerySet[PromiseSet]:
    """The promises in force: the newest published version, not yet followed up."""
    return head_sets().exclude(status=PromiseSet.Status.FOLLOWED_UP)


def public_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=public_sets().values("municipality_id"))


def earlier_versions(promise_set: PromiseSet) -> list[PromiseSet]:
    """The versions the set revised, newest first."""
    versions = []
    earlier = promise_set.revision_of
    while earlier is not None:
        versions.append(earlier)
        earlier = earlier.revision_of
    return versions


@dataclass(frozen=True)
class Progress:
    done: int | None  # None: not linked to the action plan, so nothing is logged for it
    planned: int | None
    status: str = ""  # the action-plan activity's status, e.g. "Pågår", for targets that are not counts

    @property
    def complete(self) -> bool:
        return self.done is not None and self.planned is not None and self.done >= self.planned

    @property
    def text(self) -> str:
        return PROGRESS_TEXT % {"done": self.done, "planned": self.planned}


def promise_activity_progress(promise_activity: PromiseActivity, *, until: datetime.date | None = None) -> Progress:
    """Linked to an action-plan activity, the promise shows that activity's progress (it counts once), as it
    stood at the end of `until` when given; otherwise only what it planned."""
    activity = promise_activity.activity
    if activity is None:
        return Progress(done=None, planned=promise_activity.planned)
    done, planned = activity_progress(activity, until=until)
    status = activity.status if until is None else activity_status_on(activity, until)[0]
    return Progress(done=done, planned=planned, status=str(Activity.Status(status).label))


@dataclass(frozen=True)
class ShownActivity:
    activity: PromiseActivity
    progress: Progress


@dataclass(frozen=True)
class ShownPromise:
    promise: Promise
    activities: list[ShownActivity]


@dataclass(frozen=True)
class ShownVersion:
    promise_set: PromiseSet
    replaced_at: datetime.datetime | None
    changes: list[TextChange]  # from this version to the one that replaced it


@dataclass(frozen=True)
class ShownSet:
    promise_set: PromiseSet
    promises: list[ShownPromise]
    last_updated: datetime.date
    earlier: list[ShownVersion]
    consultation: Consultation | None = None  # the summarised consultation on the draft of these promises


def _promise_texts(promise_set: PromiseSet) -> list[str]:
    return [promise.shown_text for promise in promise_set.promises.all()]


def last_updated(promise_set: PromiseSet) -> datetime.date:
    """When the promises last changed for citizens: published, followed up, or an activity carried out."""
    dates = [timezone.localdate(promise_set.published_at)]
    if promise_set.followed_up_at:
        dates.append(timezone.localdate(promise_set.followed_up_at))
    held = Occurrence.objects.filter(activity__promise_activities__promise__promise_set=promise_set).aggregate(
        latest=Max("held_on")
    )["latest"]
    if held:
        dates.append(held)
    return max(dates)


def shown_promises(promise_set: PromiseSet) -> list[ShownPromise]:
    """The promises with the progress of each activity."""
    return [
        ShownPromise(
            promise=promise,
            activities=[ShownActivity(a, promise_activity_progress(a)) for a in promise.activities.all()],
        )
        for promise in promise_set.promises.prefetch_related("activities__activity__plan")
    ]


def shown_set(promise_set: PromiseSet) -> ShownSet:
    """A published set as citizens see it: progress per activity and the earlier versions."""
    promises = shown_promises(promise_set)
    earlier = []
    newer = promise_set
    for version in earlier_versions(promise_set):
        changes = texts_diff(_promise_texts(version), _promise_texts(newer))
        earlier.append(ShownVersion(promise_set=version, replaced_at=newer.published_at, changes=changes))
        newer = version
    return ShownSet(
        promise_set=promise_set,
        promises=promises,
        last_updated=last_updated(promise_set),
        earlier=earlier,
        consultation=summarised_consultation(promise_set),
    )


@dataclass(frozen=True)
class MunicipalityPromises:
    """A municipality's published promises on a day, newest first: in force, signed for a later start, and
    those whose period has ended (followed up or not)."""

    in_force: list[ShownSet]
    upcoming: list[ShownSet]
    earlier: list[ShownSet]


def municipality_promises(municipality: Municipality, *, today: datetime.date) -> MunicipalityPromises:
    heads = head_sets().filter(municipality=municipality).prefetch_related("signatories").order_by("-starts_on")
    groups: dict[str, list[ShownSet]] = {"in_force": [], "upcoming": [], "earlier": []}
    for promise_set in heads.select_related("municipality"):
        standing = promise_set.effective_status(today)
        if standing == PromiseSet.Standing.IN_FORCE:
            groups["in_force"].append(shown_set(promise_set))
        elif standing == PromiseSet.Standing.UPCOMING:
            groups["upcoming"].append(shown_set(promise_set))
        else:
            groups["earlier"].append(shown_set(promise_set))
    return MunicipalityPromises(**groups)


FeedKind = Literal["published", "revised", "followed_up", "carried_out", "answered"]


@dataclass(frozen=True)
class FeedEvent:
    kind: FeedKind
    at: datetime.datetime
    promise_set: PromiseSet
    activity: PromiseActivity | None = None
    key: int = 0  # what makes the event unique within its kind: the set's, the occurrence's or the suggestion's id
    suggestion: Suggestion | None = None  # an answered suggestion: the newest answer's time


def feed_events(*, municipality: Municipality) -> list[FeedEvent]:
    """What citizens can follow: publications, revisions, follow-ups, activities carried out and the public answers
    to suggestions, newest first. Occurrences give only their date: nothing of who took part, was reached or logged
    it; an answer nothing of who answered."""
    events: list[FeedEvent] = []
    seen: set[int] = set()
    sets = public_sets().filter(municipality=municipality).select_related("municipality").order_by("-published_at")
    for promise_set in sets:
        kind: FeedKind = "revised" if promise_set.revision_of_id else "published"
        assert promise_set.published_at is not None  # public_sets() are published
        events.append(FeedEvent(kind, promise_set.published_at, promise_set, key=promise_set.pk))
        if promise_set.followed_up_at:
            events.append(FeedEvent("followed_up", promise_set.followed_up_at, promise_set, key=promise_set.pk))
        activities = PromiseActivity.objects.filter(promise__promise_set=promise_set, activity__isnull=False)
        for promise_activity in activities.select_related("promise"):
            assert promise_activity.activity_id is not None  # activity__isnull=False
            occurrences = Occurrence.objects.filter(activity_id=promise_activity.activity_id)
            for occurrence_id, held_on in occurrences.values_list("pk", "held_on"):
                if occurrence_id in seen:  # the same activity in an older version of the promises
                    continue
                seen.add(occurrence_id)
                at = timezone.make_aware(datetime.datetime.combine(held_on, datetime.time()))
                events.append(FeedEvent("carried_out", at, promise_set, promise_activity, key=occurrence_id))
    for suggestion in answered_suggestions(municipality=municipality).select_related("promise__promise_set"):
        assert suggestion.answered_at is not None  # answered_suggestions() are answered
        events.append(
            FeedEvent(
                "answered",
                suggestion.answered_at,
                suggestion.promise.promise_set,
                key=suggestion.pk,
                suggestion=suggestion,
            )
        )
    events.sort(key=lambda event: event.at, reverse=True)
    return events[:FEED_LENGTH]


def accepted_suggestions(*, municipality: Municipality, since: datetime.date | None = None) -> QuerySet[Suggestion]:
    """Citizens' suggestions the coordinator accepted, received on or after `since`: input for the next
    medborgardialog and lägesbild."""
    suggestions = Suggestion.objects.filter(
        status=Suggestion.Status.ACCEPTED, promise__promise_set__municipality=municipality
    ).select_related("promise")
    if since is not None:
        suggestions = suggestions.filter(received_on__gte=since)
    return suggestions


def answered_suggestions(*, municipality: Municipality) -> QuerySet[Suggestion]:
    """The suggestions the municipality's public page shows: accepted (reviewed: they name no person) and
    answered, on published promises, the latest answer first."""
    return (
        Suggestion.objects.filter(
            status=Suggestion.Status.ACCEPTED,
            answered_at__isnull=False,
            promise__promise_set__in=public_sets().filter(municipality=municipality),
        )
        .select_related("promise")
        .order_by("-answered_at", "-id")
    )


PUBLIC_PROBLEMS = 3  # the main problems the public summary names


@dataclass(frozen=True)
class PublicSituation:
    """The lägesbild as the municipality's public page sums it up: the last full year, as the public sees it
    (situation.audience: a count below 3 is "<3", survey figures need 10 answers)."""

    period: Period
    incidents: tuple[ShownCategory, ...]
    incidents_total: int | None  # None when a suppressed category is part of it
    survey: ShownWave | None  # the latest wave of the period
    problems: tuple[ShownProblem, ...]

    @property
    def empty(self) -> bool:
        return not self.incidents and self.survey is None and not self.problems


def public_situation(*, municipality: Municipality, today: datetime.date) -> PublicSituation:
    period = Period.last_full_year(today)
    shown = situation_for_municipality(municipality=municipality, period=period, audience=PUBLIC)
    return PublicSituation(
        period=period,
        incidents=shown.incidents,
        incidents_total=shown.incidents_total(),
        survey=shown.survey[-1] if shown.survey else None,
        problems=shown.problems[:PUBLIC_PROBLEMS],
    )


def last_citizen_dialogue_on(municipality: Municipality) -> datetime.date | None:
    dialogues = Dialogue.objects.filter(municipality=municipality, kind=Dialogue.Kind.CITIZENS)
    return dialogues.aggregate(latest=Max("held_on"))["latest"]


# Samråd.


def public_consultations(*, today: datetime.date) -> QuerySet[Consultation]:
    """The consultations citizens can read: opened on or before `today`."""
    return Consultation.objects.filter(opens_on__lte=today).select_related("promise_set__municipality")


def open_consultations(*, today: datetime.date) -> QuerySet[Consultation]:
    return public_consultations(today=today).filter(closes_on__gte=today, promise_set__status=PromiseSet.Status.DRAFT)


def citizens_entrance(*, today: datetime.date) -> dict[str, object]:
    """The citizens' entrance: each municipality's promises, the open consultations and the open surveys."""
    return {
        "municipalities": public_municipalities(),
        "consultations": open_consultations(today=today).order_by("closes_on"),
        "surveys": open_surveys(),
    }


def open_surveys() -> QuerySet[Wave]:
    """The web surveys citizens can answer now."""
    return Wave.objects.filter(source=Wave.Source.WEB, closed_on__isnull=True).select_related("municipality")


def published_comments(consultation: Consultation) -> QuerySet[Comment]:
    return consultation.comments.filter(status=Comment.Status.PUBLISHED).select_related("promise")


def summarised_consultation(promise_set: PromiseSet) -> Consultation | None:
    """The consultation on the draft of these promises, or of the version they revised, once summarised."""
    versions = [promise_set, *earlier_versions(promise_set)]
    return (
        Consultation.objects.filter(promise_set__in=versions, summarised_at__isnull=False)
        .order_by("-promise_set__version")
        .first()
    )
