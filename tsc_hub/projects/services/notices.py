"""Telling both sides and the help desk what happened to a project."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from tsc_hub.assistance.services.people import helpdesk_side, requester_side
from tsc_hub.matching.services import providers_of
from tsc_hub.notifications.services import notify
from tsc_hub.projects.models import Project
from tsc_hub.projects.services.access import provider_organisation_ids

NOTICES = {
    "create": gettext_noop("The project “%(title)s” was created."),
    "milestone_done": gettext_noop("Milestone “%(milestone)s” of project “%(title)s” was reached."),
    "funding": gettext_noop("Funds of %(amount)s %(currency)s were recorded for project “%(title)s”."),
    "close": gettext_noop("The project “%(title)s” was closed."),
    "cancel": gettext_noop("The project “%(title)s” was cancelled."),
}


def concerned(project: Project) -> set[Any]:
    """The requester side, the help desk of the request and the people of the provider partners."""
    people = requester_side(project.request) | helpdesk_side(project.request)
    for organisation_id in provider_organisation_ids(project):
        people |= providers_of(organisation_id)
    return people


def tell(project: Project, event: str, by: Any, **params: Any) -> None:
    """Notify everyone concerned except whoever acted."""
    notify(
        recipients=concerned(project),
        exclude=by,
        target=project,
        url=f"/projects/{project.pk}/",
        template=NOTICES[event],
        params={"title": str(project), **params},
    )
