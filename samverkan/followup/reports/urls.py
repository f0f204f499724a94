from __future__ import annotations

from django.urls import path, register_converter

from samverkan.core.bounds import YearConverter
from samverkan.followup.reports import part2_views, renewal_views, views

register_converter(YearConverter, "year")  # a year outside the supported ones is no report: 404

urlpatterns = [
    path("", views.index, name="followup"),
    path("kommun/<str:code>/", views.municipality_follow_up, name="municipality_follow_up"),
    path("omrade/<int:area_id>/", views.joint_follow_up, name="joint_follow_up"),
    path("arsrapport/<str:code>/<year:year>/", views.annual, name="annual_report"),
    path("arsrapport/<str:code>/<year:year>/skapa/", views.generate, name="annual_report_generate"),
    path("arsrapport/omrade/<int:area_id>/<year:year>/", views.joint_annual, name="joint_annual_report"),
    path(
        "arsrapport/omrade/<int:area_id>/<year:year>/skapa/", views.joint_generate, name="joint_annual_report_generate"
    ),
    path("utvardering/<int:pk>/", views.evaluation, name="evaluation"),
    path("utvardering/<int:pk>/nasta/", renewal_views.next_agreement, name="next_agreement_start"),
    path("nasta/<int:pk>/fokusomraden/", renewal_views.focus_area_proposals, name="focus_area_proposals"),
    path(
        "nasta/<int:pk>/fokusomraden/<int:proposal>/",
        renewal_views.focus_area_proposal_decide,
        name="focus_area_proposal_decide",
    ),
    path("utvardering/<int:pk>/kommun/<str:code>/", views.evaluation_municipality, name="evaluation_municipality"),
    path("utvardering/<int:pk>/omrade/<int:area_id>/", views.evaluation_joint, name="evaluation_joint"),
    path("utvardering/version/<int:pk>/", views.evaluation_version, name="evaluation_version"),
    path("utvardering/version/<int:pk>/uppdatera/", views.evaluation_refresh_view, name="evaluation_refresh"),
    path("utvardering/version/<int:pk>/bekrafta/", views.evaluation_confirm_view, name="evaluation_confirm"),
    path("utvardering/version/<int:pk>/ny/", views.evaluation_new_version_view, name="evaluation_new_version"),
    path("utvardering/version/<int:pk>/pdf/", views.evaluation_pdf_view, name="evaluation_pdf"),
    path("rapport/<int:pk>/", views.generated_report, name="generated_report"),
    path("rapport/<int:pk>/pdf/", views.generated_report_pdf, name="generated_report_pdf"),
    path("del2/<int:pk>/pdf/", part2_views.part2_pdf, name="part2_pdf"),
]
