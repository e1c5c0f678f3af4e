"""The engine's records in the admin: weight versions (with an action to put one in use), assignment runs and
stored embeddings, read only; everything else goes through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.admin import ReadOnlyAdmin
from tsc_hub.core.exceptions import DomainError
from tsc_hub.matching.models import AssignmentRun, Embedding, RankingModel
from tsc_hub.matching.weights import activate_ranking_model


@admin.action(description=_("Use this version of the weights"))
def use_version(modeladmin: Any, request: HttpRequest, queryset: QuerySet[RankingModel]) -> None:
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose exactly one version."), messages.ERROR)
        return
    try:
        activate_ranking_model(model=queryset.get(), by=request.user)
    except DomainError as error:
        modeladmin.message_user(request, str(error.message), messages.ERROR)


@admin.register(RankingModel)
class RankingModelAdmin(ReadOnlyAdmin):
    list_display = ("version", "source", "outcomes", "active", "created_at", "created_by")
    readonly_fields = ("version", "weights", "source", "outcomes", "evaluation", "active", "created_by")
    actions = [use_version]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Needed for the action; the fields themselves stay read only.
        return bool(request.user.has_perm("matching.manage_engine"))


@admin.register(AssignmentRun)
class AssignmentRunAdmin(ReadOnlyAdmin):
    list_display = (
        "__str__",
        "assigned",
        "requests",
        "providers",
        "total_quality",
        "fairness_cost",
        "solver",
    )


@admin.register(Embedding)
class EmbeddingAdmin(ReadOnlyAdmin):
    list_display = ("kind", "object_id", "model", "model_version", "dimensions", "computed_at")
    list_filter = ("kind", "model")
    exclude = ("vector",)
