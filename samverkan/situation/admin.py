from __future__ import annotations

from django.contrib import admin

from samverkan.situation.models import RecurringEvent


@admin.register(RecurringEvent)
class RecurringEventAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "start_month", "start_day", "end_month", "end_day", "expected_visitors"]
    list_filter = ["municipality"]
