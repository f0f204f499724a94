"""Writing the lägesbild's records: conclusions, adopted baselines and the municipality's own theme entries."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.situation.lib import themes
from samverkan.situation.models import Baseline, Conclusion, ThemeEntry
from samverkan.situation.picture import JointPicture, SituationPicture
from samverkan.situation.selectors import Period
from samverkan.sources.police_events.parse import type_key


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


THEME_ENTRY_EXISTS = _("The theme already counts this from this source.")


def _normalised(source: str, entry: str) -> str:
    """The entry as the ranking compares it: words and event types in lower case (event types spaced as
    police_events.parse.type_key spaces them), KPI ids in upper case, indicator keys in lower case."""
    entry = " ".join(entry.split())
    if source == themes.EVENTS:
        return type_key(entry)
    if source in (themes.KEYWORDS, themes.INDICATORS):
        return entry.casefold()
    if source == themes.KOLADA:
        return entry.upper()
    return entry


def theme_entry_add(*, municipality: Municipality, theme: str, source: str, entry: str, by: User) -> ThemeEntry:
    """Add an entry to a theme's mapping in the municipality: one more thing the theme counts from a source.
    Refused (a ValidationError keyed by field) when the theme already counts it, by default or by an earlier
    entry."""
    row = ThemeEntry(
        municipality=municipality, theme=theme, source=source, entry=_normalised(source, entry), created_by=by
    )
    row.full_clean(validate_constraints=False)
    default = next(t for t in themes.THEMES if t.key == theme)  # full_clean checked the key
    own = ThemeEntry.objects.filter(municipality=municipality, theme=theme, source=source, entry=row.entry)
    if own.filter(left_out=True).exists():  # one of the product's, left out: adding it takes it back
        own.delete()
        return row
    if row.entry in default.entries(source) or own.exists():
        raise ValidationError({"entry": THEME_ENTRY_EXISTS})
    row.save()
    return row


def theme_entry_leave_out(*, municipality: Municipality, theme: str, source: str, entry: str, by: User) -> ThemeEntry:
    """Leave one of the product's entries out of a theme's mapping in the municipality (a dialogue word that means
    something else there). Refused (ValueError) for an entry the product's mapping does not hold."""
    default = next((t for t in themes.THEMES if t.key == theme), None)
    if default is None or source not in themes.MAPPED_SOURCES or entry not in default.entries(source):
        raise ValueError(f"{theme}, {source}: {entry!r} is not the product's")
    row, _created = ThemeEntry.objects.get_or_create(
        municipality=municipality,
        theme=theme,
        source=source,
        entry=entry,
        defaults={"left_out": True, "created_by": by},
    )
    return row


def theme_entry_remove(*, entry: ThemeEntry) -> None:
    """Remove one of the municipality's own entries, or take back one of the product's it left out."""
    entry.delete()
