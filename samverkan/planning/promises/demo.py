"""Demo medborgarlöften for Arjeplog and Arvidsjaur, modelled on the real ones of Piteå älvdal.

The real promises are quantified ("meet the public 10 times", "drug education once a year",
"act against the traffic problems at least 10 times", Grannsamverkan, an e-service for unsafe places)
and were followed up as "Utfört: …" per promise. Each activity of 2025–2026 is linked to the matching
activity of the action plan (from the actions demo, found by a word of its title), so the occurrences
logged there are the progress citizens see; without a match the promise keeps its own planned count.
Arjeplog's promises were revised once in the autumn of 2025, after the safety survey. The draft of
Arjeplog's next promises, 2027–2028, is out for consultation with the citizens in the late autumn of 2026:
two comments published with answers, one waiting for the coordinator.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, replace

from django.utils import timezone

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import Activity
from samverkan.planning.promises import services
from samverkan.planning.promises.models import Comment, Promise, PromiseActivity, PromiseSet, Suggestion
from samverkan.sources.models import ImportRun

ARVIDSJAUR, ARJEPLOG = "2505", "2506"
LPO_CHIEF = ("Helena Strand", "Lokalpolisområdeschef")
KOMMUNALRAD = {ARJEPLOG: "Maria Stenlund", ARVIDSJAUR: "Per Holmgren"}
POLICE, MUNICIPALITY, BOTH = PromiseActivity.Who.POLICE, PromiseActivity.Who.MUNICIPALITY, PromiseActivity.Who.BOTH


@dataclass(frozen=True)
class DemoActivity:
    who: str
    what: str
    what_en: str
    unit: str
    planned: int
    keyword: str = ""  # a word of the action-plan activity's title
    followup: str = ""


@dataclass(frozen=True)
class DemoPromise:
    text: str
    text_en: str
    activities: tuple[DemoActivity, ...]


MEET = DemoActivity(
    POLICE,
    "Polisen möter allmänheten på offentliga platser",
    "The police meet the public in public places",
    "medborgarmöten",
    10,
    "allmänheten",
)
DRUGS = DemoActivity(
    BOTH,
    "Drogutbildning för föräldrar, elever och personal",
    "Drug education for parents, pupils and staff",
    "utbildningar",
    2,
    "drog",
)
TRAFFIC = DemoActivity(
    POLICE,
    "Trafikinsatser mot fortkörning och buskörning",
    "Traffic actions against speeding and reckless driving",
    "trafikinsatser",
    10,
    "trafik",
)
NEIGHBOURS = DemoActivity(
    BOTH,
    "Nya områden med Grannsamverkan (minst 70 % av de boende ansluter)",
    "New Neighbourhood Watch areas (at least 70 % of the residents join)",
    "områden",
    3,
    "grannsamverkan",
)
ESERVICE = DemoActivity(
    MUNICIPALITY,
    "E-tjänst för att tipsa om platser som känns otrygga",
    "An e-service for reporting places that feel unsafe",
    "e-tjänst",
    1,
    "e-tjänst",
)
DOG_SEARCH = DemoActivity(
    POLICE,
    "Narkotikasök med hund i skolans lokaler, i samråd med skolan",
    "Drug-dog searches in the school's premises, together with the school",
    "sök",
    2,
    "hund",
)

MEET_PROMISE = DemoPromise(
    "Polisen finns där du är: vi möter allmänheten på offentliga platser tio gånger per år för att lyssna på vad "
    "som gör dig otrygg.",
    "The police are where you are: we meet the public in public places ten times a year to hear what makes you "
    "feel unsafe.",
    (MEET,),
)
DRUGS_PROMISE = DemoPromise(
    "Vi ger föräldrar, elever och skolpersonal kunskap om narkotika en gång per år.",
    "Once a year we give parents, pupils and school staff knowledge about drugs.",
    (DRUGS,),
)
TRAFFIC_PROMISE = DemoPromise(
    "Polisen agerar mot trafikproblemen i kommunen minst tio gånger per år.",
    "The police act against the traffic problems in the municipality at least ten times a year.",
    (TRAFFIC,),
)
TRAFFIC_REVISED = DemoPromise(
    "Polisen agerar mot trafikproblemen i kommunen minst tio gånger per år, även mot buskörning med snöskoter och "
    "moped i byarna.",
    "The police act against the traffic problems in the municipality at least ten times a year, also against "
    "reckless driving of snowmobiles and mopeds in the villages.",
    (TRAFFIC,),
)
NEIGHBOURS_PROMISE = DemoPromise(
    "Vi startar Grannsamverkan i fler bostadsområden tillsammans med de boende.",
    "Together with the residents we start Neighbourhood Watch in more residential areas.",
    (NEIGHBOURS,),
)
ESERVICE_PROMISE = DemoPromise(
    "Kommunen öppnar en e-tjänst där du kan tipsa om platser som känns otrygga.",
    "The municipality opens an e-service where you can report places that feel unsafe.",
    (ESERVICE,),
)
DOG_PROMISE = DemoPromise(
    "Polisen gör narkotikasök med hund i skolan två gånger per år, i samråd med skolan.",
    "Twice a year the police search the school with a drug dog, together with the school.",
    (DOG_SEARCH,),
)

CURRENT = {
    ARJEPLOG: [MEET_PROMISE, DRUGS_PROMISE, TRAFFIC_PROMISE, NEIGHBOURS_PROMISE, ESERVICE_PROMISE],
    ARVIDSJAUR: [MEET_PROMISE, DRUGS_PROMISE, TRAFFIC_PROMISE, ESERVICE_PROMISE],
}


def _done(activity: DemoActivity, followup: str) -> DemoActivity:
    """The activity as it was in the earlier period: not linked to today's action plan, followed up."""
    return replace(activity, keyword="", followup=followup)


