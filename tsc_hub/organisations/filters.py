"""One filter for the organisation list, used by the page (and available to the API)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from tsc_hub.organisations.querysets import OrganisationQuerySet


def filter_organisations(organisations: OrganisationQuerySet, params: dict[str, Any]) -> OrganisationQuerySet:
    """Apply the list filters: text in a name or acronym, country, type, GBF target."""
    if params.get("q"):
        text = str(params["q"]).strip()
        organisations = organisations.filter(Q(acronym__icontains=text) | Q(names__icontains=text))
    if params.get("country"):
        organisations = organisations.in_country(str(params["country"]))
    if params.get("organisation_type"):
        organisations = organisations.of_type(str(params["organisation_type"]))
    if params.get("gbf_target"):
        organisations = organisations.filter(gbf_targets__identifier=params["gbf_target"]).distinct()
    return organisations
