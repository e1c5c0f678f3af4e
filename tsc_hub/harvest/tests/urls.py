"""The site's pages plus a tiny portal serving CHM JSON, for harvesting over real HTTP in tests."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site

# Set by the test: page number → the text served.
PAGES: dict[int, str] = {}


def chm_page(request: HttpRequest, page: int) -> HttpResponse:
    if page not in PAGES:
        raise Http404("no such page")
    return HttpResponse(PAGES[page], content_type="application/x-ndjson; charset=utf-8")


urlpatterns = [path("test-chm/records/<int:page>.jsonl", chm_page), *site]
