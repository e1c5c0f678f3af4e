"""Writes about applications: draft, edit until the deadline, submit, withdraw, attach documents.

Invited applications can be completed during phase 2 (the detailed information of SBI/4/7 §11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.centres.models import Subregion
from tsc_hub.core.audit import diff_fields, record_event
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied

# The upload check of requests for assistance (size limit, allowed types, content sniffed): one rule for
# every file the platform accepts.
from tsc_hub.core.uploads import check_upload
from tsc_hub.geography.models import Party
from tsc_hub.hosting.models import Application, ApplicationDocument, Call
from tsc_hub.hosting.permissions import APPLY
from tsc_hub.hosting.services.common import deadline_passed, require, step_application
from tsc_hub.hosting.states import CallKind, CapacityArea
from tsc_hub.hosting.workflow import (
    A_DRAFT,
    A_INVITED,
    A_SUBMITTED,
    A_WITHDRAWN,
    C_OPEN,
    C_PHASE2,
)
from tsc_hub.organisations.models import Organisation

MAX_CAPACITY_TEXT = 4000


@dataclass(frozen=True)
class ApplicationData:
    """What an applicant says (see docs/hosting.md): the organisation is fixed once the draft exists."""

    organisation: int
    subregion: str | None = None
    parties_served: list[str] = field(default_factory=list)
    mandate: str = ""
    willing_to_cooperate: bool = False
    cooperation: str = ""
    willing_to_cohost: bool = False
    cohosting: str = ""
    capacities: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _OrganisationScope:
    organisation: int

    def organisation_ids(self) -> set[int]:
        return {self.organisation}

    def party_codes(self) -> set[str]:
        return set()


def _checked(call: Call, data: ApplicationData) -> tuple[dict[str, Any], list[Party]]:
    errors: dict[str, list[str]] = {}
    organisation = Organisation.objects.filter(pk=data.organisation).first()
    if organisation is None:
        errors["organisation"] = [_("Unknown organisation.")]
    subregion = None
    if call.kind == CallKind.SUBREGIONAL:
        subregion = Subregion.objects.filter(code=data.subregion or "").first()
        if subregion is None:
            errors["subregion"] = [_("Choose the subregion whose centre you would host.")]
    codes = sorted({code.strip().lower() for code in data.parties_served})
    parties = list(Party.objects.filter(code__in=codes))
    if len(parties) != len(codes):
        errors["parties_served"] = [_("Some Parties are not known.")]
    capacities: dict[str, str] = {}
    for key, text in data.capacities.items():
        if key not in CapacityArea.values or not isinstance(text, str):
            errors["capacities"] = [_("Unknown capacity area: %(key)s.") % {"key": key}]
        elif len(text) > MAX_CAPACITY_TEXT:
            errors["capacities"] = [_("Each capacity is described in at most 4,000 characters.")]
        elif text.strip():
            capacities[key] = text.strip()
    if errors:
        raise InvalidInput(_("Some of the application's data is not valid."), fields=errors)
    values = {
        "organisation": organisation,
        "subregion": subregion,
        "mandate": data.mandate.strip(),
        "willing_to_cooperate": data.willing_to_cooperate,
        "cooperation": data.cooperation.strip(),
        "willing_to_cohost": data.willing_to_cohost,
        "cohosting": data.cohosting.strip(),
        "capacities": capacities,
    }
    return values, parties


def _check_open(call: Call) -> None:
    if call.state != C_OPEN or deadline_passed(call):
        raise Conflict(
            _("The deadline of this call has passed: applications can no longer be written or submitted."),
            code="deadline_passed",
        )


def _check_writable(application: Application) -> None:
    """Drafts and submitted applications until the deadline; invited ones during phase 2."""
    call = application.call
    if application.state == A_INVITED and call.state == C_PHASE2:
        return
    if application.state not in (A_DRAFT, A_SUBMITTED):
        raise Conflict(_("This application can no longer be changed."), code="application_closed")
    _check_open(call)


def _content(application: Application) -> dict[str, Any]:
    names = ("mandate", "willing_to_cooperate", "cooperation", "willing_to_cohost", "cohosting", "capacities")
    values = {name: getattr(application, name) for name in names}
    values["subregion"] = application.subregion.code if application.subregion else None
    values["parties_served"] = sorted(p.pk for p in application.parties_served.all())
    return values


@transaction.atomic
def create_application(*, call: Call, data: ApplicationData, by: Any) -> Application:
    """Start an application (a draft) for one's organisation, while the call is open."""
    require(
        by,
        APPLY,
        _OrganisationScope(data.organisation),
        _("Only members of an organisation can apply for it to host a centre."),
    )
    _check_open(Call.objects.select_for_update().get(pk=call.pk))
    values, parties = _checked(call, data)
    twin = Application.objects.filter(
        call=call, organisation=values["organisation"], subregion=values["subregion"]
    ).exclude(state=A_WITHDRAWN)
    if twin.exists():
        raise Conflict(_("Your organisation has already applied for this subregion."), code="duplicate")
    application = Application.objects.create(call=call, **values, created_by=by)
    application.parties_served.set(parties)
    record_event(
        actor=by, action="hosting.create_application", target=application, changes=_content(application)
    )
    return application


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("call").get(pk=application.pk)


