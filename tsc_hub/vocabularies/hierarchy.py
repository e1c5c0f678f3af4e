"""Terms arranged as a tree by their broader/narrower relations, for display."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class TermNode:
    """A term and the nodes of its narrower terms."""

    term: Any
    children: list[TermNode] = field(default_factory=list)


def build_hierarchy(terms: Iterable[Any]) -> list[TermNode]:
    """The top terms (no broader term among `terms`) with their narrower terms beneath, in input order.

    `terms` must have `broader` prefetched. A term with two broader terms appears under both; a
    cycle is cut where it would repeat a term already on the path.
    """
    ordered = list(terms)
    known = {term.pk for term in ordered}
    children: dict[Any, list[Any]] = {term.pk: [] for term in ordered}
    roots: list[Any] = []
    for term in ordered:
        parents = [parent.pk for parent in term.broader.all() if parent.pk in known and parent.pk != term.pk]
        if not parents:
            roots.append(term)
        for parent in parents:
            children[parent].append(term)

    def node(term: Any, path: frozenset[Any]) -> TermNode:
        below = [node(child, path | {child.pk}) for child in children[term.pk] if child.pk not in path]
        return TermNode(term=term, children=below)

    tree = [node(term, frozenset({term.pk})) for term in roots]
    placed = _collect(tree)
    # Terms caught only in cycles have no root; show them at the top rather than lose them.
    tree.extend(node(term, frozenset({term.pk})) for term in ordered if term.pk not in placed)
    return tree


def _collect(nodes: list[TermNode]) -> set[Any]:
    seen: set[Any] = set()
    stack = list(nodes)
    while stack:
        current = stack.pop()
        seen.add(current.term.pk)
        stack.extend(current.children)
    return seen
