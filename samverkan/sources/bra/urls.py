from __future__ import annotations

from django.urls import path

from samverkan.sources.bra import views

urlpatterns = [
    path("", views.bra_list, name="bra_list"),
]