@transaction.atomic
def update_application(
    *, application: Application, data: ApplicationData, by: Any, version: int | None = None
) -> Application:
    """Change an application not changed since `version` (its organisation stays)."""
    current = _locked(application)
    require(by, APPLY, current, _("Only members of the applying organisation can change the application."))
    _check_writable(current)
    if version is not None and version != current.version:
        raise Conflict(
            _("Someone changed this application after you opened it; reload it."), code="stale_version"
        )
    values, parties = _checked(current.call, data)
    if values["organisation"] != current.organisation:
        raise InvalidInput(
            _("An application stays with its organisation."), fields={"organisation": [_("Cannot change.")]}
        )
    if current.state == A_INVITED and values["subregion"] != current.subregion:
        raise InvalidInput(
            _("An invited application keeps its subregion."), fields={"subregion": [_("Cannot change.")]}
        )
    before = _content(current)
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    current.save()
    current.parties_served.set(parties)
    changes = diff_fields(before, _content(current))
    record_event(actor=by, action="hosting.update_application", target=current, changes=changes)
    return current


@transaction.atomic
def submit_application(*, application: Application, by: Any) -> Application:
    """Send an application before the deadline: it needs a mandate and the Parties it would serve."""
    current = _locked(application)
    _check_open(current.call)
    missing = {}
    if not current.mandate:
        missing["mandate"] = [_("Describe your organisation's mandate.")]
    if not current.parties_served.exists():
        missing["parties_served"] = [_("Name the Parties you would serve.")]
    if missing:
        raise InvalidInput(_("The application is not complete."), fields=missing)
    step_application(current, "submit", by)
    return current


@transaction.atomic
def withdraw_application(*, application: Application, by: Any, reason: str = "") -> Application:
    """Withdraw an application that has not been decided on."""
    current = _locked(application)
    step_application(current, "withdraw", by, reason)
    return current


@transaction.atomic
def add_document(*, application: Application, upload: UploadedFile, by: Any) -> ApplicationDocument:
    """Attach a supporting document (size and type checked) while the application can be changed."""
    current = _locked(application)
    if by is not None and not by.has_perm(APPLY, current):
        raise PermissionDenied(_("Only members of the applying organisation can add documents."))
    _check_writable(current)
    content_type = check_upload(upload)
    name = PurePath(upload.name or "file").name[:255]
    document = ApplicationDocument.objects.create(
        application=current,
        file=upload,
        name=name,
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=by,
    )
    record_event(
        actor=by, action="hosting.add_document", target=current, changes={"file": name, "size": document.size}
    )
    return document
