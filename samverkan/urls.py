from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from samverkan import views
from samverkan.account import views as account_views
from samverkan.api import views as api_views
from samverkan.api.api import api
from samverkan.audit import views as audit_views
from samverkan.core import views as core_views

handler404 = views.page_not_found

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kommun/<str:code>/", views.municipality, name="municipality"),
    path("kartlaggning/", include("samverkan.sources.urls")),
    path("lagesbild/", include("samverkan.situation.urls")),
    path("overenskommelser/", include("samverkan.agreements.urls")),
    path("mal/", include("samverkan.planning.goals.urls")),
    path("handlingsplaner/", include("samverkan.planning.actions.urls")),
    path("handlingsplaner/", include("samverkan.planning.effects.urls")),
    path("medborgarloften/", include("samverkan.planning.promises.urls")),
    path("tipsa/", include("samverkan.sources.citizen_reports.public_urls")),
    path("platser/", include("samverkan.organisations.urls")),
    path("uppfoljning/", include("samverkan.followup.reports.urls")),
    path("moten/", include("samverkan.followup.meetings.urls")),
    path("grupper/", include("samverkan.organisations.group_urls")),
    path("arshjul/", include("samverkan.followup.seasons.urls")),
    path("tillsyn/", include("samverkan.followup.supervision.urls")),
    path("aviseringar/", include("samverkan.followup.notifications.urls")),
    path("logg/", audit_views.audit_log, name="audit_log"),
    path("jobb/<int:pk>/", core_views.job, name="job"),
    path("jobb/<int:pk>/status/", core_views.job_status, name="job_status"),
    path("konto/logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/tvastegsinloggning/", account_views.verify, name="two_factor_verify"),
    path("konto/tvastegsinloggning/aktivera/", account_views.enrol, name="two_factor_enrol"),
    path("konto/api-nycklar/", api_views.api_tokens, name="api_tokens"),
    path("konto/api-nycklar/<int:pk>/aterkalla/", api_views.api_token_revoke, name="api_token_revoke"),
    path("api/docs/", api_views.api_docs, name="api_docs"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
