"""Writes of meetings: the coordination records them with their agenda, publishes them to members,
adds documents (checked like every upload of the platform) and the minutes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsc_hub.advisory.models import AgendaItem, Meeting, MeetingDocument, Subcommittee
from tsc_hub.advisory.services.common import Problems, require_coordination
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.core.languages import clean_multilingual
from tsc_hub.core.uploads import check_upload


def _text(problems: Problems, name: str, value: Any, *, required: bool = False) -> dict[str, str]:
    try:
        return clean_multilingual(value, required=required)
    except ValueError as error:
        problems.add(name, str(error))
        return {}


@dataclass
class MeetingData:
    """A meeting of the whole committee (no subcommittee) or of one subcommittee."""

    title: dict[str, str]
    date: datetime.date
    place: str = ""
    online: bool = False
    subcommittee: str = ""
    agenda: list[dict[str, str]] = field(default_factory=list)


@transaction.atomic
def record_meeting(*, data: MeetingData, by: Any, meeting: Meeting | None = None) -> Meeting:
    """Record (or, given `meeting`, change) a meeting and its agenda; members see it once published."""
    require_coordination(by, _("Only the coordination entity records the committee's meetings."))
    problems = Problems()
    title = _text(problems, "title", data.title, required=True)
    agenda = [_text(problems, "agenda", item, required=True) for item in data.agenda]
    place = data.place.strip()[:200]
    if not place and not data.online:
        problems.add("place", _("Give the place, or say the meeting is online."))
    subcommittee = None
    if data.subcommittee:
        subcommittee = Subcommittee.objects.filter(code=data.subcommittee).first()
        if subcommittee is None:
            problems.add("subcommittee", _("Choose a subcommittee from the list."))
    problems.raise_if_any(_("The meeting could not be saved; check the fields marked."))
    values = {"title": title, "date": data.date, "place": place, "online": data.online}
    if meeting is None:
        meeting = Meeting.objects.create(subcommittee=subcommittee, created_by=by, **values)
    else:
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.subcommittee = subcommittee
        meeting.save()
        meeting.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=number, title=item) for number, item in enumerate(agenda, start=1)
    )
    record_event(actor=by, action="advisory.record_meeting", target=meeting, changes={"date": data.date})
    return meeting


@transaction.atomic
def publish_meeting(*, meeting: Meeting, by: Any) -> Meeting:
    """Show the meeting, its agenda and documents to the members."""
    require_coordination(by, _("Only the coordination entity publishes meetings."))
    if meeting.published_at is None:
        meeting.published_at = timezone.now()
        meeting.save(update_fields=["published_at"])
        record_event(actor=by, action="advisory.publish_meeting", target=meeting, changes={})
    return meeting


@transaction.atomic
def publish_minutes(*, meeting: Meeting, minutes: dict[str, str], by: Any) -> Meeting:
    """Record the report (minutes) of a meeting and publish it to the members with the meeting."""
    require_coordination(by, _("Only the coordination entity publishes the minutes."))
    problems = Problems()
    cleaned = _text(problems, "minutes", minutes, required=True)
    problems.raise_if_any(_("The minutes could not be saved; check the fields marked."))
    now = timezone.now()
    meeting.minutes = cleaned
    meeting.minutes_published_at = now
    meeting.published_at = meeting.published_at or now
    meeting.save(update_fields=["minutes", "minutes_published_at", "published_at"])
    record_event(
        actor=by, action="advisory.publish_minutes", target=meeting, changes={"languages": sorted(cleaned)}
    )
    return meeting


@transaction.atomic
def add_meeting_document(*, meeting: Meeting, title: str, upload: UploadedFile, by: Any) -> MeetingDocument:
    """Attach a document to a meeting: same size, type and content checks as attachments to requests."""
    require_coordination(by, _("Only the coordination entity adds meeting documents."))
    if not title.strip():
        message = _("Give the document a title.")
        raise InvalidInput(message, fields={"title": [message]})
    content_type = check_upload(upload)
    document = MeetingDocument.objects.create(
        meeting=meeting,
        title=title.strip()[:300],
        file=upload,
        name=PurePath(upload.name or "file").name[:255],
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=by,
    )
    record_event(
        actor=by, action="advisory.add_meeting_document", target=document, changes={"name": document.name}
    )
    return document
