"""The sitemap: every public page of a record, in the six interface languages with their alternates."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.assistance.querysets import published_q
from tsc_hub.geography.models import Party
from tsc_hub.knowledge.models import Resource
from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.vocabularies.models import Vocabulary


class _Multilingual(Sitemap):  # type: ignore[type-arg]
    i18n = True
    alternates = True
    x_default = True
    limit = 5000


class ResourceSitemap(_Multilingual):
    def items(self) -> Any:
        return Resource.objects.published().order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("knowledge:detail", args=[item.pk])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class RequestSitemap(_Multilingual):
    def items(self) -> Any:
        return AssistanceRequest.objects.filter(published_q()).order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("assistance:detail", args=[item.pk])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class OfferSitemap(_Multilingual):
    def items(self) -> Any:
        return Offer.objects.published().order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("offers:detail", args=[item.pk])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class ProfileSitemap(_Multilingual):
    def items(self) -> Any:
        return ProviderProfile.objects.published().order_by("pk").only("pk", "updated_at")

    def location(self, item: Any) -> str:
        return reverse("offers:profile_detail", args=[item.pk])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class PartySitemap(_Multilingual):
    def items(self) -> Any:
        return Party.objects.order_by("code").only("code")

    def location(self, item: Any) -> str:
        return reverse("geography:detail", args=[item.code])


class VocabularySitemap(_Multilingual):
    def items(self) -> Any:
        return Vocabulary.objects.order_by("identifier").only("identifier")

    def location(self, item: Any) -> str:
        return reverse("vocabularies:detail", args=[item.identifier])


SITEMAPS = {
    "resources": ResourceSitemap,
    "requests": RequestSitemap,
    "offers": OfferSitemap,
    "providers": ProfileSitemap,
    "parties": PartySitemap,
    "vocabularies": VocabularySitemap,
}
