"""Renewal: drafting the next agreement from the expiring one and from the evidence.

"Påbörja nästa överenskommelse" drafts the next part 1 for a new period (by default the day after the old end to
four years later): the parties, focus areas and texts of the old one, every date and period in them moved to the
new period (samverkan.agreements.lib.periods), so no stale date is copied. Beside it, a draft part 2 for each
municipality, linked to the new part 1, with the texts of its old part 2 moved the same way. It proposes focus
areas from the latest adopted joint lägesbild's ranked problems and from the evaluation's recommendations, each
with its evidence, for the parties to accept or change. The evaluation stays apart: starting the next agreement
neither creates nor freezes it (the draft is linked to the old agreement as its revision).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.agreements.lib.periods import Period, move_day, next_period, retitle, rewrite
from samverkan.agreements.models import Agreement, Commitment, CommunicationItem, FocusAreaProposal, Section
from samverkan.agreements.services import (
    LOCAL_SECTIONS,
    agreement_create,
    agreement_start_revision,
    agreement_update,
    part2_parties,
)
from samverkan.core import clock
from samverkan.followup.reports.evaluation import recommendations
from samverkan.organisations.models import FocusArea, Municipality, Organisation, User
from samverkan.situation.audience import PUBLIC, joint_for_audience
from samverkan.situation.models import Baseline
from samverkan.situation.picture import joint_from_json

ALREADY_STARTED = gettext_lazy("The next agreement has already been started.")
ONLY_PART_1 = gettext_lazy("The next agreement is started from a part 1 agreement.")
NOT_SIGNED = gettext_lazy("Only a signed agreement is renewed: sign this one first.")
STARTS_TOO_EARLY = gettext_lazy("The new period starts after the old one ends, on %(date)s or later.")
ENDS_TOO_EARLY = gettext_lazy("The new period ends after it starts, in a later year than the old one.")
ALREADY_DECIDED = gettext_lazy("The proposal has already been decided.")
DRAFT_ONLY = gettext_lazy("The agreement is signed: its focus areas change only through a revision.")
NO_FOCUS_AREA = gettext_lazy("Choose a focus area or write the name of a new one.")


def period_of(agreement: Agreement) -> Period:
    return Period(agreement.starts_on, agreement.ends_on)


def proposed_period(agreement: Agreement) -> Period:
    """The default next period: from the day after the old end, four years."""
    return next_period(period_of(agreement))


def refusal(agreement: Agreement) -> str | None:
    """Why the next agreement cannot be started from this one, or None."""
    if agreement.part != Agreement.Part.STRATEGIC:
        return str(ONLY_PART_1)
    if hasattr(agreement, "revision"):
        return str(ALREADY_STARTED)
    if not agreement.is_locked:
        return str(NOT_SIGNED)
    return None


def period_errors(agreement: Agreement, starts_on: datetime.date, ends_on: datetime.date) -> dict[str, str]:
    """The form's errors for a proposed new period, by field."""
    errors = {}
    if starts_on <= agreement.ends_on:
        errors["starts_on"] = str(STARTS_TOO_EARLY) % {"date": agreement.ends_on + datetime.timedelta(days=1)}
    if ends_on <= starts_on or ends_on.year <= agreement.ends_on.year:
        errors["ends_on"] = str(ENDS_TOO_EARLY)
    return errors


def _move_texts(*, draft: Agreement, old: Agreement, new: Period, title: str, by: User) -> None:
    """The draft's dates and every text of it moved from the old agreement's period to the new one."""
    was = period_of(old)
    sections = {s.kind: rewrite(s.body, was, new) for s in old.sections.all()}
    fields = {"title": title, "starts_on": new.start, "ends_on": new.end}
    agreement_update(agreement=draft, by=by, fields=fields, sections=sections)
    for source, copy in zip(old.commitments.all(), draft.commitments.all(), strict=True):
        copy.text, copy.recurrence = rewrite(source.text, was, new), rewrite(source.recurrence, was, new)
        due_on = source.due_on
        copy.due_on = move_day(due_on, was, new) if due_on is not None and was.start <= due_on <= was.end else None
        copy.save(update_fields=["text", "recurrence", "due_on"])
    texts = ["message", "audience", "channel", "when", "responsible"]
    for source_item, copy_item in zip(old.communication_plan.all(), draft.communication_plan.all(), strict=True):
        for name in texts:
            setattr(copy_item, name, rewrite(getattr(source_item, name), was, new))
        copy_item.save(update_fields=texts)


