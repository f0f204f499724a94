from __future__ import annotations

from django.urls import path

from samverkan.planning.actions import views

urlpatterns = [
    path("", views.action_plan_list, name="action_plans"),
    path("ny/", views.action_plan_new, name="action_plan_new"),
    path("<int:pk>/", views.action_plan_detail, name="action_plan"),
    path("<int:pk>/uppfoljning.csv", views.action_plan_sheet, name="action_plan_sheet"),
    path("<int:pk>/anta/", views.action_plan_adopt, name="action_plan_adopt"),
    path("<int:pk>/ny-version/", views.action_plan_new_version, name="action_plan_new_version"),
    path("<int:pk>/ny-atgard/", views.activity_new, name="activity_new"),
    path("<int:pk>/tillagg/", views.action_plan_addition_new, name="action_plan_addition_new"),
    path("atgarder/<int:pk>/", views.activity_detail, name="activity"),
    path("atgarder/<int:pk>/andra/", views.activity_edit, name="activity_edit"),
    path("atgarder/<int:pk>/logga/", views.occurrence_log, name="occurrence_log"),
]
