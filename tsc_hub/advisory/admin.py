"""The committee's records in the admin, read only: appointments, terms, meetings and the forums' moderation
go through the services (and their pages), which check the rules and keep the audit log. Platform
administrators are kept out of the committee's space (docs/adr/0021-advisory-committee.md), so the admin
shows these records only to people who are also coordination staff."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tsc_hub.advisory.models import (
    AgendaItem,
    Forum,
    Meeting,
    MeetingDocument,
    Member,
    Reply,
    Subcommittee,
    SubcommitteeMembership,
    Subscription,
    Term,
    Thread,
)
from tsc_hub.advisory.permissions import is_coordination
from tsc_hub.core.admin import ReadOnlyAdmin


class CommitteeAdmin(ReadOnlyAdmin):
    """Read only, and only for admin users who are coordination staff (members serve in a personal
    capacity; the forums and meetings are preparatory)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_coordination(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_coordination(request.user) and super().has_view_permission(request, obj)


@admin.register(Subcommittee)
class SubcommitteeAdmin(CommitteeAdmin):
    list_display = ("code", "__str__", "order")


@admin.register(Member)
class MemberAdmin(CommitteeAdmin):
    list_display = ("__str__", "party", "organisation", "region", "gender")
    list_filter = ("region", "gender")
    search_fields = ("user__email", "user__display_name")


@admin.register(Term)
class TermAdmin(CommitteeAdmin):
    list_display = ("member", "number", "start", "end", "ended_on", "co_chair")
    list_filter = ("co_chair", "number")


@admin.register(SubcommitteeMembership)
class SubcommitteeMembershipAdmin(CommitteeAdmin):
    list_display = ("member", "subcommittee", "joined_at")


@admin.register(Meeting)
class MeetingAdmin(CommitteeAdmin):
    list_display = ("__str__", "subcommittee", "online", "published_at", "minutes_published_at")


@admin.register(AgendaItem)
class AgendaItemAdmin(CommitteeAdmin):
    list_display = ("__str__", "meeting")


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(CommitteeAdmin):
    list_display = ("title", "meeting", "name", "size", "uploaded_at")


@admin.register(Forum)
class ForumAdmin(CommitteeAdmin):
    list_display = ("__str__", "subcommittee")


@admin.register(Thread)
class ThreadAdmin(CommitteeAdmin):
    list_display = ("title", "forum", "author", "hidden", "locked", "last_activity_at")
    list_filter = ("hidden", "locked")


@admin.register(Reply)
class ReplyAdmin(CommitteeAdmin):
    list_display = ("__str__", "thread", "author", "hidden", "created_at")
    list_filter = ("hidden",)


@admin.register(Subscription)
class SubscriptionAdmin(CommitteeAdmin):
    list_display = ("user", "forum", "thread")