def _copy_into(*, draft: Agreement, old: Agreement | None, new: Period) -> None:
    """A new part 2's texts: its old part 2's (not signed, so not revised) moved to the new period, or the part 2
    sections, empty."""
    if old is None:
        Section.objects.bulk_create(
            Section(agreement=draft, kind=kind, body="", order=order) for order, kind in enumerate(LOCAL_SECTIONS, 1)
        )
        return
    was = period_of(old)
    Section.objects.bulk_create(
        Section(agreement=draft, kind=s.kind, body=rewrite(s.body, was, new), order=s.order) for s in old.sections.all()
    )
    Commitment.objects.bulk_create(
        Commitment(
            agreement=draft,
            responsible=c.responsible,
            text=rewrite(c.text, was, new),
            recurrence=rewrite(c.recurrence, was, new),
            due_on=move_day(c.due_on, was, new) if c.due_on and was.start <= c.due_on <= was.end else None,
            focus_area=c.focus_area,
            order=c.order,
        )
        for c in old.commitments.all()
    )
    CommunicationItem.objects.bulk_create(
        CommunicationItem(
            agreement=draft,
            message=rewrite(i.message, was, new),
            audience=rewrite(i.audience, was, new),
            channel=rewrite(i.channel, was, new),
            when=rewrite(i.when, was, new),
            responsible=rewrite(i.responsible, was, new),
        )
        for i in old.communication_plan.all()
    )


def _local_draft(*, part1: Agreement, old_part1: Agreement, municipality: Municipality, by: User) -> Agreement:
    """The municipality's draft part 2 under the new part 1: the revision of its signed old part 2, or a new one
    with the old one's texts; every period moved."""
    new = period_of(part1)
    old = old_part1.local_parts.filter(municipalities=municipality).order_by("-starts_on", "-id").first()
    if old is not None and hasattr(old, "revision"):
        return old.revision
    if old is not None and old.is_locked:
        draft = agreement_start_revision(agreement=old, by=by)
        if draft.strategic_id != part1.pk:
            agreement_update(agreement=draft, by=by, fields={"strategic": part1}, sections={})
        _move_texts(draft=draft, old=old, new=new, title=retitle(old.title, period_of(old), new), by=by)
        return draft
    if old is not None:
        title, parties = retitle(old.title, period_of(old), new), list(old.parties.all())
    else:
        title = _("Collaboration agreement part 2 – %(municipality)s %(years)s") % {
            "municipality": municipality.name,
            "years": new.years(),
        }
        parties = part2_parties(part1, municipality)
    draft = agreement_create(
        by=by,
        title=title,
        part=Agreement.Part.LOCAL,
        status=Agreement.Status.DRAFT,
        starts_on=new.start,
        ends_on=new.end,
        strategic=part1,
        parties=parties,
        municipalities=[municipality],
        focus_areas=list(part1.focus_areas.all()),
    )
    _copy_into(draft=draft, old=old, new=new)
    return draft


@transaction.atomic
def next_agreement_start(
    *, agreement: Agreement, by: User, starts_on: datetime.date | None = None, ends_on: datetime.date | None = None
) -> Agreement:
    """Draft the next part 1 for the new period (default: proposed_period), with a draft part 2 for each of its
    municipalities and the focus areas the evidence proposes. Returns the new part 1."""
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    problem = refusal(agreement)
    if problem:
        raise ValueError(problem)
    default = proposed_period(agreement)
    starts_on, ends_on = starts_on or default.start, ends_on or default.end
    errors = period_errors(agreement, starts_on, ends_on)
    if errors:
        raise ValueError(" ".join(errors.values()))
    new = Period(starts_on, ends_on)
    draft = agreement_start_revision(agreement=agreement, by=by)
    _move_texts(draft=draft, old=agreement, new=new, title=retitle(agreement.title, period_of(agreement), new), by=by)
    for municipality in agreement.municipalities.order_by("name"):
        _local_draft(part1=draft, old_part1=agreement, municipality=municipality, by=by)
    focus_area_proposals_make(draft=draft, old=agreement)
    return draft


# Focus areas proposed from the evidence.


def latest_joint_baseline(agreement: Agreement) -> Baseline | None:
    """The latest adopted joint lägesbild of the agreement's police area."""
    areas = agreement.parties.filter(kind=Organisation.Kind.POLICE_AREA)
    return Baseline.objects.filter(police_area__in=areas).select_related("police_area").first()


def _period_words(baseline: Baseline) -> str:
    if (baseline.start.month, baseline.start.day, baseline.end.month, baseline.end.day) == (1, 1, 12, 31):
        years = {baseline.start.year, baseline.end.year}
        return "–".join(str(y) for y in sorted(years))
    return f"{baseline.start.isoformat()} – {baseline.end.isoformat()}"


