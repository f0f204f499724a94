"""The themes a municipality's problems are ranked on: the product's default mapping (lib.themes), extended with
the municipality's own entries (ThemeEntry), and the same mapping as the page "Teman och källor" shows it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samverkan.organisations.models import Municipality
from samverkan.situation.lib.themes import MAPPED_SOURCES, THEMES, Theme, extend
from samverkan.situation.models import THEME_SOURCE_LABELS, ThemeEntry


def theme_mapping(municipality: Municipality) -> tuple[Theme, ...]:
    """The default themes with the municipality's own entries added and those it left out taken away (one
    query)."""
    return theme_mappings([municipality.pk])[municipality.pk]


def theme_mappings(municipality_ids: Iterable[int]) -> dict[int, tuple[Theme, ...]]:
    """Each municipality's themes (theme_mapping), by its id: one query however many municipalities."""
    changes: dict[int, list[tuple[str, str, str, bool]]] = {pk: [] for pk in municipality_ids}
    rows = ThemeEntry.objects.filter(municipality_id__in=list(changes))
    for pk, theme, source, entry, left_out in rows.values_list(
        "municipality_id", "theme", "source", "entry", "left_out"
    ):
        changes[pk].append((theme, source, entry, left_out))
    return {
        pk: extend(THEMES, [r[:3] for r in found if not r[3]], [r[:3] for r in found if r[3]])
        for pk, found in changes.items()
    }


@dataclass(frozen=True)
class MappedEntry:
    text: str
    own: int | None  # the ThemeEntry's id when the municipality added the entry or left it out; None: untouched
    left_out: bool = False  # one of the product's entries the municipality left out


@dataclass(frozen=True)
class MappedSource:
    source: str
    label: str
    entries: tuple[MappedEntry, ...]


@dataclass(frozen=True)
class MappedTheme:
    key: str
    name: str
    sources: tuple[MappedSource, ...]  # only the sources the theme counts from


@dataclass(frozen=True)
class FocusAreaThemes:
    focus_area: str
    themes: tuple[MappedTheme, ...]


def themes_overview(municipality: Municipality) -> tuple[FocusAreaThemes, ...]:
    """Every theme by focus area, each with what it counts from each source: the default entries (those the
    municipality left out marked), then the municipality's own (one query)."""
    own: dict[tuple[str, str], list[MappedEntry]] = {}
    for entry in ThemeEntry.objects.filter(municipality=municipality):
        own.setdefault((entry.theme, entry.source), []).append(MappedEntry(entry.entry, entry.pk, entry.left_out))
    areas: dict[str, list[MappedTheme]] = {}
    for theme in THEMES:
        sources = []
        for source in MAPPED_SOURCES:
            changed = {e.text: e for e in own.get((theme.key, source), [])}
            default = tuple(changed.get(text) or MappedEntry(text, None) for text in theme.entries(source))
            added = tuple(e for e in changed.values() if e.text not in theme.entries(source))
            if default or added:
                sources.append(MappedSource(source, str(THEME_SOURCE_LABELS[source]), default + added))
        areas.setdefault(theme.focus_area, []).append(MappedTheme(theme.key, theme.name, tuple(sources)))
    return tuple(FocusAreaThemes(area, tuple(themes)) for area, themes in areas.items())
