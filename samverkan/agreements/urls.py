from __future__ import annotations

from django.urls import path

from samverkan.agreements import create_views, follow_up_views, views

urlpatterns = [
    path("", views.agreement_list, name="agreements"),
    path("ny/", create_views.part1_create, name="agreement_create"),
    path("<int:pk>/", views.agreement_detail, name="agreement"),
    path("<int:pk>/del-2/ny/", create_views.part2_create, name="agreement_part2_create"),
    path("<int:pk>/redigera/", views.agreement_edit, name="agreement_edit"),
    path("<int:pk>/revidera/", views.agreement_start_revision, name="agreement_start_revision"),
    path("<int:pk>/ataganden/", views.commitment_add, name="commitment_add"),
    path("<int:pk>/ataganden/<int:item>/ta-bort/", views.commitment_delete, name="commitment_delete"),
    path("<int:pk>/kommunikation/", views.communication_item_add, name="communication_item_add"),
    path(
        "<int:pk>/kommunikation/<int:item>/ta-bort/",
        views.communication_item_delete,
        name="communication_item_delete",
    ),
    path("<int:pk>/undertecknare/", views.signatory_add, name="signatory_add"),
    path("<int:pk>/undertecknare/<int:item>/undertecknat/", views.signatory_sign, name="signatory_sign"),
    path("<int:pk>/undertecknare/<int:item>/ta-bort/", views.signatory_delete, name="signatory_delete"),
    path("<int:pk>/uppfoljning/ataganden/", follow_up_views.commitment_follow_up, name="commitment_follow_up"),
    path(
        "<int:pk>/uppfoljning/kommunikation/<int:item>/",
        follow_up_views.communication_follow_up,
        name="communication_follow_up",
    ),
    path("forslag/<int:pk>/", views.change_proposal, name="change_proposal"),
    path("forslag/<int:pk>/svar/", views.change_proposal_answer, name="change_proposal_answer"),
    path("forslag/<int:pk>/dra-tillbaka/", views.change_proposal_withdraw, name="change_proposal_withdraw"),
    path("forslag/<int:pk>/genomfor/", views.change_proposal_apply, name="change_proposal_apply"),
]
