"""Loading the reference data the project ships (data/parties.json, data/regions.json) into the database.

The files are the source of truth: loading upserts Parties by code and Regions by identifier and sets
each region's members from its `select` rule. It works with the live models and with the historical
models a data migration gets from `apps.get_model`, so it uses no custom manager or model method.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

from django.db import models, transaction

# Called with (steps done, steps in all) as the load advances: one step per Party and per region.
Progress = Callable[[int, int], None]

# Party field -> key of an entry in parties.json.
PARTY_FIELDS: dict[str, str] = {
    "names": "names",
    "m49_code": "m49",
    "m49_region": "region",
    "m49_subregion": "subregion",
    "cbd_group": "cbd_group",
    "is_ldc": "ldc",
    "is_sids": "sids",
}
REGION_FIELDS: tuple[str, ...] = ("kind", "labels", "rule")
SELECT_KEYS = frozenset({"all", "m49_region", "m49_subregion", "cbd_group", "ldc", "sids", "codes"})
GLOBAL_REGION = "5D13EC43-F3E0-415E-AF67-62CCC85899AF"


def _read(name: str) -> dict[str, Any]:
    text = resources.files("tsc_hub.geography").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def read_parties() -> list[dict[str, Any]]:
    """The Party entries of data/parties.json."""
    parties: list[dict[str, Any]] = _read("parties.json")["parties"]
    return parties


def read_regions() -> list[dict[str, Any]]:
    """The region entries of data/regions.json."""
    regions: list[dict[str, Any]] = _read("regions.json")["regions"]
    return regions


def _matches(select: Mapping[str, Any], party: Mapping[str, Any]) -> bool:
    checks: dict[str, Callable[[Any], bool]] = {
        "all": lambda wanted: bool(wanted),
        "m49_region": lambda wanted: party["region"] == wanted,
        "m49_subregion": lambda wanted: party["subregion"] in wanted,
        "cbd_group": lambda wanted: party["cbd_group"] == wanted,
        "ldc": lambda wanted: party["ldc"] is wanted,
        "sids": lambda wanted: party["sids"] is wanted,
        "codes": lambda wanted: party["code"] in wanted,
    }
    return all(checks[key](wanted) for key, wanted in select.items())


def select_members(select: Mapping[str, Any], parties: Iterable[Mapping[str, Any]]) -> set[str]:
    """The codes of the Party entries a `select` rule covers: every key of the rule must hold.

    Raises ValueError for an empty rule or an unknown key, so a typo cannot select everyone or no one.
    """
    if not select:
        raise ValueError("a select rule needs at least one key")
    unknown = set(select) - SELECT_KEYS
    if unknown:
        raise ValueError(f"unknown select keys: {sorted(unknown)}")
    return {str(party["code"]) for party in parties if _matches(select, party)}


def _default_models() -> tuple[type[models.Model], type[models.Model]]:
    from tsc_hub.geography.models import Party, Region

    return Party, Region


def _upsert(
    model: type[models.Model], key: str, wanted: dict[str, dict[str, Any]], tick: Callable[[], None]
) -> tuple[dict[str, int], dict[str, models.Model]]:
    """Create or update rows of `model` keyed by `key` so their fields equal `wanted`; no duplicates."""
    manager = model._default_manager
    existing = {getattr(row, key): row for row in manager.filter(**{f"{key}__in": list(wanted)})}
    created, changed = [], []
    fields: set[str] = set()
    for value, data in wanted.items():
        row = existing.get(value)
        if row is None:
            created.append(model(**{key: value}, **data))
        else:
            differing = [name for name, new in data.items() if getattr(row, name) != new]
            for name in differing:
                setattr(row, name, data[name])
            if differing:
                changed.append(row)
                fields.update(differing)
        tick()
    manager.bulk_create(created)
    if changed:
        manager.bulk_update(changed, sorted(fields))
    rows = {getattr(row, key): row for row in manager.filter(**{f"{key}__in": list(wanted)})}
    unchanged = len(wanted) - len(created) - len(changed)
    return {"created": len(created), "updated": len(changed), "unchanged": unchanged}, rows


def _set_memberships(
    region_model: type[models.Model], regions: dict[str, models.Model], members: dict[str, set[str]]
) -> dict[str, int]:
    """Make the members of each loaded region exactly those its rule selects; other regions are left alone."""
    through: Any = region_model._meta.get_field("members").remote_field.through  # type: ignore[union-attr]
    region_ids = {regions[identifier].pk: identifier for identifier in members}
    current: dict[Any, set[str]] = {pk: set() for pk in region_ids}
    for region_id, party_id in through.objects.filter(region_id__in=list(region_ids)).values_list(
        "region_id", "party_id"
    ):
        current[region_id].add(party_id)
    added = removed = 0
    to_create: list[Any] = []
    for region_id, identifier in region_ids.items():
        wanted = members[identifier]
        extra = current[region_id] - wanted
        if extra:
            removed += through.objects.filter(region_id=region_id, party_id__in=sorted(extra)).delete()[0]
        missing = sorted(wanted - current[region_id])
        to_create.extend(through(region_id=region_id, party_id=code) for code in missing)
        added += len(missing)
    through.objects.bulk_create(to_create)
    return {"memberships_added": added, "memberships_removed": removed}


def load_reference_data(
    party_model: type[models.Model] | None = None,
    region_model: type[models.Model] | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Upsert the shipped Parties and regions and their memberships in one transaction; idempotent.

    Rows not in the files are kept (other data may point at them) and reported as `parties_not_in_file`.
    Returns counts of what was created, updated, left unchanged and the totals afterwards.
    """
    default_party, default_region = _default_models()
    party_model = party_model or default_party
    region_model = region_model or default_region
    parties, regions = read_parties(), read_regions()
    total, done = len(parties) + len(regions), 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    party_rows = {p["code"]: {field: p[key] for field, key in PARTY_FIELDS.items()} for p in parties}
    region_rows = {r["identifier"]: {field: r[field] for field in REGION_FIELDS} for r in regions}
    members = {r["identifier"]: select_members(r["select"], parties) for r in regions}
    with transaction.atomic():
        party_counts, _ = _upsert(party_model, "code", party_rows, tick)
        region_counts, loaded_regions = _upsert(region_model, "identifier", region_rows, tick)
        membership_counts = _set_memberships(region_model, loaded_regions, members)
        through: Any = region_model._meta.get_field("members").remote_field.through  # type: ignore[union-attr]
        return {
            **{f"parties_{name}": count for name, count in party_counts.items()},
            **{f"regions_{name}": count for name, count in region_counts.items()},
            **membership_counts,
            "parties": party_model._default_manager.count(),
            "parties_not_in_file": party_model._default_manager.exclude(code__in=list(party_rows)).count(),
            "regions": region_model._default_manager.count(),
            "memberships": through.objects.count(),
        }
