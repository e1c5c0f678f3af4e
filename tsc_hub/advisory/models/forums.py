"""Online forums: one for the whole committee and one per subcommittee, with threads and replies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.advisory.querysets import ForumQuerySet, ReplyQuerySet, ThreadQuerySet


def _person(related: str = "+") -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name=related
    )


class Forum(models.Model):
    """A forum: the whole committee's (`subcommittee` empty) or one subcommittee's."""

    subcommittee = models.OneToOneField(
        "advisory.Subcommittee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forum",
        verbose_name=_("subcommittee"),
    )
    names = models.JSONField(_("names"), default=dict)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["subcommittee__order", "id"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text


class Thread(models.Model):
    """A discussion in a forum. Moderators may lock it (no more replies) or hide it, saying why."""

    forum = models.ForeignKey(Forum, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    author = _person()
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True, db_index=True)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    moderated_by = _person()
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("forum thread")
        verbose_name_plural = _("forum threads")

    def __str__(self) -> str:
        return self.title


class Reply(models.Model):
    """A reply in a thread; moderators may hide it, saying why."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("text"))
    author = _person()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    moderated_by = _person()
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("forum reply")
        verbose_name_plural = _("forum replies")

    def __str__(self) -> str:
        return self.body[:60]


class Subscription(models.Model):
    """A person follows a forum or one thread and is notified in the platform of new posts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    forum = models.ForeignKey(
        Forum, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [
            models.CheckConstraint(
                name="advisory_subscription_one_target",
                condition=models.Q(forum__isnull=False, thread__isnull=True)
                | models.Q(forum__isnull=True, thread__isnull=False),
            ),
            models.UniqueConstraint(fields=["user", "forum"], name="advisory_follow_forum_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="advisory_follow_thread_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.forum or self.thread}"
