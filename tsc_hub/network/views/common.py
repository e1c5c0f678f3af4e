"""What the network's pages share: domain errors as pages, the person's centres, the workflow step view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.exceptions import DomainError, NotFound, PermissionDenied
from tsc_hub.network.permissions import staff_centres


def forbidden(request: HttpRequest, reason: str, status: int = 403) -> HttpResponse:
    return render(request, "network/forbidden.html", {"reason": reason}, status=status)


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


def my_centres(user: Any) -> list[SupportCentre]:
    return list(SupportCentre.objects.filter(pk__in=staff_centres(user)).order_by("code"))


def run(request: HttpRequest, write: Callable[[], Any], form: Any = None) -> Any:
    """Run a service; a domain error becomes a message (and errors on the form). None when refused."""
    try:
        return write()
    except PermissionDenied:
        raise
    except DomainError as error:
        if form is not None:
            form.add_error(None, str(error.message))
            for name, problems in error.fields.items():
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
        else:
            messages.error(request, str(error.message))
        return None
