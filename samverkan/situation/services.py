"""Writing the lägesbild's records: conclusions and adopted baselines."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.situation.models import Baseline, Conclusion
from samverkan.situation.picture import JointPicture, SituationPicture
from samverkan.situation.selectors import Period


def conclusion_save(*, municipality: Municipality, period: Period, problem: str, text: str, by: User) -> Conclusion:
    conclusion, _created = Conclusion.objects.get_or_create(
        municipality=municipality, start=period.start, end=period.end, problem=problem
    )
    conclusion.text = text.strip()
    conclusion.updated_by = by
    conclusion.full_clean()
    conclusion.save()
    return conclusion


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
