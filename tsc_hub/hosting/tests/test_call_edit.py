"""Changing a call on its page and through `PUT /api/v1/hosting/calls/{id}`: coordination only, while the
call is a draft or open, with optimistic locking on `version`."""

import pytest

from tsc_hub.core.models import AuditEvent
from tsc_hub.hosting.models import Call
from tsc_hub.hosting.tests.factories import CallFactory, in_days

pytestmark = pytest.mark.django_db

NOT_COORDINATION = ["member", "other_member", "provider", "focal_point", "officer", "reviewer", "advisory"]


def _form(call, **changes):
    form = {
        "kind": "subregional",
        "framework": "subregional-hosts",
        "deadline": "2031-01-31T12:00",
        "original_language": "en",
        "title_en": "Hosts of the subregional centres, second round",
        "title_fr": "Hôtes des centres sous-régionaux, deuxième tour",
        "description_en": "Send your expression of interest.",
        "phase1_aggregation": "zscore",
        "phase2_aggregation": "mean",
        "version": call.version,
    }
    form.update(changes)
    return form


def _api_body(call, **changes):
    body = {
        "kind": "subregional",
        "title": {"en": "Hosts, changed"},
        "framework": "subregional-hosts",
        "deadline": in_days(20).isoformat(),
        "phase2_aggregation": "zscore",
        "version": call.version,
    }
    body.update(changes)
    return body


def _snapshot(call):
    fresh = Call.objects.get(pk=call.pk)
    return (fresh.title, fresh.deadline, fresh.phase1_aggregation, fresh.version)


def _edits():
    return AuditEvent.objects.filter(action="hosting.update_call").count()


def test_coordination_changes_an_open_call_on_its_page(client, cast, call):
    client.force_login(cast["coordination"])
    assert 'id="edit-call"' in client.get(f"/en/hosting/{call.pk}/").content.decode()
    page = client.get(f"/en/hosting/{call.pk}/edit/")
    assert page.status_code == 200
    assert str(call.title["en"]) in page.content.decode()
    response = client.post(f"/en/hosting/{call.pk}/edit/", _form(call))
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == {
        "en": "Hosts of the subregional centres, second round",
        "fr": "Hôtes des centres sous-régionaux, deuxième tour",
    }
    assert call.description == {"en": "Send your expression of interest."}
    assert (call.deadline.year, call.phase1_aggregation, call.version, call.state) == (
        2031,
        "zscore",
        2,
        "open",
    )
    event = AuditEvent.objects.get(action="hosting.update_call")
    assert (event.actor, event.target_id) == (cast["coordination"], str(call.pk))
    assert set(event.changes) == {"title", "description", "deadline", "phase1_aggregation"}


def test_an_open_call_keeps_its_framework_and_the_page_says_so_in_french(client, cast, call):
    client.force_login(cast["coordination"])
    before = _snapshot(call)
    response = client.post(f"/fr/hosting/{call.pk}/edit/", _form(call, deadline=""))
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    response = client.post(
        f"/en/hosting/{call.pk}/edit/",
        _form(call, kind="global", framework="global-coordination-host"),
    )
    assert response.status_code == 409
    assert "An open call keeps its kind and framework." in response.content.decode()
    assert _snapshot(call) == before
    assert _edits() == 0


def test_a_stale_form_is_refused(client, cast, call):
    client.force_login(cast["coordination"])
    assert client.post(f"/en/hosting/{call.pk}/edit/", _form(call)).status_code == 302
    before = _snapshot(call)
    response = client.post(f"/en/hosting/{call.pk}/edit/", _form(call, version=1, title_en="Old"))
    assert response.status_code == 409
    assert "Someone changed this call after you opened it" in response.content.decode()
    assert _snapshot(call) == before


@pytest.mark.parametrize("state", ["phase1", "phase2", "closed", "cancelled"])
def test_a_call_under_review_or_over_cannot_be_changed(client, cast, state):
    call = CallFactory(state=state, deadline=in_days(-1))
    before = _snapshot(call)
    client.force_login(cast["coordination"])
    page = client.get(f"/en/hosting/{call.pk}/")
    assert 'id="edit-call"' not in page.content.decode()
    response = client.get(f"/en/hosting/{call.pk}/edit/")
    assert response.status_code == 409
    assert "A call can be changed only while it is a draft or open." in response.content.decode()
    assert client.post(f"/en/hosting/{call.pk}/edit/", _form(call)).status_code == 409
    api = client.put(f"/api/v1/hosting/calls/{call.pk}", _api_body(call), content_type="application/json")
    assert (api.status_code, api.json()["code"]) == (409, "call_closed")
    assert _snapshot(call) == before
    assert _edits() == 0


def test_anonymous_is_sent_to_sign_in_and_the_api_refuses(client, call):
    before = _snapshot(call)
    assert client.get(f"/en/hosting/{call.pk}/edit/").status_code == 302
    assert client.post(f"/en/hosting/{call.pk}/edit/", _form(call)).status_code == 302
    api = client.put(f"/api/v1/hosting/calls/{call.pk}", _api_body(call), content_type="application/json")
    assert api.status_code == 401
    assert _snapshot(call) == before


@pytest.mark.parametrize("who", NOT_COORDINATION)
def test_only_coordination_changes_a_call(client, cast, call, who):
    before = _snapshot(call)
    draft = CallFactory(state="draft")
    client.force_login(cast[who])
    assert 'id="edit-call"' not in client.get(f"/en/hosting/{call.pk}/").content.decode()
    assert client.get(f"/en/hosting/{call.pk}/edit/").status_code == 403
    assert client.post(f"/en/hosting/{call.pk}/edit/", _form(call)).status_code == 403
    assert client.post(f"/en/hosting/{draft.pk}/edit/", _form(draft)).status_code == 404
    api = client.put(f"/api/v1/hosting/calls/{call.pk}", _api_body(call), content_type="application/json")
    assert (api.status_code, api.json()["code"]) == (403, "permission_denied")
    hidden = client.put(
        f"/api/v1/hosting/calls/{draft.pk}", _api_body(draft), content_type="application/json"
    )
    assert hidden.status_code == 404
    assert _snapshot(call) == before
    assert _edits() == 0


def test_the_api_changes_a_call_with_optimistic_locking(client, cast):
    call = CallFactory(state="draft")
    client.force_login(cast["coordination"])
    response = client.put(
        f"/api/v1/hosting/calls/{call.pk}", _api_body(call), content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["title"], body["phase2_aggregation"], body["version"]) == (
        {"en": "Hosts, changed"},
        "zscore",
        2,
    )
    call.refresh_from_db()
    assert (call.title, call.version) == ({"en": "Hosts, changed"}, 2)
    stale = client.put(
        f"/api/v1/hosting/calls/{call.pk}",
        _api_body(call, version=1, title={"en": "Lost"}),
        content_type="application/json",
    )
    assert (stale.status_code, stale.json()["code"]) == (409, "stale_version")
    invalid = client.put(
        f"/api/v1/hosting/calls/{call.pk}",
        _api_body(call, version=2, title={}),
        content_type="application/json",
    )
    assert (invalid.status_code, invalid.json()["code"]) == (422, "invalid_input")
    call.refresh_from_db()
    assert (call.title, call.version) == ({"en": "Hosts, changed"}, 2)
    assert _edits() == 1
