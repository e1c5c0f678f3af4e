"""Vocabularies as SKOS: one concept scheme per vocabulary, one concept per term, with labels in every
language, definitions, notations and broader/narrower/related links; serialised by rdflib as Turtle,
RDF/XML or JSON-LD, which parse back to the same graph."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.conf import settings
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from tsc_hub.vocabularies.models import Term, Vocabulary

FORMATS: dict[str, tuple[str, str]] = {
    # extension: (rdflib format, content type)
    "ttl": ("turtle", "text/turtle; charset=utf-8"),
    "rdf": ("xml", "application/rdf+xml; charset=utf-8"),
    "jsonld": ("json-ld", "application/ld+json; charset=utf-8"),
}
# Content keys use "zh"; RDF language tags too (BCP 47 "zh" covers the Chinese the CHM writes).
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")


def base_uri() -> Namespace:
    """Where concept URIs live: the site's vocabulary pages (stable across deployments of one site)."""
    return Namespace(settings.SITE_URL.rstrip("/") + "/vocabularies/")


def scheme_uri(vocabulary: Vocabulary) -> URIRef:
    return base_uri()[quote(vocabulary.identifier, safe="")]


def concept_uri(vocabulary: Vocabulary, identifier: str) -> URIRef:
    return URIRef(f"{scheme_uri(vocabulary)}/{quote(identifier, safe='')}")


def _literals(graph: Graph, subject: URIRef, predicate: URIRef, texts: dict[str, str]) -> None:
    for language in LANGUAGES:
        text = (texts or {}).get(language)
        if isinstance(text, str) and text.strip():
            graph.add((subject, predicate, Literal(text.strip(), lang=language)))


def _concept(graph: Graph, vocabulary: Vocabulary, scheme: URIRef, term: Term) -> None:
    concept = concept_uri(vocabulary, term.identifier)
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, DCTERMS.identifier, Literal(term.identifier)))
    if term.notation:
        graph.add((concept, SKOS.notation, Literal(term.notation)))
    _literals(graph, concept, SKOS.prefLabel, term.labels)
    _literals(graph, concept, SKOS.altLabel, term.short_labels)
    _literals(graph, concept, SKOS.definition, term.definitions)
    broader = [parent for parent in term.broader.all() if parent.vocabulary_id == vocabulary.pk]
    for parent in broader:
        graph.add((concept, SKOS.broader, concept_uri(vocabulary, parent.identifier)))
        graph.add((concept_uri(vocabulary, parent.identifier), SKOS.narrower, concept))
    if not broader:
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
    for other in term.related.all():
        graph.add((concept, SKOS.related, concept_uri(other.vocabulary, other.identifier)))


def vocabulary_graph(vocabulary: Vocabulary, terms: Iterable[Term] | None = None) -> Graph:
    """The SKOS graph of one vocabulary."""
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("dct", DCTERMS)
    scheme = scheme_uri(vocabulary)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.identifier, Literal(vocabulary.identifier)))
    _literals(graph, scheme, SKOS.prefLabel, vocabulary.labels)
    _literals(graph, scheme, DCTERMS.description, vocabulary.descriptions)
    if vocabulary.source:
        graph.add((scheme, DCTERMS.source, Literal(vocabulary.source)))
    if terms is None:
        terms = vocabulary.terms.prefetch_related("broader", "related__vocabulary").order_by("position")
    for term in terms:
        _concept(graph, vocabulary, scheme, term)
    return graph


def serialise(graph: Graph, extension: str) -> str:
    """The graph in the format of `extension` (ttl, rdf, jsonld)."""
    rdflib_format, _content_type = FORMATS[extension]
    return graph.serialize(format=rdflib_format)
