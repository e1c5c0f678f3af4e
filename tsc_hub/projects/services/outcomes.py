"""What a project produced (typed outputs) and how each side rated it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.geography.models import Party
from tsc_hub.projects.models import Project, ProjectOutput, ProjectRating
from tsc_hub.projects.services.access import (
    Problems,
    lock,
    project_roles,
    require,
    require_open,
    sides_of,
    text,
)
from tsc_hub.projects.states import OutputKind, ProjectState, RatingSide
from tsc_hub.projects.workflow import PARTICIPANTS

K = OutputKind
TRAINED = ("participants_women", "participants_men", "participants_other")
# The fields each kind of output needs; a `title` (what was transferred, the course, the venture) and a
# `description` may accompany any of them.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    K.TECHNOLOGY_TRANSFER: ("from_country", "to_country", "description"),
    K.EXPERT_EXCHANGE: ("experts_count", "from_country", "to_country"),
    K.JOINT_RESEARCH: ("title",),
    K.JOINT_VENTURE: ("title",),
    K.TRAINING: TRAINED,
    K.TOOL_EXCHANGED: ("from_centre", "to_centre"),
    K.EXPERT_NETWORK: ("title", "members_count"),
}
SPECIFIC = (
    "from_country",
    "to_country",
    "experts_count",
    *TRAINED,
    "from_centre",
    "to_centre",
    "members_count",
)


@dataclass
class OutputData:
    """An output of a given kind; besides title and description, only that kind's fields (KIND_FIELDS)."""

    kind: str
    title: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    from_country: str | None = None
    to_country: str | None = None
    experts_count: Any = None
    participants_women: Any = None
    participants_men: Any = None
    participants_other: Any = None
    from_centre: str | None = None
    to_centre: str | None = None
    members_count: Any = None


def _given(value: Any) -> bool:
    return value not in (None, "", {}) and not (
        isinstance(value, dict) and not any(str(v).strip() for v in value.values())
    )


def _count(problems: Problems, name: str, value: Any, least: int) -> int | None:
    try:
        number = int(str(value).strip())
    except ValueError:
        problems.add(name, _("Enter a whole number."))
        return None
    if number < least:
        problems.add(name, _("Enter a whole number of at least %(least)s.") % {"least": least})
        return None
    return number


def _resolve(problems: Problems, name: str, value: Any) -> Any:
    """The object or number behind one kind-specific field."""
    if name in ("from_country", "to_country"):
        party = Party.objects.filter(code=str(value).strip().lower()).first()
        if party is None:
            problems.add(name, _("Choose a Party to the Convention."))
        return party
    if name in ("from_centre", "to_centre"):
        centre = SupportCentre.objects.filter(code=str(value).strip()).first()
        if centre is None:
            problems.add(name, _("Choose a support centre."))
        return centre
    return _count(problems, name, value, 0 if name in TRAINED else 1)


def _check_pairs(problems: Problems, kind: str, values: dict[str, Any]) -> None:
    if (
        kind == K.TECHNOLOGY_TRANSFER
        and values.get("from_country")
        and values.get("from_country") == values.get("to_country")
    ):
        problems.add(
            "to_country", _("Technology is transferred from one country to another: choose two countries.")
        )
    if (
        kind == K.TOOL_EXCHANGED
        and values.get("from_centre")
        and values.get("from_centre") == values.get("to_centre")
    ):
        problems.add("to_centre", _("A tool is exchanged between two different support centres."))
    if kind == K.TRAINING and not problems and not sum(values.get(name) or 0 for name in TRAINED):
        problems.add("participants_women", _("Say how many people were trained."))


def check_output(data: OutputData) -> dict[str, Any]:
    """The model values of an output, or InvalidInput with every problem of its kind's fields."""
    if data.kind not in KIND_FIELDS:
        message = _("Choose a kind of output from the list.")
        raise InvalidInput(message, fields={"kind": [message]})
    problems = Problems()
    wanted = KIND_FIELDS[data.kind]
    values: dict[str, Any] = {
        "kind": data.kind,
        "description": text(problems, "description", data.description),
        "title": text(problems, "title", data.title, required="title" in wanted),
    }
    for name in SPECIFIC:
        raw = getattr(data, name)
        if name not in wanted:
            if _given(raw):
                problems.add(name, _("This field does not apply to this kind of output."))
            continue
        if not _given(raw):
            problems.add(name, _("This field is required."))
            continue
        values[name] = _resolve(problems, name, raw)
    if "description" in wanted and not values["description"]:
        problems.add("description", _("Describe what was transferred."))
    _check_pairs(problems, data.kind, values)
    problems.raise_if_any(_("The output could not be saved; check the fields marked."))
    return values


@transaction.atomic
def record_output(*, project: Project, data: OutputData, by: Any) -> ProjectOutput:
    """Record an output of an open project (the help desk or either side)."""
    locked = lock(project)
    require(
        by, locked, PARTICIPANTS, _("Only the help desk and the two sides record outputs of this project.")
    )
    require_open(locked)
    output = locked.outputs.create(**check_output(data), recorded_by=by)
    record_event(
        actor=by,
        action="project.record_output",
        target=locked,
        changes={"output": output.pk, "kind": output.kind},
    )
    return output


@transaction.atomic
def rate_project(*, project: Project, side: str, score: Any, by: Any, comment: str = "") -> ProjectRating:
    """One side rates a completed project once, from 1 (poor) to 5 (excellent)."""
    locked = lock(project)
    if side not in RatingSide.values:
        message = _("Choose the requester side or the provider side.")
        raise InvalidInput(message, fields={"side": [message]})
    if by is not None and side not in sides_of(project_roles(by, locked)):
        raise PermissionDenied(_("Only people of that side rate the project for it."))
    if locked.state != ProjectState.COMPLETED:
        raise Conflict(_("A project is rated once it is completed."), code="not_completed")
    problems = Problems()
    value = _count(problems, "score", score, 1)
    if value is not None and value > 5:
        problems.add("score", _("Give a score from 1 to 5."))
    problems.raise_if_any(_("The rating could not be saved; check the fields marked."))
    if locked.ratings.filter(side=side).exists():
        raise Conflict(_("This side has already rated the project."), code="already_rated")
    rating = locked.ratings.create(side=side, score=cast(int, value), comment=comment.strip(), by=by)
    record_event(actor=by, action="project.rate", target=locked, changes={"side": side, "score": value})
    return rating
