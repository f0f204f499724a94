"""Every change to the medborgarlöften: utkast → signerat → publicerat → reviderat / uppföljt.

Only a draft can be changed. A published set is revised by copying it into a new draft version; the
old version keeps its text and publication date and stays public as an earlier version.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import Activity
from samverkan.planning.promises.models import (
    Comment,
    Consultation,
    Promise,
    PromiseActivity,
    PromiseSet,
    PromiseSignatory,
    Suggestion,
)
from samverkan.planning.promises.selectors import current_sets

MIN_SIGNATORIES = 2
SUGGESTION_MAX_LENGTH = 2000

NOT_A_DRAFT = _("Only a draft can be changed.")
NO_PROMISES = _("Add at least one promise before signing.")
TOO_FEW_SIGNATORIES = _(
    "At least two signatories with names and dates are needed, e.g. the LPO chief and the kommunalråd."
)
NOT_SIGNED = _("Only signed promises can be published.")
NOT_PUBLISHED = _("Only published promises can be revised or followed up.")
ACTIVITY_OUTSIDE = _("Choose an activity of this municipality's action plans.")
NO_MEASURE = _("Give how many times, or link an activity of the action plan.")
FOLLOWUP_MISSING = _("Write what was done for every activity.")
NOT_OPEN_FOR_SUGGESTIONS = _("This promise does not take suggestions.")
SUGGESTION_TOO_LONG = _("Write at most 2000 characters.")
SUGGESTION_DUPLICATE = _("This suggestion has already been sent for this promise.")
SIGNED_IN_FUTURE = _("A signature cannot be dated after today.")
CONSULTATION_NOT_A_DRAFT = _("Only the draft of the next promises can be put to consultation.")
CONSULTATION_CLOSED = _("The consultation is closed: comments are no longer taken.")
COMMENT_TOO_LONG = _("Write at most 2000 characters.")
COMMENT_DUPLICATE = _("This comment has already been sent in the consultation.")
COMMENT_PROMISE_OUTSIDE = _("Choose one of the promises of this consultation.")
SUMMARY_BEFORE_CLOSING = _("The result can be summarised once the consultation has closed.")
SUMMARY_MISSING = _("Write the summary.")
ANSWER_NOT_REVIEWED = _(
    "Accept the suggestion before answering it: only accepted suggestions are published with their answer."
)
ANSWER_STATUS_MISSING = _("Choose the status of the answer.")
ANSWER_MISSING = _("Write the answer.")


def _require_draft(promise_set: PromiseSet) -> None:
    if promise_set.status != PromiseSet.Status.DRAFT:
        raise ValidationError(NOT_A_DRAFT)


def _touch(promise_set: PromiseSet, by: User) -> None:
    promise_set.updated_by = by
    promise_set.save(update_fields=["updated_by", "updated_at"])


def promise_set_create(
    *,
    municipality: Municipality,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by: User,
    introduction: str = "",
) -> PromiseSet:
    promise_set = PromiseSet(
        municipality=municipality,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        introduction=introduction,
        updated_by=by,
    )
    promise_set.full_clean()
    promise_set.save()
    return promise_set


@transaction.atomic
def promise_add(*, promise_set: PromiseSet, text: str, by: User, text_en: str = "") -> Promise:
    _require_draft(promise_set)
    promise = Promise(promise_set=promise_set, text=text, text_en=text_en, order=promise_set.promises.count() + 1)
    promise.full_clean()
    promise.save()
    _touch(promise_set, by)
    return promise


@transaction.atomic
def promise_update(*, promise: Promise, text: str, by: User, text_en: str = "") -> None:
    _require_draft(promise.promise_set)
    promise.text, promise.text_en = text, text_en
    promise.full_clean()
    promise.save(update_fields=["text", "text_en"])
    _touch(promise.promise_set, by)


@transaction.atomic
def promise_remove(*, promise: Promise, by: User) -> None:
    _require_draft(promise.promise_set)
    promise.delete()
    _touch(promise.promise_set, by)


@transaction.atomic
def promise_activity_add(
    *,
    promise: Promise,
    who: str,
    what: str,
    by: User,
    what_en: str = "",
    unit: str = "",
    planned: int | None = None,
    activity: Activity | None = None,
) -> PromiseActivity:
    """What is done to keep the promise. Linked to an action-plan activity, its occurrences are the progress."""
    promise_set = promise.promise_set
    _require_draft(promise_set)
    if activity is not None and activity.plan.municipality_id != promise_set.municipality_id:
        raise ValidationError({"activity": ACTIVITY_OUTSIDE})
    if activity is None and planned is None:
        raise ValidationError({"planned": NO_MEASURE})
    promise_activity = PromiseActivity(
        promise=promise, who=who, what=what, what_en=what_en, unit=unit, planned=planned, activity=activity
    )
    promise_activity.full_clean()
    promise_activity.save()
    _touch(promise_set, by)
    return promise_activity


@transaction.atomic
def promise_signatory_add(
    *, promise_set: PromiseSet, name: str, title: str, signed_on: datetime.date, by: User
) -> PromiseSignatory:
    _require_draft(promise_set)
    if signed_on is not None and signed_on > clock.today():
        raise ValidationError({"signed_on": SIGNED_IN_FUTURE})
    signatory = PromiseSignatory(promise_set=promise_set, name=name, title=title, signed_on=signed_on)
    signatory.full_clean()
    signatory.save()
    _touch(promise_set, by)
    return signatory


def promise_set_sign(*, promise_set: PromiseSet, by: User) -> None:
    """Signed when the draft holds promises and at least two signatories have signed, none after today. The set
    is signed on the last signature's day; it is in force from then or its start, whichever comes later."""
    _require_draft(promise_set)
    if not promise_set.promises.exists():
        raise ValidationError(NO_PROMISES)
    days = list(promise_set.signatories.values_list("signed_on", flat=True))
    if len(days) < MIN_SIGNATORIES:
        raise ValidationError(TOO_FEW_SIGNATORIES)
    if max(days) > clock.today():
        raise ValidationError(SIGNED_IN_FUTURE)
    promise_set.status = PromiseSet.Status.SIGNED
    promise_set.signed_on = max(days)
    promise_set.updated_by = by
    promise_set.save(update_fields=["status", "signed_on", "updated_by", "updated_at"])


