from __future__ import annotations

from django.urls import path

from samverkan.sources.incidents import views

urlpatterns = [
    path("", views.incident_list, name="incidents_list"),
    path("ny/", views.incident_new, name="incident_new"),
    path("vecka/", views.incident_week, name="incidents_week"),
    path("<int:pk>/", views.incident_detail, name="incident"),
    path("installningar/<str:code>/", views.incident_settings, name="incident_settings"),
]
