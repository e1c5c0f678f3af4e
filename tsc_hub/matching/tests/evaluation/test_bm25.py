"""The BM25 baseline: tokens in six languages and a ranking led by lexical overlap."""

from __future__ import annotations

import math

import pytest

from tsc_hub.matching.engine.records import parse_item, parse_request
from tsc_hub.matching.evaluation.bm25 import BM25, rank_bm25, tokenize
from tsc_hub.matching.tests.engine import factories


def test_words_are_casefolded_with_their_accents() -> None:
    assert tokenize("Évaluation de l'ÉTÉ, Straße!") == ["évaluation", "de", "l", "été", "strasse"]
    assert tokenize("Мангровые ЛЕСА") == ["мангровые", "леса"]
    assert tokenize("Restauración de MANGLARES") == ["restauración", "de", "manglares"]


def test_cjk_runs_become_character_bigrams() -> None:
    assert tokenize("生物多样性保护") == ["生物", "物多", "多样", "样性", "性保", "保护"]
    assert tokenize("DNA条形码，水。") == ["dna", "条形", "形码", "水"]


def test_arabic_vowel_signs_stay_inside_their_word() -> None:
    assert tokenize("التَّنَوُّع البيولوجي") == ["التَّنَوُّع", "البيولوجي"]


def test_score_matches_the_formula() -> None:
    index = BM25({"a": "mangrove restoration", "b": "honey"})
    # idf = ln(1 + (2 - 1 + 0.5) / (1 + 0.5)) = ln 2; norm = 1.2 * (0.25 + 0.75 * 2 / 1.5) = 1.5
    assert index.scores("Mangrove")["a"] == pytest.approx(math.log(2) * 2.2 / (1 + 1.5))
    assert index.scores("Mangrove")["b"] == 0


def test_lexical_overlap_ranks_first_and_no_overlap_is_left_out() -> None:
    index = BM25(
        {
            "restoration": "Training on mangrove restoration and replanting of degraded coastal mangroves.",
            "honey": "Marketing honey from coastal cooperatives.",
            "tax": "Accounting and tax services.",
        }
    )
    ranked = index.rank("Replanting degraded coastal mangroves: restoration training")
    assert ranked == ["restoration", "honey"]
    assert index.rank("mangrove restoration", top=1) == ["restoration"]


def test_rank_bm25_ranks_every_item_for_each_request_without_constraints() -> None:
    requests = [parse_request(factories.request("REQ-1"))]
    items = [
        parse_item(factories.offer("OFF-CLOSED", applicationDeadline="2020-01-01")),
        parse_item(factories.offer("OFF-LA", areas=("la",))),
        parse_item(factories.offer("OFF-TAX", title={"en": "Tax"}, description={"en": "Accounting."})),
    ]
    ranked = rank_bm25(requests, items, top=10)
    assert set(ranked["REQ-1"]) == {"OFF-CLOSED", "OFF-LA"}
