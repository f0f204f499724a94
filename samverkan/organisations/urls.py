from __future__ import annotations

from django.urls import path

from samverkan.organisations import views

# Public (samverkan/urls.py: /platser/): the named places the maps' point pickers search and name points by.
urlpatterns = [
    path("<str:codes>/", views.named_places, name="named_places"),
]
