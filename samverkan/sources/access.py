"""Which incidents, dialogues and survey waves a user reaches, and may change.

Each belongs to one municipality, whose rule decides (samverkan.organisations.access); anything outside a user's
reach answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from samverkan.organisations.access import municipal_object_in_reach
from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.incidents.models import Incident
from samverkan.sources.surveys.models import Wave


def get_incident_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Incident, bool]:
    """The incident and whether the user may handle it; 404 for anyone else."""
    queryset = Incident.objects.select_related("category", "municipality", "place", "reporter_organisation")
    return municipal_object_in_reach(request.user, queryset, pk=pk)


def get_dialogue_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Dialogue, bool]:
    """The dialogue and whether the user may change it; 404 for anyone else."""
    return municipal_object_in_reach(request.user, Dialogue.objects.select_related("municipality"), pk=pk)


def get_wave_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Wave, bool]:
    """The survey wave and whether the user may change it; 404 for anyone who may not see its municipality."""
    return municipal_object_in_reach(request.user, Wave.objects.select_related("municipality"), pk=pk)
