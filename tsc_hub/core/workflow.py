"""Workflows as explicit transition tables: (state, action, who may, next state).

A table is plain data, tested as data. Services look up the transition for the record's state and
the action asked, check who may (the service decides what "who" means for its records), then apply
it and keep a timestamped history row, so time spent in each state is a query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import Conflict


@dataclass(frozen=True)
class Transition:
    """From `source`, `action` by one of `roles` leads to `target`."""

    source: str
    action: str
    roles: frozenset[str]
    target: str
    needs_reason: bool = False


@dataclass(frozen=True)
class Workflow:
    """A named transition table with its states; terminal states have no way out."""

    name: str
    states: tuple[str, ...]
    transitions: tuple[Transition, ...]
    initial: str
    terminal: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        known = set(self.states)
        for transition in self.transitions:
            if transition.source not in known or transition.target not in known:
                raise ValueError(f"{self.name}: {transition} uses an unknown state")
            if transition.source in self.terminal:
                raise ValueError(f"{self.name}: terminal state {transition.source} has a way out")
        pairs = [(t.source, t.action) for t in self.transitions]
        if len(pairs) != len(set(pairs)):
            raise ValueError(f"{self.name}: an action appears twice for one state")

    def from_state(self, state: str) -> list[Transition]:
        """Every transition leaving a state."""
        return [t for t in self.transitions if t.source == state]

    def actions_for(self, state: str, roles: Iterable[str]) -> list[str]:
        """The actions that holders of `roles` may take from `state`."""
        held = set(roles)
        return [t.action for t in self.from_state(state) if t.roles & held]

    def find(self, state: str, action: str) -> Transition:
        """The transition, or Conflict (409) listing the actions that state allows."""
        for transition in self.from_state(state):
            if transition.action == action:
                return transition
        allowed = sorted({t.action for t in self.from_state(state)})
        raise IllegalTransition(
            _("“%(action)s” is not possible while the record is “%(state)s”.")
            % {"action": action, "state": state},
            allowed=allowed,
        )


class IllegalTransition(Conflict):
    """The action does not leave the current state; `allowed` lists those that do."""

    code = "illegal_transition"

    def __init__(self, message: str, *, allowed: list[str]) -> None:
        super().__init__(message, fields={"allowed_actions": allowed})
        self.allowed = allowed
