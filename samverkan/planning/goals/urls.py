from __future__ import annotations

from django.urls import path

from samverkan.planning.goals import views

urlpatterns = [
    path("", views.goal_list, name="goals"),
    path("nytt/", views.goal_new, name="goal_new"),
    path("<int:pk>/", views.goal_detail, name="goal"),
    path("<int:pk>/andra/", views.goal_edit, name="goal_edit"),
    path("<int:pk>/indikatorer/", views.indicator_new, name="indicator_new"),
    path("indikator/<int:pk>/andra/", views.indicator_edit, name="indicator_edit"),
    path("indikator/<int:pk>/varden/", views.manual_value_new, name="manual_value_new"),
    path("indikator/<int:pk>/varden/<int:value>/ta-bort/", views.manual_value_delete, name="manual_value_delete"),
]
