"""The importers the product offers, by key: each source module registers its own."""

from __future__ import annotations

from samverkan.sources.importing import Importer

IMPORTERS: dict[str, Importer] = {}


def register[T](importer_class: type[T]) -> type[T]:
    importer = importer_class()
    IMPORTERS[importer.key] = importer
    return importer_class
