from __future__ import annotations

from django.urls import path

from samverkan.followup.seasons import views

urlpatterns = [
    path("", views.wheel_index, name="yearly_wheels"),
    path("<str:code>/", views.yearly_wheel, name="yearly_wheel"),
    path("<str:code>/forbered/", views.tasks_prepare, name="seasons_tasks_prepare"),
    path("<str:code>/uppgifter/", views.tasks_mark, name="seasons_tasks_mark"),
    path("<str:code>/narvarande-befolkning/", views.present_population, name="seasons_present_population"),
]
