"""Every vocabulary as SKOS in Turtle, RDF/XML and JSON-LD that rdflib parses back to the same graph."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import SKOS, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from tsc_hub.vocabularies import skos
from tsc_hub.vocabularies.models import Vocabulary

pytestmark = pytest.mark.django_db
PARSE = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


@pytest.mark.parametrize("extension", ["ttl", "rdf", "jsonld"])
@pytest.mark.parametrize("identifier", ["GBF-TARGETS", "CBD-SUBJECTS", "ASSISTANCE-TYPES"])
def test_each_format_parses_back_to_the_same_graph(client: Any, identifier: str, extension: str) -> None:
    response = client.get(f"/en/vocabularies/{identifier}.{extension}")
    assert response.status_code == 200
    assert response["Content-Type"] == skos.FORMATS[extension][1]
    parsed = Graph().parse(data=response.content.decode(), format=PARSE[extension])
    expected = skos.vocabulary_graph(Vocabulary.objects.get(identifier=identifier))
    assert isomorphic(parsed, expected)


def test_concepts_carry_six_languages_and_the_hierarchy() -> None:
    subjects = Vocabulary.objects.get(identifier="CBD-SUBJECTS")
    graph = skos.vocabulary_graph(subjects)
    marine = skos.concept_uri(subjects, "CBD-SUBJECT-MAR")
    biomes = skos.concept_uri(subjects, "CBD-SUBJECT-BIOMES")
    languages = {label.language for label in graph.objects(marine, SKOS.prefLabel)}
    assert languages == {"ar", "en", "es", "fr", "ru", "zh"}
    assert (marine, SKOS.broader, biomes) in graph
    assert (biomes, SKOS.narrower, marine) in graph
    assert (skos.scheme_uri(subjects), SKOS.hasTopConcept, biomes) in graph
    assert (marine, DCTERMS.identifier, Literal("CBD-SUBJECT-MAR")) in graph
    assert (marine, SKOS.inScheme, skos.scheme_uri(subjects)) in graph


def test_unknown_formats_and_vocabularies_are_not_found(client: Any) -> None:
    assert client.get("/en/vocabularies/GBF-TARGETS.exe").status_code == 404
    assert client.get("/en/vocabularies/NO-SUCH.ttl").status_code == 404
