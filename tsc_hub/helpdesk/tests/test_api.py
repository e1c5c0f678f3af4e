"""The help desk API: 401 without a session or token, 403 for the wrong roles, 404 for hidden records,
422 for bad input with nothing saved, and a bounded number of queries on lists."""

import pytest

from tsc_hub.helpdesk.models import Enquiry, FaqEntry, RequestMessage
from tsc_hub.helpdesk.services import post_message, publish_faq

JSON = "application/json"


def _post(client, url, payload):
    return client.post(url, payload, content_type=JSON)


@pytest.mark.django_db
def test_anonymous_callers_get_401_except_on_public_endpoints(client, request_):
    base = "/api/v1/helpdesk"
    assert client.get(f"{base}/requests/{request_.pk}/messages").status_code == 401
    assert _post(client, f"{base}/requests/{request_.pk}/messages", {"body": "hi"}).status_code == 401
    assert client.get(f"{base}/templates").status_code == 401
    assert client.get(f"{base}/enquiries").status_code == 401
    assert _post(client, f"{base}/faq", {"question": {}, "answer": {}, "category": "x"}).status_code == 401
    assert client.get(f"{base}/faq").status_code == 200
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
def test_the_conversation_through_the_api(client, cast, request_):
    client.force_login(cast["officer"])
    url = f"/api/v1/helpdesk/requests/{request_.pk}/messages"
    created = _post(client, f"{url}/from-template", {"code": "acknowledge-receipt"})
    assert created.status_code == 201, created.content
    assert created.json()["language"] == "fr"
    assert _post(client, url, {"body": "Budget?", "internal": True}).status_code == 201
    client.force_login(cast["focal_point"])
    assert _post(client, url, {"body": "Merci !"}).status_code == 201
    assert [m["body"][:6] for m in client.get(url).json()] == ["Madame", "Merci "]


@pytest.mark.django_db
def test_a_requester_trying_an_internal_note_gets_403(client, cast, request_):
    client.force_login(cast["member"])
    url = f"/api/v1/helpdesk/requests/{request_.pk}/messages"
    response = _post(client, url, {"body": "psst", "internal": True})
    assert response.status_code == 403
    assert response.json()["code"] == "internal_note_refused"
    assert response["Content-Type"] == "application/problem+json"
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["focal_point", "provider", "nobody"])
def test_only_the_help_desk_reads_or_uses_templates(client, cast, request_, who):
    client.force_login(cast[who])
    assert client.get("/api/v1/helpdesk/templates").status_code == 403
    response = _post(
        client, f"/api/v1/helpdesk/requests/{request_.pk}/messages/from-template", {"code": "ask-more-detail"}
    )
    assert response.status_code == 403
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
def test_templates_are_previewed_for_a_request_and_managed_by_coordination(client, cast, request_):
    client.force_login(cast["officer"])
    listed = client.get(f"/api/v1/helpdesk/templates?request_id={request_.pk}").json()
    assert {t["text_language"] for t in listed} == {"fr"}
    template = {"title": {"en": "Hi"}, "body": {"en": "Hi {requester}"}}
    assert client.put("/api/v1/helpdesk/templates/hi", template, content_type=JSON).status_code == 403
    client.force_login(cast["coordination"])
    assert client.put("/api/v1/helpdesk/templates/hi", template, content_type=JSON).status_code == 200
    bad = client.put("/api/v1/helpdesk/templates/hi", {**template, "title": {}}, content_type=JSON)
    assert bad.status_code == 422
    assert "title" in bad.json()["fields"]


@pytest.mark.django_db
def test_bad_input_is_422_and_nothing_is_saved(client, cast, request_):
    client.force_login(cast["officer"])
    url = f"/api/v1/helpdesk/requests/{request_.pk}/messages"
    assert _post(client, url, {"body": "  "}).status_code == 422
    unknown = _post(client, f"{url}/from-template", {"code": "nope"})
    assert (unknown.status_code, list(unknown.json()["fields"])) == (422, ["code"])
    assert not RequestMessage.objects.exists()


