"""The FAQ: published by the help desk only, read by everyone, only what is published."""

import pytest

from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.helpdesk.models import FaqEntry
from tsc_hub.helpdesk.services import publish_faq, set_faq_published

ENTRY = {
    "question": {"en": "Who can request assistance?", "fr": "Qui peut demander une assistance ?"},
    "answer": {"en": "Parties, through their focal points.", "fr": "Les Parties, par leurs correspondants."},
    "category": "how_to_request",
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordination", "admin"])
def test_coordination_and_admins_publish_any_entry(cast, who):
    entry = publish_faq(**ENTRY, by=cast[who])
    assert entry.published
    assert list(FaqEntry.objects.published()) == [entry]


@pytest.mark.django_db
def test_an_officer_publishes_the_answer_of_its_own_centres_enquiry(cast, make_enquiry):
    enquiry = make_enquiry(party="ke")
    entry = publish_faq(**ENTRY, enquiry=enquiry, by=cast["officer"])
    assert entry.enquiry == enquiry
    with pytest.raises(PermissionDenied):
        publish_faq(**ENTRY, by=cast["officer"])
    with pytest.raises(PermissionDenied):
        publish_faq(**ENTRY, enquiry=enquiry, by=cast["other_officer"])


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "member", "provider", "advisory", "reviewer", "nobody"])
def test_nobody_else_publishes(cast, make_enquiry, who):
    with pytest.raises(PermissionDenied):
        publish_faq(**ENTRY, enquiry=make_enquiry(by=cast[who]), by=cast[who])
    assert not FaqEntry.objects.exists()


@pytest.mark.django_db
def test_an_entry_needs_a_question_an_answer_and_a_category(cast):
    with pytest.raises(InvalidInput) as error:
        publish_faq(question={"en": " "}, answer={"xx": "Hi"}, category="nope", by=cast["coordination"])
    assert set(error.value.fields) == {"question", "answer", "category"}
    assert not FaqEntry.objects.exists()


@pytest.mark.django_db
def test_the_public_list_shows_only_published_entries(client, cast):
    shown = publish_faq(**ENTRY, by=cast["coordination"])
    hidden = publish_faq(**{**ENTRY, "question": {"en": "Hidden?"}}, by=cast["coordination"])
    set_faq_published(entry=hidden, published=False, by=cast["coordination"])
    assert [e["id"] for e in client.get("/api/v1/helpdesk/faq").json()] == [shown.pk]
    french = client.get("/api/v1/helpdesk/faq", HTTP_ACCEPT_LANGUAGE="fr").json()[0]
    assert french["question"] == "Qui peut demander une assistance ?"
    client.force_login(cast["coordination"])
    assert len(client.get("/api/v1/helpdesk/faq").json()) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "focal_point", "nobody"])
def test_only_coordination_hides_entries(cast, who):
    entry = publish_faq(**ENTRY, by=cast["coordination"])
    with pytest.raises(PermissionDenied):
        set_faq_published(entry=entry, published=False, by=cast[who])
