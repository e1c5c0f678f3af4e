"""Reads of the help desk's records, each with its one permission chokepoint `visible_to(user)`."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from tsc_hub.helpdesk.states import AWAITING_ANSWER


def _scopes(user: Any) -> tuple[set[str], set[int], set[int]]:
    """The Parties (focal point), organisations (institution member) and centres (officer) of a person."""
    parties: set[str] = set()
    organisations: set[int] = set()
    centres: set[int] = set()
    for role, party, organisation, centre in user.role_assignments.active().values_list(
        "role", "party_id", "organisation_id", "centre_id"
    ):
        if role == "national_focal_point" and party:
            parties.add(party)
        elif role == "institution_member" and organisation:
            organisations.add(organisation)
        elif role == "helpdesk_officer" and centre:
            centres.add(centre)
    return parties, organisations, centres


def _signed_in(user: Any) -> bool:
    return user is not None and bool(user.is_authenticated) and bool(user.is_active)


class RequestMessageQuerySet(models.QuerySet[Any]):
    """Messages on requests."""

    def visible_to(self, user: Any) -> RequestMessageQuerySet:
        """Coordination and admins all; a centre's officers every message on the requests of the Parties
        it serves; the requester side (focal point of the Party, members of the requesting organisation)
        the messages that are not internal notes; nobody else anything (providers included)."""
        if not _signed_in(user):
            return self.none()
        if user.has_perm("helpdesk.read_all_threads"):
            return self
        parties, organisations, centres = _scopes(user)
        helpdesk = Q(request__centre_id__in=centres) | Q(request__country__support_centres__in=centres)
        requester = Q(request__country_id__in=parties) | Q(request__organisation_id__in=organisations)
        visible = helpdesk | (requester & Q(internal=False))
        return self.filter(pk__in=self.model.objects.filter(visible).values("pk"))

    def on_request(self, request_id: int) -> RequestMessageQuerySet:
        return self.filter(request_id=request_id)

    def with_related(self) -> RequestMessageQuerySet:
        return self.select_related("author")


class AnswerTemplateQuerySet(models.QuerySet[Any]):
    """Answer templates (not confidential: every help desk person may read them)."""

    def active(self) -> AnswerTemplateQuerySet:
        return self.filter(active=True)


class EnquiryQuerySet(models.QuerySet[Any]):
    """General enquiries."""

    def visible_to(self, user: Any) -> EnquiryQuerySet:
        """Coordination and admins all; a centre's officers the enquiries routed to their centre;
        the enquirer its own. Global enquiries (no centre) are coordination's."""
        if not _signed_in(user):
            return self.none()
        if user.has_perm("helpdesk.read_all_enquiries"):
            return self
        _parties, _organisations, centres = _scopes(user)
        return self.filter(Q(requester=user) | Q(centre_id__in=centres))

    def handled_by(self, user: Any) -> EnquiryQuerySet:
        """The enquiries the person answers as help desk (its queue), not those it asked itself."""
        if not _signed_in(user):
            return self.none()
        if user.has_perm("helpdesk.read_all_enquiries"):
            return self
        _parties, _organisations, centres = _scopes(user)
        return self.filter(centre_id__in=centres)

    def awaiting_answer(self) -> EnquiryQuerySet:
        return self.filter(state__in=AWAITING_ANSWER)

    def overdue(self, now: datetime.datetime | None = None) -> EnquiryQuerySet:
        """Enquiries still waiting for an answer past the target time of their category."""
        return self.awaiting_answer().filter(due_at__lt=now or timezone.now())

    def with_related(self) -> EnquiryQuerySet:
        return self.select_related("requester", "party", "centre", "owner")


class EnquiryReplyQuerySet(models.QuerySet[Any]):
    """Replies to enquiries."""

    def visible_to(self, user: Any) -> EnquiryReplyQuerySet:
        """The help desk of the enquiry sees every reply; the enquirer those that are not internal."""
        if not _signed_in(user):
            return self.none()
        from tsc_hub.helpdesk.models import Enquiry

        handled = Enquiry.objects.handled_by(user).values("pk")
        return self.filter(Q(enquiry__in=handled) | Q(enquiry__requester=user, internal=False))


class FaqEntryQuerySet(models.QuerySet[Any]):
    """Frequently asked questions."""

    def published(self) -> FaqEntryQuerySet:
        return self.filter(published=True)

    def visible_to(self, user: Any) -> FaqEntryQuerySet:
        """Everyone reads published entries; coordination and admins also the unpublished ones."""
        if _signed_in(user) and user.has_perm("helpdesk.manage_faq"):
            return self
        return self.published()
