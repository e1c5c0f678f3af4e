"""Who acts in a service call, as lower apps see it (they cannot import accounts)."""

from __future__ import annotations

from typing import Any, Protocol


class Actor(Protocol):
    """Anything that answers Django's `has_perm`: a signed-in person. Services take None for the system."""

    def has_perm(self, perm: str, obj: Any = None) -> bool: ...
