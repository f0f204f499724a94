"""Every URL × every identity × own / other municipality / other police area answers as its rule says.

The URLs come from the URL configuration: a new URL without a rule below fails, and so does a rule whose URL is
gone (the admin site, Django's own, is left out). Each URL is tried with GET and with a minimal POST (the test
client skips CSRF) by every identity of the cast (tests/permissions.py) on each of its targets. Whatever a request
is refused with (the login page, 400, 403, 404, 405 …) it writes nothing but the session and the logs; a page
shows no municipality's own things to anyone outside it; no identity ever gets a 500.

The rules say what the product promises (samverkan/organisations/access.py): outsiders get 404, read-only roles
never change anything, the police see the figures of their own area's municipalities in full and nothing of
another area's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
import weasyprint
from auditlog.context import disable_auditlog
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from samverkan.core import clock
from tests.permissions import (
    ANON,
    GLOBAL,
    IDENTITIES,
    LEADER,
    OUTSIDER,
    REDIRECT,
    REFUSALS,
    TARGETS,
    VERIFY,
    Call,
    Cast,
    Place,
    Rule,
    Shared,
    attempt,
    bookkeeping_tables,
    build_cast,
    everyone,
    expect,
    marker_of,
    relation,
    url_patterns,
)

pytestmark = pytest.mark.django_db

MUNICIPAL = ("own", "other_municipality", "other_area")
SHARED = ("shared", "other_shared")


def nowhere(**calls: Call) -> Callable[[Cast], dict[str, Call]]:
    """A page about no municipality: tried once (or once per named variant) by every identity."""
    return lambda cast: calls or {GLOBAL: Call()}


def municipal(call: Callable[[Place], Call]) -> Callable[[Cast], dict[str, Call]]:
    return lambda cast: {target: call(cast.places[target]) for target in MUNICIPAL}


def shared(call: Callable[[Shared], Call]) -> Callable[[Cast], dict[str, Call]]:
    return lambda cast: {target: call(cast.shared[target]) for target in SHARED}


def both(place: Callable[[Place], Call], common: Callable[[Shared], Call]) -> Callable[[Cast], dict[str, Call]]:
    return lambda cast: {**municipal(place)(cast), **shared(common)(cast)}


def proposals(cast: Cast) -> dict[str, Call]:
    return {
        **{target: pk(cast.shared[target].parties_proposal) for target in SHARED},
        **{f"{target}+rhythm": pk(cast.shared[target].rhythm_proposal) for target in SHARED},
    }


def code(place: Place, **query: str) -> Call:
    return Call({"code": place.municipality.code}, "&".join(f"{k}={v}" for k, v in query.items()))


def this_year() -> int:
    return clock.today().year


def last_year() -> dict[str, str]:
    year = clock.today().year - 1
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def pk(obj) -> Call:
    return Call({"pk": obj.pk})


def agreement(target: Place | Shared) -> Call:
    return pk(target.agreement)


# Common answers. Writers are the owner (coordinator of the one municipality), a party (coordinator of one of
# several) and the police contact of the area; readers are leadership and reporters; outsiders and the superuser
# without membership get 404, and anonymous visitors the login page.
STAFF = expect(200, outsider=200)  # any logged-in user; the superuser too
READ = expect(200)  # whoever reaches the object reads it
WRITE_FORM = expect(200, 404)  # a form of writers only
BAD_FORM = expect(400, 404)  # the form posted without its fields: writers told what is missing, others 404
DONE = expect(REDIRECT, 404)  # a button of writers only
POST_ONLY = expect(405, outsider=405)  # GET on a button: not allowed, whoever asks
NOT_FOUND = expect(404)
PUBLIC = everyone(200)
JOINT = expect(200, 404, party=404)  # a police area's own page: its police, not each municipality's staff
JOINT_FORM = JOINT
JOINT_BAD_FORM = expect(400, 404, party=404)
JOINT_DONE = expect(REDIRECT, 404, party=404)
LOCKED = expect(409, 404)  # a change of a signed agreement (the shared part 1s are): refused to its writers
SIGNED = {target: (LOCKED, LOCKED) for target in SHARED}

RULES: dict[str, Rule] = {
    # The entrance and a municipality's page.
    "overview": Rule(nowhere(), PUBLIC, PUBLIC, public=True),
    "municipality": Rule(municipal(code), READ, READ),
    # Kartläggning: the sources.
    "sources": Rule(nowhere(), STAFF, STAFF),
    "import_upload": Rule(
        nowhere(incidents=Call({"key": "incidents"}), bra=Call({"key": "bra"}), unknown=Call({"key": "nothing"})),
        expect(200, 404, superuser=200),
        expect(400, 404, superuser=400),
        per_target={"unknown": (NOT_FOUND, NOT_FOUND)},
    ),
    "import_confirm": Rule(nowhere(incidents=Call({"key": "incidents"})), NOT_FOUND, NOT_FOUND),
    "bra_list": Rule(nowhere(), STAFF, STAFF),
    "police_events_list": Rule(
        lambda cast: {GLOBAL: Call(), **municipal(lambda p: Call(query=f"kommun={p.municipality.code}"))(cast)},
        READ,
        READ,
        per_target={GLOBAL: (STAFF, STAFF)},
    ),
    "kolada_list": Rule(nowhere(), STAFF, STAFF),
    "indicators_list": Rule(nowhere(), STAFF, STAFF),
    "surveys_list": Rule(nowhere(), STAFF, STAFF),
    "survey_create": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "survey_results": Rule(municipal(lambda p: pk(p.wave)), READ, READ),
    "survey_close": Rule(municipal(lambda p: pk(p.wave)), POST_ONLY, DONE),
    "survey_link": Rule(municipal(lambda p: pk(p.wave)), WRITE_FORM, WRITE_FORM),
    "survey_qr": Rule(municipal(lambda p: pk(p.wave)), WRITE_FORM, WRITE_FORM),
    "survey_answer": Rule(municipal(lambda p: Call({"token": p.wave.token})), PUBLIC, everyone(400), public=True),
    "survey_thanks": Rule(municipal(lambda p: Call({"token": p.wave.token})), PUBLIC, PUBLIC, public=True),
    "incidents_list": Rule(nowhere(), STAFF, STAFF),
    "incident_new": Rule(nowhere(), expect(200, 404, reporter=200), expect(400, 404, reporter=400)),
    "incidents_week": Rule(
        lambda cast: {
            GLOBAL: Call(),
            **municipal(lambda p: Call(query=f"kommun={p.municipality.code}"))(cast),
            **{
                f"{target}+csv": Call(query=f"kommun={place.municipality.code}&export=csv")
                for target, place in cast.places.items()
            },
        },
        READ,
        READ,
        # Without a municipality: the first the user reads; the superuser without membership reads none.
        per_target={GLOBAL: (expect(200), expect(200))},
    ),
    "incident": Rule(municipal(lambda p: pk(p.incident)), READ, BAD_FORM),
    "incident_settings": Rule(municipal(code), WRITE_FORM, BAD_FORM),
    "dialogues_list": Rule(nowhere(), STAFF, STAFF),
    # The named places the maps' point pickers search: public facts (villages, squares), read by citizens' forms too.
    "named_places": Rule(municipal(lambda p: Call({"codes": p.municipality.code})), PUBLIC, everyone(405), public=True),
    # Citizens' reports: public to file and to follow by the receipt's token; read only by the municipality's own
    # staff (its coordinator reviews), never by the police or a partner; each municipality's own list at once.
    "citizen_report_start": Rule(nowhere(), PUBLIC, everyone(405), public=True),
    "citizen_report_new": Rule(municipal(code), PUBLIC, everyone(400), public=True),
    "citizen_report_receipt": Rule(
        municipal(lambda p: Call({"token": p.citizen_report.token})), PUBLIC, everyone(405), public=True
    ),
    "citizen_reports": Rule(nowhere(), expect(REDIRECT, police=200, superuser=200), expect(405, outsider=405)),
    "citizen_reports_municipality": Rule(municipal(code), expect(200, police=404), expect(405, outsider=405)),
    "citizen_report": Rule(
        municipal(lambda p: pk(p.citizen_report)), expect(200, police=404), expect(400, 404, police=404)
    ),
    "citizen_report_photo": Rule(
        municipal(lambda p: pk(p.citizen_report)), expect(200, police=404), expect(405, outsider=405)
    ),
    "dialogue_new": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "dialogue": Rule(municipal(lambda p: pk(p.dialogue)), READ, READ),
    # The lägesbild.
    "situation": Rule(nowhere(), STAFF, STAFF),
    "situation_municipality": Rule(municipal(code), READ, DONE),
    # The municipality's own organisation adopts its picture; the police of the area do not.
    "situation_adopt": Rule(municipal(code), POST_ONLY, expect(REDIRECT, 404, police=404)),
    "situation_export": Rule(
        lambda cast: {
            **municipal(code)(cast),
            # The internal picture: the parties to it (the police of the area among them); a download is of the
            # period asked for.
            **{f"{t}+internal": code(p, audience="internal", **last_year()) for t, p in cast.places.items()},
            "own+pdf": code(cast.places["own"], format="pdf", **last_year()),
        },
        READ,
        READ,
    ),
    # The incidents' points: for the parties to the picture, the police of the area among them.
    "situation_points": Rule(municipal(code), READ, READ),
    "situation_joint": Rule(shared(lambda s: pk(s.area)), JOINT, JOINT),
    "situation_joint_adopt": Rule(shared(lambda s: pk(s.area)), POST_ONLY, JOINT_DONE),
    # A police region's comparison of its municipalities (both areas lie in Polisregion Nord): for its own members
    # only; the police of one of its areas and everyone else get 404 (its police: tests/situation/test_regional.py).
    "situation_region": Rule(shared(lambda s: pk(s.area.parent)), NOT_FOUND, NOT_FOUND),
    "baseline": Rule(
        both(lambda p: pk(p.baseline), lambda s: pk(s.baseline)),
        READ,
        READ,
        per_target={"shared": (JOINT, JOINT), "other_shared": (JOINT, JOINT)},
    ),
    # The themes and their sources, of the municipality asked for (else the first the user reads): its readers read
    # them, its writers add and remove entries of its own; a write names no municipality the user cannot write.
    "situation_themes": Rule(
        lambda cast: {GLOBAL: Call(), **municipal(lambda p: Call(query=f"kommun={p.municipality.code}"))(cast)},
        READ,
        BAD_FORM,
        per_target={GLOBAL: (STAFF, BAD_FORM)},
    ),
    # Agreements: part 2 of each municipality, part 1 of each police area (every party writes it).
    "agreements": Rule(nowhere(), STAFF, STAFF),
    "agreement_create": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    # A part 2 is created under a part 1 (a municipal target's agreement is a part 2: nothing to create under it).
    "agreement_part2_create": Rule(
        both(agreement, agreement), WRITE_FORM, BAD_FORM, per_target={t: (NOT_FOUND, NOT_FOUND) for t in MUNICIPAL}
    ),
    "agreement": Rule(both(agreement, agreement), READ, READ),
    "agreement_edit": Rule(both(agreement, agreement), WRITE_FORM, BAD_FORM, per_target=SIGNED),
    "agreement_start_revision": Rule(both(agreement, agreement), POST_ONLY, DONE),
    "commitment_add": Rule(
        both(agreement, agreement), POST_ONLY, BAD_FORM, per_target={t: (POST_ONLY, LOCKED) for t in SHARED}
    ),
    # Removing a row: GET asks for confirmation, POST removes.
    "commitment_delete": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "item": p.commitment.pk}),
            lambda s: Call({"pk": s.agreement.pk, "item": s.commitment.pk}),
        ),
        WRITE_FORM,
        DONE,
        per_target=SIGNED,
    ),
    "communication_item_add": Rule(
        both(agreement, agreement), POST_ONLY, BAD_FORM, per_target={t: (POST_ONLY, LOCKED) for t in SHARED}
    ),
    "communication_item_delete": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "item": p.communication_item.pk}),
            lambda s: Call({"pk": s.agreement.pk, "item": s.communication_item.pk}),
        ),
        WRITE_FORM,
        DONE,
        per_target=SIGNED,
    ),
    "signatory_add": Rule(
        both(agreement, agreement), POST_ONLY, BAD_FORM, per_target={t: (POST_ONLY, LOCKED) for t in SHARED}
    ),
    "signatory_sign": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "item": p.signatory.pk}),
            lambda s: Call({"pk": s.agreement.pk, "item": s.signatory.pk}),
        ),
        POST_ONLY,
        BAD_FORM,
        per_target={t: (POST_ONLY, LOCKED) for t in SHARED},
    ),
    "signatory_delete": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "item": p.signatory.pk}),
            lambda s: Call({"pk": s.agreement.pk, "item": s.signatory.pk}),
        ),
        WRITE_FORM,
        DONE,
        per_target=SIGNED,
    ),
    # Follow-up of the commitments and the communication plan, also on a signed agreement.
    "commitment_follow_up": Rule(both(agreement, agreement), POST_ONLY, BAD_FORM),
    "communication_follow_up": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "item": p.communication_item.pk}),
            lambda s: Call({"pk": s.agreement.pk, "item": s.communication_item.pk}),
        ),
        POST_ONLY,
        DONE,
    ),
    # Change proposals of shared things (part 1's parties, a joint group's rhythm), made by the police: every
    # party reads them, each writer answers for its organisation, the proposer withdraws, an administrator
    # (a superuser) applies at once.
    "change_proposal": Rule(proposals, expect(200, superuser=200), expect(200, superuser=200)),
    "change_proposal_answer": Rule(proposals, POST_ONLY, BAD_FORM),
    "change_proposal_withdraw": Rule(proposals, POST_ONLY, expect(404, police=REDIRECT)),
    "change_proposal_apply": Rule(proposals, POST_ONLY, expect(404, superuser=REDIRECT)),
    # Goals and indicators.
    "goals": Rule(nowhere(), STAFF, STAFF),
    "goal_new": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "goal": Rule(municipal(lambda p: pk(p.goal)), READ, READ),
    "goal_edit": Rule(municipal(lambda p: pk(p.goal)), WRITE_FORM, BAD_FORM),
    "indicator_new": Rule(municipal(lambda p: pk(p.goal)), POST_ONLY, BAD_FORM),
    "indicator_edit": Rule(municipal(lambda p: pk(p.indicator)), WRITE_FORM, BAD_FORM),
    "manual_value_new": Rule(municipal(lambda p: pk(p.indicator)), POST_ONLY, BAD_FORM),
    "manual_value_delete": Rule(
        municipal(lambda p: Call({"pk": p.indicator.pk, "value": p.manual_value.pk})), POST_ONLY, DONE
    ),
    # Action plans.
    "action_plans": Rule(nowhere(), STAFF, STAFF),
    "action_plan_new": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "action_plan": Rule(municipal(lambda p: pk(p.plan)), READ, BAD_FORM),
    "action_plan_sheet": Rule(municipal(lambda p: pk(p.plan)), READ, READ),
    "action_plan_adopt": Rule(municipal(lambda p: pk(p.plan)), POST_ONLY, DONE),
    "action_plan_new_version": Rule(municipal(lambda p: pk(p.plan)), POST_ONLY, DONE),
    "activity_new": Rule(municipal(lambda p: pk(p.plan)), WRITE_FORM, BAD_FORM),
    "action_plan_addition_new": Rule(municipal(lambda p: pk(p.plan)), WRITE_FORM, BAD_FORM),
    "activity": Rule(municipal(lambda p: pk(p.activity)), READ, READ),
    "activity_edit": Rule(municipal(lambda p: pk(p.activity)), WRITE_FORM, BAD_FORM),
    "occurrence_log": Rule(municipal(lambda p: pk(p.activity)), POST_ONLY, BAD_FORM),
    "intervention_edit": Rule(municipal(lambda p: pk(p.activity)), WRITE_FORM, BAD_FORM),
    # Medborgarlöften: the citizens' pages are public, the staff pages the municipality's.
    "citizens_home": Rule(nowhere(), PUBLIC, PUBLIC, public=True),
    "promises_public": Rule(municipal(code), PUBLIC, PUBLIC, public=True),
    "promises_feed": Rule(municipal(code), PUBLIC, PUBLIC, public=True),
    "suggestion_new": Rule(
        lambda cast: {
            **municipal(lambda p: Call({"code": p.municipality.code, "pk": p.promise.pk}))(cast),
            # Another municipality's promise under Arjeplog's address.
            "own+foreign": Call({"code": "2506", "pk": cast.places["other_area"].promise.pk}),
        },
        PUBLIC,
        everyone(400),
        public=True,
        per_target={"own+foreign": (everyone(404), everyone(404))},
    ),
    "suggestion_thanks": Rule(
        municipal(lambda p: Call({"code": p.municipality.code, "pk": p.promise.pk})), PUBLIC, PUBLIC, public=True
    ),
    "consultations_public": Rule(municipal(code), PUBLIC, PUBLIC, public=True),
    "consultation_public": Rule(
        lambda cast: {
            **municipal(lambda p: Call({"code": p.municipality.code, "pk": p.consultation.pk}))(cast),
            # Another municipality's consultation under Arjeplog's address.
            "own+foreign": Call({"code": "2506", "pk": cast.places["other_area"].consultation.pk}),
        },
        PUBLIC,
        everyone(400),
        public=True,
        per_target={"own+foreign": (everyone(404), everyone(404))},
    ),
    "consultation_thanks": Rule(
        municipal(lambda p: Call({"code": p.municipality.code, "pk": p.consultation.pk})), PUBLIC, PUBLIC, public=True
    ),
    "promise_sets": Rule(nowhere(), STAFF, STAFF),
    "promise_set_create": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "promise_set": Rule(municipal(lambda p: pk(p.promise_set)), READ, READ),
    "promise_add": Rule(municipal(lambda p: pk(p.promise_set)), POST_ONLY, BAD_FORM),
    "promise_update": Rule(
        municipal(lambda p: Call({"pk": p.promise_set.pk, "promise": p.promise.pk})), POST_ONLY, BAD_FORM
    ),
    "promise_remove": Rule(
        municipal(lambda p: Call({"pk": p.promise_set.pk, "promise": p.promise.pk})), POST_ONLY, DONE
    ),
    "promise_activity_add": Rule(
        municipal(lambda p: Call({"pk": p.promise_set.pk, "promise": p.promise.pk})), POST_ONLY, BAD_FORM
    ),
    "promise_signatory_add": Rule(municipal(lambda p: pk(p.promise_set)), POST_ONLY, BAD_FORM),
    "promise_set_sign": Rule(municipal(lambda p: pk(p.promise_set)), POST_ONLY, DONE),
    "promise_set_publish": Rule(municipal(lambda p: pk(p.promise_set)), POST_ONLY, DONE),
    "promise_set_revise": Rule(municipal(lambda p: pk(p.promise_set)), POST_ONLY, DONE),
    "promise_set_follow_up": Rule(municipal(lambda p: pk(p.promise_set)), WRITE_FORM, BAD_FORM),
    "suggestion_moderate": Rule(
        municipal(lambda p: Call({"pk": p.promise_set.pk, "suggestion": p.suggestion.pk})), POST_ONLY, DONE
    ),
    "suggestion_answer": Rule(
        municipal(lambda p: Call({"pk": p.promise_set.pk, "suggestion": p.suggestion.pk})), POST_ONLY, BAD_FORM
    ),
    "consultation": Rule(municipal(lambda p: pk(p.consultation.promise_set)), READ, BAD_FORM),
    "comment_moderate": Rule(
        municipal(lambda p: Call({"pk": p.consultation.promise_set_id, "comment": p.comment.pk})), POST_ONLY, BAD_FORM
    ),
    "consultation_summarise": Rule(municipal(lambda p: pk(p.consultation.promise_set)), POST_ONLY, BAD_FORM),
    # Follow-up and reports.
    "followup": Rule(nowhere(), STAFF, STAFF),
    # An empty POST names no group: 404 for writers too.
    "municipality_follow_up": Rule(municipal(code), READ, NOT_FOUND),
    "joint_follow_up": Rule(shared(lambda s: Call({"area_id": s.area.pk})), JOINT, JOINT),
    "annual_report": Rule(municipal(lambda p: Call({"code": p.municipality.code, "year": this_year()})), READ, DONE),
    "annual_report_generate": Rule(
        municipal(lambda p: Call({"code": p.municipality.code, "year": this_year()})), POST_ONLY, DONE
    ),
    "joint_annual_report": Rule(shared(lambda s: Call({"area_id": s.area.pk, "year": this_year()})), JOINT, JOINT_DONE),
    "joint_annual_report_generate": Rule(
        shared(lambda s: Call({"area_id": s.area.pk, "year": this_year()})), POST_ONLY, JOINT_DONE
    ),
    # Part 1's evaluation is its parties' joint document: each sees every municipality's goals by name (their
    # figures as its audience allows).
    "evaluation": Rule(both(agreement, agreement), READ, READ, joint=True),
    # The next agreement: a form of the period (GET), drafted on POST; only a part 1's writers, only once.
    # A part 2 is renewed with its part 1: its writers are sent back to it with a message.
    "next_agreement_start": Rule(
        both(agreement, agreement), WRITE_FORM, BAD_FORM, per_target={t: (DONE, DONE) for t in MUNICIPAL}
    ),
    "focus_area_proposals": Rule(both(agreement, agreement), READ, READ),
    "focus_area_proposal_decide": Rule(
        both(
            lambda p: Call({"pk": p.agreement.pk, "proposal": 0}), lambda s: Call({"pk": s.agreement.pk, "proposal": 0})
        ),
        POST_ONLY,
        NOT_FOUND,
    ),
    # The evaluation of one municipality (jointly: of a police area) holds its figures in full: the parties to its
    # picture read it, its writers work on it; the scope's page sends to its current version (already started here:
    # a POST only says so).
    "evaluation_municipality": Rule(
        municipal(lambda p: Call({"pk": p.agreement.strategic_id, "code": p.municipality.code})), expect(REDIRECT), DONE
    ),
    "evaluation_joint": Rule(
        shared(lambda s: Call({"pk": s.agreement.pk, "area_id": s.area.pk})), JOINT_DONE, JOINT_DONE
    ),
    "evaluation_version": Rule(
        both(lambda p: pk(p.evaluation), lambda s: pk(s.evaluation)),
        READ,
        BAD_FORM,
        per_target={t: (JOINT, JOINT_BAD_FORM) for t in SHARED},
    ),
    **{
        name: Rule(
            both(lambda p: pk(p.evaluation), lambda s: pk(s.evaluation)),
            POST_ONLY,
            DONE,
            per_target={t: (POST_ONLY, JOINT_DONE) for t in SHARED},
        )
        for name in ("evaluation_refresh", "evaluation_confirm", "evaluation_new_version")
    },
    "evaluation_pdf": Rule(
        both(lambda p: pk(p.evaluation), lambda s: pk(s.evaluation)),
        READ,
        POST_ONLY,
        per_target={t: (JOINT, POST_ONLY) for t in SHARED},
    ),
    # A kept report holds the full figures: the parties to the picture (the police of the area among them).
    "generated_report": Rule(
        both(lambda p: pk(p.report), lambda s: pk(s.report)),
        READ,
        READ,
        per_target={"shared": (JOINT, JOINT), "other_shared": (JOINT, JOINT)},
    ),
    "generated_report_pdf": Rule(
        both(lambda p: pk(p.report), lambda s: pk(s.report)),
        READ,
        READ,
        per_target={"shared": (JOINT, JOINT), "other_shared": (JOINT, JOINT)},
    ),
    # A part 2 as a PDF with its linked objects; a part 1 has none.
    "part2_pdf": Rule(
        both(agreement, agreement),
        READ,
        READ,
        per_target={"shared": (NOT_FOUND, NOT_FOUND), "other_shared": (NOT_FOUND, NOT_FOUND)},
    ),
    # Meetings: a municipality's own group, and the joint group of a police area (changed by those who write for
    # every municipality of it: its police).
    "meetings": Rule(nowhere(), STAFF, STAFF),
    "meeting_new": Rule(
        both(lambda p: Call({"group_pk": p.group.pk}), lambda s: Call({"group_pk": s.group.pk})),
        WRITE_FORM,
        BAD_FORM,
        per_target={t: (JOINT_FORM, JOINT_BAD_FORM) for t in SHARED},
    ),
    # The calendar address is the key: right for the group, everyone gets it; a stranger's token, nobody.
    "meetings_calendar": Rule(
        lambda cast: {
            **both(
                lambda p: Call({"group_pk": p.group.pk}, f"token={p.calendar_token}"),
                lambda s: Call({"group_pk": s.group.pk}, f"token={s.calendar_token}"),
            )(cast),
            "own+stranger": Call(
                {"group_pk": cast.places["own"].group.pk}, f"token={cast.places['other_area'].calendar_token}"
            ),
            "own+none": Call({"group_pk": cast.places["own"].group.pk}),
        },
        PUBLIC,
        PUBLIC,
        public=True,
        per_target={"own+stranger": (everyone(404), everyone(404)), "own+none": (everyone(404), everyone(404))},
    ),
    "meetings_calendar_rotate": Rule(
        both(lambda p: Call({"group_pk": p.group.pk}), lambda s: Call({"group_pk": s.group.pk})),
        POST_ONLY,
        DONE,
        per_target={t: (POST_ONLY, JOINT_DONE) for t in SHARED},
    ),
    "meeting": Rule(both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)), READ, READ),
    "meeting_edit": Rule(
        both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)),
        WRITE_FORM,
        BAD_FORM,
        per_target={t: (JOINT_FORM, JOINT_BAD_FORM) for t in SHARED},
    ),
    # The agenda may be empty: the empty POST saves it.
    "meeting_agenda": Rule(
        both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)),
        WRITE_FORM,
        DONE,
        per_target={t: (JOINT_FORM, JOINT_DONE) for t in SHARED},
    ),
    "decision_new": Rule(
        both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)),
        WRITE_FORM,
        BAD_FORM,
        per_target={t: (JOINT_FORM, JOINT_BAD_FORM) for t in SHARED},
    ),
    "decision_update": Rule(
        both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)),
        WRITE_FORM,
        BAD_FORM,
        per_target={t: (JOINT_FORM, JOINT_BAD_FORM) for t in SHARED},
    ),
    "meeting_minutes_pdf": Rule(both(lambda p: pk(p.meeting), lambda s: pk(s.meeting)), READ, READ),
    # Collaboration groups: a municipality's coordinators keep its own groups, the police contact the groups shared
    # by several municipalities of the police area; whoever reaches a group reads it.
    "groups": Rule(nowhere(), STAFF, POST_ONLY),
    "group_new": Rule(nowhere(), WRITE_FORM, BAD_FORM),
    "group": Rule(both(lambda p: pk(p.group), lambda s: pk(s.group)), READ, POST_ONLY),
    "group_edit": Rule(
        both(lambda p: pk(p.group), lambda s: pk(s.group)),
        expect(200, 404, police=404),
        expect(400, 404, police=404),
        per_target={t: (JOINT_FORM, JOINT_BAD_FORM) for t in SHARED},
    ),
    "group_member_add": Rule(
        both(lambda p: pk(p.group), lambda s: pk(s.group)),
        POST_ONLY,
        expect(400, 404, police=404),
        per_target={t: (POST_ONLY, JOINT_BAD_FORM) for t in SHARED},
    ),
    "group_member_remove": Rule(
        both(lambda p: pk(p.group), lambda s: pk(s.group)),
        POST_ONLY,
        expect(400, 404, police=404),
        per_target={t: (POST_ONLY, JOINT_BAD_FORM) for t in SHARED},
    ),
    # The yearly wheel.
    "yearly_wheels": Rule(nowhere(), STAFF, STAFF),
    "yearly_wheel": Rule(municipal(code), READ, READ),
    "seasons_tasks_prepare": Rule(municipal(code), POST_ONLY, BAD_FORM),
    "seasons_tasks_mark": Rule(municipal(code), POST_ONLY, DONE),
    "seasons_present_population": Rule(municipal(code), POST_ONLY, DONE),
    # Supervision.
    "supervision": Rule(nowhere(), STAFF, STAFF),
    "supervision_visit_new": Rule(municipal(code), WRITE_FORM, BAD_FORM),
    "supervision_object_new": Rule(municipal(code), WRITE_FORM, BAD_FORM),
    # The audit log: of the organisations the user writes for (coordinators and police contacts).
    "audit_log": Rule(nowhere(), WRITE_FORM, WRITE_FORM),
    # A job's page and its state: only who started it (tests/test_worker.py); no one of the cast started this one.
    **{
        name: Rule(nowhere(job=Call({"pk": 10**9})), NOT_FOUND, expect(405, outsider=405))
        for name in ("job", "job_status")
    },
    # The user's own notification choices.
    "notification_preferences": Rule(nowhere(), STAFF, expect(400, outsider=400)),
    # Logging in and out, the second factor, the language: Django's and our own account pages.
    "login": Rule(nowhere(), PUBLIC, PUBLIC, public=True),
    "logout": Rule(nowhere(), everyone(405), everyone(REDIRECT), public=True),
    # Without REQUIRE_2FA and without a device, the code page sends a logged-in user to enrolment.
    "two_factor_verify": Rule(nowhere(), expect(REDIRECT, outsider=REDIRECT), expect(REDIRECT, outsider=REDIRECT)),
    # The QR code shown is of the user's own unconfirmed device, made on the first visit: a wrong code keeps it.
    "two_factor_enrol": Rule(nowhere(), STAFF, expect(400, outsider=400), writes=frozenset({"otp_totp_totpdevice"})),
    "set_language": Rule(nowhere(), everyone(REDIRECT), everyone(REDIRECT), public=True),
    # The API: its reference page is public; each user's own tokens (a token of another answers 404).
    "api_docs": Rule(nowhere(), PUBLIC, everyone(405), public=True),
    "api_tokens": Rule(nowhere(), STAFF, expect(400, outsider=400)),
    "api_token_revoke": Rule(nowhere(token=Call({"pk": 1})), POST_ONLY, expect(404, outsider=404)),
}

TARGETS_CODES = frozenset().union(*TARGETS.values())
STUB_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n%%EOF\n"
PATTERNS = url_patterns()
NAMES = sorted(set(PATTERNS) | set(RULES))


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker) -> Iterator[tuple[Cast, dict[str, Client]]]:
    """The world, built once for the module in a transaction rolled back at its end; each request runs in a
    savepoint of its own (tests.permissions.attempt)."""
    with (
        pytest.MonkeyPatch.context() as patch,
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            started = time.perf_counter()
            # Who gets a PDF is this test's business, what is in it the PDF tests': WeasyPrint's second a page is
            # left out (the page's HTML is still made); the bytes are binary, as a PDF's are.
            patch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: STUB_PDF)
            with disable_auditlog():  # the world's making is no one's change
                built = build_cast()
            clients = {}
            for identity in IDENTITIES:
                client = Client()
                if identity.name != "anonymous":
                    client.force_login(built.users[identity.name])
                clients[identity.name] = client
            print(f"\nthe permission matrix's world: {time.perf_counter() - started:.1f} s")
            yield built, clients
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _url(name: str, call: Call) -> str:
    url = reverse(name, kwargs=call.kwargs)
    return f"{url}?{call.query}" if call.query else url


# Who may never get a staff page: anyone without a part in the target, and on a page about no municipality in
# particular the anonymous visitor. (The superuser is an administrator: the rules say what that opens.)
_STRANGERS = {True: (OUTSIDER, ANON), False: (ANON,)}


def _check_rule(name: str, rule: Rule, cast: Cast, clients: dict[str, Client]) -> list[str]:
    failures = []
    bookkeeping = bookkeeping_tables()
    for target, call in rule.targets(cast).items():
        url = _url(name, call)
        for identity in IDENTITIES:
            who = relation(identity, target.split("+")[0])
            if who == OUTSIDER and not identity.tried_as_outsider:
                continue
            for method in ("get", "post"):
                where = f"{identity.name} ({who}) {method.upper()} {url} [{target or 'global'}]"
                expected = rule.expected(method, target, who)
                if not rule.public and who in _STRANGERS[target.split("+")[0] in TARGETS] and expected not in REFUSALS:
                    failures.append(f"{where}: the rule lets a stranger in ({expected}) on a page that is not public")
                outcome = attempt(clients[identity.name], method, url)
                if outcome.answer != expected:
                    failures.append(f"{where}: expected {expected}, got {outcome.answer} {outcome.error}".rstrip())
                shown = identity.codes | (TARGETS.get(target.split("+")[0], frozenset()) if rule.joint else frozenset())
                leaked = [marker_of(code) for code in TARGETS_CODES - shown if marker_of(code) in outcome.text]
                if leaked and not rule.public:
                    failures.append(f"{where}: shows {', '.join(leaked)}, of a municipality the user has no part in")
                written = sorted(set(outcome.written) - bookkeeping - rule.writes)
                if expected in REFUSALS and written:
                    failures.append(f"{where}: refused with {expected} but wrote {', '.join(written)}")
    return failures


@pytest.mark.parametrize("name", NAMES)
def test_it_answers_each_identity_as_the_rule_of_the_url_says(name, cast, settings):
    settings.REQUIRE_2FA = False
    built, clients = cast
    pattern = PATTERNS.get(name)
    assert pattern is not None, f"a permission rule for {name}, which is no URL pattern any more"
    assert name in RULES, f"no permission rule for {name} ({pattern.route})"
    rule = RULES[name]
    failures = _check_rule(name, rule, built, clients)
    assert not failures, f"{len(failures)} unexpected answers:\n" + "\n".join(failures)


# With REQUIRE_2FA, a user who gave the password only reaches nothing but these before the code.
BEFORE_SECOND_FACTOR = {"login", "logout", "two_factor_verify", "two_factor_enrol", "set_language"}


def test_it_sends_a_user_without_the_second_factor_to_the_code_page_from_every_other_url(cast, settings):
    settings.REQUIRE_2FA = True
    built, clients = cast
    failures = []
    bookkeeping = bookkeeping_tables()
    for name, rule in RULES.items():
        if name not in PATTERNS or name in BEFORE_SECOND_FACTOR:
            continue
        target, call = next(iter(rule.targets(built).items()))
        url = _url(name, call)
        for identity in ("anonymous", "alice", "bob", "lena"):
            for method in ("get", "post"):
                # The anonymous visitor is answered as without the setting.
                expected = rule.expected(method, target, ANON) if identity == "anonymous" else VERIFY
                outcome = attempt(clients[identity], method, url)
                if outcome.answer != expected:
                    failures.append(f"{identity} {method.upper()} {url}: expected {expected}, got {outcome.answer}")
                if set(outcome.written) - bookkeeping:
                    failures.append(f"{identity} {method.upper()} {url}: wrote {sorted(outcome.written)}")
    assert not failures, "\n".join(failures)


def test_it_knows_every_relation_it_tries():
    """The cast's relations to the targets, worked out by hand: the police of one area are outsiders to the
    other's; a coordinator of one party municipality is a party to the shared things."""
    table = {identity.name: [relation(identity, t) for t in (*MUNICIPAL, *SHARED)] for identity in IDENTITIES}
    assert table == {
        "anonymous": [ANON] * 5,
        "ada": ["superuser"] * 5,
        "alice": ["owner", OUTSIDER, OUTSIDER, "party", OUTSIDER],
        "lena": [LEADER, OUTSIDER, OUTSIDER, LEADER, OUTSIDER],
        "rita": ["reporter", OUTSIDER, OUTSIDER, "reporter", OUTSIDER],
        "bob": ["police", "police", OUTSIDER, "police", OUTSIDER],
        "charlie": [OUTSIDER, "owner", OUTSIDER, "party", OUTSIDER],
        "kerstin": [OUTSIDER, OUTSIDER, "owner", OUTSIDER, "party"],
        "klas": [OUTSIDER, OUTSIDER, "police", OUTSIDER, "police"],
    }
