"""What the committee's pages share: domain errors as pages, services run with errors as messages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from tsc_hub.core.exceptions import DomainError, NotFound, PermissionDenied


def forbidden(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "advisory/forbidden.html", {"reason": reason}, status=status)


def domain_pages(view: Callable[..., Any]) -> Callable[..., Any]:
    """NotFound → 404; PermissionDenied → the "not allowed" page (403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(str(error.message)) from error
        except PermissionDenied as error:
            return forbidden(request, str(error.message))

    return wrapped


def run(request: HttpRequest, write: Callable[[], Any]) -> Any:
    """Run a service; a domain error other than a refusal becomes a message. None when refused."""
    try:
        return write()
    except PermissionDenied:
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
        return None
