"""What the committee's pages share: domain errors as pages, services run with errors as messages or
on forms, the coordination-only check."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

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


def require_coordination(user: Any) -> None:
    """Pages only the coordination entity uses (the services check again)."""
    from tsc_hub.advisory.access import require_committee
    from tsc_hub.advisory.permissions import is_coordination

    require_committee(user)
    if not is_coordination(user):
        raise PermissionDenied(_("Only the coordination entity manages the committee."))


def run_form(form: Any, write: Callable[[], Any], aliases: dict[str, str] | None = None) -> Any:
    """Run a service in one transaction; a domain error other than a refusal goes on the form (the
    service's field names mapped through `aliases`). None when refused: nothing is kept."""
    try:
        with transaction.atomic():
            return write()
    except PermissionDenied:
        raise
    except DomainError as error:
        placed = set()
        for name, problems in error.fields.items():
            target = (aliases or {}).get(name, name)
            for problem in problems:
                form.add_error(target if target in form.fields else None, problem)
                placed.add(problem)
        if str(error.message) not in placed:
            form.add_error(None, str(error.message))
        return None
