"""URL map: pages under a language prefix (/en/, /fr/ ...), the API under /api/v1/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api
from tsc_hub.portal.sitemaps import SITEMAPS

urlpatterns = [
    path("api/v1/", api.urls),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", include("tsc_hub.portal.health_urls")),
    path("oai", include("tsc_hub.knowledge.oai.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include("tsc_hub.portal.urls")),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("tsc_hub.accounts.urls")),
    path("organisations/", include("tsc_hub.organisations.urls")),
    path("parties/", include("tsc_hub.geography.urls")),
    path("vocabularies/", include("tsc_hub.vocabularies.urls")),
    path("centres/", include("tsc_hub.centres.urls")),
    path("notifications/", include("tsc_hub.notifications.urls")),
    path("requests/", include("tsc_hub.assistance.urls")),
    path("offers/", include("tsc_hub.offers.urls")),
    path("matches/", include("tsc_hub.matching.urls")),
    path("projects/", include("tsc_hub.projects.urls")),
    path("helpdesk/", include("tsc_hub.helpdesk.urls")),
    path("capacity/", include("tsc_hub.capacity.urls")),
    path("proposals/", include("tsc_hub.proposals.urls")),
    path("resources/", include("tsc_hub.knowledge.urls")),
    path("search/", include("tsc_hub.search.urls")),
    path("harvest/", include("tsc_hub.harvest.urls")),
    path("hosting/", include("tsc_hub.hosting.urls")),
    path("network/", include("tsc_hub.network.urls")),
    path("advisory/", include("tsc_hub.advisory.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
