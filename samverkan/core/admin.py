from __future__ import annotations

from django.contrib import admin

from samverkan.core.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """The worker's jobs, read only: who started what, its state and its message."""

    list_display = ["created_at", "kind", "label", "state", "done", "total", "created_by"]
    list_filter = ["state", "kind"]
    search_fields = ["label"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
