"""The HTTP endpoint: GET or POST form arguments in, an OAI-PMH document out, always with status 200."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tsc_hub.knowledge.oai.verbs import respond


# Harvesters POST without a session or CSRF token; the endpoint only reads public records.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    """Answer one OAI-PMH request (section 3.1.1: arguments in the query string, or a POSTed form)."""
    params = request.POST if request.method == "POST" else request.GET
    body = respond({name: params.getlist(name) for name in params})
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
