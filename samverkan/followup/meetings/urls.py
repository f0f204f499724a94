from __future__ import annotations

from django.urls import path

from samverkan.followup.meetings import views

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("grupp/<int:group_pk>/nytt/", views.meeting_new, name="meeting_new"),
    path("grupp/<int:group_pk>/kalender.ics", views.group_calendar, name="meetings_calendar"),
    path("grupp/<int:group_pk>/kalender/ny-adress/", views.group_calendar_rotate, name="meetings_calendar_rotate"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/andra/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/dagordning/", views.meeting_agenda, name="meeting_agenda"),
    path("<int:pk>/beslut/", views.decision_new, name="decision_new"),
    path("<int:pk>/beslut/andra-aktivitet/", views.decision_update, name="decision_update"),
    path("<int:pk>/protokoll.pdf", views.meeting_minutes_pdf, name="meeting_minutes_pdf"),
]
