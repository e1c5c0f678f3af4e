"""Domain errors raised by services; views and the API turn them into messages for people."""

from __future__ import annotations

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain refused an action. `code` is stable; `message` is for people."""

    code = "domain_error"
    status = 400

    def __init__(
        self, message: str | Promise, *, code: str | None = None, fields: dict[str, list[str]] | None = None
    ):
        super().__init__(str(message))
        self.message = message
        if code:
            self.code = code
        self.fields = fields or {}


class PermissionDenied(DomainError):
    """The acting person may not do this."""

    code = "permission_denied"
    status = 403


class NotFound(DomainError):
    """The object does not exist or is not visible to the acting person."""

    code = "not_found"
    status = 404


class InvalidInput(DomainError):
    """The input breaks a validation rule; `fields` says which."""

    code = "invalid_input"
    status = 422


class Conflict(DomainError):
    """The action clashes with the current state (a duplicate, a stale version)."""

    code = "conflict"
    status = 409
