"""Attachments to requests, checked by tsc_hub.core.uploads (size, type and content)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.accounts.policy import roles_held_for
from tsc_hub.assistance.models import AssistanceRequest, RequestAttachment
from tsc_hub.assistance.workflow import REQUESTERS, STAFF
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.core.uploads import check_upload


@transaction.atomic
def add_attachment(*, request: AssistanceRequest, upload: UploadedFile, by: Any) -> RequestAttachment:
    """Attach a document to the request (requesters and the help desk)."""
    if by is not None and not roles_held_for(by, request) & (REQUESTERS | STAFF):
        raise PermissionDenied(_("You may not add files to this request."))
    content_type = check_upload(upload)
    name = PurePath(upload.name or "file").name[:255]
    attachment = RequestAttachment.objects.create(
        request=request,
        file=upload,
        name=name,
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=by,
    )
    record_event(
        actor=by,
        action="request.add_attachment",
        target=request,
        changes={"file": name, "size": attachment.size},
    )
    return attachment
