"""Writes about support centres, audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation


@transaction.atomic
def save_centre(
    *, code: str, names: dict[str, str], host: Organisation | None, party_codes: list[str], by: Any
) -> SupportCentre:
    """Create or update the centre with this code and the Parties it serves. `by=None` is the system."""
    if by is not None and not by.has_perm("centres.change_centre"):
        raise PermissionDenied(_("Only coordination staff and administrators can change support centres."))
    try:
        cleaned = clean_multilingual(names, required=True)
    except ValueError as error:
        raise InvalidInput(str(error), fields={"names": [str(error)]}) from error
    parties = list(Party.objects.filter(code__in=party_codes))
    if len(parties) != len(set(party_codes)):
        raise InvalidInput(
            _("Some Parties are not known."), fields={"parties_served": [_("Unknown Party code.")]}
        )
    centre, created = SupportCentre.objects.get_or_create(
        code=code, defaults={"names": cleaned, "host": host}
    )
    before = {
        "names": centre.names,
        "host": centre.host_id,
        "parties": sorted(p.code for p in centre.parties_served.all()),
    }
    centre.names, centre.host = cleaned, host
    centre.save()
    centre.parties_served.set(parties)
    after = {"names": centre.names, "host": centre.host_id, "parties": sorted(p.code for p in parties)}
    if created or before != after:
        record_event(
            actor=by, action="create_centre" if created else "update_centre", target=centre, changes=after
        )
    return centre
