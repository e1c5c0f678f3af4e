"""Pages: the list of Parties (filterable) and one Party with the groups and regions that include it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tsc_hub.core.languages import UN_LANGUAGES, content_language, pick_text
from tsc_hub.geography.filters import filter_parties
from tsc_hub.geography.forms import PartyFilterForm
from tsc_hub.geography.models import Party, Region, RegionKind


def party_list(request: HttpRequest) -> HttpResponse:
    """Every Party on one page (there are 196), sorted by name in the reader's language."""
    filters = PartyFilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    parties = list(filter_parties(Party.objects.visible_to(request.user), params).by_name(content_language()))
    return render(request, "geography/list.html", {"parties": parties, "filters": filters})


def party_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One Party: its names in the six languages, its groups and the CHM region terms that include it."""
    party = (
        Party.objects.visible_to(request.user).filter(code=code.lower()).prefetch_related("regions").first()
    )
    if party is None:
        raise Http404(_("No such Party."))
    names = [(language, party.names.get(language, "")) for language in UN_LANGUAGES]
    regions = sorted(party.regions.all(), key=_region_order)
    return render(
        request,
        "geography/detail.html",
        {"party": party, "names": names, "regions": regions},
    )


def _region_order(region: Region) -> tuple[int, str]:
    """Broadest kind first (global, M49 region, subregion, CBD group, ...), then by label."""
    kinds = list(RegionKind.values)
    rank = kinds.index(region.kind) if region.kind in kinds else len(kinds)
    return rank, pick_text(region.labels).text
