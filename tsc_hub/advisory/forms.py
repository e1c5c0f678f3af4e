"""Forms of the committee's pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ThreadForm(forms.Form):
    """A new discussion in a forum."""

    title = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))


class ReplyForm(forms.Form):
    """A reply in a thread."""

    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}))


class DocumentForm(forms.Form):
    """A document of a meeting."""

    title = forms.CharField(label=_("Title"), max_length=300)
    file = forms.FileField(label=_("File"))


def _subcommittee_choices() -> list[tuple[str, str]]:
    from tsc_hub.advisory.models import Subcommittee

    return [(item.code, str(item)) for item in Subcommittee.objects.all()]


def _party_choices() -> list[tuple[str, str]]:
    from tsc_hub.geography.models import Party

    parties = Party.objects.exclude(cbd_group="").order_by("code")
    return [("", "—"), *((party.code, str(party)) for party in parties)]


class AppointForm(forms.Form):
    """A nominated expert appointed with a first term (the rules are the service's)."""

    email = forms.EmailField(
        label=_("Account e-mail"), help_text=_("The expert signs up first; give the account's e-mail.")
    )
    party = forms.ChoiceField(label=_("Nominated by Party"), required=False)
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Nominated by organisation"), queryset=None, required=False
    )
    region = forms.ChoiceField(
        label=_("CBD regional group"),
        required=False,
        help_text=_("For organisation nominees; a Party's nominee takes the Party's group."),
    )
    gender = forms.ChoiceField(label=_("Gender"))
    affiliation = forms.CharField(label=_("Affiliation"), max_length=300, required=False)
    start = forms.DateField(label=_("First term starts"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("First term ends"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a full two-year term."),
    )
    co_chair = forms.BooleanField(label=_("Co-chair for this term"), required=False)
    subcommittees = forms.MultipleChoiceField(
        label=_("Subcommittees"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from tsc_hub.advisory.states import Gender
        from tsc_hub.geography.models import CbdRegionalGroup
        from tsc_hub.organisations.models import Organisation

        super().__init__(*args, **kwargs)
        self.fields["party"].choices = _party_choices()  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.all()  # type: ignore[attr-defined]
        self.fields["region"].choices = [("", "—"), *CbdRegionalGroup.choices]  # type: ignore[attr-defined]
        self.fields["gender"].choices = Gender.choices  # type: ignore[attr-defined]
        self.fields["subcommittees"].choices = _subcommittee_choices()  # type: ignore[attr-defined]

    def clean_email(self) -> Any:
        from tsc_hub.accounts.models import User

        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this e-mail; ask the expert to sign up first."))
        self.cleaned_data["user"] = user
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("party")) == bool(cleaned.get("organisation")):
            self.add_error("party", _("A member is nominated either by a Party or by an organisation."))
        return cleaned


class TermForm(forms.Form):
    """The renewal: a member's second (and last) term."""

    start = forms.DateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Ends"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a full two-year term."),
    )
    co_chair = forms.BooleanField(label=_("Co-chair for this term"), required=False)


class EndTermForm(forms.Form):
    """Ending the current term early."""

    on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class SeatForm(forms.Form):
    """A seat on a subcommittee to add or remove."""

    subcommittee = forms.ChoiceField(label=_("Subcommittee"))
    action = forms.ChoiceField(choices=[("add", _("Add")), ("remove", _("Remove"))], widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subcommittee"].choices = _subcommittee_choices()  # type: ignore[attr-defined]


class MeetingForm(forms.Form):
    """A meeting with its agenda, one item a line; texts are kept in the language of the page."""

    title = forms.CharField(label=_("Title"), max_length=300)
    subcommittee = forms.ChoiceField(label=_("Of"), required=False)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One item a line."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        whole = ("", _("The whole committee"))
        self.fields["subcommittee"].choices = [whole, *_subcommittee_choices()]  # type: ignore[attr-defined]

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["agenda"].splitlines() if line.strip()]


class MinutesForm(forms.Form):
    """The report of a meeting, in the language of the page."""

    minutes = forms.CharField(label=_("Report of the meeting"), widget=forms.Textarea(attrs={"rows": 10}))
