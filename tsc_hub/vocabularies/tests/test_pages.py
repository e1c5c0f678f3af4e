"""The vocabulary pages."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_vocabulary_with_its_term_count(client: Any) -> None:
    response = client.get("/en/vocabularies/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Targets of the Kunming-Montreal Global Biodiversity Framework" in html
    assert 'href="/en/vocabularies/GBF-TARGETS/"' in html
    assert {vocabulary.identifier: vocabulary.term_count for vocabulary in response.context["vocabularies"]}[
        "CBD-SUBJECTS"
    ] == 53


def test_a_vocabulary_page_shows_terms_and_definitions_in_the_reader_language(client: Any) -> None:
    html = client.get("/fr/vocabularies/GBF-TARGETS/").content.decode()
    assert "30 % des zones sont effectivement conservées" in html
    assert "Ensure that all areas are under participatory" in html  # English definition, marked as fallback
    assert 'class="ml-fallback"' in html


def test_the_arabic_page_is_right_to_left_with_arabic_labels(client: Any) -> None:
    response = client.get("/ar/vocabularies/GBF-TARGETS/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "حفظ 30 في المائة من المناطق حفظاً فعالاً" in html


def test_narrower_terms_are_nested_under_their_broader_term(client: Any) -> None:
    response = client.get("/en/vocabularies/CBD-SUBJECTS/")
    tree = response.context["tree"]
    top = {node.term.identifier: node for node in tree}
    assert "CBD-SUBJECT-FOR" not in top
    assert [child.term.identifier for child in top["CBD-SUBJECT-BIOMES"].children][:2] == [
        "CBD-SUBJECT-AGR",
        "CBD-SUBJECT-DSHL",
    ]
    html = response.content.decode()
    biomes = html.index('id="term-CBD-SUBJECT-BIOMES"')
    assert (
        biomes < html.index('id="term-CBD-SUBJECT-FOR"') < html.index('id="term-CBD-SUBJECT-CROSS-CUTTING"')
    )


def test_an_unknown_vocabulary_is_404(client: Any) -> None:
    assert client.get("/en/vocabularies/NO-SUCH-VOCABULARY/").status_code == 404


def test_the_vocabulary_page_queries_do_not_grow_with_the_terms(
    client: Any, django_assert_max_num_queries: Any
) -> None:
    # Vocabulary, terms, broader prefetched, with room for middleware: not one per term.
    with django_assert_max_num_queries(5):
        assert client.get("/en/vocabularies/CBD-SUBJECTS/").status_code == 200
