from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "samverkan.sources"
    verbose_name = _("Sources")


class SourceConfig(AppConfig):
    """A data source: its importer registers itself (samverkan.sources.registry) when loaded."""

    def ready(self) -> None:
        if find_spec(f"{self.name}.importer"):
            import_module(f"{self.name}.importer")
