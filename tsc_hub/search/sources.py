"""The records the search box covers, as documents: published resources, public requests from acceptance
on, published offers and provider profiles, and projects of public requests. One document per language
version; facets are GBF targets, CBD subjects, countries and the CBD regional groups of those countries.

Search sits above the apps it reads, so it registers their sources itself (search.apps.ready)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.querysets import published_q
from tsc_hub.geography.models import Party
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.projects.models import Project
from tsc_hub.search.documents import Document, record_key, register_source

CONTENT_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
BATCH = 500


def _groups() -> dict[str, str]:
    """Party code -> CBD regional group."""
    return dict(Party.objects.exclude(cbd_group="").values_list("code", "cbd_group"))


def _url(name: str, pk: int, language: str) -> str:
    with translation.override("zh-hans" if language == "zh" else language):
        return reverse(name, args=[pk])


def _identifiers(manager: Any) -> list[str]:
    return sorted({term.identifier for term in manager.all()})


def _documents(
    kind: str,
    record: Any,
    url_name: str,
    texts: list[dict[str, str]],
    facets: dict[str, list[str]],
    **extra: Any,
) -> list[Document]:
    """One document per language the record's title is written in; the body joins the other texts."""
    title = record.title or {}
    found = []
    for language in CONTENT_LANGUAGES:
        heading = title.get(language)
        if not isinstance(heading, str) or not heading.strip():
            continue
        body = "\n".join(
            t[language] for t in texts if isinstance(t.get(language), str) and t[language].strip()
        )
        found.append(
            Document(
                key=record_key(kind, record.pk),
                kind=kind,
                language=language,
                title=heading.strip(),
                body=body,
                url=_url(url_name, record.pk, language),
                facets=facets,
                **extra,
            )
        )
    return found


def _places(codes: Iterable[str], groups: dict[str, str]) -> dict[str, list[str]]:
    codes = sorted(set(codes))
    return {"country": codes, "region": sorted({groups[code] for code in codes if code in groups})}


# Resources -----------------------------------------------------------------------------------------------

RESOURCE_PREFETCH = ("gbf_targets", "cbd_subjects", "countries", "regions__members")


def _resource(resource: Resource, groups: dict[str, str]) -> list[Document]:
    codes = {party.code for party in resource.countries.all()}
    for region in resource.regions.all():
        codes.update(member.code for member in region.members.all())
    facets = {
        "gbf_target": _identifiers(resource.gbf_targets),
        "subject": _identifiers(resource.cbd_subjects),
        **_places(codes, groups),
    }
    keywords = {lang: " ".join(resource.keywords) for lang in CONTENT_LANGUAGES} if resource.keywords else {}
    authors = {lang: ", ".join(resource.authors) for lang in CONTENT_LANGUAGES} if resource.authors else {}
    day = resource.publication_date or (resource.published_at.date() if resource.published_at else None)
    return _documents(
        "resource",
        resource,
        "knowledge:detail",
        [resource.summary or {}, keywords, authors],
        facets,
        subkind=resource.kind,
        date=day,
    )


# Requests, offers, profiles, projects ----------------------------------------------------------------------


def _request(request: AssistanceRequest, groups: dict[str, str]) -> list[Document]:
    facets = {
        "gbf_target": _identifiers(request.gbf_targets),
        "subject": _identifiers(request.cbd_subjects),
        **_places([request.country_id], groups),
    }
    texts = [request.problem or {}, request.objectives or {}]
    return _documents("request", request, "assistance:detail", texts, facets, date=request.created_at.date())


def _covered(record: Any) -> set[str]:
    parties, regions = record.coverage()
    codes = {party.code for party in parties.all()}
    for region in regions.all():
        codes.update(member.code for member in region.members.all())
    return codes