SNOWMOBILES = DemoPromise(
    "Polisen och kommunen informerar om reglerna för snöskoterkörning inför varje vintersäsong.",
    "Before every winter season the police and the municipality inform about the rules for snowmobile driving.",
    (
        _done(
            DemoActivity(
                BOTH,
                "Informationsträffar om regler för snöskoterkörning",
                "Information meetings about the rules for snowmobile driving",
                "informationsträffar",
                2,
            ),
            "Utfört: Informationsträffar i Arjeplog och Slagnäs i december 2023 och december 2024.",
        ),
    ),
)

EARLIER = {
    ARJEPLOG: [
        replace(
            MEET_PROMISE,
            activities=(
                _done(
                    MEET,
                    "Utfört: Polisen mötte allmänheten vid 12 tillfällen, bland annat på vintermarknaden och vid "
                    "skolavslutningarna.",
                ),
            ),
        ),
        replace(
            DRUGS_PROMISE,
            activities=(
                _done(
                    DRUGS,
                    "Utfört: Drogutbildning i oktober 2023 och oktober 2024 för elever i årskurs 7–9, föräldrar och "
                    "personal.",
                ),
            ),
        ),
        replace(
            TRAFFIC_PROMISE,
            activities=(_done(TRAFFIC, "Utfört: 14 trafikinsatser, de flesta under biltestsäsongen januari–mars."),),
        ),
        SNOWMOBILES,
    ],
    ARVIDSJAUR: [
        replace(
            MEET_PROMISE,
            activities=(
                _done(MEET, "Utfört: Polisen mötte allmänheten vid 10 tillfällen, bland annat på Arvidsjaurs marknad."),
            ),
        ),
        replace(
            DRUGS_PROMISE,
            activities=(_done(DRUGS, "Utfört: Drogutbildning för elever, föräldrar och personal hölls båda åren."),),
        ),
        replace(
            TRAFFIC_PROMISE,
            activities=(_done(TRAFFIC, "Utfört: 11 trafikinsatser, varav fyra med fokus på skolvägarna."),),
        ),
    ],
}
COUNCIL = {ARJEPLOG: "Folkhälsorådet och HOP-rådet", ARVIDSJAUR: "Hälsa- och trygghetsrådet"}
# (text, received on, accepted); None: waiting for the coordinator.
# A suggestion: its text, the day it came, accepted (or rejected, or None: not yet read), and the public answer.
SUGGESTIONS = [
    (
        "Gärna fler trafikkontroller vid skolan i Slagnäs på morgnarna, det körs fort där.",
        datetime.date(2025, 11, 12),
        True,
        (
            Suggestion.AnswerStatus.TAKEN_UP,
            "Polisen gör trafikkontroller vid skolan i Slagnäs på morgnarna två gånger i månaden under vintern, "
            "och kommunen ser över hastighetsskyltningen på skolvägen.",
            datetime.date(2025, 11, 24),
        ),
    ),
    ("Bra att polisen syns på marknaden. Fortsätt med det!", datetime.date(2026, 2, 3), None, None),
]


