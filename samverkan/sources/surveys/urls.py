from __future__ import annotations

from django.urls import path

from samverkan.sources.surveys import views

urlpatterns = [
    path("", views.surveys_list, name="surveys_list"),
    path("ny/", views.survey_create, name="survey_create"),
    path("<int:pk>/", views.survey_results, name="survey_results"),
    path("<int:pk>/stang/", views.survey_close, name="survey_close"),
    path("<int:pk>/lank/", views.survey_link, name="survey_link"),
    path("<int:pk>/qr.svg", views.survey_qr, name="survey_qr"),
    path("svara/<str:token>/", views.survey_answer, name="survey_answer"),
    path("svara/<str:token>/tack/", views.survey_thanks, name="survey_thanks"),
]
