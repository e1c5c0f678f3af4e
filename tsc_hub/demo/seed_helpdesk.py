"""Demo help desk: conversations on two demo requests (with an internal note), enquiries in four
languages and states, and three FAQ entries in the six languages.

Call it after the demo people and requests exist. Every record is looked up first (messages by request,
author and text; enquiries by subject and e-mail; FAQ entries by code), so a second run adds nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from tsc_hub.accounts.models import User
from tsc_hub.assistance.models import AssistanceRequest
from tsc_hub.helpdesk.models import Enquiry, FaqEntry, RequestMessage
from tsc_hub.helpdesk.services import (
    EnquiryData,
    post_message,
    post_message_from_template,
    publish_faq,
    reply_to_enquiry,
    submit_enquiry,
    transition_enquiry,
)

COORDINATION = "coordination@demo.example.org"

# (request key, author, text or "template:<code>", internal, language)
MESSAGES: list[tuple[str, str, str, bool, str]] = [
    (
        "demo-request-co-mangroves",
        COORDINATION,
        "¿Qué superficie se quiere restaurar y con qué comunidades? "
        "Si pueden, adjunten un mapa de las zonas.",
        False,
        "es",
    ),
    (
        "demo-request-co-mangroves",
        COORDINATION,
        "Nota interna: no hay todavía oficial del centro de América Latina; lo sigo desde coordinación.",
        True,
        "es",
    ),
    ("demo-request-ke-barcoding", "helpdesk.africa@demo.example.org", "template:provider-found", False, "en"),
    (
        "demo-request-ke-barcoding",
        "focal.ke@demo.example.org",
        "Thank you. Our laboratory team will review the offer this week and answer on the match page.",
        False,
        "en",
    ),
    (
        "demo-request-ke-barcoding",
        "helpdesk.africa@demo.example.org",
        "Internal: the second provider was declined for language reasons; keep the lab's offer warm.",
        True,
        "en",
    ),
]

# Enquiries: the data, who asks (None: a visitor), then the steps [(who, action or "reply", text)].
ENQUIRIES: list[dict[str, Any]] = [
    {
        "data": EnquiryData(
            subject="Comment déposer une demande d'assistance ?",
            body="Notre direction des parcs souhaite une formation en suivi des oiseaux. Par où commencer ?",
            category="how_to_request",
            language="fr",
            name="Aminata Fall",
            email="aminata.fall@demo.example.org",
            party="sn",
        ),
        "by": None,
        "steps": [],
        "overdue": True,
    },
    {
        "data": EnquiryData(
            subject="¿Cómo puede mi universidad ofrecer cursos?",
            body="Somos un grupo de taxonomía marina y quisiéramos ofrecer cursos a otros países.",
            category="becoming_provider",
            language="es",
            name="Carlos Quispe",
            email="carlos.quispe@demo.example.org",
            party="pe",
        ),
        "by": None,
        "steps": [
            (
                COORDINATION,
                "reply",
                "Gracias, Carlos. Cree una cuenta, registre su universidad y publique un perfil de "
                "proveedor con sus cursos y los países que puede atender.",
            )
        ],
    },
    {
        "data": EnquiryData(
            subject="ما الفرق بين مراكز الدعم وكيان التنسيق؟",
            body="نريد أن نعرف إلى من نتوجه بشأن طلب يخص الطيور المهاجرة.",
            category="mechanism",
            language="ar",
            party="jo",
        ),
        "by": "focal.jo@demo.example.org",
        "steps": [
            ("helpdesk.asia@demo.example.org", "start", ""),
            ("helpdesk.asia@demo.example.org", "note", "Ask coordination for the Arabic FAQ text."),
        ],
    },
    {
        "data": EnquiryData(
            subject="The sign-in code is not accepted",
            body="My authenticator app code is refused every time I sign in.",
            category="technical",
            language="en",
            name="Sam Taylor",
            email="sam.taylor@demo.example.org",
        ),
        "by": None,
        "steps": [
            (
                COORDINATION,
                "reply",
                "Please check that your phone's clock is set automatically, then try again.",
            ),
            (COORDINATION, "close", ""),
        ],
    },
]


def _text(en: str, fr: str, es: str, ar: str, ru: str, zh: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "es": es, "ar": ar, "ru": ru, "zh": zh}


FAQ: list[dict[str, Any]] = [
    {
        "code": "demo-faq-who-can-request",
        "category": "how_to_request",
        "question": _text(
            "Who can request technical and scientific cooperation?",
            "Qui peut demander une coopération technique et scientifique ?",
            "¿Quién puede solicitar cooperación técnica y científica?",
            "من يمكنه طلب التعاون التقني والعلمي؟",
            "Кто может запросить техническое и научное сотрудничество?",
            "谁可以申请技术和科学合作？",
        ),
        "answer": _text(
            "Any Party to the Convention, through its national focal point, or an institution of the Party "
            "with the focal point's endorsement. Write the request on this platform in any UN language.",
            "Toute Partie à la Convention, par son correspondant national, ou une institution de la Partie "
            "avec l'aval du correspondant. Rédigez la demande sur cette plateforme dans une langue de l'ONU.",
            "Cualquier Parte en el Convenio, a través de su punto focal nacional, o una institución de la "
            "Parte con el aval del punto focal. Redacte la solicitud en esta plataforma en un idioma de "
            "la ONU.",
            "أي طرف في الاتفاقية عن طريق جهة الاتصال الوطنية، أو مؤسسة تابعة للطرف بموافقة جهة الاتصال. "
            "اكتبوا الطلب على هذه المنصة بأي لغة من لغات الأمم المتحدة.",
            "Любая Сторона Конвенции через своего национального координатора или учреждение Стороны с "
            "одобрения координатора. Запрос составляется на этой платформе на любом языке ООН.",
            "公约的任何缔约方均可通过其国家联络点提出申请，缔约方的机构经联络点认可后也可申请。"
            "请在本平台上用任何一种联合国语言撰写请求。",
        ),
    },
    {
        "code": "demo-faq-become-provider",
        "category": "becoming_provider",
        "question": _text(
            "How can my organisation become a provider?",
            "Comment mon organisation peut-elle devenir prestataire ?",
            "¿Cómo puede mi organización convertirse en proveedora?",
            "كيف يمكن لمنظمتي أن تصبح جهة مقدمة للمساعدة؟",
            "Как моей организации стать поставщиком помощи?",
            "我的组织如何成为提供方？",
        ),
        "answer": _text(
            "Create an account, register your organisation and publish a provider profile with your "
            "expertise, the assistance you offer and the countries you serve. The coordination entity "
            "reviews profiles before they are published.",
            "Créez un compte, enregistrez votre organisation et publiez un profil de prestataire décrivant "
            "vos compétences, l'assistance proposée et les pays desservis. L'entité de coordination examine "
            "les profils avant leur publication.",
            "Cree una cuenta, registre su organización y publique un perfil de proveedor con su experiencia, "
            "la asistencia que ofrece y los países que atiende. La entidad de coordinación revisa los "
            "perfiles antes de publicarlos.",
            "أنشئوا حسابًا وسجّلوا منظمتكم وانشروا ملفًا تعريفيًا يبيّن خبراتكم والمساعدة التي تقدمونها "
            "والبلدان التي تخدمونها. ويراجع كيان التنسيق الملفات قبل نشرها.",
            "Создайте учётную запись, зарегистрируйте организацию и опубликуйте профиль поставщика с вашей "
            "экспертизой, видами помощи и странами, которые вы обслуживаете. Координационный орган "
            "проверяет профили перед публикацией.",
            "请创建账户、登记您的组织，并发布提供方简介，说明您的专长、可提供的援助以及服务的国家。"
            "协调机构会在发布前审核简介。",
        ),
    },
    {
        "code": "demo-faq-help-desk",
        "category": "mechanism",
        "question": _text(
            "What does the help desk do?",
            "Que fait le service d'assistance ?",
            "¿Qué hace el servicio de asistencia?",
            "ما الذي يقوم به مكتب المساعدة؟",
            "Чем занимается служба поддержки?",
            "服务台做什么？",
        ),
        "answer": _text(
            "It helps refine requests, checks eligibility, looks for providers and follows each "
            "cooperation until its results are recorded. Support centres serve the Parties of their "
            "region; the coordination entity handles the rest.",
            "Il aide à préciser les demandes, vérifie l'éligibilité, cherche des prestataires et suit chaque "
            "coopération jusqu'à l'enregistrement de ses résultats. Les centres d'appui servent les Parties "
            "de leur région ; l'entité de coordination s'occupe du reste.",
            "Ayuda a precisar las solicitudes, verifica la elegibilidad, busca proveedores y acompaña cada "
            "cooperación hasta que se registran sus resultados. Los centros de apoyo atienden a las Partes "
            "de su región; la entidad de coordinación se ocupa del resto.",
            "يساعد على تدقيق الطلبات، ويتحقق من الأهلية، ويبحث عن الجهات المقدمة للمساعدة، ويتابع كل تعاون "
            "حتى تسجيل نتائجه. وتخدم مراكز الدعم أطراف منطقتها، ويتولى كيان التنسيق ما عدا ذلك.",
            "Она помогает уточнить запросы, проверяет соответствие критериям, ищет поставщиков помощи и "
            "сопровождает сотрудничество до регистрации результатов. Центры поддержки обслуживают Стороны "
            "своего региона, остальным занимается координационный орган.",
            "服务台帮助完善请求、核查资格、寻找提供方，并跟进每项合作直至记录其成果。"
            "各支助中心为本区域的缔约方服务，其余事务由协调机构负责。",
        ),
    },
]


def _person(email: str) -> User:
    return User.objects.get(email=email)


def _seed_messages() -> int:
    created = 0
    for key, email, text, internal, language in MESSAGES:
        request = AssistanceRequest.objects.filter(chm_identifier=key).first()
        if request is None:
            continue
        author = _person(email)
        mine = RequestMessage.objects.filter(request=request, author=author)
        if text.startswith("template:"):
            code = text.removeprefix("template:")
            if not mine.filter(template_code=code).exists():
                post_message_from_template(request=request, code=code, by=author)
                created += 1
        elif not mine.filter(body=text).exists():
            post_message(request=request, body=text, internal=internal, language=language, by=author)
            created += 1
    return created


def _walk_enquiry(enquiry: Enquiry, steps: list[tuple[str, str, str]]) -> None:
    for email, action, text in steps:
        person = _person(email)
        if action in ("reply", "note"):
            reply_to_enquiry(enquiry=enquiry, body=text, internal=action == "note", by=person)
        else:
            transition_enquiry(enquiry=enquiry, action=action, reason=text, by=person)
        enquiry.refresh_from_db()


def _seed_enquiries() -> int:
    created = 0
    for entry in ENQUIRIES:
        data: EnquiryData = entry["data"]
        by = _person(entry["by"]) if entry["by"] else None
        email = by.email if by else data.email
        if Enquiry.objects.filter(subject=data.subject, email=email).exists():
            continue
        enquiry = submit_enquiry(data=data, by=by)
        _walk_enquiry(enquiry, entry["steps"])
        if entry.get("overdue"):
            # Demo only: back-date one unanswered enquiry so the queue shows an overdue flag.
            past = timezone.now() - datetime.timedelta(days=7)
            Enquiry.objects.filter(pk=enquiry.pk).update(created_at=past, due_at=past)
        created += 1
    return created


def _seed_faq() -> int:
    created = 0
    coordination = _person(COORDINATION)
    for position, entry in enumerate(FAQ):
        if FaqEntry.objects.filter(code=entry["code"]).exists():
            continue
        publish_faq(
            question=entry["question"],
            answer=entry["answer"],
            category=entry["category"],
            position=position,
            code=entry["code"],
            by=coordination,
        )
        created += 1
    return created


@transaction.atomic
def seed_helpdesk() -> dict[str, int]:
    """Create the demo conversations, enquiries and FAQ entries that are missing; returns how many."""
    return {"messages": _seed_messages(), "enquiries": _seed_enquiries(), "faq_entries": _seed_faq()}
