"""The registry other apps fill from AppConfig.ready(), and the tasks they enqueue after commit."""

from __future__ import annotations

import datetime

import pytest

from tsc_hub.search.documents import (
    Document,
    InvalidDocument,
    register_source,
    source_for,
    sources,
)
from tsc_hub.search.tests.conftest import doc


@pytest.fixture
def projects():
    published = {5: [doc("project:5", "en", "Seed bank", "Community seed bank.", "2020-01-01")]}
    register_source(
        "project",
        lambda: [d for docs in published.values() for d in docs],
        lambda object_id: published.get(object_id, []),
    )
    return published


def test_registering_a_source(projects):
    assert [s.kind for s in sources()] == ["project"]
    assert source_for("project").documents_for(5)[0].title == "Seed bank"
    assert source_for("nothing") is None
    with pytest.raises(InvalidDocument):
        register_source("Bad Kind", list, lambda object_id: [])


def test_derived_facets():
    document = Document(
        key="resource:1",
        kind="resource",
        subkind="tool",
        language="fr",
        title="t",
        body="b",
        url="/",
        date=datetime.date(2024, 3, 1),
        facets={"country": ["ke", "ke"], "language": ["xx"], "gbf_target": [3]},
    )
    assert document.facet_pairs() == [
        ("country", "ke"),
        ("gbf_target", "3"),
        ("kind", "resource"),
        ("language", "fr"),
        ("subkind", "tool"),
        ("year", "2024"),
    ]
