"""Members of the committee, their terms, and the three subcommittees."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsc_hub.advisory.querysets import MemberQuerySet, MemberTermQuerySet
from tsc_hub.advisory.states import Gender, NominatorKind
from tsc_hub.geography.models import CbdRegionalGroup


class Subcommittee(models.Model):
    """A subcommittee of the committee (SBI/4/7 §34): shipped as data, names in the six languages."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    names = models.JSONField(_("names"), default=dict)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("subcommittee")
        verbose_name_plural = _("subcommittees")

    def __str__(self) -> str:
        from tsc_hub.core.languages import pick_text

        return pick_text(self.names).text or self.code


class Member(models.Model):
    """An expert serving on the committee in a personal capacity, nominated by a Party or an organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="advisory_member",
        verbose_name=_("account"),
    )
    party = models.ForeignKey(
        "geography.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nominated by Party"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nominated by organisation"),
    )
    region = models.CharField(_("CBD regional group"), max_length=20, choices=CbdRegionalGroup.choices)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, default=Gender.NOT_STATED)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    expertise = models.JSONField(_("expertise"), default=dict, blank=True)
    subcommittees: models.ManyToManyField[Subcommittee, SubcommitteeMembership] = models.ManyToManyField(
        Subcommittee,
        through="SubcommitteeMembership",
        related_name="members",
        verbose_name=_("subcommittees"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["user__display_name", "id"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        constraints = [
            models.CheckConstraint(
                name="advisory_member_one_nominator",
                condition=models.Q(party__isnull=False, organisation__isnull=True)
                | models.Q(party__isnull=True, organisation__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def nominator_kind(self) -> str:
        return NominatorKind.PARTY if self.party_id else NominatorKind.ORGANISATION

    @property
    def nominator(self) -> object:
        return self.party or self.organisation


class Term(models.Model):
    """One two-year term of a member (at most two per member); `co_chair` flags a co-chair for the term."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="terms", verbose_name=_("member")
    )
    number = models.PositiveSmallIntegerField(_("term number"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    # Set when a term stops before its planned end (resignation, replacement).
    ended_on = models.DateField(_("ended early on"), null=True, blank=True)
    co_chair = models.BooleanField(_("co-chair"), default=False)
    role_assignment = models.ForeignKey(
        "accounts.RoleAssignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("role given for the term"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MemberTermQuerySet.as_manager()

    class Meta:
        ordering = ["member_id", "number"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(fields=["member", "number"], name="advisory_term_number_once"),
            models.CheckConstraint(
                name="advisory_term_ordered", condition=models.Q(end__gt=models.F("start"))
            ),
            models.CheckConstraint(name="advisory_at_most_two_terms", condition=models.Q(number__in=[1, 2])),
        ]

    def __str__(self) -> str:
        return f"{self.member} #{self.number}: {self.start} – {self.last_day}"

    @property
    def last_day(self) -> object:
        """The last day the term is in force: its planned end, or the day it ended early."""
        return self.ended_on or self.end


class SubcommitteeMembership(models.Model):
    """A member's seat on a subcommittee."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="seats")
    subcommittee = models.ForeignKey(Subcommittee, on_delete=models.PROTECT, related_name="seats")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subcommittee__order", "member_id"]
        verbose_name = _("subcommittee seat")
        verbose_name_plural = _("subcommittee seats")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "subcommittee"], name="advisory_one_seat_per_subcommittee"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.subcommittee}"
