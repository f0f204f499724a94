from __future__ import annotations

from django.urls import path

from samverkan.sources.citizen_reports import views

# The citizens' e-service, without login (samverkan/urls.py: /tipsa/); the staff's pages are in urls.py.
urlpatterns = [
    path("", views.report_start, name="citizen_report_start"),
    path("kommun/<str:code>/", views.report_new, name="citizen_report_new"),
    path("kvitto/<str:token>/", views.report_receipt, name="citizen_report_receipt"),
]
