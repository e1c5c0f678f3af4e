"""The cooperation type of a project, derived from its partners' countries."""

from __future__ import annotations

from collections.abc import Iterable

from tsc_hub.geography.models import Party
from tsc_hub.projects.states import CooperationType, PartnerRole

# CHM region term "Global - Developing countries" (the UNFCCC non-Annex I Parties).
DEVELOPING_COUNTRIES = "948125C2-F580-4357-AA0A-B6C636279E96"


def developing_parties(codes: Iterable[str]) -> set[str]:
    """The Parties among `codes` that are members of the CHM region "Global - Developing countries"."""
    wanted = set(codes)
    if not wanted:
        return set()
    return set(
        Party.objects.in_region(DEVELOPING_COUNTRIES).filter(code__in=wanted).values_list("code", flat=True)
    )


def cooperation_type(partners: Iterable[tuple[str, str]]) -> str:
    """The cooperation type of partners given as (role, Party code) pairs.

    A Party is *developing* when it is a member of the CHM region "Global - Developing countries"
    (GUID 948125C2-F580-4357-AA0A-B6C636279E96); every other Party is *developed*.

    - **triangular**: every requester and every provider is developing, and at least one co-funder or
      other partner is developed (two developing countries working together with a developed
      country's support);
    - **south_south**: every requester and every provider is developing, with no developed co-funder
      or partner;
    - **north_north**: every requester and every provider is developed (rare; kept apart so that it is
      not counted as North–South);
    - **north_south**: any other mix of developing and developed requesters and providers;
    - "" (unknown) while the project has no requester or no provider.
    """
    pairs = list(partners)
    main = {code for role, code in pairs if role in (PartnerRole.REQUESTER, PartnerRole.PROVIDER)}
    roles = {role for role, _code in pairs}
    if PartnerRole.REQUESTER not in roles or PartnerRole.PROVIDER not in roles:
        return ""
    supporting = {code for role, code in pairs if role not in (PartnerRole.REQUESTER, PartnerRole.PROVIDER)}
    developing = developing_parties(main | supporting)
    if main <= developing:
        if supporting - developing:
            return CooperationType.TRIANGULAR
        return CooperationType.SOUTH_SOUTH
    if not main & developing:
        return CooperationType.NORTH_NORTH
    return CooperationType.NORTH_SOUTH
