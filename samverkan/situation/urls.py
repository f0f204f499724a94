from __future__ import annotations

from django.urls import path

from samverkan.situation import views

urlpatterns = [
    path("", views.situation_index, name="situation"),
    path("kommun/<str:code>/", views.situation_municipality, name="situation_municipality"),
    path("kommun/<str:code>/anta/", views.situation_adopt, name="situation_adopt"),
    path("kommun/<str:code>/export/", views.situation_export, name="situation_export"),
    path("kommun/<str:code>/punkter/", views.situation_points, name="situation_points"),
    path("gemensam/<int:pk>/", views.situation_joint, name="situation_joint"),
    path("gemensam/<int:pk>/anta/", views.situation_joint_adopt, name="situation_joint_adopt"),
    path("region/<int:pk>/", views.situation_region, name="situation_region"),
    path("baslinje/<int:pk>/", views.baseline_detail, name="baseline"),
    path("teman/", views.situation_themes, name="situation_themes"),
]
