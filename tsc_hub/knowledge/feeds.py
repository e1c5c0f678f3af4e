"""Atom feeds of newly published resources, one per facet: kind, GBF target, country, or a combination
(e.g. new funding opportunities for GBF Target 20: /resources/feed/?kind=funding&gbf=GBF-TARGET-20)."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from tsc_hub.core.languages import pick_text
from tsc_hub.knowledge.models import Resource
from tsc_hub.knowledge.states import ResourceKind

ITEMS = 50


class ResourceFeed(Feed):  # type: ignore[type-arg]
    """The latest published resources matching the query string's kind, gbf and country."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, str]:
        kind = request.GET.get("kind", "")
        return {
            "kind": kind if kind in ResourceKind.values else "",
            "gbf": request.GET.get("gbf", "")[:64],
            "country": request.GET.get("country", "")[:2].lower(),
        }

    def title(self, obj: dict[str, str]) -> str:
        parts = [str(ResourceKind(obj["kind"]).label)] if obj["kind"] else []
        parts += [value for value in (obj["gbf"], obj["country"].upper()) if value]
        suffix = f" — {', '.join(parts)}" if parts else ""
        return _("New in the tsc-hub knowledge hub") + suffix

    def link(self, obj: dict[str, str]) -> str:
        return reverse("knowledge:list")

    def subtitle(self, obj: dict[str, str]) -> str:
        return _("Resources published for technical and scientific cooperation on biodiversity.")

    def items(self, obj: dict[str, str]) -> Any:
        resources = Resource.objects.published()
        if obj["kind"]:
            resources = resources.filter(kind=obj["kind"])
        if obj["gbf"]:
            resources = resources.filter(gbf_targets__identifier=obj["gbf"])
        if obj["country"]:
            resources = resources.filter(countries__code=obj["country"])
        return resources.distinct().order_by("-published_at", "-id")[:ITEMS]

    def item_title(self, item: Resource) -> str:
        return pick_text(item.title, original=item.original_language).text

    def item_description(self, item: Resource) -> str:
        return pick_text(item.summary, original=item.original_language).text

    def item_link(self, item: Resource) -> str:
        return reverse("knowledge:detail", args=[item.pk])

    def item_pubdate(self, item: Resource) -> Any:
        return item.published_at

    def item_updateddate(self, item: Resource) -> Any:
        return item.updated_at
