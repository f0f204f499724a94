from __future__ import annotations

from django.urls import path

from samverkan.sources.indicators import views

urlpatterns = [
    path("", views.indicators_list, name="indicators_list"),
]
