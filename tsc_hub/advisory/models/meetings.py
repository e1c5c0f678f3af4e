"""Meetings of the committee or of a subcommittee, their agenda, documents and minutes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.advisory.querysets import MeetingQuerySet


class Meeting(models.Model):
    """A meeting of the whole committee (`subcommittee` empty) or of one subcommittee."""

    subcommittee = models.ForeignKey(
        "advisory.Subcommittee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("subcommittee"),
    )
    title = models.JSONField(_("title"), default=dict)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    minutes = models.JSONField(_("minutes"), default=dict, blank=True)
    # Members see a meeting once the coordination publishes it; minutes follow with their own date.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return f"{self.date}: {pick_text(self.title).text}"


class AgendaItem(models.Model):
    """One item of a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.JSONField(_("title"), default=dict)

    class Meta:
        ordering = ["meeting_id", "number"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="advisory_agenda_number_once")
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return f"{self.number}. {pick_text(self.title).text}"


def _upload_to(instance: MeetingDocument, filename: str) -> str:
    return f"advisory/meetings/{instance.meeting_id}/{filename}"


class MeetingDocument(models.Model):
    """A document of a meeting, for members only."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=_upload_to)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title
