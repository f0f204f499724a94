from __future__ import annotations

from django.urls import path

from samverkan.planning.promises import views
from samverkan.planning.promises.feeds import PromisesFeed

urlpatterns = [
    # Public, no login.
    path("", views.citizens_home, name="citizens_home"),
    path("kommun/<str:code>/", views.promises_public, name="promises_public"),
    path("kommun/<str:code>/flode/", PromisesFeed(), name="promises_feed"),
    path("kommun/<str:code>/<int:pk>/forslag/", views.suggestion_new, name="suggestion_new"),
    path("kommun/<str:code>/<int:pk>/forslag/tack/", views.suggestion_thanks, name="suggestion_thanks"),
    path("kommun/<str:code>/samrad/", views.consultations_public, name="consultations_public"),
    path("kommun/<str:code>/samrad/<int:pk>/", views.consultation_public, name="consultation_public"),
    path("kommun/<str:code>/samrad/<int:pk>/tack/", views.consultation_thanks, name="consultation_thanks"),
    # Staff.
    path("personal/", views.promise_sets, name="promise_sets"),
    path("personal/ny/", views.promise_set_create, name="promise_set_create"),
    path("personal/<int:pk>/", views.promise_set_detail, name="promise_set"),
    path("personal/<int:pk>/loften/", views.promise_add, name="promise_add"),
    path("personal/<int:pk>/loften/<int:promise>/", views.promise_update, name="promise_update"),
    path("personal/<int:pk>/loften/<int:promise>/ta-bort/", views.promise_remove, name="promise_remove"),
    path(
        "personal/<int:pk>/loften/<int:promise>/aktiviteter/",
        views.promise_activity_add,
        name="promise_activity_add",
    ),
    path("personal/<int:pk>/undertecknare/", views.promise_signatory_add, name="promise_signatory_add"),
    path("personal/<int:pk>/signera/", views.promise_set_sign, name="promise_set_sign"),
    path("personal/<int:pk>/publicera/", views.promise_set_publish, name="promise_set_publish"),
    path("personal/<int:pk>/revidera/", views.promise_set_revise, name="promise_set_revise"),
    path("personal/<int:pk>/uppfoljning/", views.promise_set_follow_up, name="promise_set_follow_up"),
    path("personal/<int:pk>/samrad/", views.consultation, name="consultation"),
    path("personal/<int:pk>/samrad/kommentarer/<int:comment>/", views.comment_moderate, name="comment_moderate"),
    path("personal/<int:pk>/samrad/sammanfattning/", views.consultation_summarise, name="consultation_summarise"),
    path("personal/<int:pk>/forslag/<int:suggestion>/", views.suggestion_moderate, name="suggestion_moderate"),
    path("personal/<int:pk>/forslag/<int:suggestion>/svar/", views.suggestion_answer, name="suggestion_answer"),
]
