"""Demo host selection: one call for subregional hosts taken through both phases to a shortlist.

42 expressions of interest (as in SBI/4/7 §11) from organisations in all 16 subregions, two or three per
subregion; two reviewers score them, phase 1 invites about 26, phase 2 shortlists them per subregion, so
the scenario page has choices. The call has the reference "demo-subregional-hosts"; when it exists, seeding
again creates nothing. Only in demo mode: the reviewers get the published demo password.
"""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.accounts.models import User
from tsc_hub.accounts.roles import Role
from tsc_hub.accounts.services import grant_role
from tsc_hub.centres.models import Subregion
from tsc_hub.core.demo import DEMO_PASSWORD, require_demo_mode
from tsc_hub.hosting import services
from tsc_hub.hosting.models import Application, Call, Criterion
from tsc_hub.organisations.models import Organisation
from tsc_hub.organisations.services import OrganisationData, create_organisation

REFERENCE = "demo-subregional-hosts"
REVIEWERS = (("reviewer1@demo.example.org", "Ingrid Larsen"), ("reviewer2@demo.example.org", "Kwame Mensah"))
ACADEMIC = "86D464C3-B5BB-4B02-85E4-1AAD8D64CD27"
# Applications per subregion: three in the first ten (by code), two in the other six → 42.
THREE_IN = 10


def _reviewer(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        user.display_name = name
        user.save(update_fields=["display_name"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    if not user.role_assignments.active().filter(role=Role.APPLICATION_REVIEWER).exists():
        # Application reviewers are not in MFA_REQUIRED_ROLES: no authenticator needed.
        grant_role(user=user, role=Role.APPLICATION_REVIEWER, by=None)
    return user


def _organisations(subregion: Subregion, wanted: int, counts: dict[str, int]) -> list[Organisation]:
    """Organisations of the subregion's countries (demo ones first); missing ones are created."""
    members = sorted(p.pk for p in subregion.members.all())
    found = list(Organisation.objects.filter(country__in=members).order_by("pk")[:wanted])
    for n in range(len(found), wanted):
        country = members[(n * 7) % len(members)]
        name = f"{subregion} Biodiversity Institute {n + 1} (demo host)"
        data = OrganisationData(
            names={"en": name, "fr": f"Institut de la biodiversité {n + 1} – {subregion} (hôte démo)"},
            organisation_type=ACADEMIC,
            country=country,
            original_language="en",
        )
        found.append(create_organisation(data=data, by=None))
        counts["organisations"] += 1
    return found


def _create_call() -> Call:
    data = services.CallData(
        kind="subregional",
        title={
            "en": "Hosts of subregional technical and scientific cooperation support centres (demo)",
            "fr": "Hôtes des centres d'appui sous-régionaux à la coopération technique et scientifique "
            "(démo)",
            "es": "Anfitriones de los centros subregionales de apoyo a la cooperación técnica y científica "
            "(demo)",
            "zh": "次区域科技合作支持中心的主办方（演示）",
            "ar": "مضيفو مراكز الدعم دون الإقليمية للتعاون التقني والعلمي (تجريبي)",
            "ru": "Принимающие организации субрегиональных центров поддержки (демо)",
        },
        description={
            "en": "Two phases, as in CBD/SBI/4/7 §10–13.",
            "zh": "分两个阶段，见 CBD/SBI/4/7 第 10–13 段。",
        },
        framework="subregional-hosts",
        deadline=timezone.now() + datetime.timedelta(days=1),
        phase2_aggregation="zscore",
        reference=REFERENCE,
    )
    call = services.create_call(data=data, by=None)
    services.transition_call(call=call, action="publish", by=None)
    return call


def _apply(call: Call, counts: dict[str, int]) -> list[tuple[Application, int, int]]:
    """Every application, with its position (0, 1, 2) in its subregion and the subregion's index."""
    made = []
    for index, subregion in enumerate(Subregion.objects.prefetch_related("members").order_by("code")):
        members = sorted(p.pk for p in subregion.members.all())
        wanted = 3 if index < THREE_IN else 2
        for position, organisation in enumerate(_organisations(subregion, wanted, counts)):
            serves = members if position == 0 else members[: max(1, len(members) // (position + 1))]
            data = services.ApplicationData(
                organisation=organisation.pk,
                subregion=subregion.code,
                parties_served=[*serves, *([members[0]] if position == 2 else [])],
                mandate=f"{organisation} works on biodiversity science, training and data in {subregion}.",
                willing_to_cooperate=position != 2,
                cooperation="Universities and networks of the subregion." if position != 2 else "",
                willing_to_cohost=position == 1,
                capacities={"technical": "Laboratories and field stations.", "languages": "English, French."},
            )
            application = services.create_application(call=call, data=data, by=None)
            services.submit_application(application=application, by=None)
            made.append((application, position, index))
    return made


def _mark(position: int, index: int, phase: int, harsh: bool) -> float:
    """Deterministic marks: the first of each subregion best; about ten second ones pass phase 1."""
    if phase == 1:
        base = [4.0 + (index % 3) * 0.3, 3.4 if index % 16 < 10 else 2.4, 2.2][position]
    else:
        base = [3.6 + (index % 4) * 0.3, 3.0 + (index % 3) * 0.2, 2.0][position]
    return round(min(5.0, max(0.0, base - 0.4 if harsh else base + 0.2)), 1)


def _score(made: list[tuple[Application, int, int]], assignments: dict[int, list[Any]], phase: int) -> int:
    call = made[0][0].call
    criteria = list(Criterion.objects.filter(phase__framework=call.framework_id, phase__number=phase))
    count = 0
    for application, position, index in made:
        application.refresh_from_db()
        if application.state != ("submitted" if phase == 1 else "invited"):
            continue
        for n, assignment in enumerate(assignments[application.pk]):
            mark = _mark(position, index, phase, harsh=n == 0)
            scores = [services.ScoreData(c.code, mark, _("Demo score")) for c in criteria]
            services.score_application(assignment=assignment, scores=scores, by=assignment.reviewer)
            count += len(scores)
    return count


@transaction.atomic
def seed_hosting() -> dict[str, int]:
    """Create the demo call through both phases; returns what was created (zeros when it exists)."""
    counts = {
        "hosting_calls": 0,
        "hosting_applications": 0,
        "hosting_scores": 0,
        "organisations": 0,
        "people": 0,
    }
    require_demo_mode()
    before = User.objects.filter(email__in=[email for email, _name in REVIEWERS]).count()
    reviewers = [_reviewer(email, name) for email, name in REVIEWERS]
    counts["people"] = len(reviewers) - before
    if Call.objects.filter(reference=REFERENCE).exists():
        return counts
    call = _create_call()
    made = _apply(call, counts)
    assignments = {
        application.pk: [
            services.assign_reviewer(application=application, reviewer=r, by=None) for r in reviewers
        ]
        for application, _position, _index in made
    }
    call = services.update_call(
        call=call,
        data=services.CallData(
            kind=call.kind,
            title=call.title,
            description=call.description,
            framework=call.framework.code,
            deadline=timezone.now() - datetime.timedelta(minutes=1),
            phase2_aggregation=call.phase2_aggregation,
            reference=REFERENCE,
        ),
        by=None,
    )
    services.transition_call(call=call, action="start_review", by=None)
    counts["hosting_scores"] += _score(made, assignments, 1)
    services.close_phase(call=call, phase=1, by=None)
    counts["hosting_scores"] += _score(made, assignments, 2)
    services.close_phase(call=call, phase=2, by=None)
    counts["hosting_calls"], counts["hosting_applications"] = 1, len(made)
    return counts
