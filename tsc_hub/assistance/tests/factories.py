"""Building requests for tests through the real service."""

from __future__ import annotations

from typing import Any

from tsc_hub.assistance.services import RequestData, create_request
from tsc_hub.organisations.tests.factories import OrganisationFactory


def request_data(**changes: Any) -> RequestData:
    """Valid data for a Kenyan request, written in French."""
    organisation = changes.pop("organisation", None) or OrganisationFactory()
    values: dict[str, Any] = {
        "country": organisation.country_id,
        "organisation_id": organisation.pk,
        "contact_name": "Wanjiru Kamau",
        "contact_email": "wanjiru@example.org",
        "title": {"fr": "Formation au code-barres ADN", "en": "DNA barcoding training"},
        "problem": {"fr": "Nous ne pouvons pas identifier les espèces envahissantes."},
        "addressed_priorities": {"fr": "Cible nationale 6 : espèces exotiques envahissantes"},
        "national_priority_reference": "NBSAP 2024 target 6",
        "assistance_types": ["TSC-ASSIST-TRAINING"],
        "gbf_targets": ["GBF-TARGET-06"],
        "cbd_subjects": ["CBD-SUBJECT-IAS"],
        "original_language": "fr",
        "working_languages": ["fr", "en"],
    }
    values.update(changes)
    return RequestData(**values)


def make_request(by: Any = None, **changes: Any) -> Any:
    """A draft request created by `by` (None: the system)."""
    return create_request(data=request_data(**changes), by=by)
