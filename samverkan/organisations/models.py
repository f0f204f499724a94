"""Parties, municipalities, people, the collaboration groups they meet in, and the focus areas they work on."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from samverkan.core.fields import GuardedCharField, GuardedTextField

if TYPE_CHECKING:
    from samverkan.organisations.access import Scope


class Municipality(models.Model):
    code = models.CharField(_("municipality code"), max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$")])
    name = models.CharField(_("name"), max_length=100)
    county_code = models.CharField(_("county code"), max_length=2)
    county_name = models.CharField(_("county"), max_length=100)
    boundary = models.JSONField(_("boundary"), help_text=_("GeoJSON geometry in WGS84."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def residents_latest(self) -> ResidentCount | None:
        return self.resident_counts.order_by("-year").first()


class ResidentCount(models.Model):
    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="resident_counts")
    year = models.PositiveSmallIntegerField(_("year"))
    residents = models.PositiveIntegerField(_("residents"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["municipality", "year"]
        verbose_name = _("resident count")
        verbose_name_plural = _("resident counts")
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="one_resident_count_per_year")]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.residents}"


class PresentPopulation(models.Model):
    """Residents plus estimated visitors in one month: the denominator for seasonal rates."""

    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="present_population")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    residents = models.PositiveIntegerField(_("residents"))
    visitors = models.PositiveIntegerField(_("estimated visitors"))
    source = models.CharField(_("source note"), max_length=300)

    class Meta:
        ordering = ["municipality", "year", "month"]
        verbose_name = _("present population")
        verbose_name_plural = _("present population")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "month"], name="one_present_population_per_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="present_population_month_1_12"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}-{self.month:02d}: {self.total}"

    @property
    def total(self) -> int:
        return self.residents + self.visitors

    @property
    def month_name(self) -> str:
        return str(MONTHS[self.month])


class Organisation(models.Model):
    class Kind(models.TextChoices):
        POLICE_REGION = "police_region", _("Police region")
        POLICE_DISTRICT = "police_district", _("Police district")
        POLICE_AREA = "police_area", _("Local police area")
        MUNICIPALITY = "municipality", _("Municipality")
        PARTNER = "partner", _("Partner")

    class PartnerKind(models.TextChoices):
        HOUSING = "housing", _("Housing company")
        SCHOOL = "school", _("School")
        RESCUE = "rescue", _("Rescue service")
        HEALTH = "health", _("Region / health care")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        BUSINESS = "business", _("Business")

    name = GuardedCharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    partner_kind = models.CharField(_("partner kind"), max_length=20, choices=PartnerKind.choices, blank=True)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipalities"),
        help_text=_("Where the organisation works: its own municipality, or the municipalities of a police area."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="partner") | Q(partner_kind=""), name="partner_kind_only_for_partners"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The police organisation's parent links run region → polisområde → lokalpolisområde, without a loop."""
        super().clean()
        parents: dict[str, tuple[str, ...]] = {
            self.Kind.POLICE_REGION: (),
            self.Kind.POLICE_DISTRICT: (self.Kind.POLICE_REGION,),
            self.Kind.POLICE_AREA: (self.Kind.POLICE_REGION, self.Kind.POLICE_DISTRICT),
        }
        if self.parent is None:
            return
        if self.kind in parents and self.parent.kind not in parents[self.kind]:
            allowed = "” / “".join(str(self.Kind(kind).label) for kind in parents[self.kind])
            raise ValidationError(
                {
                    "parent": _("A “%(kind)s” is part of a “%(allowed)s”, not of a “%(parent)s”.")
                    % {"kind": self.Kind(self.kind).label, "allowed": allowed, "parent": self.parent.get_kind_display()}
                    if allowed
                    else _("A police region is part of no other organisation.")
                }
            )
        ancestor: Organisation | None = self.parent
        while ancestor is not None:
            if ancestor.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            ancestor = ancestor.parent

    @property
    def is_police(self) -> bool:
        return self.kind in {self.Kind.POLICE_REGION, self.Kind.POLICE_DISTRICT, self.Kind.POLICE_AREA}

    def covered_municipality_ids(self) -> set[int]:
        """Municipalities the organisation covers, a police region and a police district (polisområde) also
        through the organisations under them (parent links: region → polisområde → lokalpolisområde)."""
        ids = set(self.municipalities.values_list("id", flat=True))
        for child in self.children.all():
            ids |= child.covered_municipality_ids()
        return ids


