"""Resources as linked data: schema.org JSON-LD for each record page, and a DCAT catalogue of the datasets.

schema.org types follow the resource kind; multilingual titles and summaries become language-tagged values.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind

SCHEMA_TYPES = {
    ResourceKind.TECHNOLOGY: "Product",
    ResourceKind.CASE_STUDY: "Article",
    ResourceKind.BEST_PRACTICE: "HowTo",
    ResourceKind.TRAINING: "Course",
    ResourceKind.EVENT: "Event",
    ResourceKind.FUNDING: "MonetaryGrant",
    ResourceKind.PUBLICATION: "CreativeWork",
    ResourceKind.DATASET: "Dataset",
    ResourceKind.NETWORK: "Organization",
    ResourceKind.INCUBATOR: "Organization",
    ResourceKind.CAPACITY_INITIATIVE: "Project",
    ResourceKind.NATIONAL_CAPACITY_PLAN: "CreativeWork",
    ResourceKind.THEMATIC_ACTION_PLAN: "CreativeWork",
}
CONTENT_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")


def page_url(resource: Resource) -> str:
    """The record page in the resource's own language (the site URL, not the request's host)."""
    language = "zh-hans" if resource.original_language == "zh" else resource.original_language
    return f"{settings.SITE_URL.rstrip('/')}/{language}/resources/{resource.pk}/"


def _tagged(texts: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"@language": language, "@value": texts[language].strip()}
        for language in CONTENT_LANGUAGES
        if isinstance(texts.get(language), str) and texts[language].strip()
    ]


def _dated(resource: Resource, data: dict[str, Any]) -> None:
    if resource.publication_date:
        data["datePublished"] = resource.publication_date.isoformat()
    if resource.start_date:
        data["startDate"] = resource.start_date.isoformat()
    if resource.end_date:
        data["endDate"] = resource.end_date.isoformat()


def resource_jsonld(resource: Resource) -> dict[str, Any]:
    """The schema.org description of a resource (prefetch its terms, countries and organisations)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(ResourceKind(resource.kind), "CreativeWork"),
        "@id": page_url(resource),
        "url": page_url(resource),
        "name": _tagged(resource.title),
    }
    if resource.summary:
        data["description"] = _tagged(resource.summary)
    if resource.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in resource.authors]
    organisations = [{"@type": "Organization", "name": str(org)} for org in resource.organisations.all()]
    if organisations:
        data["publisher"] = organisations
    _dated(resource, data)
    if resource.resource_languages:
        data["inLanguage"] = list(resource.resource_languages)
    if resource.keywords:
        data["keywords"] = list(resource.keywords)
    about = [
        {"@type": "DefinedTerm", "termCode": term.identifier, "name": term.labels.get("en", term.identifier)}
        for term in [*resource.gbf_targets.all(), *resource.cbd_subjects.all()]
    ]
    if about:
        data["about"] = about
    places = [
        {"@type": "Country", "name": party.names.get("en", party.code), "identifier": party.code}
        for party in resource.countries.all()
    ]
    if places:
        data["spatialCoverage"] = places
    if resource.rights:
        data["license"] = resource.rights
    links = [link["url"] for link in resource.links if isinstance(link, dict) and link.get("url")]
    if links:
        data["sameAs"] = links
    return data


def jsonld_script(resource: Resource) -> SafeString:
    """A <script type="application/ld+json"> block; "<" is escaped so no text can close the script."""
    body = json.dumps(resource_jsonld(resource), ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{body}</script>')


def dcat_catalogue(datasets: list[Resource]) -> Graph:
    """A DCAT catalogue of the published datasets, each link a distribution."""
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    site = settings.SITE_URL.rstrip("/")
    catalogue = URIRef(f"{site}/resources/dcat")
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal("tsc-hub datasets", lang="en")))
    graph.add((catalogue, FOAF.homepage, URIRef(site + "/")))
    for resource in datasets:
        dataset = URIRef(page_url(resource))
        graph.add((catalogue, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCAT.landingPage, dataset))
        for item in _tagged(resource.title):
            graph.add((dataset, DCTERMS.title, Literal(item["@value"], lang=item["@language"])))
        for item in _tagged(resource.summary):
            graph.add((dataset, DCTERMS.description, Literal(item["@value"], lang=item["@language"])))
        for keyword in resource.keywords:
            graph.add((dataset, DCAT.keyword, Literal(keyword)))
        for term in resource.gbf_targets.all():
            graph.add((dataset, DCAT.theme, URIRef(f"{site}/vocabularies/GBF-TARGETS/{term.identifier}")))
        for party in resource.countries.all():
            graph.add((dataset, DCTERMS.spatial, Literal(party.code)))
        if resource.rights:
            graph.add((dataset, DCTERMS.license, Literal(resource.rights)))
        if resource.publication_date:
            graph.add((dataset, DCTERMS.issued, Literal(resource.publication_date)))
        for number, link in enumerate(resource.links):
            if isinstance(link, dict) and link.get("url"):
                distribution = URIRef(f"{dataset}#distribution-{number}")
                graph.add((dataset, DCAT.distribution, distribution))
                graph.add((distribution, RDF.type, DCAT.Distribution))
                graph.add((distribution, DCAT.accessURL, URIRef(link["url"])))
    return graph