@pytest.mark.django_db
def test_hidden_or_missing_records_are_404(client, cast, make_enquiry):
    client.force_login(cast["other_officer"])
    assert client.get("/api/v1/helpdesk/requests/999999/messages").status_code == 404
    enquiry = make_enquiry(party="ke")
    assert client.get(f"/api/v1/helpdesk/enquiries/{enquiry.pk}").status_code == 404
    response = _post(client, f"/api/v1/helpdesk/enquiries/{enquiry.pk}/replies", {"body": "hi"})
    assert response.status_code == 404


@pytest.mark.django_db
def test_an_enquiry_from_question_to_answer_through_the_api(client, cast):
    created = _post(
        client,
        "/api/v1/helpdesk/enquiries",
        {
            "subject": "Providers?",
            "body": "How to become one?",
            "category": "becoming_provider",
            "party": "ke",
        },
    )
    assert created.status_code == 422  # a visitor must give a name and an e-mail address
    assert set(created.json()["fields"]) == {"name", "email"}
    client.force_login(cast["member"])
    created = _post(
        client,
        "/api/v1/helpdesk/enquiries",
        {
            "subject": "Providers?",
            "body": "How to become one?",
            "category": "becoming_provider",
            "party": "ke",
        },
    )
    assert created.status_code == 201, created.content
    enquiry_id = created.json()["id"]
    client.force_login(cast["officer"])
    url = f"/api/v1/helpdesk/enquiries/{enquiry_id}"
    assert _post(client, f"{url}/replies", {"body": "Checking", "internal": True}).status_code == 201
    assert _post(client, f"{url}/replies", {"body": "Fill in a profile."}).status_code == 201
    client.force_login(cast["member"])
    body = client.get(url).json()
    assert (body["state"], [r["body"] for r in body["replies"]]) == ("answered", ["Fill in a profile."])
    assert body["allowed_actions"] == ["close", "reopen"]
    closed = _post(client, f"{url}/transitions", {"action": "close"})
    assert closed.json()["state"] == "closed"
    illegal = _post(client, f"{url}/transitions", {"action": "start"})
    assert (illegal.status_code, illegal.json()["code"]) == (409, "illegal_transition")


@pytest.mark.django_db
def test_an_anonymous_visitor_submits_through_the_api(client):
    response = _post(
        client,
        "/api/v1/helpdesk/enquiries",
        {"subject": "Hi", "body": "Question", "category": "other", "name": "Ana", "email": "ana@example.org"},
    )
    assert response.status_code == 201
    assert Enquiry.objects.get().requester is None


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer", "focal_point", "provider"])
def test_publishing_without_an_enquiry_is_refused_to_all_but_coordination(client, cast, who):
    payload = {"question": {"en": "Q?"}, "answer": {"en": "A."}, "category": "other"}
    client.force_login(cast[who])
    assert _post(client, "/api/v1/helpdesk/faq", payload).status_code == 403
    client.force_login(cast["coordination"])
    assert _post(client, "/api/v1/helpdesk/faq", payload).status_code == 201
    assert FaqEntry.objects.count() == 1


@pytest.mark.django_db
def test_lists_run_a_bounded_number_of_queries(
    client, cast, request_, make_enquiry, django_assert_max_num_queries
):
    for n in range(15):
        post_message(request=request_, body=f"m{n}", by=cast["officer" if n % 2 else "focal_point"])
        make_enquiry(by=cast["member"], party="ke" if n % 2 else None)
        publish_faq(question={"en": f"Q{n}"}, answer={"en": "A"}, category="other", by=cast["coordination"])
    client.force_login(cast["coordination"])
    with django_assert_max_num_queries(10):
        assert len(client.get(f"/api/v1/helpdesk/requests/{request_.pk}/messages").json()) == 15
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/helpdesk/enquiries?limit=50").json()["count"] == 15
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/helpdesk/faq").json()) == 15
