from __future__ import annotations

from django.urls import path

from samverkan.followup.supervision import views

urlpatterns = [
    path("", views.supervision_list, name="supervision"),
    path("<str:code>/nytt-besok/", views.visit_new, name="supervision_visit_new"),
    path("<str:code>/nytt-objekt/", views.object_new, name="supervision_object_new"),
]
