"""The help desk's records: conversations on requests, answer templates, enquiries and the FAQ."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.helpdesk.querysets import (
    AnswerTemplateQuerySet,
    EnquiryQuerySet,
    EnquiryReplyQuerySet,
    FaqEntryQuerySet,
    RequestMessageQuerySet,
)
from tsc_hub.helpdesk.states import EnquiryCategory, EnquiryState


class RequestMessage(models.Model):
    """A message in the conversation on a request; an internal note is never shown to the requester."""

    request = models.ForeignKey(
        "assistance.AssistanceRequest", on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    internal = models.BooleanField(_("internal note"), default=False)
    language = models.CharField(_("language"), max_length=2, default="en")
    template_code = models.SlugField(_("answer template used"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = RequestMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message on a request")
        verbose_name_plural = _("messages on requests")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.body[:60]}"


class AnswerTemplate(models.Model):
    """A reusable answer in six languages; {requester}, {title} and {centre} are filled when used."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.JSONField(_("title"), default=dict)
    body = models.JSONField(_("text"), default=dict)
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnswerTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.title).text or self.code


class Enquiry(models.Model):
    """A general question to the help desk that is not a request for assistance."""

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("question"))
    category = models.CharField(_("category"), max_length=30, choices=EnquiryCategory.choices)
    language = models.CharField(_("language"), max_length=2, default="en")
    # A signed-in person, or a visitor known only by name and e-mail address.
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    party = models.ForeignKey(
        "geography.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    centre = models.ForeignKey(
        "centres.SupportCentre", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=EnquiryState.choices, default=EnquiryState.NEW
    )
    state_changed_at = models.DateTimeField(_("in this state since"), auto_now_add=True)
    due_at = models.DateTimeField(_("answer due"), db_index=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self) -> str:
        return self.subject


class EnquiryStep(models.Model):
    """A state change of an enquiry, with who and when, so time in each state is a query."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=20, choices=EnquiryState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=EnquiryState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("enquiry step")
        verbose_name_plural = _("enquiry steps")

    def __str__(self) -> str:
        return f"{self.enquiry_id}: {self.from_state} -{self.action}-> {self.to_state}"


class EnquiryReply(models.Model):
    """A reply on an enquiry, from the help desk or the enquirer; internal ones stay in the help desk."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("reply"))
    internal = models.BooleanField(_("internal note"), default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = EnquiryReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply to an enquiry")
        verbose_name_plural = _("replies to enquiries")

    def __str__(self) -> str:
        return f"{self.enquiry_id}: {self.body[:60]}"


class FaqEntry(models.Model):
    """A frequently asked question with its answer, in six languages, shown publicly when published."""

    question = models.JSONField(_("question"), default=dict)
    answer = models.JSONField(_("answer"), default=dict)
    category = models.CharField(_("category"), max_length=30, choices=EnquiryCategory.choices)
    original_language = models.CharField(_("original language"), max_length=2, default="en")
    published = models.BooleanField(_("published"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    enquiry = models.ForeignKey(
        Enquiry, null=True, blank=True, on_delete=models.SET_NULL, related_name="faq_entries"
    )
    code = models.SlugField(_("code"), max_length=60, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FaqEntryQuerySet.as_manager()

    class Meta:
        ordering = ["category", "position", "id"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.question, original=self.original_language).text or f"#{self.pk}"
