"""The one place that decides what a user may see and change.

A user reaches municipalities and organisations through memberships:
- a municipality's staff reach their own municipality;
- the police reach every municipality of their police area (a region: of all its areas);
- a membership narrowed to one municipality reaches only that one.
Coordinators and police contacts may change what they reach; every other role only reads.
Anything outside a user's reach answers 404, so its existence is not revealed; so does a change asked by one
who only reads (`require_write`).

This module holds the scope primitives (on a user); each app reaches its own objects through them in its
`access` module, one `get_<object>_for_user(request, pk_or_code) -> (object, can_write)` per kind, which its
views call directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, cast

from django.db.models import Model, QuerySet
from django.http import Http404

from samverkan.organisations.http import AuthenticatedHttpRequest
from samverkan.organisations.models import CollaborationGroup, Membership, Municipality, Organisation, Role, User

WRITE_ROLES = frozenset({Role.COORDINATOR, Role.POLICE_CONTACT})
# Who logs incidents: everyone working in the collaboration but the read-only leadership.
POLICE_KINDS = (Organisation.Kind.POLICE_REGION, Organisation.Kind.POLICE_DISTRICT, Organisation.Kind.POLICE_AREA)
REPORT_ROLES = frozenset({Role.COORDINATOR, Role.POLICE_CONTACT, Role.GROUP_MEMBER, Role.REPORTER})


@dataclass(frozen=True)
class Scope:
    read_municipalities: frozenset[int]
    write_municipalities: frozenset[int]
    read_organisations: frozenset[int]
    write_organisations: frozenset[int]
    report_municipalities: frozenset[int]
    member_of: frozenset[int]
    # Municipalities whose own organisation the user belongs to: there the user is the owner
    # (of survey answers and exact small counts); the police and partners are outside.
    owned_municipalities: frozenset[int]
    # Municipalities whose situation picture the user sees in full: their own, and for the police every
    # municipality of their area (the police are a party to the picture, DOMAIN.md §4).
    party_municipalities: frozenset[int]


EMPTY_SCOPE = Scope(*(frozenset(),) * 8)


def organisations_under(pk: int, children: dict[int, list[int]]) -> set[int]:
    """The organisation and every organisation under it, from the tree of parent links (each id's children)."""
    found, waiting = set(), [pk]
    while waiting:
        found.add(current := waiting.pop())
        waiting += children.get(current, [])
    return found


def _organisation_tree() -> dict[int, list[int]]:
    """Each organisation's children (one query over the organisations: a few hundred rows)."""
    children: dict[int, list[int]] = {}
    for pk, parent in Organisation.objects.filter(parent__isnull=False).values_list("id", "parent_id"):
        children.setdefault(parent, []).append(pk)
    return children


def scope_for(user: User) -> Scope:
    """What the user reaches, computed once per user object."""
    if not user.is_authenticated or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_samverkan_scope", None)
    if cached is not None:
        return cached
    read_m: set[int] = set()
    write_m: set[int] = set()
    read_o: set[int] = set()
    write_o: set[int] = set()
    report_m: set[int] = set()
    member_of: set[int] = set()
    owned_m: set[int] = set()
    party_m: set[int] = set()
    memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    # The organisations under each membership's and the municipalities they cover: two queries for them all,
    # rather than a few per organisation of a police region's tree.
    children = _organisation_tree() if memberships else {}
    under = {m.organisation_id: organisations_under(m.organisation_id, children) for m in memberships}
    covered: dict[int, set[int]] = {}
    links = Organisation.municipalities.through.objects.filter(organisation_id__in=set().union(*under.values()))
    for organisation_id, municipality_id in links.values_list("organisation_id", "municipality_id"):
        covered.setdefault(organisation_id, set()).add(municipality_id)
    for membership in memberships:
        organisations = under[membership.organisation_id]
        if membership.municipality_id is not None:
            municipalities = {membership.municipality_id}
        else:  # as Organisation.covered_municipality_ids: its own and those of every organisation under it
            municipalities = set().union(*(covered.get(pk, set()) for pk in organisations))
        read_m |= municipalities
        read_o |= organisations
        member_of.add(membership.organisation_id)
        if membership.role in WRITE_ROLES:
            write_m |= municipalities
            write_o |= organisations
        if membership.role in REPORT_ROLES:
            report_m |= municipalities
        if membership.organisation.kind == Organisation.Kind.MUNICIPALITY:
            owned_m |= municipalities
        if membership.organisation.kind in (Organisation.Kind.MUNICIPALITY, *POLICE_KINDS):
            party_m |= municipalities
    scope = Scope(
        *(frozenset(ids) for ids in (read_m, write_m, read_o, write_o, report_m, member_of, owned_m, party_m))
    )
    user._samverkan_scope = scope
    return scope


def visible_municipalities(user: User) -> QuerySet[Municipality]:
    return Municipality.objects.filter(id__in=scope_for(user).read_municipalities)


def municipality_in_reach(user: User, code: str) -> tuple[Municipality, bool]:
    """The municipality and whether the user may change its records; 404 for anyone else. For code that has a
    user and no request (selectors); views call `get_municipality_for_user`."""
    scope = scope_for(user)
    municipality = Municipality.objects.filter(code=code, id__in=scope.read_municipalities).first()
    if municipality is None:
        raise Http404
    return municipality, municipality.id in scope.write_municipalities


def get_municipality_for_user(request: AuthenticatedHttpRequest, code: str) -> tuple[Municipality, bool]:
    """The municipality and whether the user may change its records; 404 for anyone else."""
    return municipality_in_reach(request.user, code)


def require_write(can_write: bool) -> None:
    """A change asked by one who only reads answers 404, as for one outside: the page's actions are not there."""
    if not can_write:
        raise Http404


def report_municipalities(user: User) -> QuerySet[Municipality]:
    """Where the user may log incidents."""
    return Municipality.objects.filter(id__in=scope_for(user).report_municipalities)


def is_member_of(user: User, organisation_id: int | None) -> bool:
    """Inside this organisation: sees its reporters' identities and its exact small counts."""
    return organisation_id is not None and organisation_id in scope_for(user).member_of


def reads_incident_text(user: User, *, organisation_id: int | None, municipality_id: int) -> bool:
    """Whether the user reads an incident's free text (DOMAIN.md §4: it stays inside the organisation that logged
    it). The EST log is the municipality's: its own organisation reads every text in it, a reporting partner or
    the police only the texts their own organisation logged."""
    scope = scope_for(user)
    return municipality_id in scope.owned_municipalities or (
        organisation_id is not None and organisation_id in scope.member_of
    )


class _InMunicipality(Protocol):
    municipality_id: int


def municipal_object_in_reach[M: Model](user: User, queryset: QuerySet[M], **lookup) -> tuple[M, bool]:
    """An object that belongs to one municipality (a `municipality` field), and whether the user may
    change it; 404 for anyone outside that municipality. The apps' `get_<object>_for_user` build on it."""
    scope = scope_for(user)
    found = queryset.filter(municipality_id__in=scope.read_municipalities, **lookup).first()
    if found is None:
        raise Http404
    # M has a municipality (the filter above needs it); a type can't say "a Model with a municipality_id".
    return found, cast(_InMunicipality, found).municipality_id in scope.write_municipalities


def owns_municipality(user: User, municipality: Municipality) -> bool:
    """Inside the municipality's own organisation (its staff and leadership)."""
    return municipality.id in scope_for(user).owned_municipalities


def sees_internal_figures(user: User, municipality: Municipality) -> bool:
    """A party to the municipality's picture (its own organisation, the police of its area): sees every
    figure exact and its adopted baselines. Incident free text and reporters stay with `reads_incident_text`
    and `is_member_of`."""
    return municipality.id in scope_for(user).party_municipalities


def visible_groups(user: User) -> QuerySet[CollaborationGroup]:
    """The collaboration groups with a municipality the user reaches."""
    ids = CollaborationGroup.objects.filter(municipalities__in=scope_for(user).read_municipalities).values("id")
    return CollaborationGroup.objects.filter(id__in=ids).prefetch_related("municipalities")


def edits_groups_of(user: User, municipality_ids: set[int]) -> bool:
    """Whether the user may create and change a group of these municipalities: a municipality's coordinators its
    own groups, the police contact the shared groups of several municipalities of the police area."""
    scope = scope_for(user)
    if not municipality_ids or not municipality_ids <= scope.write_municipalities:
        return False
    return municipality_ids <= scope.owned_municipalities or len(municipality_ids) > 1


def get_collaboration_group_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[CollaborationGroup, bool]:
    """The group and whether the user may change it and its members; 404 for anyone else."""
    group = visible_groups(request.user).filter(pk=pk).first()
    if group is None:
        raise Http404
    return group, edits_groups_of(request.user, {m.id for m in group.municipalities.all()})
