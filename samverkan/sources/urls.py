from __future__ import annotations

from django.urls import include, path

from samverkan.sources import views

urlpatterns = [
    path("", views.sources, name="sources"),
    path("import/<str:key>/", views.import_upload, name="import_upload"),
    path("import/<str:key>/bekrafta/", views.import_confirm, name="import_confirm"),
    path("brottsstatistik/", include("samverkan.sources.bra.urls")),
    path("polisens-handelser/", include("samverkan.sources.police_events.urls")),
    path("kolada/", include("samverkan.sources.kolada.urls")),
    path("indikatorer/", include("samverkan.sources.indicators.urls")),
    path("enkater/", include("samverkan.sources.surveys.urls")),
    path("incidenter/", include("samverkan.sources.incidents.urls")),
    path("dialoger/", include("samverkan.sources.dialogues.urls")),
    path("medborgartips/", include("samverkan.sources.citizen_reports.urls")),
]
