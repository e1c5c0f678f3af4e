"""Words for the engine's codes: signals, broken constraints, record kinds (for pages and the API)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from tsc_hub.matching.models import RecordKind

SIGNAL_LABELS: dict[str, Promise] = {
    "semantic": gettext_lazy("Similar wording"),
    "gbf_targets": gettext_lazy("GBF targets in common"),
    "cbd_subjects": gettext_lazy("CBD subjects in common"),
    "assistance_types": gettext_lazy("Types of assistance in common"),
    "language": gettext_lazy("Working languages"),
    "track_record": gettext_lazy("Track record"),
    "capacity": gettext_lazy("Capacity left"),
}
CONSTRAINT_TEXTS: dict[str, Promise] = {
    "outside_coverage": gettext_lazy("It does not cover the requesting Party."),
    "deadline_passed": gettext_lazy("Its application deadline has passed."),
    "at_capacity": gettext_lazy("The provider is at capacity."),
}
NOT_IN_CATALOGUE = gettext_lazy(
    "It is not ranked: only published provider profiles and offers open for applications are."
)
KIND_LABELS: dict[str, Promise] = {
    RecordKind.OFFER: gettext_lazy("Offer"),
    RecordKind.PROFILE: gettext_lazy("Provider profile"),
}


def constraint_texts(codes: Iterable[str]) -> list[str]:
    return [str(CONSTRAINT_TEXTS.get(code, code)) for code in codes]