def _offer(offer: Offer, groups: dict[str, str]) -> list[Document]:
    facets = {
        "gbf_target": _identifiers(offer.gbf_targets),
        "subject": _identifiers(offer.cbd_subjects),
        **_places(_covered(offer), groups),
    }
    texts = [offer.description or {}, offer.eligibility or {}]
    return _documents("offer", offer, "offers:detail", texts, facets, date=offer.updated_at.date())


def _profile(profile: ProviderProfile, groups: dict[str, str]) -> list[Document]:
    facets = {
        "gbf_target": _identifiers(profile.gbf_targets),
        "subject": _identifiers(profile.cbd_subjects),
        **_places(_covered(profile), groups),
    }
    texts = [profile.expertise or {}, profile.collaboration_areas or {}]
    return _documents(
        "profile", profile, "offers:profile_detail", texts, facets, date=profile.updated_at.date()
    )


def _project(project: Project, groups: dict[str, str]) -> list[Document]:
    request = project.request
    facets = {
        "gbf_target": _identifiers(request.gbf_targets),
        "subject": _identifiers(request.cbd_subjects),
        **_places([request.country_id], groups),
    }
    return _documents("project", project, "projects:detail", [project.summary or {}], facets)


# Registration ---------------------------------------------------------------------------------------------

KINDS: dict[str, tuple[Callable[[], Any], Callable[[Any, dict[str, str]], list[Document]]]] = {
    "resource": (lambda: Resource.objects.published().prefetch_related(*RESOURCE_PREFETCH), _resource),
    "request": (
        lambda: AssistanceRequest.objects.filter(published_q()).prefetch_related(
            "gbf_targets", "cbd_subjects"
        ),
        _request,
    ),
    "offer": (
        lambda: Offer.objects.published().prefetch_related(
            "gbf_targets", "cbd_subjects", "areas_benefited_parties", "areas_benefited_regions__members"
        ),
        _offer,
    ),
    "profile": (
        lambda: ProviderProfile.objects.published().prefetch_related(
            "gbf_targets", "cbd_subjects", "coverage_parties", "coverage_regions__members"
        ),
        _profile,
    ),
    "project": (
        lambda: (
            Project.objects.filter(request__in=AssistanceRequest.objects.filter(published_q()))
            .select_related("request")
            .prefetch_related("request__gbf_targets", "request__cbd_subjects")
        ),
        _project,
    ),
}


def _all(kind: str) -> Callable[[], Iterator[Document]]:
    queryset, build = KINDS[kind]

    def every() -> Iterator[Document]:
        groups = _groups()
        records = queryset().order_by("pk")
        last = 0
        while True:
            batch = list(records.filter(pk__gt=last)[:BATCH])
            for record in batch:
                yield from build(record, groups)
            if len(batch) < BATCH:
                return
            last = batch[-1].pk

    return every


def _one(kind: str) -> Callable[[int], list[Document]]:
    queryset, build = KINDS[kind]

    def documents_for(object_id: int) -> list[Document]:
        record = queryset().filter(pk=object_id).first()
        return [] if record is None else build(record, _groups())

    return documents_for


def register_all() -> None:
    """Register every kind of record (called from search.apps.ready)."""
    for kind in KINDS:
        register_source(kind, _all(kind), _one(kind))


MODELS: dict[str, Any] = {
    "resource": Resource,
    "request": AssistanceRequest,
    "offer": Offer,
    "profile": ProviderProfile,
    "project": Project,
}


def refresh_recent(window: datetime.timedelta) -> int:
    """Reindex every record of every kind changed within `window` (published or not: a record that left
    publication loses its documents). The schedule runs it every 5 minutes over the last 15, and rebuilds
    the whole index nightly, so a missed run costs at most a day."""
    from tsc_hub.search.services import reindex

    since = timezone.now() - window
    written = 0
    for kind, model in MODELS.items():
        for object_id in model.objects.filter(updated_at__gte=since).values_list("pk", flat=True):
            written += reindex(kind, object_id)
    return written
