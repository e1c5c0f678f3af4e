"""Demo data: organisations, support centres and people in every role, in six languages.

Only in demo mode (TSC_HUB_DEMO_MODE=true): the people it creates have a published password.
Every step looks up what it would create first, so running it again adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.accounts.roles import MFA_REQUIRED_ROLES
from tsc_hub.accounts.services import grant_role
from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DemoModeRequired, require_demo_mode
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.demo.seed_centres import seed_centres
from tsc_hub.demo.seed_helpdesk import seed_helpdesk
from tsc_hub.demo.seed_offers import seed_offers
from tsc_hub.demo.seed_projects import seed_projects
from tsc_hub.demo.seed_requests import seed_requests
from tsc_hub.geography.models import Party
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import OrganisationData, create_organisation

DATA = Path(__file__).resolve().parent / "data"
# Published on purpose: these only exist in demo mode. See docs/demo.md.

Progress = Callable[[str], None]

_TOPICS = [
    {
        "en": "Biodiversity Information",
        "fr": "d'information sur la biodiversité",
        "es": "de Información sobre Biodiversidad",
        "ar": "معلومات التنوع البيولوجي",
        "ru": "биоразнообразной информации",
        "zh": "生物多样性信息",
    },
    {
        "en": "Ecosystem Restoration",
        "fr": "de restauration des écosystèmes",
        "es": "de Restauración de Ecosistemas",
        "ar": "استعادة النظم الإيكولوجية",
        "ru": "восстановления экосистем",
        "zh": "生态系统恢复",
    },
    {
        "en": "Marine Conservation",
        "fr": "de conservation marine",
        "es": "de Conservación Marina",
        "ar": "صون البيئة البحرية",
        "ru": "охраны морской среды",
        "zh": "海洋保护",
    },
    {
        "en": "Genetic Resources",
        "fr": "des ressources génétiques",
        "es": "de Recursos Genéticos",
        "ar": "الموارد الجينية",
        "ru": "генетических ресурсов",
        "zh": "遗传资源",
    },
]
_TEMPLATES = {
    "en": "National {topic} Centre of {country} (demo {n})",
    "fr": "Centre national {topic} – {country} (démo {n})",
    "es": "Centro Nacional {topic} – {country} (demo {n})",
    "ar": "المركز الوطني ل{topic} – {country} (تجريبي {n})",
    "ru": "Национальный центр {topic} – {country} (демо {n})",
    "zh": "{country}国家{topic}中心（演示 {n}）",
}
_TYPES = [
    "86D464C3-B5BB-4B02-85E4-1AAD8D64CD27",
    "8830904C-8AF4-4C2F-AADB-363D98D854DA",
    "8A265B81-3973-42ED-BB06-40ACC755E496",
    "EC872EB8-02B0-46E7-AAB0-C79AC629356A",
    "90C29DF8-D863-4255-851D-A7A6E8FDFA8F",
]


@dataclass
class SeedReport:
    """What a seeding run created (zero everywhere on a second run)."""

    created: dict[str, int] = field(
        default_factory=lambda: {
            "organisations": 0,
            "centres": 0,
            "people": 0,
            "roles": 0,
            "profiles": 0,
            "offers": 0,
            "requests": 0,
            "projects": 0,
        }
    )


def _load(name: str) -> list[dict[str, Any]]:
    return list(json.loads((DATA / name).read_text(encoding="utf-8")))


def _existing_organisation(country: str, language: str, name: str) -> Organisation | None:
    return Organisation.objects.filter(country_id=country, **{f"names__{language}": name}).first()


def _ensure_organisation(data: OrganisationData, report: SeedReport) -> Organisation:
    found = _existing_organisation(data.country, data.original_language, data.names[data.original_language])
    if found is not None:
        return found
    report.created["organisations"] += 1
    return create_organisation(data=data, by=None)


def _seed_listed_organisations(report: SeedReport) -> dict[str, Organisation]:
    by_key: dict[str, Organisation] = {}
    for entry in _load("organisations.json"):
        data = OrganisationData(
            names=entry["names"],
            organisation_type=entry["type"],
            country=entry["country"],
            acronym=entry.get("acronym", ""),
            city=entry.get("city", ""),
            websites=[entry["website"]] if entry.get("website") else [],
            descriptions=entry.get("descriptions", {}),
            operational_languages=entry.get("languages", []),
            gbf_targets=entry.get("targets", []),
            original_language=entry["original_language"],
        )
        by_key[entry["key"]] = _ensure_organisation(data, report)
    return by_key


def _seed_generated_organisations(scale: int, report: SeedReport, progress: Progress) -> None:
    """Scale 1 adds none; each further step adds 24 organisations across Parties and languages."""
    parties = list(Party.objects.exclude(code="eu").order_by("code"))
    for n in range(1, 24 * (scale - 1) + 1):
        party = parties[(n * 37) % len(parties)]
        topic = _TOPICS[n % len(_TOPICS)]
        names = {
            lang: _TEMPLATES[lang].format(topic=topic[lang], country=party.names.get(lang, party.code), n=n)
            for lang in UN_LANGUAGES
        }
        original = UN_LANGUAGES[n % len(UN_LANGUAGES)]
        targets = [f"GBF-TARGET-{(n % 23) + 1:02d}", f"GBF-TARGET-{((n * 7) % 23) + 1:02d}"]
        data = OrganisationData(
            names=names,
            organisation_type=_TYPES[n % len(_TYPES)],
            country=party.code,
            operational_languages=[original, "en"],
            gbf_targets=sorted(set(targets)),
            original_language=original,
        )
        _ensure_organisation(data, report)
        if n % 24 == 0:
            progress(_("%(count)s generated organisations") % {"count": n})


def _seed_centres(organisations: dict[str, Organisation], report: SeedReport) -> dict[str, SupportCentre]:
    centres, created = seed_centres(organisations)
    report.created["centres"] += created
    return centres


def _ensure_person(entry: dict[str, Any], report: SeedReport) -> User:
    user = User.objects.filter(email=entry["email"]).first()
    if user is None:
        user = User.objects.create_user(email=entry["email"], password=DEMO_PASSWORD)
        user.display_name, user.preferred_language = entry["name"], entry["language"]
        user.save(update_fields=["display_name", "preferred_language"])
        report.created["people"] += 1
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def _seed_people(
    organisations: dict[str, Organisation], centres: dict[str, SupportCentre], report: SeedReport
) -> None:
    for entry in _load("people.json"):
        user = _ensure_person(entry, report)
        scope: dict[str, Any] = {}
        if "party" in entry:
            scope["party"] = Party.objects.get(code=entry["party"])
        if "organisation" in entry:
            scope["organisation"] = organisations[entry["organisation"]]
        if "centre" in entry:
            scope["centre"] = centres[entry["centre"]]
        held = user.role_assignments.active().filter(role=entry["role"], **scope)
        if not held.exists():
            grant_role(user=user, role=entry["role"], by=None, **scope)
            report.created["roles"] += 1
        if (
            entry["role"] in MFA_REQUIRED_ROLES
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)


# How many times seed_demo reports a phase to its `progress` callback (plus one per 24 generated
# organisations): the command's progress bar needs the total beforehand.
PHASES = 13


@transaction.atomic
def seed_demo(*, scale: int = 1, progress: Progress | None = None) -> SeedReport:
    """Create the demo data set, or complete it; nothing is duplicated."""
    require_demo_mode()
    if scale < 1 or scale > 100:
        raise DemoModeRequired(_("The scale must be between 1 and 100."), code="invalid_scale")
    say = progress or (lambda message: None)
    report = SeedReport()
    say(_("Organisations"))
    organisations = _seed_listed_organisations(report)
    _seed_generated_organisations(scale, report, say)
    say(_("Support centres"))
    centres = _seed_centres(organisations, report)
    say(_("People and roles"))
    _seed_people(organisations, centres, report)
    say(_("Provider profiles and offers"))
    report.created.update(seed_offers(organisations=organisations))
    say(_("Requests for assistance"))
    report.created["requests"] = seed_requests(organisations=organisations)
    say(_("Cooperation projects"))
    report.created["projects"] = seed_projects()
    say(_("Help desk conversations and enquiries"))
    report.created.update(seed_helpdesk())
    say(_("Knowledge hub resources and capacity needs"))
    report.created.update(_seed_knowledge())
    say(_("Matching engine: embeddings and suggestions"))
    report.created["engine_suggestions"] = _seed_engine()
    say(_("Calls for hosts of support centres"))
    _add_counts(report, _seed_hosting())
    say(_("Centre network: work plans, reports, scores and collaboration"))
    _add_counts(report, _seed_network())
    say(_("Advisory committee: members, subcommittees, meetings and forums"))
    _add_counts(report, _seed_advisory())
    say(_("Search index"))
    report.created["search_vectors"] = _seed_search_index()
    return report


def _seed_knowledge() -> dict[str, int]:
    """Resources of the knowledge hub, national capacity needs and organisations' activities."""
    from tsc_hub.capacity.demo import seed_capacity
    from tsc_hub.knowledge.demo import seed_resources

    return {"resources": seed_resources(), **seed_capacity()}


def _seed_hosting() -> dict[str, int]:
    from tsc_hub.hosting.demo import seed_hosting

    return seed_hosting()


def _add_counts(report: SeedReport, counts: dict[str, int]) -> None:
    """Add counts of a seeding step to the report (several steps create organisations and people)."""
    for name, count in counts.items():
        report.created[name] = report.created.get(name, 0) + count


def _seed_network() -> dict[str, int]:
    from tsc_hub.network.demo import seed_network

    return seed_network()


def _seed_advisory() -> dict[str, int]:
    from tsc_hub.advisory.demo import seed_advisory

    return seed_advisory()


def _seed_search_index() -> int:
    """Index the demo records for the search box; returns how many records got a vector (for cross-language
    results), which is none when they are already indexed."""
    from tsc_hub.search.semantic import refresh_vectors
    from tsc_hub.search.services import rebuild

    rebuild()
    return refresh_vectors()


def _seed_engine() -> int:
    """Embed the demo records and store the engine's suggestions, as the worker would on its schedule."""
    from tsc_hub.matching.suggestions import store_engine_suggestions
    from tsc_hub.matching.vectors import refresh_embeddings

    refresh_embeddings()
    return store_engine_suggestions()
