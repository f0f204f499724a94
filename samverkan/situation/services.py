"""Writing the lägesbild's records: conclusions and adopted baselines."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.situation.models import Baseline, Conclusion
from samverkan.situation.picture import JointPicture, SituationPicture
from samverkan.situation.selectors import Period


@transaction.atomic
def conclusions_save(*, municipality: Municipality, period: Period, texts: dict[str, str], by: User) -> None:
    """Save the overall summary (problem "") and the analyses of problems for the period: all or none.

    Every text is checked first; a refused one (a personnummer, say) raises a ValidationError keyed by
    its problem, and nothing is written.
    """
    stored = {
        conclusion.problem: conclusion
        for conclusion in Conclusion.objects.filter(
            municipality=municipality, start=period.start, end=period.end, problem__in=texts
        )
    }
    conclusions, errors = [], {}
    for problem, text in texts.items():
        conclusion = stored.get(problem) or Conclusion(
            municipality=municipality, start=period.start, end=period.end, problem=problem
        )
        conclusion.text, conclusion.updated_by = text.strip(), by
        try:
            conclusion.full_clean()
        except ValidationError as error:
            errors[problem] = error.messages
        conclusions.append(conclusion)
    if errors:
        raise ValidationError(errors)
    for conclusion in conclusions:
        conclusion.save()


@transaction.atomic
def baseline_adopt(
    *,
    picture: SituationPicture | JointPicture,
    by: User,
    municipality: Municipality | None = None,
    police_area: Organisation | None = None,
) -> Baseline:
    """Freeze the lägesbild's facts as the next version: later imports never change it. The baseline keeps
    the picture's JSON (stable keys, no labels or links), so it opens in any language and any later version."""
    owner = {"municipality": municipality} if municipality else {"police_area": police_area}
    latest = Baseline.objects.filter(**owner).aggregate(version=Max("version"))["version"]
    return Baseline.objects.create(
        **owner,
        version=(latest or 0) + 1,
        start=picture.start,
        end=picture.end,
        data=picture.to_json(),
        adopted_by=by,
    )
