"""What the provider exposes: which resources, under which identifiers and sets, read in bounded pages.

Harvestable resources are the published ones and the withdrawn ones that had been published (shown as
deleted records, so harvesters remove their copy). Drafts and resources in review never appear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone, translation

from tsc_hub.geography.models import Party, Region
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.oai.tokens import ListQuery, Position
from tsc_hub.knowledge.states import ResourceKind, ResourceState
from tsc_hub.organisations.models import Organisation
from tsc_hub.vocabularies.models import Term

GBF_TARGETS = "GBF-TARGETS"
KIND_SET = "kind"
GBF_SET = "gbf"
# 100 records keep a ListRecords page well under a megabyte and a harvest of 10,000 at 100 requests.
DEFAULT_PAGE_SIZE = 100


def repository_identifier() -> str:
    """The namespace of our OAI identifiers: OAI_REPOSITORY_ID if set, else the host of SITE_URL."""
    configured: str = getattr(settings, "OAI_REPOSITORY_ID", "")
    return configured or urlsplit(settings.SITE_URL).hostname or "localhost"


def base_url() -> str:
    """The address harvesters send requests to."""
    return f"{settings.SITE_URL.rstrip('/')}/oai"


def admin_email() -> str:
    """Who answers for the repository: OAI_ADMIN_EMAIL, else the first of ADMINS, else DEFAULT_FROM_EMAIL."""
    configured: str = getattr(settings, "OAI_ADMIN_EMAIL", "")
    admins: Sequence[tuple[str, str]] = getattr(settings, "ADMINS", [])
    if not configured and admins:
        configured = admins[0][1]
    return configured or parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@localhost"


def page_size() -> int:
    """How many records or headers one response carries (OAI_PAGE_SIZE, 100 by default)."""
    return max(1, int(getattr(settings, "OAI_PAGE_SIZE", DEFAULT_PAGE_SIZE)))


def oai_identifier(pk: int) -> str:
    """`oai:<repository>:resource/<pk>`, following the oai-identifier scheme."""
    return f"oai:{repository_identifier()}:resource/{pk}"


def resource_pk(identifier: str) -> int | None:
    """The primary key named by one of our identifiers, or None for anything else."""
    prefix = f"oai:{repository_identifier()}:resource/"
    local = identifier.removeprefix(prefix)
    if local == identifier or not local.isascii() or not local.isdigit():
        return None
    return int(local)


def is_deleted(resource: Resource) -> bool:
    """A withdrawn resource is a deleted record; the harvestable filter keeps only published ones else."""
    return resource.state == ResourceState.WITHDRAWN


def harvestable() -> QuerySet[Resource]:
    """Published resources and the withdrawn resources that were once published, oldest change first."""
    published = Q(state=ResourceState.PUBLISHED)
    withdrawn = Q(state=ResourceState.WITHDRAWN, published_at__isnull=False)
    return Resource.objects.filter(published | withdrawn).order_by("updated_at", "id")


def earliest_datestamp() -> datetime:
    """The oldest datestamp of any harvestable record (now, when there are none yet)."""
    earliest: datetime | None = harvestable().aggregate(earliest=Min("updated_at"))["earliest"]
    return earliest or timezone.now()


def with_headers(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """Prefetch what a header needs: the GBF targets that give set membership (one more query)."""
    targets = _terms().filter(vocabulary__identifier=GBF_TARGETS)
    return resources.prefetch_related(Prefetch("gbf_targets", queryset=targets))


def with_metadata(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """Prefetch everything oai_dc shows, so a page costs a fixed number of queries whatever its size."""
    organisations = Organisation.objects.only("id", "names", "acronym", "original_language").order_by("id")
    return with_headers(resources).prefetch_related(
        Prefetch("cbd_subjects", queryset=_terms()),
        Prefetch("organisations", queryset=organisations),
        Prefetch("countries", queryset=Party.objects.only("code").order_by("code")),
        Prefetch("regions", queryset=Region.objects.only("id", "identifier").order_by("identifier")),
    )


def _terms() -> QuerySet[Term]:
    # An explicit order: Term's default ordering would join the vocabulary table on every prefetch.
    return Term.objects.only("id", "identifier", "labels").order_by("position", "identifier")


def matching(query: ListQuery) -> QuerySet[Resource]:
    """The harvestable resources in the set and date range of a list request."""
    resources = in_set(harvestable(), query.set_spec)
    if query.start is not None:
        resources = resources.filter(updated_at__gte=query.start)
    if query.end is not None:
        resources = resources.filter(updated_at__lt=query.end)
    return resources


def in_set(resources: QuerySet[Resource], set_spec: str | None) -> QuerySet[Resource]:
    """Restrict to a set; an unknown set simply has no records (answered as noRecordsMatch)."""
    if set_spec is None or set_spec == KIND_SET:
        return resources  # every resource has a kind, so the parent set holds them all
    if set_spec.startswith(f"{KIND_SET}:"):
        return resources.filter(kind=set_spec.removeprefix(f"{KIND_SET}:"))
    if set_spec == GBF_SET or set_spec.startswith(f"{GBF_SET}:"):
        links = Resource.gbf_targets.through.objects.filter(
            resource_id=OuterRef("pk"), term__vocabulary__identifier=GBF_TARGETS
        )
        if set_spec != GBF_SET:
            links = links.filter(term__identifier=set_spec.removeprefix(f"{GBF_SET}:"))
        # EXISTS rather than a join: no duplicate rows, so no DISTINCT fighting the keyset ORDER BY.
        return resources.filter(Exists(links))
    return resources.none()


def page_after(resources: QuerySet[Resource], position: Position, limit: int) -> list[Resource]:
    """Up to `limit` resources after the position, by (updated_at, id): one range query with LIMIT."""
    if position.after_datestamp is not None and position.after_id is not None:
        resources = resources.filter(
            Q(updated_at__gt=position.after_datestamp)
            | Q(updated_at=position.after_datestamp, id__gt=position.after_id)
        )
    return list(resources[:limit])


@dataclass(frozen=True)
class OaiSet:
    """One set of ListSets."""

    spec: str
    name: str


def set_catalogue() -> list[OaiSet]:
    """Every set: the two parents, one per kind and one per GBF target, named in English."""
    with translation.override("en"):
        sets = [OaiSet(KIND_SET, "Resources by kind"), OaiSet(GBF_SET, "Resources by GBF target")]
        sets += [OaiSet(f"{KIND_SET}:{kind.value}", str(kind.label)) for kind in ResourceKind]
    targets = _terms().filter(vocabulary__identifier=GBF_TARGETS)
    sets += [OaiSet(f"{GBF_SET}:{term.identifier}", _target_name(term)) for term in targets]
    return sets


def _target_name(term: Term) -> str:
    number = term.identifier.rsplit("-", 1)[-1].lstrip("0") or term.identifier
    label = term.labels.get("en") or term.identifier
    return f"GBF Target {number}: {label}"


def set_specs(resource: Resource) -> list[str]:
    """The leaf sets a record is in (uses the prefetched GBF targets)."""
    targets = [f"{GBF_SET}:{term.identifier}" for term in resource.gbf_targets.all()]
    return [f"{KIND_SET}:{resource.kind}", *targets]
