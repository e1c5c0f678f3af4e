"""What a person gives to describe a harvest source, and the checks that turn it into values.

Every check adds its problems to one list, so a person learns about all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from tsc_hub.core.exceptions import InvalidInput
from tsc_hub.harvest.models import DEFAULT_METADATA_PREFIX, HarvestSource
from tsc_hub.harvest.states import Protocol, Schedule
from tsc_hub.knowledge.states import ResourceKind
from tsc_hub.knowledge.validation import DEFAULT_SOURCE
from tsc_hub.organisations.models import Organisation

_WEB = URLValidator(schemes=["http", "https"])
# Placeholders a CHM JSON address may hold to read a paged list (see docs/harvest.md).
PAGE_PLACEHOLDERS = ("{page}", "{offset}")


@dataclass
class SourceData:
    """A harvest source as given."""

    name: str
    protocol: str
    base_url: str
    extra_urls: str = ""
    oai_set: str = ""
    metadata_prefix: str = DEFAULT_METADATA_PREFIX
    default_kind: str = ResourceKind.PUBLICATION.value
    fallback_organisation: int | None = None
    publish_on_import: bool = False
    active: bool = True
    schedule: str = Schedule.DAILY.value


class _Problems(dict[str, list[str]]):
    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)


def _check_url(problems: _Problems, name: str, url: str, *, paged: bool) -> None:
    plain = url
    for placeholder in PAGE_PLACEHOLDERS:
        plain = plain.replace(placeholder, "1")
    if plain != url and not paged:
        problems.add(name, _("Only CHM JSON addresses may hold {page} or {offset}."))
    try:
        _WEB(plain)
    except ValidationError:
        problems.add(
            name, _("Give a web address starting with http:// or https:// (%(url)s).") % {"url": url}
        )
    if len(url) > 500:
        problems.add(name, _("An address may have at most 500 characters."))


def _check_name(problems: _Problems, data: SourceData, instance: HarvestSource | None) -> str:
    name = " ".join(data.name.split())
    if not name:
        problems.add("name", _("Give the source a name."))
    elif len(name) > 100:
        problems.add("name", _("At most %(count)s characters.") % {"count": 100})
    elif name.casefold() == DEFAULT_SOURCE:
        problems.add(
            "name", _("“%(name)s” names tsc-hub's own records; choose another name.") % {"name": name}
        )
    others = HarvestSource.objects.exclude(pk=instance.pk) if instance else HarvestSource.objects.all()
    if name and others.filter(name__iexact=name).exists():
        problems.add("name", _("Another source already has this name."))
    renamed = instance is not None and instance.name != name
    if renamed and instance is not None and instance.runs.exists():
        problems.add(
            "name",
            _(
                "The name cannot change once the source has been harvested: the records harvested from it "
                "carry it as their source."
            ),
        )
    return name


def _check_protocol_fields(problems: _Problems, data: SourceData, values: dict[str, Any]) -> None:
    oai = data.protocol == Protocol.OAI_PMH
    if data.protocol not in Protocol.values:
        problems.add("protocol", _("Choose OAI-PMH or CHM JSON."))
    _check_url(problems, "base_url", values["base_url"], paged=not oai)
    extra = [line.strip() for line in data.extra_urls.splitlines() if line.strip()]
    if extra and oai:
        problems.add("extra_urls", _("An OAI-PMH source has one address; leave this empty."))
    for url in extra:
        _check_url(problems, "extra_urls", url, paged=True)
    values["extra_urls"] = "\n".join(extra)
    oai_set, prefix = data.oai_set.strip(), data.metadata_prefix.strip()
    if oai_set and not oai:
        problems.add("oai_set", _("Only OAI-PMH sources have sets; leave this empty."))
    if len(oai_set) > 200 or any(character.isspace() for character in oai_set):
        problems.add("oai_set", _("Give the set's setSpec, without spaces (at most 200 characters)."))
    if oai and prefix != DEFAULT_METADATA_PREFIX:
        problems.add(
            "metadata_prefix",
            _("Only oai_dc (unqualified Dublin Core) can be read into resources; give oai_dc."),
        )
    values.update(oai_set=oai_set, metadata_prefix=prefix if oai else "")


def _check_choices(problems: _Problems, data: SourceData, values: dict[str, Any]) -> None:
    if data.default_kind not in ResourceKind.values:
        problems.add("default_kind", _("Choose one of the kinds of resource."))
    if data.schedule not in Schedule.values:
        problems.add("schedule", _("Choose every day, every week or only by hand."))
    organisation = None
    if data.fallback_organisation is not None:
        organisation = Organisation.objects.filter(pk=data.fallback_organisation).first()
        if organisation is None:
            problems.add("fallback_organisation", _("Choose an organisation from the directory."))
    values.update(
        default_kind=data.default_kind,
        schedule=data.schedule,
        fallback_organisation=organisation,
        publish_on_import=bool(data.publish_on_import),
        active=bool(data.active),
    )


def check_source(data: SourceData, instance: HarvestSource | None = None) -> dict[str, Any]:
    """The model values of a valid source; InvalidInput lists every problem, in the reader's language."""
    problems = _Problems()
    values: dict[str, Any] = {
        "name": _check_name(problems, data, instance),
        "protocol": data.protocol,
        "base_url": data.base_url.strip(),
    }
    _check_protocol_fields(problems, data, values)
    _check_choices(problems, data, values)
    duplicates = HarvestSource.objects.filter(
        protocol=values["protocol"], base_url=values["base_url"], oai_set=values["oai_set"]
    )
    if instance is not None:
        duplicates = duplicates.exclude(pk=instance.pk)
    if values["base_url"] and duplicates.exists():
        problems.add("base_url", _("Another source already harvests this address (and set)."))
    if problems:
        raise InvalidInput(
            _("The source could not be saved; check the fields marked."), fields=dict(problems)
        )
    return values
