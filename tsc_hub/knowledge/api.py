"""API of the knowledge hub: resources, their revisions and their review workflow.

Reads are public for published resources; the other states for the people the pages show them to. Writes
need a signed-in person whose roles allow them, as on the pages.
"""

from typing import Any

from django.db.models import Max, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.accounts import policy
from tsc_hub.accounts.auth import ANYONE, SIGNED_IN, signed_in_user
from tsc_hub.accounts.models import RoleAssignment
from tsc_hub.core.exceptions import NotFound, PermissionDenied
from tsc_hub.knowledge import services
from tsc_hub.knowledge.filters import filter_resources
from tsc_hub.knowledge.models import Resource, ResourceRevision
from tsc_hub.knowledge.schemas import (
    ResourceDetailOut,
    ResourceIn,
    ResourceOut,
    ResourceUpdateIn,
    RevisionOut,
    TransitionIn,
)
from tsc_hub.knowledge.workflow import RESOURCE_WORKFLOW, REVIEWERS

PROVENANCE = ("source", "original_identifier", "harvested_from", "harvested_at", "chm_identifier")

router = Router(tags=["knowledge"])


def _resource(request: HttpRequest, resource_id: int) -> Any:
    found = Resource.objects.visible_to(request.user).with_related().filter(pk=resource_id).first()
    if found is None:
        raise NotFound(_("No such resource."))
    found.actions = RESOURCE_WORKFLOW.actions_for(found.state, policy.roles_held_for(request.user, found))
    return found


@router.get("", response=list[ResourceOut], auth=ANYONE, summary="Resources, filtered")
@paginate(LimitOffsetPagination)
def list_resources(
    request: HttpRequest,
    kind: str | None = None,
    state: str | None = None,
    gbf_target: str | None = None,
    cbd_subject: str | None = None,
    country: str | None = None,
    language: str | None = None,
    organisation: int | None = None,
    q: str | None = None,
) -> Any:
    """Every resource the caller may read (published ones for anyone), newest change first."""
    params = {
        "kind": kind,
        "state": state,
        "gbf_target": gbf_target,
        "cbd_subject": cbd_subject,
        "country": country,
        "language": language,
        "organisation": organisation,
        "q": q,
    }
    return filter_resources(Resource.objects.visible_to(request.user).with_related(), params)


@router.get("/review-queue", response=list[ResourceOut], auth=SIGNED_IN, summary="Resources to review")
@paginate(LimitOffsetPagination)
def review_queue(request: HttpRequest) -> Any:
    """Resources in review the caller may publish or return, the longest waiting first."""
    user = signed_in_user(request)
    if not RoleAssignment.objects.active().filter(user=user, role__in=REVIEWERS).exists():
        raise PermissionDenied(
            _("Only knowledge hub reviewers, help desks and coordination staff review resources.")
        )
    submitted = Max("transitions__at", filter=Q(transitions__action="submit"))
    waiting = Resource.objects.reviewable_by(user).with_related().annotate(submitted_at=submitted)
    return waiting.order_by("submitted_at", "pk")


@router.get("/{resource_id}", response=ResourceDetailOut, auth=ANYONE, summary="One resource")
def get_resource(request: HttpRequest, resource_id: int) -> Any:
    return _resource(request, resource_id)


@router.get(
    "/{resource_id}/revisions", response=list[RevisionOut], auth=ANYONE, summary="The revisions of a resource"
)
def list_revisions(request: HttpRequest, resource_id: int) -> Any:
    """Every version of the content, newest first."""
    resource = _resource(request, resource_id)
    return ResourceRevision.objects.filter(resource=resource).order_by("-version")


@router.post("", response={201: ResourceDetailOut}, auth=SIGNED_IN, summary="Describe a resource")
def create_resource(request: HttpRequest, payload: ResourceIn) -> Status[Any]:
    data = services.ResourceData(**payload.dict())
    resource = services.create_resource(data=data, by=signed_in_user(request))
    return Status(201, _resource(request, resource.pk))


@router.put("/{resource_id}", response=ResourceDetailOut, auth=SIGNED_IN, summary="Replace a resource")
def update_resource(request: HttpRequest, resource_id: int, payload: ResourceUpdateIn) -> Any:
    resource = _resource(request, resource_id)
    values = payload.dict()
    version, note = values.pop("version"), values.pop("note")
    given = payload.dict(exclude_unset=True)
    # Provenance left out of a replacement is kept: people edit the content, importers set where it came from.
    values.update({name: getattr(resource, name) for name in PROVENANCE if name not in given})
    services.update_resource(
        resource=resource,
        data=services.ResourceData(**values),
        by=signed_in_user(request),
        version=version,
        note=note,
    )
    return _resource(request, resource_id)


@router.post(
    "/{resource_id}/transitions",
    response=ResourceDetailOut,
    auth=SIGNED_IN,
    summary="Take a workflow step on a resource",
)
def transition_resource(request: HttpRequest, resource_id: int, payload: TransitionIn) -> Any:
    resource = _resource(request, resource_id)
    services.transition_resource(
        resource=resource, action=payload.action, by=signed_in_user(request), reason=payload.reason
    )
    return _resource(request, resource_id)
