from __future__ import annotations

from django.urls import path

from samverkan.organisations import group_views as views

# Staff (samverkan/urls.py: /grupper/): the collaboration groups and their members.
urlpatterns = [
    path("", views.group_list, name="groups"),
    path("ny/", views.group_new, name="group_new"),
    path("<int:pk>/", views.group_detail, name="group"),
    path("<int:pk>/andra/", views.group_edit, name="group_edit"),
    path("<int:pk>/medlemmar/", views.group_member_add, name="group_member_add"),
    path("<int:pk>/medlemmar/ta-bort/", views.group_member_remove, name="group_member_remove"),
]
