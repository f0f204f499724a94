from __future__ import annotations

from django.urls import path

from samverkan.sources.kolada import views

urlpatterns = [
    path("", views.kolada_list, name="kolada_list"),
]
