from __future__ import annotations

from django.urls import path

from samverkan.sources.dialogues import views

urlpatterns = [
    path("", views.dialogue_list, name="dialogues_list"),
    path("ny/", views.dialogue_new, name="dialogue_new"),
    path("<int:pk>/", views.dialogue_detail, name="dialogue"),
]
