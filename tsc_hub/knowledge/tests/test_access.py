"""Who must not reach each page and endpoint, for a draft of a Kenyan institution tagged with Kenya.

Insiders (the cast): Kenya's focal point, the institution's member, the help desk serving Kenya, coordination
staff, administrators. Everyone else is an outsider: not signed in → sign in (pages) or 401 (API); a
resource one may not see → 404; a resource one sees but may not touch → 403.
"""

import pytest

from tsc_hub.knowledge.tests.factories import ResourceFactory

OUTSIDERS = [
    "other_focal_point",
    "other_member",
    "other_officer",
    "provider",
    "advisory",
    "reviewer",
    "nobody",
]
INSIDERS = ["focal_point", "member", "officer", "coordination", "admin"]
NON_REVIEWING_INSIDERS = ["focal_point", "member"]
REVIEWERS = ["officer", "coordination", "admin"]


@pytest.fixture
def draft(cast, institution):
    return ResourceFactory(owner=institution, countries=["ke"])


def _as(client, cast, who):
    if who != "anonymous":
        client.force_login(cast[who])
    return client


def _post_json(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_do_not_find_a_draft_on_any_page(client, cast, draft, who):
    _as(client, cast, who)
    assert client.get(f"/en/resources/{draft.pk}/").status_code == 404
    assert client.get(f"/en/resources/{draft.pk}/edit/").status_code == 404
    for action in ("submit", "withdraw"):
        assert client.post(f"/en/resources/{draft.pk}/transitions/", {"action": action}).status_code == 404
    draft.refresh_from_db()
    assert draft.state == "draft"


@pytest.mark.django_db
@pytest.mark.parametrize("who", INSIDERS)
def test_insiders_see_and_edit_the_draft(client, cast, draft, who):
    _as(client, cast, who)
    assert client.get(f"/en/resources/{draft.pk}/").status_code == 200
    assert client.get(f"/en/resources/{draft.pk}/edit/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_may_not_edit_a_published_resource(client, cast, institution, who):
    published = ResourceFactory(owner=institution, countries=["ke"], state="published")
    _as(client, cast, who)
    assert client.get(f"/en/resources/{published.pk}/").status_code == 200
    assert client.get(f"/en/resources/{published.pk}/edit/").status_code == 403
    response = client.post(f"/en/resources/{published.pk}/transitions/", {"action": "withdraw"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_from_every_form(client, draft):
    for url in ("/en/resources/new/", "/en/resources/review/", f"/en/resources/{draft.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
    assert client.post(f"/en/resources/{draft.pk}/transitions/", {"action": "submit"}).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["nobody", "advisory", "reviewer"])
def test_people_whose_roles_never_describe_resources_get_no_form(client, cast, who):
    _as(client, cast, who)
    assert client.get("/en/resources/new/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["nobody", "advisory", "reviewer", "provider", "member", "focal_point"])
def test_the_review_queue_is_closed_to_non_reviewers(client, cast, who):
    _as(client, cast, who)
    assert client.get("/en/resources/review/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", NON_REVIEWING_INSIDERS)
def test_non_reviewers_may_not_publish_or_return_on_the_page(client, cast, institution, who):
    waiting = ResourceFactory(owner=institution, countries=["ke"], state="in_review")
    _as(client, cast, who)
    url = f"/en/resources/{waiting.pk}/transitions/"
    assert client.post(url, {"action": "publish"}).status_code == 403
    assert client.post(url, {"action": "return", "reason": "No"}).status_code == 403
    waiting.refresh_from_db()
    assert waiting.state == "in_review"


@pytest.mark.django_db
@pytest.mark.parametrize("who", REVIEWERS)
def test_reviewers_publish_on_the_page(client, cast, institution, who):
    waiting = ResourceFactory(owner=institution, countries=["ke"], state="in_review")
    _as(client, cast, who)
    assert client.get("/en/resources/review/").status_code == 200
    assert client.post(f"/en/resources/{waiting.pk}/transitions/", {"action": "publish"}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "published"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", *OUTSIDERS])
def test_outsiders_do_not_find_a_draft_in_the_api(client, cast, draft, who):
    _as(client, cast, who)
    assert client.get(f"/api/v1/resources/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/resources/{draft.pk}/revisions").status_code == 404
    assert draft.pk not in {item["id"] for item in client.get("/api/v1/resources").json()["items"]}
    expected = 401 if who == "anonymous" else 404
    assert _post_json(
        client, f"/api/v1/resources/{draft.pk}/transitions", {"action": "submit"}
    ).status_code == (expected)
    body = {"kind": "dataset", "title": {"en": "Mine now"}, "version": 1}
    assert client.put(f"/api/v1/resources/{draft.pk}", body, content_type="application/json").status_code == (
        expected
    )


@pytest.mark.django_db
@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_may_not_change_a_published_resource_in_the_api(client, cast, institution, who):
    published = ResourceFactory(owner=institution, countries=["ke"], state="published")
    _as(client, cast, who)
    body = {"kind": "dataset", "title": {"en": "Mine now"}, "version": 1}
    response = client.put(f"/api/v1/resources/{published.pk}", body, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert _post_json(
        client, f"/api/v1/resources/{published.pk}/transitions", {"action": "withdraw"}
    ).status_code == (403)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "nobody", "advisory", "reviewer"])
def test_people_whose_roles_never_describe_resources_cannot_create_in_the_api(client, cast, who):
    _as(client, cast, who)
    response = _post_json(client, "/api/v1/resources", {"kind": "dataset", "title": {"en": "X"}})
    assert response.status_code == (401 if who == "anonymous" else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_member", "provider", "other_focal_point"])
def test_scoped_roles_cannot_create_for_someone_else_in_the_api(client, cast, institution, who):
    _as(client, cast, who)
    body = {"kind": "dataset", "title": {"en": "X"}, "owner": institution.pk, "countries": ["ke"]}
    assert _post_json(client, "/api/v1/resources", body).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who", ["anonymous", "nobody", "advisory", "reviewer", "provider", "member", "focal_point"]
)
def test_the_api_review_queue_is_closed_to_non_reviewers(client, cast, who):
    _as(client, cast, who)
    assert client.get("/api/v1/resources/review-queue").status_code == (401 if who == "anonymous" else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("who", NON_REVIEWING_INSIDERS)
def test_non_reviewers_may_not_publish_or_return_in_the_api(client, cast, institution, who):
    waiting = ResourceFactory(owner=institution, countries=["ke"], state="in_review")
    _as(client, cast, who)
    url = f"/api/v1/resources/{waiting.pk}/transitions"
    assert _post_json(client, url, {"action": "publish"}).status_code == 403
    assert _post_json(client, url, {"action": "return", "reason": "No"}).status_code == 403
