"""Factories and helpers for the hosting tests; frameworks come from the data migration."""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from tsc_hub.centres.models import Subregion
from tsc_hub.hosting import services
from tsc_hub.hosting.models import Application, Call, Criterion, Framework
from tsc_hub.organisations.tests.factories import OrganisationFactory


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


class CallFactory(factory.django.DjangoModelFactory):
    """An open call for subregional hosts, closing in ten days."""

    class Meta:
        model = Call

    kind = "subregional"
    title = factory.Sequence(lambda n: {"en": f"Hosts of subregional centres {n}", "fr": f"Hôtes {n}"})
    description = {"en": "Expressions of interest."}
    framework = factory.LazyFunction(lambda: Framework.objects.get(code="subregional-hosts"))
    deadline = factory.LazyFunction(lambda: in_days(10))
    state = "open"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft application of a Kenyan NGO for Eastern and Southern Africa, serving Kenya and Tanzania."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    subregion = factory.LazyFunction(lambda: Subregion.objects.get(code="eastern-southern-africa"))
    mandate = "Biodiversity research and training for East Africa."
    willing_to_cooperate = True
    cooperation = "With the universities of the region."
    capacities = {"technical": "Herbarium and genetics laboratory."}
    state = "draft"

    @factory.post_generation
    def parties_served(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            self.parties_served.set(extracted if extracted is not None else ["ke", "tz"])


def application_data(organisation: Any, **changes: Any) -> services.ApplicationData:
    values: dict[str, Any] = {
        "organisation": organisation.pk,
        "subregion": "eastern-southern-africa",
        "parties_served": ["ke", "tz", "ug"],
        "mandate": "Research and training on biodiversity.",
        "willing_to_cooperate": True,
        "cooperation": "With the national universities.",
        "willing_to_cohost": False,
        "capacities": {"technical": "A genetics laboratory.", "languages": "English, Swahili."},
    }
    values.update(changes)
    return services.ApplicationData(**values)


def criteria_of(call: Call, phase: int) -> list[Criterion]:
    return list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase))


def score_all(assignment: Any, value: float, phase: int, by: Any = None) -> None:
    """The reviewer gives every criterion of the phase the same mark."""
    call = assignment.application.call
    data = [services.ScoreData(c.code, value, f"Reason for {c.code}") for c in criteria_of(call, phase)]
    services.score_application(assignment=assignment, scores=data, by=by or assignment.reviewer)


def pass_deadline(call: Call) -> Call:
    Call.objects.filter(pk=call.pk).update(deadline=in_days(-1))
    call.refresh_from_db()
    return call


def shortlisted_call(extra: dict[str, int] | None = None, **call_fields: Any) -> Call:
    """A closed call whose shortlist has one application in each of the 16 subregions serving all its members
    (scores 60, 61, ...), plus `extra[code]` more in some subregions serving only their first member."""
    call = CallFactory(state="closed", **call_fields)
    for n, subregion in enumerate(Subregion.objects.prefetch_related("members").order_by("code")):
        members = sorted(p.pk for p in subregion.members.all())
        for rank in range(1 + (extra or {}).get(subregion.code, 0)):
            ApplicationFactory(
                call=call,
                subregion=subregion,
                state="shortlisted",
                phase1_score=70,
                phase2_score=60 + n - rank,
                rank=rank + 1,
                parties_served=members if rank == 0 else members[:1],
            )
    return call


def run_call(coordination: Any, reviewers: list[Any], marks: list[tuple[Any, float, float]]) -> Call:
    """A call taken through both phases with the services: `marks` are (application, phase 1, phase 2)."""
    call = marks[0][0].call
    assignments = {
        application.pk: [
            services.assign_reviewer(application=application, reviewer=r, by=coordination) for r in reviewers
        ]
        for application, _one, _two in marks
    }
    pass_deadline(call)
    services.transition_call(call=call, action="start_review", by=coordination)
    for application, one, _two in marks:
        for assignment in assignments[application.pk]:
            score_all(assignment, one, 1)
    services.close_phase(call=call, phase=1, by=coordination)
    for application, _one, two in marks:
        application.refresh_from_db()
        if application.state == "invited":
            for assignment in assignments[application.pk]:
                score_all(assignment, two, 2)
    services.close_phase(call=call, phase=2, by=coordination)
    call.refresh_from_db()
    return call
