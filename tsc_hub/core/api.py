"""API conventions shared by every router: one error format (problem+json) in the reader's language."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from tsc_hub.core.exceptions import DomainError

PROBLEM_TYPE_BASE = "https://tsc-hub.example/problems/"


def problem(
    api: NinjaAPI,
    request: HttpRequest,
    *,
    status: int,
    code: str,
    detail: str,
    fields: dict[str, list[str]] | None = None,
) -> HttpResponse:
    """An RFC 9457 problem document with a stable `code` and a `detail` for people."""
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": code.replace("_", " "),
        "status": status,
        "code": code,
        "detail": detail,
    }
    if fields:
        body["fields"] = fields
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def _validation_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        location = [
            str(part) for part in error.get("loc", []) if part not in ("body", "query", "path", "payload")
        ]
        fields.setdefault(".".join(location) or "request", []).append(str(error.get("msg", "")))
    return fields


def install_problem_handlers(api: NinjaAPI) -> None:
    """Make every error of `api` answer in one format."""

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return problem(
            api, request, status=exc.status, code=exc.code, detail=str(exc.message), fields=exc.fields
        )

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return problem(
            api,
            request,
            status=422,
            code="invalid_input",
            detail=_("Some of the data sent is not valid."),
            fields=_validation_fields(list(exc.errors)),
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem(
            api,
            request,
            status=401,
            code="not_authenticated",
            detail=_("Sign in, or send a personal API token, to use this endpoint."),
        )

    @api.exception_handler(AuthorizationError)
    def authorization_error(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return problem(api, request, status=403, code="permission_denied", detail=_("You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem(
            api, request, status=404, code="not_found", detail=_("Nothing was found at this address.")
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(api, request, status=exc.status_code, code="http_error", detail=str(exc))
