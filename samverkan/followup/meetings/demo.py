"""Demo meetings: every group's meetings of 2025 (the year of the demo's annual report; HOP-rådet held one
fewer than its agreed four), recent meetings with minutes for Folkhälsorådet (Arjeplog) and Hälsa- och
trygghetsrådet (Arvidsjaur), and Folkhälsorådet's next meeting a week from now.

So that the next agenda has something overdue, one ongoing Arjeplog activity is made to end three weeks
ago; and since the adopted 2025–2026 plan is frozen, Arjeplog drafts its 2027–2028 plan, where the
group's decisions go.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from samverkan.core import clock
from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.meetings import services
from samverkan.followup.meetings.models import Meeting
from samverkan.organisations.models import CollaborationGroup, Municipality, User
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.sources.models import ImportRun

ARVIDSJAUR, ARJEPLOG = "2505", "2506"
COORDINATORS = {ARJEPLOG: "arjeplog.samordnare", ARVIDSJAUR: "arvidsjaur.samordnare"}
PLACES = {ARJEPLOG: "Kommunhuset, sammanträdesrum Hornavan", ARVIDSJAUR: "Kommunhuset, Lappstaden-rummet"}
MINUTES = [
    "Genomgång av veckans incidenter och lägesbilden. Trafikinsatserna vid skoterleden fortsätter.",
    "Uppföljning av handlingsplanen: grannsamverkan går framåt, e-tjänsten för otrygga platser används.",
    "Medborgarlöftena följdes upp; återkoppling till invånarna sker på webben och vid nästa medborgardialog.",
]
AGENDA = "Lägesbild och veckans incidenter\nUppföljning av handlingsplanen\nMedborgarlöften\nÖvriga frågor"
# The meetings of 2025: group, the municipality whose coordinator calls it (and whose meeting room it uses), days.
MEETINGS_2025 = [
    ("Folkhälsorådet", ARJEPLOG, ["2025-02-11", "2025-03-25", "2025-05-13", "2025-09-09", "2025-10-21", "2025-12-02"]),
    ("HOP-rådet", ARJEPLOG, ["2025-02-18", "2025-06-03", "2025-11-18"]),
    ("Hälsa- och trygghetsrådet", ARVIDSJAUR, ["2025-02-12", "2025-04-23", "2025-09-17", "2025-11-26"]),
    ("Partssammansatt samverkansgrupp Piteå älvdal", ARVIDSJAUR, ["2025-10-08"]),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), timezone.get_current_timezone())


def _make_one_overdue(arjeplog: Municipality, today: datetime.date, by: User) -> None:
    current = Activity.objects.filter(plan__municipality=arjeplog, plan__status=ActionPlan.Status.ADOPTED)
    activity = (
        current.filter(status=Activity.Status.ONGOING).first()
        or current.exclude(status__in=[Activity.Status.DONE, Activity.Status.CANCELLED]).first()
    )
    if activity is None or current.filter(ends_on__lt=today, status=Activity.Status.ONGOING).exists():
        return
    if activity.status != Activity.Status.ONGOING:
        actions.activity_set_status(activity=activity, status=Activity.Status.ONGOING, comment="", by=by)
    # The adopted plan's dates are frozen for the services; the demo moves this one's end into the past.
    ends_on = max(today - datetime.timedelta(weeks=3), activity.starts_on)
    Activity.objects.filter(pk=activity.pk).update(ends_on=ends_on)


def _draft_plan(arjeplog: Municipality, today: datetime.date, by: User) -> ActionPlan:
    draft = ActionPlan.objects.filter(municipality=arjeplog, status=ActionPlan.Status.DRAFT).first()
    if draft is not None:
        return draft
    starts = datetime.date(today.year + 1, 1, 1)
    return actions.action_plan_create(
        municipality=arjeplog,
        title=f"Handlingsplan {starts.year}–{starts.year + 1}",
        starts_on=starts,
        ends_on=datetime.date(starts.year + 1, 12, 31),
        by=by,
    )


def _past_meetings(
    group: CollaborationGroup, code: str, today: datetime.date, by: User, rng: random.Random
) -> list[Meeting]:
    meetings = []
    for weeks_ago in (14, 8, 3):
        day = today - datetime.timedelta(weeks=weeks_ago, days=rng.randint(0, 2))
        meeting = services.meeting_create(
            group=group,
            kind=Meeting.Kind.GROUP,
            starts_at=_at(day, 13),
            place=PLACES[code],
            attendees=group.members.all(),
            by=by,
        )
        services.meeting_set_agenda(meeting=meeting, agenda=AGENDA)
        services.meeting_update(
            meeting=meeting,
            kind=meeting.kind,
            starts_at=meeting.starts_at,
            place=meeting.place,
            attendees=group.members.all(),
            minutes="\n\n".join(MINUTES),
        )
        meetings.append(meeting)
    return meetings


def _meetings_2025(users: dict[str, User]) -> None:
    """The meetings of the report year, moved to the present with the rest of the story."""
    calendar = demo_calendar()
    for name, code, days in MEETINGS_2025:
        group = CollaborationGroup.objects.filter(name=name).first()
        if group is None:
            continue
        for day in days:
            meeting = services.meeting_create(
                group=group,
                kind=Meeting.Kind.GROUP,
                starts_at=_at(calendar.day(datetime.date.fromisoformat(day)), 13),
                place=PLACES[code],
                attendees=group.members.all(),
                by=users[code],
            )
            services.meeting_set_agenda(meeting=meeting, agenda=AGENDA)
            services.meeting_update(
                meeting=meeting,
                kind=meeting.kind,
                starts_at=meeting.starts_at,
                place=meeting.place,
                attendees=group.members.all(),
                minutes=MINUTES[1],
            )


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    today = clock.today()
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR])}
    users = {code: User.objects.get(username=username) for code, username in COORDINATORS.items()}
    _meetings_2025(users)
    arjeplog = municipalities[ARJEPLOG]
    _make_one_overdue(arjeplog, today, users[ARJEPLOG])
    draft = _draft_plan(arjeplog, today, users[ARJEPLOG])

    folkhalsoradet = CollaborationGroup.objects.get(name="Folkhälsorådet")
    held = _past_meetings(folkhalsoradet, ARJEPLOG, today, users[ARJEPLOG], rng)
    services.decision_record(
        meeting=held[-1],
        text="Nattvandring med föräldrar under skollovshelgerna",
        plan=draft,
        responsible=Activity.Responsible.MUNICIPALITY,
        role="fritidsgårdens föreståndare",
        ends_on=datetime.date(draft.starts_on.year, 6, 30),
        by=users[ARJEPLOG],
    )
    _past_meetings(
        CollaborationGroup.objects.get(name="Hälsa- och trygghetsrådet"), ARVIDSJAUR, today, users[ARVIDSJAUR], rng
    )

    next_tuesday = today + datetime.timedelta(days=7 - today.weekday() + 1)
    services.meeting_create(
        group=folkhalsoradet,
        kind=Meeting.Kind.GROUP,
        starts_at=_at(next_tuesday, 13),
        place=PLACES[ARJEPLOG],
        attendees=folkhalsoradet.members.all(),
        by=users[ARJEPLOG],
    )