def problem_evidence(baseline: Baseline) -> list[tuple[str, str, str]]:
    """(focus area short name, problem, evidence line) for each ranked problem of each municipality of the joint
    lägesbild, as the public may see it (the agreement is a public document): "Skadegörelse: rank 1 in Arjeplog,
    rising; 42 incidents in 2026"."""
    shown = joint_for_audience(joint_from_json(baseline.data), PUBLIC)
    period = _period_words(baseline)
    found = []
    for municipality in shown.municipalities:
        for rank, problem in enumerate(municipality.problems, start=1):
            trend = problem.components.get("trend")  # rising or falling when its interval lies on one side
            line = _("%(problem)s: rank %(rank)s in %(municipality)s") % {
                "problem": problem.name,
                "rank": rank,
                "municipality": municipality.name,
            }
            if trend is not None and (trend.low > 0.5 or trend.high < 0.5):
                line += ", " + (_("rising") if trend.low > 0.5 else _("falling"))
            incidents = next((e.value for e in problem.evidence if e.source == "incidents"), None)
            if incidents is not None:
                line += "; " + _("%(count)s incidents in %(period)s") % {"count": incidents, "period": period}
            found.append((problem.focus_area, problem.name, line))
    return found


def _known_area(name: str) -> FocusArea | None:
    if not name:
        return None
    return (
        FocusArea.objects.filter(short_name__iexact=name).first() or FocusArea.objects.filter(name__iexact=name).first()
    )


def _mentioned_area(text: str) -> FocusArea | None:
    lowered = text.casefold()
    for area in FocusArea.objects.all():
        if area.short_name.casefold() in lowered or area.name.casefold() in lowered:
            return area
    return None


def focus_area_proposals_make(*, draft: Agreement, old: Agreement) -> list[FocusAreaProposal]:
    """Proposals for the draft: one per focus area of the joint lägesbild's ranked problems (a problem of no
    known focus area proposes itself as a new one), then one per recommendation of the evaluation."""
    proposals: list[FocusAreaProposal] = []
    baseline = latest_joint_baseline(old)
    if baseline is not None:
        header = _("Joint situation picture, adopted %(date)s (version %(version)s):") % {
            "date": baseline.adopted_at.date().isoformat(),
            "version": baseline.version,
        }
        grouped: dict[tuple[int | None, str], list[str]] = {}
        for focus_area, problem, line in problem_evidence(baseline):
            area = _known_area(focus_area)
            grouped.setdefault((area.pk if area else None, "" if area else problem), []).append(line)
        for (area_id, name), lines in grouped.items():
            proposals.append(
                FocusAreaProposal(
                    focus_area_id=area_id,
                    name=name,
                    source=FocusAreaProposal.Source.SITUATION,
                    evidence="\n".join([header, *lines]),
                )
            )
    for line in recommendations(old):
        area = _mentioned_area(line)
        proposals.append(
            FocusAreaProposal(
                focus_area=area,
                name="" if area else line[:200],
                source=FocusAreaProposal.Source.EVALUATION,
                evidence=_("Recommendation of the evaluation: %(text)s") % {"text": line},
            )
        )
    for order, proposal in enumerate(proposals, start=1):
        proposal.agreement, proposal.order = draft, order
        proposal.full_clean()
    return FocusAreaProposal.objects.bulk_create(proposals)


def _new_focus_area(name: str) -> FocusArea:
    """A focus area named by the parties; its short name the name's first 30 characters, made unique."""
    existing = _known_area(name)
    if existing is not None:
        return existing
    short, n = name[:30], 1
    while FocusArea.objects.filter(short_name__iexact=short).exists():
        n += 1
        short = f"{name[: 30 - len(str(n)) - 1]} {n}"
    order = (FocusArea.objects.aggregate(o=Max("order"))["o"] or 0) + 1
    area = FocusArea(name=name, short_name=short, order=order)
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def focus_area_proposal_decide(
    *,
    proposal: FocusAreaProposal,
    accepted: bool,
    by: User,
    focus_area: FocusArea | None = None,
    name: str = "",
) -> FocusAreaProposal:
    """Accept the proposal (as proposed, or changed to another focus area or a new name), which adds the focus
    area to the draft; or reject it."""
    proposal = FocusAreaProposal.objects.select_for_update().select_related("agreement").get(pk=proposal.pk)
    if proposal.accepted is not None:
        raise ValueError(str(ALREADY_DECIDED))
    draft = proposal.agreement
    if draft.is_locked:
        raise ValueError(str(DRAFT_ONLY))
    if accepted:
        name = name.strip() or ("" if focus_area else proposal.name)
        area = focus_area or (_new_focus_area(name) if name else proposal.focus_area)
        if area is None:
            raise ValueError(str(NO_FOCUS_AREA))
        proposal.focus_area, proposal.name = area, ""
        if not draft.focus_areas.filter(pk=area.pk).exists():
            agreement_update(
                agreement=draft, by=by, fields={"focus_areas": [*draft.focus_areas.all(), area]}, sections={}
            )
    proposal.accepted, proposal.decided_by, proposal.decided_at = accepted, by, clock.now()
    proposal.full_clean()
    proposal.save()
    return proposal