def _action_activity(municipality: Municipality, keyword: str) -> Activity | None:
    """The action-plan activity whose title holds the keyword, from the newest plan."""
    if not keyword:
        return None
    activities = Activity.objects.filter(plan__municipality=municipality, title__icontains=keyword)
    return activities.order_by("-plan__starts_on", "-plan__version", "pk").first()


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _add_promises(promise_set: PromiseSet, promises: list[DemoPromise], by: User) -> None:
    for demo_promise in promises:
        promise = services.promise_add(
            promise_set=promise_set, text=demo_promise.text, text_en=demo_promise.text_en, by=by
        )
        for demo in demo_promise.activities:
            linked = _action_activity(promise_set.municipality, demo.keyword)
            services.promise_activity_add(
                promise=promise,
                who=demo.who,
                what=demo.what,
                what_en=demo.what_en,
                unit=demo.unit,
                planned=None if linked else demo.planned,
                activity=linked,
                by=by,
            )


def _sign_and_publish(promise_set: PromiseSet, signed_on: datetime.date, published_on: datetime.date, by: User) -> None:
    code = promise_set.municipality.code
    for name, title in [LPO_CHIEF, (KOMMUNALRAD[code], "Kommunalråd")]:
        services.promise_signatory_add(promise_set=promise_set, name=name, title=title, signed_on=signed_on, by=by)
    services.promise_set_sign(promise_set=promise_set, by=by)
    services.promise_set_publish(promise_set=promise_set, by=by)
    PromiseSet.objects.filter(pk=promise_set.pk).update(published_at=_at(published_on))
    promise_set.refresh_from_db()


def _earlier_period(municipality: Municipality, by: User) -> None:
    code = municipality.code
    calendar = demo_calendar()  # the story's dates, moved to the present
    promise_set = services.promise_set_create(
        municipality=municipality,
        title=calendar.text("Medborgarlöfte 2023–2024"),
        starts_on=calendar.day(datetime.date(2023, 9, 1)),
        ends_on=calendar.day(datetime.date(2024, 12, 31)),
        introduction=f"Medborgarlöftet följdes upp i {COUNCIL[code]} och redovisades vid årets sista möte.",
        by=by,
    )
    _add_promises(promise_set, EARLIER[code], by)
    _sign_and_publish(
        promise_set, calendar.day(datetime.date(2023, 9, 4)), calendar.day(datetime.date(2023, 9, 15)), by
    )
    followups = {demo.what: calendar.text(demo.followup) for promise in EARLIER[code] for demo in promise.activities}
    activities = PromiseActivity.objects.filter(promise__promise_set=promise_set)
    services.promise_set_follow_up(
        promise_set=promise_set, followups={a.pk: followups[a.what] for a in activities}, by=by
    )
    PromiseSet.objects.filter(pk=promise_set.pk).update(followed_up_at=_at(calendar.day(datetime.date(2024, 12, 16))))


def _current_period(municipality: Municipality, by: User) -> PromiseSet:
    code = municipality.code
    calendar = demo_calendar()  # the story's dates, moved to the present
    promise_set = services.promise_set_create(
        municipality=municipality,
        title=calendar.text("Medborgarlöfte 2025–2026"),
        starts_on=calendar.day(datetime.date(2025, 1, 1)),
        ends_on=calendar.day(datetime.date(2026, 12, 31)),
        introduction=(
            "Löftena bygger på medborgardialogen och trygghetsmätningen. Polisen och kommunen följer upp dem i "
            f"{COUNCIL[code]}."
        ),
        by=by,
    )
    _add_promises(promise_set, CURRENT[code], by)
    published_on = calendar.day(datetime.date(2025, 3, 3) if code == ARJEPLOG else datetime.date(2025, 3, 10))
    _sign_and_publish(promise_set, published_on - datetime.timedelta(days=10), published_on, by)
    return promise_set


def _revise(promise_set: PromiseSet, by: User) -> PromiseSet:
    """After the safety survey of autumn 2025: snowmobiles and mopeds join the traffic promise, and
    drug-dog searches at school are promised."""
    draft = services.promise_set_revise(promise_set=promise_set, by=by)
    traffic = draft.promises.get(text=TRAFFIC_PROMISE.text)
    services.promise_update(promise=traffic, text=TRAFFIC_REVISED.text, text_en=TRAFFIC_REVISED.text_en, by=by)
    _add_promises(draft, [DOG_PROMISE], by)
    calendar = demo_calendar()  # the story's dates, moved to the present
    _sign_and_publish(draft, calendar.day(datetime.date(2025, 10, 13)), calendar.day(datetime.date(2025, 10, 20)), by)
    return draft


