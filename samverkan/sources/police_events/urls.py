from __future__ import annotations

from django.urls import path

from samverkan.sources.police_events import views

urlpatterns = [
    path("", views.police_events_list, name="police_events_list"),
]
