"""Saved searches: providers hear of newly published requests that fit, in-app and by e-mail.

A scheduled job (every 15 minutes) looks at public requests published since each search was saved and
not yet announced to it; each (search, request) pair is announced once.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsc_hub.assistance.models import AssistanceRequest, RequestTransition
from tsc_hub.assistance.querysets import published_q
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, NotFound
from tsc_hub.core.languages import pick_text
from tsc_hub.geography.models import Party
from tsc_hub.matching.models import SavedSearch, SavedSearchHit
from tsc_hub.notifications.services import notify
from tsc_hub.vocabularies.models import Term


def fitting(search: SavedSearch) -> QuerySet[AssistanceRequest]:
    """Public requests published after the search was saved that meet all its criteria."""
    accepted_since = RequestTransition.objects.filter(
        request=OuterRef("pk"), action="accept", at__gte=search.created_at
    )
    requests = AssistanceRequest.objects.filter(published_q()).filter(Exists(accepted_since))
    parties = list(search.parties.values_list("code", flat=True))
    targets = list(search.gbf_targets.values_list("pk", flat=True))
    types = list(search.assistance_types.values_list("pk", flat=True))
    if parties:
        requests = requests.filter(country_id__in=parties)
    if targets:
        requests = requests.filter(gbf_targets__in=targets)
    if types:
        requests = requests.filter(assistance_types__in=types)
    announced = SavedSearchHit.objects.filter(search=search).values("request_id")
    return requests.exclude(pk__in=announced).distinct()


def announce_new_requests() -> int:
    """Announce each fitting request once to each active search; returns how many announcements."""
    sent = 0
    for search in SavedSearch.objects.filter(active=True, owner__is_active=True).select_related("owner"):
        for request in fitting(search):
            with transaction.atomic():
                _hit, created = SavedSearchHit.objects.get_or_create(search=search, request=request)
                if not created:
                    continue
                notify(
                    recipients=[search.owner],
                    target=request,
                    url=f"/requests/{request.pk}/",
                    template=gettext_noop("New request for your saved search “%(search)s”: %(title)s"),
                    params={
                        "search": search.name,
                        "title": pick_text(request.title, language=request.original_language).text,
                    },
                )
                sent += 1
    return sent


def _terms(vocabulary: str, identifiers: list[str], field: str) -> list[Term]:
    found = list(Term.objects.in_vocabulary(vocabulary).filter(identifier__in=identifiers))
    if len(found) != len(set(identifiers)):
        message = _("Some terms are not known.")
        raise InvalidInput(message, fields={field: [message]})
    return found


@transaction.atomic
def save_search(
    *, owner: Any, name: str, parties: list[str], gbf_targets: list[str], assistance_types: list[str]
) -> SavedSearch:
    """Save a search; at least one criterion, so that not every request alerts."""
    name = name.strip()
    if not name:
        raise InvalidInput(_("Give the search a name."), fields={"name": [_("This field is required.")]})
    if not (parties or gbf_targets or assistance_types):
        raise InvalidInput(_("Choose at least one Party, GBF target or type of assistance."))
    found_parties = list(Party.objects.filter(code__in=[code.lower() for code in parties]))
    if len(found_parties) != len(set(parties)):
        raise InvalidInput(_("Some Parties are not known."), fields={"parties": [_("Unknown Party code.")]})
    targets = _terms("GBF-TARGETS", gbf_targets, "gbf_targets")
    types = _terms("ASSISTANCE-TYPES", assistance_types, "assistance_types")
    search = SavedSearch.objects.create(owner=owner, name=name[:120])
    search.parties.set(found_parties)
    search.gbf_targets.set(targets)
    search.assistance_types.set(types)
    record_event(
        actor=owner,
        action="save_search",
        target=search,
        changes={"parties": parties, "gbf_targets": gbf_targets, "assistance_types": assistance_types},
    )
    return search


@transaction.atomic
def delete_search(*, owner: Any, search_id: int) -> None:
    """Remove one of my saved searches."""
    search = SavedSearch.objects.filter(owner=owner, pk=search_id).first()
    if search is None:
        raise NotFound(_("No such saved search."))
    record_event(actor=owner, action="delete_search", target=search, changes={"name": search.name})
    search.delete()
