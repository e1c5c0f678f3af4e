"""Arranging terms as a tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tsc_hub.vocabularies.hierarchy import TermNode, build_hierarchy


@dataclass
class FakeRelation:
    items: list[Any] = field(default_factory=list)

    def all(self) -> list[Any]:
        return self.items


@dataclass(eq=False)
class FakeTerm:
    pk: str
    broader: FakeRelation = field(default_factory=FakeRelation)


def _terms(edges: dict[str, list[str]]) -> list[FakeTerm]:
    terms = {name: FakeTerm(name) for name in edges}
    for name, parents in edges.items():
        terms[name].broader.items = [terms.get(parent, FakeTerm(parent)) for parent in parents]
    return list(terms.values())


def _shape(nodes: list[TermNode]) -> list[Any]:
    return [(node.term.pk, _shape(node.children)) if node.children else node.term.pk for node in nodes]


def test_narrower_terms_sit_under_their_broader_term_in_input_order() -> None:
    tree = build_hierarchy(_terms({"root": [], "b": ["root"], "a": ["root"], "other": []}))
    assert _shape(tree) == [("root", ["b", "a"]), "other"]


def test_a_term_with_two_broader_terms_appears_under_both() -> None:
    tree = build_hierarchy(_terms({"x": [], "y": [], "child": ["x", "y"]}))
    assert _shape(tree) == [("x", ["child"]), ("y", ["child"])]


def test_broader_terms_outside_the_list_make_a_top_term() -> None:
    assert _shape(build_hierarchy(_terms({"lonely": ["elsewhere"]}))) == ["lonely"]


def test_a_cycle_is_cut_and_no_term_is_lost() -> None:
    tree = build_hierarchy(_terms({"a": ["b"], "b": ["a"], "top": []}))
    assert _shape(tree) == ["top", ("a", ["b"]), ("b", ["a"])]
