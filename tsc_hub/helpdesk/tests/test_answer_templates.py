"""Answer templates: shipped in six languages, filled in the requester's language, managed by coordination."""

import re

import pytest

from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.languages import UN_LANGUAGES
from tsc_hub.helpdesk.models import AnswerTemplate
from tsc_hub.helpdesk.services import post_message_from_template, render_answer, save_answer_template
from tsc_hub.helpdesk.services.answers import PLACEHOLDERS

SHIPPED = {
    "acknowledge-receipt",
    "ask-more-detail",
    "eligibility-criteria",
    "provider-found",
    "close-with-thanks",
}


@pytest.mark.django_db
def test_the_shipped_templates_speak_six_languages_and_use_known_placeholders():
    templates = {t.code: t for t in AnswerTemplate.objects.active()}
    assert set(templates) == SHIPPED
    for template in templates.values():
        assert set(template.title) == set(UN_LANGUAGES), template.code
        assert set(template.body) == set(UN_LANGUAGES), template.code
        for text in template.body.values():
            assert set(re.findall(r"\{(\w+)\}", text)) <= PLACEHOLDERS
            assert "{requester}" in text


@pytest.mark.django_db
def test_a_template_is_filled_in_the_requesters_language(request_):
    rendered = render_answer(
        template=AnswerTemplate.objects.get(code="acknowledge-receipt"), request=request_
    )
    assert (rendered.language, rendered.is_fallback) == ("fr", False)
    assert "Wanjiru Kamau" in rendered.text
    assert "« Formation au code-barres ADN »" in rendered.text
    assert "East Africa centre" in rendered.text  # the centre has only an English name
    assert "{" not in rendered.text


@pytest.mark.django_db
def test_a_template_missing_the_language_falls_back_to_english(request_):
    partial = AnswerTemplate.objects.create(
        code="partial", title={"en": "Partial"}, body={"es": "Hola {requester}", "en": "Hello {requester}"}
    )
    rendered = render_answer(template=partial, request=request_)
    assert (rendered.text, rendered.language, rendered.is_fallback) == ("Hello Wanjiru Kamau", "en", True)


@pytest.mark.django_db
def test_without_a_centre_the_coordination_entity_is_named_in_the_language(cast, institution):
    draft = make_request(
        by=cast["focal_point"],
        organisation=institution,
        original_language="ar",
        title={"ar": "تدريب على الترميز الجزيئي"},
        problem={"ar": "لا نستطيع تحديد الأنواع."},
        addressed_priorities={"ar": "الهدف الوطني 6"},
    )
    assert draft.centre_id is None
    rendered = render_answer(template=AnswerTemplate.objects.get(code="provider-found"), request=draft)
    assert rendered.language == "ar"
    assert "كيان التنسيق" in rendered.text
    assert "«تدريب على الترميز الجزيئي»" in rendered.text


@pytest.mark.django_db
def test_the_help_desk_answers_from_a_template(cast, request_):
    message = post_message_from_template(request=request_, code="ask-more-detail", by=cast["officer"])
    assert (message.language, message.template_code, message.internal) == ("fr", "ask-more-detail", False)
    assert message.body.startswith("Madame, Monsieur Wanjiru Kamau")


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "provider", "other_officer"])
def test_only_the_help_desk_uses_templates(cast, request_, who):
    with pytest.raises(PermissionDenied):
        post_message_from_template(request=request_, code="ask-more-detail", by=cast[who])


@pytest.mark.django_db
def test_unknown_or_retired_templates_are_refused(cast, request_):
    AnswerTemplate.objects.filter(code="provider-found").update(active=False)
    for code in ("no-such-template", "provider-found"):
        with pytest.raises(InvalidInput) as error:
            post_message_from_template(request=request_, code=code, by=cast["officer"])
        assert "code" in error.value.fields


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordination", "admin"])
def test_coordination_and_admins_manage_templates(cast, who):
    created = save_answer_template(
        code="welcome", title={"en": "Welcome"}, body={"en": "Hi {requester}"}, by=cast[who]
    )
    changed = save_answer_template(
        code="welcome", title={"en": "Welcome"}, body={"en": "Hello {requester}"}, active=False, by=cast[who]
    )
    assert created.pk == changed.pk
    assert (changed.body, changed.active) == ({"en": "Hello {requester}"}, False)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "focal_point", "provider", "nobody"])
def test_nobody_else_manages_templates(cast, who):
    with pytest.raises(PermissionDenied):
        save_answer_template(code="welcome", title={"en": "W"}, body={"en": "Hi"}, by=cast[who])
    assert not AnswerTemplate.objects.filter(code="welcome").exists()


@pytest.mark.django_db
def test_a_bad_template_lists_every_problem(cast):
    with pytest.raises(InvalidInput) as error:
        save_answer_template(code="Bad Code", title={}, body={"en": "Hi {name}"}, by=cast["coordination"])
    assert set(error.value.fields) == {"code", "title", "body"}
    assert "{name}" in error.value.fields["body"][0]
