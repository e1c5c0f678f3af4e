"""Uploaded files: refused unless small enough and of an allowed type, checked by content, not just by name.
One rule for every app that takes documents (requests, applications for hosting, the network's shared
documents, the advisory committee's meeting documents)."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import InvalidInput

ZIP = b"PK\x03\x04"
# Extension → (content type, the bytes a real file of that type starts with; None: UTF-8 text).
ALLOWED: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF"),
    ".png": ("image/png", b"\x89PNG"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
}


def check_upload(upload: UploadedFile) -> str:
    """The content type to store, or InvalidInput saying what is wrong."""
    limit = settings.TSC_HUB_MAX_UPLOAD_MB * 1024 * 1024
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if not name or suffix not in ALLOWED:
        allowed = ", ".join(sorted(ALLOWED))
        raise InvalidInput(
            _("Files of this type are not accepted. Accepted: %(types)s.") % {"types": allowed},
            fields={"file": [_("Type not accepted.")]},
        )
    if upload.size is None or upload.size > limit:
        raise InvalidInput(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.TSC_HUB_MAX_UPLOAD_MB},
            fields={"file": [_("File too large.")]},
        )
    content_type, magic = ALLOWED[suffix]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if magic is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if len(head) < 2048:  # a cut through a multi-byte character at 2048 is not an error
                raise InvalidInput(
                    _("The file's content does not match its name."), fields={"file": [_("Not text.")]}
                ) from error
    elif not head.startswith(magic):
        raise InvalidInput(
            _("The file's content does not match its name."), fields={"file": [_("Content differs.")]}
        )
    return content_type
