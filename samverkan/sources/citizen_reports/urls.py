from __future__ import annotations

from django.urls import path

from samverkan.sources.citizen_reports import views

# The municipality's staff (samverkan/sources/urls.py: /kartlaggning/medborgartips/).
urlpatterns = [
    path("", views.report_list, name="citizen_reports"),
    path("kommun/<str:code>/", views.report_municipality, name="citizen_reports_municipality"),
    path("<int:pk>/", views.report_detail, name="citizen_report"),
    path("<int:pk>/foto/", views.report_photo, name="citizen_report_photo"),
]
