"""A small corpus in the six UN languages, indexed for each test (on SQLite, or PostgreSQL in CI)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tsc_hub.search import documents
from tsc_hub.search.backends import get_backend
from tsc_hub.search.documents import Document
from tsc_hub.search.interface import SearchQuery, SearchResults
from tsc_hub.search.services import index_documents


def doc(key: str, language: str, title: str, body: str, date: str | None = None, **facets: Any) -> Document:
    kind = key.split(":")[0]
    return Document(
        key=key,
        kind=kind,
        subkind=facets.pop("subkind", ""),
        language=language,
        title=title,
        body=body,
        url=f"/{kind}/{key.split(':')[1]}/",
        date=datetime.date.fromisoformat(date) if date else None,
        facets={name: list(values) for name, values in facets.items()},
    )


CORPUS = [
    doc(
        "resource:1",
        "en",
        "Wetland restoration in the Kunming region",
        "Case study of wetland restoration and control of invasive alien species.",
        "2021-05-01",
        subkind="case_study",
        gbf_target=["2", "6"],
        subject=["wetlands"],
        region=["asia"],
        country=["cn"],
    ),
    doc(
        "resource:1",
        "fr",
        "Restauration des zones humides dans la région de Kunming",
        "Étude de cas sur la restauration des zones humides et les espèces exotiques envahissantes.",
        "2021-05-01",
        subkind="case_study",
        gbf_target=["2", "6"],
        subject=["wetlands"],
        region=["asia"],
        country=["cn"],
    ),
    doc(
        "resource:1",
        "zh",
        "昆明地区湿地保护与恢复",
        "湿地保护案例研究：生物多样性与外来入侵物种。",
        "2021-05-01",
        subkind="case_study",
        gbf_target=["2", "6"],
        subject=["wetlands"],
        region=["asia"],
        country=["cn"],
    ),
    doc(
        "resource:2",
        "es",
        "Especies exóticas invasoras en islas",
        "Guía para el control de especies exóticas invasoras en pequeños estados insulares.",
        "2019-03-10",
        subkind="guidance",
        gbf_target=["6"],
        region=["pacific"],
        country=["fj"],
    ),
    doc(
        "resource:3",
        "ar",
        "إدارة المحميّة الطبيعية",
        "دليل لإدارة المناطق المحمية البحرية والساحلية.",
        "2020-09-15",
        subkind="guidance",
        gbf_target=["3"],
        country=["eg"],
    ),
    doc(
        "request:4",
        "ar",
        "حماية المحميه البحرية",
        "طلب مساعدة تقنية لأنشطة الرصد في ادارة المحمية.",
        "2023-02-01",
        gbf_target=["3"],
        country=["jo"],
    ),
    doc(
        "resource:5",
        "ru",
        "Восстановление лесов и ёлки",
        "Руководство по восстановлению лесных экосистем.",
        "2018-11-20",
        subkind="guidance",
        gbf_target=["2"],
        country=["ru"],
    ),
    doc(
        "offer:6",
        "en",
        "Training on DNA barcoding",
        "We offer training on DNA barcoding in areas that are protected, for taxonomy laboratories.",
        "2023-06-30",
        gbf_target=["20"],
        region=["africa"],
        country=["ke"],
    ),
    doc(
        "profile:7",
        "en",
        "Kunming Institute of Botany",
        "Provider of taxonomic expertise and training.",
        None,
    ),
    doc(
        "project:8",
        "fr",
        "Biodiversité marine en Méditerranée",
        "Projet de coopération scientifique sur la biodiversité marine.",
        "2022-01-10",
        gbf_target=["3"],
        region=["europe"],
        country=["fr", "it"],
    ),
    doc(
        "request:9",
        "zh",
        "生物多样性监测能力建设",
        "请求技术支持以建立生物多样性监测系统。",
        "2024-04-04",
        gbf_target=["21"],
        country=["cn"],
    ),
    doc(
        "resource:10",
        "en",
        "Marine protected areas toolkit",
        "A toolkit for managing marine protected areas, with restoration guidance.",
        "2024-01-01",
        subkind="tool",
        gbf_target=["3"],
        country=["fj"],
    ),
    doc(
        "resource:11",
        "en",
        "Coastal and marine",
        "Protected zones in practice, with restoration examples.",
        "2017-07-07",
        subkind="case_study",
        gbf_target=["3"],
        country=["ke"],
    ),
]


@pytest.fixture(autouse=True)
def no_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start with no registered source (apps register theirs at start-up) and leave none behind."""
    monkeypatch.setattr(documents, "_SOURCES", {})


@pytest.fixture
def corpus(db: Any) -> list[Document]:
    index_documents(CORPUS)
    return CORPUS


@pytest.fixture
def find(corpus: list[Document]) -> Any:
    """find("text", **query fields) → the results on the database under test."""
    backend = get_backend()

    def run(text: str, **fields: Any) -> SearchResults:
        return backend.search(SearchQuery(text=text, **fields))

    return run


def keys(results: SearchResults) -> set[str]:
    return {hit.key for hit in results.hits}


def versions(results: SearchResults) -> set[tuple[str, str]]:
    return {(hit.key, hit.language) for hit in results.hits}
