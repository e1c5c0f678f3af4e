"""Reads of provider profiles and offers: chainable filters and one `visible_to(user)` each."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, Q
from django.utils import timezone

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.accounts.roles import Role
from tsc_hub.centres.models import SupportCentre

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

PUBLISHED = "published"
# Roles that read every record in any state.
READ_ALL_ROLES = (Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN)
# Roles that read their own organisation's records in any state.
OWN_ORGANISATION_ROLES = (Role.PROVIDER, Role.INSTITUTION_MEMBER)


class CooperationQuerySet(models.QuerySet[Any]):
    """What profile and offer reads share; subclasses name their organisation and coverage fields."""

    owner_field = ""
    parties_field = ""
    regions_field = ""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> Any:
        """Published records for everyone; the owner's people, the help desks serving its country and
        coordination staff and administrators also see the other states. One query, with subqueries."""
        published = Q(state=PUBLISHED)
        if not user.is_authenticated or not getattr(user, "is_active", False):
            return self.filter(published)
        held = RoleAssignment.objects.active().filter(user_id=user.pk)
        reads_all = Exists(held.filter(role__in=READ_ALL_ROLES))
        own = held.filter(role__in=OWN_ORGANISATION_ROLES).values("organisation_id")
        centres = held.filter(role=Role.HELPDESK_OFFICER).values("centre_id")
        served = SupportCentre.parties_served.through.objects.filter(supportcentre_id__in=centres).values(
            "party_id"
        )
        return self.filter(
            published
            | Q(reads_all)
            | Q(**{f"{self.owner_field}__in": own})
            | Q(**{f"{self.owner_field}__country__in": served})
        )

    def published(self) -> Any:
        return self.filter(state=PUBLISHED)

    def in_state(self, *states: str) -> Any:
        return self.filter(state__in=states)

    def of_organisation(self, organisation_id: int) -> Any:
        return self.filter(**{f"{self.owner_field}_id": organisation_id})

    def serving(self, party_code: str) -> Any:
        """Records whose coverage includes a Party, named directly or through a covered region."""
        code = party_code.strip().lower()
        every = self.model._default_manager.all()
        direct = every.filter(**{self.parties_field: code}).values("pk")
        through_region = every.filter(**{f"{self.regions_field}__members": code}).values("pk")
        return self.filter(Q(pk__in=direct) | Q(pk__in=through_region))

    def with_assistance_type(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(assistance_types__identifier=identifier).values("pk"))

    def with_gbf_target(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(gbf_targets__identifier=identifier).values("pk"))

    def with_related(self) -> Any:
        """Everything a list shows or the API returns, without one query per row."""
        return self.select_related(self.owner_field, f"{self.owner_field}__country").prefetch_related(
            self.parties_field,
            self.regions_field,
            "assistance_types",
            "cbd_subjects",
            "gbf_targets",
        )


class ProfileQuerySet(CooperationQuerySet):
    """Provider profiles."""

    owner_field = "organisation"
    parties_field = "coverage_parties"
    regions_field = "coverage_regions"


class OfferQuerySet(CooperationQuerySet):
    """Offers (opportunities)."""

    owner_field = "primary_organisation"
    parties_field = "areas_benefited_parties"
    regions_field = "areas_benefited_regions"

    def open(self, as_of: datetime.date | None = None) -> OfferQuerySet:
        """Published offers one can still apply to on `as_of` (today by default): never a past deadline."""
        day = as_of or timezone.localdate()
        return self.filter(Q(application_deadline__isnull=True) | Q(application_deadline__gte=day)).filter(
            state=PUBLISHED
        )

    def due_to_expire(self, today: datetime.date | None = None) -> OfferQuerySet:
        """Published offers whose application deadline is before `today`."""
        day = today or timezone.localdate()
        return self.filter(state=PUBLISHED, application_deadline__lt=day)

    def with_related(self) -> Any:
        return super().with_related().prefetch_related("organisations", "primary_beneficiaries")
