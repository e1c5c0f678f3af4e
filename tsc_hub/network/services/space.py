"""Writes of the collaboration space: shared documents, tools exchanged between centres, joint meetings."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import SupportCentre
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput, PermissionDenied
from tsc_hub.core.uploads import check_upload
from tsc_hub.network.models import JointMeeting, SharedDocument, ToolExchange
from tsc_hub.network.permissions import reads_all, roles_for, staff_centres
from tsc_hub.network.services.common import Problems, require_coordination, text
from tsc_hub.network.states import ToolKind
from tsc_hub.projects.models import ProjectOutput
from tsc_hub.projects.states import OutputKind


@transaction.atomic
def share_document(
    *,
    centre: SupportCentre | None,
    title: str,
    upload: UploadedFile,
    by: Any,
    meeting: JointMeeting | None = None,
) -> SharedDocument:
    """Share a document with the network: for a centre by its staff, or (no centre) by the coordination."""
    if by is not None:
        if centre is None and not roles_for(by, None) & {"coordination_staff"}:
            raise PermissionDenied(_("Only the coordination entity shares documents in its own name."))
        if centre is not None and centre.pk not in staff_centres(by):
            raise PermissionDenied(_("You may share documents only for your own centre."))
    if not title.strip():
        message = _("Give the document a title.")
        raise InvalidInput(message, fields={"title": [message]})
    content_type = check_upload(upload)
    document = SharedDocument.objects.create(
        centre=centre,
        meeting=meeting,
        title=title.strip()[:300],
        file=upload,
        name=PurePath(upload.name or "file").name[:255],
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=by,
    )
    record_event(actor=by, action="network.share_document", target=document, changes={"name": document.name})
    return document


@transaction.atomic
def delete_document(*, document: SharedDocument, by: Any) -> None:
    """Remove a shared document: its centre's staff, or coordination staff."""
    if by is not None and not (
        (document.centre_id is not None and document.centre_id in staff_centres(by))
        or "coordination_staff" in roles_for(by, None)
    ):
        raise PermissionDenied(_("Only the centre that shared this document may remove it."))
    record_event(actor=by, action="network.delete_document", target=document, changes={"name": document.name})
    document.file.delete(save=False)
    document.delete()


@dataclass
class ExchangeData:
    """A tool or technical resource given by one centre to another."""

    from_centre: str
    to_centre: str
    title: dict[str, str]
    date: datetime.date
    kind: str = ToolKind.TOOL
    description: dict[str, str] = field(default_factory=dict)
    link: str = ""
    project_output_id: int | None = None


def _centre(problems: Problems, name: str, code: str) -> SupportCentre | None:
    found = SupportCentre.objects.filter(code=(code or "").strip()).first()
    if found is None:
        problems.add(name, _("Choose a support centre."))
    return found


@transaction.atomic
def record_tool_exchange(*, data: ExchangeData, by: Any) -> ToolExchange:
    """Record an exchange between two centres: the staff of either centre, or coordination staff."""
    problems = Problems()
    giver = _centre(problems, "from_centre", data.from_centre)
    taker = _centre(problems, "to_centre", data.to_centre)
    if giver is not None and giver == taker:
        problems.add("to_centre", _("A tool is exchanged between two different support centres."))
    if data.kind not in ToolKind.values:
        problems.add("kind", _("Choose a kind from the list."))
    values = {
        "title": text(problems, "title", data.title, required=True),
        "description": text(problems, "description", data.description),
    }
    output = None
    if data.project_output_id is not None:
        output = ProjectOutput.objects.filter(
            pk=data.project_output_id, kind=OutputKind.TOOL_EXCHANGED
        ).first()
        if output is None or ToolExchange.objects.filter(project_output=output).exists():
            problems.add("project_output_id", _("Choose a tool output of a project not yet linked."))
    problems.raise_if_any(_("The exchange could not be saved; check the fields marked."))
    assert giver is not None
    assert taker is not None
    if by is not None and not ({giver.pk, taker.pk} & staff_centres(by) or reads_all(by)):
        raise PermissionDenied(
            _("Only the staff of the two centres, or the coordination entity, record this.")
        )
    exchange = ToolExchange.objects.create(
        from_centre=giver,
        to_centre=taker,
        kind=data.kind,
        date=data.date,
        link=data.link.strip()[:500],
        project_output=output,
        recorded_by=by,
        **values,
    )
    record_event(
        actor=by,
        action="network.record_tool_exchange",
        target=exchange,
        changes={"from": giver.code, "to": taker.code, "date": data.date},
    )
    return exchange


@dataclass
class MeetingData:
    """A joint annual meeting of the centres."""

    title: dict[str, str]
    date: datetime.date
    place: str
    centres: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    agenda: dict[str, str] = field(default_factory=dict)
    minutes: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def record_meeting(*, data: MeetingData, by: Any, meeting: JointMeeting | None = None) -> JointMeeting:
    """Record (or, given `meeting`, change) a joint meeting: the coordination entity organises them."""
    require_coordination(by, _("Only the coordination entity records the joint meetings."))
    problems = Problems()
    values = {
        "title": text(problems, "title", data.title, required=True),
        "agenda": text(problems, "agenda", data.agenda),
        "minutes": text(problems, "minutes", data.minutes),
        "place": data.place.strip()[:200],
        "date": data.date,
        "participants": [name.strip() for name in data.participants if name.strip()],
    }
    if not values["place"]:
        problems.add("place", _("This field is required."))
    centres = list(SupportCentre.objects.filter(code__in=data.centres))
    if len(centres) != len(set(data.centres)):
        problems.add("centres", _("Choose support centres from the list."))
    problems.raise_if_any(_("The meeting could not be saved; check the fields marked."))
    if meeting is None:
        meeting = JointMeeting.objects.create(created_by=by, **values)
    else:
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.save()
    meeting.centres.set(centres)
    record_event(actor=by, action="network.record_meeting", target=meeting, changes={"date": data.date})
    return meeting
