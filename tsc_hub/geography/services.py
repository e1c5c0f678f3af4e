"""Writes of the geography app: reloading the shipped reference data, audited."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.actor import Actor
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.geography.models import Region
from tsc_hub.geography.reference import GLOBAL_REGION, Progress, load_reference_data

LOAD_PERMISSION = "geography.load_reference_data"


def load_reference_data_service(*, by: Actor | None, progress: Progress | None = None) -> dict[str, int]:
    """Reload Parties and regions from the shipped files; `by` None is the system. Returns the counts.

    The audit event is attached to the "Global" region term, which stands for the whole data set.
    """
    if by is not None and not by.has_perm(LOAD_PERMISSION):
        raise PermissionDenied(_("You may not reload the list of Parties and regions."))
    with transaction.atomic():
        counts = load_reference_data(progress=progress)
        record_event(
            actor=by,
            action="geography.load_reference_data",
            target=Region.objects.get(identifier=GLOBAL_REGION),
            changes=counts,
        )
    return counts
