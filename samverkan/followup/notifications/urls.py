from __future__ import annotations

from django.urls import path

from samverkan.followup.notifications import views

urlpatterns = [
    path("", views.preferences, name="notification_preferences"),
]
