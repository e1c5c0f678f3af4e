"""Demo provider profiles and offers, in the six UN languages, in every workflow state.

Each record has a CHM identifier such as "demo-offer-1"; a record already there is left as it is, so
running the seed again creates nothing. Records go through the offers services as the system.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from tsc_hub.offers.models import Offer, ProviderProfile
from tsc_hub.offers.services import (
    OfferData,
    ProfileData,
    create_offer,
    create_profile,
    transition_offer,
    transition_profile,
)
from tsc_hub.organisations.models import Organisation

ASIA = "3BED3C61-C8C5-49D8-9AFA-0B4D03FC427F"
CENTRAL_ASIA = "1CF17830-479B-42DD-AC6C-974E86EABE15"
WESTERN_ASIA = "70AD3B5C-9390-4E11-B4FB-60B5591037FA"
EASTERN_AFRICA = "0938DB0F-E4BB-464F-ABBB-ADD615BE5371"
SOUTHERN_AFRICA = "BA8BAEF5-821C-43A6-8700-5CC215D4B5B0"
WESTERN_AFRICA = "AEF6F814-52C0-4F1A-9838-5799B021BA26"
EASTERN_EUROPE = "7DCF92D5-8412-4CFA-A67C-C6AA7A0A69F2"
LATIN_AMERICA = "50BDFC43-84FD-4DC9-9BDD-B9C6A3C81539"
GLOBAL = "5D13EC43-F3E0-415E-AF67-62CCC85899AF"

# The steps that lead from a new draft to each state.
STEPS = {
    "draft": [],
    "in_review": ["submit"],
    "published": ["submit", "publish"],
    "withdrawn": ["submit", "publish", "withdraw"],
    "expired": ["submit", "publish", "expire"],
}

PROFILES: list[dict[str, Any]] = [
    {
        "id": "demo-profile-1",
        "org": "kib",
        "state": "published",
        "title": {"zh": "DNA条形码与植物分类培训", "en": "DNA barcoding and plant taxonomy training"},
        "expertise": {"zh": "植物DNA条形码、标本馆管理、种质资源保存。"},
        "regions": [ASIA],
        "subjects": ["CBD-SUBJECT-TAXONOMY", "CBD-SUBJECT-GTI"],
        "types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-TECHNOLOGY-TRANSFER"],
        "targets": ["GBF-TARGET-20", "GBF-TARGET-21"],
        "languages": ["zh", "en"],
        "capacity": 3,
        "contact": ("李明", "demo-kib@example.org"),
    },
    {
        "id": "demo-profile-2",
        "org": "ird",
        "state": "published",
        "title": {"fr": "Recherche en partenariat sur les écosystèmes tropicaux"},
        "expertise": {"fr": "Écologie des mangroves, restauration, suivi participatif."},
        "parties": ["mg"],
        "regions": [WESTERN_AFRICA],
        "subjects": ["CBD-SUBJECT-ECORES", "CBD-SUBJECT-INS"],
        "types": ["TSC-ASSIST-JOINT-RESEARCH", "TSC-ASSIST-EXPERT-ADVICE"],
        "targets": ["GBF-TARGET-02", "GBF-TARGET-21"],
        "languages": ["fr", "en", "es"],
        "capacity": 4,
        "contact": ("Claire Martin", "demo-ird@example.org"),
    },
    {
        "id": "demo-profile-3",
        "org": "wcmc",
        "state": "published",
        "title": {"en": "Biodiversity data and indicator support"},
        "expertise": {"en": "Spatial data, GBF headline indicators, national reporting."},
        "regions": [GLOBAL],
        "subjects": ["CBD-SUBJECT-IND", "CBD-SUBJECT-KMGBF"],
        "types": ["TSC-ASSIST-DATA-TOOLS", "TSC-ASSIST-EXPERT-ADVICE"],
        "targets": ["GBF-TARGET-21"],
        "languages": ["en"],
        "capacity": 5,
        "contact": ("Sam Taylor", "demo-wcmc@example.org"),
    },
    {
        "id": "demo-profile-4",
        "org": "humboldt",
        "state": "draft",
        "title": {"es": "Monitoreo de la biodiversidad y escenarios"},
        "expertise": {"es": "Escenarios, modelos de distribución de especies y monitoreo comunitario."},
        "regions": [LATIN_AMERICA],
        "subjects": ["CBD-SUBJECT-IND"],
        "types": ["TSC-ASSIST-DATA-TOOLS", "TSC-ASSIST-TRAINING"],
        "targets": ["GBF-TARGET-01", "GBF-TARGET-21"],
        "languages": ["es", "en"],
        "capacity": 2,
        "contact": ("Laura Pérez", "demo-humboldt@example.org"),
    },
    {
        "id": "demo-profile-5",
        "org": "zin",
        "state": "in_review",
        "title": {"ru": "Обучение таксономии животных", "en": "Animal taxonomy training"},
        "expertise": {"ru": "Определение насекомых и моллюсков, работа с коллекциями."},
        "regions": [CENTRAL_ASIA, EASTERN_EUROPE],
        "subjects": ["CBD-SUBJECT-TAXONOMY"],
        "types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-EXPERT-EXCHANGE"],
        "targets": ["GBF-TARGET-04"],
        "languages": ["ru", "en"],
        "capacity": 2,
        "contact": ("Иван Петров", "demo-zin@example.org"),
    },
    {
        "id": "demo-profile-6",
        "org": "rscn",
        "state": "published",
        "title": {"ar": "التدريب على إدارة المحميات الطبيعية", "en": "Protected area management training"},
        "expertise": {"ar": "إدارة المحميات، السياحة البيئية، إشراك المجتمعات المحلية."},
        "regions": [WESTERN_ASIA],
        "subjects": ["CBD-SUBJECT-PA", "CBD-SUBJECT-TOUR"],
        "types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-MENTORING"],
        "targets": ["GBF-TARGET-03", "GBF-TARGET-09"],
        "languages": ["ar", "en"],
        "capacity": 2,
        "contact": ("ليلى حداد", "demo-rscn@example.org"),
    },
]


OFFERS: list[dict[str, Any]] = [
    {
        "id": "demo-offer-1",
        "org": "kib",
        "state": "published",
        "title": {"zh": "DNA条形码技术培训班", "en": "DNA barcoding training course"},
        "description": {"zh": "为期两周的植物DNA条形码实验室与野外采样培训，包括数据上传到BOLD系统。"},
        "eligibility": {"zh": "亚洲缔约方国家标本馆、大学和保护机构的技术人员。"},
        "application": {"zh": "填写申请表并附推荐信，发送至联系人邮箱。"},
        "regions": [ASIA],
        "types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-TECHNOLOGY-TRANSFER"],
        "beneficiaries": ["TSC-BENEFICIARY-ACADEMIA", "TSC-BENEFICIARY-GOVERNMENTS"],
        "subjects": ["CBD-SUBJECT-TAXONOMY"],
        "targets": ["GBF-TARGET-20"],
        "deadline_in_days": 45,
        "starts_in_days": 75,
        "languages": ["zh", "en"],
        "contact": ("李明", "demo-kib@example.org"),
    },
    {
        "id": "demo-offer-2",
        "org": "ird",
        "state": "published",
        "title": {"fr": "Bourses de recherche sur la restauration des mangroves"},
        "description": {
            "fr": "Six bourses de terrain de trois mois avec des équipes de l'IRD et des partenaires."
        },
        "eligibility": {
            "fr": "Chercheurs et gestionnaires d'aires protégées d'Afrique de l'Ouest et de Madagascar."
        },
        "application": {"fr": "Envoyer un projet de deux pages et un CV au contact."},
        "parties": ["mg"],
        "regions": [WESTERN_AFRICA],
        "types": ["TSC-ASSIST-JOINT-RESEARCH", "TSC-ASSIST-FUNDING"],
        "beneficiaries": ["TSC-BENEFICIARY-ACADEMIA"],
        "subjects": ["CBD-SUBJECT-ECORES", "CBD-SUBJECT-MAR"],
        "targets": ["GBF-TARGET-02"],
        "deadline_in_days": 60,
        "languages": ["fr", "en"],
        "contact": ("Claire Martin", "demo-ird@example.org"),
    },
    {
        "id": "demo-offer-3",
        "org": "barcodelab",
        "state": "in_review",
        "title": {"en": "Loan of portable DNA sequencers for field surveys"},
        "description": {
            "en": "Portable sequencers, reagents for 500 samples and two days of remote training."
        },
        "eligibility": {
            "en": "Public institutions running biodiversity surveys in eastern and southern Africa."
        },
        "application": {"en": "Describe the survey and the samples in the online form."},
        "regions": [EASTERN_AFRICA, SOUTHERN_AFRICA],
        "types": ["TSC-ASSIST-EQUIPMENT", "TSC-ASSIST-TECHNOLOGY-TRANSFER"],
        "beneficiaries": ["TSC-BENEFICIARY-GOVERNMENTS"],
        "subjects": ["CBD-SUBJECT-TAXONOMY"],
        "targets": ["GBF-TARGET-20"],
        "deadline_in_days": 20,
        "languages": ["en"],
        "contact": ("Thabo Nkosi", "demo-barcodelab@example.org"),
    },
    {
        "id": "demo-offer-4",
        "org": "wcmc",
        "state": "published",
        "title": {"en": "Help with national indicators of the Global Biodiversity Framework"},
        "description": {"en": "Remote expert advice on computing and reporting the GBF headline indicators."},
        "eligibility": {"en": "National focal points and the agencies that prepare national reports."},
        "application": {"en": "Ask through the help desk of your support centre."},
        "regions": [GLOBAL],
        "types": ["TSC-ASSIST-EXPERT-ADVICE", "TSC-ASSIST-DATA-TOOLS"],
        "beneficiaries": ["TSC-BENEFICIARY-GOVERNMENTS"],
        "subjects": ["CBD-SUBJECT-IND", "CBD-SUBJECT-NR"],
        "targets": ["GBF-TARGET-21"],
        "languages": ["en"],
        "contact": ("Sam Taylor", "demo-wcmc@example.org"),
    },
    {
        "id": "demo-offer-5",
        "org": "birdlife",
        "partners": ["kws"],
        "state": "expired",
        "title": {"en": "Mentoring for monitoring Important Bird and Biodiversity Areas"},
        "description": {"en": "A year of mentoring by BirdLife partners for site monitoring teams."},
        "eligibility": {"en": "Site managers and community groups in eastern Africa."},
        "application": {"en": "Apply with a letter of support from the site authority."},
        "regions": [EASTERN_AFRICA],
        "types": ["TSC-ASSIST-MENTORING", "TSC-ASSIST-TRAINING"],
        "beneficiaries": ["TSC-BENEFICIARY-IPLC", "TSC-BENEFICIARY-NGO"],
        "targets": ["GBF-TARGET-03", "GBF-TARGET-04"],
        "deadline_in_days": -10,
        "languages": ["en"],
        "contact": ("Grace Otieno", "demo-birdlife@example.org"),
    },
    {
        "id": "demo-offer-6",
        "org": "humboldt",
        "state": "draft",
        "title": {"es": "Curso regional de escenarios de biodiversidad"},
        "description": {
            "es": "Curso virtual de ocho semanas sobre escenarios y modelos para la planificación."
        },
        "eligibility": {"es": "Equipos técnicos de ministerios de ambiente de América Latina."},
        "application": {"es": "Postulación en línea con carta institucional."},
        "regions": [LATIN_AMERICA],
        "types": ["TSC-ASSIST-TRAINING"],
        "beneficiaries": ["TSC-BENEFICIARY-GOVERNMENTS"],
        "targets": ["GBF-TARGET-01"],
        "deadline_in_days": 30,
        "languages": ["es", "en"],
        "contact": ("Laura Pérez", "demo-humboldt@example.org"),
    },
    {
        "id": "demo-offer-7",
        "org": "zin",
        "state": "expired",
        "title": {"ru": "Стажировки по определению видов", "en": "Internships in species identification"},
        "description": {"ru": "Стажировки в коллекциях института для специалистов по беспозвоночным."},
        "eligibility": {"ru": "Молодые специалисты из стран Центральной Азии."},
        "application": {"ru": "Заявка и рекомендательное письмо по электронной почте."},
        "regions": [CENTRAL_ASIA],
        "types": ["TSC-ASSIST-EXPERT-EXCHANGE"],
        "beneficiaries": ["TSC-BENEFICIARY-YOUTH", "TSC-BENEFICIARY-ACADEMIA"],
        "subjects": ["CBD-SUBJECT-TAXONOMY"],
        "deadline_in_days": -5,
        "languages": ["ru", "en"],
        "contact": ("Иван Петров", "demo-zin@example.org"),
    },
    {
        "id": "demo-offer-8",
        "org": "rscn",
        "state": "published",
        "title": {
            "ar": "برنامج تدريبي حول السياحة البيئية في المحميات",
            "en": "Ecotourism training in reserves",
        },
        "description": {
            "ar": "تدريب ميداني لمدة أسبوعين في محميات الأردن حول السياحة البيئية وإشراك المجتمعات."
        },
        "eligibility": {"ar": "العاملون في المحميات والجمعيات المحلية في غرب آسيا."},
        "application": {"ar": "تعبئة نموذج الطلب وإرساله إلى جهة الاتصال."},
        "regions": [WESTERN_ASIA],
        "types": ["TSC-ASSIST-TRAINING", "TSC-ASSIST-MENTORING"],
        "beneficiaries": ["TSC-BENEFICIARY-IPLC", "TSC-BENEFICIARY-WOMEN"],
        "subjects": ["CBD-SUBJECT-TOUR", "CBD-SUBJECT-PA"],
        "targets": ["GBF-TARGET-09"],
        "deadline_in_days": 40,
        "languages": ["ar", "en"],
        "contact": ("ليلى حداد", "demo-rscn@example.org"),
    },
]


def _profile_data(spec: dict[str, Any], organisation: Organisation) -> ProfileData:
    name, email = spec["contact"]
    return ProfileData(
        organisation=organisation.pk,
        title=spec["title"],
        expertise=spec.get("expertise", {}),
        coverage_parties=spec.get("parties", []),
        coverage_regions=spec.get("regions", []),
        cbd_subjects=spec["subjects"],
        assistance_types=spec["types"],
        gbf_targets=spec.get("targets", []),
        working_languages=spec["languages"],
        capacity=spec["capacity"],
        contact_name=name,
        contact_email=email,
        original_language=spec["languages"][0],
        chm_identifier=spec["id"],
    )


def _offer_data(spec: dict[str, Any], organisations: dict[str, Organisation]) -> OfferData:
    name, email = spec["contact"]
    today = timezone.localdate()
    deadline = spec.get("deadline_in_days")
    return OfferData(
        primary_organisation=organisations[spec["org"]].pk,
        organisations=[organisations[key].pk for key in spec.get("partners", []) if key in organisations],
        title=spec["title"],
        description=spec["description"],
        eligibility=spec["eligibility"],
        application_process=spec["application"],
        areas_benefited_parties=spec.get("parties", []),
        areas_benefited_regions=spec.get("regions", []),
        assistance_types=spec["types"],
        primary_beneficiaries=spec.get("beneficiaries", []),
        application_deadline=today + datetime.timedelta(days=deadline) if deadline is not None else None,
        start_date=today + datetime.timedelta(days=spec["starts_in_days"])
        if "starts_in_days" in spec
        else None,
        cbd_subjects=spec.get("subjects", []),
        gbf_targets=spec.get("targets", []),
        working_languages=spec["languages"],
        contact_name=name,
        contact_email=email,
        original_language=spec["languages"][0],
        chm_identifier=spec["id"],
    )


def _seed_profiles(organisations: dict[str, Organisation]) -> int:
    created = 0
    for spec in PROFILES:
        organisation = organisations.get(spec["org"])
        if organisation is None or ProviderProfile.objects.filter(chm_identifier=spec["id"]).exists():
            continue
        profile = create_profile(data=_profile_data(spec, organisation), by=None)
        for action in STEPS[spec["state"]]:
            profile = transition_profile(record=profile, action=action, by=None)
        created += 1
    return created


def _seed_offers(organisations: dict[str, Organisation]) -> int:
    created = 0
    for spec in OFFERS:
        if spec["org"] not in organisations or Offer.objects.filter(chm_identifier=spec["id"]).exists():
            continue
        offer = create_offer(data=_offer_data(spec, organisations), by=None)
        for action in STEPS[spec["state"]]:
            offer = transition_offer(record=offer, action=action, by=None)
        created += 1
    return created


@transaction.atomic
def seed_offers(*, organisations: dict[str, Organisation]) -> dict[str, int]:
    """Create the demo profiles and offers that are missing; returns how many of each were created."""
    return {"profiles": _seed_profiles(organisations), "offers": _seed_offers(organisations)}