def _suggestions(promise: Promise, by: User) -> None:
    calendar = demo_calendar()  # the story's dates, moved to the present
    for text, received_on, accept, answer in SUGGESTIONS:
        suggestion = services.suggestion_submit(promise=promise, text=text)
        Suggestion.objects.filter(pk=suggestion.pk).update(received_on=calendar.until_today(received_on))
        if accept is not None:
            services.suggestion_moderate(suggestion=suggestion, accept=accept, by=by)
        if answer is not None:
            status, answer_text, answered_on = answer
            services.suggestion_answer(suggestion=suggestion, status=status, answer=answer_text, by=by)
            Suggestion.objects.filter(pk=suggestion.pk).update(answered_at=_at(calendar.until_today(answered_on)))


# The next period's draft: the promises of today, not yet linked to an action plan of the next period.
NEXT = [
    replace(promise, activities=tuple(replace(activity, keyword="") for activity in promise.activities))
    for promise in (MEET_PROMISE, DRUGS_PROMISE, TRAFFIC_REVISED, NEIGHBOURS_PROMISE, DOG_PROMISE)
]
# (promise or None for the whole, text, received, public answer or None to leave it for the coordinator)
COMMENTS = [
    (
        TRAFFIC_REVISED,
        "Bra att skoter och moped är med. Gör kontrollerna även vid skolvägen i Slagnäs på morgnarna.",
        datetime.date(2026, 11, 18),
        "Tack! Vi lägger till kontroller vid skolvägarna i byarna under vintern och skriver in det i löftet.",
    ),
    (
        MEET_PROMISE,
        "Polisen borde synas mer i byarna, inte bara i samhället.",
        datetime.date(2026, 11, 24),
        "Varannan träff med allmänheten hålls i en by. Vi skriver in byarna i löftet.",
    ),
    (None, "Fler kvällsvandringar med fältare i centrum på helgerna.", datetime.date(2026, 11, 27), None),
]


def _next_period(municipality: Municipality, by: User) -> PromiseSet:
    """The draft of the next promises, out for consultation from mid-November until a week from today at least."""
    calendar = demo_calendar()  # the story's dates, moved to the present
    draft = services.promise_set_create(
        municipality=municipality,
        title=calendar.text("Medborgarlöfte 2027–2028"),
        starts_on=calendar.day(datetime.date(2027, 1, 1)),
        ends_on=calendar.day(datetime.date(2028, 12, 31)),
        introduction=calendar.text(
            "Utkastet bygger på uppföljningen av löftena 2025–2026, lägesbilden och trygghetsmätningen."
        ),
        by=by,
    )
    _add_promises(draft, NEXT, by)
    opens_on = calendar.until_today(datetime.date(2026, 11, 16))
    consultation = services.consultation_save(
        promise_set=draft,
        opens_on=opens_on,
        closes_on=max(calendar.day(datetime.date(2026, 12, 13)), calendar.today + datetime.timedelta(days=7)),
        introduction=(
            "Polisen och kommunen vill veta vad du tycker om utkastet innan löftena undertecknas. "
            "Synpunkterna publiceras med svar och sammanfattas inför beslutet."
        ),
        by=by,
    )
    for demo_promise, text, received_on, answer in COMMENTS:
        promise = draft.promises.get(text=demo_promise.text) if demo_promise else None
        comment = services.comment_submit(consultation=consultation, promise=promise, text=text)
        Comment.objects.filter(pk=comment.pk).update(received_on=max(opens_on, calendar.until_today(received_on)))
        if answer:
            services.comment_moderate(comment=comment, publish=True, answer=answer, by=by)
    return draft


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    """Both municipalities' promises; the action plans' demo has run, so its activities can be linked."""
    for code in (ARJEPLOG, ARVIDSJAUR):
        municipality = Municipality.objects.get(code=code)
        coordinator = User.objects.get(username=f"{municipality.name.lower()}.samordnare")
        _earlier_period(municipality, coordinator)
        current = _current_period(municipality, coordinator)
        if code == ARJEPLOG:
            revised = _revise(current, coordinator)
            _suggestions(revised.promises.get(text=TRAFFIC_REVISED.text), coordinator)
            _next_period(municipality, coordinator)
