"""The committee's records in the admin: read only, and only for admin users who are coordination staff."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tsc_hub.advisory import models

pytestmark = pytest.mark.django_db
MODELS = [getattr(models, name) for name in models.__all__]


def test_every_model_is_registered_read_only_and_hidden_from_platform_admins(people):
    request = RequestFactory().get("/")
    for model in MODELS:
        model_admin = admin.site._registry[model]
        for who in ("admin", "coordination"):
            request.user = people[who]
            assert not model_admin.has_add_permission(request)
            assert not model_admin.has_change_permission(request)
            assert not model_admin.has_delete_permission(request)
        request.user = people["admin"]
        assert not model_admin.has_view_permission(request)
        assert not model_admin.has_module_permission(request)


def test_the_admin_changelist_is_closed_to_a_platform_admin(client, people):
    people["admin"].is_staff = True
    people["admin"].save()
    client.force_login(people["admin"])
    response = client.get("/admin/advisory/thread/")
    assert response.status_code in (302, 403)
