"""Forms of the hosting pages: a call, an application, a reviewer's scores, the scenario options.

They check the shape of what was typed; the services check the rules.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsc_hub.accounts.models import RoleAssignment, User
from tsc_hub.accounts.roles import Role
from tsc_hub.centres.models import Subregion
from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES, pick_text
from tsc_hub.hosting.models import Application, Call, Criterion, Framework, ReviewAssignment
from tsc_hub.hosting.scenarios import DEFAULT_KS
from tsc_hub.hosting.services import ApplicationData, CallData, ScoreData
from tsc_hub.hosting.states import Aggregation, CallKind, CapacityArea
from tsc_hub.organisations.forms import LANGUAGE_CHOICES, party_choices
from tsc_hub.organisations.models import Organisation

MULTILINGUAL = {"title": (_("Title"), 0), "description": (_("Description"), 4)}


def _boxes(form: forms.Form, name: str, rows: int) -> None:
    for code in UN_LANGUAGES:
        widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
        widget.attrs.update({"lang": code, "dir": "auto"})
        form.fields[f"{name}_{code}"] = forms.CharField(
            label=NATIVE_NAMES[code], widget=widget, required=False, max_length=10_000
        )


class CallForm(forms.Form):
    """A call for hosts: texts in the UN languages, kind, framework, deadline and aggregation per phase."""

    kind = forms.ChoiceField(label=_("Kind"), choices=CallKind.choices)
    framework = forms.ChoiceField(label=_("Evaluation framework"))
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    original_language = forms.ChoiceField(label=_("Language of this record"), choices=LANGUAGE_CHOICES)
    phase1_aggregation = forms.ChoiceField(label=_("Aggregation in phase 1"), choices=Aggregation.choices)
    phase2_aggregation = forms.ChoiceField(label=_("Aggregation in phase 2"), choices=Aggregation.choices)
    # The version of the call the form was opened on (optimistic locking when changing a call).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, record: Call | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record = record
        for name, (_legend, rows) in MULTILINGUAL.items():
            _boxes(self, name, rows)
        field: Any = self.fields["framework"]
        field.choices = [(f.code, str(f)) for f in Framework.objects.all()]
        if record is not None and not self.is_bound:
            deadline = timezone.localtime(record.deadline).replace(tzinfo=None, second=0, microsecond=0)
            self.initial = {
                "kind": record.kind,
                "framework": record.framework.code,
                "deadline": deadline.isoformat(timespec="minutes"),
                "original_language": record.original_language,
                "phase1_aggregation": record.phase1_aggregation,
                "phase2_aggregation": record.phase2_aggregation,
                "version": record.version,
                **{
                    f"{n}_{code}": getattr(record, n).get(code, "")
                    for n in MULTILINGUAL
                    for code in UN_LANGUAGES
                },
            }

    def multilingual(self) -> list[dict[str, Any]]:
        return [
            {"legend": legend, "fields": [self[f"{name}_{code}"] for code in UN_LANGUAGES]}
            for name, (legend, _rows) in MULTILINGUAL.items()
        ]

    def texts(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{name}_{code}", "") for code in UN_LANGUAGES}

    def to_data(self) -> CallData:
        data = self.cleaned_data
        deadline = data["deadline"]
        if timezone.is_naive(deadline):
            deadline = timezone.make_aware(deadline)
        return CallData(
            kind=data["kind"],
            title=self.texts("title"),
            description=self.texts("description"),
            framework=data["framework"],
            deadline=deadline,
            original_language=data["original_language"],
            phase1_aggregation=data["phase1_aggregation"],
            phase2_aggregation=data["phase2_aggregation"],
            reference=self.record.reference if self.record is not None else None,
        )


def member_organisations(user: Any) -> Any:
    held = RoleAssignment.objects.active().filter(user_id=user.pk, role=Role.INSTITUTION_MEMBER)
    return Organisation.objects.filter(pk__in=held.values("organisation_id"))


class ApplicationForm(forms.Form):
    """An application: organisation, subregion, Parties served, mandate, cooperation and capacities."""

    organisation = forms.ChoiceField(label=_("Applying organisation"))
    subregion = forms.ChoiceField(label=_("Subregion whose centre you would host"), required=False)
    parties_served = forms.MultipleChoiceField(
        label=_("Parties you are willing to serve (they may go beyond the subregion)"),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    mandate = forms.CharField(label=_("Mandate"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000)
    willing_to_cooperate = forms.BooleanField(
        label=_("Willing to enter cooperative arrangements"), required=False
    )
    cooperation = forms.CharField(
        label=_("With whom, and how"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    willing_to_cohost = forms.BooleanField(label=_("Willing to co-host the centre"), required=False)
    cohosting = forms.CharField(
        label=_("Co-hosting arrangements"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(
        self, *args: Any, user: Any, call: Call, record: Application | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.call, self.record = call, record
        organisations = member_organisations(user)
        if record is not None:
            organisations = Organisation.objects.filter(pk=record.organisation_id)
        fields: Any = self.fields
        fields["organisation"].choices = [(str(o.pk), str(o)) for o in organisations]
        fields["subregion"].choices = [("", "—"), *((s.code, str(s)) for s in Subregion.objects.all())]
        if call.kind != CallKind.SUBREGIONAL:
            del self.fields["subregion"]
        fields["parties_served"].choices = party_choices()
        for area in CapacityArea:
            self.fields[f"capacity_{area.value}"] = forms.CharField(
                label=area.label, widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=4000
            )
        if record is not None and not self.is_bound:
            self.initial = {
                "organisation": str(record.organisation_id),
                "subregion": record.subregion.code if record.subregion else "",
                "parties_served": [p.pk for p in record.parties_served.all()],
                **{n: getattr(record, n) for n in ("mandate", "willing_to_cooperate", "cooperation")},
                **{n: getattr(record, n) for n in ("willing_to_cohost", "cohosting")},
                **{f"capacity_{k}": v for k, v in record.capacities.items()},
            }

    def capacity_fields(self) -> list[Any]:
        return [self[f"capacity_{area.value}"] for area in CapacityArea]

    def to_data(self) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(
            organisation=int(data["organisation"]),
            subregion=data.get("subregion") or None,
            parties_served=list(data["parties_served"]),
            mandate=data["mandate"],
            willing_to_cooperate=data["willing_to_cooperate"],
            cooperation=data["cooperation"],
            willing_to_cohost=data["willing_to_cohost"],
            cohosting=data["cohosting"],
            capacities={a.value: data[f"capacity_{a.value}"] for a in CapacityArea},
        )


class ScoreForm(forms.Form):
    """One mark and one reason per criterion of the phase under way."""

    def __init__(
        self, *args: Any, assignment: ReviewAssignment, criteria: list[Criterion], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.criteria = criteria
        framework = assignment.application.call.framework
        given = {s.criterion_id: s for s in assignment.scores.all()}
        for criterion in criteria:
            score = given.get(criterion.pk)
            self.fields[f"value_{criterion.code}"] = forms.DecimalField(
                label=_("Score"),
                min_value=Decimal(framework.scale_min),
                max_value=Decimal(framework.scale_max),
                decimal_places=2,
                initial=score.value if score else None,
            )
            self.fields[f"reason_{criterion.code}"] = forms.CharField(
                label=_("Reason"),
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.reason if score else "",
                max_length=4000,
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "criterion": c,
                "guidance": pick_text(c.guidance).text,
                "value": self[f"value_{c.code}"],
                "reason": self[f"reason_{c.code}"],
            }
            for c in self.criteria
        ]

    def to_data(self) -> list[ScoreData]:
        data = self.cleaned_data
        return [ScoreData(c.code, data[f"value_{c.code}"], data[f"reason_{c.code}"]) for c in self.criteria]


class AssignForm(forms.Form):
    """Choose a reviewer for an application."""

    reviewer = forms.ChoiceField(label=_("Reviewer"))

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        held = RoleAssignment.objects.active().filter(role=Role.APPLICATION_REVIEWER)
        field: Any = self.fields["reviewer"]
        field.choices = [(str(u.pk), str(u)) for u in User.objects.filter(pk__in=held.values("user_id"))]


def _ks(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError as error:
        raise forms.ValidationError(_("Whole numbers separated by commas.")) from error


class ScenarioForm(forms.Form):
    """The scenarios to compare: minimum numbers of centres, the cap per subregion, the minimum score."""

    ks = forms.CharField(label=_("Numbers of centres (separated by commas)"), initial="13, 15, 19")
    max_per_subregion = forms.IntegerField(label=_("At most per subregion"), min_value=1, initial=1)
    min_score = forms.DecimalField(label=_("Minimum phase 2 score"), min_value=0, max_value=100, initial=0)

    def clean_ks(self) -> list[int]:
        return _ks(self.cleaned_data["ks"]) or list(DEFAULT_KS)
