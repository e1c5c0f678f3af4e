"""The collaboration space between centres: shared documents, tools exchanged, joint annual meetings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.network.models._common import centre, person
from tsc_hub.network.querysets import SpaceQuerySet, ToolExchangeQuerySet
from tsc_hub.network.states import ToolKind


class JointMeeting(models.Model):
    """A joint annual meeting of the centres (decision text of SBI/4/7, para. (d))."""

    title = models.JSONField(_("title"), default=dict)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    centres = models.ManyToManyField(
        "centres.SupportCentre", related_name="+", blank=True, verbose_name=_("centres taking part")
    )
    # Free-text names ("Ana Pérez (Andes centre)"): participants need not have an account.
    participants = models.JSONField(_("participants"), default=list, blank=True)
    agenda = models.JSONField(_("agenda"), default=dict, blank=True)
    minutes = models.JSONField(_("minutes"), default=dict, blank=True)
    created_by = person()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("joint meeting")
        verbose_name_plural = _("joint meetings")

    def __str__(self) -> str:
        return f"{self.date}: {self.place}"


def _upload_to(instance: SharedDocument, filename: str) -> str:
    owner = instance.centre_id or "coordination"
    return f"network/{owner}/{filename}"


class SharedDocument(models.Model):
    """A document a centre (or the coordination entity, `centre` empty) shares with the network."""

    centre = models.ForeignKey(
        "centres.SupportCentre",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared by"),
    )
    meeting = models.ForeignKey(
        JointMeeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=_upload_to)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = person()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")

    def __str__(self) -> str:
        return self.title


class ToolExchange(models.Model):
    """A tool or technical resource one centre gave another outside a project (indicator (g)).

    Exchanges made within a cooperation project are project outputs (projects app); `project_output`
    links an exchange recorded here to such an output so that it is counted once (docs/adr/0020)."""

    from_centre = centre("tools_given", _("from centre"))
    to_centre = centre("tools_received", _("to centre"))
    kind = models.CharField(_("kind"), max_length=30, choices=ToolKind.choices, default=ToolKind.TOOL)
    title = models.JSONField(_("what"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    date = models.DateField(_("date"))
    link = models.URLField(_("link"), max_length=500, blank=True)
    project_output = models.OneToOneField(
        "projects.ProjectOutput",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_exchange",
        verbose_name=_("project output"),
    )
    recorded_by = person()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ToolExchangeQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("tool exchanged between centres")
        verbose_name_plural = _("tools exchanged between centres")
        constraints = [
            models.CheckConstraint(
                name="network_exchange_between_two_centres",
                condition=~models.Q(from_centre=models.F("to_centre")),
            )
        ]

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title).text