def promise_set_publish(*, promise_set: PromiseSet, by: User) -> None:
    if promise_set.status != PromiseSet.Status.SIGNED:
        raise ValidationError(NOT_SIGNED)
    promise_set.status = PromiseSet.Status.PUBLISHED
    promise_set.published_at = clock.now()
    promise_set.updated_by = by
    promise_set.save(update_fields=["status", "published_at", "updated_by", "updated_at"])


@transaction.atomic
def promise_set_revise(*, promise_set: PromiseSet, by: User) -> PromiseSet:
    """Copy the published promises into a new draft version; the old one is marked revised and stays
    public, with its publication date, until the new version replaces it."""
    promise_set = PromiseSet.objects.select_for_update().get(pk=promise_set.pk)
    if promise_set.status != PromiseSet.Status.PUBLISHED:
        raise ValidationError(NOT_PUBLISHED)
    draft = PromiseSet.objects.create(
        municipality=promise_set.municipality,
        title=promise_set.title,
        starts_on=promise_set.starts_on,
        ends_on=promise_set.ends_on,
        version=promise_set.version + 1,
        introduction=promise_set.introduction,
        revision_of=promise_set,
        updated_by=by,
    )
    for promise in promise_set.promises.prefetch_related("activities"):
        copy = Promise.objects.create(
            promise_set=draft, text=promise.text, text_en=promise.text_en, order=promise.order
        )
        PromiseActivity.objects.bulk_create(
            PromiseActivity(
                promise=copy,
                who=a.who,
                what=a.what,
                what_en=a.what_en,
                unit=a.unit,
                planned=a.planned,
                activity_id=a.activity_id,
            )
            for a in promise.activities.all()
        )
    promise_set.status = PromiseSet.Status.REVISED
    promise_set.updated_by = by
    promise_set.save(update_fields=["status", "updated_by", "updated_at"])
    return draft


@transaction.atomic
def promise_set_follow_up(*, promise_set: PromiseSet, followups: dict[int, str], by: User) -> None:
    """At the end of the period: what was done ("Utfört: …"), for every activity of the promises."""
    if promise_set.status != PromiseSet.Status.PUBLISHED:
        raise ValidationError(NOT_PUBLISHED)
    activities = list(PromiseActivity.objects.filter(promise__promise_set=promise_set))
    errors: dict[str, list] = {}
    for promise_activity in activities:
        promise_activity.followup = followups.get(promise_activity.pk, "").strip()
        if not promise_activity.followup:
            errors[f"activity_{promise_activity.pk}"] = [FOLLOWUP_MISSING]
            continue
        try:
            promise_activity.full_clean()
        except ValidationError as error:
            errors[f"activity_{promise_activity.pk}"] = error.messages
    if errors:
        raise ValidationError(errors)
    PromiseActivity.objects.bulk_update(activities, ["followup"])
    promise_set.status = PromiseSet.Status.FOLLOWED_UP
    promise_set.followed_up_at = clock.now()
    promise_set.updated_by = by
    promise_set.save(update_fields=["status", "followed_up_at", "updated_by", "updated_at"])


def _same_text(text: str) -> str:
    """A text as compared for duplicates: case and spacing do not count."""
    return " ".join(text.split()).casefold()


