"""Reads of resources: chainable filters and one `visible_to(user)`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Exists, Q

from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.accounts.roles import Role
from tsc_hub.knowledge.states import ResourceState

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

PUBLISHED, IN_REVIEW = ResourceState.PUBLISHED.value, ResourceState.IN_REVIEW.value
# Roles that read and review every resource (the workflow's GLOBAL_REVIEWERS; a test keeps them equal).
GLOBAL_REVIEWERS = (Role.KNOWLEDGE_REVIEWER, Role.COORDINATION_STAFF, Role.PLATFORM_ADMIN)
# Roles whose holders see the resources of their own organisation in any state.
OWN_ORGANISATION_ROLES = (Role.PROVIDER, Role.INSTITUTION_MEMBER)


def _roles_of(user: AbstractBaseUser | AnonymousUser) -> Any:
    return RoleAssignment.objects.active().filter(user_id=user.pk)


class ResourceQuerySet(models.QuerySet[Any]):
    """Knowledge-hub resources."""

    def _about_parties(self, parties: Any) -> Q:
        """Resources tagged with one of `parties` (a subquery of codes) or owned by an organisation there."""
        tagged = self.model.countries.through.objects.filter(party_id__in=parties).values("resource_id")
        return Q(owner__country__in=parties) | Q(pk__in=tagged)

    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> Any:
        """Published resources for everyone. The other states for: reviewers, coordination staff and
        administrators (all); the providers and members of the owner organisation; the national focal
        points of a tagged country or of the owner's country; the help desk officers of the centres serving
        those countries. One query, with subqueries."""
        published = Q(state=PUBLISHED)
        if not user.is_authenticated or not getattr(user, "is_active", False):
            return self.filter(published)
        held = _roles_of(user)
        reads_all = Exists(held.filter(role__in=GLOBAL_REVIEWERS))
        own = held.filter(role__in=OWN_ORGANISATION_ROLES).values("organisation_id")
        focal = held.filter(role=Role.NATIONAL_FOCAL_POINT).values("party_id")
        served = held.filter(role=Role.HELPDESK_OFFICER).values("centre__parties_served")
        return self.filter(
            published
            | Q(reads_all)
            | Q(owner__in=own)
            | self._about_parties(focal)
            | self._about_parties(served)
        )

    def reviewable_by(self, user: AbstractBaseUser | AnonymousUser) -> Any:
        """Resources in review that the person may publish or return (the review queue)."""
        if not user.is_authenticated or not getattr(user, "is_active", False):
            return self.none()
        held = _roles_of(user)
        reviews_all = Exists(held.filter(role__in=GLOBAL_REVIEWERS))
        served = held.filter(role=Role.HELPDESK_OFFICER).values("centre__parties_served")
        return self.filter(state=IN_REVIEW).filter(Q(reviews_all) | self._about_parties(served))

    def published(self) -> Any:
        return self.filter(state=PUBLISHED)

    def in_state(self, *states: str) -> Any:
        return self.filter(state__in=states)

    def of_kind(self, *kinds: str) -> Any:
        return self.filter(kind__in=kinds)

    def of_organisation(self, organisation_id: int) -> Any:
        """Resources owned by, or naming as one of their organisations, an organisation."""
        named = self.model.organisations.through.objects.filter(organisation_id=organisation_id)
        return self.filter(Q(owner_id=organisation_id) | Q(pk__in=named.values("resource_id")))

    def tagged_gbf(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(gbf_targets__identifier=identifier).values("pk"))

    def tagged_subject(self, identifier: str) -> Any:
        every = self.model._default_manager.all()
        return self.filter(pk__in=every.filter(cbd_subjects__identifier=identifier).values("pk"))

    def for_country(self, code: str) -> Any:
        """Resources about a Party: tagged with it directly, or with a region it belongs to."""
        code = code.strip().lower()
        every = self.model._default_manager.all()
        direct = every.filter(countries=code).values("pk")
        through_region = every.filter(regions__members=code).values("pk")
        return self.filter(Q(pk__in=direct) | Q(pk__in=through_region))

    def in_language(self, code: str) -> Any:
        """Resources available in a language (ISO 639-1). The list is matched as JSON text, which works
        alike on SQLite and PostgreSQL for two-letter codes."""
        return self.filter(resource_languages__icontains=f'"{code.strip().lower()[:3]}"')

    def title_contains(self, text: str) -> Any:
        """A plain "contains" on the titles in every language (full-text search is the search app's).

        SQLite keeps JSON with non-ASCII letters escaped (\\u4e2d), so the escaped form is matched too."""
        text = text.strip()
        escaped = json.dumps(text)[1:-1]
        matches = Q(title__icontains=text)
        return self.filter(matches | Q(title__icontains=escaped) if escaped != text else matches)

    def with_related(self) -> Any:
        """Everything a list shows or the API returns, without one query per row."""
        return self.select_related("owner").prefetch_related(
            "organisations", "countries", "regions", "cbd_subjects", "gbf_targets"
        )
