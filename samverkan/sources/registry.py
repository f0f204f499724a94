"""The importers the product offers, by key: each source app registers its own."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING

from django.apps import AppConfig

if TYPE_CHECKING:  # importing the module would load models before the apps are ready
    from samverkan.sources.importing import Importer

IMPORTERS: dict[str, Importer] = {}


def register[T: Importer](importer_class: type[T]) -> type[T]:
    importer = importer_class()
    IMPORTERS[importer.key] = importer
    return importer_class


class SourceConfig(AppConfig):
    """The app config of a data source: loads the source's importer module, which registers itself.

    Source apps refer to it as registry.SourceConfig, so that their apps.py holds one config class.
    """

    def ready(self) -> None:
        if find_spec(f"{self.name}.importer"):
            import_module(f"{self.name}.importer")
