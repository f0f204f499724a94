from __future__ import annotations

from django.urls import path

from samverkan.planning.effects import views

urlpatterns = [
    path("atgarder/<int:pk>/effekt/", views.intervention_edit, name="intervention_edit"),
]
