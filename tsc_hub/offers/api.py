"""API of the offers app: provider profiles under /profiles, offers (opportunities) at the root.

Reads are public for published records; writes need a signed-in person whose roles allow them.
"""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.core.exceptions import NotFound
from tsc_hub.offers import services
from tsc_hub.offers.filters import filter_offers, filter_profiles
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.schemas import (
    OfferDetailOut,
    OfferIn,
    OfferOut,
    OfferUpdateIn,
    ProfileDetailOut,
    ProfileIn,
    ProfileOut,
    ProfileUpdateIn,
    TransitionIn,
)
from tsc_hub.offers.workflow import OFFER_WORKFLOW, PROFILE_WORKFLOW

router = Router(tags=["offers"])


def _profile(request: HttpRequest, profile_id: int) -> Any:
    found = ProviderProfile.objects.visible_to(request.user).with_related().filter(pk=profile_id).first()
    if found is None:
        raise NotFound(_("No such provider profile."))
    found.actions = PROFILE_WORKFLOW.actions_for(found.state, policy.roles_held_for(request.user, found))
    return found


def _offer(request: HttpRequest, offer_id: int) -> Any:
    found = Offer.objects.visible_to(request.user).with_related().filter(pk=offer_id).first()
    if found is None:
        raise NotFound(_("No such offer."))
    found.actions = OFFER_WORKFLOW.actions_for(found.state, policy.roles_held_for(request.user, found))
    return found


@router.get("/profiles", response=list[ProfileOut], auth=ANYONE, summary="Provider profiles, filtered")
@paginate(LimitOffsetPagination)
def list_profiles(
    request: HttpRequest,
    state: str | None = None,
    serves: str | None = None,
    assistance_type: str | None = None,
    gbf_target: str | None = None,
    organisation: int | None = None,
    q: str | None = None,
) -> Any:
    params = {
        "state": state,
        "serves": serves,
        "assistance_type": assistance_type,
        "gbf_target": gbf_target,
        "organisation": organisation,
        "q": q,
    }
    return filter_profiles(ProviderProfile.objects.visible_to(request.user).with_related(), params)


@router.get("/profiles/{profile_id}", response=ProfileDetailOut, auth=ANYONE, summary="One provider profile")
def get_profile(request: HttpRequest, profile_id: int) -> Any:
    return _profile(request, profile_id)


@router.post("/profiles", response={201: ProfileDetailOut}, auth=SIGNED_IN, summary="Describe a provider")
def create_profile(request: HttpRequest, payload: ProfileIn) -> Status[Any]:
    data = services.ProfileData(**payload.dict())
    profile = services.create_profile(data=data, by=signed_in_user(request))
    return Status(201, _profile(request, profile.pk))


@router.put("/profiles/{profile_id}", response=ProfileDetailOut, auth=SIGNED_IN, summary="Replace a profile")
def update_profile(request: HttpRequest, profile_id: int, payload: ProfileUpdateIn) -> Any:
    profile = _profile(request, profile_id)
    values = payload.dict()
    version = values.pop("version")
    services.update_profile(
        profile=profile,
        data=services.ProfileData(**values),
        expected_version=version,
        by=signed_in_user(request),
    )
    return _profile(request, profile_id)


@router.post(
    "/profiles/{profile_id}/transitions",
    response=ProfileDetailOut,
    auth=SIGNED_IN,
    summary="Take a workflow step on a profile",
)
def transition_profile(request: HttpRequest, profile_id: int, payload: TransitionIn) -> Any:
    profile = _profile(request, profile_id)
    services.transition_profile(
        record=profile, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return _profile(request, profile_id)


@router.get("", response=list[OfferOut], auth=ANYONE, summary="Offers (opportunities), filtered")
@paginate(LimitOffsetPagination)
def list_offers(
    request: HttpRequest,
    state: str | None = None,
    serves: str | None = None,
    assistance_type: str | None = None,
    gbf_target: str | None = None,
    open_on: datetime.date | None = None,
    organisation: int | None = None,
    q: str | None = None,
) -> Any:
    params = {
        "state": state,
        "serves": serves,
        "assistance_type": assistance_type,
        "gbf_target": gbf_target,
        "open_on": open_on,
        "organisation": organisation,
        "q": q,
    }
    return filter_offers(Offer.objects.visible_to(request.user).with_related(), params)


@router.get("/{offer_id}", response=OfferDetailOut, auth=ANYONE, summary="One offer")
def get_offer(request: HttpRequest, offer_id: int) -> Any:
    return _offer(request, offer_id)


@router.post("", response={201: OfferDetailOut}, auth=SIGNED_IN, summary="Describe an offer")
def create_offer(request: HttpRequest, payload: OfferIn) -> Status[Any]:
    offer = services.create_offer(data=services.OfferData(**payload.dict()), by=signed_in_user(request))
    return Status(201, _offer(request, offer.pk))


@router.put("/{offer_id}", response=OfferDetailOut, auth=SIGNED_IN, summary="Replace an offer")
def update_offer(request: HttpRequest, offer_id: int, payload: OfferUpdateIn) -> Any:
    offer = _offer(request, offer_id)
    values = payload.dict()
    version = values.pop("version")
    services.update_offer(
        offer=offer, data=services.OfferData(**values), expected_version=version, by=signed_in_user(request)
    )
    return _offer(request, offer_id)


@router.post(
    "/{offer_id}/transitions",
    response=OfferDetailOut,
    auth=SIGNED_IN,
    summary="Take a workflow step on an offer",
)
def transition_offer(request: HttpRequest, offer_id: int, payload: TransitionIn) -> Any:
    offer = _offer(request, offer_id)
    services.transition_offer(
        record=offer, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return _offer(request, offer_id)
