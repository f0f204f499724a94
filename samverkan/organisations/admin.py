from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from samverkan.organisations.models import (
    CollaborationGroup,
    FocusArea,
    GroupMember,
    Membership,
    Municipality,
    NamedPlace,
    Organisation,
    PresentPopulation,
    ResidentCount,
    User,
)


class ResidentCountInline(admin.TabularInline):
    model = ResidentCount
    extra = 0


class PresentPopulationInline(admin.TabularInline):
    model = PresentPopulation
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "county_name"]
    list_filter = ["county_name"]
    search_fields = ["code", "name"]
    exclude = ["boundary"]
    inlines = [ResidentCountInline, PresentPopulationInline]


@admin.register(NamedPlace)
class NamedPlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "lat", "lng"]
    list_filter = ["kind", "municipality"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Also the police organisation: a lokalpolisområde's name, its parent (a polisområde or police region) and
    its municipalities, which `load_municipalities` and `import_police_areas` complete but never undo."""

    list_display = ["name", "kind", "partner_kind", "parent"]
    list_filter = ["kind", "partner_kind"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["municipalities", "parent"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), (None, {"fields": ["title"]}))
    inlines = [MembershipInline]


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 1


@admin.register(CollaborationGroup)
class CollaborationGroupAdmin(admin.ModelAdmin):
    list_display = ["name"]
    filter_horizontal = ["municipalities"]
    inlines = [GroupMemberInline]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "order"]
    list_editable = ["order"]