def suggestion_submit(*, promise: Promise, text: str) -> Suggestion:
    """A citizen's suggestion or reaction: the text and the date, nothing about the sender."""
    if not current_sets().filter(pk=promise.promise_set_id).exists():
        raise ValidationError(NOT_OPEN_FOR_SUGGESTIONS)
    text = text.strip()
    if len(text) > SUGGESTION_MAX_LENGTH:
        raise ValidationError({"text": SUGGESTION_TOO_LONG})
    if _same_text(text) in {_same_text(sent) for sent in promise.suggestions.values_list("text", flat=True)}:
        raise ValidationError({"text": SUGGESTION_DUPLICATE})
    suggestion = Suggestion(promise=promise, text=text)
    suggestion.full_clean()
    suggestion.save()
    return suggestion


def suggestion_moderate(*, suggestion: Suggestion, accept: bool, by: User) -> None:
    suggestion.status = Suggestion.Status.ACCEPTED if accept else Suggestion.Status.REJECTED
    suggestion.moderated_by = by
    suggestion.save(update_fields=["status", "moderated_by"])


def suggestion_answer(*, suggestion: Suggestion, status: str, answer: str, by: User) -> None:
    """The public answer to an accepted suggestion: a status and a text, shown with it on the municipality's
    public page. Answered again, the newer answer replaces the older, with its own who and when."""
    if suggestion.status != Suggestion.Status.ACCEPTED:
        raise ValidationError(ANSWER_NOT_REVIEWED)
    answer = answer.strip()
    errors = {}
    if status not in Suggestion.AnswerStatus.values:
        errors["answer_status"] = ANSWER_STATUS_MISSING
    if not answer:
        errors["answer"] = ANSWER_MISSING
    if errors:
        raise ValidationError(errors)
    suggestion.answer_status = status
    suggestion.answer = answer
    suggestion.answered_at = clock.now()
    suggestion.answered_by = by
    suggestion.full_clean()
    suggestion.save(update_fields=["answer_status", "answer", "answered_at", "answered_by"])


# Samråd: the draft of the next promises put to the citizens.


@transaction.atomic
def consultation_save(
    *,
    promise_set: PromiseSet,
    opens_on: datetime.date,
    closes_on: datetime.date,
    by: User,
    introduction: str = "",
) -> Consultation:
    """Open the draft for comments from `opens_on` to `closes_on` (both included), or change the period."""
    if promise_set.status != PromiseSet.Status.DRAFT:
        raise ValidationError(CONSULTATION_NOT_A_DRAFT)
    consultation = Consultation.objects.filter(promise_set=promise_set).first() or Consultation(promise_set=promise_set)
    consultation.opens_on, consultation.closes_on, consultation.introduction = opens_on, closes_on, introduction
    consultation.full_clean()
    consultation.save()
    _touch(promise_set, by)
    return consultation


def comment_submit(*, consultation: Consultation, text: str, promise: Promise | None = None) -> Comment:
    """A citizen's comment while the consultation is open: the text and the day, nothing about the sender."""
    if not consultation.is_open(clock.today()):
        raise ValidationError(CONSULTATION_CLOSED)
    if promise is not None and promise.promise_set_id != consultation.promise_set_id:
        raise ValidationError({"promise": COMMENT_PROMISE_OUTSIDE})
    text = text.strip()
    if len(text) > SUGGESTION_MAX_LENGTH:
        raise ValidationError({"text": COMMENT_TOO_LONG})
    if _same_text(text) in {_same_text(sent) for sent in consultation.comments.values_list("text", flat=True)}:
        raise ValidationError({"text": COMMENT_DUPLICATE})
    comment = Comment(consultation=consultation, promise=promise, text=text, received_on=clock.today())
    comment.full_clean()
    comment.save()
    return comment


def comment_moderate(*, comment: Comment, publish: bool, answer: str, by: User) -> None:
    """Publish the comment, with the public answer when one is written, or reject it (never shown)."""
    answer = answer.strip()
    comment.status = Comment.Status.PUBLISHED if publish else Comment.Status.REJECTED
    comment.moderated_by = by
    if answer != comment.answer:
        comment.answer = answer
        comment.answered_at = clock.now() if answer else None
        comment.answered_by = by if answer else None
    comment.full_clean()
    comment.save(update_fields=["status", "moderated_by", "answer", "answered_at", "answered_by"])


def consultation_summarise(*, consultation: Consultation, summary: str, by: User) -> None:
    """After closing: the result, for the decision. Linked from the adopted promises' public page."""
    if clock.today() <= consultation.closes_on:
        raise ValidationError(SUMMARY_BEFORE_CLOSING)
    summary = summary.strip()
    if not summary:
        raise ValidationError({"summary": SUMMARY_MISSING})
    consultation.summary = summary
    consultation.summarised_at = clock.now()
    consultation.summarised_by = by
    consultation.full_clean()
    consultation.save(update_fields=["summary", "summarised_at", "summarised_by"])