class User(AbstractUser):
    first_name = GuardedCharField(_("first name"), max_length=150, blank=True)
    last_name = GuardedCharField(_("last name"), max_length=150, blank=True)
    title = GuardedCharField(_("title"), max_length=200, blank=True)

    # Set on the request's user by django_otp's OTPMiddleware: whether this login passed the second factor.
    is_verified: Callable[[], bool]
    # The user's reach, cached on the user object by samverkan.organisations.access.scope_for.
    _samverkan_scope: Scope

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COORDINATOR = "samordnare", _("Coordinator")
    POLICE_CONTACT = "kontaktperson", _("Police contact")
    GROUP_MEMBER = "gruppmedlem", _("Group member")
    LEADERSHIP = "ledning", _("Leadership (read only)")
    REPORTER = "rapportor", _("Reporter")
    ADMINISTRATOR = "administrator", _("Administrator")


class Membership(models.Model):
    """A user's role in an organisation, optionally narrowed to one municipality."""

    user = models.ForeignKey(User, models.CASCADE, related_name="memberships", verbose_name=_("user"))
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    municipality = models.ForeignKey(
        Municipality,
        models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("municipality scope"),
        help_text=_("Empty: every municipality the organisation covers."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "municipality", "role"], name="unique_membership"),
        ]

    def __str__(self) -> str:
        scope = f" ({self.municipality})" if self.municipality else ""
        return f"{self.user}: {self.get_role_display()}, {self.organisation}{scope}"


class FocusArea(models.Model):
    """A fokusområde: shared vocabulary of agreements, goals, incident categories and dialogues."""

    name = GuardedCharField(_("name"), max_length=200, unique=True)
    short_name = GuardedCharField(_("short name"), max_length=30, unique=True)
    description = GuardedTextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "agreements_focusarea"  # created by the agreements, before it moved down here for the sources
        ordering = ["order", "name"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.name


class NamedPlace(models.Model):
    """A place a municipality's people know by name (a village, a square, a school, a station): a point is shown
    as its distance from the nearest one, and the maps' search finds them. Loaded with the municipalities for the
    bundled ones (data/named_places.csv), imported for others (`import_named_places`), edited in the admin and on
    the incident settings page."""

    class Kind(models.TextChoices):
        VILLAGE = "village", _("village")
        SQUARE = "square", _("square")
        SCHOOL = "school", _("school")
        STATION = "station", _("station")
        OTHER = "other", _("other place")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="named_places", verbose_name=_("municipality")
    )
    name = GuardedCharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    lat = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    lng = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])

    class Meta:
        db_table = "incidents_namedplace"  # created by the incidents, before it moved down here for every map
        ordering = ["municipality", "name"]
        verbose_name = _("named place")
        verbose_name_plural = _("named places")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="one_place_name_per_municipality")]

    def __str__(self) -> str:
        return self.name


class CollaborationGroup(models.Model):
    name = GuardedCharField(_("name"), max_length=200)
    municipalities = models.ManyToManyField(
        Municipality, related_name="collaboration_groups", verbose_name=_("municipalities")
    )
    purpose = GuardedTextField(_("purpose"), blank=True)
    reports_to = GuardedCharField(_("reports to"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("collaboration group")
        verbose_name_plural = _("collaboration groups")

    def __str__(self) -> str:
        return self.name

    @property
    def is_joint(self) -> bool:
        return self.municipalities.count() > 1


class GroupMember(models.Model):
    class GroupRole(models.TextChoices):
        CHAIR = "ordforande", _("Chair")
        COORDINATOR = "samordnare", _("Coordinator")
        POLICE_CONTACT = "kontaktperson", _("Police contact")
        SECRETARY = "sekreterare", _("Secretary")
        MEMBER = "ledamot", _("Member")

    group = models.ForeignKey(CollaborationGroup, models.CASCADE, related_name="members")
    name = GuardedCharField(_("name"), max_length=200)
    organisation = models.ForeignKey(Organisation, models.PROTECT, verbose_name=_("organisation"))
    role = models.CharField(_("role"), max_length=20, choices=GroupRole.choices)
    rank = models.PositiveSmallIntegerField(editable=False, default=0)
    user = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="group_memberships", verbose_name=_("user")
    )

    class Meta:
        ordering = ["group", "rank", "name"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def save(self, *args, **kwargs) -> None:
        # Members are listed chair first, then in the order the roles are declared.
        self.rank = self.GroupRole.values.index(self.role)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "rank"}
        super().save(*args, **kwargs)
