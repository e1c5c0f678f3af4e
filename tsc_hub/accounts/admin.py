"""People and roles in the admin. Roles are granted and revoked through the services (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts import services
from tsc_hub.accounts.models import PersonalToken, RoleAssignment, User
from tsc_hub.core.exceptions import DomainError


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = (
        "role",
        "scope_kind",
        "party",
        "organisation",
        "centre",
        "valid_from",
        "valid_until",
        "revoked_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(admin.ModelAdmin[User]):
    list_display = ("email", "display_name", "preferred_language", "is_active", "last_login")
    search_fields = ("email", "display_name")
    list_filter = ("is_active", "preferred_language")
    fields = ("email", "display_name", "preferred_language", "is_active", "last_login", "date_joined")
    readonly_fields = ("email", "last_login", "date_joined")
    inlines = (RoleAssignmentInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # people sign up themselves; administrators grant roles


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin[RoleAssignment]):
    list_display = (
        "user",
        "role",
        "scope_kind",
        "party",
        "organisation",
        "centre",
        "valid_from",
        "valid_until",
        "revoked_at",
    )
    list_filter = ("role", "scope_kind")
    search_fields = ("user__email",)
    fields = ("user", "role", "party", "organisation", "centre", "valid_from", "valid_until")
    autocomplete_fields = ("user",)
    actions = ("revoke",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: RoleAssignment, form: Any, change: bool) -> None:
        try:
            granted = services.grant_role(
                user=obj.user,
                role=obj.role,
                by=request.user,  # type: ignore[arg-type]
                party=obj.party,
                organisation=obj.organisation,
                centre=obj.centre,
                valid_from=obj.valid_from,
                valid_until=obj.valid_until,
            )
        except DomainError as error:
            self.message_user(request, str(error.message), messages.ERROR)
            return
        obj.pk = granted.pk

    @admin.action(description=_("Revoke the selected roles"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[RoleAssignment]) -> None:
        for assignment in queryset.filter(revoked_at__isnull=True):
            try:
                services.revoke_role(assignment=assignment, by=request.user)  # type: ignore[arg-type]
            except DomainError as error:
                self.message_user(request, str(error.message), messages.ERROR)


@admin.register(PersonalToken)
class PersonalTokenAdmin(admin.ModelAdmin[PersonalToken]):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at")
    search_fields = ("user__email", "name", "prefix")
    readonly_fields = (
        "user",
        "name",
        "prefix",
        "digest",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
