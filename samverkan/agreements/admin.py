from __future__ import annotations

from django.contrib import admin

from samverkan.agreements.models import FocusArea

# Agreements are changed in the product, where every change is recorded in their history;
# the admin manages only the reference data around them.


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "order"]
    list_editable = ["order"]
