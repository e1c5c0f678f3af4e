"""Notifications for people, and how each person wants to receive them by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.notifications.querysets import NotificationQuerySet


class EmailMode(models.TextChoices):
    """When notifications also go out by e-mail."""

    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Never (only on the site)")


class Notification(models.Model):
    """Something that concerns a person. The text is rendered in the reader's language when shown."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # An English message id (marked with gettext_noop where it is written) and its parameters.
    template = models.CharField(max_length=300)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.text()

    def text(self) -> str:
        """The message in the active language."""
        from django.utils.translation import gettext

        try:
            return gettext(self.template) % self.params
        except (KeyError, TypeError, ValueError):
            return gettext(self.template)


class NotificationPreference(models.Model):
    """A person's choice of e-mail delivery."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_mode = models.CharField(
        _("e-mail"), max_length=20, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.email_mode}"
